import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATE_INCREMENTS,
  DomainArgumentError,
  GainslyError,
  KG_PER_LB,
  kgToLb,
  lbToKg,
  roundToPlate,
  type PlateRoundingMode,
} from '../../src/domain/index.js';

describe('roundToPlate', () => {
  it('defaults to 2.5 kg and 5 lb steps', () => {
    expect(DEFAULT_PLATE_INCREMENTS).toEqual({ kg: 2.5, lb: 5 });
  });

  it.each([
    // load, mode, expected (kg, step 2.5)
    [101.3, 'nearest', 102.5],
    [101.3, 'down', 100],
    [101.3, 'up', 102.5],
    [101.2, 'nearest', 100],
    [101.25, 'nearest', 102.5], // exact half goes up
    [101.25, 'down', 100],
    [100, 'nearest', 100],
    [100, 'down', 100],
    [100, 'up', 100],
    [0, 'nearest', 0],
    [1.2, 'nearest', 0],
    [1.2, 'up', 2.5],
  ] as const)('kg: %s (%s) -> %s', (load, mode, expected) => {
    expect(roundToPlate(load, { useMetric: true, mode })).toBe(expected);
  });

  it.each([
    // load, mode, expected (lb, step 5)
    [223, 'nearest', 225],
    [223, 'down', 220],
    [221, 'up', 225],
    [222.5, 'nearest', 225],
    [222.4, 'nearest', 220],
    [135, 'down', 135],
  ] as const)('lb: %s (%s) -> %s', (load, mode, expected) => {
    expect(roundToPlate(load, { useMetric: false, mode })).toBe(expected);
  });

  it('uses a custom increment in the selected unit', () => {
    expect(roundToPlate(61.1, { useMetric: true, increment: 0.5 })).toBe(61);
    expect(roundToPlate(61.26, { useMetric: true, increment: 0.5 })).toBe(61.5);
    expect(roundToPlate(101.3, { useMetric: true, increment: 1.25 })).toBe(101.25);
    expect(roundToPlate(226, { useMetric: false, increment: 2.5, mode: 'up' })).toBe(227.5);
  });

  it('returns clean decimals and does not lose exact multiples to float error', () => {
    expect(roundToPlate(0.25, { useMetric: true, increment: 0.1 })).toBe(0.3);
    expect(roundToPlate(0.3, { useMetric: true, increment: 0.1, mode: 'down' })).toBe(0.3);
    expect(roundToPlate(0.7, { useMetric: true, increment: 0.1, mode: 'up' })).toBe(0.7);
  });

  it('rounds a converted load to a plate-able value', () => {
    // 100 kg = 220.462... lb -> nearest 5 lb = 220
    expect(roundToPlate(kgToLb(100), { useMetric: false })).toBe(220);
    // 225 lb = 102.058... kg -> nearest 2.5 kg = 102.5
    expect(roundToPlate(lbToKg(225), { useMetric: true })).toBe(102.5);
  });

  it('reports every invalid argument at once', () => {
    let caught: DomainArgumentError | undefined;
    try {
      roundToPlate(-5, { useMetric: 'yes' as unknown as boolean, increment: 0, mode: 'sideways' as PlateRoundingMode });
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught?.problems.map((problem) => problem.path)).toEqual([
      ['load'],
      ['options', 'useMetric'],
      ['options', 'increment'],
      ['options', 'mode'],
    ]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -0.1])('rejects load %s', (load) => {
    expect(() => roundToPlate(load, { useMetric: true })).toThrow(/load/);
  });

  it.each([-2.5, Number.NaN])('rejects increment %s', (increment) => {
    expect(() => roundToPlate(100, { useMetric: true, increment })).toThrow(/increment/);
  });
});

describe('kgToLb / lbToKg', () => {
  it('uses the exact international pound', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(kgToLb(100)).toBeCloseTo(220.46226218487757, 10);
    expect(kgToLb(60)).toBeCloseTo(132.27735731092653, 10);
    expect(lbToKg(225)).toBeCloseTo(102.05828325, 10);
    expect(lbToKg(45)).toBeCloseTo(20.41165665, 10);
  });

  it('round-trips', () => {
    for (const value of [0, 1, 20, 102.5, 315, -2.5]) {
      expect(lbToKg(kgToLb(value))).toBeCloseTo(value, 10);
      expect(kgToLb(lbToKg(value))).toBeCloseTo(value, 10);
    }
  });

  it('rejects non-finite input naming the argument', () => {
    expect(() => kgToLb(Number.NaN)).toThrow(DomainArgumentError);
    expect(() => kgToLb(Number.NaN)).toThrow(/kg/);
    expect(() => lbToKg(Number.POSITIVE_INFINITY)).toThrow(/lb/);
  });
});
