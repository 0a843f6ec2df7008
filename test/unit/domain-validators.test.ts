import { describe, expect, it } from 'vitest';
import {
  GOAL_WEIGHT_RULES,
  PROGRAM_DEFAULTS,
  PROGRAM_LIMITS,
  RATING_LIMITS,
  formatValidationProblems,
  validateGoalWeights,
  validateProgramShape,
  validateRatings,
  type GoalWeightInput,
} from '../../src/domain/index.js';

const paths = (problems: { path: (string | number)[] }[]) => problems.map((problem) => problem.path);

describe('validateGoalWeights', () => {
  it('exposes the rules', () => {
    expect(GOAL_WEIGHT_RULES).toEqual({ slots: 3, total: 10, minWeight: 0 });
  });

  it.each([
    [[6, 3, 1]],
    [[10, 0, 0]],
    [[0, 0, 10]],
    [[4, 3, 3]],
  ])('accepts weights %j on distinct goals', (weights) => {
    const goals = ['strength', 'hypertrophy', 'fat_loss'] as const;
    expect(validateGoalWeights(weights.map((weight, i) => ({ goal: goals[i], weight })))).toEqual([]);
  });

  it('accepts every Goal value', () => {
    const all = ['strength', 'hypertrophy', 'endurance', 'fat_loss', 'mobility', 'explosiveness', 'speed'];
    for (let i = 0; i < all.length; i += 1) {
      const entries = [0, 1, 2].map((offset) => ({ goal: all[(i + offset) % all.length], weight: offset === 0 ? 10 : 0 }));
      expect(validateGoalWeights(entries)).toEqual([]);
    }
  });

  it('rejects a total other than 10 (goals_sum_to_ten)', () => {
    const problems = validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'speed', weight: 3 },
      { goal: 'mobility', weight: 1 },
    ]);
    expect(problems).toEqual([{ path: [], message: expect.stringMatching(/sum to 10.*got 9/), received: 9 }]);
    expect(paths(validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'speed', weight: 5 },
      { goal: 'mobility', weight: 1 },
    ]))).toEqual([[]]);
  });

  it('rejects a negative weight (positive_weights) even when the total is 10', () => {
    const problems = validateGoalWeights([
      { goal: 'strength', weight: 11 },
      { goal: 'speed', weight: -1 },
      { goal: 'mobility', weight: 0 },
    ]);
    expect(problems).toEqual([{ path: [1, 'weight'], message: expect.stringContaining('>= 0'), received: -1 }]);
  });

  it.each([2.5, '5', null, undefined, Number.NaN])('rejects a non-integer weight %s', (weight) => {
    const problems = validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'speed', weight },
      { goal: 'mobility', weight: 3 },
    ]);
    // No sum problem: the total is meaningless while a weight is not an integer.
    expect(problems).toEqual([{ path: [1, 'weight'], message: expect.any(String), received: weight }]);
  });

  it('rejects an unknown goal', () => {
    const problems = validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'power', weight: 3 },
      { goal: 'STRENGTH', weight: 2 },
    ]);
    expect(paths(problems)).toEqual([[1, 'goal'], [2, 'goal']]);
    expect(problems[0]?.message).toContain('hypertrophy');
  });

  it('rejects a repeated goal, including with weight 0', () => {
    expect(validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'strength', weight: 5 },
      { goal: 'speed', weight: 0 },
    ])).toEqual([{ path: [1, 'goal'], message: expect.stringContaining('entry 0'), received: 'strength' }]);
    expect(paths(validateGoalWeights([
      { goal: 'strength', weight: 10 },
      { goal: 'speed', weight: 0 },
      { goal: 'speed', weight: 0 },
    ]))).toEqual([[2, 'goal']]);
    expect(paths(validateGoalWeights([
      { goal: 'endurance', weight: 10 },
      { goal: 'endurance', weight: 0 },
      { goal: 'endurance', weight: 0 },
    ]))).toEqual([[1, 'goal'], [2, 'goal']]);
  });

  it.each([2, 4])('rejects %s entries', (count) => {
    const goals = ['strength', 'hypertrophy', 'speed', 'mobility'];
    const entries = goals.slice(0, count).map((goal, i) => ({ goal, weight: i === 0 ? 10 : 0 }));
    expect(validateGoalWeights(entries)).toEqual([
      { path: [], message: expect.stringContaining('exactly 3'), received: count },
    ]);
  });

  it('rejects an empty list for its count and its total', () => {
    expect(validateGoalWeights([])).toEqual([
      { path: [], message: expect.stringContaining('exactly 3'), received: 0 },
      { path: [], message: expect.stringContaining('sum to 10'), received: 0 },
    ]);
  });

  it('rejects a non-array and non-object entries', () => {
    expect(paths(validateGoalWeights('strength' as unknown as GoalWeightInput[]))).toEqual([[]]);
    expect(paths(validateGoalWeights([
      null as unknown as GoalWeightInput,
      { goal: 'speed', weight: 5 },
      { goal: 'mobility', weight: 5 },
    ]))).toEqual([[0]]);
  });

  it('reports all problems at once, whole-input rules first', () => {
    const problems = validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'strength', weight: -2 },
      { goal: 'power', weight: 1 },
      { goal: 'speed', weight: 1 },
    ]);
    expect(paths(problems)).toEqual([[], [], [1, 'goal'], [1, 'weight'], [2, 'goal']]);
    expect(problems[1]?.received).toBe(5);
  });
});

describe('validateProgramShape', () => {
  const valid = { durationWeeks: 10, daysPerWeek: 4, deloadEveryNMicrocycles: 4, microcycleLengthDays: 7 };

  it('exposes limits and defaults', () => {
    expect(PROGRAM_LIMITS).toEqual({
      durationWeeks: { min: 8, max: 12 },
      daysPerWeek: { min: 2, max: 7 },
      deloadEveryNMicrocycles: { min: 1 },
      microcycleLengthDays: { min: 7, max: 10 },
    });
    expect(PROGRAM_DEFAULTS).toEqual({ deloadEveryNMicrocycles: 4, microcycleLengthDays: 7 });
  });

  it.each([
    valid,
    { durationWeeks: 8, daysPerWeek: 2, deloadEveryNMicrocycles: 1, microcycleLengthDays: 7 },
    { durationWeeks: 12, daysPerWeek: 7, deloadEveryNMicrocycles: 100, microcycleLengthDays: 10 },
    { durationWeeks: 9, daysPerWeek: 3 },
  ])('accepts %j', (shape) => {
    expect(validateProgramShape(shape)).toEqual([]);
  });

  it.each([
    ['durationWeeks', 7],
    ['durationWeeks', 13],
    ['durationWeeks', 8.5],
    ['durationWeeks', '10'],
    ['durationWeeks', null],
    ['daysPerWeek', 1],
    ['daysPerWeek', 8],
    ['daysPerWeek', 3.5],
    ['deloadEveryNMicrocycles', 0],
    ['deloadEveryNMicrocycles', -4],
    ['deloadEveryNMicrocycles', null],
    ['microcycleLengthDays', 6],
    ['microcycleLengthDays', 11],
    ['microcycleLengthDays', Number.NaN],
  ])('rejects %s = %s', (key, value) => {
    expect(validateProgramShape({ ...valid, [key]: value })).toEqual([
      { path: [key], message: expect.any(String), received: value },
    ]);
  });

  it('requires durationWeeks and daysPerWeek', () => {
    expect(validateProgramShape({})).toEqual([
      { path: ['durationWeeks'], message: 'is required' },
      { path: ['daysPerWeek'], message: 'is required' },
    ]);
  });

  it('reports all problems at once with readable messages', () => {
    const problems = validateProgramShape({ durationWeeks: 13, daysPerWeek: 1.5, deloadEveryNMicrocycles: 0, microcycleLengthDays: 6 });
    expect(paths(problems)).toEqual([['durationWeeks'], ['daysPerWeek'], ['deloadEveryNMicrocycles'], ['microcycleLengthDays']]);
    expect(formatValidationProblems(problems)).toBe(
      [
        'durationWeeks: must be between 8 and 12 (received 13)',
        'daysPerWeek: must be a whole number between 2 and 7 (received 1.5)',
        'deloadEveryNMicrocycles: must be >= 1 (received 0)',
        'microcycleLengthDays: must be between 7 and 10 (received 6)',
      ].join('\n'),
    );
  });

  it('rejects a non-object', () => {
    expect(paths(validateProgramShape(null as never))).toEqual([[]]);
  });
});

describe('validateRatings', () => {
  it('exposes the scales', () => {
    expect(RATING_LIMITS).toEqual({
      perceivedDifficulty: { min: 1, max: 10 },
      enjoymentRating: { min: 1, max: 5 },
      soreness: { min: 1, max: 5 },
    });
  });

  it.each([
    {},
    { perceivedDifficulty: 1, enjoymentRating: 1, soreness: 1 },
    { perceivedDifficulty: 10, enjoymentRating: 5, soreness: 5 },
    { perceivedDifficulty: null, enjoymentRating: undefined, soreness: 3 },
  ])('accepts %j', (ratings) => {
    expect(validateRatings(ratings)).toEqual([]);
  });

  it.each([
    ['perceivedDifficulty', 0],
    ['perceivedDifficulty', 11],
    ['perceivedDifficulty', 7.5],
    ['enjoymentRating', 0],
    ['enjoymentRating', 6],
    ['enjoymentRating', '4'],
    ['soreness', 0],
    ['soreness', 6],
    ['soreness', 2.5],
  ])('rejects %s = %s', (key, value) => {
    expect(validateRatings({ [key]: value })).toEqual([{ path: [key], message: expect.any(String), received: value }]);
  });

  it('reports all problems at once', () => {
    expect(paths(validateRatings({ perceivedDifficulty: 11, enjoymentRating: 0, soreness: 9 }))).toEqual([
      ['perceivedDifficulty'],
      ['enjoymentRating'],
      ['soreness'],
    ]);
  });
});

describe('formatValidationProblems', () => {
  it('renders paths, nested indexes and received values', () => {
    expect(
      formatValidationProblems([
        { path: [], message: 'weights must sum to 10', received: 9 },
        { path: [1, 'goal'], message: 'must be a goal', received: 'power' },
        { path: ['x'], message: 'is required' },
      ]),
    ).toBe('(root): weights must sum to 10 (received 9)\n1.goal: must be a goal (received "power")\nx: is required');
  });
});
