// The schemas as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), for consumers that are not
// TypeScript: the upstream Python app, a mobile client, an OpenAPI generator (docs/rows.md).
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { JSON_SHAPES, JSON_VALUE } from './json-blobs.js';
import { INPUT_SCHEMAS } from './inputs/registry.js';
import {
  cursorArgumentSchema,
  dateRangeSchema,
  dateWindowSchema,
  datedRowsOptionsSchema,
  e1rmHistoryTargetSchema,
  idArgumentSchema,
  movementRuleListOptionsSchema,
  patternStrengthOptionsSchema,
  patternTrendOptionsSchema,
  plainListOptionsSchema,
  programIncludeOptionsSchema,
  programListOptionsSchema,
  threadListOptionsSchema,
  topSetListOptionsSchema,
  userMovementSearchSchema,
  workoutListOptionsSchema,
} from './inputs/arguments.js';
import { ROW_SCHEMAS } from './rows/registry.js';
import {
  conversationThreadDetailRowSchema,
  profileRowSchema,
  programWithMicrocyclesRowSchema,
  sessionDetailRowSchema,
  userMovementRuleWithMovementRowSchema,
  workoutLogDetailRowSchema,
  workoutLogWithTopSetsRowSchema,
} from './rows/details.js';
import {
  bodyPartSorenessSchema,
  deloadSignalSchema,
  e1rmPointSchema,
  loggedWorkoutSchema,
  microcycleAdvanceSchema,
  microcycleViewSchema,
  patternStrengthSchema,
  patternTrendsSchema,
  recoveryAveragesSchema,
} from './rows/read-models.js';
import { movementRowSchema } from './rows/movements.js';
import { pageSchema } from './rows/registry.js';
import { problemSchema } from './problem-schema.js';

/**
 * A JSON Schema document, as `z.toJSONSchema` returns it.
 * @example
 * ```ts
 * const schema: JsonSchema = toJsonSchema(workoutLogRowSchema, { io: 'output' });
 * ```
 */
export type JsonSchema = Record<string, unknown>;

/**
 * Fills in what zod cannot say by itself: a `Date` accepted beside a string is an ISO date-time on
 * the wire, and a block checked by a custom schema has the JSON Schema of the keys it checks.
 */
function override(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }, io: 'input' | 'output'): void {
  if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
  // A loose object's other keys (kept JSON keys of a block, options other versions know) are JSON values.
  const extra = ctx.jsonSchema.additionalProperties;
  if (typeof extra === 'object' && Object.keys(extra).length === 0) ctx.jsonSchema.additionalProperties = { ...JSON_VALUE } as z.core.JSONSchema.JSONSchema;
  const shape = JSON_SHAPES.get(ctx.zodSchema);
  if (shape) {
    const converted = toJsonSchema(shape as z.ZodType, { io });
    delete converted.$schema;
    Object.assign(ctx.jsonSchema, converted);
  }
}

/**
 * One of the library's schemas as JSON Schema (draft 2020-12): `io: 'input'` (default) describes
 * what the schema accepts (write inputs, query options), `'output'` what it produces (the wire rows).
 * Every exported schema converts, JSON columns included.
 * @example
 * ```ts
 * const json = toJsonSchema(logWorkoutInputSchema);
 * json.required; // ['date', 'topSets']
 * ```
 */
export function toJsonSchema(schema: z.ZodType, options: { io?: 'input' | 'output' | undefined } = {}): JsonSchema {
  const io = options.io ?? 'input';
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', override: (ctx) => override(ctx, io) }) as JsonSchema;
}

/** The query and argument schemas of the reads, by the component name they get. */
const QUERY_SCHEMAS = {
  Id: idArgumentSchema,
  Cursor: cursorArgumentSchema,
  DateRange: dateRangeSchema,
  DateWindow: dateWindowSchema,
  ProgramListOptions: programListOptionsSchema,
  ProgramIncludeOptions: programIncludeOptionsSchema,
  WorkoutListOptions: workoutListOptionsSchema,
  DatedListOptions: datedRowsOptionsSchema,
  ListOptions: plainListOptionsSchema,
  MovementRuleListOptions: movementRuleListOptionsSchema,
  ThreadListOptions: threadListOptionsSchema,
  TopSetListOptions: topSetListOptionsSchema,
  MovementSearch: userMovementSearchSchema,
  E1rmHistoryTarget: e1rmHistoryTargetSchema,
  PatternStrengthOptions: patternStrengthOptionsSchema,
  PatternTrendOptions: patternTrendOptionsSchema,
} as const;

/** The wire forms of the reads that nest rows, by the component name they get. */
const DETAIL_SCHEMAS = {
  ProfileRow: profileRowSchema,
  WorkoutLogDetailRow: workoutLogDetailRowSchema,
  WorkoutLogWithTopSetsRow: workoutLogWithTopSetsRowSchema,
  ProgramWithMicrocyclesRow: programWithMicrocyclesRowSchema,
  SessionDetailRow: sessionDetailRowSchema,
  ConversationThreadDetailRow: conversationThreadDetailRowSchema,
  UserMovementRuleWithMovementRow: userMovementRuleWithMovementRowSchema,
} as const;

/** The wire forms of the read models and workflow results that are not a table's rows. */
const READ_MODEL_SCHEMAS = {
  MicrocycleView: microcycleViewSchema,
  MicrocycleAdvance: microcycleAdvanceSchema,
  LoggedWorkout: loggedWorkoutSchema,
  PatternStrength: patternStrengthSchema,
  PatternTrends: patternTrendsSchema,
  DeloadSignal: deloadSignalSchema,
  E1rmPoint: e1rmPointSchema,
  BodyPartSoreness: bodyPartSorenessSchema,
  RecoveryAverages: recoveryAveragesSchema,
  MovementPage: pageSchema(movementRowSchema),
} as const;

/** `users` → `UserRow`, `user_settings` → `UserSettingsRow`, `movements` → `MovementRow`. */
function rowName(table: string): string {
  const singular = table === 'user_settings' ? table : table.replace(/ies$/, 'y').replace(/s$/, '');
  return `${singular.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Row`;
}

/**
 * The whole contract as OpenAPI 3.1 components: every write input (`CreateUserInput`, …), every
 * read option (`WorkoutListOptions`, …), every table's wire row (`WorkoutLogRow`, …, timestamps as
 * ISO strings), the nested reads and read models (`MicrocycleView`, `LoggedWorkout`, `PatternStrength`,
 * …) and the error body (`Problem`, RFC 9457). Merge it into a service's document, or
 * write it to a file and generate a client from it.
 * @example
 * ```ts
 * const document = { openapi: '3.1.0', info: { title: 'My API', version: '1' }, paths: {}, components: openApiComponents() };
 * writeFileSync('openapi.json', JSON.stringify(document, null, 2));
 * ```
 */
export function openApiComponents(): { schemas: Record<string, JsonSchema> } {
  const schemas: Record<string, JsonSchema> = {};
  const add = (name: string, schema: z.ZodType, io: 'input' | 'output') => {
    const json = toJsonSchema(schema, { io });
    // A component is a schema object inside the document, which states its dialect once.
    delete json.$schema;
    schemas[name] = json;
  };
  for (const [name, schema] of Object.entries(INPUT_SCHEMAS)) add(name, schema as z.ZodType, 'input');
  for (const [name, schema] of Object.entries(QUERY_SCHEMAS)) add(name, schema as z.ZodType, 'input');
  for (const [table, schema] of Object.entries(ROW_SCHEMAS)) add(rowName(table), schema, 'output');
  for (const [name, schema] of Object.entries(DETAIL_SCHEMAS)) add(name, schema, 'output');
  for (const [name, schema] of Object.entries(READ_MODEL_SCHEMAS)) add(name, schema, 'output');
  add('Problem', problemSchema, 'output');
  return { schemas };
}

/** What a query-string value becomes, by the JSON Schema type its key declares. */
function coerceQueryValue(value: unknown, declared: JsonSchema | undefined): unknown {
  const types = new Set<unknown>();
  const collect = (schema: unknown) => {
    if (typeof schema !== 'object' || schema === null) return;
    const { type, anyOf } = schema as { type?: unknown; anyOf?: unknown };
    for (const t of Array.isArray(type) ? type : [type]) types.add(t);
    if (Array.isArray(anyOf)) anyOf.forEach(collect);
  };
  collect(declared);
  if (types.has('array')) return Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value;
  const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof one !== 'string') return one;
  // Only a plain decimal becomes a number: '', ' 7', '1e3' and '0x10' stay strings, and the schema says why.
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(one)) return Number(one);
  if (types.has('boolean') && (one === 'true' || one === 'false')) return one === 'true';
  return one;
}

/**
 * An options schema for a query string: each value arrives as a string (or a list of strings for a
 * repeated key), so a key the schema declares a number (`limit=20`) becomes one, a boolean
 * (`ownOnly=true`) likewise, and a list (`include=topSets` or `include=a,b`) an array; then the
 * schema itself validates, with the same messages. The types come from the schema's own JSON
 * Schema, so there is no second list of keys to keep in step.
 * @example
 * ```ts
 * const query = fromQueryString(workoutListOptionsSchema);
 * query.parse({ from: '2026-01-01', limit: '20', include: 'topSets' }); // { from: '2026-01-01', limit: 20, include: ['topSets'] }
 * ```
 */
export function fromQueryString<S extends z.ZodType>(schema: S) {
  let properties: Record<string, JsonSchema> | undefined;
  return z.preprocess((query) => {
    if (typeof query !== 'object' || query === null || Array.isArray(query)) return query;
    properties ??= (toJsonSchema(schema).properties ?? {}) as Record<string, JsonSchema>;
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(query)) options[key] = Object.hasOwn(properties, key) ? coerceQueryValue(value, properties[key]) : value;
    return options;
  }, schema);
}
