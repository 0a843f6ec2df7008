// Float aggregates (pattern strength, trends, recovery averages) are deterministic and cannot
// overflow: the same rows give the same float, bit for bit, whatever their physical order in the
// heap, and huge stored values give a finite mean instead of "value out of range: overflow".
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PatternExposure, RecoverySignal, TopSetLog } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeUser, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();

/** e1RM values whose float sum depends on the order they are added in (checked below). */
const VALUES = Array.from({ length: 24 }, (_, i) => 100 + i * 1.1 + (i % 3) / 7 + (i % 5) * 1e-9);

/** A user with one microcycle and one exposure per value, inserted in id order, all on one date. */
async function userWithExposures(em: EntityManager, values: readonly number[]) {
  const user = makeUser(em);
  const microcycle = makeMicrocycle(em, makeProgram(em, user), { status: 'active' });
  const movement = makeMovement(em);
  const log = makeWorkoutLog(em, user);
  const topSet = em.create(TopSetLog, { workoutLog: log, movement, weight: 100, reps: 1, e1rmValue: 100, e1rmFormula: 'epley', pattern: 'squat' });
  await em.flush();
  for (const value of values) {
    await em.execute(
      `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values (?, ?, '2026-01-05', 'SQUAT', ?, ?)`,
      [user.id, microcycle.id, value, topSet.id],
    );
  }
  return { user, microcycle };
}

/** The table's rows of one user in physical (heap) order. */
async function physicalOrder(em: EntityManager, table: string, userId: number, column: string): Promise<{ id: number; value: number }[]> {
  const rows = await em.execute<{ id: number; value: number }[]>(`select id, ${column} as value from ${table} where user_id = ? order by ctid`, [userId]);
  return rows.map((r) => ({ id: Number(r.id), value: Number(r.value) }));
}

const sumInOrder = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The same rows in another physical order: every other row of the user is deleted and inserted
 * again, unchanged (same id, same values), at the end of the heap and in descending id order. New
 * tuples with new index entries, so sequential, index and bitmap scans all meet them in a new order
 * (an UPDATE that changes no indexed column would be a HOT update that index scans do not notice).
 */
async function shuffleHeap(em: EntityManager, table: string, userId: number): Promise<void> {
  await em.execute(`with moved as (delete from ${table} where user_id = ? and id % 2 = 0 returning *) insert into ${table} select * from moved order by id desc`, [userId]);
}

describe('pattern strength and trends do not depend on the physical order of the rows', () => {
  it('psiAll, psi and trendAll give the same floats (Object.is) before and after the heap order changes', async () => {
    const { user } = await userWithExposures(db.em, VALUES);
    const repo = db.em.getRepository(PatternExposure);
    const before = await physicalOrder(db.em, 'pattern_exposures', user.id, 'e1rm_value');
    const psiAll1 = await repo.psiAll(user.id);
    const psi1 = await repo.psi(user.id, 'squat');
    const trend1 = await repo.trendAll(user.id, { windowMicrocycles: 2 });

    await shuffleHeap(db.em, 'pattern_exposures', user.id);
    const after = await physicalOrder(db.em, 'pattern_exposures', user.id, 'e1rm_value');
    // The premise: the rows now lie in another order, in which a plain running sum differs.
    expect(after.map((r) => r.id)).not.toEqual(before.map((r) => r.id));
    expect(sumInOrder(after.map((r) => r.value))).not.toBe(sumInOrder(before.map((r) => r.value)));

    const psiAll2 = await repo.psiAll(user.id);
    const psi2 = await repo.psi(user.id, 'squat');
    const trend2 = await repo.trendAll(user.id, { windowMicrocycles: 2 });
    const squat1 = psiAll1.find((r) => r.pattern === 'squat')!;
    const squat2 = psiAll2.find((r) => r.pattern === 'squat')!;
    expect(squat1.exposures).toBe(VALUES.length);
    expect(Object.is(squat1.psi, squat2.psi)).toBe(true);
    expect(Object.is(psi1, psi2)).toBe(true);
    expect(trend2).toEqual(trend1);
    // And it is the plain mean, added in id order (the order the rows were inserted in).
    expect(Object.is(squat2.psi, sumInOrder(VALUES) / VALUES.length)).toBe(true);
    expect(Object.is(psi2, squat2.psi)).toBe(true);
  });

  it('huge stored e1RMs give a finite mean, not an overflow', async () => {
    const { user } = await userWithExposures(db.em, [1.7e308, 1.7e308, 1.7e308]);
    const repo = db.em.getRepository(PatternExposure);
    const squat = (await repo.psiAll(user.id)).find((r) => r.pattern === 'squat')!;
    expect(squat.exposures).toBe(3);
    expect(Number.isFinite(squat.psi)).toBe(true);
    expect(squat.psi! / 1.7e308).toBeCloseTo(1, 12);
    expect(await repo.psi(user.id, 'squat')).toBe(squat.psi);
    expect((await repo.trendAll(user.id)).squat).toBe('insufficient_data');
  });
});

describe('recovery averages', () => {
  async function readings(em: EntityManager, rows: readonly { hrv: number; sleepHours: number; readiness: number; sleepScore: number; restingHr: number }[]) {
    const user = makeUser(em);
    await em.flush();
    for (const r of rows) {
      await em.execute(
        `insert into recovery_signals (user_id, date, source, hrv, sleep_hours, readiness, sleep_score, resting_hr) values (?, '2026-01-05', 'MANUAL', ?, ?, ?, ?, ?)`,
        [user.id, r.hrv, r.sleepHours, r.readiness, r.sleepScore, r.restingHr],
      );
    }
    return user;
  }

  it('are the same floats (Object.is) before and after the heap order changes', async () => {
    const rows = VALUES.map((v, i) => ({ hrv: v / 2, sleepHours: v / 13, readiness: v / 1.7, sleepScore: v / 1.3, restingHr: 50 + (i % 7) }));
    const user = await readings(db.em, rows);
    const repo = db.em.getRepository(RecoverySignal);
    const window = { days: 1, until: '2026-01-05' };
    const before = await physicalOrder(db.em, 'recovery_signals', user.id, 'hrv');
    const first = await repo.recentAverages(user.id, window);
    await shuffleHeap(db.em, 'recovery_signals', user.id);
    const after = await physicalOrder(db.em, 'recovery_signals', user.id, 'hrv');
    expect(sumInOrder(after.map((r) => r.value))).not.toBe(sumInOrder(before.map((r) => r.value)));
    const second = await repo.recentAverages(user.id, window);
    for (const key of ['hrv', 'sleepHours', 'readiness', 'sleepScore', 'restingHr'] as const) {
      expect(Object.is(first[key], second[key]), key).toBe(true);
    }
    expect(first.readings).toBe(rows.length);
    expect(Object.is(second.hrv, sumInOrder(rows.map((r) => r.hrv)) / rows.length)).toBe(true);
  });

  it('two readings of 1e308 average to 1e308 instead of failing with an overflow', async () => {
    const user = await readings(db.em, [
      { hrv: 1e308, sleepHours: 1e308, readiness: 1e308, sleepScore: 1e308, restingHr: 60 },
      { hrv: 1e308, sleepHours: 1e308, readiness: 1e308, sleepScore: 1e308, restingHr: 62 },
    ]);
    const averages = await db.em.getRepository(RecoverySignal).recentAverages(user.id, { days: 1, until: '2026-01-05' });
    expect(averages).toMatchObject({ readings: 2, hrv: 1e308, sleepHours: 1e308, readiness: 1e308, sleepScore: 1e308, restingHr: 61 });
  });
});
