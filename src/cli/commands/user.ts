import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { eraseUserData, importUserData, writeUserExport, type EraseReport } from '../../modules/user-data.js';
import { plural, withDatabase, type CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import type { Output } from '../output.js';

function parseUserId(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > 2147483647) throw new InvalidArgumentError('must be a user id (a whole number from 1 to 2147483647)');
  return n;
}

function printErase(out: Output, report: EraseReport): void {
  const { c } = out;
  const total = Object.values(report.deleted).reduce((a, b) => a + b, 0);
  out.line(`${report.dryRun ? c.bold('dry run, nothing changed: ') : `${c.green('✓')} `}user ${report.userId}: ${plural(total, 'row')} ${report.dryRun ? 'would be ' : ''}deleted`);
  out.line(out.table(['table', 'rows'], Object.entries(report.deleted).filter(([, n]) => n > 0).map(([t, n]) => [t, n]), ['left', 'right']));
  if (report.detachedMovementIds.length > 0) out.line(`movements kept without an owner (other users use them): ${report.detachedMovementIds.join(', ')}`);
  for (const k of report.keptReferences) {
    out.line(c.dim(`${k.table}.${k.column} → ${k.references}: ${plural(k.rows, 'row')} of other users, ${k.action === 'set_null' ? 'set to NULL' : 'movement detached'}`));
  }
}

/**
 * `gainsly-db user export|erase|import`: a user's data as a whole (see docs/user-data.md).
 *
 * @example
 * ```ts
 * program.addCommand(userCommand(ctx));
 * ```
 */
export function userCommand(ctx: CliContext): Command {
  const { out } = ctx;
  const user = new Command('user').description("export, erase or import one user's data (GDPR access, portability, erasure)");

  user
    .command('export <id>')
    .description('write everything the user owns as a gainsly-user-export JSON document (one consistent snapshot)')
    .option('--out <file>', 'write to this file (default: stdout)')
    .addHelpText('after', '\nExample:\n  $ gainsly-db user export 7 --out user-7.json')
    .action(async (idText: string, opts: { out?: string }, command: Command) => {
      const id = parseUserId(idText);
      await withDatabase(ctx, command, async (orm, conn) => {
        if (opts.out) {
          const file = resolve(ctx.cwd, opts.out);
          const summary = await writeUserExport(orm, id, file);
          out.result({ command: 'user export', database: conn.display, file, ...summary }, () =>
            out.line(`${out.c.green('✓')} user ${id}: ${plural(Object.values(summary.counts).reduce((a, b) => a + b, 0), 'row')} written to ${file}`),
          );
        } else {
          // The document itself is the output (already JSON), streamed to stdout.
          const stdout = out.stdout;
          await writeUserExport(orm, id, new Writable({ write: (chunk: Buffer | string, _enc, done) => { stdout.write(String(chunk)); done(); } }));
        }
      });
    });

  user
    .command('erase <id>')
    .description('delete everything the user owns in one transaction (other users\' rows are kept: see the policy); destructive, needs --yes')
    .option('-y, --yes', 'confirm: the user and all their data are deleted')
    .option('--dry-run', 'report what would be deleted, detached or cleared; change nothing')
    .addHelpText('after', '\nExamples:\n  $ gainsly-db user erase 7 --dry-run\n  $ gainsly-db user erase 7 --yes')
    .action(async (idText: string, opts: { yes?: boolean; dryRun?: boolean }, command: Command) => {
      const id = parseUserId(idText);
      if (!opts.yes && !opts.dryRun) throw new UsageError(`Refusing to erase user ${id} without --yes (or --dry-run to preview): it deletes the user and all their data.`);
      await withDatabase(ctx, command, async (orm, conn) => {
        const report = await eraseUserData(orm, id, { dryRun: opts.dryRun === true });
        out.result({ command: 'user erase', database: conn.display, report }, () => printErase(out, report));
      });
    });

  user
    .command('import <file>')
    .description('import a gainsly-user-export document as a new user (new ids), all or nothing')
    .option('--dry-run', 'import, then roll back')
    .addHelpText('after', '\nExample:\n  $ gainsly-db user import user-7.json --url postgres://app@other-db:5432/gainsly')
    .action(async (file: string, opts: { dryRun?: boolean }, command: Command) => {
      const path = resolve(ctx.cwd, file);
      await withDatabase(ctx, command, async (orm, conn) => {
        const report = await importUserData(orm, path, { dryRun: opts.dryRun === true });
        out.result({ command: 'user import', database: conn.display, file: path, report }, () =>
          out.line(`${report.dryRun ? out.c.bold('dry run, nothing written: ') : `${out.c.green('✓')} `}imported as user ${report.userId}: ${plural(Object.values(report.inserted).reduce((a, b) => a + b, 0), 'row')}`),
        );
      });
    });
  return user;
}
