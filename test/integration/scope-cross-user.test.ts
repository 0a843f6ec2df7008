// Every forUser(...) method and every forViewer(...) method, called with a SECOND user's rows
// present: user B has one of everything, with values that would change A's results if they leaked
// in (B's e1RMs rise where A's fall, B's soreness and sleep differ, B's session is out of sync).
// Reads must return A's rows only and A's own numbers; writes aimed at B's ids are not found; and
// after every case B's rows are byte-for-byte what they were.
//
// The scope's methods are listed by reflection: a method added to UserScope or ViewerScope without a
// case here fails the completeness tests at the bottom.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import {
  forUser,
  forViewer,
  GainslyNotFoundError,
  User,
  ViewerScope,
  type UserScope,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { FULL_BODY_PROGRAM as PROGRAM, makeMovement, unique } from '../support/factories.js';

const db = useTestOrm();

const WEEK_DAYS = ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'];

/** One of everything for a user. `e1rm` gives the hinge and squat weights of the four weekly workouts. */
async function populated(em: EntityManager, label: string, values: { hinge: number[]; squat: number[]; soreness: number; sleepHours: number; visibility: 'private' | 'public' }) {
  const user = await em.getRepository(User).createUser({ name: label, email: `${unique(label)}@example.com` });
  const me = forUser(em, user.id);
  const system = makeMovement(em, { name: unique(`${label} system squat`), pattern: 'squat' });
  await em.flush();
  const own = await me.movements.create({ name: unique(`${label} Own Hinge`), pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower', description: `${label} original` });
  const program = await me.programs.create({ ...PROGRAM, visibility: values.visibility });
  const microcycle = (await me.programs.microcycles(program.id))[0]!;
  const session = await me.sessions.writePlan({ microcycleId: microcycle.id, date: WEEK_DAYS[0]!, dayNumber: 1, sessionType: 'full_body', sections: { main: [{ movementId: system.id, sets: 3 }, { movementId: own.id, sets: 2 }] } });
  const logs: number[] = [];
  for (const [week, date] of WEEK_DAYS.entries()) {
    const { workoutLog } = await me.workouts.log({
      date,
      visibility: values.visibility,
      topSets: [
        { movementId: own.id, weight: values.hinge[week]!, reps: 1 },
        { movementId: system.id, weight: values.squat[week]!, reps: 1 },
      ],
    });
    logs.push(workoutLog.id);
  }
  const rule = await me.movementRules.create({ movementId: own.id, ruleType: 'preferred' });
  const activity = await me.enjoyableActivities.create({ activityType: 'hiking' });
  const soreness = await me.soreness.create({ date: '2026-01-07', bodyPart: 'glutes', soreness: values.soreness, inferredCauseSessionId: session.id });
  const recovery = await me.recovery.create({ date: '2026-01-07', source: 'apple', sleepHours: values.sleepHours });
  const thread = await me.conversations.create({ contextType: 'daily_adaptation', contextSessionId: session.id });
  await me.conversations.appendTurn(thread.id, { role: 'user', content: `${label} hello` });
  em.clear();
  const data = { id: user.id, email: user.email!, system, own, program, microcycle, session, logs, rule, activity, soreness, recovery, thread };
  // The scope of the CURRENT test's EntityManager (each test runs in its own rolled-back transaction).
  return Object.defineProperty(data, 'me', { get: () => forUser(db.em, data.id), enumerable: true }) as typeof data & { readonly me: UserScope };
}

type Populated = Awaited<ReturnType<typeof populated>>;

/**
 * A's values fall week by week, B's rise: mixing them changes every mean and every trend. Made once
 * for the file and committed on its clone; every test runs in a transaction that is rolled back, so
 * each starts from these two users exactly.
 */
let users: { a: Populated; b: Populated } | undefined;
beforeAll(async () => {
  const em = db.orm.em.fork();
  const a = await populated(em, 'alice', { hinge: [200, 190, 180, 170], squat: [150, 140, 130, 120], soreness: 2, sleepHours: 6, visibility: 'private' });
  const b = await populated(em, 'bob', { hinge: [100, 150, 200, 250], squat: [90, 130, 170, 210], soreness: 5, sleepHours: 9, visibility: 'public' });
  // B's session drifts out of sync; A's stays in step.
  await em.execute(`update sessions set main_json = ?::json where id = ?`, [JSON.stringify([{ movement: 'Drifted', sets: 9 }]), b.session.id]);
  users = { a, b };
});

async function twoUsers() {
  return users!;
}

/** Every row of B's data, over SQL in the test's transaction: a digest per table. */
async function rowsOf(userId: number): Promise<Record<string, string | null>> {
  const queries: Record<string, string> = {
    users: 'select t.* from users t where t.id = $1',
    user_settings: 'select t.* from user_settings t where t.user_id = $1',
    programs: 'select t.* from programs t where t.user_id = $1',
    microcycles: 'select t.* from microcycles t join programs p on p.id = t.program_id where p.user_id = $1',
    sessions: 'select t.* from sessions t join microcycles m on m.id = t.microcycle_id join programs p on p.id = m.program_id where p.user_id = $1',
    session_exercises: 'select t.* from session_exercises t join sessions s on s.id = t.session_id join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id where p.user_id = $1',
    workout_logs: 'select t.* from workout_logs t where t.user_id = $1',
    top_set_logs: 'select t.* from top_set_logs t join workout_logs w on w.id = t.workout_log_id where w.user_id = $1',
    pattern_exposures: 'select t.* from pattern_exposures t where t.user_id = $1',
    soreness_logs: 'select t.* from soreness_logs t where t.user_id = $1',
    recovery_signals: 'select t.* from recovery_signals t where t.user_id = $1',
    conversation_threads: 'select t.* from conversation_threads t where t.user_id = $1',
    conversation_turns: 'select t.* from conversation_turns t join conversation_threads c on c.id = t.thread_id where c.user_id = $1',
    user_movement_rules: 'select t.* from user_movement_rules t where t.user_id = $1',
    user_enjoyable_activities: 'select t.* from user_enjoyable_activities t where t.user_id = $1',
    movements: 'select t.* from movements t where t.user_id = $1',
  };
  const out: Record<string, string | null> = {};
  for (const [table, query] of Object.entries(queries)) {
    const [row] = await db.em.execute<{ n: number; digest: string | null }[]>(
      `select count(*)::int as n, md5(string_agg(x::text, E'\\n' order by x::text)) as digest from (${query.replace('$1', '?')}) x`,
      [userId],
    );
    out[table] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

async function notFound(call: () => Promise<unknown>): Promise<void> {
  const outcome = await db.em.transactional(() => call()).then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(GainslyNotFoundError);
  db.em.clear();
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y);

/** One case per scope method: `a`'s scope called with `b`'s rows present. */
const USER_CASES: Record<string, (a: Populated, b: Populated) => Promise<void>> = {
  'profile.get': async (a) => {
    const me = await a.me.profile.get();
    expect([me.id, me.email]).toEqual([a.id, a.email]);
  },
  'profile.update': async (a, b) => {
    const updated = await a.me.profile.update({ name: 'alice renamed', settings: { useMetric: false } });
    expect(updated.id).toBe(a.id);
    const [bUser] = await db.em.execute<{ name: string }[]>('select name from users where id = ?', [b.id]);
    expect(bUser!.name).toBe('bob');
  },
  'movementRules.list': async (a) => expect(ids((await a.me.movementRules.list()).items)).toEqual([a.rule.id]),
  'movementRules.create': async (a, b) => {
    await notFound(() => a.me.movementRules.create({ movementId: b.own.id, ruleType: 'hard_no' }));
    const rule = await a.me.movementRules.create({ movementId: a.own.id, ruleType: 'hard_no' });
    expect(rule.userId).toBe(a.id);
  },
  'movementRules.delete': async (a, b) => notFound(() => a.me.movementRules.delete(b.rule.id)),
  'enjoyableActivities.list': async (a) => expect(ids((await a.me.enjoyableActivities.list()).items)).toEqual([a.activity.id]),
  'enjoyableActivities.create': async (a) => expect((await a.me.enjoyableActivities.create({ activityType: 'yoga' })).userId).toBe(a.id),
  'enjoyableActivities.delete': async (a, b) => notFound(() => a.me.enjoyableActivities.delete(b.activity.id)),
  'programs.list': async (a) => expect(ids((await a.me.programs.list()).items)).toEqual([a.program.id]),
  'programs.get': async (a, b) => {
    expect((await a.me.programs.get(a.program.id)).id).toBe(a.program.id);
    await notFound(() => a.me.programs.get(b.program.id));
  },
  'programs.active': async (a) => expect((await a.me.programs.active())?.id).toBe(a.program.id),
  'programs.create': async (a, b) => {
    // Creating A's program deactivates A's previous one, never B's.
    const created = await a.me.programs.create({ ...PROGRAM, startDate: '2026-03-02' });
    const rows = await db.em.execute<{ id: number; is_active: boolean }[]>('select id, is_active from programs where id in (?, ?, ?)', [a.program.id, b.program.id, created.id]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.is_active]))).toEqual({ [a.program.id]: false, [b.program.id]: true, [created.id]: true });
  },
  'programs.microcycles': async (a, b) => {
    expect((await a.me.programs.microcycles(a.program.id)).every((m) => m.programId === a.program.id)).toBe(true);
    await notFound(() => a.me.programs.microcycles(b.program.id));
  },
  'programs.activeMicrocycle': async (a, b) => {
    expect((await a.me.programs.activeMicrocycle(a.program.id))?.id).toBe(a.microcycle.id);
    await notFound(() => a.me.programs.activeMicrocycle(b.program.id));
  },
  // A's and B's week 1 cover the same dates: A gets A's.
  'programs.microcycleOn': async (a) => expect((await a.me.programs.microcycleOn('2026-01-06'))?.id).toBe(a.microcycle.id),
  'programs.advance': async (a, b) => {
    await notFound(() => a.me.programs.advance(b.program.id));
    const advanced = await a.me.programs.advance(a.program.id);
    expect(advanced.completed.map((m) => m.id)).toEqual([a.microcycle.id]);
  },
  'sessions.microcycle': async (a, b) => {
    expect((await a.me.sessions.microcycle(a.microcycle.id)).id).toBe(a.microcycle.id);
    await notFound(() => a.me.sessions.microcycle(b.microcycle.id));
  },
  'sessions.microcycleView': async (a, b) => {
    expect((await a.me.sessions.microcycleView(a.microcycle.id)).sessions.map((s) => s.id)).toEqual([a.session.id]);
    await notFound(() => a.me.sessions.microcycleView(b.microcycle.id));
  },
  'sessions.get': async (a, b) => {
    expect((await a.me.sessions.get(a.session.id)).id).toBe(a.session.id);
    await notFound(() => a.me.sessions.get(b.session.id));
  },
  'sessions.readPlan': async (a, b) => {
    expect((await a.me.sessions.readPlan(a.session.id)).microcycleId).toBe(a.microcycle.id);
    await notFound(() => a.me.sessions.readPlan(b.session.id));
  },
  'sessions.writePlan': async (a, b) => {
    await notFound(() => a.me.sessions.writePlan({ microcycleId: b.microcycle.id, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: {} }));
    await notFound(() => a.me.sessions.writePlan({ microcycleId: a.microcycle.id, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: {} }, b.session.id));
    await notFound(() => a.me.sessions.writePlan({ microcycleId: a.microcycle.id, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: { main: [{ movementId: b.own.id, sets: 1 }] } }));
  },
  'sessions.outOfSync': async (a) => expect(await a.me.sessions.outOfSync()).toEqual([]),
  'workouts.list': async (a) => expect(ids((await a.me.workouts.list()).items)).toEqual([...a.logs].sort((x, y) => x - y)),
  'workouts.get': async (a, b) => {
    expect((await a.me.workouts.get(a.logs[0]!)).id).toBe(a.logs[0]);
    await notFound(() => a.me.workouts.get(b.logs[0]!));
  },
  'workouts.log': async (a, b) => {
    await notFound(() => a.me.workouts.log({ date: '2026-01-08', sessionId: b.session.id, topSets: [] }));
    await notFound(() => a.me.workouts.log({ date: '2026-01-08', topSets: [{ movementId: b.own.id, weight: 1, reps: 1 }] }));
    // Filed under A's week 1, not B's week over the same dates.
    expect((await a.me.workouts.log({ date: '2026-01-08', topSets: [] })).microcycleId).toBe(a.microcycle.id);
  },
  'workouts.topSets': async (a) => {
    const sets = await a.me.workouts.topSets();
    expect(sets.items.map((s) => s.weight).sort((x, y) => x - y)).toEqual([120, 130, 140, 150, 170, 180, 190, 200]);
    expect((await a.me.workouts.topSets({ pattern: 'hinge' })).items.map((s) => s.weight).sort((x, y) => x - y)).toEqual([170, 180, 190, 200]);
  },
  'strength.exposures': async (a) => expect((await a.me.strength.exposures()).items.map((e) => e.e1rmValue).sort((x, y) => x - y)).toEqual([120, 130, 140, 150, 170, 180, 190, 200]),
  'strength.psiAll': async (a) => {
    const byPattern = Object.fromEntries((await a.me.strength.psiAll()).map((r) => [r.pattern, r]));
    expect(byPattern.hinge).toEqual({ pattern: 'hinge', psi: 185, exposures: 4 });
    expect(byPattern.squat).toEqual({ pattern: 'squat', psi: 135, exposures: 4 });
  },
  'strength.psi': async (a) => expect(await a.me.strength.psi('hinge')).toBe(185),
  'strength.trendAll': async (a) => {
    const trends = await a.me.strength.trendAll();
    expect([trends.hinge, trends.squat, trends.lunge]).toEqual(['decreasing', 'decreasing', 'insufficient_data']);
  },
  'strength.trend': async (a) => expect(await a.me.strength.trend('squat')).toBe('decreasing'),
  'strength.deloadSignal': async (a) => expect(await a.me.strength.deloadSignal()).toEqual({ deload: true, decliningPatterns: ['squat', 'hinge'] }),
  'strength.e1rmHistory': async (a) =>
    expect((await a.me.strength.e1rmHistory({ pattern: 'hinge' })).map((p) => [p.date, p.e1rm]).sort()).toEqual([
      ['2026-01-06', 200],
      ['2026-01-13', 190],
      ['2026-01-20', 180],
      ['2026-01-27', 170],
    ]),
  'soreness.list': async (a) => expect(ids((await a.me.soreness.list()).items)).toEqual([a.soreness.id]),
  'soreness.create': async (a, b) => {
    await notFound(() => a.me.soreness.create({ date: '2026-01-08', bodyPart: 'quads', soreness: 2, inferredCauseSessionId: b.session.id }));
    expect((await a.me.soreness.create({ date: '2026-01-08', bodyPart: 'quads', soreness: 2 })).userId).toBe(a.id);
  },
  'soreness.byBodyPart': async (a) =>
    expect(await a.me.soreness.byBodyPart({ days: 7, until: '2026-01-10' })).toEqual([{ bodyPart: 'glutes', average: 2, max: 2, entries: 1, latestDate: '2026-01-07', latest: 2 }]),
  'recovery.list': async (a) => expect(ids((await a.me.recovery.list()).items)).toEqual([a.recovery.id]),
  'recovery.create': async (a, b) => {
    await notFound(() => a.me.recovery.create({ date: '2026-01-08', sessionId: b.session.id }));
    expect((await a.me.recovery.create({ date: '2026-01-08' })).userId).toBe(a.id);
  },
  'recovery.averages': async (a) => expect(await a.me.recovery.averages({ days: 7, until: '2026-01-10' })).toMatchObject({ readings: 1, sleepHours: 6 }),
  'conversations.list': async (a) => expect(ids((await a.me.conversations.list()).items)).toEqual([a.thread.id]),
  'conversations.get': async (a, b) => {
    expect((await a.me.conversations.get(a.thread.id)).id).toBe(a.thread.id);
    await notFound(() => a.me.conversations.get(b.thread.id));
  },
  'conversations.create': async (a, b) => {
    await notFound(() => a.me.conversations.create({ contextType: 'x', contextSessionId: b.session.id }));
    expect((await a.me.conversations.create({ contextType: 'x' })).userId).toBe(a.id);
  },
  'conversations.appendTurn': async (a, b) => {
    await notFound(() => a.me.conversations.appendTurn(b.thread.id, { role: 'user', content: 'hi' }));
    expect((await a.me.conversations.appendTurn(a.thread.id, { role: 'user', content: 'again' })).turnNumber).toBe(2);
  },
  'conversations.acceptPlan': async (a, b) => notFound(() => a.me.conversations.acceptPlan(b.thread.id, { plan: { x: 1 } })),
  'movements.search': async (a, b) => {
    const found = ids((await a.me.movements.search()).items);
    expect(found).toEqual(expect.arrayContaining([a.own.id, a.system.id, b.system.id]));
    expect(found).not.toContain(b.own.id);
    expect(ids((await a.me.movements.search({ ownOnly: true })).items)).toEqual([a.own.id]);
  },
  'movements.searchRows': async (a, b) => {
    const found = ids((await a.me.movements.searchRows({ pattern: 'hinge' })).items);
    expect(found).toContain(a.own.id);
    expect(found).not.toContain(b.own.id);
  },
  'movements.get': async (a, b) => {
    expect((await a.me.movements.get(b.system.id)).id).toBe(b.system.id); // system movements are everyone's
    await notFound(() => a.me.movements.get(b.own.id));
  },
  'movements.create': async (a) => expect((await a.me.movements.create({ name: unique('alice new'), pattern: 'lunge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' })).userId).toBe(a.id),
  'movements.update': async (a, b) => {
    await notFound(() => a.me.movements.update(b.own.id, { description: 'taken over' }));
    await notFound(() => a.me.movements.update(b.system.id, { description: 'taken over' }));
  },
  'movements.delete': async (a, b) => {
    await notFound(() => a.me.movements.delete(b.own.id));
    await notFound(() => a.me.movements.delete(b.system.id));
  },
  'account.export': async (a, b) => {
    const doc = await a.me.account.export();
    const text = JSON.stringify(doc);
    expect(text).toContain(a.email);
    expect(text).not.toContain(b.email);
    expect(text).not.toContain('bob hello');
    const tables = doc.tables as Record<string, { user_id?: number; id: number }[]>;
    expect(tables.workout_logs!.map((r) => r.id).sort((x, y) => x - y)).toEqual([...a.logs].sort((x, y) => x - y));
  },
  'account.writeExport': async (a, b) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    await a.me.account.writeExport(sink);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain(a.email);
    expect(text).not.toContain(b.email);
  },
  'account.erase': async (a, b) => {
    await a.me.account.erase();
    expect(await db.em.execute('select id from users where id = ?', [a.id])).toEqual([]);
    // B's system movement was used in A's plan and logs; it and everything of B's stay (checked below).
    expect(await db.em.execute('select id from movements where id = ?', [b.system.id])).toHaveLength(1);
  },
};

describe('forUser(A) with user B\'s rows present: A sees and changes only A\'s rows', () => {
  for (const [name, run] of Object.entries(USER_CASES)) {
    it(name, async () => {
      const { a, b } = await twoUsers();
      const before = await rowsOf(b.id);
      await run(a, b);
      db.em.clear();
      expect(await rowsOf(b.id)).toEqual(before);
    });
  }
});

/** forViewer cases: B (public rows) and A (private rows) viewed by a third user, and by each other. */
const VIEWER_CASES: Record<string, (a: Populated, b: Populated, viewerId: number) => Promise<void>> = {
  visibleLevels: async (a, _b, viewerId) => {
    expect(await forViewer(db.em, viewerId).visibleLevels(a.id)).toEqual(['public']);
    expect(await forViewer(db.em, a.id).visibleLevels(a.id)).toEqual(['private', 'friends', 'public']);
  },
  programsOf: async (a, b, viewerId) => {
    const viewer = forViewer(db.em, viewerId);
    expect(ids((await viewer.programsOf(a.id)).items)).toEqual([]);
    expect(ids((await viewer.programsOf(b.id)).items)).toEqual([b.program.id]);
    expect(ids((await forViewer(db.em, a.id).programsOf(a.id)).items)).toEqual([a.program.id]);
  },
  workoutLogsOf: async (a, b, viewerId) => {
    const viewer = forViewer(db.em, viewerId);
    expect(await viewer.workoutLogsOf(a.id)).toEqual({ items: [], nextCursor: null });
    expect(ids((await viewer.workoutLogsOf(b.id, { from: '2026-01-13', to: '2026-01-20' })).items)).toEqual([b.logs[1]!, b.logs[2]!].sort((x, y) => x - y));
  },
  program: async (a, b, viewerId) => {
    const viewer = forViewer(db.em, viewerId);
    expect((await viewer.program(b.program.id)).id).toBe(b.program.id);
    await notFound(() => viewer.program(a.program.id));
    await notFound(() => forViewer(db.em, b.id).program(a.program.id));
  },
  workoutLog: async (a, b, viewerId) => {
    const viewer = forViewer(db.em, viewerId);
    expect((await viewer.workoutLog(b.logs[0]!)).id).toBe(b.logs[0]);
    await notFound(() => viewer.workoutLog(a.logs[0]!));
  },
  movements: async (a, b, viewerId) => {
    const found = ids((await forViewer(db.em, viewerId).movements()).items);
    expect(found).toEqual(expect.arrayContaining([a.system.id, b.system.id]));
    expect(found).not.toContain(a.own.id);
    expect(found).not.toContain(b.own.id);
    expect(ids((await forViewer(db.em, a.id).movements({ pattern: 'hinge' })).items)).toContain(a.own.id);
    expect(ids((await forViewer(db.em, a.id).movements({ pattern: 'hinge' })).items)).not.toContain(b.own.id);
  },
  movementRows: async (a, b, viewerId) => {
    const found = ids((await forViewer(db.em, viewerId).movementRows()).items);
    expect(found).not.toContain(a.own.id);
    expect(found).not.toContain(b.own.id);
    expect(ids((await forViewer(db.em, b.id).movementRows({ pattern: 'hinge' })).items)).toContain(b.own.id);
    expect(ids((await forViewer(db.em, b.id).movementRows({ pattern: 'hinge' })).items)).not.toContain(a.own.id);
  },
};

describe('forViewer with two owners\' rows present: private rows never shown, nothing changed', () => {
  for (const [name, run] of Object.entries(VIEWER_CASES)) {
    it(name, async () => {
      const { a, b } = await twoUsers();
      const viewer = await db.em.getRepository(User).createUser({ name: 'viewer' });
      const before = [await rowsOf(a.id), await rowsOf(b.id)];
      await run(a, b, viewer.id);
      db.em.clear();
      expect([await rowsOf(a.id), await rowsOf(b.id)]).toEqual(before);
    });
  }
});

describe('completeness: every scope method has a cross-user case', () => {
  it('UserScope: each namespace function is in USER_CASES', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const scope: UserScope = forUser(db.em, user.id);
    // The namespaces are getters on the prototype (each made on first read).
    const methods = Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(scope) as object))
      .filter(([, descriptor]) => descriptor.get !== undefined)
      .map(([ns]) => [ns, (scope as unknown as Record<string, unknown>)[ns]] as const)
      .filter(([, value]) => typeof value === 'object' && value !== null)
      .flatMap(([ns, value]) => Object.entries(value as object).filter(([, fn]) => typeof fn === 'function').map(([method]) => `${ns}.${method}`));
    expect(methods.length).toBeGreaterThan(40);
    expect(methods.filter((m) => !(m in USER_CASES))).toEqual([]);
    expect(Object.keys(USER_CASES).filter((m) => !methods.includes(m))).toEqual([]);
  });

  it('UserScope builds each namespace on first read and keeps it: one object, read-only, listed once made', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const scope = forUser(db.em, user.id);
    // A scope made for one call builds only what the call reads (docs/performance.md, "The rows reads").
    expect(Object.keys(scope)).not.toContain('programs');
    const programs = scope.programs;
    expect(scope.programs).toBe(programs);
    expect(Object.keys(scope)).toContain('programs');
    expect(Object.keys(scope)).not.toContain('workouts');
    expect(() => {
      (scope as unknown as { programs: unknown }).programs = {};
    }).toThrow(TypeError);
    expect(scope.programs).toBe(programs);
    // Another scope gets its own namespace, bound to its own user.
    const other = forUser(db.em, user.id);
    expect(other.programs).not.toBe(programs);
    expect((await other.programs.list()).items).toEqual([]);
  });

  it('ViewerScope: each public method is in VIEWER_CASES', () => {
    // TypeScript-private helpers are visible at run time; they are not part of the API and have no
    // case: their names are read from the source's `private` declarations.
    const source = readFileSync(new URL('../../src/modules/scope/viewer-scope.ts', import.meta.url), 'utf8');
    const internal = new Set(['constructor', ...[...source.matchAll(/\bprivate\s+(?:async\s+)?(?:readonly\s+)?(\w+)/g)].map((m) => m[1]!)]);
    expect(internal).toContain('mayRead');
    const methods = Object.getOwnPropertyNames(ViewerScope.prototype).filter((name) => !internal.has(name) && typeof (ViewerScope.prototype as unknown as Record<string, unknown>)[name] === 'function');
    expect(methods.filter((m) => !(m in VIEWER_CASES))).toEqual([]);
    expect(Object.keys(VIEWER_CASES).filter((m) => !methods.includes(m))).toEqual([]);
  });
});
