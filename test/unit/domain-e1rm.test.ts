// Expected values are literals computed independently (python3: w*(1+r/30), w*36/(37-r), w*r**0.1,
// w*(1+r/40)), never by calling the code under test.
import { describe, expect, it } from 'vitest';
import {
  BRZYCKI_HIGH_REPS_MULTIPLIER,
  BRZYCKI_REPS_LIMIT,
  DomainArgumentError,
  GainslyError,
  E1RMRangeError,
  estimateOneRepMax,
  estimateOneRepMaxAsStored,
  estimateOneRepMaxWithEffort,
  loadForReps,
} from '../../src/domain/index.js';
import { storedMultipliers } from '../../src/domain/e1rm.js';
import type { E1RMFormula } from '../../src/enums/index.js';

const FORMULAS: E1RMFormula[] = ['epley', 'brzycki', 'lombardi', 'oconner'];

describe('estimateOneRepMax', () => {
  it.each([
    // weight, reps, epley, brzycki, lombardi, oconner
    [100, 5, 116.66666666666667, 112.5, 117.4618943088019, 112.5],
    [80, 10, 106.66666666666666, 106.66666666666667, 100.71403294353338, 100],
    [142.5, 3, 156.75, 150.88235294117646, 159.04755229983138, 153.1875],
    [60, 12, 84, 86.4, 76.92533123920893, 78],
    [225, 8, 285, 279.3103448275862, 277.00749300260617, 270],
  ])('%s x %s matches every formula', (weight, reps, epley, brzycki, lombardi, oconner) => {
    expect(estimateOneRepMax(weight, reps, 'epley')).toBeCloseTo(epley, 9);
    expect(estimateOneRepMax(weight, reps, 'brzycki')).toBeCloseTo(brzycki, 9);
    expect(estimateOneRepMax(weight, reps, 'lombardi')).toBeCloseTo(lombardi, 9);
    expect(estimateOneRepMax(weight, reps, 'oconner')).toBeCloseTo(oconner, 9);
  });

  it('defaults to Epley', () => {
    expect(estimateOneRepMax(100, 5)).toBeCloseTo(116.66666666666667, 9);
  });

  it.each(FORMULAS)('returns the weight itself for a single rep (%s)', (formula) => {
    expect(estimateOneRepMax(140, 1, formula)).toBe(140);
    expect(estimateOneRepMax(0, 1, formula)).toBe(0);
  });

  it('accepts a zero weight (bodyweight-only top set) and returns 0', () => {
    expect(estimateOneRepMax(0, 8, 'epley')).toBe(0);
  });

  it('computes Brzycki up to 36 reps and throws E1RMRangeError from 37 on', () => {
    expect(BRZYCKI_REPS_LIMIT).toBe(37);
    expect(estimateOneRepMax(50, 36, 'brzycki')).toBeCloseTo(1800, 9);
    for (const reps of [37, 38, 50]) {
      let caught: unknown;
      try {
        estimateOneRepMax(50, reps, 'brzycki');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(E1RMRangeError);
      // A GainslyError with its own code, never a platform RangeError.
      expect(caught).toBeInstanceOf(GainslyError);
      expect(caught).not.toBeInstanceOf(RangeError);
      expect((caught as E1RMRangeError).code).toBe('GAINSLY_E1RM_RANGE');
      const error = caught as E1RMRangeError;
      expect(error.formula).toBe('brzycki');
      expect(error.reps).toBe(reps);
      expect(error.limit).toBe(37);
      expect(error.message).toContain('brzycki');
      expect(error.message).toContain(String(reps));
      expect(error.message).toContain('37');
    }
  });

  it('keeps the other formulas defined at high reps', () => {
    // 50 * (1 + 40/30), 50 * 40**0.1, 50 * (1 + 40/40)
    expect(estimateOneRepMax(50, 40, 'epley')).toBeCloseTo(116.66666666666667, 9);
    expect(estimateOneRepMax(50, 40, 'lombardi')).toBeCloseTo(72.30627747959623, 9);
    expect(estimateOneRepMax(50, 40, 'oconner')).toBeCloseTo(100, 9);
  });

  it.each([
    ['weight', -1, 5],
    ['weight', Number.NaN, 5],
    ['weight', Number.POSITIVE_INFINITY, 5],
    ['reps', 100, 0],
    ['reps', 100, -3],
    ['reps', 100, 2.5],
    ['reps', 100, Number.NaN],
  ])('rejects an invalid %s (%s x %s) with a DomainArgumentError (a GainslyError) naming it', (argument, weight, reps) => {
    let caught: unknown;
    try {
      estimateOneRepMax(weight, reps);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught).toBeInstanceOf(DomainArgumentError);
    expect((caught as DomainArgumentError).argument).toBe(argument);
    expect((caught as Error).message).toContain(argument);
  });

  it('reports every invalid argument at once, and an unknown formula', () => {
    let caught: DomainArgumentError | undefined;
    try {
      estimateOneRepMax(-1, 0, 'wathan' as E1RMFormula);
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught?.problems.map((problem) => problem.path)).toEqual([['weight'], ['reps'], ['formula']]);
    expect(caught?.message).toContain('epley, brzycki, lombardi, oconner');
  });
});

describe('estimateOneRepMaxAsStored (the value top_set_logs.e1rm_value holds)', () => {
  it.each([
    // weight, reps, epley, brzycki, lombardi, oconner (python3: w*(1+r/30), w*36/(37-r), w*r**0.1, w*(1+r/40))
    [120, 5, 140, 135, 140.95427317056226, 135],
    [100, 5, 116.66666666666667, 112.5, 117.4618943088019, 112.5],
    [60, 12, 84, 86.4, 76.92533123920893, 78],
    [50, 36, 110, 1800, 71.54845405526278, 95],
  ])('%s x %s is the plain formula under every formula', (weight, reps, epley, brzycki, lombardi, oconner) => {
    expect(estimateOneRepMaxAsStored(weight, reps, 'epley')).toBeCloseTo(epley, 9);
    expect(estimateOneRepMaxAsStored(weight, reps, 'brzycki')).toBeCloseTo(brzycki, 9);
    expect(estimateOneRepMaxAsStored(weight, reps, 'lombardi')).toBeCloseTo(lombardi, 9);
    expect(estimateOneRepMaxAsStored(weight, reps, 'oconner')).toBeCloseTo(oconner, 9);
  });

  it('defaults to Epley and returns the weight for a single rep', () => {
    expect(estimateOneRepMaxAsStored(100, 5)).toBeCloseTo(116.66666666666667, 9);
    for (const formula of FORMULAS) expect(estimateOneRepMaxAsStored(140, 1, formula)).toBe(140);
  });

  it("substitutes weight x 2.5 for Brzycki from 37 reps on, as the upstream app does (no E1RMRangeError)", () => {
    expect(BRZYCKI_HIGH_REPS_MULTIPLIER).toBe(2.5);
    expect(estimateOneRepMaxAsStored(40, 37, 'brzycki')).toBe(100);
    expect(estimateOneRepMaxAsStored(40, 40, 'brzycki')).toBe(100);
    expect(estimateOneRepMaxAsStored(0, 50, 'brzycki')).toBe(0);
    // The other formulas stay themselves at high reps: 40 * (1 + 40/30), 40 * 40**0.1, 40 * 2
    expect(estimateOneRepMaxAsStored(40, 40, 'epley')).toBeCloseTo(93.33333333333333, 9);
    expect(estimateOneRepMaxAsStored(40, 40, 'lombardi')).toBeCloseTo(57.845021983676986, 9);
    expect(estimateOneRepMaxAsStored(40, 40, 'oconner')).toBe(80);
  });

  it('rejects bad arguments like estimateOneRepMax, naming each', () => {
    let caught: DomainArgumentError | undefined;
    try {
      estimateOneRepMaxAsStored(-1, 0, 'EPLEY' as E1RMFormula);
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(DomainArgumentError);
    expect(caught?.problems.map((problem) => problem.path)).toEqual([['weight'], ['reps'], ['formula']]);
  });
});

describe('storedMultipliers (what logWorkout sends for the statement to multiply the weight by)', () => {
  it('is each formula\'s stored multiplier for the reps, in the order asked', () => {
    // python3: 1 + 5/30, 36/32, 5**0.1, 1 + 5/40
    expect(storedMultipliers(5, FORMULAS)).toEqual([1.1666666666666667, 1.125, 1.174618943088019, 1.125]);
    expect(storedMultipliers(5, ['oconner', 'epley'])).toEqual([1.125, 1.1666666666666667]);
    expect(storedMultipliers(1, FORMULAS)).toEqual([1, 1, 1, 1]);
    // Brzycki's substitute from 37 reps on; the others stay themselves (python3: 1 + 40/30, 40**0.1, 1 + 40/40)
    expect(storedMultipliers(37, ['brzycki'])).toEqual([2.5]);
    expect(storedMultipliers(40, FORMULAS)).toEqual([2.333333333333333, 2.5, 1.4461255495919247, 2]);
  });

  it('rejects bad reps and each unknown formula, naming them', () => {
    let caught: DomainArgumentError | undefined;
    try {
      storedMultipliers(0.5, ['epley', 'EPLEY' as E1RMFormula]);
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(DomainArgumentError);
    expect(caught?.problems.map((problem) => [problem.path, problem.received])).toEqual([[['reps'], 0.5], [['formula'], 'EPLEY']]);
  });
});

describe('estimateOneRepMaxWithEffort', () => {
  it('adds RIR = 10 - RPE to the reps', () => {
    // 5 reps @ RPE 8 -> 7 reps: 100 * (1 + 7/30)
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 8 })).toBeCloseTo(123.33333333333334, 9);
    // RPE 8.5 -> RIR 1.5 -> 6.5 reps: 100 * (1 + 6.5/30)
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 8.5 })).toBeCloseTo(121.66666666666669, 9);
    // 4 reps @ RPE 9 with Lombardi -> 5 reps: 100 * 5**0.1
    expect(estimateOneRepMaxWithEffort(100, 4, { rpe: 9, formula: 'lombardi' })).toBeCloseTo(117.4618943088019, 9);
    // 1 rep @ RPE 9 with O'Conner -> 2 reps: 100 * (1 + 2/40)
    expect(estimateOneRepMaxWithEffort(100, 1, { rpe: 9, formula: 'oconner' })).toBeCloseTo(105, 9);
  });

  it('treats RPE 10 as RIR 0, so the plain estimate and the 1-rep rule apply', () => {
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: 10 })).toBeCloseTo(116.66666666666667, 9);
    expect(estimateOneRepMaxWithEffort(100, 1, { rpe: 10 })).toBe(100);
    expect(estimateOneRepMaxWithEffort(100, 1, { rir: 0, formula: 'brzycki' })).toBe(100);
  });

  it('puts fractional effective reps through the formula', () => {
    // 1 rep @ RPE 9.5 -> 1.5 reps: 100 * (1 + 1.5/30)
    expect(estimateOneRepMaxWithEffort(100, 1, { rpe: 9.5 })).toBeCloseTo(105, 9);
  });

  it('uses RIR directly, and lets RIR win when both are given', () => {
    // 3 reps + RIR 2 -> 5 reps: 100 * 36 / 32
    expect(estimateOneRepMaxWithEffort(100, 3, { rir: 2, formula: 'brzycki' })).toBeCloseTo(112.5, 9);
    // RIR 1 wins over RPE 6 (which would mean RIR 4): 6 reps -> 100 * 1.2
    expect(estimateOneRepMaxWithEffort(100, 5, { rir: 1, rpe: 6 })).toBeCloseTo(120, 9);
  });

  it('equals the plain estimate without effort, treating null as not reported', () => {
    expect(estimateOneRepMaxWithEffort(100, 5)).toBeCloseTo(116.66666666666667, 9);
    expect(estimateOneRepMaxWithEffort(100, 5, { rpe: null, rir: null, formula: 'brzycki' })).toBeCloseTo(112.5, 9);
  });

  it('applies the Brzycki limit to the effective reps', () => {
    // 34 + 2 = 36 reps: 30 * 36 / 1
    expect(estimateOneRepMaxWithEffort(30, 34, { rir: 2, formula: 'brzycki' })).toBeCloseTo(1080, 9);
    expect(() => estimateOneRepMaxWithEffort(30, 35, { rir: 2, formula: 'brzycki' })).toThrow(E1RMRangeError);
    expect(() => estimateOneRepMaxWithEffort(30, 33, { rpe: 6, formula: 'brzycki' })).toThrow(E1RMRangeError);
  });

  it('rejects RPE outside 1..10 and negative RIR, naming the option', () => {
    for (const options of [{ rpe: 11 }, { rpe: 0.5 }, { rpe: Number.NaN }, { rir: -1 }, { rir: Number.POSITIVE_INFINITY }]) {
      let caught: unknown;
      try {
        estimateOneRepMaxWithEffort(100, 5, options);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GainslyError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
      const key = 'rpe' in options ? 'rpe' : 'rir';
      expect((caught as DomainArgumentError).problems).toEqual([
        expect.objectContaining({ path: ['options', key] }),
      ]);
    }
  });
});

describe('loadForReps', () => {
  it('inverts each formula (independent values)', () => {
    expect(loadForReps(120, 6)).toBeCloseTo(100, 9); // 120 / (1 + 6/30)
    expect(loadForReps(150, 8, 'brzycki')).toBeCloseTo(120.83333333333333, 9); // 150 * 29 / 36
    expect(loadForReps(150, 8, 'lombardi')).toBeCloseTo(121.83785945343533, 9); // 150 / 8**0.1
    expect(loadForReps(150, 8, 'oconner')).toBeCloseTo(125, 9); // 150 / 1.2
  });

  it.each(FORMULAS)('returns the e1RM for one rep (%s)', (formula) => {
    expect(loadForReps(180, 1, formula)).toBe(180);
  });

  it.each(FORMULAS)('round-trips with estimateOneRepMax (%s)', (formula) => {
    for (const [weight, reps] of [
      [100, 1],
      [100, 5],
      [62.5, 12],
      [315, 3],
      [40, 36],
    ] as const) {
      expect(loadForReps(estimateOneRepMax(weight, reps, formula), reps, formula)).toBeCloseTo(weight, 9);
    }
  });

  it('throws E1RMRangeError for Brzycki at 37+ target reps and DomainArgumentErrors for bad input', () => {
    expect(() => loadForReps(100, 37, 'brzycki')).toThrow(E1RMRangeError);
    expect(() => loadForReps(-5, 5)).toThrow(/e1rm/);
    expect(() => loadForReps(100, 0)).toThrow(/targetReps/);
  });
});
