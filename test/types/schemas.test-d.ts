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
import type { MovementPattern, MovementRuleType, PersonaAggression, ProgressionStyle } from '../../src/enums/index.js';
import {
  bodyPartSorenessSchema,
  deloadSignalSchema,
  e1rmPointSchema,
  loggedWorkoutSchema,
  microcycleAdvanceSchema,
  microcycleViewSchema,
  movementRowSchema,
  pageSchema,
  patternStrengthSchema,
  patternTrendsSchema,
  recoveryAveragesSchema,
  type MovementRow,
  type Page,
  type Wire,
} from '../../src/schemas/index.js';
import type { BodyPartSoreness, E1rmPoint, LoggedWorkout, MicrocycleAdvance, MicrocycleView, PatternStrength, RecoveryAverages } from '../../src/index.js';
import type { DeloadSignal, PatternTrend } from '../../src/domain/index.js';

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

describe('the read models\' wire schemas are the wire form of the types the library returns', () => {
  test('week view, advance, logWorkout, strength, soreness and recovery summaries', () => {
    expectTypeOf<z.output<typeof microcycleViewSchema>>().toEqualTypeOf<Wire<MicrocycleView>>();
    expectTypeOf<z.output<typeof microcycleAdvanceSchema>>().toEqualTypeOf<Wire<MicrocycleAdvance>>();
    expectTypeOf<z.output<typeof loggedWorkoutSchema>>().toEqualTypeOf<Wire<LoggedWorkout>>();
    expectTypeOf<z.output<typeof patternStrengthSchema>>().toEqualTypeOf<Wire<PatternStrength>>();
    expectTypeOf<z.output<typeof patternTrendsSchema>>().toEqualTypeOf<Record<MovementPattern, PatternTrend>>();
    expectTypeOf<z.output<typeof deloadSignalSchema>>().toEqualTypeOf<Wire<DeloadSignal>>();
    expectTypeOf<z.output<typeof e1rmPointSchema>>().toEqualTypeOf<Wire<E1rmPoint>>();
    expectTypeOf<z.output<typeof bodyPartSorenessSchema>>().toEqualTypeOf<Wire<BodyPartSoreness>>();
    expectTypeOf<z.output<typeof recoveryAveragesSchema>>().toEqualTypeOf<Wire<RecoveryAverages>>();
    expectTypeOf<z.output<ReturnType<typeof pageSchema<typeof movementRowSchema>>>>().toEqualTypeOf<Wire<Page<MovementRow>>>();
  });
});
