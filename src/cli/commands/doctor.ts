import { Command } from 'commander';
import { allFindings, doctor, type DoctorFinding, type DoctorReport } from '../../admin/index.js';
import { plural, problemsExitCode, withDatabase, type CliContext } from '../context.js';
import type { Output } from '../output.js';

function where(f: DoctorFinding): string {
  if (f.table && f.column) return `${f.table}.${f.column}`;
  return f.table ?? f.name ?? '';
}

/** The finding as one cell: its message, prefixed with where it is when the message does not say. */
function findingCell(out: Output, f: DoctorFinding): string {
  const place = where(f);
  return place && !f.message.includes(place) ? `${out.c.bold(place)}: ${f.message}` : f.message;
}

const code = (out: Output, command: string) => out.c.bold(`\`${command}\``);

/**
 * What to run next, for the state doctor found: only commands that apply to it (adopt refuses an
 * empty database and any database with errors; migrate is for library databases).
 */
function nextSteps(out: Output, report: DoctorReport): string[] {
  if (report.ok) return [];
  const { errors, fixable } = report.summary;
  const { kind } = report.database;
  const pending = report.migrations.pending.length;
  if (report.migrations.unknown.length > 0) {
    return ['The database was migrated by a newer version of @gainsly/db: upgrade the library before using it.'];
  }
  if (kind === 'empty') {
    return [`The database is empty: ${code(out, 'gainsly-db migrate')} creates the library's schema (then ${code(out, 'gainsly-db catalog load')} adds the starter movements).`];
  }
  if (kind === 'library' || kind === 'adopted') {
    const steps: string[] = [];
    if (pending > 0) steps.push(`${code(out, 'gainsly-db migrate')} applies the ${plural(pending, 'pending migration')}.`);
    if (errors > 0) steps.push(`${plural(errors, 'error')} above need a manual fix: neither migrate nor adopt changes what is already there.`);
    else if (pending === 0 && fixable > 0) steps.push(`${code(out, 'gainsly-db adopt')} fixes the fixable differences (${code(out, 'gainsly-db adopt --dry-run')} shows them first).`);
    return steps;
  }
  // upstream (alembic_version) or unknown (tables, but no bookkeeping): adopt's case.
  if (errors > 0) {
    return [`${code(out, 'gainsly-db adopt')} refuses while the ${plural(errors, 'error')} above remain: fix them first (the notes say how, when they can), then run doctor again.`];
  }
  return [`This database was made by the upstream app: ${code(out, 'gainsly-db adopt --dry-run')} shows what adopt would change, ${code(out, 'gainsly-db adopt')} does it (no row is changed).`];
}

function printReport(out: Output, report: DoctorReport, verbose: boolean): void {
  const { c } = out;
  const { errors, fixable, tolerated } = report.summary;
  const db = report.database;
  const migrations = report.migrations;
  // The server's version string is long ("15.20 (Debian 15.20-0+deb12u1)"): its number, unless -v.
  const server = db.serverVersion ? (verbose ? db.serverVersion : (db.serverVersion.split(' ')[0] ?? db.serverVersion)) : null;
  out.line(`${report.ok ? c.green('✓ healthy') : c.red('✗ problems found')}  database kind: ${db.kind}${db.alembicVersion ? `, alembic ${db.alembicVersion}` : ''}`);
  out.line(`  migrations applied: ${migrations.applied.length}/${migrations.applied.length + migrations.pending.length}${server ? `, PostgreSQL ${server}` : ''}`);
  // An empty database's note says what `next:` says below.
  for (const note of db.kind === 'empty' ? [] : db.notes) out.line(`  ${c.dim('note:')} ${note}`);
  const findings = allFindings(report).filter((f) => verbose || f.severity !== 'tolerated');
  // An empty database lacks every table and type: one line says it, -v lists them.
  const collapsed = db.kind === 'empty' && !verbose;
  if (findings.length > 0 && !collapsed) {
    const colour = (s: DoctorFinding['severity']) => (s === 'error' ? c.red(s) : s === 'fixable' ? c.yellow(s) : c.dim(s));
    out.line(out.table(['severity', 'finding'], findings.map((f) => [colour(f.severity), findingCell(out, f)])));
  }
  const hidden = [collapsed && findings.length > 0 ? 'lists every missing table and type' : '', tolerated > 0 && !verbose ? 'lists the tolerated ones' : ''].filter(Boolean).join(' and ');
  out.line(`${plural(errors, 'error')}, ${fixable} fixable, ${tolerated} tolerated${hidden ? ` (--verbose ${hidden})` : ''}.`);
  for (const step of nextSteps(out, report)) out.line(`${c.bold('next:')} ${step}`);
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
    .option('-v, --verbose', 'also list tolerated differences (and every missing table of an empty database)')
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
