// Field-level building blocks: every column type of docs/data-model.md ("Tables") maps to one
// helper here, so each rule (integer range, varchar length, real calendar date, semantic enum
// value) is written once and worded once.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import type { AnyEnumCodec } from '../enums/index.js';
import { isIsoDate, type IntRange, type ValidationProblem } from '../domain/index.js';
import { gainslyErrorMap, listAllowed } from './messages.js';
import { VARCHAR_LENGTHS } from './column-lengths-generated.js';

/**
 * Zod params that attach the library's error map; passed to every constructor and check so messages
 * do not depend on how a schema is parsed.
 *
 * @example
 * ```ts
 * z.array(tagSchema).max(100, WITH_MESSAGES);
 * ```
 */
export const WITH_MESSAGES = Object.freeze({ error: gainslyErrorMap });
const E = WITH_MESSAGES;

/**
 * Largest value of a PostgreSQL `integer` column. Every integer field is capped here at least, so an
 * absurd value is a validation problem instead of an "integer out of range" driver error after SQL.
 *
 * @example
 * ```ts
 * INT4_MAX; // 2147483647
 * ```
 */
export const INT4_MAX = 2_147_483_647;

/**
 * Longest accepted value of a `text` column (notes, descriptions, coach notes). PostgreSQL itself
 * allows ~1 GB; the cap keeps one request from storing megabytes of "notes". Conversation turn
 * content has its own, larger cap (`CONVERSATION_CONTENT_MAX_LENGTH`).
 *
 * @example
 * ```ts
 * TEXT_MAX_LENGTH; // 10000
 * ```
 */
export const TEXT_MAX_LENGTH = 10_000;

/**
 * Maximum lengths of the `varchar(n)` columns written through the inputs, by what the input holds.
 * Each is the length of a column in `VARCHAR_LENGTHS`, which `npm run generate:schema-facts` reads
 * from the entity metadata and checks against the migrated schema, so a length is written once,
 * on the entity (and its migration). Lengths count characters (Unicode code points), as
 * PostgreSQL does, not UTF-16 units.
 *
 * Generated rather than read by the entities from here: the entity decorator is where a column is
 * declared, and `src/schemas` must stay free of MikroORM (browser bundles); see
 * docs/architecture.md, "Schema facts are generated". test/unit/schema-facts.test.ts checks the entries.
 *
 * @example
 * ```ts
 * COLUMN_LENGTHS.movementName; // 200
 * ```
 */
export const COLUMN_LENGTHS = Object.freeze({
  userName: VARCHAR_LENGTHS['users.name'],
  email: VARCHAR_LENGTHS['users.email'],
  customName: VARCHAR_LENGTHS['user_enjoyable_activities.custom_name'],
  programName: VARCHAR_LENGTHS['programs.name'],
  movementName: VARCHAR_LENGTHS['movements.name'],
  // The varchar columns holding an enum's semantic value (movements.pattern and the rest).
  enumString: VARCHAR_LENGTHS['movements.pattern'],
  substitutionGroup: VARCHAR_LENGTHS['movements.substitution_group'],
  primaryDiscipline: VARCHAR_LENGTHS['movements.primary_discipline'],
  bodyPart: VARCHAR_LENGTHS['soreness_logs.body_part'],
  contextType: VARCHAR_LENGTHS['conversation_threads.context_type'],
  conversationRole: VARCHAR_LENGTHS['conversation_turns.role'],
  heuristicName: VARCHAR_LENGTHS['heuristic_configs.name'],
  circuitName: VARCHAR_LENGTHS['circuit_templates.name'],
} as const);

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000), which PostgreSQL text cannot store';
/**
 * Half of a UTF-16 surrogate pair. It has no UTF-8 encoding: the driver would store U+FFFD
 * instead of the text given, and PostgreSQL's json input rejects it.
 * @internal
 * @example
 * ```ts
 * LONE_SURROGATE.test('half an emoji: \ud83d'); // true
 * ```
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE_MESSAGE = 'must be well-formed Unicode (it contains half of a surrogate pair, which cannot be stored)';

/** Code points, as PostgreSQL counts a varchar's length (an emoji is 1, not 2). */
function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

function maxCharacters(max: number) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    // Code points never exceed UTF-16 units, so the common short value needs no counting.
    if (value.length <= max) return;
    const count = characterCount(value);
    if (count > max) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: value, message: `must be at most ${max} characters (got ${count})` });
    }
  };
}

/**
 * A `varchar(max)` value: trimmed (leading/trailing whitespace is never meaningful in a name or
 * category), non-empty after trimming, at most `max` characters, no NUL.
 *
 * @example
 * ```ts
 * varcharSchema(100).parse('  Block A  '); // 'Block A'
 * ```
 */
export function varcharSchema(max: number) {
  return z
    .string(E)
    .trim()
    .min(1, E)
    .refine((value) => !value.includes(NUL), NUL_MESSAGE)
    .refine((value) => !LONE_SURROGATE.test(value), SURROGATE_MESSAGE)
    .superRefine(maxCharacters(max));
}

/**
 * A `text` value (notes, descriptions): kept exactly as given (formatting matters in notes), at most
 * `max` characters ({@link TEXT_MAX_LENGTH} by default), no NUL. Empty strings are allowed.
 *
 * @example
 * ```ts
 * textSchema().parse('Felt strong.\nLeft knee ok.');
 * ```
 */
export function textSchema(max: number = TEXT_MAX_LENGTH) {
  return z
    .string(E)
    .refine((value) => !value.includes(NUL), NUL_MESSAGE)
    .refine((value) => !LONE_SURROGATE.test(value), SURROGATE_MESSAGE)
    .superRefine(maxCharacters(max));
}

/**
 * An email address (`users.email`, varchar(255)): trimmed, valid per zod's email rule, <= 255 chars.
 *
 * @example
 * ```ts
 * emailSchema.parse(' ada@example.com '); // 'ada@example.com'
 * ```
 */
export const emailSchema = z.string(E).trim().max(COLUMN_LENGTHS.email, E).pipe(z.email(E));

/**
 * An integer inside an inclusive range (no `max`: up to {@link INT4_MAX}). NaN, Infinity and
 * fractions are rejected, with one issue per value, worded like the domain's range checks.
 *
 * @example
 * ```ts
 * intSchema({ min: 1, max: 10 }).parse(7); // 7
 * ```
 */
export function intSchema(range: IntRange) {
  const max = range.max ?? INT4_MAX;
  // Not z.int(): its "not an integer" issue aborts explicitly, which would stop every cross-field and
  // domain refinement above it from running, so one fractional value would hide all other problems.
  // A plain check, not `superRefine`: that wraps each call in a closure for `addIssue`, on every
  // integer of every input; these issues are complete as pushed.
  return z.number(E).check((payload) => {
    const value = payload.value;
    if (!Number.isInteger(value)) {
      payload.issues.push({ code: 'invalid_type', expected: 'int', input: value, message: 'must be an integer', continue: true });
    } else if (value < range.min) {
      payload.issues.push({ code: 'too_small', origin: 'number', minimum: range.min, inclusive: true, input: value, message: `must be >= ${range.min}`, continue: true });
    } else if (value > max) {
      payload.issues.push({ code: 'too_big', origin: 'number', maximum: max, inclusive: true, input: value, message: `must be <= ${max}`, continue: true });
    }
  });
}

/**
 * A positive integer id (a foreign key such as `movementId`): 1 .. {@link INT4_MAX}.
 *
 * @example
 * ```ts
 * idSchema.parse(42); // 42
 * ```
 */
export const idSchema = intSchema({ min: 1 });

/**
 * A finite number (a `double precision` column) inside an inclusive range; NaN and Infinity are
 * always rejected.
 *
 * @example
 * ```ts
 * numberSchema({ min: 0, max: 24 }).parse(7.5); // 7.5
 * ```
 */
export function numberSchema(range: { readonly min: number; readonly max?: number }) {
  const base = z.number(E).min(range.min, E);
  return range.max === undefined ? base : base.max(range.max, E);
}

/**
 * A boolean; strings such as `'true'` are rejected, not coerced.
 *
 * @example
 * ```ts
 * booleanSchema.parse(true);
 * ```
 */
export const booleanSchema = z.boolean(E);

/**
 * A `date` column value: a real calendar date written `'YYYY-MM-DD'` (`'2026-02-30'` is rejected).
 * Uses the domain's `isIsoDate`, so the schemas and the date helpers agree on what a date is. Date
 * objects are rejected on purpose: turning one into a calendar day depends on a time zone.
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2024-02-29'); // ok (leap year)
 * ```
 */
export const isoDateSchema = z
  .string({ error: (issue) => (issue.input instanceof Date ? "must be a 'YYYY-MM-DD' string, not a Date (a Date's calendar day depends on the time zone)" : gainslyErrorMap(issue)) })
  .refine(isIsoDate, "must be a real calendar date written 'YYYY-MM-DD'");

const ISO_DATETIME = z.iso.datetime({ offset: true, local: true });

/**
 * A `timestamp` value given as a `Date` or an ISO 8601 string, parsed to a new `Date`. A date-only
 * string (`'2026-01-05'`) is UTC midnight, and a date-time without an offset is read as UTC, because
 * the database stores naive UTC timestamps (a local-time reading would shift with the server's zone).
 *
 * @example
 * ```ts
 * timestampSchema.parse('2026-01-05T10:00:00+02:00'); // Date 2026-01-05T08:00:00.000Z
 * ```
 */
export const timestampSchema = z
  .union([z.date(), z.string()], {
    error: (issue) => (issue.input instanceof Date ? 'must be a valid Date (got Invalid Date)' : 'must be a Date or an ISO 8601 date/date-time string'),
  })
  .transform((value, ctx): Date => {
    const parsed = toTimestamp(value);
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', input: value, message: "must be a valid Date or an ISO 8601 string ('2026-01-05' or '2026-01-05T10:00:00Z')" });
      return z.NEVER;
    }
    // Years 1-9999: what ISO 8601 without extensions, Python's datetime (the upstream app) and a
    // naive PostgreSQL timestamp round-trip alike.
    const year = parsed.getUTCFullYear();
    if (year < 1 || year > 9999) {
      ctx.addIssue({ code: 'custom', input: value, message: 'must be between the years 1 and 9999' });
      return z.NEVER;
    }
    return parsed;
  });

function toTimestamp(value: Date | string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime());
  if (isIsoDate(value)) return new Date(`${value}T00:00:00Z`);
  if (!ISO_DATETIME.safeParse(value).success) return undefined;
  const hasOffset = /(?:Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(hasOffset ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A semantic value of one of the library's enums (e.g. `'hard_no'`, never the label `'HARD_NO'`).
 * The message lists the allowed values and, when the input is a database label or differs only in
 * case or type, says which value was meant.
 *
 * @example
 * ```ts
 * enumSchema(ENUMS.MovementRuleType).parse('hard_no'); // 'hard_no'
 * ```
 */
export function enumSchema<V extends string | number>(codec: { readonly name: string; readonly values: readonly V[]; readonly dbValues: readonly string[] }) {
  // z.literal over the values (not z.enum) because PersonaAggression's values are numbers.
  return z.literal(codec.values, { error: (issue) => enumMessage(codec, issue.input) });
}

function enumMessage(codec: { readonly values: readonly (string | number)[]; readonly dbValues: readonly string[] }, input: unknown): string {
  const base = `must be one of ${listAllowed(codec.values)}`;
  if (input === undefined) return 'is required';
  const labelIndex = typeof input === 'string' ? codec.dbValues.indexOf(input) : -1;
  if (labelIndex >= 0) return `${base} ('${String(input)}' is the database label; use ${listAllowed([codec.values[labelIndex]])})`;
  // Only strings and numbers get a "did you mean": String() of other values can throw (an object
  // without a prototype, or whose toString is not a function), which would escape as a TypeError.
  if (typeof input !== 'string' && typeof input !== 'number') return base;
  const near = codec.values.find((v) => String(v).toLowerCase() === String(input).trim().toLowerCase());
  if (near !== undefined) return `${base} (did you mean ${listAllowed([near])}?)`;
  return base;
}

/**
 * A strict object for an input: unknown keys are rejected (a typo such as `notse` is an error, not
 * silently dropped), and the message lists the allowed keys.
 *
 * @example
 * ```ts
 * strictInput({ date: isoDateSchema }).parse({ date: '2026-01-05' });
 * ```
 */
export function strictInput<T extends z.core.$ZodLooseShape>(shape: T, options: { notAnObject?: (input: unknown) => string | undefined } = {}) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length === 1 ? '' : 's'} ${listAllowed(issue.keys)}; allowed keys: ${allowed}`;
      if (issue.code === 'invalid_type' && issue.input !== undefined && options.notAnObject) return options.notAnObject(issue.input) ?? gainslyErrorMap(issue);
      return gainslyErrorMap(issue);
    },
  });
}

/**
 * Refinement options that run a cross-field or domain check even when other fields already failed,
 * so one parse reports everything. The check must then cope with partly invalid values.
 *
 * @example
 * ```ts
 * schema.superRefine(check, RUN_ALWAYS);
 * ```
 */
export const RUN_ALWAYS = Object.freeze({ when: (payload: z.core.ParsePayload) => typeof payload.value === 'object' && payload.value !== null });

function pathKey(path: readonly PropertyKey[] | undefined): string {
  return JSON.stringify((path ?? []).map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)));
}

/**
 * Adds a domain validator's problems to a refinement context, skipping any problem whose path (or an
 * ancestor of it) already has an issue, so a bad field is reported once, by whichever rule saw it first.
 *
 * @example
 * ```ts
 * schema.superRefine((v, ctx) => addDomainProblems(ctx, validateRatings(v)), RUN_ALWAYS);
 * ```
 */
export function addDomainProblems(ctx: z.core.$RefinementCtx<unknown>, problems: readonly ValidationProblem[], prefix: readonly (string | number)[] = []): void {
  const taken = new Set(ctx.issues.map((issue) => pathKey(issue.path)));
  for (const problem of problems) {
    const path = [...prefix, ...problem.path];
    let covered = false;
    for (let length = 0; length <= path.length && !covered; length += 1) {
      // A root-level problem (length 0) is only a duplicate of another root-level one.
      if (length === 0 && path.length > 0) continue;
      covered = taken.has(pathKey(path.slice(0, length)));
    }
    if (covered) continue;
    ctx.addIssue({ code: 'custom', path, message: problem.message, input: problem.received, continue: true });
    taken.add(pathKey(path));
  }
}

/**
 * Whether a partly-parsed object's field holds a usable integer and no issue was raised for it; used by
 * cross-field rules that run with {@link RUN_ALWAYS}.
 *
 * @example
 * ```ts
 * if (validInt(ctx, value, 'repRangeMin') && validInt(ctx, value, 'repRangeMax')) { ... }
 * ```
 */
export function validInt(ctx: z.core.$RefinementCtx<unknown>, value: object, key: string): boolean {
  const field = (value as Record<string, unknown>)[key];
  if (typeof field !== 'number' || !Number.isInteger(field)) return false;
  const own = pathKey([key]);
  return !ctx.issues.some((issue) => pathKey(issue.path) === own);
}
