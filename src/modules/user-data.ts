// A user's data as a whole (issue #21): export (GDPR articles 15 and 20), erase (article 17, app-store
// account deletion) and import of an export (moving a user between databases). The three share one
// description of what a user owns (OWNED_TABLES) and of the foreign keys between those tables
// (USER_FOREIGN_KEYS), so they cannot disagree about it. Plain SQL on the entity manager's connection
// rather than entities: the work is table by table, streams, and must run on adopted upstream
// databases whose rows the entities may not decode. See docs/user-data.md for the format and policy.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ENUMS, enumColumnsOf } from '../enums/index.js';
import { GAINSLY_ERROR_CODES, GainslyError, GainslyNotFoundError, type GainslyErrorCode } from '../orm/errors.js';
import { parseArgument, parseOptions, requireId } from '../orm/arguments.js';
import { FORBIDDEN_JSON_KEYS } from '../schemas/json-limits.js';
import { emRunner, qualified, quoteIdent, schemaOf, toEm, toNumber, type OrmOrEm, type SqlRunner } from '../orm/sql-helpers.js';
import { GainslyImportError } from '../orm/errors.js';
import { catalogTableError, OWNERSHIP } from './ownership.js';

import { USER_EXPORT_FORMAT, USER_EXPORT_VERSION } from '../schemas/user-export-format.js';
import { schemas } from '../orm/validation.js';

export { USER_EXPORT_FORMAT, USER_EXPORT_VERSION };

/**
 * A table's `owned` condition in this file's form (`?` the user id, `own(t)` the user's ids of an
 * earlier table), from its rule in `OWNERSHIP` (src/modules/ownership.ts, the one definition of
 * what a user owns).
 */
function ownedCondition(table: UserDataTable): string {
  const rule = OWNERSHIP[table];
  switch (rule.kind) {
    case 'self':
      return 'id = ?';
    case 'user':
      return 'user_id = ?';
    case 'parent':
      return `${rule.column} in own(${rule.parent})`;
    case 'movement-ends':
      // One end is their movement and the other end theirs too or a system movement; one to another
      // user's movement is that user's reference (see erase).
      return '(source_movement_id in own(movements) or target_movement_id in own(movements)) and not exists (select 1 from movements om where om.id in (source_movement_id, target_movement_id) and om.user_id is not null and om.user_id <> ?)';
    case 'catalog':
      throw catalogTableError(table);
  }
}

/**
 * The tables a user owns rows of, parents before children (the order of an export and of an import;
 * an erase deletes in the reverse order). `owned` is the SQL condition selecting the user's rows
 * (see {@link ownedCondition}).
 */
const OWNED_TABLES = (
  [
    'users',
    'user_settings',
    'user_enjoyable_activities',
    'movements',
    'movement_relationships',
    'user_movement_rules',
    'programs',
    'microcycles',
    'sessions',
    'session_exercises',
    'workout_logs',
    'top_set_logs',
    'pattern_exposures',
    'recovery_signals',
    'soreness_logs',
    'conversation_threads',
    'conversation_turns',
  ] as const satisfies readonly UserDataTable[]
).map((table) => ({ table, owned: ownedCondition(table) }));

/**
 * A table holding rows a user owns, in export order.
 *
 * @example
 * ```ts
 * const table: UserDataTable = 'top_set_logs';
 * ```
 */
export type UserDataTable =
  | 'users'
  | 'user_settings'
  | 'user_enjoyable_activities'
  | 'movements'
  | 'movement_relationships'
  | 'user_movement_rules'
  | 'programs'
  | 'microcycles'
  | 'sessions'
  | 'session_exercises'
  | 'workout_logs'
  | 'top_set_logs'
  | 'pattern_exposures'
  | 'recovery_signals'
  | 'soreness_logs'
  | 'conversation_threads'
  | 'conversation_turns';

/**
 * The tables of {@link UserDataTable}, parents first: the key order of an export's `tables`.
 *
 * @example
 * ```ts
 * for (const table of USER_DATA_TABLES) console.log(table, doc.tables[table]?.length ?? 0);
 * ```
 */
export const USER_DATA_TABLES: readonly UserDataTable[] = Object.freeze(OWNED_TABLES.map((t) => t.table));

/** The foreign keys of the owned tables: `[table, column, referenced table]`. An import remaps them. */
const USER_FOREIGN_KEYS: readonly (readonly [string, string, string])[] = [
  ['user_settings', 'user_id', 'users'],
  ['user_enjoyable_activities', 'user_id', 'users'],
  ['movements', 'user_id', 'users'],
  ['movement_relationships', 'source_movement_id', 'movements'],
  ['movement_relationships', 'target_movement_id', 'movements'],
  ['user_movement_rules', 'user_id', 'users'],
  ['user_movement_rules', 'movement_id', 'movements'],
  ['programs', 'user_id', 'users'],
  ['microcycles', 'program_id', 'programs'],
  ['sessions', 'microcycle_id', 'microcycles'],
  ['sessions', 'main_circuit_id', 'circuit_templates'],
  ['sessions', 'finisher_circuit_id', 'circuit_templates'],
  ['session_exercises', 'session_id', 'sessions'],
  ['session_exercises', 'movement_id', 'movements'],
  ['workout_logs', 'user_id', 'users'],
  ['workout_logs', 'session_id', 'sessions'],
  ['top_set_logs', 'workout_log_id', 'workout_logs'],
  ['top_set_logs', 'movement_id', 'movements'],
  ['pattern_exposures', 'user_id', 'users'],
  ['pattern_exposures', 'microcycle_id', 'microcycles'],
  ['pattern_exposures', 'source_top_set_log_id', 'top_set_logs'],
  ['recovery_signals', 'user_id', 'users'],
  ['recovery_signals', 'session_id', 'sessions'],
  ['soreness_logs', 'user_id', 'users'],
  ['soreness_logs', 'inferred_cause_session_id', 'sessions'],
  ['conversation_threads', 'user_id', 'users'],
  ['conversation_threads', 'context_session_id', 'sessions'],
  ['conversation_turns', 'thread_id', 'conversation_threads'],
];

/**
 * A user's data could not be erased or imported as asked: another user's row depends on the user's
 * data in a way the erase policy cannot resolve (a non-null reference), or an export document does
 * not fit the database. `table` and `column` name the place; nothing was changed.
 *
 * @example
 * ```ts
 * try { await eraseUserData(orm, 7); } catch (e) { if (e instanceof GainslyUserDataError) console.error(e.table, e.column, e.message); }
 * ```
 */
export class GainslyUserDataError extends GainslyError {
  override readonly name: string = 'GainslyUserDataError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.USER_DATA;
  constructor(
    message: string,
    /** The table holding the offending rows or values. */
    readonly table: string,
    /** The column, when one is at fault. */
    readonly column: string | null = null,
  ) {
    super(message);
  }
}

/**
 * A row outside the user's data that the user's rows point at (a system movement used in a
 * session, a circuit template, another user's movement): exported by id and name so that an import
 * into another database finds it again by name.
 *
 * @example
 * ```ts
 * const ref: UserExportReference = { id: 3, name: 'Back Squat' };
 * ```
 */
export interface UserExportReference {
  id: number;
  name: string;
}

/**
 * Everything a user owns, as written by {@link writeUserExport} and returned by
 * {@link exportUserData}: format `gainsly-user-export`, version 1. Rows are the wire rows of the
 * tables (column names as in the database; SQL enum columns hold semantic values, e.g. `squat`,
 * not `SQUAT`; dates are `'YYYY-MM-DD'`; timestamps ISO 8601 in UTC with `Z` (stored naive UTC);
 * JSON columns nested), ordered by id; ids are the source database's.
 *
 * @example
 * ```ts
 * const doc: UserExportDocument = await exportUserData(orm, 7);
 * doc.tables.top_set_logs.length; // how many top sets the user logged
 * ```
 */
export interface UserExportDocument {
  format: typeof USER_EXPORT_FORMAT;
  version: typeof USER_EXPORT_VERSION;
  /** When the snapshot was taken (ISO timestamp). */
  exportedAt: string;
  user: { id: number; email: string | null; name: string | null };
  /** Rows outside the user's data that their rows point at, by table (`movements`, `circuit_templates`). */
  references: Record<string, UserExportReference[]>;
  tables: Record<UserDataTable, Record<string, unknown>[]>;
  /** Rows per table, written after the rows. */
  counts: Record<UserDataTable, number>;
}

/**
 * Options of {@link exportUserData} and {@link writeUserExport}.
 *
 * @example
 * ```ts
 * await writeUserExport(orm, 7, process.stdout, { batchSize: 2000 });
 * ```
 */
export interface UserExportOptions {
  /** Rows fetched per round trip. Default 1000. */
  batchSize?: number;
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
}

/**
 * What {@link writeUserExport} wrote.
 *
 * @example
 * ```ts
 * const { counts } = await writeUserExport(orm, 7, 'user-7.json');
 * ```
 */
export interface UserExportSummary {
  userId: number;
  exportedAt: string;
  counts: Record<UserDataTable, number>;
}


/** Replaces `own(t)` in an ownership condition by the subquery of the user's ids in `t`. */
function ownershipSql(schema: string, table: string): string {
  const owned: string = OWNED_TABLES.find((t) => t.table === table)!.owned;
  return owned
    .replace(/own\((\w+)\)/g, (_m, parent: string) => `(select id from ${qualified(schema, parent)} where ${ownershipSql(schema, parent)})`)
    .replace(/from movements om/, `from ${qualified(schema, 'movements')} om`);
}

function countPlaceholders(sql: string): number {
  return (sql.match(/\?/g) ?? []).length;
}

/** The SQL condition and its parameters selecting a user's rows of `table`. */
function ownedWhere(schema: string, table: string, userId: number): { sql: string; params: number[] } {
  const sql = ownershipSql(schema, table);
  // Every placeholder is the user id.
  return { sql, params: Array.from({ length: countPlaceholders(sql) }, () => userId) };
}

/** Decodes SQL enum labels of one table's row to semantic values, and marks naive-UTC timestamps with `Z` (the wire row). */
function toWireRow(table: string, row: Record<string, unknown>, utcColumns: readonly string[]): Record<string, unknown> {
  for (const column of utcColumns) {
    const value = row[column];
    if (typeof value === 'string' && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) row[column] = `${value}Z`;
  }
  for (const column of enumColumnsOf(table)) {
    if (column.storage !== 'sql_enum') continue;
    const value = row[column.column];
    if (typeof value === 'string') row[column.column] = (ENUMS[column.enum] as { fromDb(label: string): unknown }).fromDb(value);
  }
  return row;
}

/** Encodes semantic values of SQL enum columns back to labels, for an import. */
function fromWireRow(table: string, row: Record<string, unknown>): void {
  for (const column of enumColumnsOf(table)) {
    if (column.storage !== 'sql_enum') continue;
    const value = row[column.column];
    if (value == null) continue;
    try {
      row[column.column] = (ENUMS[column.enum] as { toDb(value: unknown): string }).toDb(value);
    } catch (error) {
      throw new GainslyUserDataError(`${table}.${column.column}: ${String(value)} is not a ${column.enum} value`, table, column.column);
    }
  }
}

/**
 * The JSON columns of an imported row hold what the document says: the prototype-pollution keys the
 * library refuses in every JSON blob it writes are refused here too, wherever they are nested.
 */
function rejectForbiddenKeys(value: unknown, table: string, index: number, path: string[] = []): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_JSON_KEYS.includes(key)) {
      throw new GainslyUserDataError(`${table}[${index}].${[...path, key].join('.')}: the key "${key}" is not allowed in stored JSON`, table, path[0] ?? key);
    }
    rejectForbiddenKeys((value as Record<string, unknown>)[key], table, index, [...path, key]);
  }
}

/** Runs `work` in a transaction of its own, or in the caller's when the entity manager is in one. */
async function inTransaction<T>(em: EntityManager, work: (run: SqlRunner, joined: boolean) => Promise<T>): Promise<T> {
  const joined = em.isInTransaction();
  return em.transactional((tx) => work(emRunner(tx as EntityManager), joined));
}

/** Receives an export as it is read: the streaming writer and the in-memory collector both are one. */
interface ExportVisitor {
  begin(head: Omit<UserExportDocument, 'tables' | 'counts'>): Promise<void> | void;
  table(table: UserDataTable, first: boolean): Promise<void> | void;
  row(table: UserDataTable, row: Record<string, unknown>, first: boolean): Promise<void> | void;
  end(counts: Record<UserDataTable, number>): Promise<void> | void;
}

/** Reads the user's rows table by table in one REPEATABLE READ, READ ONLY snapshot, through a cursor. */
async function readExport(target: OrmOrEm, userIdArg: unknown, optionsArg: unknown, visitor: ExportVisitor): Promise<UserExportSummary> {
  const userId = requireId(userIdArg, 'userId');
  const options = parseOptions(schemas.exportOptionsSchema, optionsArg ?? {}, 'UserExportOptions');
  const em = toEm(target);
  const schema = schemaOf(target, options.schema);
  const batchSize = options.batchSize ?? 1000;
  return inTransaction(em, async (run, joined) => {
    // One snapshot for every table, so the export is consistent while the user keeps logging. In a
    // caller's transaction the caller's isolation applies (it cannot change after its first query).
    if (!joined) await run('set transaction isolation level repeatable read, read only');
    const users = await run(`select id, email, name, to_json(now())#>>'{}' as now from ${qualified(schema, 'users')} where id = ?`, [userId]);
    if (users.length === 0) throw new GainslyNotFoundError('User', 'users', { id: userId });
    const u = users[0]!;
    const references = await readReferences(run, schema, userId);
    const exportedAt = new Date(String(u.now)).toISOString();
    await visitor.begin({
      format: USER_EXPORT_FORMAT,
      version: USER_EXPORT_VERSION,
      exportedAt,
      user: { id: userId, email: (u.email as string | null) ?? null, name: (u.name as string | null) ?? null },
      references,
    });
    // `timestamp without time zone` columns hold naive UTC (README, "Enums: semantic values"): the
    // document marks them with `Z` so no reader takes them for local time. PostgreSQL ignores the
    // zone when such a value is inserted back into the same column type, so an import round-trips.
    const naive = await run(
      `select c.relname as t, a.attname as c from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and a.attnum > 0 and not a.attisdropped and a.atttypid = 'timestamp'::regtype`,
      [schema],
    );
    const utcColumns = new Map<string, string[]>();
    for (const r of naive) utcColumns.set(String(r.t), [...(utcColumns.get(String(r.t)) ?? []), String(r.c)]);
    const counts = {} as Record<UserDataTable, number>;
    let firstTable = true;
    for (const { table } of OWNED_TABLES) {
      await visitor.table(table, firstTable);
      firstTable = false;
      const where = ownedWhere(schema, table, userId);
      const cursor = quoteIdent(`gainsly_user_export_${table}`);
      await run(`declare ${cursor} no scroll cursor for select row_to_json(t)::text as j from ${qualified(schema, table)} t where ${where.sql} order by t.id`, where.params);
      let n = 0;
      for (;;) {
        const rows = await run(`fetch ${batchSize} from ${cursor}`);
        for (const r of rows) {
          await visitor.row(table, toWireRow(table, JSON.parse(String(r.j)) as Record<string, unknown>, utcColumns.get(table) ?? []), n === 0);
          n++;
        }
        if (rows.length < batchSize) break;
      }
      await run(`close ${cursor}`);
      counts[table] = n;
    }
    await visitor.end(counts);
    return { userId, exportedAt, counts };
  });
}

/** Movements and circuit templates outside the user's data that the user's rows point at. */
async function readReferences(run: SqlRunner, schema: string, userId: number): Promise<Record<string, UserExportReference[]>> {
  const result: Record<string, UserExportReference[]> = {};
  for (const target of ['movements', 'circuit_templates']) {
    const parts: string[] = [];
    const params: number[] = [];
    for (const [table, column, to] of USER_FOREIGN_KEYS) {
      if (to !== target) continue;
      const where = ownedWhere(schema, table, userId);
      parts.push(`select ${quoteIdent(column)} as id from ${qualified(schema, table)} where ${where.sql}`);
      params.push(...where.params);
    }
    let sql = `select r.id, r.name from ${qualified(schema, target)} r where r.id in (${parts.join(' union ')})`;
    if (target === 'movements') {
      sql += ` and r.user_id is distinct from ?`;
      params.push(userId);
    }
    const rows = await run(`${sql} order by r.id`, params);
    if (rows.length > 0) result[target] = rows.map((r) => ({ id: toNumber(r.id), name: String(r.name) }));
  }
  return result;
}

// Node's `fs` and `fs/promises` are taken when a function needs them, not imported: as ES modules
// they cost every import of the library about a millisecond each (docs/performance.md, "Cold start").
const fs = () => process.getBuiltinModule('node:fs');

/** Writes to a stream, waiting for it to drain when its buffer is full (so memory stays flat). */
function streamSink(stream: Writable): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

/**
 * Streams everything a user owns as a {@link UserExportDocument} (JSON text) to a file path or a
 * writable stream, reading it in one REPEATABLE READ, READ ONLY snapshot through server-side
 * cursors: memory stays flat whatever the size of the history. A stream passed in is not ended; a
 * file is created (or truncated) and closed, and removed again when the export fails. With an entity manager inside a transaction, the
 * export joins it (and its isolation level).
 *
 * @param target - an ORM (its own transaction) or an entity manager
 * @param userId - the user to export; `GainslyNotFoundError` when there is none
 * @example
 * ```ts
 * const { counts } = await writeUserExport(orm, 7, '/tmp/user-7.json');
 * await writeUserExport(orm, 7, res); // an HTTP response
 * ```
 */
export async function writeUserExport(target: OrmOrEm, userId: number, destination: string | Writable, options: UserExportOptions = {}): Promise<UserExportSummary> {
  // Every argument before the file is created: a bad one leaves no empty file behind.
  requireId(userId, 'userId');
  parseOptions(schemas.exportOptionsSchema, options ?? {}, 'UserExportOptions');
  parseArgument(schemas.destinationSchema, destination, 'destination');
  const file = typeof destination === 'string' ? fs().createWriteStream(destination) : null;
  const stream = file ?? (destination as Writable);
  const write = streamSink(stream);
  try {
    const summary = await readExport(target, userId, options, {
      begin: (head) => write(`${JSON.stringify(head).slice(0, -1)},"tables":{`),
      table: (table, first) => write(`${first ? '' : ']'}${first ? '' : ','}${JSON.stringify(table)}:[`),
      row: (_t, row, first) => write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`),
      end: (counts) => write(`]},"counts":${JSON.stringify(counts)}}\n`),
    });
    if (file) {
      file.end();
      await once(file, 'close');
    }
    return summary;
  } catch (error) {
    if (file) {
      // A half-written export is personal data nobody asked to keep: remove it.
      file.destroy();
      await fs().promises.rm(destination as string, { force: true }).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Everything a user owns, as one {@link UserExportDocument} in memory (read like
 * {@link writeUserExport}, in one REPEATABLE READ snapshot). For large histories prefer
 * {@link writeUserExport}, which streams.
 *
 * @example
 * ```ts
 * const doc = await exportUserData(orm, 7);
 * res.json(doc);
 * ```
 */
export async function exportUserData(target: OrmOrEm, userId: number, options: UserExportOptions = {}): Promise<UserExportDocument> {
  let doc!: UserExportDocument;
  await readExport(target, userId, options, {
    begin: (head) => {
      doc = { ...head, tables: {} as UserExportDocument['tables'], counts: {} as UserExportDocument['counts'] };
    },
    table: (table) => {
      doc.tables[table] = [];
    },
    row: (table, row) => {
      doc.tables[table].push(row);
    },
    end: (counts) => {
      doc.counts = counts;
    },
  });
  return doc;
}

/**
 * Options of {@link eraseUserData}.
 *
 * @example
 * ```ts
 * const preview = await eraseUserData(orm, 7, { dryRun: true });
 * ```
 */
export interface EraseOptions {
  /** Do everything, then roll back: the report says what would happen. */
  dryRun?: boolean;
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
}

/**
 * A reference from a row outside the user's data to a row of it, and what the erase did about it.
 *
 * @example
 * ```ts
 * const kept: EraseKeptReference = { table: 'soreness_logs', column: 'inferred_cause_session_id', references: 'sessions', rows: 1, action: 'set_null' };
 * ```
 */
export interface EraseKeptReference {
  /** The table of the other rows. */
  table: string;
  column: string;
  /** The user's table they point at. */
  references: string;
  rows: number;
  /** `detach_movement`: the user's movement is kept without an owner; `set_null`: the reference is cleared. */
  action: 'detach_movement' | 'set_null';
}

/**
 * What {@link eraseUserData} did (or, with `dryRun`, would do).
 *
 * @example
 * ```ts
 * const { deleted, detachedMovementIds } = await eraseUserData(orm, 7);
 * console.log(deleted.top_set_logs, detachedMovementIds);
 * ```
 */
export interface EraseReport {
  userId: number;
  dryRun: boolean;
  /** Rows deleted per table (every table of {@link USER_DATA_TABLES}, zeros included). */
  deleted: Record<UserDataTable, number>;
  /** The user's movements other users' rows use: kept, with `user_id` set to NULL (no owner). */
  detachedMovementIds: number[];
  /** The references from other rows and what was done about each (one entry per column with rows). */
  keptReferences: EraseKeptReference[];
}

/** Thrown inside the transaction of a dry run so that everything is rolled back. */
class DryRunRollback extends Error {}

let eraseRuns = 0;

/** Every single-column foreign key pointing at one of the owned tables, as the catalog has it (upstream's extra tables included). */
async function referencingKeys(run: SqlRunner, schema: string): Promise<{ table: string; column: string; references: string; nullable: boolean }[]> {
  const rows = await run(
    `select c.relname as "table", a.attname as "column", r.relname as "references", not a.attnotnull as nullable
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_class r on r.oid = k.confrelid
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      where k.contype = 'f' and n.nspname = ? and array_length(k.conkey, 1) = 1 and r.relname = any(?::text[])
      order by 1, 2`,
    [schema, `{${USER_DATA_TABLES.join(',')}}`],
  );
  return rows.map((r) => ({ table: String(r.table), column: String(r.column), references: String(r.references), nullable: r.nullable === true }));
}

/**
 * Deletes everything a user owns, in foreign-key order, in ONE transaction that first locks the
 * user's row (so a concurrent write for the user, which checks that row, waits and then fails, or
 * finishes first and is erased too), and reports the count per table. Rows of other users are never
 * deleted; where they point at the user's data (docs/user-data.md):
 * - the user's movement used by another user's session exercise, top set, movement rule or
 *   relationship is **detached**: kept, with no owner (`user_id` NULL), and its relationships kept;
 * - any other nullable reference (another user's soreness log blaming one of the user's sessions,
 *   a workout log, recovery signal or thread pointing at one) is **set to NULL**;
 * - a non-null reference (another user's pattern exposure derived from the user's top set or
 *   microcycle; a table of a newer upstream schema) stops the erase with a
 *   {@link GainslyUserDataError} naming the table and column, and nothing changes.
 *
 * A lost connection mid-erase rolls everything back (`GainslyConnectionError`). A concurrent write
 * that does not touch the user's row (a turn added to an existing thread) can make the erase fail
 * with `GainslyForeignKeyViolationError`, changing nothing: retry.
 *
 * @example
 * ```ts
 * const preview = await eraseUserData(orm, 7, { dryRun: true }); // same report, nothing changed
 * const report = await eraseUserData(orm, 7);
 * console.log(report.deleted, report.detachedMovementIds, report.keptReferences);
 * ```
 */
export async function eraseUserData(target: OrmOrEm, userId: number, options: EraseOptions = {}): Promise<EraseReport> {
  const id = requireId(userId, 'userId');
  const opts = parseOptions(schemas.eraseOptionsSchema, options ?? {}, 'EraseOptions');
  const em = toEm(target);
  const schema = schemaOf(target, opts.schema);
  let report!: EraseReport;
  try {
    await em.transactional(async (tx) => {
      const run = emRunner(tx as EntityManager);
      const locked = await run(`select id from ${qualified(schema, 'users')} where id = ? for update`, [id]);
      if (locked.length === 0) throw new GainslyNotFoundError('User', 'users', { id });

      // The user's ids per table, fixed once (after the lock) in temporary tables.
      // Numbered: two erases in one caller's transaction must not meet (the tables live until commit).
      const run_ = ++eraseRuns;
      const own = (table: string) => quoteIdent(`gainsly_erase_${run_}_${table}`);
      for (const { table } of OWNED_TABLES) {
        const where = ownedWhere(schema, table, id);
        await run(`create temporary table ${own(table)} on commit drop as select id from ${qualified(schema, table)} where ${where.sql}`, where.params);
        await run(`alter table ${own(table)} add primary key (id)`);
      }

      const keys = await referencingKeys(run, schema);
      const refsOf = (k: { table: string; column: string; references: string }) => {
        const outside = USER_DATA_TABLES.includes(k.table as UserDataTable) ? ` and not exists (select 1 from ${own(k.table)} o where o.id = x.id)` : '';
        return `from ${qualified(schema, k.table)} x where x.${quoteIdent(k.column)} in (select id from ${own(k.references)})${outside}`;
      };

      // 1. Movements other users' rows use are detached, not deleted (nor are their relationships).
      const keptReferences: EraseKeptReference[] = [];
      const movementRefs = keys.filter((k) => k.references === 'movements' && k.table !== 'movements');
      const detached = new Set<number>();
      for (const k of movementRefs) {
        const rows = await run(`select distinct x.${quoteIdent(k.column)} as id ${refsOf(k)}`);
        if (rows.length === 0) continue;
        for (const r of rows) detached.add(toNumber(r.id));
        const count = await run(`select count(*) as n ${refsOf(k)}`);
        keptReferences.push({ ...k, rows: toNumber(count[0]!.n), action: 'detach_movement' });
      }
      const detachedMovementIds = [...detached].sort((a, b) => a - b);
      if (detachedMovementIds.length > 0) {
        await run(`delete from ${own('movements')} where id = any(?::int[])`, [`{${detachedMovementIds.join(',')}}`]);
        // A relationship survives when neither end is deleted.
        await run(
          `delete from ${own('movement_relationships')} o using ${qualified(schema, 'movement_relationships')} r
            where r.id = o.id and r.source_movement_id not in (select id from ${own('movements')}) and r.target_movement_id not in (select id from ${own('movements')})`,
        );
        await run(`update ${qualified(schema, 'movements')} set user_id = null where id = any(?::int[])`, [`{${detachedMovementIds.join(',')}}`]);
      }

      // 2. Other references: cleared when nullable; otherwise the erase cannot honour the policy.
      for (const k of keys) {
        if (k.references === 'movements') continue;
        if (k.table === 'movements' && k.references === 'users') continue; // the user's own movements (detached ones already cleared)
        const count = toNumber((await run(`select count(*) as n ${refsOf(k)}`))[0]!.n);
        if (count === 0) continue;
        if (!k.nullable) {
          const known = USER_DATA_TABLES.includes(k.table as UserDataTable);
          throw new GainslyUserDataError(
            `cannot erase user ${id}: ${count} row(s) of ${k.table} ${known ? "outside the user's data " : '(a table this version of @gainsly/db does not know) '}reference their ${k.references} through ${k.table}.${k.column}, which cannot be NULL; nothing was changed${known ? '' : `: delete or reassign those ${k.table} rows first`}`,
            k.table,
            k.column,
          );
        }
        await run(`update ${qualified(schema, k.table)} x set ${quoteIdent(k.column)} = null where x.${quoteIdent(k.column)} in (select id from ${own(k.references)})${USER_DATA_TABLES.includes(k.table as UserDataTable) ? ` and not exists (select 1 from ${own(k.table)} o where o.id = x.id)` : ''}`);
        keptReferences.push({ ...k, rows: count, action: 'set_null' });
      }

      // 3. Delete, children first.
      const deleted = {} as Record<UserDataTable, number>;
      for (const { table } of [...OWNED_TABLES].reverse()) {
        const rows = await run(`with d as (delete from ${qualified(schema, table)} t using ${own(table)} o where t.id = o.id returning 1) select count(*) as n from d`);
        deleted[table] = toNumber(rows[0]!.n);
      }
      report = {
        userId: id,
        dryRun: opts.dryRun === true,
        deleted: Object.fromEntries(USER_DATA_TABLES.map((t) => [t, deleted[t]])) as Record<UserDataTable, number>,
        detachedMovementIds,
        keptReferences: keptReferences.map(({ table, column, references, rows, action }) => ({ table, column, references, rows, action })),
      };
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/**
 * Options of {@link importUserData}.
 *
 * @example
 * ```ts
 * await importUserData(orm, 'user-7.json', { dryRun: true });
 * ```
 */
export type UserImportOptions = EraseOptions;

/**
 * What {@link importUserData} did.
 *
 * @example
 * ```ts
 * const { userId, inserted } = await importUserData(orm, doc);
 * ```
 */
export interface UserImportReport {
  /** The user's id in this database. */
  userId: number;
  dryRun: boolean;
  /** Rows inserted per table. */
  inserted: Record<UserDataTable, number>;
  /**
   * Nullable references to rows that are neither in the document nor in its `references` (another
   * user's session a soreness log blamed), set to NULL, per column.
   */
  clearedReferences: { table: string; column: string; rows: number }[];
}


/**
 * Imports a {@link UserExportDocument} (or a file holding one) into this database as a new user, in
 * ONE transaction (all or nothing). Every id is new (taken from the tables' sequences) and every
 * foreign key remapped; references outside the user's data (`references.movements`,
 * `references.circuit_templates`) are found again by name (a system movement before a user's),
 * and a missing one is a {@link GainslyUserDataError}; a nullable reference to a row that is in
 * neither (another user's session) is set to NULL and reported in `clearedReferences`. A user movement whose name is taken in this database is a
 * `GainslyUniqueViolationError` (movement names are unique), as is the user's email. Export, erase
 * and import give back the same wire rows apart from the ids.
 *
 * @example
 * ```ts
 * const doc = await exportUserData(source, 7);
 * const { userId } = await importUserData(destination, doc); // the user's id in the destination
 * ```
 */
export async function importUserData(target: OrmOrEm, source: string | UserExportDocument, options: UserImportOptions = {}): Promise<UserImportReport> {
  const opts = parseOptions(schemas.importOptionsSchema, options ?? {}, 'UserImportOptions');
  let raw: unknown = source;
  if (typeof source === 'string') {
    try {
      raw = JSON.parse((await fs().promises.readFile(source, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new GainslyImportError(`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  // The document's shape (format, version, tables of objects) is an input like any other: every
  // problem listed by path. Column values are checked by PostgreSQL's types and constraints.
  if (raw === null || typeof raw !== 'object') throw new GainslyUserDataError(`not a ${USER_EXPORT_FORMAT} document: a JSON object is expected`, 'document');
  const doc = parseOptions(schemas.userExportDocumentSchema, raw, 'UserExportDocument');
  for (const table of Object.keys(doc.tables)) {
    if (!USER_DATA_TABLES.includes(table as UserDataTable)) throw new GainslyUserDataError(`unknown table ${table} in the document`, table);
  }
  const users = doc.tables.users ?? [];
  if (users.length !== 1) throw new GainslyUserDataError(`the document must hold exactly one users row, not ${users.length}`, 'users');

  const em = toEm(target);
  const schema = schemaOf(target, opts.schema);
  let report!: UserImportReport;
  try {
    await em.transactional(async (tx) => {
      const run = emRunner(tx as EntityManager);
      // Old id → new id, per table; references outside the user's data resolved by name.
      const idMap = new Map<string, Map<number, number>>();
      for (const [table, refs] of Object.entries(doc.references ?? {})) {
        const map = new Map<number, number>();
        for (const ref of refs) {
          // A system (ownerless) row first: a user's movement of the same name is a last resort.
          const order = table === 'movements' ? 'user_id is not null, id' : 'id';
          const found = await run(`select id from ${qualified(schema, table)} where name = ? order by ${order} limit 1`, [ref.name]);
          if (found.length === 0) throw new GainslyUserDataError(`${table} "${ref.name}" (id ${ref.id} in the export) does not exist in this database`, table, 'name');
          map.set(ref.id, toNumber(found[0]!.id));
        }
        idMap.set(`ref:${table}`, map);
      }
      const inserted = {} as Record<UserDataTable, number>;
      const cleared = new Map<string, number>();
      for (const table of USER_DATA_TABLES) {
        const rows = doc.tables[table] ?? [];
        inserted[table] = rows.length;
        const map = new Map<number, number>();
        idMap.set(table, map);
        if (rows.length === 0) continue;
        const attributes = await run(`select attname, attnotnull from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped`, [`${qualified(schema, table)}`]);
        const columns = new Set(attributes.map((r) => String(r.attname)));
        const nullable = new Set(attributes.filter((r) => r.attnotnull !== true).map((r) => String(r.attname)));
        const ids = await run(`select nextval(pg_get_serial_sequence(?, 'id'))::int as id from generate_series(1, ?)`, [`${qualified(schema, table)}`, rows.length]);
        rows.forEach((row, i) => {
          if (typeof row.id !== 'number') throw new GainslyUserDataError(`${table}[${i}].id must be a number`, table, 'id');
          map.set(row.id, toNumber(ids[i]!.id));
        });
        const prepared = rows.map((original, i) => {
          const row: Record<string, unknown> = { ...original, id: map.get(original.id as number) };
          for (const key of Object.keys(row)) {
            if (!columns.has(key)) throw new GainslyUserDataError(`${table}[${i}].${key}: no such column in this database`, table, key);
          }
          for (const [fkTable, column, to] of USER_FOREIGN_KEYS) {
            if (fkTable !== table || row[column] == null) continue;
            const old = row[column] as number;
            const mapped = idMap.get(to)?.get(old) ?? idMap.get(`ref:${to}`)?.get(old);
            if (mapped === undefined) {
              // Another user's row in the source database (a soreness log blaming their session):
              // it does not travel, so a nullable reference is cleared; a non-null one cannot be.
              if (nullable.has(column)) {
                row[column] = null;
                cleared.set(`${table}.${column}`, (cleared.get(`${table}.${column}`) ?? 0) + 1);
                continue;
              }
              throw new GainslyUserDataError(`${table}[${i}].${column}: ${to} ${old} is neither in the document nor in its references`, table, column);
            }
            row[column] = mapped;
          }
          fromWireRow(table, row);
          rejectForbiddenKeys(row, table, i);
          return row;
        });
        const keys = [...new Set(prepared.flatMap((r) => Object.keys(r)))].map(quoteIdent).join(', ');
        for (let start = 0; start < prepared.length; start += 1000) {
          await run(
            `insert into ${qualified(schema, table)} (${keys}) select ${keys} from json_populate_recordset(null::${qualified(schema, table)}, ?::json)`,
            [JSON.stringify(prepared.slice(start, start + 1000))],
          );
        }
      }
      report = {
        userId: idMap.get('users')!.values().next().value!,
        dryRun: opts.dryRun === true,
        inserted,
        clearedReferences: [...cleared].map(([key, rows]) => ({ table: key.split('.')[0]!, column: key.split('.')[1]!, rows })),
      };
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}
