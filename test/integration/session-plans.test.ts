// Session plans in the upstream app's shape (docs/upstream.md, "Session plans"). What
// the library writes is checked against the app's JSON Schema file with ajv, not with the
// library's own zod schemas, so a mistake cannot be copied into both sides.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forUser, GainslyNotFoundError, GainslyValidationError, Microcycle, Session, type SessionPlanInput } from '../../src/index.js';
import { audit } from '../../src/admin/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { generateDataset } from '../../bench/src/generate.js';
import { createTestDatabase, useTestOrm } from '../support/database.js';
import { fixturePath, requireFixtures } from '../support/fixtures.js';
import { makeMicrocycle, makeMovement, makeProgram, makeUser } from '../support/factories.js';

const hasFixtures = requireFixtures('session plans against the app\'s JSON Schema');
const COLUMNS = ['warmup_json', 'main_json', 'accessory_json', 'finisher_json', 'cooldown_json'] as const;

type JsonSchema = { $defs: Record<string, { properties: Record<string, unknown> }> };

/** The app's schema file, a validator for a whole `sessions` row's sections, and its allowed keys. */
function appSchema() {
  const schema = JSON.parse(readFileSync(fixturePath('upstream-contract/session-plan.schema.json'), 'utf8')) as JsonSchema;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const blockKeys = new Set(Object.keys(schema.$defs.exerciseBlock!.properties));
  const finisherKeys = new Set(Object.keys(schema.$defs.finisherBlock!.properties));
  return {
    /** ajv's errors for one row's five sections, `[]` when the app can read them. */
    errors(row: Record<string, unknown>): string[] {
      return validate(row) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    },
    /** Keys the library wrote that the app's models do not declare. */
    foreignKeys(row: Record<string, unknown>): string[] {
      const found: string[] = [];
      const blocks = (list: unknown, at: string) =>
        (Array.isArray(list) ? list : []).forEach((b: Record<string, unknown>, i) => Object.keys(b).forEach((k) => blockKeys.has(k) || found.push(`${at}[${i}].${k}`)));
      for (const column of ['warmup_json', 'main_json', 'accessory_json', 'cooldown_json']) blocks(row[column], column);
      const finisher = row.finisher_json as Record<string, unknown> | null;
      if (finisher) {
        Object.keys(finisher).forEach((k) => finisherKeys.has(k) || found.push(`finisher_json.${k}`));
        blocks(finisher.exercises, 'finisher_json.exercises');
      }
      return found;
    },
  };
}

async function sectionsOf(em: EntityManager, sessionId: number): Promise<Record<string, unknown>> {
  const [row] = await em.execute<Record<string, unknown>[]>(`select ${COLUMNS.join(', ')} from sessions where id = ?`, [sessionId]);
  return row!;
}

async function exerciseRows(em: EntityManager, sessionId: number) {
  return em.execute<{ movement_id: number; role: string; order_in_session: number; superset_group: number | null; target_sets: number; target_rpe: number | null; target_rir: number | null; target_duration_seconds: number | null }[]>(
    `select movement_id, role::text as role, order_in_session, superset_group, target_sets, target_rpe, target_rir, target_duration_seconds
       from session_exercises where session_id = ? order by order_in_session`,
    [sessionId],
  );
}

async function world(em: EntityManager) {
  const user = makeUser(em);
  const other = makeUser(em);
  const program = makeProgram(em, user);
  const microcycle = makeMicrocycle(em, program, { status: 'active' });
  const theirs = makeMicrocycle(em, makeProgram(em, other));
  const squat = makeMovement(em, { name: 'Back Squat' });
  const row = makeMovement(em, { name: 'Barbell Row', pattern: 'horizontal_pull', primaryMuscle: 'lats', primaryRegion: 'posterior upper' });
  const bench = makeMovement(em, { name: 'Bench Press', pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper' });
  const swing = makeMovement(em, { name: 'Kettlebell Swing', pattern: 'hinge' });
  const stretch = makeMovement(em, { name: 'Couch Stretch', pattern: 'mobility' });
  // A user's own movement: visible to that user's plans only.
  const ownSwing = makeMovement(em, { name: 'Sled Push', pattern: 'carry', user });
  await em.flush();
  return { user, other, program, microcycle, theirs, squat, row, bench, swing, stretch, ownSwing };
}

const db = useTestOrm();

describe.runIf(hasFixtures)('session plans the app can read', () => {
  it('writePlan stores every section in the app\'s shape: app keys only, one finisher object, supersets by name', async () => {
    const w = await world(db.em);
    const app = appSchema();
    const session = await db.em.getRepository(Session).writePlan({
      microcycleId: w.microcycle.id,
      date: '2026-01-05',
      dayNumber: 1,
      sessionType: 'full_body',
      sections: {
        warmup: [{ movementId: w.stretch.id, durationSeconds: 60 }],
        main: [
          { movementId: w.squat.id, sets: 4, repRangeMin: 4, repRangeMax: 6, rpe: 8, restSeconds: 180, notes: 'belt' },
          { movementId: w.bench.id, sets: 3, repRangeMin: 6, repRangeMax: 8, rir: 2, supersetGroup: 3 },
          { movementId: w.row.id, sets: 3, repRangeMin: 8, repRangeMax: 10, rpe: 7.5, supersetGroup: 3 },
        ],
        finisher: { type: 'EMOM', durationMinutes: 10, exercises: [{ movement: 'Sled Push', sets: 10, repRangeMin: 12, repRangeMax: 12 }], extra: { scoring: 'rounds' } },
        cooldown: [],
      },
    });
    const stored = await sectionsOf(db.em, session.id);
    expect(app.errors(stored)).toEqual([]);
    // The only key outside the app's models is the one the caller passed in `extra`.
    expect(app.foreignKeys(stored)).toEqual(['finisher_json.scoring']);
    expect(stored).toEqual({
      warmup_json: [{ movement: 'Couch Stretch', movement_id: w.stretch.id, duration_seconds: 60 }],
      main_json: [
        { movement: 'Back Squat', movement_id: w.squat.id, sets: 4, rep_range_min: 4, rep_range_max: 6, target_rpe: 8, rest_seconds: 180, notes: 'belt' },
        { movement: 'Bench Press', movement_id: w.bench.id, sets: 3, rep_range_min: 6, rep_range_max: 8, target_rir: 2, superset_with: 'Barbell Row' },
        { movement: 'Barbell Row', movement_id: w.row.id, sets: 3, rep_range_min: 8, rep_range_max: 10, target_rpe: 7.5, superset_with: 'Bench Press' },
      ],
      accessory_json: null,
      finisher_json: {
        type: 'EMOM',
        duration_minutes: 10,
        exercises: [{ movement: 'Sled Push', movement_id: w.ownSwing.id, sets: 10, rep_range_min: 12, rep_range_max: 12 }],
        scoring: 'rounds',
      },
      cooldown_json: [],
    });
    // The table mirrors the blocks: targets in the same-named columns, one number for the superset,
    // an item without sets done once.
    expect(await exerciseRows(db.em, session.id)).toEqual([
      { movement_id: w.stretch.id, role: 'WARMUP', order_in_session: 1, superset_group: null, target_sets: 1, target_rpe: null, target_rir: null, target_duration_seconds: 60 },
      { movement_id: w.squat.id, role: 'MAIN', order_in_session: 2, superset_group: null, target_sets: 4, target_rpe: 8, target_rir: null, target_duration_seconds: null },
      { movement_id: w.bench.id, role: 'MAIN', order_in_session: 3, superset_group: 3, target_sets: 3, target_rpe: null, target_rir: 2, target_duration_seconds: null },
      { movement_id: w.row.id, role: 'MAIN', order_in_session: 4, superset_group: 3, target_sets: 3, target_rpe: 7.5, target_rir: null, target_duration_seconds: null },
      { movement_id: w.ownSwing.id, role: 'FINISHER', order_in_session: 5, superset_group: null, target_sets: 10, target_rpe: null, target_rir: null, target_duration_seconds: null },
    ]);
    expect(await db.em.getRepository(Session).findOutOfSync({ sessionIds: [session.id] })).toEqual([]);
  });

  it('supersets given by name get one free group number; a group of three names round the circle', async () => {
    const w = await world(db.em);
    const session = await forUser(db.em, w.user.id).sessions.writePlan({
      microcycleId: w.microcycle.id,
      date: '2026-01-06',
      dayNumber: 2,
      sessionType: 'upper',
      sections: {
        main: [
          { movementId: w.bench.id, sets: 3, supersetGroup: 1 },
          { movementId: w.row.id, sets: 3, supersetGroup: 1 },
          { movementId: w.squat.id, sets: 3, supersetGroup: 1 },
        ],
        accessory: [
          { movementId: w.stretch.id, sets: 2, supersetWith: 'Kettlebell Swing' },
          { movement: 'Kettlebell Swing', sets: 2 },
        ],
      },
    });
    const stored = await sectionsOf(db.em, session.id);
    expect((stored.main_json as { superset_with: string }[]).map((b) => b.superset_with)).toEqual(['Barbell Row', 'Back Squat', 'Bench Press']);
    expect(stored.accessory_json).toEqual([
      { movement: 'Couch Stretch', movement_id: w.stretch.id, sets: 2, superset_with: 'Kettlebell Swing' },
      { movement: 'Kettlebell Swing', movement_id: w.swing.id, sets: 2 },
    ]);
    expect((await exerciseRows(db.em, session.id)).map((r) => r.superset_group)).toEqual([1, 1, 1, 2, 2]);
    expect(appSchema().errors(stored)).toEqual([]);
  });

  it('an upstream-shaped plan reads, changes and writes back without losing a key', async () => {
    const w = await world(db.em);
    const app = appSchema();
    const upstream = {
      warmup_json: [{ movement: 'Couch Stretch', duration_seconds: 90, side: 'each' }],
      main_json: [
        { movement: 'Back Squat', movement_id: w.squat.id, sets: 5, rep_range_min: 3, rep_range_max: 5, target_rpe: 8.5, tempo: '3-1-1', cues: ['brace', 'knees out'] },
        { movement: 'Bench Press', sets: 3, target_rir: 2, superset_with: 'Barbell Row', rest_seconds: null },
        { movement: 'Barbell Row', movement_id: w.row.id, sets: 3, superset_with: 'Bench Press', notes: 'pause at the chest', generator: { model: 'x', v: 2 } },
      ],
      accessory_json: null,
      finisher_json: { type: 'AMRAP', duration_minutes: 8, exercises: [{ movement: 'Kettlebell Swing', sets: 1, rep_range_min: 15 }], scoring: 'rounds', intensity: 'hard' },
      cooldown_json: null,
    };
    expect(app.errors(upstream)).toEqual([]);
    const [inserted] = await db.em.execute<{ id: number }[]>(
      `insert into sessions (microcycle_id, date, day_number, session_type, intent_tags, ${COLUMNS.join(', ')})
       values (?, '2026-01-07', 3, 'LOWER', '["strength"]', ?, ?, ?, ?, ?) returning id`,
      [w.microcycle.id, ...COLUMNS.map((c) => (upstream[c] === null ? null : JSON.stringify(upstream[c])))],
    );
    const me = forUser(db.em, w.user.id);
    const plan = await me.sessions.readPlan(inserted!.id);
    expect(plan.sections.main![1]).toEqual({ movement: 'Bench Press', sets: 3, rir: 2, supersetWith: 'Barbell Row' });
    expect(plan.sections.main![0]!.extra).toEqual({ tempo: '3-1-1', cues: ['brace', 'knees out'] });
    expect(plan.sections.finisher).toEqual({ type: 'AMRAP', durationMinutes: 8, exercises: [{ movement: 'Kettlebell Swing', sets: 1, repRangeMin: 15 }], extra: { scoring: 'rounds', intensity: 'hard' } });

    plan.sections.main![0]!.sets = 4;
    await me.sessions.writePlan(plan, inserted!.id);
    const stored = await sectionsOf(db.em, inserted!.id);
    expect(app.errors(stored)).toEqual([]);
    // Every key is still there with its value; ids are filled in from the catalog, nulls left out.
    expect(stored).toEqual({
      warmup_json: [{ movement: 'Couch Stretch', movement_id: w.stretch.id, duration_seconds: 90, side: 'each' }],
      main_json: [
        { movement: 'Back Squat', movement_id: w.squat.id, sets: 4, rep_range_min: 3, rep_range_max: 5, target_rpe: 8.5, tempo: '3-1-1', cues: ['brace', 'knees out'] },
        { movement: 'Bench Press', movement_id: w.bench.id, sets: 3, target_rir: 2, superset_with: 'Barbell Row' },
        { movement: 'Barbell Row', movement_id: w.row.id, sets: 3, superset_with: 'Bench Press', notes: 'pause at the chest', generator: { model: 'x', v: 2 } },
      ],
      accessory_json: null,
      finisher_json: { type: 'AMRAP', duration_minutes: 8, exercises: [{ movement: 'Kettlebell Swing', movement_id: w.swing.id, sets: 1, rep_range_min: 15 }], scoring: 'rounds', intensity: 'hard' },
      cooldown_json: null,
    });
    expect((await exerciseRows(db.em, inserted!.id)).map((r) => [r.role, r.movement_id, r.superset_group])).toEqual([
      ['WARMUP', w.stretch.id, null],
      ['MAIN', w.squat.id, null],
      ['MAIN', w.bench.id, 1],
      ['MAIN', w.row.id, 1],
      ['FINISHER', w.swing.id, null],
    ]);
    // Read again: the same plan, so a second round trip changes nothing.
    const again = await me.sessions.readPlan(inserted!.id);
    await me.sessions.writePlan(again, inserted!.id);
    expect(await sectionsOf(db.em, inserted!.id)).toEqual(stored);
  });

  it('blocks written by older versions of the library are repaired by a round trip', async () => {
    const w = await world(db.em);
    const legacy = {
      main_json: [{ movement_id: w.bench.id, movement: 'Bench Press', sets: 3, rpe: 8, rir: 2, superset_group: 1 }, { movement_id: w.row.id, movement: 'Barbell Row', sets: 3, superset_group: 1 }],
      finisher_json: [{ movement_id: w.swing.id, movement: 'Kettlebell Swing', sets: 10 }],
    };
    expect(appSchema().errors({ ...legacy, warmup_json: null })).not.toEqual([]);
    const [inserted] = await db.em.execute<{ id: number }[]>(
      `insert into sessions (microcycle_id, date, day_number, session_type, main_json, finisher_json) values (?, '2026-01-08', 4, 'UPPER', ?, ?) returning id`,
      [w.microcycle.id, JSON.stringify(legacy.main_json), JSON.stringify(legacy.finisher_json)],
    );
    const repository = db.em.getRepository(Session);
    await repository.writePlan(await repository.readPlan(inserted!.id), { sessionId: inserted!.id });
    const stored = await sectionsOf(db.em, inserted!.id);
    expect(appSchema().errors(stored)).toEqual([]);
    expect(stored.main_json).toEqual([
      { movement: 'Bench Press', movement_id: w.bench.id, sets: 3, target_rpe: 8, target_rir: 2, superset_with: 'Barbell Row' },
      { movement: 'Barbell Row', movement_id: w.row.id, sets: 3, superset_with: 'Bench Press' },
    ]);
    expect(stored.finisher_json).toEqual({ type: 'circuit', exercises: [{ movement: 'Kettlebell Swing', movement_id: w.swing.id, sets: 10 }] });
  });

  it('refuses what the app could not read, names the field, and writes nothing', async () => {
    const w = await world(db.em);
    const repository = db.em.getRepository(Session);
    const base: SessionPlanInput = { microcycleId: w.microcycle.id, date: '2026-01-09', dayNumber: 5, sessionType: 'lower', sections: {} };
    const [{ n: before }] = (await db.em.execute<{ n: number }[]>('select count(*)::int as n from sessions'))as [{ n: number }];
    const cases: [SessionPlanInput, string, RegExp][] = [
      [{ ...base, sections: { finisher: [{ movementId: w.swing.id, sets: 1 }] as never } }, 'sections.finisher', /one finisher block.*not a list/],
      [{ ...base, sections: { finisher: { exercises: [] } as never } }, 'sections.finisher.type', /required/],
      [{ ...base, sections: { main: [{ movementId: w.squat.id, sets: 3, extra: { target_rpe: 9 } }] } }, 'sections.main.0.extra.target_rpe', /set it through `rpe`/],
      [{ ...base, sections: { main: [{ sets: 3 }] } }, 'sections.main.0.movementId', /required/],
      [{ ...base, sections: { main: [{ movementId: w.squat.id, sets: 3, supersetGroup: 1, supersetWith: 'Bench Press' }] } }, 'sections.main.0.supersetWith', /cannot be combined/],
      [{ ...base, sections: { main: [{ movementId: w.squat.id, sets: 3, supersetWith: 'Bench Pres' }] } }, 'sections.main.0.supersetWith', /names no other exercise.*"Back Squat"|names no other exercise/],
    ];
    for (const [input, path, message] of cases) {
      const error = await repository.writePlan(input).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(GainslyValidationError);
      const issue = (error as GainslyValidationError).issues.find((i) => i.path.join('.') === path);
      expect(issue?.message, `${path}: ${(error as Error).message}`).toMatch(message);
    }
    await expect(repository.writePlan({ ...base, sections: { main: [{ movement: 'No Such Lift', sets: 1 }] } })).rejects.toBeInstanceOf(GainslyNotFoundError);
    // Another user's own movement is not visible by name through the user scope.
    await expect(forUser(db.em, w.other.id).sessions.writePlan({ ...base, microcycleId: w.theirs.id, sections: { main: [{ movementId: w.ownSwing.id, sets: 1 }] } })).rejects.toBeInstanceOf(GainslyNotFoundError);
    const [{ n: after }] = (await db.em.execute<{ n: number }[]>('select count(*)::int as n from sessions')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('readPlan: another user\'s session is not found; a block the app cannot read is a GainslyDataError naming it', async () => {
    const w = await world(db.em);
    const [inserted] = await db.em.execute<{ id: number }[]>(
      `insert into sessions (microcycle_id, date, day_number, session_type, main_json) values (?, '2026-01-10', 6, 'UPPER', ?) returning id`,
      [w.microcycle.id, JSON.stringify([{ movement: 'Back Squat', sets: 3 }, { sets: '3' }])],
    );
    await expect(forUser(db.em, w.other.id).sessions.readPlan(inserted!.id)).rejects.toBeInstanceOf(GainslyNotFoundError);
    const error = await forUser(db.em, w.user.id).sessions.readPlan(inserted!.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GainslyDataError', table: 'sessions', column: 'main_json' });
    expect((error as Error).message).toContain(`sessions.main_json[1]`);
    expect((error as Error).message).toContain(`session ${inserted!.id}`);
  });

  it('audit counts, per section column, the rows the app cannot read', async () => {
    const w = await world(db.em);
    const insert = async (column: string, value: unknown) => {
      const [row] = await db.em.execute<{ id: number }[]>(`insert into sessions (microcycle_id, date, day_number, session_type, ${column}) values (?, '2026-01-11', 7, 'UPPER', ?) returning id`, [w.microcycle.id, JSON.stringify(value)]);
      return row!.id;
    };
    await insert('main_json', [{ movement: 'Back Squat', sets: 3, target_rpe: 8 }]);
    const listFinisher = await insert('finisher_json', [{ movement: 'Burpee' }]);
    await insert('finisher_json', { type: 'EMOM', exercises: [{ movement: 'Burpee' }] });
    const noMovement = await insert('main_json', [{ movement_id: 1, sets: 3 }]);
    const textRpe = await insert('accessory_json', [{ movement: 'Row', target_rpe: '8' }]);
    await insert('cooldown_json', null);
    const report = await audit(db.em);
    const by = Object.fromEntries(report.sessionPlans.map((r) => [r.column, r]));
    expect(report.ok).toBe(false);
    expect(by.finisher_json).toMatchObject({ present: true, checked: 2, misfits: 1, sampleIds: [listFinisher] });
    expect(by.main_json).toMatchObject({ checked: 2, misfits: 1, sampleIds: [noMovement] });
    expect(by.main_json!.firstProblem).toBe(`session ${noMovement} [0].movement: is required`);
    expect(by.accessory_json).toMatchObject({ checked: 1, misfits: 1, sampleIds: [textRpe] });
    expect(by.cooldown_json).toMatchObject({ checked: 0, misfits: 0 });
    expect(by.warmup_json).toMatchObject({ checked: 0, misfits: 0 });
  });

  it('the demo writes sessions the app can read, in step with session_exercises', async () => {
    const app = appSchema();
    const { userId } = await seedDemo(db.em);
    const rows = await db.em.execute<Record<string, unknown>[]>(
      `select s.id, ${COLUMNS.map((c) => `s.${c}`).join(', ')} from sessions s join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id where p.user_id = ?`,
      [userId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { id, ...sections } = row;
      expect(app.errors(sections), `session ${String(id)}`).toEqual([]);
      expect(app.foreignKeys(sections), `session ${String(id)}`).toEqual([]);
    }
    expect(rows.filter((r) => Array.isArray(r.main_json) && (r.main_json as unknown[]).length > 0)).toHaveLength(rows.length);
    expect(await db.em.getRepository(Session).findOutOfSync({ userId })).toEqual([]);
  });
});

describe.runIf(hasFixtures)('the bench generator', () => {
  it('writes sessions the app can read', { timeout: 120_000 }, async () => {
    const app = appSchema();
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await generateDataset(client, { name: 'test', users: 2, mainWeeks: 6, otherWeeks: [3, 4], catalogSize: 400, seed: 7 }, () => undefined);
      const { rows } = await client.query<Record<string, unknown>>(`select id, ${COLUMNS.join(', ')} from sessions`);
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        const { id, ...sections } = row;
        expect(app.errors(sections), `session ${String(id)}`).toEqual([]);
        expect(app.foreignKeys(sections), `session ${String(id)}`).toEqual([]);
      }
      // Supersets name each other both ways, as session_exercises groups them.
      let pairs = 0;
      for (const row of rows) {
        const blocks = [...((row.main_json ?? []) as { movement: string; superset_with?: string }[]), ...((row.accessory_json ?? []) as { movement: string; superset_with?: string }[])];
        for (const b of blocks.filter((x) => x.superset_with !== undefined)) {
          pairs += 1;
          expect(blocks.find((x) => x.movement === b.superset_with)?.superset_with, `session ${String(row.id)}`).toBe(b.movement);
        }
      }
      expect(pairs).toBeGreaterThan(0);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});

describe('session plan reads without the fixtures', () => {
  it('Microcycle view carries the finisher as one object', async () => {
    const w = await world(db.em);
    const session = await db.em.getRepository(Session).writePlan({
      microcycleId: w.microcycle.id, date: '2026-01-05', dayNumber: 1, sessionType: 'lower',
      sections: { finisher: { type: 'EMOM', durationMinutes: 6, exercises: [{ movementId: w.swing.id, sets: 6 }] } },
    });
    const view = await db.em.getRepository(Microcycle).findForDisplay(w.microcycle.id, { userId: w.user.id });
    expect(view.sessions.find((s) => s.id === session.id)!.finisherJson).toEqual({ type: 'EMOM', duration_minutes: 6, exercises: [{ movement: 'Kettlebell Swing', movement_id: w.swing.id, sets: 6 }] });
  });
});
