import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { ConversationThread } from './conversation-thread.entity.js';

/**
 * Repository of {@link ConversationThread}.
 *
 * @example
 * ```ts
 * const open = await em.getRepository(ConversationThread).findActiveByUser(userId);
 * ```
 */
export class ConversationThreadRepository extends UserOwnedRepository<ConversationThread> {
  /**
   * The user's open threads (`is_active` true or NULL), newest first.
   * @example
   * ```ts
   * await em.getRepository(ConversationThread).findActiveByUser(1);
   * ```
   */
  async findActiveByUser(userId: number): Promise<ConversationThread[]> {
    return this.find({ user: userId, $or: [{ isActive: true }, { isActive: null }] }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }
}
