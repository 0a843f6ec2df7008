import { GainslyRepository } from '../../orm/base-repository.js';
import type { ConversationTurn } from './conversation-turn.entity.js';

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
    return this.find({ thread: threadId }, { orderBy: { turnNumber: 'asc' } });
  }
}
