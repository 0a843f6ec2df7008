import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:types`: the type-level tests of the public API (test/types/*.test-d.ts). Nothing is
// executed: vitest runs tsc and reports each failing `expectTypeOf` / unused `@ts-expect-error`
// under its test name.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      checker: 'tsc',
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: 'test/types/tsconfig.json',
      ignoreSourceErrors: false,
    },
  },
});
