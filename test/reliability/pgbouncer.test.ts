/**
 * The library keeps no session state a transaction pooler could break (issue #20; docs/scaling.md,
 * "Connection poolers"). Proven on a real PgBouncer in transaction mode with ONE server connection
 * (`default_pool_size = 1`): two ORMs, each with its own client connections, run every kind of
 * statement the library sends (migrations, imports with their temporary staging tables, a user
 * erase with its temporary id tables, advisory-locked workflows, the workflows with their row
 * locks) interleaved on that one server connection. Afterwards that connection holds nothing a
 * session would keep: no setting changed with SET, no prepared statement, no LISTEN, no temporary
 * table, no advisory lock, no open transaction. And on the wire, no statement the library sent was
 * a session-level SET, LISTEN, PREPARE, session advisory lock, or a named prepared statement.
 *
 * In the `pgbouncer` vitest project (vitest.config.ts) the last test also checks that the test
 * databases of that project really are reached through PgBouncer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  eraseUserData,
  forUser,
  GainslyDatabaseError,
  HeuristicConfig,
  migrate,
  Movement,
  User,
} from '../../src/index.js';
import {
  importCircuits,
  importMovements,
} from '../../src/admin/index.js';
import { createTestDatabase, useTestOrm, withRawClient, type TestDatabase } from '../support/database.js';
import { findPgBouncer, startPgBouncer, type PgBouncer } from '../support/pgbouncer.js';
import { fixturePath } from '../support/fixtures.js';
import { PROGRAM, unique } from '../support/factories.js';

const binary = findPgBouncer();
if (!binary) console.warn('[gainsly tests] pgbouncer is not installed: the transaction-pooling proof is skipped (Debian: apt-get install pgbouncer)');

const SEED = (name: string) => fixturePath(`upstream-seed-data/${name}`);

interface Statement {
  text: string;
  named: boolean;
}

describe.skipIf(!binary)('through PgBouncer in transaction mode with one server connection', () => {
  let db: TestDatabase;
  let bouncer: PgBouncer;
  let orms: MikroORM[] = [];
  const sent: Statement[] = [];
  const originalQuery = pg.Client.prototype.query;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The database as made on the server: PgBouncer in front of it, whatever the project.
    const direct = new URL(db.url);
    const adminUrl = inject('gainslyAdminUrl');
    const server = new URL(adminUrl);
    direct.hostname = server.hostname;
    direct.port = server.port;
    direct.password = server.password;
    bouncer = await startPgBouncer(direct.toString(), { poolSize: 1 });
    // An empty database, so migrate() runs its statements through the pooler too.
    await withRawClient(direct.toString(), (c) => c.query('drop schema public cascade; create schema public'));
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string; name?: string };
      sent.push({ text: typeof first === 'string' ? first : (first?.text ?? ''), named: typeof first === 'object' && first !== null && Boolean(first.name) });
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
    const url = bouncer.via(direct.toString());
    // This pooler does not keep prepared statements (PgBouncer in transaction mode, before 1.21 or
    // with max_prepared_statements = 0): the switch docs/scaling.md documents, once as the option
    // and once as the URL parameter.
    orms = [
      await createGainslyOrm({ url, pool: { max: 3 }, preparedStatements: false }),
      await createGainslyOrm({ url: `${url}${url.includes('?') ? '&' : '?'}gainsly_prepared_statements=false`, pool: { max: 3 } }),
    ];
  }, 120_000);

  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    for (const orm of orms) await orm.close(true).catch(() => undefined);
    await bouncer?.stop();
    await db?.drop();
  });

  it('every kind of library statement, interleaved from two ORMs on one server connection, leaves no session state behind', async () => {
    const [a, b] = orms as [MikroORM, MikroORM];
    // Both ORMs migrate at once: the advisory lock is transaction-scoped, so the second waits and finds nothing to do.
    const results = await Promise.all([migrate(a), migrate(b)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 4]);

    await Promise.all([importMovements(a, SEED('movements.json')), importCircuits(b, SEED('scraped_circuits.json'))]);
    const movement = await a.em.fork().findOneOrFail(Movement, { user: null }, { orderBy: { id: 'asc' } });

    const users = await Promise.all(
      [a, b].map((orm) => orm.em.fork().getRepository(User).createUser({ name: 'Pooled', email: `${unique('pooled')}@example.com` })),
    );
    await Promise.all(
      [a, b].map(async (orm, i) => {
        const me = forUser(orm.em.fork(), users[i]!.id);
        const program = await me.programs.create(PROGRAM);
        await me.programs.advance(program.id);
        await me.workouts.log({ date: '2026-01-06', topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
        const thread = await me.conversations.create({ contextType: 'general' });
        await Promise.all([1, 2, 3].map((n) => me.conversations.appendTurn(thread.id, { role: 'user', content: `turn ${n}` })));
        await me.strength.psiAll();
      }),
    );
    const em = a.em.fork();
    em.create(HeuristicConfig, { name: 'pooled', version: 1, jsonBlob: {} });
    em.create(HeuristicConfig, { name: 'pooled', version: 2, jsonBlob: {} });
    await em.flush();
    await Promise.all([a.em.fork().getRepository(HeuristicConfig).activate('pooled', 1), b.em.fork().getRepository(HeuristicConfig).activate('pooled', 2)]);
    await eraseUserData(b, users[1]!.id);

    // The one server connection, asked through the pooler (so on that same connection).
    const state = await withRawClient(bouncer.via(db.url), async (c) => {
      const one = async (sql: string) => (await c.query<{ n: string }>(sql)).rows[0]!.n;
      return {
        backends: await one(`select count(*)::text as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`),
        settings: (await c.query<{ name: string }>(`select name from pg_settings where source = 'session'`)).rows.map((r) => r.name),
        prepared: await one('select count(*)::text as n from pg_prepared_statements'),
        listening: await one('select count(*)::text as n from pg_listening_channels()'),
        tempTables: await one(`select count(*)::text as n from pg_class where relpersistence = 't'`),
        // This server connection's own (pg_locks is server-wide: other test files' clones take advisory locks).
        advisoryLocks: await one(`select count(*)::text as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`),
        openTransactions: await one(`select count(*)::text as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`),
      };
    });
    expect(state).toEqual({ backends: '1', settings: [], prepared: '0', listening: '0', tempTables: '0', advisoryLocks: '0', openTransactions: '0' });
  });

  it('on the wire: no session-level SET, LISTEN, PREPARE or session advisory lock, and no named prepared statement', () => {
    expect(sent.length).toBeGreaterThan(50);
    const sessionState = sent.filter(({ text }) =>
      /^\s*(set\s+(?!local\b)(session\s+)?\w|listen\b|prepare\b|declare\b.*\bwith\s+hold\b)|pg_advisory_lock\(|pg_try_advisory_lock\(|set_config\([^)]*,\s*false\s*\)/i.test(text),
    );
    expect(sessionState).toEqual([]);
    expect(sent.filter((s) => s.named)).toEqual([]);
    // The temporary tables the library creates all go away at commit.
    const temps = sent.filter(({ text }) => /create\s+temp(orary)?\s+table/i.test(text));
    expect(temps.length).toBeGreaterThan(0);
    expect(temps.filter(({ text }) => !/on\s+commit\s+drop/i.test(text))).toEqual([]);
  });
});

describe.skipIf(!binary)('through PgBouncer in transaction mode, with prepared statements left on', () => {
  let bouncer: PgBouncer | undefined;
  let db: TestDatabase | undefined;
  const opened: MikroORM[] = [];

  afterAll(async () => {
    for (const orm of opened) await orm.close(true).catch(() => undefined);
    await bouncer?.stop();
    await db?.drop();
  });

  it('a second client on the one server connection gets a typed error that names the switch, not a driver error', async () => {
    db = await createTestDatabase();
    const direct = new URL(db.url);
    const server = new URL(inject('gainslyAdminUrl'));
    direct.hostname = server.hostname;
    direct.port = server.port;
    direct.password = server.password;
    direct.search = '';
    bouncer = await startPgBouncer(direct.toString(), { poolSize: 1 });
    const url = bouncer.via(direct.toString());
    const first = await createGainslyOrm({ url, pool: { max: 1 } });
    opened.push(first);
    const second = await createGainslyOrm({ url, pool: { max: 1 } });
    opened.push(second);
    const em = first.em.fork();
    const movement = em.create(Movement, { name: 'Pooled Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower', equipmentTags: ['barbell'] });
    await em.flush();
    const log = async (orm: MikroORM) => {
      const user = await orm.em.fork().getRepository(User).createUser({});
      return forUser(orm.em.fork(), user.id).workouts.log({ date: '2026-01-06', topSets: [{ movementId: movement.id, weight: 100, reps: 5 }] });
    };
    // The first prepares the statement on the server connection; the second's client does not know
    // that and prepares it again under the same name.
    await log(first);
    const error = await log(second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as GainslyDatabaseError).sqlState).toBe('42P05');
    expect((error as Error).message).toMatch(/preparedStatements: false/);
    expect((error as Error).message).toMatch(/gainsly_prepared_statements=false/);
    // Nothing was written by the failed call; with the switch off, the same call works.
    const logs = await withRawClient(direct.toString(), (c) => c.query<{ n: string }>('select count(*)::text as n from workout_logs'));
    expect(logs.rows[0]!.n).toBe('1');
    const third = await createGainslyOrm({ url, pool: { max: 1 }, preparedStatements: false });
    opened.push(third);
    expect(await log(third)).toMatchObject({ topSets: [expect.objectContaining({ weight: 100 })] });
  });
});

describe.runIf(inject('gainslyThroughPgBouncer'))('the pgbouncer project', () => {
  const db = useTestOrm();

  it("reaches its test databases through PgBouncer: the ORM's connections are PgBouncer's clients", async () => {
    const port = inject('gainslyPgBouncerPort')!;
    expect(new URL(db.db.url).port).toBe(String(port));
    await db.orm.em.fork().getConnection().execute('select 1');
    // PgBouncer's admin console lists its clients by database.
    const console = `postgresql://postgres@127.0.0.1:${port}/pgbouncer`;
    const clients = await withRawClient(console, async (c) => (await c.query<{ database: string }>('show clients')).rows);
    expect(clients.some((row) => row.database === db.db.name)).toBe(true);
  });
});
