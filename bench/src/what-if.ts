// The performance indexes of migration 0003 (migrations/0003-performance-indexes.ts), which the
// bench databases get from `migrate` like any database. `--what-if-no-indexes` drops them on the
// bench databases, to measure what they buy; every other run (re)creates them, so a database kept
// from a what-if run is measured with them again.
import type pg from 'pg';
import { PERFORMANCE_INDEXES } from '../../migrations/0003-performance-indexes.js';

export const SHIPPED_INDEXES: readonly { name: string; table: string; sql: string }[] = PERFORMANCE_INDEXES.map(([name, table, sql]) => ({ name, table, sql }));

/** Creates (`present`, the shipped state: a no-op after `migrate`) or drops the indexes, then analyzes the tables. */
export async function setPerformanceIndexes(client: pg.Client, present: boolean): Promise<void> {
  for (const index of SHIPPED_INDEXES) {
    await client.query(present ? index.sql : `drop index if exists ${index.name}`);
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
