import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type MovementRuleType, type RuleCadence } from '../../enums/index.js';
import { NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { User } from './user.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { UserMovementRuleRepository } from './user-movement-rule.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A user's rule about one movement (`user_movement_rules`): never include it, include it every
 * microcycle, or prefer it every two weeks.
 *
 * @example
 * ```ts
 * em.create(UserMovementRule, { user, movement, ruleType: 'hard_no' });
 * ```
 */
@Entity({ tableName: 'user_movement_rules', repository: () => UserMovementRuleRepository })
export class UserMovementRule {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: UserMovementRuleRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @ManyToOne({ entity: () => Movement, index: true, ...NO_ACTION })
  movement!: Rel<Movement>;

  @Enum(sqlEnum(ENUMS.MovementRuleType))
  ruleType!: MovementRuleType;

  @Enum(sqlEnum(ENUMS.RuleCadence))
  cadence: Opt<RuleCadence> = 'per_microcycle';

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
