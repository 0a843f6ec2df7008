import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'enums/index': 'src/enums/index.ts',
    'domain/index': 'src/domain/index.ts',
    'schemas/index': 'src/schemas/index.ts',
  },
  format: ['esm'],
  dts: true,
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // Entity class names are MikroORM metadata keys; minifier renames would break them.
  keepNames: true,
  splitting: true,
  treeshake: true,
});
