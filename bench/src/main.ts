// The benchmark runner: prepares one database per data size, runs every operation through the
// library and through hand-written `pg`, alternating, and reports medians, ratios, statement counts
// and targets (terminal table + bench/results/latest.json). See bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { installStatementCounter } from './counter.js';
import { checksum, datasetStats, generateDataset, GENERATOR_VERSION, type DatasetSpec } from './generate.js';
import { loadLibrary, type LoadedLibrary } from './lib.js';
import { DEFAULT_ROUNDS, JIT_WARMUP_CALLS } from './measure.js';
import { coldStartOp } from './ops/cold-start.js';
import { importOp } from './ops/import.js';
import { logWorkoutOp } from './ops/log-workout.js';
import { microcycleOp } from './ops/microcycle.js';
import { psiOp, psiScalingOp } from './ops/psi.js';
import { searchOp } from './ops/search.js';
import { rowsProgramOp, rowsWorkoutsOp } from './ops/rows.js';
import { measureAddedDelay, startDelayProxy, type DelayProxy } from './proxy.js';
import { runScaling } from './scaling.js';
import { oneConnectionPool, sharedBackend } from './shared-backend.js';
import { renderNotes, renderTable, resultJson } from './report.js';
import { connect, findServer, readDatabaseMeta, recreateDatabase, dropDatabase, serverSettings, withDatabase, writeDatabaseMeta, type PgServer } from './server.js';
import type { Dataset, OpContext, OpResult } from './types.js';
import { setPerformanceIndexes, SHIPPED_INDEXES, unindexedForeignKeys } from './what-if.js';

const USAGE = `npm run bench -- [options]

  --size <s>     smoke | 1y | 5y | 1000u | all, or a comma list (default: 1y,5y).
                 smoke: tiny data and few runs, proves the bench works (CI); statement-count and
                 correctness targets are enforced, time targets are reported only.
                 1000u: ~5M top sets generated with set-based SQL (minutes); op 6 also builds 1y.
  --runs <n>     timed runs per side (default 30; smoke 5). Imports and cold starts use n/3.
  --warmup <n>   untimed runs per side first (default 5; smoke 1).
  --jit-warmup <n>  untimed runs per side before an operation is first measured in this process, on
                 top of --warmup (default 5000; smoke 0): Node 22's V8 optimizes a function after
                 3,000 calls or more, so without them the library's once-per-call code ran
                 unoptimized through most of the window while the driver's was optimized
                 (bench/README.md, "JIT warm-up").
  --min-time <s> keep alternating until at least this many seconds per operation (default 3; smoke 0).
  --rounds <n>   split each operation's runs and window into n rounds, each on new connections
                 for both sides, samples pooled (default 6; smoke 1). Ops 5 and 6 use one.
  --separate-backends  each side on a connection of its own. By default both sides of an operation
                 run on one server backend: the library's pool holds one connection and the raw
                 sides borrow it for their runs (untimed), so a slow backend slows both alike
                 (bench/README.md, "One backend for both sides").
  --ops <list>   only these operations, e.g. 2,6 (default: all).
  --seed <n>     data seed (default 20260105): same seed, same data (checksums in the JSON).
  --keep         keep the gainsly_bench_* databases (default: drop them at the end).
  --reuse        reuse a kept database whose data matches (generator version, spec, seed, and its rows' checksum); implies --keep.
  --orm-options <json>  extra MikroORM options for the library side, e.g. '{"propagationOnPrototype":false}':
                 a what-if for configuration changes (recorded in the JSON; not the shipped configuration).
  --what-if-no-indexes  drop the performance indexes of migration 0003 on the bench databases, to
                 measure what they buy (not the shipped schema; recorded in the JSON).
  --json         print the JSON document on stdout (the table goes to stderr).
  --out <file>   where to write the JSON (default bench/results/latest.json; smoke: bench/results/smoke.json,
                 so a smoke run never replaces the latest full figures).
  --no-build     (bench.mjs) reuse bench/.build from the previous run.
  --rtt <list>   latency mode: run the chosen operations once per round trip in ms, e.g. 0,0.5,2, with
                 both sides connecting through a loopback proxy that delays each direction by half of
                 it (0: straight to the server). The delay really added is measured and reported.
  --scaling      only the scaling benchmarks (16 clients via PgBouncer vs direct, psiAll on a
                 read replica under writes): bench/results/scaling.json; \`--scaling --help\` for its options.

Exit code: 0 when every enforced target passes, 1 when one fails, 2 on a usage error.`;

const DEFAULT_SEED = 20260105;

function specs(seed: number): Record<string, DatasetSpec> {
  return {
    smoke: { name: 'smoke', users: 1, mainWeeks: 8, otherWeeks: [8, 8], catalogSize: 400, seed },
    'smoke-multi': { name: 'smoke-multi', users: 25, mainWeeks: 8, otherWeeks: [2, 8], catalogSize: 400, seed },
    '1y': { name: '1y', users: 1, mainWeeks: 52, otherWeeks: [52, 52], catalogSize: 5000, seed },
    '5y': { name: '5y', users: 1, mainWeeks: 260, otherWeeks: [260, 260], catalogSize: 5000, seed },
    '1000u': { name: '1000u', users: 1000, mainWeeks: 52, otherWeeks: [4, 52], catalogSize: 5000, seed },
  };
}

interface Options {
  sizes: string[];
  runs: number;
  warmup: number;
  jitWarmup: number;
  minSeconds: number;
  rounds: number;
  ops: Set<number>;
  seed: number;
  keep: boolean;
  reuse: boolean;
  json: boolean;
  out: string;
  smoke: boolean;
  ormOptions: Record<string, unknown>;
  withoutIndexes: boolean;
  /** Latency mode: round trips in ms (null: the normal run, straight to the server). */
  rtt: number[] | null;
  /** Each side on a backend of its own (the default before shared-backend.ts). */
  separateBackends: boolean;
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[], root: string): Options | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'jit-warmup': { type: 'string' },
      'min-time': { type: 'string' },
      rounds: { type: 'string' },
      ops: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      reuse: { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      'orm-options': { type: 'string' },
      'what-if-no-indexes': { type: 'boolean' },
      rtt: { type: 'string' },
      'separate-backends': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const known = ['smoke', '1y', '5y', '1000u'];
  const requested = (values.size ?? '1y,5y').split(',').map((s) => s.trim()).filter(Boolean);
  const sizes = [...new Set(requested.flatMap((s) => (s === 'all' ? ['1y', '5y', '1000u'] : [s])))];
  for (const s of sizes) if (!known.includes(s)) throw new UsageError(`unknown --size ${s} (smoke, 1y, 5y, 1000u, all)`);
  if (sizes.includes('smoke') && sizes.length > 1) throw new UsageError('--size smoke runs alone');
  const smoke = sizes.includes('smoke');
  const int = (v: string | undefined, fallback: number, name: string, min: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const ops = new Set((values.ops ?? '1,2,3,4,5,6,7,8,9').split(',').map((s) => Number(s.trim())));
  for (const op of ops) if (!Number.isInteger(op) || op < 1 || op > 9) throw new UsageError(`unknown operation ${op} in --ops (1..9)`);
  return {
    sizes,
    runs: int(values.runs, smoke ? 5 : 30, 'runs', 1),
    warmup: int(values.warmup, smoke ? 1 : 5, 'warmup', 0),
    jitWarmup: int(values['jit-warmup'], smoke ? 0 : JIT_WARMUP_CALLS, 'jit-warmup', 0),
    minSeconds: int(values['min-time'], smoke ? 0 : 3, 'min-time', 0),
    rounds: int(values.rounds, smoke ? 1 : DEFAULT_ROUNDS, 'rounds', 1),
    ops,
    seed: int(values.seed, DEFAULT_SEED, 'seed', 0),
    keep: Boolean(values.keep || values.reuse),
    reuse: Boolean(values.reuse),
    json: Boolean(values.json),
    out: resolve(values.out ?? join(root, smoke ? 'bench/results/smoke.json' : 'bench/results/latest.json')),
    smoke,
    ormOptions: parseOrmOptions(values['orm-options']),
    withoutIndexes: Boolean(values['what-if-no-indexes']),
    rtt: parseRtt(values.rtt),
    separateBackends: Boolean(values['separate-backends']),
  };
}

function parseRtt(text: string | undefined): number[] | null {
  if (text === undefined) return null;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n < 0 || n > 1000)) throw new UsageError('--rtt must be a comma list of milliseconds between 0 and 1000, e.g. 0,0.5,2');
  return [...new Set(list)];
}

function parseOrmOptions(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError('--orm-options must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--orm-options must be a JSON object');
  if ('url' in parsed) throw new UsageError('--orm-options cannot set url');
  return parsed as Record<string, unknown>;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Opened {
  dataset: Dataset;
  orm: MikroORM;
  raw: pg.Client;
}

/** The commit measured (`-dirty` with uncommitted changes), or null outside a git checkout. */
function gitCommit(root: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '-dirty' : ''}`;
  } catch {
    return null;
  }
}

/** Creates (or, with --reuse, finds) a size's database, migrated and filled. */
async function openDataset(L: LoadedLibrary, server: PgServer, spec: DatasetSpec, options: Options): Promise<Opened> {
  const name = `gainsly_bench_${spec.name.replace(/-/g, '_')}`;
  const url = withDatabase(server.adminUrl, name);
  const wanted = { generator: GENERATOR_VERSION, spec };
  if (options.reuse) {
    const meta = await readDatabaseMeta(server.adminUrl, name);
    if (meta && JSON.stringify({ generator: meta.generator, spec: meta.spec }) === JSON.stringify(wanted) && typeof meta.checksum === 'string') {
      const raw = await connect(url);
      // The data must still be what was generated: anything else writing to a kept database (an
      // interrupted run, a manual experiment) would make both sides measure other data and the
      // cross-database checks (op 6) compare different histories.
      const current = await checksum(raw);
      if (current === meta.checksum) {
        const orm = await L.lib.createGainslyOrm({ ...options.ormOptions, url });
        const { applied } = await L.lib.migrate(orm);
        if (applied.length > 0) log(`${name}: applied ${applied.join(', ')} to the reused database`);
        await raw.query('vacuum (analyze)');
        await setPerformanceIndexes(raw, !options.withoutIndexes);
        log(`${name}: reused (checksum ${meta.checksum})`);
        const stats = await datasetStats(raw);
        return { dataset: { spec, database: name, url, stats, checksum: meta.checksum, generatedSeconds: null, reused: true }, orm, raw };
      }
      log(`${name}: not reused: its data changed since it was generated (checksum ${current}, generated ${meta.checksum})`);
      await raw.end();
    }
  }
  log(`${name}: generating ${spec.users} user(s), ${spec.mainWeeks} weeks for user 1, a ${spec.catalogSize}-movement catalog …`);
  const started = performance.now();
  await recreateDatabase(server.adminUrl, name);
  const orm = await L.lib.createGainslyOrm({ ...options.ormOptions, url });
  await L.lib.migrate(orm);
  const raw = await connect(url);
  // Bulk load without migration 0003's indexes, then build them once (as `create index` on a
  // loaded table does): the data and checksum are the same either way.
  await setPerformanceIndexes(raw, false);
  const stats = await generateDataset(raw, spec, (line) => log(`${name}: ${line}`));
  // The generator loosens this session's settings for bulk loading (work_mem, synchronous_commit);
  // the connection stays open for checks, plans and op 6, which must see the server's own.
  await raw.query('reset all');
  const sum = await checksum(raw);
  await setPerformanceIndexes(raw, !options.withoutIndexes);
  const generatedSeconds = (performance.now() - started) / 1000;
  await writeDatabaseMeta(server.adminUrl, name, { ...wanted, checksum: sum, stats });
  log(`${name}: ${stats.topSets} top sets (user 1: ${stats.mainUserTopSets}), ${stats.patternExposures} exposures, checksum ${sum}, ${generatedSeconds.toFixed(1)} s`);
  return { dataset: { spec, database: name, url, stats, checksum: sum, generatedSeconds, reused: false }, orm, raw };
}

export async function main(argv: readonly string[], paths: { root: string; libDir: string }): Promise<number> {
  // `--scaling`: only the scaling benchmarks (PgBouncer, read replica), see bench/src/scaling.ts.
  if (argv.includes('--scaling')) return runScaling(argv.filter((a) => a !== '--scaling'), paths);
  let options: Options;
  try {
    const parsed = parseOptions(argv, paths.root);
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  const startedAt = new Date();
  installStatementCounter();
  const L = await loadLibrary(paths.libDir);
  const server = await findServer(log);
  log(`server: ${server.description}`);
  if (options.withoutIndexes) log(`what-if: dropping ${SHIPPED_INDEXES.map((i) => i.name).join(', ')} (migration 0003) on the bench databases`);
  if (Object.keys(options.ormOptions).length > 0) log(`what-if: library ORM created with ${JSON.stringify(options.ormOptions)} (not the shipped configuration)`);
  const allSpecs = specs(options.seed);
  const opened = new Map<string, Opened>();
  const open = async (size: string) => {
    let o = opened.get(size);
    if (!o) {
      o = await openDataset(L, server, allSpecs[size]!, options);
      opened.set(size, o);
    }
    return o;
  };
  const results: OpResult[] = [];
  const context = (o: Opened): OpContext => ({
    L,
    dataset: o.dataset,
    orm: o.orm,
    raw: o.raw,
    runs: options.runs,
    warmup: options.warmup,
    jitWarmup: 0,
    minSeconds: options.minSeconds,
    rounds: options.rounds,
    smoke: options.smoke,
    seed: options.seed,
    userId: 1,
    log,
  });
  const step = async (label: string, fn: () => Promise<OpResult>) => {
    const started = performance.now();
    log(`${label} …`);
    const r = await fn();
    results.push(r);
    const verdict = r.targets.every((t) => t.pass) ? 'pass' : r.targets.some((t) => !t.pass && t.enforced) ? 'FAIL' : 'miss (not enforced)';
    log(`${label}: lib ${r.lib?.summary.median.toFixed(2) ?? '–'} ms, raw ${r.raw?.summary.median.toFixed(2) ?? '–'} ms, ratio ${r.ratio?.toFixed(2) ?? '–'} — ${verdict} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };

  let pgVersion = '?';
  let pgSettings: Record<string, string> = {};
  const schemaNotes: string[] = [];
  /**
   * Runs an operation on a new library ORM (its own pool) and a new raw connection, closed after
   * it, so that both sides of every operation start from the same state. Why: on the ORM
   * connection that had just run op 2, op 3's statement took twice the server time (PostgreSQL's
   * own log_min_duration_statement: bind 0.52 -> 1.14 ms, execute 0.81 -> 1.77 ms median), while
   * the raw connection, which had run op 2 as well, was unaffected, and the backend's memory
   * contexts were the same size; a new connection removed it. Each operation's warm-up runs
   * then warm both new connections alike. The same slowdown also struck a fresh connection for a
   * whole operation, on either side (op 3 at 5y: raw at twice its usual time, ratio 0.59), so
   * `renew` opens new connections again between the rounds of `alternate`.
   */
  const onFreshConnections = async (o: Opened, op: (ctx: OpContext) => Promise<OpResult>, jitWarmup: number): Promise<OpResult> => {
    const ormOptions = options.separateBackends ? options.ormOptions : oneConnectionPool(options.ormOptions);
    const connectBoth = async () => ({ orm: await L.lib.createGainslyOrm({ ...ormOptions, url: o.dataset.url }), raw: await connect(o.dataset.url) });
    const ctx: OpContext = { ...context(o), jitWarmup, ...(await connectBoth()) };
    if (!options.separateBackends) ctx.around = sharedBackend(ctx);
    const close = async () => {
      await ctx.orm.close(true);
      await ctx.raw.end();
    };
    // Between rounds (see `alternate`): both sides on new connections again.
    ctx.renew = async () => {
      await close();
      Object.assign(ctx, await connectBoth());
    };
    try {
      return await op(ctx);
    } finally {
      await close();
    }
  };
  let exitCode = 0;
  const jitWarmed = new Set<number>();
  try {
    let coldStartDone = false;
    for (const size of options.sizes) {
      const o = await open(size);
      const ctx = context(o);
      // Flush what generating (or migrating, vacuuming) the data left dirty before timing anything:
      // otherwise the checkpointer writes gigabytes (1000u) under the first operations' feet.
      await o.raw.query('checkpoint').catch((error: unknown) => log(`checkpoint skipped (${error instanceof Error ? error.message : String(error)})`));
      pgVersion = (await o.raw.query<{ v: string }>('select version() as v')).rows[0]!.v;
      pgSettings = await serverSettings(o.raw);
      const unindexed = await unindexedForeignKeys(o.raw);
      if (unindexed.length > 0) schemaNotes.push(`${size}: foreign keys without an index (a parent delete scans the child table): ${unindexed.map((u) => `${u.fk} (${u.rows} rows)`).join(', ')}`);
      // Latency mode (--rtt, bench/README.md "Latency mode"): the connection-level operations once
      // per round trip, both sides through the same delaying proxy; ops 6 and 7 run once, directly.
      for (const rtt of options.rtt ?? [null]) {
        let proxy: DelayProxy | null = null;
        let on = o;
        let label = size;
        let rttDetails: Record<string, unknown> | null = null;
        if (rtt !== null) {
          // 0 goes straight to the server: a zero-hold proxy would still add its own hop (two
          // loopback sockets and a worker's event loop), which is not a network round trip.
          if (rtt > 0) {
            const u = new URL(o.dataset.url);
            proxy = await startDelayProxy({ targetHost: u.hostname, targetPort: Number(u.port || 5432), oneWayMs: rtt / 2 });
            on = { ...o, dataset: { ...o.dataset, url: proxy.rewrite(o.dataset.url) } };
          }
          const direct = await connect(o.dataset.url);
          const through = await connect(on.dataset.url);
          try {
            const d = await measureAddedDelay(direct, through, options.smoke ? 50 : 300);
            rttDetails = { requestedMs: rtt, proxy: proxy !== null, measuredAddedMs: round3(d.addedMs), selectOneDirectMs: round3(d.directMs), selectOneThroughMs: round3(d.proxiedMs) };
            log(`rtt ${rtt} ms: ${proxy ? `proxy on port ${proxy.port}, ` : 'no proxy, '}select 1 median ${d.directMs.toFixed(3)} ms direct, ${d.proxiedMs.toFixed(3)} ms this way: ${d.addedMs.toFixed(3)} ms added`);
          } finally {
            await direct.end();
            await through.end();
          }
          label = `${size} rtt ${rtt}`;
        }
        const tag = (r: OpResult): OpResult =>
          rttDetails === null ? r : { ...r, size: label, notes: [...r.notes, `rtt ${rttDetails.requestedMs} ms requested, ${Number(rttDetails.measuredAddedMs).toFixed(3)} ms measured added (select 1 median through minus direct)`], details: { ...r.details, rtt: rttDetails } };
        // The JIT warm-up once per operation: its code stays optimized for the next size and round trip.
        const fresh = (n: number, op: (c: OpContext) => Promise<OpResult>) => async () => {
          const jitWarmup = jitWarmed.has(n) ? 0 : options.jitWarmup;
          jitWarmed.add(n);
          return tag(await onFreshConnections(on, op, jitWarmup));
        };
        try {
          if (options.ops.has(2)) await step(`op 2 psiAll (${label})`, fresh(2, psiOp));
          if (options.ops.has(3)) await step(`op 3 microcycle (${label})`, fresh(3, microcycleOp));
          if (options.ops.has(4)) await step(`op 4 search (${label})`, fresh(4, searchOp));
          if (options.ops.has(1)) await step(`op 1 logWorkout (${label})`, fresh(1, logWorkoutOp));
          if (options.ops.has(8)) await step(`op 8 rows: workouts with top sets (${label})`, fresh(8, rowsWorkoutsOp));
          if (options.ops.has(9)) await step(`op 9 rows: program with microcycles (${label})`, fresh(9, rowsProgramOp));
          if (options.ops.has(5)) await step(`op 5 import (${label})`, fresh(5, (c) => importOp(c, o.dataset.spec.catalogSize === 5000 ? 5000 : o.dataset.spec.catalogSize)));
        } finally {
          const cost = await proxy?.close();
          if (cost) log(`rtt ${rtt} ms: the proxy process used ${cost.cpuMs.toFixed(0)} ms CPU in ${(cost.wallMs / 1000).toFixed(1)} s (${((100 * cost.cpuMs) / cost.wallMs).toFixed(0)}% of a core)`);
          if (cost) for (const r of results.filter((x) => x.size === label)) r.details = { ...r.details, rtt: { ...(r.details?.rtt as object), proxyCpuShareOfCore: Math.round((100 * cost.cpuMs) / cost.wallMs) / 100 } };
        }
      }
      if (options.ops.has(7) && !coldStartDone) {
        coldStartDone = true;
        await step('op 7 cold start', () => coldStartOp(ctx));
      }
      if (options.ops.has(6) && (size === '1000u' || size === 'smoke')) {
        const [multi, single] = size === '1000u' ? [o, await open('1y')] : [await open('smoke-multi'), o];
        await step(`op 6 PSI ${multi.dataset.spec.name} vs ${single.dataset.spec.name}`, () =>
          psiScalingOp(context(multi), { orm: single.orm, raw: single.raw, name: single.dataset.spec.name, exposures: single.dataset.stats.mainUserExposures }),
        );
      }
    }
  } finally {
    for (const [size, o] of opened) {
      await o.orm.close(true).catch(() => undefined);
      await o.raw.end().catch(() => undefined);
      if (!options.keep) await dropDatabase(server.adminUrl, o.dataset.database).catch((e: unknown) => log(`could not drop ${o.dataset.database}: ${String(e)}`));
      else log(`kept ${o.dataset.database} (${size})`);
    }
    await server.stop();
  }

  const failed = results.flatMap((r) => r.targets.filter((t) => !t.pass && t.enforced).map((t) => ({ op: r.op, data: r.size, target: t.label, actual: t.actual })));
  const notEnforced = results.flatMap((r) => r.targets.filter((t) => !t.pass && !t.enforced).map((t) => ({ op: r.op, data: r.size, target: t.label, actual: t.actual })));
  if (failed.length > 0) exitCode = 1;
  const pkg = JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { name: string; version: string };
  const doc = {
    schema: 'gainsly-db-bench/1',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    environment: {
      package: `${pkg.name}@${pkg.version}`,
      build: `${relative(paths.root, paths.libDir)} (the package's tsup config, without .d.ts)`,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      postgres: pgVersion,
      postgresSettings: pgSettings,
      commit: gitCommit(paths.root),
      server: server.kind,
      importMovements: L.importMovementsFrom ?? 'missing',
    },
    options: { sizes: options.sizes, runs: options.runs, warmup: options.warmup, jitWarmup: options.jitWarmup, minSeconds: options.minSeconds, rounds: options.rounds, seed: options.seed, smoke: options.smoke, ops: [...options.ops], ormOptions: options.ormOptions, withoutIndexes: options.withoutIndexes ? SHIPPED_INDEXES.map((i) => i.name) : [], rtt: options.rtt, separateBackends: options.separateBackends },
    datasets: Object.fromEntries(
      [...opened.values()].map((o) => [
        o.dataset.spec.name,
        { database: o.dataset.database, spec: o.dataset.spec, ...o.dataset.stats, checksum: o.dataset.checksum, generatedSeconds: o.dataset.generatedSeconds === null ? null : Math.round(o.dataset.generatedSeconds * 10) / 10, reused: o.dataset.reused },
      ]),
    ),
    results: results.map(resultJson),
    schemaNotes,
    summary: { pass: failed.length === 0, failed, notEnforced },
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(doc, null, 2)}\n`);

  const table = renderTable(results);
  const notes = renderNotes(results);
  const verdict =
    failed.length === 0
      ? `All enforced targets pass${notEnforced.length ? ` (${notEnforced.length} time target(s) missed but not enforced in a smoke run)` : ''}.`
      : `${failed.length} enforced target(s) FAILED: ${failed.map((f) => `op ${f.op} (${f.data}) ${f.target} = ${f.actual}`).join('; ')}`;
  const whatIf = [
    ...(Object.keys(options.ormOptions).length > 0 ? [`library ORM options ${JSON.stringify(options.ormOptions)}`] : []),
    ...(options.withoutIndexes ? [`without migration 0003's indexes ${SHIPPED_INDEXES.map((i) => i.name).join(', ')}`] : []),
  ];
  const whatIfLine = whatIf.length > 0 ? `WHAT-IF run (not the shipped library): ${whatIf.join('; ')}\n` : '';
  const schema = schemaNotes.length > 0 ? `\n${schemaNotes.map((n) => `  schema ${n}`).join('\n')}` : '';
  const text = `${whatIfLine}${table}\nstmts: statements per call, total (without begin/commit when different)\n${notes}${schema}\n\n${whatIfLine}${verdict}\nJSON: ${relative(process.cwd(), options.out)}\n`;
  if (options.json) {
    process.stderr.write(text);
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    process.stdout.write(text);
  }
  return exitCode;
}
