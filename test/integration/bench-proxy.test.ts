// The latency mode's delaying proxy (bench/src/proxy.ts, bench/README.md "Latency mode") against the
// real PostgreSQL: bytes pass unchanged and in order both ways, a close on either side reaches the
// other, and a hold is applied. Only lower bounds on time (a hold cannot make a query faster).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from '../../bench/src/proxy.js';

const adminUrl = inject('gainslyAdminUrl');

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

describe('bench delay proxy', () => {
  let proxy: DelayProxy;
  let direct: pg.Client;
  let through: pg.Client;

  beforeAll(async () => {
    const u = new URL(adminUrl);
    proxy = await startDelayProxy({ targetHost: u.hostname, targetPort: Number(u.port || 5432), oneWayMs: 0.25 });
    direct = await client(adminUrl);
    through = await client(proxy.rewrite(adminUrl));
  });

  afterAll(async () => {
    await through?.end().catch(() => undefined);
    await direct?.end().catch(() => undefined);
    await proxy?.close();
  });

  it('returns the same rows as a direct connection for a result spanning many chunks, in the requested order', async () => {
    const sql = 'select g, md5(g::text) as h from generate_series(1, 20000) g order by g';
    const [a, b] = [await direct.query(sql), await through.query(sql)];
    expect(b.rows).toHaveLength(20000);
    expect(b.rows).toEqual(a.rows);
  });

  it('passes a large parameter upstream unchanged', async () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `row ${i};`).join('');
    const { rows } = await through.query<{ h: string; n: number }>('select md5($1::text) as h, length($1::text) as n', [big]);
    expect(rows[0]).toEqual({ h: createHash('md5').update(big).digest('hex'), n: big.length });
  });

  it('applies the hold: each round trip takes at least twice the one-way delay', async () => {
    const slow = await startDelayProxy({ targetHost: new URL(adminUrl).hostname, targetPort: Number(new URL(adminUrl).port || 5432), oneWayMs: 10 });
    const c = await client(slow.rewrite(adminUrl));
    try {
      const started = performance.now();
      for (let i = 0; i < 5; i++) await c.query('select 1');
      expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 20);
    } finally {
      await c.end();
      await slow.close();
    }
  });

  it('carries a server-side close to the client', async () => {
    const c = await client(proxy.rewrite(adminUrl));
    const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const ended = new Promise<void>((resolve) => c.once('end', () => resolve()));
    await direct.query('select pg_terminate_backend($1)', [pid]);
    await ended;
    await expect(c.query('select 1')).rejects.toThrow();
  });

  it('carries a client-side close to the server', async () => {
    const c = await client(proxy.rewrite(adminUrl));
    const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await c.end();
    // The backend exits once the proxy forwards the client's Terminate and end of stream.
    let alive = true;
    for (let i = 0; i < 200 && alive; i++) {
      alive = (await direct.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;
      if (alive) await new Promise((r) => setTimeout(r, 25));
    }
    expect(alive).toBe(false);
  });
});
