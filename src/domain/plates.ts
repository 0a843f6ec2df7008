// Unit conversion and rounding a computed load to something that can actually be put on a bar.
import { isFiniteNumber } from './checks.js';
import { DomainArgumentError, type ValidationProblem } from './problems.js';

/**
 * Kilograms in one international avoirdupois pound — exact by definition (1959), so conversions
 * round-trip without drift from a truncated factor like 2.2046.
 *
 * @example
 * ```ts
 * const kg = 225 * KG_PER_LB; // 102.0582…
 * ```
 */
export const KG_PER_LB = 0.45359237;

/**
 * Default rounding step per unit system: the smallest total change you can make to a barbell with the
 * smallest common plate pair — two 1.25 kg plates (2.5 kg) or two 2.5 lb plates (5 lb), one per side.
 * Gyms with fractional plates or dumbbells pass their own `increment` to {@link roundToPlate}.
 *
 * @example
 * ```ts
 * DEFAULT_PLATE_INCREMENTS.kg; // 2.5
 * DEFAULT_PLATE_INCREMENTS.lb; // 5
 * ```
 */
export const DEFAULT_PLATE_INCREMENTS = /* @__PURE__ */ Object.freeze({ kg: 2.5, lb: 5 } as const);

/**
 * How {@link roundToPlate} picks a multiple of the increment: `'nearest'` (exact halves go up),
 * `'down'` (never heavier than planned — typical for prescriptions) or `'up'`.
 *
 * @example
 * ```ts
 * const mode: PlateRoundingMode = 'down';
 * ```
 */
export type PlateRoundingMode = 'nearest' | 'down' | 'up';

/**
 * Options of {@link roundToPlate}.
 *
 * @example
 * ```ts
 * const options: RoundToPlateOptions = { useMetric: false, mode: 'down' };
 * ```
 */
export interface RoundToPlateOptions {
  /** `true` = kg, `false` = lb, as in `user_settings.use_metric`; picks the default increment. */
  useMetric: boolean;
  /** Step to round to, in the same unit as the load; > 0. Defaults to {@link DEFAULT_PLATE_INCREMENTS}. */
  increment?: number;
  /** Defaults to `'nearest'`. */
  mode?: PlateRoundingMode;
}

/**
 * Rounds `load` to a multiple of the plate increment. The load is taken to be in the unit selected by
 * `useMetric` (no conversion happens here; use {@link kgToLb} / {@link lbToKg} first).
 *
 * Results are cleaned of binary floating-point noise (`0.1 · 3` gives `0.3`, not `0.30000000000000004`),
 * and a load that is already a multiple (within 1e-9 of a step) is returned as that multiple in every mode.
 *
 * @throws {DomainArgumentError} when `load` is negative or not finite, `increment` is not
 * a finite number > 0, or `mode` is unknown
 * @example
 * ```ts
 * roundToPlate(101.3, { useMetric: true });                // 102.5
 * roundToPlate(101.3, { useMetric: true, mode: 'down' });  // 100
 * roundToPlate(223, { useMetric: false });                 // 225
 * roundToPlate(61.1, { useMetric: true, increment: 0.5 }); // 61
 * ```
 */
export function roundToPlate(load: number, options: RoundToPlateOptions): number {
  const problems: ValidationProblem[] = [];
  if (!isFiniteNumber(load) || load < 0) {
    problems.push({ path: ['load'], message: 'must be a finite number >= 0', received: load });
  }
  if (typeof options?.useMetric !== 'boolean') {
    problems.push({ path: ['options', 'useMetric'], message: 'must be a boolean (true = kg, false = lb)', received: options?.useMetric });
  }
  const increment = options?.increment ?? (options?.useMetric === false ? DEFAULT_PLATE_INCREMENTS.lb : DEFAULT_PLATE_INCREMENTS.kg);
  if (!isFiniteNumber(increment) || increment <= 0) {
    problems.push({ path: ['options', 'increment'], message: 'must be a finite number > 0', received: increment });
  }
  const mode = options?.mode ?? 'nearest';
  if (mode !== 'nearest' && mode !== 'down' && mode !== 'up') {
    problems.push({ path: ['options', 'mode'], message: "must be 'nearest', 'down' or 'up'", received: mode });
  }
  if (problems.length > 0) throw new DomainArgumentError(problems);

  let steps = load / increment;
  // Snap near-integers first, otherwise 0.3 / 0.1 = 2.9999999999999996 would floor to 2 in 'down' mode.
  const nearest = Math.round(steps);
  if (Math.abs(steps - nearest) < 1e-9) steps = nearest;
  const whole = mode === 'down' ? Math.floor(steps) : mode === 'up' ? Math.ceil(steps) : Math.round(steps);
  return cleanFloat(whole * increment);
}

/**
 * Converts kilograms to pounds (exact factor, unrounded). Negative values convert too, so load
 * differences can be converted; non-finite input throws instead of spreading `NaN` into a plan.
 *
 * @throws {DomainArgumentError} when `kg` is not a finite number
 *
 * @example
 * ```ts
 * kgToLb(100); // 220.46226218487757
 * ```
 */
export function kgToLb(kg: number): number {
  assertFinite(kg, 'kg');
  return kg / KG_PER_LB;
}

/**
 * Converts pounds to kilograms (exact factor, unrounded); same input rules as {@link kgToLb}.
 *
 * @throws {DomainArgumentError} when `lb` is not a finite number
 *
 * @example
 * ```ts
 * lbToKg(225); // 102.05828325
 * ```
 */
export function lbToKg(lb: number): number {
  assertFinite(lb, 'lb');
  return lb * KG_PER_LB;
}

/** Drops floating-point noise below 1e-9 by going through a fixed decimal representation. */
function cleanFloat(value: number): number {
  return Number(value.toFixed(9));
}

function assertFinite(value: number, name: string): void {
  if (!isFiniteNumber(value)) throw new DomainArgumentError([{ path: [name], message: 'must be a finite number', received: value }]);
}
