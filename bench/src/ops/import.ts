// Operation 5: import 5,000 movements into the catalog.
//
// - lib: `importMovements(orm, { movements })` (normalises and validates every record with zod, then
//   upserts by name in one transaction, one statement per 1,000 records).
// - raw: a plain multi-row INSERT ... VALUES (2,500 rows per statement, the most that fits the
//   65,535 bind parameters) in one transaction; no validation, no upsert.
// Each run imports new names (a run suffix); the rows are deleted after each run, untimed.
import type pg from 'pg';
import { generateCatalog, type MovementRecord } from '../catalog.js';
import { alternate } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, ratioOf, series, valuesPlaceholders } from './common.js';

const COLUMNS = [
  'name', 'pattern', 'primary_muscle', 'primary_region', 'secondary_muscles', 'cns_load', 'skill_level', 'compound', 'is_complex_lift',
  'is_unilateral', 'metric_type', 'discipline_tags', 'equipment_tags', 'description', 'coaching_cues', 'substitution_group', 'primary_discipline', 'tags',
] as const;
const JSON_COLUMNS = new Set(['secondary_muscles', 'discipline_tags', 'equipment_tags', 'coaching_cues', 'tags']);
const CHUNK = 2500;

async function rawImport(raw: pg.Client, records: readonly MovementRecord[]): Promise<number> {
  let inserted = 0;
  await raw.query('begin');
  try {
    for (let start = 0; start < records.length; start += CHUNK) {
      const chunk = records.slice(start, start + CHUNK);
      const params: unknown[] = [];
      for (const r of chunk) {
        for (const c of COLUMNS) {
          const v = r[c];
          params.push(JSON_COLUMNS.has(c) ? JSON.stringify(v) : v);
        }
      }
      const res = await raw.query(`insert into movements (${COLUMNS.join(', ')}) values ${valuesPlaceholders(chunk.length, COLUMNS.length)}`, params);
      inserted += res.rowCount ?? 0;
    }
    await raw.query('commit');
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
  return inserted;
}

/** A digest of the rows imported with `suffix`, the suffix taken out of the name. */
async function digest(raw: pg.Client, suffix: string): Promise<string> {
  const { rows } = await raw.query<{ n: string; d: string }>(
    `select count(*) as n, md5(string_agg(concat_ws('|', left(name, length(name) - length($1)), pattern, primary_muscle, primary_region, secondary_muscles::jsonb,
            cns_load, skill_level, compound, is_complex_lift, is_unilateral, metric_type, discipline_tags::jsonb, equipment_tags::jsonb, description,
            coaching_cues::jsonb, substitution_group, user_id, primary_discipline, tags::jsonb), ',' order by name)) as d
       from movements where right(name, length($1)) = $1`,
    [suffix],
  );
  return `${rows[0]!.n}:${rows[0]!.d}`;
}

export async function importOp(ctx: OpContext, count: number): Promise<OpResult> {
  const { orm, raw } = ctx;
  const importMovements = ctx.L.importMovements;
  if (!importMovements) {
    return {
      op: 5,
      key: 'import',
      title: `import ${count} movements`,
      size: ctx.dataset.spec.name,
      targets: [checkTarget('importMovements exists', false, 'not found in the build')],
      notes: ['importMovements is not exported by @gainsly/db/admin'],
    };
  }
  const mark = (await raw.query<{ id: number }>('select coalesce(max(id), 0) as id from movements')).rows[0]!.id;
  const cleanup = async () => {
    await raw.query('delete from movements where id > $1', [mark]);
  };
  const base = generateCatalog(count, ctx.seed + 5);
  const withSuffix = (suffix: string) => base.map((m) => ({ ...m, name: `${m.name}${suffix}` }));
  try {
    // Same rows on both sides, and the statements each sends (untimed).
    const l = await countStatements(() => importMovements(orm, { movements: withSuffix(' ~check-lib') }));
    const r = await countStatements(() => rawImport(raw, withSuffix(' ~check-raw')));
    const dl = await digest(raw, ' ~check-lib');
    const dr = await digest(raw, ' ~check-raw');
    const equivalent = dl === dr && l.result.inserted === count && r.result === count;
    await cleanup();

    let data: MovementRecord[] = [];
    const result = await alternate(
      [
        { name: 'lib', before: (i) => void (data = withSuffix(` ~L${i}`)), run: () => importMovements(orm, { movements: data }), after: cleanup },
        { name: 'raw', before: (i) => void (data = withSuffix(` ~R${i}`)), run: () => rawImport(raw, data), after: cleanup },
      ],
      { runs: Math.max(3, Math.round(ctx.runs / 3)), warmup: Math.min(2, ctx.warmup), minSeconds: 0 },
    );
    const ratio = ratioOf(result.lib!, result.raw!);
    const throughput = (median: number) => Math.round(count / (median / 1000));
    const libRate = throughput(result.lib!.summary.median);
    const rawRate = throughput(result.raw!.summary.median);
    return {
      op: 5,
      key: 'import',
      title: `import ${count} movements`,
      size: ctx.dataset.spec.name,
      lib: series(`lib (${ctx.L.importMovementsFrom})`, result.lib!),
      raw: series('raw pg, multi-row insert', result.raw!),
      ratio,
      targets: [
        {
          label: 'throughput >= 1/2 raw',
          kind: 'ratio',
          actual: `${(libRate / rawRate).toFixed(2)} (${libRate}/s vs ${rawRate}/s)`,
          pass: libRate >= rawRate / 2,
          enforced: !ctx.smoke,
        },
        checkTarget('same rows as raw', equivalent, equivalent ? `${count} rows, equal digests` : `DIFFER (${dl} vs ${dr})`),
      ],
      notes: [`statements: lib ${l.count.total} (${l.count.kinds.join(', ')}), raw ${r.count.total}`],
      details: { libRowsPerSecond: libRate, rawRowsPerSecond: rawRate },
    };
  } finally {
    await cleanup();
    // The runs inserted and deleted count × runs rows: leave no bloat for later operations.
    await raw.query('vacuum (analyze) movements');
  }
}
