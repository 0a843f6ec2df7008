import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { MovementRuleType } from '../../enums/index.js';
import type { UserMovementRule } from './user-movement-rule.entity.js';
import { requireId } from '../../orm/arguments.js';

/**
 * Repository of {@link UserMovementRule}.
 *
 * @example
 * ```ts
 * const banned = await em.getRepository(UserMovementRule).findByUserAndType(userId, 'hard_no');
 * ```
 */
export class UserMovementRuleRepository extends UserOwnedRepository<UserMovementRule> {
  /**
   * The user's rules of one type, with their movements loaded.
   * @example
   * ```ts
   * await em.getRepository(UserMovementRule).findByUserAndType(1, 'preferred');
   * ```
   */
  async findByUserAndType(userId: number, ruleType: MovementRuleType): Promise<UserMovementRule[]> {
    return this.find({ user: requireId(userId, 'userId'), ruleType }, { populate: ['movement'], orderBy: { id: 'asc' } });
  }
}
