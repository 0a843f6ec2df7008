// The three seed-data imports (upstream's seed_data files, docs/upstream.md): one entry point per
// kind of record; what each kind writes is in movements.ts, circuits.ts and heuristic-configs.ts,
// how every import runs in run.ts.
import { CIRCUITS } from './circuits.js';
import { HEURISTIC_CONFIGS } from './heuristic-configs.js';
import { MOVEMENTS } from './movements.js';
import { runImport } from './run.js';
import type { OrmOrEm } from '../../orm/sql-helpers.js';
import type { ImportOptions, ImportReport, ImportSource } from './types.js';

/**
 * Loads movements shaped like upstream's `seed_data/movements.json` (`{ "movements": [...] }` or a
 * plain array; snake_case keys as in the file, or the camelCase keys of `MovementInput`) into
 * `movements`, as system movements (no owner).
 *
 * Each record is normalised, then validated with `movementInputSchema`: enum-backed fields in the
 * wrong case or spacing become the enum value (`'Squat'` -> `'squat'`, `'anterior_lower'` ->
 * `'anterior lower'`); tag lists are trimmed, lower-cased and de-duplicated. Idempotent by name (the
 * unique `ix_movements_name`): a new name is inserted, an existing one updated with the fields the
 * record has (fields it lacks keep their stored value), and re-running changes nothing. A name held
 * by a user-defined movement is skipped. Later records with the same name supersede earlier ones.
 *
 * One transaction per file, multi-row statements (one per `batchSize` records). A file is streamed:
 * records are read, validated and staged a batch at a time, so memory stays flat whatever its size
 * (a 1,000,000-record file needs about 150 MB of resident memory; the whole file is never held).
 *
 * @throws {GainslyValidationError} a record is invalid (each issue's path is `[index, field]`, or
 *   `['movements', index, field]` for the wrapped form) and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read, or the database lacks `movements.tags` (run `adopt`)
 * @example
 * ```ts
 * const report = await importMovements(orm, '../shared/fixtures/upstream-seed-data/movements.json');
 * console.log(`${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`);
 * ```
 */
export async function importMovements(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, MOVEMENTS);
}

/**
 * Loads circuit templates: upstream's scraped workouts (`seed_data/scraped_circuits.json`: a list of
 * `{ name, circuit_type, description, exercises, metadata, ... }`) or records shaped like
 * `circuit_templates` rows (`{ circuits: [...] }` or a plain array).
 *
 * Free-text circuit types are mapped to CircuitType values (`"For Time"`, `"Rounds For Time"`,
 * `"rounds_for_time"` -> `rounds_for_time`; `"EMOM"` -> `emom`; `"AMRAP"` -> `amrap`; `"ladder"` ->
 * `ladder`); a record with an unknown type, or without exercises (a rest day), is skipped with the
 * reason. For scraped records: `exercises` -> `exercises_json` (kept as scraped),
 * `metadata.rounds` -> `default_rounds`, `metadata.time_cap` (`"20 min"`) -> `default_duration_seconds`,
 * `metadata.interval_notes` is appended to the description, the description's leading `":"` is
 * trimmed, tags are `scraped` (+ `crossfit` for CrossFit workouts) unless the record has its own,
 * and `bucket_stress` stays `{}` (the scrape has no stress data). Tags are lower-cased.
 *
 * Circuit names are not unique in the database, so "idempotent by name" means: update the
 * existing circuit with that name (the lowest id), else insert. Repeated names in one file: the
 * last record wins, earlier ones are reported as skipped.
 *
 * @throws {GainslyValidationError} a record is invalid and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read
 * @example
 * ```ts
 * const report = await importCircuits(orm, 'scraped_circuits.json');
 * report.skipped.map((s) => `#${s.index}: ${s.reason}`);
 * ```
 */
export async function importCircuits(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, CIRCUITS);
}

/**
 * Loads heuristic configs shaped like upstream's `seed_data/heuristic_configs.json`
 * (`{ "configs": [{ name, version, description, json_blob, active }] }` or a plain array),
 * validated with `heuristicConfigInputSchema`. Idempotent by (name, version): an existing version
 * is updated, a new one inserted. `active` is stored as given (switch versions with
 * `HeuristicConfigRepository.activate`).
 *
 * @throws {GainslyValidationError} a record is invalid and `skipInvalid` is not set; nothing written
 * @throws {GainslyImportError} the file cannot be read
 * @example
 * ```ts
 * const report = await importHeuristicConfigs(orm, 'heuristic_configs.json');
 * report.inserted; // 10 on an empty table
 * ```
 */
export async function importHeuristicConfigs(target: OrmOrEm, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  return runImport(target, source, options, HEURISTIC_CONFIGS);
}
