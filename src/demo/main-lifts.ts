// The lifts the demo follows, by their name in the starter catalog (src/modules/movements/starter-catalog.ts).

/**
 * The four lifts the demo charts (e1RM over time), by catalog name.
 *
 * @example
 * ```ts
 * MAIN_LIFTS.squat; // 'Back Squat'
 * ```
 */
export const MAIN_LIFTS = Object.freeze({
  squat: 'Back Squat',
  bench: 'Bench Press',
  deadlift: 'Conventional Deadlift',
  overheadPress: 'Overhead Press',
} as const);
