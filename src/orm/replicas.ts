import { AsyncLocalStorage } from 'node:async_hooks';
import type { Connection, EntityManager } from '@mikro-orm/core';
import { GainslyConcurrencyError, GainslyConnectionError, GainslyDatabaseError, GainslyConfigError } from './errors.js';
import { parseOptions } from './arguments.js';
import type { AnyMikroORM } from './context.js';
import { schemas } from './validation.js';

/**
 * Read replicas: which connection a library read runs on, and read-your-writes.
 *
 * Routing (docs/scaling.md, "Read replicas"): a library read outside a transaction goes to a
 * healthy replica unless the user it is for has written through this process more recently than
 * the replica has replayed. Writes record the primary's WAL insert position after they return
 * (`pg_current_wal_insert_lsn()`: at or past the end of the write's commit record, even with
 * `synchronous_commit = off`, where `pg_current_wal_lsn()` may still be behind it). A read for that
 * user then needs a replica whose `pg_last_wal_replay_lsn()` has reached it: each replica's last
 * reading is cached, so only a read that the cache cannot clear costs a probe, and a replica still
 * behind after the probe is skipped for the primary. A replica that fails to connect is skipped
 * for `retryAfterMs`, and the read that met the failure runs again on the primary: reads are never
 * failed by a replica.
 *
 * The chosen connection travels in an AsyncLocalStorage store, so MikroORM's own queries inside
 * the read (`em.find`, populate) and the library's bound statements take it alike (see
 * `GainslyPostgreSqlDriver.getConnection`).
 */

/**
 * How the library uses read replicas (`replicaPolicy` of `GainslyOrmOptions`).
 * @example
 * ```ts
 * const policy: ReplicaPolicy = { retryAfterMs: 10_000, connectTimeoutMs: 1_000 };
 * ```
 */
export interface ReplicaPolicy {
  /** How long a replica that failed to connect is left out before it is tried again; default 5,000 ms. */
  retryAfterMs?: number | undefined;
  /** The longest a read waits to connect to a replica before it runs on the primary instead; default 2,000 ms. */
  connectTimeoutMs?: number | undefined;
}

/** The defaults of {@link ReplicaPolicy}. @internal */
export const DEFAULT_REPLICA_POLICY = { retryAfterMs: 5_000, connectTimeoutMs: 2_000 } as const;

/**
 * One read replica as `replicaStatus` reports it.
 * @example
 * ```ts
 * const status: ReplicaStatus = { name: 'replica-1:5432', up: true, replayLsn: '0/3000148', lagBytes: 0 };
 * ```
 */
export interface ReplicaStatus {
  /** The replica's name: given in `replicas`, else its host and port. */
  name: string;
  /** `false` while it is left out after a failed connection (until `retryUntil`). */
  up: boolean;
  /** When it will be tried again, while it is down. */
  retryAt?: Date;
  /** The last connection failure, without a password. */
  lastError?: string;
  /** The last replay position read from it (`pg_last_wal_replay_lsn()`), as PostgreSQL writes LSNs. */
  replayLsn?: string;
  /** With `probe: true`: how far behind the primary's WAL insert position its replay is, in bytes. */
  lagBytes?: number;
}

/** No position required. */
const NONE = -1n;
/** A write whose LSN is not known yet: it ran inside a caller's transaction, which may not have committed. */
const PENDING = -2n;

/** Bounds the per-user table; older entries fold into a floor that every read must meet. */
const MAX_TRACKED_USERS = 100_000;

interface Replica {
  readonly connection: Connection;
  readonly name: string;
  downUntil: number;
  lastError: string | undefined;
  /** Highest replay LSN read from it; -1 before the first reading. */
  replayLsn: bigint;
}

interface Route {
  readonly connection: Connection;
  readonly replica?: Replica;
}

const routes = new AsyncLocalStorage<Route>();

/** The connection the current library read was routed to, if any. @internal */
export function currentRoute(): Connection | undefined {
  return routes.getStore()?.connection;
}

/** Whether the current code runs inside a routed read (a nested read keeps the outer choice). @internal */
export function insideRoute(): boolean {
  return routes.getStore() !== undefined;
}

/** PostgreSQL's `X/Y` LSN text as a number. @internal */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new GainslyDatabaseError(`The server returned ${JSON.stringify(text)} where a WAL position (LSN) was expected.`, {});
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** A number as PostgreSQL writes an LSN. @internal */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** One value from one row; a failure comes back as the library's typed error (`translate`). */
async function scalar(connection: Connection, sql: string, translate: (error: Error) => unknown): Promise<string | null> {
  try {
    // A probe of one named replica connection, not of an entity manager's: executeBound would route
    // it. The statements have no values.
    const rows = await connection.execute<{ value: string | null }[]>(sql, [], 'all');
    return rows[0]?.value ?? null;
  } catch (error) {
    throw translate(error as Error);
  }
}

/** The routing state of one ORM with replicas (held by its driver). @internal */
export class ReplicaRouter {
  private readonly replicas: Replica[];
  private next = 0;
  /** Per user, the primary's WAL insert position after their last write through this process. */
  private readonly written = new Map<number, bigint>();
  /** What every read must meet: catalog-wide writes (imports) and users folded out of `written`. */
  private floor = NONE;

  constructor(
    readonly primary: Connection,
    replicas: readonly Connection[],
    private readonly policy: { retryAfterMs: number },
    /** The driver's error translation (typed errors, password scrubbed). */
    private readonly translate: (error: Error) => unknown,
  ) {
    this.replicas = replicas.map((connection, index) => ({
      connection,
      name: replicaName(connection, index),
      downUntil: 0,
      lastError: undefined,
      replayLsn: -1n,
    }));
  }

  /**
   * Runs `read` on the connection this user's read may use (see the module comment), and again on
   * the primary when the replica fails to connect or cancels it for a recovery conflict.
   */
  async read<T>(userId: number | undefined, read: () => Promise<T>): Promise<T> {
    const replica = await this.choose(userId);
    if (!replica) return routes.run({ connection: this.primary }, read);
    try {
      return await routes.run({ connection: replica.connection, replica }, read);
    } catch (error) {
      if (error instanceof GainslyConnectionError) this.markDown(replica, error);
      else if (!isRecoveryConflict(error)) throw error;
      return routes.run({ connection: this.primary }, read);
    }
  }

  /** Runs `read` on the primary, with nested library reads kept there too. */
  onPrimary<T>(read: () => Promise<T>): Promise<T> {
    return routes.run({ connection: this.primary }, read);
  }

  /** A healthy replica for a read that asked MikroORM for a `read` connection outside the library's routing. */
  anyHealthy(): Connection | undefined {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length]!;
      if (replica.downUntil <= now) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica.connection;
      }
    }
    return undefined;
  }

  /**
   * Records a write for `userId` (`undefined`: a write every user may read, such as a catalog
   * import). `committed: false` when it ran inside a caller's transaction: its position is read
   * at the next read for the user, after that transaction ended.
   */
  async noteWrite(userId: number | undefined, committed: boolean): Promise<void> {
    if (!committed) {
      if (userId === undefined) this.floor = PENDING;
      else this.track(userId, PENDING);
      return;
    }
    const lsn = await this.insertLsn();
    if (userId === undefined) this.floor = lsn > this.floor ? lsn : this.floor;
    else this.track(userId, lsn);
  }

  /** Every replica's state; with `probe`, read each one's replay position and lag now. */
  async status(probe: boolean): Promise<ReplicaStatus[]> {
    const primaryLsn = probe ? await this.insertLsn() : undefined;
    const out: ReplicaStatus[] = [];
    for (const replica of this.replicas) {
      if (probe) await this.probe(replica);
      const now = Date.now();
      const up = replica.downUntil <= now;
      out.push({
        name: replica.name,
        up,
        ...(up ? {} : { retryAt: new Date(replica.downUntil) }),
        ...(replica.lastError ? { lastError: replica.lastError } : {}),
        ...(replica.replayLsn >= 0n ? { replayLsn: formatLsn(replica.replayLsn) } : {}),
        ...(primaryLsn !== undefined && up && replica.replayLsn >= 0n
          ? { lagBytes: Number(primaryLsn > replica.replayLsn ? primaryLsn - replica.replayLsn : 0n) }
          : {}),
      });
    }
    return out;
  }

  private track(userId: number, lsn: bigint): void {
    const previous = this.written.get(userId);
    this.written.delete(userId);
    // A pending write stays pending until read; a known position never moves back.
    this.written.set(userId, previous === PENDING || lsn === PENDING ? PENDING : previous !== undefined && previous > lsn ? previous : lsn);
    if (this.written.size > MAX_TRACKED_USERS) {
      // The oldest entry folds into the floor: that user's guarantee is kept, at everyone's cost.
      const [oldestUser, oldestLsn] = this.written.entries().next().value as [number, bigint];
      this.written.delete(oldestUser);
      if (oldestLsn === PENDING || this.floor === PENDING) this.floor = PENDING;
      else if (oldestLsn > this.floor) this.floor = oldestLsn;
    }
  }

  /** The position a replica must have replayed for this user's read, or {@link NONE}. */
  private async required(userId: number | undefined): Promise<bigint> {
    if (this.floor === PENDING) this.floor = await this.insertLsn();
    let lsn = this.floor;
    if (userId !== undefined) {
      let own = this.written.get(userId);
      if (own === PENDING) {
        own = await this.insertLsn();
        this.written.set(userId, own);
      }
      if (own !== undefined && own > lsn) lsn = own;
    }
    return lsn;
  }

  private async choose(userId: number | undefined): Promise<Replica | undefined> {
    const required = await this.required(userId);
    for (let i = 0; i < this.replicas.length; i++) {
      const index = (this.next + i) % this.replicas.length;
      const replica = this.replicas[index]!;
      if (replica.downUntil > Date.now()) continue;
      if (replica.replayLsn < required) await this.probe(replica);
      if (replica.downUntil > Date.now() || replica.replayLsn < required) continue;
      this.next = (index + 1) % this.replicas.length;
      if (userId !== undefined && required !== NONE) this.forgetCaughtUp();
      return replica;
    }
    return undefined;
  }

  /** Drops users every replica has caught up with, so the table holds only recent writers. */
  private forgetCaughtUp(): void {
    if (this.written.size < 1_000) return;
    let lowest: bigint | undefined;
    for (const replica of this.replicas) if (lowest === undefined || replica.replayLsn < lowest) lowest = replica.replayLsn;
    if (lowest === undefined || lowest < 0n) return;
    for (const [userId, lsn] of this.written) if (lsn !== PENDING && lsn <= lowest) this.written.delete(userId);
  }

  private async probe(replica: Replica): Promise<void> {
    try {
      const text = await scalar(replica.connection, 'select pg_last_wal_replay_lsn()::text as value', this.translate);
      // NULL: the server is not in recovery (a primary named as a replica); it has everything it wrote.
      const lsn = text === null ? 0xffff_ffff_ffff_ffffn : parseLsn(text);
      if (lsn > replica.replayLsn) replica.replayLsn = lsn;
    } catch (error) {
      this.markDown(replica, error);
    }
  }

  private markDown(replica: Replica, error: unknown): void {
    replica.downUntil = Date.now() + this.policy.retryAfterMs;
    replica.lastError = error instanceof Error ? error.message : String(error);
  }

  private async insertLsn(): Promise<bigint> {
    const text = await scalar(this.primary, 'select pg_current_wal_insert_lsn()::text as value', this.translate);
    return text === null ? NONE : parseLsn(text);
  }
}

function replicaName(connection: Connection, index: number): string {
  const options = (connection as unknown as { options: { name?: string; clientUrl?: string; host?: string; port?: number } }).options;
  if (options.name) return options.name;
  try {
    if (options.clientUrl) {
      const url = new URL(options.clientUrl);
      return `${url.hostname}:${url.port || 5432}`;
    }
  } catch {
    // not a URL: fall through
  }
  return options.host ? `${options.host}:${options.port ?? 5432}` : `replica-${index + 1}`;
}

/** A hot standby cancelled the statement because replay needed what it read (SQLSTATE 40001 on a standby). */
function isRecoveryConflict(error: unknown): boolean {
  return error instanceof GainslyConcurrencyError && /conflict with recovery/i.test(error.message);
}

/** Each driver's router (drivers of ORMs with replicas only). */
const routers = new WeakMap<object, ReplicaRouter>();

/** Gives a driver its router (the driver's constructor). @internal */
export function attachRouter(driver: object, router: ReplicaRouter): void {
  routers.set(driver, router);
}

/** The router of the ORM behind `em`, when it was configured with replicas. @internal */
export function routerOf(em: EntityManager): ReplicaRouter | undefined {
  return routers.get(em.getDriver());
}

/**
 * Runs a library read for `userId` on a replica when it may (see the module comment): outside a
 * transaction, outside an enclosing routed read, on an ORM with replicas. Otherwise runs it as is.
 * @internal
 */
export function routeRead<T>(em: EntityManager, userId: number | undefined, read: () => Promise<T>): Promise<T> {
  const router = routerOf(em);
  if (!router || routes.getStore() !== undefined || em.isInTransaction()) return read();
  return router.read(userId, read);
}

/** Runs `read` with every library read inside it on the primary (`consistency: 'strong'`). @internal */
export function onPrimary<T>(em: EntityManager, read: () => Promise<T>): Promise<T> {
  const router = routerOf(em);
  return router && routes.getStore() === undefined ? router.onPrimary(read) : read();
}

/**
 * Records that a library write for `userId` (or, `undefined`, for every user) returned, so that
 * user's later reads through this ORM see it, and hands back the write's `result`. Without
 * replicas there is nothing to record, and `result` comes back as it is rather than in a promise:
 * an awaited no-op costs promise steps after the wait for the server (docs/performance.md, "Fewer
 * awaits").
 * @internal
 */
export function afterRecordedWrite<R>(em: EntityManager, userId: number | undefined, result: R): R | Promise<R> {
  const router = routerOf(em);
  return router ? router.noteWrite(userId, !em.isInTransaction()).then(() => result) : result;
}

/**
 * The read replicas of an ORM and how the library sees them: up, or left out after a failed
 * connection (until when, and why); with `probe: true` it also asks each replica how far it has
 * replayed and reports its lag behind the primary in bytes (one query per server). Empty for an
 * ORM without replicas. For a health endpoint or a metrics exporter.
 *
 * @throws {GainslyConnectionError} with `probe: true`, when the primary cannot be reached (a
 * replica that cannot be reached is reported as down, never thrown)
 * @example
 * ```ts
 * const orm = await createGainslyOrm({ url: process.env.DATABASE_URL, replicas: [process.env.REPLICA_URL!] });
 * for (const r of await replicaStatus(orm, { probe: true })) {
 *   console.log(r.name, r.up ? `lag ${r.lagBytes} bytes` : `down: ${r.lastError}`);
 * }
 * ```
 */
export async function replicaStatus(orm: AnyMikroORM, options: { probe?: boolean } = {}): Promise<ReplicaStatus[]> {
  const { probe } = parseOptions(schemas.replicaStatusOptionsSchema, options, 'ReplicaStatusOptions');
  const em = (orm as { em?: { getDriver?: unknown } } | null)?.em;
  if (typeof em?.getDriver !== 'function') throw new GainslyConfigError('replicaStatus() needs the MikroORM instance createGainslyOrm() returned.');
  const router = routers.get((em.getDriver as () => object).call(em));
  return router ? router.status(probe === true) : [];
}
