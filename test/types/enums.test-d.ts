// Type-level tests of `@gainsly/db/enums`: value and label types, and the codecs' mapping between them.
import { describe, expectTypeOf, test } from 'vitest';
import {
  ENUMS,
  InvalidEnumValueError,
  MovementRuleType,
  PersonaAggression,
  E1RMFormula,
  MovementPattern,
  isEnumName,
  enumDisplayName,
  enumOptions,
  type AnyEnumCodec,
  type EnumOption,
  type EnumSource,
  type EnumCodec,
  type EnumLabel,
  type EnumName,
  type EnumValue,
  type MovementRuleTypeLabel,
  type PersonaAggressionLabel,
} from '../../src/enums/index.js';

describe('an enum is a frozen const map plus a value type of the same name', () => {
  test('values are the semantic lowercase strings (numbers for PersonaAggression)', () => {
    expectTypeOf<MovementRuleType>().toEqualTypeOf<'hard_no' | 'hard_yes' | 'preferred'>();
    expectTypeOf(MovementRuleType.HARD_NO).toEqualTypeOf<'hard_no'>();
    expectTypeOf<PersonaAggression>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf<E1RMFormula>().toEqualTypeOf<'epley' | 'brzycki' | 'lombardi' | 'oconner'>();
    expectTypeOf(MovementRuleType).toExtend<{ readonly HARD_NO: 'hard_no' }>();
  });

  test('labels are the UPPERCASE member names', () => {
    expectTypeOf<MovementRuleTypeLabel>().toEqualTypeOf<'HARD_NO' | 'HARD_YES' | 'PREFERRED'>();
    expectTypeOf<PersonaAggressionLabel>().toExtend<string>();
    expectTypeOf<'BALANCED'>().toExtend<PersonaAggressionLabel>();
  });

  test('a label is not a value and a value is not a label', () => {
    // @ts-expect-error 'HARD_NO' is the label
    const value: MovementRuleType = 'HARD_NO';
    // @ts-expect-error 'hard_no' is the value
    const label: MovementRuleTypeLabel = 'hard_no';
    void [value, label];
    // @ts-expect-error the const map is readonly
    MovementRuleType.HARD_NO = 'x';
  });
});

describe('ENUMS codecs', () => {
  test('toDb maps a value to exactly its label, fromDb back', () => {
    expectTypeOf(ENUMS.MovementRuleType.toDb('hard_no')).toEqualTypeOf<'HARD_NO'>();
    expectTypeOf(ENUMS.MovementRuleType.toDb('preferred')).toEqualTypeOf<'PREFERRED'>();
    expectTypeOf(ENUMS.MovementRuleType.fromDb('HARD_YES')).toEqualTypeOf<'hard_yes'>();
    expectTypeOf(ENUMS.PersonaAggression.fromDb('BALANCED')).toEqualTypeOf<3>();
    expectTypeOf(ENUMS.PersonaAggression.toDb(3)).toEqualTypeOf<'BALANCED'>();
    expectTypeOf(ENUMS.MovementRuleType.semanticToDb.hard_no).toEqualTypeOf<'HARD_NO'>();
    expectTypeOf(ENUMS.MovementRuleType.dbToSemantic.HARD_NO).toEqualTypeOf<'hard_no'>();
  });

  test('the wrong direction does not compile', () => {
    // @ts-expect-error toDb takes a value
    ENUMS.MovementRuleType.toDb('HARD_NO');
    // @ts-expect-error fromDb takes a label
    ENUMS.MovementRuleType.fromDb('hard_no');
    // @ts-expect-error 6 is out of range
    ENUMS.PersonaAggression.toDb(6);
  });

  test('values / dbValues / parse / is', () => {
    expectTypeOf(ENUMS.MovementRuleType.values).toEqualTypeOf<readonly MovementRuleType[]>();
    expectTypeOf(ENUMS.MovementRuleType.dbValues).toEqualTypeOf<readonly MovementRuleTypeLabel[]>();
    expectTypeOf(ENUMS.MovementRuleType.parse).returns.toEqualTypeOf<MovementRuleType>();
    expectTypeOf(ENUMS.MovementRuleType.pgType).toEqualTypeOf<string | null>();
    const x: unknown = 'hard_no';
    if (ENUMS.MovementRuleType.is(x)) expectTypeOf(x).toEqualTypeOf<MovementRuleType>();
  });

  test('the registry: 24 names, generic value and label types', () => {
    expectTypeOf<EnumName>().toEqualTypeOf<keyof typeof ENUMS>();
    expectTypeOf<'MovementRuleType' | 'PersonaAggression' | 'MovementPattern' | 'Visibility'>().toExtend<EnumName>();
    expectTypeOf<EnumValue<'MovementRuleType'>>().toEqualTypeOf<MovementRuleType>();
    expectTypeOf<EnumLabel<'MovementRuleType'>>().toEqualTypeOf<MovementRuleTypeLabel>();
    expectTypeOf<EnumValue<'MovementPattern'>>().toEqualTypeOf<MovementPattern>();
    expectTypeOf(ENUMS.MovementRuleType).toExtend<AnyEnumCodec>();
    expectTypeOf(ENUMS.MovementRuleType).toExtend<EnumCodec<MovementRuleType, MovementRuleTypeLabel>>();
    const name: unknown = 'Goal';
    if (isEnumName(name)) expectTypeOf(name).toEqualTypeOf<EnumName>();
  });

  test('InvalidEnumValueError is an Error', () => {
    expectTypeOf<InvalidEnumValueError>().toExtend<Error>();
  });
});

describe('display names', () => {
  test('the value must belong to the enum given, constant or codec', () => {
    expectTypeOf(enumDisplayName(MovementPattern, 'horizontal_push')).toEqualTypeOf<string>();
    expectTypeOf(enumDisplayName(ENUMS.PersonaAggression, 3)).toEqualTypeOf<string>();
    // @ts-expect-error 'HORIZONTAL_PUSH' is a label, not a value
    enumDisplayName(MovementPattern, 'HORIZONTAL_PUSH');
    // @ts-expect-error not a MovementRuleType value
    enumDisplayName(ENUMS.MovementRuleType, 'squat');
    // @ts-expect-error PersonaAggression's values are numbers
    enumDisplayName(PersonaAggression, '3');
  });

  test('enumOptions carries the value type; EnumSource takes any enum', () => {
    expectTypeOf(enumOptions(MovementRuleType)).toEqualTypeOf<readonly EnumOption<MovementRuleType>[]>();
    expectTypeOf(enumOptions(ENUMS.PersonaAggression)[0]!.value).toEqualTypeOf<PersonaAggression>();
    expectTypeOf(MovementPattern).toExtend<EnumSource<MovementPattern>>();
    expectTypeOf(ENUMS.E1RMFormula).toExtend<EnumSource<E1RMFormula>>();
    const dynamic: AnyEnumCodec = ENUMS.Goal;
    expectTypeOf(enumOptions(dynamic)[0]!.value).toEqualTypeOf<string | number>();
  });
});
