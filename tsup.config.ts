import { defineConfig } from 'tsup';

// The library's public entry points; they also get `.d.ts` files.
const libraryEntries = {
  index: 'src/index.ts',
  'enums/index': 'src/enums/index.ts',
  'domain/index': 'src/domain/index.ts',
  'schemas/index': 'src/schemas/index.ts',
  'admin/index': 'src/admin/index.ts',
};

export default defineConfig({
  entry: {
    ...libraryEntries,
    // The `gainsly-db` executable (package.json `bin`). esbuild keeps the entry's
    // `#!/usr/bin/env node` line, and tsup marks files starting with one executable.
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm'],
  // The CLI is not an API: no declaration files for it.
  dts: { entry: libraryEntries },
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // Entity class names are MikroORM metadata keys; minifier renames would break them.
  keepNames: true,
  splitting: true,
  treeshake: true,
});
