// The session plan part of `audit`: rows whose JSON sections the upstream app cannot read
// (docs/upstream.md, "Session plans"; an array in finisher_json makes its session
// response fail with a 500, a block without `movement` fails its response model).
import { formatIssuePath } from '../schemas/messages.js';
import { sessionFinisherBlockSchema, sessionSectionSchema } from '../schemas/json-blobs.js';
import { qualified, quoteIdent, type SqlRunner } from '../orm/sql-helpers.js';

/**
 * One `sessions` JSON section column checked against the app's shape by {@link audit}.
 *
 * @example
 * ```ts
 * const r: AuditSessionPlanReport = { column: 'finisher_json', present: true, checked: 120, misfits: 4, sampleIds: [3, 8, 9, 15], firstProblem: 'session 3: must be a JSON object' };
 * ```
 */
export interface AuditSessionPlanReport {
  /** `warmup_json`, `main_json`, `accessory_json`, `finisher_json` or `cooldown_json`. */
  column: string;
  /** `false` when the column does not exist. */
  present: boolean;
  /** Rows with a non-null value. */
  checked: number;
  /** Rows whose value the app cannot read: not a list of exercise blocks (not one finisher block for `finisher_json`). */
  misfits: number;
  /** Up to 20 ids of such rows, lowest first. */
  sampleIds: number[];
  /** What is wrong with the first of them, e.g. `session 3 [0].movement: is required`. */
  firstProblem?: string;
  /** Set when reading the column failed; the audit goes on. */
  error?: string;
}

/** The section columns, each with the schema of the app's shape. */
export const SESSION_PLAN_COLUMNS = [
  ['warmup_json', sessionSectionSchema],
  ['main_json', sessionSectionSchema],
  ['accessory_json', sessionSectionSchema],
  ['finisher_json', sessionFinisherBlockSchema],
  ['cooldown_json', sessionSectionSchema],
] as const;

// Rows are read in pages by id so the audit's memory stays flat on a large table.
const PAGE = 1_000;
const SAMPLES = 20;

/** Checks every non-null value of the section columns that exist, page by page. */
export async function auditSessionPlans(
  guarded: <T>(fn: (run: SqlRunner) => Promise<T>) => Promise<T>,
  schema: string,
  has: (table: string, column: string) => boolean,
): Promise<AuditSessionPlanReport[]> {
  const reports = SESSION_PLAN_COLUMNS.map(([column]) => ({ column, present: has('sessions', column), checked: 0, misfits: 0, sampleIds: [] as number[] }) as AuditSessionPlanReport);
  const present = SESSION_PLAN_COLUMNS.filter(([column]) => has('sessions', column));
  if (present.length === 0 || !has('sessions', 'id')) return reports;
  const byColumn = new Map(reports.map((r) => [r.column, r]));
  const select = present.map(([column]) => `${quoteIdent(column)}::text as ${column}`).join(', ');
  const anyValue = present.map(([column]) => `${quoteIdent(column)} is not null`).join(' or ');
  try {
    for (let after = 0; ; ) {
      const rows = await guarded((run) => run(`select id, ${select} from ${qualified(schema, 'sessions')} where id > ? and (${anyValue}) order by id limit ${PAGE}`, [after]));
      for (const row of rows) {
        const id = Number(row.id);
        for (const [column, columnSchema] of present) {
          const text = row[column];
          if (text == null) continue;
          const value: unknown = JSON.parse(String(text));
          if (value === null) continue; // JSON null: "no section", as the app reads it
          const report = byColumn.get(column)!;
          report.checked += 1;
          const result = columnSchema.safeParse(value);
          if (result.success) continue;
          report.misfits += 1;
          if (report.sampleIds.length < SAMPLES) report.sampleIds.push(id);
          if (report.firstProblem === undefined) {
            const issue = result.error.issues[0]!;
            report.firstProblem = `session ${id}${issue.path.length > 0 ? ` ${formatIssuePath(issue.path)}` : ''}: ${issue.message}`;
          }
        }
      }
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.id);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const report of reports) if (report.present) report.error = message;
  }
  return reports;
}
