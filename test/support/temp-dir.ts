/**
 * A temporary directory for the tests of a file or a `describe`: made in `beforeAll`, removed with
 * everything in it in `afterAll`. Read `path` inside tests and hooks, not at module level.
 *
 * @example
 * ```ts
 * const tmp = useTempDir('gainsly-pglite-');
 * it('opens a database there', async () => {
 *   const orm = await createGainslyOrm({ url: `pglite:${join(tmp.path, 'data')}` });
 * });
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function useTempDir(prefix: string): { readonly path: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    get path() {
      if (!dir) throw new Error('The temporary directory exists only inside tests and hooks of the file that called useTempDir().');
      return dir;
    },
  };
}
