// Inputs of the movements module: movements (user-defined or imported) and their relationships.
import type * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { coachingCuesSchema, secondaryMusclesSchema, tagArraySchema } from '../json-blobs.js';
import { COLUMN_LENGTHS, RUN_ALWAYS, booleanSchema, enumSchema, idSchema, strictInput, textSchema, validInt, varcharSchema } from '../primitives.js';
import { requireSomeKey } from './shared.js';

const movementShape = {
  name: varcharSchema(COLUMN_LENGTHS.movementName),
  pattern: enumSchema(ENUMS.MovementPattern),
  primaryMuscle: enumSchema(ENUMS.PrimaryMuscle),
  primaryRegion: enumSchema(ENUMS.PrimaryRegion),
  secondaryMuscles: secondaryMusclesSchema.nullish(),
  cnsLoad: enumSchema(ENUMS.CNSLoad).optional(),
  skillLevel: enumSchema(ENUMS.SkillLevel).optional(),
  compound: booleanSchema.optional(),
  isComplexLift: booleanSchema.optional(),
  isUnilateral: booleanSchema.optional(),
  metricType: enumSchema(ENUMS.MetricType).optional(),
  primaryDiscipline: varcharSchema(COLUMN_LENGTHS.primaryDiscipline).optional(),
  disciplineTags: tagArraySchema.nullish(),
  equipmentTags: tagArraySchema.nullish(),
  tags: tagArraySchema.nullish(),
  description: textSchema().nullish(),
  coachingCues: coachingCuesSchema.nullish(),
  substitutionGroup: varcharSchema(COLUMN_LENGTHS.substitutionGroup).nullish(),
};

/**
 * Creates a movement (user-defined, or a system movement on import; the owner comes from the API call,
 * not from the input). `name` (<= 200, unique), `pattern`, `primaryMuscle` and `primaryRegion` are
 * required; the enum-backed string columns take semantic values (`'anterior lower'`, `'very_high'`);
 * omitted fields get the database defaults (`moderate`, `intermediate`, `reps`, `'All'`, `[]`).
 *
 * @example
 * ```ts
 * movementInputSchema.parse({
 *   name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower',
 *   secondaryMuscles: ['glutes', 'core'], cnsLoad: 'very_high', equipmentTags: ['barbell', 'rack'],
 * });
 * ```
 */
export const movementInputSchema = strictInput(movementShape);
/**
 * What a caller may pass to create a movement.
 * @example
 * ```ts
 * const input: MovementInput = { name: 'Plank', pattern: 'isometric', primaryMuscle: 'core', primaryRegion: 'full body' };
 * ```
 */
export type MovementInput = z.input<typeof movementInputSchema>;
/**
 * A parsed movement input.
 * @example
 * ```ts
 * const data: MovementData = movementInputSchema.parse(input);
 * ```
 */
export type MovementData = z.output<typeof movementInputSchema>;

/**
 * Updates a movement: any subset of {@link movementInputSchema}'s fields, at least one. Nullable
 * columns (`description`, `substitutionGroup`, tag lists, ...) may be set to `null`.
 *
 * @example
 * ```ts
 * updateMovementInputSchema.parse({ cnsLoad: 'high', substitutionGroup: null });
 * ```
 */
export const updateMovementInputSchema = movementInputSchema.partial().superRefine(requireSomeKey(Object.keys(movementShape)));
/**
 * What a caller may pass to update a movement.
 * @example
 * ```ts
 * const input: UpdateMovementInput = { description: 'Low-bar.' };
 * ```
 */
export type UpdateMovementInput = z.input<typeof updateMovementInputSchema>;
/**
 * A parsed movement update.
 * @example
 * ```ts
 * const data: UpdateMovementData = updateMovementInputSchema.parse({ tags: ['athletic'] });
 * ```
 */
export type UpdateMovementData = z.output<typeof updateMovementInputSchema>;

/**
 * A relationship between two different movements (`movement_relationships`): `progression`,
 * `regression`, `variation`, `antagonist` or `prep`. A movement cannot relate to itself.
 *
 * @example
 * ```ts
 * movementRelationshipInputSchema.parse({ sourceMovementId: 4, targetMovementId: 9, relationshipType: 'progression' });
 * ```
 */
export const movementRelationshipInputSchema = strictInput({
  sourceMovementId: idSchema,
  targetMovementId: idSchema,
  relationshipType: enumSchema(ENUMS.RelationshipType),
  notes: textSchema().nullish(),
}).superRefine((relation, ctx) => {
  if (validInt(ctx, relation, 'sourceMovementId') && validInt(ctx, relation, 'targetMovementId') && relation.sourceMovementId === relation.targetMovementId) {
    ctx.addIssue({ code: 'custom', path: ['targetMovementId'], message: 'must differ from sourceMovementId (a movement cannot relate to itself)', input: relation.targetMovementId, continue: true });
  }
}, RUN_ALWAYS);
/**
 * What a caller may pass to relate two movements.
 * @example
 * ```ts
 * const input: MovementRelationshipInput = { sourceMovementId: 4, targetMovementId: 9, relationshipType: 'variation' };
 * ```
 */
export type MovementRelationshipInput = z.input<typeof movementRelationshipInputSchema>;
/**
 * A parsed movement relationship.
 * @example
 * ```ts
 * const data: MovementRelationshipData = movementRelationshipInputSchema.parse(input);
 * ```
 */
export type MovementRelationshipData = z.output<typeof movementRelationshipInputSchema>;
