// Public surface of `@gainsly/db/enums`. Pure TypeScript with no runtime dependencies, so browser
// bundles can use it. Explicit names only: anything not listed here is internal.

// The 24 enums: `export const X` and `export type X` share a name, so one specifier exports both.
export {
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
} from './definitions.js';
export {
  type MovementPatternLabel,
  type PrimaryRegionLabel,
  type PrimaryMuscleLabel,
  type MetricTypeLabel,
  type SkillLevelLabel,
  type CNSLoadLabel,
  type GoalLabel,
  type SplitTemplateLabel,
  type ProgressionStyleLabel,
  type MovementRuleTypeLabel,
  type RuleCadenceLabel,
  type EnjoyableActivityLabel,
  type SessionTypeLabel,
  type ExerciseRoleLabel,
  type MicrocycleStatusLabel,
  type E1RMFormulaLabel,
  type RecoverySourceLabel,
  type PersonaToneLabel,
  type RelationshipTypeLabel,
  type CircuitTypeLabel,
  type StressBucketLabel,
  type PersonaAggressionLabel,
  type ExperienceLevelLabel,
  type VisibilityLabel,
} from './definitions.js';

export { defineEnum, type AnyEnumCodec, type EnumCodec, type EnumMembers, type LabelOf } from './enum-codec.js';
export {
  enumDisplayName,
  enumOptions,
  categoricalDisplayName,
  type EnumOption,
  type EnumSource,
} from './display-names.js';
export { InvalidEnumValueError, type EnumDirection } from './errors.js';
export { GainslyError, GAINSLY_ERROR_CODES, type GainslyErrorCode } from './gainsly-error.js';
export { ENUMS, isEnumName, type EnumLabel, type EnumName, type EnumValue } from './registry.js';
export {
  ENUM_COLUMNS,
  OPEN_CATEGORICAL_COLUMNS,
  columnsUsingEnum,
  enumColumnsOf,
  type EnumColumn,
  type EnumColumnStorage,
  type OpenCategoricalColumn,
} from './columns.js';
