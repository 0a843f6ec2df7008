/**
 * Adoption safety at scale: a copy of the upstream (head) schema filled with thousands of rows per
 * table, written the way the Python app writes them, is adopted. Every row of every one of the 19
 * tables keeps its checksum (original columns), adopting again changes nothing, and afterwards
 * both kinds of writers work: the upstream app's raw INSERTs (explicit labels, every NOT NULL
 * column) and the library's workflows on the upstream rows.
 */
import { ENUMS } from '../../src/enums/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ConversationThread,
  createGainslyOrm,
  forUser,
  HeuristicConfig,
  migrate,
  MIGRATIONS_TABLE,
  Movement,
  Program,
  User,
  WorkoutLog,
} from '../../src/index.js';
import { adopt } from '../../src/admin/adopt.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { importCircuits, importHeuristicConfigs, importMovements } from '../../src/admin/import/import.js';
import { createEmptyDatabase, withRawClient, type RawClient, type TestDatabase } from '../support/database.js';
import { fixturePath, loadUpstreamDump, requireFixtures } from '../support/fixtures.js';
import { LIBRARY_TABLES } from '../support/reliability-db.js';
import { reliabilityCount } from '../support/reliability-scale.js';
import { tableChecksums, upstreamFillSql, UPSTREAM_WRITES_AFTER_ADOPT, type TableChecksum } from '../support/reliability-upstream.js';

const ROWS = reliabilityCount('ADOPT_ROWS', 2000, 10);

/**
 * The upstream rows (ids 1..ROWS) that the library's writes in this file must leave alone: all of
 * them, except those a workflow changes on purpose — user 2's programs (createProgram deactivates
 * the old one), thread 2 (appendTurn touches updated_at), upstream_config_7 (activate) and the
 * movement the import updates.
 */
const CHANGED_ON_PURPOSE: Record<string, string> = {
  programs: 'user_id <> 2',
  conversation_threads: 'id <> 2',
  heuristic_configs: "name <> 'upstream_config_7'",
  movements: "name <> 'Upstream Movement 5'",
};

async function preservedChecksums(client: RawClient, columns: Map<string, string[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of LIBRARY_TABLES) {
    const row = `row(${columns.get(table)!.map((col) => `t."${col}"`).join(', ')})::text`;
    const where = `t.id <= ${ROWS}${CHANGED_ON_PURPOSE[table] ? ` and ${CHANGED_ON_PURPOSE[table]}` : ''}`;
    const { rows } = await client.query<{ md5: string }>(`select md5(coalesce(string_agg(${row}, ',' order by t.id), '')) as md5 from "${table}" t where ${where}`);
    out[table] = rows[0]!.md5;
  }
  return out;
}
const hasFixtures = requireFixtures('adoption safety at scale (needs the upstream schema dump)');

describe.runIf(hasFixtures)(`adopt on an upstream database with ${ROWS} rows in each of the 19 tables`, () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let before: Map<string, TableChecksum>;
  let originalColumns: Map<string, string[]>;
  let otherTablesBefore: { table: string; n: number }[];
  let preservedBefore: Record<string, string>;

  const otherTables = (c: Parameters<Parameters<typeof withRawClient>[1]>[0]) =>
    c
      .query<{ table: string; n: number }>(
        `select c.relname as table, c.relnatts::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
          where s.nspname = 'public' and c.relkind = 'r' and not (c.relname = any($1)) and c.relname <> $2 order by 1`,
        [LIBRARY_TABLES, MIGRATIONS_TABLE],
      )
      .then((r) => r.rows);

  beforeAll(async () => {
    db = await createEmptyDatabase();
    await loadUpstreamDump(db.url, 'head');
    await withRawClient(db.url, async (c) => {
      await c.query(`insert into alembic_version values ('upstream-head')`);
      await c.query(upstreamFillSql(ROWS));
      await c.query('analyze');
    });
    const snapshot = await withRawClient(db.url, (c) => tableChecksums(c));
    before = snapshot.sums;
    originalColumns = snapshot.columns;
    otherTablesBefore = await withRawClient(db.url, otherTables);
    preservedBefore = await withRawClient(db.url, (c) => preservedChecksums(c, originalColumns));
    orm = await createGainslyOrm({ url: db.url });
  }, 120_000);
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('the fixture really is full: every library table has the rows', () => {
    expect([...before.keys()].sort()).toEqual([...LIBRARY_TABLES].sort());
    for (const [table, { count }] of before) expect(count, table).toBe(ROWS);
  });

  it('adopt succeeds, and no row of any table changed (count and md5 over the original columns)', async () => {
    const result = await adopt(orm);
    expect(result.alreadyAdopted).toBe(false);
    expect(result.report.ok).toBe(true);
    const after = await withRawClient(db.url, (c) => tableChecksums(c, originalColumns));
    expect(Object.fromEntries(after.sums)).toEqual(Object.fromEntries(before));
    // The added column is empty on every old row: nothing was backfilled.
    const tags = await withRawClient(db.url, (c) => c.query<{ n: number }>('select count(*)::int as n from movements where tags is not null'));
    expect(tags.rows[0]!.n).toBe(0);
    // Upstream's own tables and its alembic_version are untouched.
    expect(await withRawClient(db.url, otherTables)).toEqual(otherTablesBefore);
    const version = await withRawClient(db.url, (c) => c.query('select version_num from alembic_version'));
    expect(version.rows).toEqual([{ version_num: 'upstream-head' }]);
  });

  it('adopt is idempotent: a second run changes nothing, doctor is clean and migrate has nothing to do', async () => {
    const again = await adopt(orm);
    expect(again).toMatchObject({ changed: [], statements: [], alreadyAdopted: true });
    expect((await doctor(orm)).ok).toBe(true);
    expect(await migrate(orm)).toEqual({ applied: [] });
    const after = await withRawClient(db.url, (c) => tableChecksums(c, originalColumns));
    expect(Object.fromEntries(after.sums)).toEqual(Object.fromEntries(before));
  });

  it("the upstream app's writes still succeed: one raw INSERT per table, with explicit labels and every NOT NULL column", async () => {
    await withRawClient(db.url, (c) => c.query(UPSTREAM_WRITES_AFTER_ADOPT));
    const after = await withRawClient(db.url, (c) => tableChecksums(c, originalColumns));
    for (const table of LIBRARY_TABLES) expect(after.sums.get(table)!.count, table).toBe(ROWS + 1);
  });

  it('the library reads the upstream rows and writes through its workflows on them', async () => {
    const em = orm.em.fork();
    // Reads: semantic values from UPPERCASE labels, JSON from text.
    const byLevel = await em.getConnection().execute<{ level: string; n: string }[]>('select experience_level::text as level, count(*) as n from users group by 1');
    for (const { level, n } of byLevel) {
      expect(await em.count(User, { experienceLevel: level.toLowerCase() as never })).toBe(Number(n));
    }
    // Reads are strict: the upstream rows spell some cns_load 'Very High' (on purpose), which is not a
    // CNSLoad value, so a search that meets one names it instead of handing it out (audit lists them).
    await expect(em.fork().getRepository(Movement).search({ pattern: 'squat', equipmentTag: 'barbell' })).rejects.toMatchObject({
      name: 'GainslyDataError',
      table: 'movements',
      column: 'cns_load',
      value: 'Very High',
    });
    // The squats whose every enum-backed column is a value of its enum: those read as entities.
    const readable = await em.getConnection().execute<{ id: number }[]>(
      `select id from movements where pattern = 'squat' and user_id is null and equipment_tags::jsonb @> '["barbell"]'
          and primary_muscle in (?) and primary_region in (?) and cns_load in (?) and skill_level in (?) and metric_type in (?)
          and (secondary_muscles is null or not exists (select 1 from json_array_elements_text(secondary_muscles) m where m not in (?)))`,
      [ENUMS.PrimaryMuscle.values, ENUMS.PrimaryRegion.values, ENUMS.CNSLoad.values, ENUMS.SkillLevel.values, ENUMS.MetricType.values, ENUMS.PrimaryMuscle.values],
    );
    expect(readable.length).toBeGreaterThan(0);
    const squats = await em.find(Movement, { id: { $in: readable.map((r) => r.id) } }, { orderBy: { id: 'asc' } });
    expect(squats.length).toBe(readable.length);

    // Writes through the workflows, on upstream rows.
    const user = await em.getRepository(User).findOneOrFail({ id: 2 });
    const squat = squats[0]!;
    const logged = await orm.em.fork().getRepository(WorkoutLog).logWorkout(user.id, { date: '2026-06-10', topSets: [{ movementId: squat.id, weight: 120, reps: 3, rpe: 9 }] });
    expect(logged.topSets[0]!.e1rmValue).toBeGreaterThan(120);
    const program = await orm.em.fork().getRepository(Program).createProgram(user.id, {
      startDate: '2026-06-01',
      durationWeeks: 9,
      daysPerWeek: 3,
      goals: [
        { goal: 'strength', weight: 6 },
        { goal: 'speed', weight: 3 },
        { goal: 'mobility', weight: 1 },
      ],
      splitTemplate: 'full_body',
      progressionStyle: 'wave_loading',
    });
    expect(program.isActive).toBe(true);
    const turn = await orm.em.fork().getRepository(ConversationThread).appendTurn(2, { role: 'assistant', content: 'Adopted.' });
    expect(turn.turnNumber).toBe(2);
    const active = await orm.em.fork().getRepository(HeuristicConfig).activate('upstream_config_7', 3);
    expect(active.active).toBe(true);
    expect(await orm.em.fork().count(HeuristicConfig, { name: 'upstream_config_7', active: true })).toBe(1);
    const me = forUser(orm.em.fork(), user.id);
    expect((await me.workouts.list({ from: '2026-06-10', to: '2026-06-10' })).items.map((w) => w.id)).toEqual([logged.workoutLog.id]);
    const report = await importMovements(orm, [{ name: 'Upstream Movement 5', pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower', description: 'updated by import' }]);
    expect(report.updated + report.unchanged + report.skipped.length).toBe(1);
  });

  it('importing the upstream seed files is idempotent: the second import changes no row', async () => {
    const files = [
      ['movements.json', importMovements, 'movements'],
      ['heuristic_configs.json', importHeuristicConfigs, 'heuristic_configs'],
      ['scraped_circuits.json', importCircuits, 'circuit_templates'],
    ] as const;
    for (const [file, run, table] of files) {
      const first = await run(orm, fixturePath(`upstream-seed-data/${file}`), { skipInvalid: true });
      expect(first.inserted + first.updated, file).toBeGreaterThan(0);
      const afterFirst = await withRawClient(db.url, (c) => tableChecksums(c));
      const second = await run(orm, fixturePath(`upstream-seed-data/${file}`), { skipInvalid: true });
      expect([second.inserted, second.updated], file).toEqual([0, 0]);
      expect(second.unchanged + second.skipped.length, file).toBe(second.total);
      const afterSecond = await withRawClient(db.url, (c) => tableChecksums(c));
      expect(afterSecond.sums.get(table), file).toEqual(afterFirst.sums.get(table));
    }
  });

  it('rows the library did not write were not touched by those writes either', async () => {
    const now = await withRawClient(db.url, (c) => preservedChecksums(c, originalColumns));
    expect(now).toEqual(preservedBefore);
  });
});
