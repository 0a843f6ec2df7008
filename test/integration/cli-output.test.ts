/**
 * What `gainsly-db` prints fits the terminal and is coloured only where it should be: every line of
 * doctor (on an upstream database and on an empty one), audit and adopt --dry-run (upstream), the
 * demo, user commands and imports fits
 * 80 and 100 columns (COLUMNS, output piped); piped and --no-color output, --debug SQL log lines
 * included, carries no ANSI escape; and the wording of the issue #19 findings (doctor's next steps,
 * an import with no valid record, re-imported circuits).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGainslyOrm, migrate } from '../../src/index.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';
import { fixturePath, loadUpstreamDump, requireFixtures } from '../support/fixtures.js';
import { cleanEnv, json, runCli, SLOW, useCliBundle, withPassword, type Run } from '../support/cli.js';

const bundle = useCliBundle();
const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => runCli(bundle.cli, args, { env: cleanEnv(env) });
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;
const widest = (text: string) => Math.max(0, ...text.split('\n').map((line) => [...line].length));
const WIDTHS = [80, 100] as const;
/** Text with wrapped lines joined again (a continuation line starts with spaces). */
const flat = (text: string) => text.replace(/\n +/g, ' ');

function expectFits(result: Run, width: number, what: string): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    // A single word longer than the width (a URL, a path) stays whole on its own line, to be copied.
    const too = text.split('\n').filter((line) => [...line].length > width && /\s/.test(line.trim()));
    expect(too, `${what}: ${stream} lines wider than ${width}`).toEqual([]);
  }
}

const haveFixtures = requireFixtures('CLI output on an upstream database');
let empty: TestDatabase;
let library: TestDatabase;
let upstream: TestDatabase | undefined;
let dir: string;

beforeAll(async () => {
  [empty, library] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
  const orm = await createGainslyOrm({ url: library.url });
  try {
    await migrate(orm);
  } finally {
    await orm.close(true);
  }
  if (haveFixtures) {
    upstream = await createEmptyDatabase();
    await loadUpstreamDump(upstream.url, 'head');
  }
  dir = await mkdtemp(join(tmpdir(), 'gainsly-cli-output-'));
}, SLOW);
afterAll(async () => {
  await Promise.all([empty?.drop(), library?.drop(), upstream?.drop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('every line fits 80 and 100 columns', () => {
  it.runIf(haveFixtures)('doctor on an upstream database (rows were about 280 columns), with and without -v', async () => {
    for (const width of WIDTHS) {
      for (const extra of [[], ['-v']]) {
        const result = await run(['doctor', '--url', withPassword(upstream!), ...extra], { COLUMNS: String(width) });
        expect(result.code).toBe(3);
        expectFits(result, width, `doctor ${extra.join(' ')} at ${width}`);
        // A rule under the header, none between rows.
        expect(result.stdout).toMatch(/│ severity +│ finding +│\n├─+┼─+┤\n│/);
        expect(result.stdout.match(/├/g)).toHaveLength(1);
      }
    }
  }, SLOW);

  it.runIf(haveFixtures)('audit and adopt --dry-run on an upstream database', async () => {
    for (const width of WIDTHS) {
      for (const args of [['audit'], ['audit', '-v', '--include-sql-enums'], ['adopt', '--dry-run']]) {
        const result = await run([...args, '--url', withPassword(upstream!)], { COLUMNS: String(width) });
        // audit exits 1 when it finds values to fix; an unknown option would be 2 and print nothing here.
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
        expect(result.stdout.length, args.join(' ')).toBeGreaterThan(0);
        expectFits(result, width, `${args.join(' ')} at ${width}`);
      }
    }
  }, SLOW);

  it('doctor on an empty database, the demo, user export/erase, catalog load, migrate status', async () => {
    await run(['catalog', 'load', '--url', withPassword(library)]);
    for (const width of WIDTHS) {
      const env = { COLUMNS: String(width) };
      for (const args of [
        ['doctor', '--url', withPassword(empty)],
        ['doctor', '-v', '--url', withPassword(empty)],
        ['demo', '--url', withPassword(library)],
        ['migrate', 'status', '--url', withPassword(library)],
        ['catalog', 'load', '--url', withPassword(library)],
        ['user', 'erase', '1', '--dry-run', '--url', withPassword(library)],
        ['user', 'export', '1', '--out', join(dir, 'user.json'), '--url', withPassword(library)],
        ['--help'],
        ['import', 'movements', '--help'],
      ]) {
        const result = await run(args, env);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(args[0] === 'doctor' ? 4 : 1);
        expectFits(result, width, `${args.slice(0, 2).join(' ')} at ${width}`);
      }
    }
  }, SLOW);

  it('the demo: display names, a rule under the PSI header, no word broken at the end of a line', async () => {
    const result = await run(['demo', '--url', withPassword(library)], { COLUMNS: '80' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Horizontal push');
    expect(result.stdout).not.toMatch(/horizontal_push|right_shoulder/);
    expect(result.stdout).toMatch(/│ pattern +│ PSI \(kg\) │ exposures │ trend +│\n├─/);
    // A wrapped line ends on a whole word: the next line starts with its indent, then a new word.
    for (const line of result.stdout.split('\n')) expect(line).not.toMatch(/[A-Za-z]-$/);
  }, SLOW);
});

describe('colour', () => {
  it('piped output and --no-color carry no ANSI escape, --debug SQL log lines included; FORCE_COLOR colours, --no-color wins', async () => {
    const url = withPassword(library);
    const piped = await run(['migrate', 'status', '--url', url, '--debug']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toMatch(/select/i); // the SQL log is there
    expect(piped.stdout + piped.stderr).not.toMatch(ANSI);

    const forced = await run(['migrate', 'status', '--url', url, '--debug'], { FORCE_COLOR: '1' });
    expect(forced.stdout + forced.stderr).toMatch(ANSI);
    const noColor = await run(['migrate', 'status', '--url', url, '--debug', '--no-color'], { FORCE_COLOR: '1' });
    expect(noColor.stdout + noColor.stderr).not.toMatch(ANSI);
    const envNoColor = await run(['doctor', '--url', withPassword(empty), '--debug'], { FORCE_COLOR: '1', NO_COLOR: 'yes' });
    expect(envNoColor.stdout + envNoColor.stderr).not.toMatch(ANSI);
  }, SLOW);
});

describe('wording', () => {
  it('doctor suggests the CLI commands that apply: migrate for an empty database (not adopt, not migrate())', async () => {
    const result = await run(['doctor', '--url', withPassword(empty)]);
    expect(result.code).toBe(3);
    expect(flat(result.stdout)).toContain('next: The database is empty: `gainsly-db migrate` creates');
    expect(result.stdout).not.toMatch(/migrate\(\)|adopt\(\)/);
    expect(result.stdout).not.toMatch(/next:.*gainsly-db adopt/);
    expect(result.stdout).toMatch(/37 errors, 0 fixable/);
    const doc = json(await run(['doctor', '--url', withPassword(empty), '--json']));
    expect(doc.report.database.notes.join(' ')).toContain('`gainsly-db migrate`');
  }, SLOW);

  it.runIf(haveFixtures)('doctor on an upstream database suggests adopt (with --dry-run first)', async () => {
    const result = await run(['doctor', '--url', withPassword(upstream!)]);
    expect(flat(result.stdout)).toContain('`gainsly-db adopt --dry-run`');
    expect(result.stdout).not.toMatch(/migrate\(\)|adopt\(\)/);
  }, SLOW);

  it('a file of plain strings: "none of the records is valid", no --skip-invalid advice; one bad record: the advice with the count', async () => {
    const strings = join(dir, 'strings.json');
    await writeFile(strings, JSON.stringify(Array.from({ length: 143 }, (_, i) => `movement ${i}`)));
    const none = await run(['import', 'movements', strings, '--url', withPassword(library)]);
    expect(none.code).toBe(1);
    expect(flat(none.stderr)).toMatch(/error: None of the 143 records in .*strings\.json is valid/);
    expect(none.stderr).not.toContain('--skip-invalid');

    const mixed = join(dir, 'mixed.json');
    await writeFile(mixed, JSON.stringify([{ name: 'Only A Name' }, { name: 'Fine', pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower' }]));
    const some = await run(['import', 'movements', mixed, '--url', withPassword(library)]);
    expect(some.code).toBe(1);
    expect(flat(some.stderr)).toMatch(/1 of 2 records in .*mixed\.json is invalid; nothing was written \(--skip-invalid imports the 1 valid one\)/);
  }, SLOW);

  it.runIf(haveFixtures)('re-importing circuits reports the repeats as unchanged and warns of nothing', async () => {
    const file = fixturePath('upstream-seed-data/scraped_circuits.json');
    await run(['import', 'circuits', file, '--url', withPassword(library)]);
    const again = await run(['import', 'circuits', file, '--url', withPassword(library)]);
    expect(again.code).toBe(0);
    expect(flat(again.stdout)).toMatch(/53 records → 0 inserted, 0 updated, 52 unchanged \(23 repeated in the file\), 1 skipped/);
    // The one skipped record is the rest day (no exercises): listed, but no "24 records skipped" warning.
    expect(again.stderr).not.toMatch(/24 records skipped/);
  }, SLOW);
});
