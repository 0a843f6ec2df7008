// Mutation tests (#24) for the validators that return problems instead of throwing: goal weights,
// ratings and program shape. Each case pins the whole problem list (path, message, received) and
// its order, since forms show them as given.
import { describe, expect, it } from 'vitest';
import { validateGoalWeights, validateProgramShape, validateRatings } from '../../src/domain/index.js';

const GOAL_LIST = 'strength, hypertrophy, endurance, fat_loss, mobility, explosiveness, speed';
const REPEAT = 'each goal may appear only once (use a different goal with weight 0 for an unused slot)';

describe('validateGoalWeights', () => {
  it('accepts three distinct goals whose integer weights sum to 10, zeros included', () => {
    expect(validateGoalWeights([{ goal: 'strength', weight: 10 }, { goal: 'hypertrophy', weight: 0 }, { goal: 'speed', weight: 0 }])).toEqual([]);
  });

  it('refuses a non-array at the root', () => {
    expect(validateGoalWeights('x' as never)).toStrictEqual([{ path: [], message: 'must be an array of exactly 3 { goal, weight } entries', received: 'x' }]);
  });

  it('counts the entries, and checks the sum of a wrong count too', () => {
    // 6 + 4 = 10: only the count is wrong.
    expect(validateGoalWeights([{ goal: 'strength', weight: 6 }, { goal: 'hypertrophy', weight: 4 }])).toStrictEqual([
      { path: [], message: 'must have exactly 3 entries (goal_1 to goal_3), got 2', received: 2 },
    ]);
    // 5 + 4 = 9.
    expect(validateGoalWeights([{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 4 }])).toStrictEqual([
      { path: [], message: 'must have exactly 3 entries (goal_1 to goal_3), got 2', received: 2 },
      { path: [], message: 'weights must sum to 10 (goals_sum_to_ten), got 9', received: 9 },
    ]);
  });

  it('puts the whole-input problems before the per-entry ones', () => {
    // 5 + (-1) + 3 + 4 = 11; -1 is an integer, so the sum is still checked.
    expect(
      validateGoalWeights([
        { goal: 'strength', weight: 5 },
        { goal: 'hypertrophy', weight: -1 },
        { goal: 'endurance', weight: 3 },
        { goal: 'speed', weight: 4 },
      ]),
    ).toStrictEqual([
      { path: [], message: 'must have exactly 3 entries (goal_1 to goal_3), got 4', received: 4 },
      { path: [], message: 'weights must sum to 10 (goals_sum_to_ten), got 11', received: 11 },
      { path: [1, 'weight'], message: 'must be >= 0', received: -1 },
    ]);
    // 5 + 3 + 3 = 11 with an unknown goal and a repeated one.
    expect(
      validateGoalWeights([
        { goal: 'strength', weight: 5 },
        { goal: 'power', weight: 3 },
        { goal: 'strength', weight: 3 },
      ] as never),
    ).toStrictEqual([
      { path: [], message: 'weights must sum to 10 (goals_sum_to_ten), got 11', received: 11 },
      { path: [1, 'goal'], message: `must be one of ${GOAL_LIST}`, received: 'power' },
      { path: [2, 'goal'], message: `repeats the goal of entry 0; ${REPEAT}`, received: 'strength' },
    ]);
  });

  it('names the first entry a goal repeats', () => {
    expect(
      validateGoalWeights([
        { goal: 'speed', weight: 4 },
        { goal: 'strength', weight: 3 },
        { goal: 'strength', weight: 3 },
      ]),
    ).toStrictEqual([{ path: [2, 'goal'], message: `repeats the goal of entry 1; ${REPEAT}`, received: 'strength' }]);
  });

  it('skips the sum when a weight is not an integer or an entry is not an object', () => {
    // 2.5 + 4 + 3 = 9.5 is not reported: the weight itself is.
    expect(validateGoalWeights([{ goal: 'strength', weight: 2.5 }, { goal: 'hypertrophy', weight: 4 }, { goal: 'endurance', weight: 3 }])).toStrictEqual([
      { path: [0, 'weight'], message: 'must be a whole number >= 0', received: 2.5 },
    ]);
    expect(validateGoalWeights([{ goal: 'strength', weight: '5' }, { goal: 'hypertrophy', weight: 4 }, { goal: 5, weight: 3 }] as never)).toStrictEqual([
      { path: [0, 'weight'], message: 'must be an integer >= 0', received: '5' },
      { path: [2, 'goal'], message: `must be one of ${GOAL_LIST}`, received: 5 },
    ]);
    // 4 + 3 = 7 from the objects; the null entry makes the sum meaningless.
    expect(validateGoalWeights([null, { goal: 'hypertrophy', weight: 4 }, { goal: 'endurance', weight: 3 }] as never)).toStrictEqual([
      { path: [0], message: 'must be an object { goal, weight }', received: null },
    ]);
  });
});

describe('validateRatings', () => {
  it('refuses a non-object', () => {
    const message = 'must be an object { perceivedDifficulty?, enjoymentRating?, soreness? }';
    expect(validateRatings(null as never)).toStrictEqual([{ path: [], message, received: null }]);
    expect(validateRatings([] as never)).toStrictEqual([{ path: [], message, received: [] }]);
  });

  it('accepts absent, null and boundary ratings', () => {
    expect(validateRatings({})).toEqual([]);
    expect(validateRatings({ perceivedDifficulty: null, enjoymentRating: null, soreness: null })).toEqual([]);
    expect(validateRatings({ perceivedDifficulty: 1, enjoymentRating: 1, soreness: 1 })).toEqual([]);
    expect(validateRatings({ perceivedDifficulty: 10, enjoymentRating: 5, soreness: 5 })).toEqual([]);
  });

  it('refuses one step past each bound, naming the field and its range', () => {
    expect(validateRatings({ perceivedDifficulty: 11, enjoymentRating: 0, soreness: 6 })).toStrictEqual([
      { path: ['perceivedDifficulty'], message: 'must be between 1 and 10', received: 11 },
      { path: ['enjoymentRating'], message: 'must be between 1 and 5', received: 0 },
      { path: ['soreness'], message: 'must be between 1 and 5', received: 6 },
    ]);
    expect(validateRatings({ perceivedDifficulty: 0, enjoymentRating: 6, soreness: 0 })).toStrictEqual([
      { path: ['perceivedDifficulty'], message: 'must be between 1 and 10', received: 0 },
      { path: ['enjoymentRating'], message: 'must be between 1 and 5', received: 6 },
      { path: ['soreness'], message: 'must be between 1 and 5', received: 0 },
    ]);
  });
});

describe('validateProgramShape', () => {
  it('refuses a non-object', () => {
    expect(validateProgramShape('8 weeks' as never)).toStrictEqual([
      { path: [], message: 'must be an object { durationWeeks, daysPerWeek, deloadEveryNMicrocycles?, microcycleLengthDays? }', received: '8 weeks' },
    ]);
  });

  it('requires duration and days per week, with no received value to show', () => {
    expect(validateProgramShape({})).toStrictEqual([
      { path: ['durationWeeks'], message: 'is required' },
      { path: ['daysPerWeek'], message: 'is required' },
    ]);
  });

  it('lets the optional fields be undefined but not null', () => {
    expect(validateProgramShape({ durationWeeks: 8, daysPerWeek: 2, deloadEveryNMicrocycles: undefined, microcycleLengthDays: undefined })).toEqual([]);
    expect(validateProgramShape({ durationWeeks: 12, daysPerWeek: 7, deloadEveryNMicrocycles: null, microcycleLengthDays: null })).toStrictEqual([
      { path: ['deloadEveryNMicrocycles'], message: 'must be an integer >= 1', received: null },
      { path: ['microcycleLengthDays'], message: 'must be an integer between 7 and 10', received: null },
    ]);
  });

  it('checks days per week on both sides', () => {
    expect(validateProgramShape({ durationWeeks: 8, daysPerWeek: 1 })).toStrictEqual([{ path: ['daysPerWeek'], message: 'must be between 2 and 7', received: 1 }]);
    expect(validateProgramShape({ durationWeeks: 8, daysPerWeek: 8 })).toStrictEqual([{ path: ['daysPerWeek'], message: 'must be between 2 and 7', received: 8 }]);
  });
});
