// Inclusive integer ranges, the shape of every numeric rule in the program and rating limits.
import type { ValidationProblem } from './problems.js';

/**
 * Inclusive bounds of an integer field; no `max` means unbounded above.
 *
 * @example
 * ```ts
 * const duration: IntRange = { min: 8, max: 12 };
 * const deload: IntRange = { min: 1 };
 * ```
 */
export interface IntRange {
  readonly min: number;
  readonly max?: number;
}

/** `between min and max` or `>= min`, for messages. */
export function describeRange(range: IntRange): string {
  return range.max === undefined ? `>= ${range.min}` : `between ${range.min} and ${range.max}`;
}

/**
 * Pushes a problem unless `value` is an integer inside `range`; returns whether it was valid so callers
 * can skip checks that depend on it.
 */
export function checkIntegerInRange(
  value: unknown,
  path: (string | number)[],
  range: IntRange,
  problems: ValidationProblem[],
): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ path, message: `must be an integer ${describeRange(range)}`, received: value });
    return false;
  }
  if (!Number.isInteger(value)) {
    problems.push({ path, message: `must be a whole number ${describeRange(range)}`, received: value });
    return false;
  }
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    problems.push({ path, message: `must be ${describeRange(range)}`, received: value });
    return false;
  }
  return true;
}
