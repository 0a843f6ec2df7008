// One of examples/* as a team would run it, for the consumer tests of the examples: the package
// built from a clean copy of the working tree and `npm pack`ed, the example copied to a temp
// directory with `@gainsly/db` pointed at the tarball and its pinned dependencies installed from
// the registry; scratch databases on the test server, dropped at the end.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resolvePgServer, type PgServer } from '../support/pg-server.js';
import { quoteIdent, withDatabase, withRawClient } from '../support/pg-client.js';
import { buildAndPack, REPO_ROOT, run } from './harness.js';

const KEEP = ['1', 'true', 'yes'].includes((process.env.GAINSLY_CONSUMER_KEEP ?? '').toLowerCase());

export interface ExampleProject {
  /** The example's installed copy. */
  readonly dir: string;
  /** A new empty database on the test server (dropped at the end): its name and URL. */
  scratchDatabase(): Promise<{ name: string; url: string; adminUrl: string }>;
}

/** Call at the top of an example's consumer test file: `beforeAll` installs it, `afterAll` cleans up. */
export function useExampleProject(example: 'nestjs' | 'fastify'): ExampleProject {
  let root = '';
  let dir = '';
  let server: PgServer | undefined;
  const databases: string[] = [];
  const log = (line: string) => console.log(`[${example}-example] ${line}`);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), `gainsly-${example}-`));
    const [packed, pg] = await Promise.all([buildAndPack(root), resolvePgServer(process.env, (line) => log(line))]);
    server = pg;
    dir = join(root, example);
    await cp(join(REPO_ROOT, 'examples', example), dir, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src) });
    const manifestPath = join(dir, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['@gainsly/db'] = `file:${packed.path}`;
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: dir, timeoutMs: 600_000 });
    log(`installed the example's dependencies in ${(install.ms / 1000).toFixed(1)} s`);
  }, 900_000);

  afterAll(async () => {
    try {
      if (server) {
        await withRawClient(server.adminUrl, async (c) => {
          for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        }).catch((error: unknown) => log(`could not drop scratch databases: ${String(error)}`));
        await server.stop();
      }
    } finally {
      if (root && !KEEP) await rm(root, { recursive: true, force: true });
    }
  }, 120_000);

  return {
    get dir() {
      return dir;
    },
    async scratchDatabase() {
      const name = `gainsly_${example}_${randomBytes(4).toString('hex')}`;
      await withRawClient(server!.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      databases.push(name);
      return { name, url: withDatabase(server!.adminUrl, name), adminUrl: server!.adminUrl };
    },
  };
}
