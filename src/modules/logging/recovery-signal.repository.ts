import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import type { RecoverySignal } from './recovery-signal.entity.js';

/**
 * Repository of {@link RecoverySignal}: the user's recovery readings, by owner and date range.
 *
 * @example
 * ```ts
 * await em.getRepository(RecoverySignal).findByUserInDateRange(userId, '2026-01-01', '2026-01-31');
 * ```
 */
export class RecoverySignalRepository extends DatedUserOwnedRepository<RecoverySignal> {}
