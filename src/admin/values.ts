// Classifying and normalising categorical values found in (or headed for) the database. Pure.
import { CircuitType, type AnyEnumCodec } from '../enums/index.js';

/**
 * How a stored value relates to the enum its column is meant to hold:
 * - `ok`: one of the enum's values;
 * - `wrong_case`: a value in the wrong case (`'Squat'`, `'HORIZONTAL_PUSH'`);
 * - `spacing`: a value with spaces, underscores or hyphens swapped (`'horizontal push'`,
 *   `'full_body'` where PrimaryRegion has `'full body'`), whatever the case;
 * - `unknown`: anything else.
 *
 * @example
 * ```ts
 * const status: ValueStatus = classifyEnumValue(ENUMS.MovementPattern, 'Squat').status; // 'wrong_case'
 * ```
 */
export type ValueStatus = 'ok' | 'wrong_case' | 'spacing' | 'unknown';

/**
 * The verdict on one value: its status and, unless `ok` or `unknown`, the enum value it was meant to be.
 *
 * @example
 * ```ts
 * const c: ValueClassification = { status: 'spacing', suggestion: 'horizontal_push' };
 * ```
 */
export interface ValueClassification {
  status: ValueStatus;
  suggestion?: string;
}

/** Lower case, trimmed, spaces / underscores / hyphens collapsed to one space. */
function looseKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * Classifies a value against an enum's semantic values (what string and JSON columns hold) or, with
 * `against: 'labels'`, against its database labels (what SQL enum columns hold).
 *
 * @example
 * ```ts
 * classifyEnumValue(ENUMS.MovementPattern, 'squat');           // { status: 'ok' }
 * classifyEnumValue(ENUMS.MovementPattern, 'Squat');           // { status: 'wrong_case', suggestion: 'squat' }
 * classifyEnumValue(ENUMS.MovementPattern, 'horizontal push'); // { status: 'spacing', suggestion: 'horizontal_push' }
 * classifyEnumValue(ENUMS.PrimaryRegion, 'full_body');         // { status: 'spacing', suggestion: 'full body' }
 * classifyEnumValue(ENUMS.MovementPattern, 'jumping');         // { status: 'unknown' }
 * ```
 */
export function classifyEnumValue(codec: AnyEnumCodec, value: string, against: 'values' | 'labels' = 'values'): ValueClassification {
  const allowed = (against === 'labels' ? codec.dbValues : codec.values).map(String);
  if (allowed.includes(value)) return { status: 'ok' };
  const lower = value.toLowerCase();
  const sameCase = allowed.find((v) => v.toLowerCase() === lower);
  if (sameCase !== undefined) return { status: 'wrong_case', suggestion: sameCase };
  const key = looseKey(value);
  const loose = allowed.find((v) => looseKey(v) === key);
  if (loose !== undefined) return { status: 'spacing', suggestion: loose };
  return { status: 'unknown' };
}

/**
 * The enum value a sloppy spelling was meant to be (`'Squat'` -> `'squat'`), or the input unchanged
 * when it is already valid or cannot be matched (validation then reports it).
 *
 * @example
 * ```ts
 * normaliseEnumValue(ENUMS.PrimaryRegion, 'Anterior_Lower'); // 'anterior lower'
 * normaliseEnumValue(ENUMS.PrimaryRegion, 'elbow');          // 'elbow'
 * ```
 */
export function normaliseEnumValue(codec: AnyEnumCodec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const { suggestion } = classifyEnumValue(codec, value);
  return suggestion ?? value;
}

/**
 * Normalises a tag list: strings trimmed and lower-cased, empty ones and repeats dropped, order
 * kept. Anything that is not an array of strings is returned unchanged for validation to report.
 *
 * @example
 * ```ts
 * normaliseTags([' Barbell', 'barbell', 'RACK', '']); // ['barbell', 'rack']
 * ```
 */
export function normaliseTags(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) return value;
  const out: string[] = [];
  for (const tag of value as string[]) {
    const t = tag.trim().toLowerCase();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

const CIRCUIT_TYPE_ALIASES: Readonly<Record<string, CircuitType>> = {
  for_time: CircuitType.ROUNDS_FOR_TIME,
  rounds_for_time: CircuitType.ROUNDS_FOR_TIME,
  rft: CircuitType.ROUNDS_FOR_TIME,
  amrap: CircuitType.AMRAP,
  as_many_rounds_as_possible: CircuitType.AMRAP,
  as_many_reps_as_possible: CircuitType.AMRAP,
  emom: CircuitType.EMOM,
  every_minute_on_the_minute: CircuitType.EMOM,
  ladder: CircuitType.LADDER,
  tabata: CircuitType.TABATA,
  chipper: CircuitType.CHIPPER,
  station: CircuitType.STATION,
  stations: CircuitType.STATION,
};

/**
 * Maps free-text circuit types, as scraped workouts spell them, to a CircuitType value:
 * `'For Time'` and `'Rounds For Time'` -> `rounds_for_time`, `'EMOM'` -> `emom`, `'AMRAP'` ->
 * `amrap`, `'ladder'` -> `ladder`, and the values and labels themselves. `undefined` when the text
 * is not a circuit type the library knows.
 *
 * @example
 * ```ts
 * circuitTypeFromText('Rounds For Time'); // 'rounds_for_time'
 * circuitTypeFromText('EMOM');            // 'emom'
 * circuitTypeFromText('strength');        // undefined
 * ```
 */
export function circuitTypeFromText(text: unknown): CircuitType | undefined {
  if (typeof text !== 'string') return undefined;
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return CIRCUIT_TYPE_ALIASES[key];
}
