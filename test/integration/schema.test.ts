import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGainslyOrm, migrate, MIGRATIONS_TABLE } from '../../src/index.js';
import { ormRunner, readCatalog, type Catalog } from '../../src/admin/catalog.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';
import { loadUpstreamDump, requireFixtures } from '../support/fixtures.js';

const UTC_NOW = "timezone('utc'::text, now())";

/**
 * What the library adds to upstream's 19-table schema, written out from the upstream spec (the
 * overview, kept outside this repository; described in docs/data-model.md), not taken from the
 * migrations: movements.tags, the WAVE_LOADING label, and the documented defaults as
 * server defaults (plus the performance indexes, below).
 */
const EXPECTED_DEFAULTS: Record<string, Record<string, string>> = {
  users: { experience_level: "'INTERMEDIATE'::experiencelevel", persona_tone: "'SUPPORTIVE'::personatone", persona_aggression: "'BALANCED'::personaaggression" },
  user_settings: { active_e1rm_formula: "'EPLEY'::e1rmformula", use_metric: 'true' },
  user_movement_rules: { cadence: "'PER_MICROCYCLE'::rulecadence" },
  user_enjoyable_activities: { recommend_every_days: '28', enabled: 'true' },
  programs: { deload_every_n_microcycles: '4', is_active: 'true', created_at: UTC_NOW },
  microcycles: { status: "'PLANNED'::microcyclestatus", is_deload: 'false' },
  session_exercises: { is_complex_lift: 'false', substitution_allowed: 'true' },
  movements: {
    cns_load: "'moderate'::character varying",
    skill_level: "'intermediate'::character varying",
    compound: 'true',
    is_complex_lift: 'false',
    is_unilateral: 'false',
    metric_type: "'reps'::character varying",
  },
  circuit_templates: { difficulty_tier: '1' },
  workout_logs: { completed: 'true', created_at: UTC_NOW },
  top_set_logs: { created_at: UTC_NOW },
  pattern_exposures: { created_at: UTC_NOW },
  soreness_logs: { created_at: UTC_NOW },
  recovery_signals: { source: "'DUMMY'::recoverysource", created_at: UTC_NOW },
  heuristic_configs: { active: 'false', created_at: UTC_NOW },
  conversation_threads: { is_active: 'true', final_plan_accepted: 'false', created_at: UTC_NOW, updated_at: UTC_NOW },
  conversation_turns: { created_at: UTC_NOW },
};

/**
 * The indexes the library adds (migrations 0003 and 0004), written out as PostgreSQL prints them
 * (`pg_indexes.indexdef`): the foreign key pattern_exposures.source_top_set_log_id, the covering
 * index of the pattern strength queries, GIN indexes for tag search, and the five foreign keys
 * upstream leaves unindexed.
 */
const ADDED_INDEXES: Record<string, Record<string, string>> = {
  conversation_threads: {
    gainsly_ix_conversation_threads_context_session_id: 'CREATE INDEX gainsly_ix_conversation_threads_context_session_id ON public.conversation_threads USING btree (context_session_id)',
  },
  recovery_signals: {
    gainsly_ix_recovery_signals_session_id: 'CREATE INDEX gainsly_ix_recovery_signals_session_id ON public.recovery_signals USING btree (session_id)',
  },
  sessions: {
    gainsly_ix_sessions_finisher_circuit_id: 'CREATE INDEX gainsly_ix_sessions_finisher_circuit_id ON public.sessions USING btree (finisher_circuit_id)',
    gainsly_ix_sessions_main_circuit_id: 'CREATE INDEX gainsly_ix_sessions_main_circuit_id ON public.sessions USING btree (main_circuit_id)',
  },
  soreness_logs: {
    gainsly_ix_soreness_logs_inferred_cause_session_id: 'CREATE INDEX gainsly_ix_soreness_logs_inferred_cause_session_id ON public.soreness_logs USING btree (inferred_cause_session_id)',
  },
  movements: {
    gainsly_ix_movements_discipline_tags: 'CREATE INDEX gainsly_ix_movements_discipline_tags ON public.movements USING gin (((discipline_tags)::jsonb) jsonb_path_ops)',
    gainsly_ix_movements_equipment_tags: 'CREATE INDEX gainsly_ix_movements_equipment_tags ON public.movements USING gin (((equipment_tags)::jsonb) jsonb_path_ops)',
  },
  pattern_exposures: {
    gainsly_ix_pattern_exposures_source_top_set_log_id: 'CREATE INDEX gainsly_ix_pattern_exposures_source_top_set_log_id ON public.pattern_exposures USING btree (source_top_set_log_id)',
    gainsly_ix_pattern_exposures_user_microcycle: 'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON public.pattern_exposures USING btree (user_id, microcycle_id, date) INCLUDE (pattern, e1rm_value)',
  },
};

/** Upstream's catalog with the additions of docs/data-model.md applied: what a fresh `migrate` must produce. */
function withOverviewAdditions(upstream: Catalog): Catalog {
  const expected = structuredClone(upstream);
  delete expected.tables.alembic_version;
  expected.enums.progressionstyle = [...expected.enums.progressionstyle!, 'WAVE_LOADING'];
  const movements = expected.tables.movements!;
  movements.columns.push({ name: 'tags', position: movements.columns.length + 1, type: 'json', nullable: true, default: null });
  for (const [table, columns] of Object.entries(EXPECTED_DEFAULTS)) {
    for (const [column, def] of Object.entries(columns)) {
      const col = expected.tables[table]!.columns.find((c) => c.name === column);
      expect(col, `${table}.${column} exists upstream`).toBeDefined();
      expect(col!.default, `${table}.${column} has no upstream default`).toBeNull();
      col!.default = def;
    }
  }
  for (const [table, indexes] of Object.entries(ADDED_INDEXES)) {
    const t = expected.tables[table]!;
    for (const [name, definition] of Object.entries(indexes)) {
      expect(t.indexes.some((i) => i.name === name), `${table}.${name} is not upstream's`).toBe(false);
      t.indexes.push({ name, definition });
    }
    t.indexes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return expected;
}

const hasFixtures = requireFixtures('the schema comparison with the upstream dump');

describe.runIf(hasFixtures)('migrations recreate the upstream schema', () => {
  let ours: TestDatabase;
  let upstream: TestDatabase;
  let ourCatalog: Catalog;
  let upstreamCatalog: Catalog;

  beforeAll(async () => {
    [ours, upstream] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
    const orm = await createGainslyOrm({ url: ours.url });
    try {
      await migrate(orm);
      ourCatalog = await readCatalog(ormRunner(orm));
    } finally {
      await orm.close(true);
    }
    await loadUpstreamDump(upstream.url, '9c1a2b3c4d5e');
    const upstreamOrm = await createGainslyOrm({ url: upstream.url });
    try {
      upstreamCatalog = await readCatalog(ormRunner(upstreamOrm));
    } finally {
      await upstreamOrm.close(true);
    }
  });

  afterAll(async () => {
    await Promise.all([ours?.drop(), upstream?.drop()]);
  });

  it('the upstream dump has the 19 tables and 17 enum types the overview describes', () => {
    expect(Object.keys(upstreamCatalog.tables).filter((t) => t !== 'alembic_version')).toHaveLength(19);
    expect(Object.keys(upstreamCatalog.enums)).toHaveLength(17);
  });

  it('tables, columns (order, type, nullability, defaults), constraints, indexes and enum labels match, except the overview additions', () => {
    const actual = structuredClone(ourCatalog);
    delete actual.tables[MIGRATIONS_TABLE];
    expect(actual).toEqual(withOverviewAdditions(upstreamCatalog));
  });

  it('the library records its migrations in its own table, beside (not in) alembic_version', () => {
    expect(ourCatalog.tables[MIGRATIONS_TABLE]).toBeDefined();
    expect(ourCatalog.tables.alembic_version).toBeUndefined();
  });
});
