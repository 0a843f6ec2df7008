// The root of the library's errors lives in the bottom layer (enums <- domain <- schemas <- orm), so
// that every layer's errors, the enum codecs' and the domain helpers' included, can extend it without
// an upward import. Pure TypeScript: no zod, no MikroORM, no Node.

/**
 * The stable `code` of every error class the library throws, one per class. Match on these (or on
 * `instanceof`) rather than on messages, which may be reworded. Codes are never renamed or reused;
 * new ones may be added in minor releases, so keep a default branch when you switch over them.
 *
 * Database errors also keep PostgreSQL's SQLSTATE in `sqlState`.
 *
 * @example
 * ```ts
 * if (error instanceof GainslyError && error.code === GAINSLY_ERROR_CODES.UNIQUE_VIOLATION) reply(409);
 * ```
 */
export const GAINSLY_ERROR_CODES = /* @__PURE__ */ Object.freeze({
  /** A plain `GainslyError`: the library refused for a reason no subclass names (an internal invariant broke). */
  ERROR: 'GAINSLY_ERROR',
  /** `GainslyValidationError`: an argument or input failed its schema; nothing was sent to the database. */
  VALIDATION: 'GAINSLY_VALIDATION',
  /** `InvalidEnumValueError`: a value is not a member of its enum. */
  INVALID_ENUM_VALUE: 'GAINSLY_INVALID_ENUM_VALUE',
  /** `DomainArgumentError`: a domain helper (e1RM, plates, pattern strength, ...) got an argument outside its domain. */
  DOMAIN_ARGUMENT: 'GAINSLY_DOMAIN_ARGUMENT',
  /** `E1RMRangeError`: an e1RM formula is undefined for the rep count (Brzycki at 37+ reps). */
  E1RM_RANGE: 'GAINSLY_E1RM_RANGE',
  /** `GainslyNotFoundError`: a row does not exist or is not visible to the caller. */
  NOT_FOUND: 'GAINSLY_NOT_FOUND',
  /** `GainslyDataError`: a stored value the library cannot interpret. */
  DATA: 'GAINSLY_DATA',
  /** `GainslyConfigError`: the library is configured wrongly (no URL, bad scheme, missing optional package). */
  CONFIG: 'GAINSLY_CONFIG',
  /** `GainslyDatabaseError`: PostgreSQL refused a statement for a reason no subclass names. */
  DATABASE: 'GAINSLY_DATABASE',
  /** `GainslyUniqueViolationError` (SQLSTATE 23505). */
  UNIQUE_VIOLATION: 'GAINSLY_UNIQUE_VIOLATION',
  /** `GainslyForeignKeyViolationError` (SQLSTATE 23503). */
  FOREIGN_KEY_VIOLATION: 'GAINSLY_FOREIGN_KEY_VIOLATION',
  /** `GainslyCheckViolationError` (SQLSTATE 23514). */
  CHECK_VIOLATION: 'GAINSLY_CHECK_VIOLATION',
  /** `GainslyNotNullViolationError` (SQLSTATE 23502). */
  NOT_NULL_VIOLATION: 'GAINSLY_NOT_NULL_VIOLATION',
  /** `GainslySchemaError`: the database lacks the library's schema (not migrated, not adopted, migrations pending). */
  SCHEMA: 'GAINSLY_SCHEMA',
  /** `GainslyConnectionError`: the connection failed or was lost (at BEGIN, a statement, COMMIT, or pool acquisition). */
  CONNECTION: 'GAINSLY_CONNECTION',
  /** `GainslyAuthenticationError`: the server refused the user or password (SQLSTATE 28P01 / 28000). */
  AUTHENTICATION: 'GAINSLY_AUTHENTICATION',
  /** `GainslyServerUnreachableError`: no server answered at the URL's host and port (refused, unknown host, connect timeout). */
  SERVER_UNREACHABLE: 'GAINSLY_SERVER_UNREACHABLE',
  /** `GainslyNoSuchDatabaseError`: the server has no database of the URL's name (SQLSTATE 3D000). */
  NO_SUCH_DATABASE: 'GAINSLY_NO_SUCH_DATABASE',
  /** `GainslyTimeoutError`: a statement was cancelled, or no pool connection became free in time. */
  TIMEOUT: 'GAINSLY_TIMEOUT',
  /** `GainslyConcurrencyError`: deadlock or serialization failure; the transaction can be retried. */
  CONCURRENCY: 'GAINSLY_CONCURRENCY',
  /** `GainslyAdoptError`: `adopt` refused; nothing was changed. */
  ADOPT: 'GAINSLY_ADOPT',
  /** `GainslyImportError`: an import source cannot be read or the database cannot take it. */
  IMPORT: 'GAINSLY_IMPORT',
  /** `GainslyUserDataError`: a user's data cannot be erased or imported as asked (a reference that cannot be cleared, a missing reference); nothing was changed. */
  USER_DATA: 'GAINSLY_USER_DATA',
} as const);

/**
 * One of the {@link GAINSLY_ERROR_CODES} values.
 *
 * @example
 * ```ts
 * const code: GainslyErrorCode = 'GAINSLY_NOT_FOUND';
 * ```
 */
export type GainslyErrorCode = (typeof GAINSLY_ERROR_CODES)[keyof typeof GAINSLY_ERROR_CODES];

/**
 * Base class of every error the library throws on purpose, so one `instanceof` check separates
 * "the library refused" from bugs, and `code` (one of {@link GAINSLY_ERROR_CODES}) says which
 * refusal without parsing the message. Exported from `@gainsly/db`, `@gainsly/db/enums`,
 * `@gainsly/db/domain` and `@gainsly/db/schemas` (one class: `instanceof` works across them).
 *
 * @example
 * ```ts
 * try {
 *   await repo.getById(1);
 * } catch (e) {
 *   if (e instanceof GainslyError && e.code === 'GAINSLY_NOT_FOUND') reply(404, e.message);
 * }
 * ```
 */
export class GainslyError extends Error {
  override readonly name: string = 'GainslyError';
  /** Stable, machine-readable kind of error; each subclass sets its own. */
  // The code as a literal (checked against GAINSLY_ERROR_CODES by its type), here and in the error
  // classes of the pure subpaths, so a browser bundle that throws one of them does not carry the
  // whole table (issue #18, `npm run check:bundles`).
  readonly code: GainslyErrorCode = 'GAINSLY_ERROR';
}
