#!/usr/bin/env node
// Browser bundle budgets of the pure subpaths (issue #18); the measurement is in
// scripts/bundle-budgets.mjs, which says how and why the built package is measured.
//
//   npm run check:bundles                 # table; exit 1 when an entry is over its budget
//   npm run check:bundles -- --json       # the figures as JSON (same exit status)
//   npm run check:bundles -- --analyze    # also esbuild's breakdown of each entry by input file
//
// Budgets (minified bytes): one enum constant from @gainsly/db/enums and estimateOneRepMax from
// @gainsly/db/domain, 3 KB each. The whole enums, domain and schemas subpaths are reported, not budgeted.
import Table from 'cli-table3';
import { measureBundles, overBudget } from './bundle-budgets.mjs';
import { requireNode22 } from './private-build.mjs';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--json', '--analyze'].includes(arg)) {
    console.error(`check-bundle-budgets: unknown argument ${arg} (use --json or --analyze)`);
    process.exit(2);
  }
}
const JSON_OUTPUT = args.has('--json');
const ANALYZE = args.has('--analyze');

requireNode22('npm run check:bundles');

const { rebuilt, results } = await measureBundles({ analyze: ANALYZE });
const over = overBudget(results);

if (JSON_OUTPUT) {
  const entries = results.map(({ name, budget, minified, gzip, inputs, analysis }) => ({
    name,
    budget,
    minified,
    gzip,
    withinBudget: budget === null ? null : minified <= budget,
    inputs,
    ...(analysis === undefined ? {} : { analysis }),
  }));
  console.log(JSON.stringify({ platform: 'browser', minified: true, entries }, null, 2));
} else {
  console.log(`Browser bundles of the built package (esbuild, minified, tree-shaken; ${rebuilt ? 'built now' : 'build reused'} in .gainsly/bundle-budgets)`);
  const table = new Table({
    head: ['entry', 'minified (B)', 'gzip (B)', 'budget (B)', ''],
    colAligns: ['left', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const result of results) {
    const verdict = result.budget === null ? 'reported' : result.minified <= result.budget ? 'ok' : 'OVER';
    table.push([result.name, result.minified, result.gzip, result.budget ?? '-', verdict]);
  }
  console.log(table.toString());
  if (ANALYZE) {
    for (const result of results) console.log(`\n${result.name}:${result.analysis}`);
  }
}

if (over.length > 0) {
  for (const result of over) {
    console.error(`check:bundles: ${result.name} is ${result.minified} bytes minified, over its budget of ${result.budget} bytes`);
  }
  process.exit(1);
}
