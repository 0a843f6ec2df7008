import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type RawBuilder } from 'kysely';
import { DefaultLogger, type EntityManager } from '@mikro-orm/core';
import { GainslyError } from './errors.js';
import { currentRoute } from './replicas.js';

/** The parts of MikroORM's SQL connection this module uses (`executeQuery` is protected: it logs). */
interface SqlConnection {
  ensureConnection(): Promise<void>;
  getClient(): { executeQuery<R>(query: CompiledQuery): Promise<{ rows: R[] }> };
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: Record<string, unknown>): Promise<T>;
}

/**
 * Kysely's PostgreSQL compiler with no connection: it only turns a `sql` tag into `$n` text and
 * its values. Statements run through {@link executeBound}, not through kysely, which would skip
 * MikroORM's logger, its error translation and the library's replica routes (DESIGN.md section 3,
 * "SQL is built one way and run through one executor").
 */
let compilerInstance: Kysely<never> | undefined;
// Made on the first statement compiled, not at import (issue #23, cold start).
const compiler = (): Kysely<never> =>
  (compilerInstance ??= new Kysely<never>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }));

/**
 * A statement ready to run: PostgreSQL text with `$n` placeholders and its values, in order (a
 * kysely `CompiledQuery` is one). `R` is the row type, for the reader only.
 * @internal
 */
export interface BoundQuery<R = unknown> {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** Phantom: the row type. */
  readonly __row?: R;
}

/**
 * What {@link executeBound} runs: a kysely `sql` tag (compiled on the call: for statements run
 * rarely) or a statement already compiled, e.g. a {@link NamedStatement}'s `bind(...)`.
 * @internal
 */
export type Query<R = unknown> = RawBuilder<R> | BoundQuery<R>;

/**
 * A statement the library itself got wrong (values that do not match its placeholders). Never the
 * caller's input: it is refused before anything is sent.
 * @internal
 */
export class GainslyStatementError extends GainslyError {
  override readonly name: string = 'GainslyStatementError';
}

/** A `sql` tag as `$n` text and values, with kysely's PostgreSQL compiler. @internal */
export function compileQuery<R>(query: Query<R>): BoundQuery<R> {
  return 'compile' in query ? query.compile(compiler()) : query;
}

/**
 * Every {@link namedStatement}'s text, with the name it is prepared under on each connection
 * (driver.ts turns these texts into named prepared statements unless `preparedStatements: false`).
 */
const preparedNames = new Map<string, string>();
const takenNames = new Set<string>();

/**
 * The prepared-statement name of `text` when it is a {@link namedStatement}'s, else `undefined`.
 * @internal
 */
export function preparedStatementName(text: string): string | undefined {
  return preparedNames.get(text);
}

/** A name from the text itself, so two copies of the library name one statement alike. */
function nameFor(text: string): string | undefined {
  // FNV-1a, 32 bits, plus the length: a clash is unlikely, and a clash found stays unnamed.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const name = `gainsly_${(hash >>> 0).toString(36)}_${text.length.toString(36)}`;
  if (takenNames.has(name)) return undefined;
  takenNames.add(name);
  return name;
}

/** A named parameter's place in a {@link namedStatement} while it is compiled. */
class Placeholder {
  constructor(readonly name: string) {}
}

/**
 * A statement compiled once (on first use), whose values are given by name on each call: the
 * hot paths (logging a workout, the week view, PSI, movement search) pay for no compiling per call,
 * only for putting the values in order. On a PostgreSQL server it is also prepared once per
 * connection (a named prepared statement), so the server parses and plans it once, not per call.
 * @internal
 */
export interface NamedStatement<P, R = unknown> {
  /** The statement as sent (`$n` placeholders). */
  readonly sql: string;
  /** The statement with `values` in place, ready for {@link executeBound}. */
  bind(values: P): BoundQuery<R>;
}

/**
 * Defines a statement once with named parameters: `build` receives one placeholder per name
 * (`p.user`) to interpolate into kysely's `sql` tag; each use of a name is its own `$n` (so uses
 * may cast it differently). Other interpolated values are fixed parts of the statement. Runs of
 * whitespace in the text are collapsed, a shorter text to send and parse (the library's statements
 * have no string literal holding such a run), unless it holds a `--` comment.
 *
 * @example
 * ```ts
 * const BY_USER = namedStatement<{ user: number }, { id: number }>((p) => sql`select id from programs where user_id = ${p.user}`);
 * const rows = await executeBound(em, BY_USER.bind({ user: 7 }));
 * ```
 * @internal
 */
export function namedStatement<P extends Record<string, unknown>, R = unknown>(
  build: (params: { readonly [K in keyof P]: P[K] }) => RawBuilder<unknown>,
): NamedStatement<P, R> {
  // Compiled on first use, not at import: an application that never logs a workout does not pay
  // for compiling that statement when it starts (issue #23, cold start).
  let compiled: { text: string; slots: readonly unknown[]; names: (string | undefined)[] } | undefined;
  const compile = () => {
    const params = new Proxy({} as { readonly [K in keyof P]: P[K] }, {
      get: (_, name) => (typeof name === 'string' ? new Placeholder(name) : undefined),
    });
    const query = build(params).compile(compiler());
    // Not with a `--` comment in the text: joined to the next line, it would swallow the rest.
    const text = query.sql.includes('--') ? query.sql : query.sql.trim().replace(/\s+/g, ' ');
    const slots = query.parameters;
    // Per slot, the name to bind, or undefined for a fixed value: a plain loop per call, no lookups.
    const names = slots.map((slot) => (slot instanceof Placeholder ? slot.name : undefined));
    if (!preparedNames.has(text)) {
      const name = nameFor(text);
      if (name !== undefined) preparedNames.set(text, name);
    }
    return (compiled = { text, slots, names });
  };
  return {
    get sql() {
      return (compiled ?? compile()).text;
    },
    bind(values) {
      const { text, slots, names } = compiled ?? compile();
      const parameters = new Array<unknown>(names.length);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name === undefined) {
          parameters[i] = slots[i];
          continue;
        }
        const value = values[name];
        if (value === undefined) throw new GainslyStatementError(`executeBound: no value for $${name}`);
        parameters[i] = value;
      }
      return { sql: text, parameters };
    },
  };
}

/**
 * A statement written with `?` for its values (admin's `SqlRunner` strings) as a kysely `sql` tag:
 * each `?` is one value, in order; the text must not use `?` for anything else. Refuses a count of
 * values that does not match, before anything is sent.
 * @internal
 */
export function questionMarks<R = Record<string, unknown>>(text: string, params: readonly unknown[]): RawBuilder<R> {
  const fragments = text.split('?');
  if (params.length !== fragments.length - 1) {
    throw new GainslyStatementError(`executeBound: the statement takes ${fragments.length - 1} values, ${params.length} given`);
  }
  return sql<R>(Object.assign(fragments, { raw: fragments }) as unknown as TemplateStringsArray, ...params);
}

/** The parts of a `pg` pool {@link executeBound} uses on the direct path. */
interface DirectPool {
  connect(): Promise<{ query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>; release(error?: Error | boolean): void }>;
}

/** Connections whose statements outside a transaction may run straight on their pool (see {@link registerDirectPool}). */
const directPools = new WeakMap<object, DirectPool>();

/**
 * Lets {@link executeBound} run `connection`'s statements outside a transaction straight on its
 * `pg` pool instead of through Kysely's executor, which on that path only checks a client out,
 * sends the text and values and checks it in again, at about 5.5 KB of garbage a call
 * (docs/performance.md, "The rows reads"). Only for a connection with no per-connection hooks of
 * MikroORM (`onCreateConnection`, `onReserveConnection`, `sessionContext: 'connection'`), which
 * Kysely's executor runs and this path would skip (setup/driver.ts decides).
 * @internal
 */
export function registerDirectPool(connection: object, pool: DirectPool): void {
  directPools.set(connection, pool);
}

/**
 * Forgets `connection`'s pool when the connection closes: the pool is ended, and the pool of a
 * reconnect is registered when Kysely first creates it.
 * @internal
 */
export function unregisterDirectPool(connection: object): void {
  directPools.delete(connection);
}

/** One statement on a client of `pool`, checked out for it alone. */
async function onPool<T>(pool: DirectPool, text: string, values: unknown[]): Promise<T[]> {
  const client = await pool.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    client.release();
  }
}

/**
 * Runs one statement with its values bound as server-side parameters (the extended protocol),
 * through the EntityManager: in its transaction when it has one, logged like every ORM query, and
 * with database errors translated as `em.execute` translates them (typed, password scrubbed). The
 * one executor of the library's SQL (DESIGN.md section 3).
 *
 * Why not `em.execute`: MikroORM inlines the values into the SQL text on the client (escaped), so
 * the server gets a plain simple-protocol query. On the read models' JSON-building statements that
 * measured 1.0–1.4 ms slower per call than the same statement with bound parameters, as much as
 * the statement itself; and values that travel as parameters never become SQL text at all.
 * Why not `em.getKysely()`: it skips MikroORM's logger, error translation and the replica routes.
 *
 * @example
 * ```ts
 * const rows = await executeBound<{ id: number }>(em, sql`select id from movements where name = ${name}`);
 * ```
 * @internal
 */
export function executeBound<T>(em: EntityManager, query: Query<T>): Promise<T[]> {
  // What only a failure or a query log needs is in the functions below it: V8 optimizes a function
  // once a budget proportional to its size is spent (docs/performance.md, "Hot functions stay
  // small"), so code a call never runs would only delay that.
  try {
    const bound = compileQuery(query);
    const context = em.getContext(false);
    const driver = context.getDriver();
    const transaction = context.getTransactionContext<ReturnType<SqlConnection['getClient']>>();
    // Outside a transaction, a library read routed to a replica runs there (replicas.ts).
    const connection = ((transaction ? undefined : currentRoute()) ?? driver.getConnection('write')) as unknown as SqlConnection;
    const values = [...bound.parameters];
    const pool = transaction ? undefined : directPools.get(connection);
    // The direct path: a registered pool (registered once Kysely made it, forgotten when the
    // connection closes, so it is a live one), and MikroORM's executeQuery would only have timed
    // the statement. Every wrapper left out is an async frame less, and each one the call resumes
    // through costs far more after the wait for the server than in a hot loop
    // (docs/performance.md, "Fewer awaits").
    if (pool !== undefined && logsNothing(context)) {
      return onPool<T>(pool, bound.sql, values).catch((error: unknown) => afterFailure(error, driver, () => onPool<T>(pool, bound.sql, values)));
    }
    return executeLogged(context, driver, connection, transaction, pool, bound.sql, values);
  } catch (error) {
    // A caller may hold the promise rather than await it: nothing throws synchronously.
    return Promise.reject(error as Error);
  }
}

/**
 * Whether MikroORM's `executeQuery` would log nothing for a statement: the logger's `logQuery` is
 * MikroORM's own (a custom one may record every query), the `query` namespace is off, and no
 * slow-query threshold is set.
 */
function logsNothing(context: EntityManager): boolean {
  const logger = context.config.getLogger();
  return logger.logQuery === DefaultLogger.prototype.logQuery && !logger.isEnabled('query') && context.config.get('slowQueryThreshold') == null;
}

/** {@link executeBound} through MikroORM's `executeQuery`, which logs the statement (and connects first when needed). */
async function executeLogged<T>(
  context: EntityManager,
  driver: { convertException(error: Error): Error },
  connection: SqlConnection,
  transaction: ReturnType<SqlConnection['getClient']> | undefined,
  pool: DirectPool | undefined,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const logged = loggedText(context, text, values);
  const run = () =>
    connection.executeQuery(
      logged,
      pool ? () => onPool<T>(pool, text, values) : async () => (await (transaction ?? connection.getClient()).executeQuery<T>(CompiledQuery.raw(text, values))).rows,
      { query: logged, params: values },
    );
  try {
    await connection.ensureConnection();
    return await run();
  } catch (error) {
    return afterFailure(error, driver, transaction === undefined ? run : undefined);
  }
}

/**
 * The text a statement is logged with, as MikroORM logs its own queries: with the values written
 * in when `debug` includes 'query-params' (formatted only then: it costs a pass over the text).
 */
function loggedText(context: EntityManager, text: string, values: unknown[]): string {
  const logger = context.config.getLogger();
  return logger.isEnabled('query') && logger.isEnabled('query-params') ? context.getDriver().getPlatform().formatQuery(text.replace(/\$\d+/g, '?'), values) : text;
}

/**
 * A statement of {@link executeBound} failed: its error as MikroORM translates it (typed, password
 * scrubbed). A prepared statement whose result type changed under it (a column's type altered
 * while the connection kept it) fails without doing anything, and its connection is given up
 * (setup/driver.ts): outside a transaction (`retry` given), once more on a fresh connection is safe.
 */
async function afterFailure<T>(error: unknown, driver: { convertException(error: Error): Error }, retry: (() => Promise<T>) | undefined): Promise<T> {
  if (retry === undefined || !isStalePlan(error)) throw driver.convertException(error as Error);
  try {
    return await retry();
  } catch (again) {
    throw driver.convertException(again as Error);
  }
}

/** PostgreSQL's refusal to run a prepared statement whose result row type changed since it was prepared. @internal */
export function isStalePlan(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && /cached plan must not change result type/i.test(e.message);
}
