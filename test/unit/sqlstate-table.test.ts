// SQLSTATE -> error class, as a table: every code the library's translation knows (and a few it
// does not, which must fall to the base GainslyDatabaseError), with the EXACT class expected
// (constructor, not instanceof: a Unique violation reported as a plain GainslyDatabaseError is a bug
// users would see in their catch blocks). A completeness test reads src/orm/errors.ts and fails when
// the mapping learns a code that has no row here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GainslyAuthenticationError,
  GainslyCheckViolationError,
  GainslyConcurrencyError,
  GainslyConnectionError,
  GainslyDatabaseError,
  GainslyForeignKeyViolationError,
  GainslyNoSuchDatabaseError,
  GainslyNotNullViolationError,
  GainslySchemaError,
  GainslyServerUnreachableError,
  GainslyTimeoutError,
  GainslyUniqueViolationError,
} from '../../src/index.js';
import { GainslyError } from '../../src/enums/index.js';
import { translateConnectFailure, translateDatabaseError, translateTransactionFailure } from '../../src/orm/errors.js';

type ErrorClass = abstract new (...args: never[]) => GainslyError;

function pgError(code: string, message = 'boom', extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

const LIBRARY_TABLES = new Set(['users', 'programs', 'movements']);

/** [SQLSTATE, message PostgreSQL would send, expected class, why]. */
const TABLE: [string, string, ErrorClass, string][] = [
  ['23505', 'duplicate key value violates unique constraint "users_email_key"', GainslyUniqueViolationError, 'unique_violation'],
  ['23503', 'insert or update on table "programs" violates foreign key constraint', GainslyForeignKeyViolationError, 'foreign_key_violation'],
  ['23514', 'new row for relation "programs" violates check constraint "goals_sum_to_ten"', GainslyCheckViolationError, 'check_violation'],
  ['23502', 'null value in column "date" violates not-null constraint', GainslyNotNullViolationError, 'not_null_violation'],
  ['57014', 'canceling statement due to statement timeout', GainslyTimeoutError, 'query_canceled'],
  ['55P03', 'could not obtain lock on row in relation "programs"', GainslyTimeoutError, 'lock_not_available'],
  ['40001', 'could not serialize access due to concurrent update', GainslyConcurrencyError, 'serialization_failure'],
  ['40P01', 'deadlock detected', GainslyConcurrencyError, 'deadlock_detected'],
  ['28P01', 'password authentication failed for user "app"', GainslyAuthenticationError, 'invalid_password'],
  ['28000', 'no pg_hba.conf entry for host', GainslyAuthenticationError, 'invalid_authorization_specification'],
  ['3D000', 'database "nope" does not exist', GainslyNoSuchDatabaseError, 'invalid_catalog_name'],
  ['42P01', 'relation "programs" does not exist', GainslySchemaError, 'undefined_table, a library table'],
  ['42P01', 'relation "my_app_table" does not exist', GainslyDatabaseError, 'undefined_table, not a library table'],
  ['42704', 'type "movementpattern" does not exist', GainslySchemaError, 'undefined_object, a library enum type'],
  ['42704', 'type "my_type" does not exist', GainslyDatabaseError, 'undefined_object, not a library type'],
  ['42703', 'column "tags" does not exist', GainslySchemaError, 'undefined_column movements.tags (upstream schema, not adopted)'],
  ['42703', 'column "nickname" does not exist', GainslyDatabaseError, 'undefined_column, another column'],
  ['22P02', 'invalid input value for enum progressionstyle: "WAVE_LOADING"', GainslySchemaError, 'a label the library has, the database type lacks'],
  ['22P02', 'invalid input value for enum progressionstyle: "NOPE"', GainslyDatabaseError, 'a label nobody has'],
  ['22P02', 'invalid input syntax for type integer: "x"', GainslyDatabaseError, 'invalid_text_representation, not an enum'],
  ['26000', 'prepared statement "gainsly_1x2y_3z" does not exist', GainslyDatabaseError, 'invalid_sql_statement_name: a pooler lost the library\'s prepared statement (message names the switch)'],
  ['26000', 'prepared statement "mine" does not exist', GainslyDatabaseError, 'invalid_sql_statement_name, not the library\'s'],
  ['42P05', 'prepared statement "gainsly_1x2y_3z" already exists', GainslyDatabaseError, 'duplicate_prepared_statement: a pooler shared a server connection'],
  ['08000', 'connection_exception', GainslyConnectionError, 'class 08'],
  ['08003', 'connection does not exist', GainslyConnectionError, 'class 08'],
  ['08006', 'connection failure', GainslyConnectionError, 'class 08'],
  ['08001', 'could not connect', GainslyConnectionError, 'class 08'],
  ['08P01', 'protocol violation', GainslyConnectionError, 'class 08'],
  ['57P01', 'terminating connection due to administrator command', GainslyConnectionError, 'admin_shutdown'],
  ['57P02', 'crash shutdown', GainslyConnectionError, 'crash_shutdown'],
  ['57P03', 'the database system is starting up', GainslyConnectionError, 'cannot_connect_now'],
  ['57P04', 'database dropped', GainslyConnectionError, 'database_dropped'],
  ['57P05', 'idle session timeout', GainslyDatabaseError, 'outside 57P01-57P04'],
  ['42601', 'syntax error at or near "selec"', GainslyDatabaseError, 'syntax_error: base class'],
  ['22003', 'value out of range', GainslyDatabaseError, 'numeric_value_out_of_range: base class'],
  ['25P02', 'current transaction is aborted', GainslyDatabaseError, 'in_failed_sql_transaction: base class'],
];

describe('translateDatabaseError: SQLSTATE -> the exact class, sqlState kept', () => {
  for (const [code, message, expected, why] of TABLE) {
    it(`${code} (${why}) -> ${expected.name}`, () => {
      const translated = translateDatabaseError(pgError(code, message), [], { libraryTables: LIBRARY_TABLES });
      expect(translated).toBeInstanceOf(GainslyError);
      expect((translated as object).constructor).toBe(expected);
      expect((translated as GainslyDatabaseError).sqlState).toBe(code);
      expect((translated as Error).cause).toBeInstanceOf(Error);
    });
  }

  it('the SQLSTATE may come as `sqlState` (PGlite) instead of `code`', () => {
    const translated = translateDatabaseError(Object.assign(new Error('duplicate key'), { sqlState: '23505' }));
    expect((translated as object).constructor).toBe(GainslyUniqueViolationError);
  });

  it('table, constraint and column details are carried over', () => {
    const translated = translateDatabaseError(pgError('23505', 'dup', { table: 'users', constraint: 'users_email_key', column: 'email', detail: 'Key (email)=(a@b.c) already exists.' })) as GainslyDatabaseError;
    expect({ sqlState: translated.sqlState, table: translated.table, constraint: translated.constraint, column: translated.column, detail: translated.detail }).toEqual({
      sqlState: '23505',
      table: 'users',
      constraint: 'users_email_key',
      column: 'email',
      detail: 'Key (email)=(a@b.c) already exists.',
    });
    expect(translated.message).toContain('constraint users_email_key');
  });

  it('no SQLSTATE: a connection-loss message is a GainslyConnectionError; anything else is returned unchanged', () => {
    expect((translateDatabaseError(pgError('ECONNRESET', 'read ECONNRESET')) as object).constructor).toBe(GainslyConnectionError);
    expect((translateDatabaseError(new Error('Connection terminated unexpectedly')) as object).constructor).toBe(GainslyConnectionError);
    const plain = new TypeError('not a database error');
    expect(translateDatabaseError(plain)).toBe(plain);
    expect(translateDatabaseError('a string')).toBe('a string');
    const already = new GainslyUniqueViolationError('x', { sqlState: '23505' });
    expect(translateDatabaseError(already)).toBe(already);
  });
});

describe('translateConnectFailure: what getting a connection can fail with', () => {
  const rows: [string, Error, ErrorClass][] = [
    ['28P01', pgError('28P01', 'password authentication failed for user "app"'), GainslyAuthenticationError],
    ['28000', pgError('28000', 'no pg_hba.conf entry'), GainslyAuthenticationError],
    ['SCRAM without a password', new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), GainslyAuthenticationError],
    ['3D000', pgError('3D000', 'database "nope" does not exist'), GainslyNoSuchDatabaseError],
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), GainslyServerUnreachableError],
    ['ENOTFOUND', pgError('ENOTFOUND', 'getaddrinfo ENOTFOUND nohost'), GainslyServerUnreachableError],
    ['EHOSTUNREACH', pgError('EHOSTUNREACH', 'connect EHOSTUNREACH'), GainslyServerUnreachableError],
    ['ETIMEDOUT', pgError('ETIMEDOUT', 'connect ETIMEDOUT'), GainslyServerUnreachableError],
    ['AggregateError of ECONNREFUSED (::1 and 127.0.0.1)', new AggregateError([pgError('ECONNREFUSED', 'a'), pgError('ECONNREFUSED', 'b')], ''), GainslyServerUnreachableError],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect'), GainslyTimeoutError],
    ['57P03 starting up', pgError('57P03', 'the database system is starting up'), GainslyConnectionError],
    ['unknown', new Error('something else'), GainslyConnectionError],
  ];
  for (const [label, error, expected] of rows) {
    it(`${label} -> ${expected.name}`, () => {
      const translated = translateConnectFailure(error, { target: { user: 'app', host: 'db.internal', port: 5432, database: 'gainsly' } });
      expect(translated.constructor).toBe(expected);
    });
  }
});

describe('translateTransactionFailure: a connection lost at COMMIT may have committed, elsewhere not', () => {
  for (const step of ['BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE SAVEPOINT', 'ROLLBACK TO SAVEPOINT'] as const) {
    it(`${step}: 57P01 -> GainslyConnectionError, mayHaveCommitted ${step === 'COMMIT'}`, () => {
      const translated = translateTransactionFailure(pgError('57P01', 'terminating connection due to administrator command'), step) as GainslyConnectionError;
      expect(translated.constructor).toBe(GainslyConnectionError);
      expect(translated.mayHaveCommitted).toBe(step === 'COMMIT');
    });
  }
  it('COMMIT refused with "not queryable" (never sent): not committed', () => {
    const translated = translateTransactionFailure(new Error('Client was closed and is not queryable'), 'COMMIT') as GainslyConnectionError;
    expect(translated.mayHaveCommitted).toBe(false);
  });
  it('COMMIT failing with 40001 is a GainslyConcurrencyError (not a connection loss)', () => {
    expect((translateTransactionFailure(pgError('40001', 'could not serialize'), 'COMMIT') as object).constructor).toBe(GainslyConcurrencyError);
  });
});

describe('completeness: every SQLSTATE named in src/orm/errors.ts has a row', () => {
  it('each quoted 5-character SQLSTATE in the source is in the table', () => {
    const source = readFileSync(new URL('../../src/orm/errors.ts', import.meta.url), 'utf8');
    // Quoted codes in case labels and comparisons: '23505', '3D000', '57P01', … (5 chars, digits + capitals, at least one digit first two).
    const named = new Set([...source.matchAll(/'([0-9][0-9A-Z]{4})'/g)].map((m) => m[1]!));
    // The regex /^(08|57P0[1-4])/ covers classes: represented by their rows above.
    expect(named.size).toBeGreaterThan(10);
    const covered = new Set(TABLE.map((row) => row[0]));
    expect([...named].filter((code) => !covered.has(code))).toEqual([]);
  });
});
