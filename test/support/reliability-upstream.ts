/**
 * Upstream-style data for the adoption-safety test: set-based SQL that fills every one of the
 * library's 19 tables with `n` rows the way the Python app (SQLAlchemy) writes them — UPPERCASE
 * enum labels, JSON stored as text (odd spacing and unicode included), NULL in nullable booleans,
 * naive timestamps, legacy free-text values upstream never validated — and per-table checksums.
 */
import type { RawClient } from './pg-client.js';
import { LIBRARY_TABLES } from './reliability-db.js';

const arr = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
/** `values[1 + expr % values.length]` as SQL, optionally cast. */
const pick = (values: readonly string[], expr: string, cast = '') => `(${arr(values)})[1 + (${expr}) % ${values.length}]${cast ? `::${cast}` : ''}`;

const PATTERNS = ['squat', 'hinge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'carry', 'core', 'lunge', 'Squat', 'olympic lift'];
const MUSCLES = ['quadriceps', 'hamstrings', 'glutes', 'chest', 'lats', 'front_delts', 'core'];
const REGIONS = ['anterior lower', 'posterior lower', 'anterior upper', 'posterior upper', 'shoulder', 'full body', 'Anterior Lower'];
const PATTERN_LABELS = ['SQUAT', 'HINGE', 'HORIZONTAL_PUSH', 'VERTICAL_PUSH', 'HORIZONTAL_PULL', 'VERTICAL_PULL', 'CARRY', 'CORE', 'LUNGE'];

/** SQL that inserts `n` upstream-style rows into each of the 19 tables of a freshly loaded (empty) upstream schema. */
export function upstreamFillSql(n: number): string {
  const g = `from generate_series(1, ${n}) as s(i)`;
  return `
insert into users (name, email, experience_level, persona_tone, persona_aggression)
select case when i % 7 = 0 then null else 'User ' || i || ' ' || chr(945 + i % 20) || ' O''Brien' end,
       case when i % 5 = 0 then null else 'user' || i || '@example.com' end,
       ${pick(['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'], 'i', 'experiencelevel')},
       ${pick(['DRILL_SERGEANT', 'SUPPORTIVE', 'ANALYTICAL', 'MOTIVATIONAL', 'MINIMALIST'], 'i', 'personatone')},
       ${pick(['CONSERVATIVE', 'MODERATE_CONSERVATIVE', 'BALANCED', 'MODERATE_AGGRESSIVE', 'AGGRESSIVE'], 'i', 'personaaggression')}
${g};

insert into user_settings (user_id, active_e1rm_formula, use_metric)
select i, ${pick(['EPLEY', 'BRZYCKI', 'LOMBARDI', 'OCONNER'], 'i', 'e1rmformula')}, case i % 3 when 0 then null when 1 then true else false end
${g};

insert into movements (name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound, is_complex_lift,
                       is_unilateral, metric_type, discipline_tags, equipment_tags, description, coaching_cues, substitution_group, user_id, primary_discipline)
select 'Upstream Movement ' || i, ${pick(PATTERNS, 'i')}, ${pick(MUSCLES, 'i')}, ${pick(REGIONS, 'i')},
       (case i % 4 when 0 then null when 1 then '[]' else '["glutes", "core"]' end)::json,
       ${pick(['low', 'moderate', 'high', 'very_high', 'Very High'], 'i')}, ${pick(['beginner', 'intermediate', 'advanced'], 'i')},
       case i % 3 when 0 then null else i % 2 = 0 end, case when i % 11 = 0 then true else null end, false, 'reps',
       (case when i % 6 = 0 then null else '["powerlifting"]' end)::json, '[ "barbell" , "rack" ]',
       case when i % 2 = 0 then null else 'Upstream description ' || i || E' \\u00e9\\u4e2d "quoted" \\\\ back' end,
       (case when i % 9 = 0 then null else '["brace", "drive"]' end)::json,
       case when i % 4 = 0 then null else 'group_' || (i % 40) end,
       case when i % 10 = 0 then 1 + i % ${n} else null end, 'All'
${g};

insert into user_movement_rules (user_id, movement_id, rule_type, cadence, notes)
select i, i, ${pick(['HARD_NO', 'HARD_YES', 'PREFERRED'], 'i', 'movementruletype')}, ${pick(['PER_MICROCYCLE', 'WEEKLY', 'BIWEEKLY'], 'i', 'rulecadence')},
       case when i % 2 = 0 then null else 'rule ' || i end
${g};

insert into user_enjoyable_activities (user_id, activity_type, custom_name, recommend_every_days, enabled, notes)
select i, ${pick(['TENNIS', 'BOULDERING', 'CYCLING', 'SWIMMING', 'HIKING', 'OTHER'], 'i', 'enjoyableactivity')},
       case when i % 6 = 5 then 'Padel ' || i else null end, 7 + i % 60, case i % 3 when 0 then null else true end, null
${g};

insert into circuit_templates (name, description, circuit_type, exercises_json, default_rounds, default_duration_seconds, bucket_stress, tags, difficulty_tier)
select 'Upstream Circuit ' || (i % (${n} / 2 + 1)), case when i % 3 = 0 then null else 'AMRAP ' || i end,
       ${pick(['ROUNDS_FOR_TIME', 'AMRAP', 'EMOM', 'LADDER', 'TABATA', 'CHIPPER', 'STATION'], 'i', 'circuittype')},
       ('[{"movement": "Pull-up", "reps": ' || (i % 20 + 1) || '}]')::json, case when i % 2 = 0 then null else 3 end, 60 * (i % 30 + 1), '{}',
       (case when i % 4 = 0 then null else '["scraped"]' end)::json, case when i % 5 = 0 then null else 1 + i % 10 end
${g};

insert into programs (user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template,
                      days_per_week, progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles, persona_tone,
                      persona_aggression, is_active, created_at, is_template, visibility, name)
select i, date '2025-01-06' + (i % 300), 8 + i % 5, 'STRENGTH', 'HYPERTROPHY', ${pick(['ENDURANCE', 'FAT_LOSS', 'MOBILITY', 'SPEED'], 'i', 'goal')}, 5, 3, 2,
       ${pick(['UPPER_LOWER', 'PPL', 'FULL_BODY', 'HYBRID'], 'i', 'splittemplate')}, 2 + i % 6,
       ${pick(['SINGLE_PROGRESSION', 'DOUBLE_PROGRESSION', 'PAUSED_VARIATIONS', 'BUILD_TO_DROP'], 'i', 'progressionstyle')},
       (case when i % 8 = 0 then '{"note":"hybrid"}' else null end)::json, (case when i % 3 = 0 then null else '[{"discipline": "powerlifting", "weight": 6}]' end)::json, 4,
       ${pick(['DRILL_SERGEANT', 'SUPPORTIVE', 'ANALYTICAL', 'MOTIVATIONAL', 'MINIMALIST'], 'i + 1', 'personatone')},
       ${pick(['CONSERVATIVE', 'MODERATE_CONSERVATIVE', 'BALANCED', 'MODERATE_AGGRESSIVE', 'AGGRESSIVE'], 'i + 2', 'personaaggression')},
       case i % 4 when 0 then null else i % 2 = 1 end, timestamp '2025-01-01 00:00:00' + i * interval '37 minutes',
       case when i % 9 = 0 then null else false end, ${pick(['PRIVATE', 'FRIENDS', 'PUBLIC'], 'i', 'visibility')},
       case when i % 2 = 0 then null else 'Block ' || i end
${g};

insert into microcycles (program_id, start_date, length_days, sequence_number, status, is_deload)
select i, date '2025-01-06' + (i % 300), 7 + i % 4, 1, ${pick(['PLANNED', 'ACTIVE', 'COMPLETE'], 'i', 'microcyclestatus')}, case i % 3 when 0 then null else i % 2 = 0 end
${g};

insert into sessions (microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json, cooldown_json,
                      estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes, finisher_duration_minutes,
                      cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id)
select i, date '2025-01-06' + (i % 300), 1 + i % 7, ${pick(['UPPER', 'LOWER', 'PUSH', 'PULL', 'LEGS', 'FULL_BODY', 'CARDIO'], 'i', 'sessiontype')},
       (case when i % 5 = 0 then null else '["strength"]' end)::json, null, ('[{"movement": "Upstream Movement ' || i || '", "sets": 3, "reps": 5}]')::json, null, null, null,
       case when i % 2 = 0 then null else 60 end, null, 40, null, null, null, case when i % 3 = 0 then 'Go heavy' else null end,
       case when i % 10 = 0 then i else null end, null
${g};

insert into session_exercises (session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min, target_rep_range_max,
                               target_rpe, target_rir, target_duration_seconds, default_rest_seconds, is_complex_lift, substitution_allowed, notes)
select i, i, ${pick(['WARMUP', 'MAIN', 'ACCESSORY', 'SKILL', 'FINISHER', 'COOLDOWN'], 'i', 'exerciserole')}, 1, null, 3, 3, 5,
       case when i % 2 = 0 then 8.5 else null end, null, null, 180, null, null, null
${g};

insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes,
                          created_at, visibility)
select i, case when i % 4 = 0 then null else i end, date '2025-01-06' + (i % 300), i % 7 <> 0, case when i % 3 = 0 then 'felt ' || i else null end,
       1 + i % 10, 1 + i % 5, (case when i % 2 = 0 then '["too_easy"]' else null end)::json, 30 + i % 90,
       timestamp '2025-01-06 07:30:00' + i * interval '1 hour', ${pick(['PRIVATE', 'FRIENDS', 'PUBLIC'], 'i', 'visibility')}
${g};

insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
select i, i, 20 + (i % 200) * 1.25, 1 + i % 12, case when i % 3 = 0 then 8 else null end, case when i % 3 = 1 then 2 else null end, 120,
       case when i % 13 = 0 then null else (20 + (i % 200) * 1.25) * (1 + (1 + i % 12) / 30.0) end,
       case when i % 13 = 0 then null else ${pick(['EPLEY', 'BRZYCKI', 'LOMBARDI', 'OCONNER'], 'i', 'e1rmformula')} end,
       ${pick(PATTERN_LABELS, 'i', 'movementpattern')}, case when i % 5 = 0 then null else timestamp '2025-01-06 08:00:00' + i * interval '1 hour' end
${g};

insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
select i, i, date '2025-01-06' + (i % 300), ${pick(PATTERN_LABELS, 'i', 'movementpattern')}, 100 + i % 50, i, null
${g};

insert into soreness_logs (user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at)
select i, date '2025-01-07' + (i % 300), ${pick(['quads', 'hamstrings', 'lower back', 'Shoulders'], 'i')}, 1 + i % 5, case when i % 2 = 0 then i else null end, null,
       timestamp '2025-01-07 06:00:00' + i * interval '1 day'
${g};

insert into recovery_signals (user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json)
select i, date '2025-01-07' + (i % 300), null, ${pick(['DUMMY', 'MANUAL', 'GARMIN', 'APPLE', 'AURA_RING', 'WHOOP_BAND'], 'i', 'recoverysource')},
       40 + (i % 40) * 0.5, 45 + i % 20, case when i % 3 = 0 then null else 70 + i % 30 end, 5 + (i % 8) * 0.25, null, null, null,
       (case when i % 2 = 0 then '{"device": "fenix", "values": [1, 2.5, null]}' else null end)::json
${g};

insert into heuristic_configs (name, version, json_blob, description, active, created_at)
select 'upstream_config_' || (i % 50), 1 + i / 50, ('{"version": ' || i || ', "nested": {"ok": true}}')::json, null,
       case when i / 50 = 0 then true when i % 7 = 0 then null else false end, timestamp '2025-12-01 00:00:00'
${g};

insert into conversation_threads (user_id, context_type, context_date, context_session_id, is_active, final_plan_accepted, accepted_plan_json, created_at, updated_at)
select i, ${pick(['daily_adaptation', 'program_setup'], 'i')}, timestamp '2026-01-05 06:00:00' + i * interval '1 hour', case when i % 2 = 0 then i else null end,
       case i % 3 when 0 then null else true end, case when i % 4 = 0 then true else null end,
       (case when i % 4 = 0 then '{"accepted": ' || i || '}' else null end)::json, timestamp '2026-01-05 06:00:00', null
${g};

insert into conversation_turns (thread_id, turn_number, role, content, structured_response_json, created_at)
select i, 1, ${pick(['user', 'assistant'], 'i')}, 'Turn content ' || i || E' \\u2014 with unicode \\u00fc and ''quotes''',
       (case when i % 2 = 0 then '{"swap": "box squat"}' else null end)::json, case when i % 3 = 0 then null else timestamp '2026-01-05 06:00:00' end
${g};

insert into movement_relationships (source_movement_id, target_movement_id, relationship_type, notes)
select i, 1 + i % ${n}, ${pick(['progression', 'regression', 'variation', 'antagonist', 'prep'], 'i')}, null
${g};
`;
}

/** One row per table, inserted the way SQLAlchemy would after adoption: explicit labels, every NOT NULL column given. */
export const UPSTREAM_WRITES_AFTER_ADOPT = `
insert into users (name, email, experience_level, persona_tone, persona_aggression) values ('After', 'after@example.com', 'EXPERT', 'ANALYTICAL', 'AGGRESSIVE');
insert into user_settings (user_id, active_e1rm_formula, use_metric) select max(id), 'OCONNER', null from users;
insert into movements (name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound, is_complex_lift, is_unilateral,
                       metric_type, discipline_tags, equipment_tags, description, coaching_cues, substitution_group, user_id, primary_discipline)
  values ('After Movement', 'hinge', 'hamstrings', 'posterior lower', '[]', 'high', 'intermediate', true, false, false, 'reps', null, '["barbell"]', null, null, null, null, 'All');
insert into user_movement_rules (user_id, movement_id, rule_type, cadence, notes) values (1, 2, 'PREFERRED', 'BIWEEKLY', null);
insert into user_enjoyable_activities (user_id, activity_type, custom_name, recommend_every_days, enabled, notes) values (1, 'YOGA', null, 21, null, null);
insert into circuit_templates (name, description, circuit_type, exercises_json, default_rounds, default_duration_seconds, bucket_stress, tags, difficulty_tier)
  values ('After Circuit', null, 'EMOM', '[]', null, 600, '{}', null, null);
insert into programs (user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template, days_per_week,
                      progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles, persona_tone, persona_aggression, is_active, created_at)
  values (1, '2026-06-01', 10, 'STRENGTH', 'SPEED', 'MOBILITY', 6, 3, 1, 'PPL', 6, 'PAUSED_VARIATIONS', null, null, 4, 'SUPPORTIVE', 'BALANCED', false, '2026-05-31 10:00:00');
insert into microcycles (program_id, start_date, length_days, sequence_number, status, is_deload) select max(id), '2026-06-01', 7, 1, 'PLANNED', false from programs;
insert into sessions (microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json, cooldown_json,
                      estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes, finisher_duration_minutes,
                      cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id)
  select max(id), '2026-06-01', 1, 'PUSH', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null from microcycles;
insert into session_exercises (session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min, target_rep_range_max, target_rpe,
                               target_rir, target_duration_seconds, default_rest_seconds, is_complex_lift, substitution_allowed, notes)
  select max(id), 1, 'MAIN', 1, null, 5, 5, 5, null, null, null, null, null, null, null from sessions;
insert into workout_logs (user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes, created_at, visibility)
  values (1, null, '2026-06-02', true, null, null, null, null, null, '2026-06-02 07:00:00', 'PRIVATE');
insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
  select max(id), 1, 100, 5, null, null, null, 116.67, 'EPLEY', 'SQUAT', null from workout_logs;
insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
  select 1, 1, '2026-06-02', 'SQUAT', 116.67, max(id), null from top_set_logs;
insert into soreness_logs (user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at) values (1, '2026-06-03', 'quads', 2, null, null, null);
insert into recovery_signals (user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json)
  values (1, '2026-06-03', null, 'MANUAL', null, null, null, 8, null, null, null, null);
insert into heuristic_configs (name, version, json_blob, description, active, created_at) values ('after_config', 1, '{}', null, null, null);
insert into conversation_threads (user_id, context_type, context_date, context_session_id, is_active, final_plan_accepted, accepted_plan_json, created_at, updated_at)
  values (1, 'daily_adaptation', null, null, null, null, null, null, null);
insert into conversation_turns (thread_id, turn_number, role, content, structured_response_json, created_at) select max(id), 1, 'user', 'hello', null, null from conversation_threads;
insert into movement_relationships (source_movement_id, target_movement_id, relationship_type, notes) values (1, 2, 'progression', 'after');
`;

export interface TableChecksum {
  count: number;
  md5: string;
}

/**
 * Per library table: row count and an md5 over every row (the given columns, or all live ones),
 * ordered by id, so one changed value anywhere changes the checksum.
 */
export async function tableChecksums(client: RawClient, columnsOf?: ReadonlyMap<string, readonly string[]>): Promise<{ sums: Map<string, TableChecksum>; columns: Map<string, string[]> }> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `select c.relname as table, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and c.relname = any($1)
      group by c.relname order by c.relname`,
    [LIBRARY_TABLES],
  );
  const sums = new Map<string, TableChecksum>();
  const columns = new Map<string, string[]>();
  for (const { table, columns: live } of rows) {
    const cols = [...(columnsOf?.get(table) ?? live)];
    columns.set(table, cols);
    const row = `row(${cols.map((c) => `t."${c}"`).join(', ')})::text`;
    const { rows: r } = await client.query<{ count: number; md5: string }>(`select count(*)::int as count, md5(coalesce(string_agg(${row}, ',' order by t.id), '')) as md5 from "${table}" t`);
    sums.set(table, { count: r[0]!.count, md5: r[0]!.md5 });
  }
  return { sums, columns };
}
