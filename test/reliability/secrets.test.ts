/**
 * Secrets: the database password never appears in a log line, an error (message, stack, String(),
 * JSON, util.inspect, the cause chain), a masked URL or the CLI's output, whatever fails:
 * constraint violations, a killed connection, a statement timeout, an unknown database, an
 * unreachable server, a refused password, a malformed URL, a failed migration, admin errors.
 *
 * The local test server trusts any password, so the URLs carry a fake one it ignores; the
 * embedded test server checks passwords, and there the real one is used (and a wrong one is
 * refused, which is one more failure to scan).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  gainslyConfig,
  GainslyConfigError,
  GainslyAuthenticationError,
  GainslyConnectionError,
  GainslyNoSuchDatabaseError,
  GainslyServerUnreachableError,
  GainslyTimeoutError,
  GainslyUniqueViolationError,
  maskDatabaseUrl,
  migrate,
  User,
} from '../../src/index.js';
import { adopt } from '../../src/admin/adopt.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { importMovements } from '../../src/admin/import/import.js';
import { createEmptyDatabase, createTestDatabase, useClonedDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { connectRaw } from '../support/pg-client.js';
import { waitFor, withDeadline } from '../support/reliability-db.js';
import { errorTexts, FAKE_PASSWORD, findSecrets, passwordOf, withPassword } from '../support/reliability-secrets.js';
import { buildCliBundle, type CliBundle } from '../support/cli-bundle.js';
import { refusingServer, type RefusingServer } from '../support/fake-pg-server.js';

const db = useClonedDatabase();
const APP = 'gainsly-reliability-secrets';

/** Everything written or thrown during the file; scanned at the end and in each test. */
const logLines: string[] = [];
const thrown: unknown[] = [];

let url: string;
let secret: string;
/** Unreachable, unknown-database and wrong-password URLs, all carrying the secret. */
let unreachable: string;
let unknownDatabase: string;
let wrongPassword: string;
let empty: TestDatabase;

function urlWith(base: string, change: (u: URL) => void): string {
  const u = new URL(base);
  change(u);
  return u.toString();
}

/** Runs `fn`, expecting it to fail; keeps what it threw for the scan and returns it. */
async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  const outcome = await withDeadline(
    fn().then(
      () => undefined,
      (e: unknown) => e ?? new Error('rejected with nothing'),
    ),
    20_000,
    'an operation expected to fail',
  );
  expect(outcome, 'the operation was expected to fail').toBeDefined();
  thrown.push(outcome);
  return outcome;
}

function expectClean(texts: readonly string[]): void {
  expect(findSecrets(texts, [secret])).toEqual([]);
}

beforeAll(async () => {
  url = withPassword(db.url);
  secret = passwordOf(url)!;
  // A password with characters that URL-encode: proves the encoded form is scrubbed too.
  unreachable = `postgres://gainsly:${encodeURIComponent(secret)}@127.0.0.1:1/nowhere`;
  unknownDatabase = urlWith(url, (u) => {
    u.pathname = '/gainsly_no_such_database';
  });
  wrongPassword = urlWith(url, (u) => {
    u.password = encodeURIComponent(`${secret}-wrong`);
  });
  empty = await createEmptyDatabase();
});
afterAll(async () => {
  await empty?.drop();
});

describe('no password in errors or log lines', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await createGainslyOrm({
      url,
      debug: true,
      logger: (message: string) => logLines.push(message),
      pool: { min: 0, max: 3 },
      driverOptions: { application_name: APP },
    });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('the ORM logged its queries (the logger is really capturing)', async () => {
    await orm.em.fork().getRepository(User).createUser({ email: 'taken@example.com' });
    expect(logLines.some((l) => /insert into "users"/i.test(l))).toBe(true);
    expectClean(logLines);
  });

  it('a unique violation', async () => {
    const error = await failure(() => orm.em.fork().getRepository(User).createUser({ email: 'taken@example.com' }));
    expect(error).toBeInstanceOf(GainslyUniqueViolationError);
    expectClean(errorTexts(error));
  });

  it('a statement timeout', async () => {
    const error = await failure(() =>
      orm.em.fork().transactional(async (tx) => {
        await tx.execute(`set local statement_timeout = '50ms'`);
        await tx.execute('select pg_sleep(2)');
      }),
    );
    expect(error).toBeInstanceOf(GainslyTimeoutError);
    expectClean(errorTexts(error));
  });

  it('a connection killed in the middle of a query, and the pool error that follows', async () => {
    const admin = await connectRaw(db.url);
    try {
      // em.execute: the documented raw-SQL path, which the library's driver translates.
      const running = failure(() => orm.em.fork().execute('select pg_sleep(5)'));
      const pid = await waitFor('the sleeping query', async () => {
        const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query like 'select pg_sleep(5)%'`, [APP]);
        return rows[0]?.pid;
      });
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const error = await running;
      expect(error).toBeInstanceOf(GainslyConnectionError);
      expectClean(errorTexts(error));
      // The next query may get the dead connection back from the pool (see faults.test.ts); scan that error too.
      await orm.em
        .fork()
        .execute('select 1')
        .catch((e: unknown) => thrown.push(e));
      // Kill an idle pooled connection too: pg reports it through the pool's 'error' event.
      await orm.em.fork().execute('select 1');
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and state = 'idle'`, [APP]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await admin.end();
    }
    expectClean(logLines);
  });

  it('a failed migration (the schema already exists on a clone, so 0001 fails on its first statement)', async () => {
    const clone = await createTestDatabase();
    const other = await createGainslyOrm({ url: withPassword(clone.url), debug: true, logger: (m: string) => logLines.push(m) });
    try {
      // Forget the recorded migrations so migrate() tries to run 0001 again on the existing schema.
      await withRawClient(clone.url, (c) => c.query('delete from gainsly_db_migrations'));
      const error = await failure(() => migrate(other));
      expect(String(error)).toMatch(/already exists/);
      expectClean([...errorTexts(error), ...logLines]);
    } finally {
      await other.close(true);
      await clone.drop();
    }
  });

  it('an import of a file that does not exist, and of invalid records', async () => {
    expectClean(errorTexts(await failure(() => importMovements(orm, '/nonexistent/movements.json'))));
    expectClean(errorTexts(await failure(() => importMovements(orm, [{ name: 'x', pattern: 'nope' }]))));
  });

  it('adopt refusing an empty database', async () => {
    const other = await createGainslyOrm({ url: withPassword(empty.url), debug: true, logger: (m: string) => logLines.push(m) });
    try {
      expectClean(errorTexts(await failure(() => adopt(other))));
    } finally {
      await other.close(true);
    }
    expectClean(logLines);
  });
});

describe('no password when the connection cannot be made', () => {
  it('an unreachable server: connecting, querying, doctor', async () => {
    const lines: string[] = [];
    // createGainslyOrm proves the connection: the typed error comes from it, not from the first query.
    const refused = await failure(() => createGainslyOrm({ url: unreachable, debug: true, logger: (m: string) => lines.push(m) }));
    expect(refused).toBeInstanceOf(GainslyServerUnreachableError);
    expectClean(errorTexts(refused));
    const orm = await createGainslyOrm({ url: unreachable, debug: true, logger: (m: string) => lines.push(m), pool: { min: 0, max: 1 }, verify: false }).catch((e: unknown) => {
      thrown.push(e);
      return undefined;
    });
    if (orm) {
      try {
        const error = await failure(() => orm.em.fork().getRepository(User).findById(1));
        expect(error).toBeInstanceOf(GainslyConnectionError);
        expectClean(errorTexts(error));
        expectClean(errorTexts(await failure(() => doctor(orm))));
        expectClean(errorTexts(await failure(() => migrate(orm))));
      } finally {
        await orm.close(true).catch((e: unknown) => thrown.push(e));
      }
    }
    logLines.push(...lines);
    expectClean([...lines, ...thrown.flatMap(errorTexts)]);
  });

  it('a database that does not exist', async () => {
    const lines: string[] = [];
    const refused = await failure(() => createGainslyOrm({ url: unknownDatabase, debug: true, logger: (m: string) => lines.push(m) }));
    expect(refused).toBeInstanceOf(GainslyNoSuchDatabaseError);
    expectClean(errorTexts(refused));
    const orm = await createGainslyOrm({ url: unknownDatabase, debug: true, logger: (m: string) => lines.push(m), verify: false }).catch((e: unknown) => {
      thrown.push(e);
      return undefined;
    });
    if (orm) {
      try {
        expectClean(errorTexts(await failure(() => orm.em.fork().getRepository(User).findById(1))));
        expectClean(errorTexts(await failure(() => migrate(orm))));
      } finally {
        await orm.close(true).catch((e: unknown) => thrown.push(e));
      }
    }
    logLines.push(...lines);
    expectClean([...lines, ...thrown.flatMap(errorTexts)]);
  });

  it('a wrong password (refused by the embedded server; the local server trusts everyone)', async () => {
    const lines: string[] = [];
    const orm = await createGainslyOrm({ url: wrongPassword, debug: true, logger: (m: string) => lines.push(m) }).catch((e: unknown) => {
      thrown.push(e);
      return undefined;
    });
    if (orm) {
      try {
        await orm.em
          .fork()
          .getConnection()
          .execute('select 1')
          .catch((e: unknown) => thrown.push(e));
      } finally {
        await orm.close(true).catch((e: unknown) => thrown.push(e));
      }
    }
    logLines.push(...lines);
    // The refused password is a secret too.
    expect(findSecrets([...lines, ...thrown.flatMap(errorTexts)], [secret, `${secret}-wrong`])).toEqual([]);
  });

  it('a password the server refuses (a fake server that checks it): GainslyAuthenticationError, the password only on the wire', async () => {
    const server = await refusingServer();
    const lines: string[] = [];
    try {
      const refusedUrl = `postgres://gainsly:${encodeURIComponent(secret)}@127.0.0.1:${server.port}/gainsly`;
      const error = await failure(() => createGainslyOrm({ url: refusedUrl, debug: true, logger: (m: string) => lines.push(m) }));
      expect(error).toBeInstanceOf(GainslyAuthenticationError);
      expect(server.passwords).toEqual([secret]);
      logLines.push(...lines);
      expectClean([...lines, ...errorTexts(error)]);
    } finally {
      await server.close();
    }
  });

  it('malformed and unsupported URLs are GainslyConfigErrors with the password masked', async () => {
    for (const bad of [
      `postgres://gainsly:${secret}@[::1/db`,
      `mysql://gainsly:${secret}@localhost/db`,
      `postgres://gainsly:${secret}@localhost`,
      `postgres://gainsly:${secret}@localhost:99999/db`,
      `gainsly:${secret}@localhost/db`,
    ]) {
      const error = await failure(async () => {
        gainslyConfig({ url: bad });
        await createGainslyOrm({ url: bad }).then((orm) => orm.close(true));
      });
      expect(error, `${maskDatabaseUrl(bad)}: ${String(error)}`).toBeInstanceOf(Error);
      expectClean(errorTexts(error));
      if (!(error instanceof GainslyConfigError)) console.warn(`[reliability] ${maskDatabaseUrl(bad)} failed with ${(error as Error).constructor.name}, not GainslyConfigError`);
    }
  });

  it('maskDatabaseUrl hides every form of the password', () => {
    const special = 'p@ss:w/rd%?#&=[]';
    const forms = [
      `postgres://u:${encodeURIComponent(special)}@db:5432/app`,
      `postgresql://u:${encodeURIComponent(special)}@[::1]:5432/app?sslmode=require`,
      `postgres://u:${special}@db/app`,
      `u:${special}@db/app`,
      `postgres://:${secret}@db/app`,
      `postgres://u:${secret}@db/app?password=${secret}`,
    ];
    const masked = forms.map(maskDatabaseUrl);
    expect(findSecrets(masked, [special, secret])).toEqual([]);
    expect(masked[0]).toBe('postgres://u:***@db:5432/app');
  });
});

// The CLI is built for this file (not read from dist/), so the scan always runs.
let CLI = '';

/** Runs the built CLI; returns its exit code and everything it printed. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, NO_COLOR: '1', GAINSLY_DATABASE_URL: '', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // A safety net against a hung child, not a measurement: generous, so a busy machine cannot trip it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('no password in the CLI output (the built gainsly-db)', () => {
  let bundle: CliBundle | undefined;
  beforeAll(async () => {
    bundle = await buildCliBundle();
    CLI = bundle.cli;
  }, 120_000);
  afterAll(async () => {
    await bundle?.remove();
  });

  it('success, failures, --debug and --json, with the URL in --url and in the environment', async () => {
    const refusing: RefusingServer = await refusingServer();
    const refusedUrl = `postgres://gainsly:${encodeURIComponent(secret)}@127.0.0.1:${refusing.port}/gainsly`;
    const runs: [string, string[], Record<string, string>?][] = [
      ['doctor, working database', ['doctor', '--url', url]],
      ['doctor --debug --json, working database', ['doctor', '--debug', '--json', '--url', url]],
      ['migrate status, URL from GAINSLY_DATABASE_URL', ['migrate', 'status'], { GAINSLY_DATABASE_URL: url }],
      ['audit --debug, URL from DATABASE_URL', ['audit', '--debug'], { DATABASE_URL: url }],
      ['doctor, unreachable server', ['doctor', '--url', unreachable]],
      ['doctor --debug, unreachable server', ['doctor', '--debug', '--url', unreachable]],
      ['migrate up --json, unknown database', ['migrate', 'up', '--json', '--url', unknownDatabase]],
      ['doctor --debug, wrong password', ['doctor', '--debug', '--url', wrongPassword]],
      ['adopt --dry-run --debug, empty database', ['adopt', '--dry-run', '--debug', '--url', withPassword(empty.url)]],
      ['import movements --debug, missing file', ['import', 'movements', '/nonexistent/movements.json', '--debug', '--url', url]],
      ['malformed URL', ['doctor', '--url', `postgres://gainsly:${secret}@[::1/db`]],
      ['unsupported scheme --debug', ['doctor', '--debug', '--url', `mysql://gainsly:${secret}@localhost/db`]],
      ['URL without // (user:password@host)', ['doctor', '--url', `gainsly:${secret}@localhost/db`]],
      ['password as a query parameter', ['doctor', '--url', `postgres://gainsly@127.0.0.1:1/db?password=${encodeURIComponent(secret)}`]],
      ['unknown command with the URL', ['frobnicate', '--url', url]],
      ['migrate --debug --json, password refused by the server', ['migrate', '--debug', '--json', '--url', refusedUrl]],
    ];
    // Four CLI processes at a time: sixteen at once on two busy cores ran past the timers.
    const results: { label: string; code: number | null; out: string }[] = [];
    try {
      for (let i = 0; i < runs.length; i += 4) {
        results.push(...(await Promise.all(runs.slice(i, i + 4).map(async ([label, args, env]) => ({ label, ...(await runCli(args, env)) })))));
      }
    } finally {
      await refusing.close();
    }
    const leaks = results.flatMap((r) => findSecrets([r.out], [secret, `${secret}-wrong`]).map((hit) => `${r.label}: ${hit}`));
    expect(leaks).toEqual([]);
    // The runs did what they say: the working ones succeeded, the broken ones failed.
    expect(results[0]!.code, results[0]!.out).toBe(0);
    expect(results[4]!.code, results[4]!.out).not.toBe(0);
    const refused = results.at(-1)!;
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toMatch(/"code": "GAINSLY_AUTHENTICATION"/);
    expect(refusing.passwords.length).toBeGreaterThan(0);
    expect(results.every((r) => r.out.length > 0)).toBe(true);
  }, 300_000);
});

describe('the whole file', () => {
  it('nothing logged or thrown anywhere in this file contains the password', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(thrown.length).toBeGreaterThan(5);
    expect(findSecrets([...logLines, ...thrown.flatMap(errorTexts)], [secret])).toEqual([]);
    // The scan had a real password to look for: the fake one on the local server, the server's own when embedded.
    expect(secret.length).toBeGreaterThanOrEqual(FAKE_PASSWORD.length);
  });
});
