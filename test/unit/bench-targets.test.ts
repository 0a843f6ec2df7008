// Issue #23's per-call and cold-start bounds as benchmark targets (bench/src/ops/common.ts,
// bench/src/ops/cold-start.ts): checked in every full run, reported but not enforced in a smoke run.
import { describe, expect, it } from 'vitest';
import { clientCpuTarget } from '../../bench/src/ops/common.js';
import { importBudgetTarget } from '../../bench/src/ops/cold-start.js';

const full = { smoke: false };
const smoke = { smoke: true };

describe('bench target: client CPU over raw', () => {
  it('passes up to 0.25 ms over raw and names both sides', () => {
    const target = clientCpuTarget(full, { clientCpuMs: 0.5 }, { clientCpuMs: 0.3 });
    expect(target).toEqual({
      label: 'client CPU over raw <= 0.25 ms',
      kind: 'absolute',
      actual: '0.20 ms (lib 0.50, raw 0.30)',
      pass: true,
      enforced: true,
    });
  });

  it('fails above it, enforced in a full run and not in a smoke run', () => {
    expect(clientCpuTarget(full, { clientCpuMs: 0.79 }, { clientCpuMs: 0.49 })).toMatchObject({ actual: '0.30 ms (lib 0.79, raw 0.49)', pass: false, enforced: true });
    expect(clientCpuTarget(smoke, { clientCpuMs: 0.79 }, { clientCpuMs: 0.49 })).toMatchObject({ pass: false, enforced: false });
  });

  it('passes a library cheaper than raw', () => {
    expect(clientCpuTarget(full, { clientCpuMs: 0.2 }, { clientCpuMs: 0.3 })).toMatchObject({ actual: '-0.10 ms (lib 0.20, raw 0.30)', pass: true });
  });
});

describe('bench target: import over @mikro-orm/postgresql', () => {
  it('is the median of the paired differences, and names both medians', () => {
    // Pairs 55, 40, 20, 30, 30 ms apart: median 30.
    const target = importBudgetTarget(full, [260, 230, 220, 240, 225], [205, 190, 200, 210, 195]);
    expect(target).toEqual({ label: 'import over @mikro-orm/postgresql <= 50 ms', kind: 'absolute', actual: '+30 ms (median of 5 pairs; medians 230 against 200 ms)', pass: true, enforced: true });
  });

  it('fails past 50 ms more, enforced only in a full run', () => {
    // Pairs 59, 90 and 40 ms apart (the first series of 2026-12-07, docs/performance.md).
    expect(importBudgetTarget(full, [455, 470, 440], [396, 380, 400])).toMatchObject({ actual: '+59 ms (median of 3 pairs; medians 455 against 396 ms)', pass: false, enforced: true });
    expect(importBudgetTarget(smoke, [455, 470, 440], [396, 380, 400])).toMatchObject({ pass: false, enforced: false });
  });

  it('follows the pairs where the difference of the medians would not: a machine that slows down half-way', () => {
    // Each pair 30 ms apart, and the machine 100 ms slower from the middle of the third pair on
    // (that pair's library process and both processes of the last two). The medians of the two
    // series are 130 ms apart (430 against 300); the pairs say 30.
    const mikro = [300, 300, 300, 400, 400];
    const lib = [330, 330, 430, 430, 430];
    expect(importBudgetTarget(full, lib, mikro)).toMatchObject({ actual: '+30 ms (median of 5 pairs; medians 430 against 300 ms)', pass: true });
  });

  it('refuses series of different lengths: they are pairs', () => {
    expect(() => importBudgetTarget(full, [1, 2], [1])).toThrow(/pairs/);
  });
});
