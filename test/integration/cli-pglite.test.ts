/**
 * `gainsly-db` on the embedded database: migrate / doctor / audit / adopt / import on a `pglite:`
 * directory, and the demo in a fresh directory with no database variables (it creates
 * .gainsly/demo), run twice. The PostgreSQL half is cli-commands.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, requireFixtures } from '../support/fixtures.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { useTempDir } from '../support/temp-dir.js';
import { cleanEnv, json, runCli, SLOW, useCliBundle, type Run } from '../support/cli.js';

const bundle = useCliBundle();
const run = (args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> => runCli(bundle.cli, args, options);

describe('against PGlite', () => {
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gainsly-cli-pglite-'));
    url = `pglite:${join(dir, 'db')}`;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('migrate status / up / down / up, doctor, audit and adopt', async () => {
    expect(json(await run(['migrate', 'status', '--url', url, '--json']))).toMatchObject({ ok: true, database: url, pending: [...ALL_MIGRATIONS] });
    expect(json(await run(['migrate', 'up', '--url', url, '--json']))).toMatchObject({ ok: true, applied: [...ALL_MIGRATIONS] });
    expect(json(await run(['migrate', 'down', '--yes', '--url', url, '--json']))).toMatchObject({ ok: true, reverted: ['0004-foreign-key-indexes'] });
    expect((await run(['doctor', '--url', url])).code).toBe(3);
    expect(json(await run(['migrate', 'up', '--url', url, '--json']))).toMatchObject({ ok: true, applied: ['0004-foreign-key-indexes'] });

    const doctor = await run(['doctor', '--url', url, '--json']);
    expect(doctor.code).toBe(0);
    expect(json(doctor)).toMatchObject({ ok: true, healthy: true });
    expect((await run(['audit', '--url', url])).code).toBe(0);
    expect(json(await run(['adopt', '--url', url, '--json']))).toMatchObject({ ok: true, alreadyAdopted: true });
  }, SLOW);

  it.runIf(requireFixtures('CLI import on PGlite'))('import movements', async () => {
    const result = await run(['import', 'movements', fixturePath('upstream-seed-data/movements.json'), '--url', url, '--json']);
    expect(result.code).toBe(0);
    expect(json(result).report).toMatchObject({ total: 65 });
  }, SLOW);

  it('demo --url pglite:<dir>, then --reset gives the same report', async () => {
    const first = await run(['demo', '--url', url, '--json']);
    expect(first.code).toBe(0);
    const report = json(first).report;
    const reset = await run(['demo', '--reset', '--url', url, '--json']);
    expect(reset.code).toBe(0);
    expect(json(reset)).toMatchObject({ reused: false });
    // Same numbers; only the ids of the movements the demo created for itself are new.
    const withoutIds = (r: Record<string, any>) => ({ ...r, lifts: r.lifts.map(({ movementId: _id, ...lift }: Record<string, unknown>) => lift) });
    expect(withoutIds(json(reset).report)).toEqual(withoutIds(report));
  }, SLOW);
});

describe('demo in a fresh directory with no database variables', () => {
  const tmp = useTempDir('gainsly-cli-demo-');

  it('creates .gainsly/demo, prints the PSI table, trends and e1RM charts, and shows where the database is', async () => {
    const cwd = tmp.path;
    const result = await run(['demo'], { cwd, env: cleanEnv() });
    expect(result.code).toBe(0);
    const where = `pglite:${resolve(cwd, '.gainsly', 'demo')}`;
    expect(result.stdout).toContain(`database: ${where} (embedded PGlite)`);
    expect(result.stdout).toContain('Created the demo');
    expect(result.stdout).toMatch(/│ pattern\s+│ PSI \(kg\)\s+│ exposures\s+│ trend/);
    // People read display names; the stored values are for --json (next test).
    for (const pattern of ['Squat', 'Hinge', 'Vertical push', 'Horizontal pull', 'Cardio']) expect(result.stdout).toMatch(new RegExp(`│ ${pattern}\\s+│`));
    expect(result.stdout).not.toMatch(/vertical_push|horizontal_pull|horizontal_push/);
    const summary = (label: string) => result.stdout.split('\n').find((line) => line.trimStart().startsWith(label)) ?? '';
    expect(summary('Improving:')).toMatch(/^ {2}Improving: [A-Z]/);
    expect(summary('Sorest in the last week:')).toMatch(/^ {2}Sorest in the last week: [A-Z][a-z]+( [a-z]+)? \d\.\d\/5/);
    for (const label of ['Improving:', 'Sorest in the last week:']) expect(summary(label)).not.toContain('_');
    expect(result.stdout).toContain('↑ increasing');
    expect(result.stdout).toContain('↓ decreasing');
    for (const lift of ['Back Squat', 'Bench Press', 'Conventional Deadlift', 'Overhead Press']) expect(result.stdout).toContain(`e1RM, ${lift} (kg)`);
    expect(result.stdout).toMatch(/[╭╮╰╯─]/);
    expect(result.stdout).toContain('Summary');
    // Not a terminal: no colour codes.
    expect(result.stdout).not.toContain('\u001b[');
    expect(existsSync(join(cwd, '.gainsly', 'demo'))).toBe(true);
    expect(await readFile(join(cwd, '.gainsly', '.gitignore'), 'utf8')).toContain('*');
  }, SLOW);

  it('runs again cleanly: reuses the data, same numbers, as JSON', async () => {
    const cwd = tmp.path;
    const again = await run(['demo', '--json'], { cwd, env: cleanEnv() });
    expect(again.code).toBe(0);
    const doc = json(again);
    expect(doc).toMatchObject({ ok: true, command: 'demo', embedded: true, reused: true, migrated: [], database: `pglite:${resolve(cwd, '.gainsly', 'demo')}` });
    expect(doc.counts).toMatchObject({ users: 1, programs: 1, microcycles: 8, movements: 61 });
    expect(doc.counts.workoutLogs).toBeGreaterThanOrEqual(18);
    expect(doc.report.patterns).toHaveLength(17);
    const squat = doc.report.patterns.find((p: { pattern: string }) => p.pattern === 'squat');
    expect(squat).toMatchObject({ trend: 'increasing' });
    expect(squat.psi).toBeGreaterThan(100);
    // --json keeps the stored (machine-readable) values, not the display names.
    expect(doc.report.patterns.map((p: { pattern: string }) => p.pattern)).toEqual(expect.arrayContaining(['vertical_push', 'horizontal_pull', 'horizontal_push']));
    expect(JSON.stringify(doc.report)).not.toMatch(/Vertical push|Horizontal pull/);
    expect(doc.report.soreness.length).toBeGreaterThan(0);
    for (const { bodyPart } of doc.report.soreness) expect(bodyPart).toMatch(/^[a-z_]+$/);
    expect(doc.report.lifts.map((l: { movement: string }) => l.movement)).toEqual(['Back Squat', 'Bench Press', 'Conventional Deadlift', 'Overhead Press']);
    for (const lift of doc.report.lifts) expect(lift.points.length).toBeGreaterThanOrEqual(5);
  }, SLOW);

  it('demo --remove deletes the demo rows; in a directory without a demo database it creates nothing', async () => {
    const cwd = tmp.path;
    const removed = await run(['demo', '--remove', '--json'], { cwd, env: cleanEnv() });
    expect(removed.code).toBe(0);
    expect(json(removed)).toMatchObject({ ok: true, removed: true });
    expect(json(removed).counts).toMatchObject({ users: 1, programs: 1 });

    const elsewhere = await mkdtemp(join(tmpdir(), 'gainsly-cli-empty-'));
    try {
      const nothing = await run(['demo', '--remove'], { cwd: elsewhere, env: cleanEnv() });
      expect(nothing.code).toBe(0);
      // Wrapped to 80 columns (the path is long): joined again before matching.
      expect(nothing.stdout.replace(/\n +/g, ' ')).toContain('nothing to remove');
      expect(existsSync(join(elsewhere, '.gainsly'))).toBe(false);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  }, SLOW);
});
