// PatternExposureRepository's pattern metrics with `method: 'upstream'` (the upstream app's PSI, trend
// and deload signal: docs/upstream.md, "Metrics") against real PostgreSQL, and the validation of
// every option under both methods. Expected values are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  forUser,
  GainslyValidationError,
  Microcycle,
  Movement,
  PatternExposure,
  Program,
  TopSetLog,
  User,
  type PatternStrength,
} from '../../src/index.js';
import type { MovementPattern } from '../../src/enums/index.js';
import type { CreateProgramInput } from '../../src/schemas/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeUser, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();
const exposuresRepo = () => db.em.getRepository(PatternExposure);

/** Movements by pattern, made once per test on demand. */
const movements = new Map<string, Movement>();

/**
 * One exposure with its workout log and top set, flushed at once so ids grow in call order (the
 * tie-break tests rely on which row is newer).
 */
async function expose(em: EntityManager, user: User, microcycle: Microcycle, date: string, e1rmValue: number, pattern: MovementPattern = 'squat'): Promise<PatternExposure> {
  const key = `${em.id}:${pattern}`;
  let movement = movements.get(key);
  if (!movement) {
    movement = makeMovement(em, { pattern });
    movements.set(key, movement);
  }
  const log = makeWorkoutLog(em, user, { date });
  const topSet = em.create(TopSetLog, { workoutLog: log, movement, weight: e1rmValue, reps: 1, e1rmValue, e1rmFormula: 'epley', pattern });
  const exposure = em.create(PatternExposure, { user, microcycle, date, pattern, e1rmValue, sourceTopSetLog: topSet });
  await em.flush();
  return exposure;
}

/** A user with one program and microcycles starting on the given dates (sequence 1, 2, …). */
async function athlete(starts: string[], programData: Partial<Program> = {}) {
  const user = makeUser(db.em);
  const program = makeProgram(db.em, user, { startDate: starts[0]!, ...programData });
  const cycles = starts.map((startDate, i) => makeMicrocycle(db.em, program, { startDate, sequenceNumber: i + 1, status: i === 0 ? 'active' : 'planned' }));
  await db.em.flush();
  return { user, program, cycles };
}

/** The worked example of docs/upstream.md, "Metrics": M1 2026-01-05 (100, 110), M2 2026-01-12 (120, 130), M3 2026-01-19 planned, empty. */
async function workedExample() {
  const { user, cycles } = await athlete(['2026-01-05', '2026-01-12', '2026-01-19']);
  const [m1, m2] = cycles as [Microcycle, Microcycle, Microcycle];
  const e0105 = await expose(db.em, user, m1, '2026-01-05', 100);
  await expose(db.em, user, m1, '2026-01-08', 110);
  const m2a = await expose(db.em, user, m2, '2026-01-12', 120);
  const m2b = await expose(db.em, user, m2, '2026-01-15', 130);
  return { user, e0105, m2Exposures: [m2a, m2b] };
}

const squatOf = (rows: PatternStrength[]) => rows.find((r) => r.pattern === 'squat')!;

describe("method: 'upstream' — the contract's worked example", () => {
  it('PSI: lookback 2 (M3, M2) = 125; lookback 4 (M3, M2, M1) = 115; the library method is unchanged', async () => {
    const { user } = await workedExample();
    const repo = exposuresRepo();
    expect(await repo.psi(user.id, 'squat', { method: 'upstream' })).toBe(125); // default lookback 2: (120 + 130) / 2
    expect(await repo.psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 2 })).toBe(125);
    expect(await repo.psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 4 })).toBe(115); // (100 + 110 + 120 + 130) / 4
    expect(await repo.psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 3 })).toBe(115);
    expect(squatOf(await repo.psiAll(user.id, { method: 'upstream' }))).toEqual({ pattern: 'squat', psi: 125, exposures: 2 });
    expect(squatOf(await repo.psiAll(user.id, { method: 'upstream', lastNMicrocycles: 4 }))).toEqual({ pattern: 'squat', psi: 115, exposures: 4 });
    // Library (default): the last 4 microcycles *with exposures* are M1 and M2: 115 over 4 exposures.
    expect(squatOf(await repo.psiAll(user.id))).toEqual({ pattern: 'squat', psi: 115, exposures: 4 });
    expect(squatOf(await repo.psiAll(user.id, { method: 'library' }))).toEqual({ pattern: 'squat', psi: 115, exposures: 4 });
  });

  it('trend, window 4: 130, 120 | 110, 100 -> 125 vs 105 (+19.05 %) -> increasing; with 01-05 removed -> insufficient_data', async () => {
    const { user, e0105 } = await workedExample();
    const repo = exposuresRepo();
    expect(await repo.trend(user.id, 'squat', { method: 'upstream' })).toBe('increasing');
    expect((await repo.trendAll(user.id, { method: 'upstream', windowMicrocycles: 4 })).squat).toBe('increasing');
    await db.em.execute('delete from pattern_exposures where id = ?', [e0105.id]);
    expect(await repo.trend(user.id, 'squat', { method: 'upstream' })).toBe('insufficient_data');
    expect((await repo.trendAll(user.id, { method: 'upstream' })).squat).toBe('insufficient_data');
    // PSI lookback 2 does not see M1 at all: still 125.
    expect(await repo.psi(user.id, 'squat', { method: 'upstream' })).toBe(125);
  });

  it("PSI, lookback 2, with M2's exposures removed: no value, although M1 has two", async () => {
    const { user, m2Exposures } = await workedExample();
    await db.em.execute('delete from pattern_exposures where id in (?, ?)', m2Exposures.map((e) => e.id));
    const repo = exposuresRepo();
    expect(await repo.psi(user.id, 'squat', { method: 'upstream' })).toBeNull();
    expect(squatOf(await repo.psiAll(user.id, { method: 'upstream' }))).toEqual({ pattern: 'squat', psi: null, exposures: 0 });
    expect(await repo.psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 3 })).toBe(105); // (100 + 110) / 2
    // The library's window skips the empty weeks: M1 alone, 105.
    expect(await repo.psi(user.id, 'squat')).toBe(105);
  });

  it('the user scope passes the method through (strength.psiAll / psi / trendAll / trend / deloadSignal)', async () => {
    const { user } = await workedExample();
    const me = forUser(db.em, user.id);
    expect(squatOf(await me.strength.psiAll({ method: 'upstream' })).psi).toBe(125);
    expect(await me.strength.psi('squat', { method: 'upstream', lastNMicrocycles: 4 })).toBe(115);
    expect((await me.strength.trendAll({ method: 'upstream' })).squat).toBe('increasing');
    expect(await me.strength.trend('squat', { method: 'upstream' })).toBe('increasing');
    expect(await me.strength.deloadSignal({ method: 'upstream' })).toEqual({ deload: false, decliningPatterns: [] });
  });
});

describe("method: 'upstream' — windows, counts, zeros, ties", () => {
  it('planned future weeks fill the window: a program created for 8 weeks has weeks 7 and 8 as the lookback-2 window', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const program = await db.em.getRepository(Program).createProgram(user.id, {
      startDate: '2026-01-05',
      durationWeeks: 8,
      daysPerWeek: 4,
      goals: [{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'endurance', weight: 2 }],
      splitTemplate: 'upper_lower',
      progressionStyle: 'double_progression',
    } satisfies CreateProgramInput);
    const weeks = await db.em.find(Microcycle, { program: program.id }, { orderBy: { sequenceNumber: 'asc' } });
    expect(weeks).toHaveLength(8);
    await expose(db.em, user, weeks[0]!, '2026-01-06', 100);
    await expose(db.em, user, weeks[0]!, '2026-01-08', 104);
    await expose(db.em, user, weeks[1]!, '2026-01-13', 106);
    await expose(db.em, user, weeks[1]!, '2026-01-15', 110);
    const repo = exposuresRepo();
    // Weeks 8 and 7 (2026-02-23, 02-16) are planned and empty.
    expect(squatOf(await repo.psiAll(user.id, { method: 'upstream' }))).toEqual({ pattern: 'squat', psi: null, exposures: 0 });
    // Window 4 = weeks 8..5: empty too.
    expect(await repo.trend(user.id, 'squat', { method: 'upstream' })).toBe('insufficient_data');
    // Lookback 8 reaches weeks 1 and 2: (100 + 104 + 106 + 110) / 4 = 105.
    expect(await repo.psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 8 })).toBe(105);
    // Window 8: 110, 106 | 104, 100 -> 108 vs 102 = +5.88 % -> increasing.
    expect(await repo.trend(user.id, 'squat', { method: 'upstream', windowMicrocycles: 8 })).toBe('increasing');
    // The library ignores weeks without exposures: weeks 1 and 2 -> 105.
    expect(await repo.psi(user.id, 'squat')).toBe(105);
  });

  it('fewer than 2 exposures in the window: no PSI; fewer than 4: no trend; 4: a trend', async () => {
    const { user, cycles } = await athlete(['2026-03-02', '2026-03-09']);
    const [w1, w2] = cycles as [Microcycle, Microcycle];
    const repo = exposuresRepo();
    await expose(db.em, user, w2, '2026-03-10', 150, 'hinge');
    expect(await repo.psiAll(user.id, { method: 'upstream' }).then((rows) => rows.find((r) => r.pattern === 'hinge'))).toEqual({ pattern: 'hinge', psi: null, exposures: 1 });
    await expose(db.em, user, w1, '2026-03-03', 140, 'hinge');
    expect(await repo.psi(user.id, 'hinge', { method: 'upstream' })).toBe(145); // (150 + 140) / 2
    await expose(db.em, user, w2, '2026-03-12', 160, 'hinge');
    expect(await repo.trend(user.id, 'hinge', { method: 'upstream' })).toBe('insufficient_data'); // 3 exposures
    await expose(db.em, user, w1, '2026-03-05', 140, 'hinge');
    // 160, 150 | 140, 140 -> 155 vs 140 = +10.7 % -> increasing.
    expect(await repo.trend(user.id, 'hinge', { method: 'upstream' })).toBe('increasing');
  });

  it('zero means: an older mean of 0 is insufficient_data; a recent 0 against a positive older is decreasing; a PSI of zeros is 0', async () => {
    const { user, cycles } = await athlete(['2026-03-02', '2026-03-09']);
    const [w1, w2] = cycles as [Microcycle, Microcycle];
    // core: 0, 0 then 50, 50 -> newest first 50, 50 | 0, 0: older mean 0.
    await expose(db.em, user, w1, '2026-03-02', 0, 'core');
    await expose(db.em, user, w1, '2026-03-04', 0, 'core');
    await expose(db.em, user, w2, '2026-03-09', 50, 'core');
    await expose(db.em, user, w2, '2026-03-11', 50, 'core');
    // carry: 50, 50 then 0, 0 -> 0 vs 50 = -100 %.
    await expose(db.em, user, w1, '2026-03-02', 50, 'carry');
    await expose(db.em, user, w1, '2026-03-04', 50, 'carry');
    await expose(db.em, user, w2, '2026-03-09', 0, 'carry');
    await expose(db.em, user, w2, '2026-03-11', 0, 'carry');
    const trends = await exposuresRepo().trendAll(user.id, { method: 'upstream' });
    expect(trends.core).toBe('insufficient_data');
    expect(trends.carry).toBe('decreasing');
    const psi = await exposuresRepo().psiAll(user.id, { method: 'upstream', lastNMicrocycles: 1 });
    expect(psi.find((r) => r.pattern === 'carry')).toEqual({ pattern: 'carry', psi: 0, exposures: 2 });
  });

  it('equal dates: the later-logged exposure (higher id) counts as the more recent', async () => {
    const { user, cycles } = await athlete(['2026-03-02', '2026-03-09']);
    const w2 = cycles[1]!;
    await expose(db.em, user, w2, '2026-03-09', 100, 'lunge');
    await expose(db.em, user, w2, '2026-03-10', 80, 'lunge'); // lower id of the two on 03-10
    await expose(db.em, user, w2, '2026-03-10', 120, 'lunge'); // higher id: the more recent
    await expose(db.em, user, w2, '2026-03-11', 100, 'lunge');
    // Newest first: 100 (03-11), 120, | 80, 100 -> 110 vs 90 = +22.2 % -> increasing (the other tie-break: decreasing).
    expect(await exposuresRepo().trend(user.id, 'lunge', { method: 'upstream' })).toBe('increasing');
  });

  it('equal start dates: the microcycle with the higher id is the newer one', async () => {
    const user = makeUser(db.em);
    const a = makeProgram(db.em, user, { startDate: '2026-04-06', isActive: false });
    const b = makeProgram(db.em, user, { startDate: '2026-04-06' });
    const older = makeMicrocycle(db.em, a, { startDate: '2026-04-06' });
    await db.em.flush();
    const newer = makeMicrocycle(db.em, b, { startDate: '2026-04-06' });
    await db.em.flush();
    expect(newer.id).toBeGreaterThan(older.id);
    await expose(db.em, user, older, '2026-04-06', 100);
    await expose(db.em, user, older, '2026-04-07', 100);
    await expose(db.em, user, newer, '2026-04-08', 200);
    await expose(db.em, user, newer, '2026-04-09', 220);
    expect(await exposuresRepo().psi(user.id, 'squat', { method: 'upstream', lastNMicrocycles: 1 })).toBe(210); // (200 + 220) / 2
  });

  it("a second user's microcycles and exposures do not leak in", async () => {
    const { user } = await workedExample();
    const { user: other, cycles: otherCycles } = await athlete(['2026-02-02', '2026-02-09']);
    // The other user's newer weeks would push ours out of the window if they counted.
    await expose(db.em, other, otherCycles[1]!, '2026-02-10', 500);
    await expose(db.em, other, otherCycles[1]!, '2026-02-11', 600);
    // An exposure of the other user filed under one of OUR microcycles (M2) is still theirs.
    const ourM2 = await db.em.findOneOrFail(PatternExposure, { user: user.id, date: '2026-01-12' }, { populate: ['microcycle'] });
    await expose(db.em, other, ourM2.microcycle, '2026-01-13', 1000);
    const repo = exposuresRepo();
    expect(await repo.psi(user.id, 'squat', { method: 'upstream' })).toBe(125);
    expect(squatOf(await repo.psiAll(user.id, { method: 'upstream' })).exposures).toBe(2);
    expect(await repo.trend(user.id, 'squat', { method: 'upstream' })).toBe('increasing');
    // And theirs: window (02-09, 02-02) -> (500 + 600) / 2.
    expect(await repo.psi(other.id, 'squat', { method: 'upstream' })).toBe(550);
  });

  it("two programs of one user: the window runs over both, by start date", async () => {
    const user = makeUser(db.em);
    const old = makeProgram(db.em, user, { startDate: '2025-12-22', isActive: false });
    const current = makeProgram(db.em, user, { startDate: '2026-01-05' });
    const o1 = makeMicrocycle(db.em, old, { startDate: '2025-12-22', sequenceNumber: 1 });
    const o2 = makeMicrocycle(db.em, old, { startDate: '2025-12-29', sequenceNumber: 2 });
    const c1 = makeMicrocycle(db.em, current, { startDate: '2026-01-05', sequenceNumber: 1 });
    await db.em.flush();
    await expose(db.em, user, o1, '2025-12-23', 90);
    await expose(db.em, user, o2, '2025-12-30', 100);
    await expose(db.em, user, o2, '2026-01-01', 110);
    await expose(db.em, user, c1, '2026-01-06', 120);
    const repo = exposuresRepo();
    // Lookback 2 = c1 (2026-01-05) and o2 (2025-12-29), of different programs: (100 + 110 + 120) / 3 = 110.
    expect(await repo.psi(user.id, 'squat', { method: 'upstream' })).toBe(110);
    // Window 4 holds all three weeks: 120, 110 | 100, 90 -> 115 vs 95 = +21 % -> increasing.
    expect(await repo.trend(user.id, 'squat', { method: 'upstream' })).toBe('increasing');
  });

  it('the same rows give the same float, bit for bit, whatever their physical order', async () => {
    const { user, cycles } = await athlete(['2026-03-02']);
    const w1 = cycles[0]!;
    const first = await expose(db.em, user, w1, '2026-03-02', 0.1, 'rotation');
    await expose(db.em, user, w1, '2026-03-03', 0.2, 'rotation');
    await expose(db.em, user, w1, '2026-03-04', 0.3, 'rotation');
    const repo = exposuresRepo();
    // Summed by id: (0.1 + 0.2) + 0.3 = 0.6000000000000001, / 3 = 0.20000000000000004 (python3).
    expect(await repo.psi(user.id, 'rotation', { method: 'upstream' })).toBe(0.20000000000000004);
    // Rewriting the first row moves its tuple behind the others in the heap.
    await db.em.execute('update pattern_exposures set e1rm_value = e1rm_value where id = ?', [first.id]);
    expect(await repo.psi(user.id, 'rotation', { method: 'upstream' })).toBe(0.20000000000000004);
    expect((await repo.psiAll(user.id, { method: 'upstream' })).find((r) => r.pattern === 'rotation')!.psi).toBe(0.20000000000000004);
  });
});

describe("method: 'upstream' — deload signal", () => {
  /** `pattern` from `base` to 90 % of it: newest first 0.9b, 0.9b | b, b -> -10 % -> decreasing. */
  async function declining(user: User, cycles: Microcycle[], pattern: MovementPattern, base: number) {
    await expose(db.em, user, cycles[0]!, '2026-03-02', base, pattern);
    await expose(db.em, user, cycles[0]!, '2026-03-04', base, pattern);
    await expose(db.em, user, cycles[1]!, '2026-03-09', base * 0.9, pattern);
    await expose(db.em, user, cycles[1]!, '2026-03-11', base * 0.9, pattern);
  }

  it('deloads with 2 decreasing patterns, not with 1', async () => {
    const two = await athlete(['2026-03-02', '2026-03-09']);
    await declining(two.user, two.cycles, 'squat', 100);
    await declining(two.user, two.cycles, 'horizontal_push', 80);
    const one = await athlete(['2026-03-02', '2026-03-09']);
    await declining(one.user, one.cycles, 'squat', 100);
    // A rising pattern beside it: 100, 100 then 110, 110 -> +10 %.
    await expose(db.em, one.user, one.cycles[0]!, '2026-03-02', 100, 'vertical_pull');
    await expose(db.em, one.user, one.cycles[0]!, '2026-03-04', 100, 'vertical_pull');
    await expose(db.em, one.user, one.cycles[1]!, '2026-03-09', 110, 'vertical_pull');
    await expose(db.em, one.user, one.cycles[1]!, '2026-03-11', 110, 'vertical_pull');
    const repo = exposuresRepo();
    expect(await repo.deloadSignal(two.user.id, { method: 'upstream' })).toEqual({ deload: true, decliningPatterns: ['squat', 'horizontal_push'] });
    expect(await repo.deloadSignal(one.user.id, { method: 'upstream' })).toEqual({ deload: false, decliningPatterns: ['squat'] });
    expect((await repo.trendAll(one.user.id, { method: 'upstream' })).vertical_pull).toBe('increasing');
    // A threshold above 10 % makes -10 % stable: no pattern declines.
    expect(await repo.deloadSignal(two.user.id, { method: 'upstream', threshold: 0.11 })).toEqual({ deload: false, decliningPatterns: [] });
  });
});

describe('options are validated for both methods (GainslyValidationError naming the option and the allowed values)', () => {
  async function problem(call: Promise<unknown>): Promise<{ path: string; message: string }[]> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GainslyValidationError);
    expect(error).not.toBeInstanceOf(RangeError);
    return (error as GainslyValidationError).issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }

  it('method must be library or upstream', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    const repo = exposuresRepo();
    for (const call of [
      repo.psiAll(user.id, { method: 'app' as never }),
      repo.psi(user.id, 'squat', { method: 'UPSTREAM' as never }),
      repo.trendAll(user.id, { method: 1 as never }),
      repo.trend(user.id, 'squat', { method: null as never, windowMicrocycles: 0 }),
      repo.deloadSignal(user.id, { method: 'python' as never }),
    ]) {
      const issues = await problem(call);
      const method = issues.find((i) => i.path === 'method');
      if (method) expect(method.message).toBe('must be one of library, upstream');
      else expect(issues.map((i) => i.path)).toEqual(['windowMicrocycles']); // null method = the default
    }
  });

  it('windows must be integers >= 1, thresholds finite and >= 0, under either method (no RangeError any more)', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    const repo = exposuresRepo();
    for (const method of ['library', 'upstream'] as const) {
      for (const lastNMicrocycles of [0, -1, 1.5, Number.NaN, '2' as never, 2 ** 31]) {
        expect(await problem(repo.psiAll(user.id, { method, lastNMicrocycles }))).toEqual([{ path: 'lastNMicrocycles', message: 'must be an integer between 1 and 2147483647' }]);
        expect((await problem(repo.psi(user.id, 'squat', { method, lastNMicrocycles })))[0]!.path).toBe('lastNMicrocycles');
      }
      for (const windowMicrocycles of [0, 2.5]) {
        expect((await problem(repo.trendAll(user.id, { method, windowMicrocycles })))[0]!.path).toBe('windowMicrocycles');
        expect((await problem(repo.deloadSignal(user.id, { method, windowMicrocycles })))[0]!.path).toBe('windowMicrocycles');
      }
      for (const threshold of [-0.01, Number.NaN, Number.POSITIVE_INFINITY, '0.05' as never]) {
        expect(await problem(repo.trend(user.id, 'squat', { method, threshold }))).toEqual([{ path: 'threshold', message: 'must be a finite number >= 0 (a fraction: 0.05 = 5 %)' }]);
      }
    }
  });

  it('lists every problem at once, and rejects unknown options and non-object options', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    const repo = exposuresRepo();
    const issues = await problem(repo.trendAll(user.id, { method: 'app' as never, windowMicrocycles: 0, threshold: -1, lookback: 2 } as never));
    expect(issues.map((i) => i.path).sort()).toEqual(['lookback', 'method', 'threshold', 'windowMicrocycles']);
    expect(issues.find((i) => i.path === 'lookback')!.message).toBe('is not a known option (allowed: method, windowMicrocycles, threshold)');
    // threshold is a trend option, not a PSI one.
    expect(await problem(repo.psiAll(user.id, { threshold: 0.05 } as never))).toEqual([{ path: 'threshold', message: 'is not a known option (allowed: method, lastNMicrocycles)' }]);
    expect((await problem(repo.psiAll(user.id, 'upstream' as never)))[0]!.path).toBe('');
  });

  it('an unknown pattern is a GainslyValidationError for psi and trend', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    for (const method of ['library', 'upstream'] as const) {
      expect((await problem(exposuresRepo().psi(user.id, 'Squat' as never, { method })))[0]!.path).toBe('pattern');
      expect((await problem(exposuresRepo().trend(user.id, 'legs' as never, { method })))[0]!.path).toBe('pattern');
    }
  });

  it('the user scope validates the same way', async () => {
    const user = makeUser(db.em);
    await db.em.flush();
    const me = forUser(db.em, user.id);
    expect(await problem(me.strength.psiAll({ method: 'upstream', lastNMicrocycles: 0 }))).toEqual([{ path: 'lastNMicrocycles', message: 'must be an integer between 1 and 2147483647' }]);
    expect((await problem(me.strength.deloadSignal({ method: 'app' as never })))[0]!.path).toBe('method');
  });
});
