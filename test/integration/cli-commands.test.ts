/**
 * `gainsly-db` as users run it: the bundle built by tsup with the package's own tsup.config.ts
 * (test/support/cli-bundle.ts), spawned with Node, against real PostgreSQL databases and a
 * database made by the upstream app. Checks exit codes, `--json` documents, `--help` on every
 * command, and that no password ever reaches stdout or stderr. The embedded (PGlite) runs and the
 * demo are in cli-pglite.test.ts, so the two halves run side by side.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmptyDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { fixturePath, loadUpstreamDump, requireFixtures } from '../support/fixtures.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { cleanEnv, json, PASSWORD, runCli, SLOW, useCliBundle, withPassword, type Run } from '../support/cli.js';

const bundle = useCliBundle();
/** Text with the CLI's wrapped lines joined again (a continuation line starts with spaces). */
const flat = (text: string): string => text.replace(/\n +/g, ' ');
const run = (args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> => runCli(bundle.cli, args, options);

describe('the bundle', () => {
  it('is an executable with a node shebang', async () => {
    const source = await readFile(bundle.cli, 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect((await stat(bundle.cli)).mode & 0o111).not.toBe(0);
  });
});

describe('--help on every command', () => {
  const commands = [
    [],
    ['migrate'],
    ['migrate', 'up'],
    ['migrate', 'down'],
    ['migrate', 'status'],
    ['doctor'],
    ['adopt'],
    ['audit'],
    ['catalog'],
    ['catalog', 'load'],
    ['import'],
    ['import', 'movements'],
    ['import', 'circuits'],
    ['import', 'heuristic-configs'],
    ['demo'],
    ['user'],
    ['user', 'export'],
    ['user', 'erase'],
    ['user', 'import'],
  ];
  for (const command of commands) {
    it(`gainsly-db ${[...command, '--help'].join(' ')}`, async () => {
      const result = await run([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: gainsly-db${command.length ? ` ${command.join(' ')}` : ''}`);
      expect(result.stdout).toContain('--json');
      expect(result.stdout).toContain('--url <url>');
      expect(result.stdout).toMatch(/Exit codes/);
      expect(result.stderr).toBe('');
    });
  }
});

describe('usage errors exit 2', () => {
  it('an unknown command, an unknown option, a missing argument', async () => {
    expect(await run(['nope'])).toMatchObject({ code: 2 });
    expect(await run(['doctor', '--nope'])).toMatchObject({ code: 2 });
    expect(await run(['import', 'movements'])).toMatchObject({ code: 2 });
  });

  it('no database URL (and none in the environment): a message naming both variables, as text and as JSON', async () => {
    const text = await run(['migrate', 'status']);
    expect(text.code).toBe(2);
    expect(flat(text.stderr)).toMatch(/GAINSLY_DATABASE_URL or DATABASE_URL/);
    expect(text.stdout).toBe('');
    const machine = await run(['migrate', 'status', '--json']);
    expect(machine.code).toBe(2);
    expect(json(machine)).toMatchObject({ ok: false, error: { name: 'UsageError', exitCode: 2 } });
  });
});

describe('against a real PostgreSQL database', () => {
  let db: TestDatabase;
  let url: string;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    url = withPassword(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const masked = () => url.replace(new URL(url).password, '***');

  it('migrate status on an empty database: all pending, nothing created', async () => {
    const result = await run(['migrate', 'status', '--url', url, '--json']);
    expect(result.code).toBe(0);
    const doc = json(result);
    expect(doc).toMatchObject({ ok: true, command: 'migrate status', database: masked(), upToDate: false, applied: [], pending: [...ALL_MIGRATIONS] });
    const tables = await withRawClient(db.url, async (c) => (await c.query(`select tablename from pg_tables where schemaname = 'public'`)).rows);
    expect(tables).toEqual([]);
  }, SLOW);

  it('audit on an empty database: nothing to audit, exit 1, not "clean"', async () => {
    const machine = await run(['audit', '--url', url, '--json']);
    expect(machine.code).toBe(1);
    expect(json(machine)).toMatchObject({ ok: false, command: 'audit', clean: false, nothingToAudit: true, reason: expect.stringMatching(/^nothing to audit: schema "public" has none of the tables/) });
    const human = await run(['audit', '--url', url]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✗ Nothing to audit: schema "public" has none of the tables/);
    expect(human.stdout).not.toMatch(/No categorical value outside its enum/);
  }, SLOW);

  it('audit of an unrelated database: nothing to audit, exit 1', async () => {
    const other = await createEmptyDatabase();
    try {
      await withRawClient(other.url, (c) => c.query('create table invoices (id serial primary key, total numeric)'));
      const result = await run(['audit', '--url', withPassword(other), '--json']);
      expect(result.code).toBe(1);
      expect(json(result)).toMatchObject({ ok: false, nothingToAudit: true });
    } finally {
      await other.drop();
    }
  }, SLOW);

  it('migrate up applies every migration, then nothing; the human output says so', async () => {
    const first = await run(['migrate', 'up', '--url', url, '--json']);
    expect(first.code).toBe(0);
    expect(json(first)).toMatchObject({ ok: true, applied: [...ALL_MIGRATIONS], pending: [] });
    const second = await run(['migrate', 'up', '--url', url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Schema is up to date');
    expect(flat(second.stderr)).toContain(`database: ${masked()}`);
  }, SLOW);

  it('reads the URL from GAINSLY_DATABASE_URL, then DATABASE_URL, and says where it came from (masked)', async () => {
    const fromGainsly = await run(['migrate', 'status'], { env: cleanEnv({ GAINSLY_DATABASE_URL: url, DATABASE_URL: 'postgres://x:y@127.0.0.1:1/wrong' }) });
    expect(fromGainsly.code).toBe(0);
    expect(flat(fromGainsly.stderr)).toContain(`${masked()} (from GAINSLY_DATABASE_URL)`);
    expect(fromGainsly.stdout).toMatch(/0001-upstream-schema\s+│ applied/);
    const fromDatabaseUrl = await run(['migrate', 'status', '--json'], { env: cleanEnv({ DATABASE_URL: url }) });
    expect(json(fromDatabaseUrl)).toMatchObject({ ok: true, upToDate: true, database: masked() });
  }, SLOW);

  it('doctor, audit and adopt on a library database: healthy, clean, nothing to adopt (exit 0)', async () => {
    const doctor = await run(['doctor', '--url', url, '--json']);
    expect(doctor.code).toBe(0);
    expect(json(doctor)).toMatchObject({ ok: true, command: 'doctor', healthy: true, summary: { errors: 0, fixable: 0 } });
    const audit = await run(['audit', '--url', url, '--json']);
    expect(audit.code).toBe(0);
    expect(json(audit)).toMatchObject({ ok: true, command: 'audit', clean: true, nothingToAudit: false });
    // A schema that does not exist holds nothing to audit: exit 1, never "clean".
    const noSchema = await run(['audit', '--url', url, '--schema', 'nope', '--json']);
    expect(noSchema.code).toBe(1);
    expect(json(noSchema)).toMatchObject({ ok: false, clean: false, nothingToAudit: true, reason: 'nothing to audit: the database has no schema "nope"' });
    const adopt = await run(['adopt', '--url', url, '--json']);
    expect(adopt.code).toBe(0);
    expect(json(adopt)).toMatchObject({ ok: true, command: 'adopt', alreadyAdopted: true, changed: [] });
  }, SLOW);

  it('migrate down needs --yes (exit 2, nothing reverted); with it reverts one step, and doctor then exits 3', async () => {
    const refused = await run(['migrate', 'down', '--url', url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('without --yes');
    expect(json(await run(['migrate', 'status', '--url', url, '--json'])).pending).toEqual([]);

    const unknown = await run(['migrate', 'down', '--to', 'no-such-migration', '--yes', '--url', url, '--json']);
    expect(unknown.code).toBe(2);

    const down = await run(['migrate', 'down', '--yes', '--url', url, '--json']);
    expect(down.code).toBe(0);
    expect(json(down)).toMatchObject({ ok: true, reverted: ['0004-foreign-key-indexes'], pending: ['0004-foreign-key-indexes'] });

    const doctor = await run(['doctor', '--url', url, '--json']);
    expect(doctor.code).toBe(3);
    expect(json(doctor)).toMatchObject({ ok: false, healthy: false });
    expect(json(doctor).summary.fixable).toBeGreaterThan(0);
    const human = await run(['doctor', '--url', url]);
    expect(human.code).toBe(3);
    expect(human.stdout).toContain('problems found');

    expect((await run(['migrate', 'up', '--url', url])).code).toBe(0);
  }, SLOW);

  describe('import (upstream seed files)', () => {
    const haveFixtures = requireFixtures('CLI import of the upstream seed files');
    it.runIf(haveFixtures)('imports movements, circuits and heuristic configs, idempotently', async () => {
      const movements = await run(['import', 'movements', fixturePath('upstream-seed-data/movements.json'), '--url', url, '--json']);
      expect(movements.code).toBe(0);
      const report = json(movements).report;
      expect(report).toMatchObject({ table: 'movements', total: 65, updated: 0 });
      expect(report.inserted).toBeGreaterThan(0);

      const again = await run(['import', 'movements', fixturePath('upstream-seed-data/movements.json'), '--url', url]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/0 inserted, 0 updated, \d+ unchanged/);

      const configs = await run(['import', 'heuristic-configs', fixturePath('upstream-seed-data/heuristic_configs.json'), '--url', url, '--json']);
      expect(configs.code).toBe(0);
      expect(json(configs).report).toMatchObject({ table: 'heuristic_configs', total: 10, inserted: 10 });

      const circuits = await run(['import', 'circuits', fixturePath('upstream-seed-data/scraped_circuits.json'), '--url', url, '--json']);
      expect(circuits.code).toBe(0);
      const circuitReport = json(circuits).report;
      expect(circuitReport.table).toBe('circuit_templates');
      expect(circuitReport.inserted + circuitReport.unchanged + circuitReport.skipped.length).toBe(circuitReport.total);
    }, SLOW);
  });

  it('import of an invalid file exits 1, lists the problems and writes nothing; a missing file exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gainsly-cli-import-'));
    try {
      const file = join(dir, 'bad.json');
      await writeFile(file, JSON.stringify({ movements: [{ name: 'Only A Name' }, { name: 'Bad Pattern', pattern: 'sideways', primary_muscle: 'quadriceps', primary_region: 'anterior lower' }] }));
      const before = await withRawClient(db.url, async (c) => (await c.query<{ n: number }>(`select count(*)::int as n from movements`)).rows[0]!.n);
      const result = await run(['import', 'movements', file, '--url', url, '--json']);
      expect(result.code).toBe(1);
      const doc = json(result);
      expect(doc).toMatchObject({ ok: false, error: { name: 'GainslyValidationError', exitCode: 1 }, file });
      expect(doc.issues.length).toBeGreaterThan(1);
      const after = await withRawClient(db.url, async (c) => (await c.query<{ n: number }>(`select count(*)::int as n from movements`)).rows[0]!.n);
      expect(after).toBe(before);

      const missing = await run(['import', 'circuits', join(dir, 'missing.json'), '--url', url]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/missing\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, SLOW);

  it('demo --url works inside the demo user, reuses its data on a second run, and --remove deletes only it', async () => {
    const users = async () => withRawClient(db.url, async (c) => (await c.query<{ email: string | null }>(`select email from users order by id`)).rows.map((r) => r.email));
    await withRawClient(db.url, (c) => c.query(`insert into users (email) values ('someone@example.com')`));

    const first = await run(['demo', '--url', url, '--json']);
    expect(first.code).toBe(0);
    const doc = json(first);
    expect(doc).toMatchObject({ ok: true, command: 'demo', embedded: false, reused: false, database: masked(), demo: { email: 'demo@gainsly.invalid' } });
    expect(await users()).toEqual(['someone@example.com', 'demo@gainsly.invalid']);

    const second = await run(['demo', '--url', url, '--json']);
    expect(second.code).toBe(0);
    expect(json(second)).toMatchObject({ reused: true });
    expect(json(second).report).toEqual(doc.report);

    const removed = await run(['demo', '--remove', '--url', url, '--json']);
    expect(removed.code).toBe(0);
    expect(json(removed)).toMatchObject({ ok: true, removed: true });
    expect(await users()).toEqual(['someone@example.com']);
    const leftovers = await withRawClient(db.url, async (c) =>
      (await c.query<{ n: number }>(`select (select count(*) from workout_logs) + (select count(*) from programs) + (select count(*) from soreness_logs) as n`)).rows[0]!.n,
    );
    expect(Number(leftovers)).toBe(0);
  }, SLOW);

  it('audit exits 3 on an active program without an ACTIVE microcycle, and says so', async () => {
    await withRawClient(db.url, (c) =>
      c.query(`
        with u as (insert into users (email) values ('lifecycle@example.com') returning id),
             p as (insert into programs (user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template,
                                         days_per_week, progression_style, deload_every_n_microcycles, persona_tone, persona_aggression, is_active)
                   select id, '2026-01-05', 8, 'STRENGTH', 'HYPERTROPHY', 'ENDURANCE', 5, 3, 2, 'UPPER_LOWER', 4, 'SINGLE_PROGRESSION', 4, 'SUPPORTIVE', 'BALANCED', true from u
                   returning id)
        insert into microcycles (program_id, start_date, length_days, sequence_number, status) select id, '2026-01-05', 7, 1, 'PLANNED' from p`),
    );
    try {
      const machine = await run(['audit', '--url', url, '--json']);
      expect(machine.code).toBe(3);
      expect(json(machine)).toMatchObject({ ok: false, clean: false, report: { microcycleLifecycle: { severalActive: 0, activeWithoutActive: 1 } } });
      const human = await run(['audit', '--url', url]);
      expect(human.code).toBe(3);
      expect(human.stdout).toContain('1 active program without an ACTIVE microcycle');
    } finally {
      await withRawClient(db.url, (c) =>
        c.query(`
          delete from microcycles where program_id in (select p.id from programs p join users u on u.id = p.user_id where u.email = 'lifecycle@example.com');
          delete from programs where user_id in (select id from users where email = 'lifecycle@example.com');
          delete from users where email = 'lifecycle@example.com';`),
      );
    }
  }, SLOW);

  it('a database that is not reachable: exit 1, a one-line message, the password masked (also with --debug)', async () => {
    const unreachable = `postgres://postgres:${PASSWORD}@127.0.0.1:1/gainsly`;
    const text = await run(['migrate', 'status', '--url', unreachable]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('Cannot connect to postgres://postgres:***@127.0.0.1:1/gainsly');
    expect(text.stderr).not.toMatch(/\n\s+at /);
    const machine = await run(['doctor', '--json'], { env: cleanEnv({ DATABASE_URL: unreachable }) });
    expect(machine.code).toBe(1);
    expect(json(machine)).toMatchObject({ ok: false, error: { name: 'ConnectionError', exitCode: 1 } });
    const debug = await run(['migrate', 'status', '--url', unreachable, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, SLOW);

  it('a database that does not exist is reported, not created', async () => {
    const name = `${db.name}_missing`;
    const missing = new URL(url);
    missing.pathname = `/${name}`;
    const result = await run(['migrate', 'up', '--url', missing.toString(), '--json']);
    expect(result.code).toBe(1);
    expect(json(result).error.message).toContain(`database "${name}" does not exist`);
    const exists = await withRawClient(inject('gainslyAdminUrl'), async (c) => (await c.query(`select 1 from pg_database where datname = $1`, [name])).rows);
    expect(exists).toEqual([]);
  }, SLOW);

  it('demo refuses to add its schema to a database that holds other tables', async () => {
    const other = await createEmptyDatabase();
    try {
      await withRawClient(other.url, (c) => c.query(`create table invoices (id serial primary key)`));
      const result = await run(['demo', '--url', withPassword(other)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/has tables but no @gainsly\/db migrations/);
      const tables = await withRawClient(other.url, async (c) => (await c.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public'`)).rows);
      expect(tables.map((t) => t.tablename)).toEqual(['invoices']);
    } finally {
      await other.drop();
    }
  }, SLOW);
});

describe('against a database made by the upstream app', () => {
  const haveFixtures = requireFixtures('CLI doctor/adopt on an upstream database');
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    if (!haveFixtures) return;
    db = await createEmptyDatabase();
    await loadUpstreamDump(db.url, '9c1a2b3c4d5e');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.runIf(haveFixtures)('doctor exits 3, migrate up fails with advice, adopt --dry-run changes nothing, adopt fixes it', async () => {
    const url = withPassword(db!);
    const doctor = await run(['doctor', '--url', url, '--json']);
    expect(doctor.code).toBe(3);
    expect(json(doctor).report.database.kind).toBe('upstream');

    const migrateUp = await run(['migrate', 'up', '--url', url]);
    expect(migrateUp.code).toBe(1);
    expect(migrateUp.stderr).toMatch(/gainsly-db adopt/);

    const dryRun = await run(['adopt', '--dry-run', '--url', url, '--json']);
    expect(dryRun.code).toBe(0);
    expect(json(dryRun)).toMatchObject({ ok: true, dryRun: true, alreadyAdopted: false });
    expect((await run(['doctor', '--url', url])).code).toBe(3);

    const adopt = await run(['adopt', '--url', url]);
    expect(adopt.code).toBe(0);
    expect(adopt.stdout).toContain('Adopted the database');
    expect((await run(['doctor', '--url', url])).code).toBe(0);
    expect(json(await run(['migrate', 'up', '--url', url, '--json']))).toMatchObject({ ok: true, applied: [] });
  }, SLOW);
});
