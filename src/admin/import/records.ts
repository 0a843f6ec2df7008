// Helpers shared by the record preparers: camelCase keys with their origin (for error paths), the
// record's name, validation with paths mapped back to the file's keys, and the prepared row.
import type * as z from 'zod';
import { formatIssuePath } from '../../schemas/messages.js';
import { GainslyValidationError, parseInput, type ValidationIssue } from '../../schemas/errors.js';
import type { PrepareResult } from './kind.js';

export type Origin = Map<string, (string | number)[]>;

/** The record with camelCase keys, and where each key came from (for error paths). */
export function camelRecord(record: unknown): { data: Record<string, unknown>; origin: Origin } | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const data: Record<string, unknown> = {};
  const origin: Origin = new Map();
  for (const [key, value] of Object.entries(record)) {
    const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    data[camel] = value;
    origin.set(camel, [key]);
  }
  return { data, origin };
}

export function nameOf(data: Record<string, unknown>): { name?: string } {
  return typeof data.name === 'string' && data.name.trim() !== '' ? { name: data.name.trim() } : {};
}

export function pathOf(origin: Origin, field: string): string {
  return formatIssuePath(origin.get(field) ?? [field]);
}

export function validate<S extends z.ZodType>(schema: S, data: Record<string, unknown>, origin: Origin): { ok: true; value: z.output<S> } | { ok: false; issues: ValidationIssue[] } {
  try {
    return { ok: true, value: parseInput(schema, data) };
  } catch (error) {
    if (!(error instanceof GainslyValidationError)) throw error;
    const issues = error.issues.map((issue) => {
      const [head, ...rest] = issue.path;
      const mapped = typeof head === 'string' && origin.has(head) ? [...origin.get(head)!, ...rest] : [...issue.path];
      return { ...issue, path: mapped };
    });
    return { ok: false, issues };
  }
}

export function ok(key: unknown[], name: string, values: Record<string, unknown>): PrepareResult {
  const present = Object.keys(values).filter((column) => values[column] !== undefined);
  return { kind: 'ok', row: { key: JSON.stringify(key), name, values, present } };
}
