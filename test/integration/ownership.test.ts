// The one definition of ownership (src/modules/ownership.ts, issue #25) against the database: for
// every table a user owns, the MikroORM filter (ownedBy) and the SQL condition (ownedSql) select the
// same rows, the user's and nobody else's, and the SQL runs as written. And the repository write
// methods the user scope delegates to, called directly: another user's rows are not found, bad
// input is refused before any SQL.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  forUser,
  GainslyNotFoundError,
  GainslyValidationError,
  Movement,
  MovementRelationship,
  RecoverySignal,
  SorenessLog,
  User,
  UserEnjoyableActivity,
  UserMovementRule,
} from '../../src/index.js';
import { ENTITIES } from '../../src/modules/entities.js';
import { OWNERSHIP, ownedBy, ownedSql, tableOfEntity, visibleMovementFilter, visibleMovementSql } from '../../src/modules/ownership.js';
import { executeBound } from '../../src/orm/bound-query.js';
import { useTestOrm } from '../support/database.js';
import { FULL_BODY_PROGRAM as PROGRAM, makeMovement, unique } from '../support/factories.js';

const db = useTestOrm();

/** A user with rows in every table a user owns, written through their own scope. */
async function populatedUser() {
  const user = await db.em.getRepository(User).createUser({ email: `${unique('u')}@example.com` });
  const me = forUser(db.em, user.id);
  const system = makeMovement(db.em);
  await db.em.flush();
  const own = await me.movements.create({ name: unique('Own Lift'), pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' });
  db.em.create(MovementRelationship, { sourceMovement: own, targetMovement: system, relationshipType: 'progression' });
  await db.em.flush();
  const program = await me.programs.create(PROGRAM);
  const microcycle = (await me.programs.microcycles(program.id))[0]!;
  const session = await me.sessions.writePlan({ microcycleId: microcycle.id, date: '2026-01-05', dayNumber: 1, sessionType: 'full_body', sections: { main: [{ movementId: system.id, sets: 3 }, { movementId: own.id, sets: 2 }] } });
  await me.workouts.log({ date: '2026-01-05', sessionId: session.id, topSets: [{ movementId: own.id, weight: 100, reps: 5 }] });
  await me.movementRules.create({ movementId: own.id, ruleType: 'preferred' });
  await me.enjoyableActivities.create({ activityType: 'hiking' });
  await me.soreness.create({ date: '2026-01-06', bodyPart: 'glutes', soreness: 3, inferredCauseSessionId: session.id });
  await me.recovery.create({ date: '2026-01-06', source: 'apple', sleepHours: 7 });
  const thread = await me.conversations.create({ contextType: 'daily_adaptation', contextSessionId: session.id });
  await me.conversations.appendTurn(thread.id, { role: 'user', content: 'hello' });
  db.em.clear();
  return { user, system, own, session };
}

describe('ownership against the database', () => {
  it('for every owned table, ownedBy and ownedSql select the same rows: the user\'s, some, and no other user\'s', async () => {
    const a = await populatedUser();
    const b = await populatedUser();
    for (const entity of ENTITIES) {
      const table = tableOfEntity(entity);
      if (OWNERSHIP[table].kind === 'catalog') continue;
      const idsOf = async (userId: number) => {
        const byFilter = (await db.em.find(entity as never, ownedBy(entity as never, userId) as never, { orderBy: { id: 'asc' } } as never)).map((r) => (r as { id: number }).id);
        const bySql = (await executeBound<{ id: number }>(db.em, sql`select t.id from ${sql.table(table)} t where ${ownedSql(table, sql.ref('t'), userId)} order by t.id`)).map((r) => r.id);
        expect(bySql, table).toEqual(byFilter);
        return byFilter;
      };
      const mine = await idsOf(a.user.id);
      const theirs = await idsOf(b.user.id);
      expect(mine.length, table).toBeGreaterThan(0);
      expect(mine.filter((id) => theirs.includes(id)), table).toEqual([]);
    }
  });

  it('the movements a user may use: system movements and their own, not another user\'s', async () => {
    const a = await populatedUser();
    const b = await populatedUser();
    const byFilter = (await db.em.find(Movement, visibleMovementFilter(a.user.id), { orderBy: { id: 'asc' } })).map((m) => m.id);
    const bySql = (await executeBound<{ id: number }>(db.em, sql`select m.id from movements m where ${visibleMovementSql(sql.ref('m'), a.user.id)} order by m.id`)).map((r) => r.id);
    expect(bySql).toEqual(byFilter);
    expect(byFilter).toEqual(expect.arrayContaining([a.own.id, a.system.id, b.system.id]));
    expect(byFilter).not.toContain(b.own.id);
  });
});

describe('the repository write methods, called directly', () => {
  it('refuse another user\'s session, movement, rule and activity as not found', async () => {
    const a = await populatedUser();
    const b = await populatedUser();
    const em = db.em;
    await expect(em.getRepository(SorenessLog).recordSoreness(a.user.id, { date: '2026-01-07', bodyPart: 'quads', soreness: 2, inferredCauseSessionId: b.session.id })).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(RecoverySignal).recordReading(a.user.id, { date: '2026-01-07', sessionId: b.session.id })).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(UserMovementRule).createRule(a.user.id, { movementId: b.own.id, ruleType: 'hard_no' })).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(Movement).updateOwn(a.user.id, b.own.id, { description: 'x' })).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(Movement).deleteOwn(a.user.id, a.system.id)).rejects.toThrow(GainslyNotFoundError);
    const [theirRule] = await em.getRepository(UserMovementRule).findByUser(b.user.id);
    await expect(em.getRepository(UserMovementRule).deleteRule(a.user.id, theirRule!.id)).rejects.toThrow(GainslyNotFoundError);
    const [theirActivity] = await em.getRepository(UserEnjoyableActivity).findByUser(b.user.id);
    await expect(em.getRepository(UserEnjoyableActivity).deleteActivity(a.user.id, theirActivity!.id)).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(User).updateProfile(999_999_999, { name: 'Nobody' })).rejects.toThrow(GainslyNotFoundError);
    await expect(em.getRepository(SorenessLog).recordSoreness(999_999_999, { date: '2026-01-07', bodyPart: 'quads', soreness: 2 })).rejects.toThrow(GainslyNotFoundError);
  });

  it('write the user\'s rows and refuse bad input and bad ids with GainslyValidationError', async () => {
    const a = await populatedUser();
    const em = db.em;
    const entry = await em.getRepository(SorenessLog).recordSoreness(a.user.id, { date: '2026-01-07', bodyPart: 'quads', soreness: 2, inferredCauseSessionId: a.session.id });
    expect(entry.id).toBeGreaterThan(0);
    const reading = await em.getRepository(RecoverySignal).recordReading(a.user.id, { date: '2026-01-07', readiness: 70 });
    expect(reading.readiness).toBe(70);
    const rule = await em.getRepository(UserMovementRule).createRule(a.user.id, { movementId: a.system.id, ruleType: 'hard_no' });
    await em.getRepository(UserMovementRule).deleteRule(a.user.id, rule.id);
    const activity = await em.getRepository(UserEnjoyableActivity).createActivity(a.user.id, { activityType: 'yoga' });
    await em.getRepository(UserEnjoyableActivity).deleteActivity(a.user.id, activity.id);
    const own = await em.getRepository(Movement).createOwn(a.user.id, { name: unique('Carry'), pattern: 'carry', primaryMuscle: 'core', primaryRegion: 'full body' });
    expect((await em.getRepository(Movement).updateOwn(a.user.id, own.id, { description: 'heavy' })).description).toBe('heavy');
    await em.getRepository(Movement).deleteOwn(a.user.id, own.id);
    expect((await em.getRepository(User).updateProfile(a.user.id, { name: 'Ada', settings: { useMetric: false } })).settings?.useMetric).toBe(false);

    await expect(em.getRepository(SorenessLog).recordSoreness(a.user.id, { date: '2026-01-07', bodyPart: 'quads', soreness: 6 })).rejects.toThrow(GainslyValidationError);
    await expect(em.getRepository(SorenessLog).recordSoreness(0, { date: '2026-01-07', bodyPart: 'quads', soreness: 2 })).rejects.toThrow(GainslyValidationError);
    await expect(em.getRepository(Movement).deleteOwn(a.user.id, -1)).rejects.toThrow(GainslyValidationError);
    await expect(em.getRepository(UserMovementRule).deleteRule(a.user.id, 1.5)).rejects.toThrow(GainslyValidationError);
  });
});
