import { UserOwnedRepository } from '../../orm/base-repository.js';
import { GainslyNotFoundError } from '../../orm/errors.js';
import type { AcceptPlanInput, AppendTurnInput, ConversationThreadInput } from '../../schemas/inputs/coaching.js';
import { parseInput } from '../../schemas/errors.js';
import { ConversationThread } from './conversation-thread.entity.js';
import { ConversationTurn } from './conversation-turn.entity.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { parseOptions, requireId } from '../../orm/arguments.js';
import { ownedBy, ownedSql } from '../ownership.js';
import { sql } from 'kysely';
import { executeBound } from '../../orm/bound-query.js';
import { schemas } from '../../orm/validation.js';

/**
 * Repository of {@link ConversationThread}: threads, and turns appended safely under concurrency.
 *
 * @example
 * ```ts
 * const thread = await em.getRepository(ConversationThread).createThread(userId, { contextType: 'daily_adaptation' });
 * await em.getRepository(ConversationThread).appendTurn(thread.id, { role: 'user', content: 'Knees hurt today.' });
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
    return this.find({ ...ownedBy(ConversationThread, requireId(userId, 'userId')), $or: [{ isActive: true }, { isActive: null }] }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /**
   * Opens a thread for a user. A context session must be one of the user's own sessions.
   * @example
   * ```ts
   * await em.getRepository(ConversationThread).createThread(1, { contextType: 'program_setup' });
   * ```
   */
  async createThread(userId: number, input: ConversationThreadInput): Promise<ConversationThread> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.conversationThreadInputSchema, input, 'ConversationThreadInput');
    const em = this.getEntityManager();
    return this.written(userId, await em.transactional(async (tx) => {
      const user = await tx.findOne(User, { id: userId });
      if (!user) throw new GainslyNotFoundError('User', 'users', { id: userId });
      let contextSession: Session | null = null;
      if (data.contextSessionId != null) {
        contextSession = await tx.findOne(Session, { id: data.contextSessionId, ...ownedBy(Session, userId) });
        if (!contextSession) throw new GainslyNotFoundError('Session', 'sessions', { id: data.contextSessionId, userId });
      }
      const thread = tx.create(ConversationThread, { user, contextType: data.contextType, contextDate: data.contextDate ?? null, contextSession });
      await tx.flush();
      return thread;
    }));
  }

  /**
   * Appends a turn numbered one past the thread's last, and touches the thread's `updated_at`.
   * The thread row is locked for the transaction, so concurrent appends (any number of
   * connections) get 1, 2, 3… with no gap and no duplicate. Pass `userId` to require that the
   * thread belongs to that user.
   * @example
   * ```ts
   * const turn = await em.getRepository(ConversationThread).appendTurn(threadId, { role: 'assistant', content: 'Deload this week.' });
   * turn.turnNumber; // 1, 2, 3, …
   * ```
   */
  async appendTurn(threadId: number, input: AppendTurnInput, options: { userId?: number } = {}): Promise<ConversationTurn> {
    requireId(threadId, 'threadId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const data = parseInput(schemas.appendTurnInputSchema, input, 'AppendTurnInput');
    return this.written(userId, await this.getEntityManager().transactional(async (tx) => {
      const owned = userId === undefined ? sql`` : sql` and ${ownedSql('conversation_threads', sql.ref('t'), userId)}`;
      const [locked] = await executeBound<{ id: number }>(tx, sql`select t.id from conversation_threads t where t.id = ${threadId}${owned} for update`);
      if (!locked) {
        throw new GainslyNotFoundError('ConversationThread', 'conversation_threads', { id: threadId, ...(userId !== undefined ? { userId } : {}) });
      }
      const [next] = await executeBound<{ n: number }>(tx, sql`select coalesce(max(turn_number), 0)::int + 1 as n from conversation_turns where thread_id = ${threadId}`);
      const thread = tx.getReference(ConversationThread, threadId);
      const turn = tx.create(ConversationTurn, {
        thread,
        turnNumber: Number(next!.n),
        role: data.role,
        content: data.content,
        structuredResponseJson: data.structuredResponseJson ?? null,
      });
      await tx.flush();
      await tx.nativeUpdate(ConversationThread, { id: threadId }, { updatedAt: new Date() });
      return turn;
    }));
  }

  /**
   * Records the plan the user accepted and marks the thread's plan as accepted.
   * @example
   * ```ts
   * await em.getRepository(ConversationThread).acceptPlan(threadId, { plan: { swap: { from: 1, to: 14 } } }, { userId });
   * ```
   */
  async acceptPlan(threadId: number, input: AcceptPlanInput, options: { userId?: number } = {}): Promise<void> {
    requireId(threadId, 'threadId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const data = parseInput(schemas.acceptPlanInputSchema, input, 'AcceptPlanInput');
    const where = { id: threadId, ...(userId !== undefined ? ownedBy(ConversationThread, userId) : {}) };
    const updated = await this.getEntityManager().nativeUpdate(ConversationThread, where, {
      acceptedPlanJson: data.plan,
      finalPlanAccepted: true,
      updatedAt: new Date(),
    });
    if (updated === 0) throw new GainslyNotFoundError('ConversationThread', 'conversation_threads', { id: threadId, ...(userId !== undefined ? { userId } : {}) });
    await this.written(userId, undefined);
  }
}
