// The numeric shape of a program: how long, how often, how its microcycles are cut.
import { isPlainObject } from './checks.js';
import type { ValidationProblem } from './problems.js';
import { checkIntegerInRange, type IntRange } from './ranges.js';

/**
 * Inclusive integer limits of a program's shape. `durationWeeks` mirrors DB check `valid_duration`,
 * `microcycleLengthDays` mirrors `microcycles.valid_length`; `daysPerWeek` (2–7) is documented but not
 * enforced by the database; `deloadEveryNMicrocycles` only needs to be >= 1 (1 = every microcycle).
 *
 * @example
 * ```ts
 * const { min, max } = PROGRAM_LIMITS.durationWeeks; // 8, 12
 * ```
 */
export const PROGRAM_LIMITS = /* @__PURE__ */ Object.freeze({
  durationWeeks: /* @__PURE__ */ Object.freeze({ min: 8, max: 12 }),
  daysPerWeek: /* @__PURE__ */ Object.freeze({ min: 2, max: 7 }),
  deloadEveryNMicrocycles: /* @__PURE__ */ Object.freeze({ min: 1 }),
  microcycleLengthDays: /* @__PURE__ */ Object.freeze({ min: 7, max: 10 }),
} satisfies Record<keyof ProgramShape, IntRange>);

/**
 * Values used when the optional fields of a program shape are omitted: the ORM default of
 * `programs.deload_every_n_microcycles` (4) and a one-week microcycle.
 *
 * @example
 * ```ts
 * const every = shape.deloadEveryNMicrocycles ?? PROGRAM_DEFAULTS.deloadEveryNMicrocycles;
 * ```
 */
export const PROGRAM_DEFAULTS = /* @__PURE__ */ Object.freeze({ deloadEveryNMicrocycles: 4, microcycleLengthDays: 7 } as const);

/**
 * A valid program shape.
 *
 * @example
 * ```ts
 * const shape: ProgramShape = { durationWeeks: 10, daysPerWeek: 4, deloadEveryNMicrocycles: 4, microcycleLengthDays: 7 };
 * ```
 */
export interface ProgramShape {
  durationWeeks: number;
  daysPerWeek: number;
  deloadEveryNMicrocycles?: number;
  microcycleLengthDays?: number;
}

/**
 * What {@link validateProgramShape} accepts: the same keys with untrusted values.
 *
 * @example
 * ```ts
 * const input: ProgramShapeInput = { durationWeeks: body.weeks, daysPerWeek: body.days };
 * ```
 */
export type ProgramShapeInput = { readonly [K in keyof ProgramShape]?: unknown };

/**
 * Checks a program's shape against {@link PROGRAM_LIMITS} and returns every problem at once
 * (empty = valid), each at the field's path. `durationWeeks` and `daysPerWeek` are required;
 * `deloadEveryNMicrocycles` and `microcycleLengthDays` may be left `undefined` (then
 * {@link PROGRAM_DEFAULTS} apply) but `null` is rejected, as the deload column is NOT NULL.
 *
 * @example
 * ```ts
 * validateProgramShape({ durationWeeks: 8, daysPerWeek: 4 }); // []
 * validateProgramShape({ durationWeeks: 13, daysPerWeek: 1.5, microcycleLengthDays: 6 });
 * // three problems: durationWeeks, daysPerWeek, microcycleLengthDays
 * ```
 */
export function validateProgramShape(input: ProgramShapeInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!isPlainObject(input)) {
    problems.push({ path: [], message: 'must be an object { durationWeeks, daysPerWeek, deloadEveryNMicrocycles?, microcycleLengthDays? }', received: input });
    return problems;
  }
  const required: (keyof ProgramShape)[] = ['durationWeeks', 'daysPerWeek'];
  for (const key of Object.keys(PROGRAM_LIMITS) as (keyof ProgramShape)[]) {
    const value = input[key];
    if (value === undefined) {
      if (required.includes(key)) problems.push({ path: [key], message: 'is required' });
      continue;
    }
    checkIntegerInRange(value, [key], PROGRAM_LIMITS[key], problems);
  }
  return problems;
}
