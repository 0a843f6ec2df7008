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
    // The schemas the root entry validates with, loaded on first use (src/orm/validation.ts): a
    // file of its own so the synchronous fallback can require it by name.
    'internal/validation': 'src/schemas/validation-set.ts',
    // Likewise the library's migrations and MikroORM's migrator, loaded when an ORM is configured
    // (src/setup/config.ts, `migrationSet`).
    'internal/migrations': 'src/setup/migration-set.ts',
  },
  // The sources import the lazily loaded modules eagerly (their `*-eager.ts` twins, see
  // src/orm/lazy-module.ts); the published root entry must not, or `import '@gainsly/db'` loads zod
  // and MikroORM's migrator (issue #23, cold start).
  esbuildPlugins: [
    {
      name: 'lazy-modules',
      setup(build) {
        build.onLoad({ filter: /[\\/]src[\\/](orm|setup)[\\/][a-z-]+-eager\.ts$/ }, () => ({ contents: 'export const EAGER = undefined;', loader: 'ts' }));
      },
    },
  ],
  format: ['esm'],
  // The CLI is not an API: no declaration files for it.
  dts: { entry: libraryEntries },
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // No keepNames: it wraps every named closure in `__name(fn, 'fn')`, a defineProperty each time
  // the closure is made. `forUser()` makes about forty (its namespaces), and the calls were a fifth
  // of the library's own CPU per read (issue #23, profile of bench op 9); they also kept whole
  // chunks in applications' browser bundles (issue #18, `npm run check:bundles`). The names that
  // matter are the classes' (MikroORM's entity names, error names): esbuild renames a class only
  // on a clash in its chunk, and `npm run check:exports` fails if an exported class's runtime
  // name differs from its export name.
  splitting: true,
});
