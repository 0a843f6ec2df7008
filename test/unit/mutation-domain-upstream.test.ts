// Mutation tests (#24) for the upstream app's metrics (docs/upstream.md, "Metrics"): the window
// of newest microcycles, PSI, the strict 5 % trend, and every refusal's path and message. Expected values are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  DomainArgumentError,
  upstreamMicrocycleWindow,
  upstreamPatternStrengthIndex,
  upstreamPatternStrengthIndexAll,
  upstreamPatternTrend,
  upstreamPatternTrendAll,
  type UpstreamExposure,
  type UpstreamMetricsData,
} from '../../src/domain/index.js';
import { PATTERN_LIST, thrownBy } from '../support/thrown.js';

const problemsOf = (run: () => unknown) => thrownBy(DomainArgumentError, run).problems;

const weeks = [
  { id: 1, startDate: '2026-01-05' },
  { id: 2, startDate: '2026-01-12' },
  { id: 3, startDate: '2026-01-19' },
];

/** The spec's worked example: squat 100, 110 in week 1, 120, 130 in week 2, week 3 planned and empty. */
const example: UpstreamMetricsData = {
  microcycles: weeks,
  exposures: [
    { id: 1, microcycleId: 1, pattern: 'squat', date: '2026-01-05', e1rmValue: 100 },
    { id: 2, microcycleId: 1, pattern: 'squat', date: '2026-01-08', e1rmValue: 110 },
    { id: 3, microcycleId: 2, pattern: 'squat', date: '2026-01-12', e1rmValue: 120 },
    { id: 4, microcycleId: 2, pattern: 'squat', date: '2026-01-15', e1rmValue: 130 },
  ],
};

/** Squat exposures in one microcycle, newest first as given: dates count down from 2026-01-28. */
function newestFirst(values: number[]): UpstreamMetricsData {
  const exposures: UpstreamExposure[] = values.map((e1rmValue, i) => ({
    id: 100 + i,
    microcycleId: 1,
    pattern: 'squat',
    date: `2026-01-${String(28 - i).padStart(2, '0')}`,
    e1rmValue,
  }));
  return { microcycles: [{ id: 1, startDate: '2026-01-05' }], exposures };
}

describe('upstreamMicrocycleWindow', () => {
  it('takes the newest start dates first, the higher id first on equal dates', () => {
    expect(upstreamMicrocycleWindow(weeks, 2)).toEqual([3, 2]);
    expect(upstreamMicrocycleWindow([...weeks].reverse(), 3)).toEqual([3, 2, 1]);
    const tied = [
      { id: 5, startDate: '2026-01-12' },
      { id: 7, startDate: '2026-01-12' },
      { id: 6, startDate: '2026-01-05' },
    ];
    expect(upstreamMicrocycleWindow(tied, 3)).toEqual([7, 5, 6]);
    expect(upstreamMicrocycleWindow([tied[1]!, tied[0]!, tied[2]!], 3)).toEqual([7, 5, 6]);
    expect(upstreamMicrocycleWindow(weeks, 1)).toEqual([3]);
    expect(upstreamMicrocycleWindow([], 4)).toEqual([]);
  });

  it('names a bad size and every bad microcycle row', () => {
    expect(problemsOf(() => upstreamMicrocycleWindow('x' as never, 0))).toEqual([
      { path: ['size'], message: 'must be an integer >= 1', received: 0 },
      { path: ['microcycles'], message: 'must be an array of { id, startDate }', received: 'x' },
    ]);
    expect(problemsOf(() => upstreamMicrocycleWindow(weeks, 1.5))).toEqual([{ path: ['size'], message: 'must be an integer >= 1', received: 1.5 }]);
    expect(problemsOf(() => upstreamMicrocycleWindow(weeks, Number.NaN))).toEqual([{ path: ['size'], message: 'must be an integer >= 1', received: Number.NaN }]);
    expect(
      problemsOf(() => upstreamMicrocycleWindow([null, { id: 1.5, startDate: '2026-02-30' }, { id: 2, startDate: '2026-01-05' }] as never, 1)),
    ).toEqual([
      { path: ['microcycles', 0], message: 'must be an object { id, startDate }', received: null },
      { path: ['microcycles', 1, 'id'], message: 'must be an integer', received: 1.5 },
      { path: ['microcycles', 1, 'startDate'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: '2026-02-30' },
    ]);
  });
});

describe('upstreamPatternStrengthIndex', () => {
  it('reproduces the worked example: the 2 newest weeks, the planned one included', () => {
    // Window = weeks 3 (empty) and 2: (120 + 130) / 2 = 125.
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat' })).toBe(125);
    // A null option means the default lookback.
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: null as never })).toBe(125);
    // Lookback 3: all four, (100 + 110 + 120 + 130) / 4 = 115.
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: 3 })).toBe(115);
    // Lookback 1: only the empty week 3.
    expect(upstreamPatternStrengthIndex(example, { pattern: 'squat', lastNMicrocycles: 1 })).toBeNull();
    expect(upstreamPatternStrengthIndex(example, { pattern: 'hinge', lastNMicrocycles: 3 })).toBeNull();
  });

  it('needs two exposures in the window', () => {
    const one = { microcycles: weeks, exposures: [example.exposures[3]!] };
    expect(upstreamPatternStrengthIndex(one, { pattern: 'squat' })).toBeNull();
    // Two: (120 + 130) / 2.
    const two = { microcycles: weeks, exposures: example.exposures.slice(2) };
    expect(upstreamPatternStrengthIndex(two, { pattern: 'squat' })).toBe(125);
  });

  it('names a bad pattern, lookback and data at once', () => {
    expect(problemsOf(() => upstreamPatternStrengthIndex(null as never, { pattern: 'jump' as never, lastNMicrocycles: 0 }))).toEqual([
      { path: ['options', 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: 'jump' },
      { path: ['options', 'lastNMicrocycles'], message: 'must be an integer >= 1', received: 0 },
      { path: ['data'], message: 'must be an object { microcycles, exposures }', received: null },
    ]);
    expect(problemsOf(() => upstreamPatternStrengthIndex(example, 'squat' as never))).toEqual([
      { path: ['options', 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: undefined },
    ]);
  });

  it('names every bad exposure field at its path under data', () => {
    const data = {
      microcycles: 'weeks',
      exposures: [5, { id: '1', microcycleId: null, pattern: 'jump', date: '2026-1-5', e1rmValue: Number.POSITIVE_INFINITY }],
    };
    expect(problemsOf(() => upstreamPatternStrengthIndex(data as never, { pattern: 'squat' }))).toEqual([
      { path: ['data', 'microcycles'], message: 'must be an array of { id, startDate }', received: 'weeks' },
      { path: ['data', 'exposures', 0], message: 'must be an object { id, microcycleId, pattern, date, e1rmValue }', received: 5 },
      { path: ['data', 'exposures', 1, 'id'], message: 'must be an integer', received: '1' },
      { path: ['data', 'exposures', 1, 'microcycleId'], message: 'must be an integer', received: null },
      { path: ['data', 'exposures', 1, 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: 'jump' },
      { path: ['data', 'exposures', 1, 'date'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: '2026-1-5' },
      { path: ['data', 'exposures', 1, 'e1rmValue'], message: 'must be a finite number', received: Number.POSITIVE_INFINITY },
    ]);
    expect(problemsOf(() => upstreamPatternStrengthIndex({ microcycles: weeks, exposures: {} } as never, { pattern: 'squat' }))).toEqual([
      { path: ['data', 'exposures'], message: 'must be an array of { id, microcycleId, pattern, date, e1rmValue }', received: {} },
    ]);
  });
});

describe('upstreamPatternStrengthIndexAll', () => {
  it('gives every pattern its value over the same window', () => {
    const data = {
      microcycles: weeks,
      exposures: [
        ...example.exposures,
        // hinge: 200 and 210 in week 3, (200 + 210) / 2 = 205.
        { id: 5, microcycleId: 3, pattern: 'hinge' as const, date: '2026-01-19', e1rmValue: 200 },
        { id: 6, microcycleId: 3, pattern: 'hinge' as const, date: '2026-01-20', e1rmValue: 210 },
      ],
    };
    const psi = upstreamPatternStrengthIndexAll(data);
    expect(psi.squat).toBe(125);
    expect(psi.hinge).toBe(205);
    expect(psi.lunge).toBeNull();
    expect(Object.keys(psi)).toHaveLength(17);
    expect(upstreamPatternStrengthIndexAll(data, { lastNMicrocycles: 1 }).squat).toBeNull();
  });

  it('refuses options that are not an object, and a bad lookback', () => {
    expect(problemsOf(() => upstreamPatternStrengthIndexAll(example, 5 as never))).toEqual([{ path: ['options'], message: 'must be an object', received: 5 }]);
    expect(problemsOf(() => upstreamPatternStrengthIndexAll(example, { lastNMicrocycles: -1 }))).toEqual([
      { path: ['options', 'lastNMicrocycles'], message: 'must be an integer >= 1', received: -1 },
    ]);
  });
});

describe('upstreamPatternTrend', () => {
  it('reproduces the worked example: 130, 120 | 110, 100 is +19 %, increasing', () => {
    // Window of 4 holds all three weeks; recent (130 + 120) / 2 = 125, older (110 + 100) / 2 = 105.
    expect(upstreamPatternTrend(example, { pattern: 'squat' })).toBe('increasing');
    // No hinge exposure at all: the squats do not count for it.
    expect(upstreamPatternTrend(example, { pattern: 'hinge' })).toBe('insufficient_data');
  });

  it('is strict at the default 5 %: exactly 5 % either way is stable', () => {
    // recent 105, older 100: (105 - 100) / 100 * 100 = 5, not > 5.
    expect(upstreamPatternTrend(newestFirst([105, 105, 100, 100]), { pattern: 'squat' })).toBe('stable');
    // recent 106: +6 %.
    expect(upstreamPatternTrend(newestFirst([106, 106, 100, 100]), { pattern: 'squat' })).toBe('increasing');
    // recent 95: -5 %, not < -5.
    expect(upstreamPatternTrend(newestFirst([95, 95, 100, 100]), { pattern: 'squat' })).toBe('stable');
    // recent 94: -6 %.
    expect(upstreamPatternTrend(newestFirst([94, 94, 100, 100]), { pattern: 'squat' })).toBe('decreasing');
  });

  it('honours a threshold, zero included', () => {
    // +6 % is not above 10 %.
    expect(upstreamPatternTrend(newestFirst([106, 106, 100, 100]), { pattern: 'squat', threshold: 0.1 })).toBe('stable');
    // Threshold 0: any rise or fall counts, no change is stable.
    expect(upstreamPatternTrend(newestFirst([101, 100, 100, 100]), { pattern: 'squat', threshold: 0 })).toBe('increasing');
    expect(upstreamPatternTrend(newestFirst([99, 100, 100, 100]), { pattern: 'squat', threshold: 0 })).toBe('decreasing');
    expect(upstreamPatternTrend(newestFirst([100, 100, 100, 100]), { pattern: 'squat', threshold: 0 })).toBe('stable');
  });

  it('needs 4 exposures and a non-zero older mean', () => {
    expect(upstreamPatternTrend(newestFirst([200, 200, 100]), { pattern: 'squat' })).toBe('insufficient_data');
    // recent 10, older 0: no relative change exists.
    expect(upstreamPatternTrend(newestFirst([10, 10, 0, 0]), { pattern: 'squat' })).toBe('insufficient_data');
  });

  it('divides by the signed older mean, as the app does', () => {
    // recent -10, older -20: (-10 - -20) / -20 * 100 = -50.
    expect(upstreamPatternTrend(newestFirst([-10, -10, -20, -20]), { pattern: 'squat' })).toBe('decreasing');
  });

  it('puts the middle exposure of an odd count in the older half', () => {
    // mid = floor(5 / 2) = 2: recent (106 + 106) / 2 = 106, older (90 + 100 + 100) / 3 = 96.67: +9.7 %.
    // (With the middle one in the recent half: 100.67 against 100, +0.67 %, stable.)
    expect(upstreamPatternTrend(newestFirst([106, 106, 90, 100, 100]), { pattern: 'squat' })).toBe('increasing');
  });

  it('orders by date, newest first, whatever the input order, and the higher id first on equal dates', () => {
    const data = newestFirst([94, 94, 100, 100]);
    expect(upstreamPatternTrend({ ...data, exposures: [...data.exposures].reverse() }, { pattern: 'squat' })).toBe('decreasing');
    const sameDay = (id: number, e1rmValue: number): UpstreamExposure => ({ id, microcycleId: 1, pattern: 'squat', date: '2026-01-20', e1rmValue });
    // ids 4 and 3 are the recent half: 120 against 100.
    const tied = { microcycles: data.microcycles, exposures: [sameDay(1, 100), sameDay(3, 120), sameDay(2, 100), sameDay(4, 120)] };
    expect(upstreamPatternTrend(tied, { pattern: 'squat' })).toBe('increasing');
  });

  it('names a bad pattern, window and threshold at once', () => {
    expect(problemsOf(() => upstreamPatternTrend(example, { pattern: 'jump' as never, windowMicrocycles: 0, threshold: -0.01 }))).toEqual([
      { path: ['options', 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: 'jump' },
      { path: ['options', 'windowMicrocycles'], message: 'must be an integer >= 1', received: 0 },
      { path: ['options', 'threshold'], message: 'must be a finite number >= 0 (0.05 = 5 %)', received: -0.01 },
    ]);
    expect(problemsOf(() => upstreamPatternTrend(example, { pattern: 'squat', threshold: Number.NaN }))).toEqual([
      { path: ['options', 'threshold'], message: 'must be a finite number >= 0 (0.05 = 5 %)', received: Number.NaN },
    ]);
  });
});

describe('upstreamPatternTrendAll', () => {
  it('gives every pattern its trend over the same window', () => {
    const trends = upstreamPatternTrendAll(example);
    expect(trends.squat).toBe('increasing');
    expect(trends.hinge).toBe('insufficient_data');
    expect(Object.keys(trends)).toHaveLength(17);
    // A window of 1 holds only the empty week 3.
    expect(upstreamPatternTrendAll(example, { windowMicrocycles: 1 }).squat).toBe('insufficient_data');
    // A 20 % threshold: +19 % is stable.
    expect(upstreamPatternTrendAll(example, { threshold: 0.2 }).squat).toBe('stable');
  });

  it('refuses options that are not an object', () => {
    expect(problemsOf(() => upstreamPatternTrendAll(example, [] as never))).toEqual([{ path: ['options'], message: 'must be an object', received: [] }]);
  });
});
