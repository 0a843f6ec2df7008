import { MikroORM } from '@mikro-orm/postgresql';
import type { MigrateOptions, MigrationInfo } from '@mikro-orm/core';
import type { Migrator, MigrationStorage } from '@mikro-orm/migrations';
import { appSchemaOf, gainslyConfig, migrationSet, MIGRATIONS_TABLE, resolveDatabaseUrl, type AppSchema, type GainslyOrmOptions } from './config.js';
import { maskDatabaseUrl, parseDatabaseUrl } from './database-url.js';
import { createPgliteOrm } from './embedded.js';
import { GainslySchemaError, GainslyConfigError } from '../orm/errors.js';
import type { AnyMikroORM } from '../orm/context.js';
import { sql } from 'kysely';
import { executeBound } from '../orm/bound-query.js';
import { loadValidation } from '../orm/validation.js';

/**
 * Connects to a Gainsly database and returns a ready MikroORM instance with every entity,
 * repository, enum type and migration registered. It does not migrate: call {@link migrate}.
 *
 * By default it proves the connection with one query before returning, so a wrong host, password
 * or database name fails here, typed (`GainslyServerUnreachableError`, `GainslyAuthenticationError`,
 * `GainslyNoSuchDatabaseError`), not on the first request. It does not require the schema, so that
 * `createGainslyOrm()` + `migrate(orm)` works on a new database; pass `verify: 'schema'` to also
 * refuse a database that is not fully migrated (`GainslySchemaError` naming the command that fixes
 * it), or `verify: false` to connect lazily. See `verify` in {@link GainslyOrmOptions}.
 *
 * @throws {GainslyConfigError} no URL, or an unsupported one
 * @throws {GainslyConnectionError} (or a subclass) when `verify` is on and the database cannot be reached
 * @throws {GainslySchemaError} with `verify: 'schema'`, when the schema is not fully migrated
 * @example
 * ```ts
 * const orm = await createGainslyOrm({ url: 'postgres://gainsly@localhost:5432/gainsly' });
 * await migrate(orm);
 * const users = orm.em.fork().getRepository(User);
 *
 * // A service that leaves migrations to its deploy step:
 * const strict = await createGainslyOrm({ url: process.env.DATABASE_URL, verify: 'schema' });
 * ```
 */
export async function createGainslyOrm(options: GainslyOrmOptions = {}): Promise<MikroORM> {
  const verify = options.verify ?? true;
  if (verify !== true && verify !== false && verify !== 'schema') {
    throw new GainslyConfigError(`verify must be true, false or 'schema', got ${JSON.stringify(verify) ?? String(verify)}`);
  }
  const url = resolveDatabaseUrl(options.url);
  const target = parseDatabaseUrl(url);
  // Loaded here rather than at import (issue #23, cold start), before the configuration needs them.
  await migrationSet.load();
  // The validation schemas load beside the connection (orm/validation.ts): an embedded database
  // does not go through our driver's connect.
  const [orm] = await Promise.all([target.kind === 'pglite' ? createPgliteOrm(target.dataDir, options) : MikroORM.init(gainslyConfig({ ...options, url })), loadValidation()]);
  if (verify === false) return orm;
  try {
    const state = await inspectSchema(orm);
    if (verify === 'schema') refuseUnlessMigrated(state, target.kind === 'pglite' ? url : maskDatabaseUrl(url));
  } catch (error) {
    // Do not leave a pool (or an embedded database) open behind a failed start-up.
    await orm.close(true).catch(() => undefined);
    throw error;
  }
  return orm;
}

/** What {@link inspectSchema} found. */
interface SchemaState {
  database: string;
  /** Library migrations recorded in the bookkeeping table (none when it is absent). */
  applied: ReadonlySet<string>;
  /** Whether any of the library's tables exists (`users`), or upstream's `alembic_version`. */
  hasTables: boolean;
  hasAlembic: boolean;
}

/**
 * One round trip that proves the connection and reads the schema's state. Read-only: it creates
 * nothing (MikroORM's migrator would create its table just to list migrations).
 */
async function inspectSchema(orm: MikroORM): Promise<SchemaState> {
  const em = orm.em.fork();
  const [row] = await executeBound<{ database: string; migrations: boolean; users: boolean; alembic: boolean }>(
    em,
    sql`select current_database() as database, to_regclass(${MIGRATIONS_TABLE}) is not null as migrations, to_regclass('users') is not null as users, to_regclass('alembic_version') is not null as alembic`,
  );
  const applied = row?.migrations ? await executeBound<{ name: string }>(em, sql`select name from ${sql.table(MIGRATIONS_TABLE)}`) : [];
  return { database: row?.database ?? '?', applied: new Set(applied.map((r) => r.name)), hasTables: row?.users === true, hasAlembic: row?.alembic === true };
}

function refuseUnlessMigrated(state: SchemaState, where: string): void {
  const pending = migrationSet.now().MIGRATIONS.map((m) => m.name).filter((name) => !state.applied.has(name));
  if (pending.length === 0) return;
  if (state.applied.size === 0 && (state.hasTables || state.hasAlembic)) {
    throw new GainslySchemaError(
      `Database "${state.database}" (${where}) was created by the upstream app and is not adopted: the library's migrations are not recorded. Run \`npx gainsly-db doctor\`, then \`npx gainsly-db adopt\` (it changes no row).`,
      'not_adopted',
      'npx gainsly-db adopt',
    );
  }
  if (state.applied.size === 0) {
    throw new GainslySchemaError(
      `Database "${state.database}" (${where}) has no Gainsly schema (not migrated). Run \`npx gainsly-db migrate\`, or \`await migrate(orm)\` on an ORM created with verify: true.`,
      'not_migrated',
      'npx gainsly-db migrate',
    );
  }
  throw new GainslySchemaError(
    `Database "${state.database}" (${where}) has ${pending.length} pending migration${pending.length === 1 ? '' : 's'} (${pending.join(', ')}): run \`npx gainsly-db migrate\` (or \`await migrate(orm)\`).`,
    'migrations_pending',
    'npx gainsly-db migrate',
  );
}

/**
 * What {@link migrate} did.
 * @example
 * ```ts
 * const result: MigrationResult = await migrate(orm); // { applied: ['0001-upstream-schema', ...] }
 * ```
 */
export interface MigrationResult {
  /** Names of the library's migrations applied by this call, in order; empty when the schema was current. */
  applied: string[];
  /**
   * Names of the application's own migrations (`appMigrations` of {@link GainslyOrmOptions})
   * applied by this call, after the library's; present only when the ORM was configured with them.
   */
  app?: string[];
}

/**
 * Key of the transaction-scoped advisory lock under which migrations run, shared with `adopt`:
 * one schema change at a time per database, whatever the number of processes. @internal
 */
export const SCHEMA_LOCK_KEY = 0x6761_696e_736c; // "gainsl"

/**
 * Applies every pending library migration, in one transaction, then (when the ORM was configured
 * with `appMigrations`, see {@link GainslyOrmOptions}) every pending migration of the application,
 * in a second one, recorded in its own table. Safe to call on every start-up:
 * a second call applies nothing, and several processes calling it at once (replicas starting
 * together) take turns under an advisory lock: the first applies the migrations, the others then
 * find nothing to apply and return `{ applied: [] }`.
 *
 * It never creates the database: on a URL naming one that does not exist it fails with
 * `GainslyNoSuchDatabaseError` and creates nothing.
 *
 * `orm` may be any MikroORM instance a framework hands out (`@mikro-orm/core`'s or
 * `@mikro-orm/postgresql`'s, whatever its generics): NestJS's `app.get(MikroORM)` included. It
 * works on the ORM's own connection, so no request context is needed.
 *
 * @throws {GainslyNoSuchDatabaseError} the database of the URL does not exist
 * @example
 * ```ts
 * const { applied } = await migrate(orm); // or: await migrate(app.get(MikroORM)) in a Nest bootstrap
 * console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema is current');
 * ```
 */
export async function migrate(orm: AnyMikroORM): Promise<MigrationResult> {
  const gainsly = orm as unknown as MikroORM;
  const done = await runMigrationsLocked(gainsly, {});
  const applied = done.map((m) => m.name);
  const app = appSchemaOf(gainsly.config);
  if (!app) return { applied };
  // After the library's, in a transaction of its own: the app's migrations may rely on every
  // library table and column, and a failing app migration leaves the library's schema current.
  const appDone = await runMigrationsLocked(gainsly, {}, appMigrator(gainsly, app));
  return { applied, app: appDone.map((m) => m.name) };
}

/**
 * A second MikroORM migrator over the same ORM, for the application's migrations: its own list
 * and its own bookkeeping table, so the two histories never mix (MikroORM's migrator reads one
 * list and one table from the configuration; the library's stays the ORM's `orm.migrator`).
 */
function appMigrator(orm: MikroORM, app: AppSchema): Migrator {
  const migrator = new (migrationSet.now().Migrator)(orm.em);
  const internals = migrator as unknown as { options: Record<string, unknown>; initServices(): void };
  internals.options = { ...internals.options, tableName: app.tableName, migrationsList: [...app.migrations] };
  // Rebuilds the storage and runner on the app's table and list (the constructor built them on the library's).
  internals.initServices();
  return migrator;
}

/**
 * `orm.migrator.up(options)` under {@link SCHEMA_LOCK_KEY}, deciding what is pending only once
 * the lock is held. Two transactions, both under the lock: the first creates MikroORM's
 * bookkeeping table (concurrent `create table if not exists` race on PostgreSQL's catalog, which
 * made three of four simultaneous first runs fail with a unique violation on `pg_type`); the
 * second reads what is applied and applies the rest. Between them, the migrator initialises on a
 * connection of its own (it would otherwise wait for the one the transaction holds).
 * A transaction-scoped lock, so it also works through a transaction-pooling PgBouncer.
 * @internal
 */
export async function runMigrationsLocked(orm: MikroORM, options: Omit<MigrateOptions, 'transaction'>, migrator: MikroORM['migrator'] = orm.migrator): Promise<MigrationInfo[]> {
  const connection = orm.em.getConnection();
  const storage = migrator.getStorage() as MigrationStorage;
  // The one statement not run by executeBound (orm/bound-query.ts): it must run in the migrator's
  // own connection transaction (`trx`, shared with its migration storage), which no entity manager
  // holds. Its only value is a constant key.
  const lock = (trx: unknown) => connection.execute('select pg_advisory_xact_lock(?)', [SCHEMA_LOCK_KEY], 'run', trx as never);
  await connection.transactional(async (trx) => {
    await lock(trx);
    storage.setMasterMigration(trx);
    try {
      await storage.ensureTable();
    } finally {
      storage.unsetMasterMigration();
    }
  });
  // Initialises the migrator (its database check, the table now exists) outside any transaction.
  await migrator.getPending();
  return connection.transactional(async (trx) => {
    await lock(trx);
    return migrator.up({ ...options, transaction: trx });
  });
}
