import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the five foreign keys upstream's schema leaves unindexed, as `[name, table, CREATE
 * INDEX statement]`. Without them, deleting (or changing the id of) a session scans every row of
 * `recovery_signals`, `soreness_logs` and `conversation_threads` to check for references, and
 * deleting a circuit template scans `sessions` twice: per deleted row, whatever the number of
 * users (the bench's 1,000-user database holds 1.8M recovery signals).
 *
 * Named `gainsly_ix_…`, not with upstream's `ix_<table>_<column>`: that is the name SQLAlchemy
 * gives `index=True`, so if upstream ever indexes one of these columns, its Alembic migration
 * (`op.create_index`, no `if not exists`) would fail on a database this migration ran on. With our
 * own prefix it succeeds; `doctor` then lists upstream's as an extra index of the same shape.
 *
 * `if not exists`, so `adopt` (which creates them on a database the upstream app made) and an
 * operator who built them beforehand with `create index concurrently` leave this migration
 * nothing to do.
 */
export const FOREIGN_KEY_INDEXES: readonly (readonly [name: string, table: string, sql: string])[] = [
  ['gainsly_ix_sessions_main_circuit_id', 'sessions', 'create index if not exists "gainsly_ix_sessions_main_circuit_id" on "sessions" ("main_circuit_id")'],
  ['gainsly_ix_sessions_finisher_circuit_id', 'sessions', 'create index if not exists "gainsly_ix_sessions_finisher_circuit_id" on "sessions" ("finisher_circuit_id")'],
  ['gainsly_ix_soreness_logs_inferred_cause_session_id', 'soreness_logs', 'create index if not exists "gainsly_ix_soreness_logs_inferred_cause_session_id" on "soreness_logs" ("inferred_cause_session_id")'],
  ['gainsly_ix_recovery_signals_session_id', 'recovery_signals', 'create index if not exists "gainsly_ix_recovery_signals_session_id" on "recovery_signals" ("session_id")'],
  ['gainsly_ix_conversation_threads_context_session_id', 'conversation_threads', 'create index if not exists "gainsly_ix_conversation_threads_context_session_id" on "conversation_threads" ("context_session_id")'],
];

/**
 * Indexes for the foreign keys upstream leaves unindexed (see {@link FOREIGN_KEY_INDEXES}).
 * Creating them takes a write lock on `sessions`, `soreness_logs`, `recovery_signals` and
 * `conversation_threads` for as long as each build lasts: on a large live database, build them
 * first with `create index concurrently if not exists …` (same names and definitions), then
 * migrate.
 */
export class Migration0004ForeignKeyIndexes extends Migration {
  override name = '0004-foreign-key-indexes';

  override up(): void {
    for (const [, , sql] of FOREIGN_KEY_INDEXES) this.addSql(`${sql};`);
  }

  override down(): void {
    for (const [name] of [...FOREIGN_KEY_INDEXES].reverse()) this.addSql(`drop index if exists "${name}";`);
  }
}
