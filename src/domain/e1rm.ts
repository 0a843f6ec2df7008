// Estimated one-rep max (e1RM) from a submaximal set, its inverse, and the RPE/RIR adjustment.
import { E1RMFormula, GainslyError, type GainslyErrorCode } from '../enums/index.js';
import { isFiniteNumber } from './checks.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';

/**
 * Brzycki's `36 / (37 − reps)` divides by zero at 37 reps and turns negative beyond, so the formula
 * is only defined for `reps < BRZYCKI_REPS_LIMIT`.
 *
 * @example
 * ```ts
 * if (reps >= BRZYCKI_REPS_LIMIT) formula = 'epley';
 * ```
 */
export const BRZYCKI_REPS_LIMIT = 37;

/**
 * Thrown when a formula is asked for a rep count where it is undefined — today only Brzycki at
 * `reps >= 37` (see {@link BRZYCKI_REPS_LIMIT}) — by {@link estimateOneRepMax},
 * {@link estimateOneRepMaxWithEffort} and {@link loadForReps}. They throw instead of capping because
 * a capped number is not an estimate; the caller should pick another formula (Epley, Lombardi and
 * O'Conner are defined for any rep count) or skip the set. {@link estimateOneRepMaxAsStored} is the
 * exception on purpose: it reproduces what the upstream app stores, `weight × 2.5`.
 *
 * @example
 * ```ts
 * try {
 *   estimateOneRepMax(40, 40, 'brzycki');
 * } catch (error) {
 *   if (error instanceof E1RMRangeError) console.log(error.formula, error.reps, error.limit); // brzycki 40 37
 * }
 * ```
 */
export class E1RMRangeError extends GainslyError {
  override readonly name: string = 'E1RMRangeError';
  override readonly code: GainslyErrorCode = 'GAINSLY_E1RM_RANGE'; // a literal: see GainslyError.code
  /** The formula that is undefined for `reps`. */
  readonly formula: E1RMFormula;
  /** The (effective) rep count that was asked for. */
  readonly reps: number;
  /** The exclusive upper bound of reps the formula supports. */
  readonly limit: number;

  constructor(formula: E1RMFormula, reps: number, limit: number) {
    super(
      `The ${formula} e1RM formula is undefined for ${reps} reps: it needs reps < ${limit}. ` +
        `Use another formula (epley, lombardi, oconner) for high-rep sets.`,
    );
    this.formula = formula;
    this.reps = reps;
    this.limit = limit;
  }
}

/**
 * Effort reported for a set: RPE (rate of perceived exertion, 1–10) or RIR (reps in reserve, >= 0),
 * plus the formula to use. `null` is accepted as "not reported" because the `top_set_logs.rpe` and
 * `top_set_logs.rir` columns are nullable.
 *
 * @example
 * ```ts
 * const effort: EffortOptions = { rpe: 8.5, formula: 'brzycki' };
 * ```
 */
export interface EffortOptions {
  /** RPE on the 1–10 scale; fractional values such as 8.5 are allowed. Ignored when `rir` is given. */
  rpe?: number | null;
  /** Reps left in reserve, >= 0; fractional values allowed. Takes precedence over `rpe`. */
  rir?: number | null;
  /** Defaults to `'epley'`. */
  formula?: E1RMFormula;
}

const FORMULAS: readonly string[] = /* @__PURE__ */ Object.values(E1RMFormula);

/**
 * Estimates the one-rep max from a set of `reps` at `weight` (any unit; the result is in the same
 * unit).
 *
 * - Epley: `w · (1 + r/30)`
 * - Brzycki: `w · 36 / (37 − r)`
 * - Lombardi: `w · r^0.10`
 * - O'Conner: `w · (1 + r/40)`
 *
 * A single rep is by definition a one-rep max, so `reps === 1` returns `weight` for every formula
 * (raw Epley would inflate it by 1/30).
 *
 * @param weight load lifted, a finite number >= 0
 * @param reps completed reps, an integer >= 1
 * @param formula one of the `E1RMFormula` values; defaults to `'epley'` (the `user_settings` default)
 * @throws {DomainArgumentError} naming each invalid argument
 * @throws {E1RMRangeError} for Brzycki with `reps >= 37`, where the formula is undefined
 * @example
 * ```ts
 * estimateOneRepMax(100, 5);             // 116.666…
 * estimateOneRepMax(100, 5, 'brzycki');  // 112.5
 * estimateOneRepMax(140, 1, 'lombardi'); // 140
 * ```
 */
export function estimateOneRepMax(weight: number, reps: number, formula: E1RMFormula = E1RMFormula.EPLEY): number {
  const problems: ValidationProblem[] = [];
  checkLoad(weight, 'weight', problems);
  checkReps(reps, 'reps', problems);
  checkFormula(formula, problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  return weight * repsMultiplier(reps, formula);
}

/**
 * What the upstream app substitutes for Brzycki at `reps >= 37` (where `36 / (37 − reps)` is
 * undefined): `weight × 2.5`. Only {@link estimateOneRepMaxAsStored} uses it.
 *
 * @example
 * ```ts
 * estimateOneRepMaxAsStored(40, 40, 'brzycki') === 40 * BRZYCKI_HIGH_REPS_MULTIPLIER; // true (100)
 * ```
 */
export const BRZYCKI_HIGH_REPS_MULTIPLIER = 2.5;

/**
 * The e1RM exactly as `top_set_logs.e1rm_value` holds it: the formula named in `e1rm_formula`
 * applied to the row's (`weight`, `reps`), with no RPE/RIR adjustment — the upstream app's rule, so
 * a reader can recompute the column from the row (`logWorkout` stores this value, and the pattern
 * exposure made from the set carries the same one).
 *
 * Equals {@link estimateOneRepMax} wherever that is defined (`reps === 1` returns `weight`; Epley
 * `w · (1 + r/30)`, Brzycki `w · 36 / (37 − r)`, Lombardi `w · r^0.10`, O'Conner `w · (1 + r/40)`).
 * The one difference: Brzycki at `reps >= 37` returns `weight × 2.5`
 * ({@link BRZYCKI_HIGH_REPS_MULTIPLIER}) as the app does, instead of throwing, because a stored row
 * must agree with what the app would have stored for the same set.
 *
 * @param weight load lifted, a finite number >= 0
 * @param reps completed reps, an integer >= 1
 * @param formula one of the `E1RMFormula` values; defaults to `'epley'`
 * @throws {DomainArgumentError} naming each invalid argument
 * @example
 * ```ts
 * estimateOneRepMaxAsStored(120, 5, 'oconner'); // 135 (120 · (1 + 5/40)), whatever the set's RPE
 * estimateOneRepMaxAsStored(40, 40, 'brzycki'); // 100 (40 · 2.5)
 * ```
 */
export function estimateOneRepMaxAsStored(weight: number, reps: number, formula: E1RMFormula = E1RMFormula.EPLEY): number {
  const problems: ValidationProblem[] = [];
  checkLoad(weight, 'weight', problems);
  checkReps(reps, 'reps', problems);
  checkFormula(formula, problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  return storedEstimate(weight, reps, formula);
}

/**
 * What {@link estimateOneRepMaxAsStored} multiplies the weight by for `reps` under each of
 * `formulas`, in their order: `estimateOneRepMaxAsStored(w, reps, f) === w * multiplier` for every
 * weight, exactly (the same one IEEE multiplication). It depends on the reps alone, so `logWorkout`
 * sends it as text kept per rep count and lets the statement multiply, rather than formatting
 * every formula's e1RM of every set on every call (issue #23, per-call cost).
 * @throws {DomainArgumentError} naming each invalid argument
 * @example
 * ```ts
 * storedMultipliers(5, ['epley', 'oconner']); // [1.1666…, 1.125]
 * ```
 * @internal
 */
export function storedMultipliers(reps: number, formulas: readonly E1RMFormula[]): number[] {
  const problems: ValidationProblem[] = [];
  checkReps(reps, 'reps', problems);
  for (const formula of formulas) checkFormula(formula, problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  return formulas.map((formula) => storedMultiplier(reps, formula));
}

/** The stored-value rule, on checked arguments. */
function storedEstimate(weight: number, reps: number, formula: E1RMFormula): number {
  return weight * storedMultiplier(reps, formula);
}

/** The stored value's multiplier: Brzycki's substitute at `reps >= 37`, else the formula's. */
function storedMultiplier(reps: number, formula: E1RMFormula): number {
  return formula === E1RMFormula.BRZYCKI && reps >= BRZYCKI_REPS_LIMIT ? BRZYCKI_HIGH_REPS_MULTIPLIER : repsMultiplier(reps, formula);
}

/**
 * Estimates the one-rep max of a set that stopped short of failure, by counting the reps left in
 * reserve as if they had been done: effective reps = `reps + RIR`.
 *
 * When only RPE is given, RIR = `10 − RPE` (RPE 10 ⇒ RIR 0, RPE 8.5 ⇒ RIR 1.5). When both are given,
 * RIR wins: it is the more direct measurement, and RPE is then only checked for range. With neither,
 * this equals {@link estimateOneRepMax}. The 1-rep rule applies to the effective reps, so 1 rep at
 * RPE 10 returns the weight; fractional effective reps go through the formula unchanged.
 *
 * This is an estimate for display and planning, not what is stored: `top_set_logs.e1rm_value` holds
 * the plain formula of (weight, reps) ({@link estimateOneRepMaxAsStored}), because `e1rm_formula`
 * names a plain formula and readers (the upstream app among them) recompute it from the row.
 * `logWorkout` returns this adjusted value beside the stored one, as `TopSetLogRow.e1rmAdjusted`.
 *
 * @throws {DomainArgumentError} naming each invalid argument or option
 * @throws {E1RMRangeError} for Brzycki when `reps + RIR >= 37`
 * @example
 * ```ts
 * estimateOneRepMaxWithEffort(100, 5, { rpe: 8 });             // 123.333… (as 7 reps, Epley)
 * estimateOneRepMaxWithEffort(100, 5, { rir: 1, rpe: 6 });     // 120 (RIR wins: 6 reps)
 * estimateOneRepMaxWithEffort(100, 1, { rpe: 10 });            // 100
 * ```
 */
export function estimateOneRepMaxWithEffort(weight: number, reps: number, options: EffortOptions = {}): number {
  const formula = options?.formula ?? E1RMFormula.EPLEY;
  const rpe = options?.rpe ?? undefined;
  const rir = options?.rir ?? undefined;
  const problems: ValidationProblem[] = [];
  checkLoad(weight, 'weight', problems);
  checkReps(reps, 'reps', problems);
  if (rpe !== undefined && (!isFiniteNumber(rpe) || rpe < 1 || rpe > 10)) {
    problems.push({ path: ['options', 'rpe'], message: 'must be a number between 1 and 10', received: rpe });
  }
  if (rir !== undefined && (!isFiniteNumber(rir) || rir < 0)) {
    problems.push({ path: ['options', 'rir'], message: 'must be a finite number >= 0', received: rir });
  }
  checkFormula(formula, problems, ['options', 'formula']);
  if (problems.length > 0) throw new DomainArgumentError(problems);

  const reserve = rir ?? (rpe === undefined ? 0 : 10 - rpe);
  return weight * repsMultiplier(reps + reserve, formula);
}

/**
 * The inverse of {@link estimateOneRepMax}: the load that `formula` predicts can be lifted for
 * `targetReps` given a one-rep max of `e1rm`. `targetReps === 1` returns `e1rm`. The result is not
 * rounded; pass it to `roundToPlate` for a loadable bar.
 *
 * @param e1rm one-rep max, a finite number >= 0
 * @param targetReps an integer >= 1
 * @param formula defaults to `'epley'`
 * @throws {DomainArgumentError} naming each invalid argument
 * @throws {E1RMRangeError} for Brzycki with `targetReps >= 37`
 * @example
 * ```ts
 * loadForReps(120, 6);            // 100
 * loadForReps(112.5, 5, 'brzycki'); // 100
 * ```
 */
export function loadForReps(e1rm: number, targetReps: number, formula: E1RMFormula = E1RMFormula.EPLEY): number {
  const problems: ValidationProblem[] = [];
  checkLoad(e1rm, 'e1rm', problems);
  checkReps(targetReps, 'targetReps', problems);
  checkFormula(formula, problems);
  if (problems.length > 0) throw new DomainArgumentError(problems);
  return e1rm / repsMultiplier(targetReps, formula);
}

/** e1RM / load for `reps` (validated by the caller; may be fractional when RIR is added). */
function repsMultiplier(reps: number, formula: E1RMFormula): number {
  if (reps === 1) return 1;
  switch (formula) {
    case E1RMFormula.EPLEY:
      return 1 + reps / 30;
    case E1RMFormula.BRZYCKI:
      if (reps >= BRZYCKI_REPS_LIMIT) throw new E1RMRangeError(formula, reps, BRZYCKI_REPS_LIMIT);
      return 36 / (37 - reps);
    case E1RMFormula.LOMBARDI:
      return reps ** 0.1;
    case E1RMFormula.OCONNER:
      return 1 + reps / 40;
    default:
      // Unreachable after checkFormula; kept so a new enum member fails loudly instead of returning NaN.
      throw new DomainArgumentError([{ path: ['formula'], message: 'is not a known e1RM formula', received: formula }]);
  }
}

function checkLoad(value: number, name: string, problems: ValidationProblem[]): void {
  if (!isFiniteNumber(value) || value < 0) {
    problems.push({ path: [name], message: 'must be a finite number >= 0', received: value });
  }
}

function checkReps(value: number, name: string, problems: ValidationProblem[]): void {
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < 1) {
    problems.push({ path: [name], message: 'must be an integer >= 1', received: value });
  }
}

function checkFormula(value: unknown, problems: ValidationProblem[], path: (string | number)[] = ['formula']): void {
  if (typeof value !== 'string' || !FORMULAS.includes(value)) {
    problems.push({ path, message: `must be one of ${FORMULAS.join(', ')}`, received: value });
  }
}
