import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { requireId } from '../../orm/arguments.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { coveringMicrocycleId } from '../programs/covering-microcycle.js';
import { ownedSql, visibleMovementSql } from '../ownership.js';
import { enumValueShape, labelExpectation, parsedJson, storedLabel, storedValueError } from '../../orm/stored-values.js';
import { GainslyError, GainslyNotFoundError } from '../../orm/errors.js';
import { ENUMS, type E1RMFormula, type E1RMFormulaLabel } from '../../enums/index.js';
import { E1RMRangeError, estimateOneRepMaxAsStored, estimateOneRepMaxWithEffort } from '../../domain/index.js';
import { storedMultipliers } from '../../domain/e1rm.js';
import type { LogWorkoutData, LogWorkoutInput } from '../../schemas/inputs/logging.js';
import { parseInput } from '../../schemas/errors.js';
import type { WorkoutLog } from './workout-log.entity.js';
import type { PatternExposureRow, TopSetLogRow, WorkoutLogRow } from '../../schemas/rows/index.js';
import { schemas } from '../../orm/validation.js';

/**
 * A workout log as `logWorkout` returns it: the `workout_logs` row it wrote, `feedbackTags` and
 * `createdAt` always set.
 * @example
 * ```ts
 * const { workoutLog }: { workoutLog: LoggedWorkoutLog } = await logs.logWorkout(userId, input);
 * res.json({ id: workoutLog.id, date: workoutLog.date });
 * ```
 */
export interface LoggedWorkoutLog extends WorkoutLogRow {
  feedbackTags: string[];
  createdAt: Date;
}

/**
 * A top set as `logWorkout` returns it: the `top_set_logs` row it wrote (the e1RM, formula and
 * pattern the repository derived) plus `e1rmAdjusted`, the one field that is not a column.
 * @example
 * ```ts
 * const { topSets } = await logs.logWorkout(userId, input);
 * topSets.map((t: LoggedTopSet) => `${t.pattern}: ${t.e1rmValue} (effort-adjusted ${t.e1rmAdjusted ?? 'n/a'})`);
 * ```
 */
export interface LoggedTopSet extends TopSetLogRow {
  /**
   * `top_set_logs.e1rm_value`: exactly `e1rmFormula` applied to (`weight`, `reps`), with no RPE/RIR
   * adjustment (`estimateOneRepMaxAsStored`; Brzycki at >= 37 reps is `weight × 2.5`, as the
   * upstream app stores it), so a reader can recompute it from the row.
   */
  e1rmValue: number | null;
  /**
   * The RPE/RIR-adjusted estimate under the same formula (`estimateOneRepMaxWithEffort`: effective
   * reps = reps + RIR, RIR = 10 − RPE when only RPE is given), for display. **Not stored**: it is
   * not a `top_set_logs` column and is not read back. Equals `e1rmValue` when neither RPE nor RIR
   * was reported (or RPE 10 / RIR 0); `null` where the formula is undefined for the effective reps
   * (Brzycki at 37 or more).
   */
  e1rmAdjusted: number | null;
  e1rmFormula: E1RMFormula;
  createdAt: Date;
}

/**
 * A pattern exposure as `logWorkout` returns it: the `pattern_exposures` row it wrote.
 * @example
 * ```ts
 * const { exposures } = await logs.logWorkout(userId, input);
 * exposures.map((e: LoggedExposure) => [e.pattern, e.e1rmValue]);
 * ```
 */
export interface LoggedExposure extends PatternExposureRow {
  createdAt: Date;
}

/**
 * What {@link WorkoutLogRepository.logWorkout} stored, as plain data built from the values it
 * wrote (no second read). To work on the rows as entities, load them:
 * `em.findOneOrFail(WorkoutLog, workoutLog.id, { populate: ['topSets'] })`.
 * @example
 * ```ts
 * const { workoutLog, topSets, exposures } = await logs.logWorkout(userId, input);
 * ```
 */
export interface LoggedWorkout {
  workoutLog: LoggedWorkoutLog;
  /** In input order, each with `e1rmValue` (stored), `e1rmAdjusted` (not stored), `e1rmFormula` and the movement's `pattern`. */
  topSets: LoggedTopSet[];
  /** One per top set (carrying its stored `e1rmValue`), when a microcycle covers the workout; otherwise empty. In top set order. */
  exposures: LoggedExposure[];
  /** The microcycle the exposures were filed under, or `null`. */
  microcycleId: number | null;
}

/**
 * A constant list of the library's own enum values or labels as an SQL array literal: part of the
 * statement's text, so it is parsed once with the prepared statement instead of bound on every call.
 */
function textArray(values: readonly string[]) {
  return sql`array[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;
}

/** The logWorkout statement's values, by name (database labels for enums, JSON as text). */
interface LogWorkoutParams extends Record<string, unknown> {
  /** The top sets as a JSON array, each with its stored-e1RM multipliers (see {@link setsJson}). */
  sets: string;
  user: number;
  session: number | null;
  date: string;
  movementIds: number[];
  movementCount: number;
  completed: boolean;
  notes: string | null;
  perceivedDifficulty: number | null;
  enjoymentRating: number | null;
  feedbackTags: string;
  actualDurationMinutes: number | null;
  now: string;
  visibility: string;
}

/** What the logWorkout statement returns: the context it checked, and the ids of the rows it wrote. */
interface LogWorkoutResultRow {
  user_exists: boolean;
  /** `user_settings.active_e1rm_formula` (a label), or null without settings. */
  formula: E1RMFormulaLabel | null;
  /**
   * The microcycle of the session named when that session is the user's (src/modules/ownership.ts);
   * null when it is another user's or there is none by that id (an owned session always has one:
   * ownership follows it). Ownership is asked in the lookup's WHERE clause, where PostgreSQL turns
   * the chain into index lookups; as a value of the select list it built the set of all the user's
   * microcycles on every call, a cost that grew with the user's history (docs/performance.md,
   * "Choices that hold the figures").
   */
  session_microcycle_id: number | null;
  covering_microcycle_id: number | null;
  /** Null when a check failed and nothing was written. */
  workout_log_id: number | null;
  /** Per top set written, in insertion order (which is input order): `[id, pattern label, exposure id or null]`. */
  top_sets: [number, string, number | null][];
  /**
   * Only when nothing was written: the movements named, whether the user may use each
   * (src/modules/ownership.ts), to say which check failed. A written workout needs none of it.
   */
  movements: { id: number; pattern: string; visible: boolean }[] | null;
}

/** {@link LogWorkoutResultRow}'s values in the order the statement packs them. */
type PackedLogWorkoutResult = [
  LogWorkoutResultRow['user_exists'],
  LogWorkoutResultRow['formula'],
  LogWorkoutResultRow['session_microcycle_id'],
  LogWorkoutResultRow['covering_microcycle_id'],
  LogWorkoutResultRow['workout_log_id'],
  LogWorkoutResultRow['top_sets'],
  LogWorkoutResultRow['movements'],
];

/**
 * logWorkout in one statement: look up the context (user, formula, session and its owner, the
 * covering microcycle, the movements), and only when every check passes insert the workout log,
 * its top sets and their exposures. The statement returns the context, so the caller raises the
 * same typed errors as a separate lookup would, from the same snapshot (the movements only when
 * nothing was written: a written workout proves every check passed, and building and parsing that
 * JSON on every call cost client time; docs/performance.md, "Figures"). The e1RM of each top set
 * is the set's weight times the domain's stored-value multiplier of its reps under the user's
 * formula (each set's `multipliers`: every formula's, since the user's formula is only known inside
 * the statement; see {@link setsJson}). The context comes back packed in one JSON array (see
 * {@link logWorkoutOutcome}). Compiled once (`namedStatement`); each call binds its values by name.
 */
const LOG_WORKOUT = namedStatement<LogWorkoutParams, { outcome: unknown }>((p) => sql`
with input as (
  select * from json_to_recordset(${p.sets}::json)
    as i(ord int, "movementId" int, weight float8, reps int, rpe float8, rir int, "avgRestSeconds" int, multipliers json)
), ctx as (
  select exists (select 1 from users where id = ${p.user}) as user_exists,
         (select s.active_e1rm_formula::text from user_settings s where ${ownedSql('user_settings', sql.ref('s'), p.user)}) as formula,
         (select se.microcycle_id from sessions se where se.id = ${p.session}::int and ${ownedSql('sessions', sql.ref('se'), p.user)}) as session_microcycle_id,
         case when ${p.session}::int is null then ${coveringMicrocycleId(p.user, p.date)} end as covering_microcycle_id
), mv as (
  select mv.id, mv.pattern, ${visibleMovementSql(sql.ref('mv'), p.user)} as visible, l.label
    from movements mv left join unnest(${textArray(ENUMS.MovementPattern.values)}, ${textArray(ENUMS.MovementPattern.dbValues)}) as l(value, label) on l.value = mv.pattern
   where mv.id = any(${p.movementIds}::int[])
), ok as (
  select coalesce(ctx.formula, ${sql.lit(ENUMS.E1RMFormula.toDb('epley'))}::text) as formula,
         coalesce(ctx.session_microcycle_id, ctx.covering_microcycle_id) as microcycle_id
    from ctx
   where ctx.user_exists
     and (${p.session}::int is null or ctx.session_microcycle_id is not null)
     and (select count(*) from mv where mv.visible and mv.label is not null) = ${p.movementCount}::bigint
     and (ctx.formula is null or ctx.formula = any(${textArray(ENUMS.E1RMFormula.dbValues)}))
), wl as (
  insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating,
                            feedback_tags, actual_duration_minutes, created_at, visibility)
  select ${p.user}::int, ${p.session}::int, ${p.date}::date, ${p.completed}::boolean, ${p.notes}::text, ${p.perceivedDifficulty}::int, ${p.enjoymentRating}::int,
         ${p.feedbackTags}::json, ${p.actualDurationMinutes}::int, ${p.now}::timestamptz at time zone 'UTC', ${p.visibility}::visibility
    from ok
  returning id
), ts as (
  insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
  select wl.id, i."movementId", i.weight, i.reps, i.rpe, i.rir, i."avgRestSeconds", i.weight * (i.multipliers ->> (array_position(${textArray(ENUMS.E1RMFormula.dbValues)}, ok.formula) - 1))::float8,
         ok.formula::e1rmformula, mv.label::movementpattern, ${p.now}::timestamptz at time zone 'UTC'
    from wl cross join ok cross join input i join mv on mv.id = i."movementId"
   order by i.ord
  returning id, pattern, e1rm_value
), pe as (
  insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
  select ${p.user}::int, ok.microcycle_id, ${p.date}::date, ts.pattern, ts.e1rm_value, ts.id, ${p.now}::timestamptz at time zone 'UTC'
    from ts cross join ok
   where ok.microcycle_id is not null and ts.e1rm_value is not null
   order by ts.id
  returning id, source_top_set_log_id
)
select json_build_array(
         ctx.user_exists, ctx.formula, ctx.session_microcycle_id, ctx.covering_microcycle_id,
         (select id from wl),
         (select coalesce(json_agg(json_build_array(ts.id, ts.pattern, pe.id) order by ts.id), '[]'::json)
            from ts left join pe on pe.source_top_set_log_id = ts.id),
         case when not exists (select 1 from wl)
              then (select coalesce(json_agg(json_build_object('id', mv.id, 'pattern', mv.pattern, 'visible', mv.visible)), '[]'::json) from mv) end) as outcome
  from ctx`);

/**
 * The statement's one value, unpacked. It comes as one JSON array rather than a column each: the
 * driver describes and decodes every column of every result, and the seven columns this was cost
 * more client time than parsing one small array (docs/performance.md, "The logWorkout statement").
 */
function logWorkoutOutcome(row: { outcome: unknown } | undefined): LogWorkoutResultRow | undefined {
  if (row === undefined) return undefined;
  const [user_exists, formula, session_microcycle_id, covering_microcycle_id, workout_log_id, top_sets, movements] = parsedJson(row.outcome) as PackedLogWorkoutResult;
  return { user_exists, formula, session_microcycle_id, covering_microcycle_id, workout_log_id, top_sets, movements };
}

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
   * Stores a workout with its top sets atomically. Each top set gets the e1RM of the
   * user's `active_e1rm_formula`, the formula, and the movement's pattern; each top set also
   * becomes a pattern exposure in the microcycle of the workout's session or, without a session,
   * of the user's active program on that date (none when no microcycle covers it).
   *
   * The stored `e1rm_value` (and the exposure's) is exactly the formula named in `e1rm_formula`
   * applied to (`weight`, `reps`), ignoring RPE/RIR, as the upstream app stores it
   * (`estimateOneRepMaxAsStored`; Brzycki at >= 37 reps is `weight × 2.5`): a reader can
   * recompute the column from the row. The RPE/RIR-adjusted estimate is returned beside it as
   * `e1rmAdjusted` on each top set row and is not stored.
   *
   * **One SQL statement**, whatever the number of top sets: it looks up the user, their formula,
   * the session and the movements and, only when every check passes, inserts the workout log, the
   * top sets and the exposures (a single statement is atomic: all rows or none). Called inside
   * the caller's transaction (`em.transactional`), it runs under a savepoint, so a failure does
   * not abort the caller's transaction.
   *
   * Returns what it wrote as plain data ({@link LoggedWorkout}), built from the values it sent and
   * the ids the statement returned: nothing is read back and no entity is built, so the call costs
   * little more than the statement itself (entities for 17 rows cost about as much as the rest of
   * the call; see the benchmark). The rows are not in the EntityManager's identity map; load them
   * when you want to change them as entities.
   *
   * Throws, writing nothing: `GainslyValidationError` (bad input), `GainslyNotFoundError` (unknown
   * user, a session that is not this user's, a movement that does not exist or is another user's),
   * `GainslyDataError` (a movement whose stored pattern is not a MovementPattern value, or a user whose
   * `active_e1rm_formula` is a label this version does not know).
   * @example
   * ```ts
   * const { topSets } = await em.getRepository(WorkoutLog).logWorkout(user.id, {
   *   date: '2026-01-05', sessionId: session.id, perceivedDifficulty: 7,
   *   topSets: [{ movementId: squat.id, weight: 100, reps: 5, rpe: 8 }],
   * });
   * topSets[0].e1rmValue;    // 116.67 (epley of 100 x 5: stored)
   * topSets[0].e1rmAdjusted; // 123.33 (epley of 100 x (5 + 2 in reserve): not stored)
   * ```
   */
  async logWorkout(userId: number, input: LogWorkoutInput): Promise<LoggedWorkout> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.logWorkoutInputSchema, input, 'LogWorkoutInput');
    // The EntityManager of the current context (a transaction's, a request's, or this one).
    const em = this.getEntityManager().getContext(false);
    // On its own, the single statement is its own transaction. Inside the caller's transaction it
    // goes through `em.transactional`: a savepoint keeps a failed statement from aborting it.
    const logged = await (em.isInTransaction() ? em.transactional((tx) => logWorkoutIn(tx, userId, data)) : logWorkoutIn(em, userId, data));
    return this.written(userId, logged);
  }
}

/** JSON text of each rep count's stored-e1RM multipliers, made once per rep count (bounded by the input's reps limit). */
const MULTIPLIERS_TEXT = new Map<number, string>();

/**
 * The top sets as the statement reads them: a JSON array of objects, each with its reps' stored-e1RM
 * multipliers under every formula (`multipliers`, in the order of `E1RMFormula`'s labels; the
 * statement multiplies the weight by the one at the position of the user's formula, which is
 * `estimateOneRepMaxAsStored` exactly: `storedMultipliers`). The multipliers' text is made once per
 * rep count and spliced in as is: formatting each set's e1RM under every formula on every call was
 * the largest part of logWorkout's own client time (docs/performance.md, "The logWorkout
 * statement"). Written out rather than through `JSON.stringify`, which cannot take text that is
 * already JSON: every field is a number or null (the input schema checked them), and the JSON text
 * of a finite number is `String(number)`, the shortest that reads back as the same double.
 */
function setsJson(sets: readonly { movementId: number; weight: number; reps: number; rpe: number | null; rir: number | null; avgRestSeconds: number | null }[]): string {
  let text = '[';
  for (let ord = 0; ord < sets.length; ord++) {
    const set = sets[ord]!;
    let multipliers = MULTIPLIERS_TEXT.get(set.reps);
    if (multipliers === undefined) MULTIPLIERS_TEXT.set(set.reps, (multipliers = JSON.stringify(storedMultipliers(set.reps, ENUMS.E1RMFormula.values))));
    text += `${ord === 0 ? '' : ','}{"ord":${ord},"movementId":${set.movementId},"weight":${set.weight},"reps":${set.reps},"rpe":${set.rpe},"rir":${set.rir},"avgRestSeconds":${set.avgRestSeconds},"multipliers":${multipliers}}`;
  }
  return `${text}]`;
}

/** The SQL EntityManager a repository works through. */
type RepositoryEm = ReturnType<WorkoutLogRepository['getEntityManager']>;

async function logWorkoutIn(em: RepositoryEm, userId: number, data: LogWorkoutData): Promise<LoggedWorkout> {
  const movementIds = [...new Set(data.topSets.map((s) => s.movementId))];
  // The log's and each set's columns as stored, once: sent to the statement and returned as rows.
  const log: Omit<LoggedWorkoutLog, 'id'> = {
    userId,
    sessionId: data.sessionId ?? null,
    date: data.date,
    completed: data.completed,
    notes: data.notes ?? null,
    perceivedDifficulty: data.perceivedDifficulty ?? null,
    enjoymentRating: data.enjoymentRating ?? null,
    feedbackTags: data.feedbackTags ?? [],
    actualDurationMinutes: data.actualDurationMinutes ?? null,
    createdAt: new Date(),
    visibility: data.visibility ?? 'private',
  };
  const sets = data.topSets.map((s) => ({
    movementId: s.movementId,
    weight: s.weight,
    reps: s.reps,
    rpe: s.rpe ?? null,
    rir: s.rir ?? null,
    avgRestSeconds: s.avgRestSeconds ?? null,
  }));
  const params: LogWorkoutParams = {
    sets: setsJson(sets),
    user: log.userId,
    session: log.sessionId,
    date: log.date,
    // Bound parameters: the drivers (pg, PGlite) send JS arrays as PostgreSQL arrays.
    movementIds,
    movementCount: movementIds.length,
    completed: log.completed,
    notes: log.notes,
    perceivedDifficulty: log.perceivedDifficulty,
    enjoymentRating: log.enjoymentRating,
    feedbackTags: JSON.stringify(log.feedbackTags),
    actualDurationMinutes: log.actualDurationMinutes,
    now: log.createdAt.toISOString(),
    visibility: ENUMS.Visibility.toDb(log.visibility),
  };
  const row = logWorkoutOutcome((await executeBound(em, LOG_WORKOUT.bind(params)))[0]);
  if (row?.workout_log_id == null || !row.user_exists || (data.sessionId != null && row.session_microcycle_id == null)) {
    throw await notWrittenError(em, userId, data, movementIds, row);
  }
  const written = row.top_sets;
  if (written.length !== data.topSets.length) throw await notWrittenError(em, userId, data, movementIds, row);
  // Known by now (the statement wrote with it): converted as every raw route converts a label.
  const formula: E1RMFormula = row.formula ? storedLabel(ENUMS.E1RMFormula, row.formula, { table: 'user_settings', column: 'active_e1rm_formula' }) : 'epley';
  const microcycleId = row.session_microcycle_id ?? row.covering_microcycle_id ?? null;

  // The rows are written: describe them from the values sent and the ids returned.
  const workoutLog: LoggedWorkoutLog = { id: row.workout_log_id, ...log };
  const topSets = sets.map((set, i): LoggedTopSet => {
    const [id, pattern] = written[i]!;
    return {
      id,
      workoutLogId: workoutLog.id,
      ...set,
      e1rmValue: estimateOneRepMaxAsStored(set.weight, set.reps, formula),
      e1rmAdjusted: adjustedEstimate(set.weight, set.reps, set.rpe, set.rir, formula),
      e1rmFormula: formula,
      pattern: storedLabel(ENUMS.MovementPattern, pattern, { table: 'top_set_logs', column: 'pattern' }),
      createdAt: log.createdAt,
    };
  });
  const exposures: LoggedExposure[] = [];
  for (let i = 0; i < topSets.length; i++) {
    const exposureId = written[i]![2];
    if (exposureId == null) continue;
    const topSet = topSets[i]!;
    exposures.push({
      id: exposureId,
      userId,
      microcycleId: microcycleId!,
      date: log.date,
      pattern: topSet.pattern,
      e1rmValue: topSet.e1rmValue!,
      sourceTopSetLogId: topSet.id,
      createdAt: log.createdAt,
    });
  }
  return { workoutLog, topSets, exposures, microcycleId };
}

/**
 * The error of a statement that did not write the workout as asked, in the order of its checks: no
 * such user, a session not the user's, then what {@link whyNothingWritten} finds. Apart from
 * `logWorkoutIn`, which runs on every call: V8 optimizes a function once a budget proportional to
 * its size is spent (docs/performance.md, "Hot functions stay small").
 */
async function notWrittenError(em: RepositoryEm, userId: number, data: LogWorkoutData, movementIds: readonly number[], row: LogWorkoutResultRow | undefined): Promise<GainslyError> {
  if (!row?.user_exists) return new GainslyNotFoundError('User', 'users', { id: userId });
  if (data.sessionId != null && row.session_microcycle_id == null) return new GainslyNotFoundError('Session', 'sessions', { id: data.sessionId, userId });
  if (row.workout_log_id == null) await whyNothingWritten(em, userId, movementIds, row);
  const written = row.workout_log_id == null ? 'no workout log' : `${(parsedJson(row.top_sets) as unknown[]).length} of ${data.topSets.length} top sets`;
  return new GainslyError(`logWorkout: the database wrote ${written} although every check passed`);
}

/**
 * The statement wrote nothing: throws the typed error of the check that failed, from the context it
 * returned (the same snapshot). Returns when every check passed, which the caller reports.
 */
async function whyNothingWritten(em: RepositoryEm, userId: number, movementIds: readonly number[], row: LogWorkoutResultRow): Promise<void> {
  const movements = new Map((parsedJson(row.movements) as NonNullable<LogWorkoutResultRow['movements']> | null ?? []).map((m) => [m.id, m]));
  for (const id of movementIds) {
    const movement = movements.get(id);
    if (!movement || movement.visible !== true) throw new GainslyNotFoundError('Movement', 'movements', { id });
    if (!ENUMS.MovementPattern.is(movement.pattern)) throw storedValueError({ table: 'movements', column: 'pattern', rowId: id }, movement.pattern, enumValueShape(ENUMS.MovementPattern).expected);
  }
  if (row.formula != null && !Object.hasOwn(ENUMS.E1RMFormula.dbToSemantic, row.formula)) {
    // A label the type gained upstream: no e1RM could be computed.
    const [settings] = await executeBound<{ id: number }>(em, sql`select s.id from user_settings s where ${ownedSql('user_settings', sql.ref('s'), userId)}`);
    throw storedValueError({ table: 'user_settings', column: 'active_e1rm_formula', rowId: settings?.id ?? null }, row.formula, labelExpectation(ENUMS.E1RMFormula));
  }
}

/** The RPE/RIR-adjusted estimate returned as `e1rmAdjusted`; `null` where the formula is undefined for the effective reps. */
function adjustedEstimate(weight: number, reps: number, rpe: number | null, rir: number | null, formula: E1RMFormula): number | null {
  try {
    return estimateOneRepMaxWithEffort(weight, reps, { rpe: rpe ?? undefined, rir: rir ?? undefined, formula });
  } catch (error) {
    if (error instanceof E1RMRangeError) return null;
    throw error;
  }
}
