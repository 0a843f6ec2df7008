#!/usr/bin/env node
// `npm run demo`: runs `gainsly-db demo` on an embedded database. The library is built into
// .gainsly/demo-build (JavaScript only) the first time and again only when a source file changed
// since, so the second run starts in seconds instead of rebuilding everything, declarations included
// (issue #19). Arguments after `--` go to the demo: `npm run demo -- --help`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibraryInto, isFresh, requireNode22 } from './private-build.mjs';

requireNode22('The demo');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, '.gainsly', 'demo-build');
if (!isFresh(root, buildDir)) {
  const started = performance.now();
  process.stderr.write('[demo] building the library (first run, or a source file changed) …\n');
  await buildLibraryInto(root, buildDir, join(root, '.gainsly', 'demo-build-scratch'));
  process.stderr.write(`[demo] built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const child = spawn(process.execPath, [join(buildDir, 'cli', 'index.js'), 'demo', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
