// What each import writes: the target table's columns, its key, and how a record is prepared.
import type { ValidationIssue } from '../../schemas/errors.js';

export type ColumnType = 'text' | 'integer' | 'boolean' | 'json';

export interface TargetColumn {
  column: string;
  type: ColumnType;
  /** PostgreSQL enum type the value (a label) is cast to. */
  enumType?: string;
  /** Value written on insert when the record does not have the field. */
  default: unknown;
}

/** A record ready to write: values by column, and the columns the record actually had. */
export interface Prepared {
  key: string;
  name?: string;
  values: Record<string, unknown>;
  present: string[];
}

export type PrepareResult =
  | { kind: 'ok'; row: Prepared }
  | { kind: 'invalid'; name?: string; issues: ValidationIssue[] }
  | { kind: 'skip'; name?: string; reason: string; path?: string };

export interface ImportKind {
  /** For messages: `movements`. */
  label: string;
  table: string;
  /** The key of the wrapped form, `{ movements: [...] }`. */
  wrapper: string;
  key: readonly string[];
  columns: readonly TargetColumn[];
  /** Rows whose key is owned by a user are skipped (movements.user_id). */
  ownerColumn?: string;
  insertOnly?: readonly { column: string; sql: string }[];
  prepare(record: unknown, index: number): PrepareResult;
}
