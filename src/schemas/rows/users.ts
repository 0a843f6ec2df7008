// Row schemas of the users module: users, user_settings, user_movement_rules,
// user_enjoyable_activities (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { wireEnum, wireInt } from './wire.js';

/**
 * A `users` row on the wire (and as the library returns it: the table has no timestamp).
 * @example
 * ```ts
 * const user = userRowSchema.parse(await (await fetch('/me')).json());
 * user.experienceLevel; // 'intermediate'
 * ```
 */
export const userRowSchema = z.object({
  id: wireInt,
  name: z.string().nullable(),
  email: z.string().nullable(),
  experienceLevel: wireEnum(ENUMS.ExperienceLevel),
  personaTone: wireEnum(ENUMS.PersonaTone),
  personaAggression: wireEnum(ENUMS.PersonaAggression),
});

/**
 * A `users` row: every column, camelCase, semantic enum values, relations as ids.
 * @example
 * ```ts
 * const user: UserRow = await me.profile.get();
 * ```
 */
export type UserRow = z.infer<typeof userRowSchema>;

/**
 * A `user_settings` row.
 * @example
 * ```ts
 * userSettingsRowSchema.parse({ id: 1, userId: 1, activeE1rmFormula: 'epley', useMetric: true });
 * ```
 */
export const userSettingsRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  activeE1rmFormula: wireEnum(ENUMS.E1RMFormula),
  useMetric: z.boolean().nullable(),
});

/**
 * A `user_settings` row.
 * @example
 * ```ts
 * const settings: UserSettingsRow | null = (await me.profile.get()).settings;
 * ```
 */
export type UserSettingsRow = z.infer<typeof userSettingsRowSchema>;

/**
 * A `user_movement_rules` row.
 * @example
 * ```ts
 * userMovementRuleRowSchema.parse({ id: 1, userId: 1, movementId: 3, ruleType: 'hard_no', cadence: 'weekly', notes: null });
 * ```
 */
export const userMovementRuleRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  movementId: wireInt,
  ruleType: wireEnum(ENUMS.MovementRuleType),
  cadence: wireEnum(ENUMS.RuleCadence),
  notes: z.string().nullable(),
});

/**
 * A `user_movement_rules` row.
 * @example
 * ```ts
 * const rules: UserMovementRuleRow[] = (await me.movementRules.list()).items;
 * ```
 */
export type UserMovementRuleRow = z.infer<typeof userMovementRuleRowSchema>;

/**
 * A `user_enjoyable_activities` row.
 * @example
 * ```ts
 * userEnjoyableActivityRowSchema.parse({ id: 1, userId: 1, activityType: 'hiking', customName: null, recommendEveryDays: 7, enabled: true, notes: null });
 * ```
 */
export const userEnjoyableActivityRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  activityType: wireEnum(ENUMS.EnjoyableActivity),
  customName: z.string().nullable(),
  recommendEveryDays: wireInt,
  enabled: z.boolean().nullable(),
  notes: z.string().nullable(),
});

/**
 * A `user_enjoyable_activities` row.
 * @example
 * ```ts
 * const activities: UserEnjoyableActivityRow[] = (await me.enjoyableActivities.list()).items;
 * ```
 */
export type UserEnjoyableActivityRow = z.infer<typeof userEnjoyableActivityRowSchema>;
