import type { MikroORM } from '@mikro-orm/postgresql';
import type { AnyMikroORM } from '../orm/context.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { ormRunner, readCatalog, type Catalog, type CatalogColumn, type CatalogConstraint, type CatalogIndex, type CatalogTable, type SqlRunner } from './catalog.js';
import { EXPECTED_ENUMS, expectedCatalog, LIBRARY_ADDED_COLUMNS, LIBRARY_ADDED_INDEXES, MIN_UPSTREAM_REVISION, UPSTREAM_REVISIONS } from './expected-schema.js';
import { ormLocation, qualified, quoteIdent, type OrmLocation } from './sql.js';

/**
 * How much a difference matters:
 * - `error`: the library cannot safely work with the database as it is, and `adopt` will not fix it;
 * - `fixable`: `adopt` fixes it without touching a row (a missing `movements.tags`, the missing
 *   `WAVE_LOADING` label, a missing documented server default, a missing performance index of
 *   migration 0003, migrations not recorded);
 * - `tolerated`: different from a fresh library database, but harmless and left alone (upstream's
 *   extra tables and nullable columns, `alembic_version`, renamed constraints, ...).
 *
 * @example
 * ```ts
 * const blocking = report.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'error');
 * ```
 */
export type DoctorSeverity = 'error' | 'fixable' | 'tolerated';

/**
 * What kind of difference a {@link DoctorFinding} describes.
 *
 * @example
 * ```ts
 * const kind: DoctorFindingKind = 'column_missing';
 * ```
 */
export type DoctorFindingKind =
  | 'table_missing'
  | 'table_extra'
  | 'column_missing'
  | 'column_extra'
  | 'column_type'
  | 'column_nullability'
  | 'column_default'
  | 'column_order'
  | 'constraint_missing'
  | 'constraint_differs'
  | 'constraint_renamed'
  | 'constraint_extra'
  | 'index_missing'
  | 'index_differs'
  | 'index_renamed'
  | 'index_extra'
  | 'enum_missing'
  | 'enum_extra'
  | 'enum_label_missing'
  | 'enum_label_extra'
  | 'enum_label_order'
  | 'migrations_not_recorded'
  | 'migration_unknown';

/**
 * One difference between the live database and what the library expects.
 *
 * @example
 * ```ts
 * const finding: DoctorFinding = {
 *   severity: 'fixable', kind: 'column_missing', table: 'movements', column: 'tags',
 *   message: 'movements.tags is missing (the overview and upstream models declare it; no upstream migration creates it)',
 *   expected: 'json null', fix: 'alter table "public"."movements" add column if not exists "tags" json null',
 * };
 * ```
 */
export interface DoctorFinding {
  severity: DoctorSeverity;
  kind: DoctorFindingKind;
  message: string;
  table?: string;
  column?: string;
  /** Constraint, index or enum type the finding is about. */
  name?: string;
  /** For enum label findings: the label. */
  label?: string;
  expected?: string;
  actual?: string;
  /** For `fixable` findings: the statement `adopt` runs. */
  fix?: string;
}

/**
 * `ok`, or the worst severity among an object's findings.
 *
 * @example
 * ```ts
 * const status: DoctorStatus = report.tables.find((t) => t.table === 'movements')!.status; // 'fixable'
 * ```
 */
export type DoctorStatus = 'ok' | DoctorSeverity;

/**
 * The findings for one table.
 *
 * @example
 * ```ts
 * const t: DoctorTableReport = { table: 'users', expected: true, status: 'ok', findings: [] };
 * ```
 */
export interface DoctorTableReport {
  table: string;
  /** Whether the table is one of the library's 19. */
  expected: boolean;
  status: DoctorStatus;
  findings: DoctorFinding[];
}

/**
 * The findings for one PostgreSQL enum type.
 *
 * @example
 * ```ts
 * const e: DoctorEnumReport = { enum: 'visibility', expected: true, status: 'ok', findings: [] };
 * ```
 */
export interface DoctorEnumReport {
  enum: string;
  /** Whether the type is one of the library's 17. */
  expected: boolean;
  status: DoctorStatus;
  findings: DoctorFinding[];
}

/**
 * The state of the library's migrations in the database.
 *
 * @example
 * ```ts
 * if (report.migrations.pending.length) console.log(`not recorded: ${report.migrations.pending.join(', ')}`);
 * ```
 */
export interface DoctorMigrations {
  /** The table the library records its migrations in (`gainsly_db_migrations`). */
  table: string;
  tableExists: boolean;
  /** Library migrations recorded as applied, in order. */
  applied: string[];
  /** Library migrations not recorded. */
  pending: string[];
  /** Names recorded in the table that this version of the library does not know. */
  unknown: string[];
  findings: DoctorFinding[];
}

/**
 * What the database looks like:
 * `empty` (none of the 19 tables), `upstream` (made by the Python app: `alembic_version`, no library
 * migrations recorded), `adopted` (upstream, then adopted), `library` (made by `migrate`),
 * `unknown` (tables without either bookkeeping table).
 *
 * @example
 * ```ts
 * if (report.database.kind === 'upstream') await adopt(orm);
 * ```
 */
export type DatabaseKind = 'empty' | 'upstream' | 'adopted' | 'library' | 'unknown';

/**
 * The result of {@link doctor}: typed and JSON-serialisable.
 *
 * @example
 * ```ts
 * const report = await doctor(orm);
 * console.log(JSON.stringify(report, null, 2));
 * ```
 */
export interface DoctorReport {
  /** No `error` and no `fixable` finding: the library can use the database as it is. */
  ok: boolean;
  schema: string;
  database: {
    kind: DatabaseKind;
    /** `alembic_version.version_num`, or `null` without the table or without a row. */
    alembicVersion: string | null;
    /** `server_version`, e.g. `15.20`. */
    serverVersion: string | null;
    /** Advice that concerns the database as a whole. */
    notes: string[];
  };
  migrations: DoctorMigrations;
  /** The library's 19 tables (in name order), then every other table. */
  tables: DoctorTableReport[];
  /** The library's 17 enum types, then every other enum type. */
  enums: DoctorEnumReport[];
  summary: { errors: number; fixable: number; tolerated: number };
}

/**
 * Options of {@link doctor}.
 *
 * @example
 * ```ts
 * await doctor(orm, { schema: 'gainsly' });
 * ```
 */
export interface DoctorOptions {
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
}

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
  if (kind === 'empty') notes.push('The database has none of the library\'s tables: run migrate() to create them; adopt() is for databases the upstream app made.');
  if (alembicVersion && isOlderRevision(alembicVersion)) {
    notes.push(
      `alembic_version is ${alembicVersion}, older than ${MIN_UPSTREAM_REVISION}: run upstream's "alembic upgrade head" (or at least ${MIN_UPSTREAM_REVISION}) before adopting, so the library does not create what a later upstream revision would create again.`,
    );
  }
  if (kind === 'unknown' && migrations.pending.length > 0) {
    notes.push('The tables exist but neither alembic_version nor the library\'s migrations table does: the database was probably made by the upstream models (create_all); adopt() records the migrations once the schema matches.');
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

/** One change `adopt` makes: the statement and a sentence saying what it did. @internal */
export interface PlannedFix {
  finding: DoctorFinding;
  sql: string;
  change: string;
}

/** Every `fix` statement of a report's fixable findings, in the order adopt runs them: labels, columns, defaults, indexes. @internal */
export function fixStatements(report: DoctorReport): PlannedFix[] {
  const order: DoctorFindingKind[] = ['enum_label_missing', 'column_missing', 'column_default', 'index_missing'];
  const fixes = [...report.enums, ...report.tables]
    .flatMap((t) => t.findings)
    .filter((f) => f.severity === 'fixable' && f.fix !== undefined);
  return order.flatMap((kind) => fixes.filter((f) => f.kind === kind).map((finding) => ({ finding, sql: finding.fix!, change: describeFix(finding) })));
}

function describeFix(f: DoctorFinding): string {
  switch (f.kind) {
    case 'enum_label_missing':
      return `added label ${f.label} to enum ${f.name}`;
    case 'column_missing':
      return `added column ${f.table}.${f.column} (${f.expected})`;
    case 'column_default':
      return `set the default of ${f.table}.${f.column} to ${f.expected}`;
    case 'index_missing':
      return `created index ${f.name} on ${f.table}`;
    default:
      return f.message;
  }
}

/** Every finding of a report, tables first, then enums, then migrations. @internal */
export function allFindings(report: DoctorReport): DoctorFinding[] {
  return [...report.tables.flatMap((t) => t.findings), ...report.enums.flatMap((e) => e.findings), ...report.migrations.findings];
}

/**
 * A plain-text rendering of a report, one line per finding, for logs and the CLI. Tolerated
 * findings are summarised unless `verbose`.
 *
 * @example
 * ```ts
 * console.log(formatDoctorReport(await doctor(orm)));
 * // doctor: 0 errors, 3 fixable, 20 tolerated (database: upstream, alembic 4fdc46c38149)
 * //   fixable  movements.tags is missing ...
 * ```
 */
export function formatDoctorReport(report: DoctorReport, options: { verbose?: boolean } = {}): string {
  const { errors, fixable, tolerated } = report.summary;
  const db = report.database;
  const lines = [
    `doctor: ${report.ok ? 'OK' : 'NOT OK'}: ${errors} error(s), ${fixable} fixable, ${tolerated} tolerated (database: ${db.kind}${db.alembicVersion ? `, alembic ${db.alembicVersion}` : ''}; migrations applied: ${report.migrations.applied.length}/${report.migrations.applied.length + report.migrations.pending.length})`,
  ];
  for (const note of db.notes) lines.push(`  note     ${note}`);
  let hidden = 0;
  for (const f of allFindings(report)) {
    if (f.severity === 'tolerated' && !options.verbose) {
      hidden++;
      continue;
    }
    lines.push(`  ${f.severity.padEnd(9)}${f.message}`);
  }
  if (hidden > 0) lines.push(`  (${hidden} tolerated difference(s) not shown; use verbose to list them)`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function readAlembicVersion(run: SqlRunner, schema: string): Promise<string | null> {
  const rows = await run(`select version_num::text as v from ${qualified(schema, 'alembic_version')} limit 1`);
  return rows[0]?.v == null ? null : String(rows[0].v);
}

function isOlderRevision(revision: string): boolean {
  const index = UPSTREAM_REVISIONS.indexOf(revision);
  return index >= 0 && index < UPSTREAM_REVISIONS.indexOf(MIN_UPSTREAM_REVISION);
}

const stripExtension = (name: string) => name.replace(/\.[jt]s$/, '');

async function inspectMigrations(run: SqlRunner, catalog: Catalog, schema: string, table: string): Promise<DoctorMigrations> {
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
          ? `The library's migrations are not recorded (${pending.join(', ')}): adopt records them once the schema matches, so migrate() has nothing to do`
          : `Library migrations not applied: ${pending.join(', ')} (run migrate(), or adopt() when the schema already has them)`,
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

function statusOf(findings: readonly DoctorFinding[]): DoctorStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'fixable')) return 'fixable';
  if (findings.length > 0) return 'tolerated';
  return 'ok';
}

function extraTableFinding(name: string, table: CatalogTable): DoctorFinding {
  return {
    severity: 'tolerated',
    kind: 'table_extra',
    table: name,
    message: `${name} is not one of the library's tables (${table.columns.length} columns); left alone`,
  };
}

const columnSpec = (c: Pick<CatalogColumn, 'type' | 'nullable' | 'default'>) =>
  `${c.type} ${c.nullable ? 'null' : 'not null'}${c.default === null ? '' : ` default ${c.default}`}`;

/** `character varying(N)` -> N; unbounded varchar and text -> Infinity; other types -> undefined. */
function textCapacity(type: string): number | undefined {
  const m = /^character varying\((\d+)\)$/.exec(type);
  if (m) return Number(m[1]);
  if (type === 'character varying' || type === 'text') return Number.POSITIVE_INFINITY;
  return undefined;
}

function compareTable(name: string, expected: CatalogTable, actual: CatalogTable | undefined, schema: string): DoctorFinding[] {
  if (!actual) {
    return [{ severity: 'error', kind: 'table_missing', table: name, message: `Table ${name} is missing` }];
  }
  const findings: DoctorFinding[] = [];
  const actualColumns = new Map(actual.columns.map((c) => [c.name, c]));
  const expectedNames = new Set(expected.columns.map((c) => c.name));

  for (const col of expected.columns) {
    const found = actualColumns.get(col.name);
    const where = `${name}.${col.name}`;
    if (!found) {
      const libraryAdded = LIBRARY_ADDED_COLUMNS.some(([t, c]) => t === name && c === col.name);
      findings.push(
        libraryAdded
          ? {
              severity: 'fixable',
              kind: 'column_missing',
              table: name,
              column: col.name,
              message: `${where} is missing (the overview and upstream's models declare it; no upstream migration creates it)`,
              expected: columnSpec(col),
              fix: `alter table ${qualified(schema, name)} add column if not exists ${quoteIdent(col.name)} ${col.type} ${col.nullable ? 'null' : 'not null'}`,
            }
          : {
              severity: 'error',
              kind: 'column_missing',
              table: name,
              column: col.name,
              message: `${where} is missing`,
              expected: columnSpec(col),
            },
      );
      continue;
    }
    if (found.type !== col.type) {
      const want = textCapacity(col.type);
      const have = textCapacity(found.type);
      const wider = want !== undefined && have !== undefined && have >= want;
      findings.push({
        severity: wider ? 'tolerated' : 'error',
        kind: 'column_type',
        table: name,
        column: col.name,
        message: wider ? `${where} is ${found.type}, wider than the expected ${col.type}` : `${where} has type ${found.type}, expected ${col.type}`,
        expected: col.type,
        actual: found.type,
      });
    }
    if (found.nullable !== col.nullable) {
      findings.push({
        severity: 'error',
        kind: 'column_nullability',
        table: name,
        column: col.name,
        message: col.nullable
          ? `${where} is NOT NULL, expected nullable (library inserts that leave it empty would fail)`
          : `${where} is nullable, expected NOT NULL (rows may hold NULL where the library promises a value)`,
        expected: col.nullable ? 'null' : 'not null',
        actual: found.nullable ? 'null' : 'not null',
      });
    }
    if (col.default !== found.default) {
      if (found.default === null && col.default !== null && !col.default.startsWith('nextval(')) {
        findings.push({
          severity: 'fixable',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} has no server default; the overview documents ${col.default}`,
          expected: col.default,
          actual: '(none)',
          fix: `alter table ${qualified(schema, name)} alter column ${quoteIdent(col.name)} set default ${col.default}`,
        });
      } else if (found.default === null) {
        findings.push({
          severity: 'error',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} has no default, expected ${col.default} (an identity or sequence the library cannot recreate safely)`,
          expected: col.default ?? '(none)',
          actual: '(none)',
        });
      } else {
        findings.push({
          severity: 'tolerated',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} defaults to ${found.default}, expected ${col.default ?? 'no default'}; left alone (the library always writes the column)`,
          expected: col.default ?? '(none)',
          actual: found.default,
        });
      }
    }
  }

  for (const col of actual.columns) {
    if (expectedNames.has(col.name)) continue;
    const harmless = col.nullable || col.default !== null;
    findings.push({
      severity: harmless ? 'tolerated' : 'error',
      kind: 'column_extra',
      table: name,
      column: col.name,
      message: harmless
        ? `${name}.${col.name} (${columnSpec(col)}) is not a library column; tolerated because library inserts can leave it ${col.nullable ? 'NULL' : 'to its default'}`
        : `${name}.${col.name} is an extra NOT NULL column without a default: every library insert into ${name} would fail`,
      actual: columnSpec(col),
    });
  }

  const expectedOrder = expected.columns.map((c) => c.name).filter((n) => actualColumns.has(n));
  const actualOrder = actual.columns.map((c) => c.name).filter((n) => expectedNames.has(n));
  if (expectedOrder.join(',') !== actualOrder.join(',')) {
    findings.push({
      severity: 'tolerated',
      kind: 'column_order',
      table: name,
      message: `${name}'s columns are in a different order than upstream's migrations create them (matters only for positional INSERT/COPY)`,
      expected: expectedOrder.join(', '),
      actual: actualOrder.join(', '),
    });
  }

  findings.push(...compareConstraints(name, expected.constraints, actual.constraints));
  findings.push(...compareIndexes(name, expected.indexes, actual.indexes));
  return findings;
}

/** A constraint definition with any schema qualification of the referenced table removed. */
function normaliseConstraint(definition: string): string {
  return definition.replace(/REFERENCES (?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.(?=\S)/, 'REFERENCES ');
}

function compareConstraints(table: string, expected: readonly CatalogConstraint[], allActual: readonly CatalogConstraint[]): DoctorFinding[] {
  // PostgreSQL 18 (and PGlite on it) lists each NOT NULL as a constraint (contype 'n'); nullability
  // is already compared per column, so these are not constraints in the sense of this check.
  const actual = allActual.filter((c) => !/^NOT NULL /.test(c.definition));
  const findings: DoctorFinding[] = [];
  const used = new Set<string>();
  const byName = new Map(actual.map((c) => [c.name, c]));
  const sameAs = (a: CatalogConstraint, b: CatalogConstraint) => a.kind === b.kind && normaliseConstraint(a.definition) === normaliseConstraint(b.definition);
  // Pass 1: same name.
  const unmatched: CatalogConstraint[] = [];
  for (const want of expected) {
    const have = byName.get(want.name);
    if (!have) {
      unmatched.push(want);
      continue;
    }
    used.add(have.name);
    if (!sameAs(want, have)) {
      findings.push({
        severity: 'error',
        kind: 'constraint_differs',
        table,
        name: want.name,
        message: `Constraint ${table}.${want.name} is ${have.definition}, expected ${want.definition}`,
        expected: want.definition,
        actual: have.definition,
      });
    }
  }
  // Pass 2: the same constraint under another name (e.g. SQLAlchemy create_all's default FK names).
  for (const want of unmatched) {
    const twin = actual.find((c) => !used.has(c.name) && sameAs(want, c));
    if (twin) {
      used.add(twin.name);
      findings.push({
        severity: 'tolerated',
        kind: 'constraint_renamed',
        table,
        name: want.name,
        message: `Constraint ${table}.${want.name} exists as ${twin.name} (${twin.definition}); the name is left alone`,
        expected: want.name,
        actual: twin.name,
      });
    } else {
      findings.push({
        severity: 'error',
        kind: 'constraint_missing',
        table,
        name: want.name,
        message: `Constraint ${table}.${want.name} (${want.definition}) is missing`,
        expected: want.definition,
      });
    }
  }
  for (const have of actual) {
    if (used.has(have.name)) continue;
    findings.push({
      severity: 'tolerated',
      kind: 'constraint_extra',
      table,
      name: have.name,
      message: `Constraint ${table}.${have.name} (${have.definition}) is not one of the library's; left alone`,
      actual: have.definition,
    });
  }
  return findings;
}

/** An index definition without its own name and schema, for comparing indexes under different names. */
function indexShape(definition: string): string {
  return definition
    .replace(/^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|\S+) ON /, 'CREATE $1INDEX ? ON ')
    .replace(/ ON (ONLY )?(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.(?=\S)/, ' ON $1');
}

/**
 * The statement that creates an expected index (its catalog definition, qualified with the
 * schema), made idempotent: `CREATE INDEX IF NOT EXISTS name ON schema.table …`.
 */
function createIndexStatement(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ');
}

function compareIndexes(table: string, expected: readonly CatalogIndex[], actual: readonly CatalogIndex[]): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const used = new Set<string>();
  const byName = new Map(actual.map((i) => [i.name, i]));
  const unmatched: CatalogIndex[] = [];
  for (const want of expected) {
    const have = byName.get(want.name);
    if (!have) {
      unmatched.push(want);
      continue;
    }
    used.add(have.name);
    if (indexShape(want.definition) !== indexShape(have.definition)) {
      findings.push({
        severity: 'error',
        kind: 'index_differs',
        table,
        name: want.name,
        message: `Index ${want.name} is "${have.definition}", expected "${want.definition}"`,
        expected: want.definition,
        actual: have.definition,
      });
    }
  }
  for (const want of unmatched) {
    const twin = actual.find((i) => !used.has(i.name) && indexShape(i.definition) === indexShape(want.definition));
    if (twin) {
      used.add(twin.name);
      findings.push({
        severity: 'tolerated',
        kind: 'index_renamed',
        table,
        name: want.name,
        message: `Index ${want.name} exists as ${twin.name}; the name is left alone`,
        expected: want.name,
        actual: twin.name,
      });
    } else if (LIBRARY_ADDED_INDEXES.includes(want.name)) {
      findings.push({
        severity: 'fixable',
        kind: 'index_missing',
        table,
        name: want.name,
        message: `Index ${want.name} on ${table} is missing (a performance index the library adds; upstream does not create it)`,
        expected: want.definition,
        fix: createIndexStatement(want.definition),
      });
    } else {
      findings.push({
        severity: 'error',
        kind: 'index_missing',
        table,
        name: want.name,
        message: `Index ${want.name} on ${table} is missing (${want.definition})`,
        expected: want.definition,
      });
    }
  }
  for (const have of actual) {
    if (used.has(have.name)) continue;
    // Upstream may one day index a column the library already indexes (under its own name: the
    // library's are `gainsly_ix_…`). Both then serve the same lookups and both slow every write.
    const twin = expected.find((want) => LIBRARY_ADDED_INDEXES.includes(want.name) && byName.has(want.name) && indexShape(want.definition) === indexShape(have.definition));
    findings.push({
      severity: 'tolerated',
      kind: 'index_extra',
      table,
      name: have.name,
      message: twin
        ? `Index ${have.name} on ${table} has the same definition as the library's ${twin.name}; one of them is redundant (drop the library's: doctor then accepts ${have.name} in its place)`
        : `Index ${have.name} on ${table} is not one of the library's; left alone`,
      actual: have.definition,
    });
  }
  return findings;
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function compareEnums(expected: Catalog, actual: Catalog, schema: string): DoctorEnumReport[] {
  const reports: DoctorEnumReport[] = [];
  for (const name of Object.keys(EXPECTED_ENUMS).sort()) {
    const want = expected.enums[name]!;
    const have = actual.enums[name];
    const findings: DoctorFinding[] = [];
    if (!have) {
      findings.push({ severity: 'error', kind: 'enum_missing', name, message: `Enum type ${name} is missing`, expected: want.join(', ') });
    } else {
      // Missing labels: add each after its nearest existing predecessor (or before its successor),
      // so the final sort order is the expected one.
      const present = [...have];
      for (let i = 0; i < want.length; i++) {
        const label = want[i]!;
        if (present.includes(label)) continue;
        const after = want.slice(0, i).reverse().find((l) => present.includes(l));
        const before = after === undefined ? want.slice(i + 1).find((l) => present.includes(l)) : undefined;
        const position = after !== undefined ? ` after ${sqlString(after)}` : before !== undefined ? ` before ${sqlString(before)}` : '';
        findings.push({
          severity: 'fixable',
          kind: 'enum_label_missing',
          name,
          label,
          message: `Enum ${name} lacks the label ${label}${name === 'progressionstyle' && label === 'WAVE_LOADING' ? ' (in the overview and upstream\'s model; no upstream migration adds it)' : ''}`,
          expected: want.join(', '),
          actual: have.join(', '),
          fix: `alter type ${qualified(schema, name)} add value if not exists ${sqlString(label)}${position}`,
        });
        if (after !== undefined) present.splice(present.indexOf(after) + 1, 0, label);
        else if (before !== undefined) present.splice(present.indexOf(before), 0, label);
        else present.push(label);
      }
      const extra = have.filter((l) => !want.includes(l));
      for (const label of extra) {
        findings.push({
          severity: 'tolerated',
          kind: 'enum_label_extra',
          name,
          label,
          message: `Enum ${name} has the label ${label}, which the library does not know; rows using it cannot be read through the entities`,
          actual: label,
        });
      }
      const common = want.filter((l) => have.includes(l));
      const haveCommon = have.filter((l) => want.includes(l));
      if (common.join(',') !== haveCommon.join(',')) {
        findings.push({
          severity: 'tolerated',
          kind: 'enum_label_order',
          name,
          message: `Enum ${name} sorts its labels differently (affects ORDER BY only)`,
          expected: common.join(', '),
          actual: haveCommon.join(', '),
        });
      }
    }
    reports.push({ enum: name, expected: true, status: statusOf(findings), findings });
  }
  for (const name of Object.keys(actual.enums).sort()) {
    if (name in EXPECTED_ENUMS) continue;
    const finding: DoctorFinding = {
      severity: 'tolerated',
      kind: 'enum_extra',
      name,
      message: `Enum type ${name} is not one of the library's; left alone`,
      actual: actual.enums[name]!.join(', '),
    };
    reports.push({ enum: name, expected: false, status: 'tolerated', findings: [finding] });
  }
  return reports;
}
