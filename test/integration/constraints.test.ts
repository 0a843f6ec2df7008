import { describe, expect, it } from 'vitest';
import {
  GainslyCheckViolationError,
  GainslyDatabaseError,
  GainslyForeignKeyViolationError,
  GainslyUniqueViolationError,
  Microcycle,
  Movement,
  Program,
  User,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeUser } from '../support/factories.js';

const db = useTestOrm();

/**
 * Flushes what is pending and expects PostgreSQL to refuse it, naming `constraint`. The flush runs
 * in its own (nested) transaction, as it would outside the test's wrapping transaction.
 */
async function expectRejected(constraint: string, type: new (...args: never[]) => GainslyDatabaseError, table: string): Promise<void> {
  const error = await db.em.transactional((tx) => tx.flush()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect((error as GainslyDatabaseError).constraint).toBe(constraint);
  expect((error as GainslyDatabaseError).table).toBe(table);
  expect((error as Error).message).toContain(constraint);
  db.em.clear();
}

describe('database constraints surface as typed errors', () => {
  it('goal weights that do not sum to 10 (goals_sum_to_ten)', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    makeProgram(db.em, user, { goalWeight1: 5, goalWeight2: 3, goalWeight3: 3 });
    await expectRejected('goals_sum_to_ten', GainslyCheckViolationError, 'programs');
    expect(await db.em.count(Program, { user: user.id })).toBe(0);
  });

  it('a negative goal weight (positive_weights)', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    makeProgram(db.em, user, { goalWeight1: 12, goalWeight2: -1, goalWeight3: -1 });
    await expectRejected('positive_weights', GainslyCheckViolationError, 'programs');
    expect(await db.em.count(Program, { user: user.id })).toBe(0);
  });

  it('a 13-week program (valid_duration)', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    makeProgram(db.em, user, { durationWeeks: 13 });
    await expectRejected('valid_duration', GainslyCheckViolationError, 'programs');
    expect(await db.em.count(Program, { user: user.id })).toBe(0);
  });

  it('a 6-day microcycle (valid_length), and its program written in the same flush is not kept either', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    const program = makeProgram(db.em, user);
    makeMicrocycle(db.em, program, { lengthDays: 6 });
    await expectRejected('valid_length', GainslyCheckViolationError, 'microcycles');
    expect(await db.em.count(Program, { user: user.id })).toBe(0);
    expect(await db.em.count(Microcycle, { program: { user: user.id } })).toBe(0);
  });

  it('a duplicate e-mail (users_email_key)', async () => {
    db.em.create(User, { email: 'twin@example.com' });
    await db.em.flush();
    db.em.create(User, { email: 'twin@example.com' });
    await expectRejected('users_email_key', GainslyUniqueViolationError, 'users');
    expect(await db.em.count(User, { email: 'twin@example.com' })).toBe(1);
  });

  it('a duplicate movement name (ix_movements_name)', async () => {
    makeMovement(db.em, { name: 'Zercher Squat' });
    await db.em.flush();
    makeMovement(db.em, { name: 'Zercher Squat' });
    await expectRejected('ix_movements_name', GainslyUniqueViolationError, 'movements');
    expect(await db.em.count(Movement, { name: 'Zercher Squat' })).toBe(1);
  });

  it('deleting a user who still has programs (FKs are NO ACTION, as upstream)', async () => {
    const user = makeUser(db.em);
    makeProgram(db.em, user);
    await db.em.flush();
    const error = await db.em.transactional((tx) => tx.nativeDelete(User, { id: user.id })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyForeignKeyViolationError);
    expect((error as GainslyForeignKeyViolationError).constraint).toMatch(/^(user_settings|programs)_user_id_fkey$/);
    db.em.clear();
    expect(await db.em.count(User, { id: user.id })).toBe(1);
  });
});
