import { GainslyValidationError } from '../schemas/errors.js';
import { INT4_MAX } from '../schemas/primitives.js';
import { isIsoDate } from '../domain/index.js';

/**
 * Checks an id argument before it reaches a query. MikroORM reads an object as a filter, so an
 * unchecked `{}` or `{ $ne: 0 }` passed as an id would match every row; NaN or a string would
 * reach PostgreSQL as a driver error. Anything but an integer in 1..2^31-1 is a
 * GainslyValidationError naming the argument.
 * @internal
 */
export function requireId(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= INT4_MAX) return value;
  throw new GainslyValidationError([{ path: [name], message: `must be an integer id between 1 and ${INT4_MAX}`, received: value }]);
}

/** {@link requireId} for an optional id (`undefined` and `null` pass through). @internal */
export function optionalId(value: unknown, name: string): number | undefined {
  return value === undefined || value === null ? undefined : requireId(value, name);
}

/** A `'YYYY-MM-DD'` calendar date argument. @internal */
export function requireDate(value: unknown, name: string): string {
  if (isIsoDate(value)) return value;
  throw new GainslyValidationError([{ path: [name], message: "must be a 'YYYY-MM-DD' calendar date", received: value }]);
}

/** A plain string argument of at most `max` characters (filters, names). @internal */
export function requireString(value: unknown, name: string, max = 10_000): string {
  if (typeof value === 'string' && value.length <= max) return value;
  throw new GainslyValidationError([{ path: [name], message: `must be a string of at most ${max} characters`, received: value }]);
}

/** A non-negative integer argument such as a limit or an offset. @internal */
export function requireCount(value: unknown, name: string, max = INT4_MAX): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return value;
  throw new GainslyValidationError([{ path: [name], message: `must be an integer between 0 and ${max}`, received: value }]);
}

/** The validation error for one bad argument. @internal */
export function invalidArgument(name: string, message: string, received: unknown): GainslyValidationError {
  return new GainslyValidationError([{ path: [name], message, received }]);
}

/**
 * The entries of a parsed input that carry a value. An optional key given as `undefined` means
 * "not given": assigning it would overwrite a default with NULL.
 * @internal
 */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
