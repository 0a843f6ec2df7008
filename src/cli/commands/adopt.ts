import { Command, InvalidArgumentError } from 'commander';
import { adopt, GainslyAdoptError, type AdoptResult } from '../../admin/index.js';
import { withDatabase, type CliContext } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import type { Output } from '../output.js';

/**
 * Parses a non-negative integer option value (commander calls this; throwing makes it a usage error).
 * @example
 * ```ts
 * parseMilliseconds('5000'); // 5000
 * parseMilliseconds('soon'); // throws InvalidArgumentError -> exit 2
 * ```
 */
export function parseMilliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number of milliseconds (>= 0)');
  return n;
}

function printResult(out: Output, result: AdoptResult): void {
  const { c } = out;
  if (result.alreadyAdopted) {
    out.line(`${c.green('✓')} Nothing to do: the database is already adopted (doctor: ${result.report.ok ? 'healthy' : 'not healthy'}).`);
    return;
  }
  out.line(result.dryRun ? c.bold('adopt would make these changes (dry run, nothing changed):') : `${c.green('✓')} Adopted the database:`);
  for (const change of result.changed) out.line(`  • ${change}`);
  if (result.dryRun && result.statements.length > 0) {
    out.line(c.dim('SQL:'));
    for (const sql of result.statements) out.line(c.dim(`  ${sql};`));
  }
  if (!result.dryRun) out.line(`doctor afterwards: ${result.report.ok ? c.green('healthy') : c.red('not healthy')}.`);
}

/**
 * `gainsly-db adopt`: brings a database created by the upstream Python app up to docs/data-model.md
 * (without changing a row) and records the library's migrations. A refusal (differences it
 * cannot fix safely) changes nothing and exits 1 with the blocking findings.
 *
 * @example
 * ```ts
 * program.addCommand(adoptCommand(ctx));
 * ```
 */
export function adoptCommand(ctx: CliContext): Command {
  const { out } = ctx;
  return new Command('adopt')
    .description('bring a database made by the upstream app up to the library schema and record the migrations')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--schema <name>', 'schema holding the tables (default: public)')
    .option('--lock-timeout <ms>', 'give up if a table lock is not granted within this time (default 10000)', parseMilliseconds)
    .addHelpText(
      'after',
      `
adopt runs in one transaction and keeps every row, upstream's tables and alembic_version, so the
Python app keeps working. Run \`gainsly-db doctor\` first to see what it would find.

Examples:
  $ gainsly-db adopt --dry-run --url postgres://app@db:5432/gainsly
  $ gainsly-db adopt --json | jq .changed`,
    )
    .action(async (opts: { dryRun?: boolean; schema?: string; lockTimeout?: number }, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        let result: AdoptResult;
        try {
          result = await adopt(orm, {
            dryRun: opts.dryRun === true,
            ...(opts.schema ? { schema: opts.schema } : {}),
            ...(opts.lockTimeout !== undefined ? { lockTimeoutMs: opts.lockTimeout } : {}),
          });
        } catch (error) {
          if (error instanceof GainslyAdoptError) {
            const problems = error.problems.map((p) => ({ kind: p.kind, table: p.table, column: p.column, name: p.name, message: p.message }));
            // Human mode: the message already lists the first problems; JSON gets them all.
            throw new CliError(error.message, EXIT.FAILURE, { cause: error, name: error.name, details: { command: 'adopt', database: conn.display, problems } });
          }
          throw error;
        }
        out.result(
          {
            command: 'adopt',
            database: conn.display,
            dryRun: result.dryRun,
            alreadyAdopted: result.alreadyAdopted,
            changed: result.changed,
            statements: result.statements,
            healthy: result.report.ok,
            report: result.report,
          },
          () => printResult(out, result),
        );
      });
    });
}
