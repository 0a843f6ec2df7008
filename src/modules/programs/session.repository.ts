import { GainslyRepository } from '../../orm/base-repository.js';
import type { Session } from './session.entity.js';

/**
 * Repository of {@link Session}.
 *
 * @example
 * ```ts
 * const week = await em.getRepository(Session).findByMicrocycle(microcycleId);
 * ```
 */
export class SessionRepository extends GainslyRepository<Session> {
  /**
   * A microcycle's sessions by day.
   * @example
   * ```ts
   * await em.getRepository(Session).findByMicrocycle(1);
   * ```
   */
  async findByMicrocycle(microcycleId: number): Promise<Session[]> {
    return this.find({ microcycle: microcycleId }, { orderBy: { dayNumber: 'asc', id: 'asc' } });
  }

  /**
   * A user's sessions dated `from` to `to` (inclusive), through their programs.
   * @example
   * ```ts
   * await em.getRepository(Session).findByUserInDateRange(1, '2026-01-05', '2026-01-11');
   * ```
   */
  async findByUserInDateRange(userId: number, from: string, to: string): Promise<Session[]> {
    return this.find(
      { microcycle: { program: { user: userId } }, date: { $gte: from, $lte: to } },
      { orderBy: { date: 'asc', dayNumber: 'asc', id: 'asc' } },
    );
  }
}
