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

/** The smallest doctor report GainslyAdoptError accepts: no findings. */
const EMPTY_REPORT = {
  ok: false,
  schema: 'public',
  database: { kind: 'empty', alembicVersion: null, serverVersion: null, notes: [] },
  migrations: { findings: [] },
  tables: [],
  enums: [],
  summary: { errors: 0, fixable: 0, tolerated: 0 },
} as unknown as root.DoctorReport;

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
  [new root.GainslyTimeoutError('x', details), 'GAINSLY_TIMEOUT'],
  [new root.GainslyConcurrencyError('x', details), 'GAINSLY_CONCURRENCY'],
  [new root.GainslyAdoptError('refused', EMPTY_REPORT), 'GAINSLY_ADOPT'],
  [new root.GainslyImportError('unreadable'), 'GAINSLY_IMPORT'],
];

describe('error codes', () => {
  it.each(INSTANCES.map(([error, code]) => [error.name, error, code] as const))('%s is a GainslyError with code %s', (_name, error, code) => {
    expect(error).toBeInstanceOf(root.GainslyError);
    expect(error).not.toBeInstanceOf(RangeError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as root.GainslyError).code).toBe(code);
    expect(Object.values(root.GAINSLY_ERROR_CODES)).toContain(code);
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
    expect(enums.GAINSLY_ERROR_CODES).toBe(root.GAINSLY_ERROR_CODES);
    expect(Object.isFrozen(root.GAINSLY_ERROR_CODES)).toBe(true);
  });

  it('keeps the SQLSTATE in sqlState, never in code', () => {
    const error = new root.GainslyUniqueViolationError('Unique violation', details);
    expect(error.sqlState).toBe('23505');
    expect(error.code).toBe('GAINSLY_UNIQUE_VIOLATION');
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
});
