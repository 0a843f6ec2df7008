// Mutation tests (#24) for microcycle planning and advancing, calendar dates, ranges and the
// problem/message plumbing every domain helper shares. Expected values are worked out by hand
// (the arithmetic is in the comments), never by calling the code under test.
import { describe, expect, it } from 'vitest';
import { DomainArgumentError, addDaysToIsoDate, formatValidationProblems, isIsoDate, planMicrocycles } from '../../src/domain/index.js';
import { planMicrocycleAdvance, type MicrocycleState } from '../../src/domain/microcycle-plan.js';
import { checkIntegerInRange, describeRange } from '../../src/domain/ranges.js';
import type { ValidationProblem } from '../../src/domain/problems.js';
import { thrownBy } from '../support/thrown.js';

const thrown = (run: () => unknown) => thrownBy(DomainArgumentError, run);

const lengthsOf = (durationWeeks: number, microcycleLengthDays: number) =>
  planMicrocycles({ startDate: '2025-01-06', durationWeeks, microcycleLengthDays }).map((m) => m.lengthDays);

describe('planMicrocycles: the count and the tail', () => {
  it('gives an exact half remainder to the larger count (12 weeks of 8 days)', () => {
    // T = 84, L = 8: q = 10, r = 4, 2r = 8 is not < 8, so k = 11 (inside [ceil(8.4), floor(12)] = [9, 12]);
    // T - k*L = 84 - 88 = -4, taken one day at a time from the last four (8 -> 7 each).
    expect(lengthsOf(12, 8)).toEqual([8, 8, 8, 8, 8, 8, 8, 7, 7, 7, 7]);
  });

  it('keeps the smaller count when the remainder is below half (10 weeks of 9 days)', () => {
    // T = 70, L = 9: q = 7, r = 7, 2r = 14 >= 9 so k = 8; 70 - 72 = -2, the last one shrinks 9 -> 7.
    expect(lengthsOf(10, 9)).toEqual([9, 9, 9, 9, 9, 9, 9, 7]);
    // T = 56, L = 9: q = 6, r = 2, 2r = 4 < 9 so k = 6; 56 - 54 = +2, the last one grows 9 -> 10, then the one before.
    expect(lengthsOf(8, 9)).toEqual([9, 9, 9, 9, 10, 10]);
  });

  it('grows no microcycle past 10 days and shrinks none below 7', () => {
    // T = 77, L = 10: q = 7, r = 7, 14 >= 10 so k = 8; 77 - 80 = -3: the last goes 10 -> 7 and absorbs all.
    expect(lengthsOf(11, 10)).toEqual([10, 10, 10, 10, 10, 10, 10, 7]);
    // T = 84, L = 10: q = 8, r = 4, 8 < 10 so the nearest count is 8, below ceil(84 / 10) = 9 (eight
    // microcycles of at most 10 days cannot cover 84), so k = 9; 84 - 90 = -6: last 10 -> 7, next 10 -> 7.
    expect(lengthsOf(12, 10)).toEqual([10, 10, 10, 10, 10, 10, 10, 7, 7]);
  });

  it('keeps the requested length when the days divide evenly', () => {
    // T = 56, L = 8: q = 7, r = 0.
    expect(lengthsOf(8, 8)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    // T = 70, L = 10: q = 7, r = 0.
    expect(lengthsOf(10, 10)).toEqual([10, 10, 10, 10, 10, 10, 10]);
  });

  it('starts each microcycle the day after the previous one ends and flags deloads by sequence', () => {
    // 2025-01-06 + 9 = 2025-01-15, + 9 = 2025-01-24, ...; deload every 3rd.
    const plan = planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8, microcycleLengthDays: 9, deloadEveryNMicrocycles: 3 });
    expect(plan).toEqual([
      { sequenceNumber: 1, startDate: '2025-01-06', lengthDays: 9, isDeload: false },
      { sequenceNumber: 2, startDate: '2025-01-15', lengthDays: 9, isDeload: false },
      { sequenceNumber: 3, startDate: '2025-01-24', lengthDays: 9, isDeload: true },
      { sequenceNumber: 4, startDate: '2025-02-02', lengthDays: 9, isDeload: false },
      { sequenceNumber: 5, startDate: '2025-02-11', lengthDays: 10, isDeload: false },
      { sequenceNumber: 6, startDate: '2025-02-21', lengthDays: 10, isDeload: true },
    ]);
  });
});

describe('planMicrocycles: refusals', () => {
  it('names every invalid option with its allowed range, in option order', () => {
    const error = thrown(() =>
      planMicrocycles({ startDate: '2025-02-30', durationWeeks: 7, microcycleLengthDays: 11, deloadEveryNMicrocycles: 0 }),
    );
    expect(error.message).toBe(
      [
        `startDate: must be a valid calendar date written 'YYYY-MM-DD' (received "2025-02-30")`,
        'durationWeeks: must be between 8 and 12 (received 7)',
        'microcycleLengthDays: must be between 7 and 10 (received 11)',
        'deloadEveryNMicrocycles: must be >= 1 (received 0)',
      ].join('\n'),
    );
    expect(error.argument).toBe('startDate');
    expect(error.problems).toEqual([
      { path: ['startDate'], message: "must be a valid calendar date written 'YYYY-MM-DD'", received: '2025-02-30' },
      { path: ['durationWeeks'], message: 'must be between 8 and 12', received: 7 },
      { path: ['microcycleLengthDays'], message: 'must be between 7 and 10', received: 11 },
      { path: ['deloadEveryNMicrocycles'], message: 'must be >= 1', received: 0 },
    ]);
  });

  it('reports a missing options object as a missing start date and duration, with the defaults valid', () => {
    const error = thrown(() => planMicrocycles(undefined as never));
    expect(error.message).toBe(
      `startDate: must be a valid calendar date written 'YYYY-MM-DD' (received undefined)\n` +
        'durationWeeks: must be an integer between 8 and 12 (received undefined)',
    );
  });

  it('accepts both ends of every range and refuses one step past them', () => {
    const base = { startDate: '2025-01-06', durationWeeks: 8 };
    expect(planMicrocycles({ ...base, durationWeeks: 8 })).toHaveLength(8);
    expect(planMicrocycles({ ...base, durationWeeks: 12 })).toHaveLength(12);
    expect(thrown(() => planMicrocycles({ ...base, durationWeeks: 13 })).message).toBe('durationWeeks: must be between 8 and 12 (received 13)');
    expect(planMicrocycles({ ...base, microcycleLengthDays: 7 })).toHaveLength(8);
    expect(planMicrocycles({ ...base, microcycleLengthDays: 10 })).toHaveLength(6);
    expect(thrown(() => planMicrocycles({ ...base, microcycleLengthDays: 6 })).message).toBe('microcycleLengthDays: must be between 7 and 10 (received 6)');
    // deload every microcycle is allowed (n = 1), and there is no upper bound.
    expect(planMicrocycles({ ...base, deloadEveryNMicrocycles: 1 }).every((m) => m.isDeload)).toBe(true);
    expect(planMicrocycles({ ...base, deloadEveryNMicrocycles: 1000 }).some((m) => m.isDeload)).toBe(false);
  });
});

describe('checkIntegerInRange and describeRange', () => {
  it('words non-numbers, fractions and out-of-range integers differently', () => {
    const problems: ValidationProblem[] = [];
    expect(checkIntegerInRange(Number.NaN, ['a'], { min: 1, max: 3 }, problems)).toBe(false);
    expect(checkIntegerInRange(Number.POSITIVE_INFINITY, ['b'], { min: 1 }, problems)).toBe(false);
    expect(checkIntegerInRange('2', ['c'], { min: 1 }, problems)).toBe(false);
    expect(checkIntegerInRange(2.5, ['d'], { min: 1, max: 3 }, problems)).toBe(false);
    expect(checkIntegerInRange(0, ['e'], { min: 1, max: 3 }, problems)).toBe(false);
    expect(checkIntegerInRange(4, ['f'], { min: 1, max: 3 }, problems)).toBe(false);
    expect(problems).toEqual([
      { path: ['a'], message: 'must be an integer between 1 and 3', received: Number.NaN },
      { path: ['b'], message: 'must be an integer >= 1', received: Number.POSITIVE_INFINITY },
      { path: ['c'], message: 'must be an integer >= 1', received: '2' },
      { path: ['d'], message: 'must be a whole number between 1 and 3', received: 2.5 },
      { path: ['e'], message: 'must be between 1 and 3', received: 0 },
      { path: ['f'], message: 'must be between 1 and 3', received: 4 },
    ]);
  });

  it('accepts the bounds themselves and anything above an open-ended minimum', () => {
    const problems: ValidationProblem[] = [];
    expect(checkIntegerInRange(1, ['a'], { min: 1, max: 3 }, problems)).toBe(true);
    expect(checkIntegerInRange(3, ['a'], { min: 1, max: 3 }, problems)).toBe(true);
    expect(checkIntegerInRange(1e9, ['a'], { min: 1 }, problems)).toBe(true);
    expect(problems).toEqual([]);
    expect(describeRange({ min: 8, max: 12 })).toBe('between 8 and 12');
    expect(describeRange({ min: 1 })).toBe('>= 1');
  });
});

describe('planMicrocycleAdvance', () => {
  const options = { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 4 };
  const row = (sequenceNumber: number, startDate: string, status: MicrocycleState['status'], lengthDays = 7): MicrocycleState => ({
    sequenceNumber,
    startDate,
    lengthDays,
    status,
  });

  it('completes the active microcycle and activates the next stored one', () => {
    const weeks = [row(1, '2026-01-05', 'complete'), row(2, '2026-01-12', 'active'), row(3, '2026-01-19', 'planned')];
    const plan = planMicrocycleAdvance(weeks, options);
    expect(plan.complete).toEqual([weeks[1]]);
    expect(plan.activate).toBe(weeks[2]);
    expect(plan.create).toBeNull();
  });

  it('completes every active one and activates the one after the highest, whatever its order', () => {
    const weeks = [row(3, '2026-01-19', 'active'), row(2, '2026-01-12', 'active'), row(4, '2026-01-26', 'complete'), row(1, '2026-01-05', 'complete')];
    const plan = planMicrocycleAdvance(weeks, options);
    expect(plan.complete).toEqual([weeks[0], weeks[1]]);
    expect(plan.activate).toBe(weeks[2]);
    expect(plan.create).toBeNull();
    const reversed = [weeks[1]!, weeks[0]!, weeks[2]!];
    expect(planMicrocycleAdvance(reversed, options).activate).toBe(weeks[2]);
  });

  it('several active rows at the same highest sequence (corrupt data): the appended one follows the first of them', () => {
    const weeks = [row(2, '2026-01-12', 'active', 10), row(2, '2026-01-13', 'active', 7), row(1, '2026-01-05', 'complete')];
    const plan = planMicrocycleAdvance(weeks, options);
    expect(plan.complete).toEqual([weeks[0], weeks[1]]);
    // 2026-01-12 + 10 days, not 2026-01-13 + 7.
    expect(plan.create).toEqual({ sequenceNumber: 3, startDate: '2026-01-22', lengthDays: 7, isDeload: false });
  });

  it('appends a 7-day microcycle the day after the active one ends when none follows it', () => {
    // 2026-01-12 + 9 days = 2026-01-21; sequence 2 + 1 = 3, and 3 % 3 === 0 is a deload.
    const weeks = [row(1, '2026-01-05', 'complete'), row(2, '2026-01-12', 'active', 9)];
    expect(planMicrocycleAdvance(weeks, { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 3 })).toEqual({
      complete: [weeks[1]],
      activate: null,
      create: { sequenceNumber: 3, startDate: '2026-01-21', lengthDays: 7, isDeload: true },
    });
    // 3 % 4 !== 0: not a deload.
    expect(planMicrocycleAdvance(weeks, options).create).toEqual({ sequenceNumber: 3, startDate: '2026-01-21', lengthDays: 7, isDeload: false });
  });

  it('with none active, activates the lowest planned one and completes nothing', () => {
    const weeks = [row(3, '2026-01-19', 'planned'), row(2, '2026-01-12', 'planned'), row(4, '2026-01-26', 'planned'), row(1, '2026-01-05', 'complete')];
    expect(planMicrocycleAdvance(weeks, options)).toEqual({ complete: [], activate: weeks[1], create: null });
    const lowestLast = [weeks[0]!, weeks[2]!, weeks[1]!];
    expect(planMicrocycleAdvance(lowestLast, options).activate).toBe(weeks[1]);
  });

  it('of several planned rows sharing the lowest sequence, activates the first listed', () => {
    const first = row(2, '2026-01-12', 'planned');
    const second = row(2, '2026-01-13', 'planned');
    expect(planMicrocycleAdvance([row(3, '2026-01-19', 'planned'), first, second], options).activate).toBe(first);
  });

  it('with everything complete, appends after the highest sequence, wherever it is listed', () => {
    // 2026-01-19 + 8 = 2026-01-27, sequence 4: 4 % 4 === 0 is a deload.
    const highestFirst = [row(3, '2026-01-19', 'complete', 8), row(1, '2026-01-05', 'complete'), row(2, '2026-01-12', 'complete')];
    const expected = { complete: [], activate: null, create: { sequenceNumber: 4, startDate: '2026-01-27', lengthDays: 7, isDeload: true } };
    expect(planMicrocycleAdvance(highestFirst, options)).toEqual(expected);
    expect(planMicrocycleAdvance([highestFirst[1]!, highestFirst[0]!, highestFirst[2]!], options)).toEqual(expected);
    expect(planMicrocycleAdvance([highestFirst[1]!, highestFirst[2]!, highestFirst[0]!], options)).toEqual(expected);
  });

  it('starts an empty program with microcycle 1 on the program start date', () => {
    expect(planMicrocycleAdvance([], options)).toEqual({
      complete: [],
      activate: null,
      create: { sequenceNumber: 1, startDate: '2026-01-05', lengthDays: 7, isDeload: false },
    });
    expect(planMicrocycleAdvance([], { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 1 }).create?.isDeload).toBe(true);
  });

  it('refuses a deload interval that is not an integer >= 1, only when it must create a microcycle', () => {
    const message = 'deloadEveryNMicrocycles: must be an integer >= 1 to tell whether the new microcycle is a deload';
    expect(thrown(() => planMicrocycleAdvance([], { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 0 })).message).toBe(`${message} (received 0)`);
    expect(thrown(() => planMicrocycleAdvance([], { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 1.5 })).message).toBe(`${message} (received 1.5)`);
    const weeks = [row(1, '2026-01-05', 'active'), row(2, '2026-01-12', 'planned')];
    expect(planMicrocycleAdvance(weeks, { programStartDate: '2026-01-05', deloadEveryNMicrocycles: 0 }).activate).toBe(weeks[1]);
  });

  it('refuses to start a microcycle after 9999-12-31, and allows one starting on that day', () => {
    // 9999-12-24 + 7 = 9999-12-31: still a date.
    expect(planMicrocycleAdvance([row(1, '9999-12-24', 'active')], options).create?.startDate).toBe('9999-12-31');
    // 9999-12-28 + 7 leaves the calendar.
    const error = thrown(() => planMicrocycleAdvance([row(1, '9999-12-28', 'active')], { programStartDate: '9999-12-28', deloadEveryNMicrocycles: 0 }));
    expect(error.problems).toEqual([
      { path: ['deloadEveryNMicrocycles'], message: 'must be an integer >= 1 to tell whether the new microcycle is a deload', received: 0 },
      {
        path: ['startDate'],
        message: 'the new microcycle 2 cannot start after 9999-12-31 (days: moves 9999-12-28 outside years 0001-9999 (received 7))',
        received: '9999-12-28',
      },
    ]);
    expect(error.argument).toBe('deloadEveryNMicrocycles');
  });

  it('reports an unusable program start date of an empty program at path startDate', () => {
    const error = thrown(() => planMicrocycleAdvance([], { programStartDate: 'nope', deloadEveryNMicrocycles: 4 }));
    expect(error.message).toBe(
      `startDate: the new microcycle 1 cannot start after 9999-12-31 (date: must be a valid 'YYYY-MM-DD' calendar date (received "nope")) (received "nope")`,
    );
  });
});

describe('calendar dates', () => {
  it('accepts only strings that are real dates in years 0001-9999', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
    expect(isIsoDate('2025-01-31')).toBe(true);
    expect(isIsoDate('2025-12-01')).toBe(true);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-01-00')).toBe(false);
    expect(isIsoDate('2025-01-32')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(' 2025-01-01')).toBe(false);
    expect(isIsoDate('2025-01-01 ')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate({ toString: () => '2025-01-01' })).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('names the date and the day count that are wrong, both at once', () => {
    expect(thrown(() => addDaysToIsoDate('2025-02-30', 1.5)).problems).toEqual([
      { path: ['date'], message: "must be a valid 'YYYY-MM-DD' calendar date", received: '2025-02-30' },
      { path: ['days'], message: 'must be an integer', received: 1.5 },
    ]);
    expect(thrown(() => addDaysToIsoDate('2025-01-01', '1' as never)).message).toBe('days: must be an integer (received "1")');
    // An object that prints as a date is still not a date string.
    expect(thrown(() => addDaysToIsoDate({ toString: () => '2025-01-01' } as never, 1)).message).toBe(
      "date: must be a valid 'YYYY-MM-DD' calendar date (received object)",
    );
  });

  it('reaches both ends of years 0001-9999 and refuses to step past them', () => {
    expect(addDaysToIsoDate('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDaysToIsoDate('0001-01-02', -1)).toBe('0001-01-01');
    expect(thrown(() => addDaysToIsoDate('9999-12-31', 1)).problems).toEqual([
      { path: ['days'], message: 'moves 9999-12-31 outside years 0001-9999', received: 1 },
    ]);
    expect(thrown(() => addDaysToIsoDate('0001-01-01', -1)).message).toBe('days: moves 0001-01-01 outside years 0001-9999 (received -1)');
    // 1e9 days is past the range a Date can hold at all (about 2.7 million years).
    expect(thrown(() => addDaysToIsoDate('2025-01-01', 1e9)).message).toBe('days: moves 2025-01-01 outside years 0001-9999 (received 1000000000)');
  });

  it('pads years, months and days to their full width', () => {
    // 0099-12-31 + 1 = 0100-01-01 (Date.UTC would have read year 99 as 1999).
    expect(addDaysToIsoDate('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDaysToIsoDate('2025-09-30', 1)).toBe('2025-10-01');
    expect(addDaysToIsoDate('2025-10-01', -1)).toBe('2025-09-30');
  });
});

describe('formatValidationProblems and DomainArgumentError', () => {
  it('renders every kind of received value briefly', () => {
    const line = (received: unknown) => formatValidationProblems([{ path: ['x'], message: 'is wrong', received }]);
    expect(line('a"b')).toBe('x: is wrong (received "a\\"b")');
    expect(line(2.5)).toBe('x: is wrong (received 2.5)');
    expect(line(false)).toBe('x: is wrong (received false)');
    expect(line(12n)).toBe('x: is wrong (received 12)');
    expect(line(null)).toBe('x: is wrong (received null)');
    expect(line(undefined)).toBe('x: is wrong (received undefined)');
    expect(line([1, 2, 3])).toBe('x: is wrong (received array(3))');
    expect(line({ a: 1 })).toBe('x: is wrong (received object)');
    expect(line(() => 1)).toBe('x: is wrong (received function)');
    expect(line(Symbol('s'))).toBe('x: is wrong (received symbol)');
  });

  it('joins paths with dots, shows (root) for the input itself and omits an absent received value', () => {
    expect(
      formatValidationProblems([
        { path: [], message: 'must be an object' },
        { path: [2, 'weight'], message: 'must be >= 0', received: -1 },
      ]),
    ).toBe('(root): must be an object\n2.weight: must be >= 0 (received -1)');
    expect(formatValidationProblems([])).toBe('');
  });

  it('carries the problems, the first argument name and the domain code', () => {
    const problems = [
      { path: ['weight'], message: 'must be > 0', received: -5 },
      { path: ['reps'], message: 'must be an integer', received: 1.5 },
    ];
    const error = new DomainArgumentError(problems);
    expect(error.name).toBe('DomainArgumentError');
    expect(error.code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(error.message).toBe('weight: must be > 0 (received -5)\nreps: must be an integer (received 1.5)');
    expect(error.problems).toBe(problems);
    expect(error.argument).toBe('weight');
    expect(new DomainArgumentError([{ path: [3, 'x'], message: 'm' }]).argument).toBe('3');
    expect(new DomainArgumentError([{ path: [], message: 'm' }]).argument).toBe('');
    expect(new DomainArgumentError([]).argument).toBe('');
  });
});
