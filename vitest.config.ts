import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compile decorators like tsup/esbuild does (legacy, no metadata) so tests see the
  // same entity metadata as the published bundle and a missing explicit `type` fails here too.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/consumer/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
