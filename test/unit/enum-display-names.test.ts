// Display names of enum values (`@gainsly/db/enums`): every value of every enum has one, the chosen
// exceptions hold, unknown values are typed errors, and open categorical values follow the rule.
import { describe, expect, it } from 'vitest';
import {
  CircuitType,
  E1RMFormula,
  ENUMS,
  ExerciseRole,
  GainslyError,
  InvalidEnumValueError,
  MovementPattern,
  PersonaAggression,
  PrimaryMuscle,
  PrimaryRegion,
  RecoverySource,
  SplitTemplate,
  StressBucket,
  Visibility,
  categoricalDisplayName,
  defineEnum,
  enumDisplayName,
  enumOptions,
  type AnyEnumCodec,
} from '../../src/enums/index.js';
import * as api from '../../src/enums/index.js';

// Every enum through the registry (not a hard-coded list), once as its codec and once as its constant.
const codecs: AnyEnumCodec[] = Object.values(ENUMS);
const constantOf = (codec: AnyEnumCodec) => (api as unknown as Record<string, Record<string, string | number>>)[codec.name]!;

describe('every value of every enum has a display name', () => {
  it('covers all 24 enums', () => {
    expect(codecs).toHaveLength(24);
  });

  it.each(codecs.map((codec) => [codec.name, codec] as const))('%s: non-empty, capitalised, no underscore, unique', (_name, codec) => {
    const names = codec.values.map((value) => enumDisplayName(codec, value));
    for (const name of names) {
      expect(name).toMatch(/^[A-Z]/);
      expect(name).not.toContain('_');
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/\s{2}/);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(codecs.map((codec) => [codec.name, codec] as const))('%s: the constant, the codec and enumOptions agree', (_name, codec) => {
    const constant = constantOf(codec);
    const options = enumOptions(codec);
    expect(options.map((o) => o.value)).toEqual(codec.values);
    expect(enumOptions(constant)).toEqual(options);
    for (const { value, displayName } of options) {
      expect(enumDisplayName(codec, value)).toBe(displayName);
      expect(enumDisplayName(constant, value)).toBe(displayName);
    }
  });
});

describe('the names chosen (written by hand)', () => {
  it('follows the rule: underscores and spaces to one space, sentence case', () => {
    expect(enumDisplayName(MovementPattern, 'horizontal_push')).toBe('Horizontal push');
    expect(enumDisplayName(MovementPattern, 'squat')).toBe('Squat');
    expect(enumDisplayName(PrimaryMuscle, 'upper_back')).toBe('Upper back');
    expect(enumDisplayName(PrimaryRegion, 'anterior lower')).toBe('Anterior lower');
    expect(enumDisplayName(RecoverySource, 'whoop band')).toBe('Whoop band');
    expect(enumDisplayName(E1RMFormula, 'epley')).toBe('Epley');
    expect(enumDisplayName(E1RMFormula, 'brzycki')).toBe('Brzycki');
    expect(enumDisplayName(Visibility, 'friends')).toBe('Friends');
  });

  it('writes abbreviations in capitals', () => {
    expect(enumDisplayName(CircuitType, 'amrap')).toBe('AMRAP');
    expect(enumDisplayName(CircuitType, 'emom')).toBe('EMOM');
    expect(enumDisplayName(StressBucket, 'cns')).toBe('CNS');
    expect(enumDisplayName(CircuitType, 'rounds_for_time')).toBe('Rounds for time');
  });

  it('uses the explicit exceptions', () => {
    expect(enumDisplayName(SplitTemplate, 'ppl')).toBe('Push/pull/legs');
    expect(enumDisplayName(SplitTemplate, 'upper_lower')).toBe('Upper/lower');
    expect(enumDisplayName(E1RMFormula, 'oconner')).toBe("O'Conner");
    expect(enumDisplayName(ExerciseRole, 'warmup')).toBe('Warm-up');
    expect(enumDisplayName(ExerciseRole, 'cooldown')).toBe('Cool-down');
    expect(enumDisplayName(StressBucket, 'impact_upper')).toBe('Upper-body impact');
    expect(enumDisplayName(StressBucket, 'impact_lower')).toBe('Lower-body impact');
  });

  it('names PersonaAggression (integers) after its labels', () => {
    expect(enumOptions(PersonaAggression)).toEqual([
      { value: 1, displayName: 'Conservative' },
      { value: 2, displayName: 'Moderately conservative' },
      { value: 3, displayName: 'Balanced' },
      { value: 4, displayName: 'Moderately aggressive' },
      { value: 5, displayName: 'Aggressive' },
    ]);
  });
});

describe('enumOptions', () => {
  it('lists value and display name in declaration order', () => {
    expect(enumOptions(Visibility)).toEqual([
      { value: 'private', displayName: 'Private' },
      { value: 'friends', displayName: 'Friends' },
      { value: 'public', displayName: 'Public' },
    ]);
  });

  it('returns the same frozen array on every call', () => {
    const options = enumOptions(MovementPattern);
    expect(enumOptions(MovementPattern)).toBe(options);
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(options[0])).toBe(true);
  });

  it('works for an enum made with defineEnum (the rule, no exceptions)', () => {
    const codec = defineEnum('Mood', null, { FAIRLY_GOOD: 'fairly_good', RPE_HIGH: 'rpe high' });
    expect(enumOptions(codec)).toEqual([
      { value: 'fairly_good', displayName: 'Fairly good' },
      { value: 'rpe high', displayName: 'RPE high' },
    ]);
  });
});

describe('values outside the enum are typed errors, never undefined', () => {
  const rejection = (fn: () => unknown): InvalidEnumValueError => {
    try {
      fn();
    } catch (error) {
      return error as InvalidEnumValueError;
    }
    throw new Error('expected a throw');
  };

  it('an unknown value is an InvalidEnumValueError (a GainslyError) naming the enum and what is allowed', () => {
    const error = rejection(() => enumDisplayName(MovementPattern, 'sideways' as never));
    expect(error).toBeInstanceOf(InvalidEnumValueError);
    expect(error).toBeInstanceOf(GainslyError);
    expect(error.code).toBe('GAINSLY_INVALID_ENUM_VALUE');
    expect(error.enumName).toBe('MovementPattern');
    expect(error.value).toBe('sideways');
    expect(error.direction).toBe('displayName');
    expect(error.allowed).toEqual(ENUMS.MovementPattern.values);
    expect(error.message).toContain('displayName expects a semantic value');
  });

  it('hints when it got a database label or a display name', () => {
    expect(rejection(() => enumDisplayName(MovementPattern, 'HORIZONTAL_PUSH' as never)).message).toContain(
      'got a database label, whose semantic value is "horizontal_push"',
    );
    expect(rejection(() => enumDisplayName(SplitTemplate, 'Push/pull/legs' as never)).message).toContain('got a display name, whose value is "ppl"');
    expect(rejection(() => enumDisplayName(ENUMS.Visibility, 'Public ' as never)).message).toContain('did you mean "public"?');
  });

  it('is strict about types and prototype names', () => {
    expect(rejection(() => enumDisplayName(PersonaAggression, '3' as never)).enumName).toBe('PersonaAggression');
    expect(() => enumDisplayName(Visibility, 'toString' as never)).toThrow(InvalidEnumValueError);
    expect(() => enumDisplayName(Visibility, '__proto__' as never)).toThrow(InvalidEnumValueError);
    expect(() => enumDisplayName(Visibility, undefined as never)).toThrow(InvalidEnumValueError);
  });

  it('an object that is not one of the enums is a GainslyError', () => {
    expect(() => enumDisplayName({ A: 'a' }, 'a')).toThrow(GainslyError);
    expect(() => enumDisplayName({ ...Visibility }, 'public')).toThrow(/one of the 24 enum constants/);
    expect(() => enumOptions(null as never)).toThrow(GainslyError);
    expect(() => enumOptions('MovementPattern' as never)).toThrow(GainslyError);
  });
});

describe('categoricalDisplayName (open categorical values)', () => {
  it('applies the rule and keeps other letters as they are', () => {
    expect(categoricalDisplayName('right_shoulder')).toBe('Right shoulder');
    expect(categoricalDisplayName('lower_back')).toBe('Lower back');
    expect(categoricalDisplayName('too_much_cardio')).toBe('Too much cardio');
    expect(categoricalDisplayName('rpe_too_high')).toBe('RPE too high');
    expect(categoricalDisplayName('low hrv')).toBe('Low HRV');
    expect(categoricalDisplayName('e1rm_drop')).toBe('E1RM drop');
    expect(categoricalDisplayName('All')).toBe('All');
    expect(categoricalDisplayName(' quads  ')).toBe('Quads');
    expect(categoricalDisplayName('')).toBe('');
  });

  it('rejects what is not a string', () => {
    expect(() => categoricalDisplayName(42 as never)).toThrow(GainslyError);
  });
});
