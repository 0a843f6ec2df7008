// Exact statement counts: every statement either side sends goes through `pg.Client#query` (MikroORM's
// PostgreSQL driver uses a `pg.Pool`, whose clients are `pg.Client`s; the raw side uses a `pg.Client`).
// Wrapping the prototype once counts both sides the same way, on the wire, at negligible cost.
import pg from 'pg';

/** Statements seen since the counter was last reset. */
export interface StatementCount {
  /** Every statement sent. */
  total: number;
  /** Without transaction control (begin, commit, rollback, savepoints). */
  work: number;
  /** The statements' first words, for reports (`insert`, `select`, ...). */
  kinds: string[];
}

const TX_CONTROL = /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release)\b/i;

let current: StatementCount = { total: 0, work: 0, kinds: [] };
let installed = false;

function record(sql: string): void {
  current.total++;
  const kind = (/^\s*(\w+)/.exec(sql)?.[1] ?? '?').toLowerCase();
  current.kinds.push(kind);
  if (!TX_CONTROL.test(sql)) current.work++;
}

/** Installs the counting wrapper (idempotent). */
export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countingQuery(this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'text' in first ? String((first as { text: unknown }).text) : '';
    record(text);
    return original.apply(this, args);
  };
}

/** Starts a new count and returns a function that reads it. */
export function startCount(): () => StatementCount {
  const mine: StatementCount = { total: 0, work: 0, kinds: [] };
  current = mine;
  return () => ({ ...mine, kinds: [...mine.kinds] });
}

/** Counts the statements `fn` sends. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: StatementCount }> {
  const read = startCount();
  const result = await fn();
  return { result, count: read() };
}
