import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { resolveWindow, type DateWindow } from './recovery-signal.repository.js';
import type { SorenessLog } from './soreness-log.entity.js';
import { requireId } from '../../orm/arguments.js';
import { executeBound } from '../../orm/bound-query.js';

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
   * Soreness per body part over the window (most sore first), in one statement.
   * @example
   * ```ts
   * const parts = await em.getRepository(SorenessLog).byBodyPart(userId, { days: 3, until: '2026-01-07' });
   * ```
   */
  async byBodyPart(userId: number, window: DateWindow = {}): Promise<BodyPartSoreness[]> {
    requireId(userId, 'userId');
    const { from, to } = resolveWindow(window);
    const rows = await this.routed(userId, () => executeBound<Record<string, unknown>>(this.getEntityManager(),
      `select body_part, avg(soreness_1_5)::float8 as average, max(soreness_1_5)::int as max, count(*)::int as entries,
              to_char(max(date), 'YYYY-MM-DD') as latest_date,
              (array_agg(soreness_1_5 order by date desc, id desc))[1]::int as latest
         from soreness_logs where user_id = ? and date between ?::date and ?::date
        group by body_part
        order by avg(soreness_1_5) desc, body_part`,
      [userId, from, to],
    ));
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
