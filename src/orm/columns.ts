import { JsonType, StringType, type EnumOptions, type ManyToOneOptions, type Platform, type PropertyOptions, type TransformContext } from '@mikro-orm/core';
import type { AnyEnumCodec, EnumCodec } from '../enums/index.js';
import { enumValueShape, storedValueError, type StoredShape } from './stored-values.js';
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

/**
 * A `json` (not jsonb) column, as upstream creates them, whose stored value must have `shape` when
 * read (see `StoredJsonType`). @internal
 */
export function jsonColumn(shape: StoredShape, extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return { type: new StoredJsonType(shape), columnType: 'json', ...extra };
}

/**
 * A varchar column holding an enum's semantic value (the `movements` classification columns), which
 * must be one when read (see `StoredEnumStringType`). @internal
 */
export function enumStringColumn(codec: AnyEnumCodec, extra: Partial<PropertyOptions<object>> = {}): PropertyOptions<object> {
  return { type: new StoredEnumStringType(codec), ...extra };
}

/**
 * MikroORM's JSON type, strict on read: a stored value that does not fit the column's shape (a tag
 * list holding a string) is a GainslyDataError naming table and column (and, through the hydrator,
 * the row), instead of an entity property typed `string[]` holding a string. Writes are unchanged:
 * the write inputs are validated by the zod schemas before they get here.
 * @internal
 */
export class StoredJsonType extends JsonType {
  // Public, not #private: MikroORM clones Type instances per property and private fields do not survive that.
  constructor(public readonly shape: StoredShape) {
    super();
  }

  override convertToJSValue(value: unknown, platform: Platform, context?: TransformContext): unknown {
    const parsed: unknown = super.convertToJSValue(value as never, platform, context);
    this.checkStored(parsed, platform);
    return parsed;
  }

  /** Throws the GainslyDataError for a stored value that does not fit (see `StrictHydrator`). */
  checkStored(value: unknown, platform: Platform): void {
    const parsed: unknown = typeof value === 'string' ? super.convertToJSValue(value as never, platform) : value;
    if (parsed == null || this.shape.fits(parsed)) return;
    throw storedValueError({ table: this.meta?.tableName ?? '?', column: this.prop?.fieldNames?.[0] ?? '?' }, parsed, this.shape.expected);
  }
}

/**
 * MikroORM's string type, strict on read: the value must be one of the codec's semantic values.
 * Conditions and writes pass through unchanged (arguments and inputs are validated before SQL), so
 * a filter such as `{ pattern: { $in: [...] } }` behaves as with a plain string column.
 * @internal
 */
export class StoredEnumStringType extends StringType {
  constructor(public readonly codec: AnyEnumCodec) {
    super();
  }

  override convertToJSValue(value: string): string {
    this.checkStored(value);
    return value;
  }

  /** Throws the GainslyDataError for a stored value outside the enum (see `StrictHydrator`). */
  checkStored(value: unknown): void {
    if (value == null || this.codec.is(value)) return;
    throw storedValueError({ table: this.meta?.tableName ?? '?', column: this.prop?.fieldNames?.[0] ?? '?' }, value, enumValueShape(this.codec).expected);
  }
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
