// Mutation testing (issue #24, test/README.md): the wording layer, src/schemas/messages.ts and
// src/schemas/errors.ts. gainslyErrorMap's text for each built-in zod issue (both sides of every
// singular/plural and inclusive/exclusive choice), previewValue's cut-off points, and what
// GainslyValidationError keeps or leaves out (received values, codes, the input name, symbol path
// segments). Expected strings are written out literally.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { GainslyValidationError } from '../../src/schemas/errors.js';
import { formatIssuePath, gainslyErrorMap, previewValue } from '../../src/schemas/messages.js';
import { strictInput } from '../../src/schemas/primitives.js';

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: gainslyErrorMap });
  expect(result.success, `expected ${String(value)} to be rejected`).toBe(false);
  return result.error!.issues.map((issue) => issue.message);
}

/** Asks the error map directly, for issue shapes zod's own checks do not produce. */
function mapped(issue: Record<string, unknown>): unknown {
  return gainslyErrorMap({ path: [], ...issue } as unknown as Parameters<typeof gainslyErrorMap>[0]);
}

describe('gainslyErrorMap: wrong types', () => {
  it('names NaN and Infinity for numbers, and fractions for integers', () => {
    expect(messages(z.number(), Number.NaN)).toEqual(['must be a finite number (NaN and Infinity are not allowed)']);
    expect(messages(z.int(), 1.5)).toEqual(['must be an integer']);
    expect(mapped({ code: 'invalid_type', expected: 'int', input: Number.POSITIVE_INFINITY })).toBe('must be an integer (NaN and Infinity are not allowed)');
    expect(mapped({ code: 'invalid_type', expected: 'int', input: '3' })).toBe('must be an integer (got string)');
  });

  it('tells an Invalid Date from a value that is no Date, and a Date from a string', () => {
    expect(messages(z.date(), new Date('not a date'))).toEqual(['must be a valid Date (got Invalid Date)']);
    expect(messages(z.date(), '2026-01-05')).toEqual(['must be a valid Date (got string)']);
    expect(messages(z.string(), new Date(0))).toEqual(['must be a string (got object)']);
    expect(messages(z.string(), Number.NaN)).toEqual(['must be a string (got number)']);
  });

  it('says what it got: null and arrays by name, an unlisted type as zod names it', () => {
    expect(messages(z.string(), null)).toEqual(['must be a string (got null)']);
    expect(messages(z.string(), [])).toEqual(['must be a string (got an array)']);
    expect(messages(z.symbol(), 1)).toEqual(['must be symbol (got number)']);
  });
});

describe('gainslyErrorMap: sizes', () => {
  it('too small: empty string, characters, one item, items, > and >=', () => {
    expect(messages(z.string().min(1), '')).toEqual(['must not be empty']);
    expect(messages(z.string().min(3), 'ab')).toEqual(['must be at least 3 characters']);
    expect(messages(z.array(z.number()).min(1), [])).toEqual(['must have at least 1 item']);
    expect(messages(z.array(z.number()).min(2), [1])).toEqual(['must have at least 2 items']);
    expect(messages(z.set(z.number()).min(2), new Set([1]))).toEqual(['must have at least 2 items']);
    expect(messages(z.number().gt(5), 5)).toEqual(['must be > 5']);
    expect(messages(z.number().min(5), 4)).toEqual(['must be >= 5']);
  });

  it('too big: characters, items (arrays and sets), < and <=', () => {
    expect(messages(z.string().max(3), 'abcd')).toEqual(['must be at most 3 characters']);
    expect(messages(z.array(z.number()).max(2), [1, 2, 3])).toEqual(['must have at most 2 items']);
    expect(messages(z.set(z.number()).max(2), new Set([1, 2, 3]))).toEqual(['must have at most 2 items']);
    expect(messages(z.array(z.number()).max(1), [1, 2])).toEqual(['must have at most 1 item']);
    expect(messages(z.string().max(1), 'ab')).toEqual(['must be at most 1 character']);
    expect(messages(z.number().lt(5), 5)).toEqual(['must be < 5']);
    expect(messages(z.number().max(5), 6)).toEqual(['must be <= 5']);
  });
});

describe('gainslyErrorMap: the other built-in issues', () => {
  it('formats, multiples, unknown keys (one and several), unions; anything else keeps zod\'s text', () => {
    expect(messages(z.email(), 'nope')).toEqual(['must be a valid email address']);
    expect(messages(z.iso.datetime(), 'nope')).toEqual(['must be an ISO 8601 date-time, e.g. 2026-01-05T10:00:00Z']);
    expect(messages(z.uuid(), 'nope')).toEqual(['must be a valid uuid']);
    expect(messages(z.number().multipleOf(5), 7)).toEqual(['must be a multiple of 5']);
    expect(messages(z.strictObject({}), { a: 1 })).toEqual(["unknown key 'a'"]);
    expect(messages(z.strictObject({}), { a: 1, b: 2 })).toEqual(["unknown keys 'a', 'b'"]);
    expect(messages(z.union([z.string(), z.number()]), true)).toEqual(['does not match any allowed form']);
    expect(messages(z.string().refine(() => false), 'x')).toEqual(['Invalid input']);
  });
});

describe('previewValue: where values are cut', () => {
  it('shows a string of exactly 80 characters whole', () => {
    expect(previewValue('y'.repeat(80))).toBe(`"${'y'.repeat(80)}"`);
  });

  it('shows ten array items whole and marks an eleventh', () => {
    expect(previewValue([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]');
    expect(previewValue([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …]');
  });

  it('shows ten object members whole and marks an eleventh', () => {
    expect(previewValue({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1 })).toBe('{ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1 }');
    expect(previewValue({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1, k: 1 })).toBe('{ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1, … }');
  });

  it('names a class instance by its constructor, and says "non-plain" when there is no usable name', () => {
    class Barbell {}
    expect(previewValue(new Barbell())).toBe('a Barbell object');
    expect(previewValue(new (class {})())).toBe('a non-plain object');
    expect(previewValue(Object.create({ constructor: { name: 42 } }) as object)).toBe('a non-plain object');
    expect(previewValue(Object.create(Object.create(null) as object) as object)).toBe('a non-plain object');
  });
});

describe('formatIssuePath', () => {
  it('keeps a key of exactly 40 characters whole, and names a symbol without description', () => {
    expect(formatIssuePath(['k'.repeat(40)])).toBe('k'.repeat(40));
    expect(formatIssuePath([Symbol()])).toBe('symbol');
  });
});

describe('GainslyValidationError', () => {
  it('without issues or an input name says so, and has no input property', () => {
    const error = new GainslyValidationError([]);
    expect(error.message).toBe('Invalid input: no details');
    expect(Object.hasOwn(error, 'input')).toBe(false);
    expect(Object.keys(error.toJSON())).toEqual(['name', 'code', 'message', 'issues']);
  });

  it('toJSON keeps each issue\'s path, its code only when there is one, and previews received values', () => {
    const error = new GainslyValidationError(
      [
        { path: ['topSets', 0, 'reps'], message: 'must be >= 1', received: 0, code: 'too_small' },
        { path: ['date'], message: 'is required' },
      ],
      'LogWorkoutInput',
    );
    expect(error.toJSON()).toStrictEqual({
      name: 'GainslyValidationError',
      code: error.code,
      message: 'Invalid LogWorkoutInput: topSets[0].reps: must be >= 1 (received 0); date: is required',
      input: 'LogWorkoutInput',
      issues: [
        { path: ['topSets', 0, 'reps'], message: 'must be >= 1', code: 'too_small', received: '0' },
        { path: ['date'], message: 'is required' },
      ],
    });
  });

  it('shows 50 issues in the message and counts the rest', () => {
    const issue = (i: number) => ({ path: ['f', i], message: 'bad' });
    const fifty = new GainslyValidationError(Array.from({ length: 50 }, (_, i) => issue(i)), 'T');
    expect(fifty.message.endsWith('f[49]: bad')).toBe(true);
    const fiftyOne = new GainslyValidationError(Array.from({ length: 51 }, (_, i) => issue(i)), 'T');
    expect(fiftyOne.message.endsWith('f[49]: bad; … and 1 more')).toBe(true);
    expect(fiftyOne.message).not.toContain('f[50]');
  });

  it('fromZodError names symbol path segments by their description, or "symbol"', () => {
    const zodError = new z.ZodError([{ code: 'custom', path: [Symbol('sym'), Symbol(), 0], message: 'bad', input: 1 }]);
    expect(GainslyValidationError.fromZodError(zodError).issues).toEqual([{ path: ['sym', 'symbol', 0], message: 'bad', code: 'custom', received: 1 }]);
  });

  it('an unknown key: "is not a known key" without an allowed list from a plain zod schema', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 2 }, { error: gainslyErrorMap, reportInput: true });
    expect(GainslyValidationError.fromZodError(result.error!).issues).toEqual([{ path: ['b'], message: 'is not a known key', code: 'unrecognized_keys', received: 2 }]);
  });

  it('an unknown key has no received value when the input was not reported, is a getter, or cannot be read', () => {
    const notReported = strictInput({ a: z.string() }).safeParse({ a: 'x', b: 2 });
    const getter = strictInput({ a: z.string() }).safeParse(
      {
        a: 'x',
        get b() {
          return 2;
        },
      },
      { reportInput: true },
    );
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      },
    );
    const unreadable = new z.ZodError([{ code: 'unrecognized_keys', keys: ['x'], path: [], message: "unknown key 'x'", input: hostile }]);
    for (const zodError of [notReported.error!, getter.error!, unreadable]) {
      const [issue] = GainslyValidationError.fromZodError(zodError).issues;
      expect(issue).toBeDefined();
      expect('received' in issue!).toBe(false);
    }
  });
});
