import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { resolveWindow, type DateWindow } from './recovery-signal.repository.js';
import { SorenessLog } from './soreness-log.entity.js';
import { Session } from '../programs/session.entity.js';
import { requireId } from '../../orm/arguments.js';
import { parseInput } from '../../schemas/errors.js';
import type { SorenessInput } from '../../schemas/inputs/logging.js';
import { findOwned, requireOwner } from '../owned-row.js';
import { ownedSql } from '../ownership.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { schemas } from '../../orm/validation.js';

/** Soreness per body part over a window, compiled once (`namedStatement`). */
const BY_BODY_PART_SQL = namedStatement<{ user: number; from: string; to: string }, Record<string, unknown>>(
  (p) => sql`select body_part, avg(soreness_1_5)::float8 as average, max(soreness_1_5)::int as max, count(*)::int as entries,
              to_char(max(date), 'YYYY-MM-DD') as latest_date,
              (array_agg(soreness_1_5 order by date desc, id desc))[1]::int as latest
         from soreness_logs sl where ${ownedSql('soreness_logs', sql.ref('sl'), p.user)} and date between ${p.from}::date and ${p.to}::date
        group by body_part
        order by avg(soreness_1_5) desc, body_part`,
);

/**
 * Soreness of one body part over a window.
 * @example
 * ```ts
 * const s: BodyPartSoreness = { bodyPart: 'quads', average: 3.5, max: 4, entries: 2, latestDate: '2026-01-07', latest: 3 };
 * ```
 */
export interface BodyPartSoreness {
  bodyPart: string;
  average: number;
  max: number;
  entries: number;
  latestDate: string;
  /** The soreness of the most recent entry. */
  latest: number;
}

/**
 * Repository of {@link SorenessLog}: the user's soreness entries by date, and per body part.
 *
 * @example
 * ```ts
 * await em.getRepository(SorenessLog).byBodyPart(userId, { days: 7 });
 * ```
 */
export class SorenessLogRepository extends DatedUserOwnedRepository<SorenessLog> {
  /**
   * Records a soreness entry of a user (validated: `sorenessInputSchema`), flushed at once. A cause
   * session (`inferredCauseSessionId`) must be one of the user's own; an unknown user, or a session
   * that is not theirs, is `GainslyNotFoundError` and nothing is written. The write is recorded for
   * the user's read-your-writes reads (orm/replicas.ts). `forUser(em, userId).soreness.create`
   * calls it.
   * @example
   * ```ts
   * const entry = await em.getRepository(SorenessLog).recordSoreness(userId, { date: '2026-01-07', bodyPart: 'quads', soreness: 3 });
   * ```
   */
  async recordSoreness(userId: number, input: SorenessInput): Promise<SorenessLog> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.sorenessInputSchema, input, 'SorenessInput');
    const em = this.getEntityManager();
    const user = await requireOwner(em, userId);
    const cause = data.inferredCauseSessionId == null ? null : await findOwned(em, Session, data.inferredCauseSessionId, userId);
    const entry = em.create(SorenessLog, {
      user,
      date: data.date,
      bodyPart: data.bodyPart,
      soreness15: data.soreness,
      inferredCauseSession: cause,
      notes: data.notes ?? null,
    });
    await em.flush();
    return this.written(userId, entry);
  }

  /**
   * Soreness per body part over the window (most sore first), in one statement.
   * @example
   * ```ts
   * const parts = await em.getRepository(SorenessLog).byBodyPart(userId, { days: 3, until: '2026-01-07' });
   * ```
   */
  async byBodyPart(userId: number, window: DateWindow = {}): Promise<BodyPartSoreness[]> {
    requireId(userId, 'userId');
    const { from, to } = resolveWindow(window);
    const rows = await this.routed(userId, () => executeBound(this.getEntityManager(), BY_BODY_PART_SQL.bind({ user: userId, from, to })));
    return rows.map((r) => ({
      bodyPart: String(r.body_part),
      average: Number(r.average),
      max: Number(r.max),
      entries: Number(r.entries),
      latestDate: String(r.latest_date),
      latest: Number(r.latest),
    }));
  }
}
