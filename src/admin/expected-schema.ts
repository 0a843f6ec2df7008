// The schema the library's migrations produce (0001 upstream schema at 9c1a2b3c4d5e + 0002 additions
// of docs/data-model.md + 0003 performance indexes + 0004 foreign key indexes), as PostgreSQL's catalog prints it. Written out rather than derived at run time so `doctor`
// needs no scratch schema and behaves the same on PostgreSQL and PGlite; test/integration/admin-doctor.test.ts
// proves it equals the catalog of a freshly migrated database, so it cannot drift from the migrations.
import { PERFORMANCE_INDEXES } from '../../migrations/0003-performance-indexes.js';
import { FOREIGN_KEY_INDEXES } from '../../migrations/0004-foreign-key-indexes.js';
import type { Catalog, CatalogConstraint } from './catalog.js';

/** `[name, format_type(), nullable, default expression or null]`, in column order. @internal */
export type ExpectedColumn = readonly [name: string, type: string, nullable: boolean, defaultExpr: string | null];
/** `[name, kind, pg_get_constraintdef()]`. @internal */
export type ExpectedConstraint = readonly [name: string, kind: CatalogConstraint['kind'], definition: string];
/** `[name, CREATE INDEX statement without the schema]`. @internal */
export type ExpectedIndex = readonly [name: string, definition: string];

/** One table the library expects. @internal */
export interface ExpectedTable {
  readonly columns: readonly ExpectedColumn[];
  readonly constraints: readonly ExpectedConstraint[];
  readonly indexes: readonly ExpectedIndex[];
}

/** The 19 tables, by name. @internal */
export const EXPECTED_TABLES: Readonly<Record<string, ExpectedTable>> = {
  circuit_templates: {
    columns: [
      ['id', 'integer', false, "nextval('circuit_templates_id_seq'::regclass)"],
      ['name', 'character varying(200)', false, null],
      ['description', 'text', true, null],
      ['circuit_type', 'circuittype', false, null],
      ['exercises_json', 'json', false, null],
      ['default_rounds', 'integer', true, null],
      ['default_duration_seconds', 'integer', true, null],
      ['bucket_stress', 'json', false, null],
      ['tags', 'json', true, null],
      ['difficulty_tier', 'integer', true, '1'],
    ],
    constraints: [
      ['circuit_templates_pkey', 'primary', 'PRIMARY KEY (id)'],
    ],
    indexes: [
      ['ix_circuit_templates_name', 'CREATE INDEX ix_circuit_templates_name ON circuit_templates USING btree (name)'],
    ],
  },
  conversation_threads: {
    columns: [
      ['id', 'integer', false, "nextval('conversation_threads_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['context_type', 'character varying(50)', false, null],
      ['context_date', 'timestamp without time zone', true, null],
      ['context_session_id', 'integer', true, null],
      ['is_active', 'boolean', true, 'true'],
      ['final_plan_accepted', 'boolean', true, 'false'],
      ['accepted_plan_json', 'json', true, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
      ['updated_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['conversation_threads_context_session_id_fkey', 'foreign', 'FOREIGN KEY (context_session_id) REFERENCES sessions(id)'],
      ['conversation_threads_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['conversation_threads_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['gainsly_ix_conversation_threads_context_session_id', 'CREATE INDEX gainsly_ix_conversation_threads_context_session_id ON conversation_threads USING btree (context_session_id)'],
      ['ix_conversation_threads_user_id', 'CREATE INDEX ix_conversation_threads_user_id ON conversation_threads USING btree (user_id)'],
    ],
  },
  conversation_turns: {
    columns: [
      ['id', 'integer', false, "nextval('conversation_turns_id_seq'::regclass)"],
      ['thread_id', 'integer', false, null],
      ['turn_number', 'integer', false, null],
      ['role', 'character varying(20)', false, null],
      ['content', 'text', false, null],
      ['structured_response_json', 'json', true, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['conversation_turns_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['conversation_turns_thread_id_fkey', 'foreign', 'FOREIGN KEY (thread_id) REFERENCES conversation_threads(id)'],
    ],
    indexes: [
      ['ix_conversation_turns_thread_id', 'CREATE INDEX ix_conversation_turns_thread_id ON conversation_turns USING btree (thread_id)'],
    ],
  },
  heuristic_configs: {
    columns: [
      ['id', 'integer', false, "nextval('heuristic_configs_id_seq'::regclass)"],
      ['name', 'character varying(100)', false, null],
      ['version', 'integer', false, null],
      ['json_blob', 'json', false, null],
      ['description', 'text', true, null],
      ['active', 'boolean', true, 'false'],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['heuristic_configs_pkey', 'primary', 'PRIMARY KEY (id)'],
    ],
    indexes: [
      ['ix_heuristic_configs_active', 'CREATE INDEX ix_heuristic_configs_active ON heuristic_configs USING btree (active)'],
      ['ix_heuristic_configs_name', 'CREATE INDEX ix_heuristic_configs_name ON heuristic_configs USING btree (name)'],
    ],
  },
  microcycles: {
    columns: [
      ['id', 'integer', false, "nextval('microcycles_id_seq'::regclass)"],
      ['program_id', 'integer', false, null],
      ['start_date', 'date', false, null],
      ['length_days', 'integer', false, null],
      ['sequence_number', 'integer', false, null],
      ['status', 'microcyclestatus', false, "'PLANNED'::microcyclestatus"],
      ['is_deload', 'boolean', true, 'false'],
    ],
    constraints: [
      ['microcycles_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['microcycles_program_id_fkey', 'foreign', 'FOREIGN KEY (program_id) REFERENCES programs(id)'],
      ['valid_length', 'check', 'CHECK (((length_days >= 7) AND (length_days <= 10)))'],
    ],
    indexes: [
      ['ix_microcycles_program_id', 'CREATE INDEX ix_microcycles_program_id ON microcycles USING btree (program_id)'],
    ],
  },
  movement_relationships: {
    columns: [
      ['id', 'integer', false, "nextval('movement_relationships_id_seq'::regclass)"],
      ['source_movement_id', 'integer', false, null],
      ['target_movement_id', 'integer', false, null],
      ['relationship_type', 'character varying(50)', false, null],
      ['notes', 'text', true, null],
    ],
    constraints: [
      ['movement_relationships_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['movement_relationships_source_movement_id_fkey', 'foreign', 'FOREIGN KEY (source_movement_id) REFERENCES movements(id)'],
      ['movement_relationships_target_movement_id_fkey', 'foreign', 'FOREIGN KEY (target_movement_id) REFERENCES movements(id)'],
    ],
    indexes: [
      ['ix_movement_relationships_relationship_type', 'CREATE INDEX ix_movement_relationships_relationship_type ON movement_relationships USING btree (relationship_type)'],
      ['ix_movement_relationships_source_movement_id', 'CREATE INDEX ix_movement_relationships_source_movement_id ON movement_relationships USING btree (source_movement_id)'],
      ['ix_movement_relationships_target_movement_id', 'CREATE INDEX ix_movement_relationships_target_movement_id ON movement_relationships USING btree (target_movement_id)'],
    ],
  },
  movements: {
    columns: [
      ['id', 'integer', false, "nextval('movements_id_seq'::regclass)"],
      ['name', 'character varying(200)', false, null],
      ['pattern', 'character varying(50)', false, null],
      ['primary_muscle', 'character varying(50)', false, null],
      ['primary_region', 'character varying(50)', false, null],
      ['secondary_muscles', 'json', true, null],
      ['cns_load', 'character varying(50)', false, "'moderate'::character varying"],
      ['skill_level', 'character varying(50)', false, "'intermediate'::character varying"],
      ['compound', 'boolean', true, 'true'],
      ['is_complex_lift', 'boolean', true, 'false'],
      ['is_unilateral', 'boolean', true, 'false'],
      ['metric_type', 'character varying(50)', false, "'reps'::character varying"],
      ['discipline_tags', 'json', true, null],
      ['equipment_tags', 'json', true, null],
      ['description', 'text', true, null],
      ['coaching_cues', 'json', true, null],
      ['substitution_group', 'character varying(100)', true, null],
      ['user_id', 'integer', true, null],
      ['primary_discipline', 'character varying(50)', false, "'All'::character varying"],
      ['tags', 'json', true, null],
    ],
    constraints: [
      ['fk_movements_user_id_users', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
      ['movements_pkey', 'primary', 'PRIMARY KEY (id)'],
    ],
    indexes: [
      ['gainsly_ix_movements_discipline_tags', 'CREATE INDEX gainsly_ix_movements_discipline_tags ON movements USING gin (((discipline_tags)::jsonb) jsonb_path_ops)'],
      ['gainsly_ix_movements_equipment_tags', 'CREATE INDEX gainsly_ix_movements_equipment_tags ON movements USING gin (((equipment_tags)::jsonb) jsonb_path_ops)'],
      ['ix_movements_name', 'CREATE UNIQUE INDEX ix_movements_name ON movements USING btree (name)'],
      ['ix_movements_pattern', 'CREATE INDEX ix_movements_pattern ON movements USING btree (pattern)'],
      ['ix_movements_primary_muscle', 'CREATE INDEX ix_movements_primary_muscle ON movements USING btree (primary_muscle)'],
      ['ix_movements_primary_region', 'CREATE INDEX ix_movements_primary_region ON movements USING btree (primary_region)'],
      ['ix_movements_substitution_group', 'CREATE INDEX ix_movements_substitution_group ON movements USING btree (substitution_group)'],
      ['ix_movements_user_id', 'CREATE INDEX ix_movements_user_id ON movements USING btree (user_id)'],
    ],
  },
  pattern_exposures: {
    columns: [
      ['id', 'integer', false, "nextval('pattern_exposures_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['microcycle_id', 'integer', false, null],
      ['date', 'date', false, null],
      ['pattern', 'movementpattern', false, null],
      ['e1rm_value', 'double precision', false, null],
      ['source_top_set_log_id', 'integer', false, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['pattern_exposures_microcycle_id_fkey', 'foreign', 'FOREIGN KEY (microcycle_id) REFERENCES microcycles(id)'],
      ['pattern_exposures_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['pattern_exposures_source_top_set_log_id_fkey', 'foreign', 'FOREIGN KEY (source_top_set_log_id) REFERENCES top_set_logs(id)'],
      ['pattern_exposures_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['gainsly_ix_pattern_exposures_source_top_set_log_id', 'CREATE INDEX gainsly_ix_pattern_exposures_source_top_set_log_id ON pattern_exposures USING btree (source_top_set_log_id)'],
      ['gainsly_ix_pattern_exposures_user_microcycle', 'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON pattern_exposures USING btree (user_id, microcycle_id, date) INCLUDE (pattern, e1rm_value)'],
      ['ix_pattern_exposures_date', 'CREATE INDEX ix_pattern_exposures_date ON pattern_exposures USING btree (date)'],
      ['ix_pattern_exposures_microcycle_id', 'CREATE INDEX ix_pattern_exposures_microcycle_id ON pattern_exposures USING btree (microcycle_id)'],
      ['ix_pattern_exposures_pattern', 'CREATE INDEX ix_pattern_exposures_pattern ON pattern_exposures USING btree (pattern)'],
      ['ix_pattern_exposures_user_id', 'CREATE INDEX ix_pattern_exposures_user_id ON pattern_exposures USING btree (user_id)'],
    ],
  },
  programs: {
    columns: [
      ['id', 'integer', false, "nextval('programs_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['start_date', 'date', false, null],
      ['duration_weeks', 'integer', false, null],
      ['goal_1', 'goal', false, null],
      ['goal_2', 'goal', false, null],
      ['goal_3', 'goal', false, null],
      ['goal_weight_1', 'integer', false, null],
      ['goal_weight_2', 'integer', false, null],
      ['goal_weight_3', 'integer', false, null],
      ['split_template', 'splittemplate', false, null],
      ['days_per_week', 'integer', false, null],
      ['progression_style', 'progressionstyle', false, null],
      ['hybrid_definition', 'json', true, null],
      ['disciplines_json', 'json', true, null],
      ['deload_every_n_microcycles', 'integer', false, '4'],
      ['persona_tone', 'personatone', false, null],
      ['persona_aggression', 'personaaggression', false, null],
      ['is_active', 'boolean', true, 'true'],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
      ['is_template', 'boolean', true, 'false'],
      ['visibility', 'visibility', false, "'PRIVATE'::visibility"],
      ['name', 'character varying(100)', true, null],
    ],
    constraints: [
      ['goals_sum_to_ten', 'check', 'CHECK ((((goal_weight_1 + goal_weight_2) + goal_weight_3) = 10))'],
      ['positive_weights', 'check', 'CHECK (((goal_weight_1 >= 0) AND (goal_weight_2 >= 0) AND (goal_weight_3 >= 0)))'],
      ['programs_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['programs_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
      ['valid_duration', 'check', 'CHECK (((duration_weeks >= 8) AND (duration_weeks <= 12)))'],
    ],
    indexes: [
      ['ix_programs_user_id', 'CREATE INDEX ix_programs_user_id ON programs USING btree (user_id)'],
    ],
  },
  recovery_signals: {
    columns: [
      ['id', 'integer', false, "nextval('recovery_signals_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['date', 'date', false, null],
      ['session_id', 'integer', true, null],
      ['source', 'recoverysource', false, "'DUMMY'::recoverysource"],
      ['hrv', 'double precision', true, null],
      ['resting_hr', 'integer', true, null],
      ['sleep_score', 'double precision', true, null],
      ['sleep_hours', 'double precision', true, null],
      ['readiness', 'double precision', true, null],
      ['notes', 'text', true, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
      ['raw_payload_json', 'json', true, null],
    ],
    constraints: [
      ['recovery_signals_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['recovery_signals_session_id_fkey', 'foreign', 'FOREIGN KEY (session_id) REFERENCES sessions(id)'],
      ['recovery_signals_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['gainsly_ix_recovery_signals_session_id', 'CREATE INDEX gainsly_ix_recovery_signals_session_id ON recovery_signals USING btree (session_id)'],
      ['ix_recovery_signals_date', 'CREATE INDEX ix_recovery_signals_date ON recovery_signals USING btree (date)'],
      ['ix_recovery_signals_user_id', 'CREATE INDEX ix_recovery_signals_user_id ON recovery_signals USING btree (user_id)'],
    ],
  },
  session_exercises: {
    columns: [
      ['id', 'integer', false, "nextval('session_exercises_id_seq'::regclass)"],
      ['session_id', 'integer', false, null],
      ['movement_id', 'integer', false, null],
      ['role', 'exerciserole', false, null],
      ['order_in_session', 'integer', false, null],
      ['superset_group', 'integer', true, null],
      ['target_sets', 'integer', false, null],
      ['target_rep_range_min', 'integer', true, null],
      ['target_rep_range_max', 'integer', true, null],
      ['target_rpe', 'double precision', true, null],
      ['target_rir', 'integer', true, null],
      ['target_duration_seconds', 'integer', true, null],
      ['default_rest_seconds', 'integer', true, null],
      ['is_complex_lift', 'boolean', true, 'false'],
      ['substitution_allowed', 'boolean', true, 'true'],
      ['notes', 'text', true, null],
    ],
    constraints: [
      ['session_exercises_movement_id_fkey', 'foreign', 'FOREIGN KEY (movement_id) REFERENCES movements(id)'],
      ['session_exercises_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['session_exercises_session_id_fkey', 'foreign', 'FOREIGN KEY (session_id) REFERENCES sessions(id)'],
    ],
    indexes: [
      ['ix_session_exercises_movement_id', 'CREATE INDEX ix_session_exercises_movement_id ON session_exercises USING btree (movement_id)'],
      ['ix_session_exercises_session_id', 'CREATE INDEX ix_session_exercises_session_id ON session_exercises USING btree (session_id)'],
    ],
  },
  sessions: {
    columns: [
      ['id', 'integer', false, "nextval('sessions_id_seq'::regclass)"],
      ['microcycle_id', 'integer', false, null],
      ['date', 'date', false, null],
      ['day_number', 'integer', false, null],
      ['session_type', 'sessiontype', false, null],
      ['intent_tags', 'json', true, null],
      ['warmup_json', 'json', true, null],
      ['main_json', 'json', true, null],
      ['accessory_json', 'json', true, null],
      ['finisher_json', 'json', true, null],
      ['cooldown_json', 'json', true, null],
      ['estimated_duration_minutes', 'integer', true, null],
      ['warmup_duration_minutes', 'integer', true, null],
      ['main_duration_minutes', 'integer', true, null],
      ['accessory_duration_minutes', 'integer', true, null],
      ['finisher_duration_minutes', 'integer', true, null],
      ['cooldown_duration_minutes', 'integer', true, null],
      ['coach_notes', 'text', true, null],
      ['main_circuit_id', 'integer', true, null],
      ['finisher_circuit_id', 'integer', true, null],
    ],
    constraints: [
      ['fk_sessions_finisher_circuit_id_circuit_templates', 'foreign', 'FOREIGN KEY (finisher_circuit_id) REFERENCES circuit_templates(id)'],
      ['fk_sessions_main_circuit_id_circuit_templates', 'foreign', 'FOREIGN KEY (main_circuit_id) REFERENCES circuit_templates(id)'],
      ['sessions_microcycle_id_fkey', 'foreign', 'FOREIGN KEY (microcycle_id) REFERENCES microcycles(id)'],
      ['sessions_pkey', 'primary', 'PRIMARY KEY (id)'],
    ],
    indexes: [
      ['gainsly_ix_sessions_finisher_circuit_id', 'CREATE INDEX gainsly_ix_sessions_finisher_circuit_id ON sessions USING btree (finisher_circuit_id)'],
      ['gainsly_ix_sessions_main_circuit_id', 'CREATE INDEX gainsly_ix_sessions_main_circuit_id ON sessions USING btree (main_circuit_id)'],
      ['ix_sessions_date', 'CREATE INDEX ix_sessions_date ON sessions USING btree (date)'],
      ['ix_sessions_microcycle_id', 'CREATE INDEX ix_sessions_microcycle_id ON sessions USING btree (microcycle_id)'],
    ],
  },
  soreness_logs: {
    columns: [
      ['id', 'integer', false, "nextval('soreness_logs_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['date', 'date', false, null],
      ['body_part', 'character varying(50)', false, null],
      ['soreness_1_5', 'integer', false, null],
      ['inferred_cause_session_id', 'integer', true, null],
      ['notes', 'text', true, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['soreness_logs_inferred_cause_session_id_fkey', 'foreign', 'FOREIGN KEY (inferred_cause_session_id) REFERENCES sessions(id)'],
      ['soreness_logs_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['soreness_logs_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['gainsly_ix_soreness_logs_inferred_cause_session_id', 'CREATE INDEX gainsly_ix_soreness_logs_inferred_cause_session_id ON soreness_logs USING btree (inferred_cause_session_id)'],
      ['ix_soreness_logs_date', 'CREATE INDEX ix_soreness_logs_date ON soreness_logs USING btree (date)'],
      ['ix_soreness_logs_user_id', 'CREATE INDEX ix_soreness_logs_user_id ON soreness_logs USING btree (user_id)'],
    ],
  },
  top_set_logs: {
    columns: [
      ['id', 'integer', false, "nextval('top_set_logs_id_seq'::regclass)"],
      ['workout_log_id', 'integer', false, null],
      ['movement_id', 'integer', false, null],
      ['weight', 'double precision', false, null],
      ['reps', 'integer', false, null],
      ['rpe', 'double precision', true, null],
      ['rir', 'integer', true, null],
      ['avg_rest_seconds', 'integer', true, null],
      ['e1rm_value', 'double precision', true, null],
      ['e1rm_formula', 'e1rmformula', true, null],
      ['pattern', 'movementpattern', false, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
    ],
    constraints: [
      ['top_set_logs_movement_id_fkey', 'foreign', 'FOREIGN KEY (movement_id) REFERENCES movements(id)'],
      ['top_set_logs_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['top_set_logs_workout_log_id_fkey', 'foreign', 'FOREIGN KEY (workout_log_id) REFERENCES workout_logs(id)'],
    ],
    indexes: [
      ['ix_top_set_logs_movement_id', 'CREATE INDEX ix_top_set_logs_movement_id ON top_set_logs USING btree (movement_id)'],
      ['ix_top_set_logs_pattern', 'CREATE INDEX ix_top_set_logs_pattern ON top_set_logs USING btree (pattern)'],
      ['ix_top_set_logs_workout_log_id', 'CREATE INDEX ix_top_set_logs_workout_log_id ON top_set_logs USING btree (workout_log_id)'],
    ],
  },
  user_enjoyable_activities: {
    columns: [
      ['id', 'integer', false, "nextval('user_enjoyable_activities_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['activity_type', 'enjoyableactivity', false, null],
      ['custom_name', 'character varying(100)', true, null],
      ['recommend_every_days', 'integer', false, '28'],
      ['enabled', 'boolean', true, 'true'],
      ['notes', 'text', true, null],
    ],
    constraints: [
      ['user_enjoyable_activities_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['user_enjoyable_activities_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['ix_user_enjoyable_activities_user_id', 'CREATE INDEX ix_user_enjoyable_activities_user_id ON user_enjoyable_activities USING btree (user_id)'],
    ],
  },
  user_movement_rules: {
    columns: [
      ['id', 'integer', false, "nextval('user_movement_rules_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['movement_id', 'integer', false, null],
      ['rule_type', 'movementruletype', false, null],
      ['cadence', 'rulecadence', false, "'PER_MICROCYCLE'::rulecadence"],
      ['notes', 'text', true, null],
    ],
    constraints: [
      ['user_movement_rules_movement_id_fkey', 'foreign', 'FOREIGN KEY (movement_id) REFERENCES movements(id)'],
      ['user_movement_rules_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['user_movement_rules_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['ix_user_movement_rules_movement_id', 'CREATE INDEX ix_user_movement_rules_movement_id ON user_movement_rules USING btree (movement_id)'],
      ['ix_user_movement_rules_user_id', 'CREATE INDEX ix_user_movement_rules_user_id ON user_movement_rules USING btree (user_id)'],
    ],
  },
  user_settings: {
    columns: [
      ['id', 'integer', false, "nextval('user_settings_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['active_e1rm_formula', 'e1rmformula', false, "'EPLEY'::e1rmformula"],
      ['use_metric', 'boolean', true, 'true'],
    ],
    constraints: [
      ['user_settings_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['user_settings_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
      ['user_settings_user_id_key', 'unique', 'UNIQUE (user_id)'],
    ],
    indexes: [],
  },
  users: {
    columns: [
      ['id', 'integer', false, "nextval('users_id_seq'::regclass)"],
      ['name', 'character varying(100)', true, null],
      ['email', 'character varying(255)', true, null],
      ['experience_level', 'experiencelevel', false, "'INTERMEDIATE'::experiencelevel"],
      ['persona_tone', 'personatone', false, "'SUPPORTIVE'::personatone"],
      ['persona_aggression', 'personaaggression', false, "'BALANCED'::personaaggression"],
    ],
    constraints: [
      ['users_email_key', 'unique', 'UNIQUE (email)'],
      ['users_pkey', 'primary', 'PRIMARY KEY (id)'],
    ],
    indexes: [],
  },
  workout_logs: {
    columns: [
      ['id', 'integer', false, "nextval('workout_logs_id_seq'::regclass)"],
      ['user_id', 'integer', false, null],
      ['session_id', 'integer', true, null],
      ['date', 'date', false, null],
      ['completed', 'boolean', false, 'true'],
      ['notes', 'text', true, null],
      ['perceived_difficulty', 'integer', true, null],
      ['enjoyment_rating', 'integer', true, null],
      ['feedback_tags', 'json', true, null],
      ['actual_duration_minutes', 'integer', true, null],
      ['created_at', 'timestamp without time zone', true, "timezone('utc'::text, now())"],
      ['visibility', 'visibility', false, "'PRIVATE'::visibility"],
    ],
    constraints: [
      ['workout_logs_pkey', 'primary', 'PRIMARY KEY (id)'],
      ['workout_logs_session_id_fkey', 'foreign', 'FOREIGN KEY (session_id) REFERENCES sessions(id)'],
      ['workout_logs_user_id_fkey', 'foreign', 'FOREIGN KEY (user_id) REFERENCES users(id)'],
    ],
    indexes: [
      ['ix_workout_logs_date', 'CREATE INDEX ix_workout_logs_date ON workout_logs USING btree (date)'],
      ['ix_workout_logs_session_id', 'CREATE INDEX ix_workout_logs_session_id ON workout_logs USING btree (session_id)'],
      ['ix_workout_logs_user_id', 'CREATE INDEX ix_workout_logs_user_id ON workout_logs USING btree (user_id)'],
    ],
  },
};

/** The 17 enum types and their labels in sort order. @internal */
export const EXPECTED_ENUMS: Readonly<Record<string, readonly string[]>> = {
  circuittype: ['ROUNDS_FOR_TIME', 'AMRAP', 'EMOM', 'LADDER', 'TABATA', 'CHIPPER', 'STATION'],
  e1rmformula: ['EPLEY', 'BRZYCKI', 'LOMBARDI', 'OCONNER'],
  enjoyableactivity: ['TENNIS', 'BOULDERING', 'CYCLING', 'SWIMMING', 'HIKING', 'BASKETBALL', 'FOOTBALL', 'YOGA', 'MARTIAL_ARTS', 'DANCE', 'OTHER'],
  exerciserole: ['WARMUP', 'MAIN', 'ACCESSORY', 'SKILL', 'FINISHER', 'COOLDOWN'],
  experiencelevel: ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'],
  goal: ['STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 'FAT_LOSS', 'MOBILITY', 'EXPLOSIVENESS', 'SPEED'],
  microcyclestatus: ['PLANNED', 'ACTIVE', 'COMPLETE'],
  movementpattern: ['SQUAT', 'HINGE', 'HORIZONTAL_PUSH', 'VERTICAL_PUSH', 'HORIZONTAL_PULL', 'VERTICAL_PULL', 'CARRY', 'CORE', 'LUNGE', 'ROTATION', 'PLYOMETRIC', 'OLYMPIC', 'ISOLATION', 'MOBILITY', 'ISOMETRIC', 'CONDITIONING', 'CARDIO'],
  movementruletype: ['HARD_NO', 'HARD_YES', 'PREFERRED'],
  personaaggression: ['CONSERVATIVE', 'MODERATE_CONSERVATIVE', 'BALANCED', 'MODERATE_AGGRESSIVE', 'AGGRESSIVE'],
  personatone: ['DRILL_SERGEANT', 'SUPPORTIVE', 'ANALYTICAL', 'MOTIVATIONAL', 'MINIMALIST'],
  progressionstyle: ['SINGLE_PROGRESSION', 'DOUBLE_PROGRESSION', 'PAUSED_VARIATIONS', 'BUILD_TO_DROP', 'WAVE_LOADING'],
  recoverysource: ['DUMMY', 'MANUAL', 'GARMIN', 'APPLE', 'AURA_RING', 'WHOOP_BAND'],
  rulecadence: ['PER_MICROCYCLE', 'WEEKLY', 'BIWEEKLY'],
  sessiontype: ['UPPER', 'LOWER', 'PUSH', 'PULL', 'LEGS', 'FULL_BODY', 'CARDIO', 'MOBILITY', 'RECOVERY', 'SKILL', 'CUSTOM'],
  splittemplate: ['UPPER_LOWER', 'PPL', 'FULL_BODY', 'HYBRID'],
  visibility: ['PRIVATE', 'FRIENDS', 'PUBLIC'],
};

/**
 * What the library adds to upstream's schema (migration 0002) and `adopt` may therefore create on
 * an upstream database: columns upstream's Alembic chain will never add itself. Any other missing
 * column is an error, because adding it could collide with a later upstream revision.
 * @internal
 */
export const LIBRARY_ADDED_COLUMNS: readonly (readonly [table: string, column: string])[] = [['movements', 'tags']];

/**
 * The indexes the library adds to upstream's schema (migrations 0003 `PERFORMANCE_INDEXES` and
 * 0004 `FOREIGN_KEY_INDEXES`), by name: `adopt` may create them on an upstream database (they
 * change no row, and upstream's schema has no index of that name). Any other missing index is an
 * error.
 * @internal
 */
export const LIBRARY_ADDED_INDEXES: readonly string[] = [...PERFORMANCE_INDEXES, ...FOREIGN_KEY_INDEXES].map(([name]) => name);

/**
 * The upstream Alembic chain (docs/upstream.md, "Upstream's schema"), oldest first. The 19
 * tables reach the shape the library expects at `9c1a2b3c4d5e`; later revisions only add tables
 * and `programs.macro_cycle_id`.
 * @internal
 */
export const UPSTREAM_REVISIONS: readonly string[] = [
  '95e6d757f1a4',
  '6180f4706b14',
  'b2c3d4e5f6a7',
  'c1c2d3e4f5a6',
  'f7b2ea3f26c9',
  '87ec9db39e1e',
  '9c1a2b3c4d5e',
  'ae12bc34de56',
  'bc7890ab12cd',
  'cd3456ef7890',
  'def012345678',
  'ef3456789abc',
  '1a2b3c4d5e6f',
  '4fdc46c38149',
];

/** The first upstream revision whose 19 tables the library can adopt. @internal */
export const MIN_UPSTREAM_REVISION = '9c1a2b3c4d5e';

/** Writes an index definition with `ON <schema>.` so it reads like `pg_indexes.indexdef`. */
function qualifyIndex(definition: string, schema: string): string {
  return definition.replace(/ ON (ONLY )?/, (m) => `${m}${quoteIdentIfNeeded(schema)}.`);
}

/** PostgreSQL's own quoting rule for identifiers in printed definitions (simplified). @internal */
export function quoteIdentIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * The expected schema as a {@link Catalog}, in the same shape and order `readCatalog` returns, so
 * a test can compare it with a freshly migrated database using deep equality. The library's
 * migrations table is not part of it.
 *
 * @example
 * ```ts
 * expectedCatalog().tables.movements?.columns.at(-1)?.name; // 'tags'
 * ```
 * @internal
 */
export function expectedCatalog(schema = 'public'): Catalog {
  const tables: Catalog['tables'] = {};
  for (const [name, table] of Object.entries(EXPECTED_TABLES)) {
    tables[name] = {
      columns: table.columns.map(([column, type, nullable, def], i) => ({ name: column, position: i + 1, type, nullable, default: def })),
      constraints: table.constraints.map(([constraint, kind, definition]) => ({ name: constraint, kind, definition })),
      indexes: table.indexes.map(([index, definition]) => ({ name: index, definition: qualifyIndex(definition, schema) })),
    };
  }
  const enums: Catalog['enums'] = {};
  for (const [name, labels] of Object.entries(EXPECTED_ENUMS)) enums[name] = [...labels];
  return { tables, enums };
}
