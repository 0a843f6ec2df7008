import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { GainslyPostgreSqlDriver, PREPARED_STATEMENTS_KEY, REPLICA_POLICY_KEY } from './driver.js';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from '../modules/entities.js';
import type * as MigrationSet from './migration-set.js';
import { EAGER as EAGER_MIGRATIONS } from './migration-set-eager.js';
import { lazyModule } from '../orm/lazy-module.js';
import { GainslyNamingStrategy } from '../orm/naming-strategy.js';
import { StrictHydrator } from './strict-hydrator.js';
import { GainslyConfigError } from '../orm/errors.js';
import { maskDatabaseUrl, parseDatabaseUrl } from './database-url.js';
import { GainslySchemaGenerator } from './schema-generator.js';
import { DEFAULT_REPLICA_POLICY, type ReplicaPolicy } from '../orm/replicas.js';

export { MIGRATIONS_TABLE } from './migrations-table.js';
import { MIGRATIONS_TABLE } from './migrations-table.js';

/**
 * Options for {@link createGainslyOrm} and {@link gainslyConfig}: a database URL plus any MikroORM
 * option you want to override (pool size, debug, logger, ...).
 *
 * @example
 * ```ts
 * const options: GainslyOrmOptions = { url: 'postgres://gainsly@localhost:5432/gainsly', pool: { max: 10 } };
 * ```
 */
export type GainslyOrmOptions = Omit<Partial<Options>, 'entities' | 'entitiesTs' | 'clientUrl' | 'replicas'> & {
  /**
   * Streaming read replicas of the database, as URLs (`postgres://…`) or `{ url, name }`. Library
   * reads outside a transaction (the read models, `forUser`/`forViewer` reads) go to a replica
   * that has replayed the reading user's last write through this ORM, else to the primary; writes,
   * reads inside a transaction and scopes made with `consistency: 'strong'` use the primary. A
   * replica that cannot be reached is left out for a while and its reads run on the primary
   * (`replicaPolicy`). Your own `em.find` calls stay on the primary unless they ask for
   * `connectionType: 'read'` (without read-your-writes). See docs/scaling.md.
   */
  replicas?: readonly (string | { url: string; name?: string | undefined })[] | undefined;
  /** How replicas are used: see {@link ReplicaPolicy}. */
  replicaPolicy?: ReplicaPolicy | undefined;
  /**
   * Whether the library's frequent statements (logging a workout, the week view, PSI, movement
   * search, …) are prepared once per connection and then only bound (named prepared statements;
   * the server skips parsing and planning them on every call). Default `true`. Set `false` behind
   * a pooler that moves clients between server connections and does not carry prepared statements
   * along: PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`. Without
   * the option, a database URL's `gainsly_prepared_statements=false` parameter does the same.
   * PostgreSQL servers only. See docs/scaling.md, "Connection poolers".
   */
  preparedStatements?: boolean | undefined;
  /**
   * The application's own entity classes, registered after the library's (which are always
   * there). They may reference the library's entities (a `@ManyToOne(() => User)`); their tables
   * come from `appMigrations`.
   */
  entities?: Options['entities'] | undefined;
  /**
   * The application's own migrations, in order, each `{ name, class }` as MikroORM's
   * `migrationsList`. `migrate` applies them after the library's, which always run first and in
   * their own order; they are recorded in their own table (`appMigrationsTable`), so neither
   * side's history can shadow the other's (the same name may appear on both sides).
   * `migrations.migrationsList` (or `path`, `glob`) is refused: it would replace the library's list.
   */
  appMigrations?: readonly MigrationObject[] | undefined;
  /** Where the application's migrations are recorded; default {@link APP_MIGRATIONS_TABLE}. */
  appMigrationsTable?: string | undefined;
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
 * Default table in which {@link migrate} records the application's own migrations
 * (`appMigrations` of {@link GainslyOrmOptions}), apart from the library's {@link MIGRATIONS_TABLE}.
 * @example
 * ```ts
 * await orm.em.getConnection().execute(`select name from ${APP_MIGRATIONS_TABLE} order by id`);
 * ```
 */
export const APP_MIGRATIONS_TABLE = 'app_migrations';

/** The application's migrations as the ORM configuration carries them to `migrate`. @internal */
export interface AppSchema {
  readonly migrations: readonly MigrationObject[];
  readonly tableName: string;
}

/** Key of {@link AppSchema} in the MikroORM `migrations` options (MikroORM ignores it). @internal */
export const APP_SCHEMA_KEY = 'gainslyApp';

/** The application's migrations configured on an ORM, or `undefined`. @internal */
export function appSchemaOf(config: { get(key: 'migrations'): unknown }): AppSchema | undefined {
  const migrations = config.get('migrations') as Record<string, unknown> | undefined;
  return migrations?.[APP_SCHEMA_KEY] as AppSchema | undefined;
}

const SQL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The entities and migration options of an ORM with the application's schema beside the
 * library's: the library's entities first, then the app's; the library's migration list, never
 * replaced; the app's list and table under {@link APP_SCHEMA_KEY}. @internal
 */
export function composeSchema(
  base: Partial<Options>,
  options: Pick<GainslyOrmOptions, 'entities' | 'appMigrations' | 'appMigrationsTable' | 'migrations'>,
): Pick<Options, 'entities' | 'migrations'> {
  const { entities, appMigrations, appMigrationsTable, migrations } = options;
  if (migrations !== undefined && (typeof migrations !== 'object' || migrations === null)) {
    throw new GainslyConfigError('migrations must be an object of MikroORM migration options.');
  }
  if (migrations && ('migrationsList' in migrations || 'path' in migrations || 'pathTs' in migrations || 'glob' in migrations)) {
    throw new GainslyConfigError(
      "migrations.migrationsList / path / glob would replace the library's migrations: pass your own as appMigrations: [{ name, class }, ...]; migrate() runs them after the library's.",
    );
  }
  if (entities !== undefined && !Array.isArray(entities)) throw new GainslyConfigError('entities must be an array of your entity classes.');
  const libraryTable = migrations?.tableName ?? base.migrations?.tableName ?? MIGRATIONS_TABLE;
  let app: AppSchema | undefined;
  if (appMigrations !== undefined || appMigrationsTable !== undefined) {
    if (appMigrations !== undefined && !Array.isArray(appMigrations)) throw new GainslyConfigError('appMigrations must be an array of { name, class } migrations.');
    const list = [...(appMigrations ?? [])];
    const names = new Set<string>();
    for (const [index, m] of list.entries()) {
      if (typeof m !== 'object' || m === null || typeof m.name !== 'string' || !m.name || typeof m.class !== 'function') {
        throw new GainslyConfigError(`appMigrations[${index}] must be { name: string, class: MigrationClass }.`);
      }
      if (names.has(m.name)) throw new GainslyConfigError(`appMigrations has two migrations named ${JSON.stringify(m.name)}: names are what the migrations table records.`);
      names.add(m.name);
    }
    const tableName = appMigrationsTable ?? APP_MIGRATIONS_TABLE;
    if (typeof tableName !== 'string' || !SQL_NAME.test(tableName)) {
      throw new GainslyConfigError(`appMigrationsTable must be a lower-case SQL name, got ${JSON.stringify(tableName) ?? String(tableName)}.`);
    }
    if (tableName === libraryTable) throw new GainslyConfigError(`appMigrationsTable must differ from the library's migrations table (${libraryTable}).`);
    app = Object.freeze({ migrations: Object.freeze(list), tableName });
  }
  return {
    entities: [...(base.entities ?? []), ...(entities ?? [])],
    migrations: { ...base.migrations, ...migrations, ...(app ? { [APP_SCHEMA_KEY]: app } : {}) },
  };
}

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
  // A blank value counts as unset, as in the CLI (cli/connection.ts): `GAINSLY_DATABASE_URL=` left
  // empty in a .env file must not hide DATABASE_URL.
  const resolved = [url, env.GAINSLY_DATABASE_URL, env.DATABASE_URL].find((value) => value !== undefined && value.trim() !== '');
  if (resolved === undefined) {
    throw new GainslyConfigError(
      'No database URL: pass { url }, or set GAINSLY_DATABASE_URL or DATABASE_URL. ' +
        "For an embedded in-process database use url 'pglite:' (in memory) or 'pglite:<dir>'.",
    );
  }
  return resolved;
}

/**
 * The library's migrations and MikroORM's migrator, loaded when an ORM is configured, not at import
 * (issue #23, cold start). `gainslyConfig` is synchronous, so it requires them (`now`). @internal
 */
export const migrationSet = lazyModule<typeof MigrationSet>({
  eager: EAGER_MIGRATIONS,
  load: () => import('./migration-set.js'),
  file: './internal/migrations.js',
  what: 'its migrations',
});

/** The options every Gainsly ORM shares, whatever the driver. @internal */
export function baseOptions(): Partial<Options> {
  const { Migrator, MIGRATIONS } = migrationSet.now();
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
 * Entities, migrations, the naming strategy, the enum types and the library's driver
 * ({@link GainslyPostgreSqlDriver}) are registered.
 *
 * Lazy: the database URL (`url`, else env `GAINSLY_DATABASE_URL`, then `DATABASE_URL`) is read when
 * the ORM starts (`MikroORM.init`), not when this is called, so an application module that calls it
 * at import time can be imported by a test that sets the URL in `beforeAll`. A missing or embedded
 * URL is a `GainslyConfigError` at that point. Other options are checked here.
 *
 * @throws {GainslyConfigError} a bad `acquireTimeoutMs` (here); no URL or a `pglite:` one (when the ORM starts)
 * @example
 * ```ts
 * MikroOrmModule.forRoot(gainslyConfig());
 * // or, URL from Nest's ConfigService:
 * MikroOrmModule.forRootAsync(gainslyAsyncConfig({
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ url: config.getOrThrow('DATABASE_URL') }),
 * }));
 * ```
 */
export function gainslyConfig(options: GainslyOrmOptions = {}): Options {
  const { url, acquireTimeoutMs, verify: _verify, entities, appMigrations, appMigrationsTable, replicas, replicaPolicy, preparedStatements, ...rest } = options;
  if (acquireTimeoutMs !== undefined && !(Number.isInteger(acquireTimeoutMs) && acquireTimeoutMs > 0)) {
    throw new GainslyConfigError(`acquireTimeoutMs must be a positive integer number of milliseconds, got ${String(acquireTimeoutMs)}`);
  }
  if (preparedStatements !== undefined && typeof preparedStatements !== 'boolean') {
    throw new GainslyConfigError(`preparedStatements must be true or false, got ${JSON.stringify(preparedStatements) ?? String(preparedStatements)}`);
  }
  const policy = checkReplicaPolicy(replicaPolicy);
  const base = baseOptions();
  const schema = composeSchema(base, { entities, appMigrations, appMigrationsTable, migrations: rest.migrations });
  const config = defineConfig({
    ...base,
    // Our schema generator never creates a database (MikroORM's migrator would).
    extensions: [...(base.extensions ?? []), GainslySchemaGenerator],
    driver: GainslyPostgreSqlDriver,
    // A typo in the database name must fail, not silently create an empty database.
    ensureDatabase: false,
    ...rest,
    driverOptions: withAcquireTimeout(rest.driverOptions, acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS),
    // The library routes its own reads (replicas.ts); MikroORM's default would send every find
    // outside a transaction to a random replica, with no read-your-writes.
    preferReadReplicas: rest.preferReadReplicas ?? false,
    replicas: replicaOptions(replicas, rest.driverOptions, policy.connectTimeoutMs),
    [REPLICA_POLICY_KEY]: policy,
    ...(preparedStatements === undefined ? {} : { [PREPARED_STATEMENTS_KEY]: preparedStatements }),
    ...schema,
  } as Options);
  // A getter, defined after defineConfig (which spreads its argument): MikroORM.init copies the
  // options when the ORM starts, and that is when the environment is read. NestJS's forRoot keeps
  // the object as given until its MikroORM provider starts the ORM.
  Object.defineProperty(config, 'clientUrl', { enumerable: true, configurable: true, get: () => postgresUrl(url) });
  return config;
}

function checkReplicaPolicy(policy: ReplicaPolicy | undefined): Required<{ [K in keyof ReplicaPolicy]: number }> {
  if (policy !== undefined && (typeof policy !== 'object' || policy === null)) {
    throw new GainslyConfigError('replicaPolicy must be an object: { retryAfterMs?, connectTimeoutMs? }.');
  }
  const out: { retryAfterMs: number; connectTimeoutMs: number } = { ...DEFAULT_REPLICA_POLICY };
  for (const key of Object.keys(policy ?? {})) {
    const value = (policy as Record<string, unknown>)[key];
    if (key !== 'retryAfterMs' && key !== 'connectTimeoutMs') {
      throw new GainslyConfigError(`replicaPolicy has no option ${JSON.stringify(key)}; allowed: retryAfterMs, connectTimeoutMs.`);
    }
    if (value === undefined) continue;
    if (!(Number.isInteger(value) && (value as number) > 0)) {
      throw new GainslyConfigError(`replicaPolicy.${key} must be a positive integer number of milliseconds, got ${String(value)}`);
    }
    out[key] = value as number;
  }
  return out;
}

/**
 * MikroORM's `replicas` from the library's: each its own URL (nothing inherited from the primary's
 * but the pool and driver options), connecting within the replica connect timeout.
 */
function replicaOptions(replicas: GainslyOrmOptions['replicas'], driverOptions: Options['driverOptions'], connectTimeoutMs: number): Options['replicas'] {
  if (replicas === undefined) return [];
  if (!Array.isArray(replicas)) throw new GainslyConfigError('replicas must be an array of replica URLs (or { url, name } objects).');
  return replicas.map((replica: unknown, index) => {
    const given = typeof replica === 'string' ? { url: replica } : (replica as { url?: unknown; name?: unknown } | null);
    if (typeof given !== 'object' || given === null || typeof given.url !== 'string') {
      throw new GainslyConfigError(`replicas[${index}] must be a postgres:// URL or { url, name }.`);
    }
    const target = parseDatabaseUrl(given.url);
    if (target.kind !== 'postgresql') throw new GainslyConfigError(`replicas[${index}] (${maskDatabaseUrl(given.url)}) must be a PostgreSQL server URL.`);
    if (given.name !== undefined && (typeof given.name !== 'string' || !given.name)) throw new GainslyConfigError(`replicas[${index}].name must be a non-empty string.`);
    const where = new URL(target.url);
    return {
      name: (given.name as string | undefined) ?? `${where.hostname}:${where.port || 5432}`,
      clientUrl: target.url,
      driverOptions: withAcquireTimeout(driverOptions, connectTimeoutMs),
    };
  });
}

/** The URL of a PostgreSQL server, resolved now (see {@link gainslyConfig}). */
function postgresUrl(url: string | undefined): string {
  const resolved = resolveDatabaseUrl(url);
  const target = parseDatabaseUrl(resolved);
  if (target.kind !== 'postgresql') {
    throw new GainslyConfigError(`gainslyConfig() builds a PostgreSQL configuration; ${maskDatabaseUrl(resolved)} is an embedded URL, use createGainslyOrm() for it.`);
  }
  return target.url;
}

/**
 * Options of NestJS's `MikroOrmModule.forRootAsync` as {@link gainslyAsyncConfig} takes them: a
 * factory returning {@link GainslyOrmOptions} (not a whole MikroORM configuration), with what it
 * injects and imports. Typed structurally so the library needs no NestJS package.
 * @example
 * ```ts
 * const options: GainslyAsyncConfigOptions<[ConfigService]> = {
 *   inject: [ConfigService],
 *   useFactory: (config) => ({ url: config.getOrThrow('DATABASE_URL') }),
 * };
 * ```
 */
export interface GainslyAsyncConfigOptions<Args extends unknown[] = unknown[]> {
  /** Builds the options from the injected providers; may be async. */
  useFactory: (...args: Args) => GainslyOrmOptions | Promise<GainslyOrmOptions>;
  /** Providers passed to `useFactory`, in order (e.g. `[ConfigService]`). */
  inject?: unknown[];
  /** Modules those providers come from (e.g. `[ConfigModule]`). */
  imports?: unknown[];
  /** Any other `forRootAsync` option (`contextName`, `registerRequestContext`, ...) passes through. */
  [option: string]: unknown;
}

/**
 * `MikroOrmModule.forRootAsync` options for a Gainsly database: wraps your factory's result in
 * {@link gainslyConfig} and names the library's driver, which `@mikro-orm/nestjs` needs to register
 * `@mikro-orm/postgresql`'s `EntityManager` and `MikroORM` for injection when the factory injects
 * something (it cannot call such a factory early to find the driver out).
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     ConfigModule.forRoot(),
 *     MikroOrmModule.forRootAsync(gainslyAsyncConfig({
 *       imports: [ConfigModule],
 *       inject: [ConfigService],
 *       useFactory: (config: ConfigService) => ({ url: config.getOrThrow('DATABASE_URL'), pool: { max: 10 } }),
 *     })),
 *   ],
 * })
 * export class AppModule {}
 * ```
 */
export function gainslyAsyncConfig<O extends GainslyAsyncConfigOptions<never[]>>(options: O): GainslyAsyncModuleOptions<O> {
  if (typeof options !== 'object' || options === null || typeof options.useFactory !== 'function') {
    throw new GainslyConfigError('gainslyAsyncConfig() needs { useFactory } returning the gainslyConfig() options.');
  }
  const { useFactory, ...rest } = options;
  const factory = useFactory as (...args: unknown[]) => GainslyOrmOptions | Promise<GainslyOrmOptions>;
  return {
    ...rest,
    driver: GainslyPostgreSqlDriver,
    useFactory: async (...args: unknown[]) => gainslyConfig(await factory(...args)),
  } as unknown as GainslyAsyncModuleOptions<O>;
}

/**
 * What {@link gainslyAsyncConfig} returns: your options as given (`imports`, `inject` keep their
 * types, so NestJS's `forRootAsync` accepts them), the library's driver, and your factory wrapped
 * in {@link gainslyConfig}.
 * @example
 * ```ts
 * const options: GainslyAsyncModuleOptions<{ useFactory: () => GainslyOrmOptions }> = gainslyAsyncConfig({ useFactory: () => ({}) });
 * ```
 */
export type GainslyAsyncModuleOptions<O extends GainslyAsyncConfigOptions<never[]>> = Omit<O, 'useFactory' | 'driver'> & {
  /** The library's driver, named so `@mikro-orm/nestjs` registers the PostgreSQL EntityManager and MikroORM. */
  driver: typeof GainslyPostgreSqlDriver;
  /** Your factory, its result turned into the whole configuration by {@link gainslyConfig}. */
  useFactory: (...args: Parameters<O['useFactory']>) => Promise<Options>;
};

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
