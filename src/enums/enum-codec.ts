import { describeValue, InvalidEnumValueError, type EnumDirection } from './errors.js';
import { GainslyError } from './gainsly-error.js';

/**
 * The shape every enum definition has: UPPERCASE member names (the database labels) mapped to
 * semantic values (lowercase strings, or integers for PersonaAggression).
 *
 * @example
 * ```ts
 * const rules = { HARD_NO: 'hard_no', HARD_YES: 'hard_yes' } as const satisfies EnumMembers;
 * ```
 */
export type EnumMembers = { readonly [label: string]: string | number };

/**
 * The label(s) whose semantic value is `T` in the member map `M`. Distributes over unions, so a
 * union of values maps to the union of their labels.
 *
 * @example
 * ```ts
 * type L = LabelOf<typeof MovementRuleType, 'hard_no'>; // 'HARD_NO'
 * ```
 */
export type LabelOf<M, T> = { [K in keyof M]: T extends M[K] ? K : never }[keyof M];

/**
 * A two-way map between one enum's database labels and its semantic values.
 *
 * - `V`: the semantic values (what application code, prompts and entities use).
 * - `L`: the database labels (the UPPERCASE member names stored in SQL enum columns).
 * - `M`: the member map itself; it makes `toDb('hard_no')` typed as `'HARD_NO'`, not just `L`.
 *
 * For the seven string-only enums (`pgType === null`) the database has no enum type: their columns
 * store the **semantic** value as plain text, so write `value` there, not `toDb(value)`. `toDb`/`fromDb`
 * still exist on them so that every codec has the same shape.
 *
 * @example
 * ```ts
 * const codec = ENUMS.MovementRuleType;
 * codec.toDb('hard_no');   // 'HARD_NO'
 * codec.fromDb('HARD_NO'); // 'hard_no'
 * codec.is('HARD_NO');     // false: labels are not semantic values
 * codec.parse(req.body.ruleType); // 'hard_no' | 'hard_yes' | 'preferred', or throws
 * ```
 */
export interface EnumCodec<
  V extends string | number,
  L extends string,
  M extends { readonly [K in L]: V } = { readonly [K in L]: V },
> {
  /** The enum's name as docs/data-model.md ("Enums") spells it, e.g. `'MovementRuleType'`. */
  readonly name: string;
  /** The PostgreSQL enum type name (e.g. `'movementruletype'`), or `null` for string-only enums. */
  readonly pgType: string | null;
  /** Semantic values in declaration order. */
  readonly values: readonly V[];
  /** Database labels (member names) in declaration order, index-aligned with `values`. */
  readonly dbValues: readonly L[];
  /** Frozen label → semantic value record. */
  readonly dbToSemantic: Readonly<M>;
  /** Frozen semantic value → label record. Numeric values are string keys here, as in any object. */
  readonly semanticToDb: { readonly [T in V]: LabelOf<M, T> & L };
  /** Semantic value → database label; throws {@link InvalidEnumValueError} for anything else. */
  toDb<T extends V>(value: T): LabelOf<M, T> & L;
  /** Database label → semantic value; throws {@link InvalidEnumValueError} for anything else. */
  fromDb<K extends L>(label: K): M[K];
  /** Whether `x` is one of the semantic values (strict: `'3'` is not `3`). Never throws. */
  is(x: unknown): x is V;
  /** Returns `x` if it is a semantic value, else throws {@link InvalidEnumValueError}. */
  parse(x: unknown): V;
}

/**
 * Any enum codec, whatever its values; use it for code that handles enums generically.
 *
 * @example
 * ```ts
 * function labelsOf(codec: AnyEnumCodec): readonly string[] {
 *   return codec.dbValues;
 * }
 * ```
 */
// `any` for M because a concrete member map is not assignable to the default mapped type under
// method-parameter variance; V and L stay checked.
export type AnyEnumCodec = EnumCodec<string | number, string, any>;

/**
 * Builds a frozen {@link EnumCodec} from a member map. Validates the map once, up front, so that a
 * typo in a definition (duplicate value, mixed string/number values) fails at import time, not on
 * the first unlucky row.
 *
 * @param name - the enum's name as docs/data-model.md ("Enums") spells it
 * @param pgType - the PostgreSQL enum type name, or `null` when the columns are plain strings
 * @param members - `{ LABEL: semanticValue, ... }`, usually an exported `as const` object
 *
 * @example
 * ```ts
 * const Visibility = { PRIVATE: 'private', FRIENDS: 'friends', PUBLIC: 'public' } as const;
 * const codec = defineEnum('Visibility', 'visibility', Visibility);
 * codec.toDb('public'); // 'PUBLIC'
 * ```
 */
export function defineEnum<const M extends EnumMembers>(
  name: string,
  pgType: string | null,
  members: M,
): EnumCodec<M[keyof M & string], keyof M & string, M> {
  type V = M[keyof M & string];
  type L = keyof M & string;

  if (typeof name !== 'string' || name.length === 0) {
    throw new GainslyError('defineEnum: name must be a non-empty string');
  }
  if (pgType !== null && (typeof pgType !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(pgType))) {
    throw new GainslyError(`defineEnum(${name}): pgType must be null or a lowercase PostgreSQL identifier`);
  }

  const labels = Object.keys(members) as L[];
  if (labels.length === 0) {
    throw new GainslyError(`defineEnum(${name}): an enum needs at least one member`);
  }
  const values = labels.map((label) => members[label] as V);
  const valueType = typeof values[0];

  // A Map, not an object, for value lookups: object keys are strings, so a record would resolve the
  // string '3' to PersonaAggression's 3. Map keys compare by identity and have no prototype chain.
  const labelByValue = new Map<unknown, L>();
  for (const label of labels) {
    const value = members[label];
    if (label.length === 0) {
      throw new GainslyError(`defineEnum(${name}): member names must be non-empty`);
    }
    if (typeof value !== valueType || (typeof value !== 'string' && typeof value !== 'number')) {
      throw new GainslyError(`defineEnum(${name}): all values must be strings, or all numbers`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new GainslyError(`defineEnum(${name}): numeric values must be finite`);
    }
    if (labelByValue.has(value)) {
      throw new GainslyError(`defineEnum(${name}): duplicate value ${describeValue(value)}`);
    }
    labelByValue.set(value, label);
  }

  const dbToSemantic = Object.freeze(
    Object.fromEntries(labels.map((label, i) => [label, values[i]])),
  ) as Readonly<M>;
  const semanticToDb = Object.freeze(
    Object.fromEntries(labels.map((label, i) => [values[i], label])),
  ) as { readonly [T in V]: LabelOf<M, T> & L };
  const frozenValues = Object.freeze(values);
  const frozenLabels = Object.freeze(labels);

  // Object.hasOwn, not `in` or a plain index: '__proto__', 'toString' and 'constructor' are
  // reachable on every object and must be rejected, not resolved.
  const isLabel = (x: unknown): x is L => typeof x === 'string' && Object.hasOwn(dbToSemantic, x);
  const is = (x: unknown): x is V => labelByValue.has(x);

  const fail = (x: unknown, direction: EnumDirection): never => {
    const accepted = direction === 'fromDb' ? frozenLabels : frozenValues;
    throw new InvalidEnumValueError(name, x, accepted, direction, hintFor(x, direction));
  };

  // The common mistakes are crossing directions and case or type slips; say which one it was.
  const hintFor = (x: unknown, direction: EnumDirection): string | undefined => {
    if (direction === 'fromDb') {
      if (is(x)) {
        return `got a semantic value, whose label is "${labelByValue.get(x)}" (use toDb for values)`;
      }
      return didYouMean(x, frozenLabels);
    }
    if (isLabel(x)) {
      return `got a database label, whose semantic value is ${describeValue(dbToSemantic[x])} (use fromDb for labels)`;
    }
    return didYouMean(x, frozenValues);
  };

  const codec: EnumCodec<V, L, M> = {
    name,
    pgType,
    values: frozenValues,
    dbValues: frozenLabels,
    dbToSemantic,
    semanticToDb,
    toDb<T extends V>(value: T): LabelOf<M, T> & L {
      const label = labelByValue.get(value);
      return label === undefined ? fail(value, 'toDb') : (label as LabelOf<M, T> & L);
    },
    fromDb<K extends L>(label: K): M[K] {
      return isLabel(label) ? (dbToSemantic[label] as M[K]) : fail(label, 'fromDb');
    },
    is,
    parse(x: unknown): V {
      return is(x) ? x : fail(x, 'parse');
    },
  };
  return Object.freeze(codec);
}

/**
 * A "did you mean" clause when `x` differs from one candidate only in case, surrounding blanks, or
 * spaces and hyphens for underscores (`'Horizontal push'` for `'horizontal_push'`); else `undefined`.
 *
 * @internal
 * @example
 * ```ts
 * didYouMean('Hard No', ['hard_no', 'hard_yes']); // 'did you mean "hard_no"?'
 * ```
 */
export function didYouMean(x: unknown, candidates: readonly (string | number)[]): string | undefined {
  if (typeof x !== 'string' && typeof x !== 'number') return undefined;
  const wanted = normalise(String(x));
  const match = candidates.find((candidate) => normalise(String(candidate)) === wanted);
  return match === undefined ? undefined : `did you mean ${describeValue(match)}?`;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
