import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { RecoverySignal } from './recovery-signal.entity.js';
import { Session } from '../programs/session.entity.js';
import { definedOnly, parseOptions, requireId } from '../../orm/arguments.js';
import { parseInput } from '../../schemas/errors.js';
import type { RecoverySignalInput } from '../../schemas/inputs/logging.js';
import { findOwned, requireOwner } from '../owned-row.js';
import { ownedSql } from '../ownership.js';
import { floatMeanSql } from '../../orm/float-mean.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { schemas } from '../../orm/validation.js';

/**
 * The window's averages in one statement. The double precision columns are averaged by
 * `floatMeanSql` (in id order, overflow-free: the same readings give the same float whatever their
 * physical order, and huge stored values cannot make the statement fail); `resting_hr` is an
 * integer, whose `avg` PostgreSQL computes exactly in numeric, so it is deterministic already.
 */
const mean = (column: string) => sql.raw(floatMeanSql(column, 'id'));
const AVERAGES_SQL = namedStatement<{ user: number; from: string; to: string }, Record<string, number | null>>(
  (p) => sql`select count(*)::int as readings, ${mean('sleep_hours')} as sleep_hours, ${mean('sleep_score')} as sleep_score,
              ${mean('readiness')} as readiness, ${mean('hrv')} as hrv, avg(resting_hr)::float8 as resting_hr
         from recovery_signals r where ${ownedSql('recovery_signals', sql.ref('r'), p.user)} and date between ${p.from}::date and ${p.to}::date`,
);

/**
 * Averages of a user's recovery readings over a window; `null` where no reading has the metric.
 * @example
 * ```ts
 * const a: RecoveryAverages = { from: '2026-01-01', to: '2026-01-07', readings: 7, sleepHours: 7.1, sleepScore: 81, readiness: 74, hrv: 63, restingHr: 52 };
 * ```
 */
export interface RecoveryAverages {
  from: string;
  to: string;
  readings: number;
  sleepHours: number | null;
  sleepScore: number | null;
  readiness: number | null;
  hrv: number | null;
  restingHr: number | null;
}

/**
 * A window ending on `until` (inclusive, default today in UTC) and `days` long (default 7).
 * `days` is an integer from 1 to 36,525, `until` a real `'YYYY-MM-DD'` calendar date, and the
 * window may not start before 0001-01-01; `undefined` or `null` means the default. Anything else
 * (`{ days: '7' }`, `{ until: 'today' }`, an unknown key) is a `GainslyValidationError` naming it
 * (schema: `dateWindowSchema` of `@gainsly/db/schemas`).
 * @example
 * ```ts
 * const w: DateWindow = { days: 14, until: '2026-02-01' };
 * ```
 */
export interface DateWindow {
  days?: number | null | undefined;
  until?: string | null | undefined;
}

/** The validated window as dates, before any SQL. @internal */
export function resolveWindow(window: DateWindow | undefined): { from: string; to: string } {
  const parsed = parseOptions(schemas.dateWindowSchema, window, 'DateWindow');
  const days = parsed.days ?? 7;
  const to = parsed.until ?? new Date().toISOString().slice(0, 10);
  // The schema checked the start of a window with `until`; today minus at most 36,525 days is fine.
  return { from: schemas.windowStart(to, days)!, to };
}

/**
 * Repository of {@link RecoverySignal}: the user's recovery readings by date, and their averages.
 *
 * @example
 * ```ts
 * await em.getRepository(RecoverySignal).recentAverages(userId, { days: 7 });
 * ```
 */
export class RecoverySignalRepository extends DatedUserOwnedRepository<RecoverySignal> {
  /**
   * Records a recovery reading of a user (validated: `recoverySignalInputSchema`), flushed at once.
   * A `sessionId` must name one of the user's own sessions; an unknown user, or a session that is
   * not theirs, is `GainslyNotFoundError` and nothing is written. The write is recorded for the
   * user's read-your-writes reads (orm/replicas.ts). `forUser(em, userId).recovery.create` calls it.
   * @example
   * ```ts
   * const reading = await em.getRepository(RecoverySignal).recordReading(userId, { date: '2026-01-07', source: 'manual', sleepHours: 7.5 });
   * ```
   */
  async recordReading(userId: number, input: RecoverySignalInput): Promise<RecoverySignal> {
    requireId(userId, 'userId');
    const { sessionId, ...data } = parseInput(schemas.recoverySignalInputSchema, input, 'RecoverySignalInput');
    const em = this.getEntityManager();
    const user = await requireOwner(em, userId);
    const session = sessionId == null ? null : await findOwned(em, Session, sessionId, userId);
    const reading = em.create(RecoverySignal, { user, session, ...definedOnly(data) } as never);
    await em.flush();
    return this.written(userId, reading);
  }

  /**
   * Mean sleep hours, sleep score, readiness, HRV and resting heart rate over the window, in one statement.
   * @example
   * ```ts
   * const { sleepHours, readiness } = await em.getRepository(RecoverySignal).recentAverages(userId, { days: 7, until: '2026-01-31' });
   * ```
   */
  async recentAverages(userId: number, window: DateWindow = {}): Promise<RecoveryAverages> {
    requireId(userId, 'userId');
    const { from, to } = resolveWindow(window);
    const [row] = await this.routed(userId, () => executeBound(this.getEntityManager(), AVERAGES_SQL.bind({ user: userId, from, to })));
    const num = (v: unknown) => (v == null ? null : Number(v));
    return {
      from,
      to,
      readings: Number(row?.readings ?? 0),
      sleepHours: num(row?.sleep_hours),
      sleepScore: num(row?.sleep_score),
      readiness: num(row?.readiness),
      hrv: num(row?.hrv),
      restingHr: num(row?.resting_hr),
    };
  }
}
