// Wire schemas of the read models and workflow results that are not one table's rows (docs/rows.md,
// "Read models on the wire"): the week view, a microcycle advance, what logWorkout stored, and the
// strength, soreness and recovery summaries. A front end parses what its service sends with these;
// test/types checks each against `Wire<T>` of the type the library returns, so they cannot drift.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { PatternTrend } from '../../domain/index.js';
import { patternExposureRowSchema, topSetLogRowSchema, workoutLogRowSchema } from './logging.js';
import { movementRowSchema } from './movements.js';
import { microcycleRowSchema, sessionExerciseRowSchema, sessionRowSchema } from './programs.js';
import { wireDate, wireEnum, wireInt, wireNumber, wireStringList, wireTimestamp } from './wire.js';

/** The movement of an exercise in the week view: what a day's card shows. */
const movementSummarySchema = movementRowSchema.pick({
  id: true,
  name: true,
  pattern: true,
  primaryMuscle: true,
  primaryRegion: true,
  metricType: true,
  isUnilateral: true,
  equipmentTags: true,
  userId: true,
});

const exerciseViewSchema = sessionExerciseRowSchema
  .pick({
    id: true,
    role: true,
    orderInSession: true,
    supersetGroup: true,
    targetSets: true,
    targetRepRangeMin: true,
    targetRepRangeMax: true,
    targetRpe: true,
    targetRir: true,
    targetDurationSeconds: true,
    defaultRestSeconds: true,
    isComplexLift: true,
    substitutionAllowed: true,
    notes: true,
  })
  .extend({ movement: movementSummarySchema });

const sessionViewSchema = sessionRowSchema.omit({ microcycleId: true }).extend({ exercises: z.array(exerciseViewSchema) });

/**
 * The week view on the wire (`sessions.microcycle(id)`, `MicrocycleRepository.findForDisplay`): the
 * microcycle, its sessions by day, each with its exercises in order and each exercise's movement.
 * @example
 * ```ts
 * const week = microcycleViewSchema.parse(await (await fetch('/weeks/12')).json());
 * week.sessions.map((s) => `${s.date}: ${s.exercises.map((e) => e.movement.name).join(', ')}`);
 * ```
 */
export const microcycleViewSchema = microcycleRowSchema.extend({ sessions: z.array(sessionViewSchema) });

/**
 * `programs.advance(id)` on the wire: the weeks it completed, the week now active, and whether it
 * created that week.
 * @example
 * ```ts
 * const { active, created } = microcycleAdvanceSchema.parse(body);
 * ```
 */
export const microcycleAdvanceSchema = z.object({
  programId: wireInt,
  completed: z.array(microcycleRowSchema),
  active: microcycleRowSchema,
  created: z.boolean(),
});

/**
 * `workouts.log(input)` on the wire: the workout, its top sets (each with the stored e1RM and the
 * effort-adjusted one, which is not stored) and the pattern exposures filed for them.
 * @example
 * ```ts
 * const logged = loggedWorkoutSchema.parse(await (await fetch('/workouts', { method: 'POST', body })).json());
 * logged.topSets.map((t) => t.e1rmValue);
 * ```
 */
export const loggedWorkoutSchema = z.object({
  workoutLog: workoutLogRowSchema.extend({ feedbackTags: wireStringList, createdAt: wireTimestamp }),
  topSets: z.array(topSetLogRowSchema.extend({ e1rmAdjusted: wireNumber.nullable(), e1rmFormula: wireEnum(ENUMS.E1RMFormula), createdAt: wireTimestamp })),
  exposures: z.array(patternExposureRowSchema.extend({ createdAt: wireTimestamp })),
  microcycleId: wireInt.nullable(),
});

/**
 * One entry of `strength.psiAll()` on the wire: a pattern's strength index over the window
 * (`null` with fewer than two exposures) and its exposure count.
 * @example
 * ```ts
 * const psi = z.array(patternStrengthSchema).parse(body);
 * ```
 */
export const patternStrengthSchema = z.object({ pattern: wireEnum(ENUMS.MovementPattern), psi: wireNumber.nullable(), exposures: wireInt });

/**
 * A pattern's trend (`strength.trend(pattern)`): `'increasing'`, `'stable'`, `'decreasing'` or
 * `'insufficient_data'`.
 * @example
 * ```ts
 * patternTrendSchema.parse('stable');
 * ```
 */
export const patternTrendSchema = z.literal(Object.values(PatternTrend));

/**
 * `strength.trendAll()` on the wire: the trend of every movement pattern, keyed by pattern.
 * @example
 * ```ts
 * const trends = patternTrendsSchema.parse(body);
 * trends.squat; // 'increasing'
 * ```
 */
export const patternTrendsSchema = z.record(wireEnum(ENUMS.MovementPattern), patternTrendSchema);

/**
 * `strength.deloadSignal()` on the wire: whether to deload, and the patterns that are declining.
 * @example
 * ```ts
 * const { deload, decliningPatterns } = deloadSignalSchema.parse(body);
 * ```
 */
export const deloadSignalSchema = z.object({ deload: z.boolean(), decliningPatterns: z.array(wireEnum(ENUMS.MovementPattern)) });

/**
 * One point of `strength.e1rmHistory(target)` on the wire: a day and the best e1RM logged on it.
 * @example
 * ```ts
 * const history = z.array(e1rmPointSchema).parse(body);
 * ```
 */
export const e1rmPointSchema = z.object({ date: wireDate, e1rm: wireNumber });

/**
 * One entry of `soreness.byBodyPart()` on the wire: a body part's soreness over the window.
 * @example
 * ```ts
 * const parts = z.array(bodyPartSorenessSchema).parse(body);
 * ```
 */
export const bodyPartSorenessSchema = z.object({ bodyPart: z.string(), average: wireNumber, max: wireNumber, entries: wireInt, latestDate: wireDate, latest: wireNumber });

/**
 * `recovery.averages()` on the wire: the window, how many readings it holds, and each signal's
 * mean (`null` when no reading has it).
 * @example
 * ```ts
 * const { sleepHours, readiness } = recoveryAveragesSchema.parse(body);
 * ```
 */
export const recoveryAveragesSchema = z.object({
  from: wireDate,
  to: wireDate,
  readings: wireInt,
  sleepHours: wireNumber.nullable(),
  sleepScore: wireNumber.nullable(),
  readiness: wireNumber.nullable(),
  hrv: wireNumber.nullable(),
  restingHr: wireNumber.nullable(),
});
