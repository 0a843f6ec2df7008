import { defineConfig, type Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

/**
 * `keepNames` makes esbuild follow every function with `__name(fn, 'fn');` and give every class a
 * `static { __name(this, 'X'); }` block. An application's bundler cannot tell that these calls
 * only set a name, so they kept every function and class of a shared chunk alive: one enum
 * constant from `@gainsly/db/enums` pulled the whole chunk (issue #18, browser bundle budgets;
 * `npm run check:bundles`). This marks each call `@__PURE__`, which lets such a bundler drop the
 * call and, with it, whatever nothing else uses. Node and unbundled use are unchanged: a comment
 * does not change what runs, and the names are still set.
 *
 * The comment goes at the end of the line before the call, so no column of the chunk moves and
 * its source map stays exact. Rollup's tree-shaking pass (`treeshake` below) runs after this
 * plugin; it is told to ignore annotations so that it does not drop the calls from the build
 * itself (esbuild has already shaken the chunks).
 */
const pureKeepNames: TsupPlugin = {
  name: 'pure-keep-names',
  renderChunk(code, info) {
    if (!/\.(?:js|mjs|cjs)$/.test(info.path)) return;
    // A line that is only `__name(<identifier or this>, "<name>");`, after the `}` that ends a
    // function or the `{` that opens a class's static block: how esbuild writes them.
    const marked = code.replace(/([{}])(?=\n[ \t]*__name\((?:[\w$]+|this), "[^"\n]*"\);\n)/g, '$1 /* @__PURE__ */');
    return marked === code ? undefined : { code: marked };
  },
};

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
  // Rollup's pass over each chunk; `annotations: false` keeps the calls marked by pureKeepNames.
  treeshake: { annotations: false },
  plugins: [pureKeepNames],
});
