// The plain-JavaScript pass for valid input (src/schemas/fast-parse.ts) against zod's own parse:
// whenever it decides, zod accepts the same value and outputs an equal value (key for key, absent
// keys included); whatever zod rejects, it leaves to zod. Checked on inputs generated from each
// schema's own shape, for every schema the library validates with, and on the hot inputs by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { GainslyValidationError, parseArgument, parseInput } from '../../src/schemas/errors.js';
import { fastParse, fastParseByLoop, UNDECIDED } from '../../src/schemas/fast-parse.js';
import { z as zod } from 'zod';
import * as validationSet from '../../src/schemas/validation-set.js';
import * as everySchema from '../../src/schemas/index.js';

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[]; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const isSchema = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/** Bounds named by a schema's checks (min, max, lengths), with a step either side: where rules bite. */
function boundaries(def: Def): number[] {
  const out: number[] = [];
  for (const check of def.checks ?? []) {
    for (const key of ['value', 'minimum', 'maximum']) {
      const bound = check._zod.def[key];
      if (typeof bound === 'number') out.push(bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1);
    }
  }
  return out;
}

const STRINGS = ['', ' ', 'a', 'Squat', '  padded  ', 'x\u0000y', '\ud800', '2026-01-05', '2024-02-29', '2026-02-30', '2026-1-5', 'private', 'friends', 'epley', 'EPLEY', 'quads', '__proto__'];

/** Values for `schema`: mostly near its shape (its enum values, bounds, keys), some anything at all. */
function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const values = (schema as unknown as { _zod: { values?: Set<unknown> } })._zod.values;
  const noise = fc.oneof(fc.constant(undefined), fc.constant(null), fc.anything({ maxDepth: 1 }));
  let near: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'string':
      near = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 12 }), fc.constantFrom(...boundaries(def).filter((n) => n >= 0 && Number.isInteger(n)).map((n) => 'x'.repeat(n)), 'y'));
      break;
    case 'number':
      near = fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constantFrom(...boundaries(def), 0, -0, 1, 2147483647, 2147483648, NaN, Infinity), fc.double({ min: -10, max: 1000 }));
      break;
    case 'boolean':
      near = fc.boolean();
      break;
    case 'enum':
    case 'literal':
      near = fc.oneof(fc.constantFrom(...(values ? [...values] : [undefined])), fc.constantFrom(...STRINGS));
      break;
    case 'nullable':
    case 'optional':
    case 'default':
      near = fc.oneof(arbitraryFor(def.innerType as z.ZodType, depth), fc.constant(def.type === 'nullable' ? null : undefined));
      break;
    case 'array':
      near = depth > 3 ? fc.constant([]) : fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { maxLength: 3 });
      break;
    case 'object': {
      if (depth > 3) return fc.constant({});
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryFor(field, depth + 1)]));
      const record = fc.record(fields, { requiredKeys: [] });
      // Usually every key present (so some inputs pass), sometimes a few missing or one too many.
      near = fc.oneof(
        { weight: 3, arbitrary: fc.record(fields) },
        { weight: 1, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(fc.record(fields), fc.constantFrom('extra', '__proto__', 'constructor')).map(([value, key]) => ({ ...value, [key]: 1 })) },
      );
      break;
    }
    default:
      near = fc.anything({ maxDepth: 2 });
  }
  return fc.oneof({ weight: 9, arbitrary: near }, { weight: 1, arbitrary: noise });
}

/** What zod makes of `value`, as parseInput would run it. */
function zodParse(schema: z.ZodType, value: unknown) {
  return schema.safeParse(value);
}

const schemas = new Map<string, z.ZodType>();
for (const [name, value] of [...Object.entries(validationSet), ...Object.entries(everySchema)]) {
  if (isSchema(value) && !schemas.has(name)) schemas.set(name, value);
  if (name === 'movementCriterionArgumentSchemas') for (const [key, schema] of Object.entries(value as Record<string, unknown>)) if (isSchema(schema)) schemas.set(`${name}.${key}`, schema);
}

describe('fastParse against zod', () => {
  it('covers the schemas on the hot paths (they compile, and decide a valid input)', () => {
    const hot: [z.ZodType, unknown][] = [
      [everySchema.logWorkoutInputSchema, { date: '2026-01-05', sessionId: 3, perceivedDifficulty: 7, notes: 'good', topSets: [{ movementId: 1, weight: 100, reps: 5, rpe: 8 }] }],
      [validationSet.workoutListOptionsSchema, { from: '2026-01-01', to: '2026-01-31', include: ['topSets'] }],
      [validationSet.programIncludeOptionsSchema, { include: ['microcycles'] }],
      [validationSet.patternStrengthOptionsSchema, {}],
      [validationSet.idArgumentSchema, 42],
    ];
    for (const [schema, value] of hot) {
      const fast = fastParse(schema, value);
      expect(fast, JSON.stringify(value)).not.toBe(UNDECIDED);
      expect(fast).toStrictEqual(zodParse(schema, value).data);
    }
  });

  it('fills defaults and keeps absent optional keys absent, as zod does', () => {
    const fast = fastParse(everySchema.logWorkoutInputSchema, { date: '2026-01-05', topSets: [] });
    expect(fast).toStrictEqual({ date: '2026-01-05', completed: true, topSets: [] });
    expect(Object.keys(fast as object)).toEqual(['date', 'completed', 'topSets']);
    // A key given as undefined stays, as zod keeps it.
    const withUndefined = fastParse(everySchema.logWorkoutInputSchema, { date: '2026-01-05', notes: undefined, topSets: [] });
    expect(withUndefined).toStrictEqual(zodParse(everySchema.logWorkoutInputSchema, { date: '2026-01-05', notes: undefined, topSets: [] }).data);
    expect(Object.keys(withUndefined as object)).toContain('notes');
  });

  it('returns new objects and arrays, never the caller\'s', () => {
    const input = { date: '2026-01-05', topSets: [{ movementId: 1, weight: 100, reps: 5 }] };
    const fast = fastParse(everySchema.logWorkoutInputSchema, input) as typeof input;
    expect(fast).not.toBe(input);
    expect(fast.topSets).not.toBe(input.topSets);
    expect(fast.topSets[0]).not.toBe(input.topSets[0]);
  });

  it('leaves every rule the hot input owns to zod: a cross-field rule, a refinement, an unknown key, a bound', () => {
    const base = { date: '2026-01-05', topSets: [{ movementId: 1, weight: 100, reps: 5 }] };
    for (const bad of [
      { ...base, date: '2026-02-30' },
      { ...base, notes: 'a\u0000b' },
      { ...base, extra: 1 },
      { ...base, perceivedDifficulty: 11 },
      { ...base, perceivedDifficulty: 7.5 },
      { ...base, topSets: [{ movementId: 1, weight: 100, reps: 0 }] },
      { ...base, topSets: Array.from({ length: 51 }, () => base.topSets[0]) },
      { ...base, visibility: 'PRIVATE' },
    ]) {
      expect(zodParse(everySchema.logWorkoutInputSchema, bad).success).toBe(false);
      expect(fastParse(everySchema.logWorkoutInputSchema, bad)).toBe(UNDECIDED);
    }
  });

  it('refuses to compile what it does not model (a transform): such schemas always go through zod', () => {
    // timestampSchema turns strings into Dates.
    expect(fastParse(everySchema.timestampSchema, '2026-01-05')).toBe(UNDECIDED);
    expect(zodParse(everySchema.timestampSchema, '2026-01-05').success).toBe(true);
  });

  it('leaves input that throws when read to zod, so the error is the one zod always gave', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); } });
    expect(() => parseInput(everySchema.logWorkoutInputSchema, hostile, 'LogWorkoutInput')).toThrow();
    let thrown: unknown;
    try {
      parseArgument(validationSet.idArgumentSchema, 0, 'userId');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GainslyValidationError);
    expect((thrown as GainslyValidationError).issues[0]!.path).toEqual(['userId']);
  });

  it('generates code for any key: quotes, backslashes, line separators, a number, inherited keys', () => {
    const odd = zod.strictObject({ 'a"b\\c': zod.number(), 'x\u2028y': zod.string().optional(), '0': zod.boolean().default(false), 'it\'s': zod.null().nullable() });
    const inherited = Object.assign(Object.create({ 'a"b\\c': 2 }) as object, { 'it\'s': null });
    for (const value of [{ 'a"b\\c': 1, 'x\u2028y': 's', 'it\'s': null }, { 'a"b\\c': 1, 'it\'s': null, '0': true }, inherited, { 'a"b\\c': 1 }]) {
      const result = zodParse(odd, value);
      for (const parse of [fastParse, fastParseByLoop]) {
        const fast = parse(odd, value);
        if (result.success) expect(fast, JSON.stringify(value)).toStrictEqual(result.data);
        else expect(fast).toBe(UNDECIDED);
      }
    }
    expect(fastParse(odd, inherited)).toStrictEqual({ 'a"b\\c': 2, '0': false, 'it\'s': null });
  });

  it('parses by loops where the runtime forbids code from strings (a Content Security Policy)', () => {
    // A schema compiled for the first time while `new Function` throws, as under a CSP without
    // 'unsafe-eval' or node --disallow-code-generation-from-strings.
    const schema = zod.object({ date: zod.iso.date(), sets: zod.array(zod.object({ reps: zod.int().min(1), rpe: zod.number().max(10).optional() })).max(3) });
    const ok = { date: '2026-01-05', sets: [{ reps: 5 }, { reps: 3, rpe: 8 }] };
    const expected = zodParse(schema, ok).data;
    const original = globalThis.Function;
    let refused = 0;
    globalThis.Function = new Proxy(original, { construct: () => { refused++; throw new EvalError('Code generation from strings disallowed'); } });
    try {
      expect(fastParse(schema, ok)).toStrictEqual(expected);
      expect(fastParse(schema, { ...ok, sets: [{ reps: 0 }] })).toBe(UNDECIDED);
      expect(refused).toBeGreaterThan(0);
    } finally {
      globalThis.Function = original;
    }
  });

  it("generates no code under zod's jitless setting, as zod does not", () => {
    const schema = zod.object({ reps: zod.int().min(1), tags: zod.array(zod.string()) });
    const original = globalThis.Function;
    let generated = 0;
    globalThis.Function = new Proxy(original, { construct: (target, args) => { generated++; return Reflect.construct(target, args); } });
    try {
      zod.config({ jitless: true });
      try {
        expect(fastParse(schema, { reps: 5, tags: ['a'] })).toStrictEqual({ reps: 5, tags: ['a'] });
        expect(fastParse(schema, { reps: 0, tags: [] })).toBe(UNDECIDED);
        expect(generated).toBe(0);
      } finally {
        zod.config({ jitless: false });
      }
      // The control: the same kind of schema, compiled without the setting, is generated.
      expect(fastParse(zod.object({ reps: zod.int().min(1) }), { reps: 5 })).toStrictEqual({ reps: 5 });
      expect(generated).toBeGreaterThan(0);
    } finally {
      globalThis.Function = original;
    }
  });

  for (const [name, schema] of schemas) {
    // Both ways objects, arrays and checks are parsed: generated code, and the loops used where
    // code cannot be generated.
    for (const [way, parse] of [['generated', fastParse], ['loop', fastParseByLoop]] as const) {
      it(`${name} (${way}): decides only what zod accepts, with zod's output`, () => {
        fc.assert(
          fc.property(arbitraryFor(schema), (value) => {
            const fast = parse(schema, value);
            if (fast === UNDECIDED) return;
            const result = zodParse(schema, value);
            expect(result.success, `zod rejects what fastParse accepted: ${JSON.stringify(result.error?.issues)}`).toBe(true);
            expect(fast).toStrictEqual(result.data);
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});
