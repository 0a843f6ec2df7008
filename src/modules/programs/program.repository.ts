import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { Program } from './program.entity.js';

/**
 * Repository of {@link Program}.
 *
 * @example
 * ```ts
 * const current = await em.getRepository(Program).findActiveByUser(userId);
 * ```
 */
export class ProgramRepository extends UserOwnedRepository<Program> {
  /**
   * The user's active program (the newest, should upstream data hold several), or `null`.
   * @example
   * ```ts
   * await em.getRepository(Program).findActiveByUser(1);
   * ```
   */
  async findActiveByUser(userId: number): Promise<Program | null> {
    return this.findOne({ user: userId, isActive: true }, { orderBy: { startDate: 'desc', id: 'desc' } });
  }

  /**
   * The user's programs that start within a date range (inclusive).
   * @example
   * ```ts
   * await em.getRepository(Program).findByUserStartingBetween(1, '2026-01-01', '2026-12-31');
   * ```
   */
  async findByUserStartingBetween(userId: number, from: string, to: string): Promise<Program[]> {
    return this.find({ user: userId, startDate: { $gte: from, $lte: to } }, { orderBy: { startDate: 'asc', id: 'asc' } });
  }
}
