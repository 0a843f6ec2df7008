/**
 * The NestJS example (examples/nestjs) as a team would run it: the package built from a clean copy
 * of the working tree and `npm pack`ed, the example copied to a temp directory with `@gainsly/db`
 * pointed at the tarball, its pinned dependencies installed from the registry, compiled with tsc
 * (decorator metadata, as Nest needs), and its e2e tests (node:test, over HTTP) run against an empty
 * PostgreSQL database, for both the forRoot and forRootAsync module set-ups.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRawClient } from '../support/pg-client.js';
import { childEnv, node, run } from './harness.js';
import { useExampleProject } from './example-project.js';

const project = useExampleProject('nestjs');

describe('the NestJS example', () => {
  it('compiles with tsc (strict, decorator metadata) against the packed types', async () => {
    const tsc = await run(process.execPath, [join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project.dir, expectCodes: [0, 1, 2] });
    expect(`${tsc.stdout}${tsc.stderr}`.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);

  it('passes its e2e tests on an empty database: forRoot and forRootAsync, filter, migrations, app table, cron job', async () => {
    const database = await project.scratchDatabase();
    const result = await node(['--test', '--test-reporter=spec', 'dist/test/e2e.test.js'], {
      cwd: project.dir,
      env: childEnv({ EXAMPLE_DATABASE_URL: database.url }),
      expectCodes: [0, 1],
      timeoutMs: 300_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/pass 8/);
    // Library first, then the app's own migration, each in its own table.
    const [library, app] = await withRawClient(database.url, async (c) => [
      (await c.query<{ name: string }>('select name from gainsly_db_migrations order by id')).rows.map((r) => r.name),
      (await c.query<{ name: string }>('select name from app_migrations order by id')).rows.map((r) => r.name),
    ]);
    expect(library).toEqual(['0001-upstream-schema', '0002-overview-additions', '0003-performance-indexes', '0004-foreign-key-indexes']);
    expect(app).toEqual(['0001-badges']);
  }, 300_000);
});
