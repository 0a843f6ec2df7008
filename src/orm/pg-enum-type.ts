import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { EnumCodec } from '../enums/index.js';

/**
 * MikroORM type for a PostgreSQL enum column that the upstream app fills with UPPERCASE labels.
 *
 * Entities hold the semantic value (`'hard_no'`, `3`); the database holds the label (`'HARD_NO'`,
 * `'BALANCED'`). Because the conversion lives in the Type, it applies everywhere MikroORM binds a
 * value: `em.find` conditions, `$in`, QueryBuilder `where`, inserts and updates.
 *
 * A value that is not part of the enum throws `InvalidEnumValueError` before any SQL is sent.
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

  override convertToJSValue(value: L | null | undefined): V | null | undefined {
    return value == null ? value : this.codec.fromDb(value);
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
