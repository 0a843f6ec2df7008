// Display names of enum values, for people: front ends, the CLI and the demo. Its own module so that
// importing one enum constant does not pull these in; nothing at the top level runs code (plain
// literals and function declarations), so a bundler drops the module when none of it is used.
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
import { didYouMean, type AnyEnumCodec, type EnumCodec } from './enum-codec.js';
import { describeValue, InvalidEnumValueError } from './errors.js';
import { GainslyError } from './gainsly-error.js';
import type { EnumName, EnumValue } from './registry.js';

/**
 * What {@link enumDisplayName} and {@link enumOptions} accept: one of the 24 enum constants
 * (`MovementPattern`) or an enum codec (`ENUMS.MovementPattern`, or one made with `defineEnum`).
 * `V` is the enum's semantic value type, so a generic component can take any enum.
 *
 * @example
 * ```ts
 * function EnumSelect<V extends string | number>(props: { enumeration: EnumSource<V>; value: NoInfer<V> }) {
 *   return enumOptions(props.enumeration).map((o) => o.displayName);
 * }
 * EnumSelect({ enumeration: MovementPattern, value: 'squat' });
 * EnumSelect({ enumeration: ENUMS.PersonaAggression, value: 3 });
 * ```
 */
export type EnumSource<V extends string | number> =
  | { readonly [label: string]: V }
  // `any` for the member map, as in AnyEnumCodec: a concrete codec is not assignable otherwise.
  | EnumCodec<V, string, any>;

/**
 * One choice of an enum for a `<select>` or a radio group: the semantic value to store or send, and
 * the display name to show.
 *
 * @example
 * ```ts
 * const option: EnumOption<MovementPattern> = { value: 'horizontal_push', displayName: 'Horizontal push' };
 * ```
 */
export interface EnumOption<V extends string | number> {
  /** The semantic value, as the API and the entities use it (`'horizontal_push'`, `3`). */
  readonly value: V;
  /** What people read (`'Horizontal push'`, `'Balanced'`). */
  readonly displayName: string;
}

/**
 * The display name of one value of an enum, e.g. `'horizontal_push'` → `'Horizontal push'`.
 *
 * Names follow one rule (underscores and spaces become single spaces, the first letter is
 * upper-cased, the abbreviations AMRAP, EMOM, CNS, ... are written in capitals) with a short list of
 * explicit exceptions (`'ppl'` → `'Push/pull/legs'`, `'oconner'` → `"O'Conner"`, `'warmup'` →
 * `'Warm-up'`). PersonaAggression's integer values are named after their labels (`3` → `'Balanced'`).
 * Within an enum, every value has its own name.
 *
 * @param enumeration - the enum constant (`MovementPattern`) or its codec (`ENUMS.MovementPattern`)
 * @param value - a semantic value of that enum (not a database label)
 * @throws {@link InvalidEnumValueError} (`GAINSLY_INVALID_ENUM_VALUE`) when `value` is not one of the
 *   enum's semantic values; {@link GainslyError} when `enumeration` is neither one of the 24 enum
 *   constants nor an enum codec.
 *
 * @example
 * ```ts
 * enumDisplayName(MovementPattern, 'horizontal_push');   // 'Horizontal push'
 * enumDisplayName(SplitTemplate, 'ppl');                 // 'Push/pull/legs'
 * enumDisplayName(ENUMS.PersonaAggression, 3);           // 'Balanced'
 *
 * // An enum chosen at run time (an EnumColumn, a CLI flag): widen the codec to AnyEnumCodec.
 * const codec: AnyEnumCodec = ENUMS[column.enum];
 * enumDisplayName(codec, stored); // throws InvalidEnumValueError if `stored` is not a value
 * ```
 */
export function enumDisplayName<V extends string | number>(enumeration: EnumSource<V>, value: NoInfer<V>): string {
  const resolved = resolve(enumeration);
  const name = resolved.byValue.get(value);
  if (name === undefined) {
    throw new InvalidEnumValueError(resolved.enumName, value, resolved.values, 'displayName', hintFor(resolved, value));
  }
  return name;
}

/**
 * Every value of an enum with its display name, in declaration order: the options of a `<select>`.
 * The array and its entries are frozen, and the same array is returned on every call, so it is safe
 * as a React prop or dependency.
 *
 * @param enumeration - the enum constant (`MovementPattern`) or its codec (`ENUMS.MovementPattern`)
 * @throws {@link GainslyError} when `enumeration` is neither one of the 24 enum constants nor an
 *   enum codec.
 *
 * @example
 * ```tsx
 * enumOptions(Visibility);
 * // [{ value: 'private', displayName: 'Private' }, { value: 'friends', displayName: 'Friends' },
 * //  { value: 'public', displayName: 'Public' }]
 *
 * <select value={pattern} onChange={(e) => setPattern(ENUMS.MovementPattern.parse(e.target.value))}>
 *   {enumOptions(MovementPattern).map((o) => <option key={o.value} value={o.value}>{o.displayName}</option>)}
 * </select>
 * ```
 */
export function enumOptions<V extends string | number>(enumeration: EnumSource<V>): readonly EnumOption<V>[] {
  return resolve(enumeration).options as readonly EnumOption<V>[];
}

/**
 * The display name of a value of an **open** categorical column (no enum bounds it: a soreness body
 * part, a feedback tag, a discipline tag), by the same rule as {@link enumDisplayName} without the
 * per-enum exceptions: underscores and runs of spaces become one space, the first letter is
 * upper-cased, known abbreviations (RPE, HRV, CNS, e1RM, ...) are written in capitals, and any other
 * letter keeps its case. For enum values use {@link enumDisplayName}, which also rejects values
 * outside the enum.
 *
 * @param value - the stored text, e.g. `'right_shoulder'`
 * @returns the display name; an empty or blank string gives `''`
 *
 * @example
 * ```ts
 * categoricalDisplayName('right_shoulder');  // 'Right shoulder'
 * categoricalDisplayName('rpe_too_high');    // 'RPE too high'
 * categoricalDisplayName('All');             // 'All'
 * ```
 */
export function categoricalDisplayName(value: string): string {
  if (typeof value !== 'string') {
    throw new GainslyError(`categoricalDisplayName expects a string, got ${describeValue(value)}`);
  }
  return byRule(value);
}

// ------------------------------------------------------------------------------------------------
// The rule and its exceptions

// Words written in capitals (or their own mixed case) wherever they appear in a name. Keys are the
// lower-case word as stored.
const ABBREVIATIONS: { readonly [word: string]: string } = {
  amrap: 'AMRAP', // as many rounds (reps) as possible: CircuitType
  emom: 'EMOM', // every minute on the minute: CircuitType
  cns: 'CNS', // central nervous system: StressBucket
  e1rm: 'e1RM',
  '1rm': '1RM',
  rpe: 'RPE',
  rir: 'RIR',
  hrv: 'HRV',
  hr: 'HR',
  psi: 'PSI',
};

// Whole-name exceptions, per enum, where the rule gives a wrong or awkward name. Keyed by semantic
// value, so a value that leaves an enum is a type error here.
const EXCEPTIONS: { readonly [N in EnumName]?: { readonly [K in EnumValue<N>]?: string } } = {
  SplitTemplate: { upper_lower: 'Upper/lower', ppl: 'Push/pull/legs' }, // the rule: 'Upper lower', 'Ppl'
  ExerciseRole: { warmup: 'Warm-up', cooldown: 'Cool-down' },
  E1RMFormula: { oconner: "O'Conner" }, // the formula's author; docs/upstream.md spells it so
  StressBucket: { impact_upper: 'Upper-body impact', impact_lower: 'Lower-body impact' }, // the rule: 'Impact upper'
  PersonaAggression: { 2: 'Moderately conservative', 4: 'Moderately aggressive' }, // the rule: 'Moderate conservative'
};

function byRule(text: string): string {
  const words = text
    .trim()
    .split(/[\s_]+/)
    .filter((word) => word.length > 0)
    .map((word) => (Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word]! : word));
  const joined = words.join(' ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

// ------------------------------------------------------------------------------------------------
// Resolving an enum constant or codec, once per enum

interface Resolved {
  readonly enumName: string;
  readonly members: { readonly [label: string]: string | number };
  readonly values: readonly (string | number)[];
  readonly byValue: ReadonlyMap<unknown, string>;
  readonly options: readonly EnumOption<string | number>[];
}

// Built on first use (not at import), so that an unused module costs nothing.
let constantNames: Map<object, EnumName> | undefined;
let resolvedCache: WeakMap<object, Resolved> | undefined;

function nameOfConstant(enumeration: object): EnumName | undefined {
  constantNames ??= new Map<object, EnumName>([
    [MovementPattern, 'MovementPattern'],
    [PrimaryRegion, 'PrimaryRegion'],
    [PrimaryMuscle, 'PrimaryMuscle'],
    [MetricType, 'MetricType'],
    [SkillLevel, 'SkillLevel'],
    [CNSLoad, 'CNSLoad'],
    [Goal, 'Goal'],
    [SplitTemplate, 'SplitTemplate'],
    [ProgressionStyle, 'ProgressionStyle'],
    [MovementRuleType, 'MovementRuleType'],
    [RuleCadence, 'RuleCadence'],
    [EnjoyableActivity, 'EnjoyableActivity'],
    [SessionType, 'SessionType'],
    [ExerciseRole, 'ExerciseRole'],
    [MicrocycleStatus, 'MicrocycleStatus'],
    [E1RMFormula, 'E1RMFormula'],
    [RecoverySource, 'RecoverySource'],
    [PersonaTone, 'PersonaTone'],
    [RelationshipType, 'RelationshipType'],
    [CircuitType, 'CircuitType'],
    [StressBucket, 'StressBucket'],
    [PersonaAggression, 'PersonaAggression'],
    [ExperienceLevel, 'ExperienceLevel'],
    [Visibility, 'Visibility'],
  ]);
  return constantNames.get(enumeration);
}

function isCodec(x: object): x is AnyEnumCodec {
  const candidate = x as Partial<AnyEnumCodec>;
  return typeof candidate.name === 'string' && typeof candidate.toDb === 'function' && typeof candidate.dbToSemantic === 'object';
}

function resolve(enumeration: unknown): Resolved {
  if (typeof enumeration !== 'object' || enumeration === null) {
    throw notAnEnum(enumeration);
  }
  resolvedCache ??= new WeakMap<object, Resolved>();
  const cached = resolvedCache.get(enumeration);
  if (cached) return cached;

  let enumName: string;
  let members: { readonly [label: string]: string | number };
  if (isCodec(enumeration)) {
    enumName = enumeration.name;
    members = enumeration.dbToSemantic;
  } else {
    const name = nameOfConstant(enumeration);
    if (name === undefined) throw notAnEnum(enumeration);
    enumName = name;
    members = enumeration as { readonly [label: string]: string | number };
  }

  const exceptions: { readonly [value: string]: string | undefined } =
    (EXCEPTIONS as { readonly [name: string]: { readonly [value: string]: string } | undefined })[enumName] ?? {};
  const byValue = new Map<unknown, string>();
  const options: EnumOption<string | number>[] = [];
  for (const [label, value] of Object.entries(members)) {
    const exception = Object.hasOwn(exceptions, value) ? exceptions[value] : undefined;
    // Integer values (PersonaAggression) say nothing; their labels do.
    const displayName = exception ?? byRule(typeof value === 'number' ? label.toLowerCase() : value);
    byValue.set(value, displayName);
    options.push(Object.freeze({ value, displayName }));
  }
  const resolved: Resolved = {
    enumName,
    members,
    values: Object.freeze([...byValue.keys()] as (string | number)[]),
    byValue,
    options: Object.freeze(options),
  };
  resolvedCache.set(enumeration, resolved);
  return resolved;
}

function notAnEnum(x: unknown): GainslyError {
  return new GainslyError(
    `Expected one of the 24 enum constants (e.g. MovementPattern) or an enum codec (e.g. ENUMS.MovementPattern), got ${describeValue(x)}`,
  );
}

// The likely mistakes: passing the database label, or a display name back.
function hintFor(resolved: Resolved, value: unknown): string | undefined {
  if (typeof value === 'string' && Object.hasOwn(resolved.members, value)) {
    return `got a database label, whose semantic value is ${describeValue(resolved.members[value])}`;
  }
  for (const [candidate, displayName] of resolved.byValue) {
    if (value === displayName) return `got a display name, whose value is ${describeValue(candidate)}`;
  }
  return didYouMean(value, resolved.values);
}
