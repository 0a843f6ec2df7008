// "Nothing was written", checked from a separate connection after the call returns, outside any
// test transaction: the ORM here works on a cloned database with autocommit (no per-test
// rollback), so whatever a failed workflow left behind would be visible to snapshotTables, which
// reads every table (row count + content digest) over a fresh pg connection of its own.
//
// Two kinds of failure per workflow: bad input (validation or a missing/foreign row, before any
// write), and a failure AFTER a first write inside the workflow (a trigger planted on the table of
// its second statement raises, as a constraint would): the first write must be rolled back too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  forUser,
  GainslyError,
  GainslyNotFoundError,
  GainslyValidationError,
  HeuristicConfig,
  Movement,
  Program,
  Session,
  User,
  WorkoutLog,
  ConversationThread,
} from '../../src/index.js';
import { importMovements, importCircuits, importHeuristicConfigs } from '../../src/admin/index.js';
import { eraseUserData, exportUserData, importUserData } from '../../src/index.js';
import { useClonedDatabase } from '../support/database.js';
import { PROGRAM, unique } from '../support/factories.js';
import { failWritesTo, snapshotTables } from '../support/separate-connection.js';

const db = useClonedDatabase();
let orm: MikroORM;

type CommittedUser = Awaited<ReturnType<typeof makeCommittedUser>>;
let shared: CommittedUser;

beforeAll(async () => {
  orm = (await createGainslyOrm({ url: db.url })) as MikroORM;
  shared = await makeCommittedUser();
});

/**
 * The user every case works on, made once: each case must leave every table as it was, which the
 * case itself checks, so the next one starts from the same state.
 */
async function committedUser(): Promise<CommittedUser> {
  return shared;
}
afterAll(async () => {
  await orm?.close(true);
});

/** A committed user with a program (week 1 active), a session with one exercise, a workout, a thread. */
async function makeCommittedUser() {
  const em = orm.em.fork();
  const user = await em.getRepository(User).createUser({ email: `${unique('nw')}@example.com` });
  const me = forUser(em, user.id);
  const movement = await me.movements.create({ name: unique('NW Lift'), pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' });
  const program = await me.programs.create(PROGRAM);
  const [week1] = await me.programs.microcycles(program.id);
  const session = await me.sessions.writePlan({ microcycleId: week1!.id, date: '2026-01-06', dayNumber: 1, sessionType: 'lower', sections: { main: [{ movementId: movement.id, sets: 3 }] } });
  await me.workouts.log({ date: '2026-01-06', sessionId: session.id, topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
  const thread = await me.conversations.create({ contextType: 'daily_adaptation' });
  await me.conversations.appendTurn(thread.id, { role: 'user', content: 'first' });
  const rule = await me.movementRules.create({ movementId: movement.id, ruleType: 'preferred' });
  const activity = await me.enjoyableActivities.create({ activityType: 'yoga' });
  const heuristic = unique('nw-heuristic');
  await em.execute(`insert into heuristic_configs (name, version, json_blob, active) values (?, 1, '{}', true), (?, 2, '{}', false)`, [heuristic, heuristic]);
  return {
    activityId: activity.id,
    heuristic, userId: user.id, movementId: movement.id, programId: program.id, microcycleId: week1!.id, sessionId: session.id, threadId: thread.id, ruleId: rule.id };
}

/** Runs `call` on a fresh EntityManager (no transaction of the test's), expects it to fail, then checks every table from a new connection. */
async function expectNothingWritten(call: (em: ReturnType<MikroORM['em']['fork']>) => Promise<unknown>, errorClass: new (...args: never[]) => Error = GainslyError) {
  const before = await snapshotTables(db.url);
  const em = orm.em.fork();
  const outcome = await call(em).then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(errorClass);
  expect(em.isInTransaction()).toBe(false);
  expect(await snapshotTables(db.url)).toEqual(before);
}

describe('bad input: the call rejects and no table changed, seen from another connection', () => {
  const cases: [string, (em: ReturnType<MikroORM['em']['fork']>, u: CommittedUser) => Promise<unknown>, new (...args: never[]) => Error][] = [
    ['UserRepository.createUser (bad email)', (em) => em.getRepository(User).createUser({ email: 'not-an-email', name: 'x' }), GainslyValidationError],
    ['UserRepository.createUser (settings with an unknown formula)', (em) => em.getRepository(User).createUser({ name: 'x', settings: { activeE1rmFormula: 'wendler' as never } }), GainslyValidationError],
    ['programs.create (goals summing to 9)', (em, u) => forUser(em, u.userId).programs.create({ ...PROGRAM, goals: [{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'endurance', weight: 1 }] }), GainslyValidationError],
    ['programs.create (for a user that does not exist)', (em) => forUser(em, 2_000_000_000).programs.create(PROGRAM), GainslyNotFoundError],
    ['programs.advance (another id)', (em, u) => forUser(em, u.userId).programs.advance(u.programId + 100_000), GainslyNotFoundError],
    ['workouts.log (second top set invalid)', (em, u) => forUser(em, u.userId).workouts.log({ date: '2026-01-07', topSets: [{ movementId: u.movementId, weight: 100, reps: 5 }, { movementId: u.movementId, weight: 100, reps: 0 }] }), GainslyValidationError],
    ['workouts.log (a movement that does not exist)', (em, u) => forUser(em, u.userId).workouts.log({ date: '2026-01-07', topSets: [{ movementId: u.movementId, weight: 100, reps: 5 }, { movementId: 2_000_000_000, weight: 1, reps: 1 }] }), GainslyNotFoundError],
    ['workouts.log (a session that does not exist)', (em, u) => forUser(em, u.userId).workouts.log({ date: '2026-01-07', sessionId: 2_000_000_000, topSets: [{ movementId: u.movementId, weight: 100, reps: 5 }] }), GainslyNotFoundError],
    ['sessions.writePlan (rep range upside down)', (em, u) => forUser(em, u.userId).sessions.writePlan({ microcycleId: u.microcycleId, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: { main: [{ movementId: u.movementId, sets: 3, repRangeMin: 8, repRangeMax: 5 }] } }), GainslyValidationError],
    ['sessions.writePlan (rewrite with a movement that does not exist)', (em, u) => forUser(em, u.userId).sessions.writePlan({ microcycleId: u.microcycleId, date: '2026-01-06', dayNumber: 1, sessionType: 'lower', sections: { main: [{ movementId: u.movementId, sets: 1 }, { movementId: 2_000_000_000, sets: 1 }] } }, u.sessionId), GainslyNotFoundError],
    ['conversations.appendTurn (empty content)', (em, u) => forUser(em, u.userId).conversations.appendTurn(u.threadId, { role: 'user', content: '' }), GainslyValidationError],
    ['conversations.appendTurn (unknown role)', (em, u) => forUser(em, u.userId).conversations.appendTurn(u.threadId, { role: 'coach' as never, content: 'hi' }), GainslyValidationError],
    ['conversations.acceptPlan (plan not an object)', (em, u) => forUser(em, u.userId).conversations.acceptPlan(u.threadId, { plan: [1, 2] as never }), GainslyValidationError],
    ['conversations.create (a session that does not exist)', (em, u) => forUser(em, u.userId).conversations.create({ contextType: 'x', contextSessionId: 2_000_000_000 }), GainslyNotFoundError],
    ['profile.update (one good field, one bad)', (em, u) => forUser(em, u.userId).profile.update({ name: 'Renamed', personaAggression: 9 as never }), GainslyValidationError],
    ['profile.update (bad settings)', (em, u) => forUser(em, u.userId).profile.update({ name: 'Renamed', settings: { useMetric: 'no' as never } }), GainslyValidationError],
    ['movementRules.create (a movement that does not exist)', (em, u) => forUser(em, u.userId).movementRules.create({ movementId: 2_000_000_000, ruleType: 'hard_no' }), GainslyNotFoundError],
    ['movementRules.delete (not found)', (em, u) => forUser(em, u.userId).movementRules.delete(u.ruleId + 100_000), GainslyNotFoundError],
    ['enjoyableActivities.create (recommendEveryDays 0)', (em, u) => forUser(em, u.userId).enjoyableActivities.create({ activityType: 'yoga', recommendEveryDays: 0 }), GainslyValidationError],
    ['soreness.create (soreness 6)', (em, u) => forUser(em, u.userId).soreness.create({ date: '2026-01-07', bodyPart: 'quads', soreness: 6 }), GainslyValidationError],
    ['soreness.create (cause session that does not exist)', (em, u) => forUser(em, u.userId).soreness.create({ date: '2026-01-07', bodyPart: 'quads', soreness: 2, inferredCauseSessionId: 2_000_000_000 }), GainslyNotFoundError],
    ['recovery.create (restingHr 19)', (em, u) => forUser(em, u.userId).recovery.create({ date: '2026-01-07', restingHr: 19 }), GainslyValidationError],
    ['recovery.create (session that does not exist)', (em, u) => forUser(em, u.userId).recovery.create({ date: '2026-01-07', sessionId: 2_000_000_000 }), GainslyNotFoundError],
    ['movements.create (padded enum value)', (em, u) => forUser(em, u.userId).movements.create({ name: unique('Bad'), pattern: ' squat ' as never, primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' }), GainslyValidationError],
    ['movements.update (one good field, one bad)', (em, u) => forUser(em, u.userId).movements.update(u.movementId, { description: 'changed', cnsLoad: 'extreme' as never }), GainslyValidationError],
    ['enjoyableActivities.delete (not found)', (em, u) => forUser(em, u.userId).enjoyableActivities.delete(u.activityId + 100_000), GainslyNotFoundError],
    ['movements.delete (a movement its top sets reference)', (em, u) => forUser(em, u.userId).movements.delete(u.movementId), GainslyError],
    ['account.erase (an unknown option)', (em, u) => forUser(em, u.userId).account.erase({ dryrun: true } as never), GainslyValidationError],
    ['HeuristicConfigRepository.activate (a version that does not exist: every version deactivated first, then not found)', (em, u) => em.getRepository(HeuristicConfig).activate(u.heuristic, 3), GainslyNotFoundError],
    ['importMovements (second record invalid)', (em) => importMovements(em, [{ name: unique('Imp OK'), pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower' }, { name: unique('Imp Bad'), pattern: 'not-a-pattern' }]), GainslyValidationError],
    ['importCircuits (second record without a name)', (em) => importCircuits(em, [{ name: unique('C OK'), circuit_type: 'amrap' }, { circuit_type: 'amrap', default_rounds: 'many' }]), GainslyValidationError],
    ['importHeuristicConfigs (second record invalid)', (em) => importHeuristicConfigs(em, [{ name: unique('h'), version: 1, json_blob: {} }, { name: unique('h'), version: 0, json_blob: {} }]), GainslyValidationError],
  ];
  for (const [name, call, errorClass] of cases) {
    it(name, async () => {
      const u = await committedUser();
      await expectNothingWritten((em) => call(em, u), errorClass);
    });
  }

  it('importUserData (a document with a row that breaks a constraint): no user, no row', async () => {
    const u = await committedUser();
    const doc = await exportUserData(orm, u.userId);
    const programs = (doc.tables as Record<string, Record<string, unknown>[]>).programs!;
    programs[0]!.goal_weight_1 = 9; // goals no longer sum to 10
    await expectNothingWritten(() => importUserData(orm, doc));
  });
});

describe('a failure after the first write inside the workflow: the first write is gone too', () => {
  const planted: [string, string, 'insert' | 'update' | 'delete', (u: CommittedUser) => Promise<unknown>][] = [
    ['createUser: users row written, user_settings insert fails', 'user_settings', 'insert', () => orm.em.fork().getRepository(User).createUser({ email: `${unique('x')}@example.com`, settings: { useMetric: false } })],
    ['createProgram: program written and the previous one deactivated, microcycles insert fails', 'microcycles', 'insert', (u) => forUser(orm.em.fork(), u.userId).programs.create({ ...PROGRAM, startDate: '2026-03-02' })],
    ['logWorkout: workout log and top sets written, pattern_exposures insert fails', 'pattern_exposures', 'insert', (u) => forUser(orm.em.fork(), u.userId).workouts.log({ date: '2026-01-07', topSets: [{ movementId: u.movementId, weight: 110, reps: 3 }] })],
    ['writePlan (new session): session written, session_exercises insert fails', 'session_exercises', 'insert', (u) => forUser(orm.em.fork(), u.userId).sessions.writePlan({ microcycleId: u.microcycleId, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: { main: [{ movementId: u.movementId, sets: 4 }] } })],
    ['writePlan (rewrite): session updated and old exercises removed, new exercises insert fails', 'session_exercises', 'insert', (u) => forUser(orm.em.fork(), u.userId).sessions.writePlan({ microcycleId: u.microcycleId, date: '2026-01-06', dayNumber: 1, sessionType: 'lower', coachNotes: 'rewritten', sections: { warmup: [{ movementId: u.movementId, sets: 1 }] } }, u.sessionId)],
    ['appendTurn: turn written, the thread update fails', 'conversation_threads', 'update', (u) => forUser(orm.em.fork(), u.userId).conversations.appendTurn(u.threadId, { role: 'assistant', content: 'second' })],
    ['advance: week 1 completed, activating week 2 fails', 'microcycles', 'update', (u) => forUser(orm.em.fork(), u.userId).programs.advance(u.programId)],
    ['eraseUserData: children deleted, deleting the users row fails', 'users', 'delete', (u) => eraseUserData(orm, u.userId)],
    ['importUserData: user row written, a later table fails', 'pattern_exposures', 'insert', async (u) => importUserData(orm, await exportUserData(orm, u.userId))],
    ['importMovements: first batch written, second batch fails', 'movements', 'insert', () => importMovements(orm, [{ name: 'NW batch one', pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower' }, { name: 'NW batch two', pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower' }], { batchSize: 1 })],
  ];
  for (const [name, table, event, call] of planted) {
    it(name, async () => {
      const u = await committedUser();
      // Only the movement import's second row is refused; every other trigger refuses any row.
      const when = name.startsWith('importMovements') ? `NEW.name = 'NW batch two'` : event === 'update' && table === 'microcycles' ? `NEW.status = 'ACTIVE'` : undefined;
      const remove = await failWritesTo(db.url, table, event, when);
      try {
        await expectNothingWritten(() => call(u));
      } finally {
        await remove();
      }
    });
  }

  it('the planted failure really comes after a first write (the workflow reaches the second statement)', async () => {
    // Without the trigger the same calls succeed and change the tables: the cases above are not vacuous.
    const u = await committedUser();
    const before = await snapshotTables(db.url);
    await forUser(orm.em.fork(), u.userId).conversations.appendTurn(u.threadId, { role: 'assistant', content: 'second' });
    const after = await snapshotTables(db.url);
    expect(after.conversation_turns!.rows).toBe(before.conversation_turns!.rows + 1);
    expect(after.conversation_threads!.digest).not.toBe(before.conversation_threads!.digest);
  });
});

// Referenced so a rename is a compile error here too.
void [Movement, Program, Session, WorkoutLog, ConversationThread];
