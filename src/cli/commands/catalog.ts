import { Command } from 'commander';
import { loadStarterCatalog, type StarterCatalogReport } from '../../modules/movements/starter-catalog.js';
import { plural, withDatabase, type CliContext } from '../context.js';
import type { Output } from '../output.js';

function printLoad(out: Output, report: StarterCatalogReport): void {
  const { c } = out;
  out.line(`${c.green('✓')} starter catalog: ${plural(report.total, 'movement')} → ${report.inserted} inserted, ${report.unchanged} unchanged${report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : ''}`);
}

/**
 * `gainsly-db catalog load`: inserts the library's starter movement catalog (idempotent by name).
 *
 * @example
 * ```ts
 * program.addCommand(catalogCommand(ctx));
 * ```
 */
export function catalogCommand(ctx: CliContext): Command {
  const { out } = ctx;
  const catalog = new Command('catalog').description('the starter movement catalog (61 common movements, every movement pattern)');
  catalog
    .command('load')
    .description('insert the starter movements a database does not have yet, as system movements (idempotent by name, one transaction)')
    .addHelpText(
      'after',
      `
Movements already present (same name) are left as they are and counted as unchanged, so running it
twice, or after \`gainsly-db import movements\`, inserts nothing new. Run \`gainsly-db migrate\` first.

Examples:
  $ gainsly-db catalog load --url postgres://app@db:5432/gainsly
  $ gainsly-db catalog load --json | jq .report.inserted`,
    )
    .action(async (_opts: unknown, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const report = await loadStarterCatalog(orm.em.fork());
        if (report.skipped.length > 0) out.warn(`${plural(report.skipped.length, 'movement')} not inserted: a user's own movement has the name (${report.skipped.join(', ')}).`);
        out.result({ command: 'catalog load', database: conn.display, report }, () => printLoad(out, report));
      });
    });
  return catalog;
}
