#!/usr/bin/env node
// Dry run of the next release's changelog: runs `changeset version` on a copy of package.json,
// CHANGELOG.md and .changeset/ in a temp directory (the working tree is never touched) and checks
// that the result is what users will read.
//
//   npm run check:changelog             # check
//   npm run check:changelog -- --print  # also print the generated release entry
//
// It fails when:
//   - a pending changeset (.changeset/*.md) is malformed: no front matter naming "@gainsly/db" with
//     major | minor | patch, or an empty summary;
//   - a public entry point of package.json (exports subpath, bin) is mentioned by no changeset and
//     not by CHANGELOG.md (every user-visible surface needs a changeset before its first release);
//   - `changeset version` fails, does not bump the version as the changesets say, does not consume
//     them, or the new CHANGELOG.md section does not contain every summary;
//   - CHANGELOG.md has text between its title and the first release: changesets inserts the new
//     release right under the title, so that text would end up inside the release's notes;
//   - anything in the working tree changed.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PRINT = process.argv.includes('--print');
const problems = [];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const NAME = pkg.name;
const BUMPS = ['patch', 'minor', 'major'];

/** sha256 of the files `changeset version` would touch, to prove the working tree is left alone. */
function fingerprint() {
  const hash = createHash('sha256');
  const files = ['package.json', 'CHANGELOG.md', ...readdirSync(join(ROOT, '.changeset')).sort().map((f) => `.changeset/${f}`)];
  for (const file of files) hash.update(`${file}\0`).update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : '');
  return hash.digest('hex');
}

const normalise = (text) => text.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------------------------------------
// The pending changesets

const changesets = [];
for (const file of readdirSync(join(ROOT, '.changeset')).sort()) {
  if (!file.endsWith('.md') || file === 'README.md') continue;
  const text = readFileSync(join(ROOT, '.changeset', file), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(`.changeset/${file}: no front matter (--- "${NAME}": minor ---)`);
    continue;
  }
  const releases = [...match[1].matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(\w+)\s*$/gm)].map((m) => ({ name: m[1].trim(), type: m[2] }));
  const own = releases.find((r) => r.name === NAME);
  for (const r of releases) {
    if (r.name !== NAME) problems.push(`.changeset/${file}: names package "${r.name}", not "${NAME}"`);
    if (!BUMPS.includes(r.type)) problems.push(`.changeset/${file}: bump "${r.type}" is not one of ${BUMPS.join(', ')}`);
  }
  if (!own) problems.push(`.changeset/${file}: does not release "${NAME}"`);
  const summary = match[2].trim();
  if (!summary) problems.push(`.changeset/${file}: empty summary`);
  changesets.push({ file, type: own?.type, summary });
}

// Every public surface is announced somewhere.
const changelogBefore = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
const announced = [changelogBefore, ...changesets.map((c) => c.summary)].join('\n');
const surfaces = [
  ...Object.keys(pkg.exports ?? {})
    .filter((s) => s !== '.' && s !== './package.json')
    .map((s) => `${NAME}${s.slice(1)}`),
  ...Object.keys(typeof pkg.bin === 'string' ? { [NAME]: pkg.bin } : (pkg.bin ?? {})),
];
for (const surface of surfaces) {
  if (!announced.includes(surface)) problems.push(`no changeset (and no CHANGELOG.md entry) mentions \`${surface}\`; add one (npx changeset)`);
}

// Text between the title and the first release would land inside the next release's notes.
const firstRelease = changelogBefore.search(/^## /m);
const preamble = changelogBefore.slice(0, firstRelease === -1 ? undefined : firstRelease).replace(/^# .*\n?/, '').trim();
if (preamble) {
  problems.push(
    `CHANGELOG.md: text between the title and the first release ("${preamble.slice(0, 60)}${preamble.length > 60 ? '…' : ''}") — ` +
      '`changeset version` inserts each release right under the title, so this text would become part of the release notes. Keep only the title (explain the process in .changeset/README.md).',
  );
}

// ------------------------------------------------------------------------------------------------
// The dry run

const before = fingerprint();
const dir = mkdtempSync(join(tmpdir(), 'gainsly-changelog-'));
try {
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'CHANGELOG.md'), join(dir, 'CHANGELOG.md'));
  cpSync(join(ROOT, '.changeset'), join(dir, '.changeset'), { recursive: true });
  // The changelog generator (@changesets/cli/changelog) is resolved from the project.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');

  try {
    execFileSync(join(ROOT, 'node_modules/.bin/changeset'), ['version'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
    });
  } catch (error) {
    problems.push(`changeset version failed: ${(error.stderr || error.stdout || error.message).trim()}`);
  }

  const after = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
  const left = readdirSync(join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');

  if (changesets.length === 0) {
    if (after.version !== pkg.version) problems.push(`no pending changesets, but the version changed ${pkg.version} -> ${after.version}`);
    console.log(`check-changelog: no pending changesets (version stays ${pkg.version}).`);
  } else {
    const expected = expectedVersion(pkg.version, changesets.map((c) => c.type).filter(Boolean));
    if (after.version !== expected) problems.push(`version: expected ${pkg.version} -> ${expected}, changeset version made ${after.version}`);
    if (left.length > 0) problems.push(`changeset version left these changesets unconsumed: ${left.join(', ')}`);

    const heading = `## ${after.version}`;
    const start = changelog.indexOf(`${heading}\n`);
    if (start === -1) problems.push(`CHANGELOG.md has no "${heading}" section after changeset version`);
    const next = changelog.indexOf('\n## ', start + heading.length);
    const section = start === -1 ? '' : changelog.slice(start, next === -1 ? undefined : next);
    const flat = normalise(section);
    for (const { file, summary } of changesets) {
      if (summary && !flat.includes(normalise(summary))) problems.push(`the ${heading} section does not contain the summary of .changeset/${file}`);
    }
    if (!changelog.includes(normalise(changelogBefore.split('\n')[0] ?? ''))) problems.push('CHANGELOG.md lost its title');
    if (PRINT) console.log(`${section.trim()}\n`);
    console.log(
      `check-changelog: ${changesets.length} pending changeset(s) -> ${pkg.version} -> ${after.version}; ` +
        `the ${heading} section has ${(section.match(/^- /gm) ?? []).length} entries.`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (fingerprint() !== before) problems.push('the working tree changed during the dry run (package.json, CHANGELOG.md or .changeset/)');

/** The version `changeset version` should produce: the current one bumped by the largest bump type. */
function expectedVersion(version, types) {
  const [major, minor, patch] = version.split('-')[0].split('.').map(Number);
  const bump = BUMPS[Math.max(...types.map((t) => BUMPS.indexOf(t)))];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

if (problems.length > 0) {
  console.error(`\ncheck-changelog: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('check-changelog: ok.');
