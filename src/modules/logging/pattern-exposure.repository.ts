import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import type { MovementPattern } from '../../enums/index.js';
import type { PatternExposure } from './pattern-exposure.entity.js';

/**
 * Repository of {@link PatternExposure}.
 *
 * @example
 * ```ts
 * const squats = await em.getRepository(PatternExposure).findByUserAndPattern(userId, 'squat');
 * ```
 */
export class PatternExposureRepository extends DatedUserOwnedRepository<PatternExposure> {
  /**
   * A user's exposures of one pattern, oldest first.
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).findByUserAndPattern(1, 'hinge');
   * ```
   */
  async findByUserAndPattern(userId: number, pattern: MovementPattern): Promise<PatternExposure[]> {
    return this.find({ user: userId, pattern }, { orderBy: { date: 'asc', id: 'asc' } });
  }
}
