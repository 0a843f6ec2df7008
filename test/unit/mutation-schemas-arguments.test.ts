// Mutation testing (issue #24, test/README.md): the argument schemas of
// src/schemas/inputs/arguments.ts as a caller of a repository sees them through parseArgument and
// parseOptions: which values pass on each side of every bound, the exact message and path of each
// refusal, and that one refusal neither hides another nor invents a second one.
// Expected messages and dates are written out literally.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { GainslyValidationError } from '../../src/schemas/errors.js';
import {
  calendarDateArgumentSchema,
  dateRangeSchema,
  dateWindowSchema,
  e1rmHistoryTargetSchema,
  idArgumentSchema,
  integerArgumentSchema,
  parseArgument,
  parseOptions,
  patternStrengthOptionsSchema,
  patternTrendOptionsSchema,
  scopeOptionsSchema,
  sessionSyncScopeSchema,
  viewerOptionsSchema,
  windowStart,
} from '../../src/schemas/inputs/arguments.js';
import { issuesWithoutCode, thrownBy } from '../support/thrown.js';

const thrown = (run: () => unknown) => thrownBy(GainslyValidationError, run);

const issuesOf = issuesWithoutCode;

/** The issues as they are, code included: the library's own rules report `custom`. */
function withCodes(error: GainslyValidationError) {
  return error.issues;
}

const ID = 'must be an integer id between 1 and 2147483647';

describe('idArgumentSchema through parseArgument', () => {
  it('accepts 1 and 2147483647', () => {
    expect(parseArgument(idArgumentSchema, 1, 'programId')).toBe(1);
    expect(parseArgument(idArgumentSchema, 2_147_483_647, 'programId')).toBe(2_147_483_647);
  });

  it.each([0, 2_147_483_648, 1.5, Number.NaN, '1'])('refuses %s with one message naming the parameter', (value) => {
    const error = thrown(() => parseArgument(idArgumentSchema, value, 'programId'));
    expect(error.input).toBe('arguments');
    expect(issuesOf(error)).toEqual([{ path: ['programId'], message: ID, received: value }]);
  });

  it('puts a path given as a list in front of the issue path, and keeps the zod error as cause', () => {
    const error = thrown(() => parseArgument(idArgumentSchema, 'x', ['options', 'limit']));
    expect(error.message).toBe(`Invalid arguments: options.limit: ${ID} (received "x")`);
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('words built-in zod issues of a schema without its own messages the library way', () => {
    // scopeOptionsSchema's consistency is a bare z.enum: only the error map passed by the parse words it.
    const error = thrown(() => parseArgument(scopeOptionsSchema, { consistency: 'weak' }, 'options'));
    expect(issuesOf(error)).toEqual([{ path: ['options', 'consistency'], message: "must be one of 'read-your-writes', 'strong'", received: 'weak' }]);
  });
});

describe('integerArgumentSchema', () => {
  const schema = integerArgumentSchema({ min: 1, max: 100 });

  it('accepts both ends of the range', () => {
    expect(schema.parse(1)).toBe(1);
    expect(schema.parse(100)).toBe(100);
  });

  it.each([0, 101, 7.5, '7'])('refuses %s, naming the range', (value) => {
    const error = thrown(() => parseArgument(schema, value, 'limit'));
    expect(issuesOf(error)).toEqual([{ path: ['limit'], message: 'must be an integer between 1 and 100', received: value }]);
  });
});

describe('calendarDateArgumentSchema', () => {
  it('accepts a real day and refuses one that does not exist', () => {
    expect(parseArgument(calendarDateArgumentSchema, '2024-02-29', 'date')).toBe('2024-02-29');
    expect(issuesOf(thrown(() => parseArgument(calendarDateArgumentSchema, '2023-02-29', 'date')))).toEqual([
      { path: ['date'], message: "must be a real calendar date written 'YYYY-MM-DD' (years 0001 to 9999)", received: '2023-02-29' },
    ]);
  });
});

describe('parseOptions', () => {
  it('reads undefined and null as "no options"', () => {
    expect(parseOptions(dateRangeSchema, undefined, 'DateRange')).toEqual({});
    expect(parseOptions(dateRangeSchema, null, 'DateRange')).toEqual({});
  });

  it('names the options type, keeps the received value and words built-in issues the library way', () => {
    const error = thrown(() => parseOptions(scopeOptionsSchema, { consistency: 'eventual' }, 'ScopeOptions'));
    expect(error.message).toBe(`Invalid ScopeOptions: consistency: must be one of 'read-your-writes', 'strong' (received "eventual")`);
  });
});

describe('dateRangeSchema: from must not be after to', () => {
  it('accepts one day (from = to) and an open end', () => {
    expect(parseOptions(dateRangeSchema, { from: '2026-01-05', to: '2026-01-05' }, 'DateRange')).toEqual({ from: '2026-01-05', to: '2026-01-05' });
    expect(parseOptions(dateRangeSchema, { from: '2026-01-05', to: null }, 'DateRange')).toEqual({ from: '2026-01-05', to: null });
  });

  it('refuses to before from, at to, naming from', () => {
    const error = thrown(() => parseOptions(dateRangeSchema, { from: '2026-01-05', to: '2026-01-04' }, 'DateRange'));
    expect(withCodes(error)).toEqual([{ path: ['to'], message: 'must not be before from (2026-01-05)', received: '2026-01-04', code: 'custom' }]);
  });

  it('does not compare an end that is not a date: only that end is reported', () => {
    // '0000-12-31' (year 0) sorts before from but is no date; 'soon' sorts after to.
    const badTo = thrown(() => parseOptions(dateRangeSchema, { from: '2026-01-05', to: '0000-12-31' }, 'DateRange'));
    expect(badTo.issues.map((issue) => issue.path)).toEqual([['to']]);
    expect(badTo.issues[0]!.message).toBe("must be a real calendar date written 'YYYY-MM-DD' (years 0001 to 9999)");
    const badFrom = thrown(() => parseOptions(dateRangeSchema, { from: 'soon', to: '2026-01-05' }, 'DateRange'));
    expect(badFrom.issues.map((issue) => issue.path)).toEqual([['from']]);
  });
});

describe('dateWindowSchema and windowStart', () => {
  it('windowStart counts until as the window\'s last day', () => {
    expect(windowStart('2026-01-07', 7)).toBe('2026-01-01');
    expect(windowStart('2026-03-01', 2)).toBe('2026-02-28');
    expect(windowStart('0001-01-07', 7)).toBe('0001-01-01');
    expect(windowStart('0001-01-07', 8)).toBeUndefined();
  });

  it('accepts a window reaching exactly 0001-01-01 and refuses one day more at days', () => {
    expect(parseOptions(dateWindowSchema, { days: 7, until: '0001-01-07' }, 'DateWindow')).toEqual({ days: 7, until: '0001-01-07' });
    const error = thrown(() => parseOptions(dateWindowSchema, { days: 8, until: '0001-01-07' }, 'DateWindow'));
    expect(withCodes(error)).toEqual([{ path: ['days'], message: 'must not reach before 0001-01-01 (the window ends 0001-01-07)', received: 8, code: 'custom' }]);
  });

  it('leaves the start check out when until is not given (the repository picks today)', () => {
    expect(parseOptions(dateWindowSchema, { days: 7 }, 'DateWindow')).toEqual({ days: 7 });
  });

  it('reports a fractional days once, as a bad integer, not also as reaching too far back', () => {
    const error = thrown(() => parseOptions(dateWindowSchema, { days: 1.5, until: '0001-01-01' }, 'DateWindow'));
    expect(issuesOf(error)).toEqual([{ path: ['days'], message: 'must be an integer between 1 and 36525', received: 1.5 }]);
  });
});

describe('sessionSyncScopeSchema', () => {
  it('refuses a comma-separated string for sessionIds, asking for an array', () => {
    const error = thrown(() => parseOptions(sessionSyncScopeSchema, { sessionIds: '1,2' }, 'SessionSyncScope'));
    expect(issuesOf(error)).toEqual([{ path: ['sessionIds'], message: 'must be an array of ids', received: '1,2' }]);
  });
});

describe('e1rmHistoryTargetSchema: exactly one of pattern and movementId', () => {
  it('accepts either one alone', () => {
    expect(parseOptions(e1rmHistoryTargetSchema, { pattern: 'squat' }, 'E1rmTarget')).toEqual({ pattern: 'squat' });
    expect(parseOptions(e1rmHistoryTargetSchema, { movementId: 3 }, 'E1rmTarget')).toEqual({ movementId: 3 });
  });

  it('asks for pattern when neither is given', () => {
    const error = thrown(() => parseOptions(e1rmHistoryTargetSchema, { from: '2026-01-01' }, 'E1rmTarget'));
    expect(withCodes(error)).toEqual([{ path: ['pattern'], message: 'is required (or give movementId)', code: 'custom' }]);
  });

  it('does not also ask for one when the one given is wrong', () => {
    expect(thrown(() => parseOptions(e1rmHistoryTargetSchema, { pattern: 'bogus' }, 'E1rmTarget')).issues.map((issue) => issue.path)).toEqual([['pattern']]);
    expect(issuesOf(thrown(() => parseOptions(e1rmHistoryTargetSchema, { movementId: 0 }, 'E1rmTarget')))).toEqual([{ path: ['movementId'], message: ID, received: 0 }]);
  });

  it('refuses both, at movementId', () => {
    const error = thrown(() => parseOptions(e1rmHistoryTargetSchema, { pattern: 'squat', movementId: 3 }, 'E1rmTarget'));
    expect(withCodes(error)).toEqual([{ path: ['movementId'], message: 'cannot be combined with pattern; give one of them', received: 3, code: 'custom' }]);
  });

  it('refuses to before from and accepts from = to', () => {
    expect(parseOptions(e1rmHistoryTargetSchema, { movementId: 3, from: '2026-01-05', to: '2026-01-05' }, 'E1rmTarget')).toEqual({ movementId: 3, from: '2026-01-05', to: '2026-01-05' });
    const error = thrown(() => parseOptions(e1rmHistoryTargetSchema, { movementId: 3, from: '2026-01-05', to: '2026-01-04' }, 'E1rmTarget'));
    expect(withCodes(error)).toEqual([{ path: ['to'], message: 'must not be before from (2026-01-05)', received: '2026-01-04', code: 'custom' }]);
  });

  it('does not compare an end that is not a date', () => {
    const error = thrown(() => parseOptions(e1rmHistoryTargetSchema, { movementId: 3, from: '2026-01-05', to: '0000-12-31' }, 'E1rmTarget'));
    expect(error.issues.map((issue) => issue.path)).toEqual([['to']]);
    expect(error.issues[0]!.message).toBe("must be a real calendar date written 'YYYY-MM-DD' (years 0001 to 9999)");
  });
});

describe('viewerOptionsSchema', () => {
  it('accepts a function for areFriends and refuses anything else', () => {
    const areFriends = () => false;
    expect(parseOptions(viewerOptionsSchema, { areFriends }, 'ViewerOptions').areFriends).toBe(areFriends);
    const error = thrown(() => parseOptions(viewerOptionsSchema, { areFriends: true }, 'ViewerOptions'));
    expect(issuesOf(error)).toEqual([{ path: ['areFriends'], message: 'must be a function (viewerId, ownerId) => boolean | Promise<boolean>', received: true }]);
  });
});

describe('pattern metric options (knownOptions)', () => {
  it('accepts both methods and refuses any other, with the allowed list', () => {
    expect(parseOptions(patternStrengthOptionsSchema, { method: 'library' }, 'PatternStrengthOptions')).toEqual({ method: 'library' });
    expect(parseOptions(patternStrengthOptionsSchema, { method: 'upstream' }, 'PatternStrengthOptions')).toEqual({ method: 'upstream' });
    const error = thrown(() => parseOptions(patternStrengthOptionsSchema, { method: 'Library' }, 'PatternStrengthOptions'));
    expect(issuesOf(error)).toEqual([{ path: ['method'], message: 'must be one of library, upstream', received: 'Library' }]);
  });

  it('refuses a non-object as a whole, naming the options, and a missing one as required', () => {
    const error = thrown(() => parseArgument(patternStrengthOptionsSchema, 5, 'options'));
    expect(issuesOf(error)).toEqual([{ path: ['options'], message: 'must be an object with the options method, lastNMicrocycles', received: 5 }]);
    expect(issuesOf(thrown(() => parseArgument(patternStrengthOptionsSchema, undefined, 'options')))).toEqual([{ path: ['options'], message: 'is required' }]);
  });

  it('reports an unknown key together with a bad value', () => {
    const error = thrown(() => parseOptions(patternTrendOptionsSchema, { windowMicrocycles: 0, window: 6 }, 'PatternTrendOptions'));
    expect(withCodes(error)).toEqual([
      { path: ['windowMicrocycles'], message: 'must be an integer between 1 and 2147483647', received: 0, code: 'custom' },
      { path: ['window'], message: 'is not a known option (allowed: method, windowMicrocycles, threshold)', received: 6, code: 'custom' },
    ]);
  });

  it('threshold: 0 passes; a negative, an infinite or a string threshold does not', () => {
    expect(parseOptions(patternTrendOptionsSchema, { threshold: 0 }, 'PatternTrendOptions')).toEqual({ threshold: 0 });
    for (const threshold of [-0.01, Number.POSITIVE_INFINITY, '0.05']) {
      const error = thrown(() => parseOptions(patternTrendOptionsSchema, { threshold }, 'PatternTrendOptions'));
      expect(issuesOf(error)).toEqual([{ path: ['threshold'], message: 'must be a finite number >= 0 (a fraction: 0.05 = 5 %)', received: threshold }]);
    }
  });
});
