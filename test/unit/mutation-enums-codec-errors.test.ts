// Mutation tests (#24) for the enum codecs: the exact message of an invalid value (the enum, the
// value, what the direction expects, the hint, the allowed values), how values of any type are
// rendered in it, and defineEnum's refusals of a malformed definition.
import { describe, expect, it } from 'vitest';
import { ENUMS, GainslyError, InvalidEnumValueError, defineEnum, isEnumName } from '../../src/enums/index.js';
import { describeValue } from '../../src/enums/errors.js';

function enumError(run: () => unknown): InvalidEnumValueError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnumValueError);
    return error as InvalidEnumValueError;
  }
  throw new Error('expected an InvalidEnumValueError');
}

function definitionError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GainslyError);
    expect((error as GainslyError).code).toBe('GAINSLY_ERROR');
    return (error as Error).message;
  }
  throw new Error('expected a GainslyError');
}

const RULES = 'hard_no, hard_yes, preferred';
const RULE_LABELS = 'HARD_NO, HARD_YES, PREFERRED';

describe('InvalidEnumValueError messages', () => {
  it('tells a label passed to toDb or parse to use fromDb', () => {
    const error = enumError(() => ENUMS.MovementRuleType.toDb('HARD_NO' as never));
    expect(error.message).toBe(
      `Invalid value "HARD_NO" for enum MovementRuleType (toDb expects a semantic value; got a database label, whose semantic value is "hard_no" (use fromDb for labels)). Allowed values: ${RULES}`,
    );
    expect(error.name).toBe('InvalidEnumValueError');
    expect(error.code).toBe('GAINSLY_INVALID_ENUM_VALUE');
    expect(error.enumName).toBe('MovementRuleType');
    expect(error.value).toBe('HARD_NO');
    expect(error.direction).toBe('toDb');
    expect(error.allowed).toEqual(['hard_no', 'hard_yes', 'preferred']);
    expect(enumError(() => ENUMS.MovementRuleType.parse('PREFERRED')).message).toBe(
      `Invalid value "PREFERRED" for enum MovementRuleType (parse expects a semantic value; got a database label, whose semantic value is "preferred" (use fromDb for labels)). Allowed values: ${RULES}`,
    );
  });

  it('tells a semantic value passed to fromDb to use toDb, and lists the labels', () => {
    const error = enumError(() => ENUMS.MovementRuleType.fromDb('hard_no' as never));
    expect(error.message).toBe(
      `Invalid value "hard_no" for enum MovementRuleType (fromDb expects a database label (UPPERCASE member name); got a semantic value, whose label is "HARD_NO" (use toDb for values)). Allowed values: ${RULE_LABELS}`,
    );
    expect(error.direction).toBe('fromDb');
    expect(error.allowed).toEqual(['HARD_NO', 'HARD_YES', 'PREFERRED']);
  });

  it('suggests the member a case, space or dash slip was meant to be', () => {
    expect(enumError(() => ENUMS.MovementRuleType.parse('Hard-No')).message).toBe(
      `Invalid value "Hard-No" for enum MovementRuleType (parse expects a semantic value; did you mean "hard_no"?). Allowed values: ${RULES}`,
    );
    // Runs of blanks and dashes become one underscore; surrounding blanks go.
    expect(enumError(() => ENUMS.MovementRuleType.fromDb(' hard  -yes ' as never)).message).toBe(
      `Invalid value " hard  -yes " for enum MovementRuleType (fromDb expects a database label (UPPERCASE member name); did you mean "HARD_YES"?). Allowed values: ${RULE_LABELS}`,
    );
    // A dotless ı is not an i: no suggestion (upper-casing both sides would have matched 'hinge').
    expect(enumError(() => ENUMS.MovementPattern.parse('HINGE ')).message).toContain('did you mean "hinge"?');
    expect(enumError(() => ENUMS.MovementPattern.parse('hınge')).message).not.toContain('did you mean');
  });

  it('suggests the number a numeric string was meant to be, and the reverse', () => {
    expect(enumError(() => ENUMS.PersonaAggression.parse('3')).message).toBe(
      'Invalid value "3" for enum PersonaAggression (parse expects a semantic value; did you mean 3?). Allowed values: 1, 2, 3, 4, 5',
    );
    expect(enumError(() => ENUMS.PersonaAggression.fromDb(3 as never)).message).toBe(
      'Invalid value 3 for enum PersonaAggression (fromDb expects a database label (UPPERCASE member name); got a semantic value, whose label is "BALANCED" (use toDb for values)). ' +
        'Allowed values: CONSERVATIVE, MODERATE_CONSERVATIVE, BALANCED, MODERATE_AGGRESSIVE, AGGRESSIVE',
    );
    expect(enumError(() => ENUMS.PersonaAggression.toDb('BALANCED' as never)).message).toBe(
      'Invalid value "BALANCED" for enum PersonaAggression (toDb expects a semantic value; got a database label, whose semantic value is 3 (use fromDb for labels)). Allowed values: 1, 2, 3, 4, 5',
    );
  });

  it('adds no hint when nothing resembles the value', () => {
    expect(enumError(() => ENUMS.MovementRuleType.parse('zzz')).message).toBe(
      `Invalid value "zzz" for enum MovementRuleType (parse expects a semantic value). Allowed values: ${RULES}`,
    );
    expect(enumError(() => ENUMS.MovementRuleType.parse(null)).message).toBe(
      `Invalid value null for enum MovementRuleType (parse expects a semantic value). Allowed values: ${RULES}`,
    );
    expect(enumError(() => ENUMS.MovementRuleType.fromDb(['HARD_NO'] as never)).message).toBe(
      `Invalid value ["HARD_NO"] for enum MovementRuleType (fromDb expects a database label (UPPERCASE member name)). Allowed values: ${RULE_LABELS}`,
    );
    // An empty hint is no hint.
    expect(new InvalidEnumValueError('X', 'v', ['a', 1], 'toDb', '').message).toBe('Invalid value "v" for enum X (toDb expects a semantic value). Allowed values: a, 1');
  });

  it('keeps its own frozen copy of the allowed values', () => {
    const allowed = ['a', 'b'];
    const error = new InvalidEnumValueError('X', 'v', allowed, 'parse');
    allowed.push('c');
    expect(error.allowed).toEqual(['a', 'b']);
    expect(Object.isFrozen(error.allowed)).toBe(true);
  });
});

describe('codec lookups', () => {
  it('accepts members both ways and refuses names inherited by every object', () => {
    const codec = ENUMS.MovementRuleType;
    expect(codec.is('hard_no')).toBe(true);
    expect(codec.parse('hard_yes')).toBe('hard_yes');
    expect(codec.toDb('preferred')).toBe('PREFERRED');
    expect(codec.fromDb('HARD_NO')).toBe('hard_no');
    expect(ENUMS.PersonaAggression.is(3)).toBe(true);
    expect(ENUMS.PersonaAggression.is('3')).toBe(false);
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(() => codec.fromDb(name as never)).toThrow(InvalidEnumValueError);
    }
  });
});

describe('a codec defined at run time', () => {
  it('answers is, parse, toDb and fromDb for its own members', () => {
    const codec = defineEnum('Size', 'size', { SMALL: 's', LARGE: 'l' });
    expect(codec.is('s')).toBe(true);
    expect(codec.is('S')).toBe(false);
    expect(codec.parse('l')).toBe('l');
    expect(codec.toDb('s')).toBe('SMALL');
    expect(codec.fromDb('LARGE')).toBe('l');
    expect(codec.values).toEqual(['s', 'l']);
    expect(codec.dbValues).toEqual(['SMALL', 'LARGE']);
  });

  it('suggests a string member for a number that reads the same', () => {
    const codec = defineEnum('Digits', null, { ONE: '1', TWO: '2' });
    expect(enumError(() => codec.parse(1)).message).toBe('Invalid value 1 for enum Digits (parse expects a semantic value; did you mean "1"?). Allowed values: 1, 2');
  });
});

describe('describeValue', () => {
  it('renders primitives as their literals', () => {
    expect(describeValue('a"b')).toBe('"a\\"b"');
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });

  it('names functions, anonymous ones included', () => {
    function lift(): void {}
    expect(describeValue(lift)).toBe('[function lift]');
    expect(describeValue([() => 1][0])).toBe('[function anonymous]');
  });

  it('shows objects as JSON, or their tag when JSON cannot show them', () => {
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue({ toJSON: () => undefined })).toBe('[object Object]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(describeValue(hostile)).toBe('[unprintable value]');
  });

  it('cuts renderings longer than 80 characters to 79 and an ellipsis', () => {
    // 'a' x 78 in quotes is exactly 80 characters: kept whole.
    expect(describeValue('a'.repeat(78))).toBe(`"${'a'.repeat(78)}"`);
    // 'a' x 79 in quotes is 81: the first 79 characters (the quote and 78 a) and '…'.
    expect(describeValue('a'.repeat(79))).toBe(`"${'a'.repeat(78)}…`);
    const long = describeValue({ list: 'b'.repeat(200) });
    expect(long).toBe(`{"list":"${'b'.repeat(70)}…`);
    expect(long).toHaveLength(80);
  });
});

describe('defineEnum refuses malformed definitions', () => {
  it('needs a non-empty name', () => {
    expect(definitionError(() => defineEnum('', null, { A: 'a' }))).toBe('defineEnum: name must be a non-empty string');
    expect(definitionError(() => defineEnum(5 as never, null, { A: 'a' }))).toBe('defineEnum: name must be a non-empty string');
  });

  it('needs a lowercase PostgreSQL identifier or null as pgType', () => {
    const message = 'defineEnum(X): pgType must be null or a lowercase PostgreSQL identifier';
    // An object that prints as an identifier is still not a string.
    for (const pgType of ['Bad', '1abc', 'abc-', 'abc def', '', 5, { toString: () => 'abc' }]) {
      expect(definitionError(() => defineEnum('X', pgType as never, { A: 'a' }))).toBe(message);
    }
    expect(defineEnum('X', '_ok_1', { A: 'a' }).pgType).toBe('_ok_1');
    expect(defineEnum('X', null, { A: 'a' }).pgType).toBeNull();
  });

  it('needs members with non-empty names and distinct, finite values of one type', () => {
    expect(definitionError(() => defineEnum('X', null, {}))).toBe('defineEnum(X): an enum needs at least one member');
    expect(definitionError(() => defineEnum('X', null, { '': 'a' }))).toBe('defineEnum(X): member names must be non-empty');
    expect(definitionError(() => defineEnum('X', null, { A: 'a', B: 1 }))).toBe('defineEnum(X): all values must be strings, or all numbers');
    expect(definitionError(() => defineEnum('X', null, { A: true, B: false } as never))).toBe('defineEnum(X): all values must be strings, or all numbers');
    expect(definitionError(() => defineEnum('X', null, { A: 1, B: Number.POSITIVE_INFINITY }))).toBe('defineEnum(X): numeric values must be finite');
    expect(definitionError(() => defineEnum('X', null, { A: Number.NaN }))).toBe('defineEnum(X): numeric values must be finite');
    expect(definitionError(() => defineEnum('X', null, { A: 'a', B: 'a' }))).toBe('defineEnum(X): duplicate value "a"');
    expect(definitionError(() => defineEnum('X', null, { A: 1, B: 1 }))).toBe('defineEnum(X): duplicate value 1');
  });
});

describe('isEnumName', () => {
  it('takes only the string names of the registry', () => {
    expect(isEnumName('Goal')).toBe(true);
    expect(isEnumName('toString')).toBe(false);
    // An object that converts to a name is not a name.
    expect(isEnumName({ toString: () => 'Goal' })).toBe(false);
  });
});
