// The public barrel: explicit named exports only, so nothing internal leaks and a missing
// export is a visible diff.

export { createGainslyOrm, migrate, type MigrationResult } from './setup/create-orm.js';
export {
  gainslyConfig,
  gainslyAsyncConfig,
  MIGRATIONS_TABLE,
  APP_MIGRATIONS_TABLE,
  DEFAULT_ACQUIRE_TIMEOUT_MS,
  type GainslyOrmOptions,
  type GainslyAsyncConfigOptions,
  type GainslyAsyncModuleOptions,
} from './setup/config.js';
export { GainslyPostgreSqlDriver } from './setup/driver.js';
export { replicaStatus, type ReplicaStatus, type ReplicaPolicy } from './orm/replicas.js';
export type { AnyEntityManager, AnyMikroORM } from './orm/context.js';
export { maskDatabaseUrl } from './setup/database-url.js';
export {
  GainslyError,
  GAINSLY_ERROR_CODES,
  type GainslyErrorCode,
  GainslyNotFoundError,
  GainslyDataError,
  GainslyDatabaseError,
  GainslyUniqueViolationError,
  GainslyForeignKeyViolationError,
  GainslyCheckViolationError,
  GainslyNotNullViolationError,
  GainslyConnectionError,
  GainslyAuthenticationError,
  GainslyServerUnreachableError,
  GainslyNoSuchDatabaseError,
  GainslySchemaError,
  type GainslySchemaProblem,
  GainslyTimeoutError,
  GainslyConcurrencyError,
  GainslyConfigError,
  GainslyImportError,
  type DatabaseErrorDetails,
} from './orm/errors.js';
export { PgEnumType } from './orm/pg-enum-type.js';
export type { EntityRow } from './orm/row-types.js';
export { GainslyNamingStrategy, type IndexKind } from './orm/naming-strategy.js';
export { GainslyRepository, UserOwnedRepository, DatedUserOwnedRepository } from './orm/base-repository.js';
export { ENTITIES } from './modules/entities.js';
export {
  exportUserData,
  writeUserExport,
  eraseUserData,
  importUserData,
  GainslyUserDataError,
  USER_EXPORT_FORMAT,
  USER_EXPORT_VERSION,
  USER_DATA_TABLES,
  type UserDataTable,
  type UserExportDocument,
  type UserExportReference,
  type UserExportOptions,
  type UserExportSummary,
  type EraseOptions,
  type EraseReport,
  type EraseKeptReference,
  type UserImportOptions,
  type UserImportReport,
} from './modules/user-data.js';
export type { OrmOrEm } from './orm/sql-helpers.js';
export { UserScope, forUser, type DateRange, type ScopeOptions, type Consistency } from './modules/scope/user-scope.js';
export { ViewerScope, forViewer, type FriendshipResolver, type ViewerOptions } from './modules/scope/viewer-scope.js';
export type {
  ListOptions,
  DatedListOptions,
  IncludeOptions,
  TopSetListOptions,
  WithIncludes,
  ProgramIncludes,
  WorkoutLogIncludes,
  ConversationThreadIncludes,
  UserMovementRuleIncludes,
  ProfileRow,
  SessionDetailRow,
  WorkoutLogDetailRow,
  ConversationThreadDetailRow,
} from './modules/scope/row-reads.js';

export { User } from './modules/users/user.entity.js';
export { UserRepository } from './modules/users/user.repository.js';
export { UserSettings } from './modules/users/user-settings.entity.js';
export { UserSettingsRepository } from './modules/users/user-settings.repository.js';
export { UserMovementRule } from './modules/users/user-movement-rule.entity.js';
export { UserMovementRuleRepository } from './modules/users/user-movement-rule.repository.js';
export { UserEnjoyableActivity } from './modules/users/user-enjoyable-activity.entity.js';
export { UserEnjoyableActivityRepository } from './modules/users/user-enjoyable-activity.repository.js';
export { Program } from './modules/programs/program.entity.js';
export { ProgramRepository, type MicrocycleAdvance } from './modules/programs/program.repository.js';
export { Microcycle } from './modules/programs/microcycle.entity.js';
export {
  MicrocycleRepository,
  type MicrocycleView,
  type MicrocycleSessionView,
  type MicrocycleExerciseView,
  type MovementSummary,
} from './modules/programs/microcycle.repository.js';
export { Session } from './modules/programs/session.entity.js';
export { SessionRepository, type SessionSyncProblem, type SessionSyncReport } from './modules/programs/session.repository.js';
export { SessionExercise } from './modules/programs/session-exercise.entity.js';
export { SessionExerciseRepository } from './modules/programs/session-exercise.repository.js';
export { Movement } from './modules/movements/movement.entity.js';
export { MovementRepository, type MovementSearch } from './modules/movements/movement.repository.js';
export { loadStarterCatalog, STARTER_CATALOG, type StarterCatalogReport, type StarterMovement } from './modules/movements/starter-catalog.js';
export { MovementRelationship } from './modules/movements/movement-relationship.entity.js';
export { MovementRelationshipRepository } from './modules/movements/movement-relationship.repository.js';
export { CircuitTemplate } from './modules/circuits/circuit-template.entity.js';
export { CircuitTemplateRepository } from './modules/circuits/circuit-template.repository.js';
export { WorkoutLog } from './modules/logging/workout-log.entity.js';
export { WorkoutLogRepository, type LoggedWorkout, type LoggedWorkoutLog, type LoggedTopSet, type LoggedExposure } from './modules/logging/workout-log.repository.js';
export { TopSetLog } from './modules/logging/top-set-log.entity.js';
export { TopSetLogRepository } from './modules/logging/top-set-log.repository.js';
export { PatternExposure } from './modules/logging/pattern-exposure.entity.js';
export {
  PatternExposureRepository,
  type PatternStrength,
  type PatternStrengthQueryOptions,
  type PatternTrendQueryOptions,
  type PatternMetricsMethod,
  type E1rmPoint,
} from './modules/logging/pattern-exposure.repository.js';
export { SorenessLog } from './modules/logging/soreness-log.entity.js';
export { SorenessLogRepository, type BodyPartSoreness } from './modules/logging/soreness-log.repository.js';
export { RecoverySignal } from './modules/logging/recovery-signal.entity.js';
export { RecoverySignalRepository, type RecoveryAverages, type DateWindow } from './modules/logging/recovery-signal.repository.js';
export { HeuristicConfig } from './modules/coaching/heuristic-config.entity.js';
export { HeuristicConfigRepository } from './modules/coaching/heuristic-config.repository.js';
export { ConversationThread } from './modules/coaching/conversation-thread.entity.js';
export { ConversationThreadRepository } from './modules/coaching/conversation-thread.repository.js';
export { ConversationTurn, type ConversationRole } from './modules/coaching/conversation-turn.entity.js';
export { ConversationTurnRepository } from './modules/coaching/conversation-turn.repository.js';

export type { JsonValue, JsonObject, DisciplineWeight, SessionExerciseBlock, SessionFinisherBlock, SessionSectionExercise, BucketStress, SecondaryMuscles } from './schemas/json-types.js';
export { GainslyValidationError, type ValidationIssue } from './schemas/errors.js';
export { PROBLEM_CONTENT_TYPE, toProblem, type GainslyProblem, type ProblemFieldError } from './schemas/problem.js';
export { configureJsonLimits, jsonBlobLimits, type JsonBlobLimits } from './schemas/json-limits.js';
export {
  InvalidEnumValueError,
  MovementPattern,
  PrimaryRegion,
  PrimaryMuscle,
  MetricType,
  SkillLevel,
  CNSLoad,
  Goal,
  SplitTemplate,
  ProgressionStyle,
  MovementRuleType,
  RuleCadence,
  EnjoyableActivity,
  SessionType,
  ExerciseRole,
  MicrocycleStatus,
  E1RMFormula,
  RecoverySource,
  PersonaTone,
  RelationshipType,
  CircuitType,
  StressBucket,
  PersonaAggression,
  ExperienceLevel,
  Visibility,
} from './enums/index.js';
export type {
  Wire,
  Page,
  UserRow,
  UserSettingsRow,
  UserMovementRuleRow,
  UserEnjoyableActivityRow,
  ProgramRow,
  MicrocycleRow,
  SessionRow,
  SessionExerciseRow,
  MovementRow,
  MovementRelationshipRow,
  CircuitTemplateRow,
  WorkoutLogRow,
  TopSetLogRow,
  PatternExposureRow,
  SorenessLogRow,
  RecoverySignalRow,
  HeuristicConfigRow,
  ConversationThreadRow,
  ConversationTurnRow,
} from './schemas/index.js';
export type {
  CreateUserInput,
  UpdateUserInput,
  MovementRuleInput,
  EnjoyableActivityInput,
  CreateProgramInput,
  SessionPlanInput,
  SessionPlanExerciseInput,
  SessionFinisherInput,
  LogWorkoutInput,
  TopSetInput,
  SorenessInput,
  RecoverySignalInput,
  MovementInput,
  UpdateMovementInput,
  MovementRelationshipInput,
  CircuitTemplateInput,
  HeuristicConfigInput,
  ConversationThreadInput,
  AppendTurnInput,
  AcceptPlanInput,
} from './schemas/index.js';
