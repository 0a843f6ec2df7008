import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { JsonObject } from '../../schemas/json-types.js';
import { jsonColumn, NO_ACTION, createdAtColumn, timestampColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { ConversationTurn } from './conversation-turn.entity.js';
import { ConversationThreadRepository } from './conversation-thread.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A conversation with the coach (`conversation_threads`), e.g. a daily adaptation or a program
 * set-up, and the plan the user accepted in it.
 *
 * @example
 * ```ts
 * em.create(ConversationThread, { user, contextType: 'daily_adaptation' });
 * ```
 */
@Entity({ tableName: 'conversation_threads', repository: () => ConversationThreadRepository })
export class ConversationThread {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: ConversationThreadRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  /** Open set, e.g. `'daily_adaptation'`, `'program_setup'`. */
  @Property({ type: 'string', length: 50 })
  contextType!: string;

  @Property(timestampColumn())
  contextDate?: Date | null;

  /** Indexed by migration 0004 (deleting a session looks its threads up). */
  @ManyToOne({ entity: () => Session, nullable: true, index: 'gainsly_ix_conversation_threads_context_session_id', ...NO_ACTION })
  contextSession?: Rel<Session> | null;

  @Property({ type: 'boolean', nullable: true })
  isActive: Opt<boolean> | null = true;

  @Property({ type: 'boolean', nullable: true })
  finalPlanAccepted: Opt<boolean> | null = false;

  @Property(jsonColumn(STORED_JSON.objectOrNull, { nullable: true }))
  acceptedPlanJson?: JsonObject | null;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();

  @Property(createdAtColumn({ onUpdate: () => new Date() }))
  updatedAt: Opt<Date> | null = new Date();

  @OneToMany({ entity: () => ConversationTurn, mappedBy: 'thread', orphanRemoval: true, orderBy: { turnNumber: 'asc' } })
  turns = new Collection<ConversationTurn>(this);
}
