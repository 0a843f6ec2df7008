// The row schemas and types of the 19 tables (docs/rows.md), re-exported for src/schemas/index.ts.
export { toWire, wireDate, wireTimestamp, type Wire, type WithDates } from './wire.js';
export { userRowSchema, userSettingsRowSchema, userMovementRuleRowSchema, userEnjoyableActivityRowSchema, type UserRow, type UserSettingsRow, type UserMovementRuleRow, type UserEnjoyableActivityRow } from './users.js';
export { programRowSchema, microcycleRowSchema, sessionRowSchema, sessionExerciseRowSchema, type ProgramRow, type MicrocycleRow, type SessionRow, type SessionExerciseRow } from './programs.js';
export { movementRowSchema, movementRelationshipRowSchema, type MovementRow, type MovementRelationshipRow } from './movements.js';
export { circuitTemplateRowSchema, type CircuitTemplateRow } from './circuits.js';
export {
  workoutLogRowSchema,
  topSetLogRowSchema,
  patternExposureRowSchema,
  sorenessLogRowSchema,
  recoverySignalRowSchema,
  type WorkoutLogRow,
  type TopSetLogRow,
  type PatternExposureRow,
  type SorenessLogRow,
  type RecoverySignalRow,
} from './logging.js';
export { heuristicConfigRowSchema, conversationThreadRowSchema, conversationTurnRowSchema, type HeuristicConfigRow, type ConversationThreadRow, type ConversationTurnRow } from './coaching.js';
export { ROW_SCHEMAS, pageSchema, type Page } from './registry.js';
export {
  profileRowSchema,
  workoutLogDetailRowSchema,
  workoutLogWithTopSetsRowSchema,
  programWithMicrocyclesRowSchema,
  sessionDetailRowSchema,
  conversationThreadDetailRowSchema,
  userMovementRuleWithMovementRowSchema,
} from './details.js';
export {
  microcycleViewSchema,
  microcycleAdvanceSchema,
  loggedWorkoutSchema,
  patternStrengthSchema,
  patternTrendSchema,
  patternTrendsSchema,
  deloadSignalSchema,
  e1rmPointSchema,
  bodyPartSorenessSchema,
  recoveryAveragesSchema,
} from './read-models.js';
