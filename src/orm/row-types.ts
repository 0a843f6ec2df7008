import { sql, type RawBuilder } from 'kysely';
import type { Opt } from '@mikro-orm/core';

/**
 * The plain-data row of entity `E` for the scalar properties `K`: each property required, its type
 * the entity's (brand and `undefined` removed; `null` kept). Read models derive their row types
 * with it, so renaming an entity property breaks the build where a read model names it.
 *
 * MikroORM's `Opt` brand (a marker for `em.create`) is removed, of a nullable property too.
 *
 * @example
 * ```ts
 * type NameRow = EntityRow<Movement, 'id' | 'name'>; // { id: number; name: string }
 * ```
 */
// `infer T` makes the brand test distribute over the union: `Opt<boolean> | null` is `boolean | null`.
export type EntityRow<E, K extends keyof E> = { -readonly [P in K]-?: Exclude<E[P], undefined> extends infer T ? (T extends Opt<infer U> ? U : T) : never };

/**
 * A read model's key list, checked against its row type: `keysOf<Row>()([...])` compiles only when
 * the list names every key of `Row` and nothing else. The list builds the read model's JSON
 * (`jsonObject`) and the row type derives from the entity ({@link EntityRow}), so the two cannot
 * drift apart.
 *
 * @example
 * ```ts
 * const KEYS = keysOf<EntityRow<Movement, 'id' | 'name'>>()(['id', 'name']);
 * ```
 * @internal
 */
export function keysOf<Row>() {
  return <const K extends readonly (keyof Row & string)[]>(keys: K & ([Exclude<keyof Row, K[number]>] extends [never] ? unknown : { missingKeys: Exclude<keyof Row, K[number]> })): K => keys;
}

/** A read model's keys as their columns: the entity property in snake case, as the naming strategy maps it (`programId` → `program_id`). */
function columnOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * `json_build_object('key', alias.key_column, …)` over a read model's keys (each the entity's
 * property, its column in snake case), then the `extra` entries: PostgreSQL builds the read model's
 * JSON under exactly the names its row type derives from the entity.
 *
 * @example
 * ```ts
 * jsonObject('m', ['id', 'programId']); // json_build_object('id', "m"."id", 'programId', "m"."program_id")
 * ```
 * @internal
 */
export function jsonObject(alias: string, keys: readonly string[], extra: Readonly<Record<string, RawBuilder<unknown>>> = {}): RawBuilder<unknown> {
  const entries = [
    ...keys.map((key) => sql`${sql.lit(key)}, ${sql.ref(`${alias}.${columnOf(key)}`)}`),
    ...Object.entries(extra).map(([key, value]) => sql`${sql.lit(key)}, ${value}`),
  ];
  return sql`json_build_object(${sql.join(entries)})`;
}
