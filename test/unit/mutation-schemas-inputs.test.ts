// Mutation testing (issue #24, test/README.md): the rules of the smaller write inputs
// (src/schemas/inputs/coaching.ts, logging.ts, movements.ts, users.ts, shared.ts) that go beyond one
// field, as parseInput reports them: message, path and received value of each refusal, and the
// accepted value on the other side. Expected messages are written out literally.
import { describe, expect, it } from 'vitest';
import { GainslyValidationError, parseInput } from '../../src/schemas/errors.js';
import { appendTurnInputSchema } from '../../src/schemas/inputs/coaching.js';
import { logWorkoutInputSchema } from '../../src/schemas/inputs/logging.js';
import { movementRelationshipInputSchema, updateMovementInputSchema } from '../../src/schemas/inputs/movements.js';
import { updateUserInputSchema } from '../../src/schemas/inputs/users.js';
import { issuesWithoutCode, thrownBy } from '../support/thrown.js';

const thrown = (run: () => unknown) => thrownBy(GainslyValidationError, run);

const issuesOf = issuesWithoutCode;

describe('appendTurnInputSchema', () => {
  it('takes the two roles and non-empty content', () => {
    expect(parseInput(appendTurnInputSchema, { role: 'user', content: 'hi' })).toEqual({ role: 'user', content: 'hi' });
    expect(parseInput(appendTurnInputSchema, { role: 'assistant', content: ' ' })).toEqual({ role: 'assistant', content: ' ' });
  });

  it('names the allowed roles for another role, asks for a missing one, and refuses empty content', () => {
    expect(issuesOf(thrown(() => parseInput(appendTurnInputSchema, { role: 'system', content: '' })))).toEqual([
      { path: ['role'], message: "must be one of 'user', 'assistant'", received: 'system' },
      { path: ['content'], message: 'must not be empty', received: '' },
    ]);
    expect(issuesOf(thrown(() => parseInput(appendTurnInputSchema, { content: 'hi' })))).toEqual([{ path: ['role'], message: 'is required' }]);
  });
});

describe('logWorkoutInputSchema: topSets', () => {
  it('a missing list says how to log a workout without top sets; a non-list asks for a list', () => {
    expect(issuesOf(thrown(() => parseInput(logWorkoutInputSchema, { date: '2026-01-05' })))).toEqual([
      { path: ['topSets'], message: 'is required (use [] for a workout without top sets)' },
    ]);
    expect(issuesOf(thrown(() => parseInput(logWorkoutInputSchema, { date: '2026-01-05', topSets: {} })))).toEqual([
      { path: ['topSets'], message: 'must be an array of top sets', received: {} },
    ]);
  });
});

describe('movementRelationshipInputSchema: a movement cannot relate to itself', () => {
  it('refuses the same id on both ends at targetMovementId, and takes two different ids', () => {
    expect(thrown(() => parseInput(movementRelationshipInputSchema, { sourceMovementId: 3, targetMovementId: 3, relationshipType: 'progression' })).issues).toEqual([
      { path: ['targetMovementId'], message: 'must differ from sourceMovementId (a movement cannot relate to itself)', received: 3, code: 'custom' },
    ]);
    expect(parseInput(movementRelationshipInputSchema, { sourceMovementId: 3, targetMovementId: 4, relationshipType: 'progression' })).toEqual({
      sourceMovementId: 3,
      targetMovementId: 4,
      relationshipType: 'progression',
    });
  });

  it('does not compare an id already refused', () => {
    expect(issuesOf(thrown(() => parseInput(movementRelationshipInputSchema, { sourceMovementId: 2_147_483_648, targetMovementId: 2_147_483_648, relationshipType: 'progression' })))).toEqual([
      { path: ['sourceMovementId'], message: 'must be <= 2147483647', received: 2_147_483_648 },
      { path: ['targetMovementId'], message: 'must be <= 2147483647', received: 2_147_483_648 },
    ]);
  });
});

describe('update inputs must change something (requireSomeKey)', () => {
  it('refuses an update whose fields are all left out or undefined, listing the fields', () => {
    expect(thrown(() => parseInput(updateUserInputSchema, { name: undefined })).issues).toEqual([
      { path: [], message: 'must set at least one field (allowed keys: name, email, experienceLevel, personaTone, personaAggression, settings)', received: {}, code: 'custom' },
    ]);
    expect(thrown(() => parseInput(updateMovementInputSchema, {})).issues.map((issue) => issue.message)).toEqual([
      'must set at least one field (allowed keys: name, pattern, primaryMuscle, primaryRegion, secondaryMuscles, cnsLoad, skillLevel, compound, isComplexLift, isUnilateral, metricType, primaryDiscipline, disciplineTags, equipmentTags, tags, description, coachingCues, substitutionGroup)',
    ]);
  });

  it('takes an update that sets one field, null included', () => {
    expect(parseInput(updateUserInputSchema, { name: null })).toEqual({ name: null });
    expect(parseInput(updateMovementInputSchema, { compound: false })).toEqual({ compound: false });
  });
});
