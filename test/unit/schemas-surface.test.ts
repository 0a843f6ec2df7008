// Guards the shape of `@gainsly/db/schemas`: browser-safe imports, an explicit barrel, documented exports.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schemas from '../../src/schemas/index.js';
import { fixturesAvailable, readSeed, requireFixtures } from '../support/fixtures.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const SCHEMAS_DIR = join(SRC, 'schemas');

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listTs(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
const files = listTs(SCHEMAS_DIR);
const read = (file: string) => readFileSync(file, 'utf8');
const rel = (file: string) => relative(SRC, file);

describe('@gainsly/db/schemas surface', () => {
  it('has kebab-case files', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(rel(file)).toMatch(/^schemas\/([a-z0-9-]+\/)*[a-z0-9-]+\.ts$/);
  });

  it('imports only zod, the enums, the domain and its own modules (no MikroORM, pg or node: built-ins)', () => {
    for (const file of files) {
      const source = read(file);
      const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|\bimport\s+'([^']+)'|\brequire\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
      for (const specifier of specifiers) {
        if (specifier === 'zod') continue;
        expect(specifier, `${rel(file)} imports ${specifier}`).toMatch(/^\.\.?\//);
        const target = relative(SRC, resolve(dirname(file), specifier!));
        expect(target, `${rel(file)} imports ${specifier}`).toMatch(/^(schemas\/([a-z0-9-]+\/)*[a-z0-9-]+\.js|enums\/index\.js|domain\/index\.js)$/);
      }
      // Nothing that only exists in Node.
      expect(source, rel(file)).not.toMatch(/\b(process\.|Buffer\b|require\(|__dirname|globalThis\.process)/);
    }
  });

  it('has an explicit barrel (no export *)', () => {
    expect(read(join(SCHEMAS_DIR, 'index.ts'))).not.toMatch(/export\s+\*/);
  });

  it('documents every exported declaration with TSDoc and an @example', () => {
    for (const file of files) {
      const source = read(file);
      for (const match of source.matchAll(/^export (?:declare )?(?:const|function|class|type|interface) (\w+)/gm)) {
        const before = source.slice(0, match.index);
        const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*$/.exec(before);
        expect(doc, `${rel(file)}: ${match[1]} has no TSDoc right above it`).not.toBeNull();
        expect(doc![1], `${rel(file)}: ${match[1]} has no @example`).toContain('@example');
      }
    }
  });

  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      [
        'COLUMN_LENGTHS',
        'CONVERSATION_ROLES',
        'FORBIDDEN_JSON_KEYS',
        'GAINSLY_ERROR_CODES',
        'GainslyError',
        'GainslyValidationError',
        'INPUT_LIMITS',
        'INPUT_SCHEMAS',
        'INT4_MAX',
        'JSON_LIMITS',
        'PROBLEM_CONTENT_TYPE',
        'ROW_SCHEMAS',
        'SESSION_EXERCISE_BLOCK_KEYS',
        'SESSION_FINISHER_BLOCK_KEYS',
        'TEXT_MAX_LENGTH',
        'WITH_MESSAGES',
        'acceptPlanInputSchema',
        'acceptedPlanJsonSchema',
        'appendTurnInputSchema',
        'bodyPartSorenessSchema',
        'booleanSchema',
        'bucketStressSchema',
        'calendarDateArgumentSchema',
        'circuitTemplateInputSchema',
        'circuitTemplateRowSchema',
        'coachingCuesSchema',
        'configureJsonLimits',
        'conversationThreadDetailRowSchema',
        'conversationThreadInputSchema',
        'conversationThreadRowSchema',
        'conversationTurnRowSchema',
        'createProgramInputSchema',
        'createUserInputSchema',
        'cursorArgumentSchema',
        'dateRangeSchema',
        'dateWindowSchema',
        'datedListOptionsSchema',
        'datedRowsOptionsSchema',
        'deloadSignalSchema',
        'disciplinesJsonSchema',
        'e1rmHistoryTargetSchema',
        'e1rmPointSchema',
        'emailSchema',
        'enjoyableActivityInputSchema',
        'enumSchema',
        'exercisesJsonSchema',
        'feedbackTagsSchema',
        'formatIssuePath',
        'fromQueryString',
        'gainslyErrorMap',
        'goalsInputSchema',
        'heuristicConfigInputSchema',
        'heuristicConfigRowSchema',
        'heuristicJsonBlobSchema',
        'hybridDefinitionSchema',
        'idArgumentSchema',
        'idSchema',
        'includeOptionsSchema',
        'intSchema',
        'integerArgumentSchema',
        'intentTagsSchema',
        'isoDateSchema',
        'jsonBlobLimits',
        'jsonObjectSchema',
        'jsonValueSchema',
        'limitArgumentSchema',
        'listOptionsSchema',
        'logWorkoutInputSchema',
        'loggedWorkoutSchema',
        'microcycleAdvanceSchema',
        'microcycleRowSchema',
        'microcycleViewSchema',
        'movementInputSchema',
        'movementRelationshipInputSchema',
        'movementRelationshipRowSchema',
        'movementRowSchema',
        'movementRuleInputSchema',
        'movementRuleListOptionsSchema',
        'movementSearchSchema',
        'numberSchema',
        'offsetArgumentSchema',
        'openApiComponents',
        'pageSchema',
        'parseArgument',
        'parseInput',
        'parseOptions',
        'patternExposureRowSchema',
        'patternStrengthOptionsSchema',
        'patternStrengthSchema',
        'patternTrendOptionsSchema',
        'patternTrendSchema',
        'patternTrendsSchema',
        'plainListOptionsSchema',
        'previewValue',
        'problemSchema',
        'profileRowSchema',
        'programIncludeOptionsSchema',
        'programListOptionsSchema',
        'programRowSchema',
        'programWithMicrocyclesRowSchema',
        'rawPayloadJsonSchema',
        'recoveryAveragesSchema',
        'recoverySignalInputSchema',
        'recoverySignalRowSchema',
        'scopeOptionsSchema',
        'secondaryMusclesSchema',
        'sessionDetailRowSchema',
        'sessionExerciseBlockSchema',
        'sessionExerciseRowSchema',
        'sessionFinisherBlockSchema',
        'sessionFinisherInputSchema',
        'sessionPlanExerciseInputSchema',
        'sessionPlanInputSchema',
        'sessionRowSchema',
        'sessionSectionExerciseSchema',
        'sessionSectionSchema',
        'sorenessInputSchema',
        'sorenessLogRowSchema',
        'structuredResponseJsonSchema',
        'tagArraySchema',
        'tagFilterSchema',
        'textSchema',
        'threadListOptionsSchema',
        'timestampSchema',
        'toJsonSchema',
        'toProblem',
        'toWire',
        'topSetInputSchema',
        'topSetListOptionsSchema',
        'topSetLogRowSchema',
        'updateMovementInputSchema',
        'updateUserInputSchema',
        'userEnjoyableActivityRowSchema',
        'userMovementRuleRowSchema',
        'userMovementRuleWithMovementRowSchema',
        'userMovementSearchSchema',
        'userRowSchema',
        'userSettingsRowSchema',
        'varcharSchema',
        'viewerMovementSearchSchema',
        'workoutListOptionsSchema',
        'workoutLogDetailRowSchema',
        'workoutLogRowSchema',
        'workoutLogWithTopSetsRowSchema',
      ].sort(),
    );
  });

  it('INPUT_SCHEMAS is frozen and names each input schema once', () => {
    expect(Object.isFrozen(schemas.INPUT_SCHEMAS)).toBe(true);
    const values = Object.values(schemas.INPUT_SCHEMAS);
    expect(new Set(values).size).toBe(values.length);
    for (const [name, schema] of Object.entries(schemas.INPUT_SCHEMAS)) {
      expect(name).toMatch(/Input$/);
      expect(Object.values(schemas)).toContain(schema);
    }
  });

  it('the limits mirror the domain and the overview', () => {
    expect(schemas.INPUT_LIMITS.durationWeeks).toEqual({ min: 8, max: 12 });
    expect(schemas.INPUT_LIMITS.microcycleLengthDays).toEqual({ min: 7, max: 10 });
    expect(schemas.INPUT_LIMITS.perceivedDifficulty).toEqual({ min: 1, max: 10 });
    expect(schemas.COLUMN_LENGTHS).toMatchObject({ userName: 100, email: 255, movementName: 200, substitutionGroup: 100, primaryDiscipline: 50, heuristicName: 100, circuitName: 200 });
  });
});

describe.runIf(fixturesAvailable)('upstream seed movements and configs parse as inputs', () => {
  requireFixtures('schema checks against upstream seed movements');
  const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const camelKeys = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));

  it('every seed movement is a valid MovementInput', () => {
    const { movements } = readSeed<{ movements: Record<string, unknown>[] }>('movements.json');
    expect(movements.length).toBeGreaterThan(0);
    for (const movement of movements) {
      const result = schemas.movementInputSchema.safeParse(camelKeys(movement));
      expect(result.success ? [] : result.error.issues, String(movement.name)).toEqual([]);
    }
  });

  it('every seed heuristic config is a valid HeuristicConfigInput', () => {
    const { configs } = readSeed<{ configs: Record<string, unknown>[] }>('heuristic_configs.json');
    for (const config of configs) {
      const result = schemas.heuristicConfigInputSchema.safeParse(camelKeys(config));
      expect(result.success ? [] : result.error.issues, String(config.name)).toEqual([]);
    }
  });
});
