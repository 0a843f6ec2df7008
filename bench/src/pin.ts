// Both sides' server processes on one CPU (bench/README.md, "One CPU for both sides' server
// processes"). On this kind of 2-vCPU machine one vCPU at a time runs PostgreSQL's work about 1.5x
// slower than the other, for seconds to minutes. Each side has its own backend, and Linux keeps an
// idle process on the CPU it last ran on, so a round could put the library's backend on the slow
// vCPU and raw's on the fast one: psiAll at 5y measured 10.4 against 7.0 ms in one round and the
// reverse in the next. On one CPU both backends run at the same speed, whatever it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type pg from 'pg';

/** What the run did about CPU placement, for the JSON. */
export type ServerCpuPinning = { cpu: number; backendsPinned: number } | { skipped: string };

/**
 * Pins the server processes of every client connection to `client`'s database. Returns a skip
 * reason instead when the server's processes are not this machine's to pin (another host, no
 * `taskset`, no permission, one CPU); never throws: an unpinned run is a run with the old noise.
 */
export class ServerPinning {
  readonly cpu = cpus().length - 1;
  private skipped: string | undefined;
  private pinned = new Set<number>();

  constructor() {
    if (this.cpu < 1) this.skipped = 'one CPU: nothing to choose';
    else if (!hasTaskset()) this.skipped = 'no taskset (util-linux) on this machine';
  }

  async pin(client: pg.Client): Promise<void> {
    if (this.skipped !== undefined) return;
    const { rows } = await client.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
    for (const { pid } of rows) {
      // The same pid on this machine may be another process: a server elsewhere has its own pids.
      if (!isLocalPostgres(pid)) {
        this.skipped = `backend ${pid} is not a PostgreSQL process of this machine (a remote server?)`;
        return;
      }
      try {
        execFileSync('taskset', ['-pc', String(this.cpu), String(pid)], { stdio: 'ignore' });
        this.pinned.add(pid);
      } catch (error) {
        this.skipped = `taskset failed on backend ${pid}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        return;
      }
    }
  }

  report(): ServerCpuPinning {
    return this.skipped !== undefined ? { skipped: this.skipped } : { cpu: this.cpu, backendsPinned: this.pinned.size };
  }
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function isLocalPostgres(pid: number): boolean {
  const comm = `/proc/${pid}/comm`;
  return existsSync(comm) && /^postgres/.test(readFileSync(comm, 'utf8').trim());
}
