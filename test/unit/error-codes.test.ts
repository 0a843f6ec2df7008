/**
 * The error contract a service relies on: every error class the library throws is a GainslyError
 * with a stable `code` of its own, GainslyError is one class whichever entry point it is imported
 * from, and database errors keep PostgreSQL's SQLSTATE apart from the library's code.
 */
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as enums from '../../src/enums/index.js';
import * as domain from '../../src/domain/index.js';
import * as schemas from '../../src/schemas/index.js';
import * as admin from '../../src/admin/index.js';
import { translateConnectFailure, translateDatabaseError, translateTransactionFailure } from '../../src/orm/errors.js';

/** The smallest doctor report GainslyAdoptError accepts: no findings. */
const EMPTY_REPORT = {
  ok: false,
  schema: 'public',
  database: { kind: 'empty', alembicVersion: null, serverVersion: null, notes: [] },
  migrations: { findings: [] },
  tables: [],
  enums: [],
  summary: { errors: 0, fixable: 0, tolerated: 0 },
} as unknown as admin.DoctorReport;

const details = { sqlState: '23505', table: 'users', constraint: 'users_email_key' };

/** One instance of every error class the library exports, with the code it must carry. */
const INSTANCES: [Error, string][] = [
  [new root.GainslyError('x'), 'GAINSLY_ERROR'],
  [new root.GainslyValidationError([{ path: ['a'], message: 'is required' }]), 'GAINSLY_VALIDATION'],
  [new root.InvalidEnumValueError('Visibility', 'hidden', ['private'], 'parse'), 'GAINSLY_INVALID_ENUM_VALUE'],
  [new domain.DomainArgumentError([{ path: ['weight'], message: 'must be > 0', received: -1 }]), 'GAINSLY_DOMAIN_ARGUMENT'],
  [new domain.E1RMRangeError('brzycki', 40, 37), 'GAINSLY_E1RM_RANGE'],
  [new root.GainslyNotFoundError('User', 'users', { id: 1 }), 'GAINSLY_NOT_FOUND'],
  [new root.GainslyDataError('bad', 'movements', 'pattern', 'Squat '), 'GAINSLY_DATA'],
  [new root.GainslyConfigError('no url'), 'GAINSLY_CONFIG'],
  [new root.GainslyDatabaseError('x', details), 'GAINSLY_DATABASE'],
  [new root.GainslyUniqueViolationError('x', details), 'GAINSLY_UNIQUE_VIOLATION'],
  [new root.GainslyForeignKeyViolationError('x', details), 'GAINSLY_FOREIGN_KEY_VIOLATION'],
  [new root.GainslyCheckViolationError('x', details), 'GAINSLY_CHECK_VIOLATION'],
  [new root.GainslyNotNullViolationError('x', details), 'GAINSLY_NOT_NULL_VIOLATION'],
  [new root.GainslyConnectionError('x', details), 'GAINSLY_CONNECTION'],
  [new root.GainslyAuthenticationError('x', { sqlState: '28P01' }), 'GAINSLY_AUTHENTICATION'],
  [new root.GainslyServerUnreachableError('x', {}), 'GAINSLY_SERVER_UNREACHABLE'],
  [new root.GainslyNoSuchDatabaseError('x', { sqlState: '3D000' }), 'GAINSLY_NO_SUCH_DATABASE'],
  [new root.GainslySchemaError('x', 'not_migrated', 'npx gainsly-db migrate'), 'GAINSLY_SCHEMA'],
  [new root.GainslyTimeoutError('x', details), 'GAINSLY_TIMEOUT'],
  [new root.GainslyConcurrencyError('x', details), 'GAINSLY_CONCURRENCY'],
  [new admin.GainslyAdoptError('refused', EMPTY_REPORT), 'GAINSLY_ADOPT'],
  [new admin.GainslyImportError('unreadable'), 'GAINSLY_IMPORT'],
  [new root.GainslyUserDataError('needed by another user', 'pattern_exposures', 'source_top_set_log_id'), 'GAINSLY_USER_DATA'],
];

describe('error codes', () => {
  it.each(INSTANCES.map(([error, code]) => [error.name, error, code] as const))('%s is a GainslyError with code %s', (_name, error, code) => {
    expect(error).toBeInstanceOf(root.GainslyError);
    expect(error).not.toBeInstanceOf(RangeError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as root.GainslyError).code).toBe(code);
    expect(Object.values(root.GAINSLY_ERROR_CODES)).toContain(code);
  });

  it.each([
    ['the main entry point', root],
    ['@gainsly/db/admin', admin],
  ] as const)('covers every error class %s exports', (_entry, entry) => {
    const exported = Object.entries(entry).filter(([, value]) => typeof value === 'function' && (value === root.GainslyError || value.prototype instanceof root.GainslyError)).map(([name]) => name);
    expect(exported.sort()).toEqual(INSTANCES.map(([error]) => error.name).filter((name) => name in entry).sort());
  });

  it('gives each class its own code, and every code belongs to a class', () => {
    const codes = INSTANCES.map(([error]) => (error as root.GainslyError).code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.values(root.GAINSLY_ERROR_CODES).sort());
  });

  it('exports one GainslyError class and one code map from every entry point', () => {
    expect(enums.GainslyError).toBe(root.GainslyError);
    expect(domain.GainslyError).toBe(root.GainslyError);
    expect(schemas.GainslyError).toBe(root.GainslyError);
    expect(admin.GainslyAdoptError.prototype).toBeInstanceOf(root.GainslyError);
    expect(enums.GAINSLY_ERROR_CODES).toBe(root.GAINSLY_ERROR_CODES);
    expect(Object.isFrozen(root.GAINSLY_ERROR_CODES)).toBe(true);
  });

  it('keeps the SQLSTATE in sqlState, never in code', () => {
    const error = new root.GainslyUniqueViolationError('Unique violation', details);
    expect(error.sqlState).toBe('23505');
    expect(error.code).toBe('GAINSLY_UNIQUE_VIOLATION');
  });

  it('connection errors say whether the write may have been committed, false unless told', () => {
    expect(new root.GainslyConnectionError('lost', {}).mayHaveCommitted).toBe(false);
    expect(new root.GainslyConnectionError('lost during COMMIT', {}, { mayHaveCommitted: true }).mayHaveCommitted).toBe(true);
    for (const sub of [root.GainslyAuthenticationError, root.GainslyServerUnreachableError, root.GainslyNoSuchDatabaseError]) {
      expect(new sub('x', {})).toBeInstanceOf(root.GainslyConnectionError);
    }
  });

  it('puts the code into the JSON form of a validation error', () => {
    const json = JSON.parse(JSON.stringify(new root.GainslyValidationError([{ path: ['a'], message: 'is required' }], 'X'))) as { code: string };
    expect(json.code).toBe('GAINSLY_VALIDATION');
  });

  it('an enum codec throws a GainslyError', () => {
    let caught: unknown;
    try {
      enums.ENUMS.Visibility.parse('hidden');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(root.GainslyError);
    expect((caught as root.GainslyError).code).toBe('GAINSLY_INVALID_ENUM_VALUE');
  });

  // What pg and Node report, translated as the driver does (the integration tests cause most of
  // these for real; these are the cases a test server cannot produce on demand).
  describe('translation of driver failures', () => {
    const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

    it('COMMIT: in flight when the connection died → mayHaveCommitted; never sent (client already dead) → not', () => {
      const inFlight = translateTransactionFailure(pgError('Connection terminated unexpectedly'), 'COMMIT') as root.GainslyConnectionError;
      expect(inFlight).toBeInstanceOf(root.GainslyConnectionError);
      expect(inFlight.mayHaveCommitted).toBe(true);
      expect(inFlight.message).toMatch(/may have been committed/);
      const neverSent = translateTransactionFailure(pgError('Client has encountered a connection error and is not queryable'), 'COMMIT') as root.GainslyConnectionError;
      expect(neverSent.mayHaveCommitted).toBe(false);
      expect(neverSent.message).toMatch(/rolled the transaction back/);
      const atBegin = translateTransactionFailure(pgError('terminating connection due to administrator command', '57P01'), 'BEGIN') as root.GainslyConnectionError;
      expect([atBegin.mayHaveCommitted, atBegin.sqlState]).toEqual([false, '57P01']);
    });

    it('connect: a host with several addresses all refusing (AggregateError), a connect timeout, a full pool', () => {
      const refused = Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' });
      expect(translateConnectFailure(refused, { target: { host: 'db', port: 5432 } })).toBeInstanceOf(root.GainslyServerUnreachableError);
      expect(translateConnectFailure(pgError('Connection terminated due to connection timeout'))).toBeInstanceOf(root.GainslyServerUnreachableError);
      const full = translateConnectFailure(pgError('timeout exceeded when trying to connect'), { acquireTimeoutMs: 250, poolMax: 4 });
      expect(full).toBeInstanceOf(root.GainslyTimeoutError);
      expect(full.message).toMatch(/within 250 ms \(all 4 in use\)/);
      expect(translateConnectFailure(pgError('sorry, too many clients already', '53300'))).toBeInstanceOf(root.GainslyConnectionError);
    });

    it('no password in a message even when the driver echoes it', () => {
      const error = translateConnectFailure(pgError('password authentication failed for user "app" (password hunter2-secret)', '28P01'), { secrets: ['hunter2-secret'] });
      expect(error).toBeInstanceOf(root.GainslyAuthenticationError);
      expect(error.message).not.toContain('hunter2-secret');
    });

    it('any other SQLSTATE is a GainslyDatabaseError; an error without one is left alone', () => {
      const syntax = translateDatabaseError(pgError('syntax error at or near "selec"', '42601')) as root.GainslyDatabaseError;
      expect(syntax.constructor).toBe(root.GainslyDatabaseError);
      expect([syntax.code, syntax.sqlState]).toEqual(['GAINSLY_DATABASE', '42601']);
      const plain = new Error('not a database error');
      expect(translateDatabaseError(plain)).toBe(plain);
    });

    it('a missing library table, enum type or label, or movements.tags is a GainslySchemaError naming the fix', () => {
      const table = translateDatabaseError(pgError('select 1 - relation "users" does not exist', '42P01'), [], { libraryTables: new Set(['users']) }) as root.GainslySchemaError;
      expect([table.constructor, table.problem, table.fix]).toEqual([root.GainslySchemaError, 'missing_object', 'npx gainsly-db migrate']);
      // Somebody else's table is not the library's business.
      expect((translateDatabaseError(pgError('relation "reports" does not exist', '42P01'), [], { libraryTables: new Set(['users']) }) as Error).constructor).toBe(root.GainslyDatabaseError);
      const tags = translateDatabaseError(pgError('column m0.tags does not exist', '42703')) as root.GainslySchemaError;
      expect([tags.problem, tags.fix]).toEqual(['not_adopted', 'npx gainsly-db adopt']);
      const label = translateDatabaseError(pgError('invalid input value for enum progressionstyle: "WAVE_LOADING"', '22P02')) as root.GainslySchemaError;
      expect(label.problem).toBe('not_adopted');
      const type = translateDatabaseError(pgError('type "visibility" does not exist', '42704')) as root.GainslySchemaError;
      expect(type.problem).toBe('missing_object');
    });
  });

  describe('connection options', () => {
    const url = 'postgres://app@db.invalid:5432/app';

    it('acquireTimeoutMs becomes the pool timeout (default 10 s); an explicit driverOptions value wins; nonsense is a GainslyConfigError', () => {
      expect(root.gainslyConfig({ url }).driverOptions).toMatchObject({ connectionTimeoutMillis: root.DEFAULT_ACQUIRE_TIMEOUT_MS });
      expect(root.gainslyConfig({ url, acquireTimeoutMs: 2_500 }).driverOptions).toMatchObject({ connectionTimeoutMillis: 2_500 });
      expect(root.gainslyConfig({ url, acquireTimeoutMs: 2_500, driverOptions: { connectionTimeoutMillis: 7 } }).driverOptions).toMatchObject({ connectionTimeoutMillis: 7 });
      for (const bad of [0, -1, 1.5, Number.NaN, '100' as never]) {
        expect(() => root.gainslyConfig({ url, acquireTimeoutMs: bad })).toThrow(root.GainslyConfigError);
      }
    });

    it('an unknown verify value is a GainslyConfigError before anything connects', async () => {
      await expect(root.createGainslyOrm({ url, verify: 'yes' as never })).rejects.toBeInstanceOf(root.GainslyConfigError);
    });
  });
});
