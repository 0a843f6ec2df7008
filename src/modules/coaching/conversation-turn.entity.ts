import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { JsonObject } from '../../schemas/json-types.js';
import { jsonColumn, NO_ACTION, createdAtColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { ConversationThread } from './conversation-thread.entity.js';
import { ConversationTurnRepository } from './conversation-turn.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * Who wrote a conversation turn (`conversation_turns.role`): effectively a two-value enum kept
 * as a plain string upstream.
 * @example
 * ```ts
 * const role: ConversationRole = 'assistant';
 * ```
 */
export type ConversationRole = 'user' | 'assistant';

/**
 * One message of a conversation (`conversation_turns`), numbered 1, 2, 3… within its thread.
 *
 * @example
 * ```ts
 * em.create(ConversationTurn, { thread, turnNumber: 1, role: 'user', content: 'Can I swap squats today?' });
 * ```
 */
@Entity({ tableName: 'conversation_turns', repository: () => ConversationTurnRepository })
export class ConversationTurn {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: ConversationTurnRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => ConversationThread, index: true, ...NO_ACTION })
  thread!: Rel<ConversationThread>;

  @Property({ type: 'integer' })
  turnNumber!: number;

  @Property({ type: 'string', length: 20 })
  role!: ConversationRole;

  @Property({ type: 'text' })
  content!: string;

  @Property(jsonColumn(STORED_JSON.objectOrNull, { nullable: true }))
  structuredResponseJson?: JsonObject | null;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();
}
