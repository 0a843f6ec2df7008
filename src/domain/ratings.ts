// Post-workout feedback scores (workout_logs.perceived_difficulty, enjoyment_rating; soreness_logs.soreness_1_5).
import { isPlainObject } from './checks.js';
import type { ValidationProblem } from './problems.js';
import { checkIntegerInRange, type IntRange } from './ranges.js';

/**
 * Inclusive integer scales of the feedback ratings. They are documented (docs/data-model.md, "App-level
 * ranges") but the database does not enforce them, so this is the only place they are checked.
 *
 * @example
 * ```ts
 * RATING_LIMITS.perceivedDifficulty.max; // 10
 * ```
 */
export const RATING_LIMITS = /* @__PURE__ */ Object.freeze({
  perceivedDifficulty: /* @__PURE__ */ Object.freeze({ min: 1, max: 10 }),
  enjoymentRating: /* @__PURE__ */ Object.freeze({ min: 1, max: 5 }),
  soreness: /* @__PURE__ */ Object.freeze({ min: 1, max: 5 }),
} satisfies Record<keyof Ratings, IntRange>);

/**
 * Feedback ratings; each is optional and `null` means "not given" (the columns are nullable).
 *
 * @example
 * ```ts
 * const ratings: Ratings = { perceivedDifficulty: 7, enjoymentRating: 4 };
 * ```
 */
export interface Ratings {
  perceivedDifficulty?: number | null;
  enjoymentRating?: number | null;
  soreness?: number | null;
}

/**
 * What {@link validateRatings} accepts: the same keys with untrusted values.
 *
 * @example
 * ```ts
 * const input: RatingsInput = { soreness: body.soreness };
 * ```
 */
export type RatingsInput = { readonly [K in keyof Ratings]?: unknown };

/**
 * Checks the ratings that are present against {@link RATING_LIMITS} (integers: perceived difficulty
 * 1–10, enjoyment 1–5, soreness 1–5) and returns every problem at once (empty = valid). Absent and
 * `null` ratings are valid.
 *
 * @example
 * ```ts
 * validateRatings({ perceivedDifficulty: 8, soreness: null }); // []
 * validateRatings({ perceivedDifficulty: 11, enjoymentRating: 0 }); // two problems
 * ```
 */
export function validateRatings(input: RatingsInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!isPlainObject(input)) {
    problems.push({ path: [], message: 'must be an object { perceivedDifficulty?, enjoymentRating?, soreness? }', received: input });
    return problems;
  }
  for (const key of Object.keys(RATING_LIMITS) as (keyof Ratings)[]) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    checkIntegerInRange(value, [key], RATING_LIMITS[key], problems);
  }
  return problems;
}
