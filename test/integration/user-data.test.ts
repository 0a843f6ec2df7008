/**
 * A user's data as a whole (#21): export, erase (and its policy for other users' references),
 * import of an export, on real PostgreSQL: a library database and an adopted upstream one. Users
 * are written as the upstream app writes them (plain SQL, UPPERCASE labels) so every table holds
 * a row of theirs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  eraseUserData,
  exportUserData,
  forUser,
  GainslyConnectionError,
  GainslyNotFoundError,
  GainslyUserDataError,
  GainslyValidationError,
  importUserData,
  USER_DATA_TABLES,
  writeUserExport,
  type UserExportDocument,
} from '../../src/index.js';
import { adopt } from '../../src/admin/adopt.js';
import { runCli } from '../../src/cli/program.js';
import { createEmptyDatabase, useClonedDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { loadUpstreamDump, requireFixtures } from '../support/fixtures.js';
import { holdLocks, terminate, waitUntilBlocked, withDeadline } from '../support/reliability-db.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Rows every user can own are shared by the catalog: two system movements, a circuit, a relationship. */
const CATALOG_ROWS = `
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound,
                       is_complex_lift, is_unilateral, metric_type, discipline_tags, equipment_tags, user_id, primary_discipline) values
  (1, 'Back Squat', 'squat', 'quadriceps', 'anterior lower', '["glutes"]', 'very_high', 'intermediate', true, false, false, 'reps', '[]', '["barbell"]', null, 'All'),
  (2, 'Romanian Deadlift', 'hinge', 'hamstrings', 'posterior lower', '[]', 'high', 'intermediate', null, null, null, 'reps', null, '["barbell"]', null, 'All');
insert into circuit_templates (id, name, description, circuit_type, exercises_json, default_rounds, default_duration_seconds, bucket_stress, tags, difficulty_tier) values
  (1, 'Cindy', null, 'AMRAP', '[{"movement": "Pull-up", "reps": 5}]', null, 1200, '{"conditioning": 4}', '["crossfit"]', null);
insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type, notes) values (1, 1, 2, 'variation', null);
`;

/** A user with rows in every table they can own; ids from `b + 1`, names suffixed with `s`. */
function ownerRows(b: number, s: string): string {
  return `
insert into users (id, name, email, experience_level, persona_tone, persona_aggression) values
  (${b + 1}, '${s}', '${s}@example.com', 'ADVANCED', 'DRILL_SERGEANT', 'MODERATE_AGGRESSIVE');
insert into user_settings (id, user_id, active_e1rm_formula, use_metric) values (${b + 1}, ${b + 1}, 'BRZYCKI', null);
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound,
                       is_complex_lift, is_unilateral, metric_type, discipline_tags, equipment_tags, description, coaching_cues,
                       substitution_group, user_id, primary_discipline) values
  (${b + 3}, '${s}''s Sled Push', 'conditioning', 'full_body', 'full body', '[]', 'moderate', 'beginner', true,
   false, false, 'distance', '[]', '["sled"]', null, '[]', null, ${b + 1}, 'crossfit'),
  (${b + 4}, '${s}''s Plank', 'core', 'core', 'full body', '[]', 'low', 'beginner', false,
   false, false, 'time', '[]', '[]', null, '[]', null, ${b + 1}, 'All');
insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type, notes) values
  (${b + 1}, ${b + 4}, 1, 'variation', 'own to system'), (${b + 2}, ${b + 3}, ${b + 4}, 'progression', 'own to own');
insert into user_movement_rules (id, user_id, movement_id, rule_type, cadence, notes) values (${b + 1}, ${b + 1}, 2, 'HARD_NO', 'PER_MICROCYCLE', 'back');
insert into user_enjoyable_activities (id, user_id, activity_type, custom_name, recommend_every_days, enabled, notes) values
  (${b + 1}, ${b + 1}, 'BOULDERING', null, 14, null, null);
insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
                      split_template, days_per_week, progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles,
                      persona_tone, persona_aggression, is_active, created_at, is_template, visibility, name) values
  (${b + 1}, ${b + 1}, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'DOUBLE_PROGRESSION', null,
   '[{"discipline": "powerlifting", "weight": 6}]', 4, 'ANALYTICAL', 'CONSERVATIVE', true, '2026-01-04 18:30:00', false, 'PRIVATE', 'Winter block');
insert into microcycles (id, program_id, start_date, length_days, sequence_number, status, is_deload) values
  (${b + 1}, ${b + 1}, '2026-01-05', 7, 1, 'ACTIVE', null);
insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags, main_json, estimated_duration_minutes, main_circuit_id, finisher_circuit_id) values
  (${b + 1}, ${b + 1}, '2026-01-05', 1, 'LOWER', '["strength"]', '[{"movement": "Back Squat", "sets": 3, "reps": 5}]', 60, null, 1);
insert into session_exercises (id, session_id, movement_id, role, order_in_session, target_sets, target_rep_range_min, target_rep_range_max, target_rpe, default_rest_seconds) values
  (${b + 1}, ${b + 1}, 1, 'MAIN', 1, 3, 3, 5, 8.5, 180), (${b + 2}, ${b + 1}, ${b + 3}, 'FINISHER', 2, 1, null, null, null, null);
insert into workout_logs (id, user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags,
                          actual_duration_minutes, created_at, visibility) values
  (${b + 1}, ${b + 1}, ${b + 1}, '2026-01-05', true, 'felt good', 7, 4, '["too_easy"]', 62, '2026-01-05 07:30:00', 'FRIENDS');
insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at) values
  (${b + 1}, ${b + 1}, 1, 140, 5, 8, null, 180, 163.33, 'BRZYCKI', 'SQUAT', '2026-01-05 07:31:00');
insert into pattern_exposures (id, user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at) values
  (${b + 1}, ${b + 1}, ${b + 1}, '2026-01-05', 'SQUAT', 163.33, ${b + 1}, null);
insert into soreness_logs (id, user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at) values
  (${b + 1}, ${b + 1}, '2026-01-06', 'quads', 3, ${b + 1}, null, '2026-01-06 06:00:00');
insert into recovery_signals (id, user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json) values
  (${b + 1}, ${b + 1}, '2026-01-06', ${b + 1}, 'GARMIN', 61.5, 52, 83, 7.5, null, null, '2026-01-06 06:05:00', '{"device": "fenix"}');
insert into conversation_threads (id, user_id, context_type, context_date, context_session_id, is_active, final_plan_accepted,
                                  accepted_plan_json, created_at, updated_at) values
  (${b + 1}, ${b + 1}, 'daily_adaptation', '2026-01-05 06:00:00', ${b + 1}, true, null, null, '2026-01-05 06:00:00', '2026-01-05 06:01:00');
insert into conversation_turns (id, thread_id, turn_number, role, content, structured_response_json, created_at) values
  (${b + 1}, ${b + 1}, 1, 'user', 'Knees hurt', null, '2026-01-05 06:00:00'), (${b + 2}, ${b + 1}, 2, 'assistant', 'Swap to box squats', '{"swap": "box squat"}', null);
`;
}

/**
 * Another user (ids from 200) whose rows point at user 101's data: a session exercise and a top set
 * with 101's sled push, a relationship from their own movement to 101's plank, and a soreness log
 * blaming 101's session.
 */
const OTHER_USER_REFERENCES = `
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, metric_type, user_id) values
  (205, 'Bo''s Carry', 'carry', 'forearms', 'full body', '[]', 'moderate', 'beginner', 'distance', 201);
insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type) values (203, 205, 104, 'variation');
insert into session_exercises (id, session_id, movement_id, role, order_in_session, target_sets) values (203, 201, 103, 'ACCESSORY', 3, 2);
insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, e1rm_value, e1rm_formula, pattern) values
  (203, 201, 103, 60, 10, 80, 'EPLEY', 'CARRY');
insert into soreness_logs (id, user_id, date, body_part, soreness_1_5, inferred_cause_session_id) values (203, 201, '2026-01-07', 'calves', 2, 101);
`;

const SEQUENCES = `select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array[${USER_DATA_TABLES.map((t) => `'${t}'`).join(', ')}, 'circuit_templates']) as t;`;

/** Every row of every table, as `row(...)::text`, per table: a before/after comparison of the whole database. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withRawClient(url, async (c) => {
    const out: Record<string, string[]> = {};
    for (const t of [...USER_DATA_TABLES, 'circuit_templates', 'heuristic_configs']) {
      const { rows } = await c.query<{ r: string }>(`select t::text as r from "${t}" t order by id`);
      out[t] = rows.map((r) => r.r);
    }
    return out;
  });
}

/** Rows of user `id` left anywhere (through the export's own definition and by plain user_id). */
async function rowsOfUser(orm: MikroORM, id: number): Promise<number> {
  const rows = await orm.em.fork().execute<{ n: number }[]>(
    `select (select count(*) from users where id = ?) + (select count(*) from workout_logs where user_id = ?) + (select count(*) from programs where user_id = ?)
          + (select count(*) from movements where user_id = ?) + (select count(*) from pattern_exposures where user_id = ?) as n`,
    [id, id, id, id, id],
  );
  return Number(rows[0]!.n);
}

/**
 * Ids replaced by positions: a row's `id` by its index in its table, a foreign key by the index of
 * the row it points at (or by the referenced row's name when outside the user's data).
 */
function normalise(doc: UserExportDocument): Record<string, unknown[]> {
  const FKS: Record<string, Record<string, string>> = {
    user_settings: { user_id: 'users' }, user_enjoyable_activities: { user_id: 'users' }, movements: { user_id: 'users' },
    movement_relationships: { source_movement_id: 'movements', target_movement_id: 'movements' },
    user_movement_rules: { user_id: 'users', movement_id: 'movements' }, programs: { user_id: 'users' }, microcycles: { program_id: 'programs' },
    sessions: { microcycle_id: 'microcycles', main_circuit_id: 'circuit_templates', finisher_circuit_id: 'circuit_templates' },
    session_exercises: { session_id: 'sessions', movement_id: 'movements' }, workout_logs: { user_id: 'users', session_id: 'sessions' },
    top_set_logs: { workout_log_id: 'workout_logs', movement_id: 'movements' },
    pattern_exposures: { user_id: 'users', microcycle_id: 'microcycles', source_top_set_log_id: 'top_set_logs' },
    recovery_signals: { user_id: 'users', session_id: 'sessions' }, soreness_logs: { user_id: 'users', inferred_cause_session_id: 'sessions' },
    conversation_threads: { user_id: 'users', context_session_id: 'sessions' }, conversation_turns: { thread_id: 'conversation_threads' },
  };
  const position = (table: string, id: unknown): unknown => {
    const i = (doc.tables[table as keyof typeof doc.tables] ?? []).findIndex((r) => r.id === id);
    if (i >= 0) return `#${i}`;
    const ref = doc.references[table]?.find((r) => r.id === id);
    return ref ? `ref:${ref.name}` : id;
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(doc.tables)) {
    out[table] = rows.map((row) => {
      const copy: Record<string, unknown> = { ...row, id: '#' };
      for (const [column, target] of Object.entries(FKS[table] ?? {})) if (copy[column] != null) copy[column] = position(target, copy[column]);
      return copy;
    });
  }
  return out;
}

describe('user data: export, erase, import (library database)', () => {
  const db = useClonedDatabase();
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await createGainslyOrm({ url: db.url });
  });
  afterAll(async () => {
    await orm?.close(true);
  });
  const reseed = async (sql: string) => {
    await db.truncateAll();
    await withRawClient(db.url, (c) => c.query(sql));
  };
  beforeEach(() => reseed(CATALOG_ROWS + ownerRows(100, 'Ada') + ownerRows(200, 'Bo') + OTHER_USER_REFERENCES + SEQUENCES));

  it('exports every table the user owns as wire rows (semantic enums, ISO dates), in a versioned document', async () => {
    const doc = await exportUserData(orm, 101);
    expect(doc).toMatchObject({ format: 'gainsly-user-export', version: 1, user: { id: 101, email: 'Ada@example.com', name: 'Ada' } });
    expect(Object.keys(doc.tables)).toEqual([...USER_DATA_TABLES]);
    for (const table of USER_DATA_TABLES) expect(doc.tables[table].length, table).toBeGreaterThan(0);
    expect(doc.counts.conversation_turns).toBe(2);
    expect(doc.tables.movements.map((m) => m.id)).toEqual([103, 104]);
    // Own-to-own and own-to-system relationships; Bo's relationship to Ada's plank is Bo's.
    expect(doc.tables.movement_relationships.map((r) => r.id)).toEqual([101, 102]);
    expect(doc.tables.top_set_logs[0]).toMatchObject({ id: 101, pattern: 'squat', e1rm_formula: 'brzycki', weight: 140, created_at: '2026-01-05T07:31:00Z' });
    expect(doc.tables.programs[0]).toMatchObject({ goal_1: 'strength', start_date: '2026-01-05', visibility: 'private' });
    expect(doc.tables.sessions[0]).toMatchObject({ session_type: 'lower', main_json: [{ movement: 'Back Squat', sets: 3, reps: 5 }] });
    expect(doc.references).toEqual({
      movements: [{ id: 1, name: 'Back Squat' }, { id: 2, name: 'Romanian Deadlift' }],
      circuit_templates: [{ id: 1, name: 'Cindy' }],
    });
    // The user scope gives the same document.
    const viaScope = await forUser(orm.em.fork(), 101).account.export();
    expect({ ...viaScope, exportedAt: '' }).toEqual({ ...doc, exportedAt: '' });
    // The streamed writer gives the same JSON.
    const dir = mkdtempSync(join(tmpdir(), 'gainsly-user-export-'));
    try {
      const summary = await writeUserExport(orm, 101, join(dir, 'ada.json'));
      const streamed = JSON.parse(readFileSync(join(dir, 'ada.json'), 'utf8')) as UserExportDocument;
      expect({ ...streamed, exportedAt: '' }).toEqual({ ...doc, exportedAt: '' });
      expect(summary.counts).toEqual(doc.counts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad arguments with GainslyValidationError and unknown users with GainslyNotFoundError', async () => {
    await expect(exportUserData(orm, -1)).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(eraseUserData(orm, '7' as never)).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(eraseUserData(orm, 101, { dryRun: 'yes' } as never)).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(exportUserData(orm, 999)).rejects.toBeInstanceOf(GainslyNotFoundError);
    await expect(eraseUserData(orm, 999)).rejects.toBeInstanceOf(GainslyNotFoundError);
    // An export to a file that fails once the file is open leaves no file behind.
    const dir = mkdtempSync(join(tmpdir(), 'gainsly-user-export-'));
    try {
      await expect(writeUserExport(orm, 999, join(dir, 'nobody.json'))).rejects.toBeInstanceOf(GainslyNotFoundError);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const invalid = await importUserData(orm, { format: 'something else', version: 2 } as never).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(GainslyValidationError);
    expect((invalid as GainslyValidationError).issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['format', 'version', 'tables']));
    await expect(importUserData(orm, { format: 'gainsly-user-export', version: 1, tables: { passwords: [] } } as never)).rejects.toMatchObject({ name: 'GainslyUserDataError', table: 'passwords' });
  });

  it('erases in one transaction, detaching movements other users use and clearing their references; a dry run reports the same and changes nothing', async () => {
    const before = await snapshot(db.url);
    const preview = await eraseUserData(orm, 101, { dryRun: true });
    expect(await snapshot(db.url)).toEqual(before);

    const report = await forUser(orm.em.fork(), 101).account.erase();
    expect({ ...preview, dryRun: false }).toEqual(report);
    expect(report.deleted).toEqual({
      users: 1, user_settings: 1, user_enjoyable_activities: 1, movements: 0, movement_relationships: 0, user_movement_rules: 1, programs: 1,
      microcycles: 1, sessions: 1, session_exercises: 2, workout_logs: 1, top_set_logs: 1, pattern_exposures: 1, recovery_signals: 1,
      soreness_logs: 1, conversation_threads: 1, conversation_turns: 2,
    });
    // The sled push (Bo's session exercise and top set) and the plank (Bo's relationship) stay, ownerless.
    expect(report.detachedMovementIds).toEqual([103, 104]);
    expect(report.keptReferences).toEqual(
      expect.arrayContaining([
        { table: 'session_exercises', column: 'movement_id', references: 'movements', rows: 1, action: 'detach_movement' },
        { table: 'top_set_logs', column: 'movement_id', references: 'movements', rows: 1, action: 'detach_movement' },
        { table: 'movement_relationships', column: 'target_movement_id', references: 'movements', rows: 1, action: 'detach_movement' },
        { table: 'soreness_logs', column: 'inferred_cause_session_id', references: 'sessions', rows: 1, action: 'set_null' },
      ]),
    );
    expect(report.keptReferences).toHaveLength(4);

    const after = await snapshot(db.url);
    expect(await rowsOfUser(orm, 101)).toBe(0);
    // Bo's rows are all there; only the blamed session is cleared.
    for (const table of USER_DATA_TABLES) {
      const bos = before[table]!.filter((r) => /^\(20\d,/.test(r));
      for (const row of bos) {
        if (table === 'soreness_logs' && row.startsWith('(203,')) continue;
        expect(after[table], table).toContain(row);
      }
    }
    const rows = await orm.em.fork().execute(`select id, user_id from movements where id in (103, 104) order by id`);
    expect(rows).toEqual([{ id: 103, user_id: null }, { id: 104, user_id: null }]);
    expect(await orm.em.fork().execute(`select inferred_cause_session_id from soreness_logs where id = 203`)).toEqual([{ inferred_cause_session_id: null }]);
    // Both movements are detached, so their relationships stay: neither end is deleted.
    expect(await orm.em.fork().execute(`select id from movement_relationships order by id`)).toEqual([{ id: 1 }, { id: 101 }, { id: 102 }, { id: 201 }, { id: 202 }, { id: 203 }]);
  });

  it('refuses, changing nothing, when another user\'s row holds a non-null reference it cannot clear', async () => {
    await orm.em.fork().execute(`insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values (201, 201, '2026-01-05', 'SQUAT', 100, 101)`);
    const before = await snapshot(db.url);
    const error = await eraseUserData(orm, 101).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyUserDataError);
    expect(error).toMatchObject({ table: 'pattern_exposures', column: 'source_top_set_log_id' });
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('export → erase → import gives back the same wire rows apart from ids, all or nothing', async () => {
    // Bo (no one references his data) moves out and back in.
    await reseed(CATALOG_ROWS + ownerRows(100, 'Ada') + ownerRows(200, 'Bo') + SEQUENCES);
    const exported = await exportUserData(orm, 201);
    await eraseUserData(orm, 201);
    expect(await rowsOfUser(orm, 201)).toBe(0);

    // All or nothing: a broken row (the last table) leaves nothing behind.
    const broken = structuredClone(exported);
    broken.tables.conversation_turns = [{ ...exported.tables.conversation_turns[0]!, role: null }];
    const beforeBroken = await snapshot(db.url);
    await expect(importUserData(orm, broken)).rejects.toBeInstanceOf(Error);
    expect(await snapshot(db.url)).toEqual(beforeBroken);

    const hostile = structuredClone(exported);
    hostile.tables.sessions = [{ ...exported.tables.sessions[0]!, main_json: JSON.parse('[{"__proto__": {"polluted": true}}]') as unknown }];
    await expect(importUserData(orm, hostile)).rejects.toMatchObject({ name: 'GainslyUserDataError', table: 'sessions', column: 'main_json' });
    expect(await snapshot(db.url)).toEqual(beforeBroken);

    const report = await importUserData(orm, exported);
    expect(report.userId).not.toBe(201);
    expect(report.inserted).toEqual(exported.counts);
    const reimported = await exportUserData(orm, report.userId);
    expect(normalise(reimported)).toEqual(normalise(exported));
  });

  it('erase while the user logs a workout from another connection leaves all or none of their data', async () => {
    const other = await createGainslyOrm({ url: db.url });
    try {
      for (let round = 0; round < 5; round++) {
        await reseed(CATALOG_ROWS + ownerRows(100, 'Ada') + SEQUENCES);
        const results = await Promise.allSettled([
          forUser(other.em.fork(), 101).workouts.log({ date: '2026-01-08', topSets: [{ movementId: 1, weight: 150, reps: 3 }] }),
          eraseUserData(orm, 101),
        ]);
        expect(results[1].status, String((results[1] as PromiseRejectedResult).reason)).toBe('fulfilled');
        // Either the log committed first (and was erased with the rest) or it failed: nothing of the user is left.
        expect(await rowsOfUser(orm, 101)).toBe(0);
        expect(Number((await orm.em.fork().execute(`select count(*) as n from top_set_logs`))[0]!.n)).toBe(0);
        if (results[0].status === 'rejected') expect((results[0].reason as Error).name).toMatch(/^Gainsly/);
      }
    } finally {
      await other.close(true);
    }
  });

  it('erase and a workout log in both orders, made to overlap: the later one waits for the user row, and nothing of the user is left', async () => {
    const victim = await createGainslyOrm({ url: db.url, driverOptions: { application_name: 'gainsly-erase-order' } });
    const other = await createGainslyOrm({ url: db.url, driverOptions: { application_name: 'gainsly-log-order' } });
    try {
      // 1. A workout is being logged (its transaction holds the user row's key-share lock): the erase waits, then erases it too.
      const logging = await holdLocks(db.url, `insert into workout_logs (user_id, date, completed, visibility) values (101, '2026-01-09', true, 'PRIVATE')`);
      let released = false;
      try {
        const erase = eraseUserData(victim, 101);
        await waitUntilBlocked(logging.client, 'gainsly-erase-order');
        await logging.client.query('commit');
        released = true;
        const report = await withDeadline(erase, 10_000, 'the erase');
        expect(report.deleted.workout_logs).toBe(2);
      } finally {
        if (!released) await logging.release();
        else await logging.client.end().catch(() => undefined);
      }
      expect(await rowsOfUser(orm, 101)).toBe(0);

      // 2. The erase holds the user row (it waits on a table lock further on): the log waits, then fails; nothing is left.
      await reseed(CATALOG_ROWS + ownerRows(100, 'Ada') + SEQUENCES);
      const holder = await holdLocks(db.url, 'lock table conversation_turns in access exclusive mode');
      try {
        const erase = eraseUserData(victim, 101);
        await waitUntilBlocked(holder.client, 'gainsly-erase-order');
        const log = forUser(other.em.fork(), 101).workouts.log({ date: '2026-01-08', topSets: [{ movementId: 1, weight: 150, reps: 3 }] }).catch((e: unknown) => e);
        await waitUntilBlocked(holder.client, 'gainsly-log-order');
        await holder.release();
        await withDeadline(erase, 10_000, 'the erase');
        const error = await withDeadline(log, 10_000, 'the log');
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).name).toMatch(/^Gainsly/);
      } finally {
        await holder.release();
      }
      expect(await rowsOfUser(orm, 101)).toBe(0);
      expect(Number((await orm.em.fork().execute(`select count(*) as n from top_set_logs`))[0]!.n)).toBe(0);
    } finally {
      await victim.close(true);
      await other.close(true);
    }
  });

  it('a connection killed mid-erase leaves everything in place and raises GainslyConnectionError', async () => {
    const before = await snapshot(db.url);
    const victim = await createGainslyOrm({ url: db.url, pool: { min: 0, max: 1 }, driverOptions: { application_name: 'gainsly-erase-victim' } });
    // The erase has locked the user and built its id lists before it needs this lock.
    const holder = await holdLocks(db.url, 'lock table conversation_turns in access exclusive mode');
    try {
      const erase = eraseUserData(victim, 101).catch((e: unknown) => e);
      const blocked = await waitUntilBlocked(holder.client, 'gainsly-erase-victim');
      expect(await terminate(holder.client, blocked.pid)).toBe(true);
      const error = await withDeadline(erase, 10_000, 'the killed erase');
      expect(error).toBeInstanceOf(GainslyConnectionError);
    } finally {
      await holder.release();
      await withDeadline(victim.close(true), 2_000, 'victim.close()').catch(() => undefined);
    }
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('CLI: user export / erase (refuses without --yes) / import', async () => {
    class Capture {
      text = '';
      isTTY = false;
      write(chunk: string): boolean {
        this.text += chunk;
        return true;
      }
    }
    const cli = async (...args: string[]) => {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await runCli(['--url', db.url, ...args], { stdout, stderr, env: {}, cwd: tmpdir() }, '9.9.9');
      return { code, stdout: stdout.text, stderr: stderr.text };
    };
    await reseed(CATALOG_ROWS + ownerRows(200, 'Bo') + SEQUENCES);
    const dir = mkdtempSync(join(tmpdir(), 'gainsly-user-cli-'));
    try {
      const exported = await cli('user', 'export', '201');
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'gainsly-user-export', user: { id: 201 } });
      expect((await cli('--json', 'user', 'export', '201', '--out', join(dir, 'bo.json'))).code).toBe(0);

      const refused = await cli('user', 'erase', '201');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--yes');
      const dry = await cli('--json', 'user', 'erase', '201', '--dry-run');
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, report: { dryRun: true, deleted: { users: 1 } } });
      expect(await rowsOfUser(orm, 201)).toBeGreaterThan(0);
      expect((await cli('user', 'erase', '201', '--yes')).code).toBe(0);
      expect(await rowsOfUser(orm, 201)).toBe(0);
      const imported = await cli('--json', 'user', 'import', join(dir, 'bo.json'));
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, report: { inserted: { users: 1, top_set_logs: 1 } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const hasFixtures = requireFixtures('user data on an adopted upstream database (needs the upstream schema dump)');

describe.runIf(hasFixtures)('user data on an adopted upstream database', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    await loadUpstreamDump(db.url, '9c1a2b3c4d5e');
    await withRawClient(db.url, (c) => c.query(CATALOG_ROWS + ownerRows(100, 'Ada') + ownerRows(200, 'Bo') + OTHER_USER_REFERENCES + SEQUENCES));
    orm = await createGainslyOrm({ url: db.url });
    await adopt(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('exports, erases with the same policy, and imports back', async () => {
    const report = await eraseUserData(orm, 101);
    expect(report.detachedMovementIds).toEqual([103, 104]);
    expect(report.keptReferences).toHaveLength(4);
    expect(await rowsOfUser(orm, 101)).toBe(0);
    // Bo's rows still point at Ada's (now ownerless) movements, which his export lists as references.
    const doc = await exportUserData(orm, 201);
    for (const table of USER_DATA_TABLES) expect(doc.tables[table].length, table).toBeGreaterThan(0);
    expect(doc.references.movements?.map((m) => m.name)).toEqual(['Back Squat', 'Romanian Deadlift', "Ada's Sled Push", "Ada's Plank"]);
    await eraseUserData(orm, 201);
    const { userId } = await importUserData(orm, doc);
    expect(normalise(await exportUserData(orm, userId))).toEqual(normalise(doc));
  });
});

describe.runIf(hasFixtures)('user data on an adopted upstream database of the newer (37-table) schema', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    await loadUpstreamDump(db.url, 'head');
    await withRawClient(db.url, (c) =>
      c.query(
        CATALOG_ROWS +
          ownerRows(100, 'Ada') +
          SEQUENCES +
          `insert into user_profiles (user_id, date_of_birth, sex, height_cm, discipline_preferences) values (101, '1990-05-01', 'FEMALE', 170, '{"powerlifting": 1}');`,
      ),
    );
    orm = await createGainslyOrm({ url: db.url });
    await adopt(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('refuses to erase while a table this version does not know holds the user\'s rows, then erases once they are gone', async () => {
    const before = await snapshot(db.url);
    const error = await eraseUserData(orm, 101).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyUserDataError);
    expect(error).toMatchObject({ table: 'user_profiles', column: 'user_id' });
    expect((error as Error).message).toContain('does not know');
    expect(await snapshot(db.url)).toEqual(before);

    await orm.em.fork().execute('delete from user_profiles where user_id = 101');
    const report = await eraseUserData(orm, 101);
    expect(report.deleted.top_set_logs).toBe(1);
    expect(await rowsOfUser(orm, 101)).toBe(0);
  });
});
