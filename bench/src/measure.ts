// Alternating measurement: each iteration runs every side once (lib, raw, … then the reverse order
// on the next iteration, so neither side always runs first), after warm-up iterations that are not
// recorded. Statement counts are read for every recorded run of every side.
import { startCount, type StatementCount } from './counter.js';
import { summarize, type Summary } from './stats.js';

export interface Side {
  name: string;
  /** Untimed preparation of run `i` (data for an import, …). */
  before?: (i: number) => Promise<void> | void;
  /** The timed work of run `i`. */
  run: (i: number) => Promise<unknown>;
  /** Untimed clean-up of run `i`. */
  after?: (i: number) => Promise<void> | void;
}

export interface SideResult {
  name: string;
  samples: number[];
  summary: Summary;
  /** The median of each round's samples, in round order (one entry without rounds): shows a round that ran slow. */
  roundMedians: number[];
  /**
   * This process's CPU time (user + system, every thread) per recorded run, in ms, mean: what the
   * client spends. Not all of it is on the call's path: V8 collects garbage on helper threads while
   * the main thread waits for the server, so a side that allocates more shows more CPU than time.
   * The main thread's own part is not reported: read per call, `process.threadCpuUsage` misses
   * much of the call (docs/performance.md, "Figures").
   */
  clientCpuMs: number;
  /** The same mean in each round, in round order: a round on a busy machine, or one still compiling, stands out. */
  roundCpuMs: number[];
  /** Statements of the recorded runs: equal in every run unless `varies`. */
  statements: { total: number; work: number; kinds: string[]; varies: boolean; min: number; max: number };
}

/** Untimed hooks around each run of each side (see `alternate`'s `around`). */
export interface SideHooks {
  before(side: Side): Promise<void> | void;
  after(side: Side): void;
}

/**
 * Untimed calls per target side before an operation is first measured in a process (`--jit-warmup`,
 * and the scaling bench's first window of each kind of call). V8 (Node 22) optimizes a function
 * once it has run bytecode worth its own size 3,000 times (`--invocation-count-for-turbofan`), and
 * waits 500 calls more after its type feedback last changed: a function of which a call runs part,
 * or that deoptimizes once, takes longer. Traced with `--trace-opt` (bench/README.md, "JIT
 * warm-up"): the last per-call functions of logWorkout and psiAll were optimized after 4,000–5,000
 * calls, so 3,000 measured the end of their tier-up.
 */
export const JIT_WARMUP_CALLS = 5000;

/**
 * Rounds per operation in a full run (`--rounds`): each on new connections, so each is a new draw
 * of the vCPU each side's backend runs on, and a side's pooled median moves only when more than
 * half of its rounds ran slow (bench/README.md, "Fresh connections per operation, and per round").
 */
export const DEFAULT_ROUNDS = 6;

/**
 * The order of the sides in iteration `i`. Two sides alternate which goes first. More are shuffled
 * (seeded by `i`, so a run is repeatable): a side that leaves garbage behind (the entity sides, the
 * upstream-style pattern) makes the call after it pay for the collection, and a fixed order always
 * charged the same neighbour (op 3's raw side ran right after the entity side in every iteration
 * and measured 1.5-1.7x the library's time; shuffled, each side follows each other side alike).
 */
export function orderOf<T>(sides: readonly T[], i: number): readonly T[] {
  if (sides.length <= 2) return i % 2 === 0 ? sides : [...sides].reverse();
  const order = [...sides];
  let seed = (i + 1) * 0x9e3779b1;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return order;
}

/**
 * Runs the sides alternately: `warmup` unrecorded iterations (`jitWarmup` more in the first round,
 * followed by `settle`), then recorded ones until there are at least `runs` and at least
 * `minSeconds` have passed (a longer window makes a burst of load from other processes weigh
 * less), at most `maxRuns`.
 *
 * With `renew` and `rounds` > 1, that window is split into rounds, each after `renew` (new
 * connections for every side) and its own warm-up, and the samples of all rounds are pooled: a
 * backend that runs slowly for a while (measured: the same statement at twice its server time on
 * one connection for a whole operation, on either side) then weighs in one round, not in the whole
 * measurement. The sides must read their connections when they run (`ctx.orm`, `ctx.raw`).
 */
export async function alternate(
  sides: readonly Side[],
  options: {
    runs: number;
    warmup: number;
    jitWarmup?: number;
    settle?: () => Promise<void>;
    minSeconds?: number;
    maxRuns?: number;
    rounds?: number;
    renew?: () => Promise<void>;
    /** Untimed, around every run of every side, outside its `before` and `after` (main.ts: the raw sides borrow the library's connection). */
    around?: SideHooks;
    clock?: () => number;
  },
): Promise<Record<string, SideResult>> {
  // Injectable so a test can check the bookkeeping with scripted durations.
  const now = options.clock ?? (() => performance.now());
  const samples = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const counts = new Map<string, StatementCount[]>(sides.map((s) => [s.name, []]));
  const roundMedians = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const cpuMicros = new Map<string, number>(sides.map((s) => [s.name, 0]));
  const roundCpu = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const rounds = options.renew ? Math.max(1, Math.floor(options.rounds ?? 1)) : 1;
  const runs = Math.ceil(options.runs / rounds);
  const minMs = ((options.minSeconds ?? 0) * 1000) / rounds;
  const maxRuns = Math.max(runs, Math.ceil((options.maxRuns ?? options.runs * 20) / rounds));
  let i = 0;
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await options.renew!();
    const roundStart = new Map(sides.map((s) => [s.name, samples.get(s.name)!.length]));
    const cpuStart = new Map(sides.map((s) => [s.name, cpuMicros.get(s.name)!]));
    let recordingSince = 0;
    // The first round also runs `jitWarmup` untimed iterations (see its option in main.ts).
    const jit = round === 0 ? Math.max(0, Math.floor(options.jitWarmup ?? 0)) : 0;
    const warmup = options.warmup + jit;
    for (let n = 0; ; n++, i++) {
      const recorded = n - warmup;
      // What the JIT warm-up left behind (op 1: thousands of rows written) is undone before timing.
      if (recorded === 0 && jit > 0) await options.settle?.();
      if (recorded === 0) recordingSince = now();
      if (recorded >= runs && (now() - recordingSince >= minMs || recorded >= maxRuns)) break;
      const order = orderOf(sides, i);
      for (const side of order) {
        await options.around?.before(side);
        let elapsed: number;
        let cpu: NodeJS.CpuUsage;
        let count: StatementCount;
        try {
          await side.before?.(i);
          const read = startCount();
          const cpuBefore = process.cpuUsage();
          const started = now();
          await side.run(i);
          elapsed = now() - started;
          cpu = process.cpuUsage(cpuBefore);
          count = read();
          await side.after?.(i);
        } finally {
          options.around?.after(side);
        }
        if (n >= warmup) {
          samples.get(side.name)!.push(elapsed);
          counts.get(side.name)!.push(count);
          cpuMicros.set(side.name, cpuMicros.get(side.name)! + cpu.user + cpu.system);
        }
      }
    }
    for (const side of sides) {
      const recorded = samples.get(side.name)!.length - roundStart.get(side.name)!;
      roundMedians.get(side.name)!.push(summarize(samples.get(side.name)!.slice(roundStart.get(side.name))).median);
      roundCpu.get(side.name)!.push((cpuMicros.get(side.name)! - cpuStart.get(side.name)!) / 1000 / Math.max(1, recorded));
    }
  }
  const out: Record<string, SideResult> = {};
  for (const side of sides) {
    const c = counts.get(side.name)!;
    const totals = c.map((x) => x.total);
    const first = c[0] ?? { total: 0, work: 0, kinds: [] };
    out[side.name] = {
      name: side.name,
      samples: samples.get(side.name)!,
      summary: summarize(samples.get(side.name)!),
      roundMedians: roundMedians.get(side.name)!,
      clientCpuMs: cpuMicros.get(side.name)! / 1000 / Math.max(1, samples.get(side.name)!.length),
      roundCpuMs: roundCpu.get(side.name)!,
      statements: {
        total: first.total,
        work: first.work,
        kinds: first.kinds,
        varies: totals.some((t) => t !== first.total),
        min: Math.min(...totals),
        max: Math.max(...totals),
      },
    };
  }
  return out;
}

/**
 * The target pair and the sides reported beside it, measured apart: first the two target sides
 * (`lib` and `raw`, the first two of `sides`) alternate on their own, then every side alternates
 * together, as one pass did before. The target's ratio comes from the first pass (`pair`); the
 * other sides, and their notes against `lib`, from the second (`all`).
 *
 * Why apart: a side that is only reported (the upstream-style pattern, an unnamed statement, the
 * entity reads) changed what the target pair measured. Its garbage and its server work land on
 * whichever side runs next, in proportion to that side's own footprint, so interleaved with it the
 * pair measured the neighbour as much as the library (docs/performance.md, "How the bench
 * measures", has the figures).
 */
export async function alternateApart(
  sides: readonly Side[],
  options: Parameters<typeof alternate>[1],
): Promise<{ pair: Record<string, SideResult>; all: Record<string, SideResult> }> {
  const pair = await alternate(sides.slice(0, 2), options);
  // The pair's pass has run the library's code warm; the reported sides need only the usual warm-up.
  const all = sides.length > 2 ? await alternate(sides, { ...options, jitWarmup: 0 }) : pair;
  return { pair, all };
}
