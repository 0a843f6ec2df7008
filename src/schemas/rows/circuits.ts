// Row schema of circuit_templates (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { wireEnum, wireInt, wireNumber, wireStringList } from './wire.js';

/**
 * A `circuit_templates` row: `bucketStress` maps StressBucket values to numbers.
 * @example
 * ```ts
 * const circuit = circuitTemplateRowSchema.parse(body);
 * circuit.bucketStress.conditioning; // 0.8
 * ```
 */
export const circuitTemplateRowSchema = z.object({
  id: wireInt,
  name: z.string(),
  description: z.string().nullable(),
  circuitType: wireEnum(ENUMS.CircuitType),
  exercisesJson: z.array(z.json()),
  defaultRounds: wireInt.nullable(),
  defaultDurationSeconds: wireInt.nullable(),
  bucketStress: z.partialRecord(wireEnum(ENUMS.StressBucket), wireNumber),
  tags: wireStringList.nullable(),
  difficultyTier: wireInt.nullable(),
});

/**
 * A `circuit_templates` row.
 * @example
 * ```ts
 * const circuit: CircuitTemplateRow = circuitTemplateRowSchema.parse(body);
 * ```
 */
export type CircuitTemplateRow = z.infer<typeof circuitTemplateRowSchema>;
