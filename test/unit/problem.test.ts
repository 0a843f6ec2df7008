// Errors as HTTP problems (issue #18; src/schemas/problem.ts): every library error code maps to an
// RFC 9457 body a service can send as is, input problems carry JSON Pointers, and server-side
// failures say nothing about the server.
import { describe, expect, it } from 'vitest';
import {
  GAINSLY_ERROR_CODES,
  GainslyConnectionError,
  GainslyError,
  GainslyNotFoundError,
  GainslyUniqueViolationError,
  InvalidEnumValueError,
  PROBLEM_CONTENT_TYPE,
  toProblem,
} from '../../src/index.js';
import { toProblem as toProblemFromSchemas } from '../../src/schemas/index.js';
import { logWorkoutInputSchema, parseInput } from '../../src/schemas/index.js';
import { ENUMS } from '../../src/enums/index.js';

/** A GainslyError carrying `code`, as each subclass does. */
function withCode(code: string, message = 'a message'): GainslyError {
  const error = new GainslyError(message);
  Object.defineProperty(error, 'code', { value: code });
  return error;
}

describe('toProblem', () => {
  it('gives every library error code a status, a fixed title and its own type URI', () => {
    const seen = new Set<string>();
    for (const code of Object.values(GAINSLY_ERROR_CODES)) {
      const problem = toProblem(withCode(code));
      expect(problem.code).toBe(code);
      // A code without its own row would fall to the generic 500 with code INTERNAL.
      expect([400, 404, 409, 422, 500, 503]).toContain(problem.status);
      expect(problem.title).not.toBe('');
      expect(problem.type).toMatch(/^urn:gainsly:problem:[a-z0-9-]+$/);
      seen.add(problem.type);
    }
    expect(seen.size).toBe(Object.values(GAINSLY_ERROR_CODES).length);
  });

  it.each([
    [GAINSLY_ERROR_CODES.VALIDATION, 400, false],
    [GAINSLY_ERROR_CODES.NOT_FOUND, 404, false],
    [GAINSLY_ERROR_CODES.UNIQUE_VIOLATION, 409, false],
    [GAINSLY_ERROR_CODES.CONCURRENCY, 409, true],
    [GAINSLY_ERROR_CODES.CHECK_VIOLATION, 422, false],
    [GAINSLY_ERROR_CODES.TIMEOUT, 503, true],
    [GAINSLY_ERROR_CODES.CONNECTION, 503, true],
    [GAINSLY_ERROR_CODES.CONFIG, 500, false],
  ])('%s is %i, retryable %s', (code, status, retryable) => {
    expect(toProblem(withCode(code))).toMatchObject({ status, retryable });
  });

  it("turns a real validation failure into errors[] with a JSON Pointer per issue", () => {
    let caught: unknown;
    try {
      parseInput(logWorkoutInputSchema, { date: '2026-13-40', topSets: [{ movementId: 1, weight: 100, reps: 0 }] }, 'LogWorkoutInput');
    } catch (error) {
      caught = error;
    }
    const problem = toProblem(caught, { instance: '/workouts' });
    expect(problem).toMatchObject({ status: 400, code: 'GAINSLY_VALIDATION', title: 'Invalid input', instance: '/workouts' });
    expect(problem.detail).toContain('LogWorkoutInput');
    const pointers = problem.errors!.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/date', '/topSets/0/reps']));
    for (const e of problem.errors!) expect(e.detail).not.toBe('');
  });

  it('escapes ~ and / in pointer segments (RFC 6901)', () => {
    const error = parseError({ 'a/b': 1 });
    expect(toProblem(error).errors!.map((e) => e.pointer)).toContain('/a~1b');
  });

  it('names the allowed values of an enum', () => {
    let caught: unknown;
    try {
      ENUMS.Visibility.toDb('everyone' as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEnumValueError);
    const problem = toProblem(caught);
    expect(problem.status).toBe(400);
    expect(problem.errors![0]!.allowed).toEqual([...ENUMS.Visibility.values]);
  });

  it('says what was not found, by the id asked for, without the table or the other keys of the message', () => {
    const problem = toProblem(new GainslyNotFoundError('WorkoutLog', 'workout_logs', { id: 12, userId: 3 }));
    expect(problem.status).toBe(404);
    expect(problem.detail).toBe('WorkoutLog 12 not found.');
    expect(toProblem(new GainslyNotFoundError('User', 'users', { email: 'a@b.c' })).detail).toBe('User not found.');
  });

  it('says nothing about the server for database and connection failures', () => {
    const unique = new GainslyUniqueViolationError('Unique violation (table users, constraint users_email_key): duplicate key value — Key (email)=(a@b.c) already exists.', {
      sqlState: '23505',
      table: 'users',
      constraint: 'users_email_key',
      column: undefined,
      detail: 'Key (email)=(a@b.c) already exists.',
    });
    const problem = toProblem(unique);
    expect(problem.status).toBe(409);
    expect(JSON.stringify(problem)).not.toMatch(/users_email_key|a@b\.c|table users/);

    const lost = new GainslyConnectionError('Database connection lost: connect ECONNREFUSED 10.0.0.5:5432 (select * from programs)', { sqlState: undefined, table: undefined, constraint: undefined, column: undefined, detail: undefined });
    const down = toProblem(lost);
    expect(down).toMatchObject({ status: 503, retryable: true });
    expect(JSON.stringify(down)).not.toMatch(/10\.0\.0\.5|select|programs/);
  });

  it('gives an error that is not the library\'s a generic 500 without its message', () => {
    const problem = toProblem(new TypeError('Cannot read properties of undefined (reading "secret")'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', retryable: false });
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(toProblem('a string')).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(toProblem(undefined)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('is the same function from @gainsly/db/schemas, and the content type is RFC 9457\'s', () => {
    expect(toProblemFromSchemas).toBe(toProblem);
    expect(PROBLEM_CONTENT_TYPE).toBe('application/problem+json');
  });
});

function parseError(value: unknown): unknown {
  try {
    parseInput(logWorkoutInputSchema, value, 'LogWorkoutInput');
  } catch (error) {
    return error;
  }
  throw new Error('expected a validation error');
}
