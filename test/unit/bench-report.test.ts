// The benchmark's report (bench/src/report.ts): each round's ratio beside the pooled one.
import { describe, expect, it } from 'vitest';
import { renderNotes, resultJson, roundRatios } from '../../bench/src/report.js';
import { summarize } from '../../bench/src/stats.js';
import type { OpResult, SeriesReport } from '../../bench/src/types.js';

const series = (label: string, roundMedians: number[]): SeriesReport => ({
  label,
  summary: summarize(roundMedians),
  roundMedians,
  statements: { total: 1, work: 1, varies: false, min: 1, max: 1 },
});

describe('bench report: the ratio of each round', () => {
  // psiAll at 5y, a full run of 2026-12-06 on one backend: both sides bimodal by round, the
  // library slower in every round, the pooled medians' ratio below 1.
  const lib = series('lib', [9.601, 6.425, 9.989, 9.876, 6.145, 5.966]);
  const raw = series('raw', [9.386, 6.152, 9.705, 9.53, 5.915, 5.752]);
  const result: OpResult = { op: 2, key: 'psiAll', title: 'PSI', size: '5y', lib, raw, ratio: 0.962, targets: [], notes: [] };

  it('divides each round of the library by the same round of raw, in round order', () => {
    const ratios = roundRatios(lib, raw);
    expect(ratios).toHaveLength(6);
    expect(ratios[0]).toBeCloseTo(9.601 / 9.386, 10);
    expect(ratios[5]).toBeCloseTo(5.966 / 5.752, 10);
    expect(ratios.every((r) => r > 1)).toBe(true);
  });

  it('puts the rounds’ ratios and their median in the JSON and the notes', () => {
    const json = resultJson(result) as { ratio: number; roundRatios: number[]; roundRatioMedian: number };
    expect(json.ratio).toBe(0.962);
    expect(json.roundRatios).toEqual([1.023, 1.044, 1.029, 1.036, 1.039, 1.037]);
    // Between the third and fourth of the sorted ratios (1.029, 1.036, 1.037, 1.039, ...).
    expect(json.roundRatioMedian).toBeGreaterThan(1.035);
    expect(json.roundRatioMedian).toBeLessThan(1.038);
    expect(renderNotes([result])).toContain('ratio of each round: 1.02 / 1.04 / 1.03 / 1.04 / 1.04 / 1.04; their median 1.04');
  });

  it('leaves them out with one round', () => {
    const one: OpResult = { ...result, lib: series('lib', [2]), raw: series('raw', [1]) };
    expect(resultJson(one)).not.toHaveProperty('roundRatios');
    expect(renderNotes([one])).not.toContain('ratio of each round');
  });
});
