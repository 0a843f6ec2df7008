// The 24 enums of the data model, in the order of docs/data-model.md ("Enums"), which describes them.
// Member names are the database labels (what SQL enum columns store); values are the semantic values
// application code uses. For the string-only enums the upstream spec lists values only; their member
// names are the value upper-cased with spaces turned into underscores.

/**
 * Movement pattern classification. (docs/data-model.md, "MovementPattern")
 *
 * Storage: SQL enum `movementpattern` in `top_set_logs.pattern` and `pattern_exposures.pattern`;
 * plain string (semantic value) in `movements.pattern`.
 *
 * @example
 * ```ts
 * MovementPattern.SQUAT; // 'squat'
 * ENUMS.MovementPattern.toDb(MovementPattern.SQUAT); // 'SQUAT'
 * ```
 */
export const MovementPattern = /* @__PURE__ */ Object.freeze({
  SQUAT: 'squat',
  HINGE: 'hinge',
  HORIZONTAL_PUSH: 'horizontal_push',
  VERTICAL_PUSH: 'vertical_push',
  HORIZONTAL_PULL: 'horizontal_pull',
  VERTICAL_PULL: 'vertical_pull',
  CARRY: 'carry',
  CORE: 'core',
  LUNGE: 'lunge',
  ROTATION: 'rotation',
  PLYOMETRIC: 'plyometric',
  OLYMPIC: 'olympic',
  ISOLATION: 'isolation',
  MOBILITY: 'mobility',
  ISOMETRIC: 'isometric',
  CONDITIONING: 'conditioning',
  CARDIO: 'cardio',
} as const);
/**
 * A semantic value of {@link MovementPattern}.
 *
 * @example
 * ```ts
 * const value: MovementPattern = 'squat';
 * ```
 */
export type MovementPattern = (typeof MovementPattern)[keyof typeof MovementPattern];
/**
 * A database label (member name) of {@link MovementPattern}.
 *
 * @example
 * ```ts
 * const label: MovementPatternLabel = 'SQUAT';
 * ```
 */
export type MovementPatternLabel = keyof typeof MovementPattern;

/**
 * Body region emphasis of a movement. (docs/data-model.md, "PrimaryRegion")
 *
 * Storage: String only (no PG type): `movements.primary_region` stores the semantic value, spaces
 * included.
 *
 * @example
 * ```ts
 * PrimaryRegion.ANTERIOR_LOWER; // 'anterior lower'
 * ENUMS.PrimaryRegion.is('anterior lower'); // true (the column stores this value as text)
 * ```
 */
export const PrimaryRegion = /* @__PURE__ */ Object.freeze({
  ANTERIOR_LOWER: 'anterior lower',
  POSTERIOR_LOWER: 'posterior lower',
  SHOULDER: 'shoulder',
  ANTERIOR_UPPER: 'anterior upper',
  POSTERIOR_UPPER: 'posterior upper',
  FULL_BODY: 'full body',
  LOWER_BODY: 'lower body',
  UPPER_BODY: 'upper body',
} as const);
/**
 * A semantic value of {@link PrimaryRegion}.
 *
 * @example
 * ```ts
 * const value: PrimaryRegion = 'anterior lower';
 * ```
 */
export type PrimaryRegion = (typeof PrimaryRegion)[keyof typeof PrimaryRegion];
/**
 * A database label (member name) of {@link PrimaryRegion}.
 *
 * @example
 * ```ts
 * const label: PrimaryRegionLabel = 'ANTERIOR_LOWER';
 * ```
 */
export type PrimaryRegionLabel = keyof typeof PrimaryRegion;

/**
 * Primary muscular focus of a movement. (docs/data-model.md, "PrimaryMuscle")
 *
 * Storage: String only (no PG type): `movements.primary_muscle` stores the semantic value;
 * `movements.secondary_muscles` is a JSON array of them.
 *
 * @example
 * ```ts
 * PrimaryMuscle.QUADRICEPS; // 'quadriceps'
 * ENUMS.PrimaryMuscle.is('quadriceps'); // true (the column stores this value as text)
 * ```
 */
export const PrimaryMuscle = /* @__PURE__ */ Object.freeze({
  QUADRICEPS: 'quadriceps',
  HAMSTRINGS: 'hamstrings',
  GLUTES: 'glutes',
  CALVES: 'calves',
  CHEST: 'chest',
  LATS: 'lats',
  UPPER_BACK: 'upper_back',
  REAR_DELTS: 'rear_delts',
  FRONT_DELTS: 'front_delts',
  SIDE_DELTS: 'side_delts',
  BICEPS: 'biceps',
  TRICEPS: 'triceps',
  FOREARMS: 'forearms',
  CORE: 'core',
  OBLIQUES: 'obliques',
  LOWER_BACK: 'lower_back',
  HIP_FLEXORS: 'hip_flexors',
  ADDUCTORS: 'adductors',
  FULL_BODY: 'full_body',
} as const);
/**
 * A semantic value of {@link PrimaryMuscle}.
 *
 * @example
 * ```ts
 * const value: PrimaryMuscle = 'quadriceps';
 * ```
 */
export type PrimaryMuscle = (typeof PrimaryMuscle)[keyof typeof PrimaryMuscle];
/**
 * A database label (member name) of {@link PrimaryMuscle}.
 *
 * @example
 * ```ts
 * const label: PrimaryMuscleLabel = 'QUADRICEPS';
 * ```
 */
export type PrimaryMuscleLabel = keyof typeof PrimaryMuscle;

/**
 * Measurement unit of a movement. (docs/data-model.md, "MetricType")
 *
 * Storage: String only (no PG type): `movements.metric_type` stores the semantic value.
 *
 * @example
 * ```ts
 * MetricType.REPS; // 'reps'
 * ENUMS.MetricType.is('reps'); // true (the column stores this value as text)
 * ```
 */
export const MetricType = /* @__PURE__ */ Object.freeze({
  REPS: 'reps',
  TIME: 'time',
  TIME_UNDER_TENSION: 'time_under_tension',
  DISTANCE: 'distance',
} as const);
/**
 * A semantic value of {@link MetricType}.
 *
 * @example
 * ```ts
 * const value: MetricType = 'reps';
 * ```
 */
export type MetricType = (typeof MetricType)[keyof typeof MetricType];
/**
 * A database label (member name) of {@link MetricType}.
 *
 * @example
 * ```ts
 * const label: MetricTypeLabel = 'REPS';
 * ```
 */
export type MetricTypeLabel = keyof typeof MetricType;

/**
 * Movement skill / complexity. (docs/data-model.md, "SkillLevel")
 *
 * Storage: String only (no PG type): `movements.skill_level` stores the semantic value.
 *
 * @example
 * ```ts
 * SkillLevel.BEGINNER; // 'beginner'
 * ENUMS.SkillLevel.is('beginner'); // true (the column stores this value as text)
 * ```
 */
export const SkillLevel = /* @__PURE__ */ Object.freeze({
  BEGINNER: 'beginner',
  INTERMEDIATE: 'intermediate',
  ADVANCED: 'advanced',
  EXPERT: 'expert',
  ELITE: 'elite',
} as const);
/**
 * A semantic value of {@link SkillLevel}.
 *
 * @example
 * ```ts
 * const value: SkillLevel = 'beginner';
 * ```
 */
export type SkillLevel = (typeof SkillLevel)[keyof typeof SkillLevel];
/**
 * A database label (member name) of {@link SkillLevel}.
 *
 * @example
 * ```ts
 * const label: SkillLevelLabel = 'BEGINNER';
 * ```
 */
export type SkillLevelLabel = keyof typeof SkillLevel;

/**
 * Central nervous system demand of a movement. (docs/data-model.md, "CNSLoad")
 *
 * Storage: String only (no PG type): `movements.cns_load` stores the semantic value.
 *
 * @example
 * ```ts
 * CNSLoad.VERY_LOW; // 'very_low'
 * ENUMS.CNSLoad.is('very_low'); // true (the column stores this value as text)
 * ```
 */
export const CNSLoad = /* @__PURE__ */ Object.freeze({
  VERY_LOW: 'very_low',
  LOW: 'low',
  MODERATE: 'moderate',
  HIGH: 'high',
  VERY_HIGH: 'very_high',
} as const);
/**
 * A semantic value of {@link CNSLoad}.
 *
 * @example
 * ```ts
 * const value: CNSLoad = 'very_low';
 * ```
 */
export type CNSLoad = (typeof CNSLoad)[keyof typeof CNSLoad];
/**
 * A database label (member name) of {@link CNSLoad}.
 *
 * @example
 * ```ts
 * const label: CNSLoadLabel = 'VERY_LOW';
 * ```
 */
export type CNSLoadLabel = keyof typeof CNSLoad;

/**
 * Program goal category. (docs/data-model.md, "Goal")
 *
 * Storage: SQL enum `goal` in `programs.goal_1`, `goal_2`, `goal_3`.
 *
 * @example
 * ```ts
 * Goal.STRENGTH; // 'strength'
 * ENUMS.Goal.toDb(Goal.STRENGTH); // 'STRENGTH'
 * ```
 */
export const Goal = /* @__PURE__ */ Object.freeze({
  STRENGTH: 'strength',
  HYPERTROPHY: 'hypertrophy',
  ENDURANCE: 'endurance',
  FAT_LOSS: 'fat_loss',
  MOBILITY: 'mobility',
  EXPLOSIVENESS: 'explosiveness',
  SPEED: 'speed',
} as const);
/**
 * A semantic value of {@link Goal}.
 *
 * @example
 * ```ts
 * const value: Goal = 'strength';
 * ```
 */
export type Goal = (typeof Goal)[keyof typeof Goal];
/**
 * A database label (member name) of {@link Goal}.
 *
 * @example
 * ```ts
 * const label: GoalLabel = 'STRENGTH';
 * ```
 */
export type GoalLabel = keyof typeof Goal;

/**
 * Program split style (`HYBRID` is user-customisable). (docs/data-model.md, "SplitTemplate")
 *
 * Storage: SQL enum `splittemplate` in `programs.split_template`.
 *
 * @example
 * ```ts
 * SplitTemplate.UPPER_LOWER; // 'upper_lower'
 * ENUMS.SplitTemplate.toDb(SplitTemplate.UPPER_LOWER); // 'UPPER_LOWER'
 * ```
 */
export const SplitTemplate = /* @__PURE__ */ Object.freeze({
  UPPER_LOWER: 'upper_lower',
  PPL: 'ppl',
  FULL_BODY: 'full_body',
  HYBRID: 'hybrid',
} as const);
/**
 * A semantic value of {@link SplitTemplate}.
 *
 * @example
 * ```ts
 * const value: SplitTemplate = 'upper_lower';
 * ```
 */
export type SplitTemplate = (typeof SplitTemplate)[keyof typeof SplitTemplate];
/**
 * A database label (member name) of {@link SplitTemplate}.
 *
 * @example
 * ```ts
 * const label: SplitTemplateLabel = 'UPPER_LOWER';
 * ```
 */
export type SplitTemplateLabel = keyof typeof SplitTemplate;

/**
 * Progression methodology. (docs/data-model.md, "ProgressionStyle")
 *
 * Storage: SQL enum `progressionstyle` in `programs.progression_style`. Databases built by the
 * upstream migrations lack the `WAVE_LOADING` label.
 *
 * @example
 * ```ts
 * ProgressionStyle.SINGLE_PROGRESSION; // 'single_progression'
 * ENUMS.ProgressionStyle.toDb(ProgressionStyle.SINGLE_PROGRESSION); // 'SINGLE_PROGRESSION'
 * ```
 */
export const ProgressionStyle = /* @__PURE__ */ Object.freeze({
  SINGLE_PROGRESSION: 'single_progression',
  DOUBLE_PROGRESSION: 'double_progression',
  PAUSED_VARIATIONS: 'paused_variations',
  BUILD_TO_DROP: 'build_to_drop',
  WAVE_LOADING: 'wave_loading',
} as const);
/**
 * A semantic value of {@link ProgressionStyle}.
 *
 * @example
 * ```ts
 * const value: ProgressionStyle = 'single_progression';
 * ```
 */
export type ProgressionStyle = (typeof ProgressionStyle)[keyof typeof ProgressionStyle];
/**
 * A database label (member name) of {@link ProgressionStyle}.
 *
 * @example
 * ```ts
 * const label: ProgressionStyleLabel = 'SINGLE_PROGRESSION';
 * ```
 */
export type ProgressionStyleLabel = keyof typeof ProgressionStyle;

/**
 * A user's movement preference rule: `HARD_NO` never include, `HARD_YES` at least once per
 * microcycle, `PREFERRED` at least once every 2 weeks. (docs/data-model.md, "MovementRuleType")
 *
 * Storage: SQL enum `movementruletype` in `user_movement_rules.rule_type`.
 *
 * @example
 * ```ts
 * MovementRuleType.HARD_NO; // 'hard_no'
 * ENUMS.MovementRuleType.toDb(MovementRuleType.HARD_NO); // 'HARD_NO'
 * ```
 */
export const MovementRuleType = /* @__PURE__ */ Object.freeze({
  HARD_NO: 'hard_no',
  HARD_YES: 'hard_yes',
  PREFERRED: 'preferred',
} as const);
/**
 * A semantic value of {@link MovementRuleType}.
 *
 * @example
 * ```ts
 * const value: MovementRuleType = 'hard_no';
 * ```
 */
export type MovementRuleType = (typeof MovementRuleType)[keyof typeof MovementRuleType];
/**
 * A database label (member name) of {@link MovementRuleType}.
 *
 * @example
 * ```ts
 * const label: MovementRuleTypeLabel = 'HARD_NO';
 * ```
 */
export type MovementRuleTypeLabel = keyof typeof MovementRuleType;

/**
 * Cadence of a movement rule. (docs/data-model.md, "RuleCadence")
 *
 * Storage: SQL enum `rulecadence` in `user_movement_rules.cadence`.
 *
 * @example
 * ```ts
 * RuleCadence.PER_MICROCYCLE; // 'per_microcycle'
 * ENUMS.RuleCadence.toDb(RuleCadence.PER_MICROCYCLE); // 'PER_MICROCYCLE'
 * ```
 */
export const RuleCadence = /* @__PURE__ */ Object.freeze({
  PER_MICROCYCLE: 'per_microcycle',
  WEEKLY: 'weekly',
  BIWEEKLY: 'biweekly',
} as const);
/**
 * A semantic value of {@link RuleCadence}.
 *
 * @example
 * ```ts
 * const value: RuleCadence = 'per_microcycle';
 * ```
 */
export type RuleCadence = (typeof RuleCadence)[keyof typeof RuleCadence];
/**
 * A database label (member name) of {@link RuleCadence}.
 *
 * @example
 * ```ts
 * const label: RuleCadenceLabel = 'PER_MICROCYCLE';
 * ```
 */
export type RuleCadenceLabel = keyof typeof RuleCadence;

/**
 * Enjoyable non-gym activity. (docs/data-model.md, "EnjoyableActivity")
 *
 * Storage: SQL enum `enjoyableactivity` in `user_enjoyable_activities.activity_type`.
 *
 * @example
 * ```ts
 * EnjoyableActivity.TENNIS; // 'tennis'
 * ENUMS.EnjoyableActivity.toDb(EnjoyableActivity.TENNIS); // 'TENNIS'
 * ```
 */
export const EnjoyableActivity = /* @__PURE__ */ Object.freeze({
  TENNIS: 'tennis',
  BOULDERING: 'bouldering',
  CYCLING: 'cycling',
  SWIMMING: 'swimming',
  HIKING: 'hiking',
  BASKETBALL: 'basketball',
  FOOTBALL: 'football',
  YOGA: 'yoga',
  MARTIAL_ARTS: 'martial_arts',
  DANCE: 'dance',
  OTHER: 'other',
} as const);
/**
 * A semantic value of {@link EnjoyableActivity}.
 *
 * @example
 * ```ts
 * const value: EnjoyableActivity = 'tennis';
 * ```
 */
export type EnjoyableActivity = (typeof EnjoyableActivity)[keyof typeof EnjoyableActivity];
/**
 * A database label (member name) of {@link EnjoyableActivity}.
 *
 * @example
 * ```ts
 * const label: EnjoyableActivityLabel = 'TENNIS';
 * ```
 */
export type EnjoyableActivityLabel = keyof typeof EnjoyableActivity;

/**
 * Type of training session. (docs/data-model.md, "SessionType")
 *
 * Storage: SQL enum `sessiontype` in `sessions.session_type`.
 *
 * @example
 * ```ts
 * SessionType.UPPER; // 'upper'
 * ENUMS.SessionType.toDb(SessionType.UPPER); // 'UPPER'
 * ```
 */
export const SessionType = /* @__PURE__ */ Object.freeze({
  UPPER: 'upper',
  LOWER: 'lower',
  PUSH: 'push',
  PULL: 'pull',
  LEGS: 'legs',
  FULL_BODY: 'full_body',
  CARDIO: 'cardio',
  MOBILITY: 'mobility',
  RECOVERY: 'recovery',
  SKILL: 'skill',
  CUSTOM: 'custom',
} as const);
/**
 * A semantic value of {@link SessionType}.
 *
 * @example
 * ```ts
 * const value: SessionType = 'upper';
 * ```
 */
export type SessionType = (typeof SessionType)[keyof typeof SessionType];
/**
 * A database label (member name) of {@link SessionType}.
 *
 * @example
 * ```ts
 * const label: SessionTypeLabel = 'UPPER';
 * ```
 */
export type SessionTypeLabel = keyof typeof SessionType;

/**
 * Role of an exercise within a session. (docs/data-model.md, "ExerciseRole")
 *
 * Storage: SQL enum `exerciserole` in `session_exercises.role`.
 *
 * @example
 * ```ts
 * ExerciseRole.WARMUP; // 'warmup'
 * ENUMS.ExerciseRole.toDb(ExerciseRole.WARMUP); // 'WARMUP'
 * ```
 */
export const ExerciseRole = /* @__PURE__ */ Object.freeze({
  WARMUP: 'warmup',
  MAIN: 'main',
  ACCESSORY: 'accessory',
  SKILL: 'skill',
  FINISHER: 'finisher',
  COOLDOWN: 'cooldown',
} as const);
/**
 * A semantic value of {@link ExerciseRole}.
 *
 * @example
 * ```ts
 * const value: ExerciseRole = 'warmup';
 * ```
 */
export type ExerciseRole = (typeof ExerciseRole)[keyof typeof ExerciseRole];
/**
 * A database label (member name) of {@link ExerciseRole}.
 *
 * @example
 * ```ts
 * const label: ExerciseRoleLabel = 'WARMUP';
 * ```
 */
export type ExerciseRoleLabel = keyof typeof ExerciseRole;

/**
 * Microcycle lifecycle status. (docs/data-model.md, "MicrocycleStatus")
 *
 * Storage: SQL enum `microcyclestatus` in `microcycles.status`.
 *
 * @example
 * ```ts
 * MicrocycleStatus.PLANNED; // 'planned'
 * ENUMS.MicrocycleStatus.toDb(MicrocycleStatus.PLANNED); // 'PLANNED'
 * ```
 */
export const MicrocycleStatus = /* @__PURE__ */ Object.freeze({
  PLANNED: 'planned',
  ACTIVE: 'active',
  COMPLETE: 'complete',
} as const);
/**
 * A semantic value of {@link MicrocycleStatus}.
 *
 * @example
 * ```ts
 * const value: MicrocycleStatus = 'planned';
 * ```
 */
export type MicrocycleStatus = (typeof MicrocycleStatus)[keyof typeof MicrocycleStatus];
/**
 * A database label (member name) of {@link MicrocycleStatus}.
 *
 * @example
 * ```ts
 * const label: MicrocycleStatusLabel = 'PLANNED';
 * ```
 */
export type MicrocycleStatusLabel = keyof typeof MicrocycleStatus;

/**
 * Estimated one-rep-max formula. (docs/data-model.md, "E1RMFormula")
 *
 * Storage: SQL enum `e1rmformula` in `user_settings.active_e1rm_formula` and
 * `top_set_logs.e1rm_formula`.
 *
 * @example
 * ```ts
 * E1RMFormula.EPLEY; // 'epley'
 * ENUMS.E1RMFormula.toDb(E1RMFormula.EPLEY); // 'EPLEY'
 * ```
 */
export const E1RMFormula = /* @__PURE__ */ Object.freeze({
  EPLEY: 'epley',
  BRZYCKI: 'brzycki',
  LOMBARDI: 'lombardi',
  OCONNER: 'oconner',
} as const);
/**
 * A semantic value of {@link E1RMFormula}.
 *
 * @example
 * ```ts
 * const value: E1RMFormula = 'epley';
 * ```
 */
export type E1RMFormula = (typeof E1RMFormula)[keyof typeof E1RMFormula];
/**
 * A database label (member name) of {@link E1RMFormula}.
 *
 * @example
 * ```ts
 * const label: E1RMFormulaLabel = 'EPLEY';
 * ```
 */
export type E1RMFormulaLabel = keyof typeof E1RMFormula;

/**
 * Source of recovery data. Two semantic values contain a space (`'aura ring'`, `'whoop band'`).
 * (docs/data-model.md, "RecoverySource")
 *
 * Storage: SQL enum `recoverysource` in `recovery_signals.source`.
 *
 * @example
 * ```ts
 * RecoverySource.DUMMY; // 'dummy'
 * ENUMS.RecoverySource.toDb(RecoverySource.DUMMY); // 'DUMMY'
 * ```
 */
export const RecoverySource = /* @__PURE__ */ Object.freeze({
  DUMMY: 'dummy',
  MANUAL: 'manual',
  GARMIN: 'garmin',
  APPLE: 'apple',
  AURA_RING: 'aura ring',
  WHOOP_BAND: 'whoop band',
} as const);
/**
 * A semantic value of {@link RecoverySource}.
 *
 * @example
 * ```ts
 * const value: RecoverySource = 'dummy';
 * ```
 */
export type RecoverySource = (typeof RecoverySource)[keyof typeof RecoverySource];
/**
 * A database label (member name) of {@link RecoverySource}.
 *
 * @example
 * ```ts
 * const label: RecoverySourceLabel = 'DUMMY';
 * ```
 */
export type RecoverySourceLabel = keyof typeof RecoverySource;

/**
 * Coach persona tone. (docs/data-model.md, "PersonaTone")
 *
 * Storage: SQL enum `personatone` in `users.persona_tone` and `programs.persona_tone`.
 *
 * @example
 * ```ts
 * PersonaTone.DRILL_SERGEANT; // 'drill_sergeant'
 * ENUMS.PersonaTone.toDb(PersonaTone.DRILL_SERGEANT); // 'DRILL_SERGEANT'
 * ```
 */
export const PersonaTone = /* @__PURE__ */ Object.freeze({
  DRILL_SERGEANT: 'drill_sergeant',
  SUPPORTIVE: 'supportive',
  ANALYTICAL: 'analytical',
  MOTIVATIONAL: 'motivational',
  MINIMALIST: 'minimalist',
} as const);
/**
 * A semantic value of {@link PersonaTone}.
 *
 * @example
 * ```ts
 * const value: PersonaTone = 'drill_sergeant';
 * ```
 */
export type PersonaTone = (typeof PersonaTone)[keyof typeof PersonaTone];
/**
 * A database label (member name) of {@link PersonaTone}.
 *
 * @example
 * ```ts
 * const label: PersonaToneLabel = 'DRILL_SERGEANT';
 * ```
 */
export type PersonaToneLabel = keyof typeof PersonaTone;

/**
 * Relationship between two movements. (docs/data-model.md, "RelationshipType")
 *
 * Storage: String only (no PG type): `movement_relationships.relationship_type` stores the
 * semantic value.
 *
 * @example
 * ```ts
 * RelationshipType.PROGRESSION; // 'progression'
 * ENUMS.RelationshipType.is('progression'); // true (the column stores this value as text)
 * ```
 */
export const RelationshipType = /* @__PURE__ */ Object.freeze({
  PROGRESSION: 'progression',
  REGRESSION: 'regression',
  VARIATION: 'variation',
  ANTAGONIST: 'antagonist',
  PREP: 'prep',
} as const);
/**
 * A semantic value of {@link RelationshipType}.
 *
 * @example
 * ```ts
 * const value: RelationshipType = 'progression';
 * ```
 */
export type RelationshipType = (typeof RelationshipType)[keyof typeof RelationshipType];
/**
 * A database label (member name) of {@link RelationshipType}.
 *
 * @example
 * ```ts
 * const label: RelationshipTypeLabel = 'PROGRESSION';
 * ```
 */
export type RelationshipTypeLabel = keyof typeof RelationshipType;

/**
 * Circuit structure type. (docs/data-model.md, "CircuitType")
 *
 * Storage: SQL enum `circuittype` in `circuit_templates.circuit_type`.
 *
 * @example
 * ```ts
 * CircuitType.ROUNDS_FOR_TIME; // 'rounds_for_time'
 * ENUMS.CircuitType.toDb(CircuitType.ROUNDS_FOR_TIME); // 'ROUNDS_FOR_TIME'
 * ```
 */
export const CircuitType = /* @__PURE__ */ Object.freeze({
  ROUNDS_FOR_TIME: 'rounds_for_time',
  AMRAP: 'amrap',
  EMOM: 'emom',
  LADDER: 'ladder',
  TABATA: 'tabata',
  CHIPPER: 'chipper',
  STATION: 'station',
} as const);
/**
 * A semantic value of {@link CircuitType}.
 *
 * @example
 * ```ts
 * const value: CircuitType = 'rounds_for_time';
 * ```
 */
export type CircuitType = (typeof CircuitType)[keyof typeof CircuitType];
/**
 * A database label (member name) of {@link CircuitType}.
 *
 * @example
 * ```ts
 * const label: CircuitTypeLabel = 'ROUNDS_FOR_TIME';
 * ```
 */
export type CircuitTypeLabel = keyof typeof CircuitType;

/**
 * Stress normalisation bucket. (docs/data-model.md, "StressBucket")
 *
 * Storage: String only (no PG type): used as keys of the `circuit_templates.bucket_stress` JSON
 * object.
 *
 * @example
 * ```ts
 * StressBucket.STRENGTH; // 'strength'
 * ENUMS.StressBucket.is('strength'); // true (the column stores this value as text)
 * ```
 */
export const StressBucket = /* @__PURE__ */ Object.freeze({
  STRENGTH: 'strength',
  CONDITIONING: 'conditioning',
  IMPACT_UPPER: 'impact_upper',
  IMPACT_LOWER: 'impact_lower',
  CNS: 'cns',
} as const);
/**
 * A semantic value of {@link StressBucket}.
 *
 * @example
 * ```ts
 * const value: StressBucket = 'strength';
 * ```
 */
export type StressBucket = (typeof StressBucket)[keyof typeof StressBucket];
/**
 * A database label (member name) of {@link StressBucket}.
 *
 * @example
 * ```ts
 * const label: StressBucketLabel = 'STRENGTH';
 * ```
 */
export type StressBucketLabel = keyof typeof StressBucket;

/**
 * Programming aggressiveness, from 1 (conservative) to 5 (aggressive). The only enum with numeric
 * semantic values. (docs/data-model.md, "PersonaAggression")
 *
 * Storage: SQL enum `personaaggression` in `users.persona_aggression` and
 * `programs.persona_aggression`; the database stores the labels, never the numbers.
 *
 * @example
 * ```ts
 * PersonaAggression.CONSERVATIVE; // 1
 * ENUMS.PersonaAggression.toDb(PersonaAggression.CONSERVATIVE); // 'CONSERVATIVE'
 * ```
 */
export const PersonaAggression = /* @__PURE__ */ Object.freeze({
  CONSERVATIVE: 1,
  MODERATE_CONSERVATIVE: 2,
  BALANCED: 3,
  MODERATE_AGGRESSIVE: 4,
  AGGRESSIVE: 5,
} as const);
/**
 * A semantic value of {@link PersonaAggression}.
 *
 * @example
 * ```ts
 * const value: PersonaAggression = 1;
 * ```
 */
export type PersonaAggression = (typeof PersonaAggression)[keyof typeof PersonaAggression];
/**
 * A database label (member name) of {@link PersonaAggression}.
 *
 * @example
 * ```ts
 * const label: PersonaAggressionLabel = 'CONSERVATIVE';
 * ```
 */
export type PersonaAggressionLabel = keyof typeof PersonaAggression;

/**
 * User experience level. (docs/data-model.md, "ExperienceLevel")
 *
 * Storage: SQL enum `experiencelevel` in `users.experience_level`.
 *
 * @example
 * ```ts
 * ExperienceLevel.BEGINNER; // 'beginner'
 * ENUMS.ExperienceLevel.toDb(ExperienceLevel.BEGINNER); // 'BEGINNER'
 * ```
 */
export const ExperienceLevel = /* @__PURE__ */ Object.freeze({
  BEGINNER: 'beginner',
  INTERMEDIATE: 'intermediate',
  ADVANCED: 'advanced',
  EXPERT: 'expert',
} as const);
/**
 * A semantic value of {@link ExperienceLevel}.
 *
 * @example
 * ```ts
 * const value: ExperienceLevel = 'beginner';
 * ```
 */
export type ExperienceLevel = (typeof ExperienceLevel)[keyof typeof ExperienceLevel];
/**
 * A database label (member name) of {@link ExperienceLevel}.
 *
 * @example
 * ```ts
 * const label: ExperienceLevelLabel = 'BEGINNER';
 * ```
 */
export type ExperienceLevelLabel = keyof typeof ExperienceLevel;

/**
 * Content visibility. (docs/data-model.md, "Visibility")
 *
 * Storage: SQL enum `visibility` in `programs.visibility` and `workout_logs.visibility`.
 *
 * @example
 * ```ts
 * Visibility.PRIVATE; // 'private'
 * ENUMS.Visibility.toDb(Visibility.PRIVATE); // 'PRIVATE'
 * ```
 */
export const Visibility = /* @__PURE__ */ Object.freeze({
  PRIVATE: 'private',
  FRIENDS: 'friends',
  PUBLIC: 'public',
} as const);
/**
 * A semantic value of {@link Visibility}.
 *
 * @example
 * ```ts
 * const value: Visibility = 'private';
 * ```
 */
export type Visibility = (typeof Visibility)[keyof typeof Visibility];
/**
 * A database label (member name) of {@link Visibility}.
 *
 * @example
 * ```ts
 * const label: VisibilityLabel = 'PRIVATE';
 * ```
 */
export type VisibilityLabel = keyof typeof Visibility;
