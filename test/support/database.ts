/**
 * Per-file database helpers for integration tests. The global setup (global-setup.ts) has already
 * created and migrated a template database; these helpers clone it.
 *
 * - {@link useTestOrm}: the default. One clone + one ORM per file; every test gets `em`, a fork
 *   inside a transaction that is rolled back after the test. Nested `em.transactional()` becomes a
 *   savepoint. Raw SQL goes through `em.execute(...)` so it is inside the same transaction.
 * - {@link useClonedDatabase}: for code that opens its own connections (concurrency tests), where
 *   one transaction cannot hold everything: one clone per file, `truncateAll()` to reset it.
 * - {@link createTestDatabase}: a clone you manage yourself.
 * - {@link withRawClient}: raw SQL on any URL with a short-lived `pg.Client`.
 *
 * @example
 * ```ts
 * const db = useTestOrm();
 * it('saves a user', async () => {
 *   await db.em.execute('insert into ...');
 *   expect(await db.em.execute('select ...')).toHaveLength(1);
 * }); // rolled back here
 * ```
 */
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { newCloneName } from './names.js';
import { quoteIdent, withDatabase, withRawClient, type RawClient } from './pg-client.js';
import { openOrm } from './template.js';
import { libraryUrlViaPgBouncer } from './pgbouncer.js';

export { withRawClient, type RawClient } from './pg-client.js';

/** A database cloned from the migrated template. */
export interface TestDatabase {
  /** Connection URL (may contain a password: never print it). */
  readonly url: string;
  /** The database's name. */
  readonly name: string;
  /** Drops the database, terminating any connection still open on it. Idempotent. */
  drop(): Promise<void>;
}

const OBJECT_IN_USE = '55006'; // "source database ... is being accessed by other users"
const CLONE_DEADLINE_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clones made by this process are serialised here; clones from other workers by an advisory lock. */
let cloneQueue: Promise<unknown> = Promise.resolve();

async function cloneTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  const deadline = Date.now() + CLONE_DEADLINE_MS;
  await withRawClient(adminUrl, async (client: RawClient) => {
    // Session-level lock, keyed by the template: one CREATE DATABASE ... TEMPLATE at a time per run.
    await client.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
          return;
        } catch (error) {
          // Someone is connected to the template (a straggling migration ORM, a psql session):
          // PostgreSQL refuses to copy it. Wait and retry until the deadline.
          if ((error as { code?: string }).code !== OBJECT_IN_USE || Date.now() > deadline) throw error;
          await sleep(Math.min(50 * attempt, 1_000));
        }
      }
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    }
  });
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withRawClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * Creates a new database from the run's migrated template and returns its URL. Call `drop()`
 * when done (the global teardown also drops any clone left behind).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('gainslyAdminUrl');
  const template = inject('gainslyTemplateDb');
  if (!adminUrl || !template) {
    throw new Error('No test database server: test/support/global-setup.ts must be the vitest globalSetup.');
  }
  const name = newCloneName(template);
  const run = cloneQueue.then(() => cloneTemplate(adminUrl, template, name));
  cloneQueue = run.catch(() => undefined);
  await run;

  let dropped = false;
  return {
    url: clientUrl(withDatabase(adminUrl, name)),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Whether this file runs in the `pgbouncer` project (its databases reached through PgBouncer in
 * transaction mode). For the few tests whose fault only exists on a direct connection, e.g. killing
 * "the client's own backend", which a pooled client does not have.
 */
export function throughPgBouncer(): boolean {
  return inject('gainslyThroughPgBouncer') === true;
}

/**
 * The URL tests use for a database made directly on the server: in the `pgbouncer` project
 * (vitest.config.ts) through PgBouncer, elsewhere the server's own. Databases are still made and
 * dropped directly on the server.
 */
function clientUrl(direct: string): string {
  if (!throughPgBouncer()) return direct;
  const port = inject('gainslyPgBouncerPort');
  if (!port) throw new Error('The pgbouncer project runs without a PgBouncer: the global setup did not start one.');
  return libraryUrlViaPgBouncer(direct, port);
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is not available here: use it inside a test (or a hook registered after useTestOrm()/useClonedDatabase()).`);
  }
  return value;
}

/** What {@link useTestOrm} returns; read the properties inside tests and hooks, not at module level. */
export interface TestOrm {
  /** The file's ORM, on its own clone. Its `em` is outside the per-test transaction (writes through it are committed). */
  readonly orm: MikroORM;
  /** This test's EntityManager: a fork inside a transaction that is rolled back after the test. */
  readonly em: EntityManager;
  /** The file's cloned database. */
  readonly db: TestDatabase;
}

/**
 * Call at the top of a test file (or a `describe`). `beforeAll`: clones the template and opens
 * `createGainslyOrm({ url })` on the clone; `beforeEach`: forks the EntityManager and begins a
 * transaction; `afterEach`: rolls it back; `afterAll`: closes the ORM and drops the clone.
 *
 * Inside a test, `em.transactional(...)` (and `em.flush()`'s own transaction) become savepoints of
 * the test transaction. Do not `em.commit()` the test's `em`: what is committed stays for the
 * file's later tests.
 */
export function useTestOrm(): TestOrm {
  let db: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  let em: EntityManager | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url);
  });

  afterAll(async () => {
    try {
      await orm?.close(true);
    } finally {
      orm = undefined;
      await db?.drop();
      db = undefined;
    }
  });

  beforeEach(async () => {
    const fork = ready(orm, 'the test ORM').em.fork();
    await fork.begin();
    em = fork;
  });

  afterEach(async () => {
    const fork = em;
    em = undefined;
    if (fork?.isInTransaction()) await fork.rollback();
  });

  return {
    get orm() {
      return ready(orm, 'the test ORM');
    },
    get em() {
      return ready(em, 'the test EntityManager (db.em)');
    },
    get db() {
      return ready(db, 'the test database');
    },
  };
}

/** Tables {@link ClonedDatabase.truncateAll} never empties: migration bookkeeping, ours and upstream's. */
export function isMigrationTable(table: string): boolean {
  return table === 'alembic_version' || table === 'mikro_orm_migrations' || table.endsWith('_migrations');
}

/** What {@link useClonedDatabase} returns; read the properties inside tests and hooks. */
export interface ClonedDatabase extends TestDatabase {
  /**
   * Empties every table in schema `public` except migration tables (`TRUNCATE ... RESTART IDENTITY
   * CASCADE`), and returns the names of the tables it emptied. `keep` spares more tables. Note that
   * this also removes rows the migrations seeded.
   */
  truncateAll(options?: { keep?: string[] }): Promise<string[]>;
}

/** Empties the tables of `url` (see {@link ClonedDatabase.truncateAll}). */
export async function truncateAllTables(url: string, keep: readonly string[] = []): Promise<string[]> {
  return withRawClient(url, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    const tables = rows.map((r) => r.tablename).filter((t) => !isMigrationTable(t) && !keep.includes(t));
    if (tables.length > 0) {
      await client.query(`TRUNCATE TABLE ${tables.map((t) => `public.${quoteIdent(t)}`).join(', ')} RESTART IDENTITY CASCADE`);
    }
    return tables;
  });
}

/**
 * Call at the top of a test file (or a `describe`) whose code opens its own connections (pools,
 * concurrent transactions), which a per-test rollback cannot cover: clones the template in
 * `beforeAll`, drops it in `afterAll`. Writes are committed; reset with `truncateAll()`.
 * Open an ORM on it with `createGainslyOrm({ url: db.url })` (and close it yourself).
 */
export function useClonedDatabase(): ClonedDatabase {
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
    db = undefined;
  });

  return {
    get url() {
      return ready(db, 'the cloned database').url;
    },
    get name() {
      return ready(db, 'the cloned database').name;
    },
    drop() {
      return ready(db, 'the cloned database').drop();
    },
    truncateAll(options = {}) {
      return truncateAllTables(ready(db, 'the cloned database').url, options.keep);
    },
  };
}

/**
 * Creates an EMPTY database (no migrations), named like the run's clones so the global teardown
 * drops it too. For tests that load an upstream dump or test migrations from scratch.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('gainslyAdminUrl');
  const template = inject('gainslyTemplateDb');
  const name = newCloneName(template);
  await withRawClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`));
  let dropped = false;
  return {
    url: clientUrl(withDatabase(adminUrl, name)),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropDatabase(adminUrl, name);
    },
  };
}
