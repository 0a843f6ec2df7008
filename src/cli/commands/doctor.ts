import { Command } from 'commander';
import { allFindings, doctor, type DoctorFinding, type DoctorReport } from '../../admin/index.js';
import { plural, problemsExitCode, withDatabase, type CliContext } from '../context.js';
import type { Output } from '../output.js';

function where(f: DoctorFinding): string {
  if (f.table && f.column) return `${f.table}.${f.column}`;
  return f.table ?? f.name ?? '';
}

function printReport(out: Output, report: DoctorReport, verbose: boolean): void {
  const { c } = out;
  const { errors, fixable, tolerated } = report.summary;
  const db = report.database;
  const migrations = report.migrations;
  out.line(
    `${report.ok ? c.green('✓ healthy') : c.red('✗ problems found')}  database kind: ${db.kind}` +
      `${db.alembicVersion ? `, alembic ${db.alembicVersion}` : ''}, migrations applied: ${migrations.applied.length}/${migrations.applied.length + migrations.pending.length}` +
      `${db.serverVersion ? `, PostgreSQL ${db.serverVersion}` : ''}`,
  );
  for (const note of db.notes) out.line(`  ${c.dim('note:')} ${note}`);
  const findings = allFindings(report).filter((f) => verbose || f.severity !== 'tolerated');
  if (findings.length > 0) {
    const colour = (s: DoctorFinding['severity']) => (s === 'error' ? c.red(s) : s === 'fixable' ? c.yellow(s) : c.dim(s));
    out.line(out.table(['severity', 'where', 'finding'], findings.map((f) => [colour(f.severity), where(f), f.message])));
  }
  out.line(`${plural(errors, 'error')}, ${fixable} fixable, ${tolerated} tolerated${!verbose && tolerated > 0 ? ' (--verbose lists the tolerated ones)' : ''}.`);
  if (!report.ok && errors === 0) out.line(`Run ${c.bold('gainsly-db adopt')} (upstream database) or ${c.bold('gainsly-db migrate up')} (library database) to fix the fixable ones.`);
}

/**
 * `gainsly-db doctor`: compares the live schema with what the library expects. Exit 3 when it
 * finds an error or a fixable difference, so `gainsly-db doctor && start-service` is safe.
 *
 * @example
 * ```ts
 * program.addCommand(doctorCommand(ctx));
 * ```
 */
export function doctorCommand(ctx: CliContext): Command {
  const { out } = ctx;
  return new Command('doctor')
    .description('check the schema against what the library expects (read-only; exit 3 on problems)')
    .option('--schema <name>', 'schema holding the tables (default: public)')
    .option('-v, --verbose', 'also list tolerated differences')
    .addHelpText('after', '\nExamples:\n  $ gainsly-db doctor --url postgres://app@db:5432/gainsly\n  $ gainsly-db doctor --json | jq .report.summary')
    .action(async (opts: { schema?: string; verbose?: boolean }, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const report = await doctor(orm, opts.schema ? { schema: opts.schema } : {});
        const problems = report.summary.errors + report.summary.fixable;
        ctx.exitCode = problemsExitCode(report.ok ? 0 : Math.max(problems, 1));
        out.result({ command: 'doctor', database: conn.display, healthy: report.ok, summary: report.summary, report }, () => printReport(out, report, opts.verbose === true), report.ok);
      });
    });
}
