import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AnyMikroORM } from '../orm/context.js';
import type { MigrationsOptions } from '@mikro-orm/core';
import { MigrationStorage } from '@mikro-orm/migrations';
import { inspectDatabase } from './doctor/doctor.js';
import { fixStatements } from './doctor/fixes.js';
import type { DoctorReport } from './doctor/types.js';
import { GainslyAdoptError } from './errors.js';
import { plannedTables } from './library-tables.js';
import { ormLocation } from './sql.js';
import { emRunner, quoteIdent, toNumber } from '../orm/sql-helpers.js';
import { SCHEMA_LOCK_KEY } from '../setup/create-orm.js';

/**
 * Options of {@link adopt}.
 *
 * @example
 * ```ts
 * await adopt(orm, { dryRun: true }); // what would change, changing nothing
 * ```
 */
export interface AdoptOptions {
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
  /** Plan only: return what would change without changing anything. Default `false`. */
  dryRun?: boolean;
  /**
   * How long each DDL statement may wait for a table lock held by the running app before adopt
   * gives up (and rolls back) instead of queueing every other query behind it. Default 10 000 ms.
   */
  lockTimeoutMs?: number;
}

/**
 * What {@link adopt} did.
 *
 * @example
 * ```ts
 * const { changed, report } = await adopt(orm);
 * changed; // ['added label WAVE_LOADING to enum progressionstyle', 'added column movements.tags (json null)', ...]
 * report.ok; // true
 * ```
 */
export interface AdoptResult {
  /** One sentence per change, in the order made; empty when the database was already adopted. */
  changed: string[];
  /** The SQL statements run (or, with `dryRun`, that would run); migrations recorded through MikroORM are not listed. */
  statements: string[];
  /** Nothing needed changing (a second run, or a database made by `migrate`). */
  alreadyAdopted: boolean;
  dryRun: boolean;
  /** The doctor report before adopting. */
  before: DoctorReport;
  /** The doctor report afterwards (with `dryRun`: the same as `before`). `report.ok` is true after a real run. */
  report: DoctorReport;
}

/** The advisory lock that serialises adopt runs on one database, shared with migrate (one schema change at a time). */
const ADOPT_LOCK_KEY = SCHEMA_LOCK_KEY;
/** PostgreSQL 12 allows ALTER TYPE ... ADD VALUE inside a transaction block. */
const PG_ADD_VALUE_IN_TRANSACTION = 120000;

/**
 * Brings a database the upstream Python app created up to the schema of docs/data-model.md without
 * losing or changing a row: adds what that schema has and the database lacks (`movements.tags`,
 * the `WAVE_LOADING` label, the documented server defaults), the library's performance indexes (migration 0003)
 * and any table the library's own migrations add (`LIBRARY_ADDED_TABLES`, created with its migration's statements),
 * then records the library's migrations as applied so `migrate` has nothing to do. Upstream's tables, columns, `alembic_version` and data are left
 * alone, so the Python app keeps working. Afterwards {@link doctor} reports `ok`.
 *
 * Everything runs in one transaction under an advisory lock (two adopts cannot interleave); the
 * result is checked with `doctor` before commit, and any failure rolls everything back. Adding an
 * enum label is transactional on PostgreSQL >= 12 (the new label is not used before commit); on
 * older servers the label is added first, on its own, which is harmless if the rest then fails.
 * DDL waits at most `lockTimeoutMs` for table locks held by the running app. Creating the indexes
 * blocks writes to `pattern_exposures` and `movements` while they build (seconds on millions of
 * exposures); on a large live database, build them first with `create index concurrently` (same
 * names and definitions, see migration 0003) and adopt then has nothing to create.
 *
 * Safe to run twice: the second run changes nothing (`alreadyAdopted`). A database made by
 * `migrate` is already adopted. When doctor finds anything it cannot fix safely (a missing or
 * retyped column, a missing upstream index, an unknown migration, an empty database), it refuses with a
 * {@link GainslyAdoptError} carrying the report, and changes nothing.
 *
 * @throws {GainslyAdoptError} when the database has `error` findings
 * @example
 * ```ts
 * const orm = await createGainslyOrm({ url: process.env.DATABASE_URL });
 * const { changed, report } = await adopt(orm);
 * console.log(changed.length ? changed.join('\n') : 'already adopted');
 * console.log(report.ok); // true
 * await migrate(orm); // { applied: [] }
 * ```
 */
export async function adopt(target: AnyMikroORM, options: AdoptOptions = {}): Promise<AdoptResult> {
  // Any MikroORM a framework hands out (NestJS's has readonly generics); a Gainsly one at run time.
  const orm = target as unknown as MikroORM;
  const location = ormLocation(orm, options.schema);
  const em = orm.em.fork();
  const lockTimeout = `${Math.max(0, Math.round(options.lockTimeoutMs ?? 10_000))}ms`;

  // A read-only look first: refuse early, and learn whether enum labels need the pre-12 path.
  const preview = await inspectDatabase(emRunner(em), location);
  refuseIfUnsafe(preview);
  const planned = planAdoption(preview);
  if (options.dryRun) {
    return { changed: planned.changes, statements: planned.statements, alreadyAdopted: planned.changes.length === 0, dryRun: true, before: preview, report: preview };
  }
  if (planned.changes.length === 0) {
    return { changed: [], statements: [], alreadyAdopted: true, dryRun: false, before: preview, report: preview };
  }

  const changed: string[] = [];
  const statements: string[] = [];
  const serverVersion = toNumber((await emRunner(em)('show server_version_num'))[0]?.server_version_num);
  if (serverVersion > 0 && serverVersion < PG_ADD_VALUE_IN_TRANSACTION) {
    // PostgreSQL < 12 refuses ADD VALUE in a transaction block: add the labels first, each on its
    // own (IF NOT EXISTS makes that idempotent, and an unused label harms nothing).
    for (const fix of fixStatements(preview).filter((f) => f.finding.kind === 'enum_label_missing')) {
      await emRunner(em)(fix.sql);
      changed.push(fix.change);
      statements.push(fix.sql);
    }
  }

  return em.transactional(async (tx) => {
    const run = emRunner(tx);
    await run('select pg_advisory_xact_lock(?)', [ADOPT_LOCK_KEY]);
    await run(`select set_config('lock_timeout', ?, true)`, [lockTimeout]);
    // Re-inspect under the lock: another adopt may have finished meanwhile.
    const before = await inspectDatabase(run, location);
    refuseIfUnsafe(before);
    // Tables first: a later column or index fix may be on one of them (not today: doctor reports
    // only `table_missing` for a missing table), and enum labels exist already.
    for (const table of plannedTables(before)) {
      // The migration's statements name tables unqualified: run them on the target schema, then
      // put the search path back for the rest of the transaction.
      const path = String((await run(`select current_setting('search_path') as path`))[0]?.path ?? '');
      await run(`select set_config('search_path', ?, true)`, [quoteIdent(location.schema)]);
      for (const sql of table.statements) {
        await run(sql);
        statements.push(sql);
      }
      await run(`select set_config('search_path', ?, true)`, [path]);
      changed.push(table.change);
    }
    for (const fix of fixStatements(before)) {
      await run(fix.sql);
      changed.push(fix.change);
      statements.push(fix.sql);
    }
    for (const name of before.migrations.pending) {
      changed.push(`recorded migration ${name} in ${location.migrationsTable}`);
    }
    await recordMigrations(orm, tx, before.migrations.pending);

    const after = await inspectDatabase(run, location);
    if (!after.ok) {
      throw new GainslyAdoptError('adopt did not bring the database up to the overview, so it rolled back', after);
    }
    return { changed, statements, alreadyAdopted: changed.length === 0, dryRun: false, before: preview, report: after };
  });
}

function refuseIfUnsafe(report: DoctorReport): void {
  if (report.database.kind === 'empty') {
    throw new GainslyAdoptError('adopt refused: the database has none of the library\'s tables (run `gainsly-db migrate`, or migrate(orm) in code, to create them)', report);
  }
  if (report.summary.errors > 0) {
    throw new GainslyAdoptError(`adopt refused: ${report.summary.errors} difference(s) it cannot fix safely`, report);
  }
}

/**
 * What adopt would change, in the order it changes it: the library's missing tables (their
 * migration's statements), then the enum labels, columns, defaults and indexes, then the
 * migrations it records. `tableDdl` defaults to the generated `LIBRARY_ADDED_TABLE_DDL`; tests pass
 * their own to plan a table the product does not add.
 * @internal
 */
export function planAdoption(report: DoctorReport, tableDdl?: Readonly<Record<string, readonly string[]>>): { changes: string[]; statements: string[] } {
  const tables = plannedTables(report, tableDdl);
  const fixes = fixStatements(report);
  return {
    changes: [...tables.map((t) => t.change), ...fixes.map((f) => f.change), ...report.migrations.pending.map((n) => `recorded migration ${n} in ${report.migrations.table}`)],
    statements: [...tables.flatMap((t) => t.statements), ...fixes.map((f) => f.sql)],
  };
}

/**
 * Records migrations as applied through MikroORM's own migration storage (so the table has exactly
 * the layout `migrate` expects), inside the adopt transaction. A fresh storage instance is used so
 * a rollback cannot leave the ORM's migrator believing the table exists.
 */
async function recordMigrations(orm: MikroORM, tx: EntityManager, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const trx = tx.getTransactionContext();
  if (!trx) throw new Error('adopt: expected to run inside a transaction');
  const storage = new MigrationStorage(orm.em.getDriver(), orm.config.get('migrations') as MigrationsOptions);
  storage.setMasterMigration(trx);
  try {
    await storage.ensureTable();
    for (const name of names) await storage.logMigration({ name }, trx);
  } finally {
    storage.unsetMasterMigration();
  }
}
