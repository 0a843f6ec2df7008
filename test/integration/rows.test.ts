// Plain rows (docs/rows.md): every table's row schema matches the entity metadata the engine reads
// (keys, nullability, enum values), a row of every table read through the engine equals its entity
// and parses with its wire schema after JSON, and the scope lists page by keyset with nested rows in
// one statement each, leaving nothing managed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EntityProperty } from '@mikro-orm/core';
import * as z from 'zod';
import {
  CircuitTemplate,
  ENTITIES,
  forUser,
  forViewer,
  GainslyDataError,
  GainslyValidationError,
  HeuristicConfig,
  Movement,
  MovementRelationship,
  User,
  createGainslyOrm,
} from '../../src/index.js';
import * as schemas from '../../src/schemas/index.js';
import { ROW_SCHEMAS, pageSchema, workoutLogRowSchema, topSetLogRowSchema } from '../../src/schemas/index.js';
import { rowKeys } from '../../src/orm/rows.js';
import { rowById } from '../../src/modules/scope/row-reads.js';
import { PgEnumType } from '../../src/orm/pg-enum-type.js';
import { StoredEnumStringType } from '../../src/orm/columns.js';
import { createTestDatabase, useTestOrm, type TestDatabase } from '../support/database.js';
import { FULL_BODY_PROGRAM, makeMovement, unique } from '../support/factories.js';

const db = useTestOrm();

type Table = keyof typeof ROW_SCHEMAS;

function schemaOf(table: string): z.ZodObject {
  const schema = (ROW_SCHEMAS as Record<string, z.ZodObject>)[table];
  if (!schema) throw new Error(`no row schema for ${table}`);
  return schema;
}

function rowProps(em: EntityManager, entity: (typeof ENTITIES)[number]): Map<string, EntityProperty> {
  const meta = em.getMetadata().get(entity as never);
  const props = new Map<string, EntityProperty>();
  for (const prop of meta.props) {
    if (prop.kind === 'scalar') props.set(prop.name, prop);
    else if (prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner)) props.set(`${prop.name}Id`, prop);
  }
  return props;
}

describe('row schemas against the entity metadata', () => {
  it('has a schema for each of the 19 tables, listing exactly the keys the engine returns, in property order', () => {
    const meta = db.em.getMetadata();
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual(ENTITIES.map((e) => meta.get(e as never).tableName).sort());
    for (const entity of ENTITIES) {
      const table = meta.get(entity as never).tableName;
      expect(Object.keys(schemaOf(table).shape), table).toEqual(rowKeys(meta.get(entity as never)));
      expect([...rowProps(db.em, entity).keys()], table).toEqual(rowKeys(meta.get(entity as never)));
    }
  });

  it('accepts null exactly where the column is nullable, and exactly the semantic values of enum columns', () => {
    for (const entity of ENTITIES) {
      const table = db.em.getMetadata().get(entity as never).tableName;
      const shape = schemaOf(table).shape as Record<string, z.ZodType>;
      for (const [key, prop] of rowProps(db.em, entity)) {
        expect(shape[key]!.safeParse(null).success, `${table}.${key} null`).toBe(prop.nullable === true);
        const type = prop.customType;
        if (type instanceof PgEnumType || type instanceof StoredEnumStringType) {
          const codec = type.codec;
          for (const value of codec.values) expect(shape[key]!.safeParse(value).success, `${table}.${key} = ${String(value)}`).toBe(true);
          expect(shape[key]!.safeParse('not a value').success, `${table}.${key}`).toBe(false);
          // A label that is not also a value (HARD_NO vs hard_no) is refused: the wire carries values.
          for (const label of codec.dbValues) if (!(codec.values as readonly unknown[]).includes(label)) expect(shape[key]!.safeParse(label).success, `${table}.${key} label ${label}`).toBe(false);
        }
      }
    }
  });

  it('converts every row schema to JSON Schema with no open `{}` value', () => {
    for (const [table, schema] of Object.entries(ROW_SCHEMAS)) {
      const json = JSON.stringify(z.toJSONSchema(schema));
      expect(json, table).not.toContain('{}');
    }
  });
});

/** A user with one row in every table the user owns, and the three catalog tables' rows. */
async function everything(em: EntityManager) {
  const user = await em.getRepository(User).createUser({ name: 'Rows', email: `${unique('rows')}@example.com`, settings: { useMetric: true } } as never);
  const me = forUser(em, user.id);
  const squat = makeMovement(em, { name: unique('rows squat'), pattern: 'squat', equipmentTags: ['barbell'] });
  const press = makeMovement(em, { name: unique('rows press'), pattern: 'horizontal_push' });
  const circuit = em.create(CircuitTemplate, { name: unique('rows circuit'), circuitType: 'amrap', exercisesJson: [{ movement: 'Burpee' }], bucketStress: { conditioning: 0.8 } });
  em.create(MovementRelationship, { sourceMovement: squat, targetMovement: press, relationshipType: 'variation' });
  em.create(HeuristicConfig, { name: unique('rows config'), version: 1, jsonBlob: { deload_threshold: 0.05 } });
  await em.flush();
  const program = await me.programs.create({ ...FULL_BODY_PROGRAM, visibility: 'public' });
  const microcycle = (await me.programs.microcycles(program.id))[0]!;
  const session = await me.sessions.writePlan({ microcycleId: microcycle.id, date: '2026-01-06', dayNumber: 1, sessionType: 'full_body', sections: { main: [{ movementId: squat.id, sets: 3 }] } });
  const dates = ['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10'];
  const logs: number[] = [];
  for (const [i, date] of dates.entries()) {
    const { workoutLog } = await me.workouts.log({ date, visibility: 'public', topSets: [{ movementId: squat.id, weight: 100 + i, reps: 5, rpe: 8 }, { movementId: press.id, weight: 60, reps: 8 }] });
    logs.push(workoutLog.id);
  }
  await me.movementRules.create({ movementId: press.id, ruleType: 'preferred' });
  await me.enjoyableActivities.create({ activityType: 'hiking' });
  await me.soreness.create({ date: '2026-01-07', bodyPart: 'glutes', soreness: 3, inferredCauseSessionId: session.id });
  await me.recovery.create({ date: '2026-01-07', source: 'apple', sleepHours: 7.5, rawPayloadJson: { steps: 1000 } });
  const thread = await me.conversations.create({ contextType: 'daily_adaptation', contextSessionId: session.id });
  await me.conversations.appendTurn(thread.id, { role: 'user', content: 'hello' });
  await me.conversations.appendTurn(thread.id, { role: 'assistant', content: 'hi' });
  em.clear();
  return { user, me, squat, press, circuit, program, microcycle, session, logs, thread };
}

describe('a row of every table', () => {
  it('equals the entity loaded by MikroORM, key by key, and parses with its wire schema after JSON', async () => {
    const data = await everything(db.em);
    const seen = new Set<string>();
    for (const entity of ENTITIES) {
      const meta = db.em.getMetadata().get(entity as never);
      const entities = (await db.em.find(entity as never, {} as never, { orderBy: { id: 'desc' } as never, limit: 3 })) as { id: number }[];
      expect(entities.length, meta.tableName).toBeGreaterThan(0);
      seen.add(meta.tableName);
      for (const loaded of entities) {
        const row = await rowById<Record<string, unknown>>(db.em, entity as never, loaded.id);
        expect(row, meta.tableName).toBeDefined();
        for (const [key, prop] of rowProps(db.em, entity)) {
          const value = (loaded as Record<string, unknown>)[prop.name];
          const expected = prop.kind === 'scalar' ? value : value == null ? null : (value as { id: number }).id;
          if (expected instanceof Date) expect((row![key] as Date).getTime(), `${meta.tableName}.${key}`).toBe(expected.getTime());
          else expect(row![key], `${meta.tableName}.${key}`).toEqual(expected ?? null);
        }
        const wire = JSON.parse(JSON.stringify(row));
        expect(() => schemaOf(meta.tableName).strict().parse(wire), meta.tableName).not.toThrow();
      }
    }
    expect(seen.size).toBe(19);
    expect(data.logs).toHaveLength(5);
  });
});

describe('forUser lists as pages of rows', () => {
  it('pages workouts by keyset, oldest first, each page one statement with its top sets nested', async () => {
    const data = await everything(db.em);
    const seen: number[] = [];
    const pages: number[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await data.me.workouts.list({ limit: 2, include: ['topSets'], ...(after ? { after } : {}) });
      pages.push(result.items.length);
      for (const log of result.items) {
        seen.push(log.id);
        expect(log.topSets.map((t) => t.weight)).toHaveLength(2);
        expect(log.topSets[0]!.workoutLogId).toBe(log.id);
        expect(log.createdAt).toBeInstanceOf(Date);
      }
      expect(() => pageSchema(workoutLogRowSchema.extend({ topSets: z.array(topSetLogRowSchema) })).parse(JSON.parse(JSON.stringify(result)))).not.toThrow();
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(data.logs);
    // Top sets nested in input order; the heavier squat first.
    const one = await data.me.workouts.list({ from: '2026-01-08', to: '2026-01-08', include: ['topSets'] });
    expect(one.items.map((l) => l.date)).toEqual(['2026-01-08']);
    expect(one.items[0]!.topSets.map((t) => [t.weight, t.pattern])).toEqual([
      [102, 'squat'],
      [60, 'horizontal_push'],
    ]);
    expect(one.nextCursor).toBeNull();
    expect(db.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it('returns rows without the nested relations unless asked', async () => {
    const data = await everything(db.em);
    const { items } = await data.me.workouts.list();
    expect(items).toHaveLength(5);
    expect(items[0]).not.toHaveProperty('topSets');
    const programs = await data.me.programs.list({ include: ['microcycles'] });
    expect(programs.items).toHaveLength(1);
    expect(programs.items[0]!.microcycles.map((m) => m.sequenceNumber)).toEqual([...programs.items[0]!.microcycles.keys()].map((i) => i + 1));
    expect(programs.items[0]!.microcycles[0]!.status).toBe('active');
    const thread = await data.me.conversations.get(data.thread.id);
    // Each nested read parses with its wire schema once in its wire form.
    const wire = [
      [schemas.conversationThreadDetailRowSchema, thread],
      [schemas.profileRowSchema, await data.me.profile.get()],
      [schemas.workoutLogDetailRowSchema, await data.me.workouts.get(data.logs[0]!)],
      [schemas.sessionDetailRowSchema, await data.me.sessions.get(data.session.id)],
      [schemas.programWithMicrocyclesRowSchema, programs.items[0]],
      [schemas.pageSchema(schemas.userMovementRuleWithMovementRowSchema), await data.me.movementRules.list({ include: ['movement'] })],
    ] as const;
    for (const [schema, value] of wire) expect(() => (schema as z.ZodObject).strict().parse(schemas.toWire(value))).not.toThrow();
    expect(thread.turns.map((t) => [t.turnNumber, t.role])).toEqual([
      [1, 'user'],
      [2, 'assistant'],
    ]);
  });

  it('sends every read model and workflow result in the form its wire schema parses, key for key', async () => {
    const data = await everything(db.em);
    const { me } = data;
    const window = { until: '2026-01-10', days: 30 };
    const results: [z.ZodType, unknown][] = [
      [schemas.microcycleViewSchema, await me.sessions.microcycle(data.microcycle.id)],
      [z.array(schemas.patternStrengthSchema), await me.strength.psiAll()],
      [schemas.patternTrendsSchema, await me.strength.trendAll()],
      [schemas.deloadSignalSchema, await me.strength.deloadSignal()],
      [z.array(schemas.e1rmPointSchema), await me.strength.e1rmHistory({ pattern: 'squat' })],
      [z.array(schemas.bodyPartSorenessSchema), await me.soreness.byBodyPart(window)],
      [schemas.recoveryAveragesSchema, await me.recovery.averages(window)],
      [pageSchema(schemas.movementRowSchema), await me.movements.search({ limit: 5 })],
      [schemas.loggedWorkoutSchema, await me.workouts.log({ date: '2026-01-11', topSets: [{ movementId: data.squat.id, weight: 110, reps: 3, rpe: 9 }] })],
      [schemas.microcycleAdvanceSchema, await me.programs.advance(data.program.id)],
    ];
    for (const [schema, value] of results) {
      const wire = schemas.toWire(value);
      // z.object drops keys it does not declare, so equality also proves no key is missing from the schema.
      expect(schema.parse(wire)).toEqual(wire);
    }
    // Non-empty, so each schema met real values, nested ones included.
    expect((results[0]![1] as { sessions: { exercises: unknown[] }[] }).sessions[0]!.exercises.length).toBeGreaterThan(0);
    expect((results[4]![1] as unknown[]).length).toBeGreaterThan(0);
    expect((results[5]![1] as unknown[]).length).toBeGreaterThan(0);
  });

  it('returns from every write the plain row its read returns, not an entity', async () => {
    const data = await everything(db.em);
    const { me } = data;
    const program = await me.programs.create({ ...FULL_BODY_PROGRAM, startDate: '2026-03-02' });
    expect(program).toEqual(await me.programs.get(program.id, { include: ['microcycles'] }));
    expect(program.microcycles.map((m) => m.status)).toContain('active');
    const session = await me.sessions.writePlan({ microcycleId: program.microcycles[0]!.id, date: '2026-03-03', dayNumber: 1, sessionType: 'full_body', sections: { main: [{ movementId: data.squat.id, sets: 3 }] } });
    expect(session).toEqual(await me.sessions.get(session.id));
    expect(session.exercises.map((e) => e.movement.id)).toEqual([data.squat.id]);
    const profile = await me.profile.update({ name: 'Rows Renamed', settings: { useMetric: false } } as never);
    expect(profile).toEqual(await me.profile.get());
    expect(profile.settings?.useMetric).toBe(false);
    const movement = await me.movements.create({ name: unique('rows own'), pattern: 'lunge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' });
    expect(movement).toEqual(await me.movements.get(movement.id));
    expect(await me.movements.update(movement.id, { description: 'split stance' })).toEqual({ ...movement, description: 'split stance' });
    const thread = await me.conversations.create({ contextType: 'general' });
    expect({ ...thread, turns: [] }).toEqual(await me.conversations.get(thread.id));
    const turn = await me.conversations.appendTurn(thread.id, { role: 'user', content: 'hello' });
    expect((await me.conversations.get(thread.id)).turns).toEqual([turn]);
    const inList = async <T extends { id: number }>(row: T, list: Promise<{ items: T[] }>) => expect((await list).items.find((r) => r.id === row.id)).toEqual(row);
    await inList(await me.soreness.create({ date: '2026-03-04', bodyPart: 'quads', soreness: 2 }), me.soreness.list());
    await inList(await me.recovery.create({ date: '2026-03-04', source: 'manual', sleepHours: 7 }), me.recovery.list());
    await inList(await me.movementRules.create({ movementId: data.squat.id, ruleType: 'hard_yes' }), me.movementRules.list());
    await inList(await me.enjoyableActivities.create({ activityType: 'yoga' }), me.enjoyableActivities.list());
    // Rows, not entities: plain objects, and each one's wire form parses with its schema.
    for (const row of [program, session, profile, movement, thread, turn]) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    for (const [schema, value] of [
      [schemas.programWithMicrocyclesRowSchema, program],
      [schemas.sessionDetailRowSchema, session],
      [schemas.profileRowSchema, profile],
      [schemas.movementRowSchema, movement],
      [schemas.conversationTurnRowSchema, turn],
    ] as const) {
      const wire = schemas.toWire(value);
      expect((schema as z.ZodType).parse(wire)).toEqual(wire);
    }
  });

  it('refuses a cursor of another list, a made-up cursor and an unknown include, naming the option', async () => {
    const data = await everything(db.em);
    const soreness = await data.me.workouts.list({ limit: 1 });
    const errorOf = async (run: () => Promise<unknown>) => run().then(() => undefined, (e: unknown) => e);
    const foreign = await errorOf(() => data.me.soreness.list({ after: soreness.nextCursor! }));
    expect(foreign).toBeInstanceOf(GainslyValidationError);
    expect((foreign as GainslyValidationError).issues[0]!.path).toEqual(['after']);
    const madeUp = await errorOf(() => data.me.workouts.list({ after: 'bm90IGEgY3Vyc29y' }));
    expect(madeUp).toBeInstanceOf(GainslyValidationError);
    const include = await errorOf(() => data.me.workouts.list({ include: ['topSet' as never] }));
    expect(include).toBeInstanceOf(GainslyValidationError);
    expect(String((include as Error).message)).toContain("'topSets'");
    const limit = await errorOf(() => data.me.programs.list({ limit: 0 }));
    expect(limit).toBeInstanceOf(GainslyValidationError);
  });

  it('pages top sets and every other list of the scope to the end, each row once', async () => {
    const data = await everything(db.em);
    const all = async <T extends { id: number }>(list: (after?: string) => Promise<{ items: T[]; nextCursor: string | null }>) => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const result = await list(cursor);
        ids.push(...result.items.map((r) => r.id));
        cursor = result.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const topSets = await all((after) => data.me.workouts.topSets({ limit: 3, ...(after ? { after } : {}) }));
    expect(topSets).toHaveLength(10);
    expect(new Set(topSets).size).toBe(10);
    const squats = await all((after) => data.me.workouts.topSets({ pattern: 'squat', limit: 2, ...(after ? { after } : {}) }));
    expect(squats).toHaveLength(5);
    expect(await all((after) => data.me.strength.exposures({ limit: 4, ...(after ? { after } : {}) }))).toHaveLength(10);
    expect(await all((after) => data.me.conversations.list({ limit: 1, ...(after ? { after } : {}) }))).toEqual([data.thread.id]);
  });

  it('pages the movement search by name: every match once, a movement added meanwhile shifts nothing, a foreign cursor refused', async () => {
    const user = await db.em.getRepository(User).createUser({ name: 'Pager', email: `${unique('pager')}@example.com` } as never);
    const me = forUser(db.em, user.id);
    const tag = unique('pager');
    for (const letter of ['g', 'b', 'e', 'a', 'f', 'c', 'd']) makeMovement(db.em, { name: `${tag} ${letter}`, user });
    await db.em.flush();
    db.em.clear();
    const first = await me.movements.search({ text: tag, ownOnly: true, limit: 3 });
    expect(first.items.map((m) => m.name.slice(-1))).toEqual(['a', 'b', 'c']);
    // Inserted before the cursor: an offset page would now repeat 'c'; the keyset page starts at 'd'.
    makeMovement(db.em, { name: `${tag} 0`, user });
    await db.em.flush();
    const second = await me.movements.search({ text: tag, ownOnly: true, limit: 3, after: first.nextCursor! });
    expect(second.items.map((m) => m.name.slice(-1))).toEqual(['d', 'e', 'f']);
    const last = await me.movements.search({ text: tag, ownOnly: true, limit: 3, after: second.nextCursor! });
    expect(last.items.map((m) => m.name.slice(-1))).toEqual(['g']);
    expect(last.nextCursor).toBeNull();
    expect(() => pageSchema(schemas.movementRowSchema).strict().parse(schemas.toWire(second))).not.toThrow();
    // The viewer's catalog pages the same way; the repository's page too, at the largest limit.
    const viewed = await forViewer(db.em, user.id).movements({ text: tag, limit: 7 });
    expect(viewed.items.map((m) => m.name.slice(-1))).toEqual(['0', 'a', 'b', 'c', 'd', 'e', 'f']);
    expect((await forViewer(db.em, user.id).movements({ text: tag, limit: 7, after: viewed.nextCursor! })).items).toHaveLength(1);
    expect((await db.em.getRepository(Movement).searchPage({ text: tag, scope: { userId: user.id }, limit: 10_000 })).items).toHaveLength(8);
    const errorOf = async (run: () => Promise<unknown>) => run().then(() => undefined, (e: unknown) => e);
    for (const after of [Buffer.from(JSON.stringify(['workouts', '2026-01-01', 1])).toString('base64url'), Buffer.from(JSON.stringify(['movements', 7])).toString('base64url'), 'bm90IGEgY3Vyc29y']) {
      const error = await errorOf(() => me.movements.search({ text: tag, after }));
      expect(error, after).toBeInstanceOf(GainslyValidationError);
      expect((error as GainslyValidationError).issues[0]!.path).toEqual(['after']);
      // Named as the search's other options are, so a service's error report points at the right input.
      expect((error as GainslyValidationError).input).toBe('MovementSearch');
    }
    // `offset` belongs to the repository's positional search, not to a page.
    expect(await errorOf(() => me.movements.search({ offset: 1 } as never))).toBeInstanceOf(GainslyValidationError);
  });
});

describe('stored values a row cannot hold', () => {
  it('an infinite timestamp is a GainslyDataError naming table, column and row', async () => {
    const data = await everything(db.em);
    await db.em.execute(`update workout_logs set created_at = 'infinity' where id = ${data.logs[1]}`);
    const error = await data.me.workouts.list().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyDataError);
    expect(error).toMatchObject({ table: 'workout_logs', column: 'created_at', rowId: data.logs[1] });
    await db.em.execute(`update workout_logs set created_at = now() where id = ${data.logs[1]}`);
  });
});

describe('forViewer lists as pages of rows', () => {
  it("pages another user's public workouts with top sets, and hides private ones", async () => {
    const data = await everything(db.em);
    const stranger = await db.em.getRepository(User).createUser({ name: 'Stranger', email: `${unique('stranger')}@example.com` });
    const viewer = forViewer(db.em, stranger.id);
    const page1 = await viewer.workoutLogsOf(data.user.id, { limit: 3, include: ['topSets'] });
    expect(page1.items.map((l) => l.id)).toEqual(data.logs.slice(0, 3));
    const page2 = await viewer.workoutLogsOf(data.user.id, { limit: 3, after: page1.nextCursor! });
    expect(page2.items.map((l) => l.id)).toEqual(data.logs.slice(3));
    expect(page2.nextCursor).toBeNull();
    const programs = await viewer.programsOf(data.user.id, { include: ['microcycles'] });
    expect(programs.items.map((p) => p.id)).toEqual([data.program.id]);
    const program = await viewer.program(data.program.id);
    expect(program.visibility).toBe('public');
    const log = await viewer.workoutLog(data.logs[0]!);
    expect(log.topSets.map((t) => t.movement.name)).toEqual([data.squat.name, data.press.name]);
  });
});

describe('statements per read', () => {
  let orm: MikroORM;
  let database: TestDatabase;
  const queries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createGainslyOrm({ url: database.url, debug: ['query'], logger: (message: string) => queries.push(message) });
  });

  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('reads a page of workouts with their top sets, and a program with its weeks, in one statement each', async () => {
    const em = orm.em.fork();
    const data = await everything(em);
    const me = forUser(orm.em.fork(), data.user.id);
    queries.length = 0;
    // A fresh scope: the page's rows prove the user exists, so no existence probe either.
    await me.workouts.list({ include: ['topSets'] });
    expect(queries.filter((q) => /select/i.test(q))).toHaveLength(1);
    queries.length = 0;
    // An empty page cannot tell a user without workouts from no user: the probe runs (once per scope).
    const empty = forUser(orm.em.fork(), data.user.id);
    await empty.workouts.list({ from: '1999-01-01', to: '1999-01-31' });
    expect(queries.filter((q) => /select/i.test(q))).toHaveLength(2);
    queries.length = 0;
    await me.programs.get(data.program.id, { include: ['microcycles'] });
    expect(queries.filter((q) => /select/i.test(q))).toHaveLength(1);
    await em.getRepository(User).nativeDelete({ id: data.user.id }).catch(() => undefined);
  });
});

export type { Table };
