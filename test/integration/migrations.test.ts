import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, migrate, MIGRATIONS_TABLE } from '../../src/index.js';
import { ormRunner, readCatalog } from '../../src/admin/catalog.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';

describe('migrate()', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    orm = await createGainslyOrm({ url: db.url });
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('applies every migration on an empty database, then nothing on the second call', async () => {
    expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
    expect(await migrate(orm)).toEqual({ applied: [] });
    const rows = await orm.em.getConnection().execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE} order by id`);
    expect(rows.map((r) => r.name)).toEqual([...ALL_MIGRATIONS]);
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
      'conversation_threads.ix_conversation_threads_context_session_id',
      'recovery_signals.ix_recovery_signals_session_id',
      'sessions.ix_sessions_finisher_circuit_id',
      'sessions.ix_sessions_main_circuit_id',
      'soreness_logs.ix_soreness_logs_inferred_cause_session_id',
    ]);
    await orm.migrator.down({ to: '0002-overview-additions' });
    const before0003 = await readCatalog(run);
    expect(added(before0004, before0003)).toEqual([
      'movements.ix_movements_discipline_tags',
      'movements.ix_movements_equipment_tags',
      'pattern_exposures.ix_pattern_exposures_source_top_set_log_id',
      'pattern_exposures.ix_pattern_exposures_user_microcycle',
    ]);
    // MikroORM's schema comparison knows them (they are declared on the entities): it would create them.
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    for (const name of added(all, before0003).map((n) => n.split('.')[1]!)) expect(diff).toContain(name);
    expect(await migrate(orm)).toEqual({ applied: ['0003-performance-indexes', '0004-foreign-key-indexes'] });
    expect(await readCatalog(run)).toEqual(all);
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
  });
});
