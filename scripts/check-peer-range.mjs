#!/usr/bin/env node
// Proves the MikroORM peer range of package.json: installs the lowest and the newest MikroORM 7 set
// the registry serves inside that range into a scratch copy of this checkout, then runs the
// typecheck and the test projects against each set.
//
//   npm run check:peer-range                          # both ends: typecheck + unit + integration
//   npm run check:peer-range -- --skip-dev-version    # leave out a set equal to the devDependencies
//                                                     #   (CI: `npm test` already ran on it)
//   npm run check:peer-range -- --only lowest         # one end (lowest | newest)
//   npm run check:peer-range -- --version 7.2.0       # one given set (any version, also outside the range)
//   npm run check:peer-range -- --project integration # test projects (repeatable; default unit + integration)
//   npm run check:peer-range -- --build --keep        # also `npm run build`; keep the scratch copies
//   npm run check:peer-range -- --list                # only print the sets (no install, no tests)
//
// A "set" is every @mikro-orm/* package of peerDependencies at one version. MikroORM's packages
// depend on each other at exact versions (@mikro-orm/migrations, /decorators, /pglite, /postgresql
// each want exactly their own version of @mikro-orm/core), so a consumer can only install them as
// one version; a version is a candidate when the registry serves every one of those packages at it
// (`npm view <package>@<range> version`). After the install the script checks that the tree has one
// copy of each @mikro-orm package at that version (no nested second @mikro-orm/sql) and that
// `npm ls` finds no invalid peer, then runs `npm run typecheck` (src, tests, migrations, examples'
// tsconfig as the repository's), optionally `npm run build`, and `vitest run --project ...`.
//
// The scratch copy is the working tree (tracked and untracked, not ignored files: uncommitted
// changes are tested too) in a temp directory, with `../shared` linked when the checkout has one
// (the fixtures). npm runs on this Node (>= 22, so installs print no engine warnings); run the
// script through `npm run`, which puts the node@22 devDependency first on PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let options;
try {
  // Node's own parser: an unknown or misspelt option is refused instead of ignored.
  ({ values: options } = parseArgs({
    options: {
      only: { type: 'string' },
      version: { type: 'string', multiple: true },
      project: { type: 'string', multiple: true },
      'skip-dev-version': { type: 'boolean' },
      build: { type: 'boolean' },
      keep: { type: 'boolean' },
      list: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`check-peer-range: ${error.message}`);
  process.exit(2);
}

const ONLY = options.only;
const GIVEN = options.version ?? [];
const PROJECTS = options.project?.length ? options.project : ['unit', 'integration'];
const SKIP_DEV = options['skip-dev-version'] === true;
const BUILD = options.build === true;
const KEEP = options.keep === true;
const LIST = options.list === true;

if (ONLY && !['lowest', 'newest'].includes(ONLY)) fail(`--only takes lowest or newest, not ${ONLY}`);
if (Number(process.versions.node.split('.')[0]) < 22) {
  fail(`Node ${process.version}: run this with Node 22 (npm run check:peer-range uses the node@22 devDependency)`);
}

function fail(message) {
  console.error(`check-peer-range: ${message}`);
  process.exit(2);
}

// Every child (npm, and the npm scripts it runs) gets this Node first on PATH.
const ENV = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, NO_UPDATE_NOTIFIER: '1' };

function npm(argv, cwd, opts = {}) {
  return execFileSync('npm', argv, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

// ------------------------------------------------------------------------------------------------
// The range and the candidate sets

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ORM = Object.keys(pkg.peerDependencies ?? {}).filter((name) => name.startsWith('@mikro-orm/')).sort();
if (ORM.length === 0) fail('package.json has no @mikro-orm/* peerDependencies');
const ranges = new Set(ORM.map((name) => pkg.peerDependencies[name]));
if (ranges.size !== 1) fail(`the @mikro-orm/* peers must share one range (MikroORM installs as one version): ${[...ranges].join(', ')}`);
const [RANGE] = ranges;
const devVersions = new Set(ORM.map((name) => pkg.devDependencies?.[name]));
const DEV = devVersions.size === 1 ? [...devVersions][0] : undefined;

/** Versions of `name` the registry serves inside `range` (npm's own semver; no prereleases). */
function served(name, range) {
  const out = npm(['view', `${name}@${range}`, 'version', '--json'], ROOT).trim();
  if (!out) return [];
  const parsed = JSON.parse(out);
  return Array.isArray(parsed) ? parsed : [parsed];
}

const compare = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

let targets;
if (GIVEN.length > 0) {
  targets = GIVEN.map((version) => ({ label: 'given', version }));
} else {
  const perPackage = Object.fromEntries(ORM.map((name) => [name, served(name, RANGE)]));
  const complete = perPackage[ORM[0]].filter((v) => ORM.every((name) => perPackage[name].includes(v))).sort(compare);
  console.log(`peer range ${RANGE} of ${ORM.join(', ')}`);
  for (const name of ORM) console.log(`  ${name}: newest served in range ${perPackage[name].sort(compare).at(-1) ?? '(none)'}`);
  if (complete.length === 0) fail(`the registry serves no version in ${RANGE} at which every one of ${ORM.join(', ')} exists`);
  console.log(`  complete sets (every package at one version): ${complete.join(', ')}`);
  const lowest = complete[0];
  const newest = complete.at(-1);
  targets = [
    { label: 'lowest', version: lowest },
    ...(newest !== lowest ? [{ label: 'newest', version: newest }] : []),
  ];
  if (ONLY) targets = targets.filter((t) => t.label === ONLY);
  if (SKIP_DEV) {
    for (const t of targets.filter((t) => t.version === DEV)) {
      console.log(`  ${t.label} ${t.version} is the devDependencies' set: left out (--skip-dev-version; \`npm test\` covers it)`);
    }
    targets = targets.filter((t) => t.version !== DEV);
  }
}

if (LIST) {
  for (const t of targets) console.log(`would test ${t.label} ${t.version}`);
  process.exit(0);
}

// ------------------------------------------------------------------------------------------------
// A scratch copy per set

function sourceFiles() {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((file) => file && existsSync(join(ROOT, file)));
}

function scratchCopy(version) {
  const base = mkdtempSync(join(tmpdir(), `gainsly-peer-${version}-`));
  const dir = join(base, 'gainsly-db');
  for (const file of sourceFiles()) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file), { dereference: false, verbatimSymlinks: true });
  }
  const shared = resolve(ROOT, '..', 'shared');
  if (existsSync(shared)) symlinkSync(realpathSync(shared), join(base, 'shared'));
  return { base, dir };
}

function setVersions(dir, version) {
  const file = join(dir, 'package.json');
  const scratch = JSON.parse(readFileSync(file, 'utf8'));
  for (const name of ORM) scratch.devDependencies[name] = version;
  writeFileSync(file, `${JSON.stringify(scratch, null, 2)}\n`);
}

/** Every installed copy of a @mikro-orm package, nested ones included: `[path, version]`. */
function installedOrm(dir) {
  const found = [];
  const walk = (nodeModules) => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry === '.bin') continue;
      const names = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of names) {
        const at = join(nodeModules, name);
        if (name.startsWith('@mikro-orm/') && existsSync(join(at, 'package.json'))) {
          found.push([at.slice(dir.length + 1), JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')).version]);
        }
        walk(join(at, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}

/** Runs a step with its output streamed; returns [ok, seconds]. */
function run(title, command, argv, cwd) {
  console.log(`\n---- ${title}: ${command} ${argv.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, argv, { cwd, env: ENV, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`---- ${title}: ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`);
  return [result.status === 0, seconds];
}

const results = [];
for (const target of targets) {
  const { version, label } = target;
  const started = Date.now();
  console.log(`\n==== MikroORM ${version} (${label} of ${RANGE}) ====`);
  const { base, dir } = scratchCopy(version);
  setVersions(dir, version);
  const steps = [];
  let ok = true;
  const step = (name, command, argv) => {
    if (!ok) return;
    const [passed, seconds] = run(name, command, argv, dir);
    steps.push(`${name} ${passed ? 'ok' : 'FAILED'} (${seconds} s)`);
    ok = passed;
  };

  // `npm install` keeps the lockfile's other pins and moves only the @mikro-orm packages (and what
  // they depend on). Its output is shown: it must have no ERESOLVE and no EBADENGINE warning.
  step('install', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
  if (ok) {
    const copies = installedOrm(dir);
    const wrong = copies.filter(([path, v]) => v !== version || path.split('node_modules').length > 2);
    for (const [path, v] of copies) console.log(`  ${path} ${v}`);
    if (wrong.length > 0 || !ORM.every((name) => copies.some(([path]) => path === `node_modules/${name}`))) {
      console.log(`---- tree: FAILED: not one copy of every @mikro-orm package at ${version}`);
      steps.push('tree FAILED');
      ok = false;
    } else {
      const ls = spawnSync('npm', ['ls', ...ORM, '@mikro-orm/sql'], { cwd: dir, env: ENV, encoding: 'utf8' });
      console.log(ls.stdout);
      steps.push(`tree ${ls.status === 0 ? 'ok' : 'FAILED (npm ls)'}`);
      if (ls.status !== 0) {
        console.log(ls.stderr);
        ok = false;
      }
    }
  }
  step('typecheck', 'npm', ['run', 'typecheck']);
  if (BUILD) step('build', 'npm', ['run', 'build']);
  step('tests', 'npx', ['vitest', 'run', ...PROJECTS.flatMap((p) => ['--project', p])]);

  results.push({ version, label, ok, steps, seconds: Math.round((Date.now() - started) / 1000) });
  if (KEEP) console.log(`kept: ${dir}`);
  else rmSync(base, { recursive: true, force: true });
}

console.log(`\n==== MikroORM peer range ${RANGE} ====`);
for (const r of results) {
  console.log(`${r.ok ? 'passed' : 'FAILED'}  ${r.version.padEnd(8)} ${r.label.padEnd(7)} ${r.seconds} s: ${r.steps.join(', ')}`);
}
if (results.length === 0) console.log('no set to test (every end is the devDependencies\' set, which `npm test` covers)');
const failed = results.filter((r) => !r.ok).length;
console.log(`MikroORM sets that passed: ${results.length - failed} of ${results.length}`);
process.exit(failed > 0 ? 1 : 0);
