/**
 * The Fastify example (examples/fastify) as a team would run it: the package built from a clean copy
 * of the working tree and `npm pack`ed, the example copied to a temp directory with `@gainsly/db`
 * pointed at the tarball, its pinned dependencies (fastify, fastify-type-provider-zod, zod) installed
 * from the registry, compiled with tsc (strict, nodenext) against the packed types, and its tests
 * (node:test, HTTP injection) run against an empty PostgreSQL database: every workflow of the
 * README, bad input as 400 problems, another user's ids as 404 problems.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, node, run } from './harness.js';
import { useExampleProject } from './example-project.js';

const project = useExampleProject('fastify');

describe('the Fastify example', () => {
  it('shares one zod with the library (the type provider and the schemas it is given)', async () => {
    const ls = await run('npm', ['ls', 'zod', '--json'], { cwd: project.dir, expectCodes: [0, 1] });
    const versions = new Set([...ls.stdout.matchAll(/"zod":\s*\{\s*"version":\s*"([^"]+)"/g)].map((m) => m[1]));
    expect([...versions]).toHaveLength(1);
  }, 120_000);

  it('compiles with tsc (strict, nodenext) against the packed types', async () => {
    const tsc = await run(process.execPath, [join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project.dir, expectCodes: [0, 1, 2] });
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);

  it('passes its tests on an empty database: the workflows, bad input, another user\'s ids', async () => {
    const database = await project.scratchDatabase();
    const result = await node(['--test', '--test-reporter=spec', 'dist/test/app.test.js'], {
      cwd: project.dir,
      env: childEnv({ DATABASE_URL: database.url }),
      expectCodes: [0, 1],
      timeoutMs: 300_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/pass 14/);
    expect(output).toMatch(/fail 0/);
  }, 300_000);
});
