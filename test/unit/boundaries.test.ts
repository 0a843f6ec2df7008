// Boundary rows for every numeric limit of the write inputs, the argument schemas, the JSON blobs and
// the domain validators: the value AT each bound is accepted and the value one step beyond it is
// rejected with an issue at that field's path. Bounds are written out here by hand (not read from
// INPUT_LIMITS), so a changed limit fails a row instead of moving the test along with it. Integers step
// by 1; floats step to the next representable double (the tightest "one beyond").
//
// A completeness test walks every schema in INPUT_SCHEMAS and fails when a numeric field, a numeric
// enum or a capped array appears that has no row here.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  addDaysToIsoDate,
  deloadSignal,
  DomainArgumentError,
  E1RMRangeError,
  isIsoDate,
  patternStrengthIndexAll,
  patternTrend,
  upstreamMicrocycleWindow,
  estimateOneRepMax,
  estimateOneRepMaxWithEffort,
  loadForReps,
  planMicrocycles,
  roundToPlate,
  validateGoalWeights,
  validateProgramShape,
  validateRatings,
} from '../../src/domain/index.js';
import { ENUMS, GainslyError, InvalidEnumValueError } from '../../src/enums/index.js';
import {
  GainslyValidationError,
  INPUT_SCHEMAS,
  coachingCuesSchema,
  dateWindowSchema,
  exercisesJsonSchema,
  idArgumentSchema,
  jsonObjectSchema,
  limitArgumentSchema,
  movementInputSchema,
  offsetArgumentSchema,
  parseArgument,
  parseInput,
  rawPayloadJsonSchema,
  sessionSectionSchema,
  tagArraySchema,
  topSetInputSchema,
} from '../../src/schemas/index.js';
import { patternStrengthOptionsSchema, patternTrendOptionsSchema, sessionSyncScopeSchema, parseOptions } from '../../src/schemas/inputs/arguments.js';

const INT4 = 2_147_483_647;
type Path = (string | number)[];

/** The next double above / below `x` (one float step beyond a bound). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

function setAt(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** Parses and returns the thrown validation error (or undefined when accepted). */
function failureOf(run: () => unknown): GainslyValidationError | DomainArgumentError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof GainslyValidationError || error instanceof DomainArgumentError) return error;
    throw error;
  }
}

function issuePaths(error: GainslyValidationError | DomainArgumentError): Path[] {
  return error instanceof GainslyValidationError ? error.issues.map((i) => [...i.path]) : error.problems.map((p) => [...p.path]);
}

// ---------------------------------------------------------------------------------------------------
// Write inputs: one row per numeric field. `key` is the schema name + dotted path ([] = every element),
// the same key the completeness walk produces.

interface Row {
  key: string;
  name: string;
  schema: z.ZodType;
  base: unknown;
  path: Path;
  kind: 'int' | 'float';
  min: number;
  /** undefined: no upper bound of its own (then `max` is checked as INT4 for ints). */
  max: number;
}

const topSet = { movementId: 1, weight: 100, reps: 5 };
const logBase = { date: '2026-01-06', topSets: [topSet] };
const goals = [{ goal: 'strength', weight: 10 }, { goal: 'hypertrophy', weight: 0 }, { goal: 'mobility', weight: 0 }];
const programBase = { startDate: '2026-01-05', durationWeeks: 8, goals, splitTemplate: 'upper_lower', daysPerWeek: 4, progressionStyle: 'double_progression' };
const planBase = { microcycleId: 7, date: '2026-01-06', dayNumber: 2, sessionType: 'lower', sections: {} };
const exercise = { movementId: 1 };
const finisherBase = { ...planBase, sections: { finisher: { type: 'EMOM' } } };

function rows(): Row[] {
  const r: Row[] = [];
  const add = (schemaName: keyof typeof INPUT_SCHEMAS, keyPath: string, base: unknown, path: Path, kind: Row['kind'], min: number, max: number, extra: Partial<Row> = {}) =>
    r.push({ key: `${schemaName}.${keyPath}`, name: schemaName, schema: INPUT_SCHEMAS[schemaName] as z.ZodType, base, path, kind, min, max, ...extra });

  // LogWorkoutInput and its top sets
  add('LogWorkoutInput', 'sessionId', logBase, ['sessionId'], 'int', 1, INT4);
  add('LogWorkoutInput', 'perceivedDifficulty', logBase, ['perceivedDifficulty'], 'int', 1, 10);
  add('LogWorkoutInput', 'enjoymentRating', logBase, ['enjoymentRating'], 'int', 1, 5);
  add('LogWorkoutInput', 'actualDurationMinutes', logBase, ['actualDurationMinutes'], 'int', 0, 1440);
  add('LogWorkoutInput', 'topSets[].movementId', logBase, ['topSets', 0, 'movementId'], 'int', 1, INT4);
  add('LogWorkoutInput', 'topSets[].weight', logBase, ['topSets', 0, 'weight'], 'float', 0, 1000);
  add('LogWorkoutInput', 'topSets[].reps', logBase, ['topSets', 0, 'reps'], 'int', 1, 1000);
  add('LogWorkoutInput', 'topSets[].rpe', logBase, ['topSets', 0, 'rpe'], 'float', 1, 10);
  add('LogWorkoutInput', 'topSets[].rir', logBase, ['topSets', 0, 'rir'], 'int', 0, 10);
  add('LogWorkoutInput', 'topSets[].avgRestSeconds', logBase, ['topSets', 0, 'avgRestSeconds'], 'int', 0, 86_400);
  // Soreness, recovery
  const soreBase = { date: '2026-01-07', bodyPart: 'quads', soreness: 3 };
  add('SorenessInput', 'soreness', soreBase, ['soreness'], 'int', 1, 5);
  add('SorenessInput', 'inferredCauseSessionId', soreBase, ['inferredCauseSessionId'], 'int', 1, INT4);
  const recBase = { date: '2026-01-07' };
  add('RecoverySignalInput', 'hrv', recBase, ['hrv'], 'float', 0, 500);
  add('RecoverySignalInput', 'restingHr', recBase, ['restingHr'], 'int', 20, 250);
  add('RecoverySignalInput', 'sleepScore', recBase, ['sleepScore'], 'float', 0, 100);
  add('RecoverySignalInput', 'sleepHours', recBase, ['sleepHours'], 'float', 0, 24);
  add('RecoverySignalInput', 'readiness', recBase, ['readiness'], 'float', 0, 100);
  add('RecoverySignalInput', 'sessionId', recBase, ['sessionId'], 'int', 1, INT4);
  // Programs
  add('CreateProgramInput', 'durationWeeks', programBase, ['durationWeeks'], 'int', 8, 12);
  add('CreateProgramInput', 'daysPerWeek', programBase, ['daysPerWeek'], 'int', 2, 7);
  add('CreateProgramInput', 'deloadEveryNMicrocycles', programBase, ['deloadEveryNMicrocycles'], 'int', 1, INT4);
  add('CreateProgramInput', 'microcycleLengthDays', programBase, ['microcycleLengthDays'], 'int', 7, 10);
  const discBase = { ...programBase, disciplines: [{ discipline: 'running', weight: 4 }] };
  add('CreateProgramInput', 'disciplines[].weight', discBase, ['disciplines', 0, 'weight'], 'int', 0, INT4);
  // Session plans: the plan, each list section's exercises, the finisher and its exercises.
  add('SessionPlanInput', 'microcycleId', planBase, ['microcycleId'], 'int', 1, INT4);
  add('SessionPlanInput', 'dayNumber', planBase, ['dayNumber'], 'int', 1, 10);
  add('SessionPlanInput', 'estimatedDurationMinutes', planBase, ['estimatedDurationMinutes'], 'int', 0, 1440);
  add('SessionPlanInput', 'mainCircuitId', planBase, ['mainCircuitId'], 'int', 1, INT4);
  add('SessionPlanInput', 'finisherCircuitId', planBase, ['finisherCircuitId'], 'int', 1, INT4);
  for (const part of ['warmup', 'main', 'accessory', 'finisher', 'cooldown']) {
    add('SessionPlanInput', `durations.${part}`, planBase, ['durations', part], 'int', 0, 1440);
  }
  const exerciseFields: [string, Row['kind'], number, number][] = [
    ['movementId', 'int', 1, INT4],
    ['sets', 'int', 1, 100],
    ['repRangeMin', 'int', 1, 1000],
    ['repRangeMax', 'int', 1, 1000],
    ['rpe', 'float', 1, 10],
    ['rir', 'int', 0, 10],
    ['durationSeconds', 'int', 1, 86_400],
    ['restSeconds', 'int', 0, 86_400],
    ['supersetGroup', 'int', 1, 100],
  ];
  for (const section of ['warmup', 'main', 'accessory', 'cooldown']) {
    const base = { ...planBase, sections: { [section]: [exercise] } };
    for (const [field, kind, min, max] of exerciseFields) add('SessionPlanInput', `sections.${section}[].${field}`, base, ['sections', section, 0, field], kind, min, max);
  }
  const finisherWithExercise = { ...planBase, sections: { finisher: { type: 'EMOM', exercises: [exercise] } } };
  for (const [field, kind, min, max] of exerciseFields) {
    add('SessionPlanInput', `sections.finisher.exercises[].${field}`, finisherWithExercise, ['sections', 'finisher', 'exercises', 0, field], kind, min, max);
  }
  add('SessionPlanInput', 'sections.finisher.durationMinutes', finisherBase, ['sections', 'finisher', 'durationMinutes'], 'int', 0, 1440);
  add('SessionPlanInput', 'sections.finisher.rounds', finisherBase, ['sections', 'finisher', 'rounds'], 'int', 1, 1000);
  add('SessionPlanInput', 'sections.finisher.durationSeconds', finisherBase, ['sections', 'finisher', 'durationSeconds'], 'int', 1, 86_400);
  add('SessionPlanInput', 'sections.finisher.restSeconds', finisherBase, ['sections', 'finisher', 'restSeconds'], 'int', 0, 86_400);
  // Users, movements, circuits, coaching
  add('MovementRuleInput', 'movementId', { movementId: 1, ruleType: 'hard_no' }, ['movementId'], 'int', 1, INT4);
  add('EnjoyableActivityInput', 'recommendEveryDays', { activityType: 'yoga' }, ['recommendEveryDays'], 'int', 1, 365);
  add('MovementRelationshipInput', 'sourceMovementId', { sourceMovementId: 1, targetMovementId: INT4 - 5, relationshipType: 'variation' }, ['sourceMovementId'], 'int', 1, INT4);
  add('MovementRelationshipInput', 'targetMovementId', { sourceMovementId: INT4 - 5, targetMovementId: 1, relationshipType: 'variation' }, ['targetMovementId'], 'int', 1, INT4);
  const circuitBase = { name: 'Fran', circuitType: 'amrap' };
  add('CircuitTemplateInput', 'defaultRounds', circuitBase, ['defaultRounds'], 'int', 1, 1000);
  add('CircuitTemplateInput', 'defaultDurationSeconds', circuitBase, ['defaultDurationSeconds'], 'int', 1, 86_400);
  add('CircuitTemplateInput', 'difficultyTier', circuitBase, ['difficultyTier'], 'int', 1, 10);
  add('HeuristicConfigInput', 'version', { name: 'deload_policy', version: 1, jsonBlob: {} }, ['version'], 'int', 1, INT4);
  add('ConversationThreadInput', 'contextSessionId', { contextType: 'program_setup' }, ['contextSessionId'], 'int', 1, INT4);
  return r;
}

// bucketStress: every StressBucket key is a float >= 0 with no upper bound of its own.
const BUCKET_KEYS = ENUMS.StressBucket.values.map((bucket) => `CircuitTemplateInput.bucketStress.${bucket}`);

/** Capped arrays of the write inputs: key -> [schema name, base, path of the array, max items, one valid item]. */
const ITEM_LIMITS: [string, keyof typeof INPUT_SCHEMAS, unknown, Path, number, unknown][] = [
  ['LogWorkoutInput.topSets', 'LogWorkoutInput', logBase, ['topSets'], 50, topSet],
  ['LogWorkoutInput.feedbackTags', 'LogWorkoutInput', logBase, ['feedbackTags'], 100, 'tag'],
  ['CreateProgramInput.disciplines', 'CreateProgramInput', programBase, ['disciplines'], 50, null],
  ['SessionPlanInput.intentTags', 'SessionPlanInput', planBase, ['intentTags'], 100, 'tag'],
  ['SessionPlanInput.sections.warmup', 'SessionPlanInput', planBase, ['sections', 'warmup'], 50, exercise],
  ['SessionPlanInput.sections.main', 'SessionPlanInput', planBase, ['sections', 'main'], 50, exercise],
  ['SessionPlanInput.sections.accessory', 'SessionPlanInput', planBase, ['sections', 'accessory'], 50, exercise],
  ['SessionPlanInput.sections.cooldown', 'SessionPlanInput', planBase, ['sections', 'cooldown'], 50, exercise],
  ['SessionPlanInput.sections.finisher.exercises', 'SessionPlanInput', finisherBase, ['sections', 'finisher', 'exercises'], 50, exercise],
  ['MovementInput.disciplineTags', 'MovementInput', null, ['disciplineTags'], 100, 'tag'],
  ['MovementInput.equipmentTags', 'MovementInput', null, ['equipmentTags'], 100, 'tag'],
  ['MovementInput.tags', 'MovementInput', null, ['tags'], 100, 'tag'],
  ['MovementInput.coachingCues', 'MovementInput', null, ['coachingCues'], 50, 'cue'],
  ['UpdateMovementInput.disciplineTags', 'UpdateMovementInput', {}, ['disciplineTags'], 100, 'tag'],
  ['UpdateMovementInput.equipmentTags', 'UpdateMovementInput', {}, ['equipmentTags'], 100, 'tag'],
  ['UpdateMovementInput.tags', 'UpdateMovementInput', {}, ['tags'], 100, 'tag'],
  ['UpdateMovementInput.coachingCues', 'UpdateMovementInput', {}, ['coachingCues'], 50, 'cue'],
  ['CircuitTemplateInput.exercisesJson', 'CircuitTemplateInput', { name: 'Fran', circuitType: 'amrap' }, ['exercisesJson'], 200, { movement: 'Thruster' }],
  ['CircuitTemplateInput.tags', 'CircuitTemplateInput', { name: 'Fran', circuitType: 'amrap' }, ['tags'], 100, 'tag'],
];
const movementBase = { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' };

/** Items for an array of `count` distinct valid entries (tags and disciplines must not repeat). */
function items(count: number, item: unknown, key: string): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    if (key.endsWith('disciplines')) return { discipline: `d${i}`, weight: i === 0 ? 10 : 0 };
    if (typeof item === 'string') return `${item}${i}`;
    return structuredClone(item);
  });
}

// Arrays whose cap is the number of values of an enum, or a loose guard that a domain rule is
// stricter than (goals: exactly 3 entries): row each in its own case below.
const SPECIAL_ARRAYS = ['CreateProgramInput.goals', 'MovementInput.secondaryMuscles', 'UpdateMovementInput.secondaryMuscles'];
// Numeric enums: PersonaAggression 1..5 (its own rows below).
const NUMERIC_ENUMS = ['CreateUserInput.personaAggression', 'UpdateUserInput.personaAggression', 'CreateProgramInput.personaAggression'];
// Goal weights: >= 0 on their own, the upper side is the total of 10 (their own case below).
const OWN_CASES = ['CreateProgramInput.goals[].weight'];

describe('numeric limits of the write inputs: the bound is accepted, one step beyond is rejected at the field', () => {
  for (const row of rows()) {
    const below = row.kind === 'int' ? row.min - 1 : nextDown(row.min);
    const above = row.kind === 'int' ? row.max + 1 : nextUp(row.max);
    it(`${row.key}: ${row.min} accepted, ${below} rejected`, () => {
      expect(failureOf(() => parseInput(row.schema, setAt(row.base, row.path, row.min), row.name))).toBeUndefined();
      const error = failureOf(() => parseInput(row.schema, setAt(row.base, row.path, below), row.name));
      expect(error, `${below} was accepted`).toBeInstanceOf(GainslyValidationError);
      expect(issuePaths(error!)).toEqual([row.path]);
    });
    it(`${row.key}: ${row.max} accepted, ${above} rejected`, () => {
      expect(failureOf(() => parseInput(row.schema, setAt(row.base, row.path, row.max), row.name))).toBeUndefined();
      const error = failureOf(() => parseInput(row.schema, setAt(row.base, row.path, above), row.name));
      expect(error, `${above} was accepted`).toBeInstanceOf(GainslyValidationError);
      expect(issuePaths(error!)).toEqual([row.path]);
    });
    if (row.kind === 'int') {
      it(`${row.key}: a fraction inside the range is rejected`, () => {
        const error = failureOf(() => parseInput(row.schema, setAt(row.base, row.path, row.min + 0.5), row.name));
        expect(error).toBeInstanceOf(GainslyValidationError);
        expect(issuePaths(error!)).toEqual([row.path]);
      });
    }
  }

  for (const key of BUCKET_KEYS) {
    const bucket = key.split('.').pop()!;
    it(`${key}: 0 accepted, -min float rejected`, () => {
      const schema = INPUT_SCHEMAS.CircuitTemplateInput;
      expect(failureOf(() => parseInput(schema, { name: 'Fran', circuitType: 'amrap', bucketStress: { [bucket]: 0 } }))).toBeUndefined();
      const error = failureOf(() => parseInput(schema, { name: 'Fran', circuitType: 'amrap', bucketStress: { [bucket]: nextDown(0) } }));
      expect(issuePaths(error!)).toEqual([['bucketStress', bucket]]);
    });
  }

  for (const key of NUMERIC_ENUMS) {
    const [name, field] = key.split('.') as [keyof typeof INPUT_SCHEMAS, string];
    const base = name === 'CreateProgramInput' ? programBase : {};
    it(`${key}: 1 and 5 accepted, 0 and 6 rejected`, () => {
      for (const ok of [1, 5]) expect(failureOf(() => parseInput(INPUT_SCHEMAS[name], { ...base, [field]: ok }))).toBeUndefined();
      for (const bad of [0, 6]) expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS[name], { ...base, [field]: bad }))!)).toEqual([[field]]);
    });
  }

  it('RPE in half points: every value 1, 1.5, ..., 10 is accepted on a top set and a planned exercise; 0.5 and 10.5 are not', () => {
    for (let rpe = 1; rpe <= 10; rpe += 0.5) {
      expect(failureOf(() => parseInput(topSetInputSchema, { ...topSet, rpe }))).toBeUndefined();
      expect(failureOf(() => parseInput(INPUT_SCHEMAS.SessionPlanInput, { ...planBase, sections: { main: [{ movementId: 1, rpe }] } }))).toBeUndefined();
    }
    for (const rpe of [0.5, 10.5]) {
      expect(issuePaths(failureOf(() => parseInput(topSetInputSchema, { ...topSet, rpe }))!)).toEqual([['rpe']]);
    }
  });

  it('RIR 0 combined with an RPE is a valid top set, and RIR wins in the effort estimate (5 reps, not 5 + 10 - RPE)', () => {
    expect(parseInput(topSetInputSchema, { ...topSet, rir: 0, rpe: 6 })).toEqual({ movementId: 1, weight: 100, reps: 5, rir: 0, rpe: 6 });
    // Epley 100 x (1 + 5/30) = 116.666…; RPE 6 alone would mean 4 in reserve: 100 x (1 + 9/30) = 130.
    expect(estimateOneRepMaxWithEffort(100, 5, { rir: 0, rpe: 6 })).toBeCloseTo(116.6666667, 6);
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 6 })).toBeCloseTo(130, 9);
    expect(estimateOneRepMaxWithEffort(100, 1, { rir: 0, rpe: 10 })).toBe(100);
  });

  it('a rep range one below its minimum is rejected; repRangeMax equal to repRangeMin is accepted, one below it is not', () => {
    const plan = (ex: object) => ({ ...planBase, sections: { main: [{ movementId: 1, ...ex }] } });
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.SessionPlanInput, plan({ repRangeMin: 0, repRangeMax: 5 })))!)).toEqual([['sections', 'main', 0, 'repRangeMin']]);
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.SessionPlanInput, plan({ repRangeMin: 5, repRangeMax: 5 })))).toBeUndefined();
    const error = failureOf(() => parseInput(INPUT_SCHEMAS.SessionPlanInput, plan({ repRangeMin: 5, repRangeMax: 4 })));
    expect(issuePaths(error!)).toEqual([['sections', 'main', 0, 'repRangeMax']]);
    expect((error as GainslyValidationError).issues[0]!.message).toContain('repRangeMin (5)');
  });

  it('goals: a weight of 0 is accepted (10 + 0 + 0), -1 is rejected even when the total is 10 (11 + 0 - 1)', () => {
    const g = (w: [number, number, number]) => ({ ...programBase, goals: [{ goal: 'strength', weight: w[0] }, { goal: 'hypertrophy', weight: w[1] }, { goal: 'mobility', weight: w[2] }] });
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, g([10, 0, 0])))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, g([11, 0, -1])))!)).toEqual([['goals', 2, 'weight']]);
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, g([9, 0, 0])))).toBeInstanceOf(GainslyValidationError);
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, g([10, 1, 0])))).toBeInstanceOf(GainslyValidationError);
  });

  it('goals: exactly 3 entries (2 and 4 are rejected at goals)', () => {
    const four = [...goals, { goal: 'speed', weight: 0 }];
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, { ...programBase, goals: goals.slice(0, 2) }))!).every((p) => p[0] === 'goals')).toBe(true);
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.CreateProgramInput, { ...programBase, goals: four }))!).every((p) => p[0] === 'goals')).toBe(true);
  });

  it('secondaryMuscles: all 19 muscles once is accepted, a 20th entry is rejected', () => {
    const all = [...ENUMS.PrimaryMuscle.values];
    expect(all).toHaveLength(19);
    expect(failureOf(() => parseInput(movementInputSchema, { ...movementBase, secondaryMuscles: all }))).toBeUndefined();
    const error = failureOf(() => parseInput(movementInputSchema, { ...movementBase, secondaryMuscles: [...all, all[0]] }));
    expect(issuePaths(error!).every((p) => p[0] === 'secondaryMuscles')).toBe(true);
  });
});

describe('item limits of the arrays in the write inputs: max items accepted, one more rejected at the array', () => {
  for (const [key, name, base0, path, max, item] of ITEM_LIMITS) {
    const base = base0 ?? movementBase;
    it(`${key}: ${max} items accepted, ${max + 1} rejected`, () => {
      expect(failureOf(() => parseInput(INPUT_SCHEMAS[name], setAt(base, path, items(max, item, key)), name))).toBeUndefined();
      const error = failureOf(() => parseInput(INPUT_SCHEMAS[name], setAt(base, path, items(max + 1, item, key)), name));
      expect(error, `${max + 1} items accepted`).toBeInstanceOf(GainslyValidationError);
      expect(issuePaths(error!)).toEqual([path]);
    });
  }
});

describe('length limits: at the limit accepted, one character more rejected', () => {
  const cases: [string, z.ZodType, (s: string) => unknown, Path, number][] = [
    ['AppendTurnInput.content (1..100000)', INPUT_SCHEMAS.AppendTurnInput, (s) => ({ role: 'user', content: s }), ['content'], 100_000],
    ['MovementInput.name (200)', movementInputSchema, (s) => ({ ...movementBase, name: s }), ['name'], 200],
    ['CreateUserInput.name (100)', INPUT_SCHEMAS.CreateUserInput, (s) => ({ name: s }), ['name'], 100],
    ['CreateProgramInput.name (100)', INPUT_SCHEMAS.CreateProgramInput, (s) => ({ ...programBase, name: s }), ['name'], 100],
    ['CircuitTemplateInput.name (200)', INPUT_SCHEMAS.CircuitTemplateInput, (s) => ({ name: s, circuitType: 'amrap' }), ['name'], 200],
    ['HeuristicConfigInput.name (100)', INPUT_SCHEMAS.HeuristicConfigInput, (s) => ({ name: s, version: 1, jsonBlob: {} }), ['name'], 100],
    ['SorenessInput.bodyPart (50)', INPUT_SCHEMAS.SorenessInput, (s) => ({ date: '2026-01-07', bodyPart: s, soreness: 2 }), ['bodyPart'], 50],
    ['ConversationThreadInput.contextType (50)', INPUT_SCHEMAS.ConversationThreadInput, (s) => ({ contextType: s }), ['contextType'], 50],
    ['LogWorkoutInput.notes (10000)', INPUT_SCHEMAS.LogWorkoutInput, (s) => ({ ...logBase, notes: s }), ['notes'], 10_000],
    ['a tag (100)', tagArraySchema, (s) => [s], [0], 100],
    ['a coaching cue (1000)', coachingCuesSchema, (s) => [s], [0], 1000],
    ['finisher type (100)', INPUT_SCHEMAS.SessionPlanInput, (s) => ({ ...planBase, sections: { finisher: { type: s } } }), ['sections', 'finisher', 'type'], 100],
  ];
  for (const [label, schema, build, path, max] of cases) {
    it(label, () => {
      expect(failureOf(() => parseInput(schema, build('x'.repeat(max))))).toBeUndefined();
      expect(issuePaths(failureOf(() => parseInput(schema, build('x'.repeat(max + 1))))!)).toEqual([path]);
    });
  }
  it('email: 255 characters accepted, 256 rejected', () => {
    // DNS labels are at most 63 characters, so the domain is several 50-character labels.
    const email = (n: number) => {
      const domain = `${'d'.repeat(50)}.${'e'.repeat(50)}.${'f'.repeat(50)}.${'g'.repeat(50)}.com`; // 204 chars
      const local = 'a'.repeat(n - 1 - domain.length);
      return `${local}@${domain}`;
    };
    expect(email(255)).toHaveLength(255);
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.CreateUserInput, { email: email(255) }))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.CreateUserInput, { email: email(256) }))!)).toEqual([['email']]);
  });
});

describe('argument limits', () => {
  const cases: [string, z.ZodType, (v: unknown) => unknown, Path, number, number][] = [
    ['limit', limitArgumentSchema, (v) => v, [], 1, 10_000],
    ['offset', offsetArgumentSchema, (v) => v, [], 0, INT4],
    ['id', idArgumentSchema, (v) => v, [], 1, INT4],
    ['dateWindow.days', dateWindowSchema, (v) => ({ days: v, until: '2026-01-01' }), ['days'], 1, 36_525],
    ['patternStrength.lastNMicrocycles', patternStrengthOptionsSchema, (v) => ({ lastNMicrocycles: v }), ['lastNMicrocycles'], 1, INT4],
    ['patternTrend.windowMicrocycles', patternTrendOptionsSchema, (v) => ({ windowMicrocycles: v }), ['windowMicrocycles'], 1, INT4],
  ];
  for (const [label, schema, build, path, min, max] of cases) {
    it(`${label}: ${min} and ${max} accepted, ${min - 1} and ${max + 1} rejected`, () => {
      for (const ok of [min, max]) expect(failureOf(() => parseArgument(schema, build(ok), 'arg'))).toBeUndefined();
      for (const bad of [min - 1, max + 1]) {
        const error = failureOf(() => parseArgument(schema, build(bad), 'arg'));
        expect(error, `${bad} accepted`).toBeInstanceOf(GainslyValidationError);
        expect(issuePaths(error!)).toEqual([['arg', ...path]]);
      }
    });
  }
  it('patternTrend.threshold: 0 accepted, the next double below 0 rejected', () => {
    expect(failureOf(() => parseOptions(patternTrendOptionsSchema, { threshold: 0 }, 'PatternTrendOptions'))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseOptions(patternTrendOptionsSchema, { threshold: nextDown(0) }, 'PatternTrendOptions'))!)).toEqual([['threshold']]);
  });
  it('dateWindow ending 0001-01-01: 1 day accepted, 2 days (reaching year 0) rejected', () => {
    expect(failureOf(() => parseArgument(dateWindowSchema, { days: 1, until: '0001-01-01' }, 'w'))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseArgument(dateWindowSchema, { days: 2, until: '0001-01-01' }, 'w'))!)).toEqual([['w', 'days']]);
  });
  it('sessionIds: 10000 ids accepted, 10001 rejected', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(failureOf(() => parseArgument(sessionSyncScopeSchema, { sessionIds: ids(10_000) }, 's'))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseArgument(sessionSyncScopeSchema, { sessionIds: ids(10_001) }, 's'))!)).toEqual([['s', 'sessionIds']]);
  });
});

describe('JSON blob limits', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = [value];
    return value;
  };
  it('nesting: 64 levels of containers accepted, 65 rejected', () => {
    // { a: [[…[1]…]] }: the object is level 1, then 63 arrays = 64 levels.
    expect(failureOf(() => parseInput(jsonObjectSchema, { a: nested(63) }))).toBeUndefined();
    expect(failureOf(() => parseInput(jsonObjectSchema, { a: nested(64) }))).toBeInstanceOf(GainslyValidationError);
  });
  it('size: 1048576 bytes of JSON accepted, 1048577 rejected (counted in UTF-8 bytes)', () => {
    // '{"a":""}' is 8 bytes.
    expect(failureOf(() => parseInput(rawPayloadJsonSchema, { a: 'x'.repeat(1_048_576 - 8) }))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseInput(rawPayloadJsonSchema, { a: 'x'.repeat(1_048_576 - 7) }))!)).toEqual([[]]);
    // 'é' is 2 bytes in UTF-8: half as many fit.
    expect(failureOf(() => parseInput(rawPayloadJsonSchema, { a: 'é'.repeat((1_048_576 - 8) / 2) }))).toBeUndefined();
    expect(failureOf(() => parseInput(rawPayloadJsonSchema, { a: `${'é'.repeat((1_048_576 - 8) / 2)}x` }))).toBeInstanceOf(GainslyValidationError);
  });
  it('elements: 100000 members and elements accepted, 100001 rejected', () => {
    // The member `a` counts as 1, each array element as 1.
    expect(failureOf(() => parseInput(rawPayloadJsonSchema, { a: new Array(99_999).fill(0) }))).toBeUndefined();
    expect(failureOf(() => parseInput(rawPayloadJsonSchema, { a: new Array(100_000).fill(0) }))).toBeInstanceOf(GainslyValidationError);
  });
  it('a stored session section: 100 blocks accepted, 101 rejected; circuit exercises: 200 / 201', () => {
    const block = { movement: 'Back Squat' };
    expect(failureOf(() => parseInput(sessionSectionSchema, new Array(100).fill(block)))).toBeUndefined();
    expect(failureOf(() => parseInput(sessionSectionSchema, new Array(101).fill(block)))).toBeInstanceOf(GainslyValidationError);
    expect(failureOf(() => parseInput(exercisesJsonSchema, new Array(200).fill(block)))).toBeUndefined();
    expect(failureOf(() => parseInput(exercisesJsonSchema, new Array(201).fill(block)))).toBeInstanceOf(GainslyValidationError);
  });
});

describe('domain validators', () => {
  const ratingRows: [string, number, number][] = [
    ['perceivedDifficulty', 1, 10],
    ['enjoymentRating', 1, 5],
    ['soreness', 1, 5],
  ];
  for (const [field, min, max] of ratingRows) {
    it(`validateRatings ${field}: ${min}..${max}`, () => {
      expect(validateRatings({ [field]: min })).toEqual([]);
      expect(validateRatings({ [field]: max })).toEqual([]);
      expect(validateRatings({ [field]: min - 1 }).map((p) => p.path)).toEqual([[field]]);
      expect(validateRatings({ [field]: max + 1 }).map((p) => p.path)).toEqual([[field]]);
    });
  }
  const shape = { durationWeeks: 8, daysPerWeek: 4, deloadEveryNMicrocycles: 4, microcycleLengthDays: 7 };
  const shapeRows: [string, number, number | undefined][] = [
    ['durationWeeks', 8, 12],
    ['daysPerWeek', 2, 7],
    ['deloadEveryNMicrocycles', 1, undefined],
    ['microcycleLengthDays', 7, 10],
  ];
  for (const [field, min, max] of shapeRows) {
    it(`validateProgramShape ${field}: ${min}..${max ?? '∞'}`, () => {
      expect(validateProgramShape({ ...shape, [field]: min })).toEqual([]);
      expect(validateProgramShape({ ...shape, [field]: min - 1 }).map((p) => p.path)).toEqual([[field]]);
      if (max !== undefined) {
        expect(validateProgramShape({ ...shape, [field]: max })).toEqual([]);
        expect(validateProgramShape({ ...shape, [field]: max + 1 }).map((p) => p.path)).toEqual([[field]]);
      }
    });
  }
  it('planMicrocycles: durationWeeks 8..12 and microcycleLengthDays 7..10', () => {
    const plan = (o: object) => () => planMicrocycles({ startDate: '2026-01-05', durationWeeks: 8, ...o } as never);
    for (const ok of [{ durationWeeks: 8 }, { durationWeeks: 12 }, { microcycleLengthDays: 7 }, { microcycleLengthDays: 10 }]) expect(plan(ok)).not.toThrow();
    for (const bad of [{ durationWeeks: 7 }, { durationWeeks: 13 }, { microcycleLengthDays: 6 }, { microcycleLengthDays: 11 }, { deloadEveryNMicrocycles: 0 }]) {
      expect(plan(bad)).toThrow(DomainArgumentError);
    }
  });
  it('validateGoalWeights: minimum weight 0', () => {
    expect(validateGoalWeights([{ goal: 'strength', weight: 10 }, { goal: 'hypertrophy', weight: 0 }, { goal: 'mobility', weight: 0 }])).toEqual([]);
    expect(validateGoalWeights([{ goal: 'strength', weight: 11 }, { goal: 'hypertrophy', weight: 0 }, { goal: 'mobility', weight: -1 }]).map((p) => p.path)).toEqual([[2, 'weight']]);
  });
  it('e1RM: weight >= 0, reps >= 1; Brzycki defined up to 36 reps, 37 is an E1RMRangeError', () => {
    expect(estimateOneRepMax(0, 5)).toBe(0);
    expect(estimateOneRepMax(100, 1)).toBe(100);
    expect(() => estimateOneRepMax(nextDown(0), 5)).toThrow(DomainArgumentError);
    expect(() => estimateOneRepMax(100, 0)).toThrow(DomainArgumentError);
    expect(estimateOneRepMax(100, 36, 'brzycki')).toBe(3600); // 100 x 36 / (37 - 36)
    expect(() => estimateOneRepMax(100, 37, 'brzycki')).toThrow(E1RMRangeError);
    expect(loadForReps(3600, 36, 'brzycki')).toBe(100);
    expect(() => loadForReps(100, 37, 'brzycki')).toThrow(E1RMRangeError);
    expect(() => loadForReps(100, 0)).toThrow(DomainArgumentError);
  });
  it('effort: RPE 1..10, RIR >= 0 (one step beyond each rejected naming options.rpe / options.rir)', () => {
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 10 })).toBeCloseTo(100 * (1 + 5 / 30), 9);
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 1 })).toBeCloseTo(100 * (1 + 14 / 30), 9);
    expect(estimateOneRepMaxWithEffort(100, 5, { rir: 0 })).toBeCloseTo(100 * (1 + 5 / 30), 9);
    const pathOf = (run: () => unknown) => (failureOf(run) as DomainArgumentError).problems.map((p) => p.path);
    expect(pathOf(() => estimateOneRepMaxWithEffort(100, 5, { rpe: nextUp(10) }))).toEqual([['options', 'rpe']]);
    expect(pathOf(() => estimateOneRepMaxWithEffort(100, 5, { rpe: nextDown(1) }))).toEqual([['options', 'rpe']]);
    expect(pathOf(() => estimateOneRepMaxWithEffort(100, 5, { rir: nextDown(0) }))).toEqual([['options', 'rir']]);
    // Brzycki with reps + RIR: 36 effective reps defined, 37 not.
    expect(estimateOneRepMaxWithEffort(100, 30, { rir: 6, formula: 'brzycki' })).toBe(3600);
    expect(() => estimateOneRepMaxWithEffort(100, 30, { rir: 7, formula: 'brzycki' })).toThrow(E1RMRangeError);
  });
  it('roundToPlate: load >= 0, increment > 0', () => {
    expect(roundToPlate(0, { useMetric: true })).toBe(0);
    expect(() => roundToPlate(nextDown(0), { useMetric: true })).toThrow(DomainArgumentError);
    expect(() => roundToPlate(10, { useMetric: true, increment: 0 })).toThrow(DomainArgumentError);
    expect(roundToPlate(10, { useMetric: true, increment: 0.25 })).toBe(10);
  });
});

describe('domain option bounds: windows >= 1, thresholds >= 0, dates in years 0001-9999', () => {
  it('patternTrend threshold: 0 accepted, the next double below 0 rejected at options.threshold', () => {
    expect(patternTrend([100, 100, 100, 100], { threshold: 0 })).toBe('stable');
    const error = failureOf(() => patternTrend([100, 100, 100, 100], { threshold: nextDown(0) })) as DomainArgumentError;
    expect(error.problems.map((p) => p.path)).toEqual([['options', 'threshold']]);
  });
  it('deloadSignal minDecliningPatterns: 1 accepted, 0 rejected', () => {
    expect(deloadSignal({ squat: 'decreasing' }, { minDecliningPatterns: 1 })).toEqual({ deload: true, decliningPatterns: ['squat'] });
    expect(deloadSignal({ squat: 'decreasing' }, { minDecliningPatterns: 2 })).toEqual({ deload: false, decliningPatterns: ['squat'] });
    expect((failureOf(() => deloadSignal({ squat: 'decreasing' }, { minDecliningPatterns: 0 })) as DomainArgumentError).problems.map((p) => p.path)).toEqual([['options', 'minDecliningPatterns']]);
  });
  it('window sizes (patternStrengthIndexAll lastNMicrocycles, upstreamMicrocycleWindow size): 1 accepted, 0 rejected', () => {
    expect(() => patternStrengthIndexAll([], { lastNMicrocycles: 1 })).not.toThrow();
    expect((failureOf(() => patternStrengthIndexAll([], { lastNMicrocycles: 0 })) as DomainArgumentError).problems.map((p) => p.path)).toEqual([['options', 'lastNMicrocycles']]);
    const weeks = [{ id: 1, startDate: '2026-01-05' }, { id: 2, startDate: '2026-01-12' }];
    expect(upstreamMicrocycleWindow(weeks, 1)).toEqual([2]);
    expect((failureOf(() => upstreamMicrocycleWindow(weeks, 0)) as DomainArgumentError).problems.map((p) => p.path)).toEqual([['size']]);
  });
  it('calendar dates: 0001-01-01 and 9999-12-31 are dates, one day beyond either is not', () => {
    expect(addDaysToIsoDate('0001-01-02', -1)).toBe('0001-01-01');
    expect(addDaysToIsoDate('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDaysToIsoDate('0001-01-01', -1)).toThrow(DomainArgumentError);
    expect(() => addDaysToIsoDate('9999-12-31', 1)).toThrow(DomainArgumentError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
  });
  it('timestamps: years 1 and 9999 accepted, year 10000 rejected at the field', () => {
    const thread = (contextDate: unknown) => ({ contextType: 'x', contextDate });
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.ConversationThreadInput, thread('9999-12-31T23:59:59Z')))).toBeUndefined();
    expect(failureOf(() => parseInput(INPUT_SCHEMAS.ConversationThreadInput, thread('0001-01-01')))).toBeUndefined();
    expect(issuePaths(failureOf(() => parseInput(INPUT_SCHEMAS.ConversationThreadInput, thread(new Date(Date.UTC(10000, 0, 1)))))!)).toEqual([['contextDate']]);
  });
});

describe('padded and mis-cased enum values', () => {
  it("' squat ' is rejected by the codec's parse and by the input schema (no trimming of enum values)", () => {
    expect(() => ENUMS.MovementPattern.parse(' squat ')).toThrow(InvalidEnumValueError);
    expect(ENUMS.MovementPattern.is(' squat ')).toBe(false);
    expect(ENUMS.MovementPattern.parse('squat')).toBe('squat');
    const error = failureOf(() => parseInput(movementInputSchema, { ...movementBase, pattern: ' squat ' }));
    expect(issuePaths(error!)).toEqual([['pattern']]);
    expect(failureOf(() => parseInput(movementInputSchema, { ...movementBase, pattern: 'Squat' }))).toBeInstanceOf(GainslyValidationError);
    expect(() => ENUMS.MovementPattern.toDb(' squat ' as never)).toThrow(GainslyError);
  });
});

// ---------------------------------------------------------------------------------------------------
// Completeness: every numeric leaf and every capped array of every write input has a row above.

function numericLeaves(schema: unknown, path: string, out: Set<string>, arrays: Set<string>): void {
  const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def as Record<string, any> | undefined;
  if (!def) return;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) numericLeaves(value, path ? `${path}.${key}` : key, out, arrays);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      numericLeaves(def.innerType, path, out, arrays);
      return;
    case 'pipe':
      numericLeaves(def.in, path, out, arrays);
      numericLeaves(def.out, path, out, arrays);
      return;
    case 'union':
      for (const option of def.options as unknown[]) numericLeaves(option, path, out, arrays);
      return;
    case 'array':
      if ((def.checks ?? []).some((c: any) => c._zod.def.check === 'max_length')) arrays.add(path);
      numericLeaves(def.element, `${path}[]`, out, arrays);
      return;
    case 'number':
      out.add(path);
      return;
    case 'literal':
      if ((def.values as unknown[]).some((v) => typeof v === 'number')) out.add(path);
      return;
    default:
  }
}

describe('completeness: a numeric limit added to a write input without a boundary row fails here', () => {
  const covered = new Set([...rows().map((r) => r.key), ...BUCKET_KEYS, ...NUMERIC_ENUMS, ...OWN_CASES]);
  const coveredArrays = new Set([...ITEM_LIMITS.map((r) => r[0]), ...SPECIAL_ARRAYS]);
  for (const [name, schema] of Object.entries(INPUT_SCHEMAS)) {
    it(`${name}: every numeric field and capped array has a row`, () => {
      const leaves = new Set<string>();
      const arrays = new Set<string>();
      numericLeaves(schema, '', leaves, arrays);
      const missing = [...leaves].map((l) => `${name}.${l}`).filter((k) => !covered.has(k));
      const missingArrays = [...arrays].map((a) => `${name}.${a}`).filter((k) => !coveredArrays.has(k));
      expect(missing).toEqual([]);
      expect(missingArrays).toEqual([]);
    });
  }
  it('the walk sees the fields it should (a walker that finds nothing would pass vacuously)', () => {
    const leaves = new Set<string>();
    const arrays = new Set<string>();
    numericLeaves(INPUT_SCHEMAS.LogWorkoutInput, '', leaves, arrays);
    expect([...leaves].sort()).toEqual(
      ['actualDurationMinutes', 'enjoymentRating', 'perceivedDifficulty', 'sessionId', 'topSets[].avgRestSeconds', 'topSets[].movementId', 'topSets[].reps', 'topSets[].rir', 'topSets[].rpe', 'topSets[].weight'].sort(),
    );
    expect([...arrays].sort()).toEqual(['feedbackTags', 'topSets']);
  });
});
