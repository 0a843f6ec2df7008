import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../enums/index.js';

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
 * The connection to the database failed or was lost mid-statement (server restart,
 * `pg_terminate_backend`, network). The transaction in flight was rolled back by PostgreSQL;
 * the ORM reconnects on the next call.
 * @example
 * ```ts
 * catch (e) { if (e instanceof GainslyConnectionError) retryLater(); }
 * ```
 */
export class GainslyConnectionError extends GainslyDatabaseError {
  override readonly name: string = 'GainslyConnectionError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.CONNECTION;
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

/**
 * Turns a driver or MikroORM exception into the library's typed error; anything else is
 * returned unchanged. `secrets` (the connection password) are removed from every message.
 * @internal
 */
export function translateDatabaseError(error: unknown, secrets: readonly string[] = []): unknown {
  if (!(error instanceof Error) || error instanceof GainslyError) return error;
  const e = error as Error & { code?: unknown; sqlState?: unknown; table?: unknown; constraint?: unknown; column?: unknown; detail?: unknown; errno?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : undefined;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? scrub(v, secrets) : undefined);
  // MikroORM appends " - detail: …" to the message; keep only PostgreSQL's first line.
  const firstLine = scrub(e.message.split('\n')[0] ?? e.message, secrets).replace(/^.*? - (?=[a-z])/, '');
  const details: DatabaseErrorDetails = { sqlState: code, table: str(e.table), constraint: str(e.constraint), column: str(e.column), detail: str(e.detail) };
  const opts = { cause: error };
  switch (code) {
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
  }
  if ((code && /^(08|57P0[1-4])/.test(code)) || CONNECTION_MESSAGE.test(e.message)) {
    return new GainslyConnectionError(describe('Database connection lost', details, firstLine), details, opts);
  }
  return error;
}
