import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { MovementRuleType } from '../../enums/index.js';
import type { UserMovementRule } from './user-movement-rule.entity.js';
import { parseArgument, requireId } from '../../orm/arguments.js';
import { ENUMS } from '../../enums/index.js';
import { enumSchema } from '../../schemas/primitives.js';

const ruleTypeArgument = enumSchema(ENUMS.MovementRuleType);

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
   * The user's rules of one type, with their movements loaded. `ruleType` is a semantic value
   * (`'hard_no'`); anything else is a `GainslyValidationError` listing the allowed values.
   * @example
   * ```ts
   * await em.getRepository(UserMovementRule).findByUserAndType(1, 'preferred');
   * ```
   */
  async findByUserAndType(userId: number, ruleType: MovementRuleType): Promise<UserMovementRule[]> {
    const user = requireId(userId, 'userId');
    return this.find({ user, ruleType: parseArgument(ruleTypeArgument, ruleType, 'ruleType') }, { populate: ['movement'], orderBy: { id: 'asc' } });
  }
}
