// Public surface of `@gainsly/db/schemas`: zod schemas for every JSON column and write input, and the
// validation errors. Imports only zod, the enums and the domain, so browser bundles can use it.
// Explicit names only: anything not listed here is internal.

export { GainslyError, GAINSLY_ERROR_CODES, type GainslyErrorCode, GainslyValidationError, parseInput, type ValidationIssue } from './errors.js';
export { PROBLEM_CONTENT_TYPE, toProblem, type GainslyProblem, type ProblemFieldError } from './problem.js';
export { gainslyErrorMap, formatIssuePath, previewValue } from './messages.js';
export {
  COLUMN_LENGTHS,
  INT4_MAX,
  TEXT_MAX_LENGTH,
  WITH_MESSAGES,
  booleanSchema,
  emailSchema,
  enumSchema,
  idSchema,
  intSchema,
  isoDateSchema,
  numberSchema,
  textSchema,
  timestampSchema,
  varcharSchema,
} from './primitives.js';
export type { JsonValue, JsonObject, DisciplineWeight, SessionExerciseBlock, SessionFinisherBlock, SessionSectionExercise, BucketStress, SecondaryMuscles } from './json-types.js';
export {
  FORBIDDEN_JSON_KEYS,
  JSON_LIMITS,
  configureJsonLimits,
  jsonBlobLimits,
  type JsonBlobLimits,
  jsonValueSchema,
  jsonObjectSchema,
  hybridDefinitionSchema,
  disciplinesJsonSchema,
  SESSION_EXERCISE_BLOCK_KEYS,
  SESSION_FINISHER_BLOCK_KEYS,
  sessionExerciseBlockSchema,
  sessionFinisherBlockSchema,
  sessionSectionExerciseSchema,
  sessionSectionSchema,
  intentTagsSchema,
  tagArraySchema,
  exercisesJsonSchema,
  bucketStressSchema,
  heuristicJsonBlobSchema,
  acceptedPlanJsonSchema,
  structuredResponseJsonSchema,
  rawPayloadJsonSchema,
  feedbackTagsSchema,
  secondaryMusclesSchema,
  coachingCuesSchema,
} from './json-blobs.js';
export { INPUT_LIMITS } from './inputs/limits.js';
export {
  createUserInputSchema,
  updateUserInputSchema,
  movementRuleInputSchema,
  enjoyableActivityInputSchema,
  type CreateUserInput,
  type CreateUserData,
  type UpdateUserInput,
  type UpdateUserData,
  type MovementRuleInput,
  type MovementRuleData,
  type EnjoyableActivityInput,
  type EnjoyableActivityData,
} from './inputs/users.js';
export {
  goalsInputSchema,
  createProgramInputSchema,
  sessionPlanExerciseInputSchema,
  sessionFinisherInputSchema,
  sessionPlanInputSchema,
  type CreateProgramInput,
  type CreateProgramData,
  type SessionPlanExerciseInput,
  type SessionPlanExerciseData,
  type SessionFinisherInput,
  type SessionPlanInput,
  type SessionPlanData,
} from './inputs/programs.js';
export {
  topSetInputSchema,
  logWorkoutInputSchema,
  sorenessInputSchema,
  recoverySignalInputSchema,
  type TopSetInput,
  type TopSetData,
  type LogWorkoutInput,
  type LogWorkoutData,
  type SorenessInput,
  type SorenessData,
  type RecoverySignalInput,
  type RecoverySignalData,
} from './inputs/logging.js';
export {
  movementInputSchema,
  updateMovementInputSchema,
  movementRelationshipInputSchema,
  type MovementInput,
  type MovementData,
  type UpdateMovementInput,
  type UpdateMovementData,
  type MovementRelationshipInput,
  type MovementRelationshipData,
} from './inputs/movements.js';
export { circuitTemplateInputSchema, type CircuitTemplateInput, type CircuitTemplateData } from './inputs/circuits.js';
export {
  heuristicConfigInputSchema,
  conversationThreadInputSchema,
  appendTurnInputSchema,
  acceptPlanInputSchema,
  CONVERSATION_ROLES,
  type HeuristicConfigInput,
  type HeuristicConfigData,
  type ConversationThreadInput,
  type ConversationThreadData,
  type AppendTurnInput,
  type AppendTurnData,
  type AcceptPlanInput,
  type AcceptPlanData,
} from './inputs/coaching.js';
export { INPUT_SCHEMAS, type InputName } from './inputs/registry.js';
export {
  idArgumentSchema,
  calendarDateArgumentSchema,
  integerArgumentSchema,
  limitArgumentSchema,
  offsetArgumentSchema,
  tagFilterSchema,
  dateRangeSchema,
  dateWindowSchema,
  movementSearchSchema,
  userMovementSearchSchema,
  viewerMovementSearchSchema,
  scopeOptionsSchema,
  parseArgument,
  parseOptions,
} from './inputs/arguments.js';
