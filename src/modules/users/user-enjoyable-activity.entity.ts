import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type EnjoyableActivity } from '../../enums/index.js';
import { NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { User } from './user.entity.js';
import { UserEnjoyableActivityRepository } from './user-enjoyable-activity.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A non-gym activity the user enjoys and wants recommended (`user_enjoyable_activities`).
 *
 * @example
 * ```ts
 * em.create(UserEnjoyableActivity, { user, activityType: 'bouldering' }).recommendEveryDays; // 28
 * ```
 */
@Entity({ tableName: 'user_enjoyable_activities', repository: () => UserEnjoyableActivityRepository })
export class UserEnjoyableActivity {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: UserEnjoyableActivityRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @Enum(sqlEnum(ENUMS.EnjoyableActivity))
  activityType!: EnjoyableActivity;

  @Property({ type: 'string', length: 100, nullable: true })
  customName?: string | null;

  @Property({ type: 'integer' })
  recommendEveryDays: Opt<number> = 28;

  @Property({ type: 'boolean', nullable: true })
  enabled: Opt<boolean> | null = true;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
