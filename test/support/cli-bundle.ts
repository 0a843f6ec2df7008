/**
 * Builds `gainsly-db` the way users get it (the package's tsup config, without declaration files)
 * into a private directory, so a test never depends on, or races with, the repository's `dist/`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliBundle {
  /** Path of the built `cli/index.js`. */
  cli: string;
  remove(): Promise<void>;
}

export async function buildCliBundle(timeoutMs = 120_000): Promise<CliBundle> {
  const outDir = join(ROOT, 'node_modules', '.cache', `gainsly-cli-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  const script = `import('tsup').then((t) => t.build({ outDir: ${JSON.stringify(outDir)}, dts: false, sourcemap: false, silent: true, clean: true }))`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: timeoutMs }, (error, _stdout, stderr) =>
      error ? reject(new Error(`building the CLI failed: ${stderr || error.message}`)) : resolve(),
    );
  });
  return { cli: join(outDir, 'cli', 'index.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}
