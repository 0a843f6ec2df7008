// Browser bundle sizes of the pure subpaths (@gainsly/db/enums, /domain, /schemas), issue #18.
//
// The package is built as users get it (the package's own tsup.config.ts, through
// scripts/private-build.mjs, into a private directory: `npm run build` is not needed and dist/ is
// not touched) and laid out as node_modules/@gainsly/db with the package's `exports` and
// `sideEffects`. Each entry below is then bundled from it with esbuild the way an application's
// bundler would: browser platform, ESM, minified, tree-shaken. The built package is measured, not
// src/, because that is what users bundle: tsup puts the modules of the pure subpaths into shared
// chunks, and inside a chunk the `sideEffects: false` of package.json no longer helps; only code
// that a bundler can prove unused (pure annotations) is dropped. Measured from src/, one enum
// constant was 3.6 KB while the published package gave 15.9 KB.
//
// Entries that import one name have a budget; the whole-subpath entries are reported only.
// Used by scripts/check-bundle-budgets.mjs (`npm run check:bundles`, CI) and
// test/unit/bundle-budgets.test.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyzeMetafile, build } from 'esbuild';
import { buildLibraryInto, isFresh } from './private-build.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `npm run check:bundles` builds the package; reused while src/ and the build config are unchanged. */
export const DEFAULT_WORK_DIR = join(ROOT, '.gainsly', 'bundle-budgets');

/** Budget of a single-name entry, in bytes of minified JavaScript (issue #18: 3 KB). */
export const SINGLE_NAME_BUDGET = 3072;

/**
 * What is measured: `contents` is the application module esbuild bundles; `budget` is the limit in
 * minified bytes, or `null` for an entry that is reported only.
 */
export const BUNDLE_ENTRIES = Object.freeze([
  {
    name: 'MovementPattern from @gainsly/db/enums',
    contents: "import { MovementPattern } from '@gainsly/db/enums';\nconsole.log(MovementPattern);\n",
    budget: SINGLE_NAME_BUDGET,
  },
  {
    name: 'estimateOneRepMax from @gainsly/db/domain',
    contents: "import { estimateOneRepMax } from '@gainsly/db/domain';\nconsole.log(estimateOneRepMax);\n",
    budget: SINGLE_NAME_BUDGET,
  },
  { name: '@gainsly/db/enums (everything)', contents: "export * from '@gainsly/db/enums';\n", budget: null },
  { name: '@gainsly/db/domain (everything)', contents: "export * from '@gainsly/db/domain';\n", budget: null },
  { name: '@gainsly/db/schemas (everything)', contents: "export * from '@gainsly/db/schemas';\n", budget: null },
]);

/**
 * Builds the package into `<workDir>/node_modules/@gainsly/db` (dist/ and a package.json with the
 * package's name, type, sideEffects and exports), unless a build of the current sources is there.
 * Bare imports other than `@gainsly/db` (zod) resolve from the repository's node_modules, so
 * `workDir` must be inside the repository.
 *
 * @param {string} [workDir]
 * @returns {Promise<{ packageDir: string, rebuilt: boolean }>}
 */
export async function buildPackage(workDir = DEFAULT_WORK_DIR) {
  const packageDir = join(workDir, 'node_modules', '@gainsly', 'db');
  const distDir = join(packageDir, 'dist');
  const rebuilt = !isFresh(ROOT, distDir);
  if (rebuilt) await buildLibraryInto(ROOT, distDir, join(workDir, 'scratch'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const manifest = { name: pkg.name, version: pkg.version, type: pkg.type, sideEffects: pkg.sideEffects, exports: pkg.exports };
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The application's own package.json: without it the nearest one is the repository's, and
  // esbuild resolves `@gainsly/db/...` as a self-reference to the repository's dist/.
  writeFileSync(join(workDir, 'package.json'), `${JSON.stringify({ name: 'bundle-budgets-app', private: true, type: 'module' }, null, 2)}\n`);
  return { packageDir, rebuilt };
}

/**
 * Bundles one entry for the browser against the package built by {@link buildPackage}.
 *
 * @param {{ name: string, contents: string, budget: number | null }} entry
 * @param {{ workDir?: string, analyze?: boolean }} [options] `analyze` adds esbuild's breakdown by input file
 */
export async function measureEntry(entry, options = {}) {
  const workDir = options.workDir ?? DEFAULT_WORK_DIR;
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: workDir, sourcefile: 'app.js', loader: 'js' },
    absWorkingDir: workDir,
    bundle: true,
    write: false,
    outfile: join(workDir, 'out', 'app.js'),
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: entry.name,
    budget: entry.budget,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    code: Buffer.from(bytes).toString('utf8'),
    // Input files that contributed bytes, relative to the repository (zod shows as node_modules/zod/...).
    inputs: Object.entries(result.metafile.outputs)
      .flatMap(([, output]) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => relative(ROOT, resolve(workDir, path)).split('\\').join('/')),
    ...(options.analyze ? { analysis: await analyzeMetafile(result.metafile) } : {}),
  };
}

/**
 * Builds the package if needed and measures every entry of {@link BUNDLE_ENTRIES}.
 *
 * @param {{ workDir?: string, analyze?: boolean }} [options]
 */
export async function measureBundles(options = {}) {
  const workDir = options.workDir ?? DEFAULT_WORK_DIR;
  const { rebuilt } = await buildPackage(workDir);
  const results = [];
  for (const entry of BUNDLE_ENTRIES) results.push(await measureEntry(entry, { ...options, workDir }));
  return { rebuilt, results };
}

/**
 * The measured entries over their budget.
 *
 * @param {ReadonlyArray<{ budget: number | null, minified: number }>} results
 */
export function overBudget(results) {
  return results.filter((result) => result.budget !== null && result.minified > result.budget);
}
