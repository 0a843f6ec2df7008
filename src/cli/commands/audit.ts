import { Command } from 'commander';
import { audit, type AuditReport } from '../../admin/index.js';
import { plural, problemsExitCode, withDatabase, type CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import type { Output } from '../output.js';

function printReport(out: Output, report: AuditReport, verbose: boolean): void {
  const { c } = out;
  const flagged = report.columns.flatMap((col) =>
    col.values.filter((v) => v.status !== 'ok' && v.status !== 'variant').map((v) => [`${col.table}.${col.column}`, JSON.stringify(v.value), v.count, c.red(v.status), v.suggestion ?? ''] as (string | number)[]),
  );
  const variants = report.columns.flatMap((col) =>
    col.values.filter((v) => v.status === 'variant').map((v) => [`${col.table}.${col.column}`, JSON.stringify(v.value), v.count, c.yellow('variant'), v.suggestion ?? ''] as (string | number)[]),
  );
  const malformed = report.columns.filter((col) => (col.notArrays ?? 0) > 0 || col.error);
  const ranges = report.ranges.filter((r) => r.violations > 0 || r.error);

  if (report.nothingToAudit) {
    out.line(c.red(`✗ Nothing to audit: ${report.reason?.replace(/^nothing to audit: /, '') ?? 'none of the audited tables exists'}`));
    return;
  }
  out.line(report.ok ? `${c.green('✓')} No categorical value outside its enum, no malformed JSON array, no out-of-range row.` : c.red('✗ The audit found problems:'));
  if (report.missingTables.length > 0) out.line(`  ${c.red('missing')} ${report.reason ?? report.missingTables.join(', ')}`);
  if (flagged.length > 0 || (verbose && variants.length > 0)) {
    out.line(out.table(['column', 'value', 'rows', 'status', 'probably meant'], verbose ? [...flagged, ...variants] : flagged, ['left', 'left', 'right', 'left', 'left']));
  }
  for (const col of malformed) {
    out.line(`  ${c.red('malformed')} ${col.table}.${col.column}: ${col.error ?? `${plural(col.notArrays ?? 0, 'row')} not holding a JSON array`}`);
  }
  if (ranges.length > 0) {
    out.line(
      out.table(
        ['column', 'allowed', 'rows outside', 'observed', 'sample ids'],
        ranges.map((r) => [`${r.table}.${r.column}`, `${r.min}–${r.max}`, r.error ? c.red(r.error) : r.violations, `${r.observedMin ?? '—'}–${r.observedMax ?? '—'}`, r.sampleIds.slice(0, 5).join(', ')]),
        ['left', 'left', 'right', 'left', 'left'],
      ),
    );
  }
  const life = report.microcycleLifecycle;
  if (life.error) out.line(`  ${c.red('microcycles')} lifecycle not checked: ${life.error}`);
  if (life.severalActive > 0) {
    out.line(`  ${c.red('several ACTIVE')} ${plural(life.severalActive, 'program')} with more than one ACTIVE microcycle (ids ${life.severalActiveIds.slice(0, 5).join(', ')}${life.severalActive > 5 ? ', …' : ''})`);
  }
  if (life.activeWithoutActive > 0) {
    out.line(`  ${c.red('no ACTIVE')} ${plural(life.activeWithoutActive, 'active program')} without an ACTIVE microcycle: the app finds no current week (ids ${life.activeWithoutActiveIds.slice(0, 5).join(', ')}${life.activeWithoutActive > 5 ? ', …' : ''})`);
  }
  for (const plan of report.sessionPlans) {
    if (plan.error) out.line(`  ${c.red(`sessions.${plan.column}`)} not checked: ${plan.error}`);
    else if (plan.misfits > 0) {
      out.line(`  ${c.red(`sessions.${plan.column}`)} ${plural(plan.misfits, 'row')} the app cannot read (ids ${plan.sampleIds.slice(0, 5).join(', ')}${plan.misfits > 5 ? ', …' : ''}); first: ${plan.firstProblem ?? '?'}`);
    }
  }
  const e1rm = report.storedE1rm;
  if (e1rm.error) out.line(`  ${c.red('top_set_logs.e1rm_value')} not checked: ${e1rm.error}`);
  else if (e1rm.mismatched > 0) {
    out.line(`  ${c.red('top_set_logs.e1rm_value')} ${plural(e1rm.mismatched, 'top set')} whose e1RM is not its e1rm_formula of (weight, reps) (ids ${e1rm.sampleIds.slice(0, 5).join(', ')}${e1rm.mismatched > 5 ? ', …' : ''})`);
  }
  if (verbose) {
    for (const col of report.columns.filter((col) => col.present && col.values.length > 0)) {
      out.line(`${c.bold(`${col.table}.${col.column}`)} ${c.dim(`(${col.kind}${col.enum ? `: ${col.enum}` : ''}, ${col.rows} rows, ${col.nulls} null)`)}: ${col.values.map((v) => `${v.value} ×${v.count}`).join(', ')}`);
    }
  }
  const s = report.summary;
  out.line(
    `${plural(report.columns.length, 'column')} audited: ${plural(s.flaggedValues, 'flagged value')} in ${plural(s.flaggedRows, 'row')}, ` +
      `${plural(s.malformedRows, 'malformed row')}, ${plural(s.outOfRangeRows, 'out-of-range row')}${verbose ? '' : ' (--verbose lists every value)'}.`,
  );
}

/**
 * `gainsly-db audit`: the data audit of categorical columns and app-level ranges
 * (docs/data-model.md, "Data audit"), and the microcycle lifecycle check (several ACTIVE microcycles, active programs with none).
 * Read-only; exit 3 when it flags anything (or a table it reads is missing), exit 1 when none of
 * its tables exists ("nothing to audit").
 *
 * @example
 * ```ts
 * program.addCommand(auditCommand(ctx));
 * ```
 */
export function auditCommand(ctx: CliContext): Command {
  const { out } = ctx;
  return new Command('audit')
    .description('list categorical values outside their enum, out-of-range ratings and broken microcycle statuses (read-only; exit 3 on findings, 1 when there is nothing to audit)')
    .option('--schema <name>', 'schema holding the tables (default: public)')
    .option('--include-sql-enums', 'also list the values of the PostgreSQL enum columns')
    .option('-v, --verbose', 'list every distinct value of every audited column')
    .addHelpText('after', '\nExamples:\n  $ gainsly-db audit --url postgres://app@db:5432/gainsly\n  $ gainsly-db audit --json | jq \'.report.columns[] | select(.flagged > 0)\'')
    .action(async (opts: { schema?: string; includeSqlEnums?: boolean; verbose?: boolean }, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const report = await audit(orm, { ...(opts.schema ? { schema: opts.schema } : {}), includeSqlEnums: opts.includeSqlEnums === true });
        const s = report.summary;
        // Auditing nothing is a failure of the command (exit 1), not a finding about the data (exit 3).
        ctx.exitCode = report.nothingToAudit ? EXIT.FAILURE : problemsExitCode(report.ok ? 0 : Math.max(1, s.flaggedRows + s.malformedRows + s.outOfRangeRows + report.missingTables.length));
        out.result(
          { command: 'audit', database: conn.display, clean: report.ok, nothingToAudit: report.nothingToAudit, ...(report.reason ? { reason: report.reason } : {}), summary: report.summary, report },
          () => printReport(out, report, opts.verbose === true),
          report.ok,
        );
      });
    });
}
