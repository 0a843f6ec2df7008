// Row schemas of the logging module: workout_logs, top_set_logs, pattern_exposures, soreness_logs,
// recovery_signals (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { wireDate, wireEnum, wireInt, wireJsonObject, wireNumber, wireStringList, wireTimestamp, type WithDates } from './wire.js';

/**
 * A `workout_logs` row on the wire (`createdAt` an ISO string).
 * @example
 * ```ts
 * const log = workoutLogRowSchema.parse(body);
 * log.date; // '2026-01-06'
 * ```
 */
export const workoutLogRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  sessionId: wireInt.nullable(),
  date: wireDate,
  completed: z.boolean(),
  notes: z.string().nullable(),
  perceivedDifficulty: wireInt.nullable(),
  enjoymentRating: wireInt.nullable(),
  feedbackTags: wireStringList.nullable(),
  actualDurationMinutes: wireInt.nullable(),
  createdAt: wireTimestamp.nullable(),
  visibility: wireEnum(ENUMS.Visibility),
});

/**
 * A `workout_logs` row: every column, `createdAt` a `Date`.
 * @example
 * ```ts
 * const workouts: WorkoutLogRow[] = (await me.workouts.list({ from: '2026-01-01' })).items;
 * ```
 */
export type WorkoutLogRow = WithDates<z.infer<typeof workoutLogRowSchema>, 'createdAt'>;

/**
 * A `top_set_logs` row: `e1rmValue` is the stored estimate (`e1rmFormula` of weight and reps).
 * @example
 * ```ts
 * const set = topSetLogRowSchema.parse(body);
 * `${set.weight} × ${set.reps} (e1RM ${set.e1rmValue})`;
 * ```
 */
export const topSetLogRowSchema = z.object({
  id: wireInt,
  workoutLogId: wireInt,
  movementId: wireInt,
  weight: wireNumber,
  reps: wireInt,
  rpe: wireNumber.nullable(),
  rir: wireInt.nullable(),
  avgRestSeconds: wireInt.nullable(),
  e1rmValue: wireNumber.nullable(),
  e1rmFormula: wireEnum(ENUMS.E1RMFormula).nullable(),
  pattern: wireEnum(ENUMS.MovementPattern),
  createdAt: wireTimestamp.nullable(),
});

/**
 * A `top_set_logs` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const sets: TopSetLogRow[] = (await me.workouts.topSets({ pattern: 'squat' })).items;
 * ```
 */
export type TopSetLogRow = WithDates<z.infer<typeof topSetLogRowSchema>, 'createdAt'>;

/**
 * A `pattern_exposures` row: one top set's e1RM filed under a microcycle.
 * @example
 * ```ts
 * patternExposureRowSchema.parse({ id: 1, userId: 1, microcycleId: 1, date: '2026-01-06', pattern: 'squat', e1rmValue: 116.7, sourceTopSetLogId: 1, createdAt: '2026-01-06T08:00:00.000Z' });
 * ```
 */
export const patternExposureRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  microcycleId: wireInt,
  date: wireDate,
  pattern: wireEnum(ENUMS.MovementPattern),
  e1rmValue: wireNumber,
  sourceTopSetLogId: wireInt,
  createdAt: wireTimestamp.nullable(),
});

/**
 * A `pattern_exposures` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const exposures: PatternExposureRow[] = (await me.strength.exposures({ from: '2026-01-01' })).items;
 * ```
 */
export type PatternExposureRow = WithDates<z.infer<typeof patternExposureRowSchema>, 'createdAt'>;

/**
 * A `soreness_logs` row (`soreness15`: 1 to 5).
 * @example
 * ```ts
 * const entry = sorenessLogRowSchema.parse(body);
 * `${entry.bodyPart}: ${entry.soreness15}/5`;
 * ```
 */
export const sorenessLogRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  date: wireDate,
  bodyPart: z.string(),
  soreness15: wireInt,
  inferredCauseSessionId: wireInt.nullable(),
  notes: z.string().nullable(),
  createdAt: wireTimestamp.nullable(),
});

/**
 * A `soreness_logs` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const entries: SorenessLogRow[] = (await me.soreness.list({ from: '2026-01-01' })).items;
 * ```
 */
export type SorenessLogRow = WithDates<z.infer<typeof sorenessLogRowSchema>, 'createdAt'>;

/**
 * A `recovery_signals` row (sleep, readiness, HRV, resting heart rate of one day).
 * @example
 * ```ts
 * const reading = recoverySignalRowSchema.parse(body);
 * reading.sleepHours; // 7.5
 * ```
 */
export const recoverySignalRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  date: wireDate,
  sessionId: wireInt.nullable(),
  source: wireEnum(ENUMS.RecoverySource),
  hrv: wireNumber.nullable(),
  restingHr: wireInt.nullable(),
  sleepScore: wireNumber.nullable(),
  sleepHours: wireNumber.nullable(),
  readiness: wireNumber.nullable(),
  notes: z.string().nullable(),
  createdAt: wireTimestamp.nullable(),
  rawPayloadJson: wireJsonObject.nullable(),
});

/**
 * A `recovery_signals` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const readings: RecoverySignalRow[] = (await me.recovery.list({ from: '2026-01-01' })).items;
 * ```
 */
export type RecoverySignalRow = WithDates<z.infer<typeof recoverySignalRowSchema>, 'createdAt'>;
