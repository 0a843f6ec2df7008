import { afterAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, migrate, MIGRATIONS_TABLE } from '../../src/index.js';
import { ormRunner, readCatalog } from '../../src/admin/catalog.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { formatDoctorReport } from '../../src/admin/doctor/fixes.js';
import type { DoctorFinding, DoctorReport } from '../../src/admin/doctor/types.js';
import { expectedCatalog } from '../../src/admin/expected-schema.js';
import { OVERVIEW_DEFAULTS } from '../../migrations/0002-overview-additions.js';
import { createEmptyDatabase, useTestOrm, withRawClient, type TestDatabase } from '../support/database.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { loadUpstreamDump, requireFixtures, UPSTREAM_DUMPS } from '../support/fixtures.js';

/** The tables upstream's head revision adds beyond the spec's (docs/upstream.md, "Upstream's schema"). */
const HEAD_EXTRA_TABLES = [
  'activity_definitions',
  'activity_instance_links',
  'activity_instances',
  'activity_muscle_map',
  'disciplines',
  'external_activity_records',
  'external_ingestion_runs',
  'external_metric_streams',
  'external_provider_accounts',
  'goal_checkins',
  'goals',
  'macro_cycles',
  'movement_muscle_map',
  'muscles',
  'user_biometrics_history',
  'user_fatigue_state',
  'user_profiles',
];

const findingsOf = (report: DoctorReport): DoctorFinding[] => [
  ...report.tables.flatMap((t) => t.findings),
  ...report.enums.flatMap((e) => e.findings),
  ...report.migrations.findings,
];

/** `severity kind where` for each finding, sorted: compact enough to compare whole sets. */
const keysOf = (findings: DoctorFinding[]) =>
  findings.map((f) => `${f.severity} ${f.kind} ${[f.table, f.column, f.name, f.label].filter(Boolean).join('.')}`).sort();

/** The fixable findings of any database the upstream migrations made: the additions of docs/data-model.md (migration 0002), the library's indexes and the bookkeeping. */
function upstreamFixables(): string[] {
  return [
    'fixable column_missing movements.tags',
    'fixable enum_label_missing progressionstyle.WAVE_LOADING',
    `fixable migrations_not_recorded ${MIGRATIONS_TABLE}`,
    ...OVERVIEW_DEFAULTS.map(([table, column]) => `fixable column_default ${table}.${column}`),
    'fixable index_missing movements.gainsly_ix_movements_discipline_tags',
    'fixable index_missing movements.gainsly_ix_movements_equipment_tags',
    'fixable index_missing pattern_exposures.gainsly_ix_pattern_exposures_source_top_set_log_id',
    'fixable index_missing pattern_exposures.gainsly_ix_pattern_exposures_user_microcycle',
    'fixable index_missing conversation_threads.gainsly_ix_conversation_threads_context_session_id',
    'fixable index_missing recovery_signals.gainsly_ix_recovery_signals_session_id',
    'fixable index_missing sessions.gainsly_ix_sessions_finisher_circuit_id',
    'fixable index_missing sessions.gainsly_ix_sessions_main_circuit_id',
    'fixable index_missing soreness_logs.gainsly_ix_soreness_logs_inferred_cause_session_id',
  ].sort();
}

async function withOrm<T>(url: string, fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await createGainslyOrm({ url });
  try {
    return await fn(orm);
  } finally {
    await orm.close(true);
  }
}

describe('doctor on a database made by migrate()', () => {
  const db = useTestOrm();

  it('the expected schema written in src/admin equals what the migrations produce', async () => {
    const catalog = await readCatalog(ormRunner(db.orm));
    delete catalog.tables[MIGRATIONS_TABLE];
    expect(catalog).toEqual(expectedCatalog());
  });

  it('is clean: no finding at all, every migration applied', async () => {
    const report = await doctor(db.orm);
    expect(report.ok).toBe(true);
    expect(findingsOf(report)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, fixable: 0, tolerated: 0 });
    expect(report.database.kind).toBe('library');
    expect(report.migrations).toMatchObject({ tableExists: true, applied: [...ALL_MIGRATIONS], pending: [], unknown: [] });
    expect(report.tables.filter((t) => t.expected)).toHaveLength(19);
    expect(report.tables.every((t) => t.status === 'ok')).toBe(true);
    expect(report.enums).toHaveLength(17);
    // JSON-serialisable as is.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(formatDoctorReport(report)).toMatch(/^doctor: OK: 0 error\(s\), 0 fixable, 0 tolerated/);
  });
});

describe('doctor when upstream indexes a column the library already indexes', () => {
  const db = useTestOrm();

  it('names the redundant pair, and accepts upstream’s index once the library’s is dropped', async () => {
    const conn = db.orm.em.getConnection();
    // What Alembic sends for `index=True` on sessions.main_circuit_id.
    await conn.execute('create index ix_sessions_main_circuit_id on sessions (main_circuit_id)');
    const both = findingsOf(await doctor(db.orm));
    expect(keysOf(both)).toEqual(['tolerated index_extra sessions.ix_sessions_main_circuit_id']);
    expect(both[0]!.message).toBe(
      "Index ix_sessions_main_circuit_id on sessions has the same definition as the library's gainsly_ix_sessions_main_circuit_id; one of them is redundant (drop the library's: doctor then accepts ix_sessions_main_circuit_id in its place)",
    );

    await conn.execute('drop index gainsly_ix_sessions_main_circuit_id');
    const after = await doctor(db.orm);
    expect(keysOf(findingsOf(after))).toEqual(['tolerated index_renamed sessions.gainsly_ix_sessions_main_circuit_id']);
    expect(after.summary).toEqual({ errors: 0, fixable: 0, tolerated: 1 });
  });
});

const hasFixtures = requireFixtures('doctor on the upstream schema dumps');

describe.runIf(hasFixtures)('doctor on upstream databases', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  async function upstreamDb(which: keyof typeof UPSTREAM_DUMPS, prepare?: string): Promise<TestDatabase> {
    const db = await createEmptyDatabase();
    dbs.push(db);
    await loadUpstreamDump(db.url, which);
    if (prepare) await withRawClient(db.url, (c) => c.query(prepare));
    return db;
  }

  it('at 9c1a2b3c4d5e reports exactly the overview additions and the unrecorded migrations as fixable, alembic_version as tolerated', async () => {
    const db = await upstreamDb('9c1a2b3c4d5e', `insert into alembic_version values ('9c1a2b3c4d5e')`);
    const report = await withOrm(db.url, (orm) => doctor(orm));
    expect(keysOf(findingsOf(report))).toEqual([...upstreamFixables(), 'tolerated table_extra alembic_version'].sort());
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ errors: 0, fixable: upstreamFixables().length, tolerated: 1 });
    expect(report.database).toMatchObject({ kind: 'upstream', alembicVersion: '9c1a2b3c4d5e' });
    expect(report.migrations).toMatchObject({ tableExists: false, applied: [], pending: [...ALL_MIGRATIONS] });
    const tags = findingsOf(report).find((f) => f.kind === 'column_missing')!;
    expect(tags.fix).toBe('alter table "public"."movements" add column if not exists "tags" json null');
    const wave = findingsOf(report).find((f) => f.kind === 'enum_label_missing')!;
    expect(wave.fix).toBe(`alter type "public"."progressionstyle" add value if not exists 'WAVE_LOADING' after 'BUILD_TO_DROP'`);
    expect(report.tables.find((t) => t.table === 'movements')!.status).toBe('fixable');
    const fk = findingsOf(report).find((f) => f.kind === 'index_missing' && f.name === 'gainsly_ix_pattern_exposures_source_top_set_log_id')!;
    expect(fk.fix).toBe('CREATE INDEX IF NOT EXISTS gainsly_ix_pattern_exposures_source_top_set_log_id ON public.pattern_exposures USING btree (source_top_set_log_id)');
    const gin = findingsOf(report).find((f) => f.kind === 'index_missing' && f.name === 'gainsly_ix_movements_equipment_tags')!;
    expect(gin.fix).toBe('CREATE INDEX IF NOT EXISTS gainsly_ix_movements_equipment_tags ON public.movements USING gin (((equipment_tags)::jsonb) jsonb_path_ops)');
    const sessionFk = findingsOf(report).find((f) => f.kind === 'index_missing' && f.name === 'gainsly_ix_recovery_signals_session_id')!;
    expect(sessionFk.fix).toBe('CREATE INDEX IF NOT EXISTS gainsly_ix_recovery_signals_session_id ON public.recovery_signals USING btree (session_id)');
    expect(report.tables.find((t) => t.table === 'conversation_turns')!.findings.map((f) => f.column)).toEqual(['created_at']);
  });

  it('at head adds only tolerated extras: 17 tables, programs.macro_cycle_id with its FK and index, 12 enum types', async () => {
    const db = await upstreamDb('head', `insert into alembic_version values ('4fdc46c38149')`);
    const report = await withOrm(db.url, (orm) => doctor(orm));
    const tolerated = findingsOf(report).filter((f) => f.severity === 'tolerated');
    expect(findingsOf(report).filter((f) => f.severity === 'error')).toEqual([]);
    expect(keysOf(findingsOf(report).filter((f) => f.severity === 'fixable'))).toEqual(upstreamFixables());
    expect(tolerated.filter((f) => f.kind === 'table_extra').map((f) => f.table).sort()).toEqual(['alembic_version', ...HEAD_EXTRA_TABLES].sort());
    expect(keysOf(tolerated.filter((f) => f.kind !== 'table_extra' && f.kind !== 'enum_extra'))).toEqual([
      'tolerated column_extra programs.macro_cycle_id',
      'tolerated constraint_extra programs.fk_programs_macro_cycle_id_macro_cycles',
      'tolerated index_extra programs.ix_programs_macro_cycle_id',
    ]);
    expect(tolerated.filter((f) => f.kind === 'enum_extra')).toHaveLength(12);
    expect(report.tables.filter((t) => !t.expected)).toHaveLength(18);
    expect(report.database).toMatchObject({ kind: 'upstream', alembicVersion: '4fdc46c38149' });
  });

  it('changes nothing: no migrations table appears, the catalog is identical afterwards', async () => {
    const db = await upstreamDb('9c1a2b3c4d5e');
    await withOrm(db.url, async (orm) => {
      const before = await readCatalog(ormRunner(orm));
      await doctor(orm);
      await doctor(orm);
      expect(await readCatalog(ormRunner(orm))).toEqual(before);
      expect(before.tables[MIGRATIONS_TABLE]).toBeUndefined();
    });
  });

  it('reports a dropped column, a narrowed type, a dropped index, a nullability change and a foreign column as errors, a renamed FK as tolerated', async () => {
    const db = await upstreamDb(
      '9c1a2b3c4d5e',
      `alter table users drop column name;
       alter table workout_logs alter column notes type varchar(20);
       alter table movements alter column secondary_muscles type text;
       drop index ix_sessions_date;
       alter table soreness_logs alter column notes set not null;
       alter table user_settings add column theme text not null;
       alter table movements rename constraint fk_movements_user_id_users to movements_user_id_fkey;
       alter table conversation_turns alter column role type varchar(40);`,
    );
    const report = await withOrm(db.url, (orm) => doctor(orm));
    expect(report.ok).toBe(false);
    expect(keysOf(findingsOf(report).filter((f) => f.severity === 'error'))).toEqual([
      'error column_extra user_settings.theme',
      'error column_missing users.name',
      'error column_nullability soreness_logs.notes',
      'error column_type movements.secondary_muscles',
      'error column_type workout_logs.notes',
      'error index_missing sessions.ix_sessions_date',
    ]);
    const tolerated = keysOf(findingsOf(report).filter((f) => f.severity === 'tolerated'));
    expect(tolerated).toContain('tolerated constraint_renamed movements.fk_movements_user_id_users');
    expect(tolerated).toContain('tolerated column_type conversation_turns.role'); // wider varchar
    const type = findingsOf(report).find((f) => f.kind === 'column_type' && f.table === 'movements')!;
    expect(type).toMatchObject({ expected: 'json', actual: 'text' });
    expect(report.tables.find((t) => t.table === 'users')!.status).toBe('error');
  });

  it('an empty database is reported as such, with every table missing', async () => {
    const db = await createEmptyDatabase();
    dbs.push(db);
    const report = await withOrm(db.url, (orm) => doctor(orm));
    expect(report.database.kind).toBe('empty');
    expect(report.database.notes.join(' ')).toMatch(/`gainsly-db migrate`/);
    // adopt refuses an empty database: the missing migrations are not called fixable (by adopt).
    expect(findingsOf(report).filter((f) => f.severity === 'fixable')).toEqual([]);
    expect(findingsOf(report).find((f) => f.kind === 'migrations_not_recorded')?.message).toMatch(/`gainsly-db migrate`/);
    expect(findingsOf(report).filter((f) => f.kind === 'table_missing')).toHaveLength(19);
    expect(findingsOf(report).filter((f) => f.kind === 'enum_missing')).toHaveLength(17);
  });

  it('an upstream database older than 9c1a2b3c4d5e is pointed at alembic upgrade', async () => {
    const db = await upstreamDb(
      '9c1a2b3c4d5e',
      `drop table movement_relationships; alter table recovery_signals drop column raw_payload_json;
       insert into alembic_version values ('87ec9db39e1e');`,
    );
    const report = await withOrm(db.url, (orm) => doctor(orm));
    expect(keysOf(findingsOf(report).filter((f) => f.severity === 'error'))).toEqual([
      'error column_missing recovery_signals.raw_payload_json',
      'error table_missing movement_relationships',
    ]);
    expect(report.database.notes.join(' ')).toMatch(/alembic upgrade/);
  });

  it('a migration recorded by a newer library version is an error', async () => {
    const db = await createEmptyDatabase();
    dbs.push(db);
    await withOrm(db.url, async (orm) => {
      await migrate(orm);
      await orm.em.getConnection().execute(`insert into ${MIGRATIONS_TABLE} (name) values ('0099-from-the-future')`);
      const report = await doctor(orm);
      expect(report.ok).toBe(false);
      expect(report.migrations.unknown).toEqual(['0099-from-the-future']);
      expect(keysOf(findingsOf(report))).toEqual([`error migration_unknown ${MIGRATIONS_TABLE}.0099-from-the-future`]);
    });
  });
});
