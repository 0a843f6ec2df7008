import { UserOwnedRepository } from '../../orm/base-repository.js';
import type { MovementRuleType } from '../../enums/index.js';
import { UserMovementRule } from './user-movement-rule.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { parseArgument, requireId } from '../../orm/arguments.js';
import type { MovementRuleInput } from '../../schemas/inputs/users.js';
import { parseInput } from '../../schemas/errors.js';
import { findOwned, requireOwner } from '../owned-row.js';
import { ownedBy, visibleMovementFilter } from '../ownership.js';
import { schemas } from '../../orm/validation.js';


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
    return this.find({ ...ownedBy(UserMovementRule, user), ruleType: parseArgument(schemas.movementRuleTypeArgumentSchema, ruleType, 'ruleType') }, { populate: ['movement'], orderBy: { id: 'asc' } });
  }

  /**
   * Adds a user's rule about a movement they can see, a system movement or their own (validated:
   * `movementRuleInputSchema`), flushed at once. An unknown user, or a movement that is another
   * user's or does not exist, is `GainslyNotFoundError` and nothing is written. The write is
   * recorded for the user's read-your-writes reads (orm/replicas.ts).
   * `forUser(em, userId).movementRules.create` calls it.
   * @example
   * ```ts
   * const rule = await em.getRepository(UserMovementRule).createRule(userId, { movementId: 12, ruleType: 'hard_no' });
   * ```
   */
  async createRule(userId: number, input: MovementRuleInput): Promise<UserMovementRule> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.movementRuleInputSchema, input, 'MovementRuleInput');
    const em = this.getEntityManager();
    const user = await requireOwner(em, userId);
    const movement = await findOwned(em, Movement, data.movementId, userId, { where: visibleMovementFilter(userId) });
    const rule = em.create(UserMovementRule, { user, movement, ruleType: data.ruleType, ...(data.cadence ? { cadence: data.cadence } : {}), notes: data.notes ?? null });
    await em.flush();
    return this.written(userId, rule);
  }

  /**
   * Removes one of a user's rules, flushed at once. A rule that does not exist or is another user's
   * is `GainslyNotFoundError`. `forUser(em, userId).movementRules.delete` calls it.
   * @example
   * ```ts
   * await em.getRepository(UserMovementRule).deleteRule(userId, ruleId);
   * ```
   */
  async deleteRule(userId: number, ruleId: number): Promise<void> {
    requireId(userId, 'userId');
    const em = this.getEntityManager();
    em.remove(await findOwned(em, UserMovementRule, ruleId, userId));
    await em.flush();
    await this.written(userId, undefined);
  }
}
