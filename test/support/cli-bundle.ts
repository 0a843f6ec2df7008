/**
 * Builds `gainsly-db` the way users get it (the package's tsup config, without declaration files)
 * into a private directory, so a test never depends on, or races with, the repository's `dist/`.
 *
 * The global setup builds it once per run, beside the template database, and hands its path to
 * every file (`inject('gainslyCliBundle')`): a tsup build costs seconds of CPU, and several files
 * spawn the CLI.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliBundle {
  /** Path of the built `cli/index.js`. */
  cli: string;
  remove(): Promise<void>;
}

/** Builds a bundle of its own into a new directory under node_modules/.cache (it resolves the package's dependencies like dist/ does). */
export async function buildOwnCliBundle(timeoutMs = 120_000): Promise<CliBundle> {
  const outDir = join(ROOT, 'node_modules', '.cache', `gainsly-cli-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  const script = `import('tsup').then((t) => t.build({ outDir: ${JSON.stringify(outDir)}, dts: false, sourcemap: false, silent: true, clean: true }))`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: timeoutMs }, (error, _stdout, stderr) =>
      error ? reject(new Error(`building the CLI failed: ${stderr || error.message}`)) : resolve(),
    );
  });
  return { cli: join(outDir, 'cli', 'index.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** The run's bundle when the global setup built one (removed at teardown), else one of its own. */
export async function buildCliBundle(timeoutMs = 120_000): Promise<CliBundle> {
  const shared = inject('gainslyCliBundle');
  if (shared) return { cli: shared, remove: async () => undefined };
  return buildOwnCliBundle(timeoutMs);
}
