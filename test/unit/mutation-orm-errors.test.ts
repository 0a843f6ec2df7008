// Mutation testing (issue #24, test/README.md): what a caller reads from the translated database
// errors of src/orm/errors.ts — the exact message (which table, constraint or server, and the fix),
// the class, `sqlState` and the carried details — and that no message ever shows the password.
// The inputs are shaped like node-postgres's DatabaseError (code, message, table, constraint…), the
// translators' real input; expected messages are written out by hand.
import { describe, expect, it } from 'vitest';
import {
  GainslyAuthenticationError,
  GainslyCheckViolationError,
  GainslyConcurrencyError,
  GainslyConnectionError,
  GainslyDatabaseError,
  GainslyDataError,
  GainslyForeignKeyViolationError,
  GainslyNoSuchDatabaseError,
  GainslyNotFoundError,
  GainslyNotNullViolationError,
  GainslySchemaError,
  GainslyServerUnreachableError,
  GainslyTimeoutError,
  GainslyUniqueViolationError,
  isConnectionLoss,
  translateConnectFailure,
  translateDatabaseError,
  translateTransactionFailure,
} from '../../src/orm/errors.js';
import { GainslyError } from '../../src/enums/index.js';

function pgError(code: unknown, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

/** translateDatabaseError's result as a GainslyDatabaseError, failing when it is not one. */
function dbError(error: unknown, secrets: readonly string[] = [], context = {}): GainslyDatabaseError {
  const translated = translateDatabaseError(error, secrets, context);
  expect(translated).toBeInstanceOf(GainslyDatabaseError);
  return translated as GainslyDatabaseError;
}

const MIGRATE_ADVICE = 'Run `npx gainsly-db migrate` (or `await migrate(orm)`) on a new database; on a database the upstream app created, run `npx gainsly-db doctor`, then `npx gainsly-db adopt`.';
const TARGET = { user: 'app', host: 'db.internal', port: 5432, database: 'gainsly' };

describe('error classes: name, code and carried fields', () => {
  it('GainslyNotFoundError names the entity, table and every key', () => {
    const error = new GainslyNotFoundError('Program', 'programs', { id: 999, userId: 3 });
    expect(error.message).toBe('Program (programs) not found: id=999, userId=3');
    expect([error.name, error.code, error.entity, error.table, error.key]).toEqual(['GainslyNotFoundError', 'GAINSLY_NOT_FOUND', 'Program', 'programs', { id: 999, userId: 3 }]);
    expect(new GainslyNotFoundError('User', 'users', { email: null }).message).toBe('User (users) not found: email=null');
  });

  it('GainslyDataError keeps table, column, value; rowId defaults to null', () => {
    const error = new GainslyDataError('bad', 'movements', 'pattern', 'Squat ');
    expect([error.name, error.code, error.message, error.table, error.column, error.value, error.rowId]).toEqual(['GainslyDataError', 'GAINSLY_DATA', 'bad', 'movements', 'pattern', 'Squat ', null]);
    expect(new GainslyDataError('bad', 't', 'c', 1, 7).rowId).toBe(7);
  });

  it.each([
    [GainslyDatabaseError, 'GainslyDatabaseError', 'GAINSLY_DATABASE'],
    [GainslyUniqueViolationError, 'GainslyUniqueViolationError', 'GAINSLY_UNIQUE_VIOLATION'],
    [GainslyForeignKeyViolationError, 'GainslyForeignKeyViolationError', 'GAINSLY_FOREIGN_KEY_VIOLATION'],
    [GainslyCheckViolationError, 'GainslyCheckViolationError', 'GAINSLY_CHECK_VIOLATION'],
    [GainslyNotNullViolationError, 'GainslyNotNullViolationError', 'GAINSLY_NOT_NULL_VIOLATION'],
    [GainslyConnectionError, 'GainslyConnectionError', 'GAINSLY_CONNECTION'],
    [GainslyAuthenticationError, 'GainslyAuthenticationError', 'GAINSLY_AUTHENTICATION'],
    [GainslyServerUnreachableError, 'GainslyServerUnreachableError', 'GAINSLY_SERVER_UNREACHABLE'],
    [GainslyNoSuchDatabaseError, 'GainslyNoSuchDatabaseError', 'GAINSLY_NO_SUCH_DATABASE'],
    [GainslyTimeoutError, 'GainslyTimeoutError', 'GAINSLY_TIMEOUT'],
    [GainslyConcurrencyError, 'GainslyConcurrencyError', 'GAINSLY_CONCURRENCY'],
  ] as const)('%o: name %s, code %s, details and cause kept', (Class, name, code) => {
    const cause = new Error('driver');
    const error = new Class('msg', { sqlState: '23505', table: 't', constraint: 'k', column: 'c', detail: 'd' }, { cause });
    expect([error.name, error.code, error.message, error.cause]).toEqual([name, code, 'msg', cause]);
    expect([error.sqlState, error.table, error.constraint, error.column, error.detail]).toEqual(['23505', 't', 'k', 'c', 'd']);
  });

  it('GainslyConnectionError: no details needed, mayHaveCommitted false unless said', () => {
    const plain = new GainslyConnectionError('lost');
    expect([plain.mayHaveCommitted, plain.sqlState, plain.table]).toEqual([false, undefined, undefined]);
    expect(new GainslyConnectionError('lost', {}, { mayHaveCommitted: true }).mayHaveCommitted).toBe(true);
    expect(new GainslyAuthenticationError('x').mayHaveCommitted).toBe(false);
  });

  it('GainslySchemaError carries problem and fix; details are optional', () => {
    const error = new GainslySchemaError('no schema', 'not_migrated', 'npx gainsly-db migrate');
    expect([error.name, error.code, error.problem, error.fix, error.sqlState]).toEqual(['GainslySchemaError', 'GAINSLY_SCHEMA', 'not_migrated', 'npx gainsly-db migrate', undefined]);
    expect(new GainslySchemaError('m', 'missing_object', 'f', { sqlState: '42P01', table: 'users' }).table).toBe('users');
  });
});

describe('translateDatabaseError: the message names what refused and what PostgreSQL said', () => {
  it.each([
    ['23505', 'duplicate key value violates unique constraint "users_email_key"', 'Unique violation', GainslyUniqueViolationError],
    ['23503', 'insert or update on table "programs" violates foreign key constraint "programs_user_id_fkey"', 'Foreign key violation', GainslyForeignKeyViolationError],
    ['23514', 'new row for relation "programs" violates check constraint "goals_sum_to_ten"', 'Check violation', GainslyCheckViolationError],
    ['23502', 'null value in column "date" violates not-null constraint', 'Not-null violation', GainslyNotNullViolationError],
    ['57014', 'canceling statement due to statement timeout', 'Statement cancelled', GainslyTimeoutError],
    ['55P03', 'could not obtain lock on row in relation "programs"', 'Statement cancelled', GainslyTimeoutError],
    ['40001', 'could not serialize access due to concurrent update', 'Concurrent transaction conflict', GainslyConcurrencyError],
    ['40P01', 'deadlock detected', 'Concurrent transaction conflict', GainslyConcurrencyError],
    ['57P01', 'terminating connection due to administrator command', 'Database connection lost', GainslyConnectionError],
    ['08006', 'connection failure', 'Database connection lost', GainslyConnectionError],
    ['42601', 'syntax error at or near "selec"', 'Database error', GainslyDatabaseError],
  ] as const)('%s: "<kind>: <PostgreSQL message>"', (code, message, kind, Class) => {
    const error = dbError(pgError(code, message));
    expect(error.constructor).toBe(Class);
    expect(error.message).toBe(`${kind}: ${message}`);
    expect(error.sqlState).toBe(code);
  });

  it('table, constraint, column and DETAIL are named in that order', () => {
    const error = dbError(pgError('23505', 'duplicate key value violates unique constraint "users_email_key"', {
      table: 'users',
      constraint: 'users_email_key',
      column: 'email',
      detail: 'Key (email)=(a@b.c) already exists.',
    }));
    expect(error.message).toBe(
      'Unique violation (table users, constraint users_email_key, column email): duplicate key value violates unique constraint "users_email_key" — Key (email)=(a@b.c) already exists.',
    );
    expect(dbError(pgError('23502', 'null value', { column: 'date' })).message).toBe('Not-null violation (column date): null value');
    expect(dbError(pgError('23503', 'fk', { table: 'programs', column: 'user_id' })).message).toBe('Foreign key violation (table programs, column user_id): fk');
    expect(dbError(pgError('23514', 'check', { constraint: 'valid_length' })).message).toBe('Check violation (constraint valid_length): check');
    expect(dbError(pgError('40P01', 'deadlock detected', { detail: 'Process 1 waits for ShareLock.' })).message).toBe('Concurrent transaction conflict: deadlock detected — Process 1 waits for ShareLock.');
  });

  it('empty or non-string details count as absent', () => {
    const error = dbError(pgError('23505', 'dup', { table: '', constraint: 7, column: null, detail: '' }));
    expect(error.message).toBe('Unique violation: dup');
    expect([error.table, error.constraint, error.column, error.detail]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps only the first line, and drops the SQL MikroORM puts before " - "', () => {
    expect(dbError(pgError('23505', 'dup key\nDETAIL: Key (email)=(x) already exists.')).message).toBe('Unique violation: dup key');
    expect(dbError(pgError('23505', 'insert into "users" ("email") values ($1) - duplicate key value violates unique constraint "users_email_key"')).message).toBe(
      'Unique violation: duplicate key value violates unique constraint "users_email_key"',
    );
    // Only the first " - " ends the SQL: PostgreSQL's own text may contain one.
    expect(dbError(pgError('42601', 'select 1 - syntax error - at or near "x"')).message).toBe('Database error: syntax error - at or near "x"');
    // " - " before a capital or a digit is part of the message, not MikroORM's separator.
    expect(dbError(pgError('22003', 'value 5 - 3 out of range')).message).toBe('Database error: value 5 - 3 out of range');
    expect(dbError(pgError('22003', 'overflow - Numeric field')).message).toBe('Database error: overflow - Numeric field');
  });

  it('the SQLSTATE: `code` when it is a string, else `sqlState`; anything else is no SQLSTATE', () => {
    expect(dbError(Object.assign(new Error('dup'), { code: 23505, sqlState: '23505' })).constructor).toBe(GainslyUniqueViolationError);
    expect(dbError(Object.assign(new Error('dup'), { code: '23505', sqlState: '40001' })).constructor).toBe(GainslyUniqueViolationError);
    const numeric = Object.assign(new Error('dup'), { sqlState: 23505 });
    expect(translateDatabaseError(numeric)).toBe(numeric);
    // Node's codes are not SQLSTATEs: no sqlState on the translated error.
    const reset = dbError(pgError('ECONNRESET', 'read ECONNRESET'));
    expect(reset.constructor).toBe(GainslyConnectionError);
    expect(reset.sqlState).toBeUndefined();
    expect(reset.message).toBe('Database connection lost: read ECONNRESET');
  });

  it('classes 08 and 57P01-57P04 are connection losses; the same digits elsewhere are not', () => {
    for (const code of ['08000', '08P01', '57P01', '57P04']) expect(dbError(pgError(code, 'x')).constructor).toBe(GainslyConnectionError);
    for (const code of ['22008', '57P05', '57P00', '57000', '2208A']) expect(dbError(pgError(code, 'x')).constructor, code).toBe(GainslyDatabaseError);
  });

  it('a message about a lost connection is a connection loss even without a code', () => {
    const error = dbError(new Error('Connection terminated unexpectedly\nat socket'));
    expect(error.constructor).toBe(GainslyConnectionError);
    expect(error.message).toBe('Database connection lost: Connection terminated unexpectedly');
    expect((error as GainslyConnectionError).mayHaveCommitted).toBe(false);
  });

  it('keeps the driver error as cause; a GainslyError or a non-error passes unchanged', () => {
    const driver = pgError('23505', 'dup');
    expect(dbError(driver).cause).toBe(driver);
    const own = new GainslyError('mine');
    expect(translateDatabaseError(own)).toBe(own);
    const shaped = { code: '23505', message: 'dup' };
    expect(translateDatabaseError(shaped)).toBe(shaped);
    expect(translateDatabaseError(undefined)).toBeUndefined();
  });

  it('removes every secret from message and DETAIL, also one character long; an empty secret is ignored', () => {
    const error = dbError(pgError('23505', 'dup for s3cret and s3cret', { detail: 'Key (pw)=(s3cret) already exists.' }), ['', 's3cret']);
    expect(error.message).toBe('Unique violation: dup for *** and *** — Key (pw)=(***) already exists.');
    expect(error.detail).toBe('Key (pw)=(***) already exists.');
    expect(dbError(pgError('23505', 'a q b'), ['q']).message).toBe('Unique violation: a *** b');
    expect(dbError(pgError('23505', 'a q b', { table: 'q' }), ['q']).table).toBe('***');
  });
});

describe('translateDatabaseError: a missing library object is a schema problem with its fix', () => {
  const libraryTables = new Set(['programs', 'users']);

  it.each([
    ['relation "programs" does not exist'],
    ['relation "public.programs" does not exist'],
    ['relation "my schema.programs" does not exist'],
  ])('42P01 %s: table "programs", run migrate', (message) => {
    const error = dbError(pgError('42P01', message), [], { libraryTables }) as GainslySchemaError;
    expect(error.constructor).toBe(GainslySchemaError);
    expect(error.message).toBe(`Schema not migrated: table "programs" does not exist. ${MIGRATE_ADVICE}`);
    expect([error.problem, error.fix, error.table, error.sqlState]).toEqual(['missing_object', 'npx gainsly-db migrate', 'programs', '42P01']);
  });

  it('42P01 of a table the library does not have, or with no library tables given, is a plain database error', () => {
    expect(dbError(pgError('42P01', 'relation "orders" does not exist'), [], { libraryTables }).constructor).toBe(GainslyDatabaseError);
    expect(dbError(pgError('42P01', 'relation "programs" does not exist')).constructor).toBe(GainslyDatabaseError);
  });

  it.each([['type "movementpattern" does not exist'], ['type "public.movementpattern" does not exist']])('42704 %s: enum type, run migrate', (message) => {
    const error = dbError(pgError('42704', message, { detail: 'd' })) as GainslySchemaError;
    expect(error.constructor).toBe(GainslySchemaError);
    expect(error.message).toBe(`Schema not migrated: enum type "movementpattern" does not exist. ${MIGRATE_ADVICE}`);
    expect([error.problem, error.fix, error.detail]).toEqual(['missing_object', 'npx gainsly-db migrate', 'd']);
  });

  it('42704 of another type is a plain database error', () => {
    expect(dbError(pgError('42704', 'type "citext" does not exist')).constructor).toBe(GainslyDatabaseError);
    expect(dbError(pgError('42704', 'type "movementpatternx" does not exist')).constructor).toBe(GainslyDatabaseError);
  });

  const NOT_ADOPTED = 'Schema not adopted: column movements.tags does not exist, so this is a database the upstream app created. Run `npx gainsly-db doctor`, then `npx gainsly-db adopt` (it adds what is missing without changing a row).';

  it.each([['column "tags" does not exist'], ['column m.tags does not exist'], ['column mv.tags does not exist'], ['column "movements.tags" does not exist']])(
    '42703 %s: movements.tags, run adopt',
    (message) => {
      const error = dbError(pgError('42703', message)) as GainslySchemaError;
      expect(error.constructor).toBe(GainslySchemaError);
      expect(error.message).toBe(NOT_ADOPTED);
      expect([error.problem, error.fix, error.table, error.column, error.sqlState]).toEqual(['not_adopted', 'npx gainsly-db adopt', 'movements', 'tags', '42703']);
    },
  );

  it('42703: the table PostgreSQL names wins over the default', () => {
    expect(dbError(pgError('42703', 'column "tags" does not exist', { table: 'movements_view' })).table).toBe('movements_view');
  });

  it('42703 of another column, or "tags" in another code, is not a schema problem', () => {
    expect(dbError(pgError('42703', 'column "nickname" does not exist')).constructor).toBe(GainslyDatabaseError);
    expect(dbError(pgError('42703', 'column "mytags" does not exist')).constructor).toBe(GainslyDatabaseError);
    expect(dbError(pgError('42P01', 'column "tags" does not exist')).constructor).toBe(GainslyDatabaseError);
  });

  it.each([
    ['invalid input value for enum progressionstyle: "WAVE_LOADING"'],
    ['invalid input value for enum public.progressionstyle: "WAVE_LOADING"'],
  ])('22P02 %s: a label the library has and the database lacks, run adopt', (message) => {
    const error = dbError(pgError('22P02', message)) as GainslySchemaError;
    expect(error.constructor).toBe(GainslySchemaError);
    expect(error.message).toBe(
      'Schema not adopted: enum type progressionstyle lacks the label WAVE_LOADING, which the library\'s schema has. Run `npx gainsly-db doctor`, then `npx gainsly-db adopt` (or `npx gainsly-db migrate` when migrations are pending).',
    );
    expect([error.problem, error.fix]).toEqual(['not_adopted', 'npx gainsly-db adopt']);
  });

  it('the same texts under another SQLSTATE (a RAISE EXCEPTION in a user function) are plain database errors', () => {
    for (const message of ['relation "programs" does not exist', 'type "movementpattern" does not exist', 'column "tags" does not exist', 'invalid input value for enum progressionstyle: "WAVE_LOADING"']) {
      const error = dbError(pgError('P0001', message), [], { libraryTables });
      expect(error.constructor, message).toBe(GainslyDatabaseError);
      expect(error.message).toBe(`Database error: ${message}`);
    }
  });

  it('42704 about something other than a type is a plain database error', () => {
    expect(dbError(pgError('42704', 'unrecognized configuration parameter "gainsly.user_id"')).message).toBe('Database error: unrecognized configuration parameter "gainsly.user_id"');
  });

  it('22P02 of a label nobody has, or of a type the library does not know, is a plain database error', () => {
    expect(dbError(pgError('22P02', 'invalid input value for enum progressionstyle: "NOPE"')).message).toBe('Database error: invalid input value for enum progressionstyle: "NOPE"');
    expect(dbError(pgError('22P02', 'invalid input value for enum my_enum: "WAVE_LOADING"')).constructor).toBe(GainslyDatabaseError);
    expect(dbError(pgError('22P02', 'invalid input value for enum progressionstyle: ""')).constructor).toBe(GainslyDatabaseError);
  });
});

describe('translateConnectFailure: the message names the server and the fix, never the password', () => {
  it('28P01: authentication, naming user@host:port/db', () => {
    const error = translateConnectFailure(pgError('28P01', 'password authentication failed for user "app"'), { target: TARGET });
    expect(error.constructor).toBe(GainslyAuthenticationError);
    expect(error.message).toBe(
      'Authentication failed for app@db.internal:5432/gainsly: password authentication failed for user "app". Check the user and password of the database URL (and pg_hba.conf); retrying will not help.',
    );
    expect((error as GainslyAuthenticationError).sqlState).toBe('28P01');
  });

  it.each([['SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'], ['scram failed'], ['sasl mechanism'], ['Client Password Must Be A String'], ['PASSWORD AUTHENTICATION FAILED for user "x"']])(
    'no SQLSTATE, message "%s": authentication',
    (message) => {
      const error = translateConnectFailure(new Error(message));
      expect(error.constructor).toBe(GainslyAuthenticationError);
      expect((error as GainslyAuthenticationError).sqlState).toBeUndefined();
      expect(error.message).toBe(`Authentication failed for the database server: ${message}. Check the user and password of the database URL (and pg_hba.conf); retrying will not help.`);
    },
  );

  it('28000 through translateDatabaseError: authentication, password scrubbed', () => {
    const error = translateDatabaseError(pgError('28000', 'no pg_hba.conf entry for user "app" password hunter2'), ['hunter2'], { target: { host: 'db' } }) as Error;
    expect(error.constructor).toBe(GainslyAuthenticationError);
    expect(error.message).toBe('Authentication failed for db: no pg_hba.conf entry for user "app" password ***. Check the user and password of the database URL (and pg_hba.conf); retrying will not help.');
  });

  it('3D000: no such database, createdb with the URL\'s name, server named without the database', () => {
    const error = translateConnectFailure(pgError('3D000', 'database "gainsly" does not exist'), { target: TARGET });
    expect(error.constructor).toBe(GainslyNoSuchDatabaseError);
    expect(error.message).toBe(
      'No such database on app@db.internal:5432: database "gainsly" does not exist. The library never creates a database: create it (e.g. `createdb gainsly`) or fix the database URL.',
    );
    expect((error as GainslyNoSuchDatabaseError).sqlState).toBe('3D000');
  });

  it('3D000 without a target: the name comes from the message, else "(unnamed)"', () => {
    expect(translateConnectFailure(pgError('3D000', 'database "my db" does not exist')).message).toBe(
      'No such database on localhost: database "my db" does not exist. The library never creates a database: create it (e.g. `createdb my db`) or fix the database URL.',
    );
    expect(translateConnectFailure(pgError('3D000', 'database "" does not exist')).message).toContain('(e.g. `createdb (unnamed)`)');
    expect(translateDatabaseError(pgError('3D000', 'no database'))).toBeInstanceOf(GainslyNoSuchDatabaseError);
  });

  it('pool acquire timeout: names the wait and the pool size when known', () => {
    const full = translateConnectFailure(new Error('Timeout exceeded when trying to connect'), { acquireTimeoutMs: 5000, poolMax: 10 });
    expect(full.constructor).toBe(GainslyTimeoutError);
    expect(full.message).toBe(
      'No database connection became free within 5000 ms (all 10 in use). Raise pool.max or acquireTimeoutMs, and never wait for a second connection while holding one (e.g. a query on orm.em inside em.transactional).',
    );
    expect(translateConnectFailure(new Error('timeout exceeded when trying to connect')).message).toBe(
      'No database connection became free. Raise pool.max or acquireTimeoutMs, and never wait for a second connection while holding one (e.g. a query on orm.em inside em.transactional).',
    );
    expect(translateConnectFailure(new Error('timeout exceeded when trying to connect'), { acquireTimeoutMs: 0, poolMax: 0 }).message).toMatch(/^No database connection became free within 0 ms \(all 0 in use\)\. /);
  });

  it('unreachable: the Node code is the reason; the server is named without user and database', () => {
    const error = translateConnectFailure(pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:5432'), { target: TARGET });
    expect(error.constructor).toBe(GainslyServerUnreachableError);
    expect(error.message).toBe('Cannot reach the database server db.internal:5432 (ECONNREFUSED): is it running, and are the host and port of the database URL right?');
    expect((error as GainslyServerUnreachableError).sqlState).toBeUndefined();
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ETIMEDOUT', 'ECONNABORTED'])('%s is unreachable', (code) => {
    expect(translateConnectFailure(pgError(code, 'x')).message).toBe(`Cannot reach the database server localhost (${code}): is it running, and are the host and port of the database URL right?`);
  });

  it('an AggregateError (one error per address) takes its codes and first message from the inner errors', () => {
    const error = translateConnectFailure(new AggregateError([pgError('EADDRNOTAVAIL', 'first'), pgError('ECONNREFUSED', 'second')], ''), { target: { host: '::1', port: '5433' } });
    expect(error.message).toBe('Cannot reach the database server [::1]:5433 (ECONNREFUSED): is it running, and are the host and port of the database URL right?');
    const other = translateConnectFailure(new AggregateError([pgError('EWHATEVER', 'first inner'), new Error('second')], ''));
    expect(other.message).toBe('Cannot connect to the database server: first inner');
    expect(translateConnectFailure(new AggregateError([pgError('EWHATEVER', '')], '')).message).toBe('Cannot connect to the database server: EWHATEVER');
    expect(translateConnectFailure(new AggregateError([], '')).message).toBe('Cannot connect to the database server: unknown error');
  });

  it('no code: a connect timeout names the wait, a DNS failure its message', () => {
    expect(translateConnectFailure(new Error('Connection terminated due to connection timeout'), { acquireTimeoutMs: 3000, target: { host: 'h', port: 1 } }).message).toBe(
      'Cannot reach the database server h:1 (no answer within 3000 ms): is it running, and are the host and port of the database URL right?',
    );
    expect(translateConnectFailure(new Error('connection terminated due to connection TIMEOUT')).message).toBe(
      'Cannot reach the database server localhost (no answer within ? ms): is it running, and are the host and port of the database URL right?',
    );
    const dns = translateConnectFailure(new Error('getaddrinfo failed for nohost\nmore'));
    expect(dns.constructor).toBe(GainslyServerUnreachableError);
    expect(dns.message).toBe('Cannot reach the database server localhost (getaddrinfo failed for nohost): is it running, and are the host and port of the database URL right?');
    expect(translateConnectFailure(new Error('GETADDRINFO x')).constructor).toBe(GainslyServerUnreachableError);
  });

  it('anything else: a typed error when PostgreSQL named one, else "Cannot connect to <server>"', () => {
    const startingUp = translateConnectFailure(pgError('57P03', 'the database system is starting up'), { target: TARGET });
    expect(startingUp.constructor).toBe(GainslyConnectionError);
    expect(startingUp.message).toBe('Database connection lost: the database system is starting up');
    expect(translateConnectFailure(pgError('53300', 'too many clients already'), { target: TARGET }).message).toBe('Cannot connect to app@db.internal:5432/gainsly: too many clients already');
    expect(translateConnectFailure(pgError('53300', 'too many clients already')).constructor).toBe(GainslyConnectionError);
    expect((translateConnectFailure(pgError('53300', 'x')) as GainslyConnectionError).sqlState).toBe('53300');
    expect(translateConnectFailure(pgError('40001', 'could not serialize')).constructor).toBe(GainslyConcurrencyError);
    expect(translateConnectFailure(new Error('something else\nstack'), { target: { user: 'u', database: 'd' } }).message).toBe('Cannot connect to u@localhost/d: something else');
    expect(translateConnectFailure('a thrown string').message).toBe('Cannot connect to the database server: a thrown string');
    expect(translateConnectFailure(new Error('')).message).toBe('Cannot connect to the database server: unknown error');
    expect(translateConnectFailure(null).message).toBe('Cannot connect to the database server: null');
    expect(translateConnectFailure(new AggregateError([null, pgError('ECONNREFUSED', 'x')], '')).constructor).toBe(GainslyServerUnreachableError);
    // The library's tables still make a missing one a schema problem.
    const schema = translateConnectFailure(pgError('42P01', 'relation "users" does not exist'), { libraryTables: new Set(['users']), target: TARGET });
    expect(schema.constructor).toBe(GainslySchemaError);
  });

  it('keeps the cause, passes a GainslyError through, and never shows the password', () => {
    const driver = new Error('boom hunter2');
    const error = translateConnectFailure(driver, { secrets: ['hunter2'], target: { host: 'h' } });
    expect(error.cause).toBe(driver);
    expect(error.message).toBe('Cannot connect to h: boom ***');
    const own = new GainslyError('mine');
    expect(translateConnectFailure(own)).toBe(own);
    const typed = new GainslyDatabaseError('typed already', { sqlState: '42601' });
    expect(translateConnectFailure(typed)).toBe(typed);
    const auth = translateConnectFailure(pgError('28P01', 'password hunter2 rejected'), { secrets: ['hunter2'] });
    expect(auth.message).toBe('Authentication failed for the database server: password *** rejected. Check the user and password of the database URL (and pg_hba.conf); retrying will not help.');
  });

  it('names the server: host alone, default localhost, port as given, IPv6 in brackets', () => {
    const message = (target: object) => translateConnectFailure(new Error('x'), { target }).message;
    expect(message({})).toBe('Cannot connect to localhost: x');
    expect(message({ host: 'h' })).toBe('Cannot connect to h: x');
    expect(message({ host: 'h', port: 0 })).toBe('Cannot connect to h: x');
    expect(message({ host: 'h', port: '6432' })).toBe('Cannot connect to h:6432: x');
    expect(message({ user: '', host: 'fe80::1', database: '' })).toBe('Cannot connect to [fe80::1]: x');
    expect(message({ user: 'me', host: '/var/run/postgresql' })).toBe('Cannot connect to me@/var/run/postgresql: x');
  });
});

describe('translateTransactionFailure: what happened to the transaction', () => {
  it('COMMIT lost in flight: may have committed, with the reason and what to do', () => {
    const error = translateTransactionFailure(pgError('57P01', 'terminating connection due to administrator command\nstack'), 'COMMIT') as GainslyConnectionError;
    expect(error.constructor).toBe(GainslyConnectionError);
    expect(error.message).toBe(
      'Connection lost during COMMIT (terminating connection due to administrator command): the write may have been committed. Check whether it is stored before retrying anything that is not idempotent.',
    );
    expect([error.mayHaveCommitted, error.sqlState]).toEqual([true, '57P01']);
  });

  it('BEGIN: nothing was started; other steps: rolled back', () => {
    const begin = translateTransactionFailure(pgError('ECONNRESET', 'read ECONNRESET'), 'BEGIN') as GainslyConnectionError;
    expect(begin.message).toBe('Connection lost at BEGIN (read ECONNRESET): no transaction was started, nothing was written.');
    expect([begin.mayHaveCommitted, begin.sqlState]).toEqual([false, undefined]);
    const savepoint = translateTransactionFailure(pgError('08006', 'connection failure'), 'RELEASE SAVEPOINT') as GainslyConnectionError;
    expect(savepoint.message).toBe('Connection lost at RELEASE SAVEPOINT (connection failure): PostgreSQL rolled the transaction back, nothing of it was kept.');
    expect([savepoint.mayHaveCommitted, savepoint.sqlState]).toEqual([false, '08006']);
  });

  it('COMMIT never sent ("not queryable"): nothing committed', () => {
    const error = translateTransactionFailure(new Error('Client was closed and is NOT QUERYABLE'), 'COMMIT') as GainslyConnectionError;
    expect(error.message).toBe('Connection lost at COMMIT (Client was closed and is NOT QUERYABLE): PostgreSQL rolled the transaction back, nothing of it was kept.');
    expect(error.mayHaveCommitted).toBe(false);
  });

  it('scrubs the password, keeps the cause, passes GainslyErrors through', () => {
    // A numeric code is not a SQLSTATE, even one of five digits.
    const driver = pgError(12345, 'Connection terminated: pw=hunter2');
    const error = translateTransactionFailure(driver, 'ROLLBACK', { secrets: ['hunter2'] }) as GainslyConnectionError;
    expect(error.message).toBe('Connection lost at ROLLBACK (Connection terminated: pw=***): PostgreSQL rolled the transaction back, nothing of it was kept.');
    expect([error.cause, error.sqlState]).toEqual([driver, undefined]);
    const own = new GainslyConnectionError('mine');
    expect(translateTransactionFailure(own, 'COMMIT')).toBe(own);
  });

  it('not a connection loss: the ordinary translation, with the secrets', () => {
    const error = translateTransactionFailure(pgError('23505', 'dup hunter2'), 'COMMIT', { secrets: ['hunter2'] }) as Error;
    expect(error.constructor).toBe(GainslyUniqueViolationError);
    expect(error.message).toBe('Unique violation: dup ***');
    const schema = translateTransactionFailure(pgError('42P01', 'relation "users" does not exist'), 'COMMIT', { libraryTables: new Set(['users']) });
    expect(schema).toBeInstanceOf(GainslySchemaError);
  });
});

describe('isConnectionLoss', () => {
  it('a GainslyConnectionError, a class 08 / 57P01-57P04 code, or a lost-connection message', () => {
    expect(isConnectionLoss(new GainslyConnectionError('whatever'))).toBe(true);
    expect(isConnectionLoss(new GainslyAuthenticationError('whatever'))).toBe(true);
    expect(isConnectionLoss(pgError('08003', 'x'))).toBe(true);
    expect(isConnectionLoss(pgError('57P04', 'x'))).toBe(true);
    expect(isConnectionLoss(new Error('server closed the connection unexpectedly'))).toBe(true);
  });

  it('not: other codes (also with 08 inside), non-string codes, non-errors, other GainslyErrors', () => {
    expect(isConnectionLoss(pgError('22008', 'x'))).toBe(false);
    expect(isConnectionLoss(pgError('57P05', 'x'))).toBe(false);
    expect(isConnectionLoss(pgError(8006, 'x'))).toBe(false);
    expect(isConnectionLoss('connection terminated')).toBe(false);
    expect(isConnectionLoss({ code: '08006', message: 'connection terminated' })).toBe(false);
    expect(isConnectionLoss(new GainslyDatabaseError('connection terminated?', {}))).toBe(true);
    expect(isConnectionLoss(new GainslyDatabaseError('refused', { sqlState: '08006' }))).toBe(false);
  });
});
