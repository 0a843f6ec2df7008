import { GainslyRepository } from '../../orm/base-repository.js';
import type { User } from './user.entity.js';

/**
 * Repository of {@link User}.
 *
 * @example
 * ```ts
 * const user = await em.getRepository(User).findByEmail('ada@example.com');
 * ```
 */
export class UserRepository extends GainslyRepository<User> {
  /**
   * The user with this e-mail address (exact match), or `null`.
   * @example
   * ```ts
   * await em.getRepository(User).findByEmail('ada@example.com');
   * ```
   */
  async findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email });
  }
}
