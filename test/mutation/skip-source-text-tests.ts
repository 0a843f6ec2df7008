/**
 * setupFile of the mutation runs. A few guard tests read `src/**` as text (imports, barrels,
 * TSDoc) rather than run it. Under Stryker they read the instrumented copy (every mutant woven
 * in, `process`/`require` in its prelude), so they fail for every mutant alike and can neither
 * kill nor spare one: they are skipped here and still run in `npm test`.
 */
import { beforeEach } from 'vitest';

/** `<file basename> <suite > ... > test>` patterns of the source-text tests. */
const SOURCE_TEXT_TESTS: readonly RegExp[] = [
  /^enums\.test\.ts purity > .*imports only sibling enum files/,
  /^domain-surface\.test\.ts .* > (imports only sibling modules|has an explicit barrel|documents every name)/,
  /^schemas-surface\.test\.ts .* > (imports only zod|has an explicit barrel|documents every exported declaration)/,
];

beforeEach((context) => {
  const names: string[] = [];
  for (let task: { name: string; suite?: unknown } | undefined = context.task; task; task = task.suite as typeof task) {
    if (task.name) names.unshift(task.name);
  }
  const file = context.task.file.name.split('/').pop() ?? '';
  const id = `${file} ${names.filter((name) => name !== context.task.file.name).join(' > ')}`;
  if (SOURCE_TEXT_TESTS.some((pattern) => pattern.test(id))) context.skip('reads source text; see test/mutation/skip-source-text-tests.ts');
});
