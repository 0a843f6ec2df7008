/**
 * Running the built `gainsly-db` (test/support/cli-bundle.ts) as users run it, for the CLI test
 * files: a clean environment, exit code and output, and the check every run makes that no password
 * reaches stdout or stderr.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { TestDatabase } from './database.js';
import { buildCliBundle, type CliBundle } from './cli-bundle.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Accepted by the local server's trust authentication; must never appear in any output. */
export const PASSWORD = 'Sup3r-Secret-Pa55word';

/** Generous, for a spawned process on a busy machine: a bound, not a performance check. */
export const SLOW = 120_000;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without any database URL, so only what a test passes counts. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.GAINSLY_DATABASE_URL;
  delete env.DATABASE_URL;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

/** The run's CLI bundle for this file's tests (`bundle.cli` is set before the first test). */
export function useCliBundle(): { readonly cli: string } {
  const state = { cli: '' };
  let bundle: CliBundle | undefined;
  beforeAll(async () => {
    bundle = await buildCliBundle();
    state.cli = bundle.cli;
  }, SLOW);
  afterAll(async () => {
    await bundle?.remove();
  });
  return state;
}

/** Runs `gainsly-db args` with Node 22 (the one running vitest), and checks no password leaked. */
export function runCli(cli: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    // process.execPath is the Node 22 that runs vitest (npm scripts put node@22 first on PATH).
    execFile(process.execPath, [cli, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? cleanEnv(), maxBuffer: 16 * 1024 * 1024, timeout: SLOW }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      // Every test checks this: no password, in any command's output, ever.
      expect(stdout + stderr).not.toContain(PASSWORD);
      if (serverPassword()) expect(stdout + stderr).not.toContain(serverPassword());
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** stdout as the one JSON document `--json` promises. */
export function json(result: Run): Record<string, any> {
  try {
    return JSON.parse(result.stdout) as Record<string, any>;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${result.code}):\n${result.stdout}\n--- stderr:\n${result.stderr}`);
  }
}

/** The test server's own password, when it has one (the embedded server does; the local one uses trust auth). */
export function serverPassword(): string {
  return decodeURIComponent(new URL(inject('gainslyAdminUrl')).password);
}

/**
 * The test server's URL for `db` with a password the CLI must hide: the server's own when it
 * checks passwords (embedded), else one the trust-auth server ignores.
 */
export function withPassword(db: TestDatabase): string {
  const url = new URL(db.url);
  url.username = url.username || 'postgres';
  if (!url.password) url.password = PASSWORD;
  return url.toString();
}
