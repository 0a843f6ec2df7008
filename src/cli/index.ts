#!/usr/bin/env node
// The `gainsly-db` executable (package.json `bin`). Everything lives in program.ts so it can be run
// in-process; this file only connects it to the real process.
import { createRequire } from 'node:module';
import { runCli } from './program.js';

function packageVersion(): string {
  try {
    // dist/cli/index.js -> ../../package.json (src/cli/index.ts in development: the same depth).
    return (createRequire(import.meta.url)('../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// `gainsly-db demo | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, packageVersion());
process.exitCode = code;
// Every command closes its database; should anything still hold the event loop open (a driver
// timer), do not keep a script waiting: exit shortly after, with the same code.
setTimeout(() => process.exit(code), 2_000).unref();
