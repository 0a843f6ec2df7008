// Everything the root entry validates with, loaded on first use (src/orm/validation.ts) so that
// importing '@gainsly/db' does not load zod or build the schemas (docs/performance.md, "Cold start").

export { calendarDateArgumentSchema, circuitTypeArgumentSchema, heuristicVersionArgumentSchema, movementCriterionArgumentSchemas, movementPatternArgumentSchema, movementRuleTypeArgumentSchema, relationshipTypeArgumentSchema, dateWindowSchema, datedRowsOptionsSchema, e1rmHistoryTargetSchema, idArgumentSchema, integerArgumentSchema, limitArgumentSchema, movementRuleListOptionsSchema, movementSearchSchema, offsetArgumentSchema, ownerOptionsSchema, patternStrengthOptionsSchema, patternTrendOptionsSchema, plainListOptionsSchema, programIncludeOptionsSchema, programListOptionsSchema, replicaStatusOptionsSchema, scopeOptionsSchema, sessionSyncScopeSchema, tagFilterSchema, threadListOptionsSchema, topSetFilterSchema, topSetListOptionsSchema, userMovementSearchSchema, viewerMovementSearchSchema, viewerOptionsSchema, windowStart, workoutListOptionsSchema, writePlanOptionsSchema } from './inputs/arguments.js';
export { acceptPlanInputSchema, appendTurnInputSchema, conversationThreadInputSchema } from './inputs/coaching.js';
export { logWorkoutInputSchema, recoverySignalInputSchema, sorenessInputSchema } from './inputs/logging.js';
export { movementInputSchema, updateMovementInputSchema } from './inputs/movements.js';
export { createProgramInputSchema, sessionPlanInputSchema } from './inputs/programs.js';
export { destinationSchema, eraseOptionsSchema, exportOptionsSchema, importOptionsSchema, userExportDocumentSchema } from './inputs/user-data.js';
export { createUserInputSchema, enjoyableActivityInputSchema, movementRuleInputSchema, updateUserInputSchema } from './inputs/users.js';
export { SESSION_EXERCISE_BLOCK_KEYS, SESSION_FINISHER_BLOCK_KEYS, sessionExerciseBlockSchema, sessionFinisherBlockSchema } from './json-blobs.js';
export { COLUMN_LENGTHS, INT4_MAX, enumSchema, textSchema } from './primitives.js';
