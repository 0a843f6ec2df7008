import { open, type FileHandle } from 'node:fs/promises';
import { JSONParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import type * as z from 'zod';
import { ENUMS } from '../enums/index.js';
import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../orm/errors.js';
import {
  circuitTemplateInputSchema,
  formatIssuePath,
  GainslyValidationError,
  heuristicConfigInputSchema,
  movementInputSchema,
  parseInput,
  type ValidationIssue,
} from '../schemas/index.js';
import type { SqlRunner } from './catalog.js';
import { emRunner, qualified, quoteIdent, schemaOf, toEm, toNumber, type OrmOrEm } from './sql.js';
import { circuitTypeFromText, normaliseEnumValue, normaliseTags } from './values.js';

/**
 * Where to import from: a path to a JSON file (string or `file:` URL; UTF-8, a byte-order mark is
 * accepted; streamed, so its size does not matter), or the already parsed JSON
 * (`{ movements: [...] }`, `{ configs: [...] }` or a plain array of records).
 *
 * @example
 * ```ts
 * const source: ImportSource = './seed_data/movements.json';
 * ```
 */
export type ImportSource = string | URL | { readonly [key: string]: unknown } | readonly unknown[];

/**
 * Options of {@link importMovements}, {@link importCircuits} and {@link importHeuristicConfigs}.
 *
 * @example
 * ```ts
 * await importMovements(orm, 'movements.json', { skipInvalid: true, onProgress: (done, total) => bar.update(done, { total }) });
 * ```
 */
export interface ImportOptions {
  /**
   * `false` (default): one invalid record rejects the whole file; a `GainslyValidationError` lists
   * every problem (record index and field) and nothing is written. `true`: valid records are
   * written and invalid ones reported in `skipped`.
   */
  skipInvalid?: boolean;
  /** Called with (records written, records to write) before the first batch and after each one. */
  onProgress?: (done: number, total: number) => void;
  /** Records per SQL statement. Default 1000. */
  batchSize?: number;
  /** Validate and run everything, then roll back: the report says what would happen. */
  dryRun?: boolean;
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
}

/**
 * A record that was not written, and why.
 *
 * @example
 * ```ts
 * const skip: ImportSkip = { index: 52, name: 'CrossFit Thursday 251218', reason: 'no exercises (a rest day or an article, not a workout)' };
 * ```
 */
export interface ImportSkip {
  /** Position of the record in the file's array (0-based). */
  index: number;
  name?: string;
  reason: string;
  /** The first offending field, relative to the record (`pattern`, `metadata.rounds`). */
  path?: string;
}

/**
 * What an import did. `inserted + updated + unchanged + skipped.length === total`.
 *
 * @example
 * ```ts
 * const { inserted, updated, unchanged, skipped } = await importMovements(orm, 'movements.json');
 * ```
 */
export interface ImportReport {
  /** The file name, when imported from a file. */
  file?: string;
  table: string;
  /** Records in the file. */
  total: number;
  inserted: number;
  updated: number;
  /** Records whose row already held exactly these values. */
  unchanged: number;
  skipped: ImportSkip[];
  dryRun: boolean;
  /**
   * SQL statements sent inside the import's transaction: the lock, the column check and the staging
   * table, one statement per batch to stage the records and one per batch to write them, and one to
   * set aside the records a later one supersedes.
   */
  statements: number;
}

/**
 * The import could not start: the file cannot be read, or the database lacks a column the import
 * writes (an upstream database not yet adopted). Invalid records raise `GainslyValidationError`.
 *
 * @example
 * ```ts
 * try { await importMovements(orm, 'missing.json'); } catch (e) { if (e instanceof GainslyImportError) console.error(e.message); }
 * ```
 */
export class GainslyImportError extends GainslyError {
  override readonly name: string = 'GainslyImportError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.IMPORT;
}

/**
 * Loads movements shaped like upstream's `seed_data/movements.json` (`{ "movements": [...] }` or a
 * plain array; snake_case keys as in the file, or the camelCase keys of `MovementInput`) into
 * `movements`, as system movements (no owner).
 *
 * Each record is normalised, then validated with `movementInputSchema`: enum-backed fields in the
 * wrong case or spacing become the enum value (`'Squat'` -> `'squat'`, `'anterior_lower'` ->
 * `'anterior lower'`); tag lists are trimmed, lower-cased and de-duplicated. Idempotent by name (the
 * unique `ix_movements_name`): a new name is inserted, an existing one updated with the fields the
 * record has (fields it lacks keep their stored value), and re-running changes nothing. A name held
 * by a user-defined movement is skipped. Later records with the same name supersede earlier ones.
 *
 * One transaction per file, multi-row statements (one per `batchSize` records). A file is streamed:
 * records are read, validated and staged a batch at a time, so memory stays flat whatever its size
 * (a 1,000,000-record file needs about 150 MB of resident memory; the whole file is never held).
 *
 * @throws {GainslyValidationError} a record is invalid (each issue's path is `[index, field]`, or
 *   `['movements', index, field]` for the wrapped form) and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read, or the database lacks `movements.tags` (run `adopt`)
 * @example
 * ```ts
 * const report = await importMovements(orm, '../shared/fixtures/upstream-seed-data/movements.json');
 * console.log(`${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`);
 * ```
 */
export async function importMovements(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, MOVEMENTS);
}

/**
 * Loads circuit templates: upstream's scraped workouts (`seed_data/scraped_circuits.json`: a list of
 * `{ name, circuit_type, description, exercises, metadata, ... }`) or records shaped like
 * `circuit_templates` rows (`{ circuits: [...] }` or a plain array).
 *
 * Free-text circuit types are mapped to CircuitType values (`"For Time"`, `"Rounds For Time"`,
 * `"rounds_for_time"` -> `rounds_for_time`; `"EMOM"` -> `emom`; `"AMRAP"` -> `amrap`; `"ladder"` ->
 * `ladder`); a record with an unknown type, or without exercises (a rest day), is skipped with the
 * reason. For scraped records: `exercises` -> `exercises_json` (kept as scraped),
 * `metadata.rounds` -> `default_rounds`, `metadata.time_cap` (`"20 min"`) -> `default_duration_seconds`,
 * `metadata.interval_notes` is appended to the description, the description's leading `":"` is
 * trimmed, tags are `scraped` (+ `crossfit` for CrossFit workouts) unless the record has its own,
 * and `bucket_stress` stays `{}` (the scrape has no stress data). Tags are lower-cased.
 *
 * Circuit names are not unique in the database, so "idempotent by name" means: update the
 * existing circuit with that name (the lowest id), else insert. Repeated names in one file: the
 * last record wins, earlier ones are reported as skipped.
 *
 * @throws {GainslyValidationError} a record is invalid and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read
 * @example
 * ```ts
 * const report = await importCircuits(orm, 'scraped_circuits.json');
 * report.skipped.map((s) => `#${s.index}: ${s.reason}`);
 * ```
 */
export async function importCircuits(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, CIRCUITS);
}

/**
 * Loads heuristic configs shaped like upstream's `seed_data/heuristic_configs.json`
 * (`{ "configs": [{ name, version, description, json_blob, active }] }` or a plain array),
 * validated with `heuristicConfigInputSchema`. Idempotent by (name, version): an existing version
 * is updated, a new one inserted. `active` is stored as given (switch versions with
 * `HeuristicConfigRepository.activate`).
 *
 * @throws {GainslyValidationError} a record is invalid and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read
 * @example
 * ```ts
 * const report = await importHeuristicConfigs(orm, 'heuristic_configs.json');
 * report.inserted; // 10 on an empty table
 * ```
 */
export async function importHeuristicConfigs(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, HEURISTIC_CONFIGS);
}

// ---------------------------------------------------------------------------------------------
// What each import writes.

type ColumnType = 'text' | 'integer' | 'boolean' | 'json';

interface TargetColumn {
  column: string;
  type: ColumnType;
  /** PostgreSQL enum type the value (a label) is cast to. */
  enumType?: string;
  /** Value written on insert when the record does not have the field. */
  default: unknown;
}

/** A record ready to write: values by column, and the columns the record actually had. */
interface Prepared {
  key: string;
  name?: string;
  values: Record<string, unknown>;
  present: string[];
}

type PrepareResult =
  | { kind: 'ok'; row: Prepared }
  | { kind: 'invalid'; name?: string; issues: ValidationIssue[] }
  | { kind: 'skip'; name?: string; reason: string; path?: string };

interface ImportKind {
  /** For messages: `movements`. */
  label: string;
  table: string;
  /** The key of the wrapped form, `{ movements: [...] }`. */
  wrapper: string;
  key: readonly string[];
  columns: readonly TargetColumn[];
  /** Rows whose key is owned by a user are skipped (movements.user_id). */
  ownerColumn?: string;
  insertOnly?: readonly { column: string; sql: string }[];
  prepare(record: unknown, index: number): PrepareResult;
}

const MOVEMENT_ENUM_FIELDS = {
  pattern: ENUMS.MovementPattern,
  primaryMuscle: ENUMS.PrimaryMuscle,
  primaryRegion: ENUMS.PrimaryRegion,
  cnsLoad: ENUMS.CNSLoad,
  skillLevel: ENUMS.SkillLevel,
  metricType: ENUMS.MetricType,
} as const;
const MOVEMENT_TAG_FIELDS = ['disciplineTags', 'equipmentTags', 'tags'] as const;

const MOVEMENTS: ImportKind = {
  label: 'movements',
  table: 'movements',
  wrapper: 'movements',
  key: ['name'],
  ownerColumn: 'user_id',
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'pattern', type: 'text', default: null },
    { column: 'primary_muscle', type: 'text', default: null },
    { column: 'primary_region', type: 'text', default: null },
    { column: 'secondary_muscles', type: 'json', default: [] },
    { column: 'cns_load', type: 'text', default: 'moderate' },
    { column: 'skill_level', type: 'text', default: 'intermediate' },
    { column: 'compound', type: 'boolean', default: true },
    { column: 'is_complex_lift', type: 'boolean', default: false },
    { column: 'is_unilateral', type: 'boolean', default: false },
    { column: 'metric_type', type: 'text', default: 'reps' },
    { column: 'discipline_tags', type: 'json', default: [] },
    { column: 'equipment_tags', type: 'json', default: [] },
    { column: 'description', type: 'text', default: null },
    { column: 'coaching_cues', type: 'json', default: [] },
    { column: 'substitution_group', type: 'text', default: null },
    { column: 'primary_discipline', type: 'text', default: 'All' },
    { column: 'tags', type: 'json', default: [] },
  ],
  prepare(record) {
    const input = camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const { data, origin } = input;
    for (const [field, codec] of Object.entries(MOVEMENT_ENUM_FIELDS)) if (field in data) data[field] = normaliseEnumValue(codec, data[field]);
    if (Array.isArray(data.secondaryMuscles)) data.secondaryMuscles = data.secondaryMuscles.map((m) => normaliseEnumValue(ENUMS.PrimaryMuscle, m));
    for (const field of MOVEMENT_TAG_FIELDS) if (field in data) data[field] = normaliseTags(data[field]);
    const parsed = validate(movementInputSchema, data, origin);
    if (!parsed.ok) return { kind: 'invalid', ...nameOf(data), issues: parsed.issues };
    const m = parsed.value;
    return ok([m.name], m.name, {
      name: m.name,
      pattern: m.pattern,
      primary_muscle: m.primaryMuscle,
      primary_region: m.primaryRegion,
      secondary_muscles: m.secondaryMuscles,
      cns_load: m.cnsLoad,
      skill_level: m.skillLevel,
      compound: m.compound,
      is_complex_lift: m.isComplexLift,
      is_unilateral: m.isUnilateral,
      metric_type: m.metricType,
      discipline_tags: m.disciplineTags,
      equipment_tags: m.equipmentTags,
      description: m.description,
      coaching_cues: m.coachingCues,
      substitution_group: m.substitutionGroup,
      primary_discipline: m.primaryDiscipline,
      tags: m.tags,
    });
  },
};

/** Keys of upstream's scraped circuit records. */
const SCRAPED_KEYS = new Set(['name', 'circuit_type', 'description', 'exercises', 'metadata', 'raw_workout', 'date_header', 'tags', 'bucket_stress', 'difficulty_tier']);

const CIRCUITS: ImportKind = {
  label: 'circuits',
  table: 'circuit_templates',
  wrapper: 'circuits',
  key: ['name'],
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'description', type: 'text', default: null },
    { column: 'circuit_type', type: 'text', enumType: 'circuittype', default: null },
    { column: 'exercises_json', type: 'json', default: [] },
    { column: 'default_rounds', type: 'integer', default: null },
    { column: 'default_duration_seconds', type: 'integer', default: null },
    { column: 'bucket_stress', type: 'json', default: {} },
    { column: 'tags', type: 'json', default: [] },
    { column: 'difficulty_tier', type: 'integer', default: 1 },
  ],
  prepare(record) {
    const input = isScraped(record) ? scrapedCircuitInput(record) : camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const { data, origin } = input;
    const name = nameOf(data);
    if ('circuitType' in data) {
      const type = circuitTypeFromText(data.circuitType);
      if (type === undefined && typeof data.circuitType === 'string') {
        return { kind: 'skip', ...name, reason: `unknown circuit type ${JSON.stringify(data.circuitType)} (expected one of ${ENUMS.CircuitType.values.join(', ')}, or For Time / Rounds For Time / EMOM / AMRAP / ladder)`, path: pathOf(origin, 'circuitType') };
      }
      if (type !== undefined) data.circuitType = type;
    }
    if (Array.isArray(data.exercisesJson) && data.exercisesJson.length === 0) {
      return { kind: 'skip', ...name, reason: 'no exercises (a rest day or an article, not a workout)', path: pathOf(origin, 'exercisesJson') };
    }
    if ('tags' in data) data.tags = normaliseTags(data.tags);
    const parsed = validate(circuitTemplateInputSchema, data, origin);
    if (!parsed.ok) return { kind: 'invalid', ...name, issues: parsed.issues };
    const c = parsed.value;
    return ok([c.name], c.name, {
      name: c.name,
      description: c.description,
      circuit_type: ENUMS.CircuitType.toDb(c.circuitType),
      exercises_json: c.exercisesJson,
      default_rounds: c.defaultRounds,
      default_duration_seconds: c.defaultDurationSeconds,
      bucket_stress: c.bucketStress,
      tags: c.tags,
      difficulty_tier: c.difficultyTier,
    });
  },
};

const HEURISTIC_CONFIGS: ImportKind = {
  label: 'heuristic configs',
  table: 'heuristic_configs',
  wrapper: 'configs',
  key: ['name', 'version'],
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'version', type: 'integer', default: null },
    { column: 'json_blob', type: 'json', default: null },
    { column: 'description', type: 'text', default: null },
    { column: 'active', type: 'boolean', default: false },
  ],
  insertOnly: [{ column: 'created_at', sql: "timezone('utc'::text, now())" }],
  prepare(record) {
    const input = camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const parsed = validate(heuristicConfigInputSchema, input.data, input.origin);
    if (!parsed.ok) return { kind: 'invalid', ...nameOf(input.data), issues: parsed.issues };
    const h = parsed.value;
    return ok([h.name, h.version], `${h.name} v${h.version}`, {
      name: h.name,
      version: h.version,
      json_blob: h.jsonBlob,
      description: h.description,
      active: h.active,
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Record helpers.

type Origin = Map<string, (string | number)[]>;

/** The record with camelCase keys, and where each key came from (for error paths). */
function camelRecord(record: unknown): { data: Record<string, unknown>; origin: Origin } | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const data: Record<string, unknown> = {};
  const origin: Origin = new Map();
  for (const [key, value] of Object.entries(record)) {
    const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    data[camel] = value;
    origin.set(camel, [key]);
  }
  return { data, origin };
}

function isScraped(record: unknown): record is Record<string, unknown> {
  return typeof record === 'object' && record !== null && !Array.isArray(record) && ('exercises' in record || 'raw_workout' in record || 'metadata' in record);
}

/** Upstream's scraped workout -> a CircuitTemplateInput-shaped object. */
function scrapedCircuitInput(record: Record<string, unknown>): { data: Record<string, unknown>; origin: Origin } {
  const data: Record<string, unknown> = {};
  const origin: Origin = new Map();
  const set = (field: string, value: unknown, from: (string | number)[]) => {
    if (value === undefined) return;
    data[field] = value;
    origin.set(field, from);
  };
  for (const key of Object.keys(record)) {
    if (!SCRAPED_KEYS.has(key)) set(key, record[key], [key]); // unknown key: the strict schema reports it
  }
  const metadata = typeof record.metadata === 'object' && record.metadata !== null ? (record.metadata as Record<string, unknown>) : {};
  set('name', record.name, ['name']);
  set('circuitType', record.circuit_type, ['circuit_type']);
  set('exercisesJson', record.exercises, ['exercises']);
  const description = [cleanDescription(record.description), typeof metadata.interval_notes === 'string' ? metadata.interval_notes.trim() : '']
    .filter((part) => part !== '')
    .join('\n\n');
  if (description !== '') set('description', description, ['description']);
  else if (record.description != null && typeof record.description !== 'string') set('description', record.description, ['description']); // reported by the schema
  else if ('description' in record) set('description', null, ['description']);
  if (metadata.rounds != null) set('defaultRounds', metadata.rounds, ['metadata', 'rounds']);
  const duration = parseDurationSeconds(metadata.time_cap);
  if (duration !== undefined) set('defaultDurationSeconds', duration, ['metadata', 'time_cap']);
  const name = typeof record.name === 'string' ? record.name : '';
  set('tags', record.tags ?? ['scraped', ...(/crossfit/i.test(name) ? ['crossfit'] : [])], ['tags']);
  set('bucketStress', record.bucket_stress, ['bucket_stress']);
  set('difficultyTier', record.difficulty_tier, ['difficulty_tier']);
  return { data, origin };
}

/** Scraped descriptions start with the ":" that followed a heading; trim it and surrounding blank lines. */
function cleanDescription(value: unknown): string {
  return typeof value === 'string' ? value.replace(/^[\s:]+/, '').trim() : '';
}

/** `"20 min"`, `"90 sec"`, `"1 hour"`, `"12:30"` -> seconds; anything else -> undefined. */
function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.startsWith('h') ? 3600 : m[2]!.startsWith('m') ? 60 : 1;
  const seconds = Math.round(n * unit);
  return seconds > 0 ? seconds : undefined;
}

function nameOf(data: Record<string, unknown>): { name?: string } {
  return typeof data.name === 'string' && data.name.trim() !== '' ? { name: data.name.trim() } : {};
}

function pathOf(origin: Origin, field: string): string {
  return formatIssuePath(origin.get(field) ?? [field]);
}

function validate<S extends z.ZodType>(schema: S, data: Record<string, unknown>, origin: Origin): { ok: true; value: z.output<S> } | { ok: false; issues: ValidationIssue[] } {
  try {
    return { ok: true, value: parseInput(schema, data) };
  } catch (error) {
    if (!(error instanceof GainslyValidationError)) throw error;
    const issues = error.issues.map((issue) => {
      const [head, ...rest] = issue.path;
      const mapped = typeof head === 'string' && origin.has(head) ? [...origin.get(head)!, ...rest] : [...issue.path];
      return { ...issue, path: mapped };
    });
    return { ok: false, issues };
  }
}

function ok(key: unknown[], name: string, values: Record<string, unknown>): PrepareResult {
  const present = Object.keys(values).filter((column) => values[column] !== undefined);
  return { kind: 'ok', row: { key: JSON.stringify(key), name, values, present } };
}

// ---------------------------------------------------------------------------------------------
// Loading and writing.
//
// Files are streamed: read in chunks, parsed by a streaming JSON parser that hands over one record
// at a time, validated and staged in batches, so memory stays flat whatever the file's size (a
// 1,000,000-record file took 1.3 GB when it was parsed whole). What needed the whole file before,
// "the last record with a key wins, earlier ones are reported", is done by PostgreSQL: records go
// to a temporary staging table in the import's transaction, one statement deletes the superseded
// ones (returning them for the report), and the winners are upserted from it batch by batch. The
// transaction is still one per file: an invalid record (without skipInvalid), a syntax error at the
// end of the file or any failure rolls everything back, so nothing is written.

/** Chunks read from a file; the parser holds at most one incomplete record besides. */
const READ_CHUNK_BYTES = 256 * 1024;
/** Validation issues kept for the error; the rest are counted (a file of a million bad records must not make a million issues). */
const MAX_ISSUES = 1_000;
/** UTF-8 byte-order mark, which editors on Windows write and JSON.parse rejects. */
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Where an import reads its records from. */
interface RecordSource {
  /** The file name, when reading a file. */
  file?: string;
  /** The path prefix of the records' issues: `[]` for an array, `['movements']` for the wrapped form. */
  prefix(): (string | number)[];
  /** The records, in order. Throws GainslyValidationError for a file that is not JSON or not the expected shape. */
  records(): AsyncIterable<unknown>;
}

function notTheExpectedShape(kind: ImportKind, inputName: string, received?: unknown): GainslyValidationError {
  return new GainslyValidationError([{ path: [], message: `must be an array of ${kind.label} or { "${kind.wrapper}": [...] }`, ...(received === undefined ? {} : { received }) }], inputName);
}

/** An already parsed source: the array, or the wrapped array, as given. */
function valueSource(data: unknown, kind: ImportKind): RecordSource {
  let records: readonly unknown[];
  let prefix: (string | number)[] = [];
  if (Array.isArray(data)) records = data;
  else if (typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)[kind.wrapper])) {
    records = (data as Record<string, unknown[]>)[kind.wrapper]!;
    prefix = [kind.wrapper];
  } else throw notTheExpectedShape(kind, kind.label, data);
  return {
    prefix: () => prefix,
    // By index, not for..of: holes (`[ , ]`) become undefined records, reported like any other
    // invalid record instead of vanishing from the counts.
    async *records() {
      for (let index = 0; index < records.length; index += 1) yield records[index];
    },
  };
}

/** Opens the file now, so that an unreadable one fails before the import starts its transaction. */
async function fileSource(path: string, kind: ImportKind): Promise<RecordSource> {
  const file = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new GainslyImportError(`Cannot read ${path}${code ? ` (${code})` : ''}`, { cause });
  }
  let prefix: (string | number)[] = [];
  const invalidJson = (cause: unknown) =>
    new GainslyValidationError([{ path: [], message: `is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})` }], file, { cause });
  return {
    file,
    prefix: () => prefix,
    async *records() {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const ready: unknown[] = [];
      let parser: JSONParser | undefined;
      let wrapped = false;
      // The wrapped form's array is found by following the top-level tokens: the records are
      // emitted (path `$.<wrapper>.*`) without the parser keeping them in the wrapper's array.
      let wrapperFound: 'array' | 'other' | undefined;
      let depth = 0;
      let key: unknown;
      let expectKey = false;
      const watchTopLevel = ({ token, value }: ParsedTokenInfo) => {
        if (depth === 1 && expectKey && token === TokenType.STRING) key = value;
        else if (depth === 1 && token === TokenType.COLON) expectKey = false;
        else if (depth === 1 && token === TokenType.COMMA) expectKey = true;
        else if (depth === 1 && !expectKey && key === kind.wrapper && wrapperFound === undefined) wrapperFound = token === TokenType.LEFT_BRACKET ? 'array' : 'other';
        if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
          depth += 1;
          if (depth === 1) expectKey = true;
        } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth -= 1;
      };
      let first = true;
      try {
        for (;;) {
          let read: number;
          try {
            ({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null));
          } catch (cause) {
            const code = (cause as { code?: string }).code;
            throw new GainslyImportError(`Cannot read ${path}${code ? ` (${code})` : ''}`, { cause });
          }
          if (read === 0) break;
          let chunk = buffer.subarray(0, read);
          if (first) {
            first = false;
            if (BOM.every((byte, i) => chunk[i] === byte)) chunk = chunk.subarray(BOM.length);
          }
          if (!parser) {
            // The first significant byte says which form the file has; whitespace before it is skipped.
            const at = chunk.findIndex((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
            if (at === -1) continue;
            const opening = chunk[at];
            if (opening !== 0x5b && opening !== 0x7b) {
              // Not an array or an object: JSON.parse says whether it is JSON at all.
              throw notTheExpectedShape(kind, file);
            }
            wrapped = opening === 0x7b;
            prefix = wrapped ? [kind.wrapper] : [];
            parser = new JSONParser({ paths: [wrapped ? `$.${kind.wrapper}.*` : '$.*'], keepStack: false });
            parser.onValue = ({ value }) => void ready.push(value);
            if (wrapped) parser.onToken = watchTopLevel;
          }
          try {
            parser.write(chunk);
          } catch (cause) {
            throw invalidJson(cause);
          }
          // Records are handed over after each chunk: the reader waits while they are written.
          for (const record of ready.splice(0)) yield record;
        }
        if (!parser) throw invalidJson(new Error('the file is empty'));
        try {
          if (!parser.isEnded) parser.end();
        } catch (cause) {
          throw invalidJson(cause);
        }
        for (const record of ready.splice(0)) yield record;
        if (wrapped && wrapperFound !== 'array') throw notTheExpectedShape(kind, file);
      } finally {
        await handle.close();
      }
    },
  };
}

async function openSource(source: ImportSource, kind: ImportKind): Promise<RecordSource> {
  if (typeof source !== 'string' && !(source instanceof URL)) return valueSource(source, kind);
  return fileSource(source instanceof URL ? fileURLToPath(source) : source, kind);
}

/** Thrown inside the transaction of a dry run so that everything is rolled back. */
class DryRunRollback extends Error {}

/** Staging tables are temporary (this connection only) and dropped at commit; the counter keeps two imports in one caller's transaction apart. */
let stagingTables = 0;

async function runImport(target: OrmOrEm, source: ImportSource, options: ImportOptions, kind: ImportKind): Promise<ImportReport> {
  const records = await openSource(source, kind);
  const inputName = records.file ?? kind.label;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const em = toEm(target);
  const schema = schemaOf(target, options.schema);
  const stage = `gainsly_import_stage_${++stagingTables}`;

  const skipped: ImportSkip[] = [];
  const issues: ValidationIssue[] = [];
  let moreIssues = 0;
  let total = 0;
  let statements = 0;
  let inserted = 0;
  let updated = 0;
  let owned = 0;

  const write = async (tx: EntityManager) => {
    const run0 = emRunner(tx);
    const run: SqlRunner = (sql, params) => {
      statements++;
      return run0(sql, params);
    };
    await run('select pg_advisory_xact_lock(hashtext(?))', [`gainsly:import:${kind.table}`]);
    await checkColumns(run, schema, kind);
    // Staged in typed columns (the records' JSON is parsed once, here): re-parsing a JSON payload per
    // row in every later statement made the import twice as slow as raw pg in the benchmark (op 5).
    const staging = stagingColumns(kind);
    await run(`create temporary table ${stage} (ord integer primary key, key text not null, name text, ${staging}) on commit drop`);

    // 1. Normalise and validate each record as it is read; stage the valid ones in batches.
    let batch: Record<string, unknown>[] = [];
    let staged = 0;
    const stagedNames = ['ord', 'key', 'name', 'm', ...kind.columns.map((_, n) => `c${n}`)].join(', ');
    const flush = async () => {
      if (batch.length === 0) return;
      await run(`insert into ${stage} (${stagedNames}) select ${stagedNames} from json_to_recordset(?::json) as r(ord integer, key text, name text, ${staging})`, [JSON.stringify(batch)]);
      staged += batch.length;
      batch = [];
    };
    for await (const record of records.records()) {
      const index = total++;
      let result: ReturnType<typeof kind.prepare>;
      try {
        result = kind.prepare(record, index);
      } catch (error) {
        // A record whose properties throw when read (a getter, a revoked proxy) is invalid data.
        result = { kind: 'invalid', issues: [{ path: [], message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
      }
      if (result.kind === 'ok') {
        // Once the file is known to be rejected, valid records are only counted.
        if (issues.length > 0 && !options.skipInvalid) continue;
        batch.push({ ord: index, key: result.row.key, name: result.row.name ?? null, ...encodeRow(kind, result.row) });
        if (batch.length >= batchSize) await flush();
      } else if (result.kind === 'skip') {
        skipped.push({ index, ...(result.name ? { name: result.name } : {}), reason: result.reason, ...(result.path ? { path: result.path } : {}) });
      } else {
        for (const issue of result.issues) {
          if (issues.length < MAX_ISSUES) issues.push({ ...issue, path: [...records.prefix(), index, ...issue.path] });
          else moreIssues++;
        }
        if (options.skipInvalid) {
          skipped.push({
            index,
            ...(result.name ? { name: result.name } : {}),
            reason: result.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`).join('; '),
            ...(result.issues[0] ? { path: formatIssuePath(result.issues[0].path) } : {}),
          });
        }
      }
    }
    if (issues.length > 0 && !options.skipInvalid) {
      if (moreIssues > 0) issues.push({ path: records.prefix(), message: `and ${moreIssues} more problem${moreIssues === 1 ? '' : 's'} (the first ${MAX_ISSUES} are listed)` });
      throw new GainslyValidationError(issues, inputName);
    }
    await flush();

    // 2. One row per key: the last record wins; the superseded ones leave the stage for the report.
    const superseded = await run(
      `with winner as (select distinct on (key) * from ${stage} order by key, ord desc),
            gone as (delete from ${stage} s using winner w where s.key = w.key and s.ord <> w.ord
                     returning s.ord, s.name, w.ord as winner, ${sameValues(kind)} as same)
       select ord, name, winner, same from gone order by ord`,
    );
    const keyName = kind.key.join(' and ');
    for (const r of superseded) {
      const winner = toNumber(r.winner);
      skipped.push({
        index: toNumber(r.ord),
        ...(r.name == null ? {} : { name: String(r.name) }),
        reason: r.same === true ? `duplicate of record ${winner} (same ${keyName}, same values)` : `superseded by record ${winner}, which has the same ${keyName}`,
      });
    }
    const rows = staged - superseded.length;

    // 3. Write the winners in file order, a batch per statement.
    const sql = upsertSql(kind, schema, stage);
    options.onProgress?.(0, rows);
    let done = 0;
    for (let after = -1; done < rows; ) {
      const result = await run(sql, [after, batchSize]);
      for (const r of result) {
        const status = String(r.status);
        if (status === 'inserted') inserted++;
        else if (status === 'updated') updated++;
        else if (status === 'owned') {
          owned++;
          skipped.push({ index: toNumber(r.ord), ...(r.name == null ? {} : { name: String(r.name) }), reason: `the name belongs to a user-defined movement (id ${toNumber(r.id)}); system movements cannot take it` });
        } else if (status === 'batch') {
          after = toNumber(r.ord);
          done += toNumber(r.id);
          if (toNumber(r.id) === 0) throw new GainslyImportError(`import into ${kind.table}: ${rows - done} staged records were not found again`);
        }
      }
      options.onProgress?.(done, rows);
    }
    if (options.dryRun) throw new DryRunRollback();
  };

  try {
    await em.transactional(write);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  skipped.sort((a, b) => a.index - b.index);
  return {
    ...(records.file ? { file: records.file } : {}),
    table: kind.table,
    total,
    inserted,
    updated,
    // Every record is inserted, updated, skipped (owned names included) or else unchanged.
    unchanged: total - skipped.length - inserted - updated,
    skipped,
    dryRun: options.dryRun === true,
    statements,
  };
}

/** Fails early, with advice, when the table lacks a column the import writes (an upstream database before adopt). */
async function checkColumns(run: SqlRunner, schema: string, kind: ImportKind): Promise<void> {
  const rows = await run(
    `select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped`,
    [schema, kind.table],
  );
  const existing = new Set(rows.map((r) => String(r.name)));
  if (existing.size === 0) throw new GainslyImportError(`Table ${schema}.${kind.table} does not exist: run migrate() (new database) or adopt() (upstream database) first`);
  const missing = [...kind.columns.map((c) => c.column), ...(kind.insertOnly ?? []).map((c) => c.column), ...(kind.ownerColumn ? [kind.ownerColumn] : [])].filter((c) => !existing.has(c));
  if (missing.length > 0) {
    throw new GainslyImportError(`${kind.table} lacks ${missing.join(', ')}: run adopt() on a database the upstream app made (or migrate() on a library one) first`);
  }
}

/**
 * A record as staged: short keys (`m` mask of the fields the record has, `c<i>` the i-th column's
 * value, omitted when NULL) keep the batch's JSON small, which matters more than anything else for
 * bulk speed; they are the staging table's column names ({@link stagingColumns}). Its position in
 * the file is the staging row's `ord`.
 */
function encodeRow(kind: ImportKind, row: Prepared): Record<string, unknown> {
  let mask = 0;
  const out: Record<string, unknown> = {};
  kind.columns.forEach((col, i) => {
    const value = row.values[col.column];
    if (value !== undefined) mask |= 1 << i;
    const stored = value === undefined ? col.default : value;
    if (stored !== null) out[`c${i}`] = stored;
  });
  out.m = mask;
  return out;
}

/** The staging table's record columns: `m` (the mask of fields a record has) and `c<i>` typed as the target's i-th column. */
function stagingColumns(kind: ImportKind): string {
  return `m integer, ${kind.columns.map((c, n) => `c${n} ${c.type}`).join(', ')}`;
}

/** Whether staged rows `s` and `w` hold the same record (json has no equality operator: compared as jsonb). */
function sameValues(kind: ImportKind): string {
  const list = (alias: string) => [`${alias}.m`, ...kind.columns.map((c, n) => (c.type === 'json' ? `${alias}.c${n}::jsonb` : `${alias}.c${n}`))].join(', ');
  return `(${list('s')}) is not distinct from (${list('w')})`;
}

/**
 * One statement that upserts the next batch of staged records (the `?`s: the last `ord` written and
 * the batch size): updates the row with each key (the
 * lowest id when the key is not unique) where a field the record has differs, inserts the keys
 * that do not exist, and returns each record's status (`updated`, `inserted`, `owned`; records not
 * returned were unchanged), and a `batch` row: the batch's last `ord` and its size.
 */
function upsertSql(kind: ImportKind, schema: string, stage: string): string {
  const table = qualified(schema, kind.table);
  const q = quoteIdent;
  const index = new Map(kind.columns.map((c, i) => [c.column, i]));
  const input = (c: TargetColumn) => `i.c${index.get(c.column)}`;
  const keyCols = kind.key.map(q);
  const keyInputs = kind.key.map((k) => `i.c${index.get(k)}`);
  const match = (a: string) => kind.key.map((k, n) => `${a}.${q(k)} = ${keyInputs[n]}`).join(' and ');
  const value = (c: TargetColumn) => (c.enumType ? `${input(c)}::${qualified(schema, c.enumType)}` : input(c));
  const comparable = (expr: string, c: TargetColumn) => (c.type === 'json' ? `${expr}::jsonb` : c.enumType ? `${expr}::text` : expr);
  const has = (c: TargetColumn) => `(i.m & ${1 << index.get(c.column)!}) <> 0`;
  const fields = kind.columns.filter((c) => !kind.key.includes(c.column));
  const owner = kind.ownerColumn;
  return `with input as (
  select s.ord as o, s.name as nm, s.m, ${kind.columns.map((_, n) => `s.c${n}`).join(', ')} from ${stage} s
   where s.ord > ? order by s.ord limit ?
), target as (
  select distinct on (${keyCols.map((k) => `t.${k}`).join(', ')}) t.id, ${keyCols.map((k) => `t.${k}`).join(', ')}${owner ? `, t.${q(owner)} as owner` : ''}
    from ${table} t join input i on ${match('t')}
   order by ${keyCols.map((k) => `t.${k}`).join(', ')}, t.id
), updated as (
  update ${table} t set ${fields.map((c) => `${q(c.column)} = case when ${has(c)} then ${value(c)} else t.${q(c.column)} end`).join(', ')}
    from input i join target g on ${match('g')}
   where t.id = g.id${owner ? ' and g.owner is null' : ''}
     and (${fields.map((c) => `(${has(c)} and ${comparable(`t.${q(c.column)}`, c)} is distinct from ${comparable(input(c), c)})`).join(' or ')})
  returning i.o, t.id
), inserted as (
  insert into ${table} (${[...kind.columns.map((c) => q(c.column)), ...(kind.insertOnly ?? []).map((c) => q(c.column))].join(', ')})
  select ${[...kind.columns.map(value), ...(kind.insertOnly ?? []).map((c) => c.sql)].join(', ')}
    from input i where not exists (select 1 from target g where ${match('g')})
   order by i.o
  returning id, ${keyCols.join(', ')}
)
select 'updated' as status, o as ord, id, null::text as name from updated
union all
select 'inserted', i.o, n.id, null from inserted n join input i on ${match('n')}${
    owner
      ? `
union all
select 'owned', i.o, g.id, i.nm from input i join target g on ${match('g')} where g.owner is not null`
      : ''
  }
union all
select 'batch', max(o), count(*)::int, null from input`;
}
