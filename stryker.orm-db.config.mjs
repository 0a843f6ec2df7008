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
import { outputs } from './stryker.config.mjs';

process.env.GAINSLY_MUTATION_TESTS ??= [
  'test/unit/**/*.test.ts',
  // Typed errors, stored values and scopes through the repositories' base, bound statements and
  // the strict hydrator.
  'test/integration/orm-building-blocks.test.ts',
  'test/integration/stored-values.test.ts',
  'test/integration/constraints.test.ts',
  'test/integration/scoping.test.ts',
  // Start-up, migrate(), the driver's pool and transaction steps, the embedded database: one fast
  // file written for this run (the fault and migration suites cover the same paths, too slowly to
  // judge each mutant by).
  'test/integration/orm-start-up.test.ts',
  // Read-replica routing against stand-in replicas (test/reliability/replicas.test.ts needs a
  // streaming replica cluster per run).
  'test/integration/replica-routing.test.ts',
  // Forks and the shared configuration (src/orm/context.ts, quietContextToggle).
  'test/integration/fork-config.test.ts',
].join(',');

const config = {
  ...sql,
  mutate: [
    'src/orm/base-repository.ts',
    'src/orm/bound-query.ts',
    'src/orm/context.ts',
    'src/setup/create-orm.ts',
    'src/setup/driver.ts',
    'src/setup/embedded.ts',
    'src/orm/replicas.ts',
    'src/setup/schema-generator.ts',
    'src/setup/strict-hydrator.ts',
  ],
  ...outputs('-orm-db'),
};

export default config;
