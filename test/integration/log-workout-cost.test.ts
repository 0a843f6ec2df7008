// What logWorkout's one statement reads does not grow with the user's history. Counted in rows, by
// PostgreSQL's own statistics of the test's transaction (pg_stat_xact_user_tables), never timed:
// checking that the session named is the user's once read every microcycle of every program of the
// user (a set built per call), where it needs the session's microcycle and its program only.
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, WorkoutLog } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeSession } from '../support/factories.js';

const db = useTestOrm();

/** Rows of `table` this transaction has read so far, by sequential and by index scans. */
async function rowsRead(em: EntityManager, table: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int as n from pg_stat_xact_user_tables where relname = ?`,
    [table],
  );
  return row?.n ?? 0;
}

/** A user with `programs` programs of 8 microcycles each, a session in the last one, and a movement. */
async function userWithHistory(em: EntityManager, programs: number) {
  const user = await em.getRepository(User).createUser({});
  const movement = makeMovement(em, { pattern: 'hinge' });
  let session;
  for (let p = 0; p < programs; p++) {
    const program = makeProgram(em, user, { startDate: `20${10 + p}-01-04`, isActive: p === programs - 1 });
    for (let week = 1; week <= 8; week++) {
      const microcycle = makeMicrocycle(em, program, { sequenceNumber: week });
      if (p === programs - 1 && week === 1) session = makeSession(em, microcycle);
    }
  }
  await em.flush();
  return { user, movement, session: session! };
}

describe('logWorkout: rows read', () => {
  it('reads the same number of microcycles for a user with one program and for one with thirty', async () => {
    const read: number[] = [];
    for (const programs of [1, 30]) {
      const { user, movement, session } = await userWithHistory(db.em, programs);
      const before = await rowsRead(db.em, 'microcycles');
      const logged = await db.em.getRepository(WorkoutLog).logWorkout(user.id, {
        date: session.date,
        sessionId: session.id,
        topSets: [{ movementId: movement.id, weight: 100, reps: 5 }],
      });
      expect(logged.exposures).toHaveLength(1);
      read.push((await rowsRead(db.em, 'microcycles')) - before);
    }
    // The session's microcycle (for its owner and for the exposure), not the 240 of the second user.
    expect(read[1]).toBe(read[0]);
    expect(read[1]).toBeLessThan(8);
  });
});
