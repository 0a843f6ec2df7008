// Builds the library as users get it (the package's own tsup.config.ts: entries, target,
// splitting) into a private directory, without .d.ts files: for the bench
// (bench/.build/lib) and the demo (.gainsly/demo-build), so neither depends on, nor disturbs, a
// concurrent `npm run build` into dist/.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a build is made from: a change to any of these makes a private build stale. */
const INPUT_DIRS = ['src', 'migrations'];
const INPUT_FILES = ['tsup.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const STAMP = 'built-from.json';

/** Exits with a clear message on a Node older than MikroORM 7 needs (npm scripts put the node@22 devDependency first on PATH). */
export function requireNode22(what) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 17)) {
    console.error(`${what} needs Node >= 22.17 (MikroORM 7); this is ${process.version}. Run it through npm, which puts the node@22 devDependency first on PATH.`);
    process.exit(2);
  }
}

/** The newest modification time (ms) of the build's inputs under `root`, and how many there are. */
export function inputState(root) {
  let newest = 0;
  let files = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    files++;
    if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const dir of INPUT_DIRS) visit(join(root, dir));
  for (const file of INPUT_FILES) visit(join(root, file));
  // The count catches a deleted file, which leaves the newest time as it was.
  return { newest, files };
}

/** Whether `outDir` holds a build of the inputs as they are now (its stamp records their state). */
export function isFresh(root, outDir) {
  const stamp = join(outDir, STAMP);
  if (!existsSync(stamp) || !existsSync(join(outDir, 'index.js'))) return false;
  try {
    const built = JSON.parse(readFileSync(stamp, 'utf8'));
    const now = inputState(root);
    return built.newest === now.newest && built.files === now.files;
  } catch {
    return false;
  }
}

/** Builds the library from `root` into `outDir` (scratch files in `scratchDir`) and stamps it. */
export async function buildLibraryInto(root, outDir, scratchDir) {
  const state = inputState(root);
  const esbuild = await import('esbuild');
  const { build } = await import('tsup');
  mkdirSync(scratchDir, { recursive: true });
  // The package's tsup config, as is; only the output directory differs, and no .d.ts files.
  const configOut = join(scratchDir, 'tsup.config.mjs');
  await esbuild.build({ entryPoints: [join(root, 'tsup.config.ts')], outfile: configOut, format: 'esm', platform: 'node', bundle: true, packages: 'external', logLevel: 'error' });
  const config = (await import(`${pathToFileURL(configOut).href}?t=${Date.now()}`)).default;
  const cwd = process.cwd();
  process.chdir(root); // tsup resolves the config's entries from the working directory
  try {
    await build({ ...config, config: false, outDir, dts: false, silent: true });
  } finally {
    process.chdir(cwd);
  }
  writeFileSync(join(outDir, STAMP), `${JSON.stringify(state)}\n`);
}
