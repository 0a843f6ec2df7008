import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  GainslyDataError,
  GainslyNotFoundError,
  GainslyUniqueViolationError,
  Microcycle,
  Movement,
  PatternExposure,
  Program,
  RecoverySignal,
  SorenessLog,
  TopSetLog,
  User,
  UserSettings,
  WorkoutLog,
} from '../../src/index.js';
import { GainslyValidationError } from '../../src/schemas/index.js';
import { patternStrengthIndexAll } from '../../src/domain/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeSession, PROGRAM } from '../support/factories.js';

const db = useTestOrm();


describe('UserRepository.createUser', () => {
  it('creates the user with defaults and settings in one flush', async () => {
    const user = await db.em.getRepository(User).createUser({ email: 'ada@example.com', settings: { useMetric: false } });
    db.em.clear();
    const reloaded = await db.em.findOneOrFail(User, { id: user.id }, { populate: ['settings'] });
    expect([reloaded.experienceLevel, reloaded.personaTone, reloaded.personaAggression]).toEqual(['intermediate', 'supportive', 3]);
    expect(reloaded.settings).toMatchObject({ activeE1rmFormula: 'epley', useMetric: false });
  });

  it('rejects bad input with every problem listed, and writes nothing', async () => {
    const before = await db.em.count(User);
    const error = await db.em
      .getRepository(User)
      .createUser({ email: 'not-an-email', personaAggression: 7 as never, experienceLevel: 'EXPERT' as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyValidationError);
    const paths = (error as GainslyValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'personaAggression', 'experienceLevel']));
    expect(await db.em.count(User)).toBe(before);
  });

  it('a taken e-mail is a typed unique violation and leaves no settings row behind', async () => {
    const repo = db.em.getRepository(User);
    await repo.createUser({ email: 'taken@example.com' });
    const settingsBefore = await db.em.count(UserSettings);
    const error = await db.em.transactional((tx) => tx.getRepository(User).createUser({ email: 'taken@example.com' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyUniqueViolationError);
    expect((error as GainslyUniqueViolationError).constraint).toBe('users_email_key');
    db.em.clear();
    expect(await db.em.count(UserSettings)).toBe(settingsBefore);
  });
});

describe('ProgramRepository.createProgram', () => {
  it('stores the program with its microcycle plan, persona from the user, and deactivates the previous program', async () => {
    const user = await db.em.getRepository(User).createUser({ personaTone: 'drill_sergeant', personaAggression: 5 });
    const programs = db.em.getRepository(Program);
    const first = await programs.createProgram(user.id, PROGRAM);
    const second = await programs.createProgram(user.id, { ...PROGRAM, startDate: '2026-03-02', durationWeeks: 9, microcycleLengthDays: 9, deloadEveryNMicrocycles: 3 });
    db.em.clear();

    const [a, b] = await db.em.find(Program, { user: user.id }, { orderBy: { id: 'asc' }, populate: ['microcycles'] });
    expect(a!.id).toBe(first.id);
    expect(a!.isActive).toBe(false);
    expect(b!.isActive).toBe(true);
    expect([b!.personaTone, b!.personaAggression]).toEqual(['drill_sergeant', 5]);
    const firstPlan = a!.microcycles.getItems().sort((x, y) => x.sequenceNumber - y.sequenceNumber);
    expect(firstPlan.map((m) => [m.sequenceNumber, m.startDate, m.lengthDays, m.isDeload])).toEqual([
      [1, '2026-01-05', 7, false],
      [2, '2026-01-12', 7, false],
      [3, '2026-01-19', 7, false],
      [4, '2026-01-26', 7, true],
      [5, '2026-02-02', 7, false],
      [6, '2026-02-09', 7, false],
      [7, '2026-02-16', 7, false],
      [8, '2026-02-23', 7, true],
    ]);
    // 9 weeks = 63 days of 9-day microcycles: 7 of them, a deload every third.
    const secondPlan = b!.microcycles.getItems().sort((x, y) => x.sequenceNumber - y.sequenceNumber);
    expect(secondPlan.map((m) => m.lengthDays)).toEqual([9, 9, 9, 9, 9, 9, 9]);
    expect(secondPlan.map((m) => m.isDeload)).toEqual([false, false, true, false, false, true, false]);
    expect(secondPlan.at(-1)!.startDate).toBe('2026-04-25');
    expect(await db.em.getRepository(Program).findActiveByUser(user.id)).toMatchObject({ id: second.id });
  });

  it('rejects goal weights that do not sum to 10 before any SQL, with the field path', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const error = await db.em
      .getRepository(Program)
      .createProgram(user.id, { ...PROGRAM, durationWeeks: 13, goals: [{ goal: 'strength', weight: 5 }, { goal: 'speed', weight: 5 }, { goal: 'mobility', weight: 5 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyValidationError);
    const paths = (error as GainslyValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toContain('durationWeeks');
    expect(paths.some((p) => p.startsWith('goals'))).toBe(true);
    expect(await db.em.count(Program, { user: user.id })).toBe(0);
    expect(await db.em.count(Microcycle, { program: { user: user.id } })).toBe(0);
  });

  it('an unknown user is a GainslyNotFoundError', async () => {
    await expect(db.em.getRepository(Program).createProgram(987654, PROGRAM)).rejects.toBeInstanceOf(GainslyNotFoundError);
  });
});

describe('WorkoutLogRepository.logWorkout and pattern strength', () => {
  async function athlete(formula?: 'brzycki') {
    const user = await db.em.getRepository(User).createUser(formula ? { settings: { activeE1rmFormula: formula } } : {});
    const program = await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
    const lifts = {
      squat: makeMovement(db.em, { pattern: 'squat' }),
      bench: makeMovement(db.em, { pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper' }),
      ohp: makeMovement(db.em, { pattern: 'vertical_push', primaryMuscle: 'front_delts', primaryRegion: 'shoulder' }),
      deadlift: makeMovement(db.em, { pattern: 'hinge', primaryMuscle: 'hamstrings', primaryRegion: 'posterior lower' }),
    };
    await db.em.flush();
    return { user, program, lifts };
  }

  it('stores plain e1RMs with the user formula, the pattern, and one exposure per top set in the covering microcycle', async () => {
    const { user, program, lifts } = await athlete();
    const logs = db.em.getRepository(WorkoutLog);
    const result = await logs.logWorkout(user.id, {
      date: '2026-01-06',
      perceivedDifficulty: 7,
      feedbackTags: ['good_pump'],
      topSets: [
        { movementId: lifts.squat.id, weight: 100, reps: 5, rpe: 8 },
        { movementId: lifts.bench.id, weight: 80, reps: 5, rir: 1 },
      ],
    });
    db.em.clear();
    const sets = await db.em.find(TopSetLog, { workoutLog: result.workoutLog.id }, { orderBy: { id: 'asc' } });
    // Stored: plain Epley of (weight, reps), whatever the effort: 100 * (1 + 5/30); 80 * (1 + 5/30)
    expect(sets.map((s) => [s.pattern, s.e1rmFormula])).toEqual([['squat', 'epley'], ['horizontal_push', 'epley']]);
    expect(sets[0]!.e1rmValue).toBeCloseTo(116.6667, 3);
    expect(sets[1]!.e1rmValue).toBeCloseTo(93.3333, 3);
    // Returned, not stored: 100 x (5 + 2 in reserve) -> 100 * (1 + 7/30); 80 x (5 + 1) -> 80 * 1.2
    expect(result.topSets[0]!.e1rmAdjusted).toBeCloseTo(123.3333, 3);
    expect(result.topSets[1]!.e1rmAdjusted).toBeCloseTo(96, 6);
    const week1 = await db.em.findOneOrFail(Microcycle, { program: program.id, sequenceNumber: 1 });
    const exposures = await db.em.find(PatternExposure, { user: user.id }, { orderBy: { id: 'asc' } });
    expect(exposures.map((e) => [e.pattern, e.microcycle.id, e.date, e.sourceTopSetLog.id])).toEqual([
      ['squat', week1.id, '2026-01-06', sets[0]!.id],
      ['horizontal_push', week1.id, '2026-01-06', sets[1]!.id],
    ]);
    expect(exposures[0]!.e1rmValue).toBeCloseTo(116.6667, 3);
  });

  it("uses the user's formula (Brzycki) and files exposures under the session's microcycle", async () => {
    const { user, lifts } = await athlete('brzycki');
    const other = makeProgram(db.em, user, { isActive: false, startDate: '2025-01-06' });
    const oldCycle = makeMicrocycle(db.em, other, { startDate: '2025-01-06' });
    const session = makeSession(db.em, oldCycle, { date: '2025-01-07' });
    await db.em.flush();
    const { topSets, exposures, microcycleId } = await db.em
      .getRepository(WorkoutLog)
      .logWorkout(user.id, { date: '2026-01-06', sessionId: session.id, topSets: [{ movementId: lifts.squat.id, weight: 100, reps: 5 }] });
    // Brzycki: 100 * 36 / (37 - 5) = 112.5
    expect(topSets[0]!.e1rmValue).toBeCloseTo(112.5, 9);
    expect(topSets[0]!.e1rmFormula).toBe('brzycki');
    expect(microcycleId).toBe(oldCycle.id);
    expect(exposures.map((e) => e.microcycleId)).toEqual([oldCycle.id]);
  });

  it('a workout no microcycle covers is logged without exposures', async () => {
    const { user, lifts } = await athlete();
    const { exposures, microcycleId, topSets } = await db.em
      .getRepository(WorkoutLog)
      .logWorkout(user.id, { date: '2026-06-01', topSets: [{ movementId: lifts.squat.id, weight: 60, reps: 10 }] });
    expect(microcycleId).toBeNull();
    expect(exposures).toEqual([]);
    expect(topSets[0]!.e1rmValue).toBeCloseTo(80, 9);
    expect(await db.em.count(PatternExposure, { user: user.id })).toBe(0);
  });

  it('refuses, writing nothing: unknown movement, another user\'s session or movement, an invalid stored pattern, bad input', async () => {
    const { user, lifts } = await athlete();
    const { user: stranger, program: strangerProgram } = await athlete();
    const strangerCycle = await db.em.findOneOrFail(Microcycle, { program: strangerProgram.id, sequenceNumber: 1 });
    const strangerSession = makeSession(db.em, strangerCycle);
    const privateMove = makeMovement(db.em, { user: stranger });
    const broken = makeMovement(db.em);
    await db.em.flush();
    await db.em.execute(`update movements set pattern = 'Squat' where id = ?`, [broken.id]);
    const logs = db.em.getRepository(WorkoutLog);
    const counts = async () => [await db.em.count(WorkoutLog), await db.em.count(TopSetLog), await db.em.count(PatternExposure)];
    const before = await counts();
    const attempt = (input: Parameters<typeof logs.logWorkout>[1]) => db.em.transactional((tx) => tx.getRepository(WorkoutLog).logWorkout(user.id, input)).catch((e: unknown) => e);
    const set = (movementId: number) => ({ movementId, weight: 50, reps: 5 });

    expect(await attempt({ date: '2026-01-07', topSets: [set(lifts.squat.id), set(99_999_999)] })).toBeInstanceOf(GainslyNotFoundError);
    expect(await attempt({ date: '2026-01-07', sessionId: strangerSession.id, topSets: [set(lifts.squat.id)] })).toBeInstanceOf(GainslyNotFoundError);
    expect(await attempt({ date: '2026-01-07', topSets: [set(privateMove.id)] })).toBeInstanceOf(GainslyNotFoundError);
    const dataError = await attempt({ date: '2026-01-07', topSets: [set(lifts.squat.id), set(broken.id)] });
    expect(dataError).toBeInstanceOf(GainslyDataError);
    expect((dataError as Error).message).toMatch(/"Squat".*squat, hinge/);
    const invalid = await attempt({ date: '2026-01-07', topSets: [{ movementId: lifts.squat.id, weight: -5, reps: 0 }] });
    expect(invalid).toBeInstanceOf(GainslyValidationError);
    expect((invalid as GainslyValidationError).issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['topSets.0.weight', 'topSets.0.reps']));
    expect(await counts()).toEqual(before);
  });

  it("inside the caller's transaction, a failing statement rolls back to its savepoint and leaves that transaction usable", async () => {
    const { user, lifts } = await athlete();
    // db.em runs inside a transaction (rolled back after the test), so this trigger is temporary.
    await db.em.execute(`create function pg_temp.refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await db.em.execute('create trigger refuse_top_sets before insert on top_set_logs for each row execute function pg_temp.refuse()');
    const logs = db.em.getRepository(WorkoutLog);
    await expect(logs.logWorkout(user.id, { date: '2026-01-06', topSets: [{ movementId: lifts.squat.id, weight: 100, reps: 5 }] })).rejects.toThrow(/refused by test/);
    await db.em.execute('drop trigger refuse_top_sets on top_set_logs');
    const { workoutLog } = await logs.logWorkout(user.id, { date: '2026-01-06', topSets: [{ movementId: lifts.squat.id, weight: 100, reps: 5 }] });
    expect(await db.em.count(WorkoutLog, { user: user.id })).toBe(1);
    expect(await db.em.count(TopSetLog, { workoutLog: workoutLog.id })).toBe(1);
  });

  it('PSI, trends and the deload signal over two microcycles', async () => {
    const { user, lifts } = await athlete();
    const logs = db.em.getRepository(WorkoutLog);
    const log = (date: string, sets: [Movement, number, number][]) =>
      logs.logWorkout(user.id, { date, topSets: sets.map(([m, weight, reps]) => ({ movementId: m.id, weight, reps })) });
    // Microcycle 1 (Jan 5-11) and 2 (Jan 12-18). Epley, no effort data: w * (1 + r/30).
    await log('2026-01-06', [[lifts.squat, 100, 5], [lifts.bench, 80, 5], [lifts.ohp, 60, 5]]); // 116.667, 93.333, 70
    await log('2026-01-08', [[lifts.squat, 105, 5], [lifts.deadlift, 140, 3]]); // 122.5, 154
    await log('2026-01-13', [[lifts.squat, 110, 5], [lifts.bench, 80, 4], [lifts.ohp, 55, 5]]); // 128.333, 90.667, 64.167
    await log('2026-01-15', [[lifts.squat, 112.5, 5]]); // 131.25

    const exposures = db.em.getRepository(PatternExposure);
    const psi = Object.fromEntries((await exposures.psiAll(user.id)).map((r) => [r.pattern, r]));
    expect(Object.keys(psi)).toHaveLength(17);
    expect(psi.squat!.psi).toBeCloseTo(124.6875, 6); // (116.667 + 122.5 + 128.333 + 131.25) / 4
    expect(psi.squat!.exposures).toBe(4);
    expect(psi.horizontal_push!.psi).toBeCloseTo(92, 6);
    expect(psi.hinge).toEqual({ pattern: 'hinge', psi: null, exposures: 1 });
    expect(psi.carry).toEqual({ pattern: 'carry', psi: null, exposures: 0 });
    expect(await exposures.psi(user.id, 'squat', { lastNMicrocycles: 1 })).toBeCloseTo(129.7917, 3);

    // The SQL agrees with the pure implementation on the same rows.
    const rows = await db.em.find(PatternExposure, { user: user.id });
    const pure = patternStrengthIndexAll(rows.map((e) => ({ pattern: e.pattern, date: e.date, e1rmValue: e.e1rmValue, microcycleId: e.microcycle.id })));
    for (const row of Object.values(psi)) {
      if (pure[row.pattern] === null) expect(row.psi).toBeNull();
      else expect(row.psi).toBeCloseTo(pure[row.pattern]!, 9);
    }

    const trends = await exposures.trendAll(user.id);
    expect(trends.squat).toBe('increasing'); // 119.58 -> 129.79
    expect(trends.horizontal_push).toBe('decreasing'); // 93.33 -> 90.67 (-2.9 %)
    expect(trends.vertical_push).toBe('decreasing'); // 70 -> 64.17
    expect(trends.hinge).toBe('insufficient_data');
    expect(await exposures.deloadSignal(user.id)).toEqual({ deload: true, decliningPatterns: ['horizontal_push', 'vertical_push'] });
    expect(await exposures.trend(user.id, 'horizontal_push', { threshold: 0.05 })).toBe('stable');

    const history = await exposures.e1rmHistory(user.id, { pattern: 'squat' });
    expect(history.map((p) => p.date)).toEqual(['2026-01-06', '2026-01-08', '2026-01-13', '2026-01-15']);
    expect(history.at(-1)!.e1rm).toBeCloseTo(131.25, 9);
    const benchHistory = await exposures.e1rmHistory(user.id, { movementId: lifts.bench.id, from: '2026-01-10' });
    expect(benchHistory).toHaveLength(1);
    expect(benchHistory[0]!.e1rm).toBeCloseTo(90.6667, 3);
  });
});

describe('recovery and soreness summaries', () => {
  it('averages recovery readings and groups soreness by body part over a window', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const em = db.em;
    em.create(RecoverySignal, { user, date: '2026-01-01', sleepHours: 9, readiness: 90 }); // outside a 3-day window
    em.create(RecoverySignal, { user, date: '2026-01-05', sleepHours: 6, readiness: 60, hrv: 50, source: 'garmin' });
    em.create(RecoverySignal, { user, date: '2026-01-07', sleepHours: 8, readiness: 80, restingHr: 50 });
    em.create(SorenessLog, { user, date: '2026-01-05', bodyPart: 'quads', soreness15: 4 });
    em.create(SorenessLog, { user, date: '2026-01-07', bodyPart: 'quads', soreness15: 2 });
    em.create(SorenessLog, { user, date: '2026-01-06', bodyPart: 'lower_back', soreness15: 1 });
    await em.flush();
    const recovery = await em.getRepository(RecoverySignal).recentAverages(user.id, { days: 3, until: '2026-01-07' });
    expect(recovery).toEqual({ from: '2026-01-05', to: '2026-01-07', readings: 2, sleepHours: 7, sleepScore: null, readiness: 70, hrv: 50, restingHr: 50 });
    const soreness = await em.getRepository(SorenessLog).byBodyPart(user.id, { days: 3, until: '2026-01-07' });
    expect(soreness).toEqual([
      { bodyPart: 'quads', average: 3, max: 4, entries: 2, latestDate: '2026-01-07', latest: 2 },
      { bodyPart: 'lower_back', average: 1, max: 1, entries: 1, latestDate: '2026-01-06', latest: 1 },
    ]);
  });
});

describe('logWorkout statement count', () => {
  let orm: MikroORM;
  const queries: string[] = [];

  beforeAll(async () => {
    orm = await createGainslyOrm({ url: db.db.url, debug: ['query'], logger: (message: string) => queries.push(message) });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  async function countFor(topSets: number): Promise<number> {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({});
    await em.getRepository(Program).createProgram(user.id, PROGRAM);
    const movement = em.create(Movement, { name: `Count Squat ${topSets}-${Date.now()}`, pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
    await em.flush();
    queries.length = 0;
    await em.getRepository(WorkoutLog).logWorkout(user.id, {
      date: '2026-01-07',
      topSets: Array.from({ length: topSets }, (_, i) => ({ movementId: movement.id, weight: 100 + i, reps: 5 })),
    });
    return queries.length;
  }

  it('is one statement for 1 and for 20 top sets (atomic on its own: no begin/commit either)', async () => {
    const one = await countFor(1);
    const twenty = await countFor(20);
    expect(one).toBe(1);
    expect(twenty).toBe(one);
  });

  it('works on the global EntityManager too: the same one statement, nothing for its identity map', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({});
    const movement = em.create(Movement, { name: `Global Squat ${Date.now()}`, pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
    await em.flush();
    queries.length = 0;
    const { workoutLog, topSets } = await orm.em.getRepository(WorkoutLog).logWorkout(user.id, { date: '2026-01-07', topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
    expect(queries).toHaveLength(1);
    expect(topSets[0]!.workoutLogId).toBe(workoutLog.id);
    expect(await em.count(TopSetLog, { workoutLog: workoutLog.id })).toBe(1);
  });

  it('returns what it wrote as plain data: equal to the rows read back, JSON-ready, nothing left to flush', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({});
    const program = await em.getRepository(Program).createProgram(user.id, PROGRAM);
    const movement = em.create(Movement, { name: `Plain Squat ${Date.now()}`, pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
    await em.flush();
    const logged = await em.getRepository(WorkoutLog).logWorkout(user.id, {
      date: '2026-01-07',
      notes: 'felt strong',
      perceivedDifficulty: 7,
      feedbackTags: ['good_pump'],
      visibility: 'friends',
      topSets: [{ movementId: movement.id, weight: 100, reps: 5, rpe: 8, avgRestSeconds: 180 }, { movementId: movement.id, weight: 90, reps: 8, rir: 2 }],
    });
    // Nothing was put in the identity map, so a flush has nothing to write.
    queries.length = 0;
    await em.flush();
    expect(queries).toEqual([]);
    expect(em.getUnitOfWork().getById(WorkoutLog, logged.workoutLog.id)).toBeUndefined();

    const fresh = orm.em.fork();
    const log = await fresh.findOneOrFail(WorkoutLog, logged.workoutLog.id, { populate: ['topSets'] });
    expect(logged.workoutLog).toEqual({
      id: log.id,
      userId: log.user.id,
      sessionId: null,
      date: log.date,
      completed: log.completed,
      notes: log.notes,
      perceivedDifficulty: log.perceivedDifficulty,
      enjoymentRating: log.enjoymentRating,
      feedbackTags: log.feedbackTags,
      actualDurationMinutes: log.actualDurationMinutes,
      createdAt: log.createdAt,
      visibility: log.visibility,
    });
    expect(logged.workoutLog).toMatchObject({ notes: 'felt strong', feedbackTags: ['good_pump'], visibility: 'friends', date: '2026-01-07' });
    const sets = log.topSets.getItems().sort((a, b) => a.id - b.id);
    // Not a column: 100 x (5 + 2 in reserve) -> 100 * (1 + 7/30); 90 x (8 + 2) -> 90 * (1 + 10/30)
    const adjusted = [expect.closeTo(123.3333, 3), expect.closeTo(120, 9)];
    expect(logged.topSets).toEqual(
      sets.map((t, i) => ({
        id: t.id,
        workoutLogId: log.id,
        movementId: t.movement.id,
        weight: t.weight,
        reps: t.reps,
        rpe: t.rpe,
        rir: t.rir,
        avgRestSeconds: t.avgRestSeconds,
        e1rmValue: t.e1rmValue,
        e1rmAdjusted: adjusted[i],
        e1rmFormula: t.e1rmFormula,
        pattern: t.pattern,
        createdAt: t.createdAt,
      })),
    );
    const week1 = await fresh.findOneOrFail(Microcycle, { program: program.id, sequenceNumber: 1 });
    const exposures = await fresh.find(PatternExposure, { sourceTopSetLog: { $in: sets.map((t) => t.id) } }, { orderBy: { sourceTopSetLog: 'asc' } });
    expect(logged.microcycleId).toBe(week1.id);
    expect(logged.exposures).toEqual(
      exposures.map((e) => ({
        id: e.id,
        userId: user.id,
        microcycleId: week1.id,
        date: e.date,
        pattern: e.pattern,
        e1rmValue: e.e1rmValue,
        sourceTopSetLogId: e.sourceTopSetLog.id,
        createdAt: e.createdAt,
      })),
    );
    expect(JSON.parse(JSON.stringify(logged)).topSets[1]).toMatchObject({ pattern: 'squat', e1rmFormula: 'epley', rir: 2, rpe: null });
  });
});
