// Direction of a pattern's strength over time, and the deload decision built on it.
import { MovementPattern } from '../enums/index.js';
import { isFiniteNumber, isPlainObject } from './checks.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';

/**
 * Direction of a strength series, as returned by {@link patternTrend}. Const object and type share the
 * name, like the enums.
 *
 * @example
 * ```ts
 * if (patternTrend(series) === PatternTrend.DECREASING) warn();
 * ```
 */
export const PatternTrend = /* @__PURE__ */ Object.freeze({
  INCREASING: 'increasing',
  DECREASING: 'decreasing',
  STABLE: 'stable',
  INSUFFICIENT_DATA: 'insufficient_data',
} as const);
/**
 * A value of {@link PatternTrend}.
 *
 * @example
 * ```ts
 * const trend: PatternTrend = 'stable';
 * ```
 */
export type PatternTrend = (typeof PatternTrend)[keyof typeof PatternTrend];

/**
 * Default relative change (2.5 %) between the halves of a series that counts as a trend. Smaller
 * moves are within normal session-to-session e1RM noise.
 *
 * @example
 * ```ts
 * patternTrend(series, { threshold: DEFAULT_TREND_THRESHOLD * 2 });
 * ```
 */
export const DEFAULT_TREND_THRESHOLD = 0.025;

/**
 * Options of {@link patternTrend}.
 *
 * @example
 * ```ts
 * const options: PatternTrendOptions = { threshold: 0.05 };
 * ```
 */
export interface PatternTrendOptions {
  /** Relative change, a finite number >= 0; defaults to {@link DEFAULT_TREND_THRESHOLD}. */
  threshold?: number;
}

/**
 * Classifies an ordered series (oldest first) of PSI or e1RM values.
 *
 * `null`/`undefined` points (e.g. microcycles whose PSI was `null`) are dropped first. With fewer than
 * 2 points left the result is `'insufficient_data'`. Otherwise, with h = ⌊n/2⌋, the mean of the first
 * h points is compared with the mean of the last h points (for odd n the middle point belongs to
 * neither half); change = (second − first) / |first|. A change >= `threshold` is `'increasing'`,
 * <= −`threshold` is `'decreasing'` (a change of exactly the threshold counts), anything else is
 * `'stable'`. Half means rather than first-versus-last point so one unusually good or bad session at an
 * end of the window is averaged with its neighbours instead of deciding the trend alone. If the first half's mean is 0, any rise is
 * increasing and any fall decreasing.
 *
 * @throws {DomainArgumentError} when a point is not a finite number or `threshold`
 * is not a finite number >= 0
 * @example
 * ```ts
 * patternTrend([100, 101, 104, 105]); // 'increasing' (100.5 -> 104.5: +3.98 %)
 * patternTrend([100, 99, 101]);       // 'stable' (100 -> 101: +1 %)
 * patternTrend([120]);                // 'insufficient_data'
 * ```
 */
export function patternTrend(
  series: readonly (number | null | undefined)[],
  options: PatternTrendOptions = {},
): PatternTrend {
  const problems: ValidationProblem[] = [];
  const threshold = options?.threshold ?? DEFAULT_TREND_THRESHOLD;
  if (!isFiniteNumber(threshold) || threshold < 0) {
    problems.push({ path: ['options', 'threshold'], message: 'must be a finite number >= 0', received: threshold });
  }
  if (!Array.isArray(series)) {
    problems.push({ path: ['series'], message: 'must be an array of numbers (null for missing points)', received: series });
    throw new DomainArgumentError(problems);
  }
  const points: number[] = [];
  series.forEach((point: unknown, index) => {
    if (point === null || point === undefined) return;
    if (isFiniteNumber(point)) points.push(point);
    else problems.push({ path: ['series', index], message: 'must be a finite number or null', received: point });
  });
  if (problems.length > 0) throw new DomainArgumentError(problems);

  if (points.length < 2) return PatternTrend.INSUFFICIENT_DATA;
  const half = Math.floor(points.length / 2);
  const first = mean(points.slice(0, half));
  const second = mean(points.slice(points.length - half));
  // A zero baseline makes any move infinitely large in relative terms; only its sign matters.
  const change = first === 0 ? (second === 0 ? 0 : second > 0 ? Infinity : -Infinity) : (second - first) / Math.abs(first);
  // Tolerance so a change of exactly the threshold is not lost to float rounding (e.g. 97.5 vs 100).
  const tolerance = 1e-12;
  if (change > 0 && change >= threshold - tolerance) return PatternTrend.INCREASING;
  if (change < 0 && change <= -threshold + tolerance) return PatternTrend.DECREASING;
  return PatternTrend.STABLE;
}

/**
 * Result of {@link deloadSignal}.
 *
 * @example
 * ```ts
 * const signal: DeloadSignal = { deload: true, decliningPatterns: ['squat', 'hinge'] };
 * ```
 */
export interface DeloadSignal {
  /** Whether enough patterns are declining to recommend a deload. */
  deload: boolean;
  /** Patterns whose trend is `'decreasing'`, in `MovementPattern` declaration order. */
  decliningPatterns: MovementPattern[];
}

/**
 * Options of {@link deloadSignal}.
 *
 * @example
 * ```ts
 * const options: DeloadSignalOptions = { minDecliningPatterns: 3 };
 * ```
 */
export interface DeloadSignalOptions {
  /** Declining patterns needed for a deload, an integer >= 1; defaults to {@link DEFAULT_DELOAD_MIN_DECLINING}. */
  minDecliningPatterns?: number;
}

/**
 * Default number of declining patterns that triggers a deload: two, because one pattern going down is
 * usually local (a tweak, a technique change) while several at once point to systemic fatigue.
 *
 * @example
 * ```ts
 * deloadSignal(trends, { minDecliningPatterns: DEFAULT_DELOAD_MIN_DECLINING });
 * ```
 */
export const DEFAULT_DELOAD_MIN_DECLINING = 2;

/**
 * Recommends a deload when 2 or more patterns (by default) are `'decreasing'`. Patterns missing from
 * `trends`, and `'stable'`, `'increasing'` or `'insufficient_data'` ones, do not count.
 *
 * @throws {DomainArgumentError} for a key that is not a movement pattern, a value that
 * is not a {@link PatternTrend}, or an invalid `minDecliningPatterns`
 * @example
 * ```ts
 * deloadSignal({ squat: 'decreasing', hinge: 'decreasing', vertical_pull: 'stable' });
 * // { deload: true, decliningPatterns: ['squat', 'hinge'] }
 * deloadSignal({ squat: 'decreasing' });
 * // { deload: false, decliningPatterns: ['squat'] }
 * ```
 */
export function deloadSignal(
  trends: Partial<Record<MovementPattern, PatternTrend>>,
  options: DeloadSignalOptions = {},
): DeloadSignal {
  const problems: ValidationProblem[] = [];
  const minimum = options?.minDecliningPatterns ?? DEFAULT_DELOAD_MIN_DECLINING;
  if (!isFiniteNumber(minimum) || !Number.isInteger(minimum) || minimum < 1) {
    problems.push({ path: ['options', 'minDecliningPatterns'], message: 'must be an integer >= 1', received: minimum });
  }
  if (!isPlainObject(trends)) {
    problems.push({ path: ['trends'], message: 'must be an object mapping movement patterns to trends', received: trends });
    throw new DomainArgumentError(problems);
  }
  const patterns: readonly string[] = Object.values(MovementPattern);
  const trendValues: readonly unknown[] = Object.values(PatternTrend);
  for (const [key, value] of Object.entries(trends)) {
    if (!patterns.includes(key)) {
      problems.push({ path: ['trends', key], message: 'is not a movement pattern', received: key });
    } else if (value !== undefined && !trendValues.includes(value)) {
      problems.push({ path: ['trends', key], message: `must be one of ${trendValues.join(', ')}`, received: value });
    }
  }
  if (problems.length > 0) throw new DomainArgumentError(problems);

  const decliningPatterns = (patterns as MovementPattern[]).filter((pattern) => trends[pattern] === PatternTrend.DECREASING);
  return { deload: decliningPatterns.length >= minimum, decliningPatterns };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
