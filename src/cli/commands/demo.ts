import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import * as asciichart from 'asciichart';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../../setup/create-orm.js';
import { DEMO_EMAIL, DEMO_PROGRAM_NAME, countDemo, findDemo, resetDemo, seedDemo, type DemoCounts } from '../../demo/seed.js';
import { demoReport, type DemoLiftSeries, type DemoReport } from '../../demo/report.js';
import { categoricalDisplayName, enumDisplayName, MovementPattern } from '../../enums/index.js';
import { demoDatabaseUrl, resolveConnection, type Connection } from '../connection.js';
import { globalOptions, plural, withDatabase, type CliContext } from '../context.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { sql } from 'kysely';
import { executeBound } from '../../orm/bound-query.js';
import type { Output } from '../output.js';
import { migrationStatus } from './migrate.js';

/**
 * Brings the demo database's schema up to date. An embedded database is the demo's own and is
 * always migrated. On a server, migrating is only safe when the database is empty or already a
 * library database: a database with other tables (an upstream database, another application's)
 * is left alone with advice instead of getting 19 tables added to it.
 */
async function prepareSchema(orm: MikroORM, conn: Connection, out: Output): Promise<string[]> {
  const rows = await migrationStatus(orm);
  const pending = rows.filter((r) => r.state === 'pending');
  if (pending.length === 0) return [];
  if (!conn.embedded && pending.length === rows.length) {
    const [row] = await executeBound<{ tables: number }>(
      orm.em.fork(),
      sql`select count(*)::int as tables from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    if (Number(row?.tables ?? 0) > 0) {
      throw new CliError(
        `${conn.display} has tables but no @gainsly/db migrations, so the demo will not add its schema there. ` +
          'Check it with `gainsly-db doctor` (an upstream database is recorded with `gainsly-db adopt`), or run the demo on an empty database or on the embedded default (no --url).',
        EXIT.FAILURE,
      );
    }
  }
  const progress = out.progress('migrating', pending.length);
  try {
    return (await migrate(orm)).applied;
  } finally {
    progress.stop();
  }
}

/**
 * Puts a `.gitignore` of `*` in `.gainsly/` (as Python's venv does), so the demo database is never
 * committed by accident from a project directory. An existing file is left as it is.
 */
async function ignoreInGit(dir: string): Promise<void> {
  await writeFile(join(dir, '.gitignore'), '# Created by gainsly-db demo: local databases, not for version control.\n*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

const TREND_LABEL: Record<string, string> = {
  increasing: '↑ increasing',
  decreasing: '↓ decreasing',
  stable: '→ stable',
  insufficient_data: '· not enough data',
};

function trendCell(out: Output, trend: string): string {
  const label = TREND_LABEL[trend] ?? trend;
  if (trend === 'increasing') return out.c.green(label);
  if (trend === 'decreasing') return out.c.red(label);
  if (trend === 'stable') return out.c.cyan(label);
  return out.c.dim(label);
}

/** A series stretched to `perGap` columns between points (linear), so a 6-point history reads as a line. */
function stretch(values: readonly number[], perGap: number): number[] {
  if (values.length < 2) return [...values];
  const result: number[] = [];
  for (let i = 0; i < values.length - 1; i++) {
    const a = values[i]!;
    const b = values[i + 1]!;
    for (let step = 0; step < perGap; step++) result.push(a + ((b - a) * step) / perGap);
  }
  result.push(values[values.length - 1]!);
  return result;
}

function printChart(out: Output, series: DemoLiftSeries): void {
  const values = series.points.map((p) => p.e1rm);
  out.line(out.c.bold(`e1RM, ${series.movement} (kg)`));
  if (values.length < 2) {
    out.line(out.c.dim('  not enough top sets to draw a line'));
    return;
  }
  const chart = asciichart.plot(stretch(values, 8), {
    height: 7,
    format: (x: number) => x.toFixed(1).padStart(7),
    ...(out.c.isColorSupported ? { colors: [asciichart.blue] } : {}),
  });
  out.line(chart);
  const first = series.points[0]!;
  const last = series.points[series.points.length - 1]!;
  const change = ((last.e1rm - first.e1rm) / first.e1rm) * 100;
  const changeText = `${change >= 0 ? '+' : ''}${change.toFixed(1)} %`;
  out.line(
    `         ${first.date} → ${last.date}: ${first.e1rm.toFixed(1)} → ${last.e1rm.toFixed(1)} kg (${change >= 0 ? out.c.green(changeText) : out.c.red(changeText)}, ${plural(values.length, 'top set')})`,
  );
  out.line();
}

const fmt = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

// People read display names ('Horizontal push', 'Right shoulder'); --json keeps the stored values.
const patternName = (pattern: MovementPattern): string => enumDisplayName(MovementPattern, pattern);

function printReport(out: Output, conn: Connection, outcome: DemoOutcome): void {
  const { c } = out;
  const { report, counts } = outcome;
  out.line(c.bold('Gainsly demo'));
  out.line(`database: ${conn.display}${conn.embedded ? ' (embedded PGlite)' : ''}${conn.source === '--url' || conn.source === 'demo default' ? '' : ` (from ${conn.source})`}`);
  if (outcome.migrated.length > 0) out.line(`schema:   applied ${outcome.migrated.join(', ')}`);
  out.line(
    outcome.reused
      ? `Reused the demo data of an earlier run (${c.bold('--reset')} rebuilds it).`
      : `Created the demo${outcome.replaced ? ' (replacing the previous one)' : ''} in ${(outcome.seedMs / 1000).toFixed(1)} s:`,
  );
  out.line(`  user ${DEMO_EMAIL}: ${plural(counts.programs, 'program')} (${plural(counts.microcycles, 'microcycle')}, ${plural(counts.sessions, 'session')}), ${plural(counts.movements, 'movement')}`);
  out.line(`  ${plural(counts.workoutLogs, 'workout')} with ${plural(counts.topSetLogs, 'top set')} → ${plural(counts.patternExposures, 'pattern exposure')}`);
  out.line(`  ${plural(counts.sorenessLogs, 'soreness entry', 'soreness entries')}, ${plural(counts.recoverySignals, 'recovery reading')}`);
  out.line();

  out.line(c.bold(`Pattern strength over the last ${report.windowMicrocycles} microcycles`));
  out.line(c.dim('PSI: mean e1RM of the pattern. Trend: first half of the window against the second.'));
  out.line(
    out.table(
      ['pattern', 'PSI (kg)', 'exposures', 'trend'],
      report.patterns.map((p) => [patternName(p.pattern), p.psi === null ? c.dim('—') : p.psi.toFixed(1), p.exposures, trendCell(out, p.trend)]),
      ['left', 'right', 'right', 'left'],
    ),
  );
  out.line();
  for (const series of report.lifts) printChart(out, series);

  const rising = report.patterns.filter((p) => p.trend === 'increasing').map((p) => patternName(p.pattern));
  const falling = report.patterns.filter((p) => p.trend === 'decreasing').map((p) => patternName(p.pattern));
  const r = report.recovery;
  out.line(c.bold('Summary'));
  out.line(`  ${report.period.from ?? '—'} → ${report.period.to ?? '—'}: ${plural(counts.workoutLogs, 'workout')}, ${plural(counts.topSetLogs, 'top set')}.`);
  out.line(`  Improving: ${rising.length ? rising.join(', ') : 'none'}. Declining: ${falling.length ? c.red(falling.join(', ')) : 'none'}.`);
  out.line(
    `  Deload: ${report.deload.deload ? c.yellow('recommended') : 'not needed'} (${plural(report.deload.decliningPatterns.length, 'declining pattern')}; 2 or more trigger one).`,
  );
  out.line(`  Recovery: ${fmt(r.sleepHours)} h sleep, HRV ${fmt(r.hrv)} ms, resting HR ${fmt(r.restingHr, 0)} bpm, readiness ${fmt(r.readiness, 0)} on average (${plural(r.readings, 'reading')}).`);
  if (report.soreness.length > 0) {
    out.line(`  Sorest in the last week: ${report.soreness.map((s) => `${categoricalDisplayName(s.bodyPart)} ${s.average.toFixed(1)}/5`).join(', ')}.`);
  }
  out.line();
  out.line(c.dim(`Explore it: \`gainsly-db migrate status --url ${conn.embedded ? conn.url : '<url>'}\``));
  out.line(c.dim(`In code: createGainslyOrm({ url: '${conn.embedded ? conn.url : '…'}' })`));
}

/** `demo --remove`: deletes the demo user's rows (nothing else) and reports what was there. */
async function removeDemo(orm: MikroORM, conn: Connection, out: Output): Promise<void> {
  const em = orm.em.fork();
  const pending = (await migrationStatus(orm)).filter((r) => r.state === 'pending').length;
  // Without the schema there is no demo to remove; do not create tables just to find that out.
  const state = pending === 0 || (await hasUsersTable(orm)) ? await findDemo(em) : null;
  const removed = state ? await countDemo(em, state.userId) : null;
  if (state) await resetDemo(em, state.userId);
  out.result({ command: 'demo --remove', database: conn.display, removed: removed !== null, counts: removed }, () => {
    if (!removed) out.line(`No demo data in ${conn.display}: nothing to remove.`);
    else {
      out.line(`${out.c.green('✓')} Removed the demo user ${DEMO_EMAIL} and its ${plural(removed.workoutLogs, 'workout')}, ${plural(removed.sessions, 'session')} and other rows.`);
      out.line(out.c.dim('Catalog movements that existed before the demo were left in place.'));
    }
  });
}

async function hasUsersTable(orm: MikroORM): Promise<boolean> {
  const [row] = await executeBound<{ present: boolean }>(orm.em.fork(), sql`select to_regclass('users') is not null as present`);
  return row?.present === true;
}

interface DemoOutcome {
  reused: boolean;
  replaced: boolean;
  migrated: string[];
  userId: number;
  counts: DemoCounts;
  report: DemoReport;
  seedMs: number;
}

/**
 * `gainsly-db demo`: creates (or reuses) a demo athlete with a program, a movement catalog and
 * six weeks of training, then prints pattern strength, trends and e1RM charts. Without a URL
 * it uses the embedded database `pglite:<cwd>/.gainsly/demo`, so it needs no server.
 *
 * @example
 * ```ts
 * program.addCommand(demoCommand(ctx));
 * ```
 */
export function demoCommand(ctx: CliContext): Command {
  const { out } = ctx;
  return new Command('demo')
    .description('create a demo athlete with six weeks of training and show what the library computes from it')
    .option('--reset', 'delete the demo data of an earlier run and create it again')
    .option('--remove', 'delete the demo data (the demo user and its rows) and stop')
    .addHelpText(
      'after',
      `
Without --url (and without GAINSLY_DATABASE_URL / DATABASE_URL) the demo uses an embedded
database in .gainsly/demo under the current directory: no server needed. A second run reuses
the data (--reset rebuilds it). On a server the demo only writes rows that belong to the user
${DEMO_EMAIL}, and --reset deletes only those.

Examples:
  $ npx gainsly-db demo
  $ gainsly-db demo --reset --json | jq '.report.patterns[] | select(.psi != null)'
  $ gainsly-db demo --url postgres://app@localhost:5432/scratch`,
    )
    .action(async (opts: { reset?: boolean; remove?: boolean }, command: Command) => {
      if (opts.reset && opts.remove) throw new UsageError('--reset and --remove exclude each other');
      if (opts.remove) {
        // Opening an embedded database that does not exist would create one just to find it empty.
        const conn = resolveConnection({ url: globalOptions(command).url }, ctx.env, { fallback: demoDatabaseUrl(ctx.cwd), cwd: ctx.cwd });
        if (conn.embedded && conn.dataDir && !existsSync(conn.dataDir)) {
          out.result({ command: 'demo --remove', database: conn.display, removed: false, counts: null }, () => out.line(`No demo data in ${conn.display}: nothing to remove.`));
          return;
        }
      }
      await withDatabase(
        ctx,
        command,
        async (orm, conn) => {
          if (opts.remove) {
            await removeDemo(orm, conn, out);
            return;
          }
          if (conn.source === 'demo default' && conn.dataDir) await ignoreInGit(dirname(conn.dataDir));
          const migrated = await prepareSchema(orm, conn, out);
          const em = orm.em.fork();
          const state = await findDemo(em);
          let outcome: Omit<DemoOutcome, 'report'>;
          if (state?.current && !opts.reset) {
            outcome = { reused: true, replaced: false, migrated, userId: state.userId, counts: await countDemo(em, state.userId), seedMs: 0 };
          } else {
            const started = Date.now();
            const progress = out.progress('creating the demo', 1);
            try {
              // Replacing is one transaction: a failure leaves the previous demo data as it was.
              const seeded = await em.transactional(async (tx) => {
                if (state) await resetDemo(tx, state.userId);
                return seedDemo(tx, (done, total) => progress.update(done, total));
              });
              outcome = { reused: false, replaced: state !== null, migrated, userId: seeded.userId, counts: seeded.counts, seedMs: Date.now() - started };
            } finally {
              progress.stop();
            }
          }
          const report = await demoReport(orm.em.fork(), outcome.userId);
          const full: DemoOutcome = { ...outcome, report };
          out.result(
            {
              command: 'demo',
              database: conn.display,
              embedded: conn.embedded,
              dataDir: conn.dataDir,
              reused: full.reused,
              migrated,
              demo: { userId: full.userId, email: DEMO_EMAIL, program: DEMO_PROGRAM_NAME },
              counts: full.counts,
              report,
            },
            () => printReport(out, conn, full),
          );
        },
        // The demo names its database in its own output (first line), so no separate note.
        { fallback: demoDatabaseUrl(ctx.cwd), announce: false },
      );
    });
}
