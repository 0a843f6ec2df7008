import type { Opt } from '@mikro-orm/core';

/** `T` without MikroORM's `Opt` brand (a marker for `em.create`, meaningless on plain data). */
export type Unbranded<T> = T extends Opt<infer U> ? U : T;

/**
 * The plain-data row of entity `E` for the scalar properties `K`: each property required, its type
 * the entity's (brand and `undefined` removed; `null` kept). Read models derive their row types
 * with it, so renaming an entity property breaks the build where a read model names it.
 *
 * @example
 * ```ts
 * type NameRow = EntityRow<Movement, 'id' | 'name'>; // { id: number; name: string }
 * ```
 * @internal
 */
export type EntityRow<E, K extends keyof E> = { -readonly [P in K]-?: Unbranded<Exclude<E[P], undefined>> };
