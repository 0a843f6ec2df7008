// Errors as HTTP problems (RFC 9457, "Problem Details for HTTP APIs"): one pure mapping from any
// error the library throws to the JSON body a service sends, so every service built on the
// library answers alike (issue #18). Pure: it reads the error's `code` and public fields, never a
// class from the ORM floor, so a front end can import it from `@gainsly/db/schemas` too.
import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../enums/index.js';

/**
 * The media type of a problem body (RFC 9457 section 3).
 * @example
 * ```ts
 * reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
 * ```
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * One field that failed, as a JSON Pointer into the input (RFC 6901), with what is wrong there.
 * @example
 * ```ts
 * const fieldError: ProblemFieldError = { pointer: '/topSets/0/reps', detail: 'must be >= 1' };
 * ```
 */
export interface ProblemFieldError {
  /** `/topSets/0/reps`; `''` for the input as a whole. */
  readonly pointer: string;
  readonly detail: string;
  /** The values the field accepts, when the error names them (enum fields). */
  readonly allowed?: readonly (string | number)[];
}

/**
 * An RFC 9457 problem body with the library's extension members: `code` (one of
 * GAINSLY_ERROR_CODES, or `'INTERNAL'` for an error that is not the library's), `errors` (every
 * field that failed) and `retryable` (the same call may succeed later).
 * @example
 * ```ts
 * const problem: GainslyProblem = toProblem(error);
 * if (problem.retryable) scheduleRetry();
 * ```
 */
export interface GainslyProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: GainslyErrorCode | 'INTERNAL';
  readonly retryable: boolean;
  readonly errors?: readonly ProblemFieldError[];
  readonly instance?: string;
}

interface Kind {
  readonly status: number;
  readonly title: string;
  /** The error's own message is safe to show the caller (it describes their input, not the server). */
  readonly showMessage: boolean;
  readonly retryable: boolean;
  /** What to say when the message is not shown. */
  readonly detail: string;
}

const INPUT = (title: string): Kind => ({ status: 400, title, showMessage: true, retryable: false, detail: '' });
const SERVER = (title: string, detail: string, retryable = false, status = 500): Kind => ({ status, title, showMessage: false, retryable, detail });

/**
 * Every code's problem. Input the caller can fix is 400 (as Fastify answers its own schema
 * failures), a row the caller may not see is 404, a clash with stored data is 409, a write the
 * database's own rules refuse is 422, a database that is busy, away or not set up is 503 (retryable
 * when waiting may help), and everything else the caller cannot fix is 500; server-side details
 * never name a table, statement or host.
 */
const KINDS: { readonly [C in GainslyErrorCode]: Kind } = {
  [GAINSLY_ERROR_CODES.VALIDATION]: INPUT('Invalid input'),
  [GAINSLY_ERROR_CODES.INVALID_ENUM_VALUE]: INPUT('Invalid enum value'),
  [GAINSLY_ERROR_CODES.DOMAIN_ARGUMENT]: INPUT('Invalid argument'),
  [GAINSLY_ERROR_CODES.E1RM_RANGE]: INPUT('Rep count outside the formula'),
  [GAINSLY_ERROR_CODES.NOT_FOUND]: { status: 404, title: 'Not found', showMessage: true, retryable: false, detail: '' },
  [GAINSLY_ERROR_CODES.UNIQUE_VIOLATION]: { status: 409, title: 'Already exists', showMessage: false, retryable: false, detail: 'A row with the same unique values already exists.' },
  [GAINSLY_ERROR_CODES.FOREIGN_KEY_VIOLATION]: {
    status: 409,
    title: 'Reference conflict',
    showMessage: false,
    retryable: false,
    detail: 'The request refers to a row that does not exist, or removes one that others still refer to.',
  },
  [GAINSLY_ERROR_CODES.CONCURRENCY]: { status: 409, title: 'Concurrent update', showMessage: false, retryable: true, detail: 'Another request changed the same data at the same time; try again.' },
  [GAINSLY_ERROR_CODES.USER_DATA]: { status: 409, title: 'User data conflict', showMessage: true, retryable: false, detail: '' },
  [GAINSLY_ERROR_CODES.ADOPT]: { status: 409, title: 'Database not adoptable', showMessage: true, retryable: false, detail: '' },
  [GAINSLY_ERROR_CODES.CHECK_VIOLATION]: { status: 422, title: 'Rule violated', showMessage: false, retryable: false, detail: 'The values break a rule the database enforces.' },
  [GAINSLY_ERROR_CODES.NOT_NULL_VIOLATION]: { status: 422, title: 'Missing value', showMessage: false, retryable: false, detail: 'A required value is missing.' },
  [GAINSLY_ERROR_CODES.IMPORT]: { status: 422, title: 'Import refused', showMessage: true, retryable: false, detail: '' },
  [GAINSLY_ERROR_CODES.TIMEOUT]: SERVER('Database busy', 'The database did not answer in time; try again.', true, 503),
  [GAINSLY_ERROR_CODES.CONNECTION]: SERVER('Database unavailable', 'The connection to the database failed; try again.', true, 503),
  [GAINSLY_ERROR_CODES.SERVER_UNREACHABLE]: SERVER('Database unavailable', 'The database server cannot be reached; try again.', true, 503),
  [GAINSLY_ERROR_CODES.AUTHENTICATION]: SERVER('Database unavailable', 'The service cannot log in to its database.', false, 503),
  [GAINSLY_ERROR_CODES.NO_SUCH_DATABASE]: SERVER('Database unavailable', 'The service is configured with a database that does not exist.', false, 503),
  [GAINSLY_ERROR_CODES.CONFIG]: SERVER('Server misconfigured', 'The service is configured wrongly.'),
  [GAINSLY_ERROR_CODES.SCHEMA]: SERVER('Database not ready', 'The database schema is not migrated.', false, 503),
  [GAINSLY_ERROR_CODES.DATA]: SERVER('Stored data unreadable', 'A stored value cannot be read by this version of the service.'),
  [GAINSLY_ERROR_CODES.DATABASE]: SERVER('Database error', 'The database refused the request.'),
  [GAINSLY_ERROR_CODES.ERROR]: SERVER('Internal error', 'The service failed to handle the request.'),
};

const INTERNAL: Kind = SERVER('Internal error', 'The service failed to handle the request.');

/** `GAINSLY_NOT_FOUND` → `urn:gainsly:problem:not-found`. */
function typeUri(code: GainslyErrorCode | 'INTERNAL'): string {
  return `urn:gainsly:problem:${code.replace(/^GAINSLY_/, '').toLowerCase().replaceAll('_', '-')}`;
}

/** A JSON Pointer (RFC 6901) for a path of keys and indexes. */
function pointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function fieldErrors(error: GainslyError): ProblemFieldError[] | undefined {
  const e = error as GainslyError & {
    issues?: readonly { path: readonly (string | number)[]; message: string }[];
    problems?: readonly { path?: readonly (string | number)[]; message?: string }[];
    allowed?: readonly (string | number)[];
  };
  if (Array.isArray(e.issues)) return e.issues.map((issue) => ({ pointer: pointer(issue.path), detail: issue.message }));
  if (error.code === GAINSLY_ERROR_CODES.INVALID_ENUM_VALUE && Array.isArray(e.allowed)) return [{ pointer: '', detail: error.message, allowed: [...e.allowed] }];
  if (Array.isArray(e.problems) && error.code === GAINSLY_ERROR_CODES.DOMAIN_ARGUMENT) {
    return e.problems.map((problem) => ({ pointer: pointer(problem.path ?? []), detail: problem.message ?? error.message }));
  }
  return undefined;
}

/**
 * "WorkoutLog 12 not found.": what the caller asked for, without the table or the other keys the
 * error's message gives for the log (`WorkoutLog (workout_logs) not found: id=12, userId=3`).
 */
function notFoundDetail(error: GainslyError): string {
  const { entity, key } = error as GainslyError & { entity?: unknown; key?: { id?: unknown } };
  const what = typeof entity === 'string' && entity !== '' ? entity : 'The row';
  const id = key?.id;
  return typeof id === 'number' || typeof id === 'string' ? `${what} ${id} not found.` : `${what} not found.`;
}

/**
 * Maps any error to an RFC 9457 problem body: a `GainslyError` by its `code` (status, fixed title,
 * a `urn:gainsly:problem:…` type, `errors[]` with JSON Pointers for input that failed its schema),
 * anything else to a 500 that says nothing about it. Details of server-side failures (connection,
 * configuration, SQL) are replaced by a fixed sentence: their messages name hosts, tables and
 * constraints, which is for the log, not the caller. Pure, so it runs in a browser too.
 *
 * @param error - what was caught
 * @param options - `instance`: a URI for this occurrence (e.g. the request path or a request id)
 * @example
 * ```ts
 * app.setErrorHandler((error, request, reply) => {
 *   const problem = toProblem(error, { instance: request.url });
 *   if (problem.status >= 500) request.log.error(error);
 *   return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
 * });
 * ```
 */
export function toProblem(error: unknown, options: { instance?: string | undefined } = {}): GainslyProblem {
  const gainsly = error instanceof GainslyError && Object.hasOwn(KINDS, error.code) ? error : undefined;
  const code = gainsly ? gainsly.code : 'INTERNAL';
  const kind = gainsly ? KINDS[gainsly.code] : INTERNAL;
  const errors = gainsly && kind.status < 500 ? fieldErrors(gainsly) : undefined;
  return {
    type: typeUri(code),
    title: kind.title,
    status: kind.status,
    detail: gainsly === undefined || !kind.showMessage ? kind.detail : code === GAINSLY_ERROR_CODES.NOT_FOUND ? notFoundDetail(gainsly) : gainsly.message,
    code,
    retryable: kind.retryable,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(options.instance !== undefined ? { instance: options.instance } : {}),
  };
}
