// Indexes proposed for a future migration (see bench/README.md, "Indexes"), created only on the
// benchmark databases with --what-if-indexes so their effect can be measured side by side. They are
// not part of the library's migrations: a migration must ship together with the entities' @Index
// declarations (or MikroORM's schema diff drops them) and doctor's expected schema.
import type pg from 'pg';

export const PROPOSED_INDEXES: readonly { name: string; sql: string; why: string }[] = [
  {
    name: 'ix_pattern_exposures_user_microcycle',
    sql: 'create index if not exists ix_pattern_exposures_user_microcycle on pattern_exposures (user_id, microcycle_id, date) include (pattern, e1rm_value)',
    why: 'PSI / trends: index-only scans of one user\'s exposures, whatever the heap layout and the other users\' data',
  },
  {
    name: 'ix_pattern_exposures_source_top_set_log_id',
    sql: 'create index if not exists ix_pattern_exposures_source_top_set_log_id on pattern_exposures (source_top_set_log_id)',
    why: 'the foreign key to top_set_logs: deleting a top set (or a workout) otherwise scans every exposure of every user',
  },
  {
    name: 'ix_movements_equipment_tags',
    sql: 'create index if not exists ix_movements_equipment_tags on movements using gin ((equipment_tags::jsonb) jsonb_path_ops)',
    why: 'search by equipment tag (`equipment_tags::jsonb @> ...`): no per-row json->jsonb cast; the column stays json',
  },
  {
    name: 'ix_movements_discipline_tags',
    sql: 'create index if not exists ix_movements_discipline_tags on movements using gin ((discipline_tags::jsonb) jsonb_path_ops)',
    why: 'search by discipline tag, same shape',
  },
];

/** Creates (want = true) or drops the proposed indexes, then analyzes the tables. */
export async function applyProposedIndexes(client: pg.Client, want: boolean): Promise<void> {
  for (const index of PROPOSED_INDEXES) {
    await client.query(want ? index.sql : `drop index if exists ${index.name}`);
  }
  await client.query('vacuum (analyze) pattern_exposures, movements');
}

/** Single-column foreign keys whose column no index starts with: deleting a parent row scans the child table. */
export async function unindexedForeignKeys(client: pg.Client): Promise<{ fk: string; rows: number }[]> {
  const { rows } = await client.query<{ fk: string; rows: string }>(`
    select c.conrelid::regclass || '.' || a.attname || ' -> ' || c.confrelid::regclass as fk,
           greatest(t.reltuples, 0)::bigint as rows
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_class t on t.oid = c.conrelid
     where c.contype = 'f' and array_length(c.conkey, 1) = 1 and c.connamespace = 'public'::regnamespace
       and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
     order by 2 desc, 1`);
  return rows.map((r) => ({ fk: r.fk, rows: Number(r.rows) }));
}
