// The benchmark's alternating measurement (bench/src/measure.ts): which runs it records, in which
// order, and how rounds are kept apart. Durations are scripted through an injected clock, so these
// tests check bookkeeping, never the speed of anything.
import { describe, expect, it } from 'vitest';
import { alternate, alternateApart, orderOf, type Side } from '../../bench/src/measure.js';

/** A clock that only moves when a scripted side runs. */
function scripted(duration: (side: string, round: number, call: number) => number) {
  let time = 0;
  let round = 0;
  const events: string[] = [];
  const calls = new Map<string, number>();
  const side = (name: string): Side => ({
    name,
    run: async () => {
      const call = calls.get(name) ?? 0;
      calls.set(name, call + 1);
      events.push(name);
      time += duration(name, round, call);
    },
  });
  const renew = async () => {
    round++;
    events.push('renew');
  };
  return { side, renew, events, clock: () => time };
}

describe('bench alternate()', () => {
  it('records runs after the warm-up only, alternating which side goes first', async () => {
    // Warm-up calls (the first 2 of each side) take 1000 ms; recorded ones 1 ms (lib) and 2 ms (raw).
    const s = scripted((name, _round, call) => (call < 2 ? 1000 : name === 'lib' ? 1 : 2));
    const result = await alternate([s.side('lib'), s.side('raw')], { runs: 4, warmup: 2, clock: s.clock });

    expect(result.lib!.samples).toEqual([1, 1, 1, 1]);
    expect(result.raw!.samples).toEqual([2, 2, 2, 2]);
    expect(result.lib!.summary.median).toBe(1);
    // Client CPU is measured around the same runs: a mean per recorded run, never NaN.
    expect(result.lib!.clientCpuMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(result.raw!.clientCpuMs)).toBe(true);
    expect(s.events).toEqual(['lib', 'raw', 'raw', 'lib', 'lib', 'raw', 'raw', 'lib', 'lib', 'raw', 'raw', 'lib']);
  });

  it('splits the runs into rounds, renews the connections between them, and reports each round’s median', async () => {
    // Round 2 is a slow round for lib only: its median stands out, the pooled median does not move to it.
    const s = scripted((name, round) => (name === 'lib' ? (round === 1 ? 9 : 3) : 2));
    const result = await alternate([s.side('lib'), s.side('raw')], { runs: 9, warmup: 1, rounds: 3, renew: s.renew, clock: s.clock });

    expect(s.events.filter((e) => e === 'renew')).toHaveLength(2);
    // Each round warms up again after renewing: 1 warm-up + 3 recorded iterations of both sides.
    const perRound = s.events.join(' ').split(' renew ');
    expect(perRound.map((r) => r.split(' ').length)).toEqual([8, 8, 8]);
    expect(result.lib!.samples).toHaveLength(9);
    expect(result.lib!.roundMedians).toEqual([3, 9, 3]);
    // Client CPU per round too: one finite mean per round.
    expect(result.lib!.roundCpuMs).toHaveLength(3);
    expect(result.lib!.roundCpuMs.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    expect(result.raw!.roundMedians).toEqual([2, 2, 2]);
    expect(result.lib!.summary.median).toBe(3);
  });

  it('runs the JIT warm-up untimed, before the first round only', async () => {
    // Calls during the JIT warm-up (the first 5 of each side) take 50 ms, the usual warm-up call 1 ms
    // more than the recorded ones, so a warm-up call counted anywhere would show in the samples.
    const s = scripted((name, _round, call) => (call < 5 ? 50 : call < 6 ? 9 : name === 'lib' ? 1 : 2));
    const settle = async () => void s.events.push('settle');
    const result = await alternate([s.side('lib'), s.side('raw')], { runs: 4, warmup: 1, jitWarmup: 5, settle, rounds: 2, renew: s.renew, clock: s.clock });

    const perRound = s.events.join(' ').split(' renew ');
    // Round 1: 5 + 1 warm-up iterations, `settle`, then 2 recorded; round 2: 1 warm-up and 2 recorded.
    expect(perRound.map((r) => r.split(' ').length)).toEqual([17, 6]);
    expect(s.events.indexOf('settle')).toBe(12);
    expect(s.events.filter((e) => e === 'settle')).toHaveLength(1);
    expect(result.lib!.samples).toEqual([1, 1, 1, 1]);
    expect(result.raw!.samples).toEqual([2, 2, 2, 2]);
  });

  it('runs one round without a way to renew connections, whatever rounds asks for', async () => {
    const s = scripted(() => 1);
    // No JIT warm-up, nothing to settle.
    const settle = async () => void s.events.push('settle');
    const result = await alternate([s.side('lib'), s.side('raw')], { runs: 6, warmup: 0, settle, rounds: 3, clock: s.clock });
    expect(s.events).not.toContain('settle');

    expect(result.lib!.roundMedians).toEqual([1]);
    expect(result.lib!.samples).toHaveLength(6);
  });
});

describe('bench alternateApart()', () => {
  it('measures the target pair on its own, then every side together, and keeps the two apart', async () => {
    // A reported side that slows whatever runs after it: lib takes 5 ms after 'upstream', else 1 ms.
    let last = '';
    const s = scripted((name) => {
      const slow = name === 'lib' && last === 'upstream';
      last = name;
      return name === 'upstream' ? 20 : slow ? 5 : name === 'lib' ? 1 : 2;
    });
    const { pair, all } = await alternateApart([s.side('lib'), s.side('raw'), s.side('upstream')], { runs: 12, warmup: 0, clock: s.clock });

    // The first pass runs only lib and raw; the second all three.
    const firstUpstream = s.events.indexOf('upstream');
    expect(firstUpstream).toBe(24);
    expect(new Set(s.events.slice(0, firstUpstream))).toEqual(new Set(['lib', 'raw']));
    expect(Object.keys(pair).sort()).toEqual(['lib', 'raw']);
    expect(Object.keys(all).sort()).toEqual(['lib', 'raw', 'upstream']);
    // The pair's lib never ran after the neighbour; in the second pass some of its runs did.
    expect(pair.lib!.samples.every((t) => t === 1)).toBe(true);
    expect(all.lib!.samples.some((t) => t === 5)).toBe(true);
  });

  it('gives the JIT warm-up to the pair only: the pass with every side starts warm', async () => {
    const s = scripted(() => 1);
    await alternateApart([s.side('lib'), s.side('raw'), s.side('upstream')], { runs: 2, warmup: 0, jitWarmup: 10, clock: s.clock });
    // The pair: 10 warm-up and 2 recorded iterations of two sides; then 2 recorded of all three.
    expect(s.events.indexOf('upstream')).toBe(24);
    expect(s.events.filter((e) => e === 'upstream')).toHaveLength(2);
    expect(s.events).toHaveLength(24 + 6);
  });

  it('runs once when there is nothing but the pair', async () => {
    const s = scripted(() => 1);
    const { pair, all } = await alternateApart([s.side('lib'), s.side('raw')], { runs: 4, warmup: 0, clock: s.clock });
    expect(all).toBe(pair);
    expect(s.events).toHaveLength(8);
  });
});

describe('bench alternate(): hooks around each run (the shared backend)', () => {
  it('runs `around` before and after every run of every side, untimed, and `after` also when the run fails', async () => {
    const s = scripted((name) => (name === 'lib' ? 1 : 2));
    const around = {
      before: async (side: Side) => {
        s.events.push(`before ${side.name}`);
      },
      after: (side: Side) => void s.events.push(`after ${side.name}`),
    };
    const result = await alternate([s.side('lib'), s.side('raw')], { runs: 2, warmup: 1, clock: s.clock, around });
    expect(s.events).toEqual([
      ...['before lib', 'lib', 'after lib', 'before raw', 'raw', 'after raw'],
      ...['before raw', 'raw', 'after raw', 'before lib', 'lib', 'after lib'],
      ...['before lib', 'lib', 'after lib', 'before raw', 'raw', 'after raw'],
    ]);
    // The scripted clock moves only in `run`: the hooks add nothing to the samples.
    expect(result.lib!.samples).toEqual([1, 1]);
    expect(result.raw!.samples).toEqual([2, 2]);

    const events: string[] = [];
    const failing: Side = { name: 'raw', run: async () => Promise.reject(new Error('lost')) };
    await expect(alternate([failing], { runs: 1, warmup: 0, around: { before: (side) => void events.push(`before ${side.name}`), after: (side) => void events.push(`after ${side.name}`) } })).rejects.toThrow('lost');
    expect(events).toEqual(['before raw', 'after raw']);
  });
});

describe('bench orderOf()', () => {
  it('shuffles three or more sides so that each one follows a given side about equally often, and repeats the same order for the same iteration', () => {
    const sides = ['lib', 'raw', 'raw-unnamed', 'entities'];
    const after = new Map<string, number>(sides.map((s) => [s, 0]));
    const first = new Map<string, number>(sides.map((s) => [s, 0]));
    let previous: string | undefined;
    const iterations = 1200;
    for (let i = 0; i < iterations; i++) {
      const order = orderOf(sides, i);
      expect([...order].sort()).toEqual([...sides].sort());
      first.set(order[0]!, first.get(order[0]!)! + 1);
      for (const side of order) {
        if (previous === 'entities') after.set(side, after.get(side)! + 1);
        previous = side;
      }
    }
    // What follows the entity side: each of the other three about a third of the time (never a fixed neighbour).
    for (const side of ['lib', 'raw', 'raw-unnamed']) expect(after.get(side)!).toBeGreaterThan(iterations / 5);
    for (const side of sides) expect(first.get(side)!).toBeGreaterThan(iterations / 6);
    expect(orderOf(sides, 7)).toEqual(orderOf(sides, 7));
  });

  it('alternates two sides, as before', () => {
    expect([0, 1, 2, 3].map((i) => orderOf(['lib', 'raw'], i).join(' '))).toEqual(['lib raw', 'raw lib', 'lib raw', 'raw lib']);
  });
});
