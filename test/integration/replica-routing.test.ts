/**
 * Read-replica routing decisions (src/orm/replicas.ts; docs/scaling.md, "Read replicas") against
 * stand-in replicas: each is a second database on the test server, migrated like the primary,
 * whose `pg_last_wal_replay_lsn()` the test sets (a function in `public`, which the database's
 * `search_path` puts before `pg_catalog`). Each database holds rows of its own for the same user,
 * so what a read returns shows where it ran, and a stand-in can be made to report any replay
 * position, to fail a statement with any SQLSTATE, or to be unreachable, in milliseconds.
 *
 * test/reliability/replicas.test.ts proves the same routing against a real streaming replica;
 * it takes a cluster start-up, far too slow to judge each mutant of replicas.ts by (the
 * database-bound mutation run of issue #24, test/README.md "Mutation scores"). This file pins
 * every decision the router makes: which replica, when to probe, when to fall back, what
 * `replicaStatus` reports.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  forUser,
  forViewer,
  GainslyConcurrencyError,
  GainslyDatabaseError,
  HeuristicConfig,
  replicaStatus,
  SorenessLog,
  User,
  WorkoutLog,
} from '../../src/index.js';
import { routerOf, type ReplicaRouter } from '../../src/orm/replicas.js';
import { createTestDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { freePort } from '../support/pg-server.js';
import { unique } from '../support/factories.js';

/** The date of the soreness row (and workout) each database holds for every user: a read's result names its server. */
const ON = { primary: '2026-01-01', a: '2026-02-01', b: '2026-03-01' } as const;
/** A replay position past anything the test server will write. */
const FAR_AHEAD = 'FFFFFFFF/FFFFFFFF';
/** A replay position behind every write. */
const BEHIND = '0/0';
/** Long enough that a replica left out stays out for the rest of a test, however slow the machine. */
const MINUTE_MS = 60_000;

let primary: TestDatabase;
let a: TestDatabase;
let b: TestDatabase;
/** A plain ORM on the primary (no replicas), for setting up users without recording writes. */
let setup: MikroORM;
const opened: MikroORM[] = [];

/** Makes a migrated clone behave as a replica whose replay position and failures the test sets. */
async function standIn(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await withRawClient(db.url, async (c) => {
    await c.query(`create table gainsly_test_replay (lsn text, probes integer not null default 0)`);
    await c.query(`insert into gainsly_test_replay (lsn) values (null)`);
    // Text, not pg_lsn, so a test can also make it answer something that is not an LSN.
    await c.query(`create function public.pg_last_wal_replay_lsn() returns text language sql volatile as $$
      update gainsly_test_replay set probes = probes + 1 returning lsn $$`);
    await c.query(`create table gainsly_test_fault (sqlstate text not null, message text not null)`);
    await c.query(`create function gainsly_test_fault() returns boolean language plpgsql volatile as $$
      declare f record;
      begin
        select * into f from gainsly_test_fault limit 1;
        if found then raise exception using errcode = f.sqlstate, message = f.message; end if;
        return true;
      end $$`);
    await c.query(`alter table soreness_logs rename to gainsly_test_soreness_rows`);
    await c.query(`create view soreness_logs as select * from gainsly_test_soreness_rows where gainsly_test_fault()`);
    await c.query(`alter database "${db.name}" set search_path = public, pg_catalog`);
  });
  return db;
}

async function setReplay(db: TestDatabase, lsn: string | null): Promise<void> {
  await withRawClient(db.url, (c) => c.query(`update gainsly_test_replay set lsn = $1`, [lsn]));
}

async function probes(db: TestDatabase): Promise<number> {
  return withRawClient(db.url, async (c) => (await c.query<{ probes: number }>(`select probes from gainsly_test_replay`)).rows[0]!.probes);
}

async function fail(db: TestDatabase, sqlstate: string, message: string): Promise<void> {
  await withRawClient(db.url, (c) => c.query(`insert into gainsly_test_fault values ($1, $2)`, [sqlstate, message]));
}

/**
 * A user created on the primary by an ORM without replicas (so no write is recorded for them),
 * copied to both stand-ins, with a soreness row and a workout on each server's own date.
 */
async function user(): Promise<number> {
  const created = await setup.em.fork().getRepository(User).createUser({ name: 'Routed', email: `${unique('routed')}@example.com` });
  const row = await withRawClient(primary.url, async (c) => (await c.query(`select row_to_json(u) as row from users u where id = $1`, [created.id])).rows[0]!.row);
  for (const [db, date, soreness] of [[primary, ON.primary, 'soreness_logs'], [a, ON.a, 'gainsly_test_soreness_rows'], [b, ON.b, 'gainsly_test_soreness_rows']] as const) {
    await withRawClient(db.url, async (c) => {
      if (db !== primary) await c.query(`insert into users select * from json_populate_record(null::users, $1::json)`, [JSON.stringify(row)]);
      await c.query(`insert into ${soreness} (user_id, date, body_part, soreness_1_5) values ($1, $2, 'quads', 3)`, [created.id, date]);
      await c.query(`insert into workout_logs (user_id, date, completed) values ($1, $2, true)`, [created.id, date]);
    });
  }
  return created.id;
}

type Replica = string | { url: string; name: string };

/** An ORM on the primary with these replicas; closed after the test. */
async function open(replicas: Replica[], retryAfterMs = MINUTE_MS): Promise<MikroORM> {
  const orm = await createGainslyOrm({ url: primary.url, replicas, replicaPolicy: { retryAfterMs, connectTimeoutMs: 5_000 } });
  opened.push(orm);
  return orm;
}

/** Where `userId`'s soreness read ran, by the dates it returned: 'primary', 'a', 'b', or the dates themselves. */
async function servedBy(orm: MikroORM, userId: number, options: { consistency?: 'strong' } = {}): Promise<string> {
  const dates = (await forUser(orm.em.fork(), userId, options).soreness.list()).items.map((r) => r.date).sort();
  return where(dates);
}

function where(dates: string[]): string {
  const own = (date: string) => Object.entries(ON).find(([, d]) => d === date)?.[0];
  return dates.length === 1 && own(dates[0]!) ? own(dates[0]!)! : JSON.stringify(dates);
}

/** The primary's WAL insert position now, as PostgreSQL writes it. */
async function primaryPosition(): Promise<string> {
  return withRawClient(primary.url, async (c) => (await c.query<{ lsn: string }>(`select pg_current_wal_insert_lsn()::text as lsn`)).rows[0]!.lsn);
}

/**
 * The primary's position now, then a row written there behind the library (no write recorded):
 * WAL past the returned position, so a replica at it has not replayed everything since.
 */
async function positionBeforeWal(): Promise<string> {
  const position = await primaryPosition();
  await configOnPrimary(unique('routing_wal'));
  return position;
}

/** An inactive heuristic config `name` (version 1), written on the primary behind the library. */
async function configOnPrimary(name: string): Promise<void> {
  await withRawClient(primary.url, (c) => c.query(`insert into heuristic_configs (name, version, json_blob, active) values ($1, 1, '{}', false)`, [name]));
}

/** A closed port on this machine: a replica there refuses every connection. */
async function unreachable(): Promise<string> {
  return `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`;
}

beforeAll(async () => {
  primary = await createTestDatabase();
  a = await standIn();
  b = await standIn();
  setup = await createGainslyOrm({ url: primary.url });
});

afterEach(async () => {
  for (const orm of opened.splice(0)) await orm.close(true);
  for (const db of [a, b]) {
    await withRawClient(db.url, async (c) => {
      await c.query(`update gainsly_test_replay set lsn = null, probes = 0`);
      await c.query(`delete from gainsly_test_fault`);
    });
  }
});

afterAll(async () => {
  await setup?.close(true);
  for (const db of [primary, a, b]) await db?.drop();
});

describe('which replica a read goes to', () => {
  it('a user with no write through this ORM reads from the replica, which is not even probed', async () => {
    const orm = await open([a.url]);
    const id = await user();
    expect(await servedBy(orm, id)).toBe('a');
    expect(await probes(a)).toBe(0);
  });

  it('after a write, a replica behind it is probed and skipped: the read runs on the primary and sees the write, probing again each time', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await setReplay(a, BEHIND);
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-15', bodyPart: 'calves', soreness: 2 });
    const dates = (await forUser(orm.em.fork(), id).soreness.list()).items.map((r) => r.date).sort();
    expect(dates).toEqual([ON.primary, '2026-01-15']);
    expect(await probes(a)).toBe(1);
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-15']));
    expect(await probes(a)).toBe(2);
  });

  it('once the replica reports a position past the write, the writer reads from it; the remembered position spares later probes', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-16', bodyPart: 'calves', soreness: 2 });
    await setReplay(a, FAR_AHEAD);
    expect(await servedBy(orm, id)).toBe('a');
    expect(await servedBy(orm, id)).toBe('a');
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-17', bodyPart: 'calves', soreness: 2 });
    expect(await servedBy(orm, id)).toBe('a');
    expect(await probes(a)).toBe(1);
  });

  it('a server not in recovery (replay position NULL: a primary named as a replica) has every write', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await setReplay(a, null);
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-18', bodyPart: 'calves', soreness: 2 });
    expect(await servedBy(orm, id)).toBe('a');
  });

  it("other users' reads do not wait for a writer's position", async () => {
    const orm = await open([a.url]);
    const writer = await user();
    const other = await user();
    await setReplay(a, BEHIND);
    await forUser(orm.em.fork(), writer).soreness.create({ date: '2026-01-19', bodyPart: 'calves', soreness: 2 });
    expect(await servedBy(orm, other)).toBe('a');
    expect(await probes(a)).toBe(0);
  });

  it("a write inside the caller's transaction: its position is read at the writer's next read, after the commit", async () => {
    const orm = await open([a.url]);
    const id = await user();
    await setReplay(a, BEHIND);
    await orm.em.fork().transactional(async (tx) => {
      await forUser(tx, id).soreness.create({ date: '2026-01-20', bodyPart: 'calves', soreness: 2 });
    });
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-20']));
    // The pending write now has a position, which a replica can reach.
    await setReplay(a, FAR_AHEAD);
    expect(await servedBy(orm, id)).toBe('a');
  });

  it('a catalog-wide write (activating a heuristic config) makes every reader wait for it, then lets them back once replayed', async () => {
    const orm = await open([a.url]);
    const reader = await user();
    await configOnPrimary('routing_rules');
    await setReplay(a, BEHIND);
    expect(await servedBy(orm, reader)).toBe('a');
    await orm.em.fork().getRepository(HeuristicConfig).activate('routing_rules', 1);
    expect(await servedBy(orm, reader)).toBe('primary');
    await setReplay(a, FAR_AHEAD);
    expect(await servedBy(orm, reader)).toBe('a');
  });

  it('a catalog-wide write inside a transaction holds every reader on the primary until a replica has its position', async () => {
    const orm = await open([a.url]);
    const reader = await user();
    await configOnPrimary('routing_pending');
    await setReplay(a, BEHIND);
    await orm.em.fork().transactional((tx) => tx.getRepository(HeuristicConfig).activate('routing_pending', 1));
    expect(await servedBy(orm, reader)).toBe('primary');
    await setReplay(a, FAR_AHEAD);
    expect(await servedBy(orm, reader)).toBe('a');
  });

  it('two replicas: reads with no position to meet alternate between them', async () => {
    const orm = await open([a.url, b.url]);
    const id = await user();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push(await servedBy(orm, id));
    expect(order).toEqual(['a', 'b', 'a', 'b']);
  });

  it('two replicas: a writer skips the one behind its write for the one that has replayed it, every time', async () => {
    const orm = await open([a.url, b.url]);
    const id = await user();
    await setReplay(a, BEHIND);
    await setReplay(b, FAR_AHEAD);
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-21', bodyPart: 'calves', soreness: 2 });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) order.push(await servedBy(orm, id));
    expect(order).toEqual(['b', 'b', 'b']);
  });

  it("consistency: 'strong', reads inside a transaction, and a viewer's strong reads run on the primary; a viewer's default reads on the replica", async () => {
    const orm = await open([a.url]);
    const id = await user();
    expect(await servedBy(orm, id, { consistency: 'strong' })).toBe('primary');
    const inTx = await orm.em.fork().transactional(async (tx) => (await forUser(tx, id).soreness.list()).items.map((r) => r.date));
    expect(where(inTx)).toBe('primary');
    const viewerDates = async (options: { consistency?: 'strong' }) =>
      where((await forViewer(orm.em.fork(), id, options).workoutLogsOf(id)).items.map((w) => w.date));
    expect(await viewerDates({ consistency: 'strong' })).toBe('primary');
    expect(await viewerDates({})).toBe('a');
  });

  it("a replica that has replayed the writer's write but not a later catalog-wide write is skipped: the read needs both", async () => {
    const orm = await open([a.url]);
    const id = await user();
    await configOnPrimary('routing_both');
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-23', bodyPart: 'calves', soreness: 2 });
    // Past the user's write (recorded when it returned), before the catalog write below.
    const between = await primaryPosition();
    await orm.em.fork().getRepository(HeuristicConfig).activate('routing_both', 1);
    await setReplay(a, between);
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-23']));
  });

  it("a write in the caller's transaction needs the position of its commit, not of the write: a replica between the two is skipped", async () => {
    const orm = await open([a.url]);
    const id = await user();
    let beforeCommit = '';
    await orm.em.fork().transactional(async (tx) => {
      await forUser(tx, id).soreness.create({ date: '2026-01-24', bodyPart: 'calves', soreness: 2 });
      beforeCommit = await primaryPosition();
    });
    // The commit record comes after `beforeCommit`: a replica there has not got the write.
    await setReplay(a, beforeCommit);
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-24']));
  });

  it("a write in a transaction still open when the user's next write commits: the read waits for the transaction's commit too", async () => {
    const orm = await open([a.url]);
    const id = await user();
    let whileOpen = '';
    await orm.em.fork().transactional(async (tx) => {
      await forUser(tx, id).soreness.create({ date: '2026-01-29', bodyPart: 'calves', soreness: 2 });
      // Another request of the same user commits a write meanwhile.
      await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-30', bodyPart: 'calves', soreness: 2 });
      whileOpen = await primaryPosition();
    });
    await setReplay(a, whileOpen);
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-29', '2026-01-30']));
  });

  it('a committed write, then one in a transaction: the read waits for the later commit, not the earlier position', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-30', bodyPart: 'calves', soreness: 2 });
    let beforeCommit = '';
    await orm.em.fork().transactional(async (tx) => {
      await forUser(tx, id).soreness.create({ date: '2026-01-31', bodyPart: 'calves', soreness: 2 });
      beforeCommit = await primaryPosition();
    });
    await setReplay(a, beforeCommit);
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-30', '2026-01-31']));
  });

  it("MikroORM's own queries inside a routed read (the workouts list) run on the replica the read chose", async () => {
    const orm = await open([a.url]);
    const id = await user();
    const dates = (await forUser(orm.em.fork(), id).workouts.list()).items.map((w) => w.date);
    expect(where(dates)).toBe('a');
  });
});

describe('replicas that fail', () => {
  it('a replica that refuses connections: the read that meets it runs on the primary; it is reported down with the error and a retry time, and skipped until then', async () => {
    const closed = await unreachable();
    const orm = await open([closed, { url: a.url, name: 'stand-in-a' }]);
    const id = await user();
    const before = Date.now();
    expect(await servedBy(orm, id)).toBe('primary');
    const [down, up] = await replicaStatus(orm);
    expect(down).toMatchObject({ name: `127.0.0.1:${new URL(closed).port}`, up: false });
    expect(down!.lastError).toMatch(/127\.0\.0\.1/);
    // retryAt is the failure's time plus retryAfterMs.
    expect(down!.retryAt!.getTime()).toBeGreaterThanOrEqual(before + MINUTE_MS);
    expect(down!.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + MINUTE_MS);
    expect(up).toEqual({ name: 'stand-in-a', up: true });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) order.push(await servedBy(orm, id));
    expect(order).toEqual(['a', 'a', 'a']);
  });

  it("a replica that cannot be reached when a writer's read probes it: the read runs on the primary, the probe's error is reported, and the replica is not tried again while left out", async () => {
    const closed = await unreachable();
    const orm = await open([closed]);
    const id = await user();
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-25', bodyPart: 'calves', soreness: 2 });
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-25']));
    const [first] = await replicaStatus(orm);
    expect(first).toMatchObject({ up: false });
    expect(first!.lastError).toMatch(/127\.0\.0\.1/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-25']));
    const [second] = await replicaStatus(orm);
    // No new attempt: the retry time is still the first failure's.
    expect(second!.retryAt).toEqual(first!.retryAt);
  });

  it('once retryAfterMs has passed, the replica is tried again', async () => {
    const closed = await unreachable();
    const orm = await open([closed, a.url], 1);
    const id = await user();
    expect(await servedBy(orm, id)).toBe('primary');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Round robin: the next read goes to the other replica, the one after that to the closed one
    // again, which fails it over to the primary once more (with a minute's retryAfterMs it would
    // have gone to a: the test above).
    expect(await servedBy(orm, id)).toBe('a');
    expect(await servedBy(orm, id)).toBe('primary');
    const [closedStatus] = await replicaStatus(orm);
    expect(closedStatus!.lastError).toMatch(/127\.0\.0\.1/);
  });

  it('a replica cancelling the read for a conflict with recovery: the read runs again on the primary, and the replica stays up', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await fail(a, '40001', 'canceling statement due to conflict with recovery');
    expect(await servedBy(orm, id)).toBe('primary');
    expect(await replicaStatus(orm)).toEqual([{ name: `${new URL(a.url).hostname}:${new URL(a.url).port}`, up: true }]);
  });

  it("any other error of a read on the replica reaches the caller, typed, and the replica stays up", async () => {
    const orm = await open([a.url]);
    const id = await user();
    await fail(a, '40001', 'could not serialize access due to concurrent update');
    const conflict = await forUser(orm.em.fork(), id).soreness.list().catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(GainslyConcurrencyError);
    expect((conflict as Error).message).toMatch(/could not serialize access/);
    await withRawClient(a.url, (c) => c.query(`delete from gainsly_test_fault`));
    await fail(a, '22012', 'division by zero on the stand-in');
    const other = await forUser(orm.em.fork(), id).soreness.list().catch((e: unknown) => e);
    expect(other).toBeInstanceOf(GainslyDatabaseError);
    expect((other as Error).message).toMatch(/division by zero on the stand-in/);
    const [status] = await replicaStatus(orm);
    expect(status!.up).toBe(true);
  });

  it('a replica answering something that is not a WAL position is left out, and says why', async () => {
    const orm = await open([a.url]);
    const id = await user();
    await setReplay(a, 'garbage');
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-22', bodyPart: 'calves', soreness: 2 });
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-01-22']));
    const [status] = await replicaStatus(orm);
    expect(status!.up).toBe(false);
    expect(status!.lastError).toBe('The server returned "garbage" where a WAL position (LSN) was expected.');
  });
});

describe('replicaStatus', () => {
  it('before any probe: names and up, no position; with probe: the replay position as PostgreSQL writes it and the lag in bytes', async () => {
    const orm = await open([{ url: a.url, name: 'behind' }, { url: b.url, name: 'ahead' }]);
    expect(await replicaStatus(orm)).toEqual([
      { name: 'behind', up: true },
      { name: 'ahead', up: true },
    ]);
    // A million bytes behind the primary's insert position, computed by the server.
    const lsnNow = async () => withRawClient(primary.url, async (c) => (await c.query<{ lsn: string }>(`select pg_current_wal_insert_lsn()::text as lsn`)).rows[0]!.lsn);
    const base = await lsnNow();
    const behind = await withRawClient(primary.url, async (c) => (await c.query<{ lsn: string }>(`select ($1::pg_lsn - 1000000)::text as lsn`, [base])).rows[0]!.lsn);
    await setReplay(a, behind);
    await setReplay(b, FAR_AHEAD);
    const [slow, fast] = await replicaStatus(orm, { probe: true });
    const grown = await withRawClient(primary.url, async (c) => Number((await c.query<{ d: string }>(`select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn) as d`, [base])).rows[0]!.d));
    expect(slow).toMatchObject({ name: 'behind', up: true, replayLsn: behind });
    expect(slow!.lagBytes).toBeGreaterThanOrEqual(1_000_000);
    expect(slow!.lagBytes).toBeLessThanOrEqual(1_000_000 + grown);
    expect(fast).toEqual({ name: 'ahead', up: true, replayLsn: FAR_AHEAD, lagBytes: 0 });
    // Without probe, the last positions read are still reported, without a lag.
    expect(await replicaStatus(orm)).toEqual([
      { name: 'behind', up: true, replayLsn: behind },
      { name: 'ahead', up: true, replayLsn: FAR_AHEAD },
    ]);
  });

  it('a positionless server (NULL) counts as having replayed everything; a down replica has no lag', async () => {
    const closed = await unreachable();
    const orm = await open([a.url, closed]);
    const id = await user();
    await setReplay(a, null);
    // The read goes to a; the next one meets the closed replica and marks it down.
    await servedBy(orm, id);
    await servedBy(orm, id);
    const [positionless, down] = await replicaStatus(orm, { probe: true });
    expect(positionless).toMatchObject({ up: true, replayLsn: FAR_AHEAD, lagBytes: 0 });
    expect(down!.up).toBe(false);
    expect(down!.lagBytes).toBeUndefined();
    expect(down!.name).toBe(`127.0.0.1:${new URL(closed).port}`);
  });

  it("a replica's replay position never moves back, and one at 0/0 is reported with its whole lag", async () => {
    const orm = await open([a.url]);
    await setReplay(a, FAR_AHEAD);
    await replicaStatus(orm, { probe: true });
    await setReplay(a, BEHIND);
    expect(await replicaStatus(orm, { probe: true })).toEqual([expect.objectContaining({ replayLsn: FAR_AHEAD, lagBytes: 0 })]);

    const fresh = await open([a.url]);
    const before = await primaryPosition();
    const [status] = await replicaStatus(fresh, { probe: true });
    expect(status).toMatchObject({ up: true, replayLsn: '0/0' });
    const floor = await withRawClient(primary.url, async (c) => Number((await c.query<{ d: string }>(`select pg_wal_lsn_diff($1::pg_lsn, '0/0') as d`, [before])).rows[0]!.d));
    expect(status!.lagBytes).toBeGreaterThanOrEqual(floor);
  });

  it('a replica URL without a port is named with the default port 5432', async () => {
    const orm = await open(['postgresql://postgres@replica.invalid/gainsly']);
    expect(await replicaStatus(orm)).toEqual([{ name: 'replica.invalid:5432', up: true }]);
  });
});

describe("the table of writers' positions stays small", () => {
  /** Its size: no public API shows it; it is what bounds the router's memory (replicas.ts). */
  const tracked = (orm: MikroORM) => (routerOf(orm.em.fork()) as unknown as { written: Map<number, bigint> }).written.size;
  const router = (orm: MikroORM) => routerOf(orm.em.fork()) as ReplicaRouter;
  /**
   * Records writes for `count` user ids that exist nowhere: committed (each reads the primary's
   * position), or pending (`committed: false`, no query: how the tests fill the table to its bound).
   */
  async function writers(orm: MikroORM, from: number, count: number, committed = true): Promise<void> {
    for (let id = from; id < from + count; id++) await router(orm).noteWrite(id, committed);
  }

  it("from 1,000 writers on, a writer's read forgets those every replica has replayed; later writes and one not yet committed are kept", async () => {
    const orm = await open([a.url]);
    const id = await user();
    const other = await user();
    const late = await user();
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-01-26', bodyPart: 'calves', soreness: 2 });
    await writers(orm, 1_000_000, 997);
    await router(orm).noteWrite(2_000_000, false);
    const replayed = await primaryPosition();
    await forUser(orm.em.fork(), late).soreness.create({ date: '2026-01-27', bodyPart: 'calves', soreness: 2 });
    expect(tracked(orm)).toBe(1_000);
    await setReplay(a, replayed);
    await replicaStatus(orm, { probe: true });
    // A read with no position to meet does not pay for the clean-up, even with the replica's position known.
    expect(await servedBy(orm, other)).toBe('a');
    expect(tracked(orm)).toBe(1_000);
    expect(await servedBy(orm, id)).toBe('a');
    // Left: the write after the replica's position, and the pending one.
    expect(tracked(orm)).toBe(2);
  });

  it('with two replicas, only what the one furthest behind has replayed is forgotten', async () => {
    const orm = await open([a.url, b.url]);
    const id = await user();
    const late = await user();
    await forUser(orm.em.fork(), id).soreness.create({ date: '2026-02-02', bodyPart: 'calves', soreness: 2 });
    await writers(orm, 1_000_000, 998);
    const replayed = await primaryPosition();
    await forUser(orm.em.fork(), late).soreness.create({ date: '2026-02-03', bodyPart: 'calves', soreness: 2 });
    expect(tracked(orm)).toBe(1_000);
    await setReplay(a, replayed);
    await setReplay(b, FAR_AHEAD);
    await replicaStatus(orm, { probe: true });
    expect(await servedBy(orm, id)).toBe('a');
    // b has everything, a not the late write: it stays.
    expect(tracked(orm)).toBe(1);
  });

  it('past 100,000 writers the oldest folds into a floor every read must meet: a committed position, or a pending write', async () => {
    const orm = await open([a.url]);
    const reader = await user();
    // Ids no user has (the clone's users are numbered from 1).
    const W1 = 10_000_001;
    const W2 = 10_000_002;
    // Writer 1 writes, then writer 2, then writer 1 again: writer 2 is now the oldest entry.
    await router(orm).noteWrite(W1, true);
    await router(orm).noteWrite(W2, true);
    const afterTwo = await positionBeforeWal();
    await router(orm).noteWrite(W1, true);
    // Pending writes cost no query: fill the table past its bound with them.
    await writers(orm, 20_000_000, 99_999, false);
    expect(tracked(orm)).toBe(100_000);
    // Writer 2's position is the floor: a replica at it serves a reader with no writes.
    await setReplay(a, afterTwo);
    expect(await servedBy(orm, reader)).toBe('a');

    // The oldest pending: the floor is the position when the next read asks, so a replica behind it is skipped.
    const pending = await open([b.url]);
    await writers(pending, 20_000_000, 100_001, false);
    expect(tracked(pending)).toBe(100_000);
    await setReplay(b, afterTwo);
    expect(await servedBy(pending, reader)).toBe('primary');
  });

  it('the fold keeps the higher requirement: a floor above the folded position, or a pending floor, stays', async () => {
    const reader = await user();
    const W1 = 10_000_001;
    const fill = (orm: MikroORM) => writers(orm, 30_000_000, 100_000, false);

    // A folded position raises a floor that was lower: a replica below it is skipped.
    const raised = await open([a.url]);
    await router(raised).noteWrite(W1, true);
    await fill(raised);
    await setReplay(a, BEHIND);
    expect(await servedBy(raised, reader)).toBe('primary');

    // A catalog-wide write after the folded writer's: the floor stays at the catalog write.
    const higher = await open([b.url]);
    await router(higher).noteWrite(W1, true);
    const between = await positionBeforeWal();
    await router(higher).noteWrite(undefined, true);
    await fill(higher);
    await setReplay(b, between);
    expect(await servedBy(higher, reader)).toBe('primary');

    // A catalog-wide write not yet committed: the floor stays pending, whatever is folded into it.
    const pendingFloor = await open([a.url]);
    await router(pendingFloor).noteWrite(W1, true);
    const beforePending = await positionBeforeWal();
    await router(pendingFloor).noteWrite(undefined, false);
    await fill(pendingFloor);
    await setReplay(a, beforePending);
    expect(await servedBy(pendingFloor, reader)).toBe('primary');
  });

  it("a pending write's position, once read, is kept: later reads do not ask for a newer one", async () => {
    const orm = await open([a.url]);
    const id = await user();
    await setReplay(a, BEHIND);
    await orm.em.fork().transactional(async (tx) => {
      await forUser(tx, id).soreness.create({ date: '2026-02-04', bodyPart: 'calves', soreness: 2 });
    });
    expect(await servedBy(orm, id)).toBe(JSON.stringify([ON.primary, '2026-02-04']));
    // WAL written after the position was read: a newer position would be past the replica's.
    const resolved = await positionBeforeWal();
    await setReplay(a, resolved);
    expect(await servedBy(orm, id)).toBe('a');
  });

  it('below 1,000 writers, or while a replica has never been probed, nothing is forgotten', async () => {
    const small = await open([a.url]);
    const id = await user();
    await forUser(small.em.fork(), id).soreness.create({ date: '2026-01-27', bodyPart: 'calves', soreness: 2 });
    await writers(small, 1_000_000, 998);
    await setReplay(a, FAR_AHEAD);
    expect(await servedBy(small, id)).toBe('a');
    expect(tracked(small)).toBe(999);

    const unprobed = await open([a.url, b.url]);
    await forUser(unprobed.em.fork(), id).soreness.create({ date: '2026-01-28', bodyPart: 'calves', soreness: 2 });
    await writers(unprobed, 1_000_000, 999);
    expect(await servedBy(unprobed, id)).toBe('a');
    expect(tracked(unprobed)).toBe(1_000);
  });
});

describe("your own queries asking MikroORM for a 'read' connection", () => {
  it('go to the replicas in turn, and to the primary while every replica is left out', async () => {
    const orm = await open([a.url, b.url]);
    const id = await user();
    const found = async (o: MikroORM) => where((await o.em.fork().find(SorenessLog, { user: id }, { connectionType: 'read' })).map((s) => s.date));
    expect([await found(orm), await found(orm)].sort()).toEqual(['a', 'b']);
    // Without connectionType, MikroORM's own finds stay on the primary.
    expect(where((await orm.em.fork().find(SorenessLog, { user: id })).map((r) => r.date))).toBe('primary');

    // With the first replica left out, the turn passes to the next one.
    const closedFirst = await open([await unreachable(), a.url]);
    expect(await servedBy(closedFirst, id)).toBe('primary');
    expect(await servedBy(closedFirst, id)).toBe('a');
    expect([await found(closedFirst), await found(closedFirst)]).toEqual(['a', 'a']);
    // Three: the turn after the one that answered, skipping the one left out.
    const three = await open([await unreachable(), a.url, b.url]);
    expect(await servedBy(three, id)).toBe('primary');
    expect([await found(three), await found(three), await found(three), await found(three)]).toEqual(['a', 'b', 'a', 'b']);

    const closed = await unreachable();
    const lonely = await open([closed]);
    // A library read meets the closed replica and leaves it out ...
    expect(await servedBy(lonely, id)).toBe('primary');
    // ... so a 'read' query runs on the primary.
    expect(await found(lonely)).toBe('primary');
    // Writes always go to the primary.
    const fork = lonely.em.fork();
    const log = await fork.findOneOrFail(WorkoutLog, { user: id });
    log.notes = 'edited';
    await fork.flush();
    expect(await withRawClient(primary.url, async (c) => (await c.query(`select notes from workout_logs where id = $1`, [log.id])).rows[0]!.notes)).toBe('edited');
  });
});
