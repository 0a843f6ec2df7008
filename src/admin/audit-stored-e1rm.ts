// The stored-e1RM part of `audit`: top sets whose `e1rm_value` is not the formula named in
// `e1rm_formula` applied to (weight, reps). Readers recompute the column from the row
// (docs/upstream.md, "Stored e1RM"); older versions of this library stored an RPE/RIR-adjusted
// value under a plain formula's name, and those rows are what this finds.
import { parseIntArray, qualified, toNumber, type SqlRunner } from '../orm/sql-helpers.js';

/**
 * Top sets whose stored e1RM disagrees with its own row, found by {@link audit}.
 *
 * @example
 * ```ts
 * const r: AuditStoredE1rmReport = { present: true, checked: 5200, mismatched: 3, sampleIds: [17, 18, 40] };
 * ```
 */
export interface AuditStoredE1rmReport {
  /** `false` when `top_set_logs` or one of its columns used here does not exist. */
  present: boolean;
  /** Rows with an e1RM, a formula, a weight and reps >= 1. */
  checked: number;
  /** Of those, rows whose `e1rm_value` is not the named formula of (`weight`, `reps`). */
  mismatched: number;
  /** Up to 20 ids of such rows, lowest first. */
  sampleIds: number[];
  /** Set when reading the table failed; the audit goes on. */
  error?: string;
}

const COLUMNS = ['id', 'weight', 'reps', 'e1rm_value', 'e1rm_formula'] as const;

/**
 * The formula of `estimateOneRepMaxAsStored` (src/domain/e1rm.ts) in SQL, over the row's columns.
 * Compared with a relative tolerance: PostgreSQL's `power` and JavaScript's `**` may differ in the
 * last bit, and a value stored as `real` by another writer keeps only 7 digits.
 */
const FORMULA = `case when t.reps = 1 then t.weight
       else case t.e1rm_formula::text
         when 'EPLEY' then t.weight * (1 + t.reps / 30.0)
         when 'BRZYCKI' then case when t.reps >= 37 then t.weight * 2.5 else t.weight * 36.0 / (37 - t.reps) end
         when 'LOMBARDI' then t.weight * power(t.reps::float8, 0.10)
         when 'OCONNER' then t.weight * (1 + t.reps / 40.0)
       end end`;

/** Counts top sets whose stored e1RM is not their named formula of (weight, reps). */
export async function auditStoredE1rm(
  guarded: <T>(fn: (run: SqlRunner) => Promise<T>) => Promise<T>,
  schema: string,
  has: (table: string, column: string) => boolean,
): Promise<AuditStoredE1rmReport> {
  const report: AuditStoredE1rmReport = { present: COLUMNS.every((c) => has('top_set_logs', c)), checked: 0, mismatched: 0, sampleIds: [] };
  if (!report.present) return report;
  const mismatch = `abs(t.e1rm_value - (${FORMULA})) > 1e-6 * greatest(1, abs(t.e1rm_value))`;
  try {
    const [row] = await guarded((run) =>
      run(
        `select count(*)::int as checked,
                count(*) filter (where ${mismatch})::int as mismatched,
                (array_agg(t.id order by t.id) filter (where ${mismatch}))[1:20] as ids
           from ${qualified(schema, 'top_set_logs')} t
          where t.e1rm_value is not null and t.e1rm_formula is not null and t.weight is not null and t.reps >= 1`,
      ),
    );
    report.checked = toNumber(row?.checked);
    report.mismatched = toNumber(row?.mismatched);
    report.sampleIds = parseIntArray(row?.ids);
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  return report;
}
