import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { NO_ACTION, createdAtColumn } from '../../orm/columns.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { SorenessLogRepository } from './soreness-log.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * How sore a body part is on a day (`soreness_logs`), 1–5, optionally blamed on a session.
 *
 * @example
 * ```ts
 * em.create(SorenessLog, { user, date: '2026-01-06', bodyPart: 'quads', soreness15: 3 });
 * ```
 */
@Entity({ tableName: 'soreness_logs', repository: () => SorenessLogRepository })
export class SorenessLog {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: SorenessLogRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @Property({ type: 'date', index: true })
  date!: string;

  /** Open set from user input, e.g. `'quads'`, `'lower_back'`. */
  @Property({ type: 'string', length: 50 })
  bodyPart!: string;

  /** 1–5 (not enforced by the database). Column `soreness_1_5`. */
  @Property({ type: 'integer', fieldName: 'soreness_1_5' })
  soreness15!: number;

  /** Indexed by migration 0004 (deleting a session looks its soreness logs up). */
  @ManyToOne({ entity: () => Session, nullable: true, index: 'gainsly_ix_soreness_logs_inferred_cause_session_id', ...NO_ACTION })
  inferredCauseSession?: Rel<Session> | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();
}
