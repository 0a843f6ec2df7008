/**
 * Database helpers of the reliability suite: row counts of the 19 tables in one statement, a
 * lock holder on its own connection, and "wait until backend X is blocked, then kill it".
 */
import { connectRaw, type RawClient } from './pg-client.js';

/** The library's 19 tables, in FK-safe insertion order. */
export const LIBRARY_TABLES = [
  'users',
  'user_settings',
  'movements',
  'user_movement_rules',
  'user_enjoyable_activities',
  'circuit_templates',
  'programs',
  'microcycles',
  'sessions',
  'session_exercises',
  'workout_logs',
  'top_set_logs',
  'pattern_exposures',
  'soreness_logs',
  'recovery_signals',
  'heuristic_configs',
  'conversation_threads',
  'conversation_turns',
  'movement_relationships',
] as const;

export type LibraryTable = (typeof LIBRARY_TABLES)[number];
export type TableCounts = Record<LibraryTable, number>;

/** One SELECT that counts every library table. */
export const COUNT_ALL_SQL = `select ${LIBRARY_TABLES.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`;

/** Row counts of the 19 tables, through any runner that returns rows (em.execute, a raw client, ...). */
export async function tableCounts(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<TableCounts> {
  const [row] = await run(COUNT_ALL_SQL);
  const counts = {} as TableCounts;
  for (const t of LIBRARY_TABLES) counts[t] = Number(row![t]);
  return counts;
}

/** `after - before` per table, only the tables that changed. */
export function countDelta(before: TableCounts, after: TableCounts): Partial<Record<LibraryTable, number>> {
  const delta: Partial<Record<LibraryTable, number>> = {};
  for (const t of LIBRARY_TABLES) if (after[t] !== before[t]) delta[t] = after[t] - before[t];
  return delta;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `intervalMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** A backend of the test database that waits for a lock. */
export interface BlockedBackend {
  pid: number;
  query: string;
  waitEvent: string;
}

/**
 * Waits until a backend whose `application_name` is `applicationName` is waiting for a lock (so the
 * workflow is known to be stopped in the middle of its transaction), and returns it. With `query`,
 * only a backend blocked on a statement that matches it counts: through PgBouncer a server
 * connection can carry the name while it runs another statement for a moment (a CI run found a
 * `select … from alembic_version` there instead of the ALTER the test meant to interrupt).
 */
export async function waitUntilBlocked(admin: RawClient, applicationName: string, timeoutMs = 10_000, query?: RegExp): Promise<BlockedBackend> {
  return waitFor(`a backend named ${applicationName} to wait on a lock`, async () => {
    const { rows } = await admin.query<{ pid: number; query: string; wait_event: string }>(
      `select pid, query, wait_event from pg_stat_activity
        where datname = current_database() and application_name = $1 and wait_event_type = 'Lock'
          -- A heavy-weight lock another transaction holds; not a relation-extension wait ('extend'),
          -- which a busy machine shows for a moment on any insert.
          and wait_event in ('relation', 'tuple', 'transactionid', 'advisory', 'object', 'page')`,
      [applicationName],
    );
    const row = rows.find((r) => query === undefined || query.test(r.query));
    return row ? { pid: row.pid, query: row.query, waitEvent: row.wait_event } : undefined;
  }, timeoutMs);
}

/** `pg_terminate_backend(pid)`; returns whether PostgreSQL found the backend. */
export async function terminate(admin: RawClient, pid: number): Promise<boolean> {
  const { rows } = await admin.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid]);
  return rows[0]?.ok === true;
}

/**
 * A connection of its own that holds locks inside an open transaction until `release()`
 * (rollback). `sql` runs right after BEGIN, e.g. `lock table top_set_logs in exclusive mode`.
 */
export interface LockHolder {
  readonly client: RawClient;
  release(): Promise<void>;
}

export async function holdLocks(url: string, sql: string, params: unknown[] = []): Promise<LockHolder> {
  const client = await connectRaw(url);
  await client.query('begin');
  await client.query(sql, params);
  let released = false;
  return {
    client,
    async release() {
      if (released) return;
      released = true;
      await client.query('rollback').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Thrown by {@link withDeadline} when the promise did not settle in time. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/**
 * `promise`, or a {@link DeadlineError} naming `what` when it has not settled within `ms`. Lets a
 * test report "still waiting" (e.g. for a pool connection that was never released) instead of
 * hanging until the hook timeout.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError(`${what}: still not settled after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
