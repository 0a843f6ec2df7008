import type { MikroORM } from '@mikro-orm/postgresql';
import type { AnyMikroORM } from '../../orm/context.js';
import { ormRunner, readCatalog } from '../catalog.js';
import { type SqlRunner } from '../../orm/sql-helpers.js';
import { expectedCatalog, MIN_UPSTREAM_REVISION } from '../expected-schema.js';
import { ormLocation, type OrmLocation } from '../sql.js';
import { compareEnums } from './compare-enums.js';
import { compareTable, extraTableFinding } from './compare-tables.js';
import { inspectMigrations, isOlderRevision, readAlembicVersion } from './migrations.js';
import { statusOf, type DatabaseKind, type DoctorFinding, type DoctorOptions, type DoctorReport, type DoctorTableReport } from './types.js';

/**
 * Inspects a live database and reports, table by table, how it differs from what the library's
 * migrations produce: missing or extra tables and columns, type, nullability and default
 * differences, missing enum labels, missing or differently named constraints and indexes, and
 * whether the library's migrations are recorded. It only reads the catalog: it changes nothing
 * (it does not even create the migrations table, unlike MikroORM's migrator).
 *
 * Each finding is an `error` (blocks `adopt`), `fixable` (what `adopt` does) or `tolerated`
 * (upstream's extra tables and nullable columns, `alembic_version`, renamed constraints). Works on
 * PostgreSQL and PGlite.
 *
 * @example
 * ```ts
 * const report = await doctor(orm);
 * if (!report.ok) {
 *   for (const t of report.tables) for (const f of t.findings) console.log(f.severity, f.message);
 * }
 * ```
 */
export async function doctor(target: AnyMikroORM, options: DoctorOptions = {}): Promise<DoctorReport> {
  // Any MikroORM a framework hands out (NestJS's has readonly generics); a Gainsly one at run time.
  const orm = target as unknown as MikroORM;
  return inspectDatabase(ormRunner(orm), ormLocation(orm, options.schema));
}

/**
 * {@link doctor} over any SQL runner (adopt runs it inside its transaction).
 * @internal
 */
export async function inspectDatabase(run: SqlRunner, location: OrmLocation): Promise<DoctorReport> {
  const { schema, migrationsTable } = location;
  const [catalog, versionRows] = await Promise.all([readCatalog(run, schema), run('show server_version')]);
  const serverVersion = versionRows[0]?.server_version == null ? null : String(versionRows[0].server_version);

  const hasAlembic = catalog.tables.alembic_version !== undefined;
  const alembicVersion = catalog.tables.alembic_version?.columns.some((c) => c.name === 'version_num') ? await readAlembicVersion(run, schema) : null;
  const migrations = await inspectMigrations(run, catalog, schema, migrationsTable);

  const expected = expectedCatalog(schema);
  const tables: DoctorTableReport[] = [];
  for (const name of Object.keys(expected.tables).sort()) {
    const findings = compareTable(name, expected.tables[name]!, catalog.tables[name], schema);
    tables.push({ table: name, expected: true, status: statusOf(findings), findings });
  }
  for (const name of Object.keys(catalog.tables).sort()) {
    if (name in expected.tables || name === migrationsTable) continue;
    const finding: DoctorFinding =
      name === 'alembic_version'
        ? {
            severity: 'tolerated',
            kind: 'table_extra',
            table: name,
            message: `alembic_version is upstream's migration bookkeeping${alembicVersion ? ` (revision ${alembicVersion})` : ''}; left alone so the Python app keeps working`,
          }
        : extraTableFinding(name, catalog.tables[name]!);
    tables.push({ table: name, expected: false, status: finding.severity, findings: [finding] });
  }

  const enums = compareEnums(expected, catalog, schema);

  const presentExpected = Object.keys(expected.tables).filter((t) => catalog.tables[t] !== undefined).length;
  const kind: DatabaseKind =
    presentExpected === 0 && !hasAlembic
      ? 'empty'
      : migrations.applied.length > 0
        ? hasAlembic
          ? 'adopted'
          : 'library'
        : hasAlembic
          ? 'upstream'
          : 'unknown';

  const notes: string[] = [];
  if (kind === 'empty') {
    notes.push('The database has none of the library\'s tables: run `gainsly-db migrate` (migrate(orm) in code) to create them; `gainsly-db adopt` is for databases the upstream app made.');
    // Nothing to record yet: migrate creates the schema and records the migrations; adopt refuses an empty database.
    for (const finding of migrations.findings) {
      if (finding.kind !== 'migrations_not_recorded') continue;
      finding.severity = 'error';
      finding.message = `No library migration is applied (${migrations.pending.join(', ')}): \`gainsly-db migrate\` (migrate(orm) in code) creates the schema and records them`;
      delete finding.fix;
    }
  }
  if (alembicVersion && isOlderRevision(alembicVersion)) {
    notes.push(
      `alembic_version is ${alembicVersion}, older than ${MIN_UPSTREAM_REVISION}: run upstream's "alembic upgrade head" (or at least ${MIN_UPSTREAM_REVISION}) before adopting, so the library does not create what a later upstream revision would create again.`,
    );
  }
  if (kind === 'unknown' && migrations.pending.length > 0) {
    notes.push('The tables exist but neither alembic_version nor the library\'s migrations table does: the database was probably made by the upstream models (create_all); `gainsly-db adopt` (adopt(orm) in code) records the migrations once the schema matches.');
  }

  const summary = { errors: 0, fixable: 0, tolerated: 0 };
  for (const f of [...tables, ...enums].flatMap((t) => t.findings).concat(migrations.findings)) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'fixable') summary.fixable++;
    else summary.tolerated++;
  }
  return {
    ok: summary.errors === 0 && summary.fixable === 0,
    schema,
    database: { kind, alembicVersion, serverVersion, notes },
    migrations,
    tables,
    enums,
    summary,
  };
}
