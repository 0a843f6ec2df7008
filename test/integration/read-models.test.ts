// The plain read models: MicrocycleRepository.findForDisplay and MovementRepository.searchRows.
// Each is checked against the entity API it shortcuts (same rows, same values), and for its
// statement count on a connection of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import {
  createGainslyOrm,
  forUser,
  GainslyDatabaseError,
  GainslyNotFoundError,
  GainslyValidationError,
  Microcycle,
  Movement,
  PatternExposure,
  Program,
  Session,
  SessionExercise,
  User,
  WorkoutLog,
  type MicrocycleView,
  type MovementRow,
  type MovementSearch,
} from '../../src/index.js';
import { createTestDatabase, useTestOrm, withRawClient } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeSession, makeUser, unique } from '../support/factories.js';

const db = useTestOrm();

/** The view built from the entities, the slow way: what findForDisplay must return. */
async function viewFromEntities(em: EntityManager, id: number): Promise<MicrocycleView> {
  const m = await em.findOneOrFail(Microcycle, { id }, { populate: ['sessions.exercises.movement'] });
  const sessions = m.sessions.getItems().sort((a, b) => a.dayNumber - b.dayNumber || a.id - b.id);
  return {
    id: m.id,
    programId: m.program.id,
    startDate: m.startDate,
    lengthDays: m.lengthDays,
    sequenceNumber: m.sequenceNumber,
    status: m.status,
    isDeload: m.isDeload ?? null,
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      dayNumber: s.dayNumber,
      sessionType: s.sessionType,
      intentTags: s.intentTags ?? null,
      warmupJson: s.warmupJson ?? null,
      mainJson: s.mainJson ?? null,
      accessoryJson: s.accessoryJson ?? null,
      finisherJson: s.finisherJson ?? null,
      cooldownJson: s.cooldownJson ?? null,
      estimatedDurationMinutes: s.estimatedDurationMinutes ?? null,
      warmupDurationMinutes: s.warmupDurationMinutes ?? null,
      mainDurationMinutes: s.mainDurationMinutes ?? null,
      accessoryDurationMinutes: s.accessoryDurationMinutes ?? null,
      finisherDurationMinutes: s.finisherDurationMinutes ?? null,
      cooldownDurationMinutes: s.cooldownDurationMinutes ?? null,
      coachNotes: s.coachNotes ?? null,
      mainCircuitId: s.mainCircuit?.id ?? null,
      finisherCircuitId: s.finisherCircuit?.id ?? null,
      exercises: s.exercises
        .getItems()
        .sort((a, b) => a.orderInSession - b.orderInSession || a.id - b.id)
        .map((e) => ({
          id: e.id,
          role: e.role,
          orderInSession: e.orderInSession,
          supersetGroup: e.supersetGroup ?? null,
          targetSets: e.targetSets,
          targetRepRangeMin: e.targetRepRangeMin ?? null,
          targetRepRangeMax: e.targetRepRangeMax ?? null,
          targetRpe: e.targetRpe ?? null,
          targetRir: e.targetRir ?? null,
          targetDurationSeconds: e.targetDurationSeconds ?? null,
          defaultRestSeconds: e.defaultRestSeconds ?? null,
          isComplexLift: e.isComplexLift ?? null,
          substitutionAllowed: e.substitutionAllowed ?? null,
          notes: e.notes ?? null,
          movement: {
            id: e.movement.id,
            name: e.movement.name,
            pattern: e.movement.pattern,
            primaryMuscle: e.movement.primaryMuscle,
            primaryRegion: e.movement.primaryRegion,
            metricType: e.movement.metricType,
            isUnilateral: e.movement.isUnilateral ?? null,
            equipmentTags: e.movement.equipmentTags ?? null,
            userId: e.movement.user?.id ?? null,
          },
        })),
    })),
  };
}

/** A week with sessions and exercises created out of display order, a session without exercises, JSON sections, nulls. */
async function week(em: EntityManager) {
  const user = makeUser(em);
  const program = makeProgram(em, user);
  const microcycle = makeMicrocycle(em, program, { status: 'active', isDeload: null });
  const squat = makeMovement(em, { equipmentTags: ['barbell', 'rack'], isUnilateral: true });
  const row = makeMovement(em, { pattern: 'horizontal_pull', primaryMuscle: 'lats', primaryRegion: 'posterior upper', equipmentTags: null, user });
  const thursday = makeSession(em, microcycle, { date: '2026-01-08', dayNumber: 4, sessionType: 'upper', coachNotes: 'easy' });
  const monday = makeSession(em, microcycle, {
    date: '2026-01-05',
    dayNumber: 1,
    sessionType: 'full_body',
    intentTags: ['strength'],
    mainJson: [{ movement: 'Back Squat', movement_id: 1, sets: 3, reps: '5' }],
    finisherJson: { type: 'EMOM', duration_minutes: 8, exercises: [{ movement: 'Burpee', sets: 8 }], scoring: 'rounds' },
    estimatedDurationMinutes: 60,
  });
  const wednesday = makeSession(em, microcycle, { date: '2026-01-07', dayNumber: 3, sessionType: 'mobility' });
  em.create(SessionExercise, { session: monday, movement: row, role: 'accessory', orderInSession: 2, targetSets: 3, targetRpe: 7.5, notes: 'slow' });
  em.create(SessionExercise, { session: monday, movement: squat, role: 'main', orderInSession: 1, targetSets: 5, targetRepRangeMin: 3, targetRepRangeMax: 5, supersetGroup: 1 });
  em.create(SessionExercise, { session: thursday, movement: row, role: 'warmup', orderInSession: 1, targetSets: 2, isComplexLift: null });
  await em.flush();
  return { user, program, microcycle, sessions: [monday, wednesday, thursday], squat, row };
}

describe('MicrocycleRepository.findForDisplay', () => {
  it('returns the same tree as the entities, in display order, with semantic values and ISO dates', async () => {
    const w = await week(db.em);
    const view = await db.em.getRepository(Microcycle).findForDisplay(w.microcycle.id, { userId: w.user.id });
    db.em.clear();
    expect(view).toEqual(await viewFromEntities(db.em, w.microcycle.id));
    expect(view.status).toBe('active');
    expect(view.startDate).toBe('2026-01-05');
    expect(view.sessions.map((s) => [s.dayNumber, s.sessionType, s.exercises.length])).toEqual([
      [1, 'full_body', 2],
      [3, 'mobility', 0],
      [4, 'upper', 1],
    ]);
    const [first] = view.sessions;
    expect(first!.exercises.map((e) => [e.orderInSession, e.role, e.movement.name])).toEqual([
      [1, 'main', w.squat.name],
      [2, 'accessory', w.row.name],
    ]);
    expect(first!.exercises[0]!.movement).toMatchObject({ pattern: 'squat', equipmentTags: ['barbell', 'rack'], isUnilateral: true, userId: null });
    expect(first!.exercises[1]!.movement).toMatchObject({ pattern: 'horizontal_pull', equipmentTags: null, userId: w.user.id });
    expect(first!.mainJson).toEqual([{ movement: 'Back Squat', movement_id: 1, sets: 3, reps: '5' }]);
    // One finisher object, unknown keys and all, exactly as stored.
    expect(first!.finisherJson).toEqual({ type: 'EMOM', duration_minutes: 8, exercises: [{ movement: 'Burpee', sets: 8 }], scoring: 'rounds' });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('an empty microcycle has no sessions', async () => {
    const user = makeUser(db.em);
    const microcycle = makeMicrocycle(db.em, makeProgram(db.em, user));
    await db.em.flush();
    const view = await db.em.getRepository(Microcycle).findForDisplay(microcycle.id);
    expect(view).toMatchObject({ id: microcycle.id, status: 'planned', isDeload: false, sessions: [] });
  });

  it("is not found for another user's microcycle, an unknown id, and rejects a bad id", async () => {
    const w = await week(db.em);
    const stranger = makeUser(db.em);
    await db.em.flush();
    const repo = db.em.getRepository(Microcycle);
    await expect(repo.findForDisplay(w.microcycle.id, { userId: stranger.id })).rejects.toThrow(GainslyNotFoundError);
    await expect(repo.findForDisplay(w.microcycle.id, { userId: stranger.id })).rejects.toMatchObject({ table: 'microcycles', key: { id: w.microcycle.id, userId: stranger.id } });
    await expect(repo.findForDisplay(99_999_999)).rejects.toMatchObject({ key: { id: 99_999_999 } });
    await expect(repo.findForDisplay(0)).rejects.toThrow(GainslyValidationError);
    await expect(repo.findForDisplay(w.microcycle.id, { userId: -1 })).rejects.toThrow(GainslyValidationError);
    // Without a user, any microcycle.
    expect((await repo.findForDisplay(w.microcycle.id)).id).toBe(w.microcycle.id);
    // The user scope checks the owner.
    expect(await forUser(db.em, w.user.id).sessions.microcycleView(w.microcycle.id)).toEqual(await repo.findForDisplay(w.microcycle.id));
    await expect(forUser(db.em, stranger.id).sessions.microcycleView(w.microcycle.id)).rejects.toThrow(GainslyNotFoundError);
  });

  it('leaves nothing in the EntityManager', async () => {
    const w = await week(db.em);
    db.em.clear();
    await db.em.getRepository(Microcycle).findForDisplay(w.microcycle.id);
    expect(db.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });
});

/** A MovementRow from an entity: what searchRows must return for it. */
function rowOf(m: Movement): MovementRow {
  return {
    id: m.id,
    name: m.name,
    pattern: m.pattern,
    primaryMuscle: m.primaryMuscle,
    primaryRegion: m.primaryRegion,
    secondaryMuscles: m.secondaryMuscles ?? null,
    cnsLoad: m.cnsLoad,
    skillLevel: m.skillLevel,
    compound: m.compound ?? null,
    isComplexLift: m.isComplexLift ?? null,
    isUnilateral: m.isUnilateral ?? null,
    metricType: m.metricType,
    disciplineTags: m.disciplineTags ?? null,
    equipmentTags: m.equipmentTags ?? null,
    description: m.description ?? null,
    coachingCues: m.coachingCues ?? null,
    substitutionGroup: m.substitutionGroup ?? null,
    userId: m.user?.id ?? null,
    primaryDiscipline: m.primaryDiscipline,
    tags: m.tags ?? null,
  };
}

describe('MovementRepository.searchRows', () => {
  async function catalog(em: EntityManager) {
    const [alice, bob] = [makeUser(em), makeUser(em)];
    const tag = unique('t'); // keeps the test's rows apart from any other movement
    const make = (name: string, data: Partial<Movement>) => makeMovement(em, { name: `${tag} ${name}`, ...data });
    make('Back Squat', { equipmentTags: ['barbell', 'rack'], disciplineTags: ['powerlifting'], coachingCues: ['brace'], secondaryMuscles: ['glutes'], tags: ['strength'] });
    make('Goblet Squat', { equipmentTags: ['kettlebell', 'dumbbell'], substitutionGroup: 'squat_light', description: 'front-loaded' });
    make('100% Squat_Max', { equipmentTags: ['barbell'], cnsLoad: 'high', skillLevel: 'advanced' });
    make('DB Bench Press', { pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper', equipmentTags: ['dumbbell', 'bench'], disciplineTags: ['bodybuilding'] });
    make('Alice Press', { pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper', equipmentTags: ['dumbbell'], user: alice, metricType: 'time' });
    make('Bob Squat', { user: bob, secondaryMuscles: null, equipmentTags: ['barbell'], coachingCues: null, disciplineTags: null, tags: null });
    await em.flush();
    return { alice, bob, tag };
  }

  it('finds what search finds, in the same order, as plain rows equal to the entities', async () => {
    const { alice, bob, tag } = await catalog(db.em);
    const filters: MovementSearch[] = [
      { text: tag },
      { text: tag, pattern: 'squat' },
      { text: tag, pattern: 'horizontal_push', equipmentTag: 'dumbbell' },
      { text: tag, equipmentTag: 'barbell', scope: { userId: bob.id } },
      { text: tag, equipmentTag: 'barbell', scope: { userId: bob.id, only: true } },
      { text: tag, scope: { userId: alice.id } },
      { text: tag, scope: 'system' },
      { text: tag, disciplineTag: 'powerlifting' },
      { text: tag, substitutionGroup: 'squat_light' },
      { text: tag, primaryMuscle: 'chest', primaryRegion: 'anterior upper', scope: { userId: alice.id } },
      { text: `${tag} 100% Squat_` }, // LIKE wildcards match literally
      { text: '%' },
      { text: '_', pattern: 'squat' },
      { text: tag, limit: 2 },
      { text: tag, limit: 2, offset: 1 },
      { text: tag, offset: 3 },
      { text: tag, equipmentTag: 'nothing-has-this' },
      { text: '', pattern: 'horizontal_push', scope: { userId: alice.id } },
    ];
    const repo = db.em.getRepository(Movement);
    for (const filter of filters) {
      db.em.clear();
      const entities = await repo.search(filter);
      const rows = await repo.searchRows(filter);
      expect(rows, JSON.stringify(filter)).toEqual(entities.map(rowOf));
    }
    const [squat] = await repo.searchRows({ text: `${tag} Back Squat` });
    expect(squat).toMatchObject({ equipmentTags: ['barbell', 'rack'], disciplineTags: ['powerlifting'], coachingCues: ['brace'], secondaryMuscles: ['glutes'], tags: ['strength'], userId: null, cnsLoad: 'moderate' });
  });

  it('validates the filter as search does, and adds nothing to the EntityManager', async () => {
    const repo = db.em.getRepository(Movement);
    await expect(repo.searchRows({ pattern: { $ne: '' } as never })).rejects.toThrow(GainslyValidationError);
    await expect(repo.searchRows({ limit: -1 })).rejects.toThrow(GainslyValidationError);
    await expect(repo.searchRows({ scope: { userId: 0 } })).rejects.toThrow(GainslyValidationError);
    await catalog(db.em);
    db.em.clear();
    expect((await repo.searchRows({ pattern: 'squat' })).length).toBeGreaterThan(0);
    expect(db.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });
});

describe('read models: one statement each', () => {
  let orm: MikroORM;
  const queries: string[] = [];

  beforeAll(async () => {
    orm = await createGainslyOrm({ url: db.db.url, debug: ['query'], logger: (message: string) => queries.push(message) });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('findForDisplay sends one statement for a full week; searchRows one per search', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({});
    const program = await em.getRepository(Program).createProgram(user.id, {
      startDate: '2026-01-05',
      durationWeeks: 8,
      daysPerWeek: 5,
      goals: [
        { goal: 'strength', weight: 5 },
        { goal: 'hypertrophy', weight: 3 },
        { goal: 'endurance', weight: 2 },
      ],
      splitTemplate: 'ppl',
      progressionStyle: 'single_progression',
    });
    const microcycle = (await em.getRepository(Microcycle).findByProgram(program.id))[0]!;
    const movement = makeMovement(em);
    for (let day = 1; day <= 5; day++) {
      const session = em.create(Session, { microcycle, date: `2026-01-0${4 + day}`, dayNumber: day, sessionType: 'push' });
      for (let order = 1; order <= 8; order++) em.create(SessionExercise, { session, movement, role: 'main', orderInSession: order, targetSets: 3 });
    }
    await em.flush();
    queries.length = 0;
    const view = await orm.em.fork().getRepository(Microcycle).findForDisplay(microcycle.id, { userId: user.id });
    expect(view.sessions.map((s) => s.exercises.length)).toEqual([8, 8, 8, 8, 8]);
    expect(queries).toHaveLength(1);
    queries.length = 0;
    await orm.em.fork().getRepository(Movement).searchRows({ pattern: 'squat', equipmentTag: 'barbell', text: 'squat', scope: { userId: user.id } });
    expect(queries).toHaveLength(1);
  });

  it('sends values as bound parameters ($1, $2, …), never inside the SQL text: searchRows, findForDisplay, logWorkout, psiAll', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({});
    const movement = makeMovement(em, { pattern: 'squat' });
    await em.flush();
    const microcycle = makeMicrocycle(em, makeProgram(em, user));
    await em.flush();

    // Every statement the library's pool sends goes through pg.Client#query: as (text, values), or
    // as { name, text, values } for a named prepared statement. The pool keeps each client's query
    // function from its first checkout, so the spy goes in before an ORM of its own connects.
    const { sent, restore } = spyOnPgQueries();
    const hostile = "O'Brien'); drop table movements; --";
    let spied: MikroORM | undefined;
    try {
      spied = await createGainslyOrm({ url: db.db.url, pool: { min: 0, max: 1 } });
      await spied.em.fork().execute('select 1');
      sent.length = 0;
      await spied.em.fork().getRepository(Movement).searchRows({ text: hostile, equipmentTag: hostile, scope: { userId: user.id } });
      await spied.em.fork().getRepository(Microcycle).findForDisplay(microcycle.id, { userId: user.id });
      await spied.em.fork().getRepository(WorkoutLog).logWorkout(user.id, { date: '2026-01-06', notes: hostile, topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
      await spied.em.fork().getRepository(PatternExposure).psiAll(user.id, { lastNMicrocycles: 3 });
    } finally {
      restore();
      await spied?.close(true);
    }
    expect(sent).toHaveLength(4);
    for (const { text } of sent) {
      expect(text).not.toContain("O'Brien");
      expect(text).not.toContain('drop table');
      expect(text).toMatch(/\$1\b/);
    }
    expect(sent[0]!.values).toEqual(expect.arrayContaining([`%${hostile}%`, hostile, user.id]));
    expect(sent[1]!.values).toEqual([microcycle.id, user.id]);
    expect(sent[2]!.values).toEqual(expect.arrayContaining([user.id, hostile, '2026-01-06']));
    expect(sent[3]!.values).toEqual([user.id, user.id, 3, user.id]);
    expect(await orm.em.fork().count(Movement, {})).toBeGreaterThan(0);
  });

  it('prepares its frequent statements once per connection (named), and not at all with preparedStatements: false or the URL parameter', async () => {
    const em = orm.em.fork();
    const movement = makeMovement(em, { pattern: 'squat' });
    await em.flush();

    /** Logs two workouts and reads PSI twice on a one-connection ORM; returns what was sent and what the server holds prepared. */
    const run = async (options: { preparedStatements?: boolean; url?: string }) => {
      const user = await orm.em.fork().getRepository(User).createUser({});
      const { sent, restore } = spyOnPgQueries();
      const spied = await createGainslyOrm({ url: options.url ?? db.db.url, pool: { min: 0, max: 1 }, ...('preparedStatements' in options ? { preparedStatements: options.preparedStatements } : {}) });
      try {
        await spied.em.fork().execute('select 1');
        sent.length = 0;
        for (const date of ['2026-03-02', '2026-03-04']) {
          await spied.em.fork().getRepository(WorkoutLog).logWorkout(user.id, { date, topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
          await spied.em.fork().getRepository(PatternExposure).psiAll(user.id, { lastNMicrocycles: 3 });
        }
        const prepared = await spied.em.fork().execute<{ name: string; statement: string }[]>('select name, statement from pg_prepared_statements');
        return { sent: sent.slice(0, 4), prepared };
      } finally {
        restore();
        await spied.close(true);
      }
    };

    const on = await run({});
    expect(on.sent.map((s) => s.name)).toEqual([expect.stringMatching(/^gainsly_/), expect.stringMatching(/^gainsly_/), on.sent[0]!.name, on.sent[1]!.name]);
    expect(on.sent[0]!.name).not.toBe(on.sent[1]!.name);
    // The server holds each once, under the name the client used, with the text sent.
    expect(on.prepared.map((p) => p.name).sort()).toEqual([on.sent[0]!.name, on.sent[1]!.name].sort());
    expect(on.prepared.find((p) => p.name === on.sent[0]!.name)!.statement).toBe(on.sent[0]!.text);

    for (const off of [{ preparedStatements: false }, { url: `${db.db.url}${db.db.url.includes('?') ? '&' : '?'}gainsly_prepared_statements=false` }]) {
      const result = await run(off);
      expect(result.sent.map((s) => s.name)).toEqual([undefined, undefined, undefined, undefined]);
      expect(result.sent.map((s) => s.text)).toEqual(on.sent.map((s) => s.text));
      expect(result.prepared).toEqual([]);
    }
  });

  it("a prepared statement whose result type changed under it (a column altered) is run again on a fresh connection outside a transaction, and is a typed error inside one", async () => {
    const own = await createTestDatabase();
    const altered = await createGainslyOrm({ url: own.url, pool: { min: 0, max: 1 } });
    try {
      const em = altered.em.fork();
      makeMovement(em, { name: 'Prepared Squat', pattern: 'squat' });
      await em.flush();
      const search = (em: EntityManager) => em.getRepository(Movement).searchRows({ text: 'Prepared' });
      expect((await search(altered.em.fork())).map((m) => m.name)).toEqual(['Prepared Squat']);
      // movements.name is varchar(200): as text, the prepared statement's result row type changes.
      await withRawClient(own.url, (c) => c.query('alter table movements alter column name type text'));
      expect((await search(altered.em.fork())).map((m) => m.name)).toEqual(['Prepared Squat']);

      await withRawClient(own.url, (c) => c.query('alter table movements alter column name type varchar(200)'));
      const inTx = await altered.em
        .fork()
        .transactional((tx) => search(tx))
        .catch((e: unknown) => e);
      expect(inTx).toBeInstanceOf(GainslyDatabaseError);
      expect((inTx as GainslyDatabaseError).sqlState).toBe('0A000');
      // That connection was given up: the next call prepares afresh.
      expect((await search(altered.em.fork())).map((m) => m.name)).toEqual(['Prepared Squat']);
    } finally {
      await altered.close(true);
      await own.drop();
    }
  });

  it('refuses a preparedStatements option that is not a boolean, naming the option', async () => {
    await expect(createGainslyOrm({ url: db.db.url, preparedStatements: 'no' as unknown as boolean })).rejects.toThrow(
      expect.objectContaining({ name: 'GainslyConfigError', message: expect.stringContaining('preparedStatements must be true or false') }),
    );
  });
});

/**
 * Records every statement pg's clients send from now on, as text, values and the prepared
 * statement's name (when sent as one); `restore` puts pg back.
 */
function spyOnPgQueries(): { sent: { text: string; values: unknown[]; name: string | undefined }[]; restore: () => void } {
  const sent: { text: string; values: unknown[]; name: string | undefined }[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function spy(this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [], name: undefined });
    else if (first && typeof first === 'object' && typeof (first as { text?: unknown }).text === 'string') {
      const config = first as { text: string; values?: unknown[]; name?: string };
      sent.push({ text: config.text, values: config.values ?? [], name: config.name });
    }
    return original.apply(this, args);
  };
  return { sent, restore: () => void (proto.query = original) };
}
