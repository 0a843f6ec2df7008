import type { EntityManager } from '@mikro-orm/postgresql';
import { formatIssuePath } from '../../schemas/messages.js';
import { GainslyValidationError, type ValidationIssue } from '../../schemas/errors.js';
import { emRunner, schemaOf, tableWriteLockKey, toEm, toNumber, type OrmOrEm, type SqlRunner } from '../../orm/sql-helpers.js';
import { GainslyImportError } from '../../orm/errors.js';
import type { ImportKind } from './kind.js';
import { openSource } from './sources.js';
import { encodeRow, sameValues, stagingColumns, upsertSql } from './staging-sql.js';
import type { ImportOptions, ImportReport, ImportSkip, ImportSource } from './types.js';

// Files are streamed: read in chunks, parsed by a streaming JSON parser that hands over one record
// at a time, validated and staged in batches, so memory stays flat whatever the file's size (a
// 1,000,000-record file took 1.3 GB when it was parsed whole). What needed the whole file before,
// "the last record with a key wins, earlier ones are reported", is done by PostgreSQL: records go
// to a temporary staging table in the import's transaction, one statement deletes the superseded
// ones (returning them for the report), and the winners are upserted from it batch by batch. The
// transaction is still one per file: an invalid record (without skipInvalid), a syntax error at the
// end of the file or any failure rolls everything back, so nothing is written.

/** Validation issues kept for the error; the rest are counted (a file of a million bad records must not make a million issues). */
const MAX_ISSUES = 1_000;

/** Thrown inside the transaction of a dry run so that everything is rolled back. */
class DryRunRollback extends Error {}

/**
 * The `GainslyValidationError` an import without `skipInvalid` raises, knowing how many of the
 * file's records were invalid, so the CLI can say "none is valid" instead of suggesting
 * `--skip-invalid`. Same name, code and issues as its parent. @internal
 */
export class ImportRejectedError extends GainslyValidationError {
  constructor(
    issues: ValidationIssue[],
    input: string,
    /** Records in the file. */
    readonly records: number,
    /** Records with at least one issue. */
    readonly invalidRecords: number,
  ) {
    super(issues, input);
  }
}

/** Staging tables are temporary (this connection only) and dropped at commit; the counter keeps two imports in one caller's transaction apart. */
let stagingTables = 0;

/** Runs one import: reads, validates and stages the records, then writes the winners. @internal */
export async function runImport(target: OrmOrEm, source: ImportSource, options: ImportOptions, kind: ImportKind): Promise<ImportReport> {
  const records = await openSource(source, kind);
  const inputName = records.file ?? kind.label;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const em = toEm(target);
  const schema = schemaOf(target, options.schema);
  const stage = `gainsly_import_stage_${++stagingTables}`;

  const skipped: ImportSkip[] = [];
  const issues: ValidationIssue[] = [];
  let moreIssues = 0;
  let total = 0;
  let statements = 0;
  let inserted = 0;
  let updated = 0;
  let owned = 0;
  let invalidRecords = 0;
  let duplicates = 0;

  const write = async (tx: EntityManager) => {
    const run0 = emRunner(tx);
    const run: SqlRunner = (sql, params) => {
      statements++;
      return run0(sql, params);
    };
    await run('select pg_advisory_xact_lock(hashtext(?))', [tableWriteLockKey(kind.table)]);
    await checkColumns(run, schema, kind);
    // Staged in typed columns (the records' JSON is parsed once, here): re-parsing a JSON payload per
    // row in every later statement made the import twice as slow as raw pg in the benchmark (op 5).
    const staging = stagingColumns(kind);
    await run(`create temporary table ${stage} (ord integer primary key, key text not null, name text, ${staging}) on commit drop`);

    // 1. Normalise and validate each record as it is read; stage the valid ones in batches.
    let batch: Record<string, unknown>[] = [];
    let staged = 0;
    const stagedNames = ['ord', 'key', 'name', 'm', ...kind.columns.map((_, n) => `c${n}`)].join(', ');
    const flush = async () => {
      if (batch.length === 0) return;
      await run(`insert into ${stage} (${stagedNames}) select ${stagedNames} from json_to_recordset(?::json) as r(ord integer, key text, name text, ${staging})`, [JSON.stringify(batch)]);
      staged += batch.length;
      batch = [];
    };
    for await (const record of records.records()) {
      const index = total++;
      let result: ReturnType<typeof kind.prepare>;
      try {
        result = kind.prepare(record, index);
      } catch (error) {
        // A record whose properties throw when read (a getter, a revoked proxy) is invalid data.
        result = { kind: 'invalid', issues: [{ path: [], message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
      }
      if (result.kind === 'ok') {
        // Once the file is known to be rejected, valid records are only counted.
        if (issues.length > 0 && !options.skipInvalid) continue;
        batch.push({ ord: index, key: result.row.key, name: result.row.name ?? null, ...encodeRow(kind, result.row) });
        if (batch.length >= batchSize) await flush();
      } else if (result.kind === 'skip') {
        skipped.push({ index, ...(result.name ? { name: result.name } : {}), reason: result.reason, ...(result.path ? { path: result.path } : {}) });
      } else {
        invalidRecords++;
        for (const issue of result.issues) {
          if (issues.length < MAX_ISSUES) issues.push({ ...issue, path: [...records.prefix(), index, ...issue.path] });
          else moreIssues++;
        }
        if (options.skipInvalid) {
          skipped.push({
            index,
            ...(result.name ? { name: result.name } : {}),
            reason: result.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`).join('; '),
            ...(result.issues[0] ? { path: formatIssuePath(result.issues[0].path) } : {}),
          });
        }
      }
    }
    if (issues.length > 0 && !options.skipInvalid) {
      if (moreIssues > 0) issues.push({ path: records.prefix(), message: `and ${moreIssues} more problem${moreIssues === 1 ? '' : 's'} (the first ${MAX_ISSUES} are listed)` });
      // The loop read the file to its end (valid records only counted): `total` is every record.
      throw new ImportRejectedError(issues, inputName, total, invalidRecords);
    }
    await flush();

    // 2. One row per key: the last record wins; the superseded ones leave the stage for the report.
    const superseded = await run(
      `with winner as (select distinct on (key) * from ${stage} order by key, ord desc),
            gone as (delete from ${stage} s using winner w where s.key = w.key and s.ord <> w.ord
                     returning s.ord, s.name, w.ord as winner, ${sameValues(kind)} as same)
       select ord, name, winner, same from gone order by ord`,
    );
    const keyName = kind.key.join(' and ');
    for (const r of superseded) {
      const winner = toNumber(r.winner);
      // A record repeated with the same values says nothing the winner does not: it is unchanged
      // (on every import, the first included), not skipped, as any other record already stored.
      if (r.same === true) {
        duplicates++;
        continue;
      }
      skipped.push({
        index: toNumber(r.ord),
        ...(r.name == null ? {} : { name: String(r.name) }),
        reason: r.same === true ? `duplicate of record ${winner} (same ${keyName}, same values)` : `superseded by record ${winner}, which has the same ${keyName}`,
      });
    }
    const rows = staged - superseded.length;

    // 3. Write the winners in file order, a batch per statement.
    const sql = upsertSql(kind, schema, stage);
    options.onProgress?.(0, rows);
    let done = 0;
    for (let after = -1; done < rows; ) {
      const result = await run(sql, [after, batchSize]);
      for (const r of result) {
        const status = String(r.status);
        if (status === 'inserted') inserted++;
        else if (status === 'updated') updated++;
        else if (status === 'owned') {
          owned++;
          skipped.push({ index: toNumber(r.ord), ...(r.name == null ? {} : { name: String(r.name) }), reason: `the name belongs to a user-defined movement (id ${toNumber(r.id)}); system movements cannot take it` });
        } else if (status === 'batch') {
          after = toNumber(r.ord);
          done += toNumber(r.id);
          if (toNumber(r.id) === 0) throw new GainslyImportError(`import into ${kind.table}: ${rows - done} staged records were not found again`);
        }
      }
      options.onProgress?.(done, rows);
    }
    if (options.dryRun) throw new DryRunRollback();
  };

  try {
    await em.transactional(write);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  skipped.sort((a, b) => a.index - b.index);
  return {
    ...(records.file ? { file: records.file } : {}),
    table: kind.table,
    total,
    inserted,
    updated,
    // Every record is inserted, updated, skipped (owned names included) or else unchanged.
    unchanged: total - skipped.length - inserted - updated,
    duplicates,
    skipped,
    dryRun: options.dryRun === true,
    statements,
  };
}

/** Fails early, with advice, when the table lacks a column the import writes (an upstream database before adopt). */
async function checkColumns(run: SqlRunner, schema: string, kind: ImportKind): Promise<void> {
  const rows = await run(
    `select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped`,
    [schema, kind.table],
  );
  const existing = new Set(rows.map((r) => String(r.name)));
  if (existing.size === 0) throw new GainslyImportError(`Table ${schema}.${kind.table} does not exist: run \`gainsly-db migrate\` (new database) or \`gainsly-db adopt\` (upstream database) first, or migrate(orm) / adopt(orm) in code`);
  const missing = [...kind.columns.map((c) => c.column), ...(kind.insertOnly ?? []).map((c) => c.column), ...(kind.ownerColumn ? [kind.ownerColumn] : [])].filter((c) => !existing.has(c));
  if (missing.length > 0) {
    throw new GainslyImportError(`${kind.table} lacks ${missing.join(', ')}: run \`gainsly-db adopt\` on a database the upstream app made (\`gainsly-db migrate\` on a library one) first, or adopt(orm) / migrate(orm) in code`);
  }
}
