/**
 * ORM start-up against a real PostgreSQL (and the embedded PGlite): createGainslyOrm's connection
 * check and `verify: 'schema'` refusals, migrate()'s results and advisory lock, the driver's pool
 * hardening, transaction-step errors and password scrubbing, and createPgliteOrm's paths.
 * It exists for the database-bound mutation run of issue #24 (src/setup/driver.ts, create-orm.ts,
 * embedded.ts; see test/README.md "Mutation scores"): one fast file that judges their mutants,
 * where the reliability and migration suites are too slow to run once per mutant.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import {
  createGainslyOrm,
  GainslyConfigError,
  GainslyConnectionError,
  GainslyDatabaseError,
  GainslyNoSuchDatabaseError,
  GainslyPostgreSqlDriver,
  GainslySchemaError,
  GainslyServerUnreachableError,
  GainslyTimeoutError,
  GainslyUniqueViolationError,
  migrate,
  User,
} from '../../src/index.js';
import { createPgliteOrm } from '../../src/setup/embedded.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { createEmptyDatabase, createTestDatabase, throughPgBouncer, withRawClient, type TestDatabase } from '../support/database.js';
import { connectRaw, withDatabase } from '../support/pg-client.js';
import { freePort } from '../support/pg-server.js';
import { passwordOf, withPassword } from '../support/reliability-secrets.js';
import { useTempDir } from '../support/temp-dir.js';

/** The advisory lock key migrate and adopt share: the bytes of "gainsl" (create-orm.ts). */
const SCHEMA_LOCK = BigInt(`0x${Buffer.from('gainsl').toString('hex')}`).toString();
const LIBRARY_MIGRATIONS = [...ALL_MIGRATIONS];

/** Fails (instead of hanging the file) when `promise` has not settled within `ms`; generous on purpose. */
async function within<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, it resolved');
}

/** Polls `probe` until it returns true; fails after 10 s. */
async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`waited 20 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const backendsOn = (database: string) =>
  withRawClient(inject('gainslyAdminUrl'), async (c) => (await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database])).rows[0]!.n);

describe('createGainslyOrm: proving the connection', () => {
  it('refuses a bad verify option with a GainslyConfigError, before connecting', async () => {
    const error = await rejectionOf(createGainslyOrm({ url: 'postgres://nobody@127.0.0.1:1/none', verify: 'maybe' as never }));
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toBe(`verify must be true, false or 'schema', got "maybe"`);
  });

  it('by default fails at start-up on a database that does not exist (GainslyNoSuchDatabaseError); verify: false connects lazily', async () => {
    const name = `gainsly_missing_${Date.now().toString(36)}`;
    const url = withDatabase(inject('gainslyAdminUrl'), name);
    const error = await rejectionOf(createGainslyOrm({ url }));
    expect(error).toBeInstanceOf(GainslyNoSuchDatabaseError);
    expect((error as Error).message).toContain(`createdb ${name}`);
    const lazy = await createGainslyOrm({ url, verify: false });
    try {
      // The first query is where a lazy ORM finds out, typed the same way.
      expect(await rejectionOf(lazy.em.fork().execute('select 1'))).toBeInstanceOf(GainslyNoSuchDatabaseError);
    } finally {
      await lazy.close(true);
    }
  });

  it('a refused port is a GainslyServerUnreachableError naming the host and port, through queries and pool.query() alike', async () => {
    const port = await freePort();
    const url = `postgresql://postgres@127.0.0.1:${port}/gainsly`;
    const error = await rejectionOf(createGainslyOrm({ url }));
    expect(error).toBeInstanceOf(GainslyServerUnreachableError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).toContain('ECONNREFUSED');
    const lazy = await createGainslyOrm({ url, verify: false });
    try {
      const pool = (await lazy.em.getConnection().getNativeClient()) as Pool;
      // pg's own pool.query() checks out with the callback form of connect.
      const viaPool = await within(rejectionOf(pool.query('select 1')), 'pool.query on a refused port');
      expect(viaPool).toBeInstanceOf(GainslyServerUnreachableError);
      expect((viaPool as Error).message).toContain(`127.0.0.1:${port}`);
    } finally {
      await lazy.close(true);
    }
  });
});

describe("createGainslyOrm({ verify: 'schema' })", () => {
  const created: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of created) await db.drop();
  });
  const empty = async (sql?: string) => {
    const db = await createEmptyDatabase();
    created.push(db);
    if (sql) await withRawClient(db.url, (c) => c.query(sql));
    return db;
  };
  const migrated = async (unrecord: string[] = []) => {
    const db = await createTestDatabase();
    created.push(db);
    if (unrecord.length) await withRawClient(db.url, (c) => c.query('delete from gainsly_db_migrations where name = any($1)', [unrecord]));
    return db;
  };
  const refusal = async (url: string) => {
    const error = await rejectionOf(createGainslyOrm({ url, verify: 'schema' }));
    expect(error).toBeInstanceOf(GainslySchemaError);
    return error as GainslySchemaError;
  };

  it('refuses an empty database as not migrated, with the masked URL, and leaves no connection open', async () => {
    const db = await empty();
    const url = withPassword(db.url);
    const error = await refusal(url);
    expect(error.problem).toBe('not_migrated');
    expect(error.fix).toBe('npx gainsly-db migrate');
    expect(error.code).toBe('GAINSLY_SCHEMA');
    expect(error.message).toMatch(
      new RegExp(`^Database "${db.name}" \\(postgresql://[^)]*:\\*\\*\\*@[^)]*/${db.name}\\) has no Gainsly schema \\(not migrated\\)\\. Run \`npx gainsly-db migrate\`, or \`await migrate\\(orm\\)\` on an ORM created with verify: true\\.$`),
    );
    expect(error.message).not.toContain(passwordOf(url)!);
    // The failed start-up closed its pool: no backend is left on that database.
    await until('the refused ORM to close its connections', async () => (await backendsOn(db.name)) === 0);
  });

  it("refuses the upstream app's database (users, or alembic_version) as not adopted", async () => {
    for (const sql of ['create table users (id int)', 'create table alembic_version (version_num text)']) {
      const db = await empty(sql);
      const error = await refusal(db.url);
      expect(error.problem, sql).toBe('not_adopted');
      expect(error.fix).toBe('npx gainsly-db adopt');
      expect(error.message).toContain(`Database "${db.name}" (`);
      expect(error.message).toContain(
        ") was created by the upstream app and is not adopted: the library's migrations are not recorded. Run `npx gainsly-db doctor`, then `npx gainsly-db adopt` (it changes no row).",
      );
    }
  });

  it('refuses pending migrations, naming them (one, and several)', async () => {
    const one = await migrated(['0004-foreign-key-indexes']);
    const single = await refusal(one.url);
    expect(single.problem).toBe('migrations_pending');
    expect(single.fix).toBe('npx gainsly-db migrate');
    expect(single.message).toContain(`Database "${one.name}" (`);
    expect(single.message).toContain(') has 1 pending migration (0004-foreign-key-indexes): run `npx gainsly-db migrate` (or `await migrate(orm)`).');

    const two = await migrated(['0003-performance-indexes', '0004-foreign-key-indexes']);
    const several = await refusal(two.url);
    expect(several.message).toContain(') has 2 pending migrations (0003-performance-indexes, 0004-foreign-key-indexes): run `npx gainsly-db migrate`');
  });

  it('accepts a fully migrated database', async () => {
    const db = await migrated();
    const orm = await createGainslyOrm({ url: db.url, verify: 'schema' });
    try {
      expect(await orm.em.fork().execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await orm.close(true);
    }
  });
});

const AppNote = new EntitySchema({ name: 'AppNote', tableName: 'app_notes', properties: { id: { type: 'integer', primary: true } } });

class CreateAppNotes extends Migration {
  override up(): void {
    this.addSql('create table app_notes (id serial primary key, body text not null)');
  }
}

describe('migrate()', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    // The template is fully migrated; forget the last migration (its indexes are `if not exists`).
    await withRawClient(db.url, (c) => c.query(`delete from gainsly_db_migrations where name = '0004-foreign-key-indexes'`));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("applies what is pending, then nothing; with appMigrations also the app's, in their own table", async () => {
    const orm = await createGainslyOrm({ url: db.url });
    try {
      expect(await migrate(orm)).toEqual({ applied: ['0004-foreign-key-indexes'] });
      expect(await migrate(orm)).toEqual({ applied: [] });
    } finally {
      await orm.close(true);
    }
    const withApp = await createGainslyOrm({ url: db.url, appMigrations: [{ name: '0001-app-notes', class: CreateAppNotes }] });
    try {
      expect(await migrate(withApp)).toEqual({ applied: [], app: ['0001-app-notes'] });
      expect(await migrate(withApp)).toEqual({ applied: [], app: [] });
      const rows = await withRawClient(db.url, async (c) => ({
        app: (await c.query<{ name: string }>('select name from app_migrations')).rows.map((r) => r.name),
        library: (await c.query<{ name: string }>('select name from gainsly_db_migrations')).rows.map((r) => r.name).sort(),
      }));
      expect(rows).toEqual({ app: ['0001-app-notes'], library: LIBRARY_MIGRATIONS });
    } finally {
      await withApp.close(true);
    }
  });

  it('runs on a pool of one connection: each step holds the lock in the transaction it migrates in', async () => {
    const empty = await createEmptyDatabase();
    const orm = await createGainslyOrm({ url: empty.url, pool: { min: 0, max: 1 }, acquireTimeoutMs: 15_000, appMigrations: [{ name: '0001-app-notes', class: CreateAppNotes }] });
    try {
      expect(await migrate(orm)).toEqual({ applied: LIBRARY_MIGRATIONS, app: ['0001-app-notes'] });
    } finally {
      await orm.close(true);
      await empty.drop();
    }
  });

  it('four processes starting together on a new database: one applies the migrations, the others find nothing to apply', async () => {
    const empty = await createEmptyDatabase();
    const orms = await Promise.all([1, 2, 3, 4].map(() => createGainslyOrm({ url: empty.url })));
    try {
      const results = await Promise.all(orms.map((orm) => migrate(orm)));
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, LIBRARY_MIGRATIONS.length]);
      const recorded = await withRawClient(empty.url, async (c) => (await c.query<{ name: string }>('select name from gainsly_db_migrations order by id')).rows.map((r) => r.name));
      expect(recorded).toEqual(LIBRARY_MIGRATIONS);
    } finally {
      for (const orm of orms) await orm.close(true);
      await empty.drop();
    }
  });

  it('waits for the schema advisory lock another session holds', async () => {
    const orm = await createGainslyOrm({ url: db.url, driverOptions: { application_name: 'gainsly_lock_waiter' } });
    const holder = await connectRaw(db.url);
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
      let settled: string | undefined;
      const running = migrate(orm).then(
        (result) => {
          settled = 'resolved';
          return result;
        },
        (error: unknown) => {
          settled = `rejected (${String(error)})`;
          throw error;
        },
      );
      running.catch(() => undefined);
      await until('migrate() to wait on the advisory lock', async () => {
        if (settled) throw new Error(`migrate() ${settled} while another session held the schema lock`);
        const { rows } = await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where application_name = 'gainsly_lock_waiter' and wait_event_type = 'Lock' and wait_event = 'advisory'`,
        );
        return rows[0]!.n > 0;
      });
      await holder.query('commit');
      expect(await within(running, 'migrate() after the lock is released')).toEqual({ applied: [] });
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
      await orm.close(true);
    }
  });
});

const VICTIM = 'gainsly_start_up_victim';

describe('the driver on a server', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    url = withPassword(db.url);
    orm = await createGainslyOrm({ url, pool: { min: 0, max: 1 }, acquireTimeoutMs: 2_000, verify: false, driverOptions: { application_name: VICTIM } });
    await withRawClient(db.url, (c) =>
      c.query(`
        create table gainsly_test_deferred (id int primary key, parent int references gainsly_test_deferred (id) deferrable initially deferred);
        create function gainsly_test_wait_at_commit() returns trigger language plpgsql as $$
        begin
          if new.id = 500 then perform pg_advisory_xact_lock(4243); end if;
          return null;
        end $$;
        create constraint trigger gainsly_test_wait_at_commit after insert on gainsly_test_deferred
          deferrable initially deferred for each row execute function gainsly_test_wait_at_commit();`),
    );
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it("is named PostgreSqlDriver and knows the library's tables", () => {
    expect(GainslyPostgreSqlDriver.name).toBe('PostgreSqlDriver');
    const tables = (orm.em.getConnection() as unknown as { tables: ReadonlySet<string> }).tables;
    expect(tables.has('users')).toBe(true);
    expect(tables.has('gainsly_db_migrations')).toBe(true);
    expect([...tables].every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });

  it('scrubs the password from a database error that quotes it', async () => {
    const password = passwordOf(url)!;
    const error = await rejectionOf(orm.em.fork().execute('select ?::int as n', [password]));
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as Error).message).toContain('invalid input syntax for type integer');
    expect((error as Error).message).not.toContain(password);
  });

  it('an exhausted pool is a GainslyTimeoutError naming the wait and the pool size', async () => {
    const error = await orm.em.fork().transactional(async (em) => {
      await em.execute('select 1');
      return rejectionOf(orm.em.fork().execute('select 1'));
    });
    expect(error).toBeInstanceOf(GainslyTimeoutError);
    expect((error as Error).message).toContain('No database connection became free within 2000 ms (all 1 in use).');
  });

  it("a constraint that fails at COMMIT is the library's typed error, and the connection is reusable", async () => {
    const error = await rejectionOf(orm.em.fork().transactional((em) => em.execute('insert into gainsly_test_deferred (id, parent) values (1, 99)')));
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as GainslyDatabaseError).sqlState).toBe('23503');
    expect(await within(orm.em.fork().execute('select count(*)::int as n from gainsly_test_deferred'), 'the query after a failed COMMIT')).toEqual([{ n: 0 }]);
  });

  it("a BEGIN the server refuses is the library's typed error, and its connection is given back", async () => {
    // Kysely accepts 'snapshot' (SQL Server's); PostgreSQL refuses it at BEGIN with a syntax error.
    const error = await rejectionOf(orm.em.fork().transactional((em) => em.execute('select 1'), { isolationLevel: 'snapshot' as never }));
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as GainslyDatabaseError).sqlState).toBe('42601');
    // One connection in the pool: a leaked one would make this wait out acquireTimeoutMs and fail.
    expect(await orm.em.fork().execute('select 2 as n')).toEqual([{ n: 2 }]);
  });

  it.skipIf(throughPgBouncer())('a connection killed while COMMIT runs: a GainslyConnectionError saying it may have committed; the dead client is given back', async () => {
    const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
    const holder = await connectRaw(db.url);
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock(4243)');
      const outcome = rejectionOf(orm.em.fork().transactional((em) => em.execute('insert into gainsly_test_deferred (id) values (500)')));
      let pid = 0;
      await until('COMMIT to wait on the lock', async () => {
        const { rows } = await holder.query<{ pid: number }>(
          `select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock' and wait_event = 'advisory'`,
          [VICTIM],
        );
        pid = rows[0]?.pid ?? 0;
        return pid > 0;
      });
      await holder.query('select pg_terminate_backend($1)', [pid]);
      const error = await within(outcome, 'the killed COMMIT');
      expect(error).toBeInstanceOf(GainslyConnectionError);
      expect((error as GainslyConnectionError).mayHaveCommitted).toBe(true);
      expect((error as Error).message).toMatch(/^Connection lost during COMMIT \(.+\): the write may have been committed\./);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    // One connection in the pool: the dead one must have been destroyed, not kept checked out.
    const [next] = await within(orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from gainsly_test_deferred'), 'the query after the killed COMMIT');
    expect(next).toEqual({ n: 0 });
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('pool.query() (the callback form of connect) works on the hardened pool', async () => {
    const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
    const { rows } = await within(pool.query('select 41 + 1 as n'), 'pool.query');
    expect(rows).toEqual([{ n: 42 }]);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  // Through PgBouncer the backend is not the client's own.
  it.skipIf(throughPgBouncer())('a client whose backend was terminated mid-transaction is not reused; the next query works on a new one', async () => {
    const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
    const admin = await connectRaw(inject('gainslyAdminUrl'));
    let killed = 0;
    try {
      const error = await rejectionOf(
        orm.em.fork().transactional(async (em) => {
          const [row] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
          killed = row!.pid;
          await admin.query('select pg_terminate_backend($1)', [killed]);
          await until('the backend to end', async () => (await admin.query('select 1 from pg_stat_activity where pid = $1', [killed])).rows.length === 0);
          await em.execute('select 1');
        }),
      );
      expect(error).toBeInstanceOf(GainslyConnectionError);
      expect((error as Error).message).not.toMatch(/ROLLBACK/);
      const [next] = await within(orm.em.fork().execute<{ pid: number }[]>('select pg_backend_pid() as pid'), 'the query after the kill');
      expect(next!.pid).not.toBe(killed);
      expect(pool.totalCount - pool.idleCount).toBe(0);
      // And a transaction on the new connection commits.
      await within(orm.em.fork().transactional((em) => em.execute('select 1')), 'a transaction after the kill');
    } finally {
      await admin.end();
    }
  });
});

describe('the embedded database (pglite:)', () => {
  const tmp = useTempDir('gainsly-start-up-');

  it('in memory: starts, verifies, translates errors (global context, missing library table, unique violation)', async () => {
    const orm = await createGainslyOrm({ url: 'pglite:' });
    try {
      expect(await rejectionOf(orm.em.find(User, {}))).toBeInstanceOf(GainslyConfigError);
      const missing = await rejectionOf(orm.em.fork().find(User, {}));
      expect(missing).toBeInstanceOf(GainslySchemaError);
      expect((missing as GainslySchemaError).problem).toBe('missing_object');
      const em = orm.em.fork();
      await em.execute('create table gainsly_test_unique (id int primary key)');
      await em.execute('insert into gainsly_test_unique values (1)');
      const duplicate = await rejectionOf(em.execute('insert into gainsly_test_unique values (1)'));
      expect(duplicate).toBeInstanceOf(GainslyUniqueViolationError);
    } finally {
      await orm.close(true);
    }
  });

  it("a directory: creates missing parents; verify: 'schema' refuses it, new, naming its URL, and closes it", async () => {
    const nested = join(tmp.path, 'a b', 'c', 'db');
    const error = await rejectionOf(createGainslyOrm({ url: `pglite:${nested}`, verify: 'schema' }));
    expect(error).toBeInstanceOf(GainslySchemaError);
    expect((error as GainslySchemaError).problem).toBe('not_migrated');
    expect((error as Error).message).toMatch(/^Database "[^"]+" \(pglite:([^)]+)\) has no Gainsly schema \(not migrated\)/);
    expect((error as Error).message).toContain(`(pglite:${nested})`);
    // The cluster is in the directory, not in memory.
    expect(existsSync(join(nested, 'PG_VERSION'))).toBe(true);
  });

  it('refuses read replicas, accepts an empty list', async () => {
    const message = 'An embedded database (pglite:) has no read replicas: remove `replicas`, or use a PostgreSQL server URL.';
    for (const replicas of [['postgres://replica/db'], 'postgres://replica/db']) {
      const error = await rejectionOf(createPgliteOrm(undefined, { replicas: replicas as never }));
      expect(error).toBeInstanceOf(GainslyConfigError);
      expect((error as Error).message).toBe(message);
    }
    // An empty list is no replica; the app's entities join the library's.
    const orm = await createPgliteOrm(undefined, { replicas: [], entities: [AppNote] });
    try {
      expect(orm.getMetadata().find(AppNote)?.tableName).toBe('app_notes');
      expect(orm.getMetadata().find(User)?.tableName).toBe('users');
    } finally {
      await orm.close(true);
    }
  });
});
