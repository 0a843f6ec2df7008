import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { UserEnjoyableActivity } from './user-enjoyable-activity.entity.js';
import { requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link UserEnjoyableActivity}.
 *
 * @example
 * ```ts
 * const enabled = await em.getRepository(UserEnjoyableActivity).findEnabledByUser(userId);
 * ```
 */
export class UserEnjoyableActivityRepository extends UserOwnedRepository<UserEnjoyableActivity> {
  /**
   * The user's activities that are switched on (`enabled` true or, as upstream writes it, NULL).
   * @example
   * ```ts
   * await em.getRepository(UserEnjoyableActivity).findEnabledByUser(1);
   * ```
   */
  async findEnabledByUser(userId: number): Promise<UserEnjoyableActivity[]> {
    return this.find({ user: requireId(userId, 'userId'), $or: [{ enabled: true }, { enabled: null }] }, { orderBy: { id: 'asc' } });
  }
}
