// Cutting a program's weeks into microcycles (rows of the `microcycles` table).
import type { MicrocycleStatus } from '../enums/index.js';
import { addDaysToIsoDate, isIsoDate } from './dates.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';
import { PROGRAM_DEFAULTS, PROGRAM_LIMITS } from './program-shape.js';
import { checkIntegerInRange } from './ranges.js';

/**
 * Input of {@link planMicrocycles}.
 *
 * @example
 * ```ts
 * const options: PlanMicrocyclesOptions = { startDate: '2025-01-06', durationWeeks: 8, microcycleLengthDays: 10 };
 * ```
 */
export interface PlanMicrocyclesOptions {
  /** First day of the program, `'YYYY-MM-DD'`. */
  startDate: string;
  /** Program length in weeks, 8–12. */
  durationWeeks: number;
  /** Requested microcycle length in days, 7–10; defaults to 7. */
  microcycleLengthDays?: number;
  /** Every n-th microcycle is a deload, n >= 1; defaults to 4. */
  deloadEveryNMicrocycles?: number;
}

/**
 * One planned microcycle, ready to become a `microcycles` row.
 *
 * @example
 * ```ts
 * const first: PlannedMicrocycle = { sequenceNumber: 1, startDate: '2025-01-06', lengthDays: 7, isDeload: false };
 * ```
 */
export interface PlannedMicrocycle {
  /** 1, 2, 3, … */
  sequenceNumber: number;
  /** `'YYYY-MM-DD'`; the day after the previous microcycle ends. */
  startDate: string;
  /** 7–10 days (DB check `valid_length`). */
  lengthDays: number;
  /** `sequenceNumber % deloadEveryNMicrocycles === 0`. */
  isDeload: boolean;
}

/**
 * Plans consecutive microcycles covering exactly `durationWeeks · 7` days from `startDate`, with every
 * length inside 7–10 days (DB check `valid_length`) and as many as possible at the requested length L.
 *
 * The rule, with T = `durationWeeks · 7`, q = ⌊T / L⌋ and r = T mod L:
 *
 * 1. The count is k = q when 2r < L, else q + 1 (the count nearest T / L; an exact half goes to the
 *    larger count so no microcycle is longer than requested), then clamped into [⌈T/10⌉, ⌊T/7⌋], the
 *    only counts whose lengths can all stay within 7–10.
 * 2. All k microcycles start at L days; the difference T − k·L is absorbed by the last ones, walking
 *    backwards: each grows to at most 10 days (difference > 0) or shrinks to at least 7 (difference < 0).
 *
 * So a remainder of 7 days or more simply becomes a shorter last microcycle (9 weeks of 8-day
 * microcycles, 63 days → `[8,8,8,8,8,8,8,7]`), and a remainder below 7 is merged into the tail:
 * 8 weeks of 10-day microcycles (56 days) → `[10,10,10,10,9,7]`; 8 weeks of 9 days (56) →
 * `[9,9,9,9,10,10]`; 12 weeks of 10 days (84) → seven 10s then `7, 7`.
 *
 * Deloads: microcycle n is a deload when `n % deloadEveryNMicrocycles === 0`. Dates are computed on
 * UTC calendar days, so results do not depend on the machine's time zone.
 *
 * @throws {DomainArgumentError} listing every invalid option: `startDate` not a real
 * `'YYYY-MM-DD'` date, or a number outside {@link PROGRAM_LIMITS}
 * @example
 * ```ts
 * planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8 });
 * // 8 × 7 days: 2025-01-06, 2025-01-13, …; microcycles 4 and 8 are deloads
 * planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8, microcycleLengthDays: 10 }).map((m) => m.lengthDays);
 * // [10, 10, 10, 10, 9, 7]
 * ```
 */
export function planMicrocycles(options: PlanMicrocyclesOptions): PlannedMicrocycle[] {
  const {
    startDate,
    durationWeeks,
    microcycleLengthDays = PROGRAM_DEFAULTS.microcycleLengthDays,
    deloadEveryNMicrocycles = PROGRAM_DEFAULTS.deloadEveryNMicrocycles,
  } = options ?? ({} as Partial<PlanMicrocyclesOptions>);
  const problems: ValidationProblem[] = [];
  if (!isIsoDate(startDate)) {
    problems.push({ path: ['startDate'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: startDate });
  }
  checkIntegerInRange(durationWeeks, ['durationWeeks'], PROGRAM_LIMITS.durationWeeks, problems);
  checkIntegerInRange(microcycleLengthDays, ['microcycleLengthDays'], PROGRAM_LIMITS.microcycleLengthDays, problems);
  checkIntegerInRange(deloadEveryNMicrocycles, ['deloadEveryNMicrocycles'], PROGRAM_LIMITS.deloadEveryNMicrocycles, problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);

  const lengths = microcycleLengths(durationWeeks * 7, microcycleLengthDays);
  const plan: PlannedMicrocycle[] = [];
  let offset = 0;
  lengths.forEach((lengthDays, index) => {
    const sequenceNumber = index + 1;
    plan.push({
      sequenceNumber,
      startDate: addDaysToIsoDate(startDate, offset),
      lengthDays,
      isDeload: sequenceNumber % deloadEveryNMicrocycles === 0,
    });
    offset += lengthDays;
  });
  return plan;
}

/** Lengths per the rule documented on planMicrocycles; assumes totalDays >= 7 and requested in 7–10. */
function microcycleLengths(totalDays: number, requested: number): number[] {
  const { min, max } = PROGRAM_LIMITS.microcycleLengthDays;
  const quotient = Math.floor(totalDays / requested);
  const remainder = totalDays % requested;
  const nearest = 2 * remainder < requested ? quotient : quotient + 1;
  const count = Math.min(Math.max(nearest, Math.ceil(totalDays / max)), Math.floor(totalDays / min));

  const lengths = new Array<number>(count).fill(requested);
  let difference = totalDays - count * requested;
  for (let i = count - 1; i >= 0 && difference !== 0; i -= 1) {
    const current = lengths[i] ?? requested;
    const change = difference > 0 ? Math.min(difference, max - current) : -Math.min(-difference, current - min);
    lengths[i] = current + change;
    difference -= change;
  }
  return lengths;
}

/**
 * What {@link planMicrocycleAdvance} needs to know of one stored microcycle.
 * @internal
 */
export interface MicrocycleState {
  sequenceNumber: number;
  /** `'YYYY-MM-DD'`. */
  startDate: string;
  lengthDays: number;
  status: MicrocycleStatus;
}

/**
 * The changes one advance makes: the microcycles to mark complete, and the one to make active,
 * either an existing one (`activate`) or a new one to store (`create`); exactly one of the two is set.
 * @internal
 */
export interface MicrocycleAdvancePlan<T extends MicrocycleState> {
  complete: T[];
  activate: T | null;
  create: PlannedMicrocycle | null;
}

/** Length of a microcycle the advance adds past the planned ones, as the app adds them. */
const APPENDED_LENGTH_DAYS = 7;

/**
 * One step of the microcycle lifecycle of a program, as the upstream app's "next microcycle" route
 * takes it (docs/upstream.md, "Microcycle status"), extended to the states the app never
 * produces itself:
 *
 * - one or more `active` (several is corrupt data): all of them complete, and the microcycle after
 *   the highest of them (`sequenceNumber` + 1) becomes active, whatever its status;
 * - none active, some `planned` (a program written before the library kept statuses): the
 *   lowest-sequence planned one becomes active, nothing completes;
 * - none active, none planned (every week done, or no microcycle at all): a new one after the
 *   highest sequence becomes active.
 *
 * When the microcycle to activate does not exist it is planned the app's way: sequence + 1, starting
 * the day after the previous one ends (previous start + previous length), 7 days long, a deload when
 * `sequence % deloadEveryNMicrocycles === 0`. A program without microcycles gets microcycle 1 on
 * `programStartDate`.
 *
 * Pure: it returns the items to change and does not modify them. When several stored rows share the
 * sequence number to activate, the first of them in `microcycles` order is taken; likewise, of
 * several active rows sharing the highest sequence number, the new microcycle follows the first.
 *
 * @throws {DomainArgumentError} when a microcycle must be created and its start date would fall past
 * 9999-12-31 (path `startDate`), or `deloadEveryNMicrocycles` is not an integer >= 1 (path
 * `deloadEveryNMicrocycles`)
 * @internal
 * @example
 * ```ts
 * const weeks = [
 *   { sequenceNumber: 1, startDate: '2026-01-05', lengthDays: 7, status: 'active' as const },
 *   { sequenceNumber: 2, startDate: '2026-01-12', lengthDays: 7, status: 'planned' as const },
 * ];
 * planMicrocycleAdvance(weeks, { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 4 });
 * // { complete: [weeks[0]], activate: weeks[1], create: null }
 * ```
 */
export function planMicrocycleAdvance<T extends MicrocycleState>(
  microcycles: readonly T[],
  options: { programStartDate: string; deloadEveryNMicrocycles: number },
): MicrocycleAdvancePlan<T> {
  const active = microcycles.filter((m) => m.status === 'active');
  const highest = (items: readonly T[]): T | undefined =>
    items.reduce<T | undefined>((best, m) => (best === undefined || m.sequenceNumber > best.sequenceNumber ? m : best), undefined);

  if (active.length > 0) {
    const previous = highest(active)!;
    const next = microcycles.find((m) => m.sequenceNumber === previous.sequenceNumber + 1);
    return next ? { complete: active, activate: next, create: null } : { complete: active, activate: null, create: appended(previous, options) };
  }
  const planned = microcycles.filter((m) => m.status === 'planned');
  if (planned.length > 0) {
    const first = planned.reduce((best, m) => (m.sequenceNumber < best.sequenceNumber ? m : best));
    return { complete: [], activate: first, create: null };
  }
  return { complete: [], activate: null, create: appended(highest(microcycles), options) };
}

/** The microcycle the app appends after `previous` (or the first one of an empty program). */
function appended(previous: MicrocycleState | undefined, options: { programStartDate: string; deloadEveryNMicrocycles: number }): PlannedMicrocycle {
  const { programStartDate, deloadEveryNMicrocycles } = options;
  const problems: ValidationProblem[] = [];
  if (!Number.isInteger(deloadEveryNMicrocycles) || deloadEveryNMicrocycles < 1) {
    problems.push({ path: ['deloadEveryNMicrocycles'], message: 'must be an integer >= 1 to tell whether the new microcycle is a deload', received: deloadEveryNMicrocycles });
  }
  const sequenceNumber = previous ? previous.sequenceNumber + 1 : 1;
  let startDate: string | undefined;
  try {
    startDate = previous ? addDaysToIsoDate(previous.startDate, previous.lengthDays) : addDaysToIsoDate(programStartDate, 0);
  } catch (error) {
    if (!(error instanceof DomainArgumentError)) throw error;
    problems.push({ path: ['startDate'], message: `the new microcycle ${sequenceNumber} cannot start after 9999-12-31 (${error.message})`, received: previous?.startDate ?? programStartDate });
  }
  if (problems.length > 0 || startDate === undefined) throw new DomainArgumentError(problems);
  return { sequenceNumber, startDate, lengthDays: APPENDED_LENGTH_DAYS, isDeload: sequenceNumber % deloadEveryNMicrocycles === 0 };
}
