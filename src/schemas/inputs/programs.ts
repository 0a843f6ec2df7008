// Inputs of the programs module: a program with its goals and shape, and a session written from a plan.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { GOAL_WEIGHT_RULES, PROGRAM_DEFAULTS, validateGoalWeights, validateProgramShape } from '../../domain/index.js';
import { SESSION_EXERCISE_BLOCK_KEYS, SESSION_FINISHER_BLOCK_KEYS, disciplinesJsonSchema, hybridDefinitionSchema, intentTagsSchema, jsonObjectSchema } from '../json-blobs.js';
import {
  COLUMN_LENGTHS,
  RUN_ALWAYS,
  WITH_MESSAGES,
  addDomainProblems,
  booleanSchema,
  enumSchema,
  idSchema,
  intSchema,
  isoDateSchema,
  numberSchema,
  strictInput,
  textSchema,
  validInt,
  varcharSchema,
} from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';

const goalWeightSchema = strictInput({
  goal: enumSchema(ENUMS.Goal),
  // Only the per-entry rule here; count, total and repeats belong to validateGoalWeights below.
  weight: intSchema({ min: GOAL_WEIGHT_RULES.minWeight }),
});

/**
 * A program's three weighted goals, checked by the domain's `validateGoalWeights`: exactly 3
 * `{ goal, weight }` entries, integer weights >= 0 summing to 10, no goal twice.
 *
 * @example
 * ```ts
 * goalsInputSchema.parse([{ goal: 'strength', weight: 6 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'mobility', weight: 1 }]);
 * ```
 */
export const goalsInputSchema = z
  .array(goalWeightSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of 3 { goal, weight } entries') })
  // A loose cap only against huge arrays: the exact count (3) is the domain's rule, reported with the others.
  .max(50, WITH_MESSAGES)
  // RUN_ALWAYS: a bad goal name in one entry must not hide a wrong total.
  .superRefine((goals, ctx) => addDomainProblems(ctx, validateGoalWeights(goals)), RUN_ALWAYS);

/**
 * Creates a program. Rules: `startDate` a real `'YYYY-MM-DD'` date; `durationWeeks` 8–12;
 * `daysPerWeek` 2–7; `deloadEveryNMicrocycles` >= 1 (default 4); `microcycleLengthDays` 7–10
 * (default 7); `goals` as {@link goalsInputSchema}; `disciplines` a `disciplines_json` list;
 * `hybridDefinition` any JSON object. Persona fields are optional because the repository copies them
 * from the user when omitted. The shape is also run through the domain's `validateProgramShape`.
 *
 * @example
 * ```ts
 * createProgramInputSchema.parse({
 *   startDate: '2026-01-05',
 *   durationWeeks: 10,
 *   goals: [{ goal: 'strength', weight: 6 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'mobility', weight: 1 }],
 *   splitTemplate: 'upper_lower',
 *   daysPerWeek: 4,
 *   progressionStyle: 'double_progression',
 * });
 * ```
 */
export const createProgramInputSchema = strictInput({
  name: varcharSchema(COLUMN_LENGTHS.programName).nullish(),
  startDate: isoDateSchema,
  durationWeeks: intSchema(INPUT_LIMITS.durationWeeks),
  goals: goalsInputSchema,
  splitTemplate: enumSchema(ENUMS.SplitTemplate),
  daysPerWeek: intSchema(INPUT_LIMITS.daysPerWeek),
  progressionStyle: enumSchema(ENUMS.ProgressionStyle),
  hybridDefinition: hybridDefinitionSchema.nullish(),
  disciplines: disciplinesJsonSchema.nullish(),
  deloadEveryNMicrocycles: intSchema(INPUT_LIMITS.deloadEveryNMicrocycles).default(PROGRAM_DEFAULTS.deloadEveryNMicrocycles),
  microcycleLengthDays: intSchema(INPUT_LIMITS.microcycleLengthDays).default(PROGRAM_DEFAULTS.microcycleLengthDays),
  personaTone: enumSchema(ENUMS.PersonaTone).optional(),
  personaAggression: enumSchema(ENUMS.PersonaAggression).optional(),
  isTemplate: booleanSchema.optional(),
  visibility: enumSchema(ENUMS.Visibility).optional(),
}).superRefine((program, ctx) => {
  // The fields above already use the domain's limits; this keeps any future domain rule in force too.
  addDomainProblems(ctx, validateProgramShape(program));
}, RUN_ALWAYS);
/**
 * What a caller may pass to create a program.
 * @example
 * ```ts
 * const input: CreateProgramInput = { startDate: '2026-01-05', durationWeeks: 8, goals, splitTemplate: 'ppl', daysPerWeek: 6, progressionStyle: 'wave_loading' };
 * ```
 */
export type CreateProgramInput = z.input<typeof createProgramInputSchema>;
/**
 * A parsed create-program input: defaults applied (`deloadEveryNMicrocycles`, `microcycleLengthDays`).
 * @example
 * ```ts
 * const data: CreateProgramData = createProgramInputSchema.parse(input);
 * data.microcycleLengthDays; // 7 unless given
 * ```
 */
export type CreateProgramData = z.output<typeof createProgramInputSchema>;

/** Keys of `extra` that would shadow a field the library writes itself. */
function extraKeysCheck(known: readonly string[], fieldOf: (key: string) => string) {
  const reserved = new Set(known);
  return (extra: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>) => {
    if (typeof extra !== 'object' || extra === null) return;
    for (const key of Object.keys(extra)) {
      if (reserved.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `is written by the library; set it through \`${fieldOf(key)}\` instead`, input: extra[key], continue: true });
    }
  };
}

/** Input field that writes each known key of an exercise block. */
const EXERCISE_FIELD_OF_KEY: Readonly<Record<string, string>> = Object.freeze({
  movement: 'movement',
  movement_id: 'movementId',
  sets: 'sets',
  rep_range_min: 'repRangeMin',
  rep_range_max: 'repRangeMax',
  target_rpe: 'rpe',
  target_rir: 'rir',
  duration_seconds: 'durationSeconds',
  rest_seconds: 'restSeconds',
  superset_with: 'supersetWith or supersetGroup',
  notes: 'notes',
});

const FINISHER_FIELD_OF_KEY: Readonly<Record<string, string>> = Object.freeze({
  type: 'type',
  duration_minutes: 'durationMinutes',
  rounds: 'rounds',
  duration_seconds: 'durationSeconds',
  rest_seconds: 'restSeconds',
  exercises: 'exercises',
  notes: 'notes',
});

/**
 * One prescribed exercise of a session plan. It becomes an exercise block of the section's JSON, in
 * the upstream app's shape (`movement`, `movement_id`, `sets`, `rep_range_min`/`rep_range_max`,
 * `target_rpe`, `target_rir`, `duration_seconds`, `rest_seconds`, `superset_with`, `notes`), and a
 * `session_exercises` row (`targetSets`, `targetRepRangeMin/Max`, `targetRpe`, `targetRir`,
 * `targetDurationSeconds`, `defaultRestSeconds`, `supersetGroup`).
 *
 * Rules: the movement by `movementId` or by `movement` (its exact name; `movementId` wins when both
 * are given); `sets` may be left out for an item without sets (a stretch held for
 * `durationSeconds`), whose `session_exercises` row then has `targetSets` 1; `repRangeMax >=
 * repRangeMin`. A superset is given either by `supersetGroup` (exercises sharing a number) or by
 * `supersetWith` (the name of the other movement, as the app stores it), not both on one exercise.
 * `extra` holds keys the library does not interpret (the generator's `tempo`, …): they are stored
 * in the block as given, and must not repeat a key the library writes.
 *
 * @example
 * ```ts
 * sessionPlanExerciseInputSchema.parse({ movementId: 1, sets: 4, repRangeMin: 5, repRangeMax: 8, rpe: 8, restSeconds: 180 });
 * sessionPlanExerciseInputSchema.parse({ movement: 'Couch Stretch', durationSeconds: 60, extra: { side: 'each' } });
 * ```
 */
export const sessionPlanExerciseInputSchema = strictInput({
  movementId: idSchema.optional(),
  movement: varcharSchema(COLUMN_LENGTHS.movementName).optional(),
  sets: intSchema(INPUT_LIMITS.targetSets).nullish(),
  repRangeMin: intSchema(INPUT_LIMITS.repRange).nullish(),
  repRangeMax: intSchema(INPUT_LIMITS.repRange).nullish(),
  rpe: numberSchema(INPUT_LIMITS.rpe).nullish(),
  rir: intSchema(INPUT_LIMITS.rir).nullish(),
  durationSeconds: intSchema(INPUT_LIMITS.durationSeconds).nullish(),
  restSeconds: intSchema(INPUT_LIMITS.restSeconds).nullish(),
  supersetGroup: intSchema(INPUT_LIMITS.supersetGroup).nullish(),
  supersetWith: varcharSchema(COLUMN_LENGTHS.movementName).nullish(),
  isComplexLift: booleanSchema.optional(),
  substitutionAllowed: booleanSchema.optional(),
  notes: textSchema().nullish(),
  extra: jsonObjectSchema.superRefine(extraKeysCheck(SESSION_EXERCISE_BLOCK_KEYS, (key) => EXERCISE_FIELD_OF_KEY[key] ?? key)).optional(),
}).superRefine((exercise, ctx) => {
  if (exercise.movementId === undefined && exercise.movement === undefined && !ctx.issues.some((issue) => issue.path?.[0] === 'movementId' || issue.path?.[0] === 'movement')) {
    ctx.addIssue({ code: 'custom', path: ['movementId'], message: 'is required (or give the movement by name in `movement`)', input: undefined, continue: true });
  }
  if (exercise.supersetGroup != null && exercise.supersetWith != null) {
    ctx.addIssue({ code: 'custom', path: ['supersetWith'], message: 'cannot be combined with supersetGroup on one exercise; use one of them', input: exercise.supersetWith, continue: true });
  }
  if (validInt(ctx, exercise, 'repRangeMin') && validInt(ctx, exercise, 'repRangeMax') && exercise.repRangeMax! < exercise.repRangeMin!) {
    ctx.addIssue({ code: 'custom', path: ['repRangeMax'], message: `must be >= repRangeMin (${exercise.repRangeMin})`, input: exercise.repRangeMax, continue: true });
  }
}, RUN_ALWAYS);
/**
 * What a caller may pass for one planned exercise.
 * @example
 * ```ts
 * const input: SessionPlanExerciseInput = { movementId: 3, sets: 3 };
 * ```
 */
export type SessionPlanExerciseInput = z.input<typeof sessionPlanExerciseInputSchema>;
/**
 * A parsed planned exercise.
 * @example
 * ```ts
 * const data: SessionPlanExerciseData = sessionPlanExerciseInputSchema.parse({ movementId: 3, sets: 3 });
 * ```
 */
export type SessionPlanExerciseData = z.output<typeof sessionPlanExerciseInputSchema>;

const section = () => z.array(sessionPlanExerciseInputSchema, WITH_MESSAGES).max(INPUT_LIMITS.sectionMaxExercises, WITH_MESSAGES).optional();
const minutes = () => intSchema(INPUT_LIMITS.durationMinutes).nullish();

/**
 * A session's finisher: ONE block (`sessions.finisher_json` is an object in the upstream app, not a
 * list), with `type` (free text such as `'EMOM'`, `'AMRAP'`, `'circuit'`; trimmed, 1–100 characters),
 * optional `durationMinutes`, `rounds`, `durationSeconds`, `restSeconds`, `notes`, its `exercises`
 * (each as {@link sessionPlanExerciseInputSchema}; they also become `session_exercises` rows with the
 * role `finisher`) and `extra` keys stored as given.
 *
 * @example
 * ```ts
 * sessionFinisherInputSchema.parse({ type: 'EMOM', durationMinutes: 10, exercises: [{ movementId: 9, sets: 10, repRangeMin: 12, repRangeMax: 12 }] });
 * ```
 */
export const sessionFinisherInputSchema = strictInput({
  type: varcharSchema(100),
  durationMinutes: minutes(),
  rounds: intSchema(INPUT_LIMITS.defaultRounds).nullish(),
  durationSeconds: intSchema(INPUT_LIMITS.durationSeconds).nullish(),
  restSeconds: intSchema(INPUT_LIMITS.restSeconds).nullish(),
  exercises: section(),
  notes: textSchema().nullish(),
  extra: jsonObjectSchema.superRefine(extraKeysCheck(SESSION_FINISHER_BLOCK_KEYS, (key) => FINISHER_FIELD_OF_KEY[key] ?? key)).optional(),
}, {
  // Older versions of the library took a list here; say what changed instead of "expected object".
  notAnObject: (input) => (Array.isArray(input) ? 'must be one finisher block { type, exercises, ... }, not a list (the app reads finisher_json as one object)' : undefined),
});
/**
 * What a caller may pass for a session's finisher.
 * @example
 * ```ts
 * const finisher: SessionFinisherInput = { type: 'AMRAP', durationMinutes: 8, exercises: [{ movementId: 9, sets: 1, repRangeMin: 10 }] };
 * ```
 */
export type SessionFinisherInput = z.input<typeof sessionFinisherInputSchema>;

/**
 * Writes one session and its exercises from a plan: the session row (`microcycleId`, `date`,
 * `dayNumber` 1–10, `sessionType`, intent tags, coach notes, estimated and per-section durations in
 * minutes 0–1440, optional main/finisher circuits) plus, per section, both the section JSON in the
 * upstream app's shape and the normalized `session_exercises` rows, so the two representations
 * cannot drift apart. `warmup`, `main`, `accessory` and `cooldown` are lists of up to 50 exercises;
 * `finisher` is one finisher block ({@link sessionFinisherInputSchema}).
 *
 * @example
 * ```ts
 * sessionPlanInputSchema.parse({
 *   microcycleId: 7,
 *   date: '2026-01-06',
 *   dayNumber: 2,
 *   sessionType: 'lower',
 *   sections: {
 *     main: [{ movementId: 1, sets: 4, repRangeMin: 4, repRangeMax: 6, rpe: 8 }],
 *     finisher: { type: 'EMOM', durationMinutes: 10, exercises: [{ movementId: 9, sets: 10 }] },
 *   },
 *   durations: { main: 40 },
 * });
 * ```
 */
export const sessionPlanInputSchema = strictInput({
  microcycleId: idSchema,
  date: isoDateSchema,
  dayNumber: intSchema(INPUT_LIMITS.dayNumber),
  sessionType: enumSchema(ENUMS.SessionType),
  intentTags: intentTagsSchema.optional(),
  coachNotes: textSchema().nullish(),
  estimatedDurationMinutes: minutes(),
  mainCircuitId: idSchema.nullish(),
  finisherCircuitId: idSchema.nullish(),
  sections: strictInput({
    warmup: section(),
    main: section(),
    accessory: section(),
    finisher: sessionFinisherInputSchema.nullish(),
    cooldown: section(),
  }),
  durations: strictInput({ warmup: minutes(), main: minutes(), accessory: minutes(), finisher: minutes(), cooldown: minutes() }).optional(),
});
/**
 * What a caller may pass to write a planned session.
 * @example
 * ```ts
 * const input: SessionPlanInput = { microcycleId: 7, date: '2026-01-06', dayNumber: 2, sessionType: 'recovery', sections: {} };
 * ```
 */
export type SessionPlanInput = z.input<typeof sessionPlanInputSchema>;
/**
 * A parsed session plan.
 * @example
 * ```ts
 * const data: SessionPlanData = sessionPlanInputSchema.parse(input);
 * ```
 */
export type SessionPlanData = z.output<typeof sessionPlanInputSchema>;
