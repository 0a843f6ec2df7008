/**
 * The integration-test harness itself: per-test rollback, savepoints for nested transactions,
 * one clone per file, and truncation for code with its own connections. Raw SQL on tables created
 * here, so it does not depend on the library's entities.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, useClonedDatabase, useTestOrm, withRawClient } from '../support/database.js';

const labels = async (em: { execute(sql: string): Promise<unknown> }): Promise<string[]> =>
  ((await em.execute('select label from harness_probe order by id')) as { label: string }[]).map((r) => r.label);

describe('useTestOrm: each test runs in a transaction that is rolled back', () => {
  const db = useTestOrm();

  // Runs after useTestOrm's beforeAll (hooks run in order), outside any test transaction: committed.
  beforeAll(async () => {
    await db.orm.em.fork().execute('create table harness_probe (id serial primary key, label text not null)');
  });

  it('sees its own writes, which other connections cannot see (uncommitted)', async () => {
    await db.em.execute(`insert into harness_probe (label) values ('written in test 1')`);

    expect(await labels(db.em)).toEqual(['written in test 1']);
    const seenElsewhere = await withRawClient(db.db.url, async (c) => (await c.query('select label from harness_probe')).rows);
    expect(seenElsewhere).toEqual([]);
  });

  it('no longer sees the row the previous test wrote', async () => {
    expect(await labels(db.em)).toEqual([]);
  });

  it('rolls back only the savepoint of a nested em.transactional that throws', async () => {
    await db.em.execute(`insert into harness_probe (label) values ('outer')`);

    await expect(
      db.em.transactional(async (tx) => {
        await tx.execute(`insert into harness_probe (label) values ('inner, then thrown')`);
        expect(await labels(tx)).toEqual(['outer', 'inner, then thrown']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    expect(db.em.isInTransaction()).toBe(true);
    expect(await labels(db.em)).toEqual(['outer']);

    await db.em.transactional(async (tx) => {
      await tx.execute(`insert into harness_probe (label) values ('inner, kept')`);
    });
    expect(await labels(db.em)).toEqual(['outer', 'inner, kept']);
    // The nested transaction "committed" a savepoint only: nothing is visible outside the test's transaction.
    const seenElsewhere = await withRawClient(db.db.url, async (c) => (await c.query('select label from harness_probe')).rows);
    expect(seenElsewhere).toEqual([]);
  });

  it('the savepoint test left nothing behind either', async () => {
    expect(await labels(db.em)).toEqual([]);
  });

  it('runs on its own clone, distinct from the template, whose writes do not reach the template', async () => {
    const rows = (await db.em.execute('select current_database() as name')) as { name: string }[];
    const template = inject('gainslyTemplateDb');
    expect(rows[0]?.name).toBe(db.db.name);
    expect(db.db.name).not.toBe(template);

    // harness_probe was committed in this clone; a fresh clone of the template must not have it.
    const other = await createTestDatabase();
    try {
      expect(other.name).not.toBe(db.db.name);
      const found = await withRawClient(other.url, async (c) =>
        (await c.query<{ t: string | null }>(`select to_regclass('public.harness_probe')::text as t`)).rows[0]?.t,
      );
      expect(found).toBeNull();
    } finally {
      await other.drop();
    }
    const stillThere = await withRawClient(inject('gainslyAdminUrl'), async (c) =>
      (await c.query('select 1 from pg_database where datname = $1', [other.name])).rows,
    );
    expect(stillThere).toEqual([]);
  });
});

describe('useClonedDatabase: committed writes from several connections, reset by truncateAll', () => {
  const db = useClonedDatabase();

  beforeAll(async () => {
    await withRawClient(db.url, async (c) => {
      await c.query('create table harness_counter (id serial primary key, who text not null)');
      await c.query(
        `create table if not exists gainsly_harness_migrations (id serial primary key, name text not null)`,
      );
      await c.query(`insert into gainsly_harness_migrations (name) values ('m1')`);
    });
  });

  it('sees rows committed by concurrent connections, and truncateAll empties them and restarts ids', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((who) =>
        withRawClient(db.url, (c) => c.query('insert into harness_counter (who) values ($1)', [who])),
      ),
    );
    const count = async (table: string) =>
      withRawClient(db.url, async (c) => Number((await c.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n));
    expect(await count('harness_counter')).toBe(3);

    const emptied = await db.truncateAll();

    expect(emptied).toContain('harness_counter');
    expect(emptied).not.toContain('gainsly_harness_migrations');
    expect(await count('harness_counter')).toBe(0);
    expect(await count('gainsly_harness_migrations')).toBe(1);
    const id = await withRawClient(db.url, async (c) =>
      (await c.query<{ id: number }>(`insert into harness_counter (who) values ('d') returning id`)).rows[0]?.id,
    );
    expect(id).toBe(1);
  });
});
