// Mutation tests (#24) for the library's own pattern metrics: the PSI window of the last N
// microcycles (ordered by earliest date, then sequence, then id), the inclusive half-means trend,
// and the deload signal, with every refusal's path and message. Expected values by hand.
import { describe, expect, it } from 'vitest';
import {
  DomainArgumentError,
  deloadSignal,
  patternStrengthIndex,
  patternStrengthIndexAll,
  patternTrend,
  type PatternExposureInput,
} from '../../src/domain/index.js';
import { PATTERN_LIST, thrownBy } from '../support/thrown.js';

const problemsOf = (run: () => unknown) => thrownBy(DomainArgumentError, run).problems;

const squat = (date: string, e1rmValue: number, ids: { microcycleId?: number | null; microcycleSequence?: number | null }): PatternExposureInput => ({
  pattern: 'squat',
  date,
  e1rmValue,
  ...ids,
});

describe('patternStrengthIndex: the window', () => {
  it('orders microcycles by their earliest exposure, not their latest', () => {
    // Microcycle 10 starts 03-03 (its 03-20 exposure is listed first); 11 starts 03-10, so 11 is the last one.
    const exposures = [
      squat('2025-03-20', 100, { microcycleId: 10 }),
      squat('2025-03-10', 200, { microcycleId: 11 }),
      squat('2025-03-03', 100, { microcycleId: 10 }),
      squat('2025-03-11', 210, { microcycleId: 11 }),
    ];
    // Window 1 = microcycle 11: (200 + 210) / 2 = 205.
    expect(patternStrengthIndex(exposures, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(205);
    // Window 2 = both: (100 + 200 + 100 + 210) / 4 = 152.5.
    expect(patternStrengthIndex(exposures, { pattern: 'squat', lastNMicrocycles: 2 })).toBeCloseTo(152.5, 10);
  });

  it('breaks equal start dates by the lowest sequence of a microcycle, then by id', () => {
    // Microcycle 5 holds sequences 3 and 1 (corrupt but possible): its sequence is 1, so 6 (sequence 2) is newer.
    const bySequence = [
      squat('2025-03-03', 100, { microcycleId: 5, microcycleSequence: 3 }),
      squat('2025-03-04', 100, { microcycleId: 5, microcycleSequence: 1 }),
      squat('2025-03-03', 200, { microcycleId: 6, microcycleSequence: 2 }),
      squat('2025-03-05', 220, { microcycleId: 6, microcycleSequence: 2 }),
    ];
    // Window 1 = microcycle 6: (200 + 220) / 2 = 210.
    expect(patternStrengthIndex(bySequence, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(210);
    // Without sequences, id 8 is newer than id 7.
    const byId = [
      squat('2025-03-03', 200, { microcycleId: 8 }),
      squat('2025-03-04', 220, { microcycleId: 8 }),
      squat('2025-03-03', 100, { microcycleId: 7 }),
      squat('2025-03-04', 100, { microcycleId: 7 }),
    ];
    expect(patternStrengthIndex(byId, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(210);
    expect(patternStrengthIndex([...byId].reverse(), { pattern: 'squat', lastNMicrocycles: 1 })).toBe(210);
    // Without ids, sequence 2 is newer than sequence 1 on the same date.
    const bySequenceOnly = [
      squat('2025-03-03', 200, { microcycleSequence: 2 }),
      squat('2025-03-04', 220, { microcycleSequence: 2 }),
      squat('2025-03-03', 100, { microcycleSequence: 1 }),
      squat('2025-03-04', 100, { microcycleSequence: 1 }),
    ];
    expect(patternStrengthIndex(bySequenceOnly, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(210);
  });

  it('groups by id before sequence, and by sequence when the id is null', () => {
    // Same sequence 1 under two ids: two microcycles. Window 1 = id 2 (later date): 300 and 310 -> 305.
    const twoIds = [
      squat('2025-03-03', 100, { microcycleId: 1, microcycleSequence: 1 }),
      squat('2025-03-04', 100, { microcycleId: 1, microcycleSequence: 1 }),
      squat('2025-04-07', 300, { microcycleId: 2, microcycleSequence: 1 }),
      squat('2025-04-08', 310, { microcycleId: 2, microcycleSequence: 1 }),
    ];
    expect(patternStrengthIndex(twoIds, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(305);
    // Null ids, one sequence: one microcycle holding all three, (100 + 110 + 120) / 3 = 110.
    const oneSequence = [
      squat('2025-03-03', 100, { microcycleId: null, microcycleSequence: 4 }),
      squat('2025-03-04', 110, { microcycleId: null, microcycleSequence: 4 }),
      squat('2025-03-05', 120, { microcycleSequence: 4 }),
    ];
    expect(patternStrengthIndex(oneSequence, { pattern: 'squat', lastNMicrocycles: 1 })).toBeCloseTo(110, 10);
  });

  it('breaks a tie of date and sequence by id, whatever the input order', () => {
    // Both microcycles start 03-03 with sequence 1; id 2 is the newer: (300 + 310) / 2 = 305.
    const tied = [
      squat('2025-03-03', 300, { microcycleId: 2, microcycleSequence: 1 }),
      squat('2025-03-04', 310, { microcycleId: 2, microcycleSequence: 1 }),
      squat('2025-03-03', 100, { microcycleId: 1, microcycleSequence: 1 }),
      squat('2025-03-04', 100, { microcycleId: 1, microcycleSequence: 1 }),
    ];
    expect(patternStrengthIndex(tied, { pattern: 'squat', lastNMicrocycles: 1 })).toBe(305);
    expect(patternStrengthIndex([...tied].reverse(), { pattern: 'squat', lastNMicrocycles: 1 })).toBe(305);
  });

  it('accepts a null sequence beside an id', () => {
    const exposures = [squat('2025-03-03', 100, { microcycleId: 3, microcycleSequence: null }), squat('2025-03-04', 120, { microcycleId: 3, microcycleSequence: null })];
    expect(patternStrengthIndex(exposures, { pattern: 'squat' })).toBe(110);
  });

  it('needs two exposures of the pattern, and a null lookback means the default of 4', () => {
    const weeks = [1, 2, 3, 4, 5].map((n) => squat(`2025-03-0${n}`, n * 100, { microcycleSequence: n }));
    // Last 4: (200 + 300 + 400 + 500) / 4 = 350.
    expect(patternStrengthIndex(weeks, { pattern: 'squat', lastNMicrocycles: null as never })).toBe(350);
    expect(patternStrengthIndex(weeks, { pattern: 'squat', lastNMicrocycles: 1 })).toBeNull();
    // Last 2: (400 + 500) / 2.
    expect(patternStrengthIndex(weeks, { pattern: 'squat', lastNMicrocycles: 2 })).toBe(450);
    expect(patternStrengthIndexAll(weeks, { lastNMicrocycles: 2 }).squat).toBe(450);
    expect(patternStrengthIndexAll(weeks).squat).toBe(350);
    expect(patternStrengthIndexAll(weeks, null as never).squat).toBe(350);
    expect(patternStrengthIndexAll(weeks).hinge).toBeNull();
  });

  it('keeps the exposures of several patterns apart', () => {
    const mixed: PatternExposureInput[] = [
      squat('2025-03-03', 100, { microcycleSequence: 1 }),
      { pattern: 'hinge', date: '2025-03-03', e1rmValue: 200, microcycleSequence: 1 },
      squat('2025-03-04', 120, { microcycleSequence: 1 }),
      { pattern: 'hinge', date: '2025-03-04', e1rmValue: 240, microcycleSequence: 1 },
    ];
    const all = patternStrengthIndexAll(mixed);
    expect(all.squat).toBe(110);
    expect(all.hinge).toBe(220);
    expect(patternStrengthIndex(mixed, { pattern: 'hinge' })).toBe(220);
  });
});

describe('patternStrengthIndex: refusals', () => {
  it('names a bad pattern, lookback and exposures list together', () => {
    expect(problemsOf(() => patternStrengthIndex('x' as never, { pattern: 'jump' as never, lastNMicrocycles: 0 }))).toEqual([
      { path: ['options', 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: 'jump' },
      { path: ['options', 'lastNMicrocycles'], message: 'must be an integer >= 1', received: 0 },
      { path: ['exposures'], message: 'must be an array of pattern exposures', received: 'x' },
    ]);
    expect(problemsOf(() => patternStrengthIndex([], null as never))).toEqual([
      { path: ['options', 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: undefined },
    ]);
    for (const lastNMicrocycles of [1.5, Number.NaN, '2']) {
      expect(problemsOf(() => patternStrengthIndexAll([], { lastNMicrocycles: lastNMicrocycles as never }))).toEqual([
        { path: ['options', 'lastNMicrocycles'], message: 'must be an integer >= 1', received: lastNMicrocycles },
      ]);
    }
  });

  it('names every bad field of every exposure', () => {
    const exposures = [
      null,
      { pattern: 'jump', date: '2025-02-30', e1rmValue: -1, microcycleId: 1.5, microcycleSequence: '2' },
      { pattern: 'squat', date: 20250303, e1rmValue: Number.POSITIVE_INFINITY, microcycleId: 1 },
      { pattern: 'squat', date: '2025-03-03', e1rmValue: 0, microcycleId: null },
      { pattern: 'squat', date: '2025-03-03', e1rmValue: 0, microcycleSequence: 1.5 },
      // An object that prints as a date is still not a date string.
      { pattern: 'squat', date: { toString: () => '2025-03-03' }, e1rmValue: 0, microcycleSequence: 1 },
    ];
    expect(problemsOf(() => patternStrengthIndex(exposures as never, { pattern: 'squat' }))).toStrictEqual([
      { path: ['exposures', 0], message: 'must be an object { pattern, date, e1rmValue, microcycleId | microcycleSequence }', received: null },
      { path: ['exposures', 1, 'pattern'], message: `must be one of ${PATTERN_LIST}`, received: 'jump' },
      { path: ['exposures', 1, 'date'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: '2025-02-30' },
      { path: ['exposures', 1, 'e1rmValue'], message: 'must be a finite number >= 0', received: -1 },
      { path: ['exposures', 1, 'microcycleId'], message: 'must be an integer', received: 1.5 },
      { path: ['exposures', 1, 'microcycleSequence'], message: 'must be an integer', received: '2' },
      { path: ['exposures', 2, 'date'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: 20250303 },
      { path: ['exposures', 2, 'e1rmValue'], message: 'must be a finite number >= 0', received: Number.POSITIVE_INFINITY },
      { path: ['exposures', 3, 'microcycleId'], message: 'is required when microcycleSequence is absent (the window is counted in microcycles)' },
      { path: ['exposures', 4, 'microcycleSequence'], message: 'must be an integer', received: 1.5 },
      { path: ['exposures', 5, 'date'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: exposures[5]!.date },
    ]);
  });
});

describe('patternTrend', () => {
  it('counts a change of exactly the default 2.5 % either way', () => {
    // (102.5 - 100) / 100 = 0.025; (97.5 - 100) / 100 = -0.025; 102.4 is +2.4 %.
    expect(patternTrend([100, 102.5])).toBe('increasing');
    expect(patternTrend([100, 97.5])).toBe('decreasing');
    expect(patternTrend([100, 102.4])).toBe('stable');
    expect(patternTrend([100, 97.6])).toBe('stable');
  });

  it('does not lose a change of exactly the threshold to float rounding', () => {
    // 3 -> 3.3 is +10 %, which doubles compute as 0.09999999999999994; 3 -> 2.7 likewise.
    expect(patternTrend([3, 3.3], { threshold: 0.1 })).toBe('increasing');
    expect(patternTrend([3, 2.7], { threshold: 0.1 })).toBe('decreasing');
  });

  it('with a zero threshold, any move is a trend and no move is stable', () => {
    expect(patternTrend([100, 100.5], { threshold: 0 })).toBe('increasing');
    expect(patternTrend([100, 99.5], { threshold: 0 })).toBe('decreasing');
    expect(patternTrend([100, 100], { threshold: 0 })).toBe('stable');
  });

  it('compares the first and last halves, leaving the middle point of an odd series out', () => {
    // h = 1: 100 against 110, +10 %; the 50 in the middle is in neither half.
    expect(patternTrend([100, 50, 110])).toBe('increasing');
    // h = 2: (100 + 100) / 2 = 100 against (90 + 90) / 2 = 90, -10 %.
    expect(patternTrend([100, 100, 500, 90, 90])).toBe('decreasing');
  });

  it('relates the change to the size of a negative baseline', () => {
    // (-90 - -100) / |-100| = +10 %.
    expect(patternTrend([-100, -90])).toBe('increasing');
    expect(patternTrend([-100, -110])).toBe('decreasing');
  });

  it('takes only the sign of a move from a zero baseline', () => {
    expect(patternTrend([0, 5])).toBe('increasing');
    expect(patternTrend([0, -5])).toBe('decreasing');
    expect(patternTrend([0, 0])).toBe('stable');
  });

  it('drops missing points and needs two that remain', () => {
    expect(patternTrend([null, 100, undefined, 110])).toBe('increasing');
    expect(patternTrend([100, null])).toBe('insufficient_data');
    expect(patternTrend([])).toBe('insufficient_data');
  });

  it('names a bad threshold, series and points', () => {
    expect(problemsOf(() => patternTrend('x' as never, { threshold: -0.1 }))).toEqual([
      { path: ['options', 'threshold'], message: 'must be a finite number >= 0', received: -0.1 },
      { path: ['series'], message: 'must be an array of numbers (null for missing points)', received: 'x' },
    ]);
    expect(problemsOf(() => patternTrend([1, 'x', Number.NaN] as never, { threshold: Number.POSITIVE_INFINITY }))).toEqual([
      { path: ['options', 'threshold'], message: 'must be a finite number >= 0', received: Number.POSITIVE_INFINITY },
      { path: ['series', 1], message: 'must be a finite number or null', received: 'x' },
      { path: ['series', 2], message: 'must be a finite number or null', received: Number.NaN },
    ]);
    expect(patternTrend([100, 110], null as never)).toBe('increasing');
  });
});

describe('deloadSignal', () => {
  it('needs the minimum number of declining patterns, listed in enum order', () => {
    const trends = { hinge: 'decreasing', lunge: 'stable', squat: 'decreasing', core: undefined } as const;
    expect(deloadSignal(trends)).toEqual({ deload: true, decliningPatterns: ['squat', 'hinge'] });
    expect(deloadSignal(trends, { minDecliningPatterns: 3 })).toEqual({ deload: false, decliningPatterns: ['squat', 'hinge'] });
    expect(deloadSignal({ squat: 'decreasing' }, { minDecliningPatterns: 1 })).toEqual({ deload: true, decliningPatterns: ['squat'] });
    expect(deloadSignal({ squat: 'decreasing' }, null as never)).toEqual({ deload: false, decliningPatterns: ['squat'] });
    expect(deloadSignal({})).toEqual({ deload: false, decliningPatterns: [] });
  });

  it('names a bad minimum, a non-object, unknown patterns and unknown trends', () => {
    expect(problemsOf(() => deloadSignal(null as never, { minDecliningPatterns: 0 }))).toEqual([
      { path: ['options', 'minDecliningPatterns'], message: 'must be an integer >= 1', received: 0 },
      { path: ['trends'], message: 'must be an object mapping movement patterns to trends', received: null },
    ]);
    expect(problemsOf(() => deloadSignal({ jump: 'decreasing', squat: 'down' } as never, { minDecliningPatterns: 1.5 }))).toEqual([
      { path: ['options', 'minDecliningPatterns'], message: 'must be an integer >= 1', received: 1.5 },
      { path: ['trends', 'jump'], message: 'is not a movement pattern', received: 'jump' },
      { path: ['trends', 'squat'], message: 'must be one of increasing, decreasing, stable, insufficient_data', received: 'down' },
    ]);
    expect(problemsOf(() => deloadSignal({}, { minDecliningPatterns: Number.NaN }))).toEqual([
      { path: ['options', 'minDecliningPatterns'], message: 'must be an integer >= 1', received: Number.NaN },
    ]);
  });
});
