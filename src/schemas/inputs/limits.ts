// Numeric limits of the write inputs in one place, so forms can show them and tests can probe the
// edges. Where docs/data-model.md gives a range ("App-level ranges", "Tables") it is used as is;
// where it gives none, the cap is a generous "no real workout has more" bound, chosen so nonsense
// is caught before it reaches the database.
import { PROGRAM_LIMITS, RATING_LIMITS } from '../../domain/index.js';

/**
 * Inclusive limits of the numeric input fields (integers unless noted). Program-shape and rating
 * limits are the domain's own `PROGRAM_LIMITS` / `RATING_LIMITS`, re-used so the two never disagree.
 *
 * @example
 * ```ts
 * INPUT_LIMITS.topSetReps; // { min: 1, max: 1000 }
 * ```
 */
export const INPUT_LIMITS = Object.freeze({
  ...PROGRAM_LIMITS,
  ...RATING_LIMITS,
  /** `top_set_logs.weight` (float, kg or lb as the user's setting says). */
  topSetWeight: Object.freeze({ min: 0, max: 1_000 }),
  topSetReps: Object.freeze({ min: 1, max: 1_000 }),
  topSetsMaxItems: 50,
  /** RPE (float): 1–10; half points such as 8.5 are common, any finite value in range is accepted. */
  rpe: Object.freeze({ min: 1, max: 10 }),
  rir: Object.freeze({ min: 0, max: 10 }),
  restSeconds: Object.freeze({ min: 0, max: 86_400 }),
  /** Whole-session and per-section durations in minutes: at most one day. */
  durationMinutes: Object.freeze({ min: 0, max: 1_440 }),
  restingHr: Object.freeze({ min: 20, max: 250 }),
  /**
   * Heart-rate variability in milliseconds (float). Resting RMSSD of healthy adults is roughly
   * 10–150 ms and rarely above 250 even in endurance athletes; 500 leaves room for any device's
   * scale while keeping every stored value, and every average of them, far from float overflow
   * (an unbounded `hrv: 1e308` made later averages fail with "value out of range").
   */
  hrv: Object.freeze({ min: 0, max: 500 }),
  /** Floats (0–100 score, 0–24 hours, 0–100 score). */
  sleepScore: Object.freeze({ min: 0, max: 100 }),
  sleepHours: Object.freeze({ min: 0, max: 24 }),
  readiness: Object.freeze({ min: 0, max: 100 }),
  recommendEveryDays: Object.freeze({ min: 1, max: 365 }),
  difficultyTier: Object.freeze({ min: 1, max: 10 }),
  dayNumber: Object.freeze({ min: 1, max: 10 }),
  targetSets: Object.freeze({ min: 1, max: 100 }),
  repRange: Object.freeze({ min: 1, max: 1_000 }),
  durationSeconds: Object.freeze({ min: 1, max: 86_400 }),
  supersetGroup: Object.freeze({ min: 1, max: 100 }),
  sectionMaxExercises: 50,
  defaultRounds: Object.freeze({ min: 1, max: 1_000 }),
  heuristicVersion: Object.freeze({ min: 1 }),
  conversationContentMaxLength: 100_000,
  /**
   * Days of a window argument (`recovery.averages({ days })`, `soreness.byBodyPart({ days })`):
   * one day to a century. The window must also start no earlier than 0001-01-01.
   */
  windowDays: Object.freeze({ min: 1, max: 36_525 }),
  /** `limit` of a list or search argument: at least one row, at most 10,000 per call (page through more with `offset`). */
  listLimit: Object.freeze({ min: 1, max: 10_000 }),
  /** `offset` of a list or search argument. */
  listOffset: Object.freeze({ min: 0, max: 2_147_483_647 }),
  /** Ids in one id-list argument (`findOutOfSync({ sessionIds })`). */
  idListMaxItems: 10_000,
} as const);
