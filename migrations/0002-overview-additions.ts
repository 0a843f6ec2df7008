import { Migration } from '@mikro-orm/migrations';
import { UTC_NOW } from '../src/orm/columns.js';

/**
 * The documented defaults (docs/data-model.md, "Enums" and "Tables") that upstream applies only in
 * Python. As server defaults they also hold for raw SQL inserts (a NOT NULL column with no default
 * made every raw insert spell them out), and they change no existing row.
 */
export const OVERVIEW_DEFAULTS: readonly (readonly [table: string, column: string, sql: string])[] = [
  ['users', 'experience_level', `'INTERMEDIATE'`],
  ['users', 'persona_tone', `'SUPPORTIVE'`],
  ['users', 'persona_aggression', `'BALANCED'`],
  ['user_settings', 'active_e1rm_formula', `'EPLEY'`],
  ['user_settings', 'use_metric', 'true'],
  ['user_movement_rules', 'cadence', `'PER_MICROCYCLE'`],
  ['user_enjoyable_activities', 'recommend_every_days', '28'],
  ['user_enjoyable_activities', 'enabled', 'true'],
  ['programs', 'deload_every_n_microcycles', '4'],
  ['programs', 'is_active', 'true'],
  ['microcycles', 'status', `'PLANNED'`],
  ['microcycles', 'is_deload', 'false'],
  ['session_exercises', 'is_complex_lift', 'false'],
  ['session_exercises', 'substitution_allowed', 'true'],
  ['movements', 'cns_load', `'moderate'`],
  ['movements', 'skill_level', `'intermediate'`],
  ['movements', 'compound', 'true'],
  ['movements', 'is_complex_lift', 'false'],
  ['movements', 'is_unilateral', 'false'],
  ['movements', 'metric_type', `'reps'`],
  ['circuit_templates', 'difficulty_tier', '1'],
  ['workout_logs', 'completed', 'true'],
  ['recovery_signals', 'source', `'DUMMY'`],
  ['heuristic_configs', 'active', 'false'],
  ['conversation_threads', 'is_active', 'true'],
  ['conversation_threads', 'final_plan_accepted', 'false'],
  ...['programs', 'workout_logs', 'top_set_logs', 'pattern_exposures', 'soreness_logs', 'recovery_signals', 'heuristic_configs', 'conversation_threads', 'conversation_turns'].map(
    (table) => [table, 'created_at', UTC_NOW] as const,
  ),
  ['conversation_threads', 'updated_at', UTC_NOW],
];

/**
 * What docs/data-model.md (and upstream's own models) have that no upstream migration creates:
 * `movements.tags`, the `WAVE_LOADING` progression style and the documented defaults as server
 * defaults. Written with IF NOT EXISTS so it
 * is also the step `adopt` runs on a database the upstream app made.
 */
export class Migration0002OverviewAdditions extends Migration {
  override name = '0002-overview-additions';

  override up(): void {
    // PostgreSQL >= 12 allows ADD VALUE inside a transaction; the label just cannot be used
    // until the transaction commits, and nothing here uses it.
    this.addSql(`alter type "progressionstyle" add value if not exists 'WAVE_LOADING';`);
    this.addSql(`alter table "movements" add column if not exists "tags" json null;`);
    for (const [table, column, value] of OVERVIEW_DEFAULTS) {
      this.addSql(`alter table "${table}" alter column "${column}" set default ${value};`);
    }
  }

  override down(): void {
    // PostgreSQL cannot drop an enum label: rebuild the type without it. Fails (and rolls back)
    // if a program still uses WAVE_LOADING, rather than losing that row's value.
    for (const [table, column] of OVERVIEW_DEFAULTS) {
      this.addSql(`alter table "${table}" alter column "${column}" drop default;`);
    }
    this.addSql(`alter table "movements" drop column "tags";`);
    this.addSql(`alter type "progressionstyle" rename to "progressionstyle_with_wave_loading";`);
    this.addSql(`create type "progressionstyle" as enum ('SINGLE_PROGRESSION', 'DOUBLE_PROGRESSION', 'PAUSED_VARIATIONS', 'BUILD_TO_DROP');`);
    this.addSql(`alter table "programs" alter column "progression_style" type "progressionstyle" using "progression_style"::text::"progressionstyle";`);
    this.addSql(`drop type "progressionstyle_with_wave_loading";`);
  }
}
