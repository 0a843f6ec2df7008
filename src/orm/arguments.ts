// Argument checks of the repositories and scopes, on top of the argument schemas of
// `schemas/inputs/arguments.ts` (one rule per kind of argument, worded once): every public read and
// write parses its arguments here before any SQL.
import { GainslyValidationError, parseArgument, parseOptions } from '../schemas/errors.js';
import { schemas } from './validation.js';

export { parseArgument, parseOptions };

/**
 * Checks an id argument before it reaches a query. MikroORM reads an object as a filter, so an
 * unchecked `{}` or `{ $ne: 0 }` passed as an id would match every row; NaN or a string would
 * reach PostgreSQL as a driver error. Anything but an integer in 1..2^31-1 is a
 * GainslyValidationError naming the argument.
 * @internal
 */
export function requireId(value: unknown, name: string): number {
  return parseArgument(schemas.idArgumentSchema, value, name);
}

/** {@link requireId} for an optional id (`undefined` and `null` pass through). @internal */
export function optionalId(value: unknown, name: string): number | undefined {
  return value === undefined || value === null ? undefined : requireId(value, name);
}

/** A `'YYYY-MM-DD'` calendar date argument (years 0001–9999; no PostgreSQL date words). @internal */
export function requireDate(value: unknown, name: string): string {
  return parseArgument(schemas.calendarDateArgumentSchema, value, name);
}

/** Text schemas by maximum length, built once. */
const TEXT_ARGUMENTS = new Map<number, ReturnType<typeof schemas.textSchema>>();

/**
 * A string argument matched exactly (a name, an e-mail): at most `max` characters, and none that
 * PostgreSQL cannot take (NUL, which would break the connection's protocol, or half a surrogate
 * pair, which the driver would silently turn into U+FFFD). @internal
 */
export function requireString(value: unknown, name: string, max = 10_000): string {
  let schema = TEXT_ARGUMENTS.get(max);
  if (!schema) TEXT_ARGUMENTS.set(max, (schema = schemas.textSchema(max)));
  return parseArgument(schema, value, name);
}

/**
 * `from` and `to` of a positional date range (`findByUserInDateRange(userId, from, to)`): both real
 * calendar dates, `from` not after `to`. @internal
 */
export function requireDateRange(from: unknown, to: unknown): { from: string; to: string } {
  const range = { from: requireDate(from, 'from'), to: requireDate(to, 'to') };
  if (range.to < range.from) throw invalidArgument('to', `must not be before from (${range.from})`, to);
  return range;
}

/** Keys of MikroORM `FindOptions` the library checks; the others are MikroORM's to check. */
const PAGING_KEYS = ['limit', 'offset'] as const;

/**
 * A MikroORM `FindOptions` argument passed through to `em.find` (the generic finders): a plain
 * object (or nothing), whose `limit` and `offset`, when given, are the library's list limits.
 * Its other keys (`orderBy`, `populate`, ...) are MikroORM's API and checked by MikroORM.
 * @internal
 */
export function checkFindOptions<T>(options: T, name = 'options'): T {
  if (options === undefined || options === null) return options;
  if (!isPlainObject(options)) throw invalidArgument(name, 'must be an object of MikroORM find options', options);
  const given = options as Record<string, unknown>;
  for (const key of PAGING_KEYS) {
    if (given[key] != null) parseArgument(key === 'limit' ? schemas.limitArgumentSchema : schemas.offsetArgumentSchema, given[key], [name, key]);
  }
  return options;
}

/**
 * A MikroORM filter argument (`where`) of a generic finder: a plain object. Its conditions are
 * MikroORM's API; the library adds its own (the owner) after them, so they cannot widen it.
 * @internal
 */
export function checkFilter<T>(where: T, name = 'where'): T {
  if (!isPlainObject(where)) throw invalidArgument(name, 'must be an object (a MikroORM filter)', where);
  return where;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The validation error for one bad argument. @internal */
export function invalidArgument(name: string, message: string, received: unknown): GainslyValidationError {
  return new GainslyValidationError([{ path: [name], message, received }], 'arguments');
}

/**
 * The entries of a parsed input that carry a value. An optional key given as `undefined` means
 * "not given": assigning it would overwrite a default with NULL.
 * @internal
 */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
