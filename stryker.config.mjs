// @ts-check
/**
 * Mutation testing, CI set (issue #24): the pure layers and the ORM building blocks.
 *
 *   npm run mutate          # this file; fails below thresholds.break
 *   npm run mutate:sql      # stryker.sql.config.mjs: repositories, scopes, admin (needs PostgreSQL)
 *
 * See test/README.md for the scores per area and the surviving mutants.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.unit.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/**/*.ts',
    'src/enums/**/*.ts',
    'src/schemas/**/*.ts',
    'src/orm/**/*.ts',
  ],
  // A 2-core machine that runs other work too.
  concurrency: 2,
  // Static mutants (module-level constants such as the enum tables) can only be judged by
  // reloading every module and re-running the whole suite: 12 % of the mutants, 65 % of the time.
  // They are reported as "ignored"; `npm run mutate:static` measures them on a schedule.
  ignoreStatic: process.env.GAINSLY_MUTATE_STATIC !== '1',
  // `npm run mutate` passes --incremental: mutants whose code and covering tests did not change
  // keep their result from this file, so a CI run only re-tests what a change touched. The file is
  // committed (see test/README.md); a full run rewrites it.
  incrementalFile: 'test/mutation/stryker-incremental.json',
  ignorePatterns: ['dist', 'coverage', '.gainsly', 'docs/api', 'bench/.build', 'bench/results', '*.tgz', '.vitest-cache'],
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
