// The public shapes of the seed-data imports: what they read, their options and their report.

/**
 * Where to import from: a path to a JSON file (string or `file:` URL; UTF-8, a byte-order mark is
 * accepted; streamed, so its size does not matter), or the already parsed JSON
 * (`{ movements: [...] }`, `{ configs: [...] }` or a plain array of records).
 *
 * @example
 * ```ts
 * const source: ImportSource = './seed_data/movements.json';
 * ```
 */
export type ImportSource = string | URL | { readonly [key: string]: unknown } | readonly unknown[];

/**
 * Options of {@link importMovements}, {@link importCircuits} and {@link importHeuristicConfigs}.
 *
 * @example
 * ```ts
 * await importMovements(orm, 'movements.json', { skipInvalid: true, onProgress: (done, total) => bar.update(done, { total }) });
 * ```
 */
export interface ImportOptions {
  /**
   * `false` (default): one invalid record rejects the whole file; a `GainslyValidationError` lists
   * every problem (record index and field) and nothing is written. `true`: valid records are
   * written and invalid ones reported in `skipped`.
   */
  skipInvalid?: boolean;
  /** Called with (records written, records to write) before the first batch and after each one. */
  onProgress?: (done: number, total: number) => void;
  /** Records per SQL statement. Default 1000. */
  batchSize?: number;
  /** Validate and run everything, then roll back: the report says what would happen. */
  dryRun?: boolean;
  /** The schema holding the tables; default: the ORM's `schema` option, else `public`. */
  schema?: string;
}

/**
 * A record that was not written, and why.
 *
 * @example
 * ```ts
 * const skip: ImportSkip = { index: 52, name: 'CrossFit Thursday 251218', reason: 'no exercises (a rest day or an article, not a workout)' };
 * ```
 */
export interface ImportSkip {
  /** Position of the record in the file's array (0-based). */
  index: number;
  name?: string;
  reason: string;
  /** The first offending field, relative to the record (`pattern`, `metadata.rounds`). */
  path?: string;
}

/**
 * What an import did. `inserted + updated + unchanged + skipped.length === total`.
 *
 * @example
 * ```ts
 * const { inserted, updated, unchanged, skipped } = await importMovements(orm, 'movements.json');
 * ```
 */
export interface ImportReport {
  /** The file name, when imported from a file. */
  file?: string;
  table: string;
  /** Records in the file. */
  total: number;
  inserted: number;
  updated: number;
  /**
   * Records whose row already held exactly these values, including records that repeat an earlier
   * record of the file with the same key and the same values (counted in `duplicates` too).
   */
  unchanged: number;
  /** Of the `unchanged` records: repeats, in the file, of another record with the same key and values. */
  duplicates: number;
  skipped: ImportSkip[];
  dryRun: boolean;
  /**
   * SQL statements sent inside the import's transaction: the lock, the column check and the staging
   * table, one statement per batch to stage the records and one per batch to write them, and one to
   * set aside the records a later one supersedes.
   */
  statements: number;
}
