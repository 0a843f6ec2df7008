/**
 * The NestJS example (examples/nestjs) as a team would run it: the package built from a clean copy
 * of the working tree and `npm pack`ed, the example copied to a temp directory with `@gainsly/db`
 * pointed at the tarball, its pinned dependencies installed from the registry, compiled with tsc
 * (decorator metadata, as Nest needs), and its e2e tests (node:test, over HTTP) run against an empty
 * PostgreSQL database, for both the forRoot and forRootAsync module set-ups.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePgServer, type PgServer } from '../support/pg-server.js';
import { quoteIdent, withDatabase, withRawClient } from '../support/pg-client.js';
import { buildAndPack, childEnv, node, REPO_ROOT, run } from './harness.js';

const KEEP = ['1', 'true', 'yes'].includes((process.env.GAINSLY_CONSUMER_KEEP ?? '').toLowerCase());

let root = '';
let example = '';
let server: PgServer | undefined;
const databases: string[] = [];

function log(line: string): void {
  console.log(`[nestjs-example] ${line}`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gainsly-nestjs-'));
  const [packed, pg] = await Promise.all([buildAndPack(root), resolvePgServer(process.env, (line) => log(line))]);
  server = pg;
  example = join(root, 'nestjs');
  await cp(join(REPO_ROOT, 'examples/nestjs'), example, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src) });
  const manifestPath = join(example, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
  manifest.dependencies['@gainsly/db'] = `file:${packed.path}`;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: example, timeoutMs: 600_000 });
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

describe('the NestJS example', () => {
  it('compiles with tsc (strict, decorator metadata) against the packed types', async () => {
    const tsc = await run(process.execPath, [join(example, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: example, expectCodes: [0, 1, 2] });
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);

  it('passes its e2e tests on an empty database: forRoot and forRootAsync, filter, migrations, app table, cron job', async () => {
    const name = `gainsly_nestjs_${randomBytes(4).toString('hex')}`;
    await withRawClient(server!.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    databases.push(name);
    const result = await node(['--test', '--test-reporter=spec', 'dist/test/e2e.test.js'], {
      cwd: example,
      env: childEnv({ EXAMPLE_DATABASE_URL: withDatabase(server!.adminUrl, name) }),
      expectCodes: [0, 1],
      timeoutMs: 300_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/pass 8/);
    // Library first, then the app's own migration, each in its own table.
    const [library, app] = await withRawClient(withDatabase(server!.adminUrl, name), async (c) => [
      (await c.query<{ name: string }>('select name from gainsly_db_migrations order by id')).rows.map((r) => r.name),
      (await c.query<{ name: string }>('select name from app_migrations order by id')).rows.map((r) => r.name),
    ]);
    expect(library).toEqual(['0001-upstream-schema', '0002-overview-additions', '0003-performance-indexes', '0004-foreign-key-indexes']);
    expect(app).toEqual(['0001-badges']);
  }, 300_000);
});
