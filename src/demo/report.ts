// What the demo shows, read back through the library's query APIs (not from the plan it wrote),
// so the output demonstrates the repositories a real application would call.
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { executeBound } from '../orm/bound-query.js';
import { addDaysToIsoDate, DEFAULT_PSI_MICROCYCLES, type DeloadSignal, type PatternTrend } from '../domain/index.js';
import type { MovementPattern } from '../enums/index.js';
import { Movement } from '../modules/movements/movement.entity.js';
import { PatternExposure } from '../modules/logging/pattern-exposure.entity.js';
import { RecoverySignal } from '../modules/logging/recovery-signal.entity.js';
import { SorenessLog } from '../modules/logging/soreness-log.entity.js';
import { MAIN_LIFTS } from './main-lifts.js';

/**
 * One row of the demo's pattern-strength table.
 * @example
 * ```ts
 * const row: DemoPatternRow = { pattern: 'squat', psi: 152.3, exposures: 7, trend: 'increasing' };
 * ```
 */
export interface DemoPatternRow {
  pattern: MovementPattern;
  /** Mean e1RM (kg) over the last 4 microcycles; `null` with fewer than 2 exposures. */
  psi: number | null;
  exposures: number;
  trend: PatternTrend;
}

/**
 * e1RM history of one main lift.
 * @example
 * ```ts
 * const s: DemoLiftSeries = { lift: 'squat', movement: 'Back Squat', movementId: 1, points: [{ date: '2026-01-05', e1rm: 140.2 }] };
 * ```
 */
export interface DemoLiftSeries {
  lift: keyof typeof MAIN_LIFTS;
  movement: string;
  movementId: number | null;
  points: { date: string; e1rm: number }[];
}

/**
 * Everything the demo prints.
 * @example
 * ```ts
 * const report = await demoReport(em, userId);
 * report.patterns.filter((p) => p.trend === 'decreasing');
 * ```
 */
export interface DemoReport {
  /** Microcycles the PSI and the trend are computed over. */
  windowMicrocycles: number;
  patterns: DemoPatternRow[];
  deload: DeloadSignal;
  lifts: DemoLiftSeries[];
  /** First and last workout dates. */
  period: { from: string | null; to: string | null };
  recovery: { readings: number; sleepHours: number | null; hrv: number | null; restingHr: number | null; readiness: number | null };
  /** The sorest body parts over the last 7 days of the period, most sore first. */
  soreness: { bodyPart: string; average: number; max: number }[];
}

/**
 * Reads the demo user's pattern strength (`psiAll`), trends (`trendAll`), deload signal,
 * e1RM histories of the four main lifts (`e1rmHistory`), recovery averages and soreness.
 *
 * @example
 * ```ts
 * const { patterns, lifts } = await demoReport(orm.em.fork(), userId);
 * ```
 */
export async function demoReport(em: EntityManager, userId: number): Promise<DemoReport> {
  const exposures = em.getRepository(PatternExposure);
  const [psi, trends, deload] = [
    await exposures.psiAll(userId, { lastNMicrocycles: DEFAULT_PSI_MICROCYCLES }),
    await exposures.trendAll(userId, { windowMicrocycles: DEFAULT_PSI_MICROCYCLES }),
    await exposures.deloadSignal(userId, { windowMicrocycles: DEFAULT_PSI_MICROCYCLES }),
  ];
  const patterns = psi.map((row) => ({ pattern: row.pattern, psi: row.psi, exposures: row.exposures, trend: trends[row.pattern] }));

  const [period] = await executeBound<{ first: string | null; last: string | null }>(
    em,
    sql`select to_char(min(date), 'YYYY-MM-DD') as first, to_char(max(date), 'YYYY-MM-DD') as last from workout_logs where user_id = ${userId}`,
  );
  const from = period?.first ?? null;
  const to = period?.last ?? null;

  // The demo's lifts are the catalog's by name; prefer the demo user's own copy when there is one.
  const movements = await em.find(Movement, { name: { $in: Object.values(MAIN_LIFTS) }, $or: [{ user: null }, { user: userId }] }, { fields: ['id', 'name'] });
  const lifts: DemoLiftSeries[] = [];
  for (const [lift, name] of Object.entries(MAIN_LIFTS) as [keyof typeof MAIN_LIFTS, string][]) {
    const movement = movements.find((m) => m.name === name);
    const points = movement ? await exposures.e1rmHistory(userId, { movementId: movement.id }) : [];
    lifts.push({ lift, movement: name, movementId: movement?.id ?? null, points: points.map((p) => ({ date: p.date, e1rm: Math.round(p.e1rm * 10) / 10 })) });
  }

  const until = to ? addDaysToIsoDate(to, 1) : undefined;
  const days = from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 2 : 7;
  const averages = await em.getRepository(RecoverySignal).recentAverages(userId, { days, ...(until ? { until } : {}) });
  const sore = await em.getRepository(SorenessLog).byBodyPart(userId, { days: 7, ...(until ? { until } : {}) });

  return {
    windowMicrocycles: DEFAULT_PSI_MICROCYCLES,
    patterns,
    deload,
    lifts,
    period: { from, to },
    recovery: { readings: averages.readings, sleepHours: averages.sleepHours, hrv: averages.hrv, restingHr: averages.restingHr, readiness: averages.readiness },
    soreness: sore.slice(0, 5).map((s) => ({ bodyPart: s.bodyPart, average: s.average, max: s.max })),
  };
}
