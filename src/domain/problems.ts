import { GainslyError, type GainslyErrorCode } from '../enums/index.js';

/**
 * One thing wrong with an input, located by its path inside that input.
 *
 * Validators in `@gainsly/db/domain` return every problem they find at once (an empty array means
 * valid), so a form or an API error can show all of them instead of one per round trip.
 *
 * @example
 * ```ts
 * const problem: ValidationProblem = {
 *   path: [1, 'weight'],
 *   message: 'must be an integer >= 0',
 *   received: -2,
 * };
 * ```
 */
export interface ValidationProblem {
  /** Keys and array indexes from the root of the input to the offending value; `[]` is the input itself. */
  path: (string | number)[];
  /** Human-readable reason, phrased to follow the path (e.g. `"must be an integer"`). */
  message: string;
  /** The offending value, when there is a single one to show. */
  received?: unknown;
}

/**
 * Renders problems as one line each, `path: message (received …)`, for error messages and logs.
 *
 * @example
 * ```ts
 * formatValidationProblems([{ path: ['durationWeeks'], message: 'must be between 8 and 12', received: 13 }]);
 * // => 'durationWeeks: must be between 8 and 12 (received 13)'
 * ```
 */
export function formatValidationProblems(problems: readonly ValidationProblem[]): string {
  return problems
    .map((problem) => {
      const where = problem.path.length === 0 ? '(root)' : problem.path.join('.');
      const received = 'received' in problem ? ` (received ${describeValue(problem.received)})` : '';
      return `${where}: ${problem.message}${received}`;
    })
    .join('\n');
}

/**
 * Thrown by the computing helpers (e1RM, plate rounding, microcycle planning, pattern strength) when
 * an argument is out of its domain. Validators never throw; they return {@link ValidationProblem}s.
 *
 * A {@link GainslyError} (code `GAINSLY_DOMAIN_ARGUMENT`; it used to extend `RangeError`, but the library
 * lets no platform `RangeError`/`TypeError` escape a public function). It carries the same `problems`
 * a validator would return, so both paths can be reported alike.
 *
 * @example
 * ```ts
 * try {
 *   estimateOneRepMax(-5, 3);
 * } catch (error) {
 *   if (error instanceof DomainArgumentError) console.log(error.argument); // 'weight'
 * }
 * ```
 */
export class DomainArgumentError extends GainslyError {
  override readonly name: string = 'DomainArgumentError';
  override readonly code: GainslyErrorCode = 'GAINSLY_DOMAIN_ARGUMENT'; // a literal: see GainslyError.code
  /** Every problem found in the arguments, in argument order. */
  readonly problems: readonly ValidationProblem[];
  /** Name of the first offending argument (the first path segment of the first problem). */
  readonly argument: string;

  constructor(problems: readonly ValidationProblem[]) {
    super(formatValidationProblems(problems));
    this.problems = problems;
    this.argument = String(problems[0]?.path[0] ?? '');
  }
}

/** Short, safe rendering of an arbitrary value for messages (no huge dumps, no throwing on cycles). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}
