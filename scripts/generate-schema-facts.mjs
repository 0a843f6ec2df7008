#!/usr/bin/env node
// Derives the schema facts (the expected catalog `doctor` compares with, what the library adds on
// top of upstream's schema, the enum-backed columns and the varchar lengths) from the migrations
// and the entity metadata, and writes them to the *.generated.ts files (issue #25; the logic is
// scripts/schema-facts.ts).
//
//   npm run generate:schema-facts   # after adding a table, column, index, enum label or entity property
//   npm run check:schema-facts      # fails, changing nothing, when a committed file is stale
//
// The migrations run on a scratch database of the test server (GAINSLY_TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards; with no server answering, on
// an in-memory PGlite database. The output is sorted, so reruns give identical files.
//
// scripts/schema-facts.ts imports the TypeScript sources (entities with decorators, migrations), so
// it is bundled first with esbuild (as tsup builds the library: legacy decorators, packages left
// external) into node_modules/.cache, then imported.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outfile = join(ROOT, 'node_modules', '.cache', 'gainsly-schema-facts', `schema-facts-${process.pid}.mjs`);

mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(ROOT, 'scripts', 'schema-facts.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
  plugins: [missingGeneratedFiles()],
});
/**
 * The sources import the generated files themselves (ENUM_COLUMNS, COLUMN_LENGTHS); when one is
 * missing (deleted to start over), an empty stand-in lets the generator run and write it.
 */
function missingGeneratedFiles() {
  return {
    name: 'missing-generated-files',
    setup(b) {
      b.onResolve({ filter: /(\.generated|-generated)\.js$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        return existsSync(path) ? { path } : { path, namespace: 'missing-generated' };
      });
      b.onLoad({ filter: /.*/, namespace: 'missing-generated' }, () => ({
        contents: [
          'GENERATED_TABLES', 'GENERATED_ENUMS', 'GENERATED_ADDED_TABLE_DDL', 'ENUM_COLUMN_FACTS', 'VARCHAR_LENGTHS',
        ].map((n) => `export const ${n} = {};`).concat(
          ['GENERATED_ADDED_TABLES', 'GENERATED_ADDED_COLUMNS', 'GENERATED_ADDED_CONSTRAINTS', 'GENERATED_ADDED_INDEXES'].map((n) => `export const ${n} = [];`),
        ).join('\n'),
        loader: 'js',
      }));
    },
  };
}

const { collectSchemaFacts, renderSchemaFacts, withScratchDatabase } = await import(pathToFileURL(outfile).href);
rmSync(outfile, { force: true });

const adminUrl = process.env.GAINSLY_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const files = renderSchemaFacts(await withScratchDatabase(adminUrl, collectSchemaFacts));

const stale = [];
for (const [path, text] of Object.entries(files)) {
  const file = join(ROOT, path);
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === text) continue;
  stale.push(path);
  if (!check) writeFileSync(file, text);
}

if (check && stale.length > 0) {
  console.error(`Stale schema facts: ${stale.join(', ')} (the migrations or entities changed): run npm run generate:schema-facts`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'schema facts are up to date' : `wrote ${stale.join(', ')}`);
