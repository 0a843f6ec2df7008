#!/usr/bin/env node
// Mutation score per area from a Stryker JSON report (default reports/mutation/mutation.json):
//   node test/mutation/score-by-area.mjs [report.json ...] [--survivors]
// Several reports (runs over different files or with different tests, e.g. GAINSLY_MUTATE_OUT=<name>)
// are merged mutant by mutant: a mutant in more than one report counts with its best status
// (killed or timed out by any run's tests is detected), since each run judged it with other tests.
// Score as Stryker computes it: (killed + timeout) / (killed + timeout + survived + no coverage);
// ignored (static) mutants and compile/runtime errors are left out.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// --break-all N / --break-area N: exit 1 when the total / any area scores below N (Stryker's own
// `thresholds.break` only knows the total; issue #24 sets a floor per area too).
const { values: options, positionals: given } = parseArgs({
  allowPositionals: true,
  options: { survivors: { type: 'boolean' }, 'break-all': { type: 'string' }, 'break-area': { type: 'string' } },
});
const files = given.length > 0 ? given : ['reports/mutation/mutation.json'];
// Best first; a status not listed (compile or runtime error) ranks last.
const RANK = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'];
const rank = (status) => (RANK.includes(status) ? RANK.indexOf(status) : RANK.length);
const mutantKey = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
const merged = new Map();
for (const file of files) {
  for (const [path, { mutants }] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).files)) {
    if (!merged.has(path)) merged.set(path, new Map());
    const byKey = merged.get(path);
    for (const mutant of mutants) {
      const known = byKey.get(mutantKey(mutant));
      if (!known || rank(mutant.status) < rank(known.status)) byKey.set(mutantKey(mutant), mutant);
    }
  }
}
const report = { files: Object.fromEntries([...merged].map(([path, byKey]) => [path, { mutants: [...byKey.values()] }])) };

const areaOf = (path) => {
  const m = /(?:^|\/)src\/(modules\/[^/]+|[^/]+)\//.exec(path);
  return m ? m[1] : path;
};
const blank = () => ({ Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 });
const areas = new Map();
const total = blank();
const survivors = [];
for (const [path, { mutants }] of Object.entries(report.files)) {
  const area = areaOf(path);
  if (!areas.has(area)) areas.set(area, blank());
  for (const mutant of mutants) {
    const key = mutant.status in total ? mutant.status : 'other';
    areas.get(area)[key] += 1;
    total[key] += 1;
    if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      survivors.push(`${mutant.status.padEnd(10)} ${path}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '')}`);
    }
  }
}
const percent = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid === 0 ? undefined : (100 * (c.Killed + c.Timeout)) / valid;
};
const score = (c) => (percent(c) === undefined ? 'n/a' : `${percent(c).toFixed(2)} %`);
console.log('| area | score | killed | timeout | survived | no coverage | ignored (static) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [area, c] of [...areas].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| ${area} | ${score(c)} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} |`);
}
console.log(`| **all** | **${score(total)}** | ${total.Killed} | ${total.Timeout} | ${total.Survived} | ${total.NoCoverage} | ${total.Ignored} |`);
if (options.survivors) console.log(`\n${survivors.join('\n')}`);

const below = [];
if (options['break-all'] !== undefined && (percent(total) ?? 100) < Number(options['break-all'])) below.push(`all: ${score(total)} < ${options['break-all']} %`);
if (options['break-area'] !== undefined) {
  for (const [area, c] of areas) if ((percent(c) ?? 100) < Number(options['break-area'])) below.push(`${area}: ${score(c)} < ${options['break-area']} %`);
}
if (below.length > 0) {
  console.error(`\nMutation score below its floor: ${below.join('; ')}`);
  process.exitCode = 1;
}
