import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import type { WorkoutLog } from './workout-log.entity.js';

/**
 * Repository of {@link WorkoutLog}: the user's workout logs, by owner and date range.
 *
 * @example
 * ```ts
 * await em.getRepository(WorkoutLog).findByUserInDateRange(userId, '2026-01-01', '2026-01-31');
 * ```
 */
export class WorkoutLogRepository extends DatedUserOwnedRepository<WorkoutLog> {}
