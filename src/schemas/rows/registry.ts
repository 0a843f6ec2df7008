// Every table's row schema by table name: what OpenAPI components and the row engine's drift test
// (test/integration/rows.test.ts) iterate.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { circuitTemplateRowSchema } from './circuits.js';
import { conversationThreadRowSchema, conversationTurnRowSchema, heuristicConfigRowSchema } from './coaching.js';
import { patternExposureRowSchema, recoverySignalRowSchema, sorenessLogRowSchema, topSetLogRowSchema, workoutLogRowSchema } from './logging.js';
import { movementRelationshipRowSchema, movementRowSchema } from './movements.js';
import { microcycleRowSchema, programRowSchema, sessionExerciseRowSchema, sessionRowSchema } from './programs.js';
import { userEnjoyableActivityRowSchema, userMovementRuleRowSchema, userRowSchema, userSettingsRowSchema } from './users.js';

/**
 * The wire row schema of each of the 19 tables, by table name, in the order of
 * docs/data-model.md, "Tables".
 * @example
 * ```ts
 * for (const [table, schema] of Object.entries(ROW_SCHEMAS)) console.log(table, Object.keys(schema.shape));
 * ```
 */
export const ROW_SCHEMAS = Object.freeze({
  users: userRowSchema,
  user_settings: userSettingsRowSchema,
  user_movement_rules: userMovementRuleRowSchema,
  user_enjoyable_activities: userEnjoyableActivityRowSchema,
  programs: programRowSchema,
  microcycles: microcycleRowSchema,
  sessions: sessionRowSchema,
  session_exercises: sessionExerciseRowSchema,
  movements: movementRowSchema,
  movement_relationships: movementRelationshipRowSchema,
  circuit_templates: circuitTemplateRowSchema,
  workout_logs: workoutLogRowSchema,
  top_set_logs: topSetLogRowSchema,
  pattern_exposures: patternExposureRowSchema,
  soreness_logs: sorenessLogRowSchema,
  recovery_signals: recoverySignalRowSchema,
  heuristic_configs: heuristicConfigRowSchema,
  conversation_threads: conversationThreadRowSchema,
  conversation_turns: conversationTurnRowSchema,
});

/**
 * One page of a list on the wire: the items and the cursor of the next page (`null` on the last).
 * Pass `nextCursor` back as `after` to get the next page.
 * @example
 * ```ts
 * const page = pageSchema(workoutLogRowSchema).parse(await (await fetch('/workouts')).json());
 * if (page.nextCursor) await fetch(`/workouts?after=${page.nextCursor}`);
 * ```
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * One page of a list: the rows and the cursor of the next page, `null` when this is the last.
 * @example
 * ```ts
 * let page: Page<WorkoutLogRow> = await me.workouts.list({ limit: 50 });
 * while (page.nextCursor) page = await me.workouts.list({ limit: 50, after: page.nextCursor });
 * ```
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
