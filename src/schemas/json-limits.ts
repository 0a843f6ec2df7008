// The size limits of JSON column values and the keys refused inside them: plain constants and one
// setting, without zod, so the root entry can export them without loading the schemas
// (docs/performance.md, "Cold start"); the schemas in json-blobs.ts enforce them.
import { GainslyValidationError } from './errors.js';

/**
 * Object keys refused anywhere inside a JSON blob, because assigning or merging them can reach an
 * object's prototype.
 *
 * @example
 * ```ts
 * FORBIDDEN_JSON_KEYS.includes('__proto__'); // true
 * ```
 */
export const FORBIDDEN_JSON_KEYS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

/**
 * Limits of the JSON blob schemas. `maxDepth` bounds nesting (a deeper value would only come from a
 * bug or an attack, and walking it recursively could overflow the stack); the item limits bound the
 * arrays the library itself interprets.
 *
 * `maxBlobBytes` and `maxBlobElements` bound every JSON column value (open blobs such as
 * `rawPayloadJson`, `jsonBlob`, `hybridDefinition`, `acceptedPlanJson`, `structuredResponseJson`,
 * circuit exercises, session sections and blocks): its size as JSON text in UTF-8 bytes (what
 * PostgreSQL stores), and the number of array elements and object members anywhere in it. A row is
 * read back whole by every reader, so one multi-megabyte payload slows every list that contains it.
 * These are the **defaults**; {@link configureJsonLimits} changes the two blob limits process-wide.
 *
 * @example
 * ```ts
 * JSON_LIMITS.tagMaxLength; // 100
 * JSON_LIMITS.maxBlobBytes; // 1048576 (1 MiB), the default
 * ```
 */
export const JSON_LIMITS = Object.freeze({
  maxDepth: 64,
  maxBlobBytes: 1_048_576,
  maxBlobElements: 100_000,
  tagMaxLength: 100,
  tagMaxItems: 100,
  disciplineMaxItems: 50,
  sectionMaxExercises: 100,
  circuitMaxExercises: 200,
  coachingCueMaxLength: 1_000,
  coachingCueMaxItems: 50,
} as const);

/**
 * The size limits every JSON column value is held to (see {@link JSON_LIMITS}).
 *
 * @example
 * ```ts
 * const limits: JsonBlobLimits = { maxBlobBytes: 256 * 1024, maxBlobElements: 20_000 };
 * ```
 */
export interface JsonBlobLimits {
  /** Largest size as JSON text, in UTF-8 bytes (as `JSON.stringify` writes it, without spaces). */
  maxBlobBytes: number;
  /** Most array elements plus object members, counted through the whole value. */
  maxBlobElements: number;
}

let blobLimits: Readonly<JsonBlobLimits> = Object.freeze({ maxBlobBytes: JSON_LIMITS.maxBlobBytes, maxBlobElements: JSON_LIMITS.maxBlobElements });

/**
 * The blob size limits in force: {@link JSON_LIMITS}' defaults unless {@link configureJsonLimits}
 * changed them.
 *
 * @example
 * ```ts
 * jsonBlobLimits().maxBlobBytes; // 1048576
 * ```
 */
export function jsonBlobLimits(): Readonly<JsonBlobLimits> {
  return blobLimits;
}

/**
 * Changes the size limits of JSON column values for the whole process (every schema of
 * `@gainsly/db/schemas`, and so every write and import of the library, which validate with them);
 * keys left out keep their current value, `configureJsonLimits({})` keeps both, and
 * `configureJsonLimits(JSON_LIMITS)` restores the defaults (the other, fixed keys of `JSON_LIMITS`
 * are ignored; any other key is refused). Call it once at start-up: the limits are
 * module state, shared by every ORM and request of the process (the schemas that enforce them are
 * module constants, usable without an ORM, e.g. in a browser form). Returns the limits now in force.
 *
 * @throws {GainslyValidationError} a limit that is not an integer between 1 and 2^31 - 1
 * @example
 * ```ts
 * // at start-up, before the first request (exported from `@gainsly/db` and `@gainsly/db/schemas`)
 * configureJsonLimits({ maxBlobBytes: 4 * 1024 * 1024 }); // wearable payloads of up to 4 MiB
 * ```
 */
export function configureJsonLimits(limits: Partial<JsonBlobLimits>): Readonly<JsonBlobLimits> {
  const issues: { path: string[]; message: string; received: unknown }[] = [];
  if (typeof limits !== 'object' || limits === null) throw new GainslyValidationError([{ path: [], message: 'must be an object with maxBlobBytes and/or maxBlobElements', received: limits }], 'JsonBlobLimits');
  for (const [key, value] of Object.entries(limits)) {
    // The other JSON_LIMITS keys are fixed (they shape the schemas when they are built): ignored here,
    // so that configureJsonLimits(JSON_LIMITS) restores the defaults. Anything else is a typo.
    if (key !== 'maxBlobBytes' && key !== 'maxBlobElements' && Object.hasOwn(JSON_LIMITS, key)) continue;
    if (key !== 'maxBlobBytes' && key !== 'maxBlobElements') issues.push({ path: [key], message: 'is not a known limit (allowed: maxBlobBytes, maxBlobElements)', received: value });
    else if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2_147_483_647)) {
      issues.push({ path: [key], message: 'must be an integer between 1 and 2147483647', received: value });
    }
  }
  if (issues.length > 0) throw new GainslyValidationError(issues, 'JsonBlobLimits');
  blobLimits = Object.freeze({ maxBlobBytes: limits.maxBlobBytes ?? blobLimits.maxBlobBytes, maxBlobElements: limits.maxBlobElements ?? blobLimits.maxBlobElements });
  return blobLimits;
}
