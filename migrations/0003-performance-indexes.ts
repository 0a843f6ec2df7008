import { Migration } from '@mikro-orm/migrations';

/**
 * The indexes the library adds to upstream's schema for performance, as `[name, table, CREATE
 * INDEX statement]`. Upstream creates none of them; each is what a repository method needs:
 *
 * - `gainsly_ix_pattern_exposures_source_top_set_log_id`: the foreign key to `top_set_logs`.
 *   Without it, deleting a top set (or a workout, or a user) scans every exposure of every user
 *   per deleted row: 12 s to delete one workout in a 1,000-user database.
 * - `gainsly_ix_pattern_exposures_user_microcycle`: the pattern strength index, trends and e1RM
 *   history read a user's exposures by microcycle; covering (`include`), so they are index-only
 *   scans whatever the heap layout (one user's rows are spread among every other user's).
 * - `gainsly_ix_movements_equipment_tags`, `gainsly_ix_movements_discipline_tags`: movement search
 *   by tag (`equipment_tags::jsonb @> '["barbell"]'`) without a json → jsonb cast of every row.
 *   The columns stay `json`, as upstream has them.
 *
 * Named `gainsly_ix_…` so they can never take a name upstream's own migrations may create (see
 * `FOREIGN_KEY_INDEXES` in migration 0004).
 *
 * `if not exists`, so `adopt` (which creates them on a database the upstream app made) and an
 * operator who built them beforehand with `create index concurrently` (no write lock on a live
 * table; same names) leave this migration nothing to do.
 */
export const PERFORMANCE_INDEXES: readonly (readonly [name: string, table: string, sql: string])[] = [
  [
    'gainsly_ix_pattern_exposures_source_top_set_log_id',
    'pattern_exposures',
    'create index if not exists "gainsly_ix_pattern_exposures_source_top_set_log_id" on "pattern_exposures" ("source_top_set_log_id")',
  ],
  [
    'gainsly_ix_pattern_exposures_user_microcycle',
    'pattern_exposures',
    'create index if not exists "gainsly_ix_pattern_exposures_user_microcycle" on "pattern_exposures" ("user_id", "microcycle_id", "date") include ("pattern", "e1rm_value")',
  ],
  [
    'gainsly_ix_movements_equipment_tags',
    'movements',
    'create index if not exists "gainsly_ix_movements_equipment_tags" on "movements" using gin ((equipment_tags::jsonb) jsonb_path_ops)',
  ],
  [
    'gainsly_ix_movements_discipline_tags',
    'movements',
    'create index if not exists "gainsly_ix_movements_discipline_tags" on "movements" using gin ((discipline_tags::jsonb) jsonb_path_ops)',
  ],
];

/**
 * Indexes for the foreign key `pattern_exposures.source_top_set_log_id`, the pattern strength
 * queries and movement search by tag (see {@link PERFORMANCE_INDEXES}). Creating them takes a
 * write lock on `pattern_exposures` and `movements` for as long as the build lasts (seconds on
 * millions of exposures): on a large live database, build them first with
 * `create index concurrently if not exists …` (same names and definitions), then migrate.
 */
export class Migration0003PerformanceIndexes extends Migration {
  override name = '0003-performance-indexes';

  override up(): void {
    for (const [, , sql] of PERFORMANCE_INDEXES) this.addSql(`${sql};`);
  }

  override down(): void {
    for (const [name] of [...PERFORMANCE_INDEXES].reverse()) this.addSql(`drop index if exists "${name}";`);
  }
}
