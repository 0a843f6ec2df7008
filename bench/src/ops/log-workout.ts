// Operation 1: log a workout with 8 top sets.
//
// - lib: `WorkoutLogRepository.logWorkout` (zod validation, the e1RM of every formula in JS, then
//   one statement that checks the context and inserts the log, the top sets and the exposures;
//   returns what it wrote as plain typed rows).
// - raw: one statement (a CTE that checks the user, the session and the movements, computes each
//   e1RM with the user's formula, and inserts the log, its top sets and their exposures): the
//   fewest round trips possible. A single statement is atomic, so it needs no transaction. The
//   movements are looked up by primary key (`= any($9::int[])`): joined to the JSON input alone,
//   the planner expects 100 input rows and scans the whole catalog (~1 ms at 5,000 movements).
// - upstream-style: what the upstream app does, about 3 statements per top set (look up the
//   movement, insert the top set, insert its exposure), in a transaction.
import type pg from 'pg';
import { ANCHOR_DATE } from '../generate.js';
import { alternateApart, type Side } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, clientCpuTarget, interleavedNote, nearlyEqual, ratioOf, ratioTarget, rawStatement, reusedEm, series, statementTarget, unnamedNote, type RawMode } from './common.js';

interface TopSetInput {
  movementId: number;
  weight: number;
  reps: number;
  rpe: number;
  avgRestSeconds: number;
}

interface WorkoutInput {
  date: string;
  sessionId: number;
  perceivedDifficulty: number;
  enjoymentRating: number;
  actualDurationMinutes: number;
  notes: string;
  topSets: TopSetInput[];
}

/**
 * The stored e1RM, in SQL: the plain formula of (weight, reps), as the upstream app stores it and
 * the library's `estimateOneRepMaxAsStored` computes it (no RPE/RIR adjustment; Brzycki at 37 reps
 * or more is weight × 2.5). `reps` is an integer: the divisions are cast to float8.
 */
const E1RM_SQL = `case when x.reps = 1 then x.weight
            when x.formula = 'EPLEY' then x.weight * (1 + x.reps / 30::float8)
            when x.formula = 'BRZYCKI' then case when x.reps >= 37 then x.weight * 2.5 else x.weight * (36 / (37 - x.reps)::float8) end
            when x.formula = 'LOMBARDI' then x.weight * power(x.reps, 0.1::float8)
            else x.weight * (1 + x.reps / 40::float8) end`;

/**
 * One statement: context, checks, e1RM, and the three inserts. Inserts nothing (and returns a null
 * workout_log_id) when the user, the session or a movement is not the user's.
 */
const RAW_LOG_WORKOUT = `
with input as (
  select * from json_to_recordset($3::json) as i(ord int, movement_id int, weight float8, reps int, rpe float8, rir int, avg_rest_seconds int)
), ctx as (
  select exists (select 1 from users where id = $1) as user_ok,
         coalesce((select s.active_e1rm_formula::text from user_settings s where s.user_id = $1), 'EPLEY') as formula,
         (select se.microcycle_id from sessions se join microcycles m on m.id = se.microcycle_id join programs p on p.id = m.program_id
           where se.id = $2 and p.user_id = $1) as session_microcycle,
         (select m.id from microcycles m join programs p on p.id = m.program_id
           where $2::int is null and p.user_id = $1 and p.is_active is true and m.start_date <= $4::date and $4::date < m.start_date + m.length_days
           order by p.start_date desc, p.id desc, m.sequence_number limit 1) as covering_microcycle
), mv as (
  select i.ord, mv.pattern from input i join movements mv on mv.id = i.movement_id and (mv.user_id is null or mv.user_id = $1)
   where mv.id = any($9::int[])
), ok as (
  select ctx.* from ctx
   where user_ok and ($2::int is null or session_microcycle is not null)
     and (select count(*) from mv) = (select count(*) from input)
), wl as (
  insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes, visibility)
  select $1, $2, $4::date, true, $5, $6, $7, '[]'::json, $8, 'PRIVATE' from ok
  returning id
), ts as (
  insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern)
  select x.workout_log_id, x.movement_id, x.weight, x.reps, x.rpe, x.rir, x.avg_rest_seconds, ${E1RM_SQL}, x.formula::e1rmformula, upper(x.pattern)::movementpattern
    from (select wl.id as workout_log_id, i.*, mv.pattern, ok.formula
            from wl cross join ok join input i on true join mv on mv.ord = i.ord) x
   order by x.ord
  returning id, e1rm_value, pattern
), pe as (
  insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id)
  select $1, coalesce(ok.session_microcycle, ok.covering_microcycle), $4::date, ts.pattern, ts.e1rm_value, ts.id
    from ts cross join ok
   where coalesce(ok.session_microcycle, ok.covering_microcycle) is not null and ts.e1rm_value is not null
  returning id
)
select (select id from wl) as workout_log_id, (select count(*) from ts)::int as top_sets, (select count(*) from pe)::int as exposures`;

const RAW_LOG_WORKOUT_STATEMENT = rawStatement('bench_raw_log_workout', RAW_LOG_WORKOUT);

function rawParams(userId: number, input: WorkoutInput): unknown[] {
  const sets = input.topSets.map((s, ord) => ({ ord, movement_id: s.movementId, weight: s.weight, reps: s.reps, rpe: s.rpe, rir: null, avg_rest_seconds: s.avgRestSeconds }));
  const movementIds = [...new Set(input.topSets.map((s) => s.movementId))];
  return [userId, input.sessionId, JSON.stringify(sets), input.date, input.notes, input.perceivedDifficulty, input.enjoymentRating, input.actualDurationMinutes, movementIds];
}

/** Op 1's raw side, one statement (also the raw side of `--scaling`'s throughput part). */
export async function rawLogWorkout(raw: pg.Client, userId: number, input: WorkoutInput, mode: RawMode = 'prepared'): Promise<number> {
  const { rows } = await RAW_LOG_WORKOUT_STATEMENT.run<{ workout_log_id: number | null }>(raw, rawParams(userId, input), mode);
  const id = rows[0]?.workout_log_id;
  if (id == null) throw new Error('raw logWorkout: user, session or movement not found');
  return id;
}

/** The upstream app's pattern: per top set, look up the movement, insert the set, insert its exposure. */
async function upstreamStyleLogWorkout(ctx: OpContext, userId: number, input: WorkoutInput): Promise<number> {
  const raw = ctx.raw;
  await raw.query('begin');
  try {
    const settings = await raw.query<{ formula: string }>('select active_e1rm_formula::text as formula from user_settings where user_id = $1', [userId]);
    const formula = (settings.rows[0]?.formula ?? 'EPLEY').toLowerCase() as 'epley';
    const session = await raw.query<{ microcycle_id: number }>('select microcycle_id from sessions where id = $1', [input.sessionId]);
    const microcycleId = session.rows[0]?.microcycle_id ?? null;
    const log = await raw.query<{ id: number }>(
      `insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes, visibility)
       values ($1, $2, $3, true, $4, $5, $6, '[]', $7, 'PRIVATE') returning id`,
      [userId, input.sessionId, input.date, input.notes, input.perceivedDifficulty, input.enjoymentRating, input.actualDurationMinutes],
    );
    const logId = log.rows[0]!.id;
    for (const set of input.topSets) {
      const movement = await raw.query<{ pattern: string }>('select pattern from movements where id = $1', [set.movementId]);
      const pattern = movement.rows[0]!.pattern.toUpperCase();
      // What the app stores: the plain formula of (weight, reps), whatever the RPE.
      const e1rm = ctx.L.domain.estimateOneRepMaxAsStored(set.weight, set.reps, formula);
      const topSet = await raw.query<{ id: number }>(
        `insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern)
         values ($1, $2, $3, $4, $5, null, $6, $7, $8, $9) returning id`,
        [logId, set.movementId, set.weight, set.reps, set.rpe, set.avgRestSeconds, e1rm, formula.toUpperCase(), pattern],
      );
      if (microcycleId !== null) {
        await raw.query(
          `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values ($1, $2, $3, $4, $5, $6)`,
          [userId, microcycleId, input.date, pattern, e1rm, topSet.rows[0]!.id],
        );
      }
    }
    await raw.query('commit');
    return logId;
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
}

/** Today's session of the user (a Monday, day 1 of the active microcycle) and its movements. */
async function todaysSession(raw: pg.Client, userId: number): Promise<{ sessionId: number; movementIds: number[] }> {
  const { rows } = await raw.query<{ id: number; movement_ids: number[] }>(
    `select s.id, array_agg(e.movement_id order by e.order_in_session) as movement_ids
       from sessions s join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id
       join session_exercises e on e.session_id = s.id
      where p.user_id = $1 and p.is_active and s.date = $2::date
      group by s.id order by s.id limit 1`,
    [userId, ANCHOR_DATE],
  );
  if (!rows[0]) throw new Error(`user ${userId} has no session on ${ANCHOR_DATE}`);
  return { sessionId: rows[0].id, movementIds: rows[0].movement_ids };
}

function workoutInput(sessionId: number, movementIds: readonly number[], topSets: number, variant: number): WorkoutInput {
  return {
    date: ANCHOR_DATE,
    sessionId,
    perceivedDifficulty: 7,
    enjoymentRating: 4,
    actualDurationMinutes: 64,
    notes: `bench run ${variant}`,
    topSets: Array.from({ length: topSets }, (_, i) => ({
      movementId: movementIds[i % movementIds.length]!,
      weight: 60 + 2.5 * ((i * 7 + variant) % 24),
      reps: 3 + ((i + variant) % 6),
      rpe: 7 + 0.5 * ((i + variant) % 6),
      avgRestSeconds: 120 + 15 * (i % 4),
    })),
  };
}

interface Written {
  e1rms: (number | null)[];
  patterns: string[];
  exposures: { microcycle_id: number; e1rm_value: number; pattern: string }[];
}

async function readWorkout(raw: pg.Client, workoutLogId: number): Promise<Written> {
  const sets = await raw.query<{ e1rm_value: number | null; pattern: string }>(
    'select e1rm_value, pattern::text as pattern from top_set_logs where workout_log_id = $1 order by id',
    [workoutLogId],
  );
  const exposures = await raw.query<{ microcycle_id: number; e1rm_value: number; pattern: string }>(
    `select pe.microcycle_id, pe.e1rm_value, pe.pattern::text as pattern from pattern_exposures pe
       join top_set_logs t on t.id = pe.source_top_set_log_id where t.workout_log_id = $1 order by pe.source_top_set_log_id`,
    [workoutLogId],
  );
  return { e1rms: sets.rows.map((r) => r.e1rm_value), patterns: sets.rows.map((r) => r.pattern), exposures: exposures.rows };
}

function sameWork(a: Written, b: Written): boolean {
  return (
    a.e1rms.length === b.e1rms.length &&
    a.e1rms.every((v, i) => nearlyEqual(v, b.e1rms[i]!)) &&
    a.patterns.join() === b.patterns.join() &&
    a.exposures.length === b.exposures.length &&
    a.exposures.every((e, i) => e.microcycle_id === b.exposures[i]!.microcycle_id && e.pattern === b.exposures[i]!.pattern && nearlyEqual(e.e1rm_value, b.exposures[i]!.e1rm_value))
  );
}

export async function logWorkoutOp(ctx: OpContext): Promise<OpResult> {
  const { raw, userId } = ctx;
  const { WorkoutLog } = ctx.L.lib;
  const { sessionId, movementIds } = await todaysSession(raw, userId);
  const marks = (await raw.query<{ w: number; t: number; p: number }>(
    'select coalesce(max(id), 0) as w, (select coalesce(max(id), 0) from top_set_logs) as t, (select coalesce(max(id), 0) from pattern_exposures) as p from workout_logs',
  )).rows[0]!;
  /**
   * Leaves the history as generated: removes every workout this operation logged, children first
   * (on the current connection: rounds replace the one the operation started with).
   * Without FK triggers when allowed: it is faster, and a database made before migration 0003 has
   * no index on pattern_exposures.source_top_set_log_id (each deleted top set would scan every
   * exposure: minutes on the 1,000-user database).
   */
  const cleanUp = async () => {
    let replica = false;
    try {
      await ctx.raw.query('set session_replication_role = replica');
      replica = true;
    } catch {
      ctx.log('cannot skip FK triggers (not a superuser): the clean-up of op 1 scans pattern_exposures per deleted top set');
    }
    try {
      await ctx.raw.query('delete from pattern_exposures where id > $1', [marks.p]);
      await ctx.raw.query('delete from top_set_logs where id > $1', [marks.t]);
      await ctx.raw.query('delete from workout_logs where id > $1', [marks.w]);
    } finally {
      if (replica) await ctx.raw.query('set session_replication_role = origin');
    }
    await ctx.raw.query('vacuum (analyze) workout_logs, top_set_logs, pattern_exposures');
  };
  const lib = (input: WorkoutInput) => ctx.orm.em.fork().getRepository(WorkoutLog).logWorkout(userId, input);
  const oneEm = reusedEm<typeof ctx.orm, ReturnType<typeof ctx.orm.em.fork>>();

  try {
    // Statement counts by number of top sets (untimed), and the same work on both sides.
    const byCount: Record<string, { lib: number; raw: number; upstream: number }> = {};
    let equivalent = true;
    for (const n of [1, 8, 16]) {
      const input = workoutInput(sessionId, movementIds, n, 1000 + n);
      const l = await countStatements(() => lib(input));
      const r = await countStatements(() => rawLogWorkout(raw, userId, input));
      const u = await countStatements(() => upstreamStyleLogWorkout(ctx, userId, input));
      byCount[n] = { lib: l.count.total, raw: r.count.total, upstream: u.count.total };
      const a = await readWorkout(raw, l.result.workoutLog.id);
      const b = await readWorkout(raw, r.result);
      const c = await readWorkout(raw, u.result);
      if (!sameWork(a, b) || !sameWork(a, c) || a.exposures.length !== n) equivalent = false;
    }

    let input = workoutInput(sessionId, movementIds, 8, 0);
    const prepare = (i: number) => void (input = workoutInput(sessionId, movementIds, 8, i));
    const sides: Side[] = [
      { name: 'lib', before: prepare, run: () => lib(input) },
      { name: 'raw', before: prepare, run: () => rawLogWorkout(ctx.raw, userId, input) },
      { name: 'raw-unnamed', before: prepare, run: () => rawLogWorkout(ctx.raw, userId, input, 'unnamed') },
      { name: 'lib-one-em', before: prepare, run: () => oneEm(ctx.orm).getRepository(WorkoutLog).logWorkout(userId, input) },
      { name: 'upstream', before: prepare, run: () => upstreamStyleLogWorkout(ctx, userId, input) },
    ];
    // The JIT warm-up writes thousands of workouts: removed before timing, so that autovacuum and
    // the bigger tables they would leave do not weigh on the first round (bench/README.md, "JIT warm-up").
    const { pair, all: result } = await alternateApart(sides, { ...ctx, settle: cleanUp });
    const ratio = ratioOf(pair.lib!, pair.raw!);
    const libCounts = [1, 8, 16].map((n) => byCount[n]!.lib);
    const constant = libCounts.every((c) => c === libCounts[0]);
    return {
      op: 1,
      key: 'logWorkout',
      title: 'logWorkout, 8 top sets',
      size: ctx.dataset.spec.name,
      lib: series('lib: WorkoutLogRepository.logWorkout', pair.lib!),
      raw: series('raw pg, 1 statement, prepared', pair.raw!),
      extra: [
        series('raw pg, 1 statement, unnamed (no target)', result['raw-unnamed']!),
        series('lib without a fork per call (one EntityManager reused; no target)', result['lib-one-em']!),
        series('upstream-style (3 per top set)', result.upstream!)],
      ratio,
      targets: [
        ratioTarget(ctx, ratio, 1.25),
        clientCpuTarget(ctx, pair.lib!, pair.raw!),
        statementTarget('statements constant in top sets', `lib ${libCounts.join('/')} for 1/8/16 sets`, constant),
        checkTarget('same rows as raw and upstream-style', equivalent, equivalent ? 'e1RMs, patterns, microcycles equal' : 'DIFFER'),
      ],
      notes: [
        `statements (total incl. begin/commit) for 1/8/16 top sets: lib ${libCounts.join('/')}, raw ${[1, 8, 16].map((n) => byCount[n]!.raw).join('/')}, upstream-style ${[1, 8, 16].map((n) => byCount[n]!.upstream).join('/')}`,
        `upstream-style median ${result.upstream!.summary.median.toFixed(2)} ms: upstream-style / lib = ${(result.upstream!.summary.median / result.lib!.summary.median).toFixed(2)}`,
        unnamedNote(result.lib!, result['raw-unnamed']!),
        interleavedNote(result),
      ],
      details: { statementsByTopSets: byCount },
    };
  } finally {
    await cleanUp();
  }
}
