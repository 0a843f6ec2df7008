import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../../src/enums/index.js';
import {
  ENUM_COLUMNS,
  ENUMS,
  GainslyError,
  InvalidEnumValueError,
  MovementRuleType,
  OPEN_CATEGORICAL_COLUMNS,
  PersonaAggression,
  RecoverySource,
  columnsUsingEnum,
  defineEnum,
  enumColumnsOf,
  isEnumName,
  type AnyEnumCodec,
  type EnumLabel,
  type EnumValue,
  type MovementRuleTypeLabel,
} from '../../src/enums/index.js';

// ---------------------------------------------------------------------------------------------
// The expected enums, typed out by hand from the upstream spec (gainsly-database-overview.md section 2,
// kept outside this repository; the enums are described in docs/data-model.md, "Enums"), and the PG
// type names as docs/data-model.md, "Enums" gives them. Labels and values are separate lists, as the
// upstream spec writes them, so a label paired with the wrong value fails too. Nothing here is derived
// from the code under test.
// ---------------------------------------------------------------------------------------------
interface Expected {
  name: string;
  pgType: string | null;
  labels: string[];
  values: (string | number)[];
}

const EXPECTED: Expected[] = [
  {
    name: 'MovementPattern',
    pgType: 'movementpattern',
    labels: ['SQUAT', 'HINGE', 'HORIZONTAL_PUSH', 'VERTICAL_PUSH', 'HORIZONTAL_PULL', 'VERTICAL_PULL', 'CARRY', 'CORE',
      'LUNGE', 'ROTATION', 'PLYOMETRIC', 'OLYMPIC', 'ISOLATION', 'MOBILITY', 'ISOMETRIC', 'CONDITIONING', 'CARDIO'],
    values: ['squat', 'hinge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'carry', 'core',
      'lunge', 'rotation', 'plyometric', 'olympic', 'isolation', 'mobility', 'isometric', 'conditioning', 'cardio'],
  },
  {
    name: 'PrimaryRegion',
    pgType: null,
    labels: ['ANTERIOR_LOWER', 'POSTERIOR_LOWER', 'SHOULDER', 'ANTERIOR_UPPER', 'POSTERIOR_UPPER', 'FULL_BODY',
      'LOWER_BODY', 'UPPER_BODY'],
    values: ['anterior lower', 'posterior lower', 'shoulder', 'anterior upper', 'posterior upper', 'full body',
      'lower body', 'upper body'],
  },
  {
    name: 'PrimaryMuscle',
    pgType: null,
    labels: ['QUADRICEPS', 'HAMSTRINGS', 'GLUTES', 'CALVES', 'CHEST', 'LATS', 'UPPER_BACK', 'REAR_DELTS', 'FRONT_DELTS',
      'SIDE_DELTS', 'BICEPS', 'TRICEPS', 'FOREARMS', 'CORE', 'OBLIQUES', 'LOWER_BACK', 'HIP_FLEXORS', 'ADDUCTORS',
      'FULL_BODY'],
    values: ['quadriceps', 'hamstrings', 'glutes', 'calves', 'chest', 'lats', 'upper_back', 'rear_delts', 'front_delts',
      'side_delts', 'biceps', 'triceps', 'forearms', 'core', 'obliques', 'lower_back', 'hip_flexors', 'adductors',
      'full_body'],
  },
  {
    name: 'MetricType',
    pgType: null,
    labels: ['REPS', 'TIME', 'TIME_UNDER_TENSION', 'DISTANCE'],
    values: ['reps', 'time', 'time_under_tension', 'distance'],
  },
  {
    name: 'SkillLevel',
    pgType: null,
    labels: ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT', 'ELITE'],
    values: ['beginner', 'intermediate', 'advanced', 'expert', 'elite'],
  },
  {
    name: 'CNSLoad',
    pgType: null,
    labels: ['VERY_LOW', 'LOW', 'MODERATE', 'HIGH', 'VERY_HIGH'],
    values: ['very_low', 'low', 'moderate', 'high', 'very_high'],
  },
  {
    name: 'Goal',
    pgType: 'goal',
    labels: ['STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 'FAT_LOSS', 'MOBILITY', 'EXPLOSIVENESS', 'SPEED'],
    values: ['strength', 'hypertrophy', 'endurance', 'fat_loss', 'mobility', 'explosiveness', 'speed'],
  },
  {
    name: 'SplitTemplate',
    pgType: 'splittemplate',
    labels: ['UPPER_LOWER', 'PPL', 'FULL_BODY', 'HYBRID'],
    values: ['upper_lower', 'ppl', 'full_body', 'hybrid'],
  },
  {
    name: 'ProgressionStyle',
    pgType: 'progressionstyle',
    labels: ['SINGLE_PROGRESSION', 'DOUBLE_PROGRESSION', 'PAUSED_VARIATIONS', 'BUILD_TO_DROP', 'WAVE_LOADING'],
    values: ['single_progression', 'double_progression', 'paused_variations', 'build_to_drop', 'wave_loading'],
  },
  {
    name: 'MovementRuleType',
    pgType: 'movementruletype',
    labels: ['HARD_NO', 'HARD_YES', 'PREFERRED'],
    values: ['hard_no', 'hard_yes', 'preferred'],
  },
  {
    name: 'RuleCadence',
    pgType: 'rulecadence',
    labels: ['PER_MICROCYCLE', 'WEEKLY', 'BIWEEKLY'],
    values: ['per_microcycle', 'weekly', 'biweekly'],
  },
  {
    name: 'EnjoyableActivity',
    pgType: 'enjoyableactivity',
    labels: ['TENNIS', 'BOULDERING', 'CYCLING', 'SWIMMING', 'HIKING', 'BASKETBALL', 'FOOTBALL', 'YOGA', 'MARTIAL_ARTS',
      'DANCE', 'OTHER'],
    values: ['tennis', 'bouldering', 'cycling', 'swimming', 'hiking', 'basketball', 'football', 'yoga', 'martial_arts',
      'dance', 'other'],
  },
  {
    name: 'SessionType',
    pgType: 'sessiontype',
    labels: ['UPPER', 'LOWER', 'PUSH', 'PULL', 'LEGS', 'FULL_BODY', 'CARDIO', 'MOBILITY', 'RECOVERY', 'SKILL', 'CUSTOM'],
    values: ['upper', 'lower', 'push', 'pull', 'legs', 'full_body', 'cardio', 'mobility', 'recovery', 'skill', 'custom'],
  },
  {
    name: 'ExerciseRole',
    pgType: 'exerciserole',
    labels: ['WARMUP', 'MAIN', 'ACCESSORY', 'SKILL', 'FINISHER', 'COOLDOWN'],
    values: ['warmup', 'main', 'accessory', 'skill', 'finisher', 'cooldown'],
  },
  {
    name: 'MicrocycleStatus',
    pgType: 'microcyclestatus',
    labels: ['PLANNED', 'ACTIVE', 'COMPLETE'],
    values: ['planned', 'active', 'complete'],
  },
  {
    name: 'E1RMFormula',
    pgType: 'e1rmformula',
    labels: ['EPLEY', 'BRZYCKI', 'LOMBARDI', 'OCONNER'],
    values: ['epley', 'brzycki', 'lombardi', 'oconner'],
  },
  {
    name: 'RecoverySource',
    pgType: 'recoverysource',
    labels: ['DUMMY', 'MANUAL', 'GARMIN', 'APPLE', 'AURA_RING', 'WHOOP_BAND'],
    values: ['dummy', 'manual', 'garmin', 'apple', 'aura ring', 'whoop band'],
  },
  {
    name: 'PersonaTone',
    pgType: 'personatone',
    labels: ['DRILL_SERGEANT', 'SUPPORTIVE', 'ANALYTICAL', 'MOTIVATIONAL', 'MINIMALIST'],
    values: ['drill_sergeant', 'supportive', 'analytical', 'motivational', 'minimalist'],
  },
  {
    name: 'RelationshipType',
    pgType: null,
    labels: ['PROGRESSION', 'REGRESSION', 'VARIATION', 'ANTAGONIST', 'PREP'],
    values: ['progression', 'regression', 'variation', 'antagonist', 'prep'],
  },
  {
    name: 'CircuitType',
    pgType: 'circuittype',
    labels: ['ROUNDS_FOR_TIME', 'AMRAP', 'EMOM', 'LADDER', 'TABATA', 'CHIPPER', 'STATION'],
    values: ['rounds_for_time', 'amrap', 'emom', 'ladder', 'tabata', 'chipper', 'station'],
  },
  {
    name: 'StressBucket',
    pgType: null,
    labels: ['STRENGTH', 'CONDITIONING', 'IMPACT_UPPER', 'IMPACT_LOWER', 'CNS'],
    values: ['strength', 'conditioning', 'impact_upper', 'impact_lower', 'cns'],
  },
  {
    name: 'PersonaAggression',
    pgType: 'personaaggression',
    labels: ['CONSERVATIVE', 'MODERATE_CONSERVATIVE', 'BALANCED', 'MODERATE_AGGRESSIVE', 'AGGRESSIVE'],
    values: [1, 2, 3, 4, 5],
  },
  {
    name: 'ExperienceLevel',
    pgType: 'experiencelevel',
    labels: ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'],
    values: ['beginner', 'intermediate', 'advanced', 'expert'],
  },
  {
    name: 'Visibility',
    pgType: 'visibility',
    labels: ['PRIVATE', 'FRIENDS', 'PUBLIC'],
    values: ['private', 'friends', 'public'],
  },
];

const STRING_ONLY = ['PrimaryRegion', 'PrimaryMuscle', 'MetricType', 'SkillLevel', 'CNSLoad', 'RelationshipType', 'StressBucket'];

/** Inputs that no codec may accept in either direction. */
const HOSTILE: unknown[] = [
  null,
  undefined,
  42,
  Number.NaN,
  -0,
  true,
  '',
  ' ',
  '__proto__',
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  {},
  [],
  Object.create(null),
  Symbol('x'),
  10n,
  () => 'hard_no',
  new String('hard_no'),
];

const codecOf = (name: string): AnyEnumCodec => (ENUMS as Record<string, AnyEnumCodec>)[name]!;
const objectOf = (name: string): Record<string, unknown> => (api as unknown as Record<string, Record<string, unknown>>)[name]!;

function catchError(fn: () => unknown): InvalidEnumValueError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEnumValueError) return error;
    throw new Error(`expected InvalidEnumValueError, got ${String(error)}`);
  }
  throw new Error('expected InvalidEnumValueError, nothing was thrown');
}

describe('enum registry', () => {
  it('has the 24 overview enums, keyed by name, in the overview order', () => {
    expect(EXPECTED).toHaveLength(24);
    expect(Object.keys(ENUMS)).toEqual(EXPECTED.map((e) => e.name));
    expect(Object.isFrozen(ENUMS)).toBe(true);
  });

  it('has 17 SQL enum types and 7 string-only enums', () => {
    const nullPg = Object.values(ENUMS as Record<string, AnyEnumCodec>).filter((c) => c.pgType === null).map((c) => c.name);
    expect(nullPg.sort()).toEqual([...STRING_ONLY].sort());
    expect(Object.values(ENUMS).filter((c) => c.pgType !== null)).toHaveLength(17);
  });

  it('isEnumName accepts only own enum names', () => {
    expect(isEnumName('MovementRuleType')).toBe(true);
    expect(isEnumName('movementruletype')).toBe(false);
    expect(isEnumName('__proto__')).toBe(false);
    expect(isEnumName('toString')).toBe(false);
    expect(isEnumName(undefined)).toBe(false);
  });
});

describe.each(EXPECTED)('$name', ({ name, pgType, labels, values }) => {
  const codec = codecOf(name);
  const expectedRecord = Object.fromEntries(labels.map((label, i) => [label, values[i]]));

  it('exports the member object with every label and value in order, frozen', () => {
    const object = objectOf(name);
    expect(Object.keys(object)).toEqual(labels);
    expect(Object.values(object)).toEqual(values);
    expect(Object.isFrozen(object)).toBe(true);
  });

  it('codec describes the enum: name, pgType, values, dbValues, both records', () => {
    expect(codec.name).toBe(name);
    expect(codec.pgType).toBe(pgType);
    expect(codec.values).toEqual(values);
    expect(codec.dbValues).toEqual(labels);
    expect(codec.dbToSemantic).toEqual(expectedRecord);
    expect(Object.keys(codec.dbToSemantic)).toEqual(labels);
    expect(codec.semanticToDb).toEqual(Object.fromEntries(labels.map((label, i) => [String(values[i]), label])));
    for (const part of [codec, codec.values, codec.dbValues, codec.dbToSemantic, codec.semanticToDb]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it('round-trips every member through toDb / fromDb, is and parse', () => {
    labels.forEach((label, i) => {
      const value = values[i]!;
      expect(codec.toDb(value)).toBe(label);
      expect(codec.fromDb(label)).toBe(value);
      expect(codec.fromDb(codec.toDb(value))).toBe(value);
      expect(codec.is(value)).toBe(true);
      expect(codec.parse(value)).toBe(value);
    });
  });

  it('rejects labels where values are expected, and values where labels are expected', () => {
    for (const label of labels) {
      expect(codec.is(label)).toBe(false);
      expect(catchError(() => codec.toDb(label)).direction).toBe('toDb');
      expect(() => codec.parse(label)).toThrow(InvalidEnumValueError);
    }
    for (const value of values) {
      expect(catchError(() => codec.fromDb(value as string)).direction).toBe('fromDb');
    }
  });

  it('rejects wrong case in both directions', () => {
    for (const value of values.filter((v): v is string => typeof v === 'string')) {
      const wrongCase = value.toUpperCase() === value ? value.toLowerCase() : `${value[0]!.toUpperCase()}${value.slice(1)}`;
      expect(() => codec.toDb(wrongCase)).toThrow(InvalidEnumValueError);
      expect(codec.is(wrongCase)).toBe(false);
    }
    for (const label of labels) {
      expect(() => codec.fromDb(label.toLowerCase())).toThrow(InvalidEnumValueError);
    }
  });

  it('rejects null, undefined, numbers, objects and prototype keys everywhere; `is` never throws', () => {
    for (const input of HOSTILE) {
      expect(codec.is(input)).toBe(false);
      expect(() => codec.toDb(input as never)).toThrow(InvalidEnumValueError);
      expect(() => codec.fromDb(input as never)).toThrow(InvalidEnumValueError);
      expect(() => codec.parse(input)).toThrow(InvalidEnumValueError);
    }
  });

  it('names the enum, the rejected value and the allowed values in its errors', () => {
    const toDbError = catchError(() => codec.toDb('nope'));
    expect(toDbError.name).toBe('InvalidEnumValueError');
    expect(toDbError).toBeInstanceOf(Error);
    expect(toDbError.enumName).toBe(name);
    expect(toDbError.value).toBe('nope');
    expect(toDbError.allowed).toEqual(values);
    expect(toDbError.message).toContain(name);
    expect(toDbError.message).toContain('"nope"');
    expect(toDbError.message).toContain(`Allowed values: ${values.join(', ')}`);

    const fromDbError = catchError(() => codec.fromDb('NOPE'));
    expect(fromDbError.allowed).toEqual(labels);
    expect(fromDbError.message).toContain(`Allowed values: ${labels.join(', ')}`);
  });
});

describe('error cases named in the brief', () => {
  it("toDb('HARD_NO') explains it got a label", () => {
    const error = catchError(() => ENUMS.MovementRuleType.toDb('HARD_NO' as never));
    expect(error.enumName).toBe('MovementRuleType');
    expect(error.value).toBe('HARD_NO');
    expect(error.allowed).toEqual(['hard_no', 'hard_yes', 'preferred']);
    expect(error.message).toMatch(/^Invalid value "HARD_NO" for enum MovementRuleType \(/);
    expect(error.message).toContain('database label');
    expect(error.message).toContain('fromDb');
    expect(error.message).toMatch(/Allowed values: hard_no, hard_yes, preferred$/);
  });

  it("fromDb('hard_no') lists the labels and points to the right label", () => {
    const error = catchError(() => ENUMS.MovementRuleType.fromDb('hard_no' as never));
    expect(error.allowed).toEqual(['HARD_NO', 'HARD_YES', 'PREFERRED']);
    expect(error.message).toContain('"hard_no"');
    expect(error.message).toContain('"HARD_NO"');
    expect(error.message).toMatch(/Allowed values: HARD_NO, HARD_YES, PREFERRED$/);
  });

  it('wrong case suggests the right spelling', () => {
    expect(catchError(() => ENUMS.MovementRuleType.toDb('Hard_No' as never)).message).toContain('did you mean "hard_no"?');
    expect(catchError(() => ENUMS.MovementRuleType.fromDb('Hard_No' as never)).message).toContain('did you mean "HARD_NO"?');
  });

  it("PersonaAggression: 3 is a value, '3' is not", () => {
    const codec = ENUMS.PersonaAggression;
    expect(codec.toDb(3)).toBe('BALANCED');
    expect(codec.fromDb('BALANCED')).toBe(3);
    expect(typeof codec.fromDb('BALANCED')).toBe('number');
    expect(codec.is(3)).toBe(true);
    expect(codec.is('3')).toBe(false);
    expect(() => codec.parse('3')).toThrow(InvalidEnumValueError);
    const error = catchError(() => codec.toDb('3' as never));
    expect(error.value).toBe('3');
    expect(error.message).toContain('Invalid value "3" for enum PersonaAggression');
    expect(error.message).toContain('did you mean 3?');
    expect(error.message).toContain('Allowed values: 1, 2, 3, 4, 5');
    expect(() => codec.fromDb(3 as never)).toThrow(InvalidEnumValueError);
    expect(() => codec.fromDb('3' as never)).toThrow(InvalidEnumValueError);
    expect(codec.is(0)).toBe(false);
    expect(codec.is(6)).toBe(false);
    expect(codec.is(3.0000001)).toBe(false);
  });

  it('keeps the spaced RecoverySource values', () => {
    expect(RecoverySource.AURA_RING).toBe('aura ring');
    expect(RecoverySource.WHOOP_BAND).toBe('whoop band');
    expect(ENUMS.RecoverySource.toDb('aura ring')).toBe('AURA_RING');
    expect(ENUMS.RecoverySource.fromDb('WHOOP_BAND')).toBe('whoop band');
    expect(() => ENUMS.RecoverySource.toDb('aura_ring' as never)).toThrow(/did you mean "aura ring"\?/);
  });

  it('prototype keys are rejected, never resolved', () => {
    for (const key of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const error = catchError(() => ENUMS.Visibility.fromDb(key as never));
      expect(error.value).toBe(key);
      expect(() => ENUMS.Visibility.toDb(key as never)).toThrow(InvalidEnumValueError);
    }
  });

  it('builds messages for awkward inputs without throwing anything else', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const throwingJson = { toJSON: () => { throw new Error('boom'); } };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const cases: [unknown, string][] = [
      [null, 'Invalid value null '],
      [undefined, 'Invalid value undefined '],
      [42, 'Invalid value 42 '],
      [{ a: 1 }, 'Invalid value {"a":1} '],
      [Symbol('s'), 'Invalid value Symbol(s) '],
      [10n, 'Invalid value 10n '],
      [circular, 'Invalid value [object Object] '],
      [throwingJson, 'Invalid value [object Object] '],
      ['x'.repeat(500), 'Invalid value "xxxx'],
    ];
    for (const [input, start] of cases) {
      const error = catchError(() => ENUMS.Goal.parse(input));
      expect(error.message.startsWith(start)).toBe(true);
      expect(error.message).toContain('for enum Goal');
      expect(error.value).toBe(input);
    }
    expect(catchError(() => ENUMS.Goal.parse('x'.repeat(500))).message.length).toBeLessThan(300);
    const revokedError = catchError(() => ENUMS.Goal.parse(revoked.proxy));
    expect(revokedError.message).toContain('for enum Goal');
    expect(ENUMS.Goal.is(revoked.proxy)).toBe(false);
  });

  it('codec methods work detached from the codec', () => {
    const { toDb, fromDb } = ENUMS.Goal;
    expect(['strength', 'speed'].map((v) => toDb(v as 'strength' | 'speed'))).toEqual(['STRENGTH', 'SPEED']);
    expect(fromDb('FAT_LOSS')).toBe('fat_loss');
  });
});

describe('defineEnum', () => {
  it('builds a codec from any member object without touching it', () => {
    const members = { LOW: 'low', HIGH: 'high' } as const;
    const codec = defineEnum('Level', 'level', members);
    expect(codec.toDb('high')).toBe('HIGH');
    expect(codec.fromDb('LOW')).toBe('low');
    expect(Object.isFrozen(members)).toBe(false);
  });

  it('rejects broken definitions up front', () => {
    expect(() => defineEnum('Empty', null, {})).toThrow(GainslyError);
    expect(() => defineEnum('Dup', null, { A: 'a', B: 'a' })).toThrow(/duplicate value "a"/);
    expect(() => defineEnum('Mixed', null, { A: 'a', B: 1 })).toThrow(GainslyError);
    expect(() => defineEnum('BadPg', 'Bad Type', { A: 'a' })).toThrow(GainslyError);
    expect(() => defineEnum('', null, { A: 'a' })).toThrow(GainslyError);
  });
});

// The upstream spec's column summary (the overview's section 4, kept outside this repository; described
// in docs/data-model.md, "Categorical columns"), typed out by hand. Its SQL enum list has 22 bullets;
// `programs.goal_1, goal_2, goal_3` is one bullet for three columns, so 24 SQL enum columns.
const EXPECTED_SQL_ENUM_COLUMNS: [string, string, string][] = [
  ['users', 'experience_level', 'ExperienceLevel'],
  ['users', 'persona_tone', 'PersonaTone'],
  ['users', 'persona_aggression', 'PersonaAggression'],
  ['user_settings', 'active_e1rm_formula', 'E1RMFormula'],
  ['user_movement_rules', 'rule_type', 'MovementRuleType'],
  ['user_movement_rules', 'cadence', 'RuleCadence'],
  ['user_enjoyable_activities', 'activity_type', 'EnjoyableActivity'],
  ['programs', 'goal_1', 'Goal'],
  ['programs', 'goal_2', 'Goal'],
  ['programs', 'goal_3', 'Goal'],
  ['programs', 'split_template', 'SplitTemplate'],
  ['programs', 'progression_style', 'ProgressionStyle'],
  ['programs', 'persona_tone', 'PersonaTone'],
  ['programs', 'persona_aggression', 'PersonaAggression'],
  ['programs', 'visibility', 'Visibility'],
  ['microcycles', 'status', 'MicrocycleStatus'],
  ['sessions', 'session_type', 'SessionType'],
  ['session_exercises', 'role', 'ExerciseRole'],
  ['workout_logs', 'visibility', 'Visibility'],
  ['top_set_logs', 'e1rm_formula', 'E1RMFormula'],
  ['top_set_logs', 'pattern', 'MovementPattern'],
  ['pattern_exposures', 'pattern', 'MovementPattern'],
  ['recovery_signals', 'source', 'RecoverySource'],
  ['circuit_templates', 'circuit_type', 'CircuitType'],
];
const EXPECTED_STRING_COLUMNS: [string, string, string, string][] = [
  ['movements', 'pattern', 'MovementPattern', 'string'],
  ['movements', 'primary_muscle', 'PrimaryMuscle', 'string'],
  ['movements', 'primary_region', 'PrimaryRegion', 'string'],
  ['movements', 'cns_load', 'CNSLoad', 'string'],
  ['movements', 'skill_level', 'SkillLevel', 'string'],
  ['movements', 'metric_type', 'MetricType', 'string'],
  ['movement_relationships', 'relationship_type', 'RelationshipType', 'string'],
  ['movements', 'secondary_muscles', 'PrimaryMuscle', 'json_array'],
];
const EXPECTED_OPEN_COLUMNS: [string, string, string][] = [
  ['movements', 'primary_discipline', 'string'],
  ['movements', 'discipline_tags', 'json_array'],
  ['movements', 'equipment_tags', 'json_array'],
  ['movements', 'tags', 'json_array'],
  ['sessions', 'intent_tags', 'json_array'],
  ['workout_logs', 'feedback_tags', 'json_array'],
  ['soreness_logs', 'body_part', 'string'],
  ['conversation_threads', 'context_type', 'string'],
  ['conversation_turns', 'role', 'string'],
];

describe('column categories (overview section 4)', () => {
  it('ENUM_COLUMNS lists 4.1 (24 SQL enum columns) then 4.2 (8 string/JSON columns)', () => {
    expect(ENUM_COLUMNS).toHaveLength(24 + 8);
    expect(ENUM_COLUMNS.map((c) => [c.table, c.column, c.enum, c.storage])).toEqual([
      ...EXPECTED_SQL_ENUM_COLUMNS.map(([table, column, enumName]) => [table, column, enumName, 'sql_enum']),
      ...EXPECTED_STRING_COLUMNS,
    ]);
    const keys = ENUM_COLUMNS.map((c) => `${c.table}.${c.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.isFrozen(ENUM_COLUMNS)).toBe(true);
    expect(ENUM_COLUMNS.every((c) => Object.isFrozen(c))).toBe(true);
  });

  it('every sql_enum column refers to an enum with a PG type; string-only enums are never sql_enum', () => {
    for (const column of ENUM_COLUMNS) {
      expect(isEnumName(column.enum)).toBe(true);
      if (column.storage === 'sql_enum') expect(ENUMS[column.enum].pgType).not.toBeNull();
      if (ENUMS[column.enum].pgType === null) expect(column.storage).not.toBe('sql_enum');
    }
  });

  it('every SQL enum type is used by at least one sql_enum column', () => {
    const used = new Set(ENUM_COLUMNS.filter((c) => c.storage === 'sql_enum').map((c) => c.enum));
    for (const codec of Object.values(ENUMS as Record<string, AnyEnumCodec>)) {
      if (codec.pgType !== null) expect(used.has(codec.name as never)).toBe(true);
    }
  });

  it('OPEN_CATEGORICAL_COLUMNS lists the 9 columns of 4.3 with the overview examples', () => {
    expect(OPEN_CATEGORICAL_COLUMNS.map((c) => [c.table, c.column, c.storage])).toEqual(EXPECTED_OPEN_COLUMNS);
    for (const column of OPEN_CATEGORICAL_COLUMNS) expect(column.examples.length).toBeGreaterThan(0);
    expect(OPEN_CATEGORICAL_COLUMNS.find((c) => c.column === 'primary_discipline')?.examples).toContain('All');
    expect(OPEN_CATEGORICAL_COLUMNS.find((c) => c.table === 'conversation_turns')?.examples).toEqual(['user', 'assistant']);
    const enumKeys = new Set(ENUM_COLUMNS.map((c) => `${c.table}.${c.column}`));
    expect(OPEN_CATEGORICAL_COLUMNS.filter((c) => enumKeys.has(`${c.table}.${c.column}`))).toEqual([]);
    expect(Object.isFrozen(OPEN_CATEGORICAL_COLUMNS[0]!.examples)).toBe(true);
  });

  it('enumColumnsOf and columnsUsingEnum select by table and by enum', () => {
    expect(enumColumnsOf('programs').map((c) => c.column)).toEqual([
      'goal_1', 'goal_2', 'goal_3', 'split_template', 'progression_style', 'persona_tone', 'persona_aggression', 'visibility',
    ]);
    expect(enumColumnsOf('movements').map((c) => c.column)).toEqual([
      'pattern', 'primary_muscle', 'primary_region', 'cns_load', 'skill_level', 'metric_type', 'secondary_muscles',
    ]);
    expect(enumColumnsOf('movement')).toEqual([]);
    expect(enumColumnsOf('heuristic_configs')).toEqual([]);
    expect(columnsUsingEnum('MovementPattern').map((c) => `${c.table}.${c.column}:${c.storage}`)).toEqual([
      'top_set_logs.pattern:sql_enum', 'pattern_exposures.pattern:sql_enum', 'movements.pattern:string',
    ]);
  });
});

describe('types', () => {
  it('are precise per member', () => {
    expectTypeOf(ENUMS.MovementRuleType.toDb('hard_no')).toEqualTypeOf<'HARD_NO'>();
    expectTypeOf(ENUMS.PersonaAggression.fromDb('BALANCED')).toEqualTypeOf<3>();
    expectTypeOf(ENUMS.PersonaAggression.toDb(5)).toEqualTypeOf<'AGGRESSIVE'>();
    expectTypeOf<MovementRuleType>().toEqualTypeOf<'hard_no' | 'hard_yes' | 'preferred'>();
    expectTypeOf<MovementRuleTypeLabel>().toEqualTypeOf<'HARD_NO' | 'HARD_YES' | 'PREFERRED'>();
    expectTypeOf<PersonaAggression>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf<EnumValue<'Visibility'>>().toEqualTypeOf<'private' | 'friends' | 'public'>();
    expectTypeOf<EnumLabel<'Visibility'>>().toEqualTypeOf<'PRIVATE' | 'FRIENDS' | 'PUBLIC'>();
    expectTypeOf(MovementRuleType.HARD_NO).toEqualTypeOf<'hard_no'>();
    const misuse = (): unknown =>
      // @ts-expect-error labels are not semantic values
      ENUMS.MovementRuleType.toDb('HARD_NO');
    expect(misuse).toThrow(InvalidEnumValueError);
  });
});

describe('purity', () => {
  const dir = new URL('../../src/enums/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));

  it('finds the enum sources', () => {
    expect(files).toContain('index.ts');
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files)('%s imports only sibling enum files (no MikroORM, pg, zod or node:)', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [
      ...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
      ...source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g),
      ...source.matchAll(/\bimport\s+['"]([^'"]+)['"]/g),
      ...source.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]/g),
    ].map((match) => match[1]!);
    for (const specifier of specifiers) {
      expect(specifier).not.toMatch(/^(@mikro-orm\/|pg$|pg\/|node:|zod)/);
      expect(specifier).toMatch(/^\.\/[a-z0-9-]+\.js$/);
    }
    expect(source).not.toMatch(/\b(process|Buffer|__dirname|require)\s*[.(]/);
  });
});
