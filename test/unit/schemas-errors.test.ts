// GainslyError / GainslyValidationError / parseInput: every problem listed, safe rendering of any value.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  GainslyError,
  GainslyValidationError,
  formatIssuePath,
  gainslyErrorMap,
  logWorkoutInputSchema,
  parseInput,
  previewValue,
  sorenessInputSchema,
  type ValidationIssue,
} from '../../src/schemas/index.js';
import { thrownBy } from '../support/thrown.js';

const thrown = (run: () => unknown) => thrownBy(GainslyValidationError, run);

describe('GainslyError', () => {
  it('is the root of the library errors', () => {
    const error = new GainslyError('nope');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GainslyError');
    expect(error.message).toBe('nope');
    expect(String(error)).toBe('GainslyError: nope');
    class Sub extends GainslyError {
      override readonly name = 'Sub';
    }
    expect(new Sub('x')).toBeInstanceOf(GainslyError);
  });

  it('GainslyValidationError extends it, with name, input and frozen issues', () => {
    const issues: ValidationIssue[] = [{ path: ['date'], message: 'is required' }];
    const error = new GainslyValidationError(issues, 'SorenessInput');
    expect(error).toBeInstanceOf(GainslyError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GainslyValidationError');
    expect(error.input).toBe('SorenessInput');
    expect(error.message).toBe('Invalid SorenessInput: date: is required');
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(Object.isFrozen(error.issues[0])).toBe(true);
    issues[0]!.path.push('mutated');
    expect(error.issues[0]?.path).toEqual(['date']); // copied, not shared with the caller
    expect(new GainslyValidationError(issues).message).toMatch(/^Invalid input: /);
    expect(new GainslyValidationError(issues).input).toBeUndefined();
  });
});

describe('parseInput', () => {
  it('returns the parsed data, typed', () => {
    const data = parseInput(sorenessInputSchema, { date: '2026-01-07', bodyPart: ' quads ', soreness: 3 }, 'SorenessInput');
    expect(data).toEqual({ date: '2026-01-07', bodyPart: 'quads', soreness: 3 });
    expectTypeOf(data.soreness).toEqualTypeOf<number>();
    expect(parseInput(z.string(), 'x')).toBe('x');
  });

  it('throws with every issue: path, message, received, code; the cause is the zod error', () => {
    const error = thrown(() => parseInput(sorenessInputSchema, { date: '2026-02-30', bodyPart: '', soreness: 0, extra: true }, 'SorenessInput'));
    expect(error.issues).toEqual([
      { path: ['date'], message: "must be a real calendar date written 'YYYY-MM-DD'", received: '2026-02-30', code: 'custom' },
      { path: ['bodyPart'], message: 'must not be empty', received: '', code: 'too_small' },
      { path: ['soreness'], message: 'must be >= 1', received: 0, code: 'too_small' },
      { path: ['extra'], message: expect.stringMatching(/^is not a known key \(allowed keys: date, bodyPart, soreness, inferredCauseSessionId, notes\)$/), received: true, code: 'unrecognized_keys' },
    ]);
    expect(error.message).toBe(
      "Invalid SorenessInput: date: must be a real calendar date written 'YYYY-MM-DD' (received \"2026-02-30\"); bodyPart: must not be empty (received \"\"); " +
        'soreness: must be >= 1 (received 0); extra: is not a known key (allowed keys: date, bodyPart, soreness, inferredCauseSessionId, notes) (received true)',
    );
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('missing required fields have no received value', () => {
    const error = thrown(() => parseInput(sorenessInputSchema, {}));
    expect(error.issues.map((i) => [i.path.join('.'), i.message, 'received' in i])).toEqual([
      ['date', 'is required', false],
      ['bodyPart', 'is required', false],
      ['soreness', 'is required', false],
    ]);
  });

  it('splits several unknown keys into one issue each', () => {
    const error = thrown(() => parseInput(sorenessInputSchema, { date: '2026-01-07', bodyPart: 'quads', soreness: 1, a: 1, b: 2 }));
    expect(error.issues.map((i) => [i.path, i.received])).toEqual([
      [['a'], 1],
      [['b'], 2],
    ]);
  });

  it('fromZodError works on a result parsed without the helpers', () => {
    const result = z.strictObject({ a: z.number() }).safeParse({ a: 'x', b: 1 }, { reportInput: true });
    expect(result.success).toBe(false);
    const error = GainslyValidationError.fromZodError(result.error!, 'Thing');
    expect(error.issues.map((i) => i.path)).toEqual([['a'], ['b']]);
    expect(error.message).toMatch(/^Invalid Thing: a: /);
  });

  it('gainslyErrorMap gives plain zod schemas the library wording', () => {
    const result = z.object({ n: z.number().min(2), s: z.string().max(1), e: z.enum(['a', 'b']) }).safeParse({ n: 1, s: 'xx', e: 'c' }, { error: gainslyErrorMap });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must be >= 2', 'must be at most 1 character', "must be one of 'a', 'b'"]);
  });
});

describe('message rendering never throws and stays short', () => {
  const weird: [string, unknown, RegExp][] = [
    ['a long string', 'x'.repeat(5000), /^"x{80}…" \(5000 chars\)$/],
    ['a string with quotes', 'say "hi"', /^"say \\"hi\\""$/],
    ['NaN', Number.NaN, /^NaN$/],
    ['-0', -0, /^-0$/],
    ['Infinity', Number.NEGATIVE_INFINITY, /^-Infinity$/],
    ['a bigint', 10n, /^10n$/],
    ['a symbol', Symbol('tag'), /^Symbol\(tag\)$/],
    ['a named function', function namedFn() {}, /^function namedFn$/],
    ['an arrow', () => 1, /^function|a function$/],
    ['undefined', undefined, /^undefined$/],
    ['null', null, /^null$/],
    ['a Date', new Date(0), /^Date 1970-01-01T00:00:00.000Z$/],
    ['an invalid Date', new Date('x'), /^Invalid Date$/],
    ['a Map', new Map([[1, 2]]), /^a Map object$/],
    ['an array', [1, 'two', [3], { four: 4 }], /^\[1, "two", array\(1\), object\]$/],
    ['a long array', Array(1000).fill(7), /^\[7, 7, .*…\]?$/],
    ['a null-prototype object', Object.create(null) as object, /^\{\}$/],
    ['an object', { reps: 0, rpe: Number.NaN, 'odd key': 's' }, /^\{ reps: 0, rpe: NaN, "odd key": "s" \}$/],
  ];

  it.each(weird)('previews %s', (_, value, expected) => {
    const preview = previewValue(value);
    expect(preview).toMatch(expected);
    expect(preview.length).toBeLessThanOrEqual(120);
  });

  it('does not run getters, survives proxies and cycles', () => {
    let ran = false;
    const withGetter = {
      get secret() {
        ran = true;
        throw new Error('getter ran');
      },
    };
    expect(previewValue(withGetter)).toBe('{ secret: [getter] }');
    expect(ran).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(previewValue(proxy)).toBe('an unprintable value');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(previewValue(cyclic)).toBe('{ self: object }');
    const hostile = new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } });
    expect(previewValue(hostile)).toBe('an unprintable value');
  });

  it('builds a message from any received value, and toJSON is always serialisable', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const values = ['x'.repeat(10_000), Symbol('s'), 10n, cyclic, proxy, () => 1, Number.NaN, undefined];
    const error = new GainslyValidationError(values.map((received, i) => ({ path: ['field', i], message: 'is wrong', received })), 'WeirdInput');
    expect(error.message).toContain('field[0]: is wrong (received "');
    expect(error.message).toContain('(10000 chars)');
    expect(error.message).toContain('field[4]: is wrong (received an unprintable value)');
    expect(error.message.length).toBeLessThan(1000);
    const json = JSON.parse(JSON.stringify(error)) as { name: string; input: string; issues: { received?: string }[] };
    expect(json.name).toBe('GainslyValidationError');
    expect(json.input).toBe('WeirdInput');
    expect(json.issues).toHaveLength(values.length);
    expect(json.issues[6]?.received).toBe('NaN');
  });

  it('caps the message at 50 issues but keeps them all in issues', () => {
    const error = thrown(() => parseInput(logWorkoutInputSchema, { date: '2026-01-06', topSets: Array.from({ length: 50 }, () => ({ movementId: 0, weight: -1, reps: 0 })) }));
    expect(error.issues).toHaveLength(150);
    expect(error.message).toMatch(/; … and 100 more$/);
  });

  it('formats paths like TypeScript and shortens long keys', () => {
    expect(formatIssuePath(['topSets', 0, 'reps'])).toBe('topSets[0].reps');
    expect(formatIssuePath([])).toBe('(root)');
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
    expect(formatIssuePath(['bucketStress', 'aura ring'])).toBe('bucketStress["aura ring"]');
    expect(formatIssuePath(['k'.repeat(500)])).toBe(`["${'k'.repeat(39)}…"]`);
    expect(formatIssuePath([Symbol('s')])).toBe('s');
  });
});
