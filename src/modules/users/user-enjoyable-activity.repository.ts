import { UserOwnedRepository } from '../../orm/base-repository.js';
import { UserEnjoyableActivity } from './user-enjoyable-activity.entity.js';
import { definedOnly, requireId } from '../../orm/arguments.js';
import type { EnjoyableActivityInput } from '../../schemas/inputs/users.js';
import { parseInput } from '../../schemas/errors.js';
import { findOwned, requireOwner } from '../owned-row.js';
import { ownedBy } from '../ownership.js';
import { schemas } from '../../orm/validation.js';

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
    return this.find({ ...ownedBy(UserEnjoyableActivity, requireId(userId, 'userId')), $or: [{ enabled: true }, { enabled: null }] }, { orderBy: { id: 'asc' } });
  }

  /**
   * Adds an activity a user likes (validated: `enjoyableActivityInputSchema`), flushed at once. An
   * unknown user is `GainslyNotFoundError` and nothing is written. The write is recorded for the
   * user's read-your-writes reads (orm/replicas.ts). `forUser(em, userId).enjoyableActivities.create`
   * calls it.
   * @example
   * ```ts
   * const activity = await em.getRepository(UserEnjoyableActivity).createActivity(userId, { activityType: 'bouldering' });
   * ```
   */
  async createActivity(userId: number, input: EnjoyableActivityInput): Promise<UserEnjoyableActivity> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.enjoyableActivityInputSchema, input, 'EnjoyableActivityInput');
    const em = this.getEntityManager();
    const user = await requireOwner(em, userId);
    const activity = em.create(UserEnjoyableActivity, { user, ...definedOnly(data) } as never);
    await em.flush();
    return this.written(userId, activity);
  }

  /**
   * Removes one of a user's activities, flushed at once. An activity that does not exist or is
   * another user's is `GainslyNotFoundError`. `forUser(em, userId).enjoyableActivities.delete` calls it.
   * @example
   * ```ts
   * await em.getRepository(UserEnjoyableActivity).deleteActivity(userId, activityId);
   * ```
   */
  async deleteActivity(userId: number, activityId: number): Promise<void> {
    requireId(userId, 'userId');
    const em = this.getEntityManager();
    em.remove(await findOwned(em, UserEnjoyableActivity, activityId, userId));
    await em.flush();
    await this.written(userId, undefined);
  }
}
