// Schemas of the JSON columns (docs/data-model.md, "JSON columns"). The database stores them as
// `json` without any check, so these schemas are the only thing between a caller's value and a row
// every reader trusts.
//
// Open blobs (hybrid_definition, json_blob, accepted plans, ...) only have to be JSON: what
// JSON.stringify would write back unchanged. That rules out NaN/Infinity (stringified as null),
// undefined and functions (silently dropped), Dates/Maps/class instances (lossy), cycles, and strings
// with U+0000 (PostgreSQL `jsonb`, which the tag filters cast to, rejects it).
//
// Every JSON column value is also held to a size (JSON_LIMITS.maxBlobBytes / maxBlobElements,
// configurable with configureJsonLimits): the columns have no limit of their own, and a payload of a
// million elements would otherwise be stored and then read back by every list that includes it.
//
// Prototype-pollution keys (`__proto__`, `constructor`, `prototype`) are REJECTED anywhere in a JSON
// object rather than silently dropped: the data usually comes from JSON.parse of a request body, a
// later `Object.assign`/deep merge of such a blob is the classic pollution vector, and dropping keys
// silently would store something other than what the caller sent. Validation never copies or assigns
// into the caller's value, so parsing itself cannot touch Object.prototype; open blobs are returned
// as the same (validated) reference.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS, type StressBucket } from '../enums/index.js';
import { COLUMN_LENGTHS, LONE_SURROGATE, RUN_ALWAYS, enumSchema, intSchema, numberSchema, strictInput, varcharSchema, WITH_MESSAGES as E } from './primitives.js';
import type { BucketStress, DisciplineWeight, JsonObject, JsonValue, SecondaryMuscles, SessionExerciseBlock, SessionFinisherBlock } from './json-types.js';
import { gainslyErrorMap } from './messages.js';
import { FORBIDDEN_JSON_KEYS, JSON_LIMITS, jsonBlobLimits, type JsonBlobLimits } from './json-limits.js';

export { FORBIDDEN_JSON_KEYS, JSON_LIMITS, configureJsonLimits, jsonBlobLimits, type JsonBlobLimits } from './json-limits.js';



interface JsonProblem {
  path: (string | number)[];
  message: string;
  received?: unknown;
}

/**
 * What a walk has counted of a value's size so far. The walk stops as soon as a limit is passed, so
 * a million-element payload is refused after reading the first array header, not after walking it.
 */
interface SizeBudget {
  bytes: number;
  elements: number;
  readonly limits: Readonly<JsonBlobLimits>;
}

/** Thrown inside a walk when the budget is spent; the walk's caller reports it once. */
class BlobTooLarge {
  constructor(readonly message: string) {}
}

function spend(budget: SizeBudget, bytes: number, elements: number): void {
  budget.bytes += bytes;
  budget.elements += elements;
  const { maxBlobBytes, maxBlobElements } = budget.limits;
  if (budget.elements > maxBlobElements) throw new BlobTooLarge(`is too large: more than ${maxBlobElements} array elements and object members (limit maxBlobElements; see configureJsonLimits)`);
  if (budget.bytes > maxBlobBytes) throw new BlobTooLarge(`is too large: more than ${maxBlobBytes} bytes as JSON (limit maxBlobBytes; see configureJsonLimits)`);
}

/** The UTF-8 length of a string as JSON.stringify writes it (quotes and escapes included). */
function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) bytes += 2;
    else if (c < 0x20) bytes += 6; // \u00XX
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += 6; // a lone surrogate is escaped (and refused anyway)
    else bytes += 3;
  }
  return bytes;
}

const FORBIDDEN = new Set(FORBIDDEN_JSON_KEYS);

/**
 * Walks a candidate JSON value and records every way it is not JSON. Never invokes getters. With a
 * budget, also counts the value's size and throws {@link BlobTooLarge} once it passes a limit.
 */
function collectJsonProblems(value: unknown, path: (string | number)[], ancestors: Set<object>, problems: JsonProblem[], budget?: SizeBudget): void {
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000')) problems.push({ path, message: 'must not contain the NUL character (U+0000), which PostgreSQL jsonb cannot store', received: value });
      if (LONE_SURROGATE.test(value)) problems.push({ path, message: 'must be well-formed Unicode (half of a surrogate pair cannot be stored in JSON)', received: value });
      // A string longer than the byte limit cannot fit whatever its characters: no need to count them.
      if (budget) spend(budget, value.length > budget.limits.maxBlobBytes ? value.length : jsonStringBytes(value), 0);
      return;
    case 'number':
      if (!Number.isFinite(value)) problems.push({ path, message: 'must be a finite number (NaN and Infinity are not JSON)', received: value });
      else if (budget) spend(budget, String(value).length, 0);
      return;
    case 'boolean':
      if (budget) spend(budget, value ? 4 : 5, 0);
      return;
    case 'undefined':
      problems.push(path.length === 0 ? { path, message: 'is required' } : { path, message: 'must be a JSON value (undefined is not JSON; omit the key or use null)' });
      return;
    case 'bigint':
      problems.push({ path, message: 'must be a JSON value (a bigint is not JSON; use a number or a string)', received: value });
      return;
    case 'function':
    case 'symbol':
      problems.push({ path, message: `must be a JSON value (got a ${typeof value})`, received: value });
      return;
  }
  if (value === null) {
    if (budget) spend(budget, 4, 0);
    return;
  }
  const object = value as object;
  if (ancestors.has(object)) {
    problems.push({ path, message: 'must not contain a circular reference' });
    return;
  }
  if (ancestors.size >= JSON_LIMITS.maxDepth) {
    problems.push({ path, message: `is nested too deeply (max ${JSON_LIMITS.maxDepth} levels)` });
    return;
  }
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      // Brackets and commas; the length first, so a huge array is refused before it is walked.
      if (budget) spend(budget, 1 + Math.max(object.length, 1), object.length);
      for (let index = 0; index < object.length; index += 1) {
        const descriptor = Object.getOwnPropertyDescriptor(object, index);
        if (descriptor === undefined) problems.push({ path: [...path, index], message: 'must be a JSON value (sparse array hole)' });
        else if (!('value' in descriptor)) problems.push({ path: [...path, index], message: 'must be a plain data value, not a getter' });
        else collectJsonProblems(descriptor.value, [...path, index], ancestors, problems, budget);
      }
      return;
    }
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
      const kind = typeof name === 'string' && name ? name : 'non-plain object';
      const hint = object instanceof Date ? '; store dates as ISO strings' : '';
      problems.push({ path, message: `must be a plain JSON object (got a ${kind}${hint})`, received: value });
      return;
    }
    if (Object.getOwnPropertySymbols(object).length > 0) problems.push({ path, message: 'must not have symbol keys (JSON keys are strings)' });
    const keys = Object.keys(object);
    // Braces and commas, then per member its quoted key and colon (counted before its value).
    if (budget) spend(budget, 1 + Math.max(keys.length, 1), keys.length);
    for (const key of keys) {
      const keyPath = [...path, key];
      if (budget) spend(budget, jsonStringBytes(key) + 1, 0);
      if (FORBIDDEN.has(key)) {
        problems.push({ path: keyPath, message: `forbidden key ${JSON.stringify(key)} (prototype-pollution guard)` });
        continue;
      }
      if (key.includes('\u0000')) problems.push({ path: keyPath, message: 'key must not contain the NUL character (U+0000)' });
      if (LONE_SURROGATE.test(key)) problems.push({ path: keyPath, message: 'key must be well-formed Unicode' });
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor === undefined || !('value' in descriptor)) problems.push({ path: keyPath, message: 'must be a plain data value, not a getter' });
      else collectJsonProblems(descriptor.value, keyPath, ancestors, problems, budget);
    }
  } catch (error) {
    if (error instanceof BlobTooLarge) throw error;
    // Proxies can throw from any introspection; report instead of crashing the parse.
    problems.push({ path, message: 'could not be read as JSON' });
  } finally {
    ancestors.delete(object);
  }
}

function addJsonProblems(ctx: z.core.$RefinementCtx<unknown>, problems: readonly JsonProblem[]): void {
  for (const problem of problems) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: problem.received, continue: true });
  }
}

/**
 * Walks a whole column value against the blob size limits in force: the problems found until then,
 * plus one naming the limit when the value is too large (reported at the value's own path, i.e.
 * the field). The walk stops there, so a huge value costs no more than the limit.
 */
function collectBlobProblems(value: unknown): JsonProblem[] {
  const problems: JsonProblem[] = [];
  try {
    collectJsonProblems(value, [], new Set(), problems, { bytes: 0, elements: 0, limits: jsonBlobLimits() });
  } catch (error) {
    if (!(error instanceof BlobTooLarge)) throw error;
    problems.push({ path: [], message: error.message });
  }
  return problems;
}

/**
 * For a column holding a list of blobs (session sections, circuit exercises) whose items were
 * checked one by one: whether the list as a whole is within the size limits.
 */
function blobSizeOfList(items: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!Array.isArray(items)) return;
  const tooLarge = collectBlobProblems(items).find((problem) => problem.path.length === 0 && problem.message.startsWith('is too large'));
  if (tooLarge) ctx.addIssue({ code: 'custom', path: [], message: tooLarge.message, input: undefined, continue: true });
}

/**
 * Any JSON value in JSON Schema, for z.toJSONSchema (the custom schemas below have none of their
 * own; src/schemas/openapi.ts): one level spelled out, deeper levels any JSON.
 * @internal
 * @example
 * ```ts
 * z.custom<JsonValue>().meta(JSON_VALUE);
 * ```
 */
export const JSON_VALUE = Object.freeze({ type: ['string', 'number', 'boolean', 'null', 'array', 'object'] });

function jsonValue() {
  // z.custom() accepts anything; the walker then reports every problem with its own path.
  return z
    .custom<JsonValue>()
    .superRefine((value, ctx) => {
      addJsonProblems(ctx, collectBlobProblems(value));
    })
    .meta(JSON_VALUE);
}

/** Reports every problem of a would-be JSON object; returns whether it was an object at all. */
function checkJsonObject(value: unknown, ctx: z.core.$RefinementCtx<unknown>): boolean {
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', path: [], message: 'is required', input: undefined });
    return false;
  }
  if (typeof value !== 'object' || value === null || isArraySafe(value)) {
    ctx.addIssue({ code: 'custom', path: [], message: 'must be a JSON object', input: value });
    return false;
  }
  addJsonProblems(ctx, collectBlobProblems(value));
  return true;
}

/** Array.isArray throws on a revoked proxy; treat such a value as "not an array" and let the walk report it. */
function isArraySafe(value: object): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function jsonObject() {
  return z
    .custom<JsonObject>()
    .superRefine((value, ctx) => {
      checkJsonObject(value, ctx);
    })
    .meta({ type: 'object', additionalProperties: JSON_VALUE });
}

/**
 * Reports repeated items of an array. Runs even when some items failed (RUN_ALWAYS), skipping those,
 * so a duplicate is reported together with unrelated item problems. Compares parsed values, so
 * trimmed tags compare trimmed.
 */
function noDuplicates(what: string, field?: string) {
  return (items: readonly unknown[], ctx: z.core.$RefinementCtx<readonly unknown[]>) => {
    if (!Array.isArray(items)) return;
    // An item whose compared value (the item, or its `field`) already failed is not compared.
    const failed = new Set(
      ctx.issues.filter((issue) => issue.path && (issue.path.length === 1 || (field !== undefined && issue.path.length === 2 && issue.path[1] === field))).map((issue) => issue.path![0]),
    );
    const first = new Map<unknown, number>();
    items.forEach((item, index) => {
      if (failed.has(index)) return;
      const key = field === undefined ? item : typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') return;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, index);
      else ctx.addIssue({ code: 'custom', path: field === undefined ? [index] : [index, field], message: `repeats the ${what} at index ${seen}`, input: key, continue: true });
    });
  };
}

/**
 * Any JSON value: string, finite number, boolean, null, array or plain object of JSON values, at most
 * {@link JSON_LIMITS}.maxDepth deep and within the blob size limits ({@link jsonBlobLimits}: 1 MiB
 * as JSON and 100,000 elements by default). Rejects NaN, Infinity, undefined, functions, bigints, symbols,
 * Dates and other class instances, cycles, getters, NUL characters and the {@link FORBIDDEN_JSON_KEYS}.
 * Every problem is reported with its path. The value is returned as is (not copied).
 *
 * @example
 * ```ts
 * jsonValueSchema.parse({ rounds: 5, cues: ['brace'] }); // ok
 * jsonValueSchema.safeParse({ score: NaN }).success;       // false (issue at ['score'])
 * ```
 */
export const jsonValueSchema = jsonValue();

/**
 * A JSON object (not an array or primitive) whose contents pass {@link jsonValueSchema}.
 *
 * @example
 * ```ts
 * jsonObjectSchema.parse({ deload_threshold: 0.05 });
 * jsonObjectSchema.safeParse(JSON.parse('{"__proto__": {"admin": true}}')).success; // false
 * ```
 */
export const jsonObjectSchema = jsonObject();

/**
 * `programs.hybrid_definition`: the free-form description of a custom (hybrid) split; any JSON object.
 *
 * @example
 * ```ts
 * hybridDefinitionSchema.parse({ days: [{ day: 1, focus: 'upper' }, { day: 2, focus: 'run' }] });
 * ```
 */
export const hybridDefinitionSchema = jsonObject();

/**
 * `heuristic_configs.json_blob`: the config payload; any JSON object (its shape is per config name).
 *
 * @example
 * ```ts
 * heuristicJsonBlobSchema.parse({ strength: { rep_range: [1, 6] } });
 * ```
 */
export const heuristicJsonBlobSchema = jsonObject();

/**
 * `conversation_threads.accepted_plan_json`: the snapshot of the plan the user accepted; any JSON object.
 *
 * @example
 * ```ts
 * acceptedPlanJsonSchema.parse({ sessions: [{ day: 1, main: [] }] });
 * ```
 */
export const acceptedPlanJsonSchema = jsonObject();

/**
 * `conversation_turns.structured_response_json`: the assistant's structured payload; any JSON object.
 *
 * @example
 * ```ts
 * structuredResponseJsonSchema.parse({ type: 'plan_proposal', changes: [] });
 * ```
 */
export const structuredResponseJsonSchema = jsonObject();

/**
 * `recovery_signals.raw_payload_json`: the provider's raw payload (Garmin, Whoop, ...); any JSON object.
 *
 * @example
 * ```ts
 * rawPayloadJsonSchema.parse({ provider: 'garmin', hrv: { lastNight: 52 } });
 * ```
 */
export const rawPayloadJsonSchema = jsonObject();

const disciplineWeightSchema = strictInput({
  discipline: varcharSchema(COLUMN_LENGTHS.primaryDiscipline),
  weight: intSchema({ min: 0 }),
});

/**
 * `programs.disciplines_json`: a list of `{ discipline, weight }` with a non-empty discipline name
 * (<= 50 chars, trimmed) and an integer weight >= 0; no other keys, no discipline twice (a reader asks
 * "what is the weight of X?", and two answers would be ambiguous).
 *
 * @example
 * ```ts
 * disciplinesJsonSchema.parse([{ discipline: 'powerlifting', weight: 6 }, { discipline: 'running', weight: 4 }]);
 * ```
 */
export const disciplinesJsonSchema: z.ZodType<DisciplineWeight[], { discipline: string; weight: number }[]> = z
  .array(disciplineWeightSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of { discipline, weight }') })
  .max(JSON_LIMITS.disciplineMaxItems, E)
  .superRefine(noDuplicates('discipline', 'discipline'), RUN_ALWAYS);

// The app's shape, not the library's input rules: these schemas read what any writer stored (the
// upstream generator included), so they check types only, as the app's response models do
// (docs/upstream.md, "Session plans"). Ranges belong to the write inputs.
const anyInt = () =>
  z.number(E).superRefine((value, ctx) => {
    if (!Number.isInteger(value)) ctx.addIssue({ code: 'invalid_type', expected: 'int', input: value, message: 'must be an integer', continue: true });
  });
const optInt = () => anyInt().nullish();
const optNum = () => z.number(E).nullish();
const optStr = () => z.string(E).nullish();

/**
 * The keys a custom block schema checks, as a zod object: its JSON Schema (src/schemas/openapi.ts
 * converts a block schema as its shape).
 * @internal
 * @example
 * ```ts
 * JSON_SHAPES.get(sessionExerciseBlockSchema); // the looseObject of the keys it checks
 * ```
 */
export const JSON_SHAPES = new WeakMap<object, object>();

const exerciseBlockFields = z.looseObject({
  movement: z.string(E),
  movement_id: optInt(),
  sets: optInt(),
  rep_range_min: optInt(),
  rep_range_max: optInt(),
  target_rpe: optNum(),
  target_rir: optInt(),
  duration_seconds: optInt(),
  rest_seconds: optInt(),
  superset_with: optStr(),
  notes: optStr(),
});

/**
 * The keys of an exercise block the upstream app reads, in the order the library writes them.
 *
 * @example
 * ```ts
 * SESSION_EXERCISE_BLOCK_KEYS.includes('target_rpe'); // true ('rpe' is not read by the app)
 * ```
 */
export const SESSION_EXERCISE_BLOCK_KEYS: readonly string[] = Object.freeze(Object.keys(exerciseBlockFields.shape));

/** Runs `fields` on a value already vetted as a JSON object and re-raises its issues not yet reported. */
function checkKnownKeys(fields: z.ZodType, value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  let result: ReturnType<typeof fields.safeParse>;
  try {
    result = fields.safeParse(value, { error: gainslyErrorMap, reportInput: true });
  } catch {
    // A proxy whose traps throw on plain property reads: not data we can store.
    ctx.addIssue({ code: 'custom', path: [], message: 'could not be read as JSON', input: undefined });
    return;
  }
  if (result.success) return;
  // Skip a spot the JSON walk already reported (NaN would otherwise be reported twice).
  const reported = ctx.issues.map((issue) => issue.path ?? []).filter((path) => path.length > 0);
  for (const issue of result.error.issues) {
    if (reported.some((path) => path.every((segment, index) => issue.path[index] === segment))) continue;
    ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom), continue: true });
  }
}

/**
 * One exercise block of a session section as the upstream app reads it: a JSON object with
 * `movement` (a string, required), and when present `movement_id`, `sets`, `rep_range_min`,
 * `rep_range_max`, `target_rpe` (number), `target_rir`, `duration_seconds`, `rest_seconds` (integers),
 * `superset_with` and `notes` (strings), each of them also `null`. Other keys are allowed when they
 * are JSON, and kept: the app ignores them and a writer must not drop them. The value is returned as
 * is (not copied).
 *
 * @example
 * ```ts
 * sessionExerciseBlockSchema.parse({ movement: 'Back Squat', sets: 3, rep_range_min: 5, rep_range_max: 8, target_rpe: 8, tempo: '3-1-1' });
 * sessionExerciseBlockSchema.safeParse({ movement_id: 1, rpe: 8 }).success; // false: no `movement`
 * ```
 */
export const sessionExerciseBlockSchema = z.custom<SessionExerciseBlock>().superRefine((value, ctx) => {
  if (checkJsonObject(value, ctx)) checkKnownKeys(exerciseBlockFields, value, ctx);
});
JSON_SHAPES.set(sessionExerciseBlockSchema, exerciseBlockFields);

/**
 * An exercise section (`sessions.warmup_json`, `main_json`, `accessory_json`, `cooldown_json`; the
 * column may also be SQL `NULL`): an array of {@link sessionExerciseBlockSchema} blocks. The app has
 * no limit; this schema caps an array at {@link JSON_LIMITS}.sectionMaxExercises (100).
 *
 * @example
 * ```ts
 * sessionSectionSchema.parse([{ movement: 'Back Squat', sets: 3, rep_range_min: 5, rep_range_max: 5, target_rpe: 8 }]);
 * ```
 */
export const sessionSectionSchema = z
  .array(sessionExerciseBlockSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of exercise blocks') })
  .max(JSON_LIMITS.sectionMaxExercises, E)
  .superRefine(blobSizeOfList, RUN_ALWAYS);

const finisherBlockFields = z.looseObject({
  type: z.string(E),
  duration_minutes: optInt(),
  rounds: optInt(),
  duration_seconds: optInt(),
  rest_seconds: optInt(),
  exercises: sessionSectionSchema.nullish(),
  notes: optStr(),
});

/**
 * The keys of a finisher block the upstream app reads, in the order the library writes them.
 *
 * @example
 * ```ts
 * SESSION_FINISHER_BLOCK_KEYS.includes('rounds'); // true
 * ```
 */
export const SESSION_FINISHER_BLOCK_KEYS: readonly string[] = Object.freeze(Object.keys(finisherBlockFields.shape));

/**
 * `sessions.finisher_json` as the upstream app reads it: ONE finisher block object (an array makes
 * the app's session response fail), with `type` (a string, required: `'EMOM'`, `'AMRAP'`,
 * `'circuit'`, …), and when present `duration_minutes`, `rounds`, `duration_seconds`, `rest_seconds`
 * (integers), `exercises` (exercise blocks) and `notes`, each of them also `null`. Other keys are
 * allowed and kept.
 *
 * @example
 * ```ts
 * sessionFinisherBlockSchema.parse({ type: 'EMOM', duration_minutes: 10, exercises: [{ movement: 'Burpee', sets: 10 }] });
 * sessionFinisherBlockSchema.safeParse([{ movement: 'Burpee' }]).success; // false: an array
 * ```
 */
export const sessionFinisherBlockSchema = z.custom<SessionFinisherBlock>().superRefine((value, ctx) => {
  if (checkJsonObject(value, ctx)) checkKnownKeys(finisherBlockFields, value, ctx);
});
JSON_SHAPES.set(sessionFinisherBlockSchema, finisherBlockFields);

/**
 * @deprecated Use {@link sessionExerciseBlockSchema}; this is the same schema.
 *
 * @example
 * ```ts
 * sessionSectionExerciseSchema.parse({ movement: 'Back Squat', sets: 3 });
 * ```
 */
export const sessionSectionExerciseSchema = sessionExerciseBlockSchema;

function tagArray() {
  return z
    .array(varcharSchema(JSON_LIMITS.tagMaxLength), { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of strings') })
    .max(JSON_LIMITS.tagMaxItems, E)
    .superRefine(noDuplicates('tag'), RUN_ALWAYS);
}

/**
 * An open tag list (`movements.tags`, `discipline_tags`, `equipment_tags`, `circuit_templates.tags`):
 * up to 100 strings, each trimmed, non-empty and <= 100 chars, no tag twice. Tags are kept as given
 * (no case folding): they are an open categorical space and their spelling is the caller's.
 *
 * @example
 * ```ts
 * tagArraySchema.parse([' barbell ', 'rack']); // ['barbell', 'rack']
 * ```
 */
export const tagArraySchema = tagArray();

/**
 * `sessions.intent_tags`: the session's intents (`'strength'`, `'hypertrophy'`, ...); a tag list.
 *
 * @example
 * ```ts
 * intentTagsSchema.parse(['strength', 'power']);
 * ```
 */
export const intentTagsSchema = tagArray();

/**
 * `workout_logs.feedback_tags`: post-workout feedback (`'too_hard'`, `'boring'`, ...); a tag list.
 *
 * @example
 * ```ts
 * feedbackTagsSchema.parse(['too_hard']);
 * ```
 */
export const feedbackTagsSchema = tagArray();

/**
 * `circuit_templates.exercises_json`: the circuit's structure, an array of up to 200 JSON values
 * (usually objects with movement, reps, distance ...); each element must be JSON.
 *
 * @example
 * ```ts
 * exercisesJsonSchema.parse([{ movement: 'Echo bike', reps: 7, metric_type: 'calories' }]);
 * ```
 */
export const exercisesJsonSchema = z
  .array(jsonValueSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of JSON values') })
  .max(JSON_LIMITS.circuitMaxExercises, E)
  .superRefine(blobSizeOfList, RUN_ALWAYS);

// Built from the enum so a new StressBucket value is accepted without touching this file.
const bucketStressShape = Object.fromEntries(ENUMS.StressBucket.values.map((bucket) => [bucket, numberSchema({ min: 0 }).optional()])) as {
  [K in StressBucket]: z.ZodOptional<z.ZodNumber>;
};

/**
 * `circuit_templates.bucket_stress`: StressBucket value → intensity. Keys must be StressBucket values
 * (`strength`, `conditioning`, `impact_upper`, `impact_lower`, `cns`); values finite numbers >= 0.
 *
 * @example
 * ```ts
 * bucketStressSchema.parse({ strength: 5, conditioning: 3 });
 * ```
 */
export const bucketStressSchema: z.ZodType<BucketStress, BucketStress> = strictInput(bucketStressShape);

/**
 * `movements.secondary_muscles`: PrimaryMuscle values (semantic, e.g. `'upper_back'`), no repeats.
 *
 * @example
 * ```ts
 * secondaryMusclesSchema.parse(['glutes', 'hamstrings', 'core']);
 * ```
 */
export const secondaryMusclesSchema: z.ZodType<SecondaryMuscles, SecondaryMuscles> = z
  .array(enumSchema(ENUMS.PrimaryMuscle), { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of PrimaryMuscle values') })
  .max(ENUMS.PrimaryMuscle.values.length, E)
  .superRefine(noDuplicates('muscle'), RUN_ALWAYS);

/**
 * `movements.coaching_cues`: up to 50 short instructions, each trimmed, non-empty and <= 1000 chars.
 *
 * @example
 * ```ts
 * coachingCuesSchema.parse(['Brace before you descend', 'Knees track over toes']);
 * ```
 */
export const coachingCuesSchema = z
  .array(varcharSchema(JSON_LIMITS.coachingCueMaxLength), { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of strings') })
  .max(JSON_LIMITS.coachingCueMaxItems, E);
