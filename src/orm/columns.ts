import type { EnumOptions, PropertyOptions, ManyToOneOptions } from '@mikro-orm/core';
import type { EnumCodec } from '../enums/index.js';
import { PgEnumType } from './pg-enum-type.js';

/**
 * Decorator options for a column backed by one of the upstream PostgreSQL enum types.
 * Items are the labels, because that is what the schema holds; the Type converts values.
 * @internal
 */
export function sqlEnum<V extends string | number, L extends string>(
  codec: EnumCodec<V, L>,
  extra: Partial<EnumOptions<object>> = {},
): EnumOptions<object> {
  if (codec.pgType == null) throw new TypeError(`${codec.name} is stored as a string, not a PostgreSQL enum`);
  return { type: new PgEnumType(codec), nativeEnumName: codec.pgType, items: [...codec.dbValues], ...extra };
}

/** A `json` (not jsonb) column, as upstream creates them. @internal */
export function jsonColumn(extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return { type: 'json', columnType: 'json', ...extra };
}

/**
 * A `created_at`-style column: naive UTC, with a server default so raw SQL inserts (which
 * upstream leaves NULL) get a time too. @internal
 */
export function createdAtColumn(extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return timestampColumn({ defaultRaw: UTC_NOW, ...extra });
}

/** SQL for "now, as naive UTC", matching Python's `datetime.utcnow()`. @internal */
export const UTC_NOW = "timezone('utc'::text, now())";

/** A naive-UTC `timestamp without time zone` column. @internal */
export function timestampColumn(extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return { type: 'datetime', columnType: 'timestamp', nullable: true, ...extra };
}

/**
 * Upstream FKs are all `ON DELETE NO ACTION ON UPDATE NO ACTION`; MikroORM would otherwise
 * pick cascade/set null. @internal
 */
export const NO_ACTION = { deleteRule: 'no action', updateRule: 'no action' } as const satisfies Partial<ManyToOneOptions<object, object>>;

/** A `double precision` column read as a JS number (MikroORM's `double` type would yield strings). @internal */
export function doubleColumn(extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return { type: 'float', columnType: 'double precision', ...extra };
}
