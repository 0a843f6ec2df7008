import { MIGRATIONS } from '../../../migrations/index.js';
import type { Catalog } from '../catalog.js';
import { qualified, type SqlRunner } from '../../orm/sql-helpers.js';
import { MIN_UPSTREAM_REVISION, UPSTREAM_REVISIONS } from '../expected-schema.js';
import type { DoctorFinding, DoctorMigrations } from './types.js';

/** `alembic_version.version_num` (upstream's revision), or `null` when the table has no row. @internal */
export async function readAlembicVersion(run: SqlRunner, schema: string): Promise<string | null> {
  const rows = await run(`select version_num::text as v from ${qualified(schema, 'alembic_version')} limit 1`);
  return rows[0]?.v == null ? null : String(rows[0].v);
}

/** Whether an upstream revision predates {@link MIN_UPSTREAM_REVISION} (adopt wants upstream at head first). @internal */
export function isOlderRevision(revision: string): boolean {
  const index = UPSTREAM_REVISIONS.indexOf(revision);
  return index >= 0 && index < UPSTREAM_REVISIONS.indexOf(MIN_UPSTREAM_REVISION);
}

const stripExtension = (name: string) => name.replace(/\.[jt]s$/, '');

/** Which of the library's migrations the migrations table records, and which it does not know. @internal */
export async function inspectMigrations(run: SqlRunner, catalog: Catalog, schema: string, table: string): Promise<DoctorMigrations> {
  const known = MIGRATIONS.map((m) => m.name);
  const tableExists = catalog.tables[table] !== undefined;
  let recorded: string[] = [];
  if (tableExists) {
    const rows = await run(`select name from ${qualified(schema, table)} order by id`);
    recorded = rows.map((r) => stripExtension(String(r.name)));
  }
  const applied = known.filter((n) => recorded.includes(n));
  const pending = known.filter((n) => !recorded.includes(n));
  const unknown = [...new Set(recorded.filter((n) => !known.includes(n)))];
  const findings: DoctorFinding[] = [];
  if (pending.length > 0) {
    findings.push({
      severity: 'fixable',
      kind: 'migrations_not_recorded',
      table,
      message:
        applied.length === 0
          ? `The library's migrations are not recorded (${pending.join(', ')}): \`gainsly-db adopt\` (adopt(orm) in code) records them once the schema matches, so \`gainsly-db migrate\` has nothing to do`
          : `Library migrations not applied: ${pending.join(', ')} (run \`gainsly-db migrate\`, or migrate(orm) in code)`,
      expected: known.join(', '),
      actual: applied.length ? applied.join(', ') : tableExists ? '(none recorded)' : `(no ${table} table)`,
    });
  }
  for (const name of unknown) {
    findings.push({
      severity: 'error',
      kind: 'migration_unknown',
      table,
      name,
      message: `${table} records migration "${name}", which this version of @gainsly/db does not know: the database was probably migrated by a newer version; upgrade the library`,
    });
  }
  return { table, tableExists, applied, pending, unknown, findings };
}
