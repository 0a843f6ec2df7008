// Shapes shared by the operations, the runner and the report.
import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { LoadedLibrary } from './lib.js';
import type { DatasetSpec, DatasetStats } from './generate.js';
import type { Summary } from './stats.js';
import type { SideHooks } from './measure.js';

export interface Dataset {
  spec: DatasetSpec;
  database: string;
  url: string;
  stats: DatasetStats;
  checksum: string;
  generatedSeconds: number | null;
  reused: boolean;
}

/** What every operation gets. */
export interface OpContext {
  L: LoadedLibrary;
  dataset: Dataset;
  /**
   * The library, on the dataset's database. Read it when a run starts, not once per operation:
   * `renew` replaces it between rounds.
   */
  orm: MikroORM;
  /** A raw `pg.Client` on the same database (replaced by `renew`, like `orm`). */
  raw: pg.Client;
  runs: number;
  warmup: number;
  /**
   * Untimed iterations before the first round, on top of `warmup`: set for an operation's first
   * measurement in the process, 0 after it (`--jit-warmup` in main.ts says why).
   */
  jitWarmup: number;
  /** Minimum recorded window per operation, in seconds (see `alternate`). */
  minSeconds: number;
  /** Rounds per operation, each on new connections (see `alternate`). */
  rounds: number;
  /** Closes `orm` and `raw` and opens new ones; absent where an operation cannot change them. */
  renew?: () => Promise<void>;
  /** Untimed hooks around each side's runs (main.ts: the raw sides on the library's connection, shared-backend.ts). */
  around?: SideHooks;
  /** Smoke run: tiny data; time targets are reported, not enforced. */
  smoke: boolean;
  seed: number;
  /** The user every operation measures. */
  userId: number;
  log: (line: string) => void;
}

export interface Target {
  /** e.g. `ratio <= 1.5`, `statements constant`. */
  label: string;
  kind: 'ratio' | 'statements' | 'absolute' | 'check';
  actual: string;
  pass: boolean;
  /** Whether a failure fails the run (time targets are not enforced in a smoke run). */
  enforced: boolean;
}

export interface SeriesReport {
  label: string;
  summary: Summary;
  /** Median of each round (see `alternate`). */
  roundMedians: number[];
  /** Client CPU per run, ms (see `alternate`); absent where not measured. */
  clientCpuMs?: number;
  /** Client CPU per run in each round, ms (see `alternate`). */
  roundCpuMs?: number[];
  statements: { total: number; work: number; varies: boolean; min: number; max: number };
}

export interface OpResult {
  op: number;
  key: string;
  title: string;
  size: string;
  /** The library side and the raw-pg side (op 6: the same query on two databases). */
  lib?: SeriesReport;
  raw?: SeriesReport;
  /** Other series (the upstream-style N+1 version of logWorkout, cold-start parts). */
  extra?: SeriesReport[];
  /** lib median / raw median. */
  ratio?: number;
  targets: Target[];
  notes: string[];
  details?: Record<string, unknown>;
}
