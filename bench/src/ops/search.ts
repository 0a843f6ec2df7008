// Operation 4: movement search by pattern + equipment tag + name text over the 5,000-movement catalog.
//
// - lib: `MovementRepository.searchRows({ pattern, equipmentTag, text })` (system movements, by
//   name): plain typed rows (`MovementRow`), one statement.
// - raw: the same predicate through `pg` (`select *`): the tag compared case-insensitively, as the
//   library documents it (decoded elements, `lower()` on both sides).
// - extra, no target: `MovementRepository.search`, the same search returning managed entities.
import type pg from 'pg';
import { alternateApart } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, ratioOf, ratioTarget, rawStatement, series, statementTarget, unnamedNote, interleavedNote, type RawMode } from './common.js';

/** Searches a user would type, rotated run by run (the same sequence on both sides). */
export const SEARCHES = [
  { pattern: 'horizontal_push', equipmentTag: 'dumbbell', text: 'press' },
  { pattern: 'squat', equipmentTag: 'barbell', text: 'paused' },
  { pattern: 'hinge', equipmentTag: 'kettlebell', text: 'single' },
  { pattern: 'vertical_pull', equipmentTag: 'cable', text: 'grip' },
  { pattern: 'lunge', equipmentTag: 'dumbbell', text: 'split' },
  { pattern: 'isolation', equipmentTag: 'machine', text: 'curl' },
] as const;

export const RAW_SEARCH_SQL = `
select * from movements
 where pattern = $1
   and exists (select 1 from json_array_elements_text(case when json_typeof(equipment_tags) = 'array' then equipment_tags end) as tag(value)
                where lower(tag.value) = lower($2))
   and name ilike $3 and user_id is null
 order by name`;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function rawParams(s: (typeof SEARCHES)[number]): unknown[] {
  return [s.pattern, s.equipmentTag, likePattern(s.text)];
}

const RAW_SEARCH_STATEMENT = rawStatement('bench_raw_search', RAW_SEARCH_SQL);

async function rawSearch(raw: pg.Client, s: (typeof SEARCHES)[number], mode: RawMode = 'prepared'): Promise<Record<string, unknown>[]> {
  return (await RAW_SEARCH_STATEMENT.run<Record<string, unknown>>(raw, rawParams(s), mode)).rows;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A raw row under MovementRow's names, to compare every field. */
function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}

async function searchPlan(raw: pg.Client): Promise<string> {
  const { rows } = await raw.query<{ 'QUERY PLAN': string }>(`explain ${RAW_SEARCH_SQL}`, rawParams(SEARCHES[0]));
  return rows
    .map((r) => r['QUERY PLAN'])
    .filter((l) => /Scan|Index/.test(l))
    .map((l) => l.trim().replace(/\s+\(cost.*$/, ''))
    .join('; ');
}

export async function searchOp(ctx: OpContext): Promise<OpResult> {
  const { raw } = ctx;
  const { Movement } = ctx.L.lib;
  // What a request handler calls: a fresh EntityManager per request.
  const lib = (s: (typeof SEARCHES)[number]) => ctx.orm.em.fork().getRepository(Movement).searchRows({ ...s });
  const entities = (s: (typeof SEARCHES)[number]) => ctx.orm.em.fork().getRepository(Movement).search({ ...s });
  let equivalent = true;
  const sizes: number[] = [];
  let statements = 0;
  for (const s of SEARCHES) {
    const l = await countStatements(() => lib(s));
    statements = Math.max(statements, l.count.total);
    const r = await rawSearch(raw, s);
    const e = await entities(s);
    sizes.push(r.length);
    // Every field: raw's `select *` is in table order, as MovementRow is.
    const sameRows = JSON.stringify(l.result) === JSON.stringify(r.map(camelRow));
    if (!sameRows || l.result.map((m) => m.id).join() !== r.map((m) => m.id).join() || e.map((m) => m.id).join() !== r.map((m) => m.id).join()) equivalent = false;
  }
  const { pair, all: result } = await alternateApart(
    [
      { name: 'lib', run: (i) => lib(SEARCHES[i % SEARCHES.length]!) },
      { name: 'raw', run: (i) => rawSearch(ctx.raw, SEARCHES[i % SEARCHES.length]!) },
      { name: 'raw-unnamed', run: (i) => rawSearch(ctx.raw, SEARCHES[i % SEARCHES.length]!, 'unnamed') },
      { name: 'entities', run: (i) => entities(SEARCHES[i % SEARCHES.length]!) },
    ],
    ctx,
  );
  const ratio = ratioOf(pair.lib!, pair.raw!);
  return {
    op: 4,
    key: 'search',
    title: `movement search, ${ctx.dataset.stats.movements} movements`,
    size: ctx.dataset.spec.name,
    lib: series('lib: MovementRepository.searchRows', pair.lib!),
    raw: series('raw pg, prepared', pair.raw!),
    extra: [series('raw pg, unnamed (no target)', result['raw-unnamed']!), series('entities: MovementRepository.search (no target)', result.entities!)],
    ratio,
    targets: [
      ratioTarget(ctx, ratio, 1.25),
      statementTarget('one statement', `lib ${statements}`, statements === 1),
      checkTarget('same movements as raw (searchRows: every field; search: ids)', equivalent, equivalent ? `${sizes.join('/')} matches` : 'DIFFER'),
    ],
    notes: [
      `plan: ${await searchPlan(ctx.raw)}`,
      `entities (search) / raw = ${(result.entities!.summary.median / result.raw!.summary.median).toFixed(2)}`,
      unnamedNote(result.lib!, result['raw-unnamed']!),
      interleavedNote(result),
    ],
  };
}
