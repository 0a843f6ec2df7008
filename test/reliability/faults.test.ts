/**
 * Faults: the database backend dies (`pg_terminate_backend`) or a statement times out in the
 * middle of a workflow. "In the middle" is made deterministic: an admin connection holds a lock the
 * workflow's next statement needs, the test waits until pg_stat_activity shows the workflow's
 * backend waiting on that lock (its earlier statements have run inside its transaction), and then
 * kills it. Each case asserts: a typed error (no password in it), zero partial rows, and that the
 * next call on the SAME ORM succeeds (the pool discarded the dead connection).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import {
  createGainslyOrm,
  GainslyConnectionError,
  GainslyTimeoutError,
  migrate,
  MIGRATIONS_TABLE,
  Movement,
  Program,
  User,
  WorkoutLog,
} from '../../src/index.js';
import { adopt } from '../../src/admin/adopt.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { importMovements } from '../../src/admin/import/import.js';
import { ormRunner, readCatalog, type Catalog } from '../../src/admin/catalog.js';
import { createEmptyDatabase, throughPgBouncer, useClonedDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { connectRaw, type RawClient } from '../support/pg-client.js';
import { loadUpstreamDump, requireFixtures } from '../support/fixtures.js';
import { makeMovement, PROGRAM } from '../support/factories.js';
import { holdLocks, tableCounts, terminate, waitFor, waitUntilBlocked, withDeadline, type TableCounts } from '../support/reliability-db.js';
import { errorTexts, findSecrets, passwordOf, withPassword } from '../support/reliability-secrets.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';

/** The password of the victim's URL (trust auth ignores it; the embedded server checks it). */
const secretOf = (url: string): string => passwordOf(url)!;

const VICTIM = 'gainsly-reliability-victim';


/** The typed error, with the password nowhere in it (soft: the checks after it still run). */
function expectTypedError(error: unknown, type: new (...args: never[]) => Error, secret: string): void {
  expect.soft(error, `expected a ${type.name}, got ${String(error)}`).toBeInstanceOf(type);
  expect(findSecrets(errorTexts(error), [secret])).toEqual([]);
}

/**
 * An ORM for the workflow under test: its connections are named {@link VICTIM} (so the admin side
 * can find its backend) and its pool has ONE connection, so "the next call on the same ORM
 * succeeds" proves the dead connection was given back, not merely that a spare one was left.
 */
async function victimOrm(url: string, driverOptions: Record<string, unknown> = {}): Promise<{ orm: MikroORM; pool: Pool }> {
  const orm = await createGainslyOrm({ url, pool: { min: 0, max: 1 }, driverOptions: { application_name: VICTIM, ...driverOptions } });
  const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
  return { orm, pool };
}

/** Connections the pool has handed out and not got back. */
const checkedOut = (pool: Pool) => pool.totalCount - pool.idleCount;

/** Closes an ORM without letting a leaked pool connection hang the test file (close() waits for it). */
async function closeQuietly(orm: MikroORM | undefined): Promise<void> {
  if (!orm) return;
  await withDeadline(orm.close(true), 1_000, 'orm.close()').catch((error: unknown) => console.warn(`[reliability] ${String(error)}`));
}

/**
 * Starts `work`, waits until the victim backend is blocked on a lock held by `lockSql` (run in
 * an admin transaction), terminates it, releases the lock, and returns what `work` threw.
 */
async function killInTheMiddle(
  url: string,
  lockSql: string,
  work: () => Promise<unknown>,
  params: unknown[] = [],
  blockedQuery?: RegExp,
): Promise<{ error: unknown; blockedOn: string }> {
  const lock = await holdLocks(url, lockSql, params);
  const admin = await connectRaw(url);
  try {
    const outcome = work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const blocked = await waitUntilBlocked(admin, VICTIM, undefined, blockedQuery);
    expect(await terminate(admin, blocked.pid)).toBe(true);
    const result = await withDeadline(outcome, 10_000, 'the killed workflow');
    if (result.ok) throw new Error(`the workflow succeeded although its backend was terminated while it ran: ${blocked.query}`);
    return { error: result.error, blockedOn: blocked.query };
  } finally {
    await lock.release();
    await admin.end();
  }
}

const NEXT_CALL_MS = 5_000;

/**
 * Fails (with the consequence spelled out) when the failed call did not give its connection back:
 * with a pool of one, every later call would wait for it forever, and `orm.close()` hangs.
 */
function expectNoLeakedConnection(pool: Pool): void {
  expect(checkedOut(pool), 'a pool connection is still checked out after the call failed: it leaked (with pool.max = 1 the next call waits forever, and orm.close() never returns)').toBe(0);
}

describe('pg_terminate_backend in the middle of a workflow', () => {
  const db = useClonedDatabase();
  let url: string;
  let userId: number;
  let movementId: number;
  let victim: { orm: MikroORM; pool: Pool } | undefined;

  beforeAll(async () => {
    url = withPassword(db.url);
    const orm = await createGainslyOrm({ url: db.url });
    try {
      const em = orm.em.fork();
      const user = await em.getRepository(User).createUser({ name: 'victim' });
      await orm.em.fork().getRepository(Program).createProgram(user.id, PROGRAM);
      const movement = makeMovement(em, { pattern: 'squat' });
      await em.flush();
      userId = user.id;
      movementId = movement.id;
    } finally {
      await orm.close(true);
    }
  });
  beforeEach(async () => {
    victim = await victimOrm(url);
  });
  afterEach(async () => {
    await closeQuietly(victim?.orm);
    victim = undefined;
  });

  const counts = (): Promise<TableCounts> => withRawClient(db.url, (c) => tableCounts(async (sql) => (await c.query(sql)).rows));

  it('a query killed outside any transaction: a typed error, and the next call on the same ORM succeeds', async () => {
    const { orm, pool } = victim!;
    const admin = await connectRaw(db.url);
    try {
      const running = orm.em.fork().execute('select pg_sleep(5)').then(
        () => undefined,
        (e: unknown) => e,
      );
      const pid = await waitFor('the sleeping query', async () => {
        const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query like 'select pg_sleep%'`, [VICTIM]);
        return rows[0]?.pid;
      });
      expect(await terminate(admin, pid)).toBe(true);
      const error = await withDeadline(running, NEXT_CALL_MS, 'the killed query');
      // Straight away, as a busy service would: the pool must not hand the dead connection to the next caller.
      const next = await withDeadline(
        orm.em.fork().getRepository(User).findById(userId).then(
          (user) => user?.id,
          (e: unknown) => e,
        ),
        NEXT_CALL_MS,
        'the next query on the same ORM',
      );
      expectTypedError(error, GainslyConnectionError, secretOf(url));
      expect(next, `the next query failed: ${String(next)}`).toBe(userId);
      expectNoLeakedConnection(pool);
    } finally {
      await admin.end();
    }
  });

  it('the native pool stays a working pg.Pool: pool.query() and connect(callback) run, and after a backend is killed under pool.query() the next one succeeds', async () => {
    const { pool } = victim!;
    // A rejection nobody handles would crash a service (Node's default): none may come from the pool.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    onTestFinished(() => void process.off('unhandledRejection', onUnhandled));
    // pool.query() checks a client out through the callback form of connect().
    expect((await withDeadline(pool.query<{ one: number }>('select 1 as one'), NEXT_CALL_MS, 'pool.query()')).rows).toEqual([{ one: 1 }]);
    const viaCallback = await withDeadline(
      new Promise<number>((resolve, reject) => {
        pool.connect((error, client, done) => {
          if (error || !client) return reject(error ?? new Error('connect() gave no client'));
          client.query<{ two: number }>('select 2 as two').then(
            (res) => {
              done();
              resolve(res.rows[0]!.two);
            },
            (e: unknown) => {
              done(e as Error);
              reject(e as Error);
            },
          );
        });
      }),
      NEXT_CALL_MS,
      'pool.connect(callback)',
    );
    expect(viaCallback).toBe(2);
    expectNoLeakedConnection(pool);

    const admin = await connectRaw(db.url);
    try {
      const running = pool.query('select pg_sleep(5)').then(
        () => undefined,
        (e: unknown) => e,
      );
      const pid = await waitFor('the sleeping pool.query()', async () => {
        const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query like 'select pg_sleep%'`, [VICTIM]);
        return rows[0]?.pid;
      });
      expect(await terminate(admin, pid)).toBe(true);
      expect(String(await withDeadline(running, NEXT_CALL_MS, 'the killed pool.query()'))).toMatch(/terminat/i);
      expect((await withDeadline(pool.query<{ one: number }>('select 1 as one'), NEXT_CALL_MS, 'the next pool.query()')).rows).toEqual([{ one: 1 }]);
      expectNoLeakedConnection(pool);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled.map(String)).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('logWorkout: killed while its one statement waits to insert top sets (the log row already inserted in it); nothing of it stays; the next call on the same ORM succeeds', async () => {
    const { orm, pool } = victim!;
    const before = await counts();
    const input = { date: '2026-01-06', notes: 'killed', topSets: [{ movementId, weight: 100, reps: 5 }, { movementId, weight: 90, reps: 8 }] };
    const { error, blockedOn } = await killInTheMiddle(url, 'lock table top_set_logs in exclusive mode', () =>
      orm.em.fork().getRepository(WorkoutLog).logWorkout(userId, input),
    );
    expect(blockedOn).toMatch(/insert into "?top_set_logs"?|json_to_recordset/i);
    expectTypedError(error, GainslyConnectionError, secretOf(url));
    expect(await counts()).toEqual(before);
    expectNoLeakedConnection(pool);
    // The same ORM (a pool of one connection) works on: the dead connection was given back.
    const ok = await withDeadline(orm.em.fork().getRepository(WorkoutLog).logWorkout(userId, { ...input, notes: 'after' }), NEXT_CALL_MS, 'the next logWorkout on the same ORM');
    expect(ok.topSets).toHaveLength(2);
    expect(ok.exposures).toHaveLength(2);
    const after = await counts();
    expect([after.workout_logs - before.workout_logs, after.top_set_logs - before.top_set_logs, after.pattern_exposures - before.pattern_exposures]).toEqual([1, 2, 2]);
  });

  it('createProgram: killed after deactivating the old program and inserting the new one, while waiting to insert microcycles', async () => {
    const { orm, pool } = victim!;
    const before = await counts();
    const activeBefore = await withRawClient(db.url, (c) => c.query('select id from programs where user_id = $1 and is_active', [userId]));
    const { error, blockedOn } = await killInTheMiddle(url, 'lock table microcycles in exclusive mode', () =>
      orm.em.fork().getRepository(Program).createProgram(userId, { ...PROGRAM, name: 'killed' }),
    );
    expect(blockedOn).toMatch(/insert into "microcycles"/i);
    expectTypedError(error, GainslyConnectionError, secretOf(url));
    expect(await counts()).toEqual(before);
    // The deactivation of the previous program was rolled back with the rest.
    expect((await withRawClient(db.url, (c) => c.query('select id from programs where user_id = $1 and is_active', [userId]))).rows).toEqual(activeBefore.rows);
    expectNoLeakedConnection(pool);
    const program = await withDeadline(orm.em.fork().getRepository(Program).createProgram(userId, { ...PROGRAM, name: 'after' }), NEXT_CALL_MS, 'the next createProgram on the same ORM');
    expect(program.isActive).toBe(true);
    const after = await counts();
    expect([after.programs - before.programs, after.microcycles - before.microcycles]).toEqual([1, 8]);
  });

  it('importMovements: killed after its first batches, while a later batch waits on a row lock; no movement written', async () => {
    const { orm, pool } = victim!;
    // A movement the import will update in its second batch; an admin transaction holds its row lock.
    const contested = 'Reliability Contested Press';
    await importMovements(orm, [{ name: contested, pattern: 'vertical_push', primary_muscle: 'front_delts', primary_region: 'shoulder' }]);
    const before = await counts();
    const records = [
      ...Array.from({ length: 25 }, (_, i) => ({ name: `Reliability Import ${i}`, pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower' })),
      { name: contested, pattern: 'vertical_push', primary_muscle: 'front_delts', primary_region: 'shoulder', description: 'changed by the killed import' },
    ];
    const { error, blockedOn } = await killInTheMiddle(
      url,
      'select id from movements where name = $1 for update',
      () => importMovements(orm, records, { batchSize: 10 }),
      [contested],
    );
    // Blocked in a batch's write from the import's staging table (imports stream through one, #17).
    expect(blockedOn).toMatch(/gainsly_import_stage_\d+[\s\S]*update "public"\."movements"/);
    expectTypedError(error, GainslyConnectionError, secretOf(url));
    expect(await counts()).toEqual(before);
    const row = await withRawClient(db.url, (c) => c.query<{ description: string | null }>('select description from movements where name = $1', [contested]));
    expect(row.rows).toEqual([{ description: null }]);
    expectNoLeakedConnection(pool);
    // Re-running the same import on the same ORM completes it.
    const report = await withDeadline(importMovements(orm, records, { batchSize: 10 }), NEXT_CALL_MS, 'the next importMovements on the same ORM');
    expect([report.inserted, report.updated]).toEqual([25, 1]);
  });
});

describe('a statement timeout in the middle of an import', () => {
  const db = useClonedDatabase();
  let victim: { orm: MikroORM; pool: Pool } | undefined;
  afterAll(async () => {
    await closeQuietly(victim?.orm);
  });

  // PgBouncer refuses statement_timeout as a start-up parameter ("unsupported startup parameter"):
  // behind a pooler it is set per role or database on the server (docs/scaling.md).
  it.skipIf(throughPgBouncer())('is a GainslyTimeoutError and leaves nothing half-applied; the same ORM then imports', async () => {
    // Long enough that no other statement of the test (start-up check, set-up import, commits)
    // meets it on a busy machine; the blocked batch waits on a held lock and meets it for certain.
    victim = await victimOrm(db.url, { statement_timeout: 3000 });
    const { orm } = victim;
    const contested = 'Reliability Timeout Row';
    await importMovements(orm, [{ name: contested, pattern: 'hinge', primary_muscle: 'hamstrings', primary_region: 'posterior lower' }]);
    const before = await withRawClient(db.url, (c) => c.query('select id, name, description from movements order by id'));
    const records = [
      ...Array.from({ length: 30 }, (_, i) => ({ name: `Reliability Timeout ${i}`, pattern: 'hinge', primary_muscle: 'hamstrings', primary_region: 'posterior lower' })),
      { name: contested, pattern: 'hinge', primary_muscle: 'hamstrings', primary_region: 'posterior lower', description: 'never' },
    ];
    // Batches of 10: the first three insert, the fourth needs the contested row, locked here.
    const lock = await holdLocks(db.url, 'select id from movements where name = $1 for update', [contested]);
    let error: unknown;
    try {
      error = await importMovements(orm, records, { batchSize: 10 }).then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      await lock.release();
    }
    expect.soft(error, String(error)).toBeInstanceOf(GainslyTimeoutError);
    expect((error as { sqlState?: string }).sqlState).toBe('57014');
    expect(await withRawClient(db.url, (c) => c.query('select id, name, description from movements order by id'))).toEqual(before);
    const report = await withDeadline(importMovements(orm, records, { batchSize: 10 }), NEXT_CALL_MS, 'the next importMovements on the same ORM');
    expect([report.inserted, report.updated]).toEqual([30, 1]);
  });
});

const hasFixtures = requireFixtures('adopt killed in the middle (needs the upstream schema dump)');

describe.runIf(hasFixtures)('pg_terminate_backend in the middle of adopt', () => {
  let db: TestDatabase;
  let victim: { orm: MikroORM; pool: Pool } | undefined;
  let observer: MikroORM | undefined;
  let url: string;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    await loadUpstreamDump(db.url, 'head');
    await withRawClient(db.url, (c) =>
      c.query(`insert into users (name, email, experience_level, persona_tone, persona_aggression) values ('Up', 'up@example.com', 'ADVANCED', 'SUPPORTIVE', 'BALANCED');
               insert into movements (name, pattern, primary_muscle, primary_region, cns_load, skill_level, metric_type) values ('Back Squat', 'squat', 'quadriceps', 'anterior lower', 'high', 'intermediate', 'reps')`),
    );
    url = withPassword(db.url);
    observer = await createGainslyOrm({ url: db.url });
  });
  afterAll(async () => {
    await closeQuietly(victim?.orm);
    await observer?.close(true);
    await db?.drop();
  });

  it('waiting too long for a table lock the running app holds: a typed timeout, nothing changed', async () => {
    const orm = await createGainslyOrm({ url, pool: { min: 0, max: 1 } });
    try {
      const catalogBefore = await readCatalog(ormRunner(observer!));
      const lock = await holdLocks(db.url, 'lock table movements in access share mode');
      let error: unknown;
      try {
        error = await withDeadline(adopt(orm, { lockTimeoutMs: 200 }).then(() => undefined, (e: unknown) => e), NEXT_CALL_MS, 'adopt with a 200 ms lock timeout');
      } finally {
        await lock.release();
      }
      expect((error as { sqlState?: string }).sqlState, String(error)).toBe('55P03');
      expectTypedError(error, GainslyTimeoutError, secretOf(url));
      expect(await readCatalog(ormRunner(observer!))).toEqual(catalogBefore);
    } finally {
      await closeQuietly(orm);
    }
  });

  it('is a typed connection error, changes nothing (catalog, rows, migrations table), and adopt then succeeds on the same ORM', async () => {
    victim = await victimOrm(url);
    const { orm, pool } = victim;
    const catalogBefore = await readCatalog(ormRunner(observer!));
    const rowsBefore = await withRawClient(db.url, (c) => c.query(`select (select count(*) from users) u, (select count(*) from movements) m`));
    // ALTER TABLE movements needs an ACCESS EXCLUSIVE lock; any open transaction that read the
    // table holds ACCESS SHARE until it ends. Adopt has already added the enum label by then.
    const { error, blockedOn } = await killInTheMiddle(url, 'lock table movements in access share mode', () => adopt(orm), [], /alter table/i);
    expect(blockedOn).toMatch(/alter table/i);
    expectTypedError(error, GainslyConnectionError, secretOf(url));
    const catalogAfter = await readCatalog(ormRunner(observer!));
    expect(catalogAfter).toEqual(catalogBefore);
    expect(catalogBefore.tables[MIGRATIONS_TABLE]).toBeUndefined();
    expect((await withRawClient(db.url, (c) => c.query(`select (select count(*) from users) u, (select count(*) from movements) m`))).rows).toEqual(rowsBefore.rows);
    expectNoLeakedConnection(pool);

    const result = await withDeadline(adopt(orm), NEXT_CALL_MS, 'the next adopt on the same ORM');
    expect(result.alreadyAdopted).toBe(false);
    expect(result.report.ok).toBe(true);
    expect((await doctor(orm)).ok).toBe(true);
    expect(await migrate(orm)).toEqual({ applied: [] });
  });
});

describe('a migration that fails half-way leaves the schema as it was', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  /** The catalog without the migrations bookkeeping table (MikroORM creates it before the migration transaction). */
  function withoutBookkeeping(catalog: Catalog): Catalog {
    const { [MIGRATIONS_TABLE]: _, ...tables } = catalog.tables;
    return { tables, enums: catalog.enums };
  }

  async function recorded(): Promise<string[]> {
    const exists = await withRawClient(db.url, (c) => c.query<{ t: string | null }>('select to_regclass($1)::text as t', [MIGRATIONS_TABLE]));
    if (!exists.rows[0]!.t) return [];
    const { rows } = await withRawClient(db.url, (c) => c.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`));
    return rows.map((r) => r.name);
  }

  it('0001 fails on its 17th statement (a pre-existing type): the 16 types and nothing else are rolled back', async () => {
    db = await createEmptyDatabase();
    // `visibility` is the last enum type 0001 creates, after sixteen others.
    await withRawClient(db.url, (c) => c.query(`create type visibility as enum ('SECRET'); create table keep_me (id int); insert into keep_me values (1)`));
    orm = await createGainslyOrm({ url: db.url });
    const before = await readCatalog(ormRunner(orm));
    const error = await migrate(orm).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/visibility.*already exists/);
    expect(withoutBookkeeping(await readCatalog(ormRunner(orm)))).toEqual(before);
    expect(await recorded()).toEqual([]);
    expect((await withRawClient(db.url, (c) => c.query('select id from keep_me'))).rows).toEqual([{ id: 1 }]);
  });

  it('0002 fails after 0001 ran completely: 0001 is rolled back too (all or nothing), and a retry after the fix applies both', async () => {
    await orm.close(true);
    await db.drop();
    db = await createEmptyDatabase();
    // An event trigger that refuses ALTER TYPE: 0001 only creates, 0002 starts with ALTER TYPE.
    await withRawClient(db.url, (c) =>
      c.query(`create function refuse_alter_type() returns event_trigger language plpgsql as $$ begin raise exception 'alter type refused by test'; end $$;
               create event trigger refuse_alter_type on ddl_command_start when tag in ('ALTER TYPE') execute function refuse_alter_type();`),
    );
    orm = await createGainslyOrm({ url: db.url });
    const before = await readCatalog(ormRunner(orm));
    const error = await migrate(orm).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/alter type refused by test/);
    expect(withoutBookkeeping(await readCatalog(ormRunner(orm)))).toEqual(before);
    expect(Object.keys(before.tables)).toEqual([]);
    expect(await recorded()).toEqual([]);

    await withRawClient(db.url, (c) => c.query('drop event trigger refuse_alter_type'));
    expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
    expect((await doctor(orm)).ok).toBe(true);
    // And the ORM writes through the freshly migrated schema.
    const em = orm.em.fork();
    makeMovement(em);
    await em.flush();
    expect(await em.count(Movement)).toBe(1);
  });
});
