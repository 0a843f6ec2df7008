// Mutation testing (issue #24, test/README.md): the JSON column schemas of src/schemas/json-blobs.ts.
// The exact UTF-8 size charged for each class of character (so a value exactly at maxBlobBytes
// passes and one byte more fails), configureJsonLimits' refusals, the message and path of every
// "not JSON" problem, duplicate detection that skips items already refused, and known-key checks of
// exercise and finisher blocks that neither repeat nor hide a problem. Byte counts and messages are
// written out by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { GainslyValidationError, parseInput } from '../../src/schemas/errors.js';
import { heuristicConfigInputSchema } from '../../src/schemas/inputs/coaching.js';
import { sessionPlanExerciseInputSchema } from '../../src/schemas/inputs/programs.js';
import {
  JSON_LIMITS,
  coachingCuesSchema,
  configureJsonLimits,
  disciplinesJsonSchema,
  exercisesJsonSchema,
  jsonBlobLimits,
  jsonObjectSchema,
  jsonValueSchema,
  secondaryMusclesSchema,
  sessionExerciseBlockSchema,
  sessionFinisherBlockSchema,
  sessionSectionSchema,
  tagArraySchema,
} from '../../src/schemas/json-blobs.js';

afterEach(() => {
  configureJsonLimits(JSON_LIMITS);
});

interface Parsed {
  safeParse(value: unknown, params?: { reportInput?: boolean }): { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; message: string; input?: unknown }[] } };
}

/** Issues as path, code and message (and the input when there is one). */
function issues(schema: Parsed, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  expect(result.success, 'expected the value to be rejected').toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message, ...(issue.input === undefined ? {} : { input: issue.input }) }));
}

function refused(limits: unknown): GainslyValidationError {
  try {
    configureJsonLimits(limits as never);
  } catch (error) {
    expect(error).toBeInstanceOf(GainslyValidationError);
    return error as GainslyValidationError;
  }
  throw new Error('expected configureJsonLimits to refuse');
}

describe('configureJsonLimits', () => {
  it('refuses a non-object as a whole', () => {
    for (const limits of [5, null]) {
      const error = refused(limits);
      expect(error.input).toBe('JsonBlobLimits');
      expect(error.issues).toEqual([{ path: [], message: 'must be an object with maxBlobBytes and/or maxBlobElements', received: limits }]);
    }
  });

  it('refuses an unknown key, naming the two it takes', () => {
    const error = refused({ maxBytes: 10 });
    expect(error.input).toBe('JsonBlobLimits');
    expect(error.issues).toEqual([{ path: ['maxBytes'], message: 'is not a known limit (allowed: maxBlobBytes, maxBlobElements)', received: 10 }]);
  });

  it('takes 1 and 2147483647; refuses 0, 2147483648, fractions and strings', () => {
    expect(configureJsonLimits({ maxBlobBytes: 1, maxBlobElements: 2_147_483_647 })).toEqual({ maxBlobBytes: 1, maxBlobElements: 2_147_483_647 });
    for (const value of [0, 2_147_483_648, 2.5, '5']) {
      expect(refused({ maxBlobElements: value }).issues).toEqual([{ path: ['maxBlobElements'], message: 'must be an integer between 1 and 2147483647', received: value }]);
    }
    expect(jsonBlobLimits()).toEqual({ maxBlobBytes: 1, maxBlobElements: 2_147_483_647 });
  });

  it('an undefined limit keeps the one in force; a fixed key of JSON_LIMITS is ignored', () => {
    configureJsonLimits({ maxBlobBytes: 64 });
    expect(configureJsonLimits({ maxBlobBytes: undefined, tagMaxLength: 5 } as never)).toEqual({ maxBlobBytes: 64, maxBlobElements: 100_000 });
  });
});

describe('blob size: bytes charged per character, as JSON.stringify writes UTF-8', () => {
  const tooLarge = (value: unknown, maxBlobBytes: number) => {
    configureJsonLimits({ maxBlobBytes });
    const result = jsonValueSchema.safeParse(value);
    return (result.error?.issues ?? []).map((issue) => issue.message).filter((message) => message.startsWith('is too large'));
  };

  // [what, string, its size with the two quotes]
  it.each([
    ['backspace (escaped as \\b)', '\b', 4],
    ['form feed (\\f)', '\f', 4],
    ['carriage return (\\r)', '\r', 4],
    ['the last control character (\\u001f)', '\u001f', 8],
    ['the last one-byte character', '\u007f', 3],
    ['the first two-byte character', '\u0080', 4],
    ['the last two-byte character', '\u07ff', 4],
    ['the first three-byte character', '\u0800', 5],
    ['the last BMP character', '\uffff', 5],
    ['the first surrogate pair (U+10000)', '\ud800\udc00', 6],
    ['the last surrogate pair (U+10FFFF)', '\udbff\udfff', 6],
    ['a lone high surrogate (escaped as \\ud800)', '\ud800', 8],
    ['a lone low surrogate (escaped as \\udfff)', '\udfff', 8],
    ['two low surrogates (no pair: each escaped)', '\udc00\udc00', 14],
    ['a high surrogate followed by a letter', '\ud83dA', 9],
    ['a three-byte character followed by a lone low surrogate', '\u4e00\udc00', 11],
  ])('%s', (_what, text, bytes) => {
    expect(tooLarge(text, bytes)).toEqual([]);
    expect(tooLarge(text, bytes - 1)).toEqual([`is too large: more than ${bytes - 1} bytes as JSON (limit maxBlobBytes; see configureJsonLimits)`]);
  });

  it('a string as long as the limit is too large: its quotes do not fit', () => {
    expect(tooLarge('abcde', 5)).toEqual(['is too large: more than 5 bytes as JSON (limit maxBlobBytes; see configureJsonLimits)']);
    expect(tooLarge('abcde', 7)).toEqual([]);
  });
});

describe('what is not JSON, with its path', () => {
  it('a lone surrogate in a string and in a key', () => {
    expect(issues(jsonValueSchema, ['\ud800'])).toEqual([
      { path: [0], code: 'custom', message: 'must be well-formed Unicode (half of a surrogate pair cannot be stored in JSON)', input: '\ud800' },
    ]);
    expect(issues(jsonValueSchema, { '\ud800': 1 })).toEqual([{ path: ['\ud800'], code: 'custom', message: 'key must be well-formed Unicode' }]);
  });

  it('getters, in arrays and in objects', () => {
    const array = [1];
    Object.defineProperty(array, 0, { get: () => 1, enumerable: true });
    expect(issues(jsonValueSchema, array)).toEqual([{ path: [0], code: 'custom', message: 'must be a plain data value, not a getter' }]);
    expect(issues(jsonValueSchema, { get g() { return 1; } })).toEqual([{ path: ['g'], code: 'custom', message: 'must be a plain data value, not a getter' }]);
  });

  it('class instances, named by their constructor when it has a usable name', () => {
    class Foo {}
    expect(issues(jsonValueSchema, { x: new Foo() })).toEqual([{ path: ['x'], code: 'custom', message: 'must be a plain JSON object (got a Foo)', input: new Foo() }]);
    for (const value of [new (class {})(), Object.create({ constructor: { name: 42 } }) as object, Object.create(Object.create(null) as object) as object]) {
      expect(issues(jsonValueSchema, value).map((issue) => issue.message)).toEqual(['must be a plain JSON object (got a non-plain object)']);
    }
  });

  it('symbol keys, and objects whose keys cannot be read', () => {
    expect(issues(jsonValueSchema, { a: 1, [Symbol('s')]: 2 })).toEqual([{ path: [], code: 'custom', message: 'must not have symbol keys (JSON keys are strings)' }]);
    const unreadable = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(issues(jsonValueSchema, unreadable)).toEqual([{ path: [], code: 'custom', message: 'could not be read as JSON' }]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(issues(jsonObjectSchema, proxy)).toEqual([{ path: [], code: 'custom', message: 'could not be read as JSON' }]);
  });

  it('a JSON object is required, and must not be a list', () => {
    expect(issues(sessionExerciseBlockSchema, undefined)).toEqual([{ path: [], code: 'custom', message: 'is required' }]);
    expect(issues(sessionFinisherBlockSchema, [])).toEqual([{ path: [], code: 'custom', message: 'must be a JSON object', input: [] }]);
    const error = (() => {
      try {
        parseInput(heuristicConfigInputSchema, { name: 'deload', version: 1 }, 'HeuristicConfigInput');
      } catch (e) {
        return e as GainslyValidationError;
      }
    })();
    expect(error?.issues).toEqual([{ path: ['jsonBlob'], message: 'is required', code: 'custom' }]);
  });

  it('a refused value inside extra does not stop the reserved-key check after it', () => {
    const error = (() => {
      try {
        parseInput(sessionPlanExerciseInputSchema, { movementId: 1, extra: { sets: 5, bad: Number.NaN } }, 'SessionPlanExerciseInput');
      } catch (e) {
        return e as GainslyValidationError;
      }
    })();
    expect(error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['extra', 'bad'], 'must be a finite number (NaN and Infinity are not JSON)'],
      [['extra', 'sets'], 'is written by the library; set it through `sets` instead'],
    ]);
  });
});

describe('lists of blobs', () => {
  it.each([
    ['disciplinesJsonSchema', disciplinesJsonSchema, 'must be an array of { discipline, weight }'],
    ['sessionSectionSchema', sessionSectionSchema, 'must be an array of exercise blocks'],
    ['tagArraySchema', tagArraySchema, 'must be an array of strings'],
    ['exercisesJsonSchema', exercisesJsonSchema, 'must be an array of JSON values'],
    ['secondaryMusclesSchema', secondaryMusclesSchema, 'must be an array of PrimaryMuscle values'],
    ['coachingCuesSchema', coachingCuesSchema, 'must be an array of strings'],
  ] as [string, Parsed, string][])('%s: a missing list is required; another value is asked to be a list', (_name, schema, message) => {
    expect(issues(schema, undefined).map((issue) => issue.message)).toEqual(['is required']);
    expect(issues(schema, 'x').map((issue) => issue.message)).toEqual([message]);
  });

  it('a non-list is not also held to the size limit', () => {
    configureJsonLimits({ maxBlobBytes: 20 });
    expect(issues(sessionSectionSchema, { a: 'x'.repeat(100) }).map((issue) => issue.message)).toEqual(['must be an array of exercise blocks']);
  });

  it('a problem inside an item is reported once, at the item', () => {
    expect(issues(exercisesJsonSchema, [Number.NaN])).toEqual([{ path: [0], code: 'custom', message: 'must be a finite number (NaN and Infinity are not JSON)', input: Number.NaN }]);
  });

  it('the size of a list as a whole is a custom issue at the list', () => {
    configureJsonLimits({ maxBlobBytes: 30 });
    expect(issues(sessionSectionSchema, [{ movement: 'Burpee' }, { movement: 'Burpee' }])).toEqual([
      { path: [], code: 'custom', message: 'is too large: more than 30 bytes as JSON (limit maxBlobBytes; see configureJsonLimits)' },
    ]);
  });
});

describe('duplicates', () => {
  it('items already refused are not compared', () => {
    expect(issues(disciplinesJsonSchema, [{ discipline: ' ', weight: 1 }, { discipline: ' ', weight: 2 }]).map((issue) => [issue.path, issue.message])).toEqual([
      [[0, 'discipline'], 'must not be empty'],
      [[1, 'discipline'], 'must not be empty'],
    ]);
  });

  it('an item refused for another field is still compared, and the repeat names the first index', () => {
    expect(issues(disciplinesJsonSchema, [{ discipline: 'run', weight: -1 }, { discipline: 'run', weight: 1 }])).toEqual([
      { path: [0, 'weight'], code: 'too_small', message: 'must be >= 0', input: -1 },
      { path: [1, 'discipline'], code: 'custom', message: 'repeats the discipline at index 0', input: 'run' },
    ]);
    expect(issues(tagArraySchema, ['a', ' a '])).toEqual([{ path: [1], code: 'custom', message: 'repeats the tag at index 0', input: 'a' }]);
  });
});

describe('exercise and finisher blocks: the keys the app reads', () => {
  it('a fractional integer field is an invalid_type issue expecting an int', () => {
    expect(issues(sessionExerciseBlockSchema, { movement: 'Squat', sets: 1.5 })).toEqual([{ path: ['sets'], code: 'invalid_type', message: 'must be an integer', input: 1.5 }]);
    expect(sessionExerciseBlockSchema.safeParse({ movement: 'Squat', rest_seconds: 0.5 }).error?.issues).toEqual([expect.objectContaining({ path: ['rest_seconds'], expected: 'int' })]);
  });

  it('a root-level JSON problem does not hide a known-key problem', () => {
    expect(issues(sessionExerciseBlockSchema, { movement: 5, [Symbol('s')]: 1 })).toEqual([
      { path: [], code: 'custom', message: 'must not have symbol keys (JSON keys are strings)' },
      { path: ['movement'], code: 'invalid_type', message: 'must be a string (got number)', input: 5 },
    ]);
  });

  it('a nested problem already reported is not repeated, and its neighbours are still reported', () => {
    expect(issues(sessionFinisherBlockSchema, { type: 'EMOM', exercises: [{ sets: Number.NaN }] })).toEqual([
      { path: ['exercises', 0, 'sets'], code: 'custom', message: 'must be a finite number (NaN and Infinity are not JSON)', input: Number.NaN },
      { path: ['exercises', 0, 'movement'], code: 'invalid_type', message: 'is required' },
    ]);
  });

  it('a block whose properties cannot be read is one issue, not a crash', () => {
    const hostile = new Proxy({ movement: 'Squat' }, { get: () => { throw new Error('trap'); } });
    expect(issues(sessionExerciseBlockSchema, hostile)).toEqual([{ path: [], code: 'custom', message: 'could not be read as JSON' }]);
  });
});
