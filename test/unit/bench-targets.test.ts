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
  it('compares the medians of the fresh processes, whatever their order', () => {
    // Medians 230 and 200 ms: 30 ms more.
    const target = importBudgetTarget(full, [260, 230, 220, 240, 225], [205, 190, 200, 210, 195]);
    expect(target).toEqual({ label: 'import over @mikro-orm/postgresql <= 50 ms', kind: 'absolute', actual: '+30 ms (230 against 200 ms)', pass: true, enforced: true });
  });

  it('fails past 50 ms more, enforced only in a full run', () => {
    // Medians 455 and 396 ms: 59 ms more (the first series of 2026-12-07, docs/performance.md).
    expect(importBudgetTarget(full, [455, 470, 440], [396, 380, 400])).toMatchObject({ actual: '+59 ms (455 against 396 ms)', pass: false, enforced: true });
    expect(importBudgetTarget(smoke, [455, 470, 440], [396, 380, 400])).toMatchObject({ pass: false, enforced: false });
  });
});
