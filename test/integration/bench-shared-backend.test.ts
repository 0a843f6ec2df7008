// The bench's one backend for both sides (bench/src/shared-backend.ts, bench/README.md "One backend
// for both sides") against the real PostgreSQL: a raw side's run goes to the library's one server
// process, with pg's own type parsers, and everything else keeps a connection of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm } from '../../src/index.js';
import { alternate, type Side } from '../../bench/src/measure.js';
import { oneConnectionPool, sharedBackend } from '../../bench/src/shared-backend.js';
import { useClonedDatabase } from '../support/database.js';

const pidOf = async (client: pg.Client) => (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;

describe('bench shared backend', () => {
  const db = useClonedDatabase();
  const ctx = {} as { orm: MikroORM; raw: pg.Client };
  let own: pg.Client;

  beforeAll(async () => {
    ctx.orm = await createGainslyOrm({ ...oneConnectionPool({ pool: { idleTimeoutMillis: 60_000 } }), url: db.url });
    own = new pg.Client({ connectionString: db.url });
    await own.connect();
    ctx.raw = own;
  });
  afterAll(async () => {
    await ctx.orm?.close(true);
    await own?.end();
  });

  const libPid = async () => ((await ctx.orm.em.fork().execute('select pg_backend_pid() as pid')) as { pid: number }[])[0]!.pid;

  it('holds the library to one connection, keeping the pool options it was given', () => {
    expect(oneConnectionPool({ pool: { idleTimeoutMillis: 5, max: 10 }, debug: true })).toEqual({ pool: { idleTimeoutMillis: 5, min: 0, max: 1 }, debug: true });
  });

  it('runs the raw and upstream sides on the library’s backend, with pg’s default parsers, and the library side as it is', async () => {
    const hooks = sharedBackend(ctx);
    const seen: Record<string, { pid: number; date: unknown }> = {};
    const rawSide = (name: string): Side => ({
      name,
      run: async () => {
        const { rows } = await ctx.raw.query<{ pid: number; d: unknown }>("select pg_backend_pid() as pid, date '2026-01-02' as d");
        seen[name] = { pid: rows[0]!.pid, date: rows[0]!.d };
      },
    });
    const sides: Side[] = [{ name: 'lib', run: async () => void (seen.lib = { pid: await libPid(), date: null }) }, rawSide('raw'), rawSide('raw-unnamed'), rawSide('upstream')];
    await alternate(sides, { runs: 2, warmup: 0, around: hooks });

    const shared = await libPid();
    const ownPid = await pidOf(own);
    expect(ownPid).not.toBe(shared);
    for (const name of ['raw', 'raw-unnamed', 'upstream']) {
      expect(seen[name]!.pid, name).toBe(shared);
      // pg's default parser (a Date), not MikroORM's on its pool's clients (the text).
      expect(seen[name]!.date, name).toBeInstanceOf(Date);
    }
    expect(seen.lib!.pid).toBe(shared);
    // Between runs ctx.raw is its own connection again, and the library's is free (one in the pool).
    expect(ctx.raw).toBe(own);
    expect(await libPid()).toBe(shared);
    const onPool = (await ctx.orm.em.getConnection().getNativeClient()) as pg.Pool;
    expect(onPool.totalCount).toBe(1);
    expect(onPool.idleCount).toBe(1);
  });

  it('leaves a side whose name only starts like a raw one on its own connection', async () => {
    const hooks = sharedBackend(ctx);
    let pid = 0;
    await alternate([{ name: 'rawish', run: async () => void (pid = await pidOf(ctx.raw)) }], { runs: 1, warmup: 0, around: hooks });
    expect(pid).toBe(await pidOf(own));
  });
});
