// Expected lengths and dates were worked out by hand and cross-checked with a separate python3
// brute force (datetime.date arithmetic), never by calling the code under test.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DomainArgumentError,
  GainslyError,
  addDaysToIsoDate,
  isIsoDate,
  planMicrocycles,
  type PlanMicrocyclesOptions,
} from '../../src/domain/index.js';

const lengthsOf = (options: PlanMicrocyclesOptions) => planMicrocycles(options).map((m) => m.lengthDays);

describe('planMicrocycles', () => {
  it('plans 8 weekly microcycles with default deloads on 4 and 8', () => {
    expect(planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8 })).toEqual([
      { sequenceNumber: 1, startDate: '2025-01-06', lengthDays: 7, isDeload: false },
      { sequenceNumber: 2, startDate: '2025-01-13', lengthDays: 7, isDeload: false },
      { sequenceNumber: 3, startDate: '2025-01-20', lengthDays: 7, isDeload: false },
      { sequenceNumber: 4, startDate: '2025-01-27', lengthDays: 7, isDeload: true },
      { sequenceNumber: 5, startDate: '2025-02-03', lengthDays: 7, isDeload: false },
      { sequenceNumber: 6, startDate: '2025-02-10', lengthDays: 7, isDeload: false },
      { sequenceNumber: 7, startDate: '2025-02-17', lengthDays: 7, isDeload: false },
      { sequenceNumber: 8, startDate: '2025-02-24', lengthDays: 7, isDeload: true },
    ]);
  });

  it('merges a short remainder: 8 weeks of 10-day microcycles (56 days)', () => {
    expect(planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8, microcycleLengthDays: 10 })).toEqual([
      { sequenceNumber: 1, startDate: '2025-01-06', lengthDays: 10, isDeload: false },
      { sequenceNumber: 2, startDate: '2025-01-16', lengthDays: 10, isDeload: false },
      { sequenceNumber: 3, startDate: '2025-01-26', lengthDays: 10, isDeload: false },
      { sequenceNumber: 4, startDate: '2025-02-05', lengthDays: 10, isDeload: true },
      { sequenceNumber: 5, startDate: '2025-02-15', lengthDays: 9, isDeload: false },
      { sequenceNumber: 6, startDate: '2025-02-24', lengthDays: 7, isDeload: false },
    ]);
  });

  it.each([
    // weeks, requested length, lengths
    [8, 7, [7, 7, 7, 7, 7, 7, 7, 7]],
    [8, 8, [8, 8, 8, 8, 8, 8, 8]],
    [8, 9, [9, 9, 9, 9, 10, 10]], // remainder 2 absorbed by lengthening the tail
    [8, 10, [10, 10, 10, 10, 9, 7]], // remainder 6 becomes a 7-day cycle borrowing 1 day
    [9, 8, [8, 8, 8, 8, 8, 8, 8, 7]], // remainder 7 is a valid shorter last cycle
    [9, 9, [9, 9, 9, 9, 9, 9, 9]],
    [9, 10, [10, 10, 10, 10, 9, 7, 7]], // 6 x 10 + 3 would be too short and 10 is the maximum
    [10, 8, [8, 8, 8, 8, 8, 8, 8, 7, 7]],
    [10, 9, [9, 9, 9, 9, 9, 9, 9, 7]],
    [10, 10, [10, 10, 10, 10, 10, 10, 10]],
    [11, 8, [8, 8, 8, 8, 8, 8, 8, 7, 7, 7]],
    [11, 9, [9, 9, 9, 9, 9, 9, 9, 7, 7]],
    [11, 10, [10, 10, 10, 10, 10, 10, 10, 7]],
    [12, 7, [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]],
    [12, 8, [8, 8, 8, 8, 8, 8, 8, 7, 7, 7, 7]], // exact tie (84 / 8 = 10.5) goes to more, shorter cycles
    [12, 9, [9, 9, 9, 9, 9, 9, 10, 10, 10]],
    [12, 10, [10, 10, 10, 10, 10, 10, 10, 7, 7]],
  ])('%s weeks of %s-day microcycles -> %j', (durationWeeks, microcycleLengthDays, expected) => {
    expect(lengthsOf({ startDate: '2025-01-06', durationWeeks, microcycleLengthDays })).toEqual(expected);
  });

  it('always covers exactly durationWeeks * 7 consecutive days with lengths in 7..10', () => {
    for (let durationWeeks = 8; durationWeeks <= 12; durationWeeks += 1) {
      for (let microcycleLengthDays = 7; microcycleLengthDays <= 10; microcycleLengthDays += 1) {
        const plan = planMicrocycles({ startDate: '2024-02-20', durationWeeks, microcycleLengthDays });
        let expectedStart = '2024-02-20';
        let total = 0;
        plan.forEach((microcycle, index) => {
          expect(microcycle.sequenceNumber).toBe(index + 1);
          expect(microcycle.startDate).toBe(expectedStart);
          expect(microcycle.lengthDays).toBeGreaterThanOrEqual(7);
          expect(microcycle.lengthDays).toBeLessThanOrEqual(10);
          expectedStart = addDaysToIsoDate(expectedStart, microcycle.lengthDays);
          total += microcycle.lengthDays;
        });
        expect(total).toBe(durationWeeks * 7);
      }
    }
  });

  it('crosses a leap day', () => {
    expect(planMicrocycles({ startDate: '2024-02-22', durationWeeks: 8 }).slice(0, 3).map((m) => m.startDate)).toEqual([
      '2024-02-22',
      '2024-02-29',
      '2024-03-07',
    ]);
    expect(planMicrocycles({ startDate: '2023-02-20', durationWeeks: 8 }).slice(0, 3).map((m) => m.startDate)).toEqual([
      '2023-02-20',
      '2023-02-27',
      '2023-03-06',
    ]);
    expect(planMicrocycles({ startDate: '2024-02-29', durationWeeks: 8, microcycleLengthDays: 10 }).slice(0, 2).map((m) => m.startDate)).toEqual([
      '2024-02-29',
      '2024-03-10',
    ]);
  });

  it('crosses month and year boundaries', () => {
    expect(planMicrocycles({ startDate: '2024-12-30', durationWeeks: 8, microcycleLengthDays: 9 })).toEqual([
      { sequenceNumber: 1, startDate: '2024-12-30', lengthDays: 9, isDeload: false },
      { sequenceNumber: 2, startDate: '2025-01-08', lengthDays: 9, isDeload: false },
      { sequenceNumber: 3, startDate: '2025-01-17', lengthDays: 9, isDeload: false },
      { sequenceNumber: 4, startDate: '2025-01-26', lengthDays: 9, isDeload: true },
      { sequenceNumber: 5, startDate: '2025-02-04', lengthDays: 10, isDeload: false },
      { sequenceNumber: 6, startDate: '2025-02-14', lengthDays: 10, isDeload: false },
    ]);
    expect(planMicrocycles({ startDate: '2024-02-20', durationWeeks: 12, microcycleLengthDays: 10 }).map((m) => m.startDate)).toEqual([
      '2024-02-20',
      '2024-03-01',
      '2024-03-11',
      '2024-03-21',
      '2024-03-31',
      '2024-04-10',
      '2024-04-20',
      '2024-04-30',
      '2024-05-07',
    ]);
  });

  it('flags every n-th microcycle as a deload', () => {
    const deloads = (deloadEveryNMicrocycles: number) =>
      planMicrocycles({ startDate: '2025-01-06', durationWeeks: 12, deloadEveryNMicrocycles })
        .filter((m) => m.isDeload)
        .map((m) => m.sequenceNumber);
    expect(deloads(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(deloads(3)).toEqual([3, 6, 9, 12]);
    expect(deloads(5)).toEqual([5, 10]);
    expect(deloads(13)).toEqual([]);
  });

  describe('time zones', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London', 'Australia/Lord_Howe'])(
      'gives the same dates in %s (DST changes inside the plan)',
      (tz) => {
        process.env.TZ = tz;
        // 2025-03-09 (US) and 2025-03-30 (EU) DST changes fall inside this plan.
        expect(planMicrocycles({ startDate: '2025-03-03', durationWeeks: 8 }).map((m) => m.startDate)).toEqual([
          '2025-03-03',
          '2025-03-10',
          '2025-03-17',
          '2025-03-24',
          '2025-03-31',
          '2025-04-07',
          '2025-04-14',
          '2025-04-21',
        ]);
      },
    );
  });

  it.each(['2023-02-29', '2025-13-01', '2025-04-31', '2025-1-6', '2025-01-06T00:00:00Z', '06/01/2025', '', '0000-01-01'])(
    'rejects start date %j',
    (startDate) => {
      expect(() => planMicrocycles({ startDate, durationWeeks: 8 })).toThrow(DomainArgumentError);
      expect(() => planMicrocycles({ startDate, durationWeeks: 8 })).toThrow(/startDate/);
    },
  );

  it('reports every invalid option at once as a DomainArgumentError (a GainslyError)', () => {
    let caught: DomainArgumentError | undefined;
    try {
      planMicrocycles({ startDate: '2025-02-30', durationWeeks: 13, microcycleLengthDays: 6, deloadEveryNMicrocycles: 0 });
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught?.argument).toBe('startDate');
    expect(caught?.problems.map((problem) => problem.path)).toEqual([
      ['startDate'],
      ['durationWeeks'],
      ['microcycleLengthDays'],
      ['deloadEveryNMicrocycles'],
    ]);
  });

  it.each([7, 13, 8.5])('rejects durationWeeks %s', (durationWeeks) => {
    expect(() => planMicrocycles({ startDate: '2025-01-06', durationWeeks })).toThrow(/durationWeeks/);
  });

  it.each([6, 11])('rejects microcycleLengthDays %s', (microcycleLengthDays) => {
    expect(() => planMicrocycles({ startDate: '2025-01-06', durationWeeks: 8, microcycleLengthDays })).toThrow(/microcycleLengthDays/);
  });
});

describe('ISO date helpers', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2025-12-31', true],
    ['2025-06-31', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['0000-12-31', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    [' 2025-01-01', false],
    ['2025-01-01 ', false],
    [20250101, false],
    [null, false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('adds and subtracts days across boundaries', () => {
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDaysToIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToIsoDate('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDaysToIsoDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2025-01-06', 0)).toBe('2025-01-06');
    expect(addDaysToIsoDate('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDaysToIsoDate('0050-01-01', 31)).toBe('0050-02-01');
  });

  it('rejects bad input and results outside years 0001-9999', () => {
    expect(() => addDaysToIsoDate('2025-02-30', 1)).toThrow(DomainArgumentError);
    expect(() => addDaysToIsoDate('2025-01-01', 1.5)).toThrow(DomainArgumentError);
    expect(() => addDaysToIsoDate('9999-12-31', 1)).toThrow(DomainArgumentError);
    expect(() => addDaysToIsoDate('0001-01-01', -1)).toThrow(DomainArgumentError);
  });
});
