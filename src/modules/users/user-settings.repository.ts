import { GainslyRepository } from '../../orm/base-repository.js';
import { UserSettings } from './user-settings.entity.js';
import { ownedBy } from '../ownership.js';
import { requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link UserSettings}.
 *
 * @example
 * ```ts
 * const settings = await em.getRepository(UserSettings).findByUser(userId);
 * ```
 */
export class UserSettingsRepository extends GainslyRepository<UserSettings> {
  /**
   * The settings row of a user, or `null` when the user has none yet.
   * @example
   * ```ts
   * (await em.getRepository(UserSettings).findByUser(1))?.activeE1rmFormula;
   * ```
   */
  async findByUser(userId: number): Promise<UserSettings | null> {
    return this.findOne(ownedBy(UserSettings, requireId(userId, 'userId')));
  }
}
