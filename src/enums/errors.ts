import { GainslyError, type GainslyErrorCode } from './gainsly-error.js';
// For the {@link enumDisplayName} link only; a type import adds nothing at run time.
import type { enumDisplayName } from './display-names.js';

/**
 * Which conversion rejected a value. It decides what the error message says was expected:
 * `toDb`, `parse` and `displayName` (from {@link enumDisplayName}) want a semantic value, `fromDb`
 * wants a database label.
 *
 * @example
 * ```ts
 * const direction: EnumDirection = 'fromDb';
 * ```
 */
export type EnumDirection = 'toDb' | 'fromDb' | 'parse' | 'displayName';

/**
 * Thrown by an enum codec's `toDb`, `fromDb` and `parse`, and by {@link enumDisplayName}, when a
 * value is not a member of the enum.
 * A {@link GainslyError} with code `GAINSLY_INVALID_ENUM_VALUE`.
 *
 * `allowed` lists what would have been accepted in that direction: semantic values for `toDb`,
 * `parse` and `displayName`, database labels for `fromDb`. The message names the enum, the rejected
 * value and the allowed values, and hints when the value belongs to the other direction (a label
 * passed to `toDb`) or differs only in case or type (`'3'` for `3`), because those are the mistakes
 * people actually make.
 *
 * @example
 * ```ts
 * try {
 *   ENUMS.MovementRuleType.toDb('HARD_NO' as never);
 * } catch (error) {
 *   if (error instanceof InvalidEnumValueError) {
 *     error.enumName; // 'MovementRuleType'
 *     error.value;    // 'HARD_NO'
 *     error.allowed;  // ['hard_no', 'hard_yes', 'preferred']
 *   }
 * }
 * ```
 */
export class InvalidEnumValueError extends GainslyError {
  override readonly name: string = 'InvalidEnumValueError';
  override readonly code: GainslyErrorCode = 'GAINSLY_INVALID_ENUM_VALUE'; // a literal: see GainslyError.code
  /** The enum's name as docs/data-model.md ("Enums") spells it, e.g. `'MovementRuleType'`. */
  readonly enumName: string;
  /** The rejected input, exactly as it was passed (may be `null`, `undefined`, an object, ...). */
  readonly value: unknown;
  /** The values that would have been accepted in this direction, in declaration order. */
  readonly allowed: readonly (string | number)[];
  /** The conversion that rejected the value. */
  readonly direction: EnumDirection;

  /**
   * @param enumName - the enum's name (docs/data-model.md, "Enums")
   * @param value - the rejected input
   * @param allowed - what this direction accepts (labels for `fromDb`, semantic values otherwise)
   * @param direction - the conversion that rejected it
   * @param hint - an optional extra clause for the message, e.g. a "did you mean" suggestion
   *
   * @example
   * ```ts
   * new InvalidEnumValueError('Visibility', 'hidden', ['private', 'friends', 'public'], 'parse');
   * ```
   */
  constructor(
    enumName: string,
    value: unknown,
    allowed: readonly (string | number)[],
    direction: EnumDirection,
    hint?: string,
  ) {
    const expected =
      direction === 'fromDb'
        ? 'fromDb expects a database label (UPPERCASE member name)'
        : `${direction} expects a semantic value`;
    const detail = hint ? `${expected}; ${hint}` : expected;
    super(
      `Invalid value ${describeValue(value)} for enum ${enumName} (${detail}). ` +
        `Allowed values: ${allowed.map(String).join(', ')}`,
    );
    this.enumName = enumName;
    this.value = value;
    this.allowed = Object.freeze([...allowed]);
    this.direction = direction;
  }
}

const MAX_DESCRIBED_LENGTH = 80;

/**
 * Renders any input for an error message. It must never throw: the error is built precisely when the
 * input is unexpected, and objects can have throwing getters, `toJSON` or cycles.
 *
 * @internal
 * @example
 * ```ts
 * describeValue('HARD_NO'); // '"HARD_NO"'
 * describeValue(undefined); // 'undefined'
 * ```
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return truncate(JSON.stringify(value));
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return `${value.toString()}n`;
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return value.toString();
      case 'function':
        return `[function ${value.name || 'anonymous'}]`;
      default: {
        if (value === null) return 'null';
        const json = JSON.stringify(value);
        return json === undefined ? Object.prototype.toString.call(value) : truncate(json);
      }
    }
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[unprintable value]';
    }
  }
}

function truncate(text: string): string {
  return text.length > MAX_DESCRIBED_LENGTH ? `${text.slice(0, MAX_DESCRIBED_LENGTH - 1)}…` : text;
}
