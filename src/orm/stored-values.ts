// Strict decoding of stored values: what every read path (entities, plain-row read models, the
// strength queries) holds a column's value to before it hands it out.
//
// The upstream app shares the database and enforces almost nothing inside the columns: the
// enum-backed strings of `movements` are plain varchar, JSON columns are `json` without checks, and
// a SQL enum type can gain a label this version of the library does not know. A value that does not
// fit is reported as a GainslyDataError naming the table, the row id, the column and the value,
// instead of being handed out typed as something it is not (`equipmentTags: "barbell"` as a
// `string[]`) or failing as an input error (InvalidEnumValueError) that blames the caller.
//
// The shapes check what the entity and row types promise, no more: the top-level JSON type (array,
// object), element types where the type names them (tags are strings, secondary muscles are
// PrimaryMuscle values), and enum membership. The contents of open blobs and of session exercise
// blocks are left to their readers (`readPlan` reads blocks tolerantly and names a broken one
// itself; `audit` lists what the upstream app cannot read).
import { ENUMS, type AnyEnumCodec } from '../enums/index.js';
import { GainslyDataError } from './errors.js';

/**
 * What a column's stored value must be, and how to say it in an error message.
 * @internal
 */
export interface StoredShape {
  /** Completes "… holds X, which is not <expected>". */
  readonly expected: string;
  /** Whether the value (as the driver returned it; JSON already parsed) fits. */
  fits(value: unknown): boolean;
}

/** Where a value was read from. @internal */
export interface StoredLocation {
  table: string;
  column: string;
  /** The row's primary key, when the reader knows it. */
  rowId?: number | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function shape(expected: string, fits: (value: unknown) => boolean): StoredShape {
  return Object.freeze({ expected, fits });
}

/** A short, never-throwing rendering of a stored value for a message. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * A `json` value as the driver returned it: pg parses `json` columns and expressions, but be safe
 * with a driver that hands the text over.
 * @internal
 */
export function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/**
 * The error for a stored value that does not fit its column.
 * @internal
 */
export function storedValueError(at: StoredLocation, value: unknown, expected: string): GainslyDataError {
  const row = at.rowId == null ? '' : ` of row ${at.rowId}`;
  return new GainslyDataError(
    `${at.table}.${at.column}${row} holds ${preview(value)}, which is not ${expected}; the library cannot read it (\`gainsly-db audit\` lists such values: fix the row and retry)`,
    at.table,
    at.column,
    value,
    at.rowId ?? null,
  );
}

/**
 * The same error with the row id filled in: the ORM's types convert one value at a time and do not
 * know the row; the hydrator that calls them does (see StrictHydrator).
 * @internal
 */
export function withRowId(error: GainslyDataError, rowId: number): GainslyDataError {
  if (error.rowId != null) return error;
  const prefix = `${error.table}.${error.column} holds `;
  const message = error.message.startsWith(prefix) ? `${error.table}.${error.column} of row ${rowId} holds ${error.message.slice(prefix.length)}` : `${error.message} (row ${rowId})`;
  return new GainslyDataError(message, error.table, error.column, error.value, rowId);
}

/** `value` when it fits `shape`, else the GainslyDataError naming where it was read. @internal */
export function checkStored<T>(shape: StoredShape, value: unknown, at: StoredLocation): T {
  if (!shape.fits(value)) throw storedValueError(at, value, shape.expected);
  return value as T;
}

/**
 * A SQL enum column's label as the semantic value; a label this version of the library does not
 * know (the database type gained one) is a GainslyDataError, not an input error.
 * @internal
 */
export function storedLabel<V extends string | number>(codec: AnyEnumCodec & { values: readonly V[] }, label: unknown, at: StoredLocation): V {
  if (typeof label === 'string' && Object.hasOwn(codec.dbToSemantic, label)) return codec.dbToSemantic[label] as V;
  throw storedValueError(at, label, labelExpectation(codec));
}

/** "a X label this version of the library knows (A, B, …)". @internal */
export function labelExpectation(codec: AnyEnumCodec): string {
  return `a ${codec.name} label this version of the library knows (${codec.dbValues.join(', ')})`;
}

/**
 * A varchar column holding an enum's semantic value (`movements.pattern`: `'squat'`).
 * @internal
 */
export function enumValueShape(codec: AnyEnumCodec): StoredShape {
  return shape(`a ${codec.name} value (${codec.values.join(', ')})`, (value) => codec.is(value));
}

const isStringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isObjectArray = (value: unknown) => Array.isArray(value) && value.every(isPlainObject);

/**
 * The shapes of the JSON columns, by what their entity property and row types promise.
 * @internal
 */
export const STORED_JSON = Object.freeze({
  /** Tag lists and other lists of strings (`equipment_tags`, `coaching_cues`, `intent_tags`, …), nullable. */
  stringList: shape('a JSON array of strings (or null)', (value) => value === null || isStringArray(value)),
  /** `movements.secondary_muscles`. */
  secondaryMuscles: shape(`a JSON array of PrimaryMuscle values (or null)`, (value) => value === null || (Array.isArray(value) && value.every((item) => ENUMS.PrimaryMuscle.is(item)))),
  /** Open blobs that must be objects, nullable (`raw_payload_json`, `hybrid_definition`, …). */
  objectOrNull: shape('a JSON object (or null)', (value) => value === null || isPlainObject(value)),
  /** `heuristic_configs.json_blob` (NOT NULL). */
  object: shape('a JSON object', isPlainObject),
  /** `circuit_templates.exercises_json` (NOT NULL). */
  array: shape('a JSON array', (value) => Array.isArray(value)),
  /** `programs.disciplines_json`. */
  disciplines: shape('a JSON array of { discipline: string, weight: number } (or null)', (value) =>
    value === null || (Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.discipline === 'string' && typeof item.weight === 'number'))),
  /** `sessions.warmup_json`, `main_json`, `accessory_json`, `cooldown_json`: lists of exercise blocks. */
  exerciseSection: shape('a JSON array of exercise block objects (or null)', (value) => value === null || isObjectArray(value)),
  /**
   * `sessions.finisher_json`: one finisher block object; the list of blocks that versions of the
   * library before the app's shape wrote is accepted too, because `readPlan` reads it (as a circuit)
   * and writing the plan back repairs it.
   */
  finisher: shape('a finisher block object (or null)', (value) => value === null || isPlainObject(value) || isObjectArray(value)),
  /** `circuit_templates.bucket_stress` (NOT NULL): StressBucket value -> number. */
  bucketStress: shape(`a JSON object of StressBucket values (${ENUMS.StressBucket.values.join(', ')}) to numbers`, (value) =>
    isPlainObject(value) && Object.entries(value).every(([key, n]) => ENUMS.StressBucket.is(key) && typeof n === 'number')),
});

/**
 * One column of a plain read-model row: the row key, the column it comes from and its shape.
 * @internal
 */
export interface StoredColumn {
  readonly key: string;
  readonly column: string;
  readonly shape: StoredShape;
}

/**
 * Checks the listed columns of a plain row read with raw SQL (which no ORM type converts), in
 * place; throws the GainslyDataError of the first value that does not fit.
 * @internal
 */
export function checkStoredRow(table: string, row: Record<string, unknown>, rowId: number, columns: readonly StoredColumn[]): void {
  for (const { key, column, shape: s } of columns) {
    if (!s.fits(row[key])) throw storedValueError({ table, column, rowId }, row[key], s.expected);
  }
}
