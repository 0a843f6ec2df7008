import { GainslyRepository } from '../../orm/base-repository.js';
import type { SessionExercise } from './session-exercise.entity.js';
import { requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link SessionExercise}.
 *
 * @example
 * ```ts
 * const plan = await em.getRepository(SessionExercise).findBySession(sessionId);
 * ```
 */
export class SessionExerciseRepository extends GainslyRepository<SessionExercise> {
  /**
   * A session's exercises in order, with their movements.
   * @example
   * ```ts
   * await em.getRepository(SessionExercise).findBySession(1);
   * ```
   */
  async findBySession(sessionId: number): Promise<SessionExercise[]> {
    return this.find({ session: requireId(sessionId, 'sessionId') }, { populate: ['movement'], orderBy: { orderInSession: 'asc', id: 'asc' } });
  }
}
