/**
 * Upstream fixtures live beside the repository in `../shared/fixtures/` (never copied into it).
 * Tests that need them call {@link requireFixtures}; on a plain clone without `../shared` they are
 * skipped with a loud message instead of passing silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRawClient } from './pg-client.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** The 19-table dump (upstream revision 9c1a2b3c4d5e) and the 37-table head dump. */
export const UPSTREAM_DUMPS = {
  '9c1a2b3c4d5e': 'gainsly-upstream-schema-9c1a2b3c4d5e.sql',
  head: 'gainsly-upstream-schema.sql',
} as const;

export const fixturesAvailable = existsSync(FIXTURES_DIR);

/** Call at module level: returns whether to run, and warns loudly when the fixtures are missing. */
export function requireFixtures(what: string): boolean {
  if (!fixturesAvailable) {
    console.warn(`\n!!! [gainsly tests] SKIPPING ${what}: ../shared/fixtures not found at ${FIXTURES_DIR}\n`);
  }
  return fixturesAvailable;
}

export function fixturePath(name: string): string {
  return `${FIXTURES_DIR}${name}`;
}

/** A schema dump without pg_dump's psql-only `\restrict` / `\unrestrict` lines. */
export function readDump(which: keyof typeof UPSTREAM_DUMPS): string {
  return readFileSync(fixturePath(UPSTREAM_DUMPS[which]), 'utf8').replace(/^\\(un)?restrict .*$/gm, '');
}

/** Loads an upstream schema dump into the (empty) database at `url`, as the Python app's migrations would leave it. */
export async function loadUpstreamDump(url: string, which: keyof typeof UPSTREAM_DUMPS): Promise<void> {
  const sql = readDump(which);
  await withRawClient(url, async (client) => {
    // pg_dump output sets search_path (and more) for the session; under a transaction pooler that
    // would stay on the server connection the next client gets (the pgbouncer test project).
    await client.query(`${sql};\nRESET ALL;`);
  });
}

/** Reads a JSON file from `../shared/fixtures/upstream-seed-data/`. */
export function readSeed<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(`upstream-seed-data/${name}`), 'utf8')) as T;
}
