import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import type { SorenessLog } from './soreness-log.entity.js';

/**
 * Repository of {@link SorenessLog}: the user's soreness entries, by owner and date range.
 *
 * @example
 * ```ts
 * await em.getRepository(SorenessLog).findByUserInDateRange(userId, '2026-01-01', '2026-01-31');
 * ```
 */
export class SorenessLogRepository extends DatedUserOwnedRepository<SorenessLog> {}
