#!/usr/bin/env node
// `npm run bench`: builds the library with the package's own tsup config into bench/.build/lib
// (what users get, but in a private directory so a concurrent `npm run build` cannot pull it away
// mid-run), bundles the benchmark (bench/src, TypeScript) with esbuild, and runs it.
//
//   npm run bench                      1y and 5y (default)
//   npm run bench -- --size smoke      tiny data, few runs: proves the bench works (CI)
//   npm run bench -- --size all        1y, 5y and the 1,000-user database (~5M top sets)
//   npm run bench -- --help            every option
//
// Flags of this script: --no-build (reuse bench/.build from the previous run).
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLibraryInto, requireNode22 } from '../scripts/private-build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const buildDir = join(here, '.build');
const libDir = join(buildDir, 'lib');
const benchOut = join(buildDir, 'main.mjs');
process.chdir(root); // tsup resolves the config's entries from the working directory

const argv = process.argv.slice(2);
const noBuild = argv.includes('--no-build');
const args = argv.filter((a) => a !== '--no-build');

requireNode22('The bench');

async function bundleBench() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(here, 'src/main.ts')],
    outfile: benchOut,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
}

if (!noBuild || !existsSync(benchOut) || !existsSync(join(libDir, 'index.js'))) {
  const started = performance.now();
  await buildLibraryInto(root, libDir, buildDir);
  await bundleBench();
  console.error(`[bench] built the library into ${relative(root, libDir)} and the bench into ${relative(root, benchOut)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const { main } = await import(pathToFileURL(benchOut).href);
process.exitCode = await main(args, { root, libDir });
