// JSON column schemas: what JSON is (and is not), prototype-pollution keys, and the structured blobs.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ENUMS } from '../../src/enums/index.js';
import {
  FORBIDDEN_JSON_KEYS,
  JSON_LIMITS,
  acceptedPlanJsonSchema,
  bucketStressSchema,
  coachingCuesSchema,
  disciplinesJsonSchema,
  exercisesJsonSchema,
  feedbackTagsSchema,
  heuristicJsonBlobSchema,
  hybridDefinitionSchema,
  intentTagsSchema,
  jsonObjectSchema,
  jsonValueSchema,
  parseInput,
  rawPayloadJsonSchema,
  secondaryMusclesSchema,
  sessionSectionExerciseSchema,
  sessionSectionSchema,
  sessionFinisherBlockSchema,
  structuredResponseJsonSchema,
  tagArraySchema,
  type BucketStress,
  type DisciplineWeight,
  type JsonObject,
  type JsonValue,
  type SecondaryMuscles,
  type SessionSectionExercise,
} from '../../src/schemas/index.js';
import { fixturesAvailable, readSeed, requireFixtures } from '../support/fixtures.js';

/** [path joined with '.', message] of every issue; [] when valid. Uses the schema directly (no parseInput). */
function problems(schema: z.ZodType, value: unknown): [string, string][] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}
const paths = (schema: z.ZodType, value: unknown) => problems(schema, value).map(([path]) => path);

const OPEN_OBJECT_SCHEMAS = {
  jsonObjectSchema,
  hybridDefinitionSchema,
  heuristicJsonBlobSchema,
  acceptedPlanJsonSchema,
  structuredResponseJsonSchema,
  rawPayloadJsonSchema,
};

describe('jsonValueSchema', () => {
  it.each([
    ['string', 'x'],
    ['number', -12.5],
    ['zero', 0],
    ['boolean', false],
    ['null', null],
    ['array', [1, 'a', null, [true]]],
    ['object', { a: { b: [1, { c: 'd' }] } }],
    ['null-prototype object', Object.assign(Object.create(null) as object, { a: 1 })],
    ['shared (non-circular) reference', (() => { const shared = { x: 1 }; return { a: shared, b: shared }; })()],
    ['unicode', { 'clé 💪': 'ünïcødé' }],
  ])('accepts %s', (_, value) => {
    expect(problems(jsonValueSchema, value)).toEqual([]);
    expect(jsonValueSchema.parse(value)).toBe(value); // returned as is, not copied
  });

  it.each([
    ['NaN', { score: Number.NaN }, 'score', /finite number/],
    ['Infinity', [1, Number.POSITIVE_INFINITY], '1', /finite number/],
    ['-Infinity', { a: { b: Number.NEGATIVE_INFINITY } }, 'a.b', /finite number/],
    ['undefined value', { a: undefined }, 'a', /undefined is not JSON/],
    ['function', { f: () => 1 }, 'f', /got a function/],
    ['symbol value', { s: Symbol('s') }, 's', /got a symbol/],
    ['bigint', { n: 10n }, 'n', /bigint is not JSON/],
    ['Date', { when: new Date() }, 'when', /plain JSON object \(got a Date; store dates as ISO strings\)/],
    ['Map', { m: new Map() }, 'm', /got a Map/],
    ['class instance', { c: new (class Point { x = 1 })() }, 'c', /got a Point/],
    ['sparse array', { list: [1, , 3] }, 'list.1', /sparse array hole/],
    ['getter', { get g() { return 1; } }, 'g', /not a getter/],
    ['NUL in a string', { s: 'a\u0000b' }, 's', /NUL/],
    ['NUL in a key', { 'a\u0000': 1 }, 'a\u0000', /NUL/],
  ])('rejects %s at its path', (_, value, path, message) => {
    const found = problems(jsonValueSchema, value);
    expect(found).toEqual([[path, expect.stringMatching(message)]]);
  });

  it('rejects undefined at the root as required, and symbol keys', () => {
    expect(problems(jsonValueSchema, undefined)).toEqual([['', 'is required']]);
    expect(paths(jsonValueSchema, { [Symbol('k')]: 1 })).toEqual(['']);
  });

  it('rejects cycles and over-deep nesting without overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(problems(jsonValueSchema, cyclic)).toEqual([['self', 'must not contain a circular reference']]);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const found = problems(jsonValueSchema, deep);
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toBe(`is nested too deeply (max ${JSON_LIMITS.maxDepth} levels)`);
    let ok: unknown = 1;
    for (let i = 0; i < JSON_LIMITS.maxDepth; i += 1) ok = { x: ok };
    expect(problems(jsonValueSchema, ok)).toEqual([]);
  });

  it('reports every problem in one parse', () => {
    const value = { a: Number.NaN, b: [undefined, () => 1], c: { d: new Date(0), e: 10n } };
    expect(paths(jsonValueSchema, value)).toEqual(['a', 'b.0', 'b.1', 'c.d', 'c.e']);
  });

  it('never throws on hostile proxies', () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
    expect(paths(jsonValueSchema, { p: hostile })).toEqual(['p']);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => jsonValueSchema.safeParse({ p: proxy })).not.toThrow();
    expect(jsonValueSchema.safeParse({ p: proxy }).success).toBe(false);
  });
});

describe('prototype-pollution keys', () => {
  it('lists the forbidden keys', () => {
    expect(FORBIDDEN_JSON_KEYS).toEqual(['__proto__', 'constructor', 'prototype']);
  });

  it.each(Object.entries(OPEN_OBJECT_SCHEMAS))('%s rejects each forbidden key at any depth, from JSON.parse', (_, schema) => {
    const body = JSON.parse('{"ok": 1, "__proto__": {"polluted": true}, "nested": {"list": [{"constructor": {"prototype": {"polluted": true}}}]}, "prototype": 2}') as unknown;
    expect(problems(schema, body)).toEqual([
      ['__proto__', 'forbidden key "__proto__" (prototype-pollution guard)'],
      ['nested.list.0.constructor', 'forbidden key "constructor" (prototype-pollution guard)'],
      ['prototype', 'forbidden key "prototype" (prototype-pollution guard)'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects them in the structured blobs too, with a clear message through parseInput', () => {
    const entry = JSON.parse('{"discipline": "running", "weight": 1, "__proto__": {"polluted": true}}') as unknown;
    expect(() => parseInput(disciplinesJsonSchema, [entry], 'DisciplinesJson')).toThrow(/\[0\]\.__proto__: forbidden key "__proto__" \(prototype-pollution guard\)/);
    const stress = JSON.parse('{"strength": 1, "__proto__": {"polluted": true}}') as unknown;
    expect(() => parseInput(bucketStressSchema, stress)).toThrow(/__proto__: forbidden key "__proto__"/);
    const exercise = JSON.parse('{"movement": "Squat", "extra": {"__proto__": {"polluted": true}}}') as unknown;
    expect(paths(sessionSectionExerciseSchema, exercise)).toEqual(['extra.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an object literal with __proto__ (a real prototype) is not a plain object', () => {
    expect(problems(jsonObjectSchema, { __proto__: { polluted: true } })).toEqual([['', 'must be a plain JSON object (got a Object)']]);
  });
});

describe('open JSON objects', () => {
  it.each(Object.entries(OPEN_OBJECT_SCHEMAS))('%s accepts any JSON object and rejects non-objects', (_, schema) => {
    expect(problems(schema, { a: [1, { b: null }], c: 'd' })).toEqual([]);
    for (const bad of [[], 'x', 1, null, true]) expect(problems(schema, bad)).toEqual([['', 'must be a JSON object']]);
    expect(problems(schema, undefined)).toEqual([['', 'is required']]);
  });

  it('types', () => {
    expectTypeOf<z.output<typeof jsonValueSchema>>().toEqualTypeOf<JsonValue>();
    expectTypeOf<z.output<typeof jsonObjectSchema>>().toEqualTypeOf<JsonObject>();
    expectTypeOf<z.output<typeof disciplinesJsonSchema>>().toEqualTypeOf<DisciplineWeight[]>();
    expectTypeOf<z.output<typeof bucketStressSchema>>().toEqualTypeOf<BucketStress>();
    expectTypeOf<z.output<typeof secondaryMusclesSchema>>().toEqualTypeOf<SecondaryMuscles>();
    expectTypeOf<z.output<typeof sessionSectionSchema>>().toEqualTypeOf<SessionSectionExercise[]>();
  });
});

describe('disciplinesJsonSchema', () => {
  it('accepts [{ discipline, weight }] and trims names', () => {
    expect(disciplinesJsonSchema.parse([{ discipline: ' powerlifting ', weight: 6 }, { discipline: 'running', weight: 0 }])).toEqual([
      { discipline: 'powerlifting', weight: 6 },
      { discipline: 'running', weight: 0 },
    ]);
    expect(problems(disciplinesJsonSchema, [])).toEqual([]);
  });

  it('rejects every bad entry at its path', () => {
    expect(
      paths(disciplinesJsonSchema, [
        { discipline: '', weight: 1 },
        { discipline: 'x'.repeat(51), weight: 1 },
        { discipline: 'a', weight: -1 },
        { discipline: 'b', weight: 1.5 },
        { discipline: 'c', weight: '2' },
        { discipline: 'd', weight: 1, note: 'extra' },
        { weight: 1 },
        'running',
        { discipline: 'a', weight: 2 },
      ]),
    ).toEqual(['0.discipline', '1.discipline', '2.weight', '3.weight', '4.weight', '5', '6.discipline', '7', '8.discipline']);
    expect(problems(disciplinesJsonSchema, { discipline: 'a', weight: 1 })).toEqual([['', 'must be an array of { discipline, weight }']]);
  });
});

describe('sessionSectionSchema', () => {
  it('accepts generator output: the app\'s keys typed, other JSON keys kept, nulls for unprescribed values', () => {
    const section = [
      { movement: 'Back Squat', movement_id: 1, sets: 4, rep_range_min: 4, rep_range_max: 6, target_rpe: 8.5, target_rir: 1, rest_seconds: 180, superset_with: null, notes: 'belt', tempo: '3-1-1', cues: ['brace'] },
      { movement: 'Row erg', duration_seconds: 600, sets: null, target_rpe: null },
      { movement: 'Goblet Squat', reps: '8-10', is_new: true },
    ];
    expect(problems(sessionSectionSchema, section)).toEqual([]);
    const parsed = sessionSectionSchema.parse(section);
    expect(parsed).toEqual(section);
    expect(parsed[0]).toBe(section[0]);
  });

  it('types only, as the app does: ranges are the write inputs\' business', () => {
    expect(problems(sessionSectionSchema, [{ movement: 'Squat', sets: 0, target_rpe: 11, rep_range_min: 8, rep_range_max: 5 }])).toEqual([]);
  });

  it('reports JSON problems and known-key problems together', () => {
    const found = problems(sessionSectionSchema, [
      { movement: 'Squat', sets: 2.5, tempo: Number.NaN },
      { movement: 3, movement_id: 1.5, target_rpe: '8', target_rir: 1.5, duration_seconds: '60', rest_seconds: 'long', superset_with: 4, notes: [] },
      { movement_id: 1, sets: Number.NaN },
      'Squat',
    ]);
    expect(found.map(([path]) => path).sort()).toEqual(
      ['0.tempo', '0.sets', '1.movement', '1.movement_id', '1.target_rpe', '1.target_rir', '1.duration_seconds', '1.rest_seconds', '1.superset_with', '1.notes', '2.movement', '2.sets', '3'].sort(),
    );
    expect(found.find(([path]) => path === '2.movement')?.[1]).toBe('is required');
  });

  it('limits a section to 100 exercises', () => {
    expect(paths(sessionSectionSchema, Array(101).fill({ movement: 'x' }))).toEqual(['']);
  });
});

describe('sessionFinisherBlockSchema', () => {
  it('one object with a type; exercises are blocks; unknown keys kept', () => {
    const finisher = { type: 'EMOM', duration_minutes: 10, rounds: null, exercises: [{ movement: 'Burpee', sets: 10 }], scoring: 'rounds' };
    expect(sessionFinisherBlockSchema.parse(finisher)).toBe(finisher);
    expect(problems(sessionFinisherBlockSchema, { type: 'AMRAP' })).toEqual([]);
  });

  it('rejects a list, a missing type and exercises that are not blocks', () => {
    expect(paths(sessionFinisherBlockSchema, [{ movement: 'Burpee' }])).toEqual(['']);
    expect(paths(sessionFinisherBlockSchema, { exercises: [] })).toEqual(['type']);
    expect(paths(sessionFinisherBlockSchema, { type: 'EMOM', duration_minutes: 1.5, exercises: [{ sets: 3 }] }).sort()).toEqual(['duration_minutes', 'exercises.0.movement']);
  });
});

describe('tag lists', () => {
  it.each([
    ['tagArraySchema', tagArraySchema],
    ['intentTagsSchema', intentTagsSchema],
    ['feedbackTagsSchema', feedbackTagsSchema],
  ])('%s: trimmed non-empty strings <= 100 chars, <= 100 items, no repeats', (_, schema) => {
    expect(schema.parse([' barbell ', 'rack'])).toEqual(['barbell', 'rack']);
    expect(schema.parse([])).toEqual([]);
    expect(paths(schema, ['x'.repeat(100)])).toEqual([]);
    expect(problems(schema, ['ok', '', '  ', 'x'.repeat(101), 3, null, ' ok'])).toEqual([
      ['1', 'must not be empty'],
      ['2', 'must not be empty'],
      ['3', 'must be at most 100 characters (got 101)'],
      ['4', 'must be a string (got number)'],
      ['5', 'must be a string (got null)'],
      ['6', 'repeats the tag at index 0'],
    ]);
    expect(problems(schema, Array.from({ length: 101 }, (_, i) => `t${i}`))).toEqual([['', 'must have at most 100 items']]);
    expect(problems(schema, 'barbell')).toEqual([['', 'must be an array of strings']]);
  });
});

describe('other structured blobs', () => {
  it('exercisesJsonSchema: array of JSON values', () => {
    expect(problems(exercisesJsonSchema, [{ movement: 'Echo bike', reps: 7 }, 'rest 1 min', 3])).toEqual([]);
    expect(paths(exercisesJsonSchema, [{ reps: Number.NaN }, undefined])).toEqual(['0.reps', '1']);
    expect(paths(exercisesJsonSchema, { movement: 'x' })).toEqual(['']);
    expect(paths(exercisesJsonSchema, Array(201).fill(1))).toEqual(['']);
  });

  it('bucketStressSchema: keys are exactly the StressBucket values, values finite >= 0', () => {
    const all = Object.fromEntries(ENUMS.StressBucket.values.map((bucket, i) => [bucket, i + 0.5]));
    expect(bucketStressSchema.parse(all)).toEqual(all);
    expect(bucketStressSchema.parse({})).toEqual({});
    expect(paths(bucketStressSchema, { strength: -1, conditioning: Number.NaN, cns: Number.POSITIVE_INFINITY, impact_upper: '3', STRENGTH: 1, cardio: 2 }).sort()).toEqual(
      ['', 'cns', 'conditioning', 'impact_upper', 'strength'].sort(), // unknown keys are one zod issue at the object (split per key by parseInput)
    );
    expect(() => parseInput(bucketStressSchema, { cardio: 2 })).toThrow(/cardio: is not a known key \(allowed keys: strength, conditioning, impact_upper, impact_lower, cns\)/);
  });

  it('secondaryMusclesSchema: PrimaryMuscle values, no repeats, no labels', () => {
    expect(secondaryMusclesSchema.parse(['glutes', 'core'])).toEqual(['glutes', 'core']);
    expect(problems(secondaryMusclesSchema, ['glutes', 'GLUTES', 'quads', 'glutes'])).toEqual([
      ['1', expect.stringContaining("'GLUTES' is the database label; use 'glutes'")],
      ['2', expect.stringMatching(/^must be one of 'quadriceps', /)],
      ['3', 'repeats the muscle at index 0'],
    ]);
  });

  it('coachingCuesSchema: trimmed non-empty strings <= 1000 chars, <= 50 items', () => {
    expect(coachingCuesSchema.parse([' Brace ', 'Drive through the floor'])).toEqual(['Brace', 'Drive through the floor']);
    expect(paths(coachingCuesSchema, ['', 'x'.repeat(1001), 7])).toEqual(['0', '1', '2']);
    expect(paths(coachingCuesSchema, Array(51).fill('cue'))).toEqual(['']);
  });
});

describe.runIf(fixturesAvailable)('upstream seed data', () => {
  requireFixtures('schema checks against upstream seed data');

  it('every heuristic config json_blob is a valid heuristicJsonBlob', () => {
    const { configs } = readSeed<{ configs: { name: string; json_blob: unknown }[] }>('heuristic_configs.json');
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) expect(problems(heuristicJsonBlobSchema, config.json_blob), config.name).toEqual([]);
  });

  it('every scraped circuit exercise list is valid exercisesJson', () => {
    const circuits = readSeed<{ name: string; exercises: unknown }[]>('scraped_circuits.json');
    expect(circuits.length).toBeGreaterThan(0);
    for (const circuit of circuits) expect(problems(exercisesJsonSchema, circuit.exercises), circuit.name).toEqual([]);
  });
});

describe('hostile values at the root of object schemas', () => {
  it('a revoked proxy is reported, never thrown', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const schema of [jsonObjectSchema, sessionSectionExerciseSchema, jsonValueSchema]) {
      expect(() => schema.safeParse(proxy)).not.toThrow();
      expect(schema.safeParse(proxy).success).toBe(false);
    }
    const trap = new Proxy({}, { get() { throw new Error('get trap'); } });
    expect(() => sessionSectionExerciseSchema.safeParse(trap)).not.toThrow();
    expect(sessionSectionExerciseSchema.safeParse(trap).success).toBe(false);
  });
});
