import { Migration } from '@mikro-orm/migrations';

/**
 * The 19 tables and 17 enum types exactly as the upstream Alembic chain leaves them at revision
 * 9c1a2b3c4d5e: same column order (positional COPY keeps working), types, nullability, server
 * defaults, constraint and index names, and NO ACTION foreign keys. A database made by upstream
 * is recorded as having this migration by `adopt`.
 */
export class Migration0001UpstreamSchema extends Migration {
  override name = '0001-upstream-schema';

  override up(): void {
    const enums: Record<string, string[]> = {
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
      // Upstream's type lacks WAVE_LOADING; migration 0002 adds it (docs/data-model.md, "ProgressionStyle").
      progressionstyle: ['SINGLE_PROGRESSION', 'DOUBLE_PROGRESSION', 'PAUSED_VARIATIONS', 'BUILD_TO_DROP'],
      recoverysource: ['DUMMY', 'MANUAL', 'GARMIN', 'APPLE', 'AURA_RING', 'WHOOP_BAND'],
      rulecadence: ['PER_MICROCYCLE', 'WEEKLY', 'BIWEEKLY'],
      sessiontype: ['UPPER', 'LOWER', 'PUSH', 'PULL', 'LEGS', 'FULL_BODY', 'CARDIO', 'MOBILITY', 'RECOVERY', 'SKILL', 'CUSTOM'],
      splittemplate: ['UPPER_LOWER', 'PPL', 'FULL_BODY', 'HYBRID'],
      visibility: ['PRIVATE', 'FRIENDS', 'PUBLIC'],
    };
    for (const [name, labels] of Object.entries(enums)) {
      this.addSql(`create type "${name}" as enum (${labels.map((l) => `'${l}'`).join(', ')});`);
    }

    this.addSql(`create table "users" (
      "id" serial not null,
      "name" varchar(100) null,
      "email" varchar(255) null,
      "experience_level" "experiencelevel" not null,
      "persona_tone" "personatone" not null,
      "persona_aggression" "personaaggression" not null,
      constraint "users_pkey" primary key ("id"),
      constraint "users_email_key" unique ("email"));`);

    this.addSql(`create table "heuristic_configs" (
      "id" serial not null,
      "name" varchar(100) not null,
      "version" integer not null,
      "json_blob" json not null,
      "description" text null,
      "active" boolean null,
      "created_at" timestamp null,
      constraint "heuristic_configs_pkey" primary key ("id"));`);
    this.addSql(`create index "ix_heuristic_configs_active" on "heuristic_configs" ("active");`);
    this.addSql(`create index "ix_heuristic_configs_name" on "heuristic_configs" ("name");`);

    this.addSql(`create table "circuit_templates" (
      "id" serial not null,
      "name" varchar(200) not null,
      "description" text null,
      "circuit_type" "circuittype" not null,
      "exercises_json" json not null,
      "default_rounds" integer null,
      "default_duration_seconds" integer null,
      "bucket_stress" json not null,
      "tags" json null,
      "difficulty_tier" integer null,
      constraint "circuit_templates_pkey" primary key ("id"));`);
    this.addSql(`create index "ix_circuit_templates_name" on "circuit_templates" ("name");`);

    this.addSql(`create table "movements" (
      "id" serial not null,
      "name" varchar(200) not null,
      "pattern" varchar(50) not null,
      "primary_muscle" varchar(50) not null,
      "primary_region" varchar(50) not null,
      "secondary_muscles" json null,
      "cns_load" varchar(50) not null,
      "skill_level" varchar(50) not null,
      "compound" boolean null,
      "is_complex_lift" boolean null,
      "is_unilateral" boolean null,
      "metric_type" varchar(50) not null,
      "discipline_tags" json null,
      "equipment_tags" json null,
      "description" text null,
      "coaching_cues" json null,
      "substitution_group" varchar(100) null,
      "user_id" integer null,
      "primary_discipline" varchar(50) not null default 'All',
      constraint "movements_pkey" primary key ("id"),
      constraint "fk_movements_user_id_users" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create unique index "ix_movements_name" on "movements" ("name");`);
    for (const col of ['pattern', 'primary_muscle', 'primary_region', 'substitution_group', 'user_id']) {
      this.addSql(`create index "ix_movements_${col}" on "movements" ("${col}");`);
    }

    this.addSql(`create table "user_settings" (
      "id" serial not null,
      "user_id" integer not null,
      "active_e1rm_formula" "e1rmformula" not null,
      "use_metric" boolean null,
      constraint "user_settings_pkey" primary key ("id"),
      constraint "user_settings_user_id_key" unique ("user_id"),
      constraint "user_settings_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);

    this.addSql(`create table "user_movement_rules" (
      "id" serial not null,
      "user_id" integer not null,
      "movement_id" integer not null,
      "rule_type" "movementruletype" not null,
      "cadence" "rulecadence" not null,
      "notes" text null,
      constraint "user_movement_rules_pkey" primary key ("id"),
      constraint "user_movement_rules_movement_id_fkey" foreign key ("movement_id") references "movements" ("id"),
      constraint "user_movement_rules_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create index "ix_user_movement_rules_movement_id" on "user_movement_rules" ("movement_id");`);
    this.addSql(`create index "ix_user_movement_rules_user_id" on "user_movement_rules" ("user_id");`);

    this.addSql(`create table "user_enjoyable_activities" (
      "id" serial not null,
      "user_id" integer not null,
      "activity_type" "enjoyableactivity" not null,
      "custom_name" varchar(100) null,
      "recommend_every_days" integer not null,
      "enabled" boolean null,
      "notes" text null,
      constraint "user_enjoyable_activities_pkey" primary key ("id"),
      constraint "user_enjoyable_activities_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create index "ix_user_enjoyable_activities_user_id" on "user_enjoyable_activities" ("user_id");`);

    this.addSql(`create table "programs" (
      "id" serial not null,
      "user_id" integer not null,
      "start_date" date not null,
      "duration_weeks" integer not null,
      "goal_1" "goal" not null,
      "goal_2" "goal" not null,
      "goal_3" "goal" not null,
      "goal_weight_1" integer not null,
      "goal_weight_2" integer not null,
      "goal_weight_3" integer not null,
      "split_template" "splittemplate" not null,
      "days_per_week" integer not null,
      "progression_style" "progressionstyle" not null,
      "hybrid_definition" json null,
      "disciplines_json" json null,
      "deload_every_n_microcycles" integer not null,
      "persona_tone" "personatone" not null,
      "persona_aggression" "personaaggression" not null,
      "is_active" boolean null,
      "created_at" timestamp null,
      "is_template" boolean null default false,
      "visibility" "visibility" not null default 'PRIVATE',
      "name" varchar(100) null,
      constraint "programs_pkey" primary key ("id"),
      constraint "programs_user_id_fkey" foreign key ("user_id") references "users" ("id"),
      constraint "goals_sum_to_ten" check (((goal_weight_1 + goal_weight_2) + goal_weight_3) = 10),
      constraint "positive_weights" check ((goal_weight_1 >= 0) and (goal_weight_2 >= 0) and (goal_weight_3 >= 0)),
      constraint "valid_duration" check ((duration_weeks >= 8) and (duration_weeks <= 12)));`);
    this.addSql(`create index "ix_programs_user_id" on "programs" ("user_id");`);

    this.addSql(`create table "microcycles" (
      "id" serial not null,
      "program_id" integer not null,
      "start_date" date not null,
      "length_days" integer not null,
      "sequence_number" integer not null,
      "status" "microcyclestatus" not null,
      "is_deload" boolean null,
      constraint "microcycles_pkey" primary key ("id"),
      constraint "microcycles_program_id_fkey" foreign key ("program_id") references "programs" ("id"),
      constraint "valid_length" check ((length_days >= 7) and (length_days <= 10)));`);
    this.addSql(`create index "ix_microcycles_program_id" on "microcycles" ("program_id");`);

    this.addSql(`create table "sessions" (
      "id" serial not null,
      "microcycle_id" integer not null,
      "date" date not null,
      "day_number" integer not null,
      "session_type" "sessiontype" not null,
      "intent_tags" json null,
      "warmup_json" json null,
      "main_json" json null,
      "accessory_json" json null,
      "finisher_json" json null,
      "cooldown_json" json null,
      "estimated_duration_minutes" integer null,
      "warmup_duration_minutes" integer null,
      "main_duration_minutes" integer null,
      "accessory_duration_minutes" integer null,
      "finisher_duration_minutes" integer null,
      "cooldown_duration_minutes" integer null,
      "coach_notes" text null,
      "main_circuit_id" integer null,
      "finisher_circuit_id" integer null,
      constraint "sessions_pkey" primary key ("id"),
      constraint "sessions_microcycle_id_fkey" foreign key ("microcycle_id") references "microcycles" ("id"),
      constraint "fk_sessions_main_circuit_id_circuit_templates" foreign key ("main_circuit_id") references "circuit_templates" ("id"),
      constraint "fk_sessions_finisher_circuit_id_circuit_templates" foreign key ("finisher_circuit_id") references "circuit_templates" ("id"));`);
    this.addSql(`create index "ix_sessions_date" on "sessions" ("date");`);
    this.addSql(`create index "ix_sessions_microcycle_id" on "sessions" ("microcycle_id");`);

    this.addSql(`create table "session_exercises" (
      "id" serial not null,
      "session_id" integer not null,
      "movement_id" integer not null,
      "role" "exerciserole" not null,
      "order_in_session" integer not null,
      "superset_group" integer null,
      "target_sets" integer not null,
      "target_rep_range_min" integer null,
      "target_rep_range_max" integer null,
      "target_rpe" double precision null,
      "target_rir" integer null,
      "target_duration_seconds" integer null,
      "default_rest_seconds" integer null,
      "is_complex_lift" boolean null,
      "substitution_allowed" boolean null,
      "notes" text null,
      constraint "session_exercises_pkey" primary key ("id"),
      constraint "session_exercises_movement_id_fkey" foreign key ("movement_id") references "movements" ("id"),
      constraint "session_exercises_session_id_fkey" foreign key ("session_id") references "sessions" ("id"));`);
    this.addSql(`create index "ix_session_exercises_movement_id" on "session_exercises" ("movement_id");`);
    this.addSql(`create index "ix_session_exercises_session_id" on "session_exercises" ("session_id");`);

    this.addSql(`create table "workout_logs" (
      "id" serial not null,
      "user_id" integer not null,
      "session_id" integer null,
      "date" date not null,
      "completed" boolean not null,
      "notes" text null,
      "perceived_difficulty" integer null,
      "enjoyment_rating" integer null,
      "feedback_tags" json null,
      "actual_duration_minutes" integer null,
      "created_at" timestamp null,
      "visibility" "visibility" not null default 'PRIVATE',
      constraint "workout_logs_pkey" primary key ("id"),
      constraint "workout_logs_session_id_fkey" foreign key ("session_id") references "sessions" ("id"),
      constraint "workout_logs_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    for (const col of ['date', 'session_id', 'user_id']) {
      this.addSql(`create index "ix_workout_logs_${col}" on "workout_logs" ("${col}");`);
    }

    this.addSql(`create table "top_set_logs" (
      "id" serial not null,
      "workout_log_id" integer not null,
      "movement_id" integer not null,
      "weight" double precision not null,
      "reps" integer not null,
      "rpe" double precision null,
      "rir" integer null,
      "avg_rest_seconds" integer null,
      "e1rm_value" double precision null,
      "e1rm_formula" "e1rmformula" null,
      "pattern" "movementpattern" not null,
      "created_at" timestamp null,
      constraint "top_set_logs_pkey" primary key ("id"),
      constraint "top_set_logs_movement_id_fkey" foreign key ("movement_id") references "movements" ("id"),
      constraint "top_set_logs_workout_log_id_fkey" foreign key ("workout_log_id") references "workout_logs" ("id"));`);
    for (const col of ['movement_id', 'pattern', 'workout_log_id']) {
      this.addSql(`create index "ix_top_set_logs_${col}" on "top_set_logs" ("${col}");`);
    }

    this.addSql(`create table "pattern_exposures" (
      "id" serial not null,
      "user_id" integer not null,
      "microcycle_id" integer not null,
      "date" date not null,
      "pattern" "movementpattern" not null,
      "e1rm_value" double precision not null,
      "source_top_set_log_id" integer not null,
      "created_at" timestamp null,
      constraint "pattern_exposures_pkey" primary key ("id"),
      constraint "pattern_exposures_microcycle_id_fkey" foreign key ("microcycle_id") references "microcycles" ("id"),
      constraint "pattern_exposures_source_top_set_log_id_fkey" foreign key ("source_top_set_log_id") references "top_set_logs" ("id"),
      constraint "pattern_exposures_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    for (const col of ['date', 'microcycle_id', 'pattern', 'user_id']) {
      this.addSql(`create index "ix_pattern_exposures_${col}" on "pattern_exposures" ("${col}");`);
    }

    this.addSql(`create table "soreness_logs" (
      "id" serial not null,
      "user_id" integer not null,
      "date" date not null,
      "body_part" varchar(50) not null,
      "soreness_1_5" integer not null,
      "inferred_cause_session_id" integer null,
      "notes" text null,
      "created_at" timestamp null,
      constraint "soreness_logs_pkey" primary key ("id"),
      constraint "soreness_logs_inferred_cause_session_id_fkey" foreign key ("inferred_cause_session_id") references "sessions" ("id"),
      constraint "soreness_logs_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create index "ix_soreness_logs_date" on "soreness_logs" ("date");`);
    this.addSql(`create index "ix_soreness_logs_user_id" on "soreness_logs" ("user_id");`);

    this.addSql(`create table "recovery_signals" (
      "id" serial not null,
      "user_id" integer not null,
      "date" date not null,
      "session_id" integer null,
      "source" "recoverysource" not null,
      "hrv" double precision null,
      "resting_hr" integer null,
      "sleep_score" double precision null,
      "sleep_hours" double precision null,
      "readiness" double precision null,
      "notes" text null,
      "created_at" timestamp null,
      "raw_payload_json" json null,
      constraint "recovery_signals_pkey" primary key ("id"),
      constraint "recovery_signals_session_id_fkey" foreign key ("session_id") references "sessions" ("id"),
      constraint "recovery_signals_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create index "ix_recovery_signals_date" on "recovery_signals" ("date");`);
    this.addSql(`create index "ix_recovery_signals_user_id" on "recovery_signals" ("user_id");`);

    this.addSql(`create table "conversation_threads" (
      "id" serial not null,
      "user_id" integer not null,
      "context_type" varchar(50) not null,
      "context_date" timestamp null,
      "context_session_id" integer null,
      "is_active" boolean null,
      "final_plan_accepted" boolean null,
      "accepted_plan_json" json null,
      "created_at" timestamp null,
      "updated_at" timestamp null,
      constraint "conversation_threads_pkey" primary key ("id"),
      constraint "conversation_threads_context_session_id_fkey" foreign key ("context_session_id") references "sessions" ("id"),
      constraint "conversation_threads_user_id_fkey" foreign key ("user_id") references "users" ("id"));`);
    this.addSql(`create index "ix_conversation_threads_user_id" on "conversation_threads" ("user_id");`);

    this.addSql(`create table "conversation_turns" (
      "id" serial not null,
      "thread_id" integer not null,
      "turn_number" integer not null,
      "role" varchar(20) not null,
      "content" text not null,
      "structured_response_json" json null,
      "created_at" timestamp null,
      constraint "conversation_turns_pkey" primary key ("id"),
      constraint "conversation_turns_thread_id_fkey" foreign key ("thread_id") references "conversation_threads" ("id"));`);
    this.addSql(`create index "ix_conversation_turns_thread_id" on "conversation_turns" ("thread_id");`);

    this.addSql(`create table "movement_relationships" (
      "id" serial not null,
      "source_movement_id" integer not null,
      "target_movement_id" integer not null,
      "relationship_type" varchar(50) not null,
      "notes" text null,
      constraint "movement_relationships_pkey" primary key ("id"),
      constraint "movement_relationships_source_movement_id_fkey" foreign key ("source_movement_id") references "movements" ("id"),
      constraint "movement_relationships_target_movement_id_fkey" foreign key ("target_movement_id") references "movements" ("id"));`);
    for (const col of ['relationship_type', 'source_movement_id', 'target_movement_id']) {
      this.addSql(`create index "ix_movement_relationships_${col}" on "movement_relationships" ("${col}");`);
    }
  }

  override down(): void {
    for (const table of [
      'movement_relationships', 'conversation_turns', 'conversation_threads', 'recovery_signals', 'soreness_logs',
      'pattern_exposures', 'top_set_logs', 'workout_logs', 'session_exercises', 'sessions', 'microcycles', 'programs',
      'user_enjoyable_activities', 'user_movement_rules', 'user_settings', 'movements', 'circuit_templates',
      'heuristic_configs', 'users',
    ]) {
      this.addSql(`drop table "${table}";`);
    }
    for (const type of [
      'circuittype', 'e1rmformula', 'enjoyableactivity', 'exerciserole', 'experiencelevel', 'goal', 'microcyclestatus',
      'movementpattern', 'movementruletype', 'personaaggression', 'personatone', 'progressionstyle', 'recoverysource',
      'rulecadence', 'sessiontype', 'splittemplate', 'visibility',
    ]) {
      this.addSql(`drop type "${type}";`);
    }
  }
}
