// The upstream Python app's pattern metrics (pattern strength index, trend, deload), reproduced from
// the same rows, so a front end (or `PatternExposureRepository` with `method: 'upstream'`) shows the
// numbers the app shows. The library's own metrics (pattern-strength.ts, pattern-trend.ts) differ on
// purpose; see the TSDoc of each function for how.
import { MovementPattern } from '../enums/index.js';
import { isFiniteNumber, isPlainObject } from './checks.js';
import { isIsoDate } from './dates.js';
import { MIN_PSI_EXPOSURES } from './pattern-strength.js';
import { PatternTrend } from './pattern-trend.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';

/**
 * A microcycle as the upstream metrics need it (a `microcycles` row of one of the user's programs).
 *
 * @example
 * ```ts
 * const week: UpstreamMicrocycle = { id: 12, startDate: '2026-01-19' };
 * ```
 */
export interface UpstreamMicrocycle {
  /** `microcycles.id`; breaks ties between equal start dates (the higher id counts as the newer). */
  id: number;
  /** `microcycles.start_date`, `'YYYY-MM-DD'`. */
  startDate: string;
}

/**
 * A pattern exposure as the upstream metrics need it (a `pattern_exposures` row).
 *
 * @example
 * ```ts
 * const exposure: UpstreamExposure = { id: 301, microcycleId: 12, pattern: 'squat', date: '2026-01-20', e1rmValue: 135 };
 * ```
 */
export interface UpstreamExposure {
  /** `pattern_exposures.id`; fixes the summation order and breaks ties between equal dates. */
  id: number;
  /** `pattern_exposures.microcycle_id`. */
  microcycleId: number;
  pattern: MovementPattern;
  /** `'YYYY-MM-DD'`. */
  date: string;
  /** `pattern_exposures.e1rm_value`, a finite number. */
  e1rmValue: number;
}

/**
 * The rows the upstream metrics are computed from: **all** of the user's microcycles (through all
 * their programs, planned future ones included: they take places in the window) and the user's
 * exposures (at least those in the window; others are ignored).
 *
 * @example
 * ```ts
 * const data: UpstreamMetricsData = {
 *   microcycles: [{ id: 1, startDate: '2026-01-05' }, { id: 2, startDate: '2026-01-12' }],
 *   exposures: [{ id: 10, microcycleId: 2, pattern: 'squat', date: '2026-01-12', e1rmValue: 120 }],
 * };
 * ```
 */
export interface UpstreamMetricsData {
  microcycles: readonly UpstreamMicrocycle[];
  exposures: readonly UpstreamExposure[];
}

/**
 * The app's PSI lookback: the 2 newest microcycles by start date.
 *
 * @example
 * ```ts
 * upstreamPatternStrengthIndexAll(data, { lastNMicrocycles: UPSTREAM_PSI_LOOKBACK });
 * ```
 */
export const UPSTREAM_PSI_LOOKBACK = 2;

/**
 * The app's trend window: the 4 newest microcycles by start date.
 *
 * @example
 * ```ts
 * upstreamPatternTrendAll(data, { windowMicrocycles: UPSTREAM_TREND_WINDOW });
 * ```
 */
export const UPSTREAM_TREND_WINDOW = 4;

/**
 * The app's trend threshold, as a fraction like the library's `threshold` option: 0.05, i.e. a
 * change of more than 5 % (strictly) is a trend.
 *
 * @example
 * ```ts
 * upstreamPatternTrend(data, { pattern: 'squat', threshold: UPSTREAM_TREND_THRESHOLD });
 * ```
 */
export const UPSTREAM_TREND_THRESHOLD = 0.05;

/**
 * Fewest exposures in the window for an upstream trend: below 4 the app answers `insufficient_data`.
 *
 * @example
 * ```ts
 * if (count < UPSTREAM_MIN_TREND_EXPOSURES) showNotEnoughData();
 * ```
 */
export const UPSTREAM_MIN_TREND_EXPOSURES = 4;

/**
 * Options of {@link upstreamPatternStrengthIndex} (without `pattern`: {@link upstreamPatternStrengthIndexAll}).
 *
 * @example
 * ```ts
 * const options: UpstreamStrengthOptions = { pattern: 'squat', lastNMicrocycles: 4 };
 * ```
 */
export interface UpstreamStrengthOptions {
  pattern: MovementPattern;
  /** The app's lookback, an integer >= 1; defaults to {@link UPSTREAM_PSI_LOOKBACK} (2). */
  lastNMicrocycles?: number;
}

/**
 * Options of {@link upstreamPatternTrend} (without `pattern`: {@link upstreamPatternTrendAll}).
 *
 * @example
 * ```ts
 * const options: UpstreamTrendOptions = { pattern: 'hinge', windowMicrocycles: 6, threshold: 0.05 };
 * ```
 */
export interface UpstreamTrendOptions {
  pattern: MovementPattern;
  /** The app's window, an integer >= 1; defaults to {@link UPSTREAM_TREND_WINDOW} (4). */
  windowMicrocycles?: number;
  /** Relative change, a finite number >= 0 (0.05 = 5 %); defaults to {@link UPSTREAM_TREND_THRESHOLD}. */
  threshold?: number;
}

const PATTERNS: readonly MovementPattern[] = /* @__PURE__ */ Object.values(MovementPattern);

/**
 * The ids of the `size` newest microcycles, newest first, as the app picks its window: ordered by
 * `startDate` descending, then (our tie-break, the app leaves it to the database) `id` descending.
 * Microcycles without exposures, planned future weeks among them, take their places like any other.
 *
 * @throws {DomainArgumentError} listing every invalid microcycle or a bad `size`
 * @example
 * ```ts
 * upstreamMicrocycleWindow(
 *   [{ id: 1, startDate: '2026-01-05' }, { id: 2, startDate: '2026-01-12' }, { id: 3, startDate: '2026-01-19' }],
 *   2,
 * ); // [3, 2]
 * ```
 */
export function upstreamMicrocycleWindow(microcycles: readonly UpstreamMicrocycle[], size: number): number[] {
  const problems: ValidationProblem[] = [];
  checkWindow(size, ['size'], problems);
  const valid = checkMicrocycles(microcycles, ['microcycles'], problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  return newest(valid, size);
}

/**
 * The app's pattern strength index of one pattern: the plain mean `e1rmValue` of the pattern's
 * exposures in the `lastNMicrocycles` (default 2) newest microcycles (see
 * {@link upstreamMicrocycleWindow}), or `null` with fewer than 2 of them in the window.
 *
 * How it differs from the library's `patternStrengthIndex`: the window is the newest
 * microcycles by start date **including planned weeks with no exposures** (so early in a new week
 * the window may hold little or nothing), and the default lookback is 2, not 4.
 *
 * The sum runs in ascending `id` order, so the same rows give the same float, bit for bit, in any
 * input order.
 *
 * @throws {DomainArgumentError} listing every invalid row or option
 * @example
 * ```ts
 * upstreamPatternStrengthIndex(
 *   {
 *     microcycles: [{ id: 1, startDate: '2026-01-05' }, { id: 2, startDate: '2026-01-12' }, { id: 3, startDate: '2026-01-19' }],
 *     exposures: [
 *       { id: 1, microcycleId: 1, pattern: 'squat', date: '2026-01-05', e1rmValue: 100 },
 *       { id: 2, microcycleId: 1, pattern: 'squat', date: '2026-01-08', e1rmValue: 110 },
 *       { id: 3, microcycleId: 2, pattern: 'squat', date: '2026-01-12', e1rmValue: 120 },
 *       { id: 4, microcycleId: 2, pattern: 'squat', date: '2026-01-15', e1rmValue: 130 },
 *     ],
 *   },
 *   { pattern: 'squat' },
 * ); // 125 (microcycles 3 and 2; 3 is planned and empty)
 * ```
 */
export function upstreamPatternStrengthIndex(data: UpstreamMetricsData, options: UpstreamStrengthOptions): number | null {
  const problems: ValidationProblem[] = [];
  const pattern = checkPattern(options, problems);
  const size = optionValue(options, 'lastNMicrocycles', UPSTREAM_PSI_LOOKBACK);
  checkWindow(size, ['options', 'lastNMicrocycles'], problems);
  const exposures = windowed(data, size, problems);
  return strengthOf(exposures.filter((exposure) => exposure.pattern === pattern));
}

/**
 * {@link upstreamPatternStrengthIndex} of every one of the 17 movement patterns (same window for
 * all), `null` where a pattern has fewer than 2 exposures in the window.
 *
 * @throws {DomainArgumentError} listing every invalid row or option
 * @example
 * ```ts
 * const psi = upstreamPatternStrengthIndexAll(data, { lastNMicrocycles: 2 });
 * psi.squat; // number | null
 * ```
 */
export function upstreamPatternStrengthIndexAll(
  data: UpstreamMetricsData,
  options: { lastNMicrocycles?: number } = {},
): Record<MovementPattern, number | null> {
  const problems: ValidationProblem[] = [];
  const size = optionValue(options, 'lastNMicrocycles', UPSTREAM_PSI_LOOKBACK);
  checkOptionsObject(options, problems);
  checkWindow(size, ['options', 'lastNMicrocycles'], problems);
  const byPattern = groupByPattern(windowed(data, size, problems));
  const result = {} as Record<MovementPattern, number | null>;
  for (const pattern of PATTERNS) result[pattern] = strengthOf(byPattern.get(pattern) ?? []);
  return result;
}

/**
 * The app's trend of one pattern over the `windowMicrocycles` (default 4) newest microcycles (see
 * {@link upstreamMicrocycleWindow}):
 *
 * 1. the pattern's exposures in the window, ordered by `date` descending (ties: the higher `id`
 *    first, i.e. the later-logged counts as the more recent); fewer than 4 → `'insufficient_data'`;
 * 2. mid = ⌊count / 2⌋; recent = mean of the first `mid`, older = mean of the rest (each summed in
 *    that order, so the result does not depend on input order);
 * 3. older = 0 → `'insufficient_data'`; change = (recent − older) / older × 100;
 * 4. change > threshold × 100 → `'increasing'`, change < −threshold × 100 → `'decreasing'`, else
 *    `'stable'` (strict, as the app: a change of exactly 5 % is stable).
 *
 * How it differs from the library's `patternTrend`: individual exposures, not per-microcycle
 * means; the split is newest half against the rest (for an odd count the middle exposure is in the
 * older half), not first half against last half; 4 exposures at least, not 2 points; the divisor
 * is the signed older mean; 5 % by default and strict, not 2.5 % inclusive.
 *
 * @throws {DomainArgumentError} listing every invalid row or option
 * @example
 * ```ts
 * upstreamPatternTrend(data, { pattern: 'squat' });
 * // with the exposures of the upstreamPatternStrengthIndex example: 130, 120 | 110, 100
 * // -> recent 125, older 105, +19.05 % -> 'increasing'
 * ```
 */
export function upstreamPatternTrend(data: UpstreamMetricsData, options: UpstreamTrendOptions): PatternTrend {
  const problems: ValidationProblem[] = [];
  const pattern = checkPattern(options, problems);
  const { size, threshold } = trendOptions(options, problems);
  const exposures = windowed(data, size, problems);
  return trendOf(exposures.filter((exposure) => exposure.pattern === pattern), threshold);
}

/**
 * {@link upstreamPatternTrend} of every one of the 17 movement patterns (same window for all). The
 * app's deload signal is "at least 2 patterns decreasing": pass the result to `deloadSignal`
 * (its default minimum is 2).
 *
 * @throws {DomainArgumentError} listing every invalid row or option
 * @example
 * ```ts
 * const trends = upstreamPatternTrendAll(data);
 * deloadSignal(trends); // { deload, decliningPatterns }, as the app decides it
 * ```
 */
export function upstreamPatternTrendAll(
  data: UpstreamMetricsData,
  options: { windowMicrocycles?: number; threshold?: number } = {},
): Record<MovementPattern, PatternTrend> {
  const problems: ValidationProblem[] = [];
  checkOptionsObject(options, problems);
  const { size, threshold } = trendOptions(options, problems);
  const byPattern = groupByPattern(windowed(data, size, problems));
  const result = {} as Record<MovementPattern, PatternTrend>;
  for (const pattern of PATTERNS) result[pattern] = trendOf(byPattern.get(pattern) ?? [], threshold);
  return result;
}

/** Validates the rows (throwing with every problem, the caller's included) and keeps the exposures of the window. */
function windowed(data: UpstreamMetricsData, size: unknown, problems: ValidationProblem[]): UpstreamExposure[] {
  if (!isPlainObject(data)) {
    problems.push({ path: ['data'], message: 'must be an object { microcycles, exposures }', received: data });
    throw new DomainArgumentError(problems);
  }
  const microcycles = checkMicrocycles(data.microcycles, ['data', 'microcycles'], problems);
  const exposures = checkExposures(data.exposures, ['data', 'exposures'], problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  const window = new Set(newest(microcycles, size as number));
  return exposures.filter((exposure) => window.has(exposure.microcycleId));
}

function newest(microcycles: readonly UpstreamMicrocycle[], size: number): number[] {
  const ids = new Map<number, string>();
  for (const m of microcycles) ids.set(m.id, m.startDate);
  return [...ids.entries()]
    // 'YYYY-MM-DD' strings sort as dates.
    .sort(([idA, a], [idB, b]) => (a === b ? idB - idA : a < b ? 1 : -1))
    .slice(0, size)
    .map(([id]) => id);
}

function strengthOf(exposures: readonly UpstreamExposure[]): number | null {
  if (exposures.length < MIN_PSI_EXPOSURES) return null;
  return meanOf([...exposures].sort((a, b) => a.id - b.id));
}

function trendOf(exposures: readonly UpstreamExposure[], threshold: number): PatternTrend {
  if (exposures.length < UPSTREAM_MIN_TREND_EXPOSURES) return PatternTrend.INSUFFICIENT_DATA;
  const ordered = [...exposures].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  const mid = Math.floor(ordered.length / 2);
  const recent = meanOf(ordered.slice(0, mid));
  const older = meanOf(ordered.slice(mid));
  if (older === 0) return PatternTrend.INSUFFICIENT_DATA;
  // The app's arithmetic, in its order: percent of the (signed) older mean.
  const change = ((recent - older) / older) * 100;
  const limit = threshold * 100;
  if (change > limit) return PatternTrend.INCREASING;
  if (change < -limit) return PatternTrend.DECREASING;
  return PatternTrend.STABLE;
}

/** Sum in the given order, then divide: the caller fixes the order so the float is reproducible. */
function meanOf(exposures: readonly UpstreamExposure[]): number {
  let sum = 0;
  for (const exposure of exposures) sum += exposure.e1rmValue;
  return sum / exposures.length;
}

function groupByPattern(exposures: readonly UpstreamExposure[]): Map<MovementPattern, UpstreamExposure[]> {
  const byPattern = new Map<MovementPattern, UpstreamExposure[]>();
  for (const exposure of exposures) {
    const list = byPattern.get(exposure.pattern);
    if (list) list.push(exposure);
    else byPattern.set(exposure.pattern, [exposure]);
  }
  return byPattern;
}

function optionValue(options: unknown, key: string, fallback: number): unknown {
  const value = isPlainObject(options) ? options[key] : undefined;
  return value ?? fallback;
}

function trendOptions(options: unknown, problems: ValidationProblem[]): { size: number; threshold: number } {
  const size = optionValue(options, 'windowMicrocycles', UPSTREAM_TREND_WINDOW);
  const threshold = optionValue(options, 'threshold', UPSTREAM_TREND_THRESHOLD);
  checkWindow(size, ['options', 'windowMicrocycles'], problems);
  if (!isFiniteNumber(threshold) || threshold < 0) {
    problems.push({ path: ['options', 'threshold'], message: 'must be a finite number >= 0 (0.05 = 5 %)', received: threshold });
  }
  return { size: size as number, threshold: threshold as number };
}

function checkOptionsObject(options: unknown, problems: ValidationProblem[]): void {
  if (options !== undefined && !isPlainObject(options)) problems.push({ path: ['options'], message: 'must be an object', received: options });
}

function checkPattern(options: unknown, problems: ValidationProblem[]): MovementPattern {
  const pattern = isPlainObject(options) ? options.pattern : undefined;
  if (!PATTERNS.includes(pattern as MovementPattern)) {
    problems.push({ path: ['options', 'pattern'], message: `must be one of ${PATTERNS.join(', ')}`, received: pattern });
  }
  return pattern as MovementPattern;
}

function checkWindow(value: unknown, path: (string | number)[], problems: ValidationProblem[]): void {
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < 1) {
    problems.push({ path, message: 'must be an integer >= 1', received: value });
  }
}

function isId(value: unknown): value is number {
  return isFiniteNumber(value) && Number.isInteger(value);
}

function checkMicrocycles(value: unknown, path: (string | number)[], problems: ValidationProblem[]): UpstreamMicrocycle[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be an array of { id, startDate }', received: value });
    return [];
  }
  const valid: UpstreamMicrocycle[] = [];
  value.forEach((row: unknown, index) => {
    if (!isPlainObject(row)) {
      problems.push({ path: [...path, index], message: 'must be an object { id, startDate }', received: row });
      return;
    }
    const before = problems.length;
    if (!isId(row.id)) problems.push({ path: [...path, index, 'id'], message: 'must be an integer', received: row.id });
    if (!isIsoDate(row.startDate)) {
      problems.push({ path: [...path, index, 'startDate'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: row.startDate });
    }
    if (problems.length === before) valid.push(row as unknown as UpstreamMicrocycle);
  });
  return valid;
}

function checkExposures(value: unknown, path: (string | number)[], problems: ValidationProblem[]): UpstreamExposure[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be an array of { id, microcycleId, pattern, date, e1rmValue }', received: value });
    return [];
  }
  const valid: UpstreamExposure[] = [];
  value.forEach((row: unknown, index) => {
    if (!isPlainObject(row)) {
      problems.push({ path: [...path, index], message: 'must be an object { id, microcycleId, pattern, date, e1rmValue }', received: row });
      return;
    }
    const before = problems.length;
    if (!isId(row.id)) problems.push({ path: [...path, index, 'id'], message: 'must be an integer', received: row.id });
    if (!isId(row.microcycleId)) problems.push({ path: [...path, index, 'microcycleId'], message: 'must be an integer', received: row.microcycleId });
    if (!PATTERNS.includes(row.pattern as MovementPattern)) {
      problems.push({ path: [...path, index, 'pattern'], message: `must be one of ${PATTERNS.join(', ')}`, received: row.pattern });
    }
    if (!isIsoDate(row.date)) problems.push({ path: [...path, index, 'date'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: row.date });
    if (!isFiniteNumber(row.e1rmValue)) problems.push({ path: [...path, index, 'e1rmValue'], message: 'must be a finite number', received: row.e1rmValue });
    if (problems.length === before) valid.push(row as unknown as UpstreamExposure);
  });
  return valid;
}
