// Wire schemas of the reads that nest rows (docs/rows.md, "Nested rows with include"): the detail
// reads, which always nest, and the lists' `include` forms.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { conversationThreadRowSchema, conversationTurnRowSchema } from './coaching.js';
import { topSetLogRowSchema, workoutLogRowSchema } from './logging.js';
import { movementRowSchema } from './movements.js';
import { microcycleRowSchema, programRowSchema, sessionExerciseRowSchema, sessionRowSchema } from './programs.js';
import { userMovementRuleRowSchema, userRowSchema, userSettingsRowSchema } from './users.js';

/**
 * `profile.get()` on the wire: the user's row and its settings row (`null` when it has none).
 * @example
 * ```ts
 * const me = profileRowSchema.parse(await (await fetch('/me')).json());
 * me.settings?.useMetric;
 * ```
 */
export const profileRowSchema = userRowSchema.extend({ settings: userSettingsRowSchema.nullable() });

/**
 * `workouts.get(id)` and `forViewer(…).workoutLog(id)` on the wire: the workout, its top sets in
 * logged order, each with its movement.
 * @example
 * ```ts
 * const workout = workoutLogDetailRowSchema.parse(body);
 * workout.topSets.map((t) => t.movement.name);
 * ```
 */
export const workoutLogDetailRowSchema = workoutLogRowSchema.extend({ topSets: z.array(topSetLogRowSchema.extend({ movement: movementRowSchema })) });

/**
 * `workouts.list({ include: ['topSets'] })` rows on the wire: each workout with its top sets.
 * @example
 * ```ts
 * const page = pageSchema(workoutLogWithTopSetsRowSchema).parse(body);
 * ```
 */
export const workoutLogWithTopSetsRowSchema = workoutLogRowSchema.extend({ topSets: z.array(topSetLogRowSchema) });

/**
 * `programs.list({ include: ['microcycles'] })` and `programs.get(id, { include: ['microcycles'] })`
 * on the wire: each program with its weeks in sequence order.
 * @example
 * ```ts
 * const program = programWithMicrocyclesRowSchema.parse(body);
 * program.microcycles.find((m) => m.status === 'active');
 * ```
 */
export const programWithMicrocyclesRowSchema = programRowSchema.extend({ microcycles: z.array(microcycleRowSchema) });

/**
 * `sessions.get(id)` on the wire: the session, its exercises by `orderInSession`, each with its movement.
 * @example
 * ```ts
 * const session = sessionDetailRowSchema.parse(body);
 * session.exercises.map((e) => `${e.movement.name} ${e.targetSets}×`);
 * ```
 */
export const sessionDetailRowSchema = sessionRowSchema.extend({ exercises: z.array(sessionExerciseRowSchema.extend({ movement: movementRowSchema })) });

/**
 * `conversations.get(id)` (and `conversations.list({ include: ['turns'] })` rows) on the wire: the
 * thread with its turns in order.
 * @example
 * ```ts
 * const thread = conversationThreadDetailRowSchema.parse(body);
 * thread.turns.at(-1)?.content;
 * ```
 */
export const conversationThreadDetailRowSchema = conversationThreadRowSchema.extend({ turns: z.array(conversationTurnRowSchema) });

/**
 * `movementRules.list({ include: ['movement'] })` rows on the wire: each rule with its movement.
 * @example
 * ```ts
 * const page = pageSchema(userMovementRuleWithMovementRowSchema).parse(body);
 * ```
 */
export const userMovementRuleWithMovementRowSchema = userMovementRuleRowSchema.extend({ movement: movementRowSchema });
