// Public surface of `@gainsly/db/domain`: pure training-domain functions with no database, ORM, zod or
// Node dependencies, so browser bundles can use them. Explicit names only; anything not listed is internal.

export { formatValidationProblems, DomainArgumentError, type ValidationProblem } from './problems.js';
export { GainslyError, GAINSLY_ERROR_CODES, type GainslyErrorCode } from '../enums/index.js';
export { type IntRange } from './ranges.js';
export { isIsoDate, addDaysToIsoDate } from './dates.js';
export {
  estimateOneRepMax,
  estimateOneRepMaxWithEffort,
  estimateOneRepMaxAsStored,
  loadForReps,
  E1RMRangeError,
  BRZYCKI_REPS_LIMIT,
  BRZYCKI_HIGH_REPS_MULTIPLIER,
  type EffortOptions,
} from './e1rm.js';
export {
  roundToPlate,
  kgToLb,
  lbToKg,
  KG_PER_LB,
  DEFAULT_PLATE_INCREMENTS,
  type PlateRoundingMode,
  type RoundToPlateOptions,
} from './plates.js';
export { validateGoalWeights, GOAL_WEIGHT_RULES, type GoalWeight, type GoalWeightInput } from './goals.js';
export {
  validateProgramShape,
  PROGRAM_LIMITS,
  PROGRAM_DEFAULTS,
  type ProgramShape,
  type ProgramShapeInput,
} from './program-shape.js';
export { validateRatings, RATING_LIMITS, type Ratings, type RatingsInput } from './ratings.js';
export { planMicrocycles, type PlanMicrocyclesOptions, type PlannedMicrocycle } from './microcycle-plan.js';
export {
  patternStrengthIndex,
  patternStrengthIndexAll,
  DEFAULT_PSI_MICROCYCLES,
  MIN_PSI_EXPOSURES,
  type PatternExposureInput,
  type PatternStrengthOptions,
} from './pattern-strength.js';
export {
  patternTrend,
  deloadSignal,
  PatternTrend,
  DEFAULT_TREND_THRESHOLD,
  DEFAULT_DELOAD_MIN_DECLINING,
  type PatternTrendOptions,
  type DeloadSignal,
  type DeloadSignalOptions,
} from './pattern-trend.js';
export {
  upstreamMicrocycleWindow,
  upstreamPatternStrengthIndex,
  upstreamPatternStrengthIndexAll,
  upstreamPatternTrend,
  upstreamPatternTrendAll,
  UPSTREAM_PSI_LOOKBACK,
  UPSTREAM_TREND_WINDOW,
  UPSTREAM_TREND_THRESHOLD,
  UPSTREAM_MIN_TREND_EXPOSURES,
  type UpstreamMicrocycle,
  type UpstreamExposure,
  type UpstreamMetricsData,
  type UpstreamStrengthOptions,
  type UpstreamTrendOptions,
} from './upstream-metrics.js';
