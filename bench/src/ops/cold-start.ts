// Operation 7: cold start, in fresh Node processes (each run a new process; lib and raw alternate).
//
// - `@gainsly/db/enums` alone: the time of `await import()` of the built entry.
// - lib: import `@gainsly/db`, `createGainslyOrm({ url })`, first query (`select 1`).
// - raw: import `pg`, connect a `pg.Client`, first query.
// - `@mikro-orm/postgresql` alone: the time of `await import()`, against the library's import
//   (issue #23's budget: at most 50 ms more).
// Also checks that the enums entry pulls in no package (MikroORM, pg, zod): it is meant for browsers.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { libFile } from '../lib.js';
import { summarize } from '../stats.js';
import type { OpContext, OpResult, SeriesReport, Target } from '../types.js';
import { checkTarget } from './common.js';

const run = promisify(execFile);

async function child(script: string, cwd: string): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Record<string, number>;
}

/** Bare specifiers imported, transitively, by a built file (static and dynamic imports). */
export function packagesImportedBy(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(file)) return found;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) packagesImportedBy(join(dirname(file), spec), seen, found);
    else if (!spec.startsWith('node:')) found.add(spec);
  }
  return found;
}

/**
 * Issue #23's cold-start budget: importing the library costs at most `budgetMs` more than
 * importing `@mikro-orm/postgresql` alone. The figure is the median of the paired differences
 * (`libImportMs[i] - mikroImportMs[i]`, two fresh processes run one after the other, taking turns
 * which goes first): the machine's speed drifts by tens of milliseconds between processes
 * (bench/README.md, "Operations and targets"), and a pair shares its moment where two medians of
 * whole series do not. Enforced except in a smoke run.
 */
export function importBudgetTarget(ctx: Pick<OpContext, 'smoke'>, libImportMs: readonly number[], mikroImportMs: readonly number[], budgetMs = 50): Target {
  if (libImportMs.length !== mikroImportMs.length) throw new Error(`importBudgetTarget: ${libImportMs.length} library imports against ${mikroImportMs.length} of MikroORM; they are pairs`);
  const more = summarize(libImportMs.map((lib, i) => lib - mikroImportMs[i]!)).median;
  const lib = summarize(libImportMs).median;
  const mikro = summarize(mikroImportMs).median;
  return {
    label: `import over @mikro-orm/postgresql <= ${budgetMs} ms`,
    kind: 'absolute',
    actual: `${more >= 0 ? '+' : ''}${more.toFixed(0)} ms (median of ${libImportMs.length} pairs; medians ${lib.toFixed(0)} against ${mikro.toFixed(0)} ms)`,
    pass: more <= budgetMs,
    enforced: !ctx.smoke,
  };
}

function seriesOf(label: string, samples: number[]): SeriesReport {
  const summary = summarize(samples);
  return { label, summary, roundMedians: [summary.median], statements: { total: 0, work: 0, varies: false, min: 0, max: 0 } };
}

export async function coldStartOp(ctx: OpContext): Promise<OpResult> {
  const dir = ctx.L.dir;
  const url = ctx.dataset.url;
  const enumsScript = `const t0 = performance.now(); await import(${JSON.stringify(libFile(dir, 'enums/index.js'))}); console.log(JSON.stringify({ importMs: performance.now() - t0 }));`;
  const libScript = `
    const t0 = performance.now();
    const { createGainslyOrm } = await import(${JSON.stringify(libFile(dir, 'index.js'))});
    const t1 = performance.now();
    const orm = await createGainslyOrm({ url: ${JSON.stringify(url)} });
    await orm.em.getConnection().execute('select 1');
    const t2 = performance.now();
    await orm.close(true);
    console.log(JSON.stringify({ importMs: t1 - t0, toFirstQueryMs: t2 - t1, totalMs: t2 - t0 }));`;
  const rawScript = `
    const t0 = performance.now();
    const { default: pg } = await import('pg');
    const t1 = performance.now();
    const client = new pg.Client({ connectionString: ${JSON.stringify(url)} });
    await client.connect();
    await client.query('select 1');
    const t2 = performance.now();
    await client.end();
    console.log(JSON.stringify({ importMs: t1 - t0, toFirstQueryMs: t2 - t1, totalMs: t2 - t0 }));`;
  const mikroScript = `const t0 = performance.now(); await import('@mikro-orm/postgresql'); console.log(JSON.stringify({ importMs: performance.now() - t0 }));`;
  const scripts = { lib: libScript, raw: rawScript, mikro: mikroScript };

  // Twice as many pairs as a third of the operations' runs (20 in a full run): the budget is a
  // median of paired differences whose spread is tens of milliseconds on a 2-core machine.
  const runs = Math.max(3, Math.round((ctx.runs * 2) / 3));
  const cwd = ctx.L.dir;
  const samples = { enums: [] as number[], libImport: [] as number[], libFirst: [] as number[], libTotal: [] as number[], rawImport: [] as number[], rawFirst: [] as number[], rawTotal: [] as number[], mikroImport: [] as number[] };
  for (let i = 0; i < runs + 1; i++) {
    const e = await child(enumsScript, cwd);
    // Reversed every other time, so neither the library nor MikroORM alone always runs first.
    const order = i % 2 === 0 ? (['lib', 'raw', 'mikro'] as const) : (['mikro', 'raw', 'lib'] as const);
    const out: Partial<Record<keyof typeof scripts, Record<string, number>>> = {};
    for (const side of order) out[side] = await child(scripts[side], cwd);
    if (i === 0) continue; // warm-up: the OS file cache
    const { lib: l, raw: r, mikro: m } = out;
    samples.enums.push(e.importMs!);
    samples.libImport.push(l!.importMs!);
    samples.libFirst.push(l!.toFirstQueryMs!);
    samples.libTotal.push(l!.totalMs!);
    samples.rawImport.push(r!.importMs!);
    samples.rawFirst.push(r!.toFirstQueryMs!);
    samples.rawTotal.push(r!.totalMs!);
    samples.mikroImport.push(m!.importMs!);
  }
  const packages = [...packagesImportedBy(join(dir, 'enums/index.js'))];
  const pure = packages.length === 0;
  const libTotal = summarize(samples.libTotal);
  const rawTotal = summarize(samples.rawTotal);
  return {
    op: 7,
    key: 'coldStart',
    title: 'cold start: import + createGainslyOrm + first query',
    size: ctx.dataset.spec.name,
    lib: seriesOf('lib: import + createGainslyOrm + select 1', samples.libTotal),
    raw: seriesOf('raw: import pg + connect + select 1', samples.rawTotal),
    extra: [
      seriesOf('import @gainsly/db/enums', samples.enums),
      seriesOf('lib: import @gainsly/db', samples.libImport),
      seriesOf('lib: createGainslyOrm -> first query', samples.libFirst),
      seriesOf('raw: connect -> first query', samples.rawFirst),
      seriesOf('import @mikro-orm/postgresql', samples.mikroImport),
    ],
    ratio: libTotal.median / rawTotal.median,
    targets: [checkTarget('enums entry imports no package', pure, pure ? 'none' : packages.join(', ')), importBudgetTarget(ctx, samples.libImport, samples.mikroImport)],
    notes: [
      `import @gainsly/db/enums: ${summarize(samples.enums).median.toFixed(1)} ms; import @gainsly/db: ${summarize(samples.libImport).median.toFixed(0)} ms (@mikro-orm/postgresql alone: ${summarize(samples.mikroImport).median.toFixed(0)} ms); createGainslyOrm -> first query: ${summarize(samples.libFirst).median.toFixed(0)} ms (report only, no target)`,
    ],
  };
}
