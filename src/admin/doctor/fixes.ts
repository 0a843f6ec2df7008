import type { DoctorFinding, DoctorFindingKind, DoctorReport } from './types.js';

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

/**
 * Every finding of a report in one list: tables first, then enums, then migrations.
 *
 * @example
 * ```ts
 * const errors = allFindings(await doctor(orm)).filter((f) => f.severity === 'error');
 * ```
 */
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
