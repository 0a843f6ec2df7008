import { wrap } from '@mikro-orm/core';
import { DatedUserOwnedRepository } from '../../orm/base-repository.js';
import { requireId } from '../../orm/arguments.js';
import { executeBound, type BoundStatement } from '../../orm/bound-query.js';
import { GainslyDataError, GainslyError, GainslyNotFoundError } from '../../orm/errors.js';
import { ENUMS, type E1RMFormula, type E1RMFormulaLabel, type MovementPattern, type Visibility } from '../../enums/index.js';
import { E1RMRangeError, estimateOneRepMaxWithEffort } from '../../domain/index.js';
import { logWorkoutInputSchema, parseInput, type LogWorkoutData, type LogWorkoutInput } from '../../schemas/index.js';
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

/** What the logWorkout statement returns: the context it checked, and the ids of the rows it wrote. */
interface LogWorkoutResultRow {
  user_exists: boolean;
  /** `user_settings.active_e1rm_formula` (a label), or null without settings. */
  formula: E1RMFormulaLabel | null;
  session: { owner: number; microcycle_id: number } | null;
  covering_microcycle_id: number | null;
  movements: { id: number; pattern: string; user_id: number | null }[];
  /** Null when a check failed and nothing was written. */
  workout_log_id: number | null;
  /** In insertion order, which is input order. */
  top_set_ids: number[];
  /** `[id, source_top_set_log_id]`. */
  exposures: [number, number][];
}

/**
 * logWorkout in one statement: look up the context (user, formula, session and its owner, the
 * covering microcycle, the movements), and only when every check passes insert the workout log,
 * its top sets and their exposures. The statement returns the context, so the caller raises the
 * same typed errors as a separate lookup would, from the same snapshot. The e1RM of each top set
 * is computed in JS by the domain's formula for every E1RMFormula (`e1rm`, keyed by label); the
 * statement stores the one of the user's formula. `$name` placeholders become numbered parameters
 * (see `compileNamed`).
 */
const LOG_WORKOUT_SQL = `
with input as (
  select * from json_to_recordset($sets::json)
    as i(ord int, movement_id int, weight float8, reps int, rpe float8, rir int, avg_rest_seconds int, e1rm json)
), ctx as (
  select exists (select 1 from users where id = $user) as user_exists,
         (select s.active_e1rm_formula::text from user_settings s where s.user_id = $user) as formula,
         (select json_build_object('owner', p.user_id, 'microcycle_id', se.microcycle_id)
            from sessions se join microcycles m on m.id = se.microcycle_id join programs p on p.id = m.program_id
           where se.id = $session::int) as session,
         (select m.id from microcycles m join programs p on p.id = m.program_id
           where $session::int is null and p.user_id = $user and p.is_active is true
             and m.start_date <= $date::date and $date::date < m.start_date + m.length_days
           order by p.start_date desc, p.id desc, m.sequence_number limit 1) as covering_microcycle_id
), mv as (
  select mv.id, mv.pattern, mv.user_id, l.label
    from movements mv left join unnest($patternValues::text[], $patternLabels::text[]) as l(value, label) on l.value = mv.pattern
   where mv.id = any($movementIds::int[])
), ok as (
  select coalesce(ctx.formula, $defaultFormula::text) as formula,
         coalesce((ctx.session ->> 'microcycle_id')::int, ctx.covering_microcycle_id) as microcycle_id
    from ctx
   where ctx.user_exists
     and ($session::int is null or (ctx.session ->> 'owner')::int = $user)
     and (select count(*) from mv where (mv.user_id is null or mv.user_id = $user) and mv.label is not null) = $movementCount::bigint
), wl as (
  insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating,
                            feedback_tags, actual_duration_minutes, created_at, visibility)
  select $user::int, $session::int, $date::date, $completed::boolean, $notes::text, $perceivedDifficulty::int, $enjoymentRating::int,
         $feedbackTags::json, $actualDurationMinutes::int, $now::timestamptz at time zone 'UTC', $visibility::visibility
    from ok
  returning id
), ts as (
  insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
  select wl.id, i.movement_id, i.weight, i.reps, i.rpe, i.rir, i.avg_rest_seconds, (i.e1rm ->> ok.formula)::float8,
         ok.formula::e1rmformula, mv.label::movementpattern, $now::timestamptz at time zone 'UTC'
    from wl cross join ok cross join input i join mv on mv.id = i.movement_id
   order by i.ord
  returning id, pattern, e1rm_value
), pe as (
  insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
  select $user::int, ok.microcycle_id, $date::date, ts.pattern, ts.e1rm_value, ts.id, $now::timestamptz at time zone 'UTC'
    from ts cross join ok
   where ok.microcycle_id is not null and ts.e1rm_value is not null
   order by ts.id
  returning id, source_top_set_log_id
)
select ctx.user_exists, ctx.formula, ctx.session, ctx.covering_microcycle_id,
       (select coalesce(json_agg(json_build_object('id', mv.id, 'pattern', mv.pattern, 'user_id', mv.user_id)), '[]'::json) from mv) as movements,
       (select id from wl) as workout_log_id,
       (select coalesce(json_agg(ts.id order by ts.id), '[]'::json) from ts) as top_set_ids,
       (select coalesce(json_agg(json_build_array(pe.id, pe.source_top_set_log_id) order by pe.source_top_set_log_id), '[]'::json) from pe) as exposures
  from ctx`;

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
   * user's `active_e1rm_formula` (RPE/RIR-adjusted: effective reps = reps + RIR, RIR = 10 − RPE),
   * the formula, and the movement's pattern; each top set with an e1RM also becomes a pattern
   * exposure in the microcycle of the workout's session or, without a session, of the user's
   * active program on that date (none when no microcycle covers it).
   *
   * A Brzycki estimate beyond its 36-rep range is stored as `null` (and makes no exposure) rather
   * than failing the whole log.
   *
   * **One SQL statement**, whatever the number of top sets: it looks up the user, their formula,
   * the session and the movements and, only when every check passes, inserts the workout log, the
   * top sets and the exposures (a single statement is atomic: all rows or none). Called inside
   * the caller's transaction (`em.transactional`), it runs under a savepoint, so a failure does
   * not abort the caller's transaction (on the global EntityManager it also runs in a
   * transaction, a fork's). The returned entities are managed by the repository's EntityManager
   * (in its identity map, change-tracked: a later `em.flush()` writes only what you change), with
   * `workoutLog.topSets` initialised; a flush right after writes nothing.
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
    // The EntityManager of the current context (a transaction's, a request's, or this one).
    const em = this.getEntityManager().getContext(false);
    // On its own, the single statement is its own transaction. Through `em.transactional`, as this
    // method always ran: inside the caller's transaction (a savepoint keeps a failed statement from
    // aborting it), and on the global EntityManager (whose identity map MikroORM reserves: the
    // entities are merged into it from a fork after commit).
    const viaTransactional = em.isInTransaction() || (em.global && !em.config.get('allowGlobalContext'));
    return viaTransactional ? em.transactional((tx) => logWorkoutIn(tx, userId, data)) : logWorkoutIn(em, userId, data);
  }
}

/** The e1RM of a set under every formula, keyed by database label; `null` where a formula is undefined (Brzycki >= 37 reps). */
function e1rmByFormula(set: LogWorkoutData['topSets'][number]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const formula of ENUMS.E1RMFormula.values) out[ENUMS.E1RMFormula.toDb(formula)] = estimate(set.weight, set.reps, set.rpe, set.rir, formula);
  return out;
}

/** The SQL EntityManager a repository works through. */
type RepositoryEm = ReturnType<WorkoutLogRepository['getEntityManager']>;

async function logWorkoutIn(em: RepositoryEm, userId: number, data: LogWorkoutData): Promise<LoggedWorkout> {
  const movementIds = [...new Set(data.topSets.map((s) => s.movementId))];
  const e1rms = data.topSets.map(e1rmByFormula);
  const now = new Date();
  const visibility: Visibility = data.visibility ?? 'private';
  const feedbackTags = data.feedbackTags ?? [];
  const params = LOG_WORKOUT.bind({
    sets: JSON.stringify(
      data.topSets.map((s, ord) => ({
        ord,
        movement_id: s.movementId,
        weight: s.weight,
        reps: s.reps,
        rpe: s.rpe ?? null,
        rir: s.rir ?? null,
        avg_rest_seconds: s.avgRestSeconds ?? null,
        e1rm: e1rms[ord],
      })),
    ),
    user: userId,
    session: data.sessionId ?? null,
    date: data.date,
    // Bound parameters: the drivers (pg, PGlite) send JS arrays as PostgreSQL arrays.
    patternValues: ENUMS.MovementPattern.values,
    patternLabels: ENUMS.MovementPattern.dbValues,
    movementIds,
    movementCount: movementIds.length,
    defaultFormula: ENUMS.E1RMFormula.toDb('epley'),
    completed: data.completed,
    notes: data.notes ?? null,
    perceivedDifficulty: data.perceivedDifficulty ?? null,
    enjoymentRating: data.enjoymentRating ?? null,
    feedbackTags: JSON.stringify(feedbackTags),
    actualDurationMinutes: data.actualDurationMinutes ?? null,
    now: now.toISOString(),
    visibility: ENUMS.Visibility.toDb(visibility),
  });
  const [row] = await executeBound<LogWorkoutResultRow>(em, LOG_WORKOUT.statement, params);
  if (!row?.user_exists) throw new GainslyNotFoundError('User', 'users', { id: userId });
  const session = parsedJson(row.session) as LogWorkoutResultRow['session'];
  if (data.sessionId != null && (!session || session.owner !== userId)) {
    throw new GainslyNotFoundError('Session', 'sessions', { id: data.sessionId, userId });
  }
  const movements = new Map((parsedJson(row.movements) as LogWorkoutResultRow['movements']).map((m) => [m.id, m]));
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
  const formula: E1RMFormula = row.formula ? ENUMS.E1RMFormula.fromDb(row.formula) : 'epley';
  const microcycleId = session?.microcycle_id ?? row.covering_microcycle_id ?? null;
  const topSetIds = parsedJson(row.top_set_ids) as number[];
  const exposureIds = parsedJson(row.exposures) as [number, number][];
  if (row.workout_log_id == null || topSetIds.length !== data.topSets.length) {
    throw new GainslyError(`logWorkout: the database wrote ${row.workout_log_id == null ? 'no workout log' : `${topSetIds.length} of ${data.topSets.length} top sets`} although every check passed`);
  }

  // The rows are written: make them managed entities of this EntityManager, as if loaded by a
  // find (identity map, snapshot for change tracking), from the values just written, in database
  // form (enum labels, foreign keys). No flush, no query.
  const factory = em.getEntityFactory();
  const formulaLabel = ENUMS.E1RMFormula.toDb(formula);
  const workoutLog = factory.create(
    WorkoutLog,
    {
      id: row.workout_log_id,
      user: userId,
      session: data.sessionId ?? null,
      date: data.date,
      completed: data.completed,
      notes: data.notes ?? null,
      perceivedDifficulty: data.perceivedDifficulty ?? null,
      enjoymentRating: data.enjoymentRating ?? null,
      feedbackTags,
      actualDurationMinutes: data.actualDurationMinutes ?? null,
      createdAt: now,
      visibility: ENUMS.Visibility.toDb(visibility),
    } as never,
    AS_LOADED,
  );
  const topSets = data.topSets.map((set, i) =>
    factory.create(
      TopSetLog,
      {
        id: topSetIds[i]!,
        workoutLog: row.workout_log_id,
        movement: set.movementId,
        weight: set.weight,
        reps: set.reps,
        rpe: set.rpe ?? null,
        rir: set.rir ?? null,
        avgRestSeconds: set.avgRestSeconds ?? null,
        e1rmValue: e1rms[i]![formulaLabel] ?? null,
        e1rmFormula: formulaLabel,
        pattern: ENUMS.MovementPattern.toDb(movements.get(set.movementId)!.pattern as MovementPattern),
        createdAt: now,
      } as never,
      AS_LOADED,
    ),
  );
  const byId = new Map(topSets.map((t) => [t.id, t]));
  const exposures = exposureIds.map(([id, sourceId]) => {
    const topSet = byId.get(sourceId)!;
    return factory.create(
      PatternExposure,
      {
        id,
        user: userId,
        microcycle: microcycleId!,
        date: data.date,
        pattern: ENUMS.MovementPattern.toDb(topSet.pattern),
        e1rmValue: topSet.e1rmValue!,
        sourceTopSetLog: topSet.id,
        createdAt: now,
      } as never,
      AS_LOADED,
    );
  });
  workoutLog.topSets.hydrate(topSets);
  // Serialised as before (when the entities were created, then flushed): the log with its top
  // sets, a top set with its log, an exposure with its top set; other relations as ids.
  workoutLog.topSets.populated();
  wrap(workoutLog, true).populated();
  for (const topSet of topSets) wrap(topSet, true).populated();
  return { workoutLog, topSets, exposures, microcycleId };
}

/**
 * How the written rows become entities: the way `em.find` makes them from rows (`merge`: into
 * the identity map, with the snapshot change tracking compares against; `convertCustomTypes`:
 * the data is in database form, enum labels converted by the entities' types). No `refresh`:
 * the ids are new, so nothing of them is in the identity map to overwrite.
 */
const AS_LOADED = { merge: true, convertCustomTypes: true } as const;

/** A JSON column as a value: the driver parses `json`, but be safe with one that does not. */
function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/**
 * `$name` placeholders to the server's numbered parameters, once: every occurrence of a name is
 * the same `$n` (so each use must cast it to the same type), and `bind` only orders the values.
 * Values travel as bound parameters, never spliced into the text. Runs of whitespace are
 * collapsed (the SQL has no string literal containing any): a shorter text to send and parse.
 */
function compileNamed(sql: string): { statement: BoundStatement; bind: (values: Record<string, unknown>) => unknown[] } {
  const names: string[] = [];
  const text = sql
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\$([A-Za-z]+)/g, (_, name: string) => {
      const known = names.indexOf(name);
      return `$${known >= 0 ? known + 1 : names.push(name)}`;
    });
  return {
    statement: { sql: text, text, parameters: names.length },
    bind: (values) =>
      names.map((name) => {
        if (!(name in values)) throw new Error(`logWorkout: no value for $${name}`);
        return values[name];
      }),
  };
}

const LOG_WORKOUT = compileNamed(LOG_WORKOUT_SQL);

function estimate(weight: number, reps: number, rpe: number | null | undefined, rir: number | null | undefined, formula: E1RMFormula): number | null {
  try {
    return estimateOneRepMaxWithEffort(weight, reps, { rpe: rpe ?? undefined, rir: rir ?? undefined, formula });
  } catch (error) {
    if (error instanceof E1RMRangeError) return null;
    throw error;
  }
}
