import { GainslyRepository } from '../../orm/base-repository.js';
import type { MovementPattern } from '../../enums/index.js';
import { TopSetLog } from './top-set-log.entity.js';
import { ownedBy } from '../ownership.js';
import { parseOptions, requireDateRange, requireId } from '../../orm/arguments.js';
import { schemas } from '../../orm/validation.js';

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
   * A user's top sets, optionally of one pattern (a semantic value) or one movement (an id),
   * oldest workout first. Unknown filter keys and values are a `GainslyValidationError`.
   * @example
   * ```ts
   * await em.getRepository(TopSetLog).findByUser(1, { pattern: 'squat' });
   * ```
   */
  async findByUser(userId: number, filter: { pattern?: MovementPattern; movementId?: number } = {}): Promise<TopSetLog[]> {
    const user = requireId(userId, 'userId');
    const { pattern, movementId } = parseOptions(schemas.topSetFilterSchema, filter, 'TopSetFilter');
    return this.find(
      {
        ...ownedBy(TopSetLog, user),
        ...(pattern == null ? {} : { pattern }),
        ...(movementId == null ? {} : { movement: movementId }),
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
    const user = requireId(userId, 'userId');
    const range = requireDateRange(from, to);
    return this.find(
      { $and: [ownedBy(TopSetLog, user), { workoutLog: { date: { $gte: range.from, $lte: range.to } } }] },
      { orderBy: { workoutLog: { date: 'asc' }, id: 'asc' } },
    );
  }
}
