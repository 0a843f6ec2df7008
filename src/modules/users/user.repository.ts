import { GainslyRepository } from '../../orm/base-repository.js';
import type { CreateUserInput, UpdateUserInput } from '../../schemas/inputs/users.js';
import { parseInput } from '../../schemas/errors.js';
import { User } from './user.entity.js';
import { UserSettings } from './user-settings.entity.js';
import { definedOnly, requireId, requireString } from '../../orm/arguments.js';
import { findOwned } from '../owned-row.js';
import { schemas } from '../../orm/validation.js';

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
    const data = parseInput(schemas.createUserInputSchema, input, 'CreateUserInput');
    const em = this.getEntityManager();
    const { settings, ...userData } = data;
    const user = em.create(User, definedOnly(userData));
    user.settings = em.create(UserSettings, { user, ...definedOnly(settings ?? {}) });
    await em.flush();
    return this.written(user.id, user);
  }

  /**
   * Updates a user's name, e-mail, experience, persona and settings (validated:
   * `updateUserInputSchema`), creating the settings row when the user has none, in one flush. A key
   * given as `undefined` is left as it is (not set to NULL). An unknown user is `GainslyNotFoundError`.
   * The write is recorded for the user's read-your-writes reads (orm/replicas.ts).
   * `forUser(em, userId).profile.update` calls it.
   * @example
   * ```ts
   * const user = await em.getRepository(User).updateProfile(userId, { personaTone: 'analytical', settings: { useMetric: false } });
   * ```
   */
  async updateProfile(userId: number, input: UpdateUserInput): Promise<User> {
    requireId(userId, 'userId');
    const { settings, ...fields } = parseInput(schemas.updateUserInputSchema, input, 'UpdateUserInput');
    const em = this.getEntityManager();
    const user = await findOwned(em, User, userId, userId, { populate: ['settings'] });
    // Plain assignment (em.assign would check enum fields against the column's database labels),
    // of the keys given a value: `{ experienceLevel: undefined }` means "leave it", not NULL.
    Object.assign(user, definedOnly(fields));
    if (settings) {
      if (user.settings) Object.assign(user.settings, definedOnly(settings));
      else user.settings = em.create(UserSettings, { user, ...definedOnly(settings) });
    }
    await em.flush();
    return this.written(userId, user);
  }
}
