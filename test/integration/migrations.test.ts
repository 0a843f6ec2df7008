import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, migrate, MIGRATIONS_TABLE } from '../../src/index.js';
import { ormRunner, readCatalog } from '../../src/admin/catalog.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { LIBRARY_ADDED_INDEXES } from '../../src/admin/expected-schema.js';

describe('migrate()', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    orm = await createGainslyOrm({ url: db.url });
  });

  // Every test starts from a fully migrated database, whichever ran before it (each passes alone).
  beforeEach(async () => {
    await migrate(orm);
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('applies every migration on an empty database, then nothing on the second call', async () => {
    const empty = await createEmptyDatabase();
    const fresh = await createGainslyOrm({ url: empty.url });
    try {
      expect(await migrate(fresh)).toEqual({ applied: [...ALL_MIGRATIONS] });
      expect(await migrate(fresh)).toEqual({ applied: [] });
      const rows = await fresh.em.getConnection().execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE} order by id`);
      expect(rows.map((r) => r.name)).toEqual([...ALL_MIGRATIONS]);
    } finally {
      await fresh.close(true);
      await empty.drop();
    }
  });

  it("leaves nothing for MikroORM's schema comparison to change", async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.replace(/set names 'utf8';/i, '').trim()).toBe('');
  });

  it('every migration has a working down: down to zero leaves an empty schema, up again restores it', async () => {
    const run = ormRunner(orm);
    const before = await readCatalog(run);
    await orm.migrator.down({ to: 0 });
    const empty = await readCatalog(run);
    expect(Object.keys(empty.tables)).toEqual([MIGRATIONS_TABLE]);
    expect(empty.enums).toEqual({});
    expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
    expect(await readCatalog(run)).toEqual(before);
  });

  it('0004 adds exactly its five foreign key indexes and 0003 its four, and each down drops exactly them', async () => {
    const run = ormRunner(orm);
    const indexNames = (catalog: Awaited<ReturnType<typeof readCatalog>>) =>
      Object.entries(catalog.tables).flatMap(([table, t]) => t.indexes.map((i) => `${table}.${i.name}`)).sort();
    const added = (after: Awaited<ReturnType<typeof readCatalog>>, before: Awaited<ReturnType<typeof readCatalog>>) =>
      indexNames(after).filter((n) => !indexNames(before).includes(n));
    const all = await readCatalog(run);
    await orm.migrator.down({ to: '0003-performance-indexes' });
    const before0004 = await readCatalog(run);
    expect(added(all, before0004)).toEqual([
      'conversation_threads.gainsly_ix_conversation_threads_context_session_id',
      'recovery_signals.gainsly_ix_recovery_signals_session_id',
      'sessions.gainsly_ix_sessions_finisher_circuit_id',
      'sessions.gainsly_ix_sessions_main_circuit_id',
      'soreness_logs.gainsly_ix_soreness_logs_inferred_cause_session_id',
    ]);
    await orm.migrator.down({ to: '0002-overview-additions' });
    const before0003 = await readCatalog(run);
    expect(added(before0004, before0003)).toEqual([
      'movements.gainsly_ix_movements_discipline_tags',
      'movements.gainsly_ix_movements_equipment_tags',
      'pattern_exposures.gainsly_ix_pattern_exposures_source_top_set_log_id',
      'pattern_exposures.gainsly_ix_pattern_exposures_user_microcycle',
    ]);
    // MikroORM's schema comparison knows them (they are declared on the entities): it would create them.
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    for (const name of added(all, before0003).map((n) => n.split('.')[1]!)) expect(diff).toContain(name);
    expect(await migrate(orm)).toEqual({ applied: ['0003-performance-indexes', '0004-foreign-key-indexes'] });
    expect(await readCatalog(run)).toEqual(all);
  });

  it("leaves upstream free to index the same columns later: the index its Alembic migration would create does not collide", async () => {
    await migrate(orm);
    const conn = orm.em.getConnection();
    // SQLAlchemy names `index=True` ix_<table>_<column>, and Alembic's op.create_index sends a plain
    // CREATE INDEX (no `if not exists`): a library index of that name would make it fail.
    const columns = await conn.execute<{ table: string; column: string }[]>(
      `select c.table_name as "table", c.column_name as "column" from information_schema.columns c where c.table_schema = 'public' order by 1, 2`,
    );
    const conventional = columns.map((c) => `ix_${c.table}_${c.column}`);
    expect(LIBRARY_ADDED_INDEXES.filter((name) => conventional.includes(name))).toEqual([]);

    // And the statements themselves go through, for every single-column index the library adds.
    const single = await conn.execute<{ table: string; column: string }[]>(
      `select t.relname as "table", a.attname as "column"
         from pg_index i join pg_class x on x.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where x.relname in (?) and i.indnatts = 1 and i.indexprs is null order by 1, 2`,
      [[...LIBRARY_ADDED_INDEXES]],
    );
    expect(single).toHaveLength(6);
    const created: string[] = [];
    try {
      for (const { table, column } of single) {
        await conn.execute(`create index "ix_${table}_${column}" on "${table}" ("${column}")`);
        created.push(`ix_${table}_${column}`);
      }
    } finally {
      for (const name of created) await conn.execute(`drop index "${name}"`);
    }
    expect(created).toEqual(single.map((s) => `ix_${s.table}_${s.column}`));
  });

  it('undoing 0002 refuses (and changes nothing) while a program uses WAVE_LOADING', async () => {
    const conn = orm.em.getConnection();
    await conn.execute(`insert into users (id) values (9001)`);
    await conn.execute(
      `insert into programs (user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
                             split_template, days_per_week, progression_style, persona_tone, persona_aggression)
       values (9001, '2026-01-05', 8, 'STRENGTH', 'SPEED', 'ENDURANCE', 4, 3, 3, 'PPL', 3, 'WAVE_LOADING', 'MINIMALIST', 'CONSERVATIVE')`,
    );
    expect(await orm.migrator.down({ to: '0002-overview-additions' })).toEqual([
      expect.objectContaining({ name: '0004-foreign-key-indexes' }),
      expect.objectContaining({ name: '0003-performance-indexes' }),
    ]);
    await expect(orm.migrator.down()).rejects.toThrow(/progressionstyle|WAVE_LOADING/);
    const rows = await conn.execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE} order by id`);
    expect(rows.map((r) => r.name)).toEqual(['0001-upstream-schema', '0002-overview-additions']);
    const tags = await conn.execute(`select 1 from information_schema.columns where table_name = 'movements' and column_name = 'tags'`);
    expect(tags).toHaveLength(1);
    const program = await conn.execute<{ p: string }[]>(`select progression_style::text as p from programs where user_id = 9001`);
    expect(program).toEqual([{ p: 'WAVE_LOADING' }]);
    // Leave nothing that would make another test's down refuse.
    await conn.execute(`delete from programs where user_id = 9001`);
    await conn.execute(`delete from users where id = 9001`);
  });
});
