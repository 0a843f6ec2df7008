// Helpers shared by the operations.
import type pg from 'pg';
import type { SideResult } from '../measure.js';
import type { OpContext, SeriesReport, Target } from '../types.js';

export function series(label: string, side: SideResult): SeriesReport {
  const { total, work, varies, min, max } = side.statements;
  return { label, summary: side.summary, roundMedians: side.roundMedians, clientCpuMs: side.clientCpuMs, roundCpuMs: side.roundCpuMs, statements: { total, work, varies, min, max } };
}

/**
 * How a raw side sends its statement: `prepared` as the fastest hand-written `pg` code does (named,
 * so each connection parses and plans it once, as the library does with its own statements since
 * #23); `unnamed` as most hand-written code does (text and values on every call), reported beside
 * it to show what preparing saves.
 */
export type RawMode = 'prepared' | 'unnamed';

/** A raw side's statement under a fixed name: `run(client, values, mode)`. */
export function rawStatement(name: string, text: string) {
  return {
    text,
    run: <R extends pg.QueryResultRow>(client: pg.Client, values: unknown[], mode: RawMode = 'prepared') =>
      client.query<R>(mode === 'prepared' ? { name, text, values } : { text, values }),
  };
}

/**
 * One EntityManager per ORM, made on first use and reused: the library side without a fork per
 * call, to show what `em.fork()` (a request's new identity map) adds to the call. No target.
 */
export function reusedEm<O extends { em: { fork(): E } }, E>(): (orm: O) => E {
  const ems = new WeakMap<O, E>();
  return (orm) => {
    let em = ems.get(orm);
    if (em === undefined) ems.set(orm, (em = orm.em.fork()));
    return em;
  };
}

/**
 * What the target pair measured in the pass with every side interleaved (`alternateApart`'s
 * second pass): reported beside the target, which comes from the pair alone.
 */
export function interleavedNote(all: Record<string, SideResult>): string {
  const lib = all.lib!;
  const raw = all.raw!;
  return `lib and raw interleaved with the reported sides (no target): lib ${lib.summary.median.toFixed(2)} ms, raw ${raw.summary.median.toFixed(2)} ms, ratio ${ratioOf(lib, raw).toFixed(2)}; client CPU lib ${lib.clientCpuMs.toFixed(2)} ms, raw ${raw.clientCpuMs.toFixed(2)} ms`;
}

/** The note that compares the library with the unnamed raw side. */
export function unnamedNote(lib: SideResult, unnamed: SideResult): string {
  const ratio = ratioOf(lib, unnamed);
  const rounds = unnamed.roundMedians.map((m) => m.toFixed(2)).join(' / ');
  return `raw pg, unnamed statement (parsed and planned on every call; no target): median ${unnamed.summary.median.toFixed(2)} ms (rounds ${rounds}), lib / raw-unnamed = ${ratio.toFixed(2)}`;
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

/**
 * Issue #23's bound on the library's own client CPU per call: at most `limitMs` over raw `pg`'s,
 * both as measured in the target pair (`clientCpuMs`, the mean over every recorded run). Enforced
 * except in a smoke run, like the time ratios.
 */
export function clientCpuTarget(ctx: Pick<OpContext, 'smoke'>, lib: Pick<SideResult, 'clientCpuMs'>, raw: Pick<SideResult, 'clientCpuMs'>, limitMs = 0.25): Target {
  const over = lib.clientCpuMs - raw.clientCpuMs;
  return {
    label: `client CPU over raw <= ${limitMs} ms`,
    kind: 'absolute',
    actual: `${over.toFixed(2)} ms (lib ${lib.clientCpuMs.toFixed(2)}, raw ${raw.clientCpuMs.toFixed(2)})`,
    pass: over <= limitMs,
    enforced: !ctx.smoke,
  };
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
