/**
 * Memory tests run the code under test in a child process with a capped heap, so the figure is
 * that code's and a whole-file-in-memory regression fails with an out-of-memory error instead of
 * passing on a big machine. The child is a test/support script bundled with esbuild (its imports of
 * the package's dependencies stay external), and it prints one JSON document on stdout.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A bundled child script; `dispose()` removes the bundle. */
export interface MemoryChild {
  /** Runs the child with its heap capped at `heapMb` and returns the JSON it printed. */
  run<T>(heapMb: number, args: readonly string[], timeoutMs: number): Promise<T>;
  dispose(): void;
}

/** Bundles `test/support/<script>.ts` into node_modules/.cache for this test process. */
export async function bundleMemoryChild(script: string): Promise<MemoryChild> {
  const outDir = join(ROOT, 'node_modules', '.cache', `gainsly-${script}-${process.pid}`);
  const outfile = join(outDir, 'child.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, `test/support/${script}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    keepNames: true,
    logLevel: 'silent',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  return {
    async run<T>(heapMb: number, args: readonly string[], timeoutMs: number): Promise<T> {
      const { stdout } = await execFileAsync(process.execPath, [`--max-old-space-size=${heapMb}`, outfile, ...args], { cwd: ROOT, maxBuffer: 1024 * 1024, timeout: timeoutMs });
      return JSON.parse(stdout) as T;
    },
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
