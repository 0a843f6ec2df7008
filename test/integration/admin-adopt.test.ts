import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  migrate,
  MIGRATIONS_TABLE,
  Movement,
  Program,
  RecoverySignal,
  Session,
  TopSetLog,
  User,
  UserSettings,
  WorkoutLog,
  ConversationThread,
  CircuitTemplate,
} from '../../src/index.js';
import { ormRunner, readCatalog } from '../../src/admin/catalog.js';
import { adopt } from '../../src/admin/adopt.js';
import { audit } from '../../src/admin/audit.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { GainslyAdoptError } from '../../src/admin/errors.js';
import { GainslyImportError } from '../../src/orm/errors.js';
import { importMovements } from '../../src/admin/import/import.js';
import { OVERVIEW_DEFAULTS } from '../../migrations/0002-overview-additions.js';
import { createEmptyDatabase, createTestDatabase, withRawClient, type RawClient, type TestDatabase } from '../support/database.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { fixturePath, loadUpstreamDump, requireFixtures, UPSTREAM_DUMPS } from '../support/fixtures.js';

/**
 * Rows as the upstream Python app (SQLAlchemy) writes them: UPPERCASE enum labels, JSON as text,
 * naive UTC timestamps, NULL where a nullable boolean was never set, every NOT NULL column spelled
 * out (upstream has no server defaults for them).
 */
const UPSTREAM_ROWS = `
insert into users (id, name, email, experience_level, persona_tone, persona_aggression) values
  (1, 'Ada', 'ada@example.com', 'ADVANCED', 'DRILL_SERGEANT', 'MODERATE_AGGRESSIVE'),
  (2, null, null, 'INTERMEDIATE', 'SUPPORTIVE', 'BALANCED');
insert into user_settings (id, user_id, active_e1rm_formula, use_metric) values (1, 1, 'BRZYCKI', null), (2, 2, 'EPLEY', true);
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound,
                       is_complex_lift, is_unilateral, metric_type, discipline_tags, equipment_tags, description, coaching_cues,
                       substitution_group, user_id, primary_discipline) values
  (1, 'Back Squat', 'squat', 'quadriceps', 'anterior lower', '["glutes", "core"]', 'very_high', 'intermediate', true,
   false, false, 'reps', '["powerlifting"]', '["barbell", "rack"]', 'Bar on the back.', '["brace"]', 'squat_bilateral', null, 'All'),
  (2, 'Romanian Deadlift', 'hinge', 'hamstrings', 'posterior lower', '[]', 'high', 'intermediate', null,
   null, null, 'reps', null, '["barbell"]', null, null, null, null, 'All'),
  (3, 'Ada''s Sled Push', 'conditioning', 'full_body', 'full body', '[]', 'moderate', 'beginner', true,
   false, false, 'distance', '[]', '["sled"]', null, '[]', null, 1, 'crossfit');
insert into user_movement_rules (id, user_id, movement_id, rule_type, cadence, notes) values (1, 1, 2, 'HARD_NO', 'PER_MICROCYCLE', 'back');
insert into user_enjoyable_activities (id, user_id, activity_type, custom_name, recommend_every_days, enabled, notes) values
  (1, 1, 'BOULDERING', null, 14, null, null);
insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
                      split_template, days_per_week, progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles,
                      persona_tone, persona_aggression, is_active, created_at, is_template, visibility, name) values
  (1, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'DOUBLE_PROGRESSION', null,
   '[{"discipline": "powerlifting", "weight": 6}]', 4, 'ANALYTICAL', 'CONSERVATIVE', true, '2026-01-04 18:30:00', false, 'PRIVATE', 'Winter block');
insert into microcycles (id, program_id, start_date, length_days, sequence_number, status, is_deload) values
  (1, 1, '2026-01-05', 7, 1, 'ACTIVE', null);
insert into circuit_templates (id, name, description, circuit_type, exercises_json, default_rounds, default_duration_seconds, bucket_stress, tags, difficulty_tier) values
  (1, 'Cindy', null, 'AMRAP', '[{"movement": "Pull-up", "reps": 5}]', null, 1200, '{"conditioning": 4}', '["crossfit"]', null);
insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json,
                      cooldown_json, estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes,
                      finisher_duration_minutes, cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id) values
  (1, 1, '2026-01-05', 1, 'LOWER', '["strength"]', null, '[{"movement": "Back Squat", "sets": 3, "reps": 5}]', null, null, null,
   60, null, null, null, null, null, null, null, 1);
insert into session_exercises (id, session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min,
                               target_rep_range_max, target_rpe, target_rir, target_duration_seconds, default_rest_seconds, is_complex_lift,
                               substitution_allowed, notes) values
  (1, 1, 1, 'MAIN', 1, null, 3, 3, 5, 8.5, 2, null, 180, null, null, null);
insert into workout_logs (id, user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags,
                          actual_duration_minutes, created_at, visibility) values
  (1, 1, 1, '2026-01-05', true, 'felt good', 7, 4, '["too_easy"]', 62, '2026-01-05 07:30:00', 'FRIENDS');
insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at) values
  (1, 1, 1, 140, 5, 8, null, 180, 163.33, 'BRZYCKI', 'SQUAT', '2026-01-05 07:31:00');
insert into pattern_exposures (id, user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at) values
  (1, 1, 1, '2026-01-05', 'SQUAT', 163.33, 1, null);
insert into soreness_logs (id, user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at) values
  (1, 1, '2026-01-06', 'quads', 3, 1, null, '2026-01-06 06:00:00');
insert into recovery_signals (id, user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json) values
  (1, 1, '2026-01-06', null, 'GARMIN', 61.5, 52, 83, 7.5, null, null, '2026-01-06 06:05:00', '{"device": "fenix"}');
insert into heuristic_configs (id, name, version, json_blob, description, active, created_at) values
  (1, 'deload_policy', 1, '{"every_n_microcycles": 4}', null, true, '2025-12-01 00:00:00');
insert into conversation_threads (id, user_id, context_type, context_date, context_session_id, is_active, final_plan_accepted,
                                  accepted_plan_json, created_at, updated_at) values
  (1, 1, 'daily_adaptation', '2026-01-05 06:00:00', 1, true, null, null, '2026-01-05 06:00:00', '2026-01-05 06:01:00');
insert into conversation_turns (id, thread_id, turn_number, role, content, structured_response_json, created_at) values
  (1, 1, 1, 'user', 'Knees hurt', null, '2026-01-05 06:00:00'), (2, 1, 2, 'assistant', 'Swap to box squats', '{"swap": "box squat"}', null);
insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type, notes) values (1, 1, 2, 'variation', null);
select setval(pg_get_serial_sequence(t, 'id'), 100) from unnest(array['users', 'movements', 'programs', 'microcycles', 'sessions',
  'workout_logs', 'top_set_logs', 'pattern_exposures', 'circuit_templates']) as t;
`;

/** Rows in head-only tables: adopt must leave them (and programs.macro_cycle_id) alone too. */
const HEAD_ROWS = `
insert into macro_cycles (id, user_id, name, start_date, end_date, created_at) values (1, 1, '2026 season', '2026-01-01', '2026-12-31', null);
update programs set macro_cycle_id = 1 where id = 1;
insert into user_profiles (user_id, date_of_birth, sex, height_cm, discipline_preferences) values (1, '1990-05-01', 'FEMALE', 170, '{"powerlifting": 1}');
`;

const ALEMBIC = { '9c1a2b3c4d5e': '9c1a2b3c4d5e', head: readHeadRevision() } as const;

function readHeadRevision(): string {
  try {
    return readFileSync(fixturePath('gainsly-upstream-alembic-version.txt'), 'utf8').trim();
  } catch {
    return '4fdc46c38149';
  }
}

/** Per table: row count and an md5 over its rows (original columns only), in a stable order. */
async function checksums(client: RawClient, columnsOf?: Map<string, string[]>): Promise<Map<string, { count: number; md5: string; columns: string[] }>> {
  const { rows: tables } = await client.query<{ table: string; columns: string[] }>(
    `select c.relname as table, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> $1
      group by c.relname order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  const out = new Map<string, { count: number; md5: string; columns: string[] }>();
  for (const { table, columns: live } of tables) {
    const columns = columnsOf?.get(table) ?? live;
    const row = `row(${columns.map((c) => `t."${c}"`).join(', ')})::text`;
    const { rows } = await client.query<{ count: number; md5: string }>(
      `select count(*)::int as count, md5(coalesce(string_agg(${row}, ',' order by ${row}), '')) as md5 from "${table}" t`,
    );
    out.set(table, { count: rows[0]!.count, md5: rows[0]!.md5, columns });
  }
  return out;
}

async function withOrm<T>(url: string, fn: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await createGainslyOrm({ url });
  try {
    return await fn(orm);
  } finally {
    await orm.close(true);
  }
}

const hasFixtures = requireFixtures('adopt on the upstream schema dumps');

describe.runIf(hasFixtures)('adopt', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  async function upstreamDb(which: keyof typeof UPSTREAM_DUMPS, extra = ''): Promise<TestDatabase> {
    const db = await createEmptyDatabase();
    dbs.push(db);
    await loadUpstreamDump(db.url, which);
    await withRawClient(db.url, (c) =>
      c.query(`insert into alembic_version values ('${ALEMBIC[which]}');${UPSTREAM_ROWS}${which === 'head' ? HEAD_ROWS : ''}${extra}`),
    );
    return db;
  }

  for (const which of ['9c1a2b3c4d5e', 'head'] as const) {
    describe(`an upstream database at ${which}, with rows the Python app wrote`, () => {
      let db: TestDatabase;
      let orm: MikroORM;
      let before: Map<string, { count: number; md5: string; columns: string[] }>;
      let result: Awaited<ReturnType<typeof adopt>>;

      beforeAll(async () => {
        db = await upstreamDb(which);
        orm = await createGainslyOrm({ url: db.url });
        before = await withRawClient(db.url, (c) => checksums(c));
      });
      afterAll(async () => {
        await orm?.close(true);
      });

      it('before adopting: the ORM cannot save a movement, import says to adopt, audit reports tags as absent', async () => {
        const em = orm.em.fork();
        em.create(Movement, { name: 'Plank', pattern: 'isometric', primaryMuscle: 'core', primaryRegion: 'full body' });
        await expect(em.flush()).rejects.toThrow(/tags/);
        await expect(importMovements(orm, [{ name: 'Plank', pattern: 'isometric', primary_muscle: 'core', primary_region: 'full body' }])).rejects.toThrow(GainslyImportError);
        const report = await audit(orm);
        expect(report.columns.find((c) => c.table === 'movements' && c.column === 'tags')).toMatchObject({ present: false, values: [] });
        expect(report.columns.find((c) => c.column === 'pattern')!.values).toEqual([
          { value: 'conditioning', count: 1, status: 'ok' },
          { value: 'hinge', count: 1, status: 'ok' },
          { value: 'squat', count: 1, status: 'ok' },
        ]);
      });

      it('a dry run reports the plan and changes nothing', async () => {
        const plan = await adopt(orm, { dryRun: true });
        expect(plan.dryRun).toBe(true);
        expect(plan.changed).toContain('added column movements.tags (json null)');
        expect(await withRawClient(db.url, (c) => checksums(c))).toEqual(before);
        expect((await doctor(orm)).migrations.tableExists).toBe(false);
      });

      it('adds tags, WAVE_LOADING, the documented defaults and the performance indexes, and records every migration', async () => {
        result = await adopt(orm);
        expect(result.alreadyAdopted).toBe(false);
        const changed = result.changed;
        expect(changed.slice(0, 2)).toEqual(['added label WAVE_LOADING to enum progressionstyle', 'added column movements.tags (json null)']);
        const created = [
          ['conversation_threads', 'gainsly_ix_conversation_threads_context_session_id', 'btree (context_session_id)'],
          ['movements', 'gainsly_ix_movements_discipline_tags', 'gin (((discipline_tags)::jsonb) jsonb_path_ops)'],
          ['movements', 'gainsly_ix_movements_equipment_tags', 'gin (((equipment_tags)::jsonb) jsonb_path_ops)'],
          ['pattern_exposures', 'gainsly_ix_pattern_exposures_source_top_set_log_id', 'btree (source_top_set_log_id)'],
          ['pattern_exposures', 'gainsly_ix_pattern_exposures_user_microcycle', 'btree (user_id, microcycle_id, date) INCLUDE (pattern, e1rm_value)'],
          ['recovery_signals', 'gainsly_ix_recovery_signals_session_id', 'btree (session_id)'],
          ['sessions', 'gainsly_ix_sessions_finisher_circuit_id', 'btree (finisher_circuit_id)'],
          ['sessions', 'gainsly_ix_sessions_main_circuit_id', 'btree (main_circuit_id)'],
          ['soreness_logs', 'gainsly_ix_soreness_logs_inferred_cause_session_id', 'btree (inferred_cause_session_id)'],
        ] as const;
        const tail = created.length + ALL_MIGRATIONS.length;
        expect(changed.slice(-tail)).toEqual([
          ...created.map(([table, name]) => `created index ${name} on ${table}`),
          ...ALL_MIGRATIONS.map((m) => `recorded migration ${m} in ${MIGRATIONS_TABLE}`),
        ]);
        const defaults = changed.slice(2, -tail).map((c) => /^set the default of (\w+\.\w+) to /.exec(c)?.[1]);
        expect(defaults.sort()).toEqual(OVERVIEW_DEFAULTS.map(([table, column]) => `${table}.${column}`).sort());
        expect(result.statements).toHaveLength(2 + OVERVIEW_DEFAULTS.length + created.length);
        expect(result.statements.slice(-created.length)).toEqual(
          created.map(([table, name, definition]) => `CREATE INDEX IF NOT EXISTS ${name} ON public.${table} USING ${definition}`),
        );
        // The indexes exist (0003 and 0004 are not merely recorded): the catalog now has them as the migrations make them.
        const catalog = await readCatalog(ormRunner(orm));
        expect(catalog.tables.pattern_exposures!.indexes.map((i) => i.name)).toEqual(
          expect.arrayContaining(['gainsly_ix_pattern_exposures_source_top_set_log_id', 'gainsly_ix_pattern_exposures_user_microcycle']),
        );
        expect(catalog.tables.movements!.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['gainsly_ix_movements_equipment_tags', 'gainsly_ix_movements_discipline_tags']));
        expect(catalog.tables.sessions!.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['gainsly_ix_sessions_main_circuit_id', 'gainsly_ix_sessions_finisher_circuit_id']));
        expect(result.report.ok).toBe(true);
        expect(result.report.database.kind).toBe('adopted');
      });

      it('loses and changes no row: every table has the same count and checksum, alembic_version included', async () => {
        const columns = new Map([...before].map(([t, v]) => [t, v.columns]));
        const after = await withRawClient(db.url, (c) => checksums(c, columns));
        expect(after).toEqual(before);
        const version = await withRawClient(db.url, (c) => c.query<{ v: string }>('select version_num as v from alembic_version'));
        expect(version.rows).toEqual([{ v: ALEMBIC[which] }]);
        // The new column is empty on old rows; nothing was backfilled.
        const tags = await withRawClient(db.url, (c) => c.query<{ n: number }>('select count(*)::int as n from movements where tags is not null'));
        expect(tags.rows[0]!.n).toBe(0);
      });

      it('afterwards doctor is clean and migrate has nothing to do', async () => {
        const report = await doctor(orm);
        expect(report.ok).toBe(true);
        expect(report.summary.errors + report.summary.fixable).toBe(0);
        expect(await migrate(orm)).toEqual({ applied: [] });
      });

      it('the repositories read the upstream rows as semantic values', async () => {
        const em = orm.em.fork();
        const ada = await em.getRepository(User).getById(1);
        expect(ada).toMatchObject({ name: 'Ada', experienceLevel: 'advanced', personaTone: 'drill_sergeant', personaAggression: 4 });
        const other = await em.getRepository(User).getById(2);
        expect(other).toMatchObject({ experienceLevel: 'intermediate', personaAggression: 3 });
        const settings = await em.findOneOrFail(UserSettings, { user: 1 });
        expect(settings).toMatchObject({ activeE1rmFormula: 'brzycki', useMetric: null });
        const squat = await em.getRepository(Movement).findByName('Back Squat');
        expect(squat).toMatchObject({ pattern: 'squat', primaryRegion: 'anterior lower', secondaryMuscles: ['glutes', 'core'], equipmentTags: ['barbell', 'rack'], tags: null });
        const rdl = await em.getRepository(Movement).findByName('Romanian Deadlift');
        expect(rdl).toMatchObject({ compound: null, disciplineTags: null, coachingCues: null });
        expect((await em.getRepository(Movement).findByEquipmentTag('barbell')).map((m) => m.name)).toEqual(['Back Squat', 'Romanian Deadlift']);
        const program = await em.getRepository(Program).getById(1);
        expect(program).toMatchObject({ goal1: 'strength', splitTemplate: 'upper_lower', progressionStyle: 'double_progression', visibility: 'private', personaAggression: 1 });
        expect(program.createdAt).toEqual(new Date(Date.UTC(2026, 0, 4, 18, 30)));
        const session = await em.getRepository(Session).getById(1);
        expect(session).toMatchObject({ sessionType: 'lower', intentTags: ['strength'], mainJson: [{ movement: 'Back Squat', sets: 3, reps: 5 }] });
        const log = await em.getRepository(WorkoutLog).getById(1);
        expect(log).toMatchObject({ visibility: 'friends', feedbackTags: ['too_easy'], completed: true, perceivedDifficulty: 7 });
        expect(log.createdAt).toEqual(new Date(Date.UTC(2026, 0, 5, 7, 30)));
        const top = await em.findOneOrFail(TopSetLog, 1);
        expect(top).toMatchObject({ pattern: 'squat', e1rmFormula: 'brzycki', weight: 140, rpe: 8 });
        const signal = await em.findOneOrFail(RecoverySignal, 1);
        expect(signal).toMatchObject({ source: 'garmin', rawPayloadJson: { device: 'fenix' }, readiness: null });
        const thread = await em.findOneOrFail(ConversationThread, 1);
        expect(thread).toMatchObject({ contextType: 'daily_adaptation', finalPlanAccepted: null });
        const cindy = await em.findOneOrFail(CircuitTemplate, 1);
        expect(cindy).toMatchObject({ circuitType: 'amrap', bucketStress: { conditioning: 4 }, difficultyTier: null });
      });

      it('the ORM can write: a wave-loading program, a workout log with a top set', async () => {
        const em = orm.em.fork();
        const user = em.getReference(User, 1);
        const program = em.create(Program, {
          user,
          startDate: '2026-03-02',
          durationWeeks: 10,
          goal1: 'strength',
          goal2: 'hypertrophy',
          goal3: 'endurance',
          goalWeight1: 6,
          goalWeight2: 3,
          goalWeight3: 1,
          splitTemplate: 'full_body',
          daysPerWeek: 3,
          progressionStyle: 'wave_loading',
          personaTone: 'supportive',
          personaAggression: 3,
        });
        const log = em.create(WorkoutLog, { user, date: '2026-03-02', perceivedDifficulty: 8, feedbackTags: ['heavy'] });
        em.create(TopSetLog, { workoutLog: log, movement: em.getReference(Movement, 1), weight: 150, reps: 3, rpe: 9, e1rmFormula: 'epley', e1rmValue: 165, pattern: 'squat' });
        await em.flush();
        const rows = await withRawClient(db.url, (c) =>
          c.query<{ style: string; visibility: string; pattern: string }>(
            `select p.progression_style::text as style, w.visibility::text as visibility, t.pattern::text as pattern
               from programs p, workout_logs w join top_set_logs t on t.workout_log_id = w.id where p.id = $1 and w.id = $2`,
            [program.id, log.id],
          ),
        );
        expect(rows.rows).toEqual([{ style: 'WAVE_LOADING', visibility: 'PRIVATE', pattern: 'SQUAT' }]);
        expect(program.id).toBeGreaterThan(100);
        const reread = await orm.em.fork().getRepository(Program).getById(program.id);
        expect(reread.progressionStyle).toBe('wave_loading');
      });

      it('logWorkout works on the adopted data: the user\'s upstream formula, the session\'s microcycle, an exposure', async () => {
        const em = orm.em.fork();
        const { workoutLog, topSets, exposures, microcycleId } = await em.getRepository(WorkoutLog).logWorkout(1, {
          date: '2026-01-07',
          sessionId: 1,
          perceivedDifficulty: 7,
          topSets: [{ movementId: 1, weight: 120, reps: 5, rpe: 8 }],
        });
        expect(workoutLog.id).toBeGreaterThan(100);
        expect(topSets[0]).toMatchObject({ pattern: 'squat', e1rmFormula: 'brzycki' });
        expect(microcycleId).toBe(1);
        expect(exposures).toHaveLength(1);
        const { rows } = await withRawClient(db.url, (c) =>
          c.query<{ formula: string; pattern: string }>(`select e1rm_formula::text as formula, pattern::text as pattern from top_set_logs where id = $1`, [topSets[0]!.id]),
        );
        expect(rows).toEqual([{ formula: 'BRZYCKI', pattern: 'SQUAT' }]);
      });

      it('a raw INSERT that spells out nothing optional now gets the documented defaults', async () => {
        const { rows } = await withRawClient(db.url, (c) =>
          c.query<Record<string, unknown>>(`insert into users (email) values ('raw@example.com') returning experience_level::text, persona_tone::text, persona_aggression::text`),
        );
        expect(rows[0]).toEqual({ experience_level: 'INTERMEDIATE', persona_tone: 'SUPPORTIVE', persona_aggression: 'BALANCED' });
      });

      it('running adopt again changes nothing', async () => {
        const catalog = await readCatalog(ormRunner(orm));
        const again = await adopt(orm);
        expect(again).toMatchObject({ changed: [], statements: [], alreadyAdopted: true });
        expect(again.report.ok).toBe(true);
        expect(await readCatalog(ormRunner(orm))).toEqual(catalog);
        const recorded = await withRawClient(db.url, (c) => c.query(`select name from ${MIGRATIONS_TABLE} order by id`));
        expect(recorded.rows).toEqual(ALL_MIGRATIONS.map((name) => ({ name })));
      });
    });
  }

  it('two adopts at once: one does the work, the other finds nothing to do', async () => {
    const db = await upstreamDb('9c1a2b3c4d5e');
    const [a, b] = await Promise.all([createGainslyOrm({ url: db.url }), createGainslyOrm({ url: db.url })]);
    try {
      const results = await Promise.all([adopt(a), adopt(b)]);
      expect(results.filter((r) => r.alreadyAdopted)).toHaveLength(1);
      expect(results.filter((r) => !r.alreadyAdopted)).toHaveLength(1);
      const recorded = await withRawClient(db.url, (c) => c.query(`select name from ${MIGRATIONS_TABLE}`));
      expect(recorded.rows).toHaveLength(ALL_MIGRATIONS.length);
      expect((await doctor(a)).ok).toBe(true);
    } finally {
      await Promise.all([a.close(true), b.close(true)]);
    }
  });

  it('refuses a database it cannot fix safely, with the report, and changes nothing', async () => {
    const db = await upstreamDb('9c1a2b3c4d5e', `alter table movements alter column secondary_muscles type text; drop index ix_workout_logs_date;`);
    await withOrm(db.url, async (orm) => {
      const catalog = await readCatalog(ormRunner(orm));
      const rows = await withRawClient(db.url, (c) => checksums(c));
      const error = await adopt(orm).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GainslyAdoptError);
      const adoptError = error as GainslyAdoptError;
      expect(adoptError.message).toMatch(/^adopt refused: 2 difference\(s\) it cannot fix safely: movements\.secondary_muscles has type text, expected json; Index ix_workout_logs_date/);
      expect(adoptError.message).toMatch(/Nothing was changed\./);
      expect(adoptError.problems.map((p) => p.kind).sort()).toEqual(['column_type', 'index_missing']);
      expect(adoptError.report.summary.errors).toBe(2);
      expect(await readCatalog(ormRunner(orm))).toEqual(catalog);
      expect(catalog.tables[MIGRATIONS_TABLE]).toBeUndefined();
      expect(await withRawClient(db.url, (c) => checksums(c))).toEqual(rows);
      // A dry run refuses the same way.
      await expect(adopt(orm, { dryRun: true })).rejects.toThrow(GainslyAdoptError);
    });
  });

  it('refuses an empty database and points at gainsly-db migrate / migrate(orm)', async () => {
    const db = await createEmptyDatabase();
    dbs.push(db);
    await withOrm(db.url, async (orm) => {
      await expect(adopt(orm)).rejects.toThrow(/none of the library's tables \(run `gainsly-db migrate`, or migrate\(orm\) in code/);
      expect(Object.keys((await readCatalog(ormRunner(orm))).tables)).toEqual([]);
    });
  });
});

describe('adopt on a database migrated by an earlier version (before 0003 and 0004)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates the indexes of 0003 and 0004, then records them', async () => {
    await withOrm(db.url, async (orm) => {
      const full = await readCatalog(ormRunner(orm));
      await orm.migrator.down({ to: '0002-overview-additions' });
      const before = await doctor(orm);
      expect(before.migrations.pending).toEqual(['0003-performance-indexes', '0004-foreign-key-indexes']);
      // 4 + 5 missing indexes, and the unrecorded migrations.
      expect(before.summary).toEqual({ errors: 0, fixable: 10, tolerated: 0 });
      const result = await adopt(orm);
      expect(result.changed).toHaveLength(11);
      expect(result.changed.slice(-2)).toEqual([
        `recorded migration 0003-performance-indexes in ${MIGRATIONS_TABLE}`,
        `recorded migration 0004-foreign-key-indexes in ${MIGRATIONS_TABLE}`,
      ]);
      expect(await readCatalog(ormRunner(orm))).toEqual(full);
      expect(await migrate(orm)).toEqual({ applied: [] });
    });
  });
});

describe('adopt on a database made by migrate()', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is a no-op', async () => {
    await withOrm(db.url, async (orm) => {
      const catalog = await readCatalog(ormRunner(orm));
      const result = await adopt(orm);
      expect(result).toMatchObject({ changed: [], alreadyAdopted: true, dryRun: false });
      expect(result.report.ok).toBe(true);
      expect(await readCatalog(ormRunner(orm))).toEqual(catalog);
    });
  });
});
