import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import { isConnectionLoss, translateDatabaseError } from './errors.js';

/** The password of the configured connection, so error messages can be scrubbed of it. @internal */
export function connectionSecrets(config: Configuration): string[] {
  const secrets: string[] = [];
  const password = config.get('password');
  if (typeof password === 'string' && password) secrets.push(password);
  const url = config.get('clientUrl');
  if (url) {
    try {
      const p = decodeURIComponent(new URL(url).password);
      if (p) secrets.push(p, encodeURIComponent(p));
    } catch {
      /* not a URL: nothing to scrub */
    }
  }
  return secrets;
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
}

const hardened = new WeakSet<PooledClient>();
const lost = new WeakSet<PooledClient>();

/**
 * Makes a pool give up clients whose connection died, at once. Without this, a connection the
 * server terminated inside a transaction was never handed back (Kysely skips the release when
 * its ROLLBACK fails on the dead socket): each such event cost a pool slot for good, and with
 * every slot gone the ORM hung, `orm.close()` included. A dead client released normally could
 * also be handed to the next caller. Here the first query that fails with a connection loss
 * releases the client to the pool with an error (so pg-pool destroys it); later releases of it
 * are no-ops. Both forms of `connect` keep working (the promise one Kysely uses, and the callback
 * one of `pool.query()`), so the native pool stays usable as a plain `pg.Pool`.
 */
function hardenPool(pool: PgPool): void {
  const connect = pool.connect.bind(pool) as () => Promise<PooledClient>;
  const checkout = async (): Promise<PooledClient> => {
    const client = await connect();
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
        const result = query(...queryArgs);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).catch((error: unknown) => {
            if (isConnectionLoss(error)) {
              lost.add(client);
              client.release(true);
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

/** MikroORM's PostgreSQL connection over a pool that discards dead clients (see {@link hardenPool}). @internal */
export class GainslyPostgreSqlConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides?: Parameters<PostgreSqlConnection['createKyselyDialect']>[0]): ReturnType<PostgreSqlConnection['createKyselyDialect']> {
    const options = (overrides ?? {}) as Record<string, unknown>;
    const userHook = options.onPoolCreated as ((pool: unknown) => unknown) | undefined;
    const dialect = super.createKyselyDialect({
      ...options,
      onPoolCreated: (pool: unknown) => {
        hardenPool(pool as PgPool);
        return userHook?.(pool);
      },
    } as Parameters<PostgreSqlConnection['createKyselyDialect']>[0]);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => {
      const driver = createDriver();
      const rollback = driver.rollbackTransaction.bind(driver);
      // The transaction died with its connection; PostgreSQL already rolled it back. Letting the
      // ROLLBACK error through would make Kysely skip releasing the connection.
      driver.rollbackTransaction = async (connection) => {
        try {
          await rollback(connection);
        } catch (error) {
          if (!isConnectionLoss(error)) throw error;
        }
      };
      return driver;
    };
    return dialect;
  }
}

/**
 * MikroORM's PostgreSQL driver, raising the library's typed errors (unique, foreign key, check,
 * not-null, connection, timeout) instead of driver exceptions, for every query the ORM runs —
 * flushes, finds, raw `em.execute` — so callers never have to translate errors themselves; and
 * over a connection that never reuses or leaks a connection the server dropped.
 * @internal
 */
export class GainslyPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // PostgreSqlDriver hard-codes its connection class; swap in ours before anything connects.
    (this as unknown as { connection: PostgreSqlConnection }).connection = new GainslyPostgreSqlConnection(this.config);
  }

  override convertException(exception: Error) {
    return translateDatabaseError(super.convertException(exception), connectionSecrets(this.config)) as ReturnType<PostgreSqlDriver['convertException']>;
  }
}
