// Operation 2: the pattern strength index (PSI) of all 17 patterns for one user, and operation 6:
// the same on the 1,000-user database against the single-user one.
//
// - lib: `PatternExposureRepository.psiAll(userId)` (one statement).
// - raw: the same SQL through `pg`, shaped into the same 17 entries.
import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { alternate, alternateApart } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { absoluteTarget, checkTarget, clientCpuTarget, nearlyEqual, ratioOf, ratioTarget, rawStatement, reusedEm, series, statementTarget, unnamedNote, interleavedNote, type RawMode } from './common.js';

const PATTERNS = ['SQUAT', 'HINGE', 'HORIZONTAL_PUSH', 'VERTICAL_PUSH', 'HORIZONTAL_PULL', 'VERTICAL_PULL', 'CARRY', 'CORE', 'LUNGE', 'ROTATION', 'PLYOMETRIC', 'OLYMPIC', 'ISOLATION', 'MOBILITY', 'ISOMETRIC', 'CONDITIONING', 'CARDIO'];
const WINDOW = 4;
const MIN_EXPOSURES = 2;

/**
 * The same work as the library: its mean of the e1RMs is the deterministic, overflow-free one of
 * src/orm/float-mean.ts (added in id order, scaled by 2^-64), not `avg`, whose result depends on
 * the physical row order. The ordering costs the server about 0.2 ms at 1y; with `avg` the raw
 * side would time less work than the library does. The window is found and read the library's way
 * too: one index probe per microcycle, then the window's exposures microcycle by microcycle
 * (docs/performance.md, "PSI: one probe per microcycle").
 */
export const RAW_PSI_SQL = `
with recursive firsts (microcycle_id, first_date) as (
  (select microcycle_id, date from pattern_exposures where user_id = $1
    order by microcycle_id, date limit 1)
  union all
  select n.microcycle_id, n.date from firsts f cross join lateral (
    select x.microcycle_id, x.date from pattern_exposures x
     where x.user_id = $1 and x.microcycle_id > f.microcycle_id
     order by x.microcycle_id, x.date limit 1) n),
recent as (
  select microcycle_id, first_date from firsts
   order by first_date desc, microcycle_id desc
   limit $2)
select pe.pattern::text as pattern, (sum(pe.e1rm_value * 5.421010862427522e-20::float8 order by pe.id) / count(pe.e1rm_value) * 18446744073709551616::float8) as mean, count(*)::int as n
  from recent r cross join lateral (
    select x.id, x.pattern, x.e1rm_value from pattern_exposures x
     where x.user_id = $1 and x.microcycle_id = r.microcycle_id
    offset 0) pe
 group by pe.pattern`;

export interface PsiRow {
  pattern: string;
  psi: number | null;
  exposures: number;
}

const RAW_PSI_STATEMENT = rawStatement('bench_raw_psi_all', RAW_PSI_SQL);

export async function rawPsiAll(raw: pg.Client, userId: number, mode: RawMode = 'prepared'): Promise<PsiRow[]> {
  const { rows } = await RAW_PSI_STATEMENT.run<{ pattern: string; mean: number; n: number }>(raw, [userId, WINDOW], mode);
  const byPattern = new Map(rows.map((r) => [r.pattern, r]));
  return PATTERNS.map((label) => {
    const row = byPattern.get(label);
    const exposures = row ? row.n : 0;
    return { pattern: label.toLowerCase(), exposures, psi: row && exposures >= MIN_EXPOSURES ? row.mean : null };
  });
}

export function libPsiAll(ctx: OpContext, orm: MikroORM, userId: number): Promise<PsiRow[]> {
  return orm.em.fork().getRepository(ctx.L.lib.PatternExposure).psiAll(userId, { lastNMicrocycles: WINDOW });
}

export function samePsi(a: readonly PsiRow[], b: readonly PsiRow[]): boolean {
  return a.length === b.length && a.every((r, i) => r.pattern === b[i]!.pattern && r.exposures === b[i]!.exposures && nearlyEqual(r.psi, b[i]!.psi));
}

/** Names of the indexes (and scan types) the plan of the PSI statement uses. */
export async function psiPlan(raw: pg.Client, userId: number): Promise<string[]> {
  const { rows } = await raw.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${RAW_PSI_SQL}`, [userId, WINDOW]);
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    const type = String(node['Node Type']);
    if (/Scan/.test(type)) found.push(node['Index Name'] ? `${type} ${String(node['Index Name'])}` : `${type} ${String(node['Relation Name'] ?? '')}`.trim());
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const plan = rows[0]!['QUERY PLAN'] as { Plan: Record<string, unknown> }[];
  walk(plan[0]!.Plan);
  return found;
}

export async function psiOp(ctx: OpContext): Promise<OpResult> {
  const { orm, raw, userId } = ctx;
  const oneEm = reusedEm<typeof ctx.orm, ReturnType<typeof ctx.orm.em.fork>>();
  const check = await countStatements(() => libPsiAll(ctx, orm, userId));
  const rawRows = await rawPsiAll(raw, userId);
  const equivalent = samePsi(check.result, rawRows);
  const { pair, all: result } = await alternateApart(
    [
      { name: 'lib', run: () => libPsiAll(ctx, ctx.orm, userId) },
      { name: 'raw', run: () => rawPsiAll(ctx.raw, userId) },
      { name: 'raw-unnamed', run: () => rawPsiAll(ctx.raw, userId, 'unnamed') },
      { name: 'lib-one-em', run: () => oneEm(ctx.orm).getRepository(ctx.L.lib.PatternExposure).psiAll(userId, { lastNMicrocycles: WINDOW }) },
    ],
    ctx,
  );
  const ratio = ratioOf(pair.lib!, pair.raw!);
  const lib = pair.lib!;
  const is5y = ctx.dataset.spec.name === '5y';
  return {
    op: 2,
    key: 'psiAll',
    title: 'PSI, all 17 patterns, one user',
    size: ctx.dataset.spec.name,
    lib: series('lib', lib),
    raw: series('raw pg, prepared', pair.raw!),
    ratio,
    targets: [
      statementTarget('one statement', `lib ${lib.statements.total}`, lib.statements.total === 1 && !lib.statements.varies),
      ratioTarget(ctx, ratio, 1.25),
      clientCpuTarget(ctx, lib, pair.raw!),
      ...(is5y ? [absoluteTarget(ctx, 'median < 20 ms', lib.summary.median, 20, true)] : []),
      checkTarget('same PSI as raw', equivalent, equivalent ? `${check.result.filter((r) => r.psi !== null).length}/17 patterns with a PSI` : 'DIFFER'),
    ],
    extra: [series('raw pg, unnamed (no target)', result['raw-unnamed']!), series('lib without a fork per call (one EntityManager reused; no target)', result['lib-one-em']!)],
    notes: [`user 1: ${ctx.dataset.stats.mainUserExposures} exposures; plan: ${(await psiPlan(ctx.raw, userId)).join(', ')}`, unnamedNote(result.lib!, result['raw-unnamed']!), interleavedNote(result)],
  };
}

/** Operation 6: PSI of user 1 in the multi-user database against the single-user one (same history). */
export async function psiScalingOp(ctx: OpContext, single: { orm: MikroORM; raw: pg.Client; name: string; exposures: number }): Promise<OpResult> {
  const { orm, raw, userId } = ctx;
  const multiRows = await libPsiAll(ctx, orm, userId);
  const singleRows = await libPsiAll(ctx, single.orm, userId);
  const equivalent = samePsi(multiRows, singleRows);
  const result = await alternate(
    [
      { name: 'multi', run: () => libPsiAll(ctx, orm, userId) },
      { name: 'single', run: () => libPsiAll(ctx, single.orm, userId) },
    ],
    ctx,
  );
  const ratio = ratioOf(result.multi!, result.single!);
  return {
    op: 6,
    key: 'psiScaling',
    title: `PSI in the ${ctx.dataset.stats.users}-user db vs single-user`,
    size: `${ctx.dataset.spec.name} vs ${single.name}`,
    lib: series(`lib, ${ctx.dataset.spec.name}`, result.multi!),
    raw: series(`lib, ${single.name}`, result.single!),
    ratio,
    targets: [
      ratioTarget(ctx, ratio, 2, 'multi/single <= 2'),
      statementTarget('one statement', `${result.multi!.statements.total}`, result.multi!.statements.total === 1),
      checkTarget('same history, same PSI', equivalent, equivalent ? `user 1: ${ctx.dataset.stats.mainUserExposures} exposures in both` : 'DIFFER'),
    ],
    notes: [
      `${ctx.dataset.spec.name}: ${ctx.dataset.stats.patternExposures} exposures of ${ctx.dataset.stats.users} users; plan: ${(await psiPlan(raw, userId)).join(', ')}`,
      `${single.name}: plan: ${(await psiPlan(single.raw, userId)).join(', ')}`,
    ],
  };
}
