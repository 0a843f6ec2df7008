// Mutation testing (issue #24, test/README.md): the cross-field rules of the program and session-plan
// inputs (src/schemas/inputs/programs.ts) as parseInput reports them: the message and path of each
// refusal, the value on each side of every comparison, and that a field already refused is not
// reported a second time by a rule built on it. Expected messages are written out literally.
import { describe, expect, it } from 'vitest';
import { GainslyValidationError, parseInput } from '../../src/schemas/errors.js';
import { createProgramInputSchema, sessionFinisherInputSchema, sessionPlanExerciseInputSchema } from '../../src/schemas/inputs/programs.js';
import { issuesWithoutCode, thrownBy } from '../support/thrown.js';

const thrown = (run: () => unknown) => thrownBy(GainslyValidationError, run);

const issuesOf = issuesWithoutCode;

const exercise = (value: unknown) => parseInput(sessionPlanExerciseInputSchema, value, 'SessionPlanExerciseInput');
const exerciseIssues = (value: unknown) => issuesOf(thrown(() => exercise(value)));
/** With the code: the library's own rules report `custom`. */
const exerciseRuleIssues = (value: unknown) => thrown(() => exercise(value)).issues;

describe('createProgramInputSchema: goals', () => {
  const program = {
    startDate: '2026-01-05',
    durationWeeks: 10,
    splitTemplate: 'upper_lower',
    daysPerWeek: 4,
    progressionStyle: 'double_progression',
  };

  it('a missing goals list is required; a value that is no list is asked to be one', () => {
    expect(issuesOf(thrown(() => parseInput(createProgramInputSchema, program, 'CreateProgramInput')))).toEqual([{ path: ['goals'], message: 'is required' }]);
    expect(issuesOf(thrown(() => parseInput(createProgramInputSchema, { ...program, goals: 'strength' }, 'CreateProgramInput')))).toEqual([
      { path: ['goals'], message: 'must be an array of 3 { goal, weight } entries', received: 'strength' },
    ]);
  });
});

describe('sessionPlanExerciseInputSchema: the movement', () => {
  it('takes the movement by id or by name', () => {
    expect(exercise({ movementId: 4 })).toEqual({ movementId: 4 });
    expect(exercise({ movement: 'Couch Stretch' })).toEqual({ movement: 'Couch Stretch' });
  });

  it('asks for movementId when neither is given', () => {
    expect(exerciseRuleIssues({ sets: 3 })).toEqual([{ path: ['movementId'], message: 'is required (or give the movement by name in `movement`)', code: 'custom' }]);
  });

  it('asks for it next to an unrelated refused field', () => {
    expect(exerciseIssues({ sets: 0 })).toEqual([
      { path: ['sets'], message: 'must be >= 1', received: 0 },
      { path: ['movementId'], message: 'is required (or give the movement by name in `movement`)' },
    ]);
  });

  it('does not also ask for it when the one given is wrong', () => {
    expect(exerciseIssues({ movement: '  ' })).toEqual([{ path: ['movement'], message: 'must not be empty', received: '' }]);
    expect(exerciseIssues({ movementId: 0 })).toEqual([{ path: ['movementId'], message: 'must be >= 1', received: 0 }]);
  });
});

describe('sessionPlanExerciseInputSchema: supersets', () => {
  it('takes supersetGroup or supersetWith alone, and refuses both at supersetWith', () => {
    expect(exercise({ movementId: 1, supersetGroup: 2 })).toEqual({ movementId: 1, supersetGroup: 2 });
    expect(exercise({ movementId: 1, supersetWith: 'Row' })).toEqual({ movementId: 1, supersetWith: 'Row' });
    expect(exerciseRuleIssues({ movementId: 1, supersetGroup: 2, supersetWith: 'Row' })).toEqual([
      { path: ['supersetWith'], message: 'cannot be combined with supersetGroup on one exercise; use one of them', received: 'Row', code: 'custom' },
    ]);
  });
});

describe('sessionPlanExerciseInputSchema: repRangeMax >= repRangeMin', () => {
  it('accepts max = min and refuses max = min - 1 at repRangeMax, naming min', () => {
    expect(exercise({ movementId: 1, repRangeMin: 6, repRangeMax: 6 })).toEqual({ movementId: 1, repRangeMin: 6, repRangeMax: 6 });
    expect(exerciseRuleIssues({ movementId: 1, repRangeMin: 6, repRangeMax: 5 })).toEqual([{ path: ['repRangeMax'], message: 'must be >= repRangeMin (6)', received: 5, code: 'custom' }]);
  });

  it('does not compare against a min already refused', () => {
    expect(exerciseIssues({ movementId: 1, repRangeMin: 1001, repRangeMax: 5 })).toEqual([{ path: ['repRangeMin'], message: 'must be <= 1000', received: 1001 }]);
  });
});

describe('extra: keys the library writes itself are refused, naming the input field to use', () => {
  it('exercise blocks', () => {
    expect(exerciseRuleIssues({ movementId: 1, extra: { tempo: '3-1-1', target_rpe: 8, movement_id: 2, superset_with: 'Row' } })).toEqual([
      { path: ['extra', 'target_rpe'], message: 'is written by the library; set it through `rpe` instead', received: 8, code: 'custom' },
      { path: ['extra', 'movement_id'], message: 'is written by the library; set it through `movementId` instead', received: 2, code: 'custom' },
      { path: ['extra', 'superset_with'], message: 'is written by the library; set it through `supersetWith or supersetGroup` instead', received: 'Row', code: 'custom' },
    ]);
    expect(exercise({ movementId: 1, extra: { tempo: '3-1-1' } })).toEqual({ movementId: 1, extra: { tempo: '3-1-1' } });
  });

  it('finisher blocks', () => {
    expect(issuesOf(thrown(() => parseInput(sessionFinisherInputSchema, { type: 'EMOM', extra: { duration_minutes: 10, rounds: 3 } }, 'SessionFinisherInput')))).toEqual([
      { path: ['extra', 'duration_minutes'], message: 'is written by the library; set it through `durationMinutes` instead', received: 10 },
      { path: ['extra', 'rounds'], message: 'is written by the library; set it through `rounds` instead', received: 3 },
    ]);
  });

  it('an extra that is null is one "not an object" issue, not a crash of the key check', () => {
    expect(exerciseIssues({ movementId: 1, extra: null })).toEqual([{ path: ['extra'], message: 'must be a JSON object', received: null }]);
  });
});

describe('sessionFinisherInputSchema: one block, not a list', () => {
  it('explains that the finisher is one object when given a list, and words other non-objects as usual', () => {
    expect(issuesOf(thrown(() => parseInput(sessionFinisherInputSchema, [{ type: 'EMOM' }], 'SessionFinisherInput')))).toEqual([
      { path: [], message: 'must be one finisher block { type, exercises, ... }, not a list (the app reads finisher_json as one object)', received: [{ type: 'EMOM' }] },
    ]);
    expect(issuesOf(thrown(() => parseInput(sessionFinisherInputSchema, 'EMOM', 'SessionFinisherInput')))).toEqual([
      { path: [], message: 'must be an object (got string)', received: 'EMOM' },
    ]);
  });
});
