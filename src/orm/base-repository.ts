import { EntityRepository } from '@mikro-orm/postgresql';
import type { FilterQuery, FindOptions, Loaded } from '@mikro-orm/core';
import { GainslyNotFoundError } from './errors.js';
import { checkFilter, checkFindOptions, requireDateRange, requireId } from './arguments.js';
import { afterRecordedWrite, routeRead } from './replicas.js';

/**
 * Base of every Gainsly repository: MikroORM's SQL repository plus the finders every table has.
 *
 * @example
 * ```ts
 * const user = await em.getRepository(User).getById(42); // throws GainslyNotFoundError when absent
 * ```
 */
export class GainslyRepository<T extends object> extends EntityRepository<T> {
  /**
   * The row with this primary key, or `null`.
   * @example
   * ```ts
   * const program = await em.getRepository(Program).findById(7);
   * ```
   */
  async findById(id: number): Promise<T | null> {
    return this.findOne({ id: requireId(id, 'id') } as FilterQuery<T>);
  }

  /**
   * The row with this primary key; throws {@link GainslyNotFoundError} naming the table and id when absent.
   * @example
   * ```ts
   * const session = await em.getRepository(Session).getById(3);
   * ```
   */
  async getById(id: number): Promise<T> {
    const found = await this.findById(id);
    if (!found) throw new GainslyNotFoundError(this.meta().className, this.meta().tableName, { id });
    return found;
  }

  /**
   * Runs a read model's statements where the read may go: on an ORM with read replicas, a replica
   * that has replayed `userId`'s writes through this ORM, else the primary (see orm/replicas.ts).
   * @internal
   */
  protected routed<R>(userId: number | undefined, read: () => Promise<R>): Promise<R> {
    return routeRead(this.getEntityManager(), userId, read);
  }

  /**
   * Records a workflow's write for `userId` (`undefined`: for every reader) once it returned, so
   * that user's routed reads see it (orm/replicas.ts), and hands back its result.
   * @internal
   */
  protected written<R>(userId: number | undefined, result: R): R | Promise<R> {
    return afterRecordedWrite(this.getEntityManager(), userId, result);
  }

  /** @internal */
  protected meta(): { className: string; tableName: string } {
    return this.getEntityManager().getMetadata().get(this.entityName);
  }
}

/**
 * Repository of a table whose rows belong to a user through a `user` column.
 *
 * @example
 * ```ts
 * const logs = await em.getRepository(WorkoutLog).findByUser(userId, { orderBy: { date: 'desc' } });
 * ```
 */
export class UserOwnedRepository<T extends { user: unknown }> extends GainslyRepository<T> {
  /**
   * Every row of the user, optionally further filtered. `options` and `where` are MikroORM's
   * (`FindOptions`, `FilterQuery`): both must be plain objects, `options.limit` 1–10,000 and
   * `options.offset` >= 0 when given; the owner condition is applied after `where`, so `where`
   * cannot reach another user's rows.
   * @example
   * ```ts
   * await em.getRepository(SorenessLog).findByUser(1, { limit: 10 });
   * ```
   */
  async findByUser<P extends string = never>(userId: number, options?: FindOptions<T, P>, where: FilterQuery<T> = {} as FilterQuery<T>): Promise<Loaded<T, P>[]> {
    const user = requireId(userId, 'userId');
    return this.find({ ...(checkFilter(where) as object), user } as never, checkFindOptions(options));
  }
}

/**
 * Repository of a user-owned table with a `date` column (`'YYYY-MM-DD'`).
 *
 * @example
 * ```ts
 * await em.getRepository(RecoverySignal).findByUserInDateRange(1, '2026-01-01', '2026-01-31');
 * ```
 */
export class DatedUserOwnedRepository<T extends { user: unknown; date: string }> extends UserOwnedRepository<T> {
  /**
   * The user's rows dated `from` to `to`, both inclusive, oldest first. `from` and `to` are real
   * calendar dates (`'YYYY-MM-DD'`), `from` not after `to`; `options` as in `findByUser`.
   * @example
   * ```ts
   * await em.getRepository(WorkoutLog).findByUserInDateRange(1, '2026-03-01', '2026-03-31');
   * ```
   */
  async findByUserInDateRange<P extends string = never>(userId: number, from: string, to: string, options?: FindOptions<T, P>): Promise<Loaded<T, P>[]> {
    const user = requireId(userId, 'userId');
    const range = requireDateRange(from, to);
    return this.find({ user, date: { $gte: range.from, $lte: range.to } } as never, {
      orderBy: { date: 'asc', id: 'asc' } as never,
      ...checkFindOptions(options),
    } as FindOptions<T, P>);
  }
}
