// Size limits of JSON column values: the default, the exact byte count they are held to, and
// configureJsonLimits.
import { afterEach, describe, expect, it } from 'vitest';
import {
  GainslyValidationError,
  JSON_LIMITS,
  configureJsonLimits,
  exercisesJsonSchema,
  jsonBlobLimits,
  jsonValueSchema,
  parseInput,
  rawPayloadJsonSchema,
  recoverySignalInputSchema,
  sessionSectionSchema,
} from '../../src/schemas/index.js';
import * as main from '../../src/index.js';

afterEach(() => {
  configureJsonLimits(JSON_LIMITS);
});

const issuesOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('JSON blob size limits', () => {
  it('default to 1 MiB and 100,000 elements, exported from the main entry point too', () => {
    expect(JSON_LIMITS.maxBlobBytes).toBe(1_048_576);
    expect(JSON_LIMITS.maxBlobElements).toBe(100_000);
    expect(jsonBlobLimits()).toEqual({ maxBlobBytes: 1_048_576, maxBlobElements: 100_000 });
    expect(main.configureJsonLimits).toBe(configureJsonLimits);
    expect(main.jsonBlobLimits).toBe(jsonBlobLimits);
  });

  it('a 1,000,000-element rawPayloadJson is refused, naming the field and the limit, without walking it', () => {
    const payload = { samples: Array.from({ length: 1_000_000 }, (_, i) => i) };
    const started = process.hrtime.bigint();
    const error = (() => {
      try {
        parseInput(recoverySignalInputSchema, { date: '2026-01-05', source: 'garmin', rawPayloadJson: payload }, 'RecoverySignalInput');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GainslyValidationError);
    const issues = (error as GainslyValidationError).issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rawPayloadJson', 'is too large: more than 100000 array elements and object members (limit maxBlobElements; see configureJsonLimits)'],
    ]);
    // Refused at the array's length: not a timing assertion, a loose sanity bound (a full walk takes seconds).
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });

  it('counts bytes exactly as JSON.stringify writes them in UTF-8 (escapes, multi-byte and astral characters)', () => {
    const values: unknown[] = [
      { a: 'plain', b: [1, 2.5, -3e-7, true, false, null], c: {} , d: [] },
      { 'quote"key': 'line\nbreak\ttab\u0001ctl\\back"quote', é: 'çà ü', emoji: '💪🏽 lift', cjk: '重量挙げ' },
      [[[]], [{}], ['']],
      'just a string',
      12345.678,
    ];
    for (const value of values) {
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      configureJsonLimits({ maxBlobBytes: bytes });
      expect(jsonValueSchema.safeParse(value).success, JSON.stringify(value)).toBe(true);
      configureJsonLimits({ maxBlobBytes: bytes - 1 });
      expect(issuesOf(jsonValueSchema, value), JSON.stringify(value)).toEqual([['', `is too large: more than ${bytes - 1} bytes as JSON (limit maxBlobBytes; see configureJsonLimits)`]]);
    }
  });

  it('counts array elements and object members through the whole value', () => {
    const value = { a: [1, 2, 3], b: { c: [4, { d: 5 }] } }; // members a, b, c, d + elements 1, 2, 3, 4, {d}
    configureJsonLimits({ maxBlobElements: 9 });
    expect(rawPayloadJsonSchema.safeParse(value).success).toBe(true);
    configureJsonLimits({ maxBlobElements: 8 });
    expect(issuesOf(rawPayloadJsonSchema, value)).toEqual([['', 'is too large: more than 8 array elements and object members (limit maxBlobElements; see configureJsonLimits)']]);
  });

  it('holds lists of blocks to the limit as a whole, not only each block', () => {
    const block = { movement: 'Burpee', notes: 'x'.repeat(400) };
    configureJsonLimits({ maxBlobBytes: 2_000 });
    expect(sessionSectionSchema.safeParse([block, block, block]).success).toBe(true);
    expect(issuesOf(sessionSectionSchema, [block, block, block, block, block])).toEqual([['', expect.stringMatching(/^is too large: more than 2000 bytes as JSON/)]]);
    expect(issuesOf(exercisesJsonSchema, Array.from({ length: 5 }, () => block))).toEqual([['', expect.stringMatching(/^is too large: more than 2000 bytes/)]]);
  });

  it('configureJsonLimits changes the limits process-wide, keeps keys left out, and refuses bad values naming them', () => {
    expect(configureJsonLimits({ maxBlobBytes: 64 })).toEqual({ maxBlobBytes: 64, maxBlobElements: 100_000 });
    expect(jsonBlobLimits()).toEqual({ maxBlobBytes: 64, maxBlobElements: 100_000 });
    expect(rawPayloadJsonSchema.safeParse({ note: 'y'.repeat(100) }).success).toBe(false);
    expect(configureJsonLimits({})).toEqual({ maxBlobBytes: 64, maxBlobElements: 100_000 });
    expect(configureJsonLimits(JSON_LIMITS)).toEqual({ maxBlobBytes: 1_048_576, maxBlobElements: 100_000 });
    expect(rawPayloadJsonSchema.safeParse({ note: 'y'.repeat(100) }).success).toBe(true);

    const refused = (limits: unknown) => {
      try {
        configureJsonLimits(limits as never);
      } catch (e) {
        return e;
      }
    };
    for (const [limits, path] of [
      [{ maxBlobBytes: 0 }, 'maxBlobBytes'],
      [{ maxBlobElements: 1.5 }, 'maxBlobElements'],
      [{ maxBlobBytes: '1mb' }, 'maxBlobBytes'],
      [{ maxBytes: 10 }, 'maxBytes'],
    ] as const) {
      const error = refused(limits);
      expect(error, path).toBeInstanceOf(GainslyValidationError);
      expect((error as GainslyValidationError).issues.map((i) => i.path.join('.'))).toEqual([path]);
    }
    expect(refused(null)).toBeInstanceOf(GainslyValidationError);
    expect(jsonBlobLimits()).toEqual({ maxBlobBytes: 1_048_576, maxBlobElements: 100_000 });
  });
});
