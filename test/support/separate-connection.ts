/**
 * "Nothing was written", checked the only way that proves it: after the call has returned, from a
 * NEW connection of its own (no test transaction, no ORM, no pool shared with the code under test),
 * so a rollback by the harness cannot be what keeps the tables clean, and a write that another
 * connection can see is seen.
 */
import { isMigrationTable } from './database.js';
import { quoteIdent, withRawClient } from './pg-client.js';

/** Per table: its row count and a digest of its contents (changes on any insert, update or delete). */
export type TableSnapshot = Record<string, { rows: number; digest: string | null }>;

/**
 * Every table of schema `public` but the migration tables, read over a fresh `pg` connection that is
 * closed before this returns.
 *
 * @example
 * ```ts
 * const before = await snapshotTables(db.url);
 * await expect(me.workouts.log(bad)).rejects.toThrow(GainslyValidationError);
 * expect(await snapshotTables(db.url)).toEqual(before);
 * ```
 */
export async function snapshotTables(url: string): Promise<TableSnapshot> {
  return withRawClient(url, async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by tablename");
    const names = tables.map((t) => t.tablename).filter((t) => !isMigrationTable(t));
    // One statement (one snapshot of the database), one row per table.
    const { rows } = await client.query<{ name: string; rows: number; digest: string | null }>(
      names
        .map((name) => `select ${quoteLiteral(name)} as name, count(*)::int as rows, md5(string_agg(x.r, E'\\n' order by x.r)) as digest from (select t::text as r from public.${quoteIdent(name)} t) x`)
        .join(' union all '),
    );
    const out: TableSnapshot = {};
    for (const row of rows) out[row.name] = { rows: row.rows, digest: row.digest };
    return out;
  });
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Row counts only, per table, over a fresh connection (see {@link snapshotTables}). */
export async function countRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  return withRawClient(url, async (client) => {
    const out: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from public.${quoteIdent(table)}`);
      out[table] = rows[0]!.n;
    }
    return out;
  });
}

/**
 * Makes the next write of `event` on `table` fail inside PostgreSQL (a trigger raising SQLSTATE
 * 23514), optionally only for rows matching `when` (an SQL condition on NEW/OLD). Returns a function
 * that removes the trigger. Lets a test break the SECOND statement of a workflow after its first
 * write went through.
 */
export async function failWritesTo(url: string, table: string, event: 'insert' | 'update' | 'delete', when?: string): Promise<() => Promise<void>> {
  const name = `gainsly_test_fail_${table}_${event}`;
  await withRawClient(url, async (client) => {
    await client.query(`create or replace function ${quoteIdent(name)}() returns trigger language plpgsql as $$
      begin raise exception 'planted failure on % of %', TG_OP, TG_TABLE_NAME using errcode = '23514'; end $$`);
    await client.query(
      `create trigger ${quoteIdent(name)} before ${event} on public.${quoteIdent(table)} for each row ${when ? `when (${when}) ` : ''}execute function ${quoteIdent(name)}()`,
    );
  });
  return () =>
    withRawClient(url, async (client) => {
      await client.query(`drop trigger if exists ${quoteIdent(name)} on public.${quoteIdent(table)}`);
      await client.query(`drop function if exists ${quoteIdent(name)}()`);
    });
}
