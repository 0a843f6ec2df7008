/**
 * A real PgBouncer in transaction pooling mode in front of the test server (Debian's `pgbouncer`
 * package; `.ci/run` installs it when missing). Issue #20: the workflow, concurrency and fault
 * tests run through it as well as directly (the `pgbouncer` vitest project), and
 * test/reliability/pgbouncer.test.ts proves the library leaves no session state on its server
 * connections.
 *
 * Any database name is served (`*` in `[databases]`), so a clone made directly on the server is
 * reachable through the pooler at once. Clients authenticate to PgBouncer with `trust` (it listens
 * on 127.0.0.1 only, and exists for the length of a test run); PgBouncer logs in to the server
 * with the admin URL's user and password. PgBouncer refuses to run as root: as root it runs as the
 * non-root OS user the embedded server would use (see pg-server.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseRunAsUser, freePort } from './pg-server.js';
import { connectRaw } from './pg-client.js';

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

/** The `pgbouncer` binary of this machine (env `GAINSLY_TEST_PGBOUNCER`, PATH, Debian's place), or `undefined`. */
export function findPgBouncer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GAINSLY_TEST_PGBOUNCER) return existsSync(env.GAINSLY_TEST_PGBOUNCER) ? env.GAINSLY_TEST_PGBOUNCER : undefined;
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) return onPath;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Whether the `pgbouncer` binary is at least version `major.minor` (its `--version` line). */
function versionAtLeast(binary: string, major: number, minor: number): boolean {
  const match = /PgBouncer (\d+)\.(\d+)/.exec(spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout ?? '');
  if (!match) return false;
  const [have, haveMinor] = [Number(match[1]), Number(match[2])];
  return have > major || (have === major && haveMinor >= minor);
}

/** A running PgBouncer. */
export interface PgBouncer {
  /** `url` (a URL of the server) rewritten to go through the pooler: same database, PgBouncer's host and port, no password. */
  via(url: string): string;
  readonly port: number;
  /** Stops it and removes its files. Idempotent. */
  stop(): Promise<void>;
}

/** `url` (a URL of the server) through the local PgBouncer on `port`: same database, no password (PgBouncer logs in itself). */
export function viaPgBouncer(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  u.password = '';
  return u.toString();
}

/**
 * {@link viaPgBouncer}, for the library: with `gainsly_prepared_statements=false`, as
 * docs/scaling.md tells a user behind a transaction pooler that does not keep prepared statements.
 */
export function libraryUrlViaPgBouncer(url: string, port: number): string {
  const u = new URL(viaPgBouncer(url, port));
  u.searchParams.set('gainsly_prepared_statements', 'false');
  return u.toString();
}

export interface PgBouncerOptions {
  /** Server connections per database and user (PgBouncer's `default_pool_size`). */
  poolSize?: number;
}

/** Starts PgBouncer (transaction pooling) in front of the server of `adminUrl`. */
export async function startPgBouncer(adminUrl: string, options: PgBouncerOptions = {}): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error('pgbouncer is not installed (Debian: apt-get install pgbouncer)');
  const server = new URL(adminUrl);
  const runAs = chooseRunAsUser(process.env);
  const dir = await mkdtemp(join(tmpdir(), 'gainsly-pgbouncer-'));
  if (runAs) await chown(dir, runAs.uid, runAs.gid);
  const port = await freePort();
  const user = decodeURIComponent(server.username || 'postgres');
  const password = decodeURIComponent(server.password);
  // libpq-style connect string of the `*` database: PgBouncer logs in with the admin credentials.
  const quote = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const target = [`host=${server.hostname}`, `port=${server.port || 5432}`, `user=${quote(user)}`, ...(password ? [`password=${quote(password)}`] : [])].join(' ');
  const config = [
    '[databases]',
    `* = ${target}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${dir}`,
    'auth_type = trust',
    `auth_file = ${join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize ?? 5}`,
    'max_client_conn = 1000',
    // node-pg sends no extra startup parameters by default; these are what other clients send.
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    'server_login_retry = 1',
    // PgBouncer 1.21+ can carry prepared statements across server connections; off, it behaves as
    // every older version does, the pooler the library's `preparedStatements: false` is for.
    ...(versionAtLeast(binary, 1, 21) ? ['max_prepared_statements = 0'] : []),
    `admin_users = ${user}`,
    '',
  ].join('\n');
  const configFile = join(dir, 'pgbouncer.ini');
  await writeFile(configFile, config, { mode: 0o600 });
  // trust still requires the user to be listed.
  await writeFile(join(dir, 'users.txt'), `"${user}" ""\n`, { mode: 0o600 });
  if (runAs) {
    for (const file of ['pgbouncer.ini', 'users.txt']) await chown(join(dir, file), runAs.uid, runAs.gid);
  }

  const output: string[] = [];
  const child: ChildProcess = spawn(binary, [configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      if (!exited) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };

  const via = (url: string) => viaPgBouncer(url, port);

  // Ready when a query through it reaches the server.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`pgbouncer exited during start-up:\n${output.join('').slice(-2_000)}`);
    }
    try {
      const client = await connectRaw(via(adminUrl), { connectTimeoutMs: 2_000 });
      try {
        await client.query('select 1');
      } finally {
        await client.end().catch(() => undefined);
      }
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`pgbouncer did not accept connections within 30 s: ${String(error)}\n${output.join('').slice(-2_000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { via, port, stop };
}
