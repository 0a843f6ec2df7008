import { Collection, EntityRepositoryType, type Opt } from '@mikro-orm/core';
import { Entity, Enum, OneToMany, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type ExperienceLevel, type PersonaAggression, type PersonaTone } from '../../enums/index.js';
import { sqlEnum } from '../../orm/columns.js';
import { UserRepository } from './user.repository.js';
import { UserSettings } from './user-settings.entity.js';
import { UserMovementRule } from './user-movement-rule.entity.js';
import { UserEnjoyableActivity } from './user-enjoyable-activity.entity.js';
import { Program } from '../programs/program.entity.js';
import { WorkoutLog } from '../logging/workout-log.entity.js';
import { SorenessLog } from '../logging/soreness-log.entity.js';
import { RecoverySignal } from '../logging/recovery-signal.entity.js';
import { ConversationThread } from '../coaching/conversation-thread.entity.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A Gainsly user (`users`): identity and coaching persona.
 *
 * @example
 * ```ts
 * const user = em.create(User, { email: 'ada@example.com' });
 * user.personaTone; // 'supportive' (default)
 * ```
 */
@Entity({ tableName: 'users', repository: () => UserRepository })
export class User {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: UserRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 100, nullable: true })
  name?: string | null;

  @Property({ type: 'string', length: 255, nullable: true, unique: 'users_email_key' })
  email?: string | null;

  @Enum(sqlEnum(ENUMS.ExperienceLevel))
  experienceLevel: Opt<ExperienceLevel> = 'intermediate';

  @Enum(sqlEnum(ENUMS.PersonaTone))
  personaTone: Opt<PersonaTone> = 'supportive';

  @Enum(sqlEnum(ENUMS.PersonaAggression))
  personaAggression: Opt<PersonaAggression> = 3;

  @OneToOne({ entity: () => UserSettings, mappedBy: 'user', nullable: true })
  settings?: UserSettings | null;

  @OneToMany({ entity: () => UserMovementRule, mappedBy: 'user' })
  movementRules = new Collection<UserMovementRule>(this);

  @OneToMany({ entity: () => UserEnjoyableActivity, mappedBy: 'user' })
  enjoyableActivities = new Collection<UserEnjoyableActivity>(this);

  @OneToMany({ entity: () => Program, mappedBy: 'user' })
  programs = new Collection<Program>(this);

  @OneToMany({ entity: () => WorkoutLog, mappedBy: 'user' })
  workoutLogs = new Collection<WorkoutLog>(this);

  @OneToMany({ entity: () => SorenessLog, mappedBy: 'user' })
  sorenessLogs = new Collection<SorenessLog>(this);

  @OneToMany({ entity: () => RecoverySignal, mappedBy: 'user' })
  recoverySignals = new Collection<RecoverySignal>(this);

  @OneToMany({ entity: () => ConversationThread, mappedBy: 'user' })
  conversationThreads = new Collection<ConversationThread>(this);
}
