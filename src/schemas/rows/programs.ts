// Row schemas of the programs module: programs, microcycles, sessions, session_exercises
// (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { wireDate, wireEnum, wireInt, wireJsonObject, wireNumber, wireObjectList, wireStringList, wireTimestamp, type WithDates } from './wire.js';

/**
 * A `programs` row on the wire (`createdAt` an ISO string).
 * @example
 * ```ts
 * const programs = z.array(programRowSchema).parse(body.items);
 * programs[0]?.goal1; // 'strength'
 * ```
 */
export const programRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  startDate: wireDate,
  durationWeeks: wireInt,
  goal1: wireEnum(ENUMS.Goal),
  goal2: wireEnum(ENUMS.Goal),
  goal3: wireEnum(ENUMS.Goal),
  goalWeight1: wireInt,
  goalWeight2: wireInt,
  goalWeight3: wireInt,
  splitTemplate: wireEnum(ENUMS.SplitTemplate),
  daysPerWeek: wireInt,
  progressionStyle: wireEnum(ENUMS.ProgressionStyle),
  hybridDefinition: wireJsonObject.nullable(),
  disciplinesJson: z.array(z.object({ discipline: z.string(), weight: wireNumber })).nullable(),
  deloadEveryNMicrocycles: wireInt,
  personaTone: wireEnum(ENUMS.PersonaTone),
  personaAggression: wireEnum(ENUMS.PersonaAggression),
  isActive: z.boolean().nullable(),
  createdAt: wireTimestamp.nullable(),
  isTemplate: z.boolean().nullable(),
  visibility: wireEnum(ENUMS.Visibility),
  name: z.string().nullable(),
});

/**
 * A `programs` row: every column, camelCase, semantic enum values, `createdAt` a `Date`.
 * @example
 * ```ts
 * const programs: ProgramRow[] = (await me.programs.list()).items;
 * ```
 */
export type ProgramRow = WithDates<z.infer<typeof programRowSchema>, 'createdAt'>;

/**
 * A `microcycles` row (one week of a program).
 * @example
 * ```ts
 * microcycleRowSchema.parse({ id: 1, programId: 1, startDate: '2026-01-05', lengthDays: 7, sequenceNumber: 1, status: 'active', isDeload: false });
 * ```
 */
export const microcycleRowSchema = z.object({
  id: wireInt,
  programId: wireInt,
  startDate: wireDate,
  lengthDays: wireInt,
  sequenceNumber: wireInt,
  status: wireEnum(ENUMS.MicrocycleStatus),
  isDeload: z.boolean().nullable(),
});

/**
 * A `microcycles` row.
 * @example
 * ```ts
 * const weeks: MicrocycleRow[] = await me.programs.microcycles(programId);
 * ```
 */
export type MicrocycleRow = z.infer<typeof microcycleRowSchema>;

/**
 * A `sessions` row: the JSON sections as stored (lists of exercise blocks; the finisher one block).
 * @example
 * ```ts
 * const session = sessionRowSchema.parse(body);
 * session.mainJson?.map((block) => block.movement);
 * ```
 */
export const sessionRowSchema = z.object({
  id: wireInt,
  microcycleId: wireInt,
  date: wireDate,
  dayNumber: wireInt,
  sessionType: wireEnum(ENUMS.SessionType),
  intentTags: wireStringList.nullable(),
  warmupJson: wireObjectList.nullable(),
  mainJson: wireObjectList.nullable(),
  accessoryJson: wireObjectList.nullable(),
  // One block as the upstream app writes it; a list of blocks from older writers (docs/upstream.md, "Session plans").
  finisherJson: z.union([wireJsonObject, wireObjectList]).nullable(),
  cooldownJson: wireObjectList.nullable(),
  estimatedDurationMinutes: wireInt.nullable(),
  warmupDurationMinutes: wireInt.nullable(),
  mainDurationMinutes: wireInt.nullable(),
  accessoryDurationMinutes: wireInt.nullable(),
  finisherDurationMinutes: wireInt.nullable(),
  cooldownDurationMinutes: wireInt.nullable(),
  coachNotes: z.string().nullable(),
  mainCircuitId: wireInt.nullable(),
  finisherCircuitId: wireInt.nullable(),
});

/**
 * A `sessions` row.
 * @example
 * ```ts
 * const session: SessionRow = await me.sessions.get(sessionId);
 * ```
 */
export type SessionRow = z.infer<typeof sessionRowSchema>;

/**
 * A `session_exercises` row: one planned exercise of a session.
 * @example
 * ```ts
 * const exercise = sessionExerciseRowSchema.parse(body);
 * `${exercise.targetSets} × ${exercise.targetRepRangeMin}-${exercise.targetRepRangeMax}`;
 * ```
 */
export const sessionExerciseRowSchema = z.object({
  id: wireInt,
  sessionId: wireInt,
  movementId: wireInt,
  role: wireEnum(ENUMS.ExerciseRole),
  orderInSession: wireInt,
  supersetGroup: wireInt.nullable(),
  targetSets: wireInt,
  targetRepRangeMin: wireInt.nullable(),
  targetRepRangeMax: wireInt.nullable(),
  targetRpe: wireNumber.nullable(),
  targetRir: wireInt.nullable(),
  targetDurationSeconds: wireInt.nullable(),
  defaultRestSeconds: wireInt.nullable(),
  isComplexLift: z.boolean().nullable(),
  substitutionAllowed: z.boolean().nullable(),
  notes: z.string().nullable(),
});

/**
 * A `session_exercises` row.
 * @example
 * ```ts
 * const exercises: SessionExerciseRow[] = (await me.sessions.get(sessionId)).exercises;
 * ```
 */
export type SessionExerciseRow = z.infer<typeof sessionExerciseRowSchema>;
