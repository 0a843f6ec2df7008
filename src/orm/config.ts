import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { GainslyPostgreSqlDriver } from './driver.js';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from '../modules/entities.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { GainslyNamingStrategy } from './naming-strategy.js';
import { StrictHydrator } from './strict-hydrator.js';
import { GainslyConfigError, maskDatabaseUrl, parseDatabaseUrl } from './database-url.js';
import { GainslySchemaGenerator } from './schema-generator.js';

/**
 * Name of the table in which the library records its applied migrations (beside upstream's `alembic_version`).
 * @example
 * ```ts
 * await orm.em.getConnection().execute(`select name from ${MIGRATIONS_TABLE} order by id`);
 * ```
 */
export const MIGRATIONS_TABLE = 'gainsly_db_migrations';

/**
 * Options for {@link createGainslyOrm} and {@link gainslyConfig}: a database URL plus any MikroORM
 * option you want to override (pool size, debug, logger, ...).
 *
 * @example
 * ```ts
 * const options: GainslyOrmOptions = { url: 'postgres://gainsly@localhost:5432/gainsly', pool: { max: 10 } };
 * ```
 */
export type GainslyOrmOptions = Omit<Partial<Options>, 'entities' | 'entitiesTs' | 'clientUrl'> & {
  /**
   * `postgres://…` / `postgresql://…`, `pglite:` (in memory) or `pglite:<dir>`.
   * Defaults to env `GAINSLY_DATABASE_URL`, then `DATABASE_URL`.
   */
  url?: string | undefined;
  /**
   * The longest a call waits for a pool connection, in milliseconds: for a free one when all
   * `pool.max` are busy, or for a new one to connect. Then it fails with `GainslyTimeoutError`
   * (pool exhausted) or `GainslyServerUnreachableError` (no answer), instead of waiting forever.
   * Default {@link DEFAULT_ACQUIRE_TIMEOUT_MS} (10 s). It is pg's `connectionTimeoutMillis`: an
   * explicit `driverOptions.connectionTimeoutMillis` wins. PostgreSQL servers only.
   */
  acquireTimeoutMs?: number | undefined;
  /**
   * What {@link createGainslyOrm} checks before it returns (ignored by {@link gainslyConfig}):
   *
   * - `true` (default): connects and runs one query, so a wrong host, password or database name
   *   fails here with `GainslyServerUnreachableError`, `GainslyAuthenticationError` or
   *   `GainslyNoSuchDatabaseError`. The schema is not required: `migrate(orm)` must work on a new
   *   database. A query that later meets a missing library table fails with `GainslySchemaError`
   *   naming the command that fixes it.
   * - `'schema'`: the same, and the schema must be fully migrated; otherwise `GainslySchemaError`
   *   (`not_migrated` → `npx gainsly-db migrate`, `not_adopted` → `npx gainsly-db adopt`,
   *   `migrations_pending` → `npx gainsly-db migrate`). For services that never migrate themselves.
   * - `false`: no connection until the first query (frameworks that connect lazily).
   */
  verify?: boolean | 'schema' | undefined;
};

/**
 * Default of `acquireTimeoutMs` ({@link GainslyOrmOptions}): 10 seconds.
 * @example
 * ```ts
 * await createGainslyOrm({ url, acquireTimeoutMs: DEFAULT_ACQUIRE_TIMEOUT_MS * 3 });
 * ```
 */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;

/** @internal */
export function resolveDatabaseUrl(url: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const resolved = url ?? env.GAINSLY_DATABASE_URL ?? env.DATABASE_URL;
  if (!resolved) {
    throw new GainslyConfigError(
      'No database URL: pass { url }, or set GAINSLY_DATABASE_URL or DATABASE_URL. ' +
        "For an embedded in-process database use url 'pglite:' (in memory) or 'pglite:<dir>'.",
    );
  }
  return resolved;
}

/** The options every Gainsly ORM shares, whatever the driver. @internal */
export function baseOptions(): Partial<Options> {
  return {
    entities: [...ENTITIES],
    metadataProvider: ReflectMetadataProvider,
    namingStrategy: GainslyNamingStrategy,
    // Upstream stores naive UTC in `timestamp without time zone`.
    forceUtcTimezone: true,
    // Names the row in the GainslyDataError of a stored value the strict column types refuse.
    hydrator: StrictHydrator,
    extensions: [Migrator],
    migrations: {
      tableName: MIGRATIONS_TABLE,
      migrationsList: [...MIGRATIONS],
      // The schema is defined by our hand-written migrations; never write snapshot files
      // (they would land in the consumer's node_modules).
      snapshot: false,
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      silent: true,
    },
    // Entities are discovered from classes, never from folders.
    discovery: { warnWhenNoEntities: true },
  };
}

/**
 * The MikroORM configuration for a Gainsly PostgreSQL database, for frameworks that create the
 * ORM themselves (NestJS `MikroOrmModule.forRoot(gainslyConfig())`, the MikroORM CLI).
 * Entities, migrations, the naming strategy and the enum types are registered.
 *
 * @example
 * ```ts
 * MikroOrmModule.forRoot(gainslyConfig({ url: process.env.DATABASE_URL }));
 * ```
 */
export function gainslyConfig(options: GainslyOrmOptions = {}): Options {
  const { url, acquireTimeoutMs, verify: _verify, ...rest } = options;
  const resolved = resolveDatabaseUrl(url);
  const target = parseDatabaseUrl(resolved);
  if (target.kind !== 'postgresql') {
    throw new GainslyConfigError(`gainslyConfig() builds a PostgreSQL configuration; ${maskDatabaseUrl(resolved)} is an embedded URL, use createGainslyOrm() for it.`);
  }
  if (acquireTimeoutMs !== undefined && !(Number.isInteger(acquireTimeoutMs) && acquireTimeoutMs > 0)) {
    throw new GainslyConfigError(`acquireTimeoutMs must be a positive integer number of milliseconds, got ${String(acquireTimeoutMs)}`);
  }
  const base = baseOptions();
  return defineConfig({
    ...base,
    // Our schema generator never creates a database (MikroORM's migrator would).
    extensions: [...(base.extensions ?? []), GainslySchemaGenerator],
    driver: GainslyPostgreSqlDriver,
    clientUrl: target.url,
    // A typo in the database name must fail, not silently create an empty database.
    ensureDatabase: false,
    ...rest,
    driverOptions: withAcquireTimeout(rest.driverOptions, acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS),
    migrations: { ...base.migrations, ...rest.migrations },
  });
}

/**
 * pg's `connectionTimeoutMillis` bounds both the wait for a free pool connection and the connect
 * of a new one; without it (pg's default) a caller waits forever. A Kysely instance or dialect
 * given as `driverOptions` owns its pool and is left alone, and so is an explicit value.
 */
function withAcquireTimeout(driverOptions: Options['driverOptions'], timeoutMs: number): Options['driverOptions'] {
  if (driverOptions === undefined) return { connectionTimeoutMillis: timeoutMs };
  if (typeof driverOptions !== 'object' || driverOptions === null || 'createDriver' in driverOptions || 'executeQuery' in driverOptions) return driverOptions;
  const record = driverOptions as Record<string, unknown>;
  return record.connectionTimeoutMillis === undefined ? { ...record, connectionTimeoutMillis: timeoutMs } : driverOptions;
}
