import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { findPgBouncer } from './test/support/pgbouncer.js';

/**
 * Files that run a second time through a real PgBouncer in transaction pooling mode (issue #20):
 * the workflow, concurrency and fault tests. The `pgbouncer` project's global setup starts it in
 * front of the test server, and test/support/database.ts hands out URLs through it.
 */
const THROUGH_PGBOUNCER = [
  'test/integration/workflows.test.ts',
  'test/integration/concurrency.test.ts',
  'test/reliability/faults.test.ts',
  'test/reliability/connection-faults.test.ts',
  'test/reliability/pgbouncer.test.ts',
];

const pgbouncer = findPgBouncer();
if (!pgbouncer) {
  console.warn('[gainsly tests] pgbouncer is not installed: the workflow, concurrency and fault tests do not run through it (Debian: apt-get install pgbouncer)');
}

export default defineConfig({
  // Compile decorators like tsup/esbuild does (legacy, no metadata) so tests see the
  // same entity metadata as the published bundle and a missing explicit `type` fails here too.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  test: {
    exclude: ['test/consumer/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Only a hang should fail a test: PGlite start-up and spawned CLI runs took 26 s of a 30 s limit
    // on this 2-core machine while other suites ran (test/README.md, "How the suite is organised").
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every file works on its own database clone, so files run side by side. Left to itself vitest
    // ran one file at a time on a 2-core machine (test/README.md, "How the suite is organised");
    // capped so a large machine does not exhaust the server's connections.
    maxWorkers: Math.max(2, Math.min(4, availableParallelism())),
    // `npm run test:unit` (no database: the global setup starts none when only `unit` runs),
    // `test:integration`, `test:reliability`; `npm test` runs them all (test/README.md).
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'] } },
      ...(pgbouncer ? [{ extends: true, test: { name: 'pgbouncer', include: THROUGH_PGBOUNCER, provide: { gainslyThroughPgBouncer: true } } }] : []),
    ],
  },
});
