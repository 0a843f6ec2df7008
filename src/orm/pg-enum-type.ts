import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { AnyEnumCodec, EnumCodec } from '../enums/index.js';
import { storedLabel } from './stored-values.js';

/**
 * MikroORM type for a PostgreSQL enum column that the upstream app fills with UPPERCASE labels.
 *
 * Entities hold the semantic value (`'hard_no'`, `3`); the database holds the label (`'HARD_NO'`,
 * `'BALANCED'`). Because the conversion lives in the Type, it applies everywhere MikroORM binds a
 * value: `em.find` conditions, `$in`, QueryBuilder `where`, inserts and updates.
 *
 * A value that is not part of the enum throws `InvalidEnumValueError` before any SQL is sent; a
 * stored label the codec does not know is read as a `GainslyDataError` naming table, row and column.
 *
 * @example
 * ```ts
 * @Enum({ type: new PgEnumType(ENUMS.MovementRuleType), nativeEnumName: 'movementruletype', items: [...ENUMS.MovementRuleType.dbValues] })
 * ruleType!: MovementRuleType;
 * ```
 */
export class PgEnumType<V extends string | number, L extends string> extends Type<V | null | undefined, L | null | undefined> {
  // Public, not #private: MikroORM clones Type instances per property and private fields do not survive that.
  constructor(public readonly codec: EnumCodec<V, L>) {
    super();
  }

  override convertToDatabaseValue(value: V | null | undefined): L | null | undefined {
    return value == null ? value : this.codec.toDb(value);
  }

  /** Throws the GainslyDataError for a stored label the codec does not know (see `StrictHydrator`). */
  checkStored(value: unknown): void {
    if (value != null) this.convertToJSValue(value as L);
  }

  override convertToJSValue(value: L | null | undefined): V | null | undefined {
    if (value == null) return value;
    // A label the database type has and this version does not know (upstream added one) is stored
    // data the library cannot read: a GainslyDataError naming the table and column (the hydrator
    // adds the row id), not the codec's InvalidEnumValueError, which blames the caller's input.
    return storedLabel(this.codec as unknown as AnyEnumCodec & { values: readonly V[] }, value, { table: this.meta?.tableName ?? '?', column: this.prop?.fieldNames?.[0] ?? '?' });
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    // pgType is non-null for every SQL enum; string-only enums never use this Type.
    return this.codec.pgType ?? 'text';
  }

  override compareAsType(): string {
    return 'string';
  }

  override ensureComparable(): boolean {
    return false;
  }

  override get runtimeType(): string {
    return typeof this.codec.values[0] === 'number' ? 'number' : 'string';
  }
}
