// Mutation testing (issue #24, test/README.md): the e1RM and plate helpers report every bad
// argument with its path, message and value, and each effort bound is tried on both sides.
// Expected values are worked out by hand in the comments, never taken from the code under test.
import { describe, expect, it } from 'vitest';
import {
  DomainArgumentError,
  E1RMRangeError,
  estimateOneRepMax,
  estimateOneRepMaxWithEffort,
  kgToLb,
  lbToKg,
  loadForReps,
  roundToPlate,
} from '../../src/domain/index.js';
import { thrownBy } from '../support/thrown.js';

const problemsOf = (run: () => unknown): unknown[] => [...thrownBy(DomainArgumentError, run).problems];

const FORMULA_LIST = 'must be one of epley, brzycki, lombardi, oconner';

describe('estimateOneRepMax: argument problems', () => {
  it('names weight, reps and formula with their messages and values, in argument order', () => {
    expect(problemsOf(() => estimateOneRepMax(-1, 0, 'wendler' as never))).toEqual([
      { path: ['weight'], message: 'must be a finite number >= 0', received: -1 },
      { path: ['reps'], message: 'must be an integer >= 1', received: 0 },
      { path: ['formula'], message: FORMULA_LIST, received: 'wendler' },
    ]);
  });

  it('rejects a formula that is not a string with the same message', () => {
    expect(problemsOf(() => estimateOneRepMax(100, 5, 7 as never))).toEqual([{ path: ['formula'], message: FORMULA_LIST, received: 7 }]);
  });

  it('renders the problems into the error message, one line each', () => {
    expect(() => estimateOneRepMax(-1, 2.5)).toThrow('weight: must be a finite number >= 0 (received -1)\nreps: must be an integer >= 1 (received 2.5)');
  });
});

describe('estimateOneRepMaxWithEffort: effort bounds on both sides', () => {
  // Epley: weight × (1 + reps/30), the reps being reps + reserve, reserve = RIR, else 10 − RPE.
  it('RPE 1 is accepted (reserve 9: 1 + 9 = 10 reps, 100 × 40/30)', () => {
    expect(estimateOneRepMaxWithEffort(100, 1, { rpe: 1 })).toBeCloseTo(133.3333333333, 9);
  });

  it('RPE 10 is accepted (no reserve, 1 rep is the load itself)', () => {
    expect(estimateOneRepMaxWithEffort(100, 1, { rpe: 10 })).toBe(100);
  });

  it('RPE 0.5 and 10.5 are rejected at options.rpe with the range in the message', () => {
    for (const rpe of [0.5, 10.5]) {
      expect(problemsOf(() => estimateOneRepMaxWithEffort(100, 5, { rpe }))).toEqual([
        { path: ['options', 'rpe'], message: 'must be a number between 1 and 10', received: rpe },
      ]);
    }
  });

  it('RIR 0 is accepted and RIR -0.5 rejected at options.rir', () => {
    expect(estimateOneRepMaxWithEffort(90, 3, { rir: 0 })).toBeCloseTo(99, 9); // 90 × (1 + 3/30)
    expect(problemsOf(() => estimateOneRepMaxWithEffort(100, 5, { rir: -0.5 }))).toEqual([
      { path: ['options', 'rir'], message: 'must be a finite number >= 0', received: -0.5 },
    ]);
  });

  it('names weight, reps and options.formula', () => {
    expect(problemsOf(() => estimateOneRepMaxWithEffort(-2, 1.5, { formula: 'x' as never }))).toEqual([
      { path: ['weight'], message: 'must be a finite number >= 0', received: -2 },
      { path: ['reps'], message: 'must be an integer >= 1', received: 1.5 },
      { path: ['options', 'formula'], message: FORMULA_LIST, received: 'x' },
    ]);
  });

  it('takes null options (a JavaScript caller) as no options: Epley, no reserve', () => {
    expect(estimateOneRepMaxWithEffort(120, 5, null as never)).toBeCloseTo(140, 9); // 120 × (1 + 5/30)
  });
});

describe('loadForReps: argument problems', () => {
  it('rejects an unknown formula even for one rep (where no formula is needed)', () => {
    expect(problemsOf(() => loadForReps(100, 1, 'bogus' as never))).toEqual([{ path: ['formula'], message: FORMULA_LIST, received: 'bogus' }]);
  });

  it('names e1rm and targetReps', () => {
    expect(problemsOf(() => loadForReps(Number.NaN, -3))).toEqual([
      { path: ['e1rm'], message: 'must be a finite number >= 0', received: Number.NaN },
      { path: ['targetReps'], message: 'must be an integer >= 1', received: -3 },
    ]);
  });
});

describe('E1RMRangeError', () => {
  it('is named, and its message names the formula, the reps, the bound and the way out', () => {
    let caught: unknown;
    try {
      estimateOneRepMax(40, 40, 'brzycki');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(E1RMRangeError);
    const error = caught as E1RMRangeError;
    expect(error.name).toBe('E1RMRangeError');
    expect(error.message).toBe(
      'The brzycki e1RM formula is undefined for 40 reps: it needs reps < 37. Use another formula (epley, lombardi, oconner) for high-rep sets.',
    );
  });
});

describe('roundToPlate: option problems', () => {
  it('reports a missing options object at options.useMetric', () => {
    expect(problemsOf(() => roundToPlate(100, undefined as never))).toEqual([
      { path: ['options', 'useMetric'], message: 'must be a boolean (true = kg, false = lb)', received: undefined },
    ]);
  });

  it('names load, useMetric, increment and mode with their messages', () => {
    expect(problemsOf(() => roundToPlate(-5, { useMetric: 'yes' as never, increment: 0, mode: 'sideways' as never }))).toEqual([
      { path: ['load'], message: 'must be a finite number >= 0', received: -5 },
      { path: ['options', 'useMetric'], message: 'must be a boolean (true = kg, false = lb)', received: 'yes' },
      { path: ['options', 'increment'], message: 'must be a finite number > 0', received: 0 },
      { path: ['options', 'mode'], message: "must be 'nearest', 'down' or 'up'", received: 'sideways' },
    ]);
  });

  it('uses the lb increment (5) when useMetric is false, the kg one (2.5) when true', () => {
    expect(roundToPlate(222, { useMetric: false })).toBe(220);
    expect(roundToPlate(222, { useMetric: true })).toBe(222.5);
  });
});

describe('kgToLb / lbToKg: non-finite input', () => {
  it('names the argument and the message', () => {
    expect(problemsOf(() => kgToLb(Number.POSITIVE_INFINITY))).toEqual([{ path: ['kg'], message: 'must be a finite number', received: Number.POSITIVE_INFINITY }]);
    expect(problemsOf(() => lbToKg(Number.NaN))).toEqual([{ path: ['lb'], message: 'must be a finite number', received: Number.NaN }]);
  });
});
