// Inputs of the circuits module.
import type * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { bucketStressSchema, exercisesJsonSchema, tagArraySchema } from '../json-blobs.js';
import { COLUMN_LENGTHS, enumSchema, intSchema, strictInput, textSchema, varcharSchema } from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';

/**
 * A circuit template (`circuit_templates`): `name` <= 200, `circuitType` (`amrap`, `emom`, ...),
 * `exercisesJson` (array of JSON values, default `[]`), `defaultRounds` 1–1000,
 * `defaultDurationSeconds` 1–86400, `bucketStress` (StressBucket → intensity >= 0), free tags and a
 * `difficultyTier` 1–10.
 *
 * @example
 * ```ts
 * circuitTemplateInputSchema.parse({
 *   name: 'Fran', circuitType: 'rounds_for_time',
 *   exercisesJson: [{ movement: 'Thruster', reps: [21, 15, 9] }, { movement: 'Pull-up', reps: [21, 15, 9] }],
 *   bucketStress: { conditioning: 4, strength: 2 }, tags: ['crossfit', 'benchmark'], difficultyTier: 6,
 * });
 * ```
 */
export const circuitTemplateInputSchema = strictInput({
  name: varcharSchema(COLUMN_LENGTHS.circuitName),
  description: textSchema().nullish(),
  circuitType: enumSchema(ENUMS.CircuitType),
  exercisesJson: exercisesJsonSchema.optional(),
  defaultRounds: intSchema(INPUT_LIMITS.defaultRounds).nullish(),
  defaultDurationSeconds: intSchema(INPUT_LIMITS.durationSeconds).nullish(),
  bucketStress: bucketStressSchema.optional(),
  tags: tagArraySchema.nullish(),
  difficultyTier: intSchema(INPUT_LIMITS.difficultyTier).optional(),
});
/**
 * What a caller may pass to create a circuit template.
 * @example
 * ```ts
 * const input: CircuitTemplateInput = { name: 'Cindy', circuitType: 'amrap', defaultDurationSeconds: 1200 };
 * ```
 */
export type CircuitTemplateInput = z.input<typeof circuitTemplateInputSchema>;
/**
 * A parsed circuit template.
 * @example
 * ```ts
 * const data: CircuitTemplateData = circuitTemplateInputSchema.parse(input);
 * ```
 */
export type CircuitTemplateData = z.output<typeof circuitTemplateInputSchema>;
