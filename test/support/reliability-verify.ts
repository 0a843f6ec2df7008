/**
 * "Stored exactly as given": compares the row a write API stored (read back with raw SQL, so no
 * ORM mapping is involved) with the input the caller gave.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Path } from './reliability-hostile.js';

/** How an input value is expected to appear in its column. */
export type Stored =
  /** text: byte for byte. */
  | 'exact'
  /** varchar names/categories: trimmed (documented), otherwise byte for byte. */
  | 'trim'
  /** a PostgreSQL enum column: the label of the semantic value (`hard_no` -> `HARD_NO`). */
  | { label: { toDb(value: never): string; values: readonly unknown[] } }
  /** a json column: the same JSON value. */
  | 'json'
  /** a json list of tags: each element trimmed. */
  | 'tags'
  /** a date column: the 'YYYY-MM-DD' string. */
  | 'date'
  /** a timestamp column: the same instant (offset-less strings and date-only strings read as UTC). */
  | 'timestamp';

export interface Column {
  /** Where the value is in the input. */
  path: Path;
  column: string;
  stored: Stored;
}

export function getPath(root: unknown, path: Path): { present: boolean; value?: unknown } {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return { present: false };
    node = (node as Record<string | number, unknown>)[segment];
  }
  return { present: true, value: node };
}

function selectExpression(c: Column): string {
  const col = `"${c.column}"`;
  if (c.stored === 'json' || c.stored === 'tags' || c.stored === 'date' || typeof c.stored === 'object') return `${col}::text as "${c.column}"`;
  if (c.stored === 'timestamp') return `(extract(epoch from ${col}) * 1000)::float8 as "${c.column}"`;
  return `${col} as "${c.column}"`;
}

function timestampMs(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
}

const canonicalJson = (value: unknown): string => JSON.stringify(value);

/** Compares one input value with its stored form; returns a problem or undefined. */
function compare(c: Column, input: unknown, stored: unknown): string | undefined {
  const show = (v: unknown) => {
    const s = typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v) : String(JSON.stringify(v) ?? v);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  };
  if (input === null || input === undefined) {
    // undefined means "not given" (a default applies); null must be stored as NULL.
    if (input === null && stored !== null) return `${c.column}: null given, ${show(stored)} stored`;
    return undefined;
  }
  let expected: unknown;
  try {
    if (c.stored === 'exact') expected = input;
    else if (c.stored === 'trim') expected = typeof input === 'string' ? input.trim() : input;
    else if (c.stored === 'date') expected = input;
    else if (c.stored === 'timestamp') {
      const ms = timestampMs(input);
      return ms === stored ? undefined : `${c.column}: instant ${show(input)} (${ms} ms) given, ${show(stored)} ms stored`;
    } else if (c.stored === 'json') {
      const want = canonicalJson(JSON.parse(canonicalJson(input)));
      const got = stored === null ? 'null' : canonicalJson(JSON.parse(String(stored)));
      return want === got ? undefined : `${c.column}: JSON ${show(want)} given, ${show(got)} stored`;
    } else if (c.stored === 'tags') {
      const want = canonicalJson((input as unknown[]).map((t) => (typeof t === 'string' ? t.trim() : t)));
      const got = stored === null ? 'null' : canonicalJson(JSON.parse(String(stored)));
      return want === got ? undefined : `${c.column}: tags ${show(want)} given, ${show(got)} stored`;
    } else {
      if (!c.stored.label.values.includes(input)) return `${c.column}: ${show(input)} is not a semantic value but was accepted (stored ${show(stored)})`;
      expected = c.stored.label.toDb(input as never);
    }
  } catch (error) {
    return `${c.column}: cannot compute the expected value of ${show(input)}: ${String(error)}`;
  }
  if (typeof expected === 'number' && typeof stored === 'number') return Object.is(expected, stored) || expected === stored ? undefined : `${c.column}: ${show(input)} given, ${show(stored)} stored`;
  return expected === stored ? undefined : `${c.column}: ${show(input)} given, ${show(stored)} stored`;
}

/**
 * Reads the row `where` (SQL with `?` placeholders) of `table` and compares every column whose
 * input path is present in `input`. Returns the problems found (empty: stored exactly as given).
 */
export async function verifyRow(em: EntityManager, table: string, where: string, params: unknown[], columns: readonly Column[], input: unknown): Promise<string[]> {
  const rows = await em.execute<Record<string, unknown>[]>(`select ${columns.map(selectExpression).join(', ')} from "${table}" where ${where}`, params);
  if (rows.length !== 1) return [`${table}: expected 1 row where ${where}, found ${rows.length}`];
  const row = rows[0]!;
  const problems: string[] = [];
  for (const c of columns) {
    const { present, value } = getPath(input, c.path);
    if (!present) continue;
    const problem = compare(c, value, row[c.column]);
    if (problem) problems.push(`${table}.${problem}`);
  }
  return problems;
}
