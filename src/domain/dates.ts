// Calendar-date helpers for the `'YYYY-MM-DD'` strings that PostgreSQL `date` columns map to.
// All arithmetic runs on UTC midnights: a local-time Date would shift by a day around DST changes
// or in time zones west of UTC, which is exactly the bug these helpers exist to avoid.

import { DomainArgumentError, type ValidationProblem } from './problems.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Whether `value` is a real calendar date written as `'YYYY-MM-DD'` (years 0001–9999; leap days
 * only in leap years). Timestamps and other formats are rejected rather than truncated.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * isIsoDate('2024-2-9');   // false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

/**
 * Adds `days` (may be negative) to a `'YYYY-MM-DD'` date and returns the resulting date in the same
 * format, across month, year and leap-day boundaries.
 *
 * @throws {DomainArgumentError} (a `GainslyError`, code `GAINSLY_DOMAIN_ARGUMENT`) when `date` is
 * not a valid ISO date, `days` is not an integer, or the result leaves years 0001–9999.
 * @example
 * ```ts
 * addDaysToIsoDate('2024-02-28', 1); // '2024-02-29'
 * addDaysToIsoDate('2024-12-31', 1); // '2025-01-01'
 * ```
 */
export function addDaysToIsoDate(date: string, days: number): string {
  const ms = typeof date === 'string' ? parseIsoDate(date) : undefined;
  const problems: ValidationProblem[] = [];
  if (ms === undefined) problems.push({ path: ['date'], message: "must be a valid 'YYYY-MM-DD' calendar date", received: date });
  if (typeof days !== 'number' || !Number.isInteger(days)) problems.push({ path: ['days'], message: 'must be an integer', received: days });
  if (problems.length > 0) throw new DomainArgumentError(problems);
  const result = formatIsoDate(ms! + days * MS_PER_DAY);
  if (result === undefined) throw new DomainArgumentError([{ path: ['days'], message: `moves ${date} outside years 0001-9999`, received: days }]);
  return result;
}

/** UTC-midnight epoch milliseconds of a valid ISO date, else undefined. */
export function parseIsoDate(value: string): number | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  // A rolled-over date (Feb 30 -> Mar 1) means the input did not exist in the calendar.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.getTime();
}

function formatIsoDate(ms: number): string | undefined {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < 1 || year > 9999) return undefined;
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${dd}`;
}
