import { describe, expect, it } from 'vitest';
import {
  ConversationThread,
  ConversationTurn,
  forUser,
  forViewer,
  GainslyNotFoundError,
  Movement,
  Program,
  Session,
  SessionExercise,
  SorenessLog,
  RecoverySignal,
  User,
  UserEnjoyableActivity,
  UserMovementRule,
  WorkoutLog,
  type UserScope,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { FULL_BODY_PROGRAM as PROGRAM, makeMovement, unique } from '../support/factories.js';

const db = useTestOrm();


/** A user with one of everything, created through their own scope. */
async function populatedUser() {
  const user = await db.em.getRepository(User).createUser({ email: `${unique('u')}@example.com` });
  const me = forUser(db.em, user.id);
  const system = makeMovement(db.em);
  await db.em.flush();
  const own = await me.movements.create({ name: unique('Own Lift'), pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' });
  const program = await me.programs.create(PROGRAM);
  const microcycle = (await me.programs.microcycles(program.id))[0]!;
  const session = await me.sessions.writePlan({ microcycleId: microcycle.id, date: '2026-01-05', dayNumber: 1, sessionType: 'full_body', sections: { main: [{ movementId: system.id, sets: 3 }, { movementId: own.id, sets: 2 }] } });
  const { workoutLog } = await me.workouts.log({ date: '2026-01-05', sessionId: session.id, topSets: [{ movementId: own.id, weight: 100, reps: 5 }] });
  const rule = await me.movementRules.create({ movementId: own.id, ruleType: 'preferred' });
  const activity = await me.enjoyableActivities.create({ activityType: 'hiking' });
  const soreness = await me.soreness.create({ date: '2026-01-06', bodyPart: 'glutes', soreness: 3, inferredCauseSessionId: session.id });
  const recovery = await me.recovery.create({ date: '2026-01-06', source: 'apple', sleepHours: 7 });
  const thread = await me.conversations.create({ contextType: 'daily_adaptation', contextSessionId: session.id });
  await me.conversations.appendTurn(thread.id, { role: 'user', content: 'hello' });
  return { user, me, system, own, program, microcycle, session, workoutLog, rule, activity, soreness, recovery, thread };
}

async function rowCounts() {
  const entities = [Program, Session, SessionExercise, WorkoutLog, Movement, UserMovementRule, UserEnjoyableActivity, SorenessLog, RecoverySignal, ConversationThread, ConversationTurn] as const;
  const counts: Record<string, number> = {};
  for (const entity of entities) counts[entity.name] = await db.em.count(entity as never);
  const [thread] = await db.em.execute<{ plans: number }[]>('select count(*)::int as plans from conversation_threads where final_plan_accepted');
  counts.acceptedPlans = thread!.plans;
  return counts;
}

describe('forUser: a user-scoped view of the repositories', () => {
  it("every read and write aimed at another user's rows is refused as not found, and nothing changes", async () => {
    const a = await populatedUser();
    const b = await populatedUser();
    const me: UserScope = a.me;
    const before = await rowCounts();
    const attempts: [string, () => Promise<unknown>][] = [
      ['programs.get', () => me.programs.get(b.program.id)],
      ['programs.microcycles', () => me.programs.microcycles(b.program.id)],
      ['sessions.microcycle', () => me.sessions.microcycle(b.microcycle.id)],
      ['sessions.microcycleView', () => me.sessions.microcycleView(b.microcycle.id)],
      ['sessions.get', () => me.sessions.get(b.session.id)],
      ['sessions.writePlan (their microcycle)', () => me.sessions.writePlan({ microcycleId: b.microcycle.id, date: '2026-01-07', dayNumber: 3, sessionType: 'upper', sections: {} })],
      ['sessions.writePlan (their session)', () => me.sessions.writePlan({ microcycleId: a.microcycle.id, date: '2026-01-07', dayNumber: 3, sessionType: 'upper', sections: {} }, b.session.id)],
      ['sessions.writePlan (their movement)', () => me.sessions.writePlan({ microcycleId: a.microcycle.id, date: '2026-01-07', dayNumber: 3, sessionType: 'upper', sections: { main: [{ movementId: b.own.id, sets: 1 }] } })],
      ['workouts.get', () => me.workouts.get(b.workoutLog.id)],
      ['workouts.log (their session)', () => me.workouts.log({ date: '2026-01-07', sessionId: b.session.id, topSets: [] })],
      ['workouts.log (their movement)', () => me.workouts.log({ date: '2026-01-07', topSets: [{ movementId: b.own.id, weight: 1, reps: 1 }] })],
      ['movementRules.create (their movement)', () => me.movementRules.create({ movementId: b.own.id, ruleType: 'hard_no' })],
      ['movementRules.delete', () => me.movementRules.delete(b.rule.id)],
      ['enjoyableActivities.delete', () => me.enjoyableActivities.delete(b.activity.id)],
      ['soreness.create (their session)', () => me.soreness.create({ date: '2026-01-07', bodyPart: 'quads', soreness: 2, inferredCauseSessionId: b.session.id })],
      ['recovery.create (their session)', () => me.recovery.create({ date: '2026-01-07', sessionId: b.session.id })],
      ['conversations.get', () => me.conversations.get(b.thread.id)],
      ['conversations.create (their session)', () => me.conversations.create({ contextType: 'x', contextSessionId: b.session.id })],
      ['conversations.appendTurn', () => me.conversations.appendTurn(b.thread.id, { role: 'user', content: 'hi' })],
      ['conversations.acceptPlan', () => me.conversations.acceptPlan(b.thread.id, { plan: { x: 1 } })],
      ['movements.get (their movement)', () => me.movements.get(b.own.id)],
      ['movements.update (their movement)', () => me.movements.update(b.own.id, { description: 'mine now' })],
      ['movements.update (a system movement)', () => me.movements.update(b.system.id, { description: 'mine now' })],
      ['movements.delete (their movement)', () => me.movements.delete(b.own.id)],
    ];
    for (const [name, attempt] of attempts) {
      const error = await db.em.transactional(() => attempt()).then(() => 'no error', (e: unknown) => e);
      expect(error, name).toBeInstanceOf(GainslyNotFoundError);
      db.em.clear();
    }
    expect(await rowCounts()).toEqual(before);
    const bMovement = await db.em.findOneOrFail(Movement, { id: b.own.id });
    expect(bMovement.description ?? null).toBeNull();
  });

  it('lists contain only the scoped user\'s rows', async () => {
    const a = await populatedUser();
    const b = await populatedUser();
    const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
    expect(ids((await a.me.programs.list()).items)).toEqual([a.program.id]);
    expect(ids((await a.me.workouts.list()).items)).toEqual([a.workoutLog.id]);
    expect(ids((await a.me.movementRules.list()).items)).toEqual([a.rule.id]);
    expect(ids((await a.me.enjoyableActivities.list()).items)).toEqual([a.activity.id]);
    expect(ids((await a.me.soreness.list()).items)).toEqual([a.soreness.id]);
    expect(ids((await a.me.recovery.list()).items)).toEqual([a.recovery.id]);
    expect(ids((await a.me.conversations.list()).items)).toEqual([a.thread.id]);
    expect(ids((await a.me.workouts.topSets()).items)).toHaveLength(1);
    const catalog = ids((await a.me.movements.search()).items);
    expect(catalog).toContain(a.own.id);
    expect(catalog).toContain(b.system.id);
    expect(catalog).not.toContain(b.own.id);
    expect(ids((await a.me.movements.search({ ownOnly: true })).items)).toEqual([a.own.id]);
    expect(ids((await a.me.movements.searchRows()).items)).toEqual(catalog);
    expect(ids((await a.me.movements.searchRows({ ownOnly: true })).items)).toEqual([a.own.id]);
    expect(ids((await forViewer(db.em, a.user.id).movementRows()).items)).toEqual(catalog);
    expect((await a.me.strength.exposures()).items.every((e) => e.userId === a.user.id)).toBe(true);
  });

  it('the scoped microcycle view loads sessions, exercises and movements together', async () => {
    const a = await populatedUser();
    db.em.clear();
    const microcycle = await a.me.sessions.microcycle(a.microcycle.id);
    const [session] = microcycle.sessions;
    expect(session!.exercises.map((e) => [e.role, e.orderInSession, e.targetSets, e.movement.name])).toEqual([
      ['main', 1, 3, a.system.name],
      ['main', 2, 2, a.own.name],
    ]);
    const view = await a.me.sessions.microcycleView(a.microcycle.id);
    expect(view.sessions.map((s) => s.id)).toEqual([session!.id]);
    expect(view.sessions[0]!.exercises.map((e) => [e.role, e.orderInSession, e.targetSets, e.movement.name])).toEqual([
      ['main', 1, 3, a.system.name],
      ['main', 2, 2, a.own.name],
    ]);
  });
});

describe('visibility of programs and workouts', () => {
  it('owner sees all; a friend sees friends + public; a stranger sees public; system movements for all, own movements for the owner', async () => {
    const owner = await db.em.getRepository(User).createUser({});
    const friend = await db.em.getRepository(User).createUser({});
    const stranger = await db.em.getRepository(User).createUser({});
    const programs = db.em.getRepository(Program);
    const byVisibility: Record<string, number> = {};
    for (const visibility of ['private', 'friends', 'public'] as const) {
      byVisibility[visibility] = (await programs.createProgram(owner.id, { ...PROGRAM, visibility, isTemplate: true })).id;
    }
    const logs: Record<string, number> = {};
    for (const visibility of ['private', 'friends', 'public'] as const) {
      logs[visibility] = (await db.em.getRepository(WorkoutLog).logWorkout(owner.id, { date: '2026-01-05', visibility, topSets: [] })).workoutLog.id;
    }
    const areFriends = (a: number, b: number) => [a, b].sort().join() === [owner.id, friend.id].sort().join();
    const expected = {
      [owner.id]: ['private', 'friends', 'public'],
      [friend.id]: ['friends', 'public'],
      [stranger.id]: ['public'],
    };
    for (const [viewerId, visible] of Object.entries(expected)) {
      const viewer = forViewer(db.em, Number(viewerId), { areFriends });
      expect((await viewer.programsOf(owner.id)).items.map((p) => p.visibility).sort()).toEqual([...visible].sort());
      expect((await viewer.workoutLogsOf(owner.id)).items.map((l) => l.visibility).sort()).toEqual([...visible].sort());
      for (const level of ['private', 'friends', 'public'] as const) {
        const program = await viewer.program(byVisibility[level]!).then((p) => p.id, (e: unknown) => e);
        const log = await viewer.workoutLog(logs[level]!).then((l) => l.id, (e: unknown) => e);
        if (visible.includes(level)) {
          expect(program).toBe(byVisibility[level]);
          expect(log).toBe(logs[level]);
        } else {
          expect(program).toBeInstanceOf(GainslyNotFoundError);
          expect(log).toBeInstanceOf(GainslyNotFoundError);
        }
      }
    }
    // Without a resolver nobody is a friend.
    expect((await forViewer(db.em, friend.id).programsOf(owner.id)).items.map((p) => p.visibility)).toEqual(['public']);

    const system = makeMovement(db.em);
    const own = makeMovement(db.em, { user: owner });
    await db.em.flush();
    const ownerCatalog = (await forViewer(db.em, owner.id).movements()).items.map((m) => m.id);
    const strangerCatalog = (await forViewer(db.em, stranger.id).movements()).items.map((m) => m.id);
    expect(ownerCatalog).toEqual(expect.arrayContaining([system.id, own.id]));
    expect(strangerCatalog).toContain(system.id);
    expect(strangerCatalog).not.toContain(own.id);
  });
});

describe('sessions keep JSON sections and session_exercises in step', () => {
  it('writePlan writes both from one plan; findOutOfSync reports drift on either side', async () => {
    const a = await populatedUser();
    const sessions = db.em.getRepository(Session);
    expect(await sessions.findOutOfSync({ userId: a.user.id })).toEqual([]);
    const reloaded = await db.em.findOneOrFail(Session, { id: a.session.id });
    expect(reloaded.mainJson).toEqual([
      { movement_id: a.system.id, movement: a.system.name, sets: 3 },
      { movement_id: a.own.id, movement: a.own.name, sets: 2 },
    ]);

    // Upstream's generator writes names, not ids: matched by name, still in sync.
    await db.em.execute(`update sessions set main_json = ?::json where id = ?`, [JSON.stringify([{ movement: a.system.name, sets: 3 }, { movement: a.own.name, sets: 2 }]), a.session.id]);
    expect(await sessions.findOutOfSync({ sessionIds: [a.session.id] })).toEqual([]);

    // Someone edits the JSON only: a changed movement, a changed set count and an extra entry.
    await db.em.execute(`update sessions set main_json = ?::json where id = ?`, [
      JSON.stringify([{ movement_id: a.own.id, sets: 3 }, { movement_id: a.own.id, sets: 4 }, { movement: 'Nonexistent Move', sets: 1 }]),
      a.session.id,
    ]);
    expect(await sessions.findOutOfSync({ userId: a.user.id })).toEqual([
      {
        sessionId: a.session.id,
        problems: [
          { section: 'main', position: 1, json: { movementId: a.own.id, sets: 3 }, table: { movementId: a.system.id, sets: 3 } },
          { section: 'main', position: 2, json: { movementId: a.own.id, sets: 4 }, table: { movementId: a.own.id, sets: 2 } },
          { section: 'main', position: 3, json: { movementId: null, sets: 1 }, table: null },
        ],
      },
    ]);

    // Rewriting the plan brings both sides back in step.
    await a.me.sessions.writePlan({ microcycleId: a.microcycle.id, date: '2026-01-05', dayNumber: 1, sessionType: 'full_body', sections: { warmup: [{ movementId: a.system.id, sets: 1 }] } }, a.session.id);
    expect(await sessions.findOutOfSync({ userId: a.user.id })).toEqual([]);
    expect(await db.em.count(SessionExercise, { session: a.session.id })).toBe(1);
  });
});
