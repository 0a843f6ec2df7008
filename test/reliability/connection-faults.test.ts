/**
 * Connection failures outside a statement: at BEGIN, at COMMIT, at pool acquisition, at connect
 * (wrong password, no server, no such database), a database without the schema, and migrate run
 * by several processes at once. faults.test.ts kills backends in the middle of statements.
 *
 * Every "at X" is made deterministic without sleeps: the victim is stopped exactly there (a hook
 * on connection acquisition, a deferred trigger that waits on an advisory lock at COMMIT), the test
 * waits on pg_stat_activity or on the client's own 'error' event, and only then kills.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';
import {
  createGainslyOrm,
  GainslyAuthenticationError,
  GainslyCheckViolationError,
  GainslyConnectionError,
  GainslyError,
  GainslyNoSuchDatabaseError,
  GainslySchemaError,
  GainslyServerUnreachableError,
  GainslyTimeoutError,
  migrate,
  MIGRATIONS_TABLE,
  User,
} from '../../src/index.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { createEmptyDatabase, throughPgBouncer, useClonedDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { connectRaw, withDatabase } from '../support/pg-client.js';
import { holdLocks, terminate, waitFor, waitUntilBlocked, withDeadline } from '../support/reliability-db.js';
import { errorTexts, findSecrets, passwordOf, withPassword } from '../support/reliability-secrets.js';
import { buildCliBundle, type CliBundle } from '../support/cli-bundle.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { refusingServer } from '../support/fake-pg-server.js';

const VICTIM = 'gainsly-connection-fault-victim';
const NEXT_CALL_MS = 5_000;

/** How `promise` settled, as a value: awaiting it never throws. */
function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** What `promise` rejected with (a test failure when it fulfilled). */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  const outcome = await withDeadline(settle(promise), 20_000, what);
  if (outcome.ok) throw new Error(`${what} succeeded, but was expected to fail`);
  return outcome.error;
}

/** A meeting point for `parties` callers: each `arrive()` resolves once all of them have arrived. */
function barrier(parties: number): { arrive: () => Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive: () => {
      if (++arrived === parties) open();
      return opened;
    },
  };
}

/** The typed error, with no password anywhere in it. */
function expectTyped<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T, secret: string | undefined, code: string): T {
  expect(error, `expected a ${type.name}, got ${String(error)}`).toBeInstanceOf(type);
  expect((error as GainslyError).code).toBe(code);
  if (secret) expect(findSecrets(errorTexts(error), [secret])).toEqual([]);
  return error as T;
}

const userCount = (url: string, email: string) =>
  withRawClient(url, async (c) => (await c.query<{ n: number }>('select count(*)::int as n from users where email = $1', [email])).rows[0]!.n);

describe('a connection lost at BEGIN and at COMMIT of a library workflow (createUser: one flush, one transaction)', () => {
  const db = useClonedDatabase();
  let url: string;
  let orm: MikroORM;
  let pool: Pool;
  /** When set, the next connection acquisition runs it (Kysely's onReserveConnection, right before BEGIN). */
  let onReserve: ((connection: { executeQuery: (q: CompiledQuery) => Promise<{ rows: unknown[] }> }) => Promise<void>) | undefined;
  /** Resolvers waiting for a pooled client to report its connection error. */
  const clientErrors: (() => void)[] = [];

  beforeAll(async () => {
    url = withPassword(db.url);
    orm = await createGainslyOrm({
      url,
      // One connection: "the next call succeeds" then proves the dead one was given back.
      pool: { min: 0, max: 1 },
      driverOptions: { application_name: VICTIM },
      // No probe connection: every client is then created after the 'connect' listener below.
      verify: false,
      onReserveConnection: async (connection: unknown) => {
        const hook = onReserve;
        onReserve = undefined;
        await hook?.(connection as never);
      },
    });
    pool = (await orm.em.getConnection().getNativeClient()) as Pool;
    // pg emits 'error' on a checked-out client whose server went away: the client-side proof that it knows.
    pool.on('connect', (client: PoolClient) => client.on('error', () => clientErrors.splice(0).forEach((resolve) => resolve())));
    await withRawClient(db.url, (c) =>
      c.query(`
        create function gainsly_test_wait_at_commit() returns trigger language plpgsql as $$
        begin
          if new.email like 'commit-wait-%' then perform pg_advisory_xact_lock(4242); end if;
          if new.email like 'commit-refuse-%' then raise exception 'refused at commit' using errcode = 'check_violation'; end if;
          return null;
        end $$;
        create constraint trigger gainsly_test_wait_at_commit after insert on users
          deferrable initially deferred for each row execute function gainsly_test_wait_at_commit();`),
    );
  });
  afterAll(async () => {
    await withDeadline(orm.close(true), 2_000, 'orm.close()').catch(() => undefined);
  });
  afterEach(() => {
    onReserve = undefined;
  });

  const checkedOut = () => pool.totalCount - pool.idleCount;

  // Through PgBouncer a client has no backend of its own between transactions: the one this test
  // kills is back in PgBouncer's pool, and the BEGIN that follows runs on another one.
  it.skipIf(throughPgBouncer())('at BEGIN: the connection dies after acquisition, before BEGIN; a GainslyConnectionError saying nothing was written; the next call works', async () => {
    const admin = await connectRaw(db.url);
    try {
      onReserve = async (connection) => {
        const { rows } = await connection.executeQuery(CompiledQuery.raw('select pg_backend_pid() as pid'));
        const pid = Number((rows[0] as { pid: number }).pid);
        const noticed = new Promise<void>((resolve) => clientErrors.push(resolve));
        expect(await terminate(admin, pid)).toBe(true);
        // Wait until the client itself has seen its connection end: BEGIN is then sent on a dead client.
        await withDeadline(noticed, NEXT_CALL_MS, 'the client to notice its terminated connection');
      };
      const email = `begin-${randomBytes(3).toString('hex')}@example.com`;
      const error = await rejection(orm.em.fork().getRepository(User).createUser({ email }), 'createUser with its connection killed before BEGIN');
      const typed = expectTyped(error, GainslyConnectionError, passwordOf(url), 'GAINSLY_CONNECTION');
      expect(typed.message).toMatch(/at BEGIN/);
      expect(typed.mayHaveCommitted).toBe(false);
      expect(await userCount(db.url, email)).toBe(0);
      expect(checkedOut()).toBe(0);
      const next = await withDeadline(orm.em.fork().getRepository(User).createUser({ email }), NEXT_CALL_MS, 'the next createUser');
      expect(next.email).toBe(email);
    } finally {
      await admin.end();
    }
  });

  it('at COMMIT: killed while COMMIT runs (a deferred trigger waits on a lock); a GainslyConnectionError with mayHaveCommitted, saying so', async () => {
    const lock = await holdLocks(db.url, 'select pg_advisory_xact_lock(4242)');
    const admin = await connectRaw(db.url);
    const email = `commit-wait-${randomBytes(3).toString('hex')}@example.com`;
    try {
      const outcome = rejection(orm.em.fork().getRepository(User).createUser({ email }), 'createUser killed at COMMIT');
      const blocked = await waitUntilBlocked(admin, VICTIM, 10_000, /^commit/i);
      expect(blocked.query).toMatch(/^commit/i);
      expect(await terminate(admin, blocked.pid)).toBe(true);
      const typed = expectTyped(await outcome, GainslyConnectionError, passwordOf(url), 'GAINSLY_CONNECTION');
      expect(typed.mayHaveCommitted).toBe(true);
      expect(typed.message).toMatch(/COMMIT/);
      expect(typed.message).toMatch(/may have been committed/);
    } finally {
      await lock.release();
      await admin.end();
    }
    // (Here PostgreSQL had not committed: the trigger never finished.)
    expect(await userCount(db.url, email)).toBe(0);
    expect(checkedOut()).toBe(0);
    const next = await withDeadline(orm.em.fork().getRepository(User).createUser({ email: `after-${email}` }), NEXT_CALL_MS, 'the next createUser');
    expect(next.id).toBeGreaterThan(0);
  });

  it('at COMMIT, refused by a deferred constraint: the typed constraint error, never committed', async () => {
    const email = `commit-refuse-${randomBytes(3).toString('hex')}@example.com`;
    const error = await rejection(orm.em.fork().getRepository(User).createUser({ email }), 'createUser refused at COMMIT');
    expectTyped(error, GainslyCheckViolationError, passwordOf(url), 'GAINSLY_CHECK_VIOLATION');
    expect((error as GainslyCheckViolationError).sqlState).toBe('23514');
    expect(await userCount(db.url, email)).toBe(0);
    expect(checkedOut()).toBe(0);
  });
});

describe('pool acquisition', () => {
  const db = useClonedDatabase();

  it('a caller that waits for a second connection while holding the only one gets a GainslyTimeoutError, not a hang; the ORM works on', async () => {
    // 2 s, not less: pg-pool's acquire timeout also bounds opening a new connection, which a busy
    // machine can make slow; the wait for a connection that is never freed times out all the same.
    const orm = await createGainslyOrm({ url: db.url, pool: { min: 0, max: 1 }, acquireTimeoutMs: 2_000 });
    try {
      const error = await rejection(
        orm.em.fork().transactional(async () => {
          // orm.em (not the transaction's em) needs a connection of its own: the pool has none left.
          await orm.em.fork().execute('select 1');
        }),
        'a nested acquisition on a pool of one',
      );
      const typed = expectTyped(error, GainslyTimeoutError, undefined, 'GAINSLY_TIMEOUT');
      expect(typed.message).toMatch(/No database connection became free within 2000 ms \(all 1 in use\)/);
      expect(await withDeadline(orm.em.fork().execute('select 1 as one'), NEXT_CALL_MS, 'the next query')).toEqual([{ one: 1 }]);
    } finally {
      await orm.close(true);
    }
  });

  it('two transactions each holding one of two connections and each waiting for a third: both time out, typed', async () => {
    const orm = await createGainslyOrm({ url: db.url, pool: { min: 0, max: 2 }, acquireTimeoutMs: 2_000 });
    try {
      const bothHold = barrier(2);
      const bothSettled = barrier(2);
      const work = () =>
        orm.em.fork().transactional(async (tx) => {
          let held: Promise<void>;
          try {
            await tx.execute('select 1');
          } finally {
            // Also on failure: the other transaction would otherwise wait here until the deadline.
            held = bothHold.arrive();
          }
          await held;
          const third = await settle(orm.em.fork().execute('select 2'));
          // Neither transaction may end (and free its connection for the other's wait) until both
          // waits have settled: otherwise the later waiter is handed the first one's connection
          // when the machine is slow enough between the two timeouts (it was, in CI).
          await bothSettled.arrive();
          if (!third.ok) throw third.error;
        });
      const errors = await Promise.all([rejection(work(), 'the first transaction'), rejection(work(), 'the second transaction')]);
      for (const error of errors) expectTyped(error, GainslyTimeoutError, undefined, 'GAINSLY_TIMEOUT');
      expect(await orm.em.fork().execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await orm.close(true);
    }
  });

  it('has a default acquire timeout (pg would wait forever)', async () => {
    const orm = await createGainslyOrm({ url: db.url });
    try {
      const pool = (await orm.em.getConnection().getNativeClient()) as Pool & { options: { connectionTimeoutMillis?: number } };
      expect(pool.options.connectionTimeoutMillis).toBe(10_000);
    } finally {
      await orm.close(true);
    }
  });
});

describe('createGainslyOrm checks the connection and names what is wrong', () => {
  const secret = 'Conn-Fault-S3cret-77';

  it('no server: GainslyServerUnreachableError (a GainslyConnectionError), naming host and port, not the password', async () => {
    const error = await rejection(createGainslyOrm({ url: `postgres://gainsly:${secret}@127.0.0.1:1/gainsly` }), 'createGainslyOrm on a closed port');
    const typed = expectTyped(error, GainslyServerUnreachableError, secret, 'GAINSLY_SERVER_UNREACHABLE');
    expect(typed).toBeInstanceOf(GainslyConnectionError);
    expect(typed.message).toMatch(/127\.0\.0\.1:1/);
    expect(typed.message).toMatch(/ECONNREFUSED/);
  });

  it('an unknown host name: GainslyServerUnreachableError', async () => {
    const error = await rejection(createGainslyOrm({ url: `postgres://gainsly:${secret}@gainsly-no-such-host.invalid:5432/gainsly` }), 'createGainslyOrm on an unknown host');
    expectTyped(error, GainslyServerUnreachableError, secret, 'GAINSLY_SERVER_UNREACHABLE');
  });

  it('a refused password: GainslyAuthenticationError; the password was sent to the server and appears nowhere', async () => {
    const server = await refusingServer();
    try {
      const error = await rejection(createGainslyOrm({ url: `postgres://gainsly:${secret}@127.0.0.1:${server.port}/gainsly` }), 'createGainslyOrm with a refused password');
      const typed = expectTyped(error, GainslyAuthenticationError, secret, 'GAINSLY_AUTHENTICATION');
      expect(typed).toBeInstanceOf(GainslyConnectionError);
      expect(typed.sqlState).toBe('28P01');
      expect(typed.message).toMatch(/Authentication failed for gainsly@127\.0\.0\.1:\d+\/gainsly/);
      expect(server.passwords).toEqual([secret]);
    } finally {
      await server.close();
    }
  });

  it('no such database: GainslyNoSuchDatabaseError naming it; verify: false defers the error to the first query', async () => {
    const url = withDatabase(inject('gainslyAdminUrl'), `gainsly_missing_${randomBytes(4).toString('hex')}`);
    const error = await rejection(createGainslyOrm({ url }), 'createGainslyOrm on a missing database');
    expectTyped(error, GainslyNoSuchDatabaseError, undefined, 'GAINSLY_NO_SUCH_DATABASE');
    expect((error as Error).message).toMatch(/does not exist.*never creates a database/);

    const lazy = await createGainslyOrm({ url, verify: false });
    try {
      expectTyped(await rejection(lazy.em.fork().getRepository(User).findById(1), 'the first query'), GainslyNoSuchDatabaseError, undefined, 'GAINSLY_NO_SUCH_DATABASE');
    } finally {
      await lazy.close(true);
    }
  });
});

describe('a database without the schema', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createEmptyDatabase();
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it("verify: 'schema' refuses an empty database naming the fix; by default a query gets a GainslySchemaError, and createGainslyOrm + migrate works", async () => {
    const strict = await rejection(createGainslyOrm({ url: empty.url, verify: 'schema' }), "verify: 'schema' on an empty database");
    const typed = expectTyped(strict, GainslySchemaError, undefined, 'GAINSLY_SCHEMA');
    expect([typed.problem, typed.fix]).toEqual(['not_migrated', 'npx gainsly-db migrate']);
    expect(typed.message).toMatch(/npx gainsly-db migrate/);

    const orm = await createGainslyOrm({ url: empty.url });
    try {
      const query = await rejection(orm.em.fork().getRepository(User).findById(1), 'a query before migrating');
      const schemaError = expectTyped(query, GainslySchemaError, undefined, 'GAINSLY_SCHEMA');
      expect(schemaError.problem).toBe('missing_object');
      expect(schemaError.message).toMatch(/table "users" does not exist.*npx gainsly-db migrate/);
      expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
      expect(await orm.em.fork().getRepository(User).findById(1)).toBeNull();
    } finally {
      await orm.close(true);
    }
    const ready = await createGainslyOrm({ url: empty.url, verify: 'schema' });
    await ready.close(true);
  });

  it("verify: 'schema' names pending migrations, and an upstream database that is not adopted", async () => {
    await withRawClient(empty.url, (c) => c.query(`delete from ${MIGRATIONS_TABLE} where name = $1`, [ALL_MIGRATIONS.at(-1)]));
    const pending = expectTyped(await rejection(createGainslyOrm({ url: empty.url, verify: 'schema' }), 'pending migration'), GainslySchemaError, undefined, 'GAINSLY_SCHEMA');
    expect(pending.problem).toBe('migrations_pending');
    expect(pending.message).toContain(ALL_MIGRATIONS.at(-1));

    const upstream = await createEmptyDatabase();
    try {
      await withRawClient(upstream.url, (c) => c.query(`create table alembic_version (version_num varchar(32) primary key); create table users (id serial primary key)`));
      const error = expectTyped(await rejection(createGainslyOrm({ url: upstream.url, verify: 'schema' }), 'an upstream database'), GainslySchemaError, undefined, 'GAINSLY_SCHEMA');
      expect([error.problem, error.fix]).toEqual(['not_adopted', 'npx gainsly-db adopt']);
    } finally {
      await upstream.drop();
    }
  });
});

describe('migrate never creates a database', () => {
  it('on a URL naming a database that does not exist: GainslyNoSuchDatabaseError, and no database was created', async () => {
    const admin = inject('gainslyAdminUrl');
    const name = `gainsly_missing_${randomBytes(4).toString('hex')}`;
    const orm = await createGainslyOrm({ url: withDatabase(admin, name), verify: false });
    try {
      const error = await rejection(migrate(orm), 'migrate on a missing database');
      expectTyped(error, GainslyNoSuchDatabaseError, undefined, 'GAINSLY_NO_SUCH_DATABASE');
      // MikroORM's own migrator entry point goes through the same guard.
      expectTyped(await rejection(orm.migrator.up(), 'orm.migrator.up() on a missing database'), GainslyNoSuchDatabaseError, undefined, 'GAINSLY_NO_SUCH_DATABASE');
    } finally {
      await orm.close(true);
    }
    const found = await withRawClient(admin, (c) => c.query('select datname from pg_database where datname = $1', [name]));
    expect(found.rows).toEqual([]);
  });
});

describe('migrate from several processes at once', () => {
  let bundle: CliBundle | undefined;
  let empty: TestDatabase | undefined;
  beforeAll(async () => {
    bundle = await buildCliBundle();
    empty = await createEmptyDatabase();
  }, 120_000);
  afterAll(async () => {
    await bundle?.remove();
    await empty?.drop();
  });

  it('4 processes on one empty database, released together: all succeed, one applies every migration, the others find nothing to apply', async () => {
    const PROCESSES = 4;
    const GATE = 777_001;
    const APP = `gainsly-migrate-race-${randomBytes(3).toString('hex')}`;
    // Each process opens its ORM, then waits at a gate (an advisory lock the test holds) so that all
    // of them call migrate() at the same moment, whatever their start-up times.
    const script = join(dirname(dirname(bundle!.cli)), 'migrate-race.mjs');
    await writeFile(
      script,
      `import { createGainslyOrm, migrate } from './index.js';
       const orm = await createGainslyOrm({ url: process.argv[2], driverOptions: { application_name: process.argv[3] } });
       try {
         await orm.em.getConnection().execute('select pg_advisory_xact_lock_shared(?)', [${GATE}]);
         process.stdout.write(JSON.stringify(await migrate(orm)));
       } finally {
         await orm.close(true);
       }`,
    );
    const gate = await holdLocks(empty!.url, `select pg_advisory_xact_lock(${GATE})`);
    const runs = Array.from({ length: PROCESSES }, () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [script, empty!.url, APP], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      }),
    );
    try {
      const admin = await connectRaw(empty!.url);
      try {
        await waitFor(
          `${PROCESSES} processes waiting at the gate`,
          async () => {
            const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`, [APP]);
            return rows[0]!.n === PROCESSES ? true : undefined;
          },
          60_000,
        );
      } finally {
        await admin.end();
      }
    } finally {
      await gate.release();
    }
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const applied = results.map((r) => (JSON.parse(r.stdout) as { applied: string[] }).applied);
    expect(applied.filter((a) => a.length > 0)).toEqual([[...ALL_MIGRATIONS]]);
    expect(applied.filter((a) => a.length === 0)).toHaveLength(PROCESSES - 1);
    const recorded = await withRawClient(empty!.url, (c) => c.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by name`));
    expect(recorded.rows.map((r) => r.name)).toEqual([...ALL_MIGRATIONS]);
    const orm = await createGainslyOrm({ url: empty!.url, verify: 'schema' });
    try {
      expect((await doctor(orm)).ok).toBe(true);
    } finally {
      await orm.close(true);
    }
  }, 120_000);
});
