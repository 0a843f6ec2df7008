import {
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
import { defineEnum } from './enum-codec.js';

/**
 * The codecs of all 24 enums, keyed by enum name, in the order of docs/data-model.md ("Enums").
 *
 * `pgType` is the PostgreSQL enum type name the upstream migrations create for the SQL enums
 * (docs/data-model.md, "Enums"), and `null` for the enums that only ever live in string or JSON
 * columns.
 *
 * @example
 * ```ts
 * ENUMS.MovementRuleType.toDb('hard_no');  // 'HARD_NO' (typed as 'HARD_NO')
 * ENUMS.PersonaAggression.fromDb('BALANCED'); // 3
 * ENUMS.PrimaryRegion.pgType;               // null
 * for (const codec of Object.values(ENUMS)) console.log(codec.name, codec.dbValues);
 * ```
 */
export const ENUMS = /* @__PURE__ */ Object.freeze({
  MovementPattern: /* @__PURE__ */ defineEnum('MovementPattern', 'movementpattern', MovementPattern),
  PrimaryRegion: /* @__PURE__ */ defineEnum('PrimaryRegion', null, PrimaryRegion),
  PrimaryMuscle: /* @__PURE__ */ defineEnum('PrimaryMuscle', null, PrimaryMuscle),
  MetricType: /* @__PURE__ */ defineEnum('MetricType', null, MetricType),
  SkillLevel: /* @__PURE__ */ defineEnum('SkillLevel', null, SkillLevel),
  CNSLoad: /* @__PURE__ */ defineEnum('CNSLoad', null, CNSLoad),
  Goal: /* @__PURE__ */ defineEnum('Goal', 'goal', Goal),
  SplitTemplate: /* @__PURE__ */ defineEnum('SplitTemplate', 'splittemplate', SplitTemplate),
  ProgressionStyle: /* @__PURE__ */ defineEnum('ProgressionStyle', 'progressionstyle', ProgressionStyle),
  MovementRuleType: /* @__PURE__ */ defineEnum('MovementRuleType', 'movementruletype', MovementRuleType),
  RuleCadence: /* @__PURE__ */ defineEnum('RuleCadence', 'rulecadence', RuleCadence),
  EnjoyableActivity: /* @__PURE__ */ defineEnum('EnjoyableActivity', 'enjoyableactivity', EnjoyableActivity),
  SessionType: /* @__PURE__ */ defineEnum('SessionType', 'sessiontype', SessionType),
  ExerciseRole: /* @__PURE__ */ defineEnum('ExerciseRole', 'exerciserole', ExerciseRole),
  MicrocycleStatus: /* @__PURE__ */ defineEnum('MicrocycleStatus', 'microcyclestatus', MicrocycleStatus),
  E1RMFormula: /* @__PURE__ */ defineEnum('E1RMFormula', 'e1rmformula', E1RMFormula),
  RecoverySource: /* @__PURE__ */ defineEnum('RecoverySource', 'recoverysource', RecoverySource),
  PersonaTone: /* @__PURE__ */ defineEnum('PersonaTone', 'personatone', PersonaTone),
  RelationshipType: /* @__PURE__ */ defineEnum('RelationshipType', null, RelationshipType),
  CircuitType: /* @__PURE__ */ defineEnum('CircuitType', 'circuittype', CircuitType),
  StressBucket: /* @__PURE__ */ defineEnum('StressBucket', null, StressBucket),
  PersonaAggression: /* @__PURE__ */ defineEnum('PersonaAggression', 'personaaggression', PersonaAggression),
  ExperienceLevel: /* @__PURE__ */ defineEnum('ExperienceLevel', 'experiencelevel', ExperienceLevel),
  Visibility: /* @__PURE__ */ defineEnum('Visibility', 'visibility', Visibility),
} as const);

/**
 * The name of one of the 24 enums, as docs/data-model.md ("Enums") spells it.
 *
 * @example
 * ```ts
 * const name: EnumName = 'MovementRuleType';
 * ENUMS[name].values; // ['hard_no', 'hard_yes', 'preferred']
 * ```
 */
export type EnumName = keyof typeof ENUMS;

/**
 * The semantic value type of the enum named `N`.
 *
 * @example
 * ```ts
 * const aggression: EnumValue<'PersonaAggression'> = 3;
 * ```
 */
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N]['values'][number];

/**
 * The database label type of the enum named `N`.
 *
 * @example
 * ```ts
 * const label: EnumLabel<'PersonaAggression'> = 'BALANCED';
 * ```
 */
export type EnumLabel<N extends EnumName> = (typeof ENUMS)[N]['dbValues'][number];

/**
 * Whether `name` is one of the 24 enum names. Useful when the name comes from config or a CLI flag.
 *
 * @example
 * ```ts
 * if (isEnumName(flag)) console.log(ENUMS[flag].dbValues);
 * ```
 */
export function isEnumName(name: unknown): name is EnumName {
  return typeof name === 'string' && Object.hasOwn(ENUMS, name);
}
