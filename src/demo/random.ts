/**
 * A small seeded pseudo-random generator (mulberry32), so the demo writes the same data, and
 * prints the same tables, on every run and every machine. Not for anything security-related.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random.next();           // 0.6011037519201636, every time
 * random.int(1, 5);        // an integer in [1, 5]
 * random.around(60, 5);    // 55..65
 * ```
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** `centre ± spread`, uniformly. */
  around(centre: number, spread: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
}

/**
 * Creates a {@link SeededRandom} from a 32-bit seed.
 * @example
 * ```ts
 * const a = seededRandom(7), b = seededRandom(7);
 * a.int(1, 100) === b.int(1, 100); // true
 * ```
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    around: (centre, spread) => centre + (next() * 2 - 1) * spread,
    chance: (p) => next() < p,
  };
}
