import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { parseArgument, parseOptions, requireId } from '../../orm/arguments.js';
import { ENUMS, type MovementPattern } from '../../enums/index.js';
import {
  DEFAULT_PSI_MICROCYCLES,
  DEFAULT_TREND_THRESHOLD,
  DomainArgumentError,
  MIN_PSI_EXPOSURES,
  UPSTREAM_PSI_LOOKBACK,
  UPSTREAM_TREND_THRESHOLD,
  UPSTREAM_TREND_WINDOW,
  deloadSignal,
  patternTrend,
  upstreamPatternStrengthIndexAll,
  upstreamPatternTrendAll,
  type DeloadSignal,
  type PatternTrend,
  type UpstreamMetricsData,
} from '../../domain/index.js';
import { GainslyDataError } from '../../orm/errors.js';
import type { PatternExposure } from './pattern-exposure.entity.js';
import { sql, type RawBuilder } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { ownedSql } from '../ownership.js';
import { floatMeanSql } from '../../orm/float-mean.js';
import { checkStored, labelExpectation, storedLabel, storedValueError, type StoredShape } from '../../orm/stored-values.js';
import type { EntityManager } from '@mikro-orm/core';
import { schemas } from '../../orm/validation.js';

const FINITE: StoredShape = { expected: 'a finite number', fits: (value) => Number.isFinite(value) };

/**
 * The pattern strength index of one pattern.
 * @example
 * ```ts
 * const squat: PatternStrength = { pattern: 'squat', psi: 142.5, exposures: 6 };
 * ```
 */
export interface PatternStrength {
  pattern: MovementPattern;
  /**
   * Mean e1RM over the window, or `null` with fewer than 2 exposures. Under both methods the values
   * are added in exposure id order, so the same rows give the same float, bit for bit, whatever
   * their physical order; and no stored value, however large, makes the mean overflow.
   */
  psi: number | null;
  /** Exposures of the pattern inside the window. */
  exposures: number;
}

/**
 * Which definition of the pattern metrics to compute:
 *
 * - `'library'` (the default): the library's own. The window is the user's last N microcycles
 *   **that have exposures**, ordered by their first exposure; the trend compares per-microcycle
 *   mean e1RMs (first half against second half, 2.5 %, inclusive).
 * - `'upstream'`: the upstream Python app's, exactly (docs/upstream.md, "Metrics"). The window is the
 *   user's newest microcycles **by start date, planned future weeks included**; PSI is the plain
 *   mean of the window's exposures; the trend compares the newest half of the exposures against
 *   the rest (4 exposures at least, 5 %, strict). Computed by the `upstreamPattern*` functions of
 *   `@gainsly/db/domain`, so a front end gets the same numbers from the same rows.
 *
 * @example
 * ```ts
 * const method: PatternMetricsMethod = 'upstream';
 * await em.getRepository(PatternExposure).psiAll(userId, { method });
 * ```
 */
export type PatternMetricsMethod = 'library' | 'upstream';

/**
 * Options of the pattern-strength queries. Every option is validated (unknown keys too): a bad one
 * is a `GainslyValidationError` naming it and the allowed values. `undefined` or `null` means
 * "the default".
 * @example
 * ```ts
 * const opts: PatternStrengthQueryOptions = { lastNMicrocycles: 6 };
 * const asTheApp: PatternStrengthQueryOptions = { method: 'upstream' }; // lookback 2
 * ```
 */
export interface PatternStrengthQueryOptions {
  /** `'library'` (default) or `'upstream'`; see {@link PatternMetricsMethod}. */
  method?: PatternMetricsMethod | null | undefined;
  /**
   * The window, an integer between 1 and 2147483647.
   * - `library`: how many of the user's most recent microcycles **with any exposure** (ordered by
   *   their first exposure) to average over. Default 4.
   * - `upstream`: the app's lookback: the user's newest microcycles **by start date** (ties: the
   *   higher id is the newer), planned weeks without exposures included. Default 2.
   */
  lastNMicrocycles?: number | null | undefined;
}

/**
 * Options of the trend queries (and the deload signal). Every option is validated (unknown keys
 * too): a bad one is a `GainslyValidationError` naming it and the allowed values. `undefined` or
 * `null` means "the default".
 * @example
 * ```ts
 * const opts: PatternTrendQueryOptions = { windowMicrocycles: 6, threshold: 0.02 };
 * const asTheApp: PatternTrendQueryOptions = { method: 'upstream' }; // window 4, 5 %
 * ```
 */
export interface PatternTrendQueryOptions {
  /** `'library'` (default) or `'upstream'`; see {@link PatternMetricsMethod}. */
  method?: PatternMetricsMethod | null | undefined;
  /**
   * Microcycles in the trend window, an integer between 1 and 2147483647. Default 4 under both
   * methods; chosen as `lastNMicrocycles` is under the same method.
   */
  windowMicrocycles?: number | null | undefined;
  /**
   * Relative change that counts as increasing/decreasing, a fraction (0.05 = 5 %), finite and >= 0.
   * - `library`: default 0.025; a change of at least the threshold counts (inclusive).
   * - `upstream`: default 0.05, the app's 5 %; the app's percent change must be strictly beyond
   *   `threshold × 100` (a change of exactly 5 % is stable, as in the app).
   */
  threshold?: number | null | undefined;
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
 * every PSI and trend statement so they always agree on "the last N microcycles"; a statement that
 * uses it starts `with recursive`.
 *
 * `firsts` holds each of the user's microcycles with its first exposure date, found by skipping
 * through the covering index (user_id, microcycle_id, date) of migration 0003: one index probe per
 * microcycle, where `group by microcycle_id` read every exposure of the user's history (PostgreSQL
 * 15 has no skip scan of its own). Same rows, same order: the first entry of a microcycle in that
 * index is its `min(date)` (docs/performance.md, "PSI: one probe per microcycle").
 */
const recentMicrocycles = (user: unknown, microcycles: unknown) => sql`
  firsts (microcycle_id, first_date) as (
    (select x.microcycle_id, x.date from pattern_exposures x where ${ownedSql('pattern_exposures', sql.ref('x'), user as number)}
      order by x.microcycle_id, x.date limit 1)
    union all
    select n.microcycle_id, n.date from firsts f cross join lateral (
      select x.microcycle_id, x.date from pattern_exposures x
       where ${ownedSql('pattern_exposures', sql.ref('x'), user as number)} and x.microcycle_id > f.microcycle_id
       order by x.microcycle_id, x.date limit 1) n),
  recent as (
    select microcycle_id, first_date from firsts
     order by first_date desc, microcycle_id desc
     limit ${microcycles})`;

/** The overflow-free mean of `pe.e1rm_value` (float-mean.ts), a constant fragment. */
const E1RM_MEAN = sql.raw(floatMeanSql('pe.e1rm_value', 'pe.id'));

/** The user and the PSI window, the values of every PSI and trend statement. */
interface WindowParams extends Record<string, unknown> {
  user: number;
  microcycles: number;
}

/**
 * The user's exposures in the window `recent` (of {@link recentMicrocycles}), as `pe` with `id`,
 * `pattern` and `e1rm_value`, read microcycle by microcycle through the (user_id, microcycle_id)
 * prefix of the covering index. `offset 0` keeps the lateral subquery a subquery, so PostgreSQL
 * cannot turn it into a join that reads all of the user's exposures to keep the window's (which it
 * chose for a user whose history dwarfs the window when one microcycle of the table is huge:
 * test/integration/psi-window.test.ts, "entries read").
 */
const windowExposures = (user: unknown, condition: RawBuilder<unknown> = sql``) => sql`recent r cross join lateral (
    select x.id, x.pattern, x.e1rm_value from pattern_exposures x
     where ${ownedSql('pattern_exposures', sql.ref('x'), user as number)} and x.microcycle_id = r.microcycle_id${condition}
    offset 0) pe`;

// The statements, compiled once (see `namedStatement`), not on every call.
const PSI_ALL_SQL = namedStatement<WindowParams, { pattern: string; mean: number; n: number }>((p) => sql`with recursive ${recentMicrocycles(p.user, p.microcycles)}
       select pe.pattern::text as pattern, ${E1RM_MEAN} as mean, count(*)::int as n
         from ${windowExposures(p.user)}
        group by pe.pattern`);
const PSI_SQL = namedStatement<WindowParams & { label: string }, { mean: number | null; n: number }>((p) => sql`with recursive ${recentMicrocycles(p.user, p.microcycles)}
       select ${E1RM_MEAN} as mean, count(*)::int as n
         from ${windowExposures(p.user, sql` and x.pattern = ${p.label}::movementpattern`)}`);
const TREND_ALL_SQL = namedStatement<WindowParams, { pattern: string; mean: number }>((p) => sql`with recursive ${recentMicrocycles(p.user, p.microcycles)}
       select pe.pattern::text as pattern, ${E1RM_MEAN} as mean
         from ${windowExposures(p.user)}
        group by pe.pattern, r.microcycle_id, r.first_date
        order by pe.pattern, r.first_date, r.microcycle_id`);
// Run only when a statement above returned an unknown label or a non-finite mean, to name a row.
const unknownPatternRow = (user: number, label: string) => sql<{ id: number }>`select x.id from pattern_exposures x where ${ownedSql('pattern_exposures', sql.ref('x'), user)} and pattern::text = ${label} order by id limit 1`;
const nonFiniteE1rmRow = (user: number, microcycles: number, label: string | null) => sql<{ id: number; e1rm: number }>`with recursive ${recentMicrocycles(user, microcycles)}
       select pe.id, pe.e1rm_value::float8 as e1rm from ${windowExposures(user)}
        where pe.e1rm_value in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)
          and pe.pattern::text = coalesce(${label}::text, pe.pattern::text)
        order by pe.id limit 1`;
/** The user and an inclusive date range, the values of both history statements. */
interface HistoryParams extends Record<string, unknown> {
  user: number;
  from: string;
  to: string;
}
const PATTERN_HISTORY_SQL = namedStatement<HistoryParams & { label: string }, { id: number; date: string; e1rm: number }>((p) => sql`select id, to_char(date, 'YYYY-MM-DD') as date, e1rm_value::float8 as e1rm from pattern_exposures x
              where ${ownedSql('pattern_exposures', sql.ref('x'), p.user)} and pattern = ${p.label}::movementpattern and date between ${p.from}::date and ${p.to}::date
              order by date, id`);
const MOVEMENT_HISTORY_SQL = namedStatement<HistoryParams & { movement: number }, { id: number; date: string; e1rm: number }>((p) => sql`select t.id, to_char(w.date, 'YYYY-MM-DD') as date, t.e1rm_value::float8 as e1rm
               from top_set_logs t join workout_logs w on w.id = t.workout_log_id
              where ${ownedSql('workout_logs', sql.ref('w'), p.user)} and t.movement_id = ${p.movement} and t.e1rm_value is not null and w.date between ${p.from}::date and ${p.to}::date
              order by w.date, t.id`);

/**
 * The upstream window and its exposures, in one statement: the user's newest microcycles through
 * all their programs (`start_date` desc, then `id` desc: the tie-break the domain functions use
 * too), then the user's exposures in them, as one list (`exposure_id` null marks a microcycle).
 * Planned weeks are rows of `recent` whether or not they have exposures. With `label`, only that
 * pattern's exposures.
 */
const upstreamWindow = (byPattern: boolean) =>
  namedStatement<WindowParams & { label?: string }, UpstreamWindowRow>((p) => sql`with recent as (
         select m.id, m.start_date from microcycles m join programs p on p.id = m.program_id
          where ${ownedSql('programs', sql.ref('p'), p.user)} order by m.start_date desc, m.id desc limit ${p.microcycles})
       select null::int as exposure_id, r.id as microcycle_id, to_char(r.start_date, 'YYYY-MM-DD') as date, null::text as pattern, null::float8 as e1rm
         from recent r
       union all
       select pe.id, pe.microcycle_id, to_char(pe.date, 'YYYY-MM-DD'), pe.pattern::text, pe.e1rm_value::float8
         from pattern_exposures pe
        where ${ownedSql('pattern_exposures', sql.ref('pe'), p.user)} and pe.microcycle_id in (select id from recent)${byPattern ? sql` and pe.pattern = ${p.label}::movementpattern` : sql``}`);
const UPSTREAM_WINDOW_SQL = upstreamWindow(false);
const UPSTREAM_WINDOW_PATTERN_SQL = upstreamWindow(true);

interface UpstreamWindowRow {
  exposure_id: number | null;
  microcycle_id: number;
  date: string;
  pattern: string | null;
  e1rm: number | null;
}

/** The validated options of one call. */
interface MetricsQuery {
  method: PatternMetricsMethod;
  /** `lastNMicrocycles` or `windowMicrocycles`, defaulted for the method. */
  microcycles: number;
  /** Trend queries only, defaulted for the method. */
  threshold: number;
}

/**
 * Validates the options of a strength or trend query with their schemas (`patternStrengthOptionsSchema`,
 * `patternTrendOptionsSchema`), listing every problem in one GainslyValidationError (path = the
 * option, message = the allowed values), before any SQL; then applies the method's defaults.
 */
function metricsQuery(options: unknown, kind: 'strength' | 'trend'): MetricsQuery {
  if (kind === 'strength') {
    const given = parseOptions(schemas.patternStrengthOptionsSchema, options, 'PatternStrengthQueryOptions');
    const method = given.method ?? 'library';
    return { method, microcycles: given.lastNMicrocycles ?? (method === 'upstream' ? UPSTREAM_PSI_LOOKBACK : DEFAULT_PSI_MICROCYCLES), threshold: 0 };
  }
  const given = parseOptions(schemas.patternTrendOptionsSchema, options, 'PatternTrendQueryOptions');
  const method = given.method ?? 'library';
  const upstream = method === 'upstream';
  return {
    method,
    microcycles: given.windowMicrocycles ?? (upstream ? UPSTREAM_TREND_WINDOW : DEFAULT_PSI_MICROCYCLES),
    threshold: given.threshold ?? (upstream ? UPSTREAM_TREND_THRESHOLD : DEFAULT_TREND_THRESHOLD),
  };
}


/** A pattern argument, checked before it reaches SQL (an unknown one is a GainslyValidationError listing the patterns). */
function requirePattern(pattern: unknown): MovementPattern {
  return parseArgument(schemas.movementPatternArgumentSchema, pattern, 'pattern');
}

/** The window rows as the domain's input (microcycles and exposures). */
function upstreamData(rows: readonly UpstreamWindowRow[]): UpstreamMetricsData {
  const data = { microcycles: [] as { id: number; startDate: string }[], exposures: [] as UpstreamMetricsData['exposures'][number][] };
  for (const r of rows) {
    if (r.exposure_id === null) data.microcycles.push({ id: r.microcycle_id, startDate: r.date });
    else {
      data.exposures.push({
        id: r.exposure_id,
        microcycleId: r.microcycle_id,
        pattern: storedLabel(ENUMS.MovementPattern, r.pattern, { table: 'pattern_exposures', column: 'pattern', rowId: r.exposure_id }),
        date: r.date,
        e1rmValue: Number(r.e1rm),
      });
    }
  }
  return data;
}

/**
 * Runs a domain computation on rows read from the database: a row it refuses (a non-finite
 * `e1rm_value`, a date outside 0001–9999) is stored data the library cannot use, so it surfaces as
 * a GainslyDataError naming the table and column rather than as the domain's argument error.
 */
function fromStoredRows<T>(data: UpstreamMetricsData, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof DomainArgumentError)) throw error;
    const problem = error.problems[0];
    const [, list, index, field] = problem?.path ?? [];
    const table = list === 'microcycles' ? 'microcycles' : 'pattern_exposures';
    const column = String(field ?? '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const rows: readonly { id: number }[] = list === 'microcycles' ? data.microcycles : data.exposures;
    const rowId = typeof index === 'number' ? (rows[index]?.id ?? null) : null;
    throw new GainslyDataError(`A ${table} row${rowId == null ? '' : ` (id ${rowId})`} holds a value the pattern metrics cannot use: ${error.message}`, table, column, problem?.received, rowId);
  }
}

/**
 * Where a mean's pattern label comes from. `meansUsable` has already refused the row of a label
 * this version does not know, so converting with `storedLabel` (the one label-to-value conversion
 * of the raw routes) cannot fail here.
 */
const MEAN_PATTERN = { table: 'pattern_exposures', column: 'pattern', rowId: null } as const;

/** A row of the library method's statements: a pattern label (absent for one pattern's statement) and its mean. */
type MeanRow = { pattern?: string; mean: number | null };

/** Whether the row carries a pattern label this version does not know. */
function unknownLabel(row: MeanRow): boolean {
  return row.pattern !== undefined && !Object.hasOwn(ENUMS.MovementPattern.dbToSemantic, row.pattern);
}

/**
 * The library method's statements return one mean per pattern (and microcycle), not rows. They are
 * checked before use: a pattern label this version does not know, or a mean that is not finite (only
 * a stored NaN or Infinity gives one: the sums cannot overflow), is refused here, and
 * {@link meansError} then names an exposure that holds it. Synchronous, and apart from that
 * function: it runs on every call, the statement behind the error almost never.
 */
function meansUsable(rows: readonly MeanRow[]): boolean {
  for (const r of rows) {
    if (unknownLabel(r) || nonFiniteMean(r)) return false;
  }
  return true;
}

/** Whether the row's mean is there but not a finite number (a stored NaN or Infinity among its values). */
function nonFiniteMean(row: MeanRow): boolean {
  return row.mean != null && !Number.isFinite(Number(row.mean));
}

/**
 * The GainslyDataError for mean rows {@link meansUsable} refused: an unknown pattern label first,
 * else a mean that is not finite, each naming an exposure that holds it (found by a second statement).
 */
async function meansError(em: EntityManager, userId: number, microcycles: number, rows: readonly MeanRow[], pattern?: string): Promise<GainslyDataError> {
  const unknown = rows.find(unknownLabel);
  if (unknown) {
    const [row] = await executeBound(em, unknownPatternRow(userId, unknown.pattern!));
    return storedValueError({ table: 'pattern_exposures', column: 'pattern', rowId: row?.id ?? null }, unknown.pattern, labelExpectation(ENUMS.MovementPattern));
  }
  const [row] = await executeBound(em, nonFiniteE1rmRow(userId, microcycles, pattern ?? null));
  return storedValueError({ table: 'pattern_exposures', column: 'e1rm_value', rowId: row?.id ?? null }, row ? Number(row.e1rm) : Number.NaN, 'a finite number');
}

/** Each pattern label's position in `MovementPattern`'s values. */
const PATTERN_POSITION: ReadonlyMap<string, number> = new Map(ENUMS.MovementPattern.dbValues.map((label, i) => [label, i]));

/**
 * psiAll's rows from its statement's means, in the order of `MovementPattern`'s values, checked on
 * the way as {@link meansUsable} checks them; `undefined` when a label is unknown or a mean is not
 * finite ({@link meansError} then names the row). One pass over the means and one over the
 * patterns: the label check, the conversion and the lookup by pattern were three (issue #23).
 */
function patternStrengths(means: readonly { pattern: string; mean: number | null; n: number }[]): PatternStrength[] | undefined {
  const byPosition: ({ mean: number | null; n: number } | undefined)[] = [];
  for (const row of means) {
    const position = PATTERN_POSITION.get(row.pattern);
    if (position === undefined || nonFiniteMean(row)) return undefined;
    byPosition[position] = row;
  }
  return ENUMS.MovementPattern.values.map((pattern, i) => {
    const row = byPosition[i];
    const exposures = row ? Number(row.n) : 0;
    return { pattern, exposures, psi: row && exposures >= MIN_PSI_EXPOSURES ? Number(row.mean) : null };
  });
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
    const user = requireId(userId, 'userId');
    return this.find({ user, pattern: requirePattern(pattern) }, { orderBy: { date: 'asc', id: 'asc' } });
  }

  /**
   * The pattern strength index of every one of the 17 patterns, in one statement, `null` below 2
   * exposures in the window. `exposures` counts the pattern's exposures in the window.
   *
   * - `method: 'library'` (default): the mean e1RM of each pattern's exposures in the user's last
   *   `lastNMicrocycles` (default 4) microcycles that have any exposure.
   * - `method: 'upstream'`: the app's PSI: the plain mean of the pattern's exposures in the user's
   *   `lastNMicrocycles` (default 2) newest microcycles by start date (ties: the higher id),
   *   through all their programs, planned weeks included. Summed in ascending exposure id order,
   *   so the same rows give the same float whatever their physical order. Equals
   *   `upstreamPatternStrengthIndexAll` of `@gainsly/db/domain` on the same rows.
   *
   * @throws {GainslyValidationError} for a bad `userId` or option (see {@link PatternStrengthQueryOptions})
   * @throws {GainslyDataError} (upstream) when a stored exposure's e1RM is not a finite number
   * @example
   * ```ts
   * const rows = await em.getRepository(PatternExposure).psiAll(userId, { lastNMicrocycles: 4 });
   * rows.find((r) => r.pattern === 'squat')?.psi;
   * const asTheApp = await em.getRepository(PatternExposure).psiAll(userId, { method: 'upstream' });
   * ```
   */
  async psiAll(userId: number, options: PatternStrengthQueryOptions = {}): Promise<PatternStrength[]> {
    requireId(userId, 'userId');
    const query = metricsQuery(options, 'strength');
    if (query.method === 'upstream') return this.upstreamPsiAll(userId, query.microcycles);
    // Awaited rather than returned: an async function that returns a promise settles two promise
    // steps later than one that returns the awaited value (docs/performance.md, "Fewer awaits").
    return await this.routed(userId, async () => {
      const found = await executeBound(this.getEntityManager(), PSI_ALL_SQL.bind({ user: userId, microcycles: query.microcycles }));
      const strengths = patternStrengths(found);
      if (strengths === undefined) throw await meansError(this.getEntityManager(), userId, query.microcycles, found);
      return strengths;
    });
  }

  /**
   * The pattern strength index of one pattern (same window and method as {@link psiAll}), in one
   * statement.
   *
   * @throws {GainslyValidationError} for a bad `userId`, `pattern` or option
   * @throws {GainslyDataError} (upstream) when a stored exposure's e1RM is not a finite number
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).psi(userId, 'squat'); // 142.5 or null
   * await em.getRepository(PatternExposure).psi(userId, 'squat', { method: 'upstream', lastNMicrocycles: 4 });
   * ```
   */
  async psi(userId: number, pattern: MovementPattern, options: PatternStrengthQueryOptions = {}): Promise<number | null> {
    requireId(userId, 'userId');
    requirePattern(pattern);
    const query = metricsQuery(options, 'strength');
    if (query.method === 'upstream') {
      const data = await this.routed(userId, () => this.upstreamWindow(userId, query.microcycles, pattern));
      return fromStoredRows(data, () => upstreamPatternStrengthIndexAll(data, { lastNMicrocycles: query.microcycles }))[pattern];
    }
    const label = ENUMS.MovementPattern.toDb(pattern);
    const row = await this.routed(userId, async () => {
      const [found] = await executeBound(this.getEntityManager(), PSI_SQL.bind({ user: userId, microcycles: query.microcycles, label }));
      if (found && !meansUsable([found])) throw await meansError(this.getEntityManager(), userId, query.microcycles, [found], label);
      return found;
    });
    return row && Number(row.n) >= MIN_PSI_EXPOSURES ? Number(row.mean) : null;
  }

  /**
   * Each pattern's trend over the last `windowMicrocycles` (default 4) microcycles, in one
   * statement for all 17 patterns.
   *
   * - `method: 'library'` (default): the per-microcycle mean e1RM series (microcycles with any
   *   exposure) judged by `patternTrend`: first half against second half, `threshold` relative
   *   (default 0.025, inclusive), fewer than 2 points → `'insufficient_data'`.
   * - `method: 'upstream'`: the app's trend: the pattern's exposures in the newest
   *   `windowMicrocycles` microcycles by start date (planned weeks included), by date descending
   *   (ties: the higher id first); fewer than 4 → `'insufficient_data'`; the mean of the newest
   *   ⌊n/2⌋ against the mean of the rest; an older mean of 0 → `'insufficient_data'`; beyond
   *   ±`threshold` (default 0.05, strict) → increasing / decreasing. Equals
   *   `upstreamPatternTrendAll` of `@gainsly/db/domain` on the same rows.
   *
   * @throws {GainslyValidationError} for a bad `userId` or option (see {@link PatternTrendQueryOptions})
   * @throws {GainslyDataError} (upstream) when a stored exposure's e1RM is not a finite number
   * @example
   * ```ts
   * const trends = await em.getRepository(PatternExposure).trendAll(userId);
   * trends.squat; // 'increasing' | 'decreasing' | 'stable' | 'insufficient_data'
   * const asTheApp = await em.getRepository(PatternExposure).trendAll(userId, { method: 'upstream' });
   * ```
   */
  async trendAll(userId: number, options: PatternTrendQueryOptions = {}): Promise<Record<MovementPattern, PatternTrend>> {
    requireId(userId, 'userId');
    return this.trends(userId, metricsQuery(options, 'trend'));
  }

  /**
   * One pattern's trend (see {@link trendAll}: same window, method and options), in one statement.
   *
   * @throws {GainslyValidationError} for a bad `userId`, `pattern` or option
   * @throws {GainslyDataError} (upstream) when a stored exposure's e1RM is not a finite number
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).trend(userId, 'hinge', { windowMicrocycles: 6 });
   * await em.getRepository(PatternExposure).trend(userId, 'hinge', { method: 'upstream' });
   * ```
   */
  async trend(userId: number, pattern: MovementPattern, options: PatternTrendQueryOptions = {}): Promise<PatternTrend> {
    requireId(userId, 'userId');
    requirePattern(pattern);
    return (await this.trends(userId, metricsQuery(options, 'trend'), pattern))[pattern];
  }

  /**
   * Whether the user should deload: two or more patterns `'decreasing'` by {@link trendAll} with
   * the same options (under `method: 'upstream'` that is exactly the app's deload signal).
   *
   * @throws {GainslyValidationError} for a bad `userId` or option (see {@link PatternTrendQueryOptions})
   * @throws {GainslyDataError} (upstream) when a stored exposure's e1RM is not a finite number
   * @example
   * ```ts
   * const { deload, decliningPatterns } = await em.getRepository(PatternExposure).deloadSignal(userId);
   * const asTheApp = await em.getRepository(PatternExposure).deloadSignal(userId, { method: 'upstream' });
   * ```
   */
  async deloadSignal(userId: number, options: PatternTrendQueryOptions = {}): Promise<DeloadSignal> {
    return deloadSignal(await this.trendAll(userId, options));
  }

  /** {@link psiAll} under `method: 'upstream'`, over the newest `microcycles` microcycles. */
  private async upstreamPsiAll(userId: number, microcycles: number): Promise<PatternStrength[]> {
    const data = await this.routed(userId, () => this.upstreamWindow(userId, microcycles));
    const psi = fromStoredRows(data, () => upstreamPatternStrengthIndexAll(data, { lastNMicrocycles: microcycles }));
    const counts = new Map<MovementPattern, number>();
    for (const e of data.exposures) counts.set(e.pattern, (counts.get(e.pattern) ?? 0) + 1);
    return ENUMS.MovementPattern.values.map((pattern) => ({ pattern, psi: psi[pattern], exposures: counts.get(pattern) ?? 0 }));
  }

  /** Trends under validated options; with `pattern`, the upstream statement reads only that pattern's exposures. */
  private async trends(userId: number, query: MetricsQuery, pattern?: MovementPattern): Promise<Record<MovementPattern, PatternTrend>> {
    if (query.method === 'upstream') {
      const data = await this.routed(userId, () => this.upstreamWindow(userId, query.microcycles, pattern));
      return fromStoredRows(data, () => upstreamPatternTrendAll(data, { windowMicrocycles: query.microcycles, threshold: query.threshold }));
    }
    const rows = await this.routed(userId, async () => {
      const found = await executeBound(this.getEntityManager(), TREND_ALL_SQL.bind({ user: userId, microcycles: query.microcycles }));
      if (!meansUsable(found)) throw await meansError(this.getEntityManager(), userId, query.microcycles, found);
      return found;
    });
    const series = new Map<MovementPattern, number[]>();
    for (const r of rows) {
      const p = storedLabel(ENUMS.MovementPattern, r.pattern, MEAN_PATTERN);
      series.set(p, [...(series.get(p) ?? []), Number(r.mean)]);
    }
    return Object.fromEntries(
      ENUMS.MovementPattern.values.map((p) => [p, patternTrend(series.get(p) ?? [], { threshold: query.threshold })]),
    ) as Record<MovementPattern, PatternTrend>;
  }

  /** The upstream window (the user's `size` newest microcycles) and the user's exposures in it, optionally of one pattern. */
  private async upstreamWindow(userId: number, size: number, pattern?: MovementPattern): Promise<UpstreamMetricsData> {
    const rows =
      pattern === undefined
        ? await executeBound(this.getEntityManager(), UPSTREAM_WINDOW_SQL.bind({ user: userId, microcycles: size }))
        : await executeBound(this.getEntityManager(), UPSTREAM_WINDOW_PATTERN_SQL.bind({ user: userId, microcycles: size, label: ENUMS.MovementPattern.toDb(pattern) }));
    return upstreamData(rows);
  }

  /**
   * e1RM over time for plotting: a pattern's exposures, or a movement's top sets (with an e1RM),
   * oldest first. `target` names exactly one of `pattern` (a semantic value) and `movementId`, and
   * optionally an inclusive range of real calendar dates (`from` not after `to`); anything else is
   * a `GainslyValidationError` naming the key.
   * @example
   * ```ts
   * await em.getRepository(PatternExposure).e1rmHistory(userId, { pattern: 'squat' });
   * await em.getRepository(PatternExposure).e1rmHistory(userId, { movementId: benchId, from: '2026-01-01' });
   * ```
   */
  async e1rmHistory(
    userId: number,
    target: { pattern: MovementPattern; from?: string | null | undefined; to?: string | null | undefined } | { movementId: number; from?: string | null | undefined; to?: string | null | undefined },
  ): Promise<E1rmPoint[]> {
    requireId(userId, 'userId');
    const parsed = parseOptions(schemas.e1rmHistoryTargetSchema, target, 'E1rmHistoryTarget');
    const from = parsed.from ?? '0001-01-01';
    const to = parsed.to ?? '9999-12-31';
    const rows = await this.routed(userId, () =>
      parsed.pattern != null
        ? executeBound(this.getEntityManager(), PATTERN_HISTORY_SQL.bind({ user: userId, label: ENUMS.MovementPattern.toDb(parsed.pattern), from, to }))
        : executeBound(this.getEntityManager(), MOVEMENT_HISTORY_SQL.bind({ user: userId, movement: parsed.movementId!, from, to })),
    );
    const table = parsed.pattern != null ? 'pattern_exposures' : 'top_set_logs';
    // A point is a number to plot: a stored NaN or Infinity would reach a chart as null (JSON).
    return rows.map((r) => ({ date: r.date, e1rm: checkStored<number>(FINITE, Number(r.e1rm), { table, column: 'e1rm_value', rowId: r.id }) }));
  }
}
