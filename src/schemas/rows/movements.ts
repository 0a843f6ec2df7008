// Row schemas of the movements module: movements, movement_relationships (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { wireEnum, wireInt, wireStringList } from './wire.js';

/**
 * A `movements` row: a system movement (`userId` null) or a user's own. Classification columns
 * hold semantic values; JSON columns are parsed lists.
 * @example
 * ```ts
 * const movements = z.array(movementRowSchema).parse(await (await fetch('/movements?pattern=squat')).json());
 * movements.map((m) => m.name);
 * ```
 */
export const movementRowSchema = z.object({
  id: wireInt,
  name: z.string(),
  pattern: wireEnum(ENUMS.MovementPattern),
  primaryMuscle: wireEnum(ENUMS.PrimaryMuscle),
  primaryRegion: wireEnum(ENUMS.PrimaryRegion),
  secondaryMuscles: z.array(wireEnum(ENUMS.PrimaryMuscle)).nullable(),
  cnsLoad: wireEnum(ENUMS.CNSLoad),
  skillLevel: wireEnum(ENUMS.SkillLevel),
  compound: z.boolean().nullable(),
  isComplexLift: z.boolean().nullable(),
  isUnilateral: z.boolean().nullable(),
  metricType: wireEnum(ENUMS.MetricType),
  disciplineTags: wireStringList.nullable(),
  equipmentTags: wireStringList.nullable(),
  description: z.string().nullable(),
  coachingCues: wireStringList.nullable(),
  substitutionGroup: z.string().nullable(),
  userId: wireInt.nullable(),
  primaryDiscipline: z.string(),
  tags: wireStringList.nullable(),
});

/**
 * A `movements` row.
 * @example
 * ```ts
 * const squats: MovementRow[] = await me.movements.search({ pattern: 'squat' });
 * ```
 */
export type MovementRow = z.infer<typeof movementRowSchema>;

/**
 * A `movement_relationships` row (progression, regression, variation, … between two movements).
 * @example
 * ```ts
 * movementRelationshipRowSchema.parse({ id: 1, sourceMovementId: 1, targetMovementId: 2, relationshipType: 'progression', notes: null });
 * ```
 */
export const movementRelationshipRowSchema = z.object({
  id: wireInt,
  sourceMovementId: wireInt,
  targetMovementId: wireInt,
  relationshipType: wireEnum(ENUMS.RelationshipType),
  notes: z.string().nullable(),
});

/**
 * A `movement_relationships` row.
 * @example
 * ```ts
 * const relationship: MovementRelationshipRow = movementRelationshipRowSchema.parse(body);
 * ```
 */
export type MovementRelationshipRow = z.infer<typeof movementRelationshipRowSchema>;
