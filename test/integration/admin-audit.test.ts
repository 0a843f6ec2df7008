import { describe, expect, it } from 'vitest';
import { ENUM_COLUMNS, OPEN_CATEGORICAL_COLUMNS } from '../../src/enums/index.js';
import { audit, type AuditColumnReport, type AuditReport } from '../../src/admin/audit.js';
import { classifyEnumValue, circuitTypeFromText, normaliseTags } from '../../src/admin/values.js';
import { ENUMS } from '../../src/enums/index.js';
import { Program } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';

const column = (report: AuditReport, table: string, name: string): AuditColumnReport => {
  const found = report.columns.find((c) => c.table === table && c.column === name);
  if (!found) throw new Error(`${table}.${name} not in the audit`);
  return found;
};

/** Rows written the way a careless script or an older app version would. */
const CRAFTED = `
insert into users (id, email) values (1, 'a@example.com');
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, metric_type, equipment_tags, discipline_tags, tags, primary_discipline) values
  (1, 'Back Squat',   'squat',           'quadriceps', 'anterior lower', '["glutes", "core"]',          'high',      'intermediate', 'reps', '["barbell"]', '["powerlifting"]', '["athletic"]', 'All'),
  (2, 'Front Squat',  'Squat',           'QUADRICEPS', 'anterior lower', '["Glutes", "upper back", 5]', 'very high', 'advanced',     'reps', '["Barbell"]', '[]',               null,           'All'),
  (3, 'Bench Press',  'horizontal push', 'chest',      'anterior upper', '[]',                          'moderate',  'intermediate', 'reps', '["barbell"]', '[]',               '[]',           'powerlifting'),
  (4, 'Burpee',       'jumping',         'full_body',  'full_body',      '{"not": "an array"}',         'moderate',  'beginner',     'Reps', '"bodyweight"','[]',               '[]',           'crossfit'),
  (5, 'Sled Push',    'conditioning',    'full_body',  'full body',      null,                          'moderate',  'beginner',     'distance', '[]',      null,               '[]',           'crossfit');
insert into movement_relationships (source_movement_id, target_movement_id, relationship_type) values (1, 2, 'variation'), (2, 1, 'Progression'), (1, 3, 'superset');
insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template,
                      days_per_week, progression_style, deload_every_n_microcycles, persona_tone, persona_aggression) values
  (1, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED'),
  (2, 1, '2026-03-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'PPL', 8, 'WAVE_LOADING', 4, 'SUPPORTIVE', 'BALANCED');
insert into microcycles (id, program_id, start_date, length_days, sequence_number, status) values (1, 1, '2026-01-05', 7, 1, 'ACTIVE');
insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags) values
  (1, 1, '2026-01-05', 1, 'LOWER', '["strength", "Strength"]'), (2, 1, '2026-01-06', 11, 'UPPER', '[]'), (3, 1, '2026-01-07', 0, 'PUSH', null);
insert into workout_logs (user_id, date, perceived_difficulty, enjoyment_rating, feedback_tags) values
  (1, '2026-01-05', 7, 4, '["too_easy"]'), (1, '2026-01-06', 11, 6, '["too easy"]'), (1, '2026-01-07', 0, null, '[]'), (1, '2026-01-08', null, 5, null);
insert into soreness_logs (user_id, date, body_part, soreness_1_5) values (1, '2026-01-06', 'quads', 3), (1, '2026-01-07', 'Quads', 6), (1, '2026-01-08', 'quads', 0);
insert into conversation_threads (id, user_id, context_type) values (1, 1, 'daily_adaptation');
insert into conversation_turns (thread_id, turn_number, role, content) values (1, 1, 'user', 'hi'), (1, 2, 'assistant', 'hello'), (1, 3, 'system', 'x');
`;

describe('audit', () => {
  const db = useTestOrm();

  it('on an empty database: every listed column, nothing flagged, ok', async () => {
    const report = await audit(db.em);
    expect(report.ok).toBe(true);
    const expected = [...ENUM_COLUMNS.filter((c) => c.storage !== 'sql_enum'), ...OPEN_CATEGORICAL_COLUMNS].map((c) => `${c.table}.${c.column}`);
    expect(report.columns.map((c) => `${c.table}.${c.column}`)).toEqual(expected);
    expect(report.columns.every((c) => c.present && c.values.length === 0)).toBe(true);
    expect(report.ranges.map((r) => `${r.table}.${r.column} ${r.min}-${r.max}`)).toEqual([
      'workout_logs.perceived_difficulty 1-10',
      'workout_logs.enjoyment_rating 1-5',
      'soreness_logs.soreness_1_5 1-5',
      'programs.days_per_week 2-7',
      'sessions.day_number 1-10',
    ]);
    expect(report.summary).toEqual({ flaggedValues: 0, flaggedRows: 0, malformedRows: 0, outOfRangeRows: 0 });
  });

  it('flags wrong case, spacing and unknown values with what they were meant to be, and counts them', async () => {
    await db.em.execute(CRAFTED);
    const report = await audit(db.em);
    expect(report.ok).toBe(false);

    // Most frequent first, then in code-point order (upper case first), on every server.
    expect(column(report, 'movements', 'pattern').values).toEqual([
      { value: 'Squat', count: 1, status: 'wrong_case', suggestion: 'squat' },
      { value: 'conditioning', count: 1, status: 'ok' },
      { value: 'horizontal push', count: 1, status: 'spacing', suggestion: 'horizontal_push' },
      { value: 'jumping', count: 1, status: 'unknown' },
      { value: 'squat', count: 1, status: 'ok' },
    ]);
    expect(column(report, 'movements', 'pattern')).toMatchObject({ kind: 'enum', enum: 'MovementPattern', storage: 'string', rows: 5, nulls: 0, flagged: 3 });
    expect(column(report, 'movements', 'primary_region').values).toEqual([
      { value: 'anterior lower', count: 2, status: 'ok' },
      { value: 'anterior upper', count: 1, status: 'ok' },
      { value: 'full body', count: 1, status: 'ok' },
      { value: 'full_body', count: 1, status: 'spacing', suggestion: 'full body' },
    ]);
    // 'full_body' is right for a muscle, wrong for a region.
    expect(column(report, 'movements', 'primary_muscle').values).toEqual([
      { value: 'full_body', count: 2, status: 'ok' },
      { value: 'QUADRICEPS', count: 1, status: 'wrong_case', suggestion: 'quadriceps' },
      { value: 'chest', count: 1, status: 'ok' },
      { value: 'quadriceps', count: 1, status: 'ok' },
    ]);
    expect(column(report, 'movements', 'cns_load').values.find((v) => v.value === 'very high')).toEqual({ value: 'very high', count: 1, status: 'spacing', suggestion: 'very_high' });
    expect(column(report, 'movements', 'metric_type').values.find((v) => v.value === 'Reps')).toEqual({ value: 'Reps', count: 1, status: 'wrong_case', suggestion: 'reps' });
    expect(column(report, 'movement_relationships', 'relationship_type').values).toEqual([
      { value: 'Progression', count: 1, status: 'wrong_case', suggestion: 'progression' },
      { value: 'superset', count: 1, status: 'unknown' },
      { value: 'variation', count: 1, status: 'ok' },
    ]);

    const secondary = column(report, 'movements', 'secondary_muscles');
    expect(secondary).toMatchObject({ storage: 'json_array', rows: 4, nulls: 1, notArrays: 1, flagged: 3 });
    expect(secondary.values).toEqual([
      { value: '5', count: 1, status: 'unknown', jsonType: 'number' },
      { value: 'Glutes', count: 1, status: 'wrong_case', suggestion: 'glutes' },
      { value: 'core', count: 1, status: 'ok' },
      { value: 'glutes', count: 1, status: 'ok' },
      { value: 'upper back', count: 1, status: 'spacing', suggestion: 'upper_back' },
    ]);

    // Open columns: listed, never flagged; other spellings of a more frequent value are marked as variants.
    expect(column(report, 'movements', 'equipment_tags')).toMatchObject({ kind: 'open', notArrays: 1, flagged: 0 });
    expect(column(report, 'movements', 'equipment_tags').values).toEqual([
      { value: 'barbell', count: 2, status: 'ok' },
      { value: 'Barbell', count: 1, status: 'variant', suggestion: 'barbell' },
    ]);
    expect(column(report, 'movements', 'primary_discipline').values).toEqual([
      { value: 'All', count: 2, status: 'ok' },
      { value: 'crossfit', count: 2, status: 'ok' },
      { value: 'powerlifting', count: 1, status: 'ok' },
    ]);
    expect(column(report, 'movements', 'tags').values).toEqual([{ value: 'athletic', count: 1, status: 'ok' }]);
    expect(column(report, 'sessions', 'intent_tags').values).toEqual([
      { value: 'Strength', count: 1, status: 'variant', suggestion: 'strength' },
      { value: 'strength', count: 1, status: 'ok' },
    ]);
    expect(column(report, 'workout_logs', 'feedback_tags').values).toEqual([
      { value: 'too easy', count: 1, status: 'variant', suggestion: 'too_easy' },
      { value: 'too_easy', count: 1, status: 'ok' },
    ]);
    expect(column(report, 'soreness_logs', 'body_part').values).toEqual([
      { value: 'quads', count: 2, status: 'ok' },
      { value: 'Quads', count: 1, status: 'variant', suggestion: 'quads' },
    ]);
    expect(column(report, 'conversation_turns', 'role').values.map((v) => v.value)).toEqual(['assistant', 'system', 'user']);

    const range = (table: string, name: string) => report.ranges.find((r) => r.table === table && r.column === name)!;
    expect(range('workout_logs', 'perceived_difficulty')).toMatchObject({ checked: 3, violations: 2, observedMin: 0, observedMax: 11 });
    expect(range('workout_logs', 'enjoyment_rating')).toMatchObject({ checked: 3, violations: 1, observedMax: 6 });
    expect(range('soreness_logs', 'soreness_1_5')).toMatchObject({ checked: 3, violations: 2 });
    expect(range('programs', 'days_per_week')).toMatchObject({ checked: 2, violations: 1, sampleIds: [2] });
    expect(range('sessions', 'day_number')).toMatchObject({ checked: 3, violations: 2, sampleIds: [2, 3] });

    expect(report.summary).toEqual({ flaggedValues: 12, flaggedRows: 12, malformedRows: 2, outOfRangeRows: 8 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('optionally lists the SQL enum columns too, as labels', async () => {
    await db.em.execute(CRAFTED);
    const report = await audit(db.em, { includeSqlEnums: true });
    expect(column(report, 'programs', 'progression_style').values).toEqual([
      { value: 'SINGLE_PROGRESSION', count: 1, status: 'ok' },
      { value: 'WAVE_LOADING', count: 1, status: 'ok' },
    ]);
    expect(report.columns).toHaveLength(ENUM_COLUMNS.length + OPEN_CATEGORICAL_COLUMNS.length);
  });

  it('is read-only', async () => {
    await db.em.execute(CRAFTED);
    const snapshot = async () => db.em.execute(`select md5(string_agg(m::text, ',' order by id)) as h from movements m`);
    const before = await snapshot();
    await audit(db.em);
    expect(await snapshot()).toEqual(before);
  });

  it('reports programs with several ACTIVE microcycles and active programs with none; advancing them clears the finding', async () => {
    // Microcycle ids are left to the sequence: advanceMicrocycle inserts one below.
    await db.em.execute(`
      insert into users (id, email) values (1, 'a@example.com');
      insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template,
                            days_per_week, progression_style, deload_every_n_microcycles, persona_tone, persona_aggression, is_active) values
        (11, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', true),
        (12, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', true),
        (13, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', false),
        (14, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', true),
        (15, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', null),
        (16, 1, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', false);
      insert into microcycles (program_id, start_date, length_days, sequence_number, status) values
        (11, '2026-01-05', 7, 1, 'ACTIVE'), (11, '2026-01-12', 7, 2, 'ACTIVE'), (11, '2026-01-19', 7, 3, 'PLANNED'),
        (12, '2026-01-05', 7, 1, 'PLANNED'), (12, '2026-01-12', 7, 2, 'PLANNED'),
        (13, '2026-01-05', 7, 1, 'PLANNED'),
        (14, '2026-01-05', 7, 1, 'COMPLETE'), (14, '2026-01-12', 7, 2, 'ACTIVE'),
        (16, '2026-01-05', 7, 1, 'ACTIVE'), (16, '2026-01-12', 7, 2, 'ACTIVE');
    `);
    // 11 (active) and 16 (inactive) hold two ACTIVE weeks; 12 is active with none. 13 (inactive,
    // e.g. a template), 14 (one ACTIVE) and 15 (is_active NULL, no week) are fine.
    const report = await audit(db.em);
    expect(report.ok).toBe(false);
    expect(report.microcycleLifecycle).toEqual({ present: true, programs: 6, severalActive: 2, severalActiveIds: [11, 16], activeWithoutActive: 1, activeWithoutActiveIds: [12] });
    expect(report.summary).toEqual({ flaggedValues: 0, flaggedRows: 0, malformedRows: 0, outOfRangeRows: 0 });

    const programs = db.em.getRepository(Program);
    for (const id of [11, 12, 16]) await programs.advanceMicrocycle(id);
    const repaired = await audit(db.em);
    expect(repaired.microcycleLifecycle).toMatchObject({ severalActive: 0, activeWithoutActive: 0 });
    expect(repaired.ok).toBe(true);
  });
});

describe('audit of tables that are not there', () => {
  const db = useTestOrm();

  it('a schema without the tables (an empty or unrelated one): nothing to audit, not ok, with the reason', async () => {
    await db.em.execute(`create schema audit_empty; create schema audit_unrelated; create table audit_unrelated.invoices (id serial primary key, total numeric)`);
    for (const schema of ['audit_empty', 'audit_unrelated']) {
      const report = await audit(db.em, { schema });
      expect(report, schema).toMatchObject({ ok: false, nothingToAudit: true });
      expect(report.reason).toMatch(new RegExp(`^nothing to audit: schema "${schema}" has none of the tables the audit reads \\(movements, movement_relationships, .*\\)`));
      expect(report.missingTables).toEqual(['movements', 'movement_relationships', 'sessions', 'workout_logs', 'soreness_logs', 'conversation_threads', 'conversation_turns', 'programs', 'microcycles']);
      expect(report.columns.every((c) => !c.present)).toBe(true);
      expect(report.summary).toEqual({ flaggedValues: 0, flaggedRows: 0, malformedRows: 0, outOfRangeRows: 0 });
    }
  });

  it('a schema that does not exist: nothing to audit, and says so', async () => {
    const report = await audit(db.em, { schema: 'no_such_schema' });
    expect(report).toMatchObject({ ok: false, nothingToAudit: true, reason: 'nothing to audit: the database has no schema "no_such_schema"' });
  });

  it('some tables missing: not ok, the tables named; what is there is still audited', async () => {
    await db.em.execute(`drop table soreness_logs; drop table conversation_turns`);
    await db.em.execute(`insert into movements (name, pattern, primary_muscle, primary_region, cns_load, skill_level, metric_type) values ('X', 'Squat', 'quadriceps', 'anterior lower', 'high', 'beginner', 'reps')`);
    const report = await audit(db.em);
    expect(report).toMatchObject({ ok: false, nothingToAudit: false, missingTables: ['soreness_logs', 'conversation_turns'], reason: 'incomplete audit: schema "public" lacks the tables soreness_logs, conversation_turns' });
    expect(report.summary.flaggedRows).toBe(1);
  });

  it('a Gainsly database names no missing table and no reason', async () => {
    const report = await audit(db.em);
    expect(report).toMatchObject({ ok: true, nothingToAudit: false, missingTables: [] });
    expect(report.reason).toBeUndefined();
  });
});

describe('value helpers', () => {
  it('classify and normalise', () => {
    expect(classifyEnumValue(ENUMS.MovementPattern, 'HORIZONTAL_PUSH')).toEqual({ status: 'wrong_case', suggestion: 'horizontal_push' });
    expect(classifyEnumValue(ENUMS.PrimaryRegion, 'ANTERIOR_LOWER')).toEqual({ status: 'spacing', suggestion: 'anterior lower' });
    expect(classifyEnumValue(ENUMS.CircuitType, 'AMRAP', 'labels')).toEqual({ status: 'ok' });
    expect(normaliseTags([' Barbell', 'barbell', 'RACK', ''])).toEqual(['barbell', 'rack']);
    expect(['For Time', 'Rounds For Time', 'rounds_for_time', 'EMOM', 'AMRAP', 'ladder', 'Tabata', 'ROUNDS_FOR_TIME', 'strength'].map(circuitTypeFromText)).toEqual([
      'rounds_for_time',
      'rounds_for_time',
      'rounds_for_time',
      'emom',
      'amrap',
      'ladder',
      'tabata',
      'rounds_for_time',
      undefined,
    ]);
  });
});
