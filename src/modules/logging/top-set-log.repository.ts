import { GainslyRepository } from '../../orm/base-repository.js';
import type { MovementPattern } from '../../enums/index.js';
import type { TopSetLog } from './top-set-log.entity.js';
import { requireDate, requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link TopSetLog}. Top sets belong to a user through their workout log.
 *
 * @example
 * ```ts
 * const sets = await em.getRepository(TopSetLog).findByUser(userId);
 * ```
 */
export class TopSetLogRepository extends GainslyRepository<TopSetLog> {
  /**
   * A user's top sets, optionally of one pattern, oldest workout first.
   * @example
   * ```ts
   * await em.getRepository(TopSetLog).findByUser(1, { pattern: 'squat' });
   * ```
   */
  async findByUser(userId: number, filter: { pattern?: MovementPattern; movementId?: number } = {}): Promise<TopSetLog[]> {
    return this.find(
      {
        workoutLog: { user: requireId(userId, 'userId') },
        ...(filter.pattern ? { pattern: filter.pattern } : {}),
        ...(filter.movementId !== undefined ? { movement: requireId(filter.movementId, 'movementId') } : {}),
      },
      { orderBy: { workoutLog: { date: 'asc' }, id: 'asc' } },
    );
  }

  /**
   * A user's top sets logged between two dates (inclusive), by workout date.
   * @example
   * ```ts
   * await em.getRepository(TopSetLog).findByUserInDateRange(1, '2026-01-01', '2026-03-31');
   * ```
   */
  async findByUserInDateRange(userId: number, from: string, to: string): Promise<TopSetLog[]> {
    return this.find(
      { workoutLog: { user: requireId(userId, 'userId'), date: { $gte: requireDate(from, 'from'), $lte: requireDate(to, 'to') } } },
      { orderBy: { workoutLog: { date: 'asc' }, id: 'asc' } },
    );
  }
}
