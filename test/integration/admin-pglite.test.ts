import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, Microcycle, migrate, MIGRATIONS_TABLE, Program, User } from '../../src/index.js';
import { adopt } from '../../src/admin/adopt.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { allFindings } from '../../src/admin/doctor/fixes.js';
import { audit } from '../../src/admin/audit.js';
import { importCircuits, importHeuristicConfigs, importMovements } from '../../src/admin/import/import.js';
import { fixturePath, requireFixtures } from '../support/fixtures.js';

/** The admin tools on the embedded database: one connection, no server features. */
describe('admin tools on PGlite', () => {
  let orm: MikroORM;
  const sql = (query: string) => orm.em.getConnection().execute(query);

  beforeAll(async () => {
    orm = await createGainslyOrm({ url: 'pglite:' });
    await migrate(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('doctor: a migrated database is clean (PostgreSQL 18 NOT NULL constraints are not reported)', async () => {
    const report = await doctor(orm);
    expect(allFindings(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('adopt: an upstream-shaped database is brought up to the overview in one transaction', async () => {
    // Back to upstream's shape: revert 0003 and 0002, forget the library's bookkeeping, add alembic's.
    await orm.migrator.down({ to: '0001-upstream-schema' });
    await sql(`drop table ${MIGRATIONS_TABLE}`);
    await sql(`create table alembic_version (version_num varchar(32) not null, constraint alembic_version_pkc primary key (version_num))`);
    await sql(`insert into alembic_version values ('9c1a2b3c4d5e')`);
    const before = await doctor(orm);
    expect(before.database.kind).toBe('upstream');
    expect(before.summary.errors).toBe(0);
    expect(before.summary.fixable).toBeGreaterThan(30);

    const result = await adopt(orm);
    expect(result.changed).toContain('added label WAVE_LOADING to enum progressionstyle');
    expect(result.changed).toContain('created index gainsly_ix_movements_equipment_tags on movements');
    expect(result.changed).toContain('created index gainsly_ix_pattern_exposures_user_microcycle on pattern_exposures');
    expect(result.report.ok).toBe(true);
    expect((await adopt(orm)).alreadyAdopted).toBe(true);
    expect(await migrate(orm)).toEqual({ applied: [] });

    const em = orm.em.fork();
    const user = em.create(User, { email: 'lite@example.com' });
    const program = em.create(Program, {
      user,
      startDate: '2026-01-05',
      durationWeeks: 8,
      goal1: 'strength',
      goal2: 'hypertrophy',
      goal3: 'endurance',
      goalWeight1: 5,
      goalWeight2: 3,
      goalWeight3: 2,
      splitTemplate: 'ppl',
      daysPerWeek: 6,
      progressionStyle: 'wave_loading',
      personaTone: 'minimalist',
      personaAggression: 2,
    });
    // An active program has its current week ACTIVE, as the app keeps it (audit checks this below).
    em.create(Microcycle, { program, startDate: '2026-01-05', lengthDays: 7, sequenceNumber: 1, status: 'active' });
    await em.flush();
  });

  it.runIf(requireFixtures('importing seed data into PGlite'))('import and audit', async () => {
    const seed = (name: string) => fixturePath(`upstream-seed-data/${name}`);
    expect((await importMovements(orm, seed('movements.json'))).inserted).toBe(65);
    expect((await importHeuristicConfigs(orm, seed('heuristic_configs.json'))).inserted).toBe(10);
    expect((await importCircuits(orm, seed('scraped_circuits.json'))).inserted).toBe(29);
    expect((await importMovements(orm, seed('movements.json'))).unchanged).toBe(65);
    const report = await audit(orm);
    expect(report.ok).toBe(true);
    expect(report.columns.find((c) => c.table === 'movements' && c.column === 'pattern')!.rows).toBe(65);
  });
});
