import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:consumer`: the packed tarball in a fresh consumer project (consumer.test.ts).
// One file, its tests in order; no global setup (the test finds PostgreSQL itself).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/consumer/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
