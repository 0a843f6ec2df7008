// Type-level tests of `@gainsly/db/domain`: pure helpers, typed by the enums.
import { describe, expectTypeOf, test } from 'vitest';
import {
  estimateOneRepMax,
  estimateOneRepMaxWithEffort,
  loadForReps,
  roundToPlate,
  patternStrengthIndexAll,
  patternTrend,
  deloadSignal,
  validateGoalWeights,
  validateProgramShape,
  planMicrocycles,
  isIsoDate,
  PatternTrend,
  DomainArgumentError,
  E1RMRangeError,
  GainslyError,
  type DeloadSignal,
  type ValidationProblem,
  type PlannedMicrocycle,
} from '../../src/domain/index.js';
import type { E1RMFormula, MovementPattern } from '../../src/enums/index.js';

describe('e1RM', () => {
  test('estimateOneRepMax(weight, reps, formula = epley): number', () => {
    expectTypeOf(estimateOneRepMax).parameters.toEqualTypeOf<[weight: number, reps: number, formula?: E1RMFormula]>();
    expectTypeOf(estimateOneRepMax).returns.toEqualTypeOf<number>();
    // @ts-expect-error formulas are semantic values
    estimateOneRepMax(100, 5, 'EPLEY');
    expectTypeOf(estimateOneRepMaxWithEffort).returns.toEqualTypeOf<number>();
    expectTypeOf(loadForReps).returns.toEqualTypeOf<number>();
    expectTypeOf(roundToPlate).returns.toEqualTypeOf<number>();
    expectTypeOf<E1RMRangeError>().toExtend<GainslyError>();
    expectTypeOf<DomainArgumentError>().toExtend<GainslyError>();
  });
});

describe('pattern strength and trends', () => {
  test('per-pattern records keyed by MovementPattern', () => {
    expectTypeOf(patternStrengthIndexAll).returns.toEqualTypeOf<Record<MovementPattern, number | null>>();
    expectTypeOf(patternTrend).returns.toEqualTypeOf<PatternTrend>();
    expectTypeOf(PatternTrend.DECREASING).toExtend<PatternTrend>();
    expectTypeOf(deloadSignal).returns.toEqualTypeOf<DeloadSignal>();
    expectTypeOf<DeloadSignal['decliningPatterns']>().toEqualTypeOf<MovementPattern[]>();
  });
});

describe('validators return the problems, never throw', () => {
  test('ValidationProblem[]', () => {
    expectTypeOf(validateGoalWeights).returns.toEqualTypeOf<ValidationProblem[]>();
    expectTypeOf(validateProgramShape).returns.toEqualTypeOf<ValidationProblem[]>();
    expectTypeOf(planMicrocycles).returns.toExtend<readonly PlannedMicrocycle[]>();
    const x: unknown = '2026-01-05';
    if (isIsoDate(x)) expectTypeOf(x).toEqualTypeOf<string>();
  });
});
