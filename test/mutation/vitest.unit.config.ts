/**
 * vitest config for the CI mutation run (stryker.config.mjs): the pure unit tests only, no
 * PostgreSQL (no globalSetup), so a mutant run costs milliseconds. Same decorator transform as
 * the main vitest.config.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The benchmark bookkeeping test exercises bench/, which no mutation run mutates; the bundle
    // budgets test builds the whole package with tsup (seconds per run) and reads no module it imports.
    exclude: ['test/unit/bench-measure.test.ts', 'test/unit/bundle-budgets.test.ts', 'node_modules/**'],
    setupFiles: ['test/mutation/skip-source-text-tests.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
