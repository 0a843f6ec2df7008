// The upstream app's metrics (docs/upstream.md, "Metrics") as pure functions. Expected values are
// worked out by hand in the comments, never by calling the code under test.
import { describe, expect, it } from 'vitest';
import {
  DomainArgumentError,
  UPSTREAM_MIN_TREND_EXPOSURES,
  UPSTREAM_PSI_LOOKBACK,
  UPSTREAM_TREND_THRESHOLD,
  UPSTREAM_TREND_WINDOW,
  deloadSignal,
  upstreamMicrocycleWindow,
  upstreamPatternStrengthIndex,
  upstreamPatternStrengthIndexAll,
  upstreamPatternTrend,
  upstreamPatternTrendAll,
  type UpstreamExposure,
  type UpstreamMetricsData,
} from '../../src/domain/index.js';

// The worked example of docs/upstream.md, "Metrics": M1 2026-01-05 (100, 110), M2 2026-01-12 (120, 130), M3 2026-01-19 planned.
const M1 = { id: 1, startDate: '2026-01-05' };
const M2 = { id: 2, startDate: '2026-01-12' };
const M3 = { id: 3, startDate: '2026-01-19' };
const EXAMPLE: UpstreamExposure[] = [
  { id: 11, microcycleId: 1, pattern: 'squat', date: '2026-01-05', e1rmValue: 100 },
  { id: 12, microcycleId: 1, pattern: 'squat', date: '2026-01-08', e1rmValue: 110 },
  { id: 13, microcycleId: 2, pattern: 'squat', date: '2026-01-12', e1rmValue: 120 },
  { id: 14, microcycleId: 2, pattern: 'squat', date: '2026-01-15', e1rmValue: 130 },
];
const example: UpstreamMetricsData = { microcycles: [M1, M2, M3], exposures: EXAMPLE };

function caught(fn: () => unknown): DomainArgumentError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainArgumentError);
    return error as DomainArgumentError;
  }
  throw new Error('expected a DomainArgumentError');
}

describe('the app defaults', () => {
  it('are lookback 2, window 4, 5 %, 4 exposures for a trend', () => {
    expect([UPSTREAM_PSI_LOOKBACK, UPSTREAM_TREND_WINDOW, UPSTREAM_TREND_THRESHOLD, UPSTREAM_MIN_TREND_EXPOSURES]).toEqual([2, 4, 0.05, 4]);
  });
});

describe('upstreamMicrocycleWindow', () => {
  it('keeps the newest by start date, planned weeks included, ties to the higher id', () => {
    expect(upstreamMicrocycleWindow([M1, M2, M3], 2)).toEqual([3, 2]);
    expect(upstreamMicrocycleWindow([M3, M1, M2], 10)).toEqual([3, 2, 1]);
    // Two microcycles starting the same day (two programs): id 9 is newer than id 4.
    expect(upstreamMicrocycleWindow([{ id: 4, startDate: '2026-02-02' }, { id: 9, startDate: '2026-02-02' }, M1], 1)).toEqual([9]);
  });

  it('rejects a bad size or row, naming each', () => {
    const error = caught(() => upstreamMicrocycleWindow([{ id: 1.5, startDate: '2026-02-30' }] as never, 0));
    expect(error.problems.map((p) => p.path)).toEqual([['size'], ['microcycles', 0, 'id'], ['microcycles', 0, 'startDate']]);
  });
});

describe('upstreamPatternStrengthIndex (the contract example)', () => {
  it('lookback 2 is M3 and M2: mean(120, 130) = 125', () => {
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat' })).toBe(125);
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: 2 })).toBe(125);
  });

  it('lookback 3 and 4 take M1 too: (100 + 110 + 120 + 130) / 4 = 115', () => {
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: 3 })).toBe(115);
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: 4 })).toBe(115);
  });

  it("without M2's exposures the window (M3, M2) holds none: null, although M1 has two", () => {
    const withoutM2 = { microcycles: [M1, M2, M3], exposures: EXAMPLE.filter((e) => e.microcycleId !== 2) };
    expect(upstreamPatternStrengthIndex(withoutM2, { pattern: 'squat' })).toBeNull();
    expect(upstreamPatternStrengthIndex(withoutM2, { pattern: 'squat', lastNMicrocycles: 3 })).toBe(105);
  });

  it('needs 2 exposures: one in the window is null', () => {
    const one = { microcycles: [M1, M2, M3], exposures: EXAMPLE.filter((e) => e.id !== 13) };
    expect(upstreamPatternStrengthIndex(one, { pattern: 'squat' })).toBeNull();
  });

  it('gives the same float, bit for bit, in any input order (summed by ascending id)', () => {
    const rows: UpstreamExposure[] = [
      { id: 1, microcycleId: 3, pattern: 'core', date: '2026-01-19', e1rmValue: 0.1 },
      { id: 2, microcycleId: 3, pattern: 'core', date: '2026-01-20', e1rmValue: 0.2 },
      { id: 3, microcycleId: 3, pattern: 'core', date: '2026-01-21', e1rmValue: 0.3 },
    ];
    // By id: (0.1 + 0.2) + 0.3 = 0.6000000000000001, / 3 = 0.20000000000000004 (python3).
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const shuffled = { microcycles: [M3, M1, M2], exposures: order.map((i) => rows[i]!) };
      expect(upstreamPatternStrengthIndex(shuffled, { pattern: 'core' })).toBe(0.20000000000000004);
    }
  });

  it('All gives every pattern, null where fewer than 2', () => {
    const psi = upstreamPatternStrengthIndexAll({
      microcycles: [M1, M2, M3],
      exposures: [...EXAMPLE, { id: 20, microcycleId: 2, pattern: 'hinge', date: '2026-01-13', e1rmValue: 180 }],
    });
    expect(Object.keys(psi)).toHaveLength(17);
    expect(psi.squat).toBe(125);
    expect(psi.hinge).toBeNull();
    expect(psi.carry).toBeNull();
  });

  it('rejects bad options and rows with every problem', () => {
    const error = caught(() =>
      upstreamPatternStrengthIndex(
        { microcycles: [M1], exposures: [{ id: 1, microcycleId: 1, pattern: 'Squat', date: '2026-01-05', e1rmValue: Number.NaN }] } as never,
        { pattern: 'legs' as never, lastNMicrocycles: 0 },
      ),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      ['options', 'pattern'],
      ['options', 'lastNMicrocycles'],
      ['data', 'exposures', 0, 'pattern'],
      ['data', 'exposures', 0, 'e1rmValue'],
    ]);
  });
});

describe('upstreamPatternTrend', () => {
  it('the contract example: 130, 120 | 110, 100 -> 125 vs 105, +19.05 % -> increasing', () => {
    expect(upstreamPatternTrend(example, { pattern: 'squat' })).toBe('increasing');
  });

  it('with 01-05 removed (3 exposures) -> insufficient_data', () => {
    const three = { microcycles: [M1, M2, M3], exposures: EXAMPLE.filter((e) => e.date !== '2026-01-05') };
    expect(upstreamPatternTrend(three, { pattern: 'squat' })).toBe('insufficient_data');
  });

  const week = (id: number, startDate: string) => ({ id, startDate });
  const cycles = [week(1, '2026-01-05'), week(2, '2026-01-12')];
  const series = (values: number[]): UpstreamMetricsData => ({
    microcycles: cycles,
    // Oldest first, one a day from 2026-01-05 (all in microcycles 1 and 2).
    exposures: values.map((e1rmValue, i) => ({ id: 100 + i, microcycleId: i < 7 ? 1 : 2, pattern: 'squat', date: `2026-01-${String(5 + i).padStart(2, '0')}`, e1rmValue })),
  });

  it('splits an odd count at floor(n/2): the middle exposure is in the older half; exactly 5 % is stable (strict)', () => {
    // Newest first: 106, 104 | 100, 100, 100 -> recent 105, older 100 -> exactly +5 % -> stable.
    expect(upstreamPatternTrend(series([100, 100, 100, 104, 106]), { pattern: 'squat' })).toBe('stable');
    // A threshold of 0.04 (4 %): +5 % > 4 % -> increasing.
    expect(upstreamPatternTrend(series([100, 100, 100, 104, 106]), { pattern: 'squat', threshold: 0.04 })).toBe('increasing');
    // Newest first: 95, 95 | 100, 100 -> exactly -5 % -> stable; 94, 94 -> -6 % -> decreasing.
    expect(upstreamPatternTrend(series([100, 100, 95, 95]), { pattern: 'squat' })).toBe('stable');
    expect(upstreamPatternTrend(series([100, 100, 94, 94]), { pattern: 'squat' })).toBe('decreasing');
  });

  it('older mean 0 -> insufficient_data; recent 0 against a positive older -> -100 % -> decreasing', () => {
    expect(upstreamPatternTrend(series([0, 0, 50, 50]), { pattern: 'squat' })).toBe('insufficient_data');
    expect(upstreamPatternTrend(series([50, 50, 0, 0]), { pattern: 'squat' })).toBe('decreasing');
  });

  it('orders equal dates by the higher id first, whatever the input order', () => {
    // Newest first: 01-20 (100), then 01-19 twice: id 8 (120) before id 7 (80), then 01-18 (100).
    // recent = (100 + 120) / 2 = 110, older = (80 + 100) / 2 = 90 -> +22.2 % -> increasing.
    // (The other tie-break would give 90 vs 110: decreasing.)
    const rows: UpstreamExposure[] = [
      { id: 5, microcycleId: 2, pattern: 'hinge', date: '2026-01-18', e1rmValue: 100 },
      { id: 7, microcycleId: 2, pattern: 'hinge', date: '2026-01-19', e1rmValue: 80 },
      { id: 8, microcycleId: 2, pattern: 'hinge', date: '2026-01-19', e1rmValue: 120 },
      { id: 6, microcycleId: 2, pattern: 'hinge', date: '2026-01-20', e1rmValue: 100 },
    ];
    for (const exposures of [rows, [...rows].reverse()]) {
      expect(upstreamPatternTrend({ microcycles: [M1, M2], exposures }, { pattern: 'hinge' })).toBe('increasing');
    }
  });

  it('windowMicrocycles limits the exposures the same way as the PSI lookback', () => {
    // Window 2 = M3 (empty) and M2: only 120 and 130 -> insufficient_data.
    expect(upstreamPatternTrend(example, { pattern: 'squat', windowMicrocycles: 2 })).toBe('insufficient_data');
  });

  it('All and deloadSignal: the app deloads with 2 decreasing patterns, not 1', () => {
    const down = (pattern: 'squat' | 'hinge' | 'lunge', base: number, idBase: number): UpstreamExposure[] =>
      [base, base, base * 0.9, base * 0.9].map((e1rmValue, i) => ({ id: idBase + i, microcycleId: i < 2 ? 1 : 2, pattern, date: `2026-01-${String(6 + 3 * i).padStart(2, '0')}`, e1rmValue }));
    const up: UpstreamExposure[] = [100, 100, 110, 110].map((e1rmValue, i) => ({ id: 300 + i, microcycleId: i < 2 ? 1 : 2, pattern: 'vertical_pull', date: `2026-01-${String(6 + 3 * i).padStart(2, '0')}`, e1rmValue }));
    const two = upstreamPatternTrendAll({ microcycles: [M1, M2], exposures: [...down('squat', 100, 100), ...down('lunge', 80, 200), ...up] });
    expect([two.squat, two.lunge, two.vertical_pull, two.hinge]).toEqual(['decreasing', 'decreasing', 'increasing', 'insufficient_data']);
    expect(deloadSignal(two)).toEqual({ deload: true, decliningPatterns: ['squat', 'lunge'] });
    const one = upstreamPatternTrendAll({ microcycles: [M1, M2], exposures: [...down('squat', 100, 100), ...up] });
    expect(deloadSignal(one)).toEqual({ deload: false, decliningPatterns: ['squat'] });
  });

  it('rejects bad options, naming each', () => {
    const error = caught(() => upstreamPatternTrendAll(example, { windowMicrocycles: 2.5, threshold: -0.01 }));
    expect(error.problems.map((p) => p.path)).toEqual([['options', 'windowMicrocycles'], ['options', 'threshold']]);
    expect(caught(() => upstreamPatternTrend(example, { pattern: 'squat', threshold: Number.POSITIVE_INFINITY })).problems[0]!.path).toEqual(['options', 'threshold']);
  });
});
