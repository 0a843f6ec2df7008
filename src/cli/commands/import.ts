import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { MikroORM } from '@mikro-orm/postgresql';
import { importCircuits, importHeuristicConfigs, importMovements, type ImportOptions, type ImportReport, type ImportSource } from '../../admin/index.js';
import { GainslyValidationError } from '../../schemas/errors.js';
import { ImportRejectedError } from '../../admin/import/run.js';
import { plural, withDatabase, type CliContext } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import type { Output } from '../output.js';

type Importer = (orm: MikroORM, source: ImportSource, options: ImportOptions) => Promise<ImportReport>;

const KINDS: readonly { name: string; what: string; importer: Importer; example: string }[] = [
  {
    name: 'movements',
    what: 'movements (system catalog), idempotent by name',
    importer: importMovements,
    example: 'seed_data/movements.json ({ "movements": [...] } or an array; snake_case or camelCase keys)',
  },
  {
    name: 'circuits',
    what: 'circuit templates (scraped workouts or circuit_templates rows), idempotent by name',
    importer: importCircuits,
    example: 'seed_data/scraped_circuits.json (an array, or { "circuits": [...] })',
  },
  {
    name: 'heuristic-configs',
    what: 'heuristic configs, idempotent by (name, version)',
    importer: importHeuristicConfigs,
    example: 'seed_data/heuristic_configs.json ({ "configs": [...] } or an array)',
  },
];

const MAX_LISTED = 20;

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return n;
}

/**
 * Why nothing was written, and whether `--skip-invalid` would help: not when no record is valid.
 */
function rejectionMessage(error: GainslyValidationError, issueCount: number, file: string): string {
  if (!(error instanceof ImportRejectedError)) return `${plural(issueCount, 'invalid field')} in ${file}; nothing was written`;
  const { records, invalidRecords } = error;
  if (invalidRecords >= records) {
    return `None of the ${plural(records, 'record')} in ${file} is valid (${plural(issueCount, 'problem')}); nothing was written. Is it the right file for this import?`;
  }
  const valid = records - invalidRecords;
  return `${invalidRecords} of ${plural(records, 'record')} in ${file} ${invalidRecords === 1 ? 'is' : 'are'} invalid; nothing was written (--skip-invalid imports the ${plural(valid, 'valid one')})`;
}

function printReport(out: Output, kind: string, report: ImportReport): void {
  const { c } = out;
  out.line(
    `${report.dryRun ? c.bold('dry run, nothing written: ') : `${c.green('✓')} `}${kind}: ${plural(report.total, 'record')} → ` +
      `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged${report.duplicates > 0 ? ` (${report.duplicates} repeated in the file)` : ''}, ${report.skipped.length} skipped` +
      c.dim(` (${report.table}, ${plural(report.statements, 'statement')})`),
  );
  if (report.skipped.length > 0) {
    out.line(
      out.table(
        ['#', 'name', 'skipped because'],
        report.skipped.slice(0, MAX_LISTED).map((s) => [s.index, s.name ?? '', s.reason]),
        ['right', 'left', 'left'],
      ),
    );
    if (report.skipped.length > MAX_LISTED) out.line(c.dim(`… and ${report.skipped.length - MAX_LISTED} more (--json lists them all)`));
  }
}

/**
 * `gainsly-db import movements|circuits|heuristic-configs <file>`: loads upstream-style seed files,
 * idempotently, in one transaction per file, with a progress bar on a terminal.
 *
 * @example
 * ```ts
 * program.addCommand(importCommand(ctx));
 * ```
 */
export function importCommand(ctx: CliContext): Command {
  const { out } = ctx;
  const importCmd = new Command('import').description('load movements, circuits or heuristic configs from a JSON file (idempotent)');
  for (const kind of KINDS) {
    importCmd
      .command(`${kind.name} <file>`)
      .description(`import ${kind.what}`)
      .option('--dry-run', 'validate and count what would change, write nothing')
      .option('--skip-invalid', 'skip invalid records (listed in the report) instead of importing nothing')
      .option('--batch-size <n>', 'records per statement (default 500)', parseBatchSize)
      .option('--schema <name>', 'schema holding the tables (default: public)')
      .addHelpText('after', `\nFile: ${kind.example}.\nAll records are written in one transaction: an invalid record stops the import and writes nothing, unless --skip-invalid.\n\nExample:\n  $ gainsly-db import ${kind.name} ./seed_data/${kind.name === 'heuristic-configs' ? 'heuristic_configs' : kind.name === 'circuits' ? 'scraped_circuits' : 'movements'}.json`)
      .action(async (file: string, opts: { dryRun?: boolean; skipInvalid?: boolean; batchSize?: number; schema?: string }, command: Command) => {
        const path = resolve(ctx.cwd, file);
        await withDatabase(ctx, command, async (orm, conn) => {
          const progress = out.progress(`importing ${kind.name}`, 1);
          let report: ImportReport;
          try {
            report = await kind.importer(orm, path, {
              dryRun: opts.dryRun === true,
              skipInvalid: opts.skipInvalid === true,
              ...(opts.batchSize !== undefined ? { batchSize: opts.batchSize } : {}),
              ...(opts.schema ? { schema: opts.schema } : {}),
              onProgress: (done, total) => progress.update(done, total),
            });
          } catch (error) {
            if (error instanceof GainslyValidationError) {
              const issues = error.toJSON().issues;
              if (!out.json) {
                for (const issue of issues.slice(0, MAX_LISTED)) {
                  out.note(`  ${issue.path.join('.')}: ${issue.message}${issue.received !== undefined ? ` (received ${issue.received})` : ''}`);
                }
                if (issues.length > MAX_LISTED) out.note(`  … and ${issues.length - MAX_LISTED} more`);
              }
              throw new CliError(
                rejectionMessage(error, issues.length, file),
                EXIT.FAILURE,
                { cause: error, name: error.name, details: { command: `import ${kind.name}`, database: conn.display, file: path, issues } },
              );
            }
            throw error;
          } finally {
            progress.stop();
          }
          if (report.skipped.length > 0 && !opts.skipInvalid) out.warn(`${plural(report.skipped.length, 'record')} skipped (see the report).`);
          out.result({ command: `import ${kind.name}`, database: conn.display, file: path, report }, () => printReport(out, kind.name, report));
        });
      });
  }
  return importCmd;
}
