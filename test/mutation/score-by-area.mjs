#!/usr/bin/env node
// Mutation score per area from a Stryker JSON report (default reports/mutation/mutation.json):
//   node test/mutation/score-by-area.mjs [report.json ...] [--survivors]
// Several reports (runs over different files, e.g. GAINSLY_MUTATE_OUT=<name>) are merged; a file
// in more than one report counts from the last one given.
// Score as Stryker computes it: (killed + timeout) / (killed + timeout + survived + no coverage);
// ignored (static) mutants and compile/runtime errors are left out.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const given = args.filter((a) => !a.startsWith('--'));
const files = given.length > 0 ? given : ['reports/mutation/mutation.json'];
const report = { files: Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(f, 'utf8')).files)) };

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
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (c.Killed + c.Timeout)) / valid).toFixed(2)} %`;
};
console.log('| area | score | killed | timeout | survived | no coverage | ignored (static) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [area, c] of [...areas].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| ${area} | ${score(c)} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} |`);
}
console.log(`| **all** | **${score(total)}** | ${total.Killed} | ${total.Timeout} | ${total.Survived} | ${total.NoCoverage} | ${total.Ignored} |`);
if (args.includes('--survivors')) console.log(`\n${survivors.join('\n')}`);
