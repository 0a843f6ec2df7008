import { ENUMS, ENUM_COLUMNS, OPEN_CATEGORICAL_COLUMNS, type EnumColumnStorage, type EnumName } from '../enums/index.js';
import { emRunner, parseIntArray, qualified, quoteIdent, schemaOf, toEm, toNumber, type OrmOrEm, type SqlRunner } from '../orm/sql-helpers.js';
import { classifyEnumValue, type ValueStatus } from './values.js';
import { auditSessionPlans, type AuditSessionPlanReport } from './audit-session-plans.js';
import { auditStoredE1rm, type AuditStoredE1rmReport } from './audit-stored-e1rm.js';

/**
 * One distinct value found in a column, with how many rows (or array elements) hold it.
 * For enum-backed columns `status` says whether it is valid; for open columns it is `ok`, or
 * `variant` when a more frequent spelling differs from it only in case or spacing.
 *
 * @example
 * ```ts
 * const v: AuditValue = { value: 'Squat', count: 3, status: 'wrong_case', suggestion: 'squat' };
 * ```
 */
export interface AuditValue {
  value: string;
  count: number;
  status: ValueStatus | 'variant';
  /** The value it was probably meant to be. */
  suggestion?: string;
  /** For JSON arrays: set when the element is not a string (`number`, `object`, ...); `value` is then its JSON text. */
  jsonType?: string;
}

/**
 * The distinct values of one categorical column.
 *
 * @example
 * ```ts
 * const pattern = report.columns.find((c) => c.table === 'movements' && c.column === 'pattern')!;
 * pattern.values.filter((v) => v.status !== 'ok');
 * ```
 */
export interface AuditColumnReport {
  table: string;
  column: string;
  storage: EnumColumnStorage;
  /**
   * `enum`: an enum governs it (docs/data-model.md, "SQL enum columns", "Enum-backed string
   * columns"); `open`: an open category ("Open categorical columns").
   */
  kind: 'enum' | 'open';
  /** The enum the values should come from (enum-backed columns only). */
  enum?: EnumName;
  /** `false` when the table or column does not exist (e.g. `movements.tags` before `adopt`). */
  present: boolean;
  /** Rows with a non-NULL value. */
  rows: number;
  /** Rows whose value is NULL (for JSON arrays: SQL NULL or JSON `null`). */
  nulls: number;
  /** JSON columns only: rows whose value is not an array (an object, a string, ...). */
  notArrays?: number;
  /** Distinct values, most frequent first. */
  values: AuditValue[];
  /** Enum-backed columns: rows (string columns) or elements (JSON arrays) holding a flagged value. */
  flagged: number;
  /** Set when reading the column failed (e.g. invalid JSON stored as text); the audit goes on. */
  error?: string;
}

/**
 * Rows breaking an app-level range: documented, but not enforced by the database
 * (docs/data-model.md, "App-level ranges").
 *
 * @example
 * ```ts
 * const r: AuditRangeReport = { table: 'workout_logs', column: 'enjoyment_rating', min: 1, max: 5, present: true, checked: 40, violations: 2, observedMin: 0, observedMax: 7, sampleIds: [12, 31] };
 * ```
 */
export interface AuditRangeReport {
  table: string;
  column: string;
  min: number;
  max: number;
  present: boolean;
  /** Rows with a non-NULL value. */
  checked: number;
  /** Rows outside `min`–`max`. */
  violations: number;
  observedMin: number | null;
  observedMax: number | null;
  /** Up to 20 ids of violating rows, lowest first. */
  sampleIds: number[];
  error?: string;
}

/**
 * Programs whose microcycle statuses break the lifecycle the upstream app relies on
 * (docs/upstream.md, "Microcycle status"): it finds a program's current week by
 * `status = ACTIVE`, expects at most one, and answers 404 for the day plan of a program that has none.
 *
 * Both findings are repaired by `ProgramRepository.advanceMicrocycle`: on a program with several
 * ACTIVE it completes them all and activates the one after the highest; on one with none it
 * activates the lowest-sequence PLANNED one (choose the week to resume at first, by advancing
 * further or by setting statuses by hand).
 *
 * @example
 * ```ts
 * const r: AuditMicrocycleLifecycleReport = { present: true, programs: 12, severalActive: 1, severalActiveIds: [7], activeWithoutActive: 2, activeWithoutActiveIds: [3, 9] };
 * ```
 */
export interface AuditMicrocycleLifecycleReport {
  /** `false` when `programs.is_active`, `microcycles.program_id` or `microcycles.status` does not exist. */
  present: boolean;
  /** Programs checked (all of them, templates and inactive ones included). */
  programs: number;
  /** Programs with more than one ACTIVE microcycle: always wrong. */
  severalActive: number;
  /** Up to 20 of their ids, lowest first. */
  severalActiveIds: number[];
  /**
   * Active programs (`is_active`) without an ACTIVE microcycle: the app shows no current week.
   * What programs written by library versions before the lifecycle look like.
   */
  activeWithoutActive: number;
  /** Up to 20 of their ids, lowest first. */
  activeWithoutActiveIds: number[];
  error?: string;
}

/**
 * The result of {@link audit}: JSON-serialisable.
 *
 * @example
 * ```ts
 * const report = await audit(orm);
 * if (!report.ok) console.log(report.summary);
 * ```
 */
export interface AuditReport {
  /**
   * Every table the audit reads exists, and it found no flagged enum value, no malformed JSON array,
   * no out-of-range row and no microcycle lifecycle finding. `false` (with {@link AuditReport.reason})
   * when tables are missing: an audit that read nothing is not a clean one.
   */
  ok: boolean;
  /**
   * `true` when none of the tables the audit reads exists in the schema (an empty database, another
   * application's, a `schema` option naming no schema): nothing was audited. `ok` is then `false`.
   */
  nothingToAudit: boolean;
  /** The audited tables absent from the schema, in the audit's order (empty on a Gainsly database). */
  missingTables: string[];
  /** Why `ok` is `false` although nothing was flagged: the schema does not exist, or tables are missing. */
  reason?: string;
  columns: AuditColumnReport[];
  ranges: AuditRangeReport[];
  /** Programs with several ACTIVE microcycles, and active programs with none. */
  microcycleLifecycle: AuditMicrocycleLifecycleReport;
  /** Per `sessions` JSON section column: rows whose JSON the upstream app cannot read. */
  sessionPlans: AuditSessionPlanReport[];
  /** Top sets whose `e1rm_value` is not the formula named in `e1rm_formula` of (weight, reps). */
  storedE1rm: AuditStoredE1rmReport;
  summary: {
    /** Distinct flagged values across enum-backed columns. */
    flaggedValues: number;
    /** Rows / elements holding them. */
    flaggedRows: number;
    /** Rows of JSON columns that are not arrays. */
    malformedRows: number;
    outOfRangeRows: number;
  };
}

/**
 * Options of {@link audit}.
 *
 * @example
 * ```ts
 * await audit(orm, { includeSqlEnums: true });
 * ```
 */
export interface AuditOptions {
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
  /**
   * Also list the values of the 24 SQL enum columns (docs/data-model.md, "SQL enum columns").
   * PostgreSQL already restricts them to the type's labels, so they only show the distribution and
   * labels the library does not know. Default `false`.
   */
  includeSqlEnums?: boolean;
}

/**
 * The app-level ranges the database does not enforce (docs/data-model.md, "App-level ranges").
 * @internal
 */
export const AUDIT_RANGES: readonly { table: string; column: string; min: number; max: number }[] = [
  { table: 'workout_logs', column: 'perceived_difficulty', min: 1, max: 10 },
  { table: 'workout_logs', column: 'enjoyment_rating', min: 1, max: 5 },
  { table: 'soreness_logs', column: 'soreness_1_5', min: 1, max: 5 },
  { table: 'programs', column: 'days_per_week', min: 2, max: 7 },
  { table: 'sessions', column: 'day_number', min: 1, max: 10 },
];

/**
 * The data audit of docs/data-model.md ("Data audit"), automated: for every enum-backed string
 * column and JSON array ("Enum-backed string columns") and every open categorical column and tag
 * array ("Open categorical columns"), the distinct values in the data with their counts. Values of
 * enum-backed columns outside the enum are flagged as `wrong_case` (`'Squat'`), `spacing`
 * (`'horizontal push'`, `'full_body'` for a region) or `unknown`, with the value they were probably
 * meant to be. Also counts rows breaking the ranges documented but not enforced by the database
 * ("App-level ranges": ratings, days per week, soreness, day number), programs whose microcycle
 * statuses the upstream app cannot work with (several ACTIVE microcycles; an active program with none: {@link AuditMicrocycleLifecycleReport}),
 * session plans whose JSON sections the app cannot read ({@link AuditSessionPlanReport}), and top
 * sets whose stored e1RM is not their named formula of (weight, reps) ({@link AuditStoredE1rmReport}:
 * what older versions of this library stored; docs/upstream.md, "Stored e1RM").
 * Read-only; a column that does not exist (yet) is reported as not present. A table that does not
 * exist makes the report not `ok`, with the reason: when none of them exists (an empty or unrelated
 * database, a `schema` naming no schema) `nothingToAudit` is `true` and nothing was audited.
 *
 * Takes an ORM, or an entity manager to run inside its transaction.
 *
 * @example
 * ```ts
 * const report = await audit(orm);
 * for (const col of report.columns) {
 *   for (const v of col.values.filter((v) => v.status !== 'ok')) {
 *     console.log(`${col.table}.${col.column}: "${v.value}" x${v.count} -> ${v.suggestion ?? '?'}`);
 *   }
 * }
 * ```
 */
export async function audit(target: OrmOrEm, options: AuditOptions = {}): Promise<AuditReport> {
  const em = toEm(target);
  const run = emRunner(em);
  const schema = schemaOf(target, options.schema);
  const present = await readColumns(run, schema);
  const tables = auditedTables(options);
  const presentTables = new Set([...present].map((key) => key.slice(0, key.indexOf('.'))));
  const missingTables = tables.filter((table) => !presentTables.has(table));
  // Inside a caller's transaction a failing query would abort it: give each column a savepoint.
  const guarded: Guarded = (fn) => (em.isInTransaction() ? em.transactional((tx) => fn(emRunner(tx))) : fn(run));
  const has = (table: string, column: string) => present.has(`${table}.${column}`);

  const columns: AuditColumnReport[] = [];
  for (const col of ENUM_COLUMNS) {
    if (col.storage === 'sql_enum' && !options.includeSqlEnums) continue;
    columns.push(await auditColumn(guarded, schema, has(col.table, col.column), { ...col, kind: 'enum' }));
  }
  for (const col of OPEN_CATEGORICAL_COLUMNS) {
    columns.push(await auditColumn(guarded, schema, has(col.table, col.column), { ...col, kind: 'open' }));
  }
  const ranges: AuditRangeReport[] = [];
  for (const range of AUDIT_RANGES) ranges.push(await auditRange(guarded, schema, has(range.table, range.column), range));
  const microcycleLifecycle = await auditMicrocycleLifecycle(guarded, schema, has('programs', 'is_active') && has('microcycles', 'program_id') && has('microcycles', 'status'));

  const sessionPlans = await auditSessionPlans(guarded, schema, has);
  const storedE1rm = await auditStoredE1rm(guarded, schema, has);

  const enumValues = columns.filter((c) => c.kind === 'enum').flatMap((c) => c.values.filter((v) => v.status !== 'ok'));
  const summary = {
    flaggedValues: enumValues.length,
    flaggedRows: enumValues.reduce((n, v) => n + v.count, 0),
    malformedRows: columns.reduce((n, c) => n + (c.notArrays ?? 0), 0),
    outOfRangeRows: ranges.reduce((n, r) => n + r.violations, 0),
  };
  const failed = columns.some((c) => c.error) || ranges.some((r) => r.error);
  const lifecycleOk = !microcycleLifecycle.error && microcycleLifecycle.severalActive === 0 && microcycleLifecycle.activeWithoutActive === 0;
  const plansOk = sessionPlans.every((r) => !r.error && r.misfits === 0) && !storedE1rm.error && storedE1rm.mismatched === 0;
  const nothingToAudit = missingTables.length === tables.length;
  const reason = missingTables.length === 0 ? undefined : await absenceReason(run, schema, missingTables, nothingToAudit);
  return {
    ok: missingTables.length === 0 && !failed && lifecycleOk && plansOk && summary.flaggedRows === 0 && summary.malformedRows === 0 && summary.outOfRangeRows === 0,
    nothingToAudit,
    missingTables,
    ...(reason === undefined ? {} : { reason }),
    columns,
    ranges,
    microcycleLifecycle,
    sessionPlans,
    storedE1rm,
    summary,
  };
}

/**
 * The tables the audit reads with these options, in the order it reads them: the ones a report
 * about an absent database names.
 */
function auditedTables(options: AuditOptions): string[] {
  const tables = [
    ...ENUM_COLUMNS.filter((col) => col.storage !== 'sql_enum' || options.includeSqlEnums).map((col) => col.table),
    ...OPEN_CATEGORICAL_COLUMNS.map((col) => col.table),
    ...AUDIT_RANGES.map((range) => range.table),
    'programs',
    'microcycles',
    'sessions',
  ];
  return [...new Set(tables)];
}

/**
 * Says why an audit that found nothing is not clean: no such schema, none of the tables (nothing
 * was audited: the wrong database, or one not migrated), or some of them (an incomplete audit).
 */
async function absenceReason(run: SqlRunner, schema: string, missing: readonly string[], nothing: boolean): Promise<string> {
  if (nothing) {
    const [found] = await run('select exists (select 1 from pg_namespace where nspname = ?) as found', [schema]);
    if (!found?.found) return `nothing to audit: the database has no schema "${schema}"`;
    return `nothing to audit: schema "${schema}" has none of the tables the audit reads (${missing.join(', ')}); is this a Gainsly database, migrated (migrate) or adopted (adopt)?`;
  }
  return `incomplete audit: schema "${schema}" lacks ${missing.length === 1 ? 'the table' : 'the tables'} ${missing.join(', ')}`;
}

async function readColumns(run: SqlRunner, schema: string): Promise<Set<string>> {
  const rows = await run(
    `select c.relname as t, a.attname as c
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    [schema],
  );
  return new Set(rows.map((r) => `${String(r.t)}.${String(r.c)}`));
}

type Guarded = <T>(fn: (run: SqlRunner) => Promise<T>) => Promise<T>;

interface ColumnSpec {
  table: string;
  column: string;
  storage: EnumColumnStorage;
  kind: 'enum' | 'open';
  enum?: EnumName;
}

async function auditColumn(guarded: Guarded, schema: string, exists: boolean, spec: ColumnSpec): Promise<AuditColumnReport> {
  const report: AuditColumnReport = {
    table: spec.table,
    column: spec.column,
    storage: spec.storage,
    kind: spec.kind,
    ...(spec.enum ? { enum: spec.enum } : {}),
    present: exists,
    rows: 0,
    nulls: 0,
    values: [],
    flagged: 0,
  };
  if (!exists) return report;
  try {
    const found = await guarded((run) => readValues(run, qualified(schema, spec.table), quoteIdent(spec.column), spec.storage));
    report.rows = found.rows;
    report.nulls = found.nulls;
    if (found.notArrays !== undefined) report.notArrays = found.notArrays;
    const raw = byFrequency(found.values);
    report.values = spec.kind === 'enum' ? classifyEnumValues(spec, raw) : markVariants(raw);
    report.flagged = spec.kind === 'enum' ? report.values.filter((v) => v.status !== 'ok').reduce((n, v) => n + v.count, 0) : 0;
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  return report;
}

interface RawValue {
  value: string;
  count: number;
  jsonType?: string;
}

/** Distinct values of a column with counts: two statements for a JSON array column, one otherwise. */
async function readValues(
  run: SqlRunner,
  table: string,
  col: string,
  storage: EnumColumnStorage,
): Promise<{ rows: number; nulls: number; notArrays?: number; values: RawValue[] }> {
  if (storage === 'json_array') {
    // `::json` also accepts jsonb; non-arrays are counted, not unnested (unnesting them would fail).
    const [counts] = await run(
      `select count(*) filter (where ${col} is not null and json_typeof(${col}::json) <> 'null')::int as rows,
              count(*) filter (where ${col} is null or json_typeof(${col}::json) = 'null')::int as nulls,
              count(*) filter (where ${col} is not null and json_typeof(${col}::json) not in ('array', 'null'))::int as not_arrays
         from ${table}`,
    );
    const elements = await run(
      `select case when json_typeof(e.value) = 'string' then e.value #>> '{}' else e.value::text end as value,
              json_typeof(e.value) as type, count(*)::int as count
         from ${table} t
        cross join lateral json_array_elements(case when json_typeof(t.${col}::json) = 'array' then t.${col}::json else '[]'::json end) as e(value)
        group by 1, 2`,
    );
    return {
      rows: toNumber(counts?.rows),
      nulls: toNumber(counts?.nulls),
      notArrays: toNumber(counts?.not_arrays),
      values: elements.map((r) => ({ value: String(r.value), count: toNumber(r.count), ...(r.type === 'string' ? {} : { jsonType: String(r.type) }) })),
    };
  }
  const groups = await run(`select ${col}::text as value, count(*)::int as count from ${table} group by 1`);
  const values: RawValue[] = [];
  let nulls = 0;
  for (const g of groups) {
    if (g.value == null) nulls += toNumber(g.count);
    else values.push({ value: String(g.value), count: toNumber(g.count) });
  }
  return { rows: values.reduce((n, v) => n + v.count, 0), nulls, values };
}

function classifyEnumValues(spec: ColumnSpec, raw: RawValue[]): AuditValue[] {
  const codec = ENUMS[spec.enum!];
  return raw.map(({ value, count, jsonType }) => {
    if (jsonType) return { value, count, status: 'unknown', jsonType };
    const verdict = classifyEnumValue(codec, value, spec.storage === 'sql_enum' ? 'labels' : 'values');
    return { value, count, ...verdict };
  });
}

/** Open columns: a spelling that differs from a more frequent one only in case/spacing is a `variant`. */
function markVariants(raw: RawValue[]): AuditValue[] {
  const key = (v: string) => v.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  // The leading spelling of a key: the most frequent; on a tie, a lower-case one, then one without
  // spaces (tags are snake_case by convention), then the first in code-point order.
  const rank = (e: { value: string; count: number }) => [e.count, e.value === e.value.toLowerCase() ? 1 : 0, /\s/.test(e.value) ? 0 : 1];
  const better = (a: { value: string; count: number }, b: { value: string; count: number }) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! > rb[i]!;
    return a.value < b.value;
  };
  const leader = new Map<string, { value: string; count: number }>();
  for (const entry of raw) {
    if (entry.jsonType) continue;
    const current = leader.get(key(entry.value));
    if (!current || better(entry, current)) leader.set(key(entry.value), entry);
  }
  return raw.map(({ value, count, jsonType }) => {
    if (jsonType) return { value, count, status: 'unknown', jsonType };
    const main = leader.get(key(value))!.value;
    return main === value ? { value, count, status: 'ok' } : { value, count, status: 'variant', suggestion: main };
  });
}

/** Most frequent first, then by code point (the same on every server and collation). */
function byFrequency<T extends { value: string; count: number }>(values: T[]): T[] {
  return values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

async function auditRange(
  guarded: Guarded,
  schema: string,
  exists: boolean,
  range: { table: string; column: string; min: number; max: number },
): Promise<AuditRangeReport> {
  const report: AuditRangeReport = { ...range, present: exists, checked: 0, violations: 0, observedMin: null, observedMax: null, sampleIds: [] };
  if (!exists) return report;
  const col = quoteIdent(range.column);
  const outside = `(${col} < ${range.min} or ${col} > ${range.max})`;
  try {
    const [row] = await guarded((run) => run(
      `select count(${col})::int as checked, count(*) filter (where ${outside})::int as violations,
              min(${col}) as lo, max(${col}) as hi,
              (array_agg(id order by id) filter (where ${outside}))[1:20] as ids
         from ${qualified(schema, range.table)}`,
    ));
    report.checked = toNumber(row?.checked);
    report.violations = toNumber(row?.violations);
    report.observedMin = row?.lo == null ? null : toNumber(row.lo);
    report.observedMax = row?.hi == null ? null : toNumber(row.hi);
    report.sampleIds = parseIntArray(row?.ids);
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  return report;
}

/** Counts ACTIVE microcycles per program (status compared as text: any label set reads). */
async function auditMicrocycleLifecycle(guarded: Guarded, schema: string, exists: boolean): Promise<AuditMicrocycleLifecycleReport> {
  const report: AuditMicrocycleLifecycleReport = { present: exists, programs: 0, severalActive: 0, severalActiveIds: [], activeWithoutActive: 0, activeWithoutActiveIds: [] };
  if (!exists) return report;
  try {
    const [row] = await guarded((run) => run(
      `with per as (
         select p.id, p.is_active is true as active_program, count(m.id) filter (where m.status::text = 'ACTIVE') as active_weeks
           from ${qualified(schema, 'programs')} p left join ${qualified(schema, 'microcycles')} m on m.program_id = p.id
          group by p.id, p.is_active)
       select count(*)::int as programs,
              count(*) filter (where active_weeks > 1)::int as several,
              (array_agg(id order by id) filter (where active_weeks > 1))[1:20] as several_ids,
              count(*) filter (where active_program and active_weeks = 0)::int as missing,
              (array_agg(id order by id) filter (where active_program and active_weeks = 0))[1:20] as missing_ids
         from per`,
    ));
    report.programs = toNumber(row?.programs);
    report.severalActive = toNumber(row?.several);
    report.severalActiveIds = parseIntArray(row?.several_ids);
    report.activeWithoutActive = toNumber(row?.missing);
    report.activeWithoutActiveIds = parseIntArray(row?.missing_ids);
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  return report;
}

