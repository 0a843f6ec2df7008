// Type-level tests of `@gainsly/db/schemas`: the exported input types are what the zod schemas
// infer, with semantic enum values; parse results carry the defaults.
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import {
  createProgramInputSchema,
  createUserInputSchema,
  logWorkoutInputSchema,
  movementRuleInputSchema,
  parseInput,
  topSetInputSchema,
  GainslyError,
  GainslyValidationError,
  INPUT_SCHEMAS,
  type CreateProgramInput,
  type CreateProgramData,
  type CreateUserInput,
  type CreateUserData,
  type InputName,
  type LogWorkoutData,
  type LogWorkoutInput,
  type MovementRuleInput,
  type TopSetInput,
  type ValidationIssue,
} from '../../src/schemas/index.js';
import type { LogWorkoutInput as BarrelLogWorkoutInput, ValidationIssue as BarrelValidationIssue } from '../../src/index.js';
import type { MovementRuleType, PersonaAggression, ProgressionStyle } from '../../src/enums/index.js';

describe('input types are the schemas\' inferred types', () => {
  test('XInput = z.input, XData = z.output', () => {
    expectTypeOf<LogWorkoutInput>().toEqualTypeOf<z.input<typeof logWorkoutInputSchema>>();
    expectTypeOf<LogWorkoutData>().toEqualTypeOf<z.output<typeof logWorkoutInputSchema>>();
    expectTypeOf<CreateUserInput>().toEqualTypeOf<z.input<typeof createUserInputSchema>>();
    expectTypeOf<CreateUserData>().toEqualTypeOf<z.output<typeof createUserInputSchema>>();
    expectTypeOf<CreateProgramInput>().toEqualTypeOf<z.input<typeof createProgramInputSchema>>();
    expectTypeOf<CreateProgramData>().toEqualTypeOf<z.output<typeof createProgramInputSchema>>();
    expectTypeOf<TopSetInput>().toEqualTypeOf<z.input<typeof topSetInputSchema>>();
    expectTypeOf<MovementRuleInput>().toEqualTypeOf<z.input<typeof movementRuleInputSchema>>();
  });

  test('the main barrel re-exports the same types', () => {
    expectTypeOf<BarrelLogWorkoutInput>().toEqualTypeOf<LogWorkoutInput>();
    expectTypeOf<BarrelValidationIssue>().toEqualTypeOf<ValidationIssue>();
  });

  test('enum fields take semantic values', () => {
    expectTypeOf<MovementRuleInput['ruleType']>().toEqualTypeOf<MovementRuleType>();
    expectTypeOf<CreateProgramInput['progressionStyle']>().toEqualTypeOf<ProgressionStyle>();
    expectTypeOf<NonNullable<CreateUserInput['personaAggression']>>().toEqualTypeOf<PersonaAggression>();
    expectTypeOf<{ movementId: 1; ruleType: 'HARD_NO' }>().not.toExtend<MovementRuleInput>();
  });

  test('defaults are optional on input, present on output', () => {
    expectTypeOf<LogWorkoutInput['completed']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<LogWorkoutData['completed']>().toEqualTypeOf<boolean>();
    expectTypeOf<CreateProgramInput['microcycleLengthDays']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CreateProgramData['microcycleLengthDays']>().toEqualTypeOf<number>();
  });

  test('top sets: numbers, optional effort', () => {
    expectTypeOf<TopSetInput['weight']>().toEqualTypeOf<number>();
    expectTypeOf<TopSetInput['reps']>().toEqualTypeOf<number>();
    expectTypeOf<TopSetInput['rpe']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<LogWorkoutInput['topSets']>().toExtend<readonly TopSetInput[] | undefined>();
  });
});

describe('parsing', () => {
  test('parseInput returns the schema output', () => {
    expectTypeOf(parseInput(logWorkoutInputSchema, {})).toEqualTypeOf<LogWorkoutData>();
    expectTypeOf(logWorkoutInputSchema.parse({})).toEqualTypeOf<LogWorkoutData>();
  });

  test('GainslyValidationError lists issues with a path and a message', () => {
    expectTypeOf<GainslyValidationError>().toExtend<GainslyError>();
    expectTypeOf<GainslyValidationError['issues']>().toExtend<readonly ValidationIssue[]>();
    expectTypeOf<ValidationIssue>().toHaveProperty('path');
    expectTypeOf<ValidationIssue>().toHaveProperty('message');
    expectTypeOf<ValidationIssue['message']>().toEqualTypeOf<string>();
  });

  test('INPUT_SCHEMAS is keyed by InputName', () => {
    expectTypeOf<keyof typeof INPUT_SCHEMAS>().toEqualTypeOf<InputName>();
    expectTypeOf<'LogWorkoutInput'>().toExtend<InputName>();
  });
});
