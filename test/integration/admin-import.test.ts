import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitTemplate, HeuristicConfig, Movement, User } from '../../src/index.js';
import { GainslyValidationError } from '../../src/schemas/index.js';
import { GainslyImportError } from '../../src/orm/errors.js';
import { importCircuits, importHeuristicConfigs, importMovements } from '../../src/admin/import/import.js';
import type { ImportReport } from '../../src/admin/import/types.js';
import { createTestDatabase, useTestOrm, withRawClient, type TestDatabase } from '../support/database.js';
import { fixturePath, readSeed, requireFixtures } from '../support/fixtures.js';
import { bundleMemoryChild, type MemoryChild } from '../support/memory-child.js';

const SEED = (name: string) => fixturePath(`upstream-seed-data/${name}`);
type SeedMovement = Record<string, unknown> & { name: string };

/** Writes JSON to a temporary file and returns its path. */
function tempJson(name: string, data: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gainsly-import-'));
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

const counts = (r: ImportReport) => ({ total: r.total, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped.length });

const hasFixtures = requireFixtures("importing upstream's seed data");

describe.runIf(hasFixtures)("import of upstream's seed data", () => {
  const db = useTestOrm();
  const count = async (table: string) => Number((await db.em.execute(`select count(*)::int as n from ${table}`))[0]!.n);

  it('movements: all 65 inserted as system movements with semantic values; a re-import changes nothing', async () => {
    const progress: [number, number][] = [];
    const report = await importMovements(db.em, SEED('movements.json'), { onProgress: (done, total) => progress.push([done, total]) });
    expect(counts(report)).toEqual({ total: 65, inserted: 65, updated: 0, unchanged: 0, skipped: 0 });
    expect(report).toMatchObject({ file: 'movements.json', table: 'movements', dryRun: false });
    // Lock, column check, staging table, one staging insert, the superseded-records statement, one upsert.
    expect(report.statements).toBe(6);
    expect(progress).toEqual([
      [0, 65],
      [65, 65],
    ]);
    expect(await count('movements')).toBe(65);

    const movements = db.em.getRepository(Movement);
    const squat = await movements.findByName('Back Squat');
    expect(squat).toMatchObject({
      pattern: 'squat',
      primaryMuscle: 'quadriceps',
      primaryRegion: 'anterior lower',
      secondaryMuscles: ['glutes', 'hamstrings', 'core'],
      cnsLoad: 'very_high',
      skillLevel: 'intermediate',
      compound: true,
      metricType: 'reps',
      disciplineTags: ['powerlifting', 'strength'],
      equipmentTags: ['barbell', 'rack'],
      substitutionGroup: 'squat_bilateral',
      primaryDiscipline: 'All',
      tags: [],
      coachingCues: [],
      description: null,
      user: null,
    });
    expect((await movements.findSystem()).length).toBe(65);
    expect((await movements.findByPattern('hinge')).length).toBeGreaterThan(0);

    const again = await importMovements(db.em, SEED('movements.json'));
    expect(counts(again)).toEqual({ total: 65, inserted: 0, updated: 0, unchanged: 65, skipped: 0 });
    expect(await count('movements')).toBe(65);
  });

  it('movements: a re-import updates only the rows whose values differ, and keeps fields the file does not have', async () => {
    await importMovements(db.em, SEED('movements.json'));
    await db.em.execute(`update movements set cns_load = 'low', description = 'Curated.' where name = 'Back Squat'`);
    await db.em.execute(`update movements set description = 'Also curated.' where name = 'Front Squat'`);
    const report = await importMovements(db.em, SEED('movements.json'));
    expect(counts(report)).toEqual({ total: 65, inserted: 0, updated: 1, unchanged: 64, skipped: 0 });
    const rows = await db.em.execute(`select name, cns_load, description from movements where name in ('Back Squat', 'Front Squat') order by name`);
    expect(rows).toEqual([
      { name: 'Back Squat', cns_load: 'very_high', description: 'Curated.' },
      { name: 'Front Squat', cns_load: 'high', description: 'Also curated.' },
    ]);
  });

  it('movements: sloppy spellings are normalised, tags lower-cased and de-duplicated', async () => {
    const report = await importMovements(db.em, {
      movements: [
        {
          name: '  Goblet Squat ',
          pattern: 'Squat',
          primary_muscle: 'QUADRICEPS',
          primary_region: 'Anterior_Lower',
          secondary_muscles: ['Glutes', 'upper back'],
          cns_load: 'very low',
          equipment_tags: [' Dumbbell', 'dumbbell', 'KETTLEBELL'],
          tags: ['Athletic', 'athletic '],
        },
      ],
    });
    expect(report.inserted).toBe(1);
    const goblet = await db.em.getRepository(Movement).findByName('Goblet Squat');
    expect(goblet).toMatchObject({
      pattern: 'squat',
      primaryMuscle: 'quadriceps',
      primaryRegion: 'anterior lower',
      secondaryMuscles: ['glutes', 'upper_back'],
      cnsLoad: 'very_low',
      equipmentTags: ['dumbbell', 'kettlebell'],
      tags: ['athletic'],
    });
  });

  it('movements: one bad record rejects the whole file, naming its index and field; nothing is written', async () => {
    const data = readSeed<{ movements: SeedMovement[] }>('movements.json');
    data.movements[3] = { ...data.movements[3]!, pattern: 'jumping' };
    data.movements[7] = { ...data.movements[7]!, is_unilateral: 'sometimes' };
    const file = tempJson('movements-bad.json', data);
    const error = await importMovements(db.em, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GainslyValidationError);
    const issues = (error as GainslyValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      ['movements', 3, 'pattern'],
      ['movements', 7, 'is_unilateral'],
    ]);
    expect((error as Error).message).toMatch(/^Invalid movements-bad\.json: movements\[3\]\.pattern: must be one of/);
    expect(await count('movements')).toBe(0);
  });

  it('movements: with skipInvalid the valid records are written and the bad ones reported', async () => {
    const data = readSeed<{ movements: SeedMovement[] }>('movements.json');
    data.movements[3] = { ...data.movements[3]!, pattern: 'jumping' };
    const report = await importMovements(db.em, data, { skipInvalid: true });
    expect(counts(report)).toEqual({ total: 65, inserted: 64, updated: 0, unchanged: 0, skipped: 1 });
    expect(report.skipped).toEqual([{ index: 3, name: data.movements[3]!.name, path: 'pattern', reason: expect.stringMatching(/^pattern: must be one of/) }]);
    expect(report.file).toBeUndefined();
    expect(await count('movements')).toBe(64);
  });

  it('movements: a name held by a user-defined movement is skipped, not taken over', async () => {
    const user = db.em.create(User, { email: 'owner@example.com' });
    db.em.create(Movement, { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower', user });
    await db.em.flush();
    const report = await importMovements(db.em, SEED('movements.json'));
    expect(counts(report)).toEqual({ total: 65, inserted: 64, updated: 0, unchanged: 0, skipped: 1 });
    expect(report.skipped[0]).toMatchObject({ index: 0, name: 'Back Squat', reason: expect.stringMatching(/user-defined movement/) });
    expect(await count('movements where user_id is null')).toBe(64);
  });

  it('movements: a dry run reports what would happen and writes nothing', async () => {
    const report = await importMovements(db.em, SEED('movements.json'), { dryRun: true });
    expect(counts(report)).toEqual({ total: 65, inserted: 65, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.dryRun).toBe(true);
    expect(await count('movements')).toBe(0);
  });

  it('heuristic configs: all 10 inserted, idempotent by (name, version)', async () => {
    const report = await importHeuristicConfigs(db.em, SEED('heuristic_configs.json'));
    expect(counts(report)).toEqual({ total: 10, inserted: 10, updated: 0, unchanged: 0, skipped: 0 });
    const deload = await db.em.getRepository(HeuristicConfig).getActive('deload_policy');
    expect(deload).toMatchObject({ version: 1, active: true });
    expect(deload!.description).toMatch(/deload/i);
    expect(deload!.createdAt).toBeInstanceOf(Date);
    const seed = readSeed<{ configs: { name: string; json_blob: unknown }[] }>('heuristic_configs.json');
    expect(deload!.jsonBlob).toEqual(seed.configs.find((c) => c.name === 'deload_policy')!.json_blob);

    expect(counts(await importHeuristicConfigs(db.em, SEED('heuristic_configs.json')))).toEqual({ total: 10, inserted: 0, updated: 0, unchanged: 10, skipped: 0 });
    // A new version is a new row; a changed blob updates its version.
    const v2 = { ...seed.configs[0]!, version: 2, active: false };
    const changed = { ...seed.configs[1]!, json_blob: { replaced: true } };
    expect(counts(await importHeuristicConfigs(db.em, [v2, changed]))).toEqual({ total: 2, inserted: 1, updated: 1, unchanged: 0, skipped: 0 });
    expect(await count('heuristic_configs')).toBe(11);
  });

  it('scraped circuits: circuit types mapped, exact repeats unchanged, the rest day skipped with its reason, 29 circuits stored', async () => {
    const report = await importCircuits(db.em, SEED('scraped_circuits.json'));
    // 23 records repeat another with the same values: unchanged (as on every later import), not skipped.
    expect(counts(report)).toEqual({ total: 53, inserted: 29, updated: 0, unchanged: 23, skipped: 1 });
    expect(report.duplicates).toBe(23);
    expect(report.skipped.find((s) => s.index === 52)).toEqual({
      index: 52,
      name: 'CrossFit Thursday 251218',
      path: 'exercises',
      reason: 'no exercises (a rest day or an article, not a workout)',
    });
    expect(report.skipped.find((s) => s.index === 0)).toBeUndefined();
    expect(await count('circuit_templates')).toBe(29);

    const byType = await db.em.execute(`select circuit_type::text as type, count(*)::int as n from circuit_templates group by 1 order by 1`);
    // Distinct names per scraped type: "For Time" 11 + "Rounds For Time" 9 -> ROUNDS_FOR_TIME; "EMOM" 4, "AMRAP" 3, "ladder" 2.
    // (The single "rounds_for_time" record is the rest day.)
    expect(byType).toEqual([
      { type: 'AMRAP', n: 3 },
      { type: 'EMOM', n: 4 },
      { type: 'LADDER', n: 2 },
      { type: 'ROUNDS_FOR_TIME', n: 20 },
    ]);

    const circuits = db.em.getRepository(CircuitTemplate);
    const [saturday] = await circuits.findByName('CrossFit Saturday 260117');
    expect(saturday).toMatchObject({ circuitType: 'rounds_for_time', defaultRounds: 10, defaultDurationSeconds: null, tags: ['scraped', 'crossfit'], bucketStress: {}, difficultyTier: 1 });
    expect(saturday!.description).toMatch(/^Today, you'll take on 10 sprint-style efforts/);
    expect(saturday!.exercisesJson).toHaveLength(2);
    expect(saturday!.exercisesJson[0]).toMatchObject({ movement: 'sandbag bear hug carry', distance_meters: 18, metric_type: 'distance' });
    const [friday] = await circuits.findByName('CrossFit Friday 260116');
    expect(friday).toMatchObject({ circuitType: 'amrap', defaultDurationSeconds: 1200, defaultRounds: null });
    const [emom] = await circuits.findByName('CrossFit Friday 260109');
    expect(emom).toMatchObject({ circuitType: 'emom', defaultRounds: 3 });
    expect(emom!.description).toMatch(/Interval: 90 second$/);
    const [ladder] = await circuits.findByName('CrossFit Saturday 260110');
    expect(ladder).toMatchObject({ circuitType: 'ladder', defaultRounds: 5 });

    const again = await importCircuits(db.em, SEED('scraped_circuits.json'));
    // Every record unchanged (the 23 exact repeats too), as for the other kinds; only the rest day is skipped.
    expect(counts(again)).toEqual({ total: 53, inserted: 0, updated: 0, unchanged: 52, skipped: 1 });
    expect(await count('circuit_templates')).toBe(29);
  });

  it('circuits: an unknown type is skipped with the reason; a name already stored twice updates the lowest id only', async () => {
    await db.em.execute(`insert into circuit_templates (id, name, circuit_type, exercises_json, bucket_stress) values
      (901, 'Fran', 'CHIPPER', '[]', '{}'), (902, 'Fran', 'CHIPPER', '[]', '{}')`);
    const report = await importCircuits(db.em, {
      circuits: [
        { name: 'Fran', circuit_type: 'For Time', exercises_json: [{ movement: 'Thruster', reps: [21, 15, 9] }], tags: ['CrossFit', 'Benchmark'], bucket_stress: { conditioning: 4 } },
        { name: 'Mystery', circuit_type: 'death by burpees', exercises_json: [{ movement: 'Burpee' }] },
      ],
    });
    expect(counts(report)).toEqual({ total: 2, inserted: 0, updated: 1, unchanged: 0, skipped: 1 });
    expect(report.skipped[0]).toMatchObject({ index: 1, name: 'Mystery', path: 'circuit_type', reason: expect.stringMatching(/^unknown circuit type "death by burpees"/) });
    const rows = await db.em.execute(`select id, circuit_type::text as type, tags::text as tags from circuit_templates where name = 'Fran' order by id`);
    expect(rows).toEqual([
      { id: 901, type: 'ROUNDS_FOR_TIME', tags: '["crossfit","benchmark"]' },
      { id: 902, type: 'CHIPPER', tags: null },
    ]);
  });

  it('a file that is not JSON, or not there, is refused before any SQL', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'gainsly-import-')), 'broken.json');
    writeFileSync(bad, '{ "movements": [');
    await expect(importMovements(db.em, bad)).rejects.toThrow(/^Invalid broken\.json: \(root\): is not valid JSON/);
    await expect(importMovements(db.em, join(tmpdir(), 'no-such-dir-gainsly', 'x.json'))).rejects.toThrow(GainslyImportError);
    await expect(importMovements(db.em, { configs: [] })).rejects.toThrow(/must be an array of movements or \{ "movements": \[\.\.\.\] \}/);
  });
});

describe('import in bulk', () => {
  const db = useTestOrm();

  it('5,000 movements go in a handful of statements, with progress per batch', async () => {
    const movements = Array.from({ length: 5000 }, (_, i) => ({
      name: `Bulk Movement ${i}`,
      pattern: 'squat',
      primary_muscle: 'quadriceps',
      primary_region: 'anterior lower',
      equipment_tags: ['barbell'],
    }));
    const progress: number[] = [];
    const report = await importMovements(db.em, movements, { onProgress: (done) => progress.push(done) });
    expect(counts(report)).toEqual({ total: 5000, inserted: 5000, updated: 0, unchanged: 0, skipped: 0 });
    // Lock, column check and staging table; 5 staging inserts; superseded records; 5 upserts.
    expect(report.statements).toBe(3 + 5 + 1 + 5);
    expect(progress).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(Number((await db.em.execute('select count(*)::int as n from movements'))[0]!.n)).toBe(5000);
  });
});

describe('import of files, streamed', () => {
  const db = useTestOrm();
  const count = async () => Number((await db.em.execute('select count(*)::int as n from movements'))[0]!.n);
  const movement = (name: string, extra: Record<string, unknown> = {}) => ({ name, pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower', ...extra });
  const tempFile = (name: string, text: string | Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'gainsly-import-')), name);
    writeFileSync(path, text);
    return path;
  };

  it('accepts a UTF-8 byte-order mark, in both forms', async () => {
    const bom = '\uFEFF';
    const array = tempFile('bom-array.json', `${bom}${JSON.stringify([movement('BOM Squat 1'), movement('BOM Squat 2')])}`);
    const wrapped = tempFile('bom-wrapped.json', `${bom}\n  ${JSON.stringify({ version: 2, movements: [movement('BOM Squat 3')], note: { big: [1, 2, 3] } })}\n`);
    expect(counts(await importMovements(db.em, array))).toEqual({ total: 2, inserted: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(counts(await importMovements(db.em, wrapped))).toEqual({ total: 1, inserted: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect(await count()).toBe(3);
  });

  it('a file broken after valid records, or of the wrong shape, writes nothing', async () => {
    const records = [movement('Streamed 1'), movement('Streamed 2')].map((m) => JSON.stringify(m)).join(', ');
    const cases: [string, string, RegExp][] = [
      ['truncated.json', `[${records}, {"name": "Stre`, /^Invalid truncated\.json: \(root\): is not valid JSON/],
      ['trailing.json', `[${records}] and more`, /^Invalid trailing\.json: \(root\): is not valid JSON/],
      ['no-wrapper.json', `{"configs": [${records}]}`, /^Invalid no-wrapper\.json: \(root\): must be an array of movements or \{ "movements": \[\.\.\.\] \}/],
      ['not-array.json', `{"movements": {"a": 1}}`, /must be an array of movements or/],
      ['scalar.json', `"movements"`, /must be an array of movements or/],
      ['empty.json', `  \n`, /^Invalid empty\.json: \(root\): is not valid JSON/],
    ];
    for (const [name, text, message] of cases) {
      const error = await importMovements(db.em, tempFile(name, text), { batchSize: 1 }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(GainslyValidationError);
      expect((error as Error).message, name).toMatch(message);
    }
    expect(await count()).toBe(0);
  });

  it('the last record of a name wins across batches, and the earlier ones are reported as before', async () => {
    const file = tempFile('dupes.json', JSON.stringify([movement('Dupe A'), movement('Dupe B'), movement('Dupe A', { cns_load: 'high' }), movement('Dupe C'), movement('Dupe A', { cns_load: 'high' })]));
    const report = await importMovements(db.em, file, { batchSize: 2 });
    // Record 2 repeats record 4 exactly: unchanged. Record 0 differs from the winner: skipped.
    expect(counts(report)).toEqual({ total: 5, inserted: 3, updated: 0, unchanged: 1, skipped: 1 });
    expect(report.duplicates).toBe(1);
    expect(report.skipped).toEqual([{ index: 0, name: 'Dupe A', reason: 'superseded by record 4, which has the same name' }]);
    expect(await db.em.execute(`select name, cns_load from movements order by id`)).toEqual([
      { name: 'Dupe B', cns_load: 'moderate' },
      { name: 'Dupe C', cns_load: 'moderate' },
      { name: 'Dupe A', cns_load: 'high' },
    ]);
  });

  it('lists at most 1,000 problems of a file full of invalid records, and counts the rest', async () => {
    const file = tempFile('all-bad.json', JSON.stringify(Array.from({ length: 1_500 }, (_, i) => movement(`Bad ${i}`, { pattern: 'jumping' }))));
    const error = (await importMovements(db.em, file).catch((e: unknown) => e)) as GainslyValidationError;
    expect(error).toBeInstanceOf(GainslyValidationError);
    expect(error.issues).toHaveLength(1_001);
    expect(error.issues.at(-1)).toMatchObject({ path: [], message: 'and 500 more problems (the first 1000 are listed)' });
    expect(await count()).toBe(0);
  });
});

describe('import of a large file', () => {
  const RECORDS = 200_000;
  /** The child's heap limit: the whole file parsed at once would not fit (its JSON text alone is ~30 MB, its objects several times that). */
  const HEAP_LIMIT_MB = 96;
  /** The bound on the child's peak resident set: Node, MikroORM and the pg driver take about 100 MB of it before the first record. */
  const MAX_RSS_MB = 250;
  let db: TestDatabase;
  let child: MemoryChild | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    child = await bundleMemoryChild('import-memory-child');
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    child?.dispose();
  });

  it(`streams ${RECORDS.toLocaleString('en')} movements with flat memory (child process, heap capped at ${HEAP_LIMIT_MB} MB, peak RSS under ${MAX_RSS_MB} MB)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gainsly-import-large-'));
    const file = join(dir, 'movements.json');
    // Written in pieces: the test itself must not hold the file either.
    const fd = openSync(file, 'w');
    writeSync(fd, '\uFEFF{ "movements": [\n');
    const PIECE = 10_000;
    for (let start = 0; start < RECORDS; start += PIECE) {
      const piece = Array.from({ length: Math.min(PIECE, RECORDS - start) }, (_, k) => {
        const i = start + k;
        return JSON.stringify({ name: `Generated Movement ${i}`, pattern: ['squat', 'hinge', 'lunge'][i % 3], primary_muscle: 'quadriceps', primary_region: 'anterior lower', equipment_tags: ['barbell', i % 2 ? 'rack' : 'bench'], description: `Movement number ${i} of the generated catalog` });
      });
      writeSync(fd, `${start === 0 ? '' : ',\n'}${piece.join(',\n')}`);
    }
    writeSync(fd, '\n] }\n');
    closeSync(fd);
    try {
      const result = await child!.run<{ total: number; inserted: number; skipped: number; maxRssBytes: number; peakHeapUsed: number }>(HEAP_LIMIT_MB, [db.url, file], 240_000);
      console.info(`[import memory] ${RECORDS} records, ${(statSync(file).size / 1e6).toFixed(1)} MB file: peak RSS ${(result.maxRssBytes / 1048576).toFixed(0)} MiB, peak heap used ${(result.peakHeapUsed / 1048576).toFixed(0)} MiB`);
      expect(result).toMatchObject({ total: RECORDS, inserted: RECORDS, skipped: 0 });
      expect(result.maxRssBytes / 1048576).toBeLessThan(MAX_RSS_MB);
      const stored = await withRawClient(db.url, async (c) => Number((await c.query<{ n: number }>('select count(*)::int as n from movements')).rows[0]!.n));
      expect(stored).toBe(RECORDS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
