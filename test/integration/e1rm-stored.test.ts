// What logWorkout stores in top_set_logs.e1rm_value (and pattern_exposures.e1rm_value): exactly the
// formula named in e1rm_formula applied to (weight, reps), as the upstream app stores it, so a reader
// can recompute it from the row; the RPE/RIR-adjusted estimate is only returned (e1rmAdjusted).
//
// Expected values are literals computed independently (python3), never by calling the library:
//   plain(w, r):   r == 1 -> w; epley w*(1+r/30); brzycki w*36/(37-r), w*2.5 at r >= 37;
//                  lombardi w*r**0.1; oconner w*(1+r/40)
//   adjusted(w, r, rpe, rir): the same formulas at r + (rir if given else 10 - rpe if given else 0),
//                  None for brzycki at 37 effective reps or more.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Movement, Program, User, WorkoutLog } from '../../src/index.js';
import { estimateOneRepMaxAsStored } from '../../src/domain/index.js';
import type { E1RMFormula } from '../../src/enums/index.js';
import type { TopSetInput } from '../../src/schemas/index.js';
import { audit } from '../../src/admin/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMovement, PROGRAM } from '../support/factories.js';

const db = useTestOrm();


/** One top set of every effort combination, plus a single rep and a rep count past Brzycki's range. */
const SETS: { name: string; set: Omit<TopSetInput, 'movementId'> }[] = [
  { name: 'no effort', set: { weight: 120, reps: 5 } },
  { name: 'RPE only', set: { weight: 120, reps: 5, rpe: 8 } },
  { name: 'RIR only', set: { weight: 120, reps: 5, rir: 2 } },
  { name: 'RPE and RIR (RIR wins)', set: { weight: 120, reps: 5, rpe: 8.5, rir: 1 } },
  { name: 'one rep at RPE 9', set: { weight: 140, reps: 1, rpe: 9 } },
  { name: '40 reps, no effort', set: { weight: 40, reps: 40 } },
  { name: '37 reps at RPE 9', set: { weight: 40, reps: 37, rpe: 9 } },
];

/** [stored e1rm_value, returned e1rmAdjusted] per set of SETS, per formula (python3, see the header). */
const EXPECTED: Record<E1RMFormula, [number, number | null][]> = {
  epley: [
    [140, 140], // 120 * (1 + 5/30)
    [140, 148], // adjusted: 120 * (1 + 7/30)
    [140, 148], // adjusted: 5 + 2 in reserve
    [140, 144], // adjusted: 5 + 1 (RIR wins over RPE 8.5) -> 120 * 1.2
    [140, 149.33333333333334], // stored: 1 rep is the weight; adjusted: 2 reps -> 140 * (1 + 2/30)
    [93.33333333333331, 93.33333333333331], // 40 * (1 + 40/30)
    [89.33333333333334, 90.66666666666666], // 40 * (1 + 37/30); adjusted 40 * (1 + 38/30)
  ],
  brzycki: [
    [135, 135], // 120 * 36 / 32
    [135, 144], // adjusted: 120 * 36 / 30
    [135, 144],
    [135, 139.3548387096774], // adjusted: 120 * 36 / 31
    [140, 144], // adjusted: 140 * 36 / 35
    [100, null], // stored: the app's 40 * 2.5; adjusted: undefined at 40 reps
    [100, null], // stored: 40 * 2.5 at 37 reps; adjusted: undefined at 38
  ],
  lombardi: [
    [140.95427317056226, 140.95427317056226], // 120 * 5**0.1
    [140.95427317056226, 145.77768528468803], // adjusted: 120 * 7**0.1
    [140.95427317056226, 145.77768528468803],
    [140.95427317056226, 143.54774386215786], // adjusted: 120 * 6**0.1
    [140, 150.04828475508103], // adjusted: 140 * 2**0.1
    [57.845021983676986, 57.845021983676986], // 40 * 40**0.1
    [57.39580662701438, 57.54907546199662], // 40 * 37**0.1; adjusted 40 * 38**0.1
  ],
  oconner: [
    [135, 135], // 120 * (1 + 5/40): the example, 135.0 and not 141.0
    [135, 141], // adjusted: 120 * (1 + 7/40)
    [135, 141],
    [135, 138], // adjusted: 120 * (1 + 6/40)
    [140, 147], // adjusted: 140 * (1 + 2/40)
    [80, 80], // 40 * 2
    [77, 78], // 40 * (1 + 37/40); adjusted 40 * (1 + 38/40)
  ],
};

interface StoredRow {
  id: number;
  weight: number;
  reps: number;
  e1rm_value: number | null;
  e1rm_formula: string;
  exposure_e1rm: number | null;
}

/** A user whose settings name `formula`, with an active program, and a squat movement to log. */
async function squatterUsing(formula: E1RMFormula): Promise<{ user: User; squat: Movement }> {
  const user = await db.em.getRepository(User).createUser({ settings: { activeE1rmFormula: formula } });
  await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
  const squat: Movement = makeMovement(db.em, { pattern: 'squat' });
  await db.em.flush();
  return { user, squat };
}

describe('logWorkout stores the plain formula of (weight, reps) as e1rm_value', () => {
  it.each(['epley', 'brzycki', 'lombardi', 'oconner'] as const)('%s: stored and exposure values are the formula; e1rmAdjusted is returned, not stored', async (formula) => {
    const { user, squat } = await squatterUsing(formula);

    const logged = await db.em.getRepository(WorkoutLog).logWorkout(user.id, {
      date: '2026-01-06',
      topSets: SETS.map(({ set }) => ({ movementId: squat.id, ...set })),
    });
    expect(logged.topSets).toHaveLength(SETS.length);
    expect(logged.exposures).toHaveLength(SETS.length);

    // Read back what the database holds, keyed by top set id (no reliance on row order).
    const rows = (await db.em.execute(
      `select t.id, t.weight, t.reps, t.e1rm_value, t.e1rm_formula::text as e1rm_formula, pe.e1rm_value as exposure_e1rm
         from top_set_logs t left join pattern_exposures pe on pe.source_top_set_log_id = t.id
        where t.workout_log_id = ?`,
      [logged.workoutLog.id],
    )) as StoredRow[];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    expect(byId.size).toBe(SETS.length);

    SETS.forEach(({ name, set }, i) => {
      const [plain, adjusted] = EXPECTED[formula][i]!;
      const returned = logged.topSets[i]!;
      const stored = byId.get(returned.id)!;
      expect([name, Number(stored.weight), Number(stored.reps), stored.e1rm_formula]).toEqual([name, set.weight, set.reps, formula.toUpperCase()]);
      expect(stored.e1rm_value, `${formula}, ${name}: e1rm_value`).toBeCloseTo(plain, 9);
      expect(stored.exposure_e1rm, `${formula}, ${name}: the exposure's e1rm_value`).toBeCloseTo(plain, 9);
      // The returned row describes the stored values, to the bit.
      expect(returned.e1rmValue).toBe(Number(stored.e1rm_value));
      expect(returned.e1rmFormula).toBe(formula);
      if (adjusted === null) expect(returned.e1rmAdjusted, `${formula}, ${name}: e1rmAdjusted`).toBeNull();
      else expect(returned.e1rmAdjusted, `${formula}, ${name}: e1rmAdjusted`).toBeCloseTo(adjusted, 9);
    });

    // The returned exposures carry the same plain values as their top sets.
    for (const exposure of logged.exposures) {
      const source = logged.topSets.find((t) => t.id === exposure.sourceTopSetLogId)!;
      expect(exposure.e1rmValue).toBe(source.e1rmValue);
    }
  });

  it('a reader recomputes every stored value from the row alone (the columns name everything needed)', async () => {
    const user = await db.em.getRepository(User).createUser({ settings: { activeE1rmFormula: 'oconner' } });
    await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
    const bench = makeMovement(db.em, { pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper' });
    await db.em.flush();
    const { workoutLog } = await db.em.getRepository(WorkoutLog).logWorkout(user.id, {
      date: '2026-01-06',
      topSets: [{ movementId: bench.id, weight: 120, reps: 5, rpe: 8 }],
    });
    // The O'Conner formula written in SQL by the reader: 120 * (1 + 5/40) = 135, not the RPE-adjusted 141.
    const [row] = (await db.em.execute(
      `select e1rm_value, weight * (1 + reps / 40.0) as recomputed, e1rm_formula::text as formula from top_set_logs where workout_log_id = ?`,
      [workoutLog.id],
    )) as { e1rm_value: number; recomputed: number; formula: string }[];
    expect(row!.formula).toBe('OCONNER');
    expect(Number(row!.e1rm_value)).toBeCloseTo(135, 9);
    expect(Number(row!.recomputed)).toBeCloseTo(Number(row!.e1rm_value), 9);
  });
});

describe('the stored e1RM is the domain rule to the bit, for any weight and rep count', () => {
  // The statement multiplies each weight by a multiplier sent as text (workout-log.repository.ts,
  // setsJson): a digit lost on the way, or an operation in another order, shows here as a
  // stored value one ulp away from what estimateOneRepMaxAsStored (and the returned row) says.
  it.each(['epley', 'brzycki', 'lombardi', 'oconner'] as const)('%s', async (formula) => {
    const { user, squat } = await squatterUsing(formula);
    const set = fc.record({ weight: fc.double({ min: 0, max: 1000, noNaN: true }).map(Math.abs), reps: fc.integer({ min: 1, max: 1000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(set, { minLength: 1, maxLength: 50 }), async (sets) => {
        const logged = await db.em.getRepository(WorkoutLog).logWorkout(user.id, { date: '2026-01-06', topSets: sets.map((s) => ({ movementId: squat.id, ...s })) });
        const rows = (await db.em.execute(
          `select t.id, t.e1rm_value, pe.e1rm_value as exposure_e1rm from top_set_logs t join pattern_exposures pe on pe.source_top_set_log_id = t.id where t.workout_log_id = ?`,
          [logged.workoutLog.id],
        )) as { id: number; e1rm_value: number; exposure_e1rm: number }[];
        const stored = new Map(rows.map((r) => [Number(r.id), r]));
        sets.forEach((s, i) => {
          const expected = estimateOneRepMaxAsStored(s.weight, s.reps, formula);
          const row = stored.get(logged.topSets[i]!.id)!;
          expect([Number(row.e1rm_value), Number(row.exposure_e1rm), logged.topSets[i]!.e1rmValue]).toEqual([expected, expected, expected]);
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('audit finds top sets whose stored e1RM is not their own formula', () => {
  it('every formula as logWorkout stores it passes; an RPE-adjusted value under a plain formula is reported by id', async () => {
    const squat: Movement = makeMovement(db.em, { pattern: 'squat' });
    await db.em.flush();
    for (const formula of ['epley', 'brzycki', 'lombardi', 'oconner'] as const) {
      const user = await db.em.getRepository(User).createUser({ settings: { activeE1rmFormula: formula } });
      await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
      await db.em.getRepository(WorkoutLog).logWorkout(user.id, { date: '2026-01-06', topSets: SETS.map(({ set }) => ({ movementId: squat.id, ...set })) });
    }
    const clean = await audit(db.em);
    expect(clean.storedE1rm).toEqual({ present: true, checked: 4 * SETS.length, mismatched: 0, sampleIds: [] });

    // What older versions of this library wrote (docs/upstream.md, "Stored e1RM"): 120 kg x 5 @ RPE 8, O'Conner, stored 141 (the formula gives 135).
    const [log] = (await db.em.execute(`select id from workout_logs order by id limit 1`)) as { id: number }[];
    const [old] = (await db.em.execute(
      `insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, e1rm_value, e1rm_formula, pattern, created_at)
       values (?, ?, 120, 5, 8, 141, 'OCONNER', 'SQUAT', now()) returning id`,
      [log!.id, squat.id],
    )) as { id: number }[];
    const report = await audit(db.em);
    expect(report.storedE1rm).toEqual({ present: true, checked: 4 * SETS.length + 1, mismatched: 1, sampleIds: [old!.id] });
    expect(report.ok).toBe(false);
  });
});
