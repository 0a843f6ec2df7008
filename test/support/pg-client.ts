/**
 * A thin, typed wrapper around `pg.Client` for the test harness's raw SQL (admin statements such as
 * CREATE / DROP DATABASE, probes, and tests that need their own connection).
 */
import pg from 'pg';

/** A query result: the rows (typed by the caller) and the affected row count. */
export interface RawResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number | null;
}

/** The part of `pg.Client` the harness uses, with rows typed by the caller. */
export interface RawClient {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<RawResult<Row>>;
  end(): Promise<void>;
}

/** Options for {@link connectRaw}. */
export interface ConnectRawOptions {
  /** Give up connecting after this many milliseconds (default 10 000). */
  connectTimeoutMs?: number;
}

/** Opens a `pg.Client` on `url`. The caller must `end()` it. */
export async function connectRaw(url: string, options: ConnectRawOptions = {}): Promise<RawClient> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Runs `fn` with a freshly connected `pg.Client` on `url` and always closes it afterwards.
 *
 * @example
 * ```ts
 * const n = await withRawClient(db.url, async (c) => (await c.query<{ n: number }>('select 1 as n')).rows[0]!.n);
 * ```
 */
export async function withRawClient<T>(url: string, fn: (client: RawClient) => Promise<T>, options: ConnectRawOptions = {}): Promise<T> {
  const client = await connectRaw(url, options);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Quotes an SQL identifier (database or table name). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `url` with its database (path) replaced by `database`; user, password, host and query are kept. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** `url` for printing: the password is replaced by `***` (and nothing else is shown but user@host:port/db). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}${u.password ? ':***' : ''}@` : '';
    return `${user}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '<unparseable URL>';
  }
}
