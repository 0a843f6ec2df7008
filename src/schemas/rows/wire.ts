// Building blocks of the row schemas: the wire form of each column type, and the types that turn
// a wire row (timestamps as ISO strings, what JSON carries) into the row the library returns
// (timestamps as `Date`). docs/rows.md explains the scheme.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import type { AnyEnumCodec } from '../../enums/index.js';

/**
 * An integer column or id.
 * @example
 * ```ts
 * wireInt.parse(42);
 * ```
 */
export const wireInt = z.number().int();
/**
 * A `double precision` column.
 * @example
 * ```ts
 * wireNumber.parse(82.5);
 * ```
 */
export const wireNumber = z.number();
/**
 * A `date` column: `'YYYY-MM-DD'`.
 * @example
 * ```ts
 * wireDate.parse('2026-01-06');
 * ```
 */
export const wireDate = z.iso.date();
/**
 * A `timestamp` column on the wire: an ISO 8601 date-time in UTC (`Date.prototype.toJSON`).
 * @example
 * ```ts
 * wireTimestamp.parse(new Date().toJSON());
 * ```
 */
export const wireTimestamp = z.iso.datetime();
/**
 * A JSON object column whose keys the library does not interpret.
 * @example
 * ```ts
 * wireJsonObject.parse({ steps: 1000 });
 * ```
 */
export const wireJsonObject = z.record(z.string(), z.json());
/**
 * A JSON list of strings (tag lists, cues).
 * @example
 * ```ts
 * wireStringList.parse(['barbell']);
 * ```
 */
export const wireStringList = z.array(z.string());
/**
 * A list of exercise block objects (`sessions.main_json`, …).
 * @example
 * ```ts
 * wireObjectList.parse([{ movement: 'Back Squat', sets: 3 }]);
 * ```
 */
export const wireObjectList = z.array(wireJsonObject);

/**
 * An enum column: its semantic values (`'hard_no'`, never the label `'HARD_NO'`).
 * @example
 * ```ts
 * wireEnum(ENUMS.MovementRuleType).parse('hard_no');
 * ```
 */
export function wireEnum<V extends string | number>(codec: AnyEnumCodec & { readonly values: readonly V[] }) {
  return z.literal(codec.values);
}

/**
 * The wire form of a row type: every `Date` (a `timestamp` column) as the ISO string
 * `JSON.stringify` writes, recursively through nested rows. What a front end receives.
 *
 * @example
 * ```ts
 * const body: Wire<WorkoutLogRow> = JSON.parse(await response.text());
 * new Date(body.createdAt ?? 0);
 * ```
 */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/**
 * A wire row with its `timestamp` keys `K` as `Date` (nullable where the column is).
 * @example
 * ```ts
 * type WorkoutLogRow = WithDates<z.infer<typeof workoutLogRowSchema>, 'createdAt'>;
 * ```
 */
export type WithDates<W, K extends keyof W> = { [P in keyof W]: P extends K ? (null extends W[P] ? Date | null : Date) : W[P] };

/**
 * A row (or page, or list of rows) in its wire form: every `Date` as the ISO string
 * `JSON.stringify` writes, recursively; everything else as it is (a new object, the row untouched).
 * For a framework that validates responses with the wire schemas before serialising them.
 * @example
 * ```ts
 * const page = await me.workouts.list({ include: ['topSets'] });
 * reply.send(toWire(page)); // pageSchema(workoutLogRowSchema) accepts it
 * ```
 */
export function toWire<T>(value: T): Wire<T> {
  if (value instanceof Date) return value.toJSON() as Wire<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => toWire(item)) as Wire<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toWire(item);
    return out as Wire<T>;
  }
  return value as Wire<T>;
}
