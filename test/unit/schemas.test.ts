// Write-input schemas: each accepts a realistic input and rejects each rule it owns, with every problem
// reported at its path. JSON blobs, errors and the module surface have their own files.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ENUMS, type Goal, type PersonaAggression } from '../../src/enums/index.js';
import {
  GainslyValidationError,
  INPUT_LIMITS,
  INPUT_SCHEMAS,
  INT4_MAX,
  TEXT_MAX_LENGTH,
  acceptPlanInputSchema,
  appendTurnInputSchema,
  circuitTemplateInputSchema,
  conversationThreadInputSchema,
  createProgramInputSchema,
  createUserInputSchema,
  enjoyableActivityInputSchema,
  heuristicConfigInputSchema,
  logWorkoutInputSchema,
  movementInputSchema,
  movementRelationshipInputSchema,
  movementRuleInputSchema,
  parseInput,
  recoverySignalInputSchema,
  sessionPlanInputSchema,
  sorenessInputSchema,
  updateMovementInputSchema,
  updateUserInputSchema,
  type CreateProgramData,
  type InputName,
  type LogWorkoutData,
  type LogWorkoutInput,
} from '../../src/schemas/index.js';

type Issue = { path: string; message: string; received?: unknown };

/** Parses through parseInput and returns the issues (path joined with '.'), or [] when valid. */
function issuesOf(schema: z.ZodType, value: unknown): Issue[] {
  try {
    parseInput(schema, value, 'TestInput');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(GainslyValidationError);
    return (error as GainslyValidationError).issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
      ...('received' in issue ? { received: issue.received } : {}),
    }));
  }
}
const pathsOf = (schema: z.ZodType, value: unknown) => issuesOf(schema, value).map((issue) => issue.path);

const GOALS = [
  { goal: 'strength', weight: 6 },
  { goal: 'hypertrophy', weight: 3 },
  { goal: 'mobility', weight: 1 },
];

/** One realistic valid input per schema; each test below breaks exactly one thing of it. */
const VALID: Record<InputName, Record<string, unknown>> = {
  CreateUserInput: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    experienceLevel: 'advanced',
    personaTone: 'analytical',
    personaAggression: 4,
    settings: { activeE1rmFormula: 'brzycki', useMetric: false },
  },
  UpdateUserInput: { personaTone: 'drill_sergeant', email: null },
  MovementRuleInput: { movementId: 12, ruleType: 'hard_no', cadence: 'weekly', notes: 'Shoulder impingement' },
  EnjoyableActivityInput: { activityType: 'other', customName: 'Padel', recommendEveryDays: 14, enabled: true, notes: null },
  CreateProgramInput: {
    name: 'Winter block',
    startDate: '2026-01-05',
    durationWeeks: 10,
    goals: GOALS,
    splitTemplate: 'hybrid',
    daysPerWeek: 4,
    progressionStyle: 'double_progression',
    hybridDefinition: { days: [{ day: 1, focus: 'upper' }, { day: 2, focus: 'run', km: 8.5 }] },
    disciplines: [
      { discipline: 'powerlifting', weight: 6 },
      { discipline: 'running', weight: 4 },
    ],
    deloadEveryNMicrocycles: 3,
    microcycleLengthDays: 8,
    personaTone: 'supportive',
    personaAggression: 2,
    isTemplate: false,
    visibility: 'friends',
  },
  SessionPlanInput: {
    microcycleId: 7,
    date: '2026-01-06',
    dayNumber: 2,
    sessionType: 'lower',
    intentTags: ['strength', 'hinge_focus'],
    coachNotes: 'Keep the squats crisp; stop at RPE 8.',
    estimatedDurationMinutes: 65,
    mainCircuitId: null,
    finisherCircuitId: 3,
    sections: {
      warmup: [{ movementId: 40, sets: 2, durationSeconds: 60 }],
      main: [
        { movementId: 1, sets: 4, repRangeMin: 4, repRangeMax: 6, rpe: 8, restSeconds: 180, isComplexLift: true },
        { movementId: 2, sets: 3, repRangeMin: 6, repRangeMax: 8, rir: 2, supersetGroup: 1, substitutionAllowed: false },
      ],
      accessory: [{ movementId: 9, sets: 3, repRangeMin: 10, repRangeMax: 15, notes: 'slow eccentric' }],
      cooldown: [],
    },
    durations: { warmup: 10, main: 40, accessory: 15, finisher: null },
  },
  LogWorkoutInput: {
    date: '2026-01-06',
    sessionId: 31,
    completed: true,
    notes: 'Felt strong.',
    perceivedDifficulty: 8,
    enjoymentRating: 4,
    feedbackTags: ['too_hard', 'fun'],
    actualDurationMinutes: 72,
    visibility: 'public',
    topSets: [
      { movementId: 1, weight: 140, reps: 5, rpe: 8.5, avgRestSeconds: 180 },
      { movementId: 2, weight: 102.5, reps: 8, rir: 2 },
    ],
  },
  SorenessInput: { date: '2026-01-07', bodyPart: 'quads', soreness: 3, inferredCauseSessionId: 31, notes: 'stairs hurt' },
  RecoverySignalInput: {
    date: '2026-01-07',
    source: 'aura ring',
    hrv: 52.5,
    restingHr: 51,
    sleepScore: 84,
    sleepHours: 7.25,
    readiness: 77.5,
    notes: null,
    sessionId: 31,
    rawPayloadJson: { provider: 'oura', contributors: { hrv_balance: 80 } },
  },
  MovementInput: {
    name: 'Back Squat',
    pattern: 'squat',
    primaryMuscle: 'quadriceps',
    primaryRegion: 'anterior lower',
    secondaryMuscles: ['glutes', 'hamstrings', 'core'],
    cnsLoad: 'very_high',
    skillLevel: 'intermediate',
    compound: true,
    isComplexLift: false,
    isUnilateral: false,
    metricType: 'reps',
    primaryDiscipline: 'powerlifting',
    disciplineTags: ['powerlifting', 'strength'],
    equipmentTags: ['barbell', 'rack'],
    tags: ['athletic'],
    description: 'High-bar or low-bar squat.',
    coachingCues: ['Brace before you descend', 'Knees track over toes'],
    substitutionGroup: 'squat_bilateral',
  },
  UpdateMovementInput: { cnsLoad: 'high', substitutionGroup: null },
  MovementRelationshipInput: { sourceMovementId: 4, targetMovementId: 9, relationshipType: 'progression', notes: 'after 3x5 @ bw' },
  CircuitTemplateInput: {
    name: 'Fran',
    description: '21-15-9 for time',
    circuitType: 'rounds_for_time',
    exercisesJson: [
      { movement: 'Thruster', reps: [21, 15, 9], rx_weight: 43 },
      { movement: 'Pull-up', reps: [21, 15, 9] },
    ],
    defaultRounds: 3,
    defaultDurationSeconds: 600,
    bucketStress: { conditioning: 4, strength: 2.5 },
    tags: ['crossfit', 'benchmark'],
    difficultyTier: 6,
  },
  HeuristicConfigInput: {
    name: 'deload_policy',
    version: 2,
    jsonBlob: { every_n_microcycles: 4, volume_drop: 0.4, triggers: ['psi_decline'] },
    description: 'When to deload',
    active: true,
  },
  ConversationThreadInput: { contextType: 'daily_adaptation', contextDate: '2026-01-06T07:30:00Z', contextSessionId: 31 },
  AppendTurnInput: { role: 'assistant', content: 'Swap squats for leg press today.', structuredResponseJson: { swaps: [[1, 14]] } },
  AcceptPlanInput: { plan: { sessions: [{ day: 1, main: [{ movement_id: 1, sets: 4 }] }] } },
};

const SCHEMAS = INPUT_SCHEMAS as Record<InputName, z.ZodType>;
const names = Object.keys(VALID) as InputName[];
const with_ = (name: InputName, patch: Record<string, unknown>) => ({ ...VALID[name], ...patch });

describe('every input schema', () => {
  it('has a realistic valid example here, and INPUT_SCHEMAS lists exactly these inputs', () => {
    expect(Object.keys(INPUT_SCHEMAS).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s accepts its realistic input', (name) => {
    expect(issuesOf(SCHEMAS[name], VALID[name])).toEqual([]);
  });

  it.each(names)('%s rejects an unknown key (typo) at its path, naming the allowed keys', (name) => {
    const issues = issuesOf(SCHEMAS[name], with_(name, { notse: 'x' }));
    expect(issues).toContainEqual({ path: 'notse', message: expect.stringMatching(/^is not a known key \(allowed keys: .+\)$/), received: 'x' });
  });

  it.each(names)('%s rejects a prototype key sent through JSON.parse without polluting Object.prototype', (name) => {
    const body = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`) as object;
    const issues = issuesOf(SCHEMAS[name], { ...VALID[name], ...body });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(issues.find((i) => i.path === '__proto__')?.message).toMatch(/forbidden key "__proto__" \(prototype-pollution guard\)/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(names)('%s rejects a non-object input', (name) => {
    for (const value of ['x', 42, null, [], undefined]) {
      const issues = issuesOf(SCHEMAS[name], value);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]?.path).toBe('');
    }
  });

  it.each(names)('%s rejects NaN, Infinity, a function and a bigint in every field', (name) => {
    for (const key of Object.keys(VALID[name])) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, () => 1, 10n]) {
        const paths = pathsOf(SCHEMAS[name], with_(name, { [key]: bad }));
        expect(paths, `${name}.${key} = ${String(bad)}`).toContain(key);
      }
    }
  });

  it.each(names)('%s does not mutate the caller input', (name) => {
    const input = structuredClone(VALID[name]);
    const before = JSON.stringify(input);
    parseInput(SCHEMAS[name], input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

/** Fields and the enum they take, for the label/case checks. */
const ENUM_FIELDS: [InputName, string, keyof typeof ENUMS][] = [
  ['CreateUserInput', 'experienceLevel', 'ExperienceLevel'],
  ['CreateUserInput', 'personaTone', 'PersonaTone'],
  ['MovementRuleInput', 'ruleType', 'MovementRuleType'],
  ['MovementRuleInput', 'cadence', 'RuleCadence'],
  ['EnjoyableActivityInput', 'activityType', 'EnjoyableActivity'],
  ['CreateProgramInput', 'splitTemplate', 'SplitTemplate'],
  ['CreateProgramInput', 'progressionStyle', 'ProgressionStyle'],
  ['CreateProgramInput', 'personaTone', 'PersonaTone'],
  ['CreateProgramInput', 'visibility', 'Visibility'],
  ['SessionPlanInput', 'sessionType', 'SessionType'],
  ['LogWorkoutInput', 'visibility', 'Visibility'],
  ['RecoverySignalInput', 'source', 'RecoverySource'],
  ['MovementInput', 'pattern', 'MovementPattern'],
  ['MovementInput', 'primaryMuscle', 'PrimaryMuscle'],
  ['MovementInput', 'primaryRegion', 'PrimaryRegion'],
  ['MovementInput', 'cnsLoad', 'CNSLoad'],
  ['MovementInput', 'skillLevel', 'SkillLevel'],
  ['MovementInput', 'metricType', 'MetricType'],
  ['MovementRelationshipInput', 'relationshipType', 'RelationshipType'],
  ['CircuitTemplateInput', 'circuitType', 'CircuitType'],
];

describe('enum fields', () => {
  it.each(ENUM_FIELDS)('%s.%s accepts every %s semantic value and rejects its database labels', (name, field, enumName) => {
    const codec = ENUMS[enumName];
    for (const value of codec.values) expect(pathsOf(SCHEMAS[name], with_(name, { [field]: value }))).toEqual([]);
    codec.dbValues.forEach((label, index) => {
      if (codec.values.includes(label as never)) return; // a label that is also a value (none today)
      const issues = issuesOf(SCHEMAS[name], with_(name, { [field]: label }));
      expect(issues).toEqual([
        {
          path: field,
          message: expect.stringContaining(`must be one of ${codec.values.map((v) => `'${String(v)}'`).join(', ')}`),
          received: label,
        },
      ]);
      expect(issues[0]?.message).toContain(`'${label}' is the database label; use '${String(codec.values[index])}'`);
    });
  });

  it("rejects 'HARD_NO' with a message listing the allowed rule types", () => {
    expect(issuesOf(movementRuleInputSchema, with_('MovementRuleInput', { ruleType: 'HARD_NO' }))).toEqual([
      {
        path: 'ruleType',
        message: "must be one of 'hard_no', 'hard_yes', 'preferred' ('HARD_NO' is the database label; use 'hard_no')",
        received: 'HARD_NO',
      },
    ]);
  });

  it('suggests the value for a case slip and rejects unknown values', () => {
    expect(issuesOf(movementInputSchema, with_('MovementInput', { pattern: 'Squat' }))[0]?.message).toMatch(/did you mean 'squat'\?/);
    expect(issuesOf(movementInputSchema, with_('MovementInput', { primaryRegion: 'anterior_lower' }))[0]?.message).toMatch(/^must be one of 'anterior lower', /);
  });

  it("PersonaAggression takes the integers 1..5, not '3' nor 'BALANCED' nor 6", () => {
    for (const value of [1, 2, 3, 4, 5]) expect(pathsOf(createUserInputSchema, { personaAggression: value })).toEqual([]);
    for (const value of ['3', 'BALANCED', 0, 6, 2.5]) {
      expect(issuesOf(createUserInputSchema, { personaAggression: value })).toEqual([{ path: 'personaAggression', message: expect.stringMatching(/^must be one of 1, 2, 3, 4, 5/), received: value }]);
    }
    expect(issuesOf(createUserInputSchema, { personaAggression: 'BALANCED' })[0]?.message).toContain('use 3');
  });
});

describe('dates and timestamps', () => {
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-5', '2026-01-05T00:00:00Z', '05/01/2026', '0000-01-01', ''])('rejects date %j', (date) => {
    expect(issuesOf(sorenessInputSchema, with_('SorenessInput', { date }))).toEqual([{ path: 'date', message: "must be a real calendar date written 'YYYY-MM-DD'", received: date }]);
  });

  it('accepts a leap day and rejects a Date object with a reason', () => {
    expect(pathsOf(logWorkoutInputSchema, with_('LogWorkoutInput', { date: '2024-02-29' }))).toEqual([]);
    expect(issuesOf(logWorkoutInputSchema, with_('LogWorkoutInput', { date: new Date('2026-01-05') }))[0]?.message).toMatch(/not a Date/);
  });

  it('contextDate: Date or ISO string becomes a Date; offset-less and date-only strings are UTC', () => {
    const parse = (contextDate: unknown) => parseInput(conversationThreadInputSchema, { contextType: 'program_setup', contextDate }).contextDate;
    expect(parse('2026-01-06T07:30:00Z')).toEqual(new Date('2026-01-06T07:30:00Z'));
    expect(parse('2026-01-06T09:30:00+02:00')).toEqual(new Date('2026-01-06T07:30:00Z'));
    expect(parse('2026-01-06T07:30:00')).toEqual(new Date('2026-01-06T07:30:00Z'));
    expect(parse('2026-01-06')).toEqual(new Date('2026-01-06T00:00:00Z'));
    const original = new Date('2026-01-06T07:30:00Z');
    const copy = parse(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
    expect(parse(null)).toBeNull();
    expectTypeOf(parse).returns.toEqualTypeOf<Date | null | undefined>();
  });

  it.each([new Date('nope'), 'yesterday', '2026-02-30T10:00:00Z', 1767686400000, ''])('contextDate rejects %s', (contextDate) => {
    expect(pathsOf(conversationThreadInputSchema, { contextType: 'program_setup', contextDate })).toEqual(['contextDate']);
  });
});

describe('strings', () => {
  it.each([
    ['CreateUserInput', 'name', 100],
    ['EnjoyableActivityInput', 'customName', 100],
    ['CreateProgramInput', 'name', 100],
    ['MovementInput', 'name', 200],
    ['MovementInput', 'substitutionGroup', 100],
    ['MovementInput', 'primaryDiscipline', 50],
    ['SorenessInput', 'bodyPart', 50],
    ['ConversationThreadInput', 'contextType', 50],
    ['HeuristicConfigInput', 'name', 100],
    ['CircuitTemplateInput', 'name', 200],
  ] as [InputName, string, number][])('%s.%s is a varchar(%i): trimmed, non-empty, at most that many characters', (name, field, max) => {
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: 'x'.repeat(max) }))).toEqual([]);
    // Characters are code points, as PostgreSQL counts them: max emoji fit although they are 2 UTF-16 units each.
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: '💪'.repeat(max) }))).toEqual([]);
    expect(issuesOf(SCHEMAS[name], with_(name, { [field]: 'x'.repeat(max + 1) }))).toEqual([
      { path: field, message: `must be at most ${max} characters (got ${max + 1})`, received: 'x'.repeat(max + 1) },
    ]);
    expect(issuesOf(SCHEMAS[name], with_(name, { [field]: '   ' }))).toEqual([{ path: field, message: 'must not be empty', received: '' }]);
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: 'a\u0000b' }))).toEqual([field]);
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: 42 }))).toEqual([field]);
    const parsed = parseInput(SCHEMAS[name], with_(name, { [field]: '  padded  ' })) as Record<string, unknown>;
    expect(parsed[field]).toBe('padded');
  });

  it.each([
    ['MovementRuleInput', 'notes'],
    ['LogWorkoutInput', 'notes'],
    ['SessionPlanInput', 'coachNotes'],
    ['MovementInput', 'description'],
    ['CircuitTemplateInput', 'description'],
    ['HeuristicConfigInput', 'description'],
    ['RecoverySignalInput', 'notes'],
  ] as [InputName, string][])('%s.%s is text: kept verbatim, capped at TEXT_MAX_LENGTH', (name, field) => {
    const verbatim = '  line 1\n  line 2  ';
    expect((parseInput(SCHEMAS[name], with_(name, { [field]: verbatim })) as Record<string, unknown>)[field]).toBe(verbatim);
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: 'x'.repeat(TEXT_MAX_LENGTH) }))).toEqual([]);
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: 'x'.repeat(TEXT_MAX_LENGTH + 1) }))).toEqual([field]);
    expect(pathsOf(SCHEMAS[name], with_(name, { [field]: null }))).toEqual([]);
  });

  it('email must be valid and at most 255 characters; null clears it', () => {
    expect(pathsOf(createUserInputSchema, { email: 'not-an-email' })).toEqual(['email']);
    expect(issuesOf(createUserInputSchema, { email: 'ada@' })[0]?.message).toBe('must be a valid email address');
    expect(pathsOf(createUserInputSchema, { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.io` })).toEqual([]);
    expect(pathsOf(createUserInputSchema, { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.io` })).toEqual(['email']);
    expect(parseInput(createUserInputSchema, { email: ' ada@example.com ' }).email).toBe('ada@example.com');
  });

  it('conversation content is 1..100 000 characters, kept verbatim, role user|assistant', () => {
    const limit = INPUT_LIMITS.conversationContentMaxLength;
    expect(pathsOf(appendTurnInputSchema, { role: 'user', content: 'x'.repeat(limit) })).toEqual([]);
    expect(pathsOf(appendTurnInputSchema, { role: 'user', content: 'x'.repeat(limit + 1) })).toEqual(['content']);
    expect(issuesOf(appendTurnInputSchema, { role: 'user', content: '' })).toEqual([{ path: 'content', message: 'must not be empty', received: '' }]);
    expect(issuesOf(appendTurnInputSchema, { role: 'system', content: 'hi' })).toEqual([{ path: 'role', message: "must be one of 'user', 'assistant'", received: 'system' }]);
    expect(issuesOf(appendTurnInputSchema, { content: 'hi' })).toEqual([{ path: 'role', message: 'is required' }]);
  });
});

/** [input, field, accepted edge values, rejected values] for the numeric rules. */
const NUMERIC_RULES: [InputName, string, unknown[], unknown[]][] = [
  ['CreateUserInput', 'personaAggression', [1, 5], [0, 6]],
  ['EnjoyableActivityInput', 'recommendEveryDays', [1, 365], [0, 366, 7.5]],
  ['CreateProgramInput', 'durationWeeks', [8, 12], [7, 13, 9.5, '10']],
  ['CreateProgramInput', 'daysPerWeek', [2, 7], [1, 8, 3.5]],
  ['CreateProgramInput', 'deloadEveryNMicrocycles', [1, 99], [0, -1, 1.5, null]],
  ['CreateProgramInput', 'microcycleLengthDays', [7, 10], [6, 11, null]],
  ['SessionPlanInput', 'microcycleId', [1, INT4_MAX], [0, -3, INT4_MAX + 1, 1.5]],
  ['SessionPlanInput', 'dayNumber', [1, 10], [0, 11]],
  ['SessionPlanInput', 'estimatedDurationMinutes', [0, 1440, null], [-1, 1441]],
  ['LogWorkoutInput', 'sessionId', [1, null], [0]],
  ['LogWorkoutInput', 'perceivedDifficulty', [1, 10, null], [0, 11, 7.5]],
  ['LogWorkoutInput', 'enjoymentRating', [1, 5], [0, 6, 4.5]],
  ['LogWorkoutInput', 'actualDurationMinutes', [0, 1440], [-1, 1441, 30.5]],
  ['SorenessInput', 'soreness', [1, 5], [0, 6, 2.5, null]],
  ['RecoverySignalInput', 'hrv', [0, 250.5], [-0.1]],
  ['RecoverySignalInput', 'restingHr', [20, 250], [19, 251, 60.5]],
  ['RecoverySignalInput', 'sleepScore', [0, 100, 84.5], [-1, 100.1]],
  ['RecoverySignalInput', 'sleepHours', [0, 24, 7.25], [-0.5, 24.5]],
  ['RecoverySignalInput', 'readiness', [0, 100], [-1, 101]],
  ['CircuitTemplateInput', 'defaultRounds', [1, 1000, null], [0, 1001, 2.5]],
  ['CircuitTemplateInput', 'defaultDurationSeconds', [1, 86_400], [0, 86_401]],
  ['CircuitTemplateInput', 'difficultyTier', [1, 10], [0, 11, null]],
  ['HeuristicConfigInput', 'version', [1, INT4_MAX], [0, 1.5, INT4_MAX + 1]],
  ['MovementRelationshipInput', 'sourceMovementId', [1, 3], [0, '4']],
];

describe('numeric fields', () => {
  it.each(NUMERIC_RULES)('%s.%s accepts %j and rejects %j', (name, field, accepted, rejected) => {
    for (const value of accepted) expect(pathsOf(SCHEMAS[name], with_(name, { [field]: value })), String(value)).toEqual([]);
    for (const value of rejected) {
      expect(issuesOf(SCHEMAS[name], with_(name, { [field]: value })), String(value)).toEqual([{ path: field, message: expect.any(String), received: value }]);
    }
  });

  it('words range problems like the domain: must be >= / <= / an integer', () => {
    const at = (durationWeeks: unknown) => issuesOf(createProgramInputSchema, with_('CreateProgramInput', { durationWeeks }))[0]?.message;
    expect(at(7)).toBe('must be >= 8');
    expect(at(13)).toBe('must be <= 12');
    expect(at(9.5)).toBe('must be an integer');
    expect(at(Number.NaN)).toBe('must be a finite number (NaN and Infinity are not allowed)');
    expect(at('10')).toBe('must be a finite number (got string)');
    expect(issuesOf(createProgramInputSchema, { ...VALID.CreateProgramInput, durationWeeks: undefined })).toEqual([{ path: 'durationWeeks', message: 'is required' }]);
  });

  it('top sets: weight 0..1000 finite, reps integer 1..1000, rpe 1..10 (halves fine), rir 0..10, rest >= 0', () => {
    const topSet = (patch: Record<string, unknown>) => with_('LogWorkoutInput', { topSets: [{ movementId: 1, weight: 100, reps: 5, ...patch }] });
    for (const ok of [{ weight: 0 }, { weight: 1000 }, { weight: 102.5 }, { reps: 1000 }, { rpe: 1 }, { rpe: 8.5 }, { rpe: 9.75 }, { rir: 0 }, { rir: 10 }, { avgRestSeconds: 0 }]) {
      expect(pathsOf(logWorkoutInputSchema, topSet(ok)), JSON.stringify(ok)).toEqual([]);
    }
    for (const [bad, field] of [
      [{ weight: -0.5 }, 'weight'],
      [{ weight: 1000.5 }, 'weight'],
      [{ weight: Number.NaN }, 'weight'],
      [{ reps: 0 }, 'reps'],
      [{ reps: 5.5 }, 'reps'],
      [{ reps: 1001 }, 'reps'],
      [{ rpe: 0.5 }, 'rpe'],
      [{ rpe: 10.5 }, 'rpe'],
      [{ rpe: Number.POSITIVE_INFINITY }, 'rpe'],
      [{ rir: -1 }, 'rir'],
      [{ rir: 1.5 }, 'rir'],
      [{ rir: 11 }, 'rir'],
      [{ avgRestSeconds: -1 }, 'avgRestSeconds'],
      [{ movementId: 0 }, 'movementId'],
      [{ pattern: 'squat' }, 'pattern'],
    ] as [Record<string, unknown>, string][]) {
      expect(pathsOf(logWorkoutInputSchema, topSet(bad)), JSON.stringify(bad)).toEqual([`topSets.0.${field}`]);
    }
  });

  it('top sets: 0..50 entries, and the key is required', () => {
    const set = { movementId: 1, weight: 100, reps: 5 };
    expect(pathsOf(logWorkoutInputSchema, with_('LogWorkoutInput', { topSets: [] }))).toEqual([]);
    expect(pathsOf(logWorkoutInputSchema, with_('LogWorkoutInput', { topSets: Array(50).fill(set) }))).toEqual([]);
    expect(issuesOf(logWorkoutInputSchema, with_('LogWorkoutInput', { topSets: Array(51).fill(set) }))[0]).toMatchObject({ path: 'topSets', message: 'must have at most 50 items' });
    expect(issuesOf(logWorkoutInputSchema, { date: '2026-01-06' })).toEqual([{ path: 'topSets', message: expect.stringMatching(/^is required/) }]);
  });
});

describe('createProgramInputSchema', () => {
  it('applies the domain defaults and types its output', () => {
    const { deloadEveryNMicrocycles, microcycleLengthDays, ...rest } = VALID.CreateProgramInput;
    void deloadEveryNMicrocycles;
    void microcycleLengthDays;
    const data = parseInput(createProgramInputSchema, rest);
    expect(data.deloadEveryNMicrocycles).toBe(4);
    expect(data.microcycleLengthDays).toBe(7);
    expect(data.personaAggression).toBe(2);
    expectTypeOf(data).toEqualTypeOf<CreateProgramData>();
    expectTypeOf(data.goals).toEqualTypeOf<{ goal: Goal; weight: number }[]>();
    expectTypeOf(data.personaAggression).toEqualTypeOf<PersonaAggression | undefined>();
  });

  it.each([
    [[{ goal: 'strength', weight: 6 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'mobility', weight: 2 }], [['goals', /^weights must sum to 10 \(goals_sum_to_ten\), got 11/]]],
    [[{ goal: 'strength', weight: 10 }], [['goals', /^must have exactly 3 entries/]]],
    [[{ goal: 'strength', weight: 6 }, { goal: 'strength', weight: 3 }, { goal: 'speed', weight: 1 }], [['goals.1.goal', /^repeats the goal of entry 0/]]],
    [[{ goal: 'strength', weight: 11 }, { goal: 'speed', weight: -1 }, { goal: 'mobility', weight: 0 }], [['goals.1.weight', /^must be >= 0/]]],
    [[{ goal: 'STRENGTH', weight: 6 }, { goal: 'speed', weight: 3 }, { goal: 'mobility', weight: 1 }], [['goals.0.goal', /database label/]]],
    [[{ goal: 'strength', weight: 6, extra: 1 }, { goal: 'speed', weight: 3 }, { goal: 'mobility', weight: 1 }], [['goals.0.extra', /^is not a known key/]]],
    ['strength', [['goals', /^must be an array/]]],
  ] as [unknown, [string, RegExp][]][])('goals %j -> %j (domain rules via validateGoalWeights)', (goals, expected) => {
    const issues = issuesOf(createProgramInputSchema, with_('CreateProgramInput', { goals }));
    expect(issues.map((i) => [i.path, i.message])).toEqual(expected.map(([path, message]) => [path, expect.stringMatching(message)]));
  });

  it('reports a wrong goal total together with a bad goal name (domain refinement runs when a field fails)', () => {
    const issues = issuesOf(createProgramInputSchema, {
      ...VALID.CreateProgramInput,
      goals: [{ goal: 'STRENGTH', weight: 6 }, { goal: 'strength', weight: 3 }, { goal: 'speed', weight: -1 }],
      durationWeeks: 13,
      daysPerWeek: 1.5,
      microcycleLengthDays: 6,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['daysPerWeek', 'durationWeeks', 'goals', 'goals.0.goal', 'goals.2.weight', 'microcycleLengthDays'].sort());
    expect(issues.find((i) => i.path === 'goals')).toEqual({ path: 'goals', message: 'weights must sum to 10 (goals_sum_to_ten), got 8', received: 8 });
    // one issue per path: the zod field rule and the domain shape rule do not both report durationWeeks
    expect(new Set(issues.map((i) => i.path)).size).toBe(issues.length);
  });

  it('disciplines and hybridDefinition are validated JSON', () => {
    expect(pathsOf(createProgramInputSchema, with_('CreateProgramInput', { disciplines: [{ discipline: 'running', weight: -1 }] }))).toEqual(['disciplines.0.weight']);
    expect(pathsOf(createProgramInputSchema, with_('CreateProgramInput', { hybridDefinition: [] }))).toEqual(['hybridDefinition']);
    expect(pathsOf(createProgramInputSchema, with_('CreateProgramInput', { hybridDefinition: { days: Number.NaN } }))).toEqual(['hybridDefinition.days']);
    expect(pathsOf(createProgramInputSchema, with_('CreateProgramInput', { hybridDefinition: null, disciplines: null }))).toEqual([]);
  });
});

describe('sessionPlanInputSchema', () => {
  it('checks each planned exercise at its section path, and repRangeMax >= repRangeMin', () => {
    const issues = issuesOf(sessionPlanInputSchema, {
      ...VALID.SessionPlanInput,
      sections: {
        main: [
          { movementId: 1, sets: 0 },
          { movementId: 2, sets: 3, repRangeMin: 8, repRangeMax: 5 },
          { movementId: 3, sets: 3, repRangeMin: 8, repRangeMax: 8, rpe: 11, rir: -1, durationSeconds: 0, restSeconds: -5, supersetGroup: 0 },
        ],
        skill: [],
      },
      durations: { main: -1, stretch: 5 },
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'sections.main.0.sets',
        'sections.main.1.repRangeMax',
        'sections.main.2.rpe',
        'sections.main.2.rir',
        'sections.main.2.durationSeconds',
        'sections.main.2.restSeconds',
        'sections.main.2.supersetGroup',
        'sections.skill',
        'durations.main',
        'durations.stretch',
      ]),
    );
    expect(issues).toHaveLength(10);
    expect(issues.find((i) => i.path === 'sections.main.1.repRangeMax')).toEqual({ path: 'sections.main.1.repRangeMax', message: 'must be >= repRangeMin (8)', received: 5 });
  });

  it('checks repRangeMax >= repRangeMin even when another field of the exercise failed', () => {
    const paths = pathsOf(sessionPlanInputSchema, { ...VALID.SessionPlanInput, sections: { main: [{ movementId: 1, sets: 2.5, repRangeMin: 8, repRangeMax: 5 }] } });
    expect(paths).toEqual(['sections.main.0.sets', 'sections.main.0.repRangeMax']);
  });

  it('requires sections (may be empty) and limits each to 50 exercises', () => {
    expect(pathsOf(sessionPlanInputSchema, { ...VALID.SessionPlanInput, sections: {} })).toEqual([]);
    expect(pathsOf(sessionPlanInputSchema, { ...VALID.SessionPlanInput, sections: undefined })).toEqual(['sections']);
    expect(pathsOf(sessionPlanInputSchema, { ...VALID.SessionPlanInput, sections: { main: Array(51).fill({ movementId: 1, sets: 1 }) } })).toEqual(['sections.main']);
  });
});

describe('other cross-field and domain rules', () => {
  it('a movement cannot relate to itself', () => {
    expect(issuesOf(movementRelationshipInputSchema, with_('MovementRelationshipInput', { targetMovementId: 4 }))).toEqual([
      { path: 'targetMovementId', message: 'must differ from sourceMovementId (a movement cannot relate to itself)', received: 4 },
    ]);
  });

  it('soreness and workout ratings go through validateRatings too, reported once', () => {
    expect(issuesOf(sorenessInputSchema, with_('SorenessInput', { soreness: 6 }))).toEqual([{ path: 'soreness', message: 'must be <= 5', received: 6 }]);
    expect(pathsOf(logWorkoutInputSchema, with_('LogWorkoutInput', { perceivedDifficulty: 0, enjoymentRating: 6 }))).toEqual(['perceivedDifficulty', 'enjoymentRating']);
  });

  it('update inputs need at least one field; null clears nullable columns', () => {
    expect(issuesOf(updateUserInputSchema, {})).toEqual([{ path: '', message: expect.stringMatching(/^must set at least one field \(allowed keys: name, email, /), received: {} }]);
    expect(pathsOf(updateUserInputSchema, { name: undefined })).toEqual(['']);
    expect(pathsOf(updateUserInputSchema, { name: null })).toEqual([]);
    expect(pathsOf(updateMovementInputSchema, {})).toEqual(['']);
    expect(pathsOf(updateMovementInputSchema, { description: null })).toEqual([]);
    expect(pathsOf(updateMovementInputSchema, { name: null })).toEqual(['name']); // NOT NULL column
    expect(pathsOf(updateMovementInputSchema, { pattern: 'SQUAT' })).toEqual(['pattern']);
  });

  it('createUser: every field optional, settings strict', () => {
    expect(parseInput(createUserInputSchema, {})).toEqual({});
    expect(pathsOf(createUserInputSchema, { settings: { useMetric: 'yes', activeE1rmFormula: 'EPLEY', theme: 'dark' } }).sort()).toEqual(
      ['settings.activeE1rmFormula', 'settings.theme', 'settings.useMetric'].sort(),
    );
  });

  it('logWorkout defaults completed to true and types its data', () => {
    const data = parseInput(logWorkoutInputSchema, { date: '2026-01-06', topSets: [] });
    expect(data).toEqual({ date: '2026-01-06', completed: true, topSets: [] });
    expectTypeOf(data).toEqualTypeOf<LogWorkoutData>();
    expectTypeOf<LogWorkoutInput['completed']>().toEqualTypeOf<boolean | undefined>();
  });

  it('circuit template: bucket stress keys are StressBucket values, exercises are JSON', () => {
    expect(pathsOf(circuitTemplateInputSchema, with_('CircuitTemplateInput', { bucketStress: { strength: -1, cardio: 2 } }))).toEqual(['bucketStress.strength', 'bucketStress.cardio']);
    expect(pathsOf(circuitTemplateInputSchema, with_('CircuitTemplateInput', { exercisesJson: [{ reps: Number.NaN }] }))).toEqual(['exercisesJson.0.reps']);
  });

  it('heuristic config and plans need JSON objects', () => {
    expect(pathsOf(heuristicConfigInputSchema, with_('HeuristicConfigInput', { jsonBlob: undefined }))).toEqual(['jsonBlob']);
    expect(pathsOf(heuristicConfigInputSchema, with_('HeuristicConfigInput', { jsonBlob: [1, 2] }))).toEqual(['jsonBlob']);
    expect(pathsOf(acceptPlanInputSchema, { plan: { when: new Date() } })).toEqual(['plan.when']);
    expect(pathsOf(recoverySignalInputSchema, with_('RecoverySignalInput', { rawPayloadJson: { a: { b: undefined } } }))).toEqual(['rawPayloadJson.a.b']);
  });

  it('enjoyable activity and movement rule defaults are left to the database', () => {
    expect(parseInput(enjoyableActivityInputSchema, { activityType: 'yoga' })).toEqual({ activityType: 'yoga' });
    expect(parseInput(movementRuleInputSchema, { movementId: 1, ruleType: 'preferred' })).toEqual({ movementId: 1, ruleType: 'preferred' });
  });
});

describe('GainslyValidationError from an input', () => {
  it('lists ALL problems of a bad workout log with path, message and received value', () => {
    let error: unknown;
    try {
      parseInput(
        logWorkoutInputSchema,
        {
          date: '2026-02-30',
          perceivedDifficulty: 11,
          enjoymentRating: 2.5,
          notse: 'typo',
          visibility: 'PRIVATE',
          feedbackTags: ['ok', ' ok '],
          topSets: [{ movementId: 0, weight: Number.NaN, reps: 0, rpe: Number.POSITIVE_INFINITY }],
        },
        'LogWorkoutInput',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GainslyValidationError);
    const e = error as GainslyValidationError;
    expect(e.input).toBe('LogWorkoutInput');
    expect(e.issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['date', 'perceivedDifficulty', 'enjoymentRating', 'notse', 'visibility', 'feedbackTags.1', 'topSets.0.movementId', 'topSets.0.weight', 'topSets.0.reps', 'topSets.0.rpe'].sort(),
    );
    expect(e.message).toMatch(/^Invalid LogWorkoutInput: /);
    expect(e.message).toContain('topSets[0].reps: must be >= 1 (received 0)');
    expect(e.message).toContain('topSets[0].weight: must be a finite number (NaN and Infinity are not allowed) (received NaN)');
    expect(e.message).toContain(`date: must be a real calendar date written 'YYYY-MM-DD' (received "2026-02-30")`);
    expect(e.message).toContain('feedbackTags[1]: repeats the tag at index 0 (received "ok")');
    expect(e.issues.find((i) => i.path.join('.') === 'topSets.0.reps')).toEqual({ path: ['topSets', 0, 'reps'], message: 'must be >= 1', received: 0, code: 'too_small' });
  });
});
