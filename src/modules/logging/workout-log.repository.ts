import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { requireId } from '../../orm/arguments.js';
import { GainslyDataError, GainslyNotFoundError } from '../../orm/errors.js';
import { ENUMS, type E1RMFormula, type E1RMFormulaLabel, type MovementPattern } from '../../enums/index.js';
import { E1RMRangeError, estimateOneRepMaxWithEffort } from '../../domain/index.js';
import { logWorkoutInputSchema, parseInput, type LogWorkoutInput } from '../../schemas/index.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { Microcycle } from '../programs/microcycle.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { WorkoutLog } from './workout-log.entity.js';
import { TopSetLog } from './top-set-log.entity.js';
import { PatternExposure } from './pattern-exposure.entity.js';

/**
 * What {@link WorkoutLogRepository.logWorkout} stored.
 * @example
 * ```ts
 * const { workoutLog, topSets, exposures } = await logs.logWorkout(userId, input);
 * ```
 */
export interface LoggedWorkout {
  workoutLog: WorkoutLog;
  /** In input order, each with `e1rmValue`, `e1rmFormula` and the movement's `pattern`. */
  topSets: TopSetLog[];
  /** One per top set with an e1RM, when a microcycle covers the workout; otherwise empty. */
  exposures: PatternExposure[];
  /** The microcycle the exposures were filed under, or `null`. */
  microcycleId: number | null;
}

/** Everything logWorkout must know before writing, fetched in one statement. */
interface WorkoutContext {
  user_exists: boolean;
  formula: string | null;
  session: { id: number; owner: number; microcycle_id: number } | null;
  covering_microcycle_id: number | null;
  movements: { id: number; pattern: string; user_id: number | null }[];
}

const CONTEXT_SQL = `
select exists (select 1 from users where id = ?) as user_exists,
       (select s.active_e1rm_formula::text from user_settings s where s.user_id = ?) as formula,
       (select json_build_object('id', se.id, 'owner', p.user_id, 'microcycle_id', se.microcycle_id)
          from sessions se join microcycles m on m.id = se.microcycle_id join programs p on p.id = m.program_id
         where se.id = ?) as session,
       (select m.id from microcycles m join programs p on p.id = m.program_id
         where p.user_id = ? and p.is_active is true
           and m.start_date <= ?::date and ?::date < m.start_date + m.length_days
         order by p.start_date desc, p.id desc, m.sequence_number limit 1) as covering_microcycle_id,
       (select coalesce(json_agg(json_build_object('id', mv.id, 'pattern', mv.pattern, 'user_id', mv.user_id)), '[]'::json)
          from movements mv where mv.id = any(?::int[])) as movements`;

/**
 * Repository of {@link WorkoutLog}: the user's workouts, by owner and date range, and the
 * `logWorkout` workflow.
 *
 * @example
 * ```ts
 * await em.getRepository(WorkoutLog).findByUserInDateRange(userId, '2026-01-01', '2026-01-31');
 * ```
 */
export class WorkoutLogRepository extends DatedUserOwnedRepository<WorkoutLog> {
  /**
   * Stores a workout with its top sets in one transaction. Each top set gets the e1RM of the
   * user's `active_e1rm_formula` (RPE/RIR-adjusted: effective reps = reps + RIR, RIR = 10 − RPE),
   * the formula, and the movement's pattern; each top set with an e1RM also becomes a pattern
   * exposure in the microcycle of the workout's session or, without a session, of the user's
   * active program on that date (none when no microcycle covers it).
   *
   * A Brzycki estimate beyond its 36-rep range is stored as `null` (and makes no exposure) rather
   * than failing the whole log. The statements sent do not depend on the number of top sets:
   * one lookup and three multi-row inserts.
   *
   * Throws, writing nothing: `GainslyValidationError` (bad input), `GainslyNotFoundError` (unknown
   * user, a session that is not this user's, a movement that does not exist or is another user's),
   * `GainslyDataError` (a movement whose stored pattern is not a MovementPattern value).
   * @example
   * ```ts
   * const { topSets } = await em.getRepository(WorkoutLog).logWorkout(user.id, {
   *   date: '2026-01-05', sessionId: session.id, perceivedDifficulty: 7,
   *   topSets: [{ movementId: squat.id, weight: 100, reps: 5, rpe: 8 }],
   * });
   * topSets[0].e1rmValue; // 123.33 (epley, 5 reps + 2 in reserve)
   * ```
   */
  async logWorkout(userId: number, input: LogWorkoutInput): Promise<LoggedWorkout> {
    requireId(userId, 'userId');
    const data = parseInput(logWorkoutInputSchema, input, 'LogWorkoutInput');
    const movementIds = [...new Set(data.topSets.map((s) => s.movementId))];
    return this.getEntityManager().transactional(async (tx) => {
      const [ctx] = await tx.execute<WorkoutContext[]>(CONTEXT_SQL, [userId, userId, data.sessionId ?? null, userId, data.date, data.date, pgIntArray(movementIds)]);
      if (!ctx?.user_exists) throw new GainslyNotFoundError('User', 'users', { id: userId });
      if (data.sessionId != null && (!ctx.session || ctx.session.owner !== userId)) {
        throw new GainslyNotFoundError('Session', 'sessions', { id: data.sessionId, userId });
      }
      const movements = new Map(ctx.movements.map((m) => [m.id, m]));
      for (const id of movementIds) {
        const movement = movements.get(id);
        if (!movement || (movement.user_id !== null && movement.user_id !== userId)) throw new GainslyNotFoundError('Movement', 'movements', { id });
        if (!ENUMS.MovementPattern.is(movement.pattern)) {
          throw new GainslyDataError(
            `Movement ${id} has pattern "${movement.pattern}", which is not a MovementPattern value (${ENUMS.MovementPattern.values.join(', ')}); fix the row before logging it`,
            'movements',
            'pattern',
            movement.pattern,
          );
        }
      }
      const formula: E1RMFormula = ctx.formula ? ENUMS.E1RMFormula.fromDb(ctx.formula as E1RMFormulaLabel) : 'epley';
      const microcycleId = ctx.session?.microcycle_id ?? ctx.covering_microcycle_id ?? null;

      const { topSets: sets, sessionId, ...logData } = data;
      const user = tx.getReference(User, userId);
      const workoutLog = tx.create(WorkoutLog, { ...logData, user, session: sessionId == null ? null : tx.getReference(Session, sessionId) });
      const topSets: TopSetLog[] = [];
      const exposures: PatternExposure[] = [];
      for (const set of sets) {
        const pattern = movements.get(set.movementId)!.pattern as MovementPattern;
        const e1rmValue = estimate(set.weight, set.reps, set.rpe, set.rir, formula);
        const topSet = tx.create(TopSetLog, {
          workoutLog,
          movement: tx.getReference(Movement, set.movementId),
          weight: set.weight,
          reps: set.reps,
          rpe: set.rpe ?? null,
          rir: set.rir ?? null,
          avgRestSeconds: set.avgRestSeconds ?? null,
          e1rmValue,
          e1rmFormula: formula,
          pattern,
        });
        topSets.push(topSet);
        if (microcycleId !== null && e1rmValue !== null) {
          exposures.push(
            tx.create(PatternExposure, { user, microcycle: tx.getReference(Microcycle, microcycleId), date: data.date, pattern, e1rmValue, sourceTopSetLog: topSet }),
          );
        }
      }
      await tx.flush();
      return { workoutLog, topSets, exposures, microcycleId };
    });
  }
}

/** An int[] literal (`{1,2,3}`), bound as one parameter: MikroORM would expand a JS array into a list. */
function pgIntArray(ids: readonly number[]): string {
  return `{${ids.map((id) => String(Math.trunc(id))).join(',')}}`;
}

function estimate(weight: number, reps: number, rpe: number | null | undefined, rir: number | null | undefined, formula: E1RMFormula): number | null {
  try {
    return estimateOneRepMaxWithEffort(weight, reps, { rpe: rpe ?? undefined, rir: rir ?? undefined, formula });
  } catch (error) {
    if (error instanceof E1RMRangeError) return null;
    throw error;
  }
}
