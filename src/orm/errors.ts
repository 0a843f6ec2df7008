import { ENUMS, GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../enums/index.js';

export { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode };

/**
 * A row that a call needed does not exist, or is not visible to the caller (another user's rows
 * are reported as absent, so their existence does not leak).
 *
 * @example
 * ```ts
 * await em.getRepository(Program).getById(999); // GainslyNotFoundError: Program (programs) not found: id=999
 * ```
 */
export class GainslyNotFoundError extends GainslyError {
  override readonly name: string = 'GainslyNotFoundError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.NOT_FOUND;
  constructor(
    readonly entity: string,
    readonly table: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`${entity} (${table}) not found: ${Object.entries(key).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  }
}

/**
 * Stored data the library cannot interpret, e.g. a movement whose `pattern` string is not a
 * MovementPattern value (upstream does not enforce it), a SQL enum label this version does not
 * know, or a JSON column of the wrong shape (`equipment_tags` holding a string). Every read path
 * (entities, plain-row read models, the strength queries) raises it rather than handing the value
 * out typed as something it is not. Fix the row (see `audit`) and retry.
 *
 * @example
 * ```ts
 * try { await me.movements.search(); } catch (e) { if (e instanceof GainslyDataError) console.error(e.table, e.rowId, e.column, e.value); }
 * ```
 */
export class GainslyDataError extends GainslyError {
  override readonly name: string = 'GainslyDataError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.DATA;
  constructor(
    message: string,
    readonly table: string,
    readonly column: string,
    readonly value: unknown,
    /** The primary key of the row holding the value, when the reader knows it (`null` otherwise). */
    readonly rowId: number | null = null,
  ) {
    super(message);
  }
}

/**
 * What PostgreSQL said about a failed statement, without the SQL or its parameters.
 * @example
 * ```ts
 * const d: DatabaseErrorDetails = { sqlState: '23505', table: 'users', constraint: 'users_email_key' };
 * ```
 */
export interface DatabaseErrorDetails {
  /** PostgreSQL's SQLSTATE, e.g. `23505`; absent when the failure came from the network or the pool. */
  sqlState?: string | undefined;
  table?: string | undefined;
  constraint?: string | undefined;
  column?: string | undefined;
  /** PostgreSQL's DETAIL line, e.g. `Key (email)=(a@b.c) already exists.` */
  detail?: string | undefined;
}

/**
 * Base of the errors raised when PostgreSQL refuses a statement or the connection fails. The
 * original driver error is kept as `cause`; messages never contain the connection password.
 * `code` is the library's (`GAINSLY_DATABASE` here, a more specific one in subclasses);
 * PostgreSQL's own SQLSTATE is `sqlState`.
 *
 * @example
 * ```ts
 * try { await em.flush(); } catch (e) { if (e instanceof GainslyDatabaseError) log.warn(e.code, e.sqlState, e.table, e.constraint); }
 * ```
 */
export class GainslyDatabaseError extends GainslyError {
  override readonly name: string = 'GainslyDatabaseError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.DATABASE;
  /** PostgreSQL's SQLSTATE (e.g. `'23505'`), when the server sent one. It used to be `code`, which is now always the library's code. */
  readonly sqlState: string | undefined;
  readonly table: string | undefined;
  readonly constraint: string | undefined;
  readonly column: string | undefined;
  readonly detail: string | undefined;
  constructor(message: string, details: DatabaseErrorDetails, options?: ErrorOptions) {
    super(message, options);
    this.sqlState = details.sqlState;
    this.table = details.table;
    this.constraint = details.constraint;
    this.column = details.column;
    this.detail = details.detail;
  }
}

/**
 * A unique constraint or unique index refused the write (SQLSTATE 23505).
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyUniqueViolationError && e.constraint === 'users_email_key') reply(409, 'e-mail taken'); }
 * ```
 */
export class GainslyUniqueViolationError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyUniqueViolationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.UNIQUE_VIOLATION;
}

/**
 * A foreign key refused the write or delete (SQLSTATE 23503): a missing parent, or children
 * still pointing at a row being deleted (all upstream FKs are NO ACTION).
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyForeignKeyViolationError) console.error(e.table, e.constraint); }
 * ```
 */
export class GainslyForeignKeyViolationError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyForeignKeyViolationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.FOREIGN_KEY_VIOLATION;
}

/**
 * A CHECK constraint refused the row (SQLSTATE 23514), e.g. `goals_sum_to_ten`, `valid_length`.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyCheckViolationError && e.constraint === 'valid_duration') ... }
 * ```
 */
export class GainslyCheckViolationError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyCheckViolationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.CHECK_VIOLATION;
}

/**
 * A NOT NULL column received NULL (SQLSTATE 23502).
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyNotNullViolationError) console.error(`${e.table}.${e.column} is required`); }
 * ```
 */
export class GainslyNotNullViolationError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyNotNullViolationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.NOT_NULL_VIOLATION;
}

/**
 * The connection to the database failed or was lost: at pool acquisition, at `BEGIN`, in the
 * middle of a statement or at `COMMIT` (server restart, `pg_terminate_backend`, network). The
 * pool discards the dead connection; the next call gets a fresh one.
 *
 * What happened to the transaction in flight: PostgreSQL rolled it back, **except** when the
 * connection died after `COMMIT` was sent and before its answer arrived. Then `mayHaveCommitted`
 * is `true` (and the message says so): the write may or may not be stored, so check before
 * retrying a workflow that is not idempotent (e.g. `logWorkout`).
 *
 * Its subclasses name why a connection could not be made at all: {@link GainslyAuthenticationError},
 * {@link GainslyServerUnreachableError}, {@link GainslyNoSuchDatabaseError}.
 * @example
 * ```ts
 * catch (e) {
 *   if (e instanceof GainslyConnectionError && !e.mayHaveCommitted) return retry();
 *   if (e instanceof GainslyConnectionError) return reconcileThenMaybeRetry();
 * }
 * ```
 */
export class GainslyConnectionError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyConnectionError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.CONNECTION;
  /**
   * `true` only when the connection died while `COMMIT` was in flight: the transaction may have
   * been committed. `false` means PostgreSQL did not commit it (nothing of it was kept).
   */
  readonly mayHaveCommitted: boolean;

  /**
   * @param message - what failed, without the password
   * @param details - what PostgreSQL said, when it said anything
   * @param options - `cause` (the driver error) and `mayHaveCommitted` (default `false`)
   * @example
   * ```ts
   * new GainslyConnectionError('Connection lost during COMMIT: the write may have been committed', {}, { mayHaveCommitted: true });
   * ```
   */
  constructor(message: string, details: DatabaseErrorDetails = {}, options?: ErrorOptions & { mayHaveCommitted?: boolean }) {
    super(message, details, options);
    this.mayHaveCommitted = options?.mayHaveCommitted ?? false;
  }
}

/**
 * The server refused the credentials of the database URL (SQLSTATE 28P01 wrong password, 28000
 * no such user / not allowed by `pg_hba.conf`). Retrying does not help: fix the URL or the role.
 * The message names the user and the server, never the password.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyAuthenticationError) alertOps('database credentials rejected'); }
 * ```
 */
export class GainslyAuthenticationError extends GainslyConnectionError {
  override readonly name: string = 'GainslyAuthenticationError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.AUTHENTICATION;
}

/**
 * No database server answered at the URL's host and port: connection refused, unknown host name,
 * no route, or no answer within the connect timeout (`acquireTimeoutMs`). The server is down or
 * the host or port is wrong.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyServerUnreachableError) reply(503, 'database unavailable'); }
 * ```
 */
export class GainslyServerUnreachableError extends GainslyConnectionError {
  override readonly name: string = 'GainslyServerUnreachableError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.SERVER_UNREACHABLE;
}

/**
 * The server answered but has no database of the URL's name (SQLSTATE 3D000). The library never
 * creates a database (a typo in `DATABASE_URL` must not yield a new empty one): create it with
 * `createdb`, or fix the URL.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyNoSuchDatabaseError) console.error(e.message); } // names the database and the fix
 * ```
 */
export class GainslyNoSuchDatabaseError extends GainslyConnectionError {
  override readonly name: string = 'GainslyNoSuchDatabaseError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.NO_SUCH_DATABASE;
}

/**
 * What is wrong with the schema, in {@link GainslySchemaError.problem}:
 *
 * - `not_migrated`: none of the library's tables (a new, empty database): run `migrate`;
 * - `not_adopted`: the upstream app's tables without the library's migrations recorded: run `adopt`;
 * - `migrations_pending`: an older library schema: run `migrate`;
 * - `missing_object`: a query named a library table, column or type the database lacks.
 *
 * @example
 * ```ts
 * const problem: GainslySchemaProblem = 'not_migrated';
 * ```
 */
export type GainslySchemaProblem = 'not_migrated' | 'not_adopted' | 'migrations_pending' | 'missing_object';

/**
 * The database lacks (part of) the library's schema. Raised by `createGainslyOrm({ verify: 'schema' })`
 * at start-up, and by any query that names a library table, column or enum type the database does
 * not have (SQLSTATE 42P01 / 42703 / 42704) instead of PostgreSQL's bare "relation does not exist".
 * `fix` is the command that repairs it (`npx gainsly-db migrate` or `npx gainsly-db adopt`).
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslySchemaError) console.error(`${e.message}\nfix: ${e.fix}`); }
 * ```
 */
export class GainslySchemaError extends GainslyDatabaseError {
  override readonly name: string = 'GainslySchemaError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.SCHEMA;
  /** Which kind of schema problem it is. */
  readonly problem: GainslySchemaProblem;
  /** The command that fixes it, e.g. `npx gainsly-db migrate` (or `await migrate(orm)` in code). */
  readonly fix: string;

  /**
   * @param message - what is missing and how to fix it
   * @param problem - the kind of problem
   * @param fix - the command that fixes it
   * @param details - what PostgreSQL said, when the problem surfaced in a query
   * @example
   * ```ts
   * new GainslySchemaError('Database "app" has no Gainsly schema', 'not_migrated', 'npx gainsly-db migrate');
   * ```
   */
  constructor(message: string, problem: GainslySchemaProblem, fix: string, details: DatabaseErrorDetails = {}, options?: ErrorOptions) {
    super(message, details, options);
    this.problem = problem;
    this.fix = fix;
  }
}

/**
 * A statement was cancelled: `statement_timeout`, `lock_timeout` or an explicit cancel
 * (SQLSTATE 57014 / 55P03). Nothing of the failed transaction was kept.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyTimeoutError) reply(503); }
 * ```
 */
export class GainslyTimeoutError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyTimeoutError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.TIMEOUT;
}

/**
 * Two transactions could not both proceed (SQLSTATE 40001 serialization failure, 40P01
 * deadlock); PostgreSQL rolled this one back and it can be retried as a whole.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyConcurrencyError) return retry(); }
 * ```
 */
export class GainslyConcurrencyError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyConcurrencyError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.CONCURRENCY;
}

const CONNECTION_MESSAGE = /connection terminated|terminating connection|connection (?:refused|reset|ended)|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|server closed the connection|client has encountered a connection error|Connection is closed|not queryable|timeout exceeded when trying to connect|the database system is (?:starting up|shutting down)/i;

/**
 * Whether an error means the connection itself is gone (the server closed it, the network
 * dropped): the session and any transaction on it are lost and the client must not be reused.
 * @internal
 */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof GainslyConnectionError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08|57P0[1-4])/.test(code)) return true;
  return CONNECTION_MESSAGE.test(error.message);
}

function describe(kind: string, d: DatabaseErrorDetails, fallback: string): string {
  const where = [d.table && `table ${d.table}`, d.constraint && `constraint ${d.constraint}`, d.column && `column ${d.column}`].filter(Boolean).join(', ');
  return `${kind}${where ? ` (${where})` : ''}: ${fallback}${d.detail ? ` — ${d.detail}` : ''}`;
}

/** Removes every occurrence of each secret from a message. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 1) out = out.split(secret).join('***');
  return out;
}

/** Where a connection goes, for messages (never the password). @internal */
export interface ConnectionTarget {
  user?: string | undefined;
  host?: string | undefined;
  port?: number | string | undefined;
  database?: string | undefined;
}

/** What the translators need beyond the error itself. @internal */
export interface TranslateContext {
  /** Strings to remove from every message (the connection password, raw and encoded). */
  secrets?: readonly string[];
  /** The library's tables: a query naming one the database lacks is a schema problem, not a bug. */
  libraryTables?: ReadonlySet<string>;
  /** The server and database the pool connects to, named in connection errors. */
  target?: ConnectionTarget;
  /** The pool's acquire timeout and size, named when no connection became free in time. */
  acquireTimeoutMs?: number | undefined;
  poolMax?: number | undefined;
}

const MIGRATE_FIX = 'npx gainsly-db migrate';
const ADOPT_FIX = 'npx gainsly-db adopt';
const MIGRATE_ADVICE = 'Run `npx gainsly-db migrate` (or `await migrate(orm)`) on a new database; on a database the upstream app created, run `npx gainsly-db doctor`, then `npx gainsly-db adopt`.';

/** PostgreSQL enum type -> the labels the library's migrations give it. */
const LIBRARY_ENUM_LABELS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.values(ENUMS)
    .filter((codec) => codec.pgType !== null)
    .map((codec) => [codec.pgType as string, new Set<string>(codec.dbValues as readonly string[])]),
);

/** SQLSTATE-shaped codes (`23505`, `3D000`, `57P01`), as opposed to Node's `ECONNREFUSED`. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * A query named a library table, type, column or enum label the database lacks: a schema that was
 * never migrated (or is an upstream one not adopted), not a bug in the caller.
 */
function schemaProblem(code: string | undefined, message: string, details: DatabaseErrorDetails, opts: ErrorOptions, libraryTables: ReadonlySet<string>): GainslySchemaError | undefined {
  if (code === '42P01') {
    const table = /relation "(?:[^"]*\.)?([^".]+)" does not exist/.exec(message)?.[1];
    if (table && libraryTables.has(table)) {
      return new GainslySchemaError(`Schema not migrated: table "${table}" does not exist. ${MIGRATE_ADVICE}`, 'missing_object', MIGRATE_FIX, { ...details, table }, opts);
    }
  }
  if (code === '42704') {
    const type = /type "(?:[^"]*\.)?([^".]+)" does not exist/.exec(message)?.[1];
    if (type && LIBRARY_ENUM_LABELS.has(type)) {
      return new GainslySchemaError(`Schema not migrated: enum type "${type}" does not exist. ${MIGRATE_ADVICE}`, 'missing_object', MIGRATE_FIX, details, opts);
    }
  }
  if (code === '42703' && /column "?(?:\w+\.)?tags"? does not exist/.test(message)) {
    // movements.tags is the one column the library adds to the upstream schema.
    return new GainslySchemaError(
      'Schema not adopted: column movements.tags does not exist, so this is a database the upstream app created. Run `npx gainsly-db doctor`, then `npx gainsly-db adopt` (it adds what is missing without changing a row).',
      'not_adopted',
      ADOPT_FIX,
      { ...details, table: details.table ?? 'movements', column: 'tags' },
      opts,
    );
  }
  if (code === '22P02') {
    const match = /invalid input value for enum (?:[^\s.]+\.)?(\w+): "([^"]*)"/.exec(message);
    if (match && LIBRARY_ENUM_LABELS.get(match[1]!)?.has(match[2]!)) {
      // The library knows the label; the database's type lacks it (e.g. WAVE_LOADING on an upstream database).
      return new GainslySchemaError(
        `Schema not adopted: enum type ${match[1]} lacks the label ${match[2]}, which the library's schema has. Run \`npx gainsly-db doctor\`, then \`npx gainsly-db adopt\` (or \`npx gainsly-db migrate\` when migrations are pending).`,
        'not_adopted',
        ADOPT_FIX,
        details,
        opts,
      );
    }
  }
  return undefined;
}

/**
 * Turns a driver or MikroORM exception into the library's typed error; anything that is not an
 * error of the database (no SQLSTATE, not a connection failure) is returned unchanged.
 * `secrets` (the connection password) are removed from every message.
 * @internal
 */
export function translateDatabaseError(error: unknown, secrets: readonly string[] = [], context: TranslateContext = {}): unknown {
  if (!(error instanceof Error) || error instanceof GainslyError) return error;
  const e = error as Error & { code?: unknown; sqlState?: unknown; table?: unknown; constraint?: unknown; column?: unknown; detail?: unknown; errno?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : undefined;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? scrub(v, secrets) : undefined);
  // MikroORM appends " - detail: …" to the message; keep only PostgreSQL's first line.
  const firstLine = scrub(e.message.split('\n')[0] ?? e.message, secrets).replace(/^.*? - (?=[a-z])/, '');
  const sqlState = code && SQLSTATE.test(code) ? code : undefined;
  const details: DatabaseErrorDetails = { sqlState, table: str(e.table), constraint: str(e.constraint), column: str(e.column), detail: str(e.detail) };
  const opts = { cause: error };
  switch (sqlState) {
    case '23505':
      return new GainslyUniqueViolationError(describe('Unique violation', details, firstLine), details, opts);
    case '23503':
      return new GainslyForeignKeyViolationError(describe('Foreign key violation', details, firstLine), details, opts);
    case '23514':
      return new GainslyCheckViolationError(describe('Check violation', details, firstLine), details, opts);
    case '23502':
      return new GainslyNotNullViolationError(describe('Not-null violation', details, firstLine), details, opts);
    case '57014':
    case '55P03':
      return new GainslyTimeoutError(describe('Statement cancelled', details, firstLine), details, opts);
    case '40001':
    case '40P01':
      return new GainslyConcurrencyError(describe('Concurrent transaction conflict', details, firstLine), details, opts);
    case '28P01':
    case '28000':
    case '3D000':
      return translateConnectFailure(error, { ...context, secrets });
  }
  if ((sqlState === '26000' || sqlState === '42P05') && /prepared statement "gainsly_/.test(firstLine)) {
    // Only a pooler that moves a client between server connections makes PostgreSQL lose or
    // double the library's prepared statements (docs/scaling.md, "Connection poolers").
    return new GainslyDatabaseError(
      `${describe('Database error', details, firstLine)}. A connection pooler in front of the database does not keep prepared statements ` +
        '(PgBouncer in transaction mode before 1.21, or without max_prepared_statements): create the ORM with preparedStatements: false, ' +
        'or add gainsly_prepared_statements=false to the database URL.',
      details,
      opts,
    );
  }
  const schema = schemaProblem(sqlState, firstLine, details, opts, context.libraryTables ?? new Set());
  if (schema) return schema;
  if ((sqlState && /^(08|57P0[1-4])/.test(sqlState)) || CONNECTION_MESSAGE.test(e.message)) {
    return new GainslyConnectionError(describe('Database connection lost', details, firstLine), details, opts);
  }
  // Any other refusal by PostgreSQL (a syntax error in raw SQL, an out-of-range value, ...): still
  // typed, so no driver exception escapes; the SQLSTATE says which.
  if (sqlState) return new GainslyDatabaseError(describe('Database error', details, firstLine), details, opts);
  return error;
}

/** Node's error codes for "nobody answered at that address". */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ETIMEDOUT', 'ECONNABORTED']);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') codes.push(own);
  // Node reports a host with several addresses (::1 and 127.0.0.1) as an AggregateError.
  if (error instanceof AggregateError) for (const inner of error.errors) codes.push(...errorCodes(inner));
  return codes;
}

function describeTarget(target: ConnectionTarget | undefined): string {
  if (!target) return 'the database server';
  const host = target.host ?? 'localhost';
  const server = `${target.user ? `${target.user}@` : ''}${host.includes(':') ? `[${host}]` : host}${target.port ? `:${String(target.port)}` : ''}`;
  return target.database ? `${server}/${target.database}` : server;
}

/**
 * Turns a failure to get a connection (pg-pool's `connect`) into the library's typed error:
 * wrong credentials, no server, no such database, no free pool connection in time, or a plain
 * connection error. Always returns a GainslyError, whose message names the server and database
 * (and user) but never the password.
 * @internal
 */
export function translateConnectFailure(error: unknown, context: TranslateContext = {}): GainslyError {
  if (error instanceof GainslyError) return error;
  const secrets = context.secrets ?? [];
  const e = (error instanceof Error ? error : new Error(String(error))) as Error & { code?: unknown; severity?: unknown };
  const codes = errorCodes(error);
  const sqlState = codes.find((c) => SQLSTATE.test(c));
  const raw = e.message || (error instanceof AggregateError ? (error.errors[0] as Error | undefined)?.message : undefined) || codes[0] || 'unknown error';
  const firstLine = scrub(raw.split('\n')[0] ?? raw, secrets);
  const where = describeTarget(context.target);
  const details: DatabaseErrorDetails = { sqlState };
  const opts = { cause: error };
  if (sqlState === '28P01' || sqlState === '28000' || /SASL|SCRAM|client password must be a string|password authentication failed/i.test(raw)) {
    return new GainslyAuthenticationError(
      `Authentication failed for ${where}: ${firstLine}. Check the user and password of the database URL (and pg_hba.conf); retrying will not help.`,
      details,
      opts,
    );
  }
  if (sqlState === '3D000') {
    const name = context.target?.database ?? /database "([^"]+)"/.exec(raw)?.[1] ?? '(unnamed)';
    return new GainslyNoSuchDatabaseError(
      `No such database on ${describeTarget({ ...context.target, database: undefined })}: ${firstLine}. The library never creates a database: create it (e.g. \`createdb ${name}\`) or fix the database URL.`,
      details,
      opts,
    );
  }
  if (/timeout exceeded when trying to connect/i.test(raw)) {
    // pg-pool's wording for "waited connectionTimeoutMillis in the queue": every connection is busy.
    const waited = context.acquireTimeoutMs === undefined ? '' : ` within ${context.acquireTimeoutMs} ms`;
    const size = context.poolMax === undefined ? '' : ` (all ${context.poolMax} in use)`;
    return new GainslyTimeoutError(
      `No database connection became free${waited}${size}. Raise pool.max or acquireTimeoutMs, and never wait for a second connection while holding one (e.g. a query on orm.em inside em.transactional).`,
      details,
      opts,
    );
  }
  if (codes.some((c) => UNREACHABLE_CODES.has(c)) || /Connection terminated due to connection timeout|getaddrinfo/i.test(raw)) {
    const reason = codes.find((c) => UNREACHABLE_CODES.has(c)) ?? (/timeout/i.test(raw) ? `no answer within ${context.acquireTimeoutMs ?? '?'} ms` : firstLine);
    return new GainslyServerUnreachableError(
      `Cannot reach the database server ${describeTarget({ ...context.target, database: undefined, user: undefined })} (${reason}): is it running, and are the host and port of the database URL right?`,
      details,
      opts,
    );
  }
  const translated = translateDatabaseError(error, secrets, { ...context, target: undefined });
  if (translated instanceof GainslyError && !(translated instanceof GainslyDatabaseError && translated.constructor === GainslyDatabaseError)) return translated;
  return new GainslyConnectionError(`Cannot connect to ${where}: ${firstLine}`, details, opts);
}

/** The transaction-control statements whose failure {@link translateTransactionFailure} reports. @internal */
export type TransactionStep = 'BEGIN' | 'COMMIT' | 'ROLLBACK' | 'SAVEPOINT' | 'RELEASE SAVEPOINT' | 'ROLLBACK TO SAVEPOINT';

/**
 * Turns the failure of BEGIN, COMMIT, ROLLBACK or a savepoint statement into the library's typed
 * error. A connection lost while COMMIT was in flight is a GainslyConnectionError with
 * `mayHaveCommitted: true`: the server may have committed before the connection died. When pg
 * never sent the COMMIT (the client already knew its connection was dead), nothing was committed.
 * @internal
 */
export function translateTransactionFailure(error: unknown, step: TransactionStep, context: TranslateContext = {}): unknown {
  if (error instanceof GainslyError) return error;
  const secrets = context.secrets ?? [];
  if (isConnectionLoss(error)) {
    const e = error as Error & { code?: unknown };
    const reason = scrub((e.message ?? String(error)).split('\n')[0] ?? '', secrets);
    const sqlState = typeof e.code === 'string' && SQLSTATE.test(e.code) ? e.code : undefined;
    // "not queryable": pg refused to send the statement because it already knew the connection was dead.
    const sent = !/not queryable/i.test(reason);
    if (step === 'COMMIT' && sent) {
      return new GainslyConnectionError(
        `Connection lost during COMMIT (${reason}): the write may have been committed. Check whether it is stored before retrying anything that is not idempotent.`,
        { sqlState },
        { cause: error, mayHaveCommitted: true },
      );
    }
    const outcome = step === 'BEGIN' ? 'no transaction was started, nothing was written' : 'PostgreSQL rolled the transaction back, nothing of it was kept';
    return new GainslyConnectionError(`Connection lost at ${step} (${reason}): ${outcome}.`, { sqlState }, { cause: error });
  }
  return translateDatabaseError(error, secrets, context);
}

/**
 * Thrown when the library is configured wrongly: no database URL, an unsupported scheme, or an
 * optional peer dependency that is not installed.
 *
 * @example
 * ```ts
 * try { await createGainslyOrm(); } catch (e) { if (e instanceof GainslyConfigError) console.error(e.message); }
 * ```
 */
export class GainslyConfigError extends GainslyError {
  override readonly name: string = 'GainslyConfigError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.CONFIG;
}

/**
 * The import could not start: the file cannot be read, or the database lacks a column the import
 * writes (an upstream database not yet adopted). Invalid records raise `GainslyValidationError`.
 *
 * @example
 * ```ts
 * try { await importMovements(orm, 'missing.json'); } catch (e) { if (e instanceof GainslyImportError) console.error(e.message); }
 * ```
 */
export class GainslyImportError extends GainslyError {
  override readonly name: string = 'GainslyImportError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.IMPORT;
}
