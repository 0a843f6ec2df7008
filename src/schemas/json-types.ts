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
 * One exercise block of a session section (`sessions.warmup_json`, `main_json`, `accessory_json`,
 * `cooldown_json`, and a finisher's `exercises`), as the upstream app reads it
 * (docs/upstream.md, "Session plans"): snake_case keys, `movement` (the movement's
 * name) required, the rest optional or null. Keys the app does not know are allowed and kept.
 * @example
 * ```ts
 * const e: SessionExerciseBlock = { movement: 'Back Squat', movement_id: 1, sets: 3, rep_range_min: 5, rep_range_max: 8, target_rpe: 8 };
 * ```
 */
export type SessionExerciseBlock = {
  movement: string;
  movement_id?: number | null;
  sets?: number | null;
  rep_range_min?: number | null;
  rep_range_max?: number | null;
  target_rpe?: number | null;
  target_rir?: number | null;
  duration_seconds?: number | null;
  rest_seconds?: number | null;
  /** The name of the movement this one is supersetted with. */
  superset_with?: string | null;
  notes?: string | null;
} & JsonObject;

/**
 * `sessions.finisher_json`: one finisher block (an object, not an array), as the upstream app reads
 * it. `type` is the generator's free text (`'EMOM'`, `'AMRAP'`, `'circuit'`, …). Unknown keys are
 * allowed and kept.
 * @example
 * ```ts
 * const f: SessionFinisherBlock = { type: 'EMOM', duration_minutes: 10, exercises: [{ movement: 'Kettlebell Swing', sets: 10 }] };
 * ```
 */
export type SessionFinisherBlock = {
  type: string;
  duration_minutes?: number | null;
  rounds?: number | null;
  duration_seconds?: number | null;
  rest_seconds?: number | null;
  exercises?: SessionExerciseBlock[] | null;
  notes?: string | null;
} & JsonObject;

/**
 * @deprecated Use {@link SessionExerciseBlock}: the stored shape of one exercise of a session section.
 * @example
 * ```ts
 * const e: SessionSectionExercise = { movement: 'Back Squat', sets: 3 };
 * ```
 */
export type SessionSectionExercise = SessionExerciseBlock;

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
