/**
 * Load: many connections writing at once through one ORM. Every write must be there afterwards,
 * exactly as computed by an independent implementation of the e1RM formulas; no deadlock; the
 * pool never opens more connections than its limit; concurrent appendTurn / activate keep their
 * invariants not only at the end but as seen by concurrent readers at every moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import {
  ConversationThread,
  createGainslyOrm,
  GainslyConcurrencyError,
  HeuristicConfig,
  Program,
  Session,
  User,
  WorkoutLog,
  type LogWorkoutInput,
  type TopSetInput,
} from '../../src/index.js';
import type { E1RMFormula, MovementPattern } from '../../src/enums/index.js';
import { useClonedDatabase } from '../support/database.js';
import { connectRaw, type RawClient } from '../support/pg-client.js';
import { makeMovement } from '../support/factories.js';
import { reliabilityCount } from '../support/reliability-scale.js';
import { sleep } from '../support/reliability-db.js';

const WORKERS = reliabilityCount('WORKERS', 20);
const WORKOUTS = reliabilityCount('WORKOUTS', 2000, WORKERS);
const TURNS = reliabilityCount('TURNS', 100);
const ACTIVATIONS = reliabilityCount('ACTIVATIONS', 100);
const APP = 'gainsly-reliability-load';
const PROGRAM_START = '2026-01-05';
const PROGRAM_WEEKS = 12;
const FORMULAS: readonly E1RMFormula[] = ['epley', 'brzycki', 'lombardi', 'oconner'];
const PATTERNS: readonly MovementPattern[] = ['squat', 'hinge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'lunge', 'carry'];

const db = useClonedDatabase();
let orm: MikroORM;

beforeAll(async () => {
  // The concurrency tests queue 100 calls on WORKERS connections, and calls that lock one row run
  // one after another: the last waits for all the others, longer than the default 10 s acquire
  // timeout on a slow enough machine. These tests are about locks, not acquisition.
  orm = await createGainslyOrm({ url: db.url, pool: { min: 0, max: WORKERS }, acquireTimeoutMs: 120_000, driverOptions: { application_name: APP } });
});
afterAll(async () => {
  await orm?.close(true);
});

// ------------------------------------------------------------------------------------------------
// An independent e1RM: the E1RMFormula formulas (docs/data-model.md, "E1RMFormula"), written here,
// not imported.

// What is stored is the plain formula of (weight, reps), as the upstream app stores it: RPE and RIR
// do not enter it, and Brzycki at 37 reps or more is the app's weight * 2.5.
function expectedE1rm(formula: E1RMFormula, weight: number, reps: number): number {
  if (reps === 1) return weight; // one rep is a one-rep max, whatever the formula
  switch (formula) {
    case 'epley':
      return weight * (1 + reps / 30);
    case 'brzycki':
      return reps >= 37 ? weight * 2.5 : (weight * 36) / (37 - reps);
    case 'lombardi':
      return weight * reps ** 0.1;
    case 'oconner':
      return weight * (1 + reps / 40);
  }
}

function close(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** A small deterministic PRNG, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Athlete {
  userId: number;
  formula: E1RMFormula;
}

interface Sent {
  worker: number;
  userId: number;
  formula: E1RMFormula;
  input: LogWorkoutInput & { topSets: TopSetInput[] };
  workoutLogId?: number;
  error?: unknown;
}

function workoutInput(worker: number, index: number, movementIds: number[]): Sent['input'] {
  const random = mulberry32(worker * 1_000_003 + index);
  // Most workouts fall inside the 12-week program (so they make exposures); every 10th is before it.
  const date = index % 10 === 9 ? addDays(PROGRAM_START, -1 - (index % 30)) : addDays(PROGRAM_START, Math.floor(random() * PROGRAM_WEEKS * 7));
  const topSets: TopSetInput[] = [];
  const sets = 1 + Math.floor(random() * 3);
  for (let s = 0; s < sets; s++) {
    const effort = Math.floor(random() * 3);
    // Now and then a 40-rep set: Brzycki is undefined there (stored as null, no exposure).
    const reps = index % 37 === 5 && s === 0 ? 40 : 1 + Math.floor(random() * 12);
    topSets.push({
      movementId: movementIds[Math.floor(random() * movementIds.length)]!,
      weight: index % 53 === 7 ? 0 : Math.round(random() * 800) / 4 + 20,
      reps,
      ...(effort === 1 ? { rpe: 6 + Math.floor(random() * 9) / 2 } : {}),
      ...(effort === 2 ? { rir: Math.floor(random() * 5) } : {}),
    });
  }
  return { date, perceivedDifficulty: 1 + Math.floor(random() * 10), notes: `w${worker} #${index}`, topSets };
}

describe(`load: ${WORKERS} connections logging ${WORKOUTS} workouts for ${WORKERS} users`, () => {
  let athletes: Athlete[];
  let movementPatterns: Map<number, MovementPattern>;
  const sent: Sent[] = [];
  let maxBackends = 0;
  let maxOrmBackends = 0;
  let maxPoolTotal = 0;
  let maxPoolWaiting = 0;
  let samples = 0;
  let deadlocksBefore = 0;
  let wallMs = 0;

  beforeAll(async () => {
    const em = orm.em.fork();
    const movements = PATTERNS.map((pattern) => makeMovement(em, { pattern }));
    await em.flush();
    movementPatterns = new Map(movements.map((m) => [m.id, m.pattern as MovementPattern]));
    athletes = [];
    for (let w = 0; w < WORKERS; w++) {
      const formula = FORMULAS[w % FORMULAS.length]!;
      const user = await orm.em.fork().getRepository(User).createUser({ name: `load ${w}`, settings: { activeE1rmFormula: formula } });
      await orm.em.fork().getRepository(Program).createProgram(user.id, {
        startDate: PROGRAM_START,
        durationWeeks: PROGRAM_WEEKS,
        daysPerWeek: 4,
        goals: [
          { goal: 'strength', weight: 5 },
          { goal: 'hypertrophy', weight: 3 },
          { goal: 'endurance', weight: 2 },
        ],
        splitTemplate: 'upper_lower',
        progressionStyle: 'double_progression',
      });
      athletes.push({ userId: user.id, formula });
    }

    const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
    const sampler = await connectRaw(db.url);
    deadlocksBefore = await deadlocks(sampler);
    let running = true;
    const sampling = (async () => {
      while (running) {
        const { rows } = await sampler.query<{ all: number; orm: number }>(
          `select count(*)::int as all, count(*) filter (where application_name = $1)::int as orm
             from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
          [APP],
        );
        maxBackends = Math.max(maxBackends, rows[0]!.all);
        maxOrmBackends = Math.max(maxOrmBackends, rows[0]!.orm);
        maxPoolTotal = Math.max(maxPoolTotal, pool.totalCount);
        maxPoolWaiting = Math.max(maxPoolWaiting, pool.waitingCount);
        samples++;
        await sleep(15);
      }
    })();

    const perWorker = Math.floor(WORKOUTS / WORKERS);
    const movementIds = [...movementPatterns.keys()];
    const started = performance.now();
    try {
      await Promise.all(
        athletes.map(async (athlete, worker) => {
          const count = perWorker + (worker < WORKOUTS % WORKERS ? 1 : 0);
          for (let i = 0; i < count; i++) {
            const entry: Sent = { worker, userId: athlete.userId, formula: athlete.formula, input: workoutInput(worker, i, movementIds) };
            sent.push(entry);
            try {
              const { workoutLog } = await orm.em.fork().getRepository(WorkoutLog).logWorkout(athlete.userId, entry.input);
              entry.workoutLogId = workoutLog.id;
            } catch (error) {
              entry.error = error;
            }
          }
        }),
      );
    } finally {
      wallMs = performance.now() - started;
      running = false;
      await sampling;
      await sampler.end();
    }
  }, 300_000);

  it('every call succeeded (no deadlock, no serialization failure, no pool timeout)', async () => {
    const failures = sent.filter((s) => s.error !== undefined);
    expect(failures.map((f) => String(f.error)).slice(0, 5)).toEqual([]);
    expect(failures.some((f) => f.error instanceof GainslyConcurrencyError)).toBe(false);
    expect(sent).toHaveLength(WORKOUTS);
    const after = await withSampler((c) => deadlocks(c));
    expect(after - deadlocksBefore).toBe(0);
    console.log(
      `[reliability] ${WORKOUTS} logWorkout calls on ${WORKERS} connections in ${(wallMs / 1000).toFixed(1)} s ` +
        `(${Math.round(WORKOUTS / (wallMs / 1000))}/s); max backends ${maxBackends} (ORM ${maxOrmBackends}), ` +
        `pool max total ${maxPoolTotal}, max waiting ${maxPoolWaiting}, ${samples} samples`,
    );
  });

  it(`the pool never exceeded ${WORKERS} connections (pg_stat_activity and the pool's own count)`, () => {
    expect(samples).toBeGreaterThan(0);
    expect(maxOrmBackends).toBeLessThanOrEqual(WORKERS);
    expect(maxPoolTotal).toBeLessThanOrEqual(WORKERS);
    // Client backends only: an autovacuum worker on this database (2,000 workouts inserted) is not a connection of ours.
    expect(maxBackends).toBeLessThanOrEqual(WORKERS + 1); // + the sampler itself
    // The load really was concurrent: more than one connection was busy at once.
    expect(maxPoolTotal).toBeGreaterThan(1);
  });

  it('every workout log is stored once, for the right user and date', async () => {
    const rows = await withSampler((c) =>
      c.query<{ id: number; user_id: number; date: string; notes: string; perceived_difficulty: number; completed: boolean }>(
        'select id, user_id, date::text as date, notes, perceived_difficulty, completed from workout_logs',
      ),
    );
    expect(rows.rows).toHaveLength(WORKOUTS);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    const mismatches: string[] = [];
    for (const s of sent) {
      const row = byId.get(s.workoutLogId!);
      if (!row || row.user_id !== s.userId || row.date !== s.input.date || row.notes !== s.input.notes || row.perceived_difficulty !== s.input.perceivedDifficulty || row.completed !== true) {
        mismatches.push(`${s.worker}: ${JSON.stringify(row)} vs ${JSON.stringify(s.input)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('every top set is stored with its pattern and an e1RM equal to an independent computation', async () => {
    const { rows } = await withSampler((c) =>
      c.query<{ id: number; workout_log_id: number; movement_id: number; weight: number; reps: number; rpe: number | null; rir: number | null; e1rm_value: number | null; e1rm_formula: string | null; pattern: string }>(
        `select id, workout_log_id, movement_id, weight, reps, rpe, rir, e1rm_value, e1rm_formula::text as e1rm_formula, pattern::text as pattern
           from top_set_logs order by workout_log_id, id`,
      ),
    );
    const byLog = new Map<number, typeof rows>();
    for (const r of rows) byLog.set(r.workout_log_id, [...(byLog.get(r.workout_log_id) ?? []), r]);
    const expectedSets = sent.reduce((n, s) => n + s.input.topSets.length, 0);
    expect(rows).toHaveLength(expectedSets);
    const mismatches: string[] = [];
    let brzyckiHighReps = 0;
    for (const s of sent) {
      const stored = byLog.get(s.workoutLogId!) ?? [];
      if (stored.length !== s.input.topSets.length) mismatches.push(`log ${s.workoutLogId}: ${stored.length} sets stored, ${s.input.topSets.length} sent`);
      s.input.topSets.forEach((set, i) => {
        const row = stored[i];
        if (!row) return;
        const e1rm = expectedE1rm(s.formula, set.weight, set.reps);
        if (s.formula === 'brzycki' && set.reps >= 37) brzyckiHighReps++;
        const ok =
          row.movement_id === set.movementId &&
          row.weight === set.weight &&
          row.reps === set.reps &&
          row.rpe === (set.rpe ?? null) &&
          row.rir === (set.rir ?? null) &&
          close(row.e1rm_value, e1rm) &&
          row.e1rm_formula === s.formula.toUpperCase() &&
          row.pattern === movementPatterns.get(set.movementId)!.toUpperCase();
        if (!ok) mismatches.push(`top set ${row.id} (${s.formula}): ${JSON.stringify(row)} vs ${JSON.stringify(set)} e1rm ${e1rm}`);
      });
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The suite exercised Brzycki past its range (stored as weight * 2.5) at least once when it is big enough.
    if (WORKOUTS >= 200) expect(brzyckiHighReps).toBeGreaterThan(0);
  });

  it('every exposure is there: one per top set with an e1RM in a covered week, in the covering microcycle of that user', async () => {
    const programEnd = addDays(PROGRAM_START, PROGRAM_WEEKS * 7);
    const expected = new Map<string, number>(); // "logId:index" -> e1rm
    for (const s of sent) {
      const covered = s.input.date >= PROGRAM_START && s.input.date < programEnd;
      s.input.topSets.forEach((set, i) => {
        if (covered) expected.set(`${s.workoutLogId}:${i}`, expectedE1rm(s.formula, set.weight, set.reps));
      });
    }
    const { rows } = await withSampler((c) =>
      c.query<{ log: number; position: number; e1rm: number; user_matches: boolean; covers: boolean; date_matches: boolean; pattern_matches: boolean }>(
        `select t.workout_log_id as log,
                (row_number() over (partition by t.workout_log_id order by t.id))::int - 1 as position,
                e.e1rm_value as e1rm,
                p.user_id = e.user_id and w.user_id = e.user_id as user_matches,
                m.start_date <= e.date and e.date < m.start_date + m.length_days as covers,
                e.date = w.date as date_matches,
                e.pattern = t.pattern as pattern_matches,
                e.id as exposure_id
           from top_set_logs t
           join workout_logs w on w.id = t.workout_log_id
           left join pattern_exposures e on e.source_top_set_log_id = t.id
           left join microcycles m on m.id = e.microcycle_id
           left join programs p on p.id = m.program_id
          order by t.workout_log_id, t.id`,
      ),
    );
    const actual = rows.filter((r) => r.e1rm !== null);
    const mismatches: string[] = [];
    for (const r of actual) {
      const want = expected.get(`${r.log}:${r.position}`);
      if (want === undefined || !close(r.e1rm, want) || !r.user_matches || !r.covers || !r.date_matches || !r.pattern_matches) {
        mismatches.push(JSON.stringify({ ...r, want }));
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(actual).toHaveLength(expected.size);
    const total = await withSampler((c) => c.query<{ n: number }>('select count(*)::int as n from pattern_exposures'));
    expect(total.rows[0]!.n).toBe(expected.size);
  });
});

describe(`${TURNS} concurrent appendTurn calls on one thread, through a pool of ${WORKERS}`, () => {
  it('numbers the turns 1..N with no gap or duplicate, and readers never see a gap while it runs', async () => {
    const user = await orm.em.fork().getRepository(User).createUser({ name: 'chatty' });
    const thread = await orm.em.fork().getRepository(ConversationThread).createThread(user.id, { contextType: 'daily_adaptation' });
    const reader = await connectRaw(db.url);
    let running = true;
    const gaps: string[] = [];
    let reads = 0;
    const reading = (async () => {
      while (running) {
        const { rows } = await reader.query<{ n: number; max: number | null; distinct: number }>(
          'select count(*)::int as n, max(turn_number) as max, count(distinct turn_number)::int as distinct from conversation_turns where thread_id = $1',
          [thread.id],
        );
        const r = rows[0]!;
        if ((r.max ?? 0) !== r.n || r.distinct !== r.n) gaps.push(JSON.stringify(r));
        reads++;
        await sleep(5);
      }
    })();
    let turns;
    try {
      turns = await Promise.all(
        Array.from({ length: TURNS }, (_, i) =>
          orm.em.fork().getRepository(ConversationThread).appendTurn(thread.id, { role: i % 2 ? 'assistant' : 'user', content: `turn payload ${i}`, structuredResponseJson: { i } }),
        ),
      );
    } finally {
      running = false;
      await reading;
      await reader.end();
    }
    expect(gaps).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(turns.map((t) => t.turnNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: TURNS }, (_, i) => i + 1));
    const stored = await orm.em.fork().getConnection().execute<{ turn_number: number; content: string; structured_response_json: { i: number } }[]>(
      'select turn_number, content, structured_response_json from conversation_turns where thread_id = ? order by turn_number',
      [thread.id],
    );
    expect(stored.map((r) => r.turn_number)).toEqual(Array.from({ length: TURNS }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.content))).toEqual(new Set(Array.from({ length: TURNS }, (_, i) => `turn payload ${i}`)));
    // Each turn's payload travelled with its own content.
    expect(stored.every((r) => r.content === `turn payload ${r.structured_response_json.i}`)).toBe(true);
    const [touched] = await orm.em.fork().getConnection().execute<{ later: boolean }[]>(
      'select updated_at >= created_at as later from conversation_threads where id = ?',
      [thread.id],
    );
    expect(touched?.later).toBe(true);
  });
});

describe(`${ACTIVATIONS} concurrent activate calls on one config name`, () => {
  it('never shows two active versions to a concurrent reader, ends with exactly one, and leaves other names alone', async () => {
    const versions = 20;
    const em = orm.em.fork();
    for (let version = 1; version <= versions; version++) em.create(HeuristicConfig, { name: 'load_rules', version, jsonBlob: { version } });
    em.create(HeuristicConfig, { name: 'load_other', version: 1, jsonBlob: {}, active: true });
    em.create(HeuristicConfig, { name: 'load_other', version: 2, jsonBlob: {}, active: false });
    await em.flush();

    const reader = await connectRaw(db.url);
    let running = true;
    let maxActive = 0;
    let reads = 0;
    const reading = (async () => {
      while (running) {
        const { rows } = await reader.query<{ n: number }>("select count(*)::int as n from heuristic_configs where name = 'load_rules' and active");
        maxActive = Math.max(maxActive, rows[0]!.n);
        reads++;
        await sleep(2);
      }
    })();
    const random = mulberry32(42);
    const requested = Array.from({ length: ACTIVATIONS }, () => 1 + Math.floor(random() * versions));
    let results: HeuristicConfig[];
    try {
      results = await Promise.all(requested.map((v) => orm.em.fork().getRepository(HeuristicConfig).activate('load_rules', v)));
    } finally {
      running = false;
      await reading;
      await reader.end();
    }
    expect(reads).toBeGreaterThan(0);
    expect(maxActive).toBeLessThanOrEqual(1);
    expect(results.map((r) => r.version)).toEqual(requested);
    expect(results.every((r) => r.active === true)).toBe(true);
    const active = await orm.em.fork().getConnection().execute<{ version: number }[]>("select version from heuristic_configs where name = 'load_rules' and active");
    expect(active).toHaveLength(1);
    expect(requested).toContain(active[0]!.version);
    expect((await orm.em.fork().getRepository(HeuristicConfig).getActive('load_rules'))?.version).toBe(active[0]!.version);
    const other = await orm.em.fork().getConnection().execute<{ version: number; active: boolean }[]>(
      "select version, active from heuristic_configs where name = 'load_other' order by version",
    );
    expect(other).toEqual([{ version: 1, active: true }, { version: 2, active: false }]);
  });
});

describe('concurrent writePlan calls replacing the same session', () => {
  it('leave exactly one of the plans, with its JSON and its session_exercises in sync', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({ name: 'planner' });
    const program = await orm.em.fork().getRepository(Program).createProgram(user.id, {
      startDate: PROGRAM_START,
      durationWeeks: 8,
      daysPerWeek: 3,
      goals: [
        { goal: 'strength', weight: 10 },
        { goal: 'speed', weight: 0 },
        { goal: 'mobility', weight: 0 },
      ],
      splitTemplate: 'ppl',
      progressionStyle: 'build_to_drop',
    });
    const [cycle] = await em.getConnection().execute<{ id: number }[]>('select id from microcycles where program_id = ? and sequence_number = 1', [program.id]);
    const movements = Array.from({ length: WORKERS }, () => makeMovement(em));
    await em.flush();
    const base = { microcycleId: cycle!.id, date: PROGRAM_START, dayNumber: 1, sessionType: 'lower' as const };
    const session = await orm.em.fork().getRepository(Session).writePlan({ ...base, sections: {} }, { userId: user.id });
    const results = await Promise.allSettled(
      movements.map((m, i) =>
        orm.em.fork().getRepository(Session).writePlan({ ...base, sections: { main: [{ movementId: m.id, sets: i + 1 }, { movementId: m.id, sets: 1 }] } }, { userId: user.id, sessionId: session.id }),
      ),
    );
    // Each call either succeeded or was refused with a typed, retryable error.
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(GainslyConcurrencyError);
    const rows = await orm.em.fork().getConnection().execute<{ movement_id: number; order_in_session: number }[]>(
      'select movement_id, order_in_session from session_exercises where session_id = ? order by order_in_session, id',
      [session.id],
    );
    expect(rows.map((r) => r.order_in_session), `${rows.length} exercises stored for a 2-exercise plan`).toEqual([1, 2]);
    expect(new Set(rows.map((r) => r.movement_id)).size).toBe(1);
    expect(await orm.em.fork().getRepository(Session).findOutOfSync({ sessionIds: [session.id] })).toEqual([]);
  });
});

describe('closing the ORM', () => {
  it('leaves no connection open on the server', async () => {
    const name = 'gainsly-reliability-close';
    const other = await createGainslyOrm({ url: db.url, pool: { min: 0, max: 5 }, driverOptions: { application_name: name } });
    await Promise.all(Array.from({ length: 10 }, () => other.em.fork().getRepository(User).count()));
    await other.close(true);
    const open = await withSampler(async (c) => {
      // pg-pool's end() returns before its clients' backends have read Terminate and exited: up to
      // about 10 s for them to leave.
      for (let i = 0; i < 500; i++) {
        const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where application_name = $1', [name]);
        if (rows[0]!.n === 0) return 0;
        await sleep(20);
      }
      return -1;
    });
    expect(open).toBe(0);
  });
});

async function deadlocks(client: RawClient): Promise<number> {
  await client.query('select pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: string }>('select deadlocks as n from pg_stat_database where datname = current_database()');
  return Number(rows[0]?.n ?? 0);
}

async function withSampler<T>(fn: (client: RawClient) => Promise<T>): Promise<T> {
  const client = await connectRaw(db.url);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
