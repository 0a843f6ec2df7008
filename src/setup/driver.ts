import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Configuration, ConnectionType, EntityManagerType } from '@mikro-orm/core';
import { attachRouter, currentRoute, DEFAULT_REPLICA_POLICY, ReplicaRouter, type ReplicaPolicy } from '../orm/replicas.js';
import { GainslyError } from '../enums/index.js';
import { isStalePlan, preparedStatementName, registerDirectPool, unregisterDirectPool } from '../orm/bound-query.js';
import { quietContextToggle, translateGlobalContextRefusal } from '../orm/context.js';
import { loadValidation } from '../orm/validation.js';
import {
  isConnectionLoss,
  translateConnectFailure,
  translateDatabaseError,
  translateTransactionFailure,
  type TranslateContext,
  type TransactionStep,
} from '../orm/errors.js';

/**
 * The password of the configured connection, so error messages can be scrubbed of it; `options`
 * are a replica connection's own (its URL may carry another password). @internal
 */
export function connectionSecrets(config: Configuration, options?: { password?: unknown; clientUrl?: unknown }): string[] {
  const secrets: string[] = [];
  for (const password of [config.get('password'), options?.password]) {
    if (typeof password === 'string' && password) secrets.push(password);
  }
  for (const url of [config.get('clientUrl'), options?.clientUrl]) {
    if (typeof url === 'string' && url) secrets.push(...urlPassword(url));
  }
  return secrets;
}

function urlPassword(url: string): string[] {
  try {
    const p = decodeURIComponent(new URL(url).password);
    if (p) return [p, encodeURIComponent(p)];
  } catch {
    /* not a URL: nothing to scrub */
  }
  return [];
}

/** The parts of a pooled `pg` client this module touches. */
interface PooledClient {
  query: (...args: unknown[]) => unknown;
  release: (error?: Error | boolean) => void;
}

/** pg-pool's callback form of `connect`, which `pool.query()` itself uses. */
type ConnectCallback = (error: Error | undefined, client?: PooledClient, release?: (error?: Error | boolean) => void) => void;

interface PgPool {
  connect: (callback?: ConnectCallback) => Promise<PooledClient> | undefined;
  options: { host?: string; port?: number | string; user?: string; database?: string; max?: number; connectionTimeoutMillis?: number };
}

const hardened = new WeakSet<PooledClient>();
const lost = new WeakSet<PooledClient>();

/**
 * Errors after which a connection's prepared statements cannot be trusted: the statement is not
 * there (26000, a pooler handed over another server connection), already there under that name
 * (42P05, the same), or its result type changed under it (0A000, a column's type altered while
 * the connection kept the statement). The connection is then given up, like a lost one.
 */
function spoilsPreparedStatements(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '26000' || code === '42P05' || isStalePlan(error);
}

/**
 * Makes a pool give up clients whose connection died, at once. Without this, a connection the
 * server terminated inside a transaction was never handed back (Kysely skips the release when
 * its ROLLBACK fails on the dead socket): each such event cost a pool slot for good, and with
 * every slot gone the ORM hung, `orm.close()` included. A dead client released normally could
 * also be handed to the next caller. Here the first query that fails with a connection loss
 * releases the client to the pool with an error (so pg-pool destroys it); later releases of it
 * are no-ops. Both forms of `connect` keep working (the promise one Kysely uses, and the callback
 * one of `pool.query()`), so the native pool stays usable as a plain `pg.Pool`.
 *
 * A failure to get a client (wrong password, no server, no such database, no free connection
 * within the acquire timeout) is turned into the library's typed error right here, so every path
 * that acquires a connection (queries, BEGIN, `pool.query()`) reports it alike.
 */
function hardenPool(pool: PgPool, context: () => TranslateContext, prepare: boolean): void {
  const connect = pool.connect.bind(pool) as () => Promise<PooledClient>;
  const checkout = async (): Promise<PooledClient> => {
    let client: PooledClient;
    try {
      client = await connect();
    } catch (error) {
      const { options } = pool;
      throw translateConnectFailure(error, {
        ...context(),
        target: { user: options.user, host: options.host, port: options.port, database: options.database },
        acquireTimeoutMs: options.connectionTimeoutMillis || undefined,
        poolMax: options.max,
      });
    }
    // pg-pool assigns a fresh `release` at every checkout.
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      release(error ?? (lost.has(client) ? true : undefined));
    };
    lost.delete(client);
    if (!hardened.has(client)) {
      hardened.add(client);
      const query = client.query.bind(client);
      client.query = (...queryArgs: unknown[]) => {
        const [text, values] = queryArgs;
        // Kysely sends (text, values). A namedStatement's text goes as a named prepared statement:
        // pg parses it once per connection and then only binds (issue #23: the server's parse and
        // plan of the larger statements cost as much as the rest of the call).
        const name = prepare && typeof text === 'string' ? preparedStatementName(text) : undefined;
        const result = name === undefined ? query(...queryArgs) : query({ name, text, values }, ...queryArgs.slice(2));
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).catch((error: unknown) => {
            if (isConnectionLoss(error)) {
              lost.add(client);
              client.release(true);
            } else if (name !== undefined && spoilsPreparedStatements(error)) {
              // Destroyed when released: the next checkout gets a connection with a clean slate.
              lost.add(client);
            }
          });
        }
        return result;
      };
    }
    return client;
  };
  pool.connect = (callback?: ConnectCallback) => {
    if (typeof callback !== 'function') return checkout();
    checkout().then(
      (client) => callback(undefined, client, client.release),
      (error: unknown) => callback(error as Error),
    );
    return undefined;
  };
}

/** Kysely's driver methods that run transaction-control statements, with the step each one is. */
const TRANSACTION_STEPS = [
  ['beginTransaction', 'BEGIN'],
  ['commitTransaction', 'COMMIT'],
  ['savepoint', 'SAVEPOINT'],
  ['releaseSavepoint', 'RELEASE SAVEPOINT'],
  ['rollbackToSavepoint', 'ROLLBACK TO SAVEPOINT'],
] as const satisfies readonly (readonly [string, TransactionStep])[];

/**
 * MikroORM's PostgreSQL connection over a pool that discards dead clients (see {@link hardenPool}),
 * with typed errors for transaction control: MikroORM runs BEGIN, COMMIT, ROLLBACK and savepoints
 * straight through Kysely's driver, bypassing the exception converter, so without this a connection
 * lost at COMMIT reached the caller as pg's plain `Error`.
 * @internal
 */
export class GainslyPostgreSqlConnection extends PostgreSqlConnection {
  /** The library's tables, set by the driver once entities are discovered. */
  tables: ReadonlySet<string> = new Set();

  /** What the error translators need: the password to scrub, the library's tables. */
  translateContext(): TranslateContext {
    return { secrets: connectionSecrets(this.config, this.options as { password?: unknown; clientUrl?: unknown }), libraryTables: this.tables };
  }

  /** Closes the pool; the library's statements stop running straight on it (a reconnect makes a new one). */
  override async close(force?: boolean): Promise<void> {
    unregisterDirectPool(this);
    await super.close(force);
  }

  /** Whether MikroORM runs hooks when a connection is made or handed out, which only Kysely's executor runs. */
  private hasConnectionHooks(): boolean {
    const options = this.options as { onCreateConnection?: unknown; onReserveConnection?: unknown };
    return (
      (options.onCreateConnection ?? this.config.get('onCreateConnection')) != null ||
      (options.onReserveConnection ?? this.config.get('onReserveConnection')) != null ||
      this.config.get('sessionContext') === 'connection'
    );
  }

  override createKyselyDialect(overrides?: Parameters<PostgreSqlConnection['createKyselyDialect']>[0]): ReturnType<PostgreSqlConnection['createKyselyDialect']> {
    const options = (overrides ?? {}) as Record<string, unknown>;
    const userHook = options.onPoolCreated as ((pool: unknown) => unknown) | undefined;
    const dialect = super.createKyselyDialect({
      ...options,
      onPoolCreated: (pool: unknown) => {
        hardenPool(pool as PgPool, () => this.translateContext(), preparesStatements(this.config, this.options as { clientUrl?: unknown }));
        if (!this.hasConnectionHooks()) registerDirectPool(this, pool as Parameters<typeof registerDirectPool>[1]);
        return userHook?.(pool);
      },
    } as Parameters<PostgreSqlConnection['createKyselyDialect']>[0]);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => {
      const driver = createDriver();
      const methods = driver as unknown as Record<string, (connection: unknown, ...rest: unknown[]) => Promise<void>>;
      for (const [method, step] of TRANSACTION_STEPS) {
        const original = methods[method]!.bind(driver);
        methods[method] = async (connection, ...rest) => {
          try {
            await original(connection, ...rest);
          } catch (error) {
            if (step === 'BEGIN' && !isConnectionLoss(error)) {
              // Kysely releases the connection only after a successful BEGIN; a dead one is given
              // back by the pool hardening, a live one here.
              await driver.releaseConnection(connection as Parameters<typeof driver.releaseConnection>[0]).catch(() => undefined);
            }
            throw translateTransactionFailure(error, step, this.translateContext());
          }
        };
      }
      const rollback = driver.rollbackTransaction.bind(driver);
      // The transaction died with its connection; PostgreSQL already rolled it back, which is what
      // ROLLBACK asked for. Letting the error through would make Kysely skip releasing the
      // connection, and would report a failure for an outcome that happened.
      driver.rollbackTransaction = async (connection) => {
        try {
          await rollback(connection);
        } catch (error) {
          if (!isConnectionLoss(error)) throw translateTransactionFailure(error, 'ROLLBACK', this.translateContext());
        }
      };
      return driver;
    };
    return dialect;
  }
}

/** The part of MikroORM's schema helper that starts every migration's SQL. */
interface SchemaHelperStart {
  getSchemaBeginning(charset: string, disableForeignKeys?: boolean): string;
  disableForeignKeysSQL(): string;
}

/**
 * MikroORM's migration runner starts each migration with `set names '<charset>'`: a session-level
 * SET, which under a transaction pooler (PgBouncer) stays on the server connection the next client
 * gets (docs/scaling.md, "Connection poolers"). It is redundant here: pg announces
 * `client_encoding = UTF8` in every connection's start-up message. The foreign-key part is kept.
 */
function withoutSessionCharset(helper: SchemaHelperStart | undefined): void {
  if (!helper || typeof helper.getSchemaBeginning !== 'function') return;
  helper.getSchemaBeginning = (_charset, disableForeignKeys) => (disableForeignKeys ? `${helper.disableForeignKeysSQL()}\n\n` : '');
}

/** Key of `preparedStatements` ({@link GainslyOrmOptions}) in the MikroORM options (MikroORM ignores it). @internal */
export const PREPARED_STATEMENTS_KEY = 'gainslyPreparedStatements';

/** The URL parameter that turns prepared statements off for one connection (docs/scaling.md, "Connection poolers"). @internal */
export const PREPARED_STATEMENTS_PARAMETER = 'gainsly_prepared_statements';

/**
 * Whether a connection sends the library's statements as named prepared statements: the
 * `preparedStatements` option when given, else its URL's `gainsly_prepared_statements`
 * parameter (`false`/`off`/`0`), else yes. @internal
 */
export function preparesStatements(config: Configuration, options?: { clientUrl?: unknown }): boolean {
  const option = config.get(PREPARED_STATEMENTS_KEY as never) as boolean | undefined;
  if (option !== undefined) return option;
  for (const url of [options?.clientUrl, config.get('clientUrl')]) {
    if (typeof url !== 'string' || !url) continue;
    try {
      const value = new URL(url).searchParams.get(PREPARED_STATEMENTS_PARAMETER);
      if (value !== null) return !['false', 'off', '0', 'no'].includes(value.trim().toLowerCase());
    } catch {
      // not a URL: the configuration's own checks report it
    }
    break;
  }
  return true;
}

/** Key of {@link ReplicaPolicy} in the MikroORM options (MikroORM ignores it). @internal */
export const REPLICA_POLICY_KEY = 'gainslyReplicaPolicy';

/** Table names of the discovered entities, plus the migrations table. @internal */
export function libraryTables(metadata: Iterable<{ tableName?: string }>, config: Configuration): ReadonlySet<string> {
  const names = new Set<string>();
  for (const meta of metadata) if (meta.tableName) names.add(meta.tableName);
  const migrations = config.get('migrations')?.tableName;
  if (migrations) names.add(migrations);
  return names;
}

/**
 * MikroORM's PostgreSQL driver, raising the library's typed errors (unique, foreign key, check,
 * not-null, connection, timeout) instead of driver exceptions, for every query the ORM runs —
 * flushes, finds, raw `em.execute` — so callers never have to translate errors themselves; and
 * over a connection that never reuses or leaks a connection the server dropped.
 *
 * {@link gainslyConfig} names it; name it yourself only where a framework asks for the driver
 * apart from the configuration (NestJS `forRootAsync` without {@link gainslyAsyncConfig}).
 * Its `name` is `'PostgreSqlDriver'`: `@mikro-orm/nestjs` 7.0 found the driver's package (whose
 * `EntityManager` and `MikroORM` it registers for injection) by that name (7.1 asks the driver),
 * and this driver is `@mikro-orm/postgresql`'s with typed errors.
 * @example
 * ```ts
 * MikroOrmModule.forRootAsync({
 *   driver: GainslyPostgreSqlDriver,
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => gainslyConfig({ url: config.getOrThrow('DATABASE_URL') }),
 * });
 * ```
 */
export class GainslyPostgreSqlDriver extends PostgreSqlDriver {
  static {
    // Set here, in the class: the build keeps no names (tsup.config.ts); see the class comment for why.
    Object.defineProperty(this, 'name', { value: 'PostgreSqlDriver', configurable: true });
  }

  /** Where library reads go when the ORM has read replicas (replicas.ts). */
  #router: ReplicaRouter | undefined;

  constructor(config: Configuration) {
    super(config);
    // PostgreSqlDriver hard-codes its connection class; swap in ours before anything connects,
    // for the replicas too (typed errors, dead clients discarded, their own passwords scrubbed).
    (this as unknown as { connection: PostgreSqlConnection }).connection = new GainslyPostgreSqlConnection(this.config);
    (this as unknown as { replicas: PostgreSqlConnection[] }).replicas = this.createReplicas((options) => new GainslyPostgreSqlConnection(this.config, options, 'read'));
    withoutSessionCharset(this.platform.getSchemaHelper() as unknown as SchemaHelperStart | undefined);
    const policy = (this.config.get(REPLICA_POLICY_KEY as never) ?? {}) as ReplicaPolicy;
    if (this.replicas.length > 0) {
      const router = new ReplicaRouter(this.connection, this.replicas, { retryAfterMs: policy.retryAfterMs ?? DEFAULT_REPLICA_POLICY.retryAfterMs }, (error) =>
        this.convertException(error),
      );
      this.#router = router;
      attachRouter(this, router);
    }
  }

  /** Connects, and meanwhile loads the schemas library calls validate with (orm/validation.ts). */
  override async connect(options?: Parameters<PostgreSqlDriver['connect']>[0]): ReturnType<PostgreSqlDriver['connect']> {
    const [connection] = await Promise.all([super.connect(options), loadValidation()]);
    return connection;
  }

  /**
   * A `read` connection inside a library read is the one its routing chose (see replicas.ts);
   * elsewhere (your own `em.find(..., { connectionType: 'read' })`) a replica that is not left out
   * after a failure, else the primary. `write` is always the primary.
   */
  override getConnection(type: ConnectionType = 'write'): ReturnType<PostgreSqlDriver['getConnection']> {
    if (type !== 'read' || this.replicas.length === 0) return this.connection;
    return (currentRoute() ?? this.#router?.anyHealthy() ?? this.connection) as ReturnType<PostgreSqlDriver['getConnection']>;
  }

  /** Inside a library read, MikroORM's queries default to the routed connection (outside a transaction). */
  protected override resolveConnectionType(args: { ctx?: unknown; connectionType?: ConnectionType }): ConnectionType {
    if (!args.ctx && !args.connectionType && currentRoute()) return 'read';
    return super.resolveConnectionType(args);
  }

  /**
   * MikroORM's EntityManager, whose refusal of the global context (outside a request, without a
   * fork) is a `GainslyConfigError` saying to fork, so every error a library call raises is a
   * `GainslyError`, repositories on the global EntityManager included. Its forks skip a needless
   * configuration re-sync (see `quietContextToggle`).
   */
  override createEntityManager(useContext?: boolean): this[typeof EntityManagerType] {
    quietContextToggle(this.config);
    return translateGlobalContextRefusal(super.createEntityManager(useContext));
  }

  override setMetadata(metadata: Parameters<PostgreSqlDriver['setMetadata']>[0]): void {
    super.setMetadata(metadata);
    (this.connection as unknown as GainslyPostgreSqlConnection).tables = libraryTables(metadata, this.config);
  }

  override convertException(exception: Error) {
    // Already typed (a failed pool acquisition, a lost COMMIT): MikroORM's converter would wrap it.
    if (exception instanceof GainslyError) return exception as unknown as ReturnType<PostgreSqlDriver['convertException']>;
    const connection = this.connection as unknown as GainslyPostgreSqlConnection;
    const context = connection.translateContext();
    return translateDatabaseError(super.convertException(exception), context.secrets, context) as ReturnType<PostgreSqlDriver['convertException']>;
  }
}
