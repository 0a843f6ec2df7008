import { GainslyRepository } from '../../orm/base-repository.js';
import { createUserInputSchema, parseInput, type CreateUserInput } from '../../schemas/index.js';
import { User } from './user.entity.js';
import { UserSettings } from './user-settings.entity.js';
import { definedOnly, requireString } from '../../orm/arguments.js';

/**
 * Repository of {@link User}.
 *
 * @example
 * ```ts
 * const user = await em.getRepository(User).createUser({ email: 'ada@example.com', personaTone: 'analytical' });
 * ```
 */
export class UserRepository extends GainslyRepository<User> {
  /**
   * The user with this e-mail address (exact match), or `null`. `email` is a string of at most 255
   * characters without NUL or half surrogate pairs (`GainslyValidationError` otherwise).
   * @example
   * ```ts
   * await em.getRepository(User).findByEmail('ada@example.com');
   * ```
   */
  async findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email: requireString(email, 'email', 255) });
  }

  /**
   * Validates the input, then creates the user with the documented defaults (intermediate,
   * supportive, balanced) and their settings row (epley, metric) in one flush: both or neither
   * (docs/data-model.md, "users" and "user_settings").
   * Throws `GainslyValidationError` for bad input and `GainslyUniqueViolationError` for a taken e-mail.
   * @example
   * ```ts
   * const user = await em.getRepository(User).createUser({ name: 'Ada', settings: { useMetric: false } });
   * user.settings?.useMetric; // false
   * ```
   */
  async createUser(input: CreateUserInput): Promise<User> {
    const data = parseInput(createUserInputSchema, input, 'CreateUserInput');
    const em = this.getEntityManager();
    const { settings, ...userData } = data;
    const user = em.create(User, definedOnly(userData));
    user.settings = em.create(UserSettings, { user, ...definedOnly(settings ?? {}) });
    await em.flush();
    return this.written(user.id, user);
  }
}
