// The report doctor returns (typed, JSON-serialisable) and its vocabulary: severities, finding kinds,
// per-table and per-enum reports. Shared by every comparator, the fix planner and adopt.

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

/** `ok`, or the worst severity among an object's findings. @internal */
export function statusOf(findings: readonly DoctorFinding[]): DoctorStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'fixable')) return 'fixable';
  if (findings.length > 0) return 'tolerated';
  return 'ok';
}
