import type { PrimaryMuscle, StressBucket } from '../enums/index.js';

/**
 * Any value JSON can hold.
 * @example
 * ```ts
 * const v: JsonValue = { sets: 3, cues: ['brace'] };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON object (`heuristic_configs.json_blob`, `programs.hybrid_definition`, ...).
 * @example
 * ```ts
 * const blob: JsonObject = { deload_threshold: 0.05 };
 * ```
 */
export type JsonObject = { [key: string]: JsonValue };

/**
 * One entry of `programs.disciplines_json`.
 * @example
 * ```ts
 * const d: DisciplineWeight = { discipline: 'powerlifting', weight: 6 };
 * ```
 */
export interface DisciplineWeight {
  discipline: string;
  weight: number;
}

/**
 * One exercise of a session section (`sessions.warmup_json`, `main_json`, ...). The upstream
 * generator writes these; only `movement` is common to all of them, the rest is open.
 * @example
 * ```ts
 * const e: SessionSectionExercise = { movement: 'Back Squat', sets: 3, rep_range_min: 5, rep_range_max: 8 };
 * ```
 */
export type SessionSectionExercise = { movement?: string; movement_id?: number } & JsonObject;

/**
 * `circuit_templates.bucket_stress`: StressBucket value to numeric intensity.
 * @example
 * ```ts
 * const s: BucketStress = { strength: 5, conditioning: 3 };
 * ```
 */
export type BucketStress = Partial<Record<StressBucket, number>>;

/**
 * `movements.secondary_muscles`.
 * @example
 * ```ts
 * const m: SecondaryMuscles = ['glutes', 'core'];
 * ```
 */
export type SecondaryMuscles = PrimaryMuscle[];
