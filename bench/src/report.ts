// The results table (terminal) and the JSON document (bench/results/latest.json).
import Table from 'cli-table3';
import pc from 'picocolors';
import type { OpResult, SeriesReport, Target } from './types.js';
import { median, round } from './stats.js';

function ms(s: SeriesReport | undefined): string {
  if (!s) return '–';
  const m = s.summary.median;
  return m >= 100 ? `${m.toFixed(0)} ms` : m >= 10 ? `${m.toFixed(1)} ms` : `${m.toFixed(2)} ms`;
}

function statements(s: SeriesReport | undefined, op: number): string {
  if (!s || op === 7) return '–';
  const { total, work, varies, min, max } = s.statements;
  const count = varies ? `${min}–${max}` : String(total);
  return total === work ? count : `${count} (${work})`;
}

function targetCell(t: Target): string {
  const mark = t.pass ? pc.green('pass') : t.enforced ? pc.red('FAIL') : pc.yellow('miss (not enforced)');
  return `${t.label}: ${t.actual} ${mark}`;
}

export function renderTable(results: readonly OpResult[]): string {
  const table = new Table({
    head: ['#', 'operation', 'data', 'lib median', 'raw median', 'ratio', 'stmts lib', 'stmts raw', 'targets'].map((h) => pc.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [4, 30, 16, 12, 12, 8, 11, 11, 62],
  });
  for (const r of results) {
    table.push([
      String(r.op),
      r.title,
      r.size,
      ms(r.lib),
      ms(r.raw),
      r.ratio === undefined ? '–' : r.ratio.toFixed(2),
      statements(r.lib, r.op),
      statements(r.raw, r.op),
      r.targets.map(targetCell).join('\n'),
    ]);
  }
  return table.toString();
}

export function renderNotes(results: readonly OpResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const e of r.extra ?? []) {
      const cpu = e.clientCpuMs === undefined ? '' : `, client CPU ${e.clientCpuMs.toFixed(2)} ms per call`;
      lines.push(`  op ${r.op} (${r.size}) ${e.label}: median ${ms(e)}${r.op === 7 ? '' : `, ${statements(e, r.op)} statements`}${cpu}`);
    }
    for (const n of r.notes) lines.push(`  op ${r.op} (${r.size}) ${n}`);
    if (r.lib && r.raw && r.lib.roundMedians.length > 1) {
      const each = (s: SeriesReport) => s.roundMedians.map((m) => m.toFixed(2)).join(' / ');
      lines.push(`  op ${r.op} (${r.size}) median of each round (ms): lib ${each(r.lib)}; raw ${each(r.raw)}`);
      const ratios = roundRatios(r.lib, r.raw);
      lines.push(`  op ${r.op} (${r.size}) ratio of each round: ${ratios.map((x) => x.toFixed(2)).join(' / ')}; their median ${median(ratios).toFixed(2)}`);
    }
    const cpu = cpuLine(r);
    if (cpu) lines.push(cpu);
  }
  return lines.join('\n');
}

/** The note line of the client CPU per call, lib and raw, with each round's figure; null where either side lacks it. */
function cpuLine(r: OpResult): string | null {
  if (r.lib?.clientCpuMs === undefined || r.raw?.clientCpuMs === undefined) return null;
  const rounds = (s: SeriesReport) => (s.roundCpuMs && s.roundCpuMs.length > 1 ? ` (rounds ${s.roundCpuMs.map((m) => m.toFixed(2)).join(' / ')})` : '');
  return `  op ${r.op} (${r.size}) client CPU per call (mean): lib ${r.lib.clientCpuMs.toFixed(2)} ms${rounds(r.lib)}, raw ${r.raw.clientCpuMs.toFixed(2)} ms${rounds(r.raw)}`;
}

/**
 * lib / raw per round. On one backend (bench/README.md, "One backend for both sides") both sides of
 * a round meet the same server, so each round's ratio is a paired comparison. The pooled medians
 * can be split by a round-to-round mode (three rounds near 6 ms and three near 10, on both sides)
 * and their ratio then lands on either side of every round's; the median of the rounds' ratios does not.
 */
export function roundRatios(lib: SeriesReport, raw: SeriesReport): number[] {
  return lib.roundMedians.map((m, i) => m / raw.roundMedians[i]!);
}

function seriesJson(s: SeriesReport | undefined) {
  if (!s) return undefined;
  const { runs, median, p25, p75, min, max } = s.summary;
  return {
    label: s.label,
    runs,
    medianMs: round(median),
    p25Ms: round(p25),
    p75Ms: round(p75),
    minMs: round(min),
    maxMs: round(max),
    roundMediansMs: s.roundMedians.map(round),
    ...(s.clientCpuMs === undefined ? {} : { clientCpuMs: round(s.clientCpuMs) }),
    ...(s.roundCpuMs === undefined ? {} : { roundCpuMs: s.roundCpuMs.map(round) }),
    statements: { total: s.statements.total, excludingTransactionControl: s.statements.work, ...(s.statements.varies ? { min: s.statements.min, max: s.statements.max } : {}) },
  };
}

export function resultJson(r: OpResult) {
  return {
    op: r.op,
    key: r.key,
    title: r.title,
    data: r.size,
    lib: seriesJson(r.lib),
    raw: seriesJson(r.raw),
    ...(r.extra ? { extra: r.extra.map(seriesJson) } : {}),
    ...(r.ratio === undefined ? {} : { ratio: round(r.ratio) }),
    ...(r.lib && r.raw && r.lib.roundMedians.length > 1 && r.lib.roundMedians.length === r.raw.roundMedians.length
      ? { roundRatios: roundRatios(r.lib, r.raw).map(round), roundRatioMedian: round(median(roundRatios(r.lib, r.raw))) }
      : {}),
    targets: r.targets.map((t) => ({ target: t.label, kind: t.kind, actual: t.actual, pass: t.pass, enforced: t.enforced })),
    notes: r.notes,
    ...(r.details ? { details: r.details } : {}),
  };
}
