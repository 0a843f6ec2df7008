// Inputs of the users module: users (+ settings), movement rules, enjoyable activities.
import type * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { COLUMN_LENGTHS, booleanSchema, emailSchema, enumSchema, idSchema, intSchema, strictInput, textSchema, varcharSchema } from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';
import { requireSomeKey } from './shared.js';

const userSettingsShape = {
  activeE1rmFormula: enumSchema(ENUMS.E1RMFormula).optional(),
  useMetric: booleanSchema.optional(),
};

const userShape = {
  name: varcharSchema(COLUMN_LENGTHS.userName).nullish(),
  email: emailSchema.nullish(),
  experienceLevel: enumSchema(ENUMS.ExperienceLevel).optional(),
  personaTone: enumSchema(ENUMS.PersonaTone).optional(),
  personaAggression: enumSchema(ENUMS.PersonaAggression).optional(),
  settings: strictInput(userSettingsShape).optional(),
};

/**
 * Creates a user (and their settings row). Every field is optional: the database defaults are
 * `intermediate`, `supportive`, aggression 3, formula `epley`, metric units. `name` <= 100 chars and
 * `email` (valid, <= 255) may be `null`; `personaAggression` is 1–5.
 *
 * @example
 * ```ts
 * createUserInputSchema.parse({ name: 'Ada', email: 'ada@example.com', personaTone: 'analytical', settings: { useMetric: false } });
 * ```
 */
export const createUserInputSchema = strictInput(userShape);
/**
 * What a caller may pass to create a user.
 * @example
 * ```ts
 * const input: CreateUserInput = { name: 'Ada' };
 * ```
 */
export type CreateUserInput = z.input<typeof createUserInputSchema>;
/**
 * A parsed create-user input (trimmed strings).
 * @example
 * ```ts
 * const data: CreateUserData = createUserInputSchema.parse({ name: ' Ada ' }); // name 'Ada'
 * ```
 */
export type CreateUserData = z.output<typeof createUserInputSchema>;

/**
 * Updates a user: the same fields as {@link createUserInputSchema}, all optional, at least one given.
 * `name`/`email` may be `null` to clear them.
 *
 * @example
 * ```ts
 * updateUserInputSchema.parse({ personaAggression: 4 });
 * ```
 */
export const updateUserInputSchema = strictInput(userShape).superRefine(requireSomeKey(Object.keys(userShape)));
/**
 * What a caller may pass to update a user.
 * @example
 * ```ts
 * const input: UpdateUserInput = { email: null };
 * ```
 */
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;
/**
 * A parsed update-user input.
 * @example
 * ```ts
 * const data: UpdateUserData = updateUserInputSchema.parse({ experienceLevel: 'advanced' });
 * ```
 */
export type UpdateUserData = z.output<typeof updateUserInputSchema>;

/**
 * A user's movement rule (`user_movement_rules`): never (`hard_no`), at least once per microcycle
 * (`hard_yes`) or every two weeks (`preferred`); `cadence` defaults to `per_microcycle` in the database.
 *
 * @example
 * ```ts
 * movementRuleInputSchema.parse({ movementId: 12, ruleType: 'hard_no', notes: 'Shoulder impingement' });
 * ```
 */
export const movementRuleInputSchema = strictInput({
  movementId: idSchema,
  ruleType: enumSchema(ENUMS.MovementRuleType),
  cadence: enumSchema(ENUMS.RuleCadence).optional(),
  notes: textSchema().nullish(),
});
/**
 * What a caller may pass to add a movement rule.
 * @example
 * ```ts
 * const input: MovementRuleInput = { movementId: 12, ruleType: 'preferred' };
 * ```
 */
export type MovementRuleInput = z.input<typeof movementRuleInputSchema>;
/**
 * A parsed movement rule input.
 * @example
 * ```ts
 * const data: MovementRuleData = movementRuleInputSchema.parse({ movementId: 12, ruleType: 'hard_yes' });
 * ```
 */
export type MovementRuleData = z.output<typeof movementRuleInputSchema>;

/**
 * An enjoyable non-gym activity (`user_enjoyable_activities`): `customName` (<= 100 chars) names an
 * `other` activity, `recommendEveryDays` is 1–365 (database default 28).
 *
 * @example
 * ```ts
 * enjoyableActivityInputSchema.parse({ activityType: 'bouldering', recommendEveryDays: 14 });
 * ```
 */
export const enjoyableActivityInputSchema = strictInput({
  activityType: enumSchema(ENUMS.EnjoyableActivity),
  customName: varcharSchema(COLUMN_LENGTHS.customName).nullish(),
  recommendEveryDays: intSchema(INPUT_LIMITS.recommendEveryDays).optional(),
  enabled: booleanSchema.optional(),
  notes: textSchema().nullish(),
});
/**
 * What a caller may pass to add an enjoyable activity.
 * @example
 * ```ts
 * const input: EnjoyableActivityInput = { activityType: 'other', customName: 'Padel' };
 * ```
 */
export type EnjoyableActivityInput = z.input<typeof enjoyableActivityInputSchema>;
/**
 * A parsed enjoyable activity input.
 * @example
 * ```ts
 * const data: EnjoyableActivityData = enjoyableActivityInputSchema.parse({ activityType: 'yoga' });
 * ```
 */
export type EnjoyableActivityData = z.output<typeof enjoyableActivityInputSchema>;
