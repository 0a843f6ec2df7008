// The validation error lives here, in the browser-safe layer, because the schemas throw it and
// `schemas` may not import `orm`. Its base, GainslyError, lives one layer further down (enums) so the
// enum codecs and the domain helpers can extend it too; it is re-exported from here.
import type * as z from 'zod';
import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../enums/index.js';
import { fastParse, UNDECIDED } from './fast-parse.js';
import { formatIssuePath, gainslyErrorMap, previewValue } from './messages.js';

export { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode };

/** Keys that could reach a prototype through assignment or merging; see `FORBIDDEN_JSON_KEYS`. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Issues shown in `message`; all of them stay in `issues`. Keeps log lines bounded for huge inputs. */
const MESSAGE_MAX_ISSUES = 50;

/**
 * One problem with an input: where (`path` from the input's root), what (`message`, phrased to
 * follow the path), the offending value when there is one (`received`) and zod's issue code
 * (`code`, e.g. `'too_small'`, `'custom'` for domain rules).
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: ['topSets', 0, 'reps'], message: 'must be >= 1', received: 0, code: 'too_small' };
 * ```
 */
export interface ValidationIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly received?: unknown;
  readonly code?: string;
}

/**
 * Thrown when an input fails its schema. It lists **every** problem found (not just the first), each
 * with its path, message and received value, so a form or API response can show them all at once.
 * Nothing has been written when it is thrown: inputs are parsed before any SQL.
 *
 * The message reads `Invalid LogWorkoutInput: topSets[0].reps: must be >= 1 (received 0); …`;
 * received values are shortened (long strings cut at ~80 chars) and formatting never throws, whatever
 * the value. `issues` keep the raw received values; `toJSON()` gives a serialisable summary.
 *
 * @example
 * ```ts
 * try {
 *   parseInput(logWorkoutInputSchema, body, 'LogWorkoutInput');
 * } catch (error) {
 *   if (error instanceof GainslyValidationError) {
 *     error.issues.map((i) => i.path.join('.')); // ['date', 'topSets.0.reps']
 *   }
 * }
 * ```
 */
export class GainslyValidationError extends GainslyError {
  override readonly name: string = 'GainslyValidationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.VALIDATION;
  /** Every problem, in the order found. Frozen. */
  readonly issues: readonly ValidationIssue[];
  /** Name of the input that failed, e.g. `'LogWorkoutInput'`, when the caller gave one. */
  readonly input?: string;

  /**
   * @param issues - every problem found; at least one
   * @param input - the input's name for the message, e.g. `'LogWorkoutInput'`
   * @example
   * ```ts
   * throw new GainslyValidationError([{ path: ['date'], message: 'is required' }], 'SorenessInput');
   * ```
   */
  constructor(issues: readonly ValidationIssue[], input?: string, options?: ErrorOptions) {
    super(formatValidationMessage(issues, input), options);
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: [...issue.path] })));
    if (input !== undefined) this.input = input;
  }

  /**
   * Converts a zod error into a GainslyValidationError: one issue per zod issue, except that an
   * unknown-keys issue becomes one issue per key (path ending in the key, received = its value) so
   * each typo is located like any other problem.
   *
   * @example
   * ```ts
   * const result = schema.safeParse(value, { reportInput: true });
   * if (!result.success) throw GainslyValidationError.fromZodError(result.error, 'MovementInput');
   * ```
   */
  static fromZodError(error: z.core.$ZodError, input?: string): GainslyValidationError {
    // `new this`, not the class by name: a class that names itself inside its body is given an inner
    // binding `_GainslyValidationError` by esbuild, and that becomes its runtime name (tsup.config.ts).
    return new this(issuesFromZod(error.issues), input, { cause: error });
  }

  /**
   * A JSON-safe summary for API responses and structured logs: received values are rendered as
   * short strings (raw values may be huge, circular or not serialisable).
   *
   * @example
   * ```ts
   * res.status(400).json(error.toJSON());
   * ```
   */
  toJSON(): { name: string; code: GainslyErrorCode; message: string; input?: string; issues: { path: (string | number)[]; message: string; code?: string; received?: string }[] } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.input === undefined ? {} : { input: this.input }),
      issues: this.issues.map((issue) => ({
        path: [...issue.path],
        message: issue.message,
        ...(issue.code === undefined ? {} : { code: issue.code }),
        ...('received' in issue ? { received: previewValue(issue.received) } : {}),
      })),
    };
  }
}

/**
 * Parses `value` with `schema` and returns the parsed (typed, defaulted, trimmed) data, or throws a
 * {@link GainslyValidationError} listing **all** problems. Repositories call it before any SQL.
 *
 * @param schema - any zod schema, usually one of `INPUT_SCHEMAS`
 * @param value - the untrusted input
 * @param inputName - the input's name for the message, e.g. `'LogWorkoutInput'`
 * @throws {GainslyValidationError} when the value does not match
 * @example
 * ```ts
 * const data = parseInput(sorenessInputSchema, { date: '2026-01-05', bodyPart: 'quads', soreness: 3 }, 'SorenessInput');
 * data.soreness; // 3
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, inputName?: string): z.output<S> {
  const fast = tryFastParse(schema, value);
  if (fast !== UNDECIDED) return fast as z.output<S>;
  // reportInput keeps each issue's offending value so the error can show it; the error map gives
  // the library's wording to any issue a schema did not word itself.
  const result = schema.safeParse(value, { error: gainslyErrorMap, reportInput: true });
  if (result.success) return result.data;
  throw GainslyValidationError.fromZodError(result.error, inputName);
}

/**
 * The valid input's output without zod's machinery (fast-parse.ts), or {@link UNDECIDED}. Input
 * that throws when read (a proxy's trap, a getter) is left to zod, which fails as it always did.
 */
function tryFastParse(schema: z.ZodType, value: unknown): unknown {
  try {
    return fastParse(schema, value);
  } catch {
    return UNDECIDED;
  }
}

function issuesFromZod(zodIssues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const zodIssue of zodIssues) {
    const path = zodIssue.path.map((segment) => (typeof segment === 'symbol' ? String(segment.description ?? 'symbol') : segment));
    if (zodIssue.code === 'unrecognized_keys') {
      for (const key of zodIssue.keys) {
        const issue: { path: (string | number)[]; message: string; code: string; received?: unknown } = {
          path: [...path, key],
          message: PROTOTYPE_KEYS.has(key)
            ? `forbidden key ${JSON.stringify(key)} (prototype-pollution guard)`
            : unknownKeyMessage(zodIssue.message),
          code: 'unrecognized_keys',
        };
        const own = ownDataValue(zodIssue.input, key);
        if (own.found) issue.received = own.value;
        issues.push(issue);
      }
      continue;
    }
    const issue: { path: (string | number)[]; message: string; code: string; received?: unknown } = {
      path,
      message: zodIssue.message,
      code: zodIssue.code,
    };
    if ('input' in zodIssue && zodIssue.input !== undefined) issue.received = zodIssue.input;
    issues.push(issue);
  }
  return issues;
}

/** Keeps the allowed-keys hint a strict schema put in its message, in per-key wording. */
function unknownKeyMessage(zodMessage: string): string {
  const allowed = /allowed keys: (.*)$/.exec(zodMessage)?.[1];
  return allowed ? `is not a known key (allowed keys: ${allowed})` : 'is not a known key';
}

/** The value of an own data property, without running getters or proxy traps that could throw. */
function ownDataValue(input: unknown, key: string): { found: boolean; value?: unknown } {
  try {
    if (typeof input !== 'object' || input === null) return { found: false };
    const descriptor = Object.getOwnPropertyDescriptor(input, key);
    return descriptor && 'value' in descriptor ? { found: true, value: descriptor.value } : { found: false };
  } catch {
    return { found: false };
  }
}

function formatValidationMessage(issues: readonly ValidationIssue[], input: string | undefined): string {
  const shown = issues.slice(0, MESSAGE_MAX_ISSUES).map((issue) => {
    const received = 'received' in issue ? ` (received ${previewValue(issue.received)})` : '';
    return `${formatIssuePath(issue.path)}: ${issue.message}${received}`;
  });
  const more = issues.length > MESSAGE_MAX_ISSUES ? `; … and ${issues.length - MESSAGE_MAX_ISSUES} more` : '';
  return `Invalid ${input ?? 'input'}: ${shown.length === 0 ? 'no details' : shown.join('; ')}${more}`;
}

/** What each options schema makes of no options at all (see {@link parseOptions}). */
const NO_OPTIONS = new WeakMap<z.ZodType, unknown>();

/** Input name of positional-argument errors: `Invalid arguments: userId: must be …`. */
const ARGUMENTS = 'arguments';

/**
 * Parses one positional argument (an id, a date, a name) and returns it, or throws a
 * {@link GainslyValidationError} whose issue path is the parameter's name.
 *
 * @param schema - the argument's schema, e.g. {@link idArgumentSchema}
 * @param value - what the caller passed
 * @param name - the parameter's name, e.g. `'programId'`, or its path (`['options', 'limit']`)
 * @throws {GainslyValidationError} when the value does not match
 * @example
 * ```ts
 * const id = parseArgument(idArgumentSchema, req.params.id, 'programId'); // throws on '12'
 * ```
 */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, name: string | readonly (string | number)[]): z.output<S> {
  const fast = tryFastParse(schema, value);
  if (fast !== UNDECIDED) return fast as z.output<S>;
  const result = schema.safeParse(value, { error: gainslyErrorMap, reportInput: true });
  if (result.success) return result.data;
  const prefix = typeof name === 'string' ? [name] : [...name];
  const issues = GainslyValidationError.fromZodError(result.error).issues.map((issue): ValidationIssue => ({ ...issue, path: [...prefix, ...issue.path] }));
  throw new GainslyValidationError(issues, ARGUMENTS, { cause: result.error });
}

/**
 * Parses an options or filter object argument (a date range, a search filter, `{ userId }`);
 * `undefined` and `null` mean "none given" and parse as `{}`. Issue paths are relative to the
 * object, as in an input (`from`, `days`), and the error names the object's type (`inputName`).
 *
 * @param schema - the object's schema, e.g. {@link dateRangeSchema}
 * @param value - what the caller passed
 * @param inputName - the object's type name for the message, e.g. `'DateRange'`
 * @throws {GainslyValidationError} when the value does not match
 * @example
 * ```ts
 * const range = parseOptions(dateRangeSchema, { from: '2026-01-01' }, 'DateRange');
 * ```
 */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, inputName: string): z.output<S> {
  // No options (the common call) parse to the same value every time: parsed once per schema, frozen
  // so that no caller can change what the next one gets (issue #23, per-call cost).
  if (value == null) {
    let parsed = NO_OPTIONS.get(schema);
    if (parsed === undefined) NO_OPTIONS.set(schema, (parsed = Object.freeze(parseOptions(schema, {}, inputName))));
    return parsed as z.output<S>;
  }
  return parseInput(schema, value, inputName);
}
