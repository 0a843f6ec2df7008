// Reads decode stored values strictly. Rows the library cannot interpret are written with raw SQL,
// as the upstream app or a careless script could, and read through every read path: entities (the
// ORM's type layer), the plain-row read models (searchRows, findForDisplay, the microcycle rows),
// the strength queries and the scopes. Each must raise a GainslyDataError naming the table, the row
// id, the column and the value; never hand the value out, never an input error. A stranger gets
// "not found" for a private row whatever it holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  forUser,
  forViewer,
  GainslyDataError,
  GainslyNotFoundError,
  InvalidEnumValueError,
  Microcycle,
  Movement,
  MovementRelationship,
  PatternExposure,
  RecoverySignal,
  Session,
  SessionExercise,
  TopSetLog,
  User,
} from '../../src/index.js';
import { ENUMS } from '../../src/enums/index.js';
import { createTestDatabase, useTestOrm, withRawClient, type TestDatabase } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeSession, makeUser, makeWorkoutLog } from '../support/factories.js';
import { openOrm } from '../support/template.js';

/** The rejection of `promise`, which must be a GainslyDataError naming table, row, column and value. */
async function dataError(promise: Promise<unknown>, expected: { table: string; rowId: number; column: string; value: unknown }): Promise<GainslyDataError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'a GainslyDataError').toBeInstanceOf(GainslyDataError);
  expect(error).not.toBeInstanceOf(InvalidEnumValueError);
  const e = error as GainslyDataError;
  expect({ table: e.table, rowId: e.rowId, column: e.column, value: e.value, code: e.code }).toEqual({ ...expected, code: 'GAINSLY_DATA' });
  expect(e.message).toContain(`${expected.table}.${expected.column} of row ${expected.rowId} holds`);
  return e;
}

describe('values outside their enum and JSON of the wrong shape (raw SQL in the test transaction)', () => {
  const db = useTestOrm();
  /** The test's EntityManager (its transaction holds the raw rows), with an empty identity map. */
  const fresh = () => {
    db.em.clear();
    return db.em;
  };

  /** A user, a week with one session and exercise of `movement`, written by the ORM. */
  async function world(em: EntityManager) {
    const user = makeUser(em);
    const program = makeProgram(em, user, { isActive: true });
    const microcycle = makeMicrocycle(em, program, { status: 'active' });
    const movement = makeMovement(em);
    const session = makeSession(em, microcycle);
    const exercise = em.create(SessionExercise, { session, movement, role: 'main', orderInSession: 1, targetSets: 3 });
    await em.flush();
    em.clear();
    return { user, program, microcycle, movement, session, exercise };
  }

  it("movements.pattern = 'Squat ': every read path names the row; a valid catalog still reads", async () => {
    const w = await world(db.em);
    await db.em.execute(`update movements set pattern = 'Squat ' where id = ?`, [w.movement.id]);
    const where = { table: 'movements', rowId: w.movement.id, column: 'pattern', value: 'Squat ' };
    const me = forUser(fresh(), w.user.id);
    await dataError(fresh().findOne(Movement, w.movement.id), where);
    await dataError(fresh().getRepository(Movement).search(), where);
    await dataError(fresh().getRepository(Movement).searchRows(), where);
    await dataError(me.movements.get(w.movement.id), where);
    await dataError(me.movements.search(), where);
    await dataError(me.movements.searchRows(), where);
    await dataError(forViewer(fresh(), w.user.id).movementRows(), where);
    await dataError(fresh().getRepository(Microcycle).findForDisplay(w.microcycle.id), where);
    await dataError(me.sessions.microcycleView(w.microcycle.id), where);
    await dataError(me.sessions.get(w.session.id), where); // populates exercises.movement
    // logWorkout already refused it; now with the row id too.
    await dataError(me.workouts.log({ date: '2026-01-05', topSets: [{ movementId: w.movement.id, weight: 100, reps: 5 }] }), where);

    // The entity that failed was not kept: fixed, the same EntityManager reads it (no clear in between).
    const em = fresh();
    await dataError(em.findOne(Movement, w.movement.id), where);
    await db.em.execute(`update movements set pattern = 'squat' where id = ?`, [w.movement.id]);
    expect((await em.findOneOrFail(Movement, w.movement.id)).pattern).toBe('squat');
    expect((await me.movements.searchRows()).items.map((m) => m.pattern)).toEqual(['squat']);
  });

  it('the other enum-backed strings: primary_region, cns_load, metric_type, relationship_type', async () => {
    const w = await world(db.em);
    const fork = fresh();
    const second = makeMovement(fork);
    await fork.flush();
    for (const [column, value] of [
      ['primary_region', 'full_body'],
      ['cns_load', 'very high'],
      ['skill_level', 'Expert'],
      ['metric_type', 'Reps'],
      ['primary_muscle', 'QUADRICEPS'],
    ] as const) {
      await db.em.execute(`savepoint s`);
      await db.em.execute(`update movements set ${column} = ? where id = ?`, [value, w.movement.id]);
      await dataError(fresh().findOne(Movement, w.movement.id), { table: 'movements', rowId: w.movement.id, column, value });
      await dataError(fresh().getRepository(Movement).searchRows(), { table: 'movements', rowId: w.movement.id, column, value });
      await db.em.execute(`rollback to savepoint s`);
    }
    await db.em.execute(`insert into movement_relationships (source_movement_id, target_movement_id, relationship_type) values (?, ?, 'superset')`, [w.movement.id, second.id]);
    const [rel] = await db.em.execute<{ id: number }[]>(`select id from movement_relationships where source_movement_id = ?`, [w.movement.id]);
    await dataError(fresh().find(MovementRelationship, { sourceMovement: w.movement.id }), { table: 'movement_relationships', rowId: rel!.id, column: 'relationship_type', value: 'superset' });
  });

  it('JSON columns of the wrong shape: tags holding a string, secondary muscles outside the enum, a section holding an object', async () => {
    const w = await world(db.em);
    const me = () => forUser(fresh(), w.user.id);
    await db.em.execute(`update movements set equipment_tags = '"barbell"' where id = ?`, [w.movement.id]);
    const tags = { table: 'movements', rowId: w.movement.id, column: 'equipment_tags', value: 'barbell' };
    await dataError(fresh().findOne(Movement, w.movement.id), tags);
    await dataError(me().movements.searchRows(), tags);
    await dataError(me().sessions.microcycleView(w.microcycle.id), tags);

    await db.em.execute(`update movements set equipment_tags = '["barbell"]', secondary_muscles = '["Glutes"]' where id = ?`, [w.movement.id]);
    await dataError(me().movements.search(), { table: 'movements', rowId: w.movement.id, column: 'secondary_muscles', value: ['Glutes'] });
    await dataError(me().movements.searchRows(), { table: 'movements', rowId: w.movement.id, column: 'secondary_muscles', value: ['Glutes'] });
    await db.em.execute(`update movements set secondary_muscles = '[]', coaching_cues = '{"cue": "brace"}' where id = ?`, [w.movement.id]);
    await dataError(me().movements.searchRows(), { table: 'movements', rowId: w.movement.id, column: 'coaching_cues', value: { cue: 'brace' } });
    await db.em.execute(`update movements set coaching_cues = '[]' where id = ?`, [w.movement.id]);

    await db.em.execute(`update sessions set main_json = '{"movement": "Back Squat"}' where id = ?`, [w.session.id]);
    const section = { table: 'sessions', rowId: w.session.id, column: 'main_json', value: { movement: 'Back Squat' } };
    await dataError(me().sessions.get(w.session.id), section);
    await dataError(me().sessions.microcycleView(w.microcycle.id), section);
    await dataError(me().sessions.readPlan(w.session.id), section);
    await db.em.execute(`update sessions set main_json = null, intent_tags = '[1, 2]' where id = ?`, [w.session.id]);
    await dataError(me().sessions.microcycleView(w.microcycle.id), { table: 'sessions', rowId: w.session.id, column: 'intent_tags', value: [1, 2] });

    await db.em.execute(`update programs set disciplines_json = '{"powerlifting": 6}' where id = ?`, [w.program.id]);
    await dataError(me().programs.get(w.program.id), { table: 'programs', rowId: w.program.id, column: 'disciplines_json', value: { powerlifting: 6 } });

    const log = makeWorkoutLog(db.em, db.em.getReference(User, w.user.id));
    await db.em.flush();
    await db.em.execute(`update workout_logs set feedback_tags = '"too_hard"' where id = ?`, [log.id]);
    await dataError(me().workouts.list(), { table: 'workout_logs', rowId: log.id, column: 'feedback_tags', value: 'too_hard' });

    await db.em.execute(`insert into recovery_signals (user_id, date, source, raw_payload_json) values (?, '2026-01-05', 'MANUAL', '[1, 2, 3]')`, [w.user.id]);
    const [reading] = await db.em.execute<{ id: number }[]>(`select id from recovery_signals where user_id = ?`, [w.user.id]);
    await dataError(me().recovery.list(), { table: 'recovery_signals', rowId: reading!.id, column: 'raw_payload_json', value: [1, 2, 3] });
    await dataError(fresh().findOne(RecoverySignal, reading!.id), { table: 'recovery_signals', rowId: reading!.id, column: 'raw_payload_json', value: [1, 2, 3] });
  });

  it('a finisher stored as a list by older library versions is still read (readPlan repairs it)', async () => {
    const w = await world(db.em);
    await db.em.execute(`update sessions set finisher_json = '[{"movement": "Burpee", "sets": 10}]' where id = ?`, [w.session.id]);
    const session = await forUser(fresh(), w.user.id).sessions.get(w.session.id);
    expect(session.finisherJson).toEqual([{ movement: 'Burpee', sets: 10 }]);
    await db.em.execute(`update sessions set finisher_json = '"EMOM"' where id = ?`, [w.session.id]);
    await dataError(fresh().findOne(Session, w.session.id), { table: 'sessions', rowId: w.session.id, column: 'finisher_json', value: 'EMOM' });
  });

  it('non-finite e1RMs: the library and upstream strength methods and the e1RM history name the exposure', async () => {
    const w = await world(db.em);
    const em = fresh();
    const log = makeWorkoutLog(em, em.getReference(User, w.user.id));
    const topSet = em.create(TopSetLog, { workoutLog: log, movement: w.movement.id, weight: 100, reps: 5, e1rmValue: 116, e1rmFormula: 'epley', pattern: 'squat' });
    await em.flush();
    const ids: number[] = [];
    for (const value of [100, 110, 'NaN']) {
      const [row] = await db.em.execute<{ id: number }[]>(
        `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values (?, ?, '2026-01-05', 'SQUAT', ?::float8, ?) returning id`,
        [w.user.id, w.microcycle.id, String(value), topSet.id],
      );
      ids.push(row!.id);
    }
    const where = { table: 'pattern_exposures', rowId: ids[2]!, column: 'e1rm_value', value: Number.NaN };
    const repo = db.em.getRepository(PatternExposure);
    await dataError(repo.psiAll(w.user.id), where);
    await dataError(repo.psi(w.user.id, 'squat'), where);
    await dataError(repo.trendAll(w.user.id), where);
    await dataError(repo.e1rmHistory(w.user.id, { pattern: 'squat' }), where);
    const upstream = await repo.psiAll(w.user.id, { method: 'upstream' }).catch((e: unknown) => e);
    expect(upstream).toBeInstanceOf(GainslyDataError);
    expect(upstream).toMatchObject({ table: 'pattern_exposures', column: 'e1rm_value', rowId: ids[2] });
    // Another pattern's strength is not affected by the broken squat row.
    expect(await repo.psi(w.user.id, 'hinge')).toBeNull();
  });
});

/**
 * Labels the library does not know can only come from a database type that gained them (upstream
 * added a label). `ALTER TYPE … ADD VALUE` cannot be used in the transaction that adds it, so this
 * part runs on a clone of its own, committed, with its own ORM.
 */
describe('SQL enum labels this version does not know (a clone whose types gained labels)', () => {
  let clone: TestDatabase;
  let orm: MikroORM;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    clone = await createTestDatabase();
    await withRawClient(clone.url, async (c) => {
      await c.query(`alter type ${ENUMS.SplitTemplate.pgType} add value 'BRO_SPLIT'`);
      await c.query(`alter type ${ENUMS.Visibility.pgType} add value 'UNLISTED'`);
      await c.query(`alter type ${ENUMS.MovementPattern.pgType} add value 'JUMP'`);
      await c.query(`alter type ${ENUMS.MicrocycleStatus.pgType} add value 'SKIPPED'`);
      await c.query(`alter type ${ENUMS.ExerciseRole.pgType} add value 'STRETCH'`);
      await c.query(`alter type ${ENUMS.E1RMFormula.pgType} add value 'WATHAN'`);
    });
    orm = await openOrm(clone.url);
    const em = orm.em.fork();
    const owner = makeUser(em);
    const stranger = makeUser(em);
    const program = makeProgram(em, owner, { visibility: 'private' });
    const hidden = makeProgram(em, owner, { visibility: 'public' });
    const microcycle = makeMicrocycle(em, program, { status: 'active' });
    const movement = makeMovement(em);
    const session = makeSession(em, microcycle);
    const exercise = em.create(SessionExercise, { session, movement, role: 'main', orderInSession: 1, targetSets: 3 });
    const log = makeWorkoutLog(em, owner, { visibility: 'public' });
    const topSet = em.create(TopSetLog, { workoutLog: log, movement, weight: 100, reps: 5, e1rmValue: 116, e1rmFormula: 'epley', pattern: 'squat' });
    await em.flush();
    Object.assign(ids, { owner: owner.id, stranger: stranger.id, program: program.id, hidden: hidden.id, microcycle: microcycle.id, session: session.id, exercise: exercise.id, log: log.id, movement: movement.id });
    await withRawClient(clone.url, async (c) => {
      await c.query(`update programs set split_template = 'BRO_SPLIT' where id = $1`, [program.id]);
      await c.query(`update programs set visibility = 'UNLISTED' where id = $1`, [hidden.id]);
      await c.query(`update workout_logs set visibility = 'UNLISTED' where id = $1`, [log.id]);
      const { rows } = await c.query<{ id: number }>(
        `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values ($1, $2, '2026-01-05', 'JUMP', 100, $3), ($1, $2, '2026-01-06', 'JUMP', 110, $3) returning id`,
        [owner.id, microcycle.id, topSet.id],
      );
      ids.exposure = Math.min(...rows.map((r) => r.id));
    });
  });

  afterAll(async () => {
    await orm?.close(true);
    await clone?.drop();
  });

  it("a private program with an unknown label: the stranger gets not found, exactly as for a missing id; the owner a GainslyDataError", async () => {
    const stranger = forViewer(orm.em.fork(), ids.stranger!);
    const missing = await stranger.program(99_999_999).catch((e: unknown) => e);
    const existing = await stranger.program(ids.program!).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GainslyNotFoundError);
    expect(existing).toBeInstanceOf(GainslyNotFoundError);
    await expect(forUser(orm.em.fork(), ids.stranger!).programs.get(ids.program!)).rejects.toBeInstanceOf(GainslyNotFoundError);
    expect(await forViewer(orm.em.fork(), ids.stranger!).programsOf(ids.owner!)).toEqual({ items: [], nextCursor: null });

    const where = { table: 'programs', rowId: ids.program!, column: 'split_template', value: 'BRO_SPLIT' };
    await dataError(forViewer(orm.em.fork(), ids.owner!).program(ids.program!), where);
    await dataError(forUser(orm.em.fork(), ids.owner!).programs.get(ids.program!), where);
    // One such row fails the owner's list with the data error (of whichever unreadable row comes first), not an input error.
    await expect(forUser(orm.em.fork(), ids.owner!).programs.list()).rejects.toMatchObject({ name: 'GainslyDataError', table: 'programs', code: 'GAINSLY_DATA' });
  });

  it('an unknown visibility label is visible to its owner only', async () => {
    for (const viewer of [forViewer(orm.em.fork(), ids.stranger!), forViewer(orm.em.fork(), ids.stranger!, { areFriends: () => true })]) {
      await expect(viewer.program(ids.hidden!)).rejects.toBeInstanceOf(GainslyNotFoundError);
      await expect(viewer.workoutLog(ids.log!)).rejects.toBeInstanceOf(GainslyNotFoundError);
      expect(await viewer.workoutLogsOf(ids.owner!)).toEqual({ items: [], nextCursor: null });
    }
    await dataError(forViewer(orm.em.fork(), ids.owner!).program(ids.hidden!), { table: 'programs', rowId: ids.hidden!, column: 'visibility', value: 'UNLISTED' });
    await dataError(forViewer(orm.em.fork(), ids.owner!).workoutLog(ids.log!), { table: 'workout_logs', rowId: ids.log!, column: 'visibility', value: 'UNLISTED' });
  });

  it('an unknown pattern label in pattern_exposures: the strength queries name an exposure holding it', async () => {
    const where = { table: 'pattern_exposures', rowId: ids.exposure!, column: 'pattern', value: 'JUMP' };
    const repo = orm.em.fork().getRepository(PatternExposure);
    await dataError(repo.psiAll(ids.owner!), where);
    await dataError(repo.trendAll(ids.owner!), where);
    await dataError(repo.psiAll(ids.owner!, { method: 'upstream' }), where);
    await dataError(forUser(orm.em.fork(), ids.owner!).strength.exposures(), where);
  });

  it('an unknown microcycle status, session exercise role and e1RM formula', async () => {
    await withRawClient(clone.url, (c) => c.query(`update microcycles set status = 'SKIPPED' where id = $1`, [ids.microcycle]));
    const status = { table: 'microcycles', rowId: ids.microcycle!, column: 'status', value: 'SKIPPED' };
    await dataError(orm.em.fork().getRepository(Microcycle).findForDisplay(ids.microcycle!), status);
    await dataError(forUser(orm.em.fork(), ids.owner!).programs.microcycleOn('2026-01-06'), status);
    await dataError(forUser(orm.em.fork(), ids.owner!).programs.microcycles(ids.program!).catch(async (e: unknown) => {
      // Loading the program itself fails first on its split template; the microcycles alone:
      if (e instanceof GainslyDataError && e.table === 'programs') return orm.em.fork().find(Microcycle, { program: ids.program! });
      throw e;
    }), status);
    await withRawClient(clone.url, (c) => c.query(`update microcycles set status = 'ACTIVE' where id = $1; `, [ids.microcycle]));

    await withRawClient(clone.url, (c) => c.query(`update session_exercises set role = 'STRETCH' where id = $1`, [ids.exercise]));
    const role = { table: 'session_exercises', rowId: ids.exercise!, column: 'role', value: 'STRETCH' };
    await dataError(orm.em.fork().getRepository(Microcycle).findForDisplay(ids.microcycle!), role);
    await dataError(orm.em.fork().getRepository(Session).findOutOfSync({ sessionIds: [ids.session!] }), role);
    await dataError(orm.em.fork().findOne(SessionExercise, ids.exercise!), role);

    await withRawClient(clone.url, (c) => c.query(`update user_settings set active_e1rm_formula = 'WATHAN' where user_id = $1`, [ids.owner]));
    const [settings] = await orm.em.fork().execute<{ id: number }[]>(`select id from user_settings where user_id = ?`, [ids.owner]);
    const count = async () => Number((await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from workout_logs`))[0]!.n);
    const before = await count();
    await dataError(forUser(orm.em.fork(), ids.owner!).workouts.log({ date: '2026-01-05', topSets: [{ movementId: ids.movement!, weight: 100, reps: 5 }] }), {
      table: 'user_settings',
      rowId: settings!.id,
      column: 'active_e1rm_formula',
      value: 'WATHAN',
    });
    expect(await count()).toBe(before);
    await dataError(orm.em.fork().find(User, { id: ids.owner! }, { populate: ['settings'] }), { table: 'user_settings', rowId: settings!.id, column: 'active_e1rm_formula', value: 'WATHAN' });
  });
});
