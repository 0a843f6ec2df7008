import type { DoctorFinding, DoctorReport } from './doctor/types.js';
import { LIBRARY_ADDED_TABLE_DDL } from './expected-schema.js';
import { quoteIdent } from '../orm/sql-helpers.js';

/**
 * The tables the library's own migrations create (none yet: `LIBRARY_ADDED_TABLES` is the
 * generated difference between migration 0001 and the whole chain). Upstream's Alembic chain will
 * never create them, so on an upstream database a missing one is `fixable`: `adopt` creates it
 * with its migration's statements, inside its transaction. A missing upstream table stays an error.
 */

/**
 * The finding for a missing table: `fixable` when the library adds it (its DDL is known), else
 * `undefined` (doctor reports the usual `table_missing` error). `ddl` defaults to the generated
 * {@link LIBRARY_ADDED_TABLE_DDL}; tests pass their own.
 * @internal
 */
export function missingLibraryTable(name: string, schema: string, ddl: Readonly<Record<string, readonly string[]>> = LIBRARY_ADDED_TABLE_DDL): DoctorFinding | undefined {
  const statements = ddl[name];
  if (!statements || statements.length === 0) return undefined;
  return {
    severity: 'fixable',
    kind: 'table_missing',
    table: name,
    message: `Table ${name} is missing (the library's migrations create it; upstream's do not)`,
    fix: [`set local search_path to ${quoteIdent(schema)}`, ...statements].join(';\n'),
  };
}

/** One table `adopt` creates: the statements (unqualified: run with the search path on the target schema) and what it says it did. @internal */
export interface PlannedTable {
  table: string;
  statements: readonly string[];
  change: string;
}

/**
 * The library-added tables a report finds missing, with the statements that create them, in the
 * order of `ddl` (a migration creating two tables lists them in its order; the generated map is
 * sorted by name, and a library table referencing another is created by one migration).
 * @internal
 */
export function plannedTables(report: DoctorReport, ddl: Readonly<Record<string, readonly string[]>> = LIBRARY_ADDED_TABLE_DDL): PlannedTable[] {
  const missing = new Set(
    report.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'fixable' && f.kind === 'table_missing' && f.table !== undefined).map((f) => f.table!),
  );
  return Object.keys(ddl)
    .filter((table) => missing.has(table))
    .map((table) => ({ table, statements: ddl[table]!, change: `created table ${table} (the library's migrations add it)` }));
}
