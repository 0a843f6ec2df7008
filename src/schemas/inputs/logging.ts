// Inputs of the logging module: workout logs with their top sets, soreness, recovery signals.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { validateRatings } from '../../domain/index.js';
import { feedbackTagsSchema, rawPayloadJsonSchema } from '../json-blobs.js';
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
  varcharSchema,
} from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';

/**
 * One top set of a workout (`top_set_logs`): `weight` 0–1000 (finite), `reps` integer 1–1000, `rpe`
 * 1–10 (any finite value, e.g. 8.5), `rir` integer 0–10, `avgRestSeconds` integer 0–86400. The
 * movement's pattern and the e1RM are derived by the repository, not taken from the caller.
 *
 * @example
 * ```ts
 * topSetInputSchema.parse({ movementId: 1, weight: 140, reps: 5, rpe: 8.5 });
 * ```
 */
export const topSetInputSchema = strictInput({
  movementId: idSchema,
  weight: numberSchema(INPUT_LIMITS.topSetWeight),
  reps: intSchema(INPUT_LIMITS.topSetReps),
  rpe: numberSchema(INPUT_LIMITS.rpe).nullish(),
  rir: intSchema(INPUT_LIMITS.rir).nullish(),
  avgRestSeconds: intSchema(INPUT_LIMITS.restSeconds).nullish(),
});
/**
 * What a caller may pass for one top set.
 * @example
 * ```ts
 * const input: TopSetInput = { movementId: 1, weight: 100, reps: 3 };
 * ```
 */
export type TopSetInput = z.input<typeof topSetInputSchema>;
/**
 * A parsed top set.
 * @example
 * ```ts
 * const data: TopSetData = topSetInputSchema.parse({ movementId: 1, weight: 100, reps: 3 });
 * ```
 */
export type TopSetData = z.output<typeof topSetInputSchema>;

/**
 * Logs a workout and its top sets in one call. `completed` defaults to `true`; `perceivedDifficulty`
 * 1–10 and `enjoymentRating` 1–5 are integers (checked by the domain's `validateRatings` too);
 * `actualDurationMinutes` 0–1440; `topSets` 0–50 entries of {@link topSetInputSchema}.
 *
 * @example
 * ```ts
 * logWorkoutInputSchema.parse({
 *   date: '2026-01-06',
 *   sessionId: 31,
 *   perceivedDifficulty: 8,
 *   feedbackTags: ['too_hard'],
 *   topSets: [{ movementId: 1, weight: 140, reps: 5, rpe: 8.5 }],
 * });
 * ```
 */
export const logWorkoutInputSchema = strictInput({
  date: isoDateSchema,
  sessionId: idSchema.nullish(),
  completed: booleanSchema.default(true),
  notes: textSchema().nullish(),
  perceivedDifficulty: intSchema(INPUT_LIMITS.perceivedDifficulty).nullish(),
  enjoymentRating: intSchema(INPUT_LIMITS.enjoymentRating).nullish(),
  feedbackTags: feedbackTagsSchema.optional(),
  actualDurationMinutes: intSchema(INPUT_LIMITS.durationMinutes).nullish(),
  visibility: enumSchema(ENUMS.Visibility).optional(),
  topSets: z
    .array(topSetInputSchema, { error: (issue) => (issue.input === undefined ? 'is required (use [] for a workout without top sets)' : 'must be an array of top sets') })
    .max(INPUT_LIMITS.topSetsMaxItems, WITH_MESSAGES),
}).superRefine((log, ctx) => {
  addDomainProblems(ctx, validateRatings({ perceivedDifficulty: log.perceivedDifficulty, enjoymentRating: log.enjoymentRating }));
}, RUN_ALWAYS);
/**
 * What a caller may pass to log a workout.
 * @example
 * ```ts
 * const input: LogWorkoutInput = { date: '2026-01-06', topSets: [] };
 * ```
 */
export type LogWorkoutInput = z.input<typeof logWorkoutInputSchema>;
/**
 * A parsed workout log (`completed` defaulted).
 * @example
 * ```ts
 * const data: LogWorkoutData = logWorkoutInputSchema.parse({ date: '2026-01-06', topSets: [] });
 * data.completed; // true
 * ```
 */
export type LogWorkoutData = z.output<typeof logWorkoutInputSchema>;

/**
 * A soreness entry (`soreness_logs`): `bodyPart` an open category (<= 50 chars, e.g. `'quads'`),
 * `soreness` an integer 1–5 (checked by the domain's `validateRatings` too), and optionally the
 * session believed to have caused it.
 *
 * @example
 * ```ts
 * sorenessInputSchema.parse({ date: '2026-01-07', bodyPart: 'quads', soreness: 3, inferredCauseSessionId: 31 });
 * ```
 */
export const sorenessInputSchema = strictInput({
  date: isoDateSchema,
  bodyPart: varcharSchema(COLUMN_LENGTHS.bodyPart),
  soreness: intSchema(INPUT_LIMITS.soreness),
  inferredCauseSessionId: idSchema.nullish(),
  notes: textSchema().nullish(),
}).superRefine((entry, ctx) => addDomainProblems(ctx, validateRatings({ soreness: entry.soreness })), RUN_ALWAYS);
/**
 * What a caller may pass to log soreness.
 * @example
 * ```ts
 * const input: SorenessInput = { date: '2026-01-07', bodyPart: 'hamstrings', soreness: 2 };
 * ```
 */
export type SorenessInput = z.input<typeof sorenessInputSchema>;
/**
 * A parsed soreness entry.
 * @example
 * ```ts
 * const data: SorenessData = sorenessInputSchema.parse({ date: '2026-01-07', bodyPart: 'calves', soreness: 1 });
 * ```
 */
export type SorenessData = z.output<typeof sorenessInputSchema>;

/**
 * A recovery signal (`recovery_signals`): `source` (default `dummy` in the database), `hrv` 0–500 ms,
 * `restingHr` integer 20–250, `sleepScore` 0–100, `sleepHours` 0–24, `readiness` 0–100 (floats unless
 * noted), and the provider's raw payload as a JSON object.
 *
 * @example
 * ```ts
 * recoverySignalInputSchema.parse({ date: '2026-01-07', source: 'garmin', hrv: 52.5, restingHr: 51, sleepHours: 7.25 });
 * ```
 */
export const recoverySignalInputSchema = strictInput({
  date: isoDateSchema,
  source: enumSchema(ENUMS.RecoverySource).optional(),
  hrv: numberSchema(INPUT_LIMITS.hrv).nullish(),
  restingHr: intSchema(INPUT_LIMITS.restingHr).nullish(),
  sleepScore: numberSchema(INPUT_LIMITS.sleepScore).nullish(),
  sleepHours: numberSchema(INPUT_LIMITS.sleepHours).nullish(),
  readiness: numberSchema(INPUT_LIMITS.readiness).nullish(),
  notes: textSchema().nullish(),
  sessionId: idSchema.nullish(),
  rawPayloadJson: rawPayloadJsonSchema.nullish(),
});
/**
 * What a caller may pass to record a recovery signal.
 * @example
 * ```ts
 * const input: RecoverySignalInput = { date: '2026-01-07', source: 'whoop band', readiness: 71 };
 * ```
 */
export type RecoverySignalInput = z.input<typeof recoverySignalInputSchema>;
/**
 * A parsed recovery signal.
 * @example
 * ```ts
 * const data: RecoverySignalData = recoverySignalInputSchema.parse({ date: '2026-01-07' });
 * ```
 */
export type RecoverySignalData = z.output<typeof recoverySignalInputSchema>;
