/**
 * The starter movement catalog, by API (`loadStarterCatalog(em)`) and by CLI (`gainsly-db catalog
 * load`): on an empty (migrated) database it inserts the catalog, a second run inserts nothing,
 * names held by a user's own movement are skipped, and `--json` prints one document.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, GainslyConfigError, GainslySchemaError, loadStarterCatalog, migrate, Movement, STARTER_CATALOG, User } from '../../src/index.js';
import { createEmptyDatabase, useClonedDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { json, runCli, SLOW, useCliBundle, withPassword, type Run } from '../support/cli.js';

const db = useClonedDatabase();
let orm: MikroORM;

beforeAll(async () => {
  orm = await createGainslyOrm({ url: db.url });
});
afterAll(async () => {
  await orm?.close(true);
});

async function systemMovements(): Promise<string[]> {
  return withRawClient(db.url, async (c) => (await c.query<{ name: string }>('select name from movements where user_id is null order by name')).rows.map((r) => r.name));
}

describe('loadStarterCatalog(em)', () => {
  beforeEach(async () => {
    await db.truncateAll();
  });

  it('inserts the whole catalog into an empty database, as system movements with their classification', async () => {
    expect(await systemMovements()).toEqual([]);
    const report = await loadStarterCatalog(orm.em.fork());
    expect(report).toEqual({ total: STARTER_CATALOG.length, inserted: STARTER_CATALOG.length, unchanged: 0, skipped: [] });
    expect(await systemMovements()).toEqual(STARTER_CATALOG.map((m) => m.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const squat = await orm.em.fork().findOneOrFail(Movement, { name: 'Back Squat' });
    expect(squat).toMatchObject({ pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower', equipmentTags: ['barbell', 'rack'], user: null });
  });

  it('run twice: the second run inserts nothing and counts every movement unchanged', async () => {
    await loadStarterCatalog(orm.em.fork());
    const again = await loadStarterCatalog(orm.em.fork());
    expect(again).toEqual({ total: STARTER_CATALOG.length, inserted: 0, unchanged: STARTER_CATALOG.length, skipped: [] });
    expect((await systemMovements()).length).toBe(STARTER_CATALOG.length);
  });

  it('leaves a movement that is already there as it is, and fills in the rest', async () => {
    const em = orm.em.fork();
    em.create(Movement, { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'glutes', primaryRegion: 'anterior lower' });
    await em.flush();
    const report = await loadStarterCatalog(orm.em.fork());
    expect(report).toMatchObject({ inserted: STARTER_CATALOG.length - 1, unchanged: 1, skipped: [] });
    expect((await orm.em.fork().findOneOrFail(Movement, { name: 'Back Squat' })).primaryMuscle).toBe('glutes');
  });

  it("skips a name a user's own movement holds (names are unique), and inserts the others", async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({ email: 'owner@example.com' });
    em.create(Movement, { name: 'Push-Up', pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper', user });
    await em.flush();
    const report = await loadStarterCatalog(orm.em.fork());
    expect(report).toMatchObject({ inserted: STARTER_CATALOG.length - 1, unchanged: 0, skipped: ['Push-Up'] });
  });

  it('two loads at once insert the catalog once (no unique violation)', async () => {
    const [a, b] = await Promise.all([loadStarterCatalog(orm.em.fork()), loadStarterCatalog(orm.em.fork())]);
    expect(a.inserted + b.inserted).toBe(STARTER_CATALOG.length);
    expect(a.unchanged + b.unchanged).toBe(STARTER_CATALOG.length);
  });

  it('works inside a caller transaction, and rolls back with it', async () => {
    await orm.em.fork().transactional(async (tx) => {
      expect((await loadStarterCatalog(tx)).inserted).toBe(STARTER_CATALOG.length);
      expect(await tx.count(Movement)).toBe(STARTER_CATALOG.length);
      await tx.rollback();
    }).catch(() => undefined);
    expect(await systemMovements()).toEqual([]);
  });

  it('rejects what is not an EntityManager, and an unmigrated database is a schema error', async () => {
    await expect(loadStarterCatalog(undefined as never)).rejects.toBeInstanceOf(GainslyConfigError);
    const empty = await createEmptyDatabase();
    const bare = await createGainslyOrm({ url: empty.url });
    try {
      await expect(loadStarterCatalog(bare.em.fork())).rejects.toBeInstanceOf(GainslySchemaError);
    } finally {
      await bare.close(true);
      await empty.drop();
    }
  });
});

describe('gainsly-db catalog load', () => {
  const bundle = useCliBundle();
  const run = (args: string[]): Promise<Run> => runCli(bundle.cli, args);
  let fresh: TestDatabase;
  let url: string;

  beforeAll(async () => {
    fresh = await createEmptyDatabase();
    url = withPassword(fresh);
    const migrating = await createGainslyOrm({ url: fresh.url });
    try {
      await migrate(migrating);
    } finally {
      await migrating.close(true);
    }
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('loads the catalog into a fresh database, then finds nothing to insert; --json is one document', async () => {
    const first = await run(['catalog', 'load', '--url', url]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`✓ starter catalog: ${STARTER_CATALOG.length} movements → ${STARTER_CATALOG.length} inserted, 0 unchanged\n`);
    expect(first.stderr).toMatch(/^database:\s/);

    const second = await run(['catalog', 'load', '--url', url, '--json']);
    expect(second.code).toBe(0);
    expect(json(second)).toEqual({
      ok: true,
      command: 'catalog load',
      database: expect.stringContaining('***'),
      report: { total: STARTER_CATALOG.length, inserted: 0, unchanged: STARTER_CATALOG.length, skipped: [] },
    });
    expect(second.stderr).toBe('');
  }, SLOW);

  it('on an unmigrated database: exit 1 and the advice to migrate', async () => {
    const empty = await createEmptyDatabase();
    try {
      const result = await run(['catalog', 'load', '--url', withPassword(empty), '--json']);
      expect(result.code).toBe(1);
      expect(json(result)).toMatchObject({ ok: false, error: { name: 'GainslySchemaError', message: expect.stringMatching(/migrate/) } });
    } finally {
      await empty.drop();
    }
  }, SLOW);

  it('--help', async () => {
    const help = await run(['catalog', 'load', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gainsly-db catalog load');
  });
});
