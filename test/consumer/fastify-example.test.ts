/**
 * The Fastify example (examples/fastify) as a team would run it: the package built from a clean copy
 * of the working tree and `npm pack`ed, the example copied to a temp directory with `@gainsly/db`
 * pointed at the tarball, its pinned dependencies (fastify, fastify-type-provider-zod, zod) installed
 * from the registry, compiled with tsc (strict, nodenext) against the packed types, and its tests
 * (node:test, HTTP injection) run against an empty PostgreSQL database: every workflow of the
 * README, bad input as 400 problems, another user's ids as 404 problems.
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
  console.log(`[fastify-example] ${line}`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gainsly-fastify-'));
  const [packed, pg] = await Promise.all([buildAndPack(root), resolvePgServer(process.env, (line) => log(line))]);
  server = pg;
  example = join(root, 'fastify');
  await cp(join(REPO_ROOT, 'examples/fastify'), example, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src) });
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

describe('the Fastify example', () => {
  it('shares one zod with the library (the type provider and the schemas it is given)', async () => {
    const ls = await run('npm', ['ls', 'zod', '--json'], { cwd: example, expectCodes: [0, 1] });
    const versions = new Set([...ls.stdout.matchAll(/"zod":\s*\{\s*"version":\s*"([^"]+)"/g)].map((m) => m[1]));
    expect([...versions]).toHaveLength(1);
  }, 120_000);

  it('compiles with tsc (strict, nodenext) against the packed types', async () => {
    const tsc = await run(process.execPath, [join(example, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: example, expectCodes: [0, 1, 2] });
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);

  it('passes its tests on an empty database: the workflows, bad input, another user\'s ids', async () => {
    const name = `gainsly_fastify_${randomBytes(4).toString('hex')}`;
    await withRawClient(server!.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    databases.push(name);
    const result = await node(['--test', '--test-reporter=spec', 'dist/test/app.test.js'], {
      cwd: example,
      env: childEnv({ DATABASE_URL: withDatabase(server!.adminUrl, name) }),
      expectCodes: [0, 1],
      timeoutMs: 300_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/pass 14/);
    expect(output).toMatch(/fail 0/);
  }, 300_000);
});
