import { GainslyRepository } from '../../orm/base-repository.js';
import type { ConversationTurn } from './conversation-turn.entity.js';
import { requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link ConversationTurn}.
 *
 * @example
 * ```ts
 * const turns = await em.getRepository(ConversationTurn).findByThread(threadId);
 * ```
 */
export class ConversationTurnRepository extends GainslyRepository<ConversationTurn> {
  /**
   * A thread's turns in order.
   * @example
   * ```ts
   * await em.getRepository(ConversationTurn).findByThread(1);
   * ```
   */
  async findByThread(threadId: number): Promise<ConversationTurn[]> {
    return this.find({ thread: requireId(threadId, 'threadId') }, { orderBy: { turnNumber: 'asc' } });
  }
}
