import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { requireDate, requireId } from '../../orm/arguments.js';
import { ENUMS, type MovementPattern, type MovementPatternLabel } from '../../enums/index.js';
import {
  DEFAULT_PSI_MICROCYCLES,
  MIN_PSI_EXPOSURES,
  deloadSignal,
  patternTrend,
  type DeloadSignal,
  type PatternTrend,
} from '../../domain/index.js';
import type { PatternExposure } from './pattern-exposure.entity.js';
import { boundStatement, executeBound } from '../../orm/bound-query.js';

/**
 * The pattern strength index of one pattern.
 * @example
 * ```ts
 * const squat: PatternStrength = { pattern: 'squat', psi: 142.5, exposures: 6 };
 * ```
 */
export interface PatternStrength {
  pattern: MovementPattern;
  /** Mean e1RM over the window, or `null` with fewer than 2 exposures. */
  psi: number | null;
  /** Exposures of the pattern inside the window. */
  exposures: number;
}

/**
 * Options of the pattern-strength queries.
 * @example
 * ```ts
 * const opts: PatternStrengthQueryOptions = { lastNMicrocycles: 6 };
 * ```
 */
export interface PatternStrengthQueryOptions {
  /** How many of the user's most recent microcycles (with any exposure) to average over. Default 4. */
  lastNMicrocycles?: number;
}

/**
 * Options of the trend queries.
 * @example
 * ```ts
 * const opts: PatternTrendQueryOptions = { windowMicrocycles: 6, threshold: 0.02 };
 * ```
 */
export interface PatternTrendQueryOptions {
  /** Microcycles in the trend window. Default 4. */
  windowMicrocycles?: number;
  /** Relative change that counts as increasing/decreasing. Default 0.025 (2.5 %). */
  threshold?: number;
}

/**
 * One point of an e1RM history, oldest first.
 * @example
 * ```ts
 * const p: E1rmPoint = { date: '2026-01-05', e1rm: 123.3 };
 * ```
 */
export interface E1rmPoint {
  date: string;
  e1rm: number;
}

/**
 * The user's most recent microcycles (by their first exposure), as the PSI window. Shared by
 * every PSI and trend statement so they always agree on "the last N microcycles".
 */
const RECENT_MICROCYCLES = `
  recent as (
    select microcycle_id, min(date) as first_date
      from pattern_exposures where user_id = ?
     group by microcycle_id
     order by min(date) desc, microcycle_id desc
     limit ?)`;

// The statements, numbered for the server once (see `boundStatement`), not on every call.
const PSI_ALL_SQL = boundStatement(`with ${RECENT_MICROCYCLES}
       select pe.pattern::text as pattern, avg(pe.e1rm_value)::float8 as mean, count(*)::int as n
         from pattern_exposures pe
        where pe.user_id = ? and pe.microcycle_id in (select microcycle_id from recent)
        group by pe.pattern`);
const PSI_SQL = boundStatement(`with ${RECENT_MICROCYCLES}
       select avg(pe.e1rm_value)::float8 as mean, count(*)::int as n
         from pattern_exposures pe
        where pe.user_id = ? and pe.pattern = ?::movementpattern and pe.microcycle_id in (select microcycle_id from recent)`);
const TREND_ALL_SQL = boundStatement(`with ${RECENT_MICROCYCLES}
       select pe.pattern::text as pattern, avg(pe.e1rm_value)::float8 as mean
         from pattern_exposures pe join recent r on r.microcycle_id = pe.microcycle_id
        where pe.user_id = ?
        group by pe.pattern, r.microcycle_id, r.first_date
        order by pe.pattern, r.first_date, r.microcycle_id`);
const PATTERN_HISTORY_SQL = boundStatement(`select to_char(date, 'YYYY-MM-DD') as date, e1rm_value::float8 as e1rm from pattern_exposures
              where user_id = ? and pattern = ?::movementpattern and date between ?::date and ?::date
              order by date, id`);
const MOVEMENT_HISTORY_SQL = boundStatement(`select to_char(w.date, 'YYYY-MM-DD') as date, t.e1rm_value::float8 as e1rm
               from top_set_logs t join workout_logs w on w.id = t.workout_log_id
              where w.user_id = ? and t.movement_id = ? and t.e1rm_value is not null and w.date between ?::date and ?::date
              order by w.date, t.id`);

function windowSize(n: number | undefined, fallback: number): number {
  const value = n ?? fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`The microcycle window must be an integer >= 1, got ${String(n)}`);
  return value;
}

/**
 * Repository of {@link PatternExposure}: pattern strength (PSI), trends, the deload signal and
 * e1RM histories, each computed in a single SQL statement.
 *
 * @example
 * ```ts
 * const table = await em.getRepository(PatternExposure).psiAll(userId);
 * ```
 */
export class PatternExposureRepository extends DatedUserOwnedRepository<PatternExposure> {
  /**
   * A user's exposures of one pattern, oldest first.
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).findByUserAndPattern(1, 'hinge');
   * ```
   */
  async findByUserAndPattern(userId: number, pattern: MovementPattern): Promise<PatternExposure[]> {
    return this.find({ user: requireId(userId, 'userId'), pattern }, { orderBy: { date: 'asc', id: 'asc' } });
  }

  /**
   * The pattern strength index of every one of the 17 patterns, in one statement: the mean e1RM
   * of each pattern's exposures in the user's last N microcycles, `null` below 2 exposures.
   * @example
   * ```ts
   * const rows = await em.getRepository(PatternExposure).psiAll(userId, { lastNMicrocycles: 4 });
   * rows.find((r) => r.pattern === 'squat')?.psi;
   * ```
   */
  async psiAll(userId: number, options: PatternStrengthQueryOptions = {}): Promise<PatternStrength[]> {
    requireId(userId, 'userId');
    const n = windowSize(options.lastNMicrocycles, DEFAULT_PSI_MICROCYCLES);
    const rows = await executeBound<{ pattern: string; mean: number; n: number }>(this.getEntityManager(), PSI_ALL_SQL, [userId, n, userId]);
    const byPattern = new Map(rows.map((r) => [ENUMS.MovementPattern.fromDb(r.pattern as MovementPatternLabel), r]));
    return ENUMS.MovementPattern.values.map((pattern) => {
      const row = byPattern.get(pattern);
      const exposures = row ? Number(row.n) : 0;
      return { pattern, exposures, psi: row && exposures >= MIN_PSI_EXPOSURES ? Number(row.mean) : null };
    });
  }

  /**
   * The pattern strength index of one pattern (same window as {@link psiAll}).
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).psi(userId, 'squat'); // 142.5 or null
   * ```
   */
  async psi(userId: number, pattern: MovementPattern, options: PatternStrengthQueryOptions = {}): Promise<number | null> {
    requireId(userId, 'userId');
    const n = windowSize(options.lastNMicrocycles, DEFAULT_PSI_MICROCYCLES);
    const [row] = await executeBound<{ mean: number | null; n: number }>(this.getEntityManager(), PSI_SQL, [userId, n, userId, ENUMS.MovementPattern.toDb(pattern)]);
    return row && Number(row.n) >= MIN_PSI_EXPOSURES ? Number(row.mean) : null;
  }

  /**
   * Each pattern's trend over the last `windowMicrocycles` microcycles: the per-microcycle mean
   * e1RM series judged by `patternTrend` (first half against second half, `threshold` relative).
   * One statement for all 17 patterns.
   * @example
   * ```ts
   * const trends = await em.getRepository(PatternExposure).trendAll(userId);
   * trends.squat; // 'increasing' | 'decreasing' | 'stable' | 'insufficient_data'
   * ```
   */
  async trendAll(userId: number, options: PatternTrendQueryOptions = {}): Promise<Record<MovementPattern, PatternTrend>> {
    requireId(userId, 'userId');
    const n = windowSize(options.windowMicrocycles, DEFAULT_PSI_MICROCYCLES);
    const rows = await executeBound<{ pattern: string; mean: number }>(this.getEntityManager(), TREND_ALL_SQL, [userId, n, userId]);
    const series = new Map<MovementPattern, number[]>();
    for (const r of rows) {
      const pattern = ENUMS.MovementPattern.fromDb(r.pattern as MovementPatternLabel);
      series.set(pattern, [...(series.get(pattern) ?? []), Number(r.mean)]);
    }
    const trendOptions = options.threshold === undefined ? {} : { threshold: options.threshold };
    return Object.fromEntries(ENUMS.MovementPattern.values.map((p) => [p, patternTrend(series.get(p) ?? [], trendOptions)])) as Record<MovementPattern, PatternTrend>;
  }

  /**
   * One pattern's trend (see {@link trendAll}).
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).trend(userId, 'hinge', { windowMicrocycles: 6 });
   * ```
   */
  async trend(userId: number, pattern: MovementPattern, options: PatternTrendQueryOptions = {}): Promise<PatternTrend> {
    return (await this.trendAll(userId, options))[pattern];
  }

  /**
   * Whether the user should deload: two or more patterns trending down over the window.
   * @example
   * ```ts
   * const { deload, decliningPatterns } = await em.getRepository(PatternExposure).deloadSignal(userId);
   * ```
   */
  async deloadSignal(userId: number, options: PatternTrendQueryOptions = {}): Promise<DeloadSignal> {
    return deloadSignal(await this.trendAll(userId, options));
  }

  /**
   * e1RM over time for plotting: a pattern's exposures, or a movement's top sets (with an e1RM),
   * oldest first.
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).e1rmHistory(userId, { pattern: 'squat' });
   * await em.getRepository(PatternExposure).e1rmHistory(userId, { movementId: benchId, from: '2026-01-01' });
   * ```
   */
  async e1rmHistory(
    userId: number,
    target: { pattern: MovementPattern; from?: string; to?: string } | { movementId: number; from?: string; to?: string },
  ): Promise<E1rmPoint[]> {
    requireId(userId, 'userId');
    const from = target.from === undefined ? '0001-01-01' : requireDate(target.from, 'from');
    const to = target.to === undefined ? '9999-12-31' : requireDate(target.to, 'to');
    if (!('pattern' in target)) requireId(target.movementId, 'movementId');
    const rows =
      'pattern' in target
        ? await executeBound<{ date: string; e1rm: number }>(this.getEntityManager(), PATTERN_HISTORY_SQL, [userId, ENUMS.MovementPattern.toDb(target.pattern), from, to])
        : await executeBound<{ date: string; e1rm: number }>(this.getEntityManager(), MOVEMENT_HISTORY_SQL, [userId, target.movementId, from, to]);
    return rows.map((r) => ({ date: r.date, e1rm: Number(r.e1rm) }));
  }
}
