/**
 * The CLI's building blocks, in-process and without a database: URL resolution and masking,
 * colour decisions, argument parsing and exit codes, and the demo's catalog and plan.
 * (cli-commands.test.ts runs the built executable against real databases.)
 */
import { describe, expect, it } from 'vitest';
import { demoDatabaseUrl, resolveConnection, scrubSecrets, urlSecrets } from '../../src/cli/connection.js';
import { EXIT } from '../../src/cli/errors.js';
import { useColor, type TextStream } from '../../src/cli/output.js';
import { runCli } from '../../src/cli/program.js';
import { MovementPattern } from '../../src/enums/index.js';
import { movementInputSchema } from '../../src/schemas/index.js';
import { MAIN_LIFTS } from '../../src/demo/main-lifts.js';
import { STARTER_CATALOG } from '../../src/modules/movements/starter-catalog.js';
import { buildDemoPlan, DEMO_LOGGED_WEEKS, DEMO_PROGRAM_WEEKS } from '../../src/demo/plan.js';

class Capture implements TextStream {
  text = '';
  isTTY: boolean;
  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdout, stderr, env, cwd: '/work/project' }, '9.9.9');
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('scrubSecrets / urlSecrets', () => {
  it('removes a password wherever it appears, and the password part of any URL', () => {
    expect(scrubSecrets('auth failed for hunter2hunter2 at postgres://app:hunter2hunter2@db/app', ['hunter2hunter2'])).toBe(
      'auth failed for *** at postgres://app:***@db/app',
    );
    expect(scrubSecrets('see postgresql://u:other-pass@h:5432/d', [])).toBe('see postgresql://u:***@h:5432/d');
  });

  it('removes a short password only as a whole token, so ordinary words survive', () => {
    expect(scrubSecrets('Unsupported database URL; password "b" rejected', ['b'])).toBe('Unsupported database URL; password "***" rejected');
  });

  it('finds the password of a URL in its raw, decoded and encoded spellings, also in --url=<url>', () => {
    expect(urlSecrets('postgres://app:p%40ss%2Fword@db/app').sort()).toEqual(['p%40ss%2Fword', 'p@ss/word'].sort());
    expect(urlSecrets('--url=postgres://app:pw123456@db/app')).toEqual(['pw123456']);
    expect(urlSecrets('migrate')).toEqual([]);
    expect(urlSecrets('postgres://app@db/app')).toEqual([]);
  });
});

describe('resolveConnection', () => {
  const env = { GAINSLY_DATABASE_URL: 'postgres://g:gpassword1@db/g', DATABASE_URL: 'postgres://d:dpassword1@db/d' };

  it('takes --url, else GAINSLY_DATABASE_URL, else DATABASE_URL, and masks the password for display', () => {
    expect(resolveConnection({ url: 'postgres://u:upassword1@db/u' }, env)).toMatchObject({ source: '--url', display: 'postgres://u:***@db/u', embedded: false });
    expect(resolveConnection({}, env)).toMatchObject({ source: 'GAINSLY_DATABASE_URL', display: 'postgres://g:***@db/g', secrets: ['gpassword1'] });
    expect(resolveConnection({}, { DATABASE_URL: env.DATABASE_URL })).toMatchObject({ source: 'DATABASE_URL', display: 'postgres://d:***@db/d' });
  });

  it('falls back to an embedded database only when the command offers one (demo)', () => {
    expect(() => resolveConnection({}, {})).toThrow(/No database: pass --url <url>, or set GAINSLY_DATABASE_URL or DATABASE_URL/);
    const demo = resolveConnection({}, {}, { fallback: demoDatabaseUrl('/work/project'), cwd: '/work/project' });
    expect(demo).toMatchObject({ source: 'demo default', embedded: true, dataDir: '/work/project/.gainsly/demo', display: 'pglite:/work/project/.gainsly/demo' });
  });

  it('shows embedded URLs with an absolute directory, and in-memory ones as such', () => {
    expect(resolveConnection({ url: 'pglite:./data' }, {}, { cwd: '/srv/app' })).toMatchObject({ url: 'pglite:/srv/app/data', dataDir: '/srv/app/data' });
    expect(resolveConnection({ url: 'pglite:' }, {})).toMatchObject({ url: 'pglite:', dataDir: null, display: 'pglite: (in memory)' });
  });

  it('rejects an unsupported URL as a usage error without printing its password', () => {
    let error: unknown;
    try {
      resolveConnection({ url: 'mysql://root:TopSecret99@db/app' }, {});
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'UsageError', exitCode: EXIT.USAGE });
    expect((error as Error).message).toContain('mysql://root:***@db/app');
    expect((error as Error).message).not.toContain('TopSecret99');
  });
});

describe('useColor', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it('colours only a terminal, never JSON, and obeys NO_COLOR, --no-color, TERM=dumb and FORCE_COLOR', () => {
    expect(useColor({ json: false, stream: tty, env: {} })).toBe(true);
    expect(useColor({ json: false, stream: pipe, env: {} })).toBe(false);
    expect(useColor({ json: true, stream: tty, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(useColor({ json: false, stream: tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(useColor({ json: false, stream: tty, env: {}, flag: false })).toBe(false);
    expect(useColor({ json: false, stream: tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(useColor({ json: false, stream: pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
  });
});

describe('runCli (in-process)', () => {
  it('prints help with exit 0, and the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toContain('Usage: gainsly-db');
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 {2}check found problems/);
    expect(await cli(['--version'])).toMatchObject({ code: EXIT.OK, stdout: '9.9.9\n' });
  });

  it('ends usage errors with exit 2, as text or as a JSON document', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");

    const json = await cli(['migrate', 'up', '--bogus', '--json']);
    expect(json.code).toBe(EXIT.USAGE);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: { name: 'UsageError', message: "unknown option '--bogus'", exitCode: 2 } });
    expect(json.stderr).toBe('');

    expect((await cli(['migrate'])).code).toBe(EXIT.USAGE);
  });

  it('refuses to run without a database URL (exit 2), naming both variables', async () => {
    const result = await cli(['doctor', '--json']);
    expect(result.code).toBe(EXIT.USAGE);
    expect(JSON.parse(result.stdout).error.message).toMatch(/GAINSLY_DATABASE_URL or DATABASE_URL/);
  });

  it('never echoes a password from the command line, even in commander errors', async () => {
    const result = await cli(['migrate', 'status', '--url', 'mysql://root:TopSecret99@db/app', '--no-such-flag']);
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stdout + result.stderr).not.toContain('TopSecret99');
  });
});

describe('the starter catalog', () => {
  it('covers all 17 movement patterns with 40–61 distinct, valid movements', () => {
    expect(STARTER_CATALOG.length).toBeGreaterThanOrEqual(40);
    expect(STARTER_CATALOG.length).toBeLessThanOrEqual(61);
    expect(new Set(STARTER_CATALOG.map((m) => m.pattern))).toEqual(new Set(Object.values(MovementPattern)));
    expect(new Set(STARTER_CATALOG.map((m) => m.name)).size).toBe(STARTER_CATALOG.length);
    for (const movement of STARTER_CATALOG) {
      expect(() => movementInputSchema.parse(movement), movement.name).not.toThrow();
      expect(movement.secondaryMuscles, movement.name).not.toContain(movement.primaryMuscle);
    }
  });

  it('contains the four charted main lifts', () => {
    const names = STARTER_CATALOG.map((m) => m.name);
    for (const lift of Object.values(MAIN_LIFTS)) expect(names).toContain(lift);
  });
});

describe('the demo plan', () => {
  const plan = buildDemoPlan();

  it('is the same on every call (seeded, no Math.random)', () => {
    expect(buildDemoPlan()).toEqual(plan);
  });

  it('plans 8 weeks of 4 sessions and logs 6 weeks of 3–4 workouts with 3–5 top sets each', () => {
    expect(plan.sessions).toHaveLength(DEMO_PROGRAM_WEEKS * 4);
    const perWeek = new Map<number, number>();
    for (const w of plan.workouts) perWeek.set(w.week, (perWeek.get(w.week) ?? 0) + 1);
    expect([...perWeek.keys()]).toEqual([1, 2, 3, 4, 5, 6].slice(0, DEMO_LOGGED_WEEKS));
    for (const count of perWeek.values()) expect(count).toBeGreaterThanOrEqual(3);
    for (const count of perWeek.values()) expect(count).toBeLessThanOrEqual(4);
    for (const w of plan.workouts) {
      expect(w.topSets.length).toBeGreaterThanOrEqual(3);
      expect(w.topSets.length).toBeLessThanOrEqual(5);
    }
  });

  it('uses only catalog movements, sensible loads, soreness 1–5 and a recovery reading every day', () => {
    const names = new Set(STARTER_CATALOG.map((m) => m.name));
    for (const set of plan.workouts.flatMap((w) => w.topSets)) {
      expect(names.has(set.movement), set.movement).toBe(true);
      expect(set.weight).toBeGreaterThan(0);
      expect(set.rpe).toBeGreaterThanOrEqual(6);
      expect(set.rpe).toBeLessThanOrEqual(10);
    }
    for (const s of plan.soreness) expect(s.soreness).toBeGreaterThanOrEqual(1);
    for (const s of plan.soreness) expect(s.soreness).toBeLessThanOrEqual(5);
    const days = plan.recovery.map((r) => r.date);
    expect(new Set(days).size).toBe(days.length);
    expect(days[0]).toBe(plan.workouts[0]!.date);
    expect(days.at(-1)! > plan.lastWorkoutDate).toBe(true);
  });
});
