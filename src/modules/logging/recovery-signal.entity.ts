import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type RecoverySource } from '../../enums/index.js';
import type { JsonObject } from '../../schemas/json-types.js';
import { doubleColumn, jsonColumn, NO_ACTION, sqlEnum, createdAtColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { RecoverySignalRepository } from './recovery-signal.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A day's recovery reading (`recovery_signals`) from a wearable or entered by hand.
 *
 * @example
 * ```ts
 * em.create(RecoverySignal, { user, date: '2026-01-06', source: 'whoop band', hrv: 62, sleepHours: 7.5 });
 * ```
 */
@Entity({ tableName: 'recovery_signals', repository: () => RecoverySignalRepository })
export class RecoverySignal {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: RecoverySignalRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @Property({ type: 'date', index: true })
  date!: string;

  /** Indexed by migration 0004 (deleting a session looks its recovery signals up). */
  @ManyToOne({ entity: () => Session, nullable: true, index: 'gainsly_ix_recovery_signals_session_id', ...NO_ACTION })
  session?: Rel<Session> | null;

  @Enum(sqlEnum(ENUMS.RecoverySource))
  source: Opt<RecoverySource> = 'dummy';

  @Property(doubleColumn({ nullable: true }))
  hrv?: number | null;

  @Property({ type: 'integer', nullable: true })
  restingHr?: number | null;

  @Property(doubleColumn({ nullable: true }))
  sleepScore?: number | null;

  @Property(doubleColumn({ nullable: true }))
  sleepHours?: number | null;

  @Property(doubleColumn({ nullable: true }))
  readiness?: number | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();

  /**
   * The provider's original payload (upstream's model has it; the upstream spec does not:
   * docs/data-model.md, "recovery_signals").
   */
  @Property(jsonColumn(STORED_JSON.objectOrNull, { nullable: true }))
  rawPayloadJson?: JsonObject | null;
}
