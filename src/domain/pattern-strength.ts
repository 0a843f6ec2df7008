// Pattern strength index (PSI): how strong a movement pattern currently is, from pattern_exposures rows.
import { MovementPattern } from '../enums/index.js';
import { isFiniteNumber, isPlainObject } from './checks.js';
import { parseIsoDate } from './dates.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';

/**
 * One exposure of a movement pattern (a `pattern_exposures` row, or a top set mapped to one).
 * At least one of `microcycleId` / `microcycleSequence` must be given: they say which microcycle the
 * exposure belongs to.
 *
 * @example
 * ```ts
 * const exposure: PatternExposureInput = { pattern: 'squat', date: '2025-03-04', e1rmValue: 142.5, microcycleId: 17 };
 * ```
 */
export interface PatternExposureInput {
  pattern: MovementPattern;
  /** `'YYYY-MM-DD'`. */
  date: string;
  /** Estimated one-rep max of the exposure, >= 0. */
  e1rmValue: number;
  /** `microcycles.sequence_number` (restarts at 1 in every program). */
  microcycleSequence?: number | null;
  /** `microcycles.id`; identifies the microcycle when present, in preference to the sequence. */
  microcycleId?: number | null;
}

/**
 * Options of {@link patternStrengthIndex}.
 *
 * @example
 * ```ts
 * const options: PatternStrengthOptions = { pattern: 'hinge', lastNMicrocycles: 3 };
 * ```
 */
export interface PatternStrengthOptions {
  pattern: MovementPattern;
  /** Size of the window in microcycles, an integer >= 1; defaults to {@link DEFAULT_PSI_MICROCYCLES}. */
  lastNMicrocycles?: number;
}

/**
 * Default PSI window: the last 4 microcycles, the same span as the default deload cadence, so a window
 * normally contains one deload rather than zero or two.
 *
 * @example
 * ```ts
 * patternStrengthIndex(exposures, { pattern: 'squat', lastNMicrocycles: DEFAULT_PSI_MICROCYCLES });
 * ```
 */
export const DEFAULT_PSI_MICROCYCLES = 4;

/**
 * Fewest exposures in the window for a PSI: one exposure is a single data point, not an index.
 *
 * @example
 * ```ts
 * if (count < MIN_PSI_EXPOSURES) showNotEnoughData();
 * ```
 */
export const MIN_PSI_EXPOSURES = 2;

const PATTERNS: readonly MovementPattern[] = /* @__PURE__ */ Object.values(MovementPattern);

/**
 * The pattern strength index of `pattern`: the mean `e1rmValue` of that pattern's exposures in the
 * window of the last `lastNMicrocycles` distinct microcycles, or `null` when the window holds fewer
 * than {@link MIN_PSI_EXPOSURES} (2) exposures of the pattern.
 *
 * The window is taken over **all** `exposures` passed in, whatever their pattern: "the last 4
 * microcycles" is the athlete's recent training, so a pattern not trained lately gets `null` instead
 * of a stale value, and `patternStrengthIndexAll(x)[p]` always equals `patternStrengthIndex(x, { pattern: p })`.
 * Pass one user's exposures (one program or several).
 *
 * Microcycles are identified by `microcycleId` (else by `microcycleSequence`) and ordered by their
 * earliest exposure date, then sequence, then id: dates, not sequence numbers, give the order because
 * sequence numbers restart with every program. Input order does not matter.
 *
 * @throws {DomainArgumentError} listing every invalid exposure field or option
 * @example
 * ```ts
 * patternStrengthIndex(
 *   [
 *     { pattern: 'squat', date: '2025-03-03', e1rmValue: 140, microcycleSequence: 1 },
 *     { pattern: 'squat', date: '2025-03-10', e1rmValue: 145, microcycleSequence: 2 },
 *   ],
 *   { pattern: 'squat' },
 * ); // 142.5
 * ```
 */
export function patternStrengthIndex(
  exposures: readonly PatternExposureInput[],
  options: PatternStrengthOptions,
): number | null {
  const problems: ValidationProblem[] = [];
  if (!isPlainObject(options) || !PATTERNS.includes(options.pattern as MovementPattern)) {
    problems.push({ path: ['options', 'pattern'], message: `must be one of ${PATTERNS.join(', ')}`, received: options?.pattern });
  }
  const windowed = exposuresInWindow(exposures, options?.lastNMicrocycles, problems);
  return meanOrNull(windowed.filter((exposure) => exposure.pattern === options.pattern));
}

/**
 * {@link patternStrengthIndex} for every one of the 17 movement patterns at once (same window for all),
 * `null` where a pattern has fewer than 2 exposures in the window.
 *
 * @throws {DomainArgumentError} listing every invalid exposure field or option
 * @example
 * ```ts
 * const psi = patternStrengthIndexAll(exposures, { lastNMicrocycles: 4 });
 * psi.squat; // number | null
 * ```
 */
export function patternStrengthIndexAll(
  exposures: readonly PatternExposureInput[],
  options: { lastNMicrocycles?: number } = {},
): Record<MovementPattern, number | null> {
  const windowed = exposuresInWindow(exposures, options?.lastNMicrocycles, []);
  const byPattern = new Map<MovementPattern, PatternExposureInput[]>();
  for (const exposure of windowed) {
    const list = byPattern.get(exposure.pattern);
    if (list) list.push(exposure);
    else byPattern.set(exposure.pattern, [exposure]);
  }
  const result = {} as Record<MovementPattern, number | null>;
  for (const pattern of PATTERNS) result[pattern] = meanOrNull(byPattern.get(pattern) ?? []);
  return result;
}

interface MicrocycleGroup {
  earliest: number;
  sequence: number;
  id: number;
  exposures: PatternExposureInput[];
}

/** Validates everything (throwing with all problems, including the caller's), then keeps the last N microcycles. */
function exposuresInWindow(
  exposures: readonly PatternExposureInput[],
  lastNMicrocycles: unknown,
  problems: ValidationProblem[],
): PatternExposureInput[] {
  const windowSize = lastNMicrocycles ?? DEFAULT_PSI_MICROCYCLES;
  if (!isFiniteNumber(windowSize) || !Number.isInteger(windowSize) || windowSize < 1) {
    problems.push({ path: ['options', 'lastNMicrocycles'], message: 'must be an integer >= 1', received: windowSize });
  }
  if (!Array.isArray(exposures)) {
    problems.push({ path: ['exposures'], message: 'must be an array of pattern exposures', received: exposures });
    throw new DomainArgumentError(problems);
  }

  const groups = new Map<string, MicrocycleGroup>();
  exposures.forEach((exposure: unknown, index) => {
    const at = (field?: string): (string | number)[] => (field === undefined ? ['exposures', index] : ['exposures', index, field]);
    if (!isPlainObject(exposure)) {
      problems.push({ path: at(), message: 'must be an object { pattern, date, e1rmValue, microcycleId | microcycleSequence }', received: exposure });
      return;
    }
    const { pattern, date, e1rmValue, microcycleId, microcycleSequence } = exposure;
    const before = problems.length;
    if (!PATTERNS.includes(pattern as MovementPattern)) {
      problems.push({ path: at('pattern'), message: `must be one of ${PATTERNS.join(', ')}`, received: pattern });
    }
    const time = typeof date === 'string' ? parseIsoDate(date) : undefined;
    if (time === undefined) {
      problems.push({ path: at('date'), message: "must be a valid calendar date written 'YYYY-MM-DD'", received: date });
    }
    if (!isFiniteNumber(e1rmValue) || e1rmValue < 0) {
      problems.push({ path: at('e1rmValue'), message: 'must be a finite number >= 0', received: e1rmValue });
    }
    const hasId = microcycleId !== undefined && microcycleId !== null;
    const hasSequence = microcycleSequence !== undefined && microcycleSequence !== null;
    if (hasId && !(isFiniteNumber(microcycleId) && Number.isInteger(microcycleId))) {
      problems.push({ path: at('microcycleId'), message: 'must be an integer', received: microcycleId });
    }
    if (hasSequence && !(isFiniteNumber(microcycleSequence) && Number.isInteger(microcycleSequence))) {
      problems.push({ path: at('microcycleSequence'), message: 'must be an integer', received: microcycleSequence });
    }
    if (!hasId && !hasSequence) {
      problems.push({ path: at('microcycleId'), message: 'is required when microcycleSequence is absent (the window is counted in microcycles)' });
    }
    if (problems.length > before || time === undefined) return;

    const key = hasId ? `id:${String(microcycleId)}` : `seq:${String(microcycleSequence)}`;
    const group = groups.get(key);
    if (group) {
      group.earliest = Math.min(group.earliest, time);
      if (hasSequence) group.sequence = Math.min(group.sequence, microcycleSequence as number);
      group.exposures.push(exposure as unknown as PatternExposureInput);
    } else {
      groups.set(key, {
        earliest: time,
        sequence: hasSequence ? (microcycleSequence as number) : Number.POSITIVE_INFINITY,
        id: hasId ? (microcycleId as number) : Number.POSITIVE_INFINITY,
        exposures: [exposure as unknown as PatternExposureInput],
      });
    }
  });
  if (problems.length > 0) throw new DomainArgumentError(problems);

  const ordered = [...groups.values()].sort(
    (a, b) => a.earliest - b.earliest || compareNumbers(a.sequence, b.sequence) || compareNumbers(a.id, b.id),
  );
  return ordered.slice(-(windowSize as number)).flatMap((group) => group.exposures);
}

/** Like `a - b` but safe for two infinities (Infinity - Infinity is NaN, which breaks sort). */
function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function meanOrNull(exposures: readonly PatternExposureInput[]): number | null {
  if (exposures.length < MIN_PSI_EXPOSURES) return null;
  let sum = 0;
  for (const exposure of exposures) sum += exposure.e1rmValue;
  return sum / exposures.length;
}
