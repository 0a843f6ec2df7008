// The private builds of the bench and the demo (scripts/private-build.mjs): a build is reused
// until one of its inputs changes, so `npm run demo` does not rebuild on every run (issue #19).
// Checked on a scratch tree with stamps written by hand; nothing is built here.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputState, isFresh } from '../../scripts/private-build.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A scratch package root with one source file, one migration and package.json, all dated `at` (seconds). */
function scratchRoot(at: number): string {
  const root = mkdtempSync(join(tmpdir(), 'gainsly-private-build-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  mkdirSync(join(root, 'migrations'));
  for (const file of ['src/deep/a.ts', 'migrations/0001.ts', 'package.json']) {
    writeFileSync(join(root, file), 'x');
    utimesSync(join(root, file), at, at);
  }
  return root;
}

/** What buildLibraryInto leaves: a build and the stamp of the inputs it was made from. */
function stamp(root: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.js'), '');
  writeFileSync(join(outDir, 'built-from.json'), JSON.stringify(inputState(root)));
}

describe('private builds', () => {
  it('takes the newest time of every input, nested files included, and counts them', () => {
    const root = scratchRoot(1_000);
    utimesSync(join(root, 'src', 'deep', 'a.ts'), 2_000, 2_000);
    expect(inputState(root)).toEqual({ newest: 2_000_000, files: 3 });
  });

  it('reuses a build stamped with the current inputs, and rebuilds after any input changes', () => {
    const root = scratchRoot(1_000);
    const out = join(root, '.gainsly', 'demo-build');
    expect(isFresh(root, out)).toBe(false);
    stamp(root, out);
    expect(isFresh(root, out)).toBe(true);
    let at = 3_000;
    for (const file of ['migrations/0001.ts', 'package.json', 'src/deep/a.ts']) {
      at += 1_000;
      utimesSync(join(root, file), at, at);
      expect(isFresh(root, out)).toBe(false);
      stamp(root, out);
      expect(isFresh(root, out)).toBe(true);
    }
    // A deleted source file leaves the newest time alone; the count sees it.
    rmSync(join(root, 'migrations', '0001.ts'));
    expect(isFresh(root, out)).toBe(false);
  });

  it('rebuilds when the stamp or the build is missing or unreadable', () => {
    const root = scratchRoot(1_000);
    const out = join(root, 'build');
    stamp(root, out);
    rmSync(join(out, 'index.js'));
    expect(isFresh(root, out)).toBe(false);
    stamp(root, out);
    writeFileSync(join(out, 'built-from.json'), '{not json');
    expect(isFresh(root, out)).toBe(false);
  });
});
