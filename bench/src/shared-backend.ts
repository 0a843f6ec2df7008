// One server backend for both sides of an operation (bench/README.md, "One backend for both
// sides"). The library's pool is held to one connection, and every side that runs on `ctx.raw`
// borrows that connection for its run: the same PostgreSQL process then runs both sides'
// statements, so a backend that runs slowly for a while (measured: the same statement at 8 ms on
// one connection and 11 ms on another, for a whole round) slows both sides alike instead of one.
//
// The borrowing is untimed (`alternate`'s `around`), and the raw side parses results with its own
// connection's type parsers (pg's defaults), not with those MikroORM installs on its pool's
// clients (dates and timestamps as strings): only the backend changes, not what the raw side does.
import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Side, SideHooks } from './measure.js';

/** Sides that send their statements on `ctx.raw` (the raw sides and the upstream app's pattern). */
export const RAW_CONNECTION_SIDE = /^(raw|upstream)(-|$)/;

/** The library ORM options that hold its pool to the one connection both sides share. */
export function oneConnectionPool(ormOptions: Record<string, unknown>): Record<string, unknown> {
  const pool = typeof ormOptions.pool === 'object' && ormOptions.pool !== null ? ormOptions.pool : {};
  return { ...ormOptions, pool: { ...pool, min: 0, max: 1 } };
}

interface Client {
  raw: pg.Client;
  orm: MikroORM;
}

type TypedClient = pg.Client & { _types: unknown };

/**
 * Hooks that, around each run of a raw side, put the library pool's one client in `ctx.raw` (and
 * the client `ctx.raw` held back afterwards). `ctx.raw` stays a connection of its own between the
 * runs, for the operations' untimed set-up, checks and clean-up.
 */
export function sharedBackend(ctx: Client): SideHooks {
  let lent: { client: pg.PoolClient; own: pg.Client; types: unknown } | null = null;
  return {
    async before(side: Side) {
      if (!RAW_CONNECTION_SIDE.test(side.name)) return;
      const pool = (await ctx.orm.em.getConnection().getNativeClient()) as pg.Pool;
      const client = await pool.connect();
      const own = ctx.raw;
      const types = (client as unknown as TypedClient)._types;
      (client as unknown as TypedClient)._types = (own as TypedClient)._types;
      lent = { client, own, types };
      ctx.raw = client;
    },
    after() {
      if (lent === null) return;
      (lent.client as unknown as TypedClient)._types = lent.types;
      ctx.raw = lent.own;
      lent.client.release();
      lent = null;
    },
  };
}
