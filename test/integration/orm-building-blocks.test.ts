// The ORM building blocks every repository stands on (src/orm/base-repository.ts,
// src/orm/bound-query.ts, src/setup/strict-hydrator.ts), tested for what a caller sees: the error a
// missing row raises, bound statements that log their values and refuse a wrong value count
// before sending anything, and an entity left untouched when its row holds a value the library
// cannot read. They were the survivors of the database-bound mutation run (test/README.md,
// "Mutation scores").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { createGainslyOrm, GainslyDataError, GainslyNotFoundError, Movement, WorkoutLog } from '../../src/index.js';
import { sql } from 'kysely';
import { executeBound, GainslyStatementError, namedStatement, questionMarks } from '../../src/orm/bound-query.js';
import { emRunner } from '../../src/orm/sql-helpers.js';
import { ormRunner } from '../../src/admin/catalog.js';
import { createTestDatabase, useTestOrm, withRawClient, type TestDatabase } from '../support/database.js';
import { makeMovement, makeUser, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();

/** An id no row has: the clone's sequences start at 1 and these tests insert a handful of rows. */
const ABSENT_ID = 2_000_000_000;

describe('GainslyRepository.getById / findById', () => {
  it('getById returns the row with that id', async () => {
    const movement = makeMovement(db.em, { name: 'Getbyid Squat' });
    await db.em.flush();
    db.em.clear();
    const found = await db.em.getRepository(Movement).getById(movement.id);
    expect(found).toBeInstanceOf(Movement);
    expect(found.name).toBe('Getbyid Squat');
  });

  it('getById of an id no row has throws GainslyNotFoundError naming the entity, the table and the id', async () => {
    const error = await db.em.getRepository(Movement).getById(ABSENT_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyNotFoundError);
    const notFound = error as GainslyNotFoundError;
    expect({ entity: notFound.entity, table: notFound.table, key: notFound.key, code: notFound.code }).toEqual({
      entity: 'Movement',
      table: 'movements',
      key: { id: ABSENT_ID },
      code: 'GAINSLY_NOT_FOUND',
    });
    expect(notFound.message).toBe(`Movement (movements) not found: id=${ABSENT_ID}`);
  });

  it('findById of an id no row has is null', async () => {
    await expect(db.em.getRepository(Movement).findById(ABSENT_ID)).resolves.toBeNull();
  });
});

describe("UserOwnedRepository / DatedUserOwnedRepository: one user's rows", () => {
  it("findByUser returns that user's rows only, narrowed by the filter; findByUserInDateRange takes both ends, oldest first", async () => {
    const me = makeUser(db.em);
    const other = makeUser(db.em);
    // Inserted out of date order, with the other user's rows on the same dates.
    for (const date of ['2026-03-31', '2026-02-28', '2026-03-01', '2026-04-01', '2026-03-15']) {
      makeWorkoutLog(db.em, me, { date, completed: date !== '2026-03-15' });
      makeWorkoutLog(db.em, other, { date });
    }
    await db.em.flush();
    db.em.clear();
    const logs = db.em.getRepository(WorkoutLog);

    const mine = await logs.findByUser(me.id);
    expect(mine.map((log) => log.date).sort()).toEqual(['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01']);
    const skipped = await logs.findByUser(me.id, undefined, { completed: false });
    expect(skipped.map((log) => log.date)).toEqual(['2026-03-15']);

    const march = await logs.findByUserInDateRange(me.id, '2026-03-01', '2026-03-31');
    expect(march.map((log) => log.date)).toEqual(['2026-03-01', '2026-03-15', '2026-03-31']);
  });
});

describe('the schema generator', () => {
  it('ensureDatabase checks the connection and never creates a database (false: nothing created)', async () => {
    await expect(db.orm.schema.ensureDatabase()).resolves.toBe(false);
  });
});

describe('executeBound: statements with server-side parameters', () => {
  let logDb: TestDatabase;
  let orm: MikroORM;
  const lines: string[] = [];
  const contexts: LogContext[] = [];

  beforeAll(async () => {
    logDb = await createTestDatabase();
    orm = await createGainslyOrm({
      url: logDb.url,
      debug: ['query', 'query-params'],
      // A logger of one's own gets each query's context (its values included), not just the line.
      loggerFactory: (options: LoggerOptions) =>
        new (class extends DefaultLogger {
          override logQuery(context: { query: string } & LogContext): void {
            contexts.push(context);
            super.logQuery(context);
          }
        })({ ...options, writer: (message: string) => lines.push(message) }),
    });
  });

  afterAll(async () => {
    await orm?.close(true);
    await logDb?.drop();
  });

  it('returns the rows, with text values that look like SQL handed over as values', async () => {
    const rows = await executeBound<{ a: string; b: number }>(orm.em.fork(), sql`select ${"x'); drop table users; --"}::text as a, ${41}::int + 1 as b`);
    expect(rows).toEqual([{ a: "x'); drop table users; --", b: 42 }]);
  });

  it('logs the statement with its values, like every ORM query', async () => {
    lines.length = 0;
    await executeBound(orm.em.fork(), sql`select ${'bound-value-7731'}::text as logged_marker`);
    const logged = lines.find((line) => line.includes('logged_marker'));
    expect(logged, lines.join('\n')).toBeDefined();
    expect(logged).toContain('bound-value-7731');
    const context = contexts.find((c) => c.query?.includes('logged_marker'));
    expect(context?.params).toEqual(['bound-value-7731']);
  });

  it("logs placeholders, not values, when debug has 'query' without 'query-params'", async () => {
    const plain: string[] = [];
    const quiet = await createGainslyOrm({ url: logDb.url, debug: ['query'], logger: (message: string) => plain.push(message) });
    try {
      await executeBound(quiet.em.fork(), sql`select ${'hidden-value-5513'}::text as placeholder_marker`);
    } finally {
      await quiet.close(true);
    }
    const logged = plain.find((line) => line.includes('placeholder_marker'));
    expect(logged, plain.join('\n')).toBeDefined();
    expect(logged).not.toContain('hidden-value-5513');
    expect(logged).toContain('$1');
  });

  // With nothing to log, executeBound leaves MikroORM's executeQuery out (bound-query.ts); these
  // are the loggers that must still see every statement with `debug` off.
  it('with debug off, a logger of one’s own that overrides logQuery still gets each statement', async () => {
    const seen: string[] = [];
    const own = await createGainslyOrm({
      url: logDb.url,
      loggerFactory: (options: LoggerOptions) =>
        new (class extends DefaultLogger {
          override logQuery(context: { query: string } & LogContext): void {
            seen.push(context.query);
          }
        })(options),
    });
    try {
      await executeBound(own.em.fork(), sql`select ${3}::int as own_logger_marker`);
      await executeBound(own.em.fork(), sql`select ${4}::int as own_logger_marker_again`);
    } finally {
      await own.close(true);
    }
    expect(seen.filter((query) => query.includes('own_logger_marker'))).toHaveLength(2);
  });

  it('with debug off, a slow-query threshold still logs a statement that reaches it', async () => {
    const slow: string[] = [];
    const watched = await createGainslyOrm({
      url: logDb.url,
      slowQueryThreshold: 0,
      slowQueryLoggerFactory: (options: LoggerOptions) => new DefaultLogger({ ...options, writer: (message: string) => slow.push(message) }),
    });
    try {
      await executeBound(watched.em.fork(), sql`select ${5}::int as slow_query_marker`);
    } finally {
      await watched.close(true);
    }
    expect(slow.filter((line) => line.includes('slow_query_marker'))).toHaveLength(1);
  });

  it('runs on an ORM closed and used again: it connects first', async () => {
    const reopened = await createGainslyOrm({ url: logDb.url });
    try {
      await expect(executeBound(reopened.em.fork(), sql`select ${6}::int as n`)).resolves.toEqual([{ n: 6 }]);
      await reopened.close(true);
      await expect(executeBound(reopened.em.fork(), sql`select ${7}::int as n`)).resolves.toEqual([{ n: 7 }]);
    } finally {
      await reopened.close(true);
    }
  });

  it('refuses a value count that does not match the placeholders, before sending anything', async () => {
    lines.length = 0;
    const run = emRunner(orm.em.fork());
    await expect(run('select ?::int as never_sent_marker, ?::int', [1])).rejects.toThrow('executeBound: the statement takes 2 values, 1 given');
    await expect(run('select 1 as never_sent_marker', [1])).rejects.toThrow(GainslyStatementError);
    expect(() => questionMarks('select 1 as never_sent_marker', [1])).toThrow('executeBound: the statement takes 0 values, 1 given');
    const named = namedStatement<{ a: number; b?: number }>((p) => sql`select ${p.a}::int as never_sent_marker, ${p.b}::int`);
    expect(() => named.bind({ a: 1 })).toThrow('executeBound: no value for $b');
    expect(lines.filter((line) => line.includes('never_sent_marker'))).toEqual([]);
  });

  // `current_query()` is the text the server received for the running statement: with the values
  // bound it holds `$1`, with the values inlined on the client it would hold the value itself.
  it('sends the values as parameters: the server receives `$n`, never the value in the text', async () => {
    const marker = 'inline-marker-4417';
    const [direct] = await executeBound<{ q: string; v: string }>(orm.em.fork(), sql`select current_query() as q, ${marker}::text as v`);
    const named = namedStatement<{ v: string }, { q: string; v: string }>((p) => sql`select current_query() as q, ${p.v}::text as v`);
    const [byName] = await executeBound(orm.em.fork(), named.bind({ v: marker }));
    for (const row of [direct, byName]) {
      expect(row?.v).toBe(marker);
      expect(row?.q).toContain('$1');
      expect(row?.q).not.toContain(marker);
    }
  });

  it("admin's runners bind their values too (emRunner, ormRunner)", async () => {
    const marker = 'admin-marker-9022';
    for (const run of [emRunner(orm.em.fork()), ormRunner(orm)]) {
      const [row] = await run('select current_query() as q, ?::text as v', [marker]);
      expect(row?.v).toBe(marker);
      expect(String(row?.q)).toContain('$1');
      expect(String(row?.q)).not.toContain(marker);
    }
  });
});

describe('StrictHydrator: a row holding a value the library cannot read', () => {
  it('leaves the entity as it was (its id only), and reads it once the row is fixed', async () => {
    const movement = makeMovement(db.em, { name: 'Halffilled Press' });
    await db.em.flush();
    const id = movement.id;
    const [{ pattern: stored }] = (await db.em.execute(`select pattern from movements where id = ?`, [id])) as [{ pattern: string }];
    // Bypass the library, as the upstream app or a script could.
    await db.em.execute(`update movements set pattern = 'Squat ' where id = ?`, [id]);
    db.em.clear();

    const error = await db.em.findOne(Movement, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyDataError);
    expect({ table: (error as GainslyDataError).table, rowId: (error as GainslyDataError).rowId, column: (error as GainslyDataError).column }).toEqual({
      table: 'movements',
      rowId: id,
      column: 'pattern',
    });
    // MikroORM had put the entity in the identity map before hydrating it: nothing of the row
    // may have reached it, or a later flush could write the half it got.
    const held = db.em.getUnitOfWork().getById(Movement, id);
    expect(held, 'the entity MikroORM registered before hydrating').toBeDefined();
    expect(held!.name).toBeUndefined();

    await db.em.execute(`update movements set pattern = ? where id = ?`, [stored, id]);
    const fixed = await db.em.findOneOrFail(Movement, id);
    expect(fixed.name).toBe('Halffilled Press');
  });
});

describe('executeBound runs in the caller transaction', () => {
  it("sees the caller's uncommitted row, which a separate connection does not", async () => {
    const movement = makeMovement(db.em, { name: 'Uncommitted Row' });
    await db.em.flush();
    const inside = await executeBound<{ name: string }>(db.em, sql`select name from movements where id = ${movement.id}`);
    expect(inside).toEqual([{ name: 'Uncommitted Row' }]);
    const outside = await withRawClient(db.db.url, async (client) => (await client.query('select name from movements where id = $1', [movement.id])).rows);
    expect(outside).toEqual([]);
  });
});
