// Mutation testing (issue #24, test/README.md): the field-level schemas of
// src/schemas/primitives.ts, as a zod user sees them: each issue's code, bounds and message, both
// sides of every bound, and that one bad field never hides the next rule's issue.
// Expected messages are written out literally.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ENUMS } from '../../src/enums/index.js';
import { enumSchema, intSchema, timestampSchema, varcharSchema } from '../../src/schemas/index.js';
import { addDomainProblems, RUN_ALWAYS, strictInput, textSchema, validInt } from '../../src/schemas/primitives.js';

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be rejected`).toBe(false);
  return result.error!.issues;
}

describe('varcharSchema / textSchema: at most max characters', () => {
  it('max characters pass, max + 1 fail with a too_big issue naming both counts', () => {
    expect(varcharSchema(3).parse('abc')).toBe('abc');
    expect(issues(varcharSchema(3), 'abcd')).toEqual([
      expect.objectContaining({ code: 'too_big', origin: 'string', maximum: 3, inclusive: true, message: 'must be at most 3 characters (got 4)' }),
    ]);
    expect(issues(textSchema(2), 'xyz')).toEqual([
      expect.objectContaining({ code: 'too_big', origin: 'string', maximum: 2, inclusive: true, message: 'must be at most 2 characters (got 3)' }),
    ]);
  });

  it('counts code points, as PostgreSQL does: three emoji fit varchar(3)', () => {
    expect(varcharSchema(3).parse('😀😀😀')).toBe('😀😀😀');
    expect(issues(varcharSchema(3), '😀😀😀😀')[0]!.message).toBe('must be at most 3 characters (got 4)');
  });
});

describe('intSchema: one issue per value, and later rules still run', () => {
  const schema = intSchema({ min: 2, max: 5 });

  it('min and max pass; one below and one above fail with the bound in the issue', () => {
    expect(schema.parse(2)).toBe(2);
    expect(schema.parse(5)).toBe(5);
    expect(issues(schema, 1)).toEqual([expect.objectContaining({ code: 'too_small', origin: 'number', minimum: 2, inclusive: true, message: 'must be >= 2' })]);
    expect(issues(schema, 6)).toEqual([expect.objectContaining({ code: 'too_big', origin: 'number', maximum: 5, inclusive: true, message: 'must be <= 5' })]);
  });

  it('a fraction is an invalid_type issue expecting an int', () => {
    expect(issues(schema, 2.5)).toEqual([expect.objectContaining({ code: 'invalid_type', expected: 'int', message: 'must be an integer' })]);
  });

  it.each([
    ['a fraction', 2.5, 'must be an integer'],
    ['below min', 1, 'must be >= 2'],
    ['above max', 6, 'must be <= 5'],
  ])('%s does not abort: a refinement after it still reports', (_label, value, message) => {
    const chained = schema.superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', message: 'second rule' }));
    expect(issues(chained, value).map((issue) => issue.message)).toEqual([message, 'second rule']);
  });
});

describe('timestampSchema', () => {
  it('accepts years 1 and 9999 and rejects years 0 and 10000 with the range in the message', () => {
    expect(timestampSchema.parse(new Date('0001-01-01T00:00:00Z')).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(timestampSchema.parse(new Date('9999-12-31T23:59:59Z')).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    for (const date of [new Date('0000-12-31T23:59:59Z'), new Date('+010000-01-01T00:00:00Z')]) {
      expect(issues(timestampSchema, date)).toEqual([expect.objectContaining({ code: 'custom', message: 'must be between the years 1 and 9999' })]);
    }
  });

  it('names what it wanted for a value of the wrong type, an Invalid Date and an unparseable string', () => {
    expect(issues(timestampSchema, 42)[0]!.message).toBe('must be a Date or an ISO 8601 date/date-time string');
    expect(issues(timestampSchema, new Date(Number.NaN))[0]!.message).toBe('must be a valid Date (got Invalid Date)');
    expect(issues(timestampSchema, 'next tuesday')).toEqual([
      expect.objectContaining({ code: 'custom', message: "must be a valid Date or an ISO 8601 string ('2026-01-05' or '2026-01-05T10:00:00Z')" }),
    ]);
  });

  it('reads a date-time without an offset as UTC and honours an explicit offset', () => {
    expect(timestampSchema.parse('2026-01-05T10:00:00').toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(timestampSchema.parse('2026-01-05T10:00:00-03:00').toISOString()).toBe('2026-01-05T13:00:00.000Z');
  });
});

describe('enumSchema messages', () => {
  const rule = enumSchema(ENUMS.MovementRuleType);
  const allowed = "must be one of 'hard_no', 'hard_yes', 'preferred'";

  it('a missing value is required', () => {
    expect(issues(z.object({ type: rule }), {})[0]!.message).toBe('is required');
  });

  it('a number for a string enum gets the plain list (no database-label hint)', () => {
    expect(issues(rule, 1)[0]!.message).toBe(allowed);
  });

  it('a padded, differently cased value gets a did-you-mean', () => {
    expect(issues(rule, ' Hard_No ')[0]!.message).toBe(`${allowed} (did you mean 'hard_no'?)`);
  });

  it('an unrelated string gets the plain list', () => {
    expect(issues(rule, 'maybe')[0]!.message).toBe(allowed);
  });

  it('the database label names the value to use', () => {
    expect(issues(rule, 'HARD_YES')[0]!.message).toBe(`${allowed} ('HARD_YES' is the database label; use 'hard_yes')`);
  });
});

describe('strictInput', () => {
  // Built inside each test (not at collection time) so Stryker's per-test coverage sees which test uses it.
  const build = () => strictInput({ a: z.number(), b: z.number().optional() }, { notAnObject: (input) => (Array.isArray(input) ? 'must be one object, not a list' : undefined) });

  it('one unknown key is singular, two are plural; both list the allowed keys', () => {
    expect(issues(build(), { a: 1, c: 2 })[0]!.message).toBe("unknown key 'c'; allowed keys: a, b");
    expect(issues(build(), { a: 1, c: 2, d: 3 })[0]!.message).toBe("unknown keys 'c', 'd'; allowed keys: a, b");
  });

  it('notAnObject words the type error for the inputs it recognises; the others get the plain message', () => {
    expect(issues(build(), [])[0]!.message).toBe('must be one object, not a list');
    expect(issues(build(), 'text')[0]!.message).toBe('must be an object (got string)');
    expect(issues(strictInput({ a: z.number() }), [])[0]!.message).toBe('must be an object (got an array)');
  });

  it('a missing object is required; notAnObject is only asked about values that are present', () => {
    const always = strictInput({ a: z.number() }, { notAnObject: () => 'custom wording' });
    expect(issues(always, 'text')[0]!.message).toBe('custom wording');
    const missing = issues(z.object({ inner: always }), {})[0]!;
    expect(missing.path).toEqual(['inner']);
    expect(missing.message).not.toBe('custom wording');
  });
});

describe('addDomainProblems', () => {
  type P = { path: (string | number)[]; message: string; received?: unknown };
  const withProblems = (problems: P[], prefix: (string | number)[] = []) =>
    z.object({ x: z.number().optional(), list: z.array(z.number()).optional() }).superRefine((_v, ctx) => addDomainProblems(ctx, problems, prefix), RUN_ALWAYS);

  it('adds each problem as a custom issue at its (prefixed) path', () => {
    const found = issues(withProblems([{ path: ['x'], message: 'too heavy', received: 9 }], ['outer']), { x: 1 });
    expect(found).toEqual([{ code: 'custom', path: ['outer', 'x'], message: 'too heavy' }]);
  });

  const problems = [
    { path: ['x'], message: 'domain says x' },
    { path: ['list', 0], message: 'domain says list[0]' },
    { path: [], message: 'root once' },
    { path: [], message: 'root twice' },
    { path: ['list', 1], message: 'kept' },
    { path: ['list', 1], message: 'same path again' },
  ];

  it('reports each path once: a repeated path and a repeated root problem are skipped', () => {
    const found = issues(withProblems(problems), { x: 1, list: [1] });
    expect(found.map((issue) => [issue.path, issue.message])).toEqual([
      [['x'], 'domain says x'],
      [['list', 0], 'domain says list[0]'],
      [[], 'root once'],
      [['list', 1], 'kept'],
    ]);
  });

  it('skips a problem at, or under, a path that already has a type issue', () => {
    const found = issues(withProblems(problems), { x: 'not a number', list: 'not a list' });
    expect(found.map((issue) => [issue.path, issue.message])).toEqual([
      [['x'], expect.any(String)], // zod's own type message
      [['list'], expect.any(String)],
      [[], 'root once'],
    ]);
  });

  it('a root problem does not hide a field problem', () => {
    const found = issues(withProblems([{ path: [], message: 'root' }, { path: ['x'], message: 'field' }]), { x: 1 });
    expect(found.map((issue) => [issue.path, issue.message])).toEqual([[[], 'root'], [['x'], 'field']]);
  });

  it('does not continue-abort: a refinement after it still runs', () => {
    const schema = withProblems([{ path: ['x'], message: 'first' }]).superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', message: 'second' }));
    expect(issues(schema, { x: 1 }).map((issue) => issue.message)).toEqual(['first', 'second']);
  });
});

describe('validInt', () => {
  const probe = (value: unknown) => {
    let answer: boolean | undefined;
    z.object({ n: z.number().optional(), m: z.number().optional() })
      .superRefine((v, ctx) => {
        answer = validInt(ctx, v as object, 'n');
      }, RUN_ALWAYS)
      .safeParse(value);
    return answer;
  };

  it('is true for an integer without an issue, false for a fraction, a string or a field with an issue', () => {
    expect(probe({ n: 3 })).toBe(true);
    expect(probe({ n: 3.5 })).toBe(false);
    expect(probe({ n: '3' })).toBe(false);
    expect(probe({ n: 3, m: 'bad' })).toBe(true); // an issue elsewhere does not count
  });

  it('is false for an integer that already has an issue of its own (raised by an earlier rule)', () => {
    let answer: boolean | undefined;
    z.object({ n: z.number() })
      .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: ['n'], message: 'earlier rule' }))
      .superRefine((v, ctx) => {
        answer = validInt(ctx, v, 'n');
      }, RUN_ALWAYS)
      .safeParse({ n: 3 });
    expect(answer).toBe(false);
  });
});
