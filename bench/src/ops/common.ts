// Helpers shared by the operations.
import type { SideResult } from '../measure.js';
import type { OpContext, SeriesReport, Target } from '../types.js';

export function series(label: string, side: SideResult): SeriesReport {
  const { total, work, varies, min, max } = side.statements;
  return { label, summary: side.summary, roundMedians: side.roundMedians, clientCpuMs: side.clientCpuMs, statements: { total, work, varies, min, max } };
}

export function ratioOf(lib: SideResult, raw: SideResult): number {
  return lib.summary.median / raw.summary.median;
}

/** A time-ratio target: enforced except in a smoke run. */
export function ratioTarget(ctx: OpContext, ratio: number, limit: number, label = `ratio <= ${limit}`): Target {
  return { label, kind: 'ratio', actual: ratio.toFixed(2), pass: ratio <= limit, enforced: !ctx.smoke };
}

/** A statement-count target: always enforced (counts are exact, whatever the machine). */
export function statementTarget(label: string, actual: string, pass: boolean): Target {
  return { label, kind: 'statements', actual, pass, enforced: true };
}

/** A correctness check (both sides did the same work): always enforced. */
export function checkTarget(label: string, pass: boolean, actual: string): Target {
  return { label, kind: 'check', actual, pass, enforced: true };
}

/** An absolute-time target (ms): enforced only where the issue sets it, never in a smoke run. */
export function absoluteTarget(ctx: OpContext, label: string, valueMs: number, limitMs: number, applies: boolean): Target {
  return { label, kind: 'absolute', actual: `${valueMs.toFixed(2)} ms`, pass: valueMs < limitMs, enforced: applies && !ctx.smoke };
}

export function nearlyEqual(a: number | null, b: number | null, tolerance = 1e-9): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** `$1, $2, …` placeholders for a multi-row VALUES list. */
export function valuesPlaceholders(rows: number, columns: number, casts: readonly string[] = []): string {
  const out: string[] = [];
  let n = 1;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${n++}${casts[c] ?? ''}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}
