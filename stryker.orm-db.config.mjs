// @ts-check
/**
 * Mutation testing, the database-bound part of src/orm (issue #24): the driver, the connection
 * and transaction context, the repositories' base, bound statements, the hydrator, replicas and
 * ORM start-up. No unit test can reach them without a server, so each mutant is judged by the
 * unit tests plus the integration tests listed in GAINSLY_MUTATION_TESTS (default below: the
 * files that exercise these paths most directly; see test/README.md "Mutation testing").
 *
 *   npm run mutate:orm-db
 *   npm run mutate:orm-db -- --mutate 'src/orm/bound-query.ts'
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import sql from './stryker.sql.config.mjs';

// GAINSLY_MUTATE_OUT=<name> as in stryker.config.mjs: its own reports, incremental file and sandbox.
const out = process.env.GAINSLY_MUTATE_OUT ?? 'orm-db';

process.env.GAINSLY_MUTATION_TESTS ??= [
  'test/unit/**/*.test.ts',
  // Typed errors, stored values, workflows and scopes through the repositories' base.
  'test/integration/orm-building-blocks.test.ts',
  'test/integration/constraints.test.ts',
  'test/integration/entities.test.ts',
  'test/integration/harness.test.ts',
  'test/integration/scoping.test.ts',
  'test/integration/stored-values.test.ts',
  'test/integration/workflows.test.ts',
  'test/integration/frameworks.test.ts',
  'test/reliability/hostile-arguments.test.ts',
  // The driver's pool hardening and transaction-step errors.
  'test/reliability/connection-faults.test.ts',
  'test/reliability/faults.test.ts',
  // The embedded database (pglite: URLs) and ensureDatabase.
  'test/integration/pglite.test.ts',
  'test/integration/migrations.test.ts',
].join(',');

const config = {
  ...sql,
  mutate: [
    'src/orm/base-repository.ts',
    'src/orm/bound-query.ts',
    'src/orm/context.ts',
    'src/orm/create-orm.ts',
    'src/orm/driver.ts',
    'src/orm/embedded.ts',
    'src/orm/replicas.ts',
    'src/orm/schema-generator.ts',
    'src/orm/strict-hydrator.ts',
  ],
  htmlReporter: { fileName: `reports/mutation-${out}/index.html` },
  jsonReporter: { fileName: `reports/mutation-${out}/mutation.json` },
  incrementalFile: `reports/mutation-${out}/stryker-incremental.json`,
  tempDirName: `.stryker-tmp-${out}`,
};

export default config;
