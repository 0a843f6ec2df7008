import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type E1RMFormula } from '../../enums/index.js';
import { NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { User } from './user.entity.js';
import { UserSettingsRepository } from './user-settings.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * Per-user settings (`user_settings`, one row per user): the e1RM formula and the unit system.
 *
 * @example
 * ```ts
 * const settings = em.create(UserSettings, { user });
 * settings.activeE1rmFormula; // 'epley'
 * settings.useMetric;         // true (kg)
 * ```
 */
@Entity({ tableName: 'user_settings', repository: () => UserSettingsRepository })
export class UserSettings {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: UserSettingsRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @OneToOne({ entity: () => User, inversedBy: 'settings', owner: true, unique: 'user_settings_user_id_key', ...NO_ACTION })
  user!: Rel<User>;

  @Enum(sqlEnum(ENUMS.E1RMFormula))
  activeE1rmFormula: Opt<E1RMFormula> = 'epley';

  /** `true` = kilograms, `false` = pounds. */
  @Property({ type: 'boolean', nullable: true })
  useMetric: Opt<boolean> | null = true;
}
