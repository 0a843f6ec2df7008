// Loading one row on behalf of a user, for a read or for a write that checks it first: the row is
// found through the table's ownership rule (./ownership.ts), and another user's row is reported as
// not found whether it exists or not (DESIGN.md section 3; docs/user-data.md, "What a user owns").
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { GainslyNotFoundError } from '../orm/errors.js';
import { requireId } from '../orm/arguments.js';
import { sql, type RawBuilder } from 'kysely';
import { oneRow, type RowInclude } from '../orm/rows.js';
import { ownedBy, ownedSql, tableOfEntity } from './ownership.js';
import { User } from './users/user.entity.js';

/** An entity class (no top-level use here: see the note in ./ownership.ts). */
type EntityClass<T> = abstract new (...args: never[]) => T;

/** How an id argument of an entity is named in a validation error: `WorkoutLog` → `workoutLogId`. */
function idArgument(entity: { readonly name: string }): string {
  return `${entity.name.charAt(0).toLowerCase()}${entity.name.slice(1)}Id`;
}

/**
 * The row `id` of `entity` that `userId` owns (by {@link ownedBy}), or, with `where`, that matches
 * that filter instead (a movement a user may use: theirs or a system one). `id` is validated as
 * `<entity>Id` (`sessionId`, `userMovementRuleId`); a missing row, or another user's, is
 * `GainslyNotFoundError` naming the entity, its table, the id and the user.
 * @example
 * ```ts
 * const session = await findOwned(em, Session, sessionId, userId);
 * ```
 * @internal
 */
export async function findOwned<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: number,
  userId: number,
  options: { where?: FilterQuery<T>; populate?: readonly string[] } = {},
): Promise<T> {
  const where = { id: requireId(id, idArgument(entity)), ...((options.where ?? ownedBy(entity, userId)) as object) } as FilterQuery<T>;
  const found = await em.findOne(entity as never, where as never, options.populate ? ({ populate: options.populate } as never) : undefined);
  if (!found) {
    const meta = em.getMetadata().get(entity as never);
    throw new GainslyNotFoundError(meta.className, meta.tableName, { id, userId });
  }
  return found as T;
}

/**
 * The user a write names as owner: a user that does not exist is `GainslyNotFoundError`, as for
 * every other missing row, rather than a foreign-key violation at INSERT (which would also abort
 * the caller's transaction). A user the EntityManager already holds costs no query.
 * @example
 * ```ts
 * const user = await requireOwner(em, userId);
 * ```
 * @internal
 */
export async function requireOwner(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, { id: userId });
  if (!user) throw new GainslyNotFoundError('User', 'users', { id: userId });
  return user;
}

/**
 * {@link findOwned} as a plain row (src/orm/rows.ts): one of the user's rows by id, with `include`
 * nested, in one statement; another user's row is "not found" like a missing one. `where` replaces
 * the ownership condition (the movements a user may use).
 */
export async function findOwnedRow<R>(
  em: EntityManager,
  entity: EntityClass<object>,
  id: number,
  userId: number,
  include: readonly RowInclude[] = [],
  where?: (t: RawBuilder<unknown>, user: number) => RawBuilder<unknown>,
): Promise<R> {
  requireId(id, idArgument(entity));
  const owned = where ?? ((t: RawBuilder<unknown>, user: number) => ownedSql(tableOfEntity(entity), t, user));
  const row = await oneRow<R, { id: number; user: number }>(em as never, entity, where ? 'visible' : 'owned', (p) => [sql`t.id = ${p.id}`, owned(sql.ref('t'), p.user)], { id, user: userId }, include);
  if (row === undefined) {
    const meta = em.getMetadata().get(entity as never);
    throw new GainslyNotFoundError(meta.className, meta.tableName, { id, userId });
  }
  return row;
}
