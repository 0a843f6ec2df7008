import { ObjectHydrator, type EntityData, type EntityFactory, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
import { GainslyDataError } from '../orm/errors.js';
import { withRowId } from '../orm/stored-values.js';

/**
 * A column type that refuses stored values it cannot read (`PgEnumType`, `StoredJsonType`,
 * `StoredEnumStringType`): `checkStored` throws the GainslyDataError `convertToJSValue` would.
 * @internal
 */
export interface StrictStoredType {
  checkStored(value: unknown, platform: Platform): void;
}

const strictPropsCache = new WeakMap<EntityMetadata, EntityProperty[]>();

/** The entity's scalar properties whose type is a {@link StrictStoredType}, computed once per entity. */
function strictProps(meta: EntityMetadata): EntityProperty[] {
  let props = strictPropsCache.get(meta);
  if (!props) {
    props = meta.props.filter((prop) => typeof (prop.customType as Partial<StrictStoredType> | undefined)?.checkStored === 'function');
    strictPropsCache.set(meta, props);
  }
  return props;
}

/**
 * MikroORM's hydrator, plus the row id in every GainslyDataError a column type raises while an
 * entity is built from a row.
 *
 * Why a hydrator: the strict column types (`PgEnumType`, `StoredEnumStringType`,
 * `StoredJsonType`) convert one value at a time and never see the row, while the hydrator gets the
 * whole row, primary key included. Nested entities (a populated relation) are hydrated by nested
 * calls, so the innermost call names the row that holds the value.
 * @internal
 */
export class StrictHydrator extends ObjectHydrator {
  override hydrate<T extends object>(
    entity: T,
    meta: EntityMetadata<T>,
    data: EntityData<T>,
    factory: EntityFactory,
    type: 'full' | 'reference',
    newEntity?: boolean,
    convertCustomTypes?: boolean,
    schema?: string,
    parentSchema?: string,
    normalizeAccessors?: boolean,
  ): void {
    try {
      // Every strict column is checked before the entity is touched: MikroORM has already put it in
      // the identity map (as a reference) and would otherwise keep it half-filled, and a later flush
      // could write the half it got. Refused, it stays as it was (its primary key only), and the next
      // read of the row merges the row into it again: the same error, or the row once it is fixed.
      if (convertCustomTypes && type === 'full') {
        for (const prop of strictProps(meta)) {
          const value = (data as Record<string, unknown>)[prop.name];
          if (value != null) (prop.customType as unknown as StrictStoredType).checkStored(value, this.platform);
        }
      }
      super.hydrate(entity, meta, data, factory, type, newEntity, convertCustomTypes, schema, parentSchema, normalizeAccessors);
    } catch (error) {
      if (!(error instanceof GainslyDataError) || error.rowId != null || error.table !== meta.tableName) throw error;
      const key = meta.primaryKeys[0] as string;
      const id = (data as Record<string, unknown>)[key] ?? (entity as Record<string, unknown>)[key];
      throw typeof id === 'number' ? withRowId(error, id) : error;
    }
  }
}
