// JSON Schema / OpenAPI 3.1 of the contract (src/schemas/openapi.ts): every exported input, query and
// wire schema converts with no open `{}` value, and the converted schemas judge data as the zod
// schemas do (checked with Ajv, an independent JSON Schema 2020-12 validator).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as schemas from '../../src/schemas/index.js';
import { INPUT_SCHEMAS, ROW_SCHEMAS, openApiComponents, toJsonSchema } from '../../src/schemas/index.js';

/** Every place in a JSON Schema where a value's schema sits, with its path, for finding empty ones. */
function emptySubschemas(node: unknown, path: string, found: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => emptySubschemas(item, `${path}/${i}`, found));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'not' || key === 'enum' || key === 'const' || key === 'required') continue;
    const here = `${path}/${key}`;
    const holdsSchema = key === 'items' || key === 'additionalProperties' || key === '$defs' || key === 'properties' || key === 'anyOf' || key === 'oneOf' || key === 'allOf';
    if (holdsSchema && typeof value === 'object' && value !== null && !Array.isArray(value) && key !== 'properties' && key !== '$defs' && Object.keys(value).length === 0) found.push(here);
    if ((key === 'properties' || key === '$defs') && typeof value === 'object' && value !== null) {
      for (const [name, sub] of Object.entries(value)) if (typeof sub === 'object' && sub !== null && Object.keys(sub).length === 0) found.push(`${here}/${name}`);
    }
    if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      value.forEach((sub, i) => typeof sub === 'object' && sub !== null && Object.keys(sub).length === 0 && found.push(`${here}/${i}`));
    }
    emptySubschemas(value, here, found);
  }
}

const components = openApiComponents().schemas;

function validator(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const schema = components[name];
  if (!schema) throw new Error(`no component ${name}`);
  return ajv.compile(schema);
}

describe('openApiComponents', () => {
  it('has a component for every write input, every table row, the read options and the problem body', () => {
    for (const name of Object.keys(INPUT_SCHEMAS)) expect(components, name).toHaveProperty(name);
    // One per table, and the nested reads' forms.
    expect(Object.keys(components).filter((name) => name.endsWith('Row'))).toHaveLength(Object.keys(ROW_SCHEMAS).length + 7);
    for (const name of ['ProfileRow', 'WorkoutLogDetailRow', 'SessionDetailRow', 'ConversationThreadDetailRow', 'ProgramWithMicrocyclesRow']) expect(components, name).toHaveProperty(name);
    for (const name of ['WorkoutLogRow', 'UserSettingsRow', 'SessionExerciseRow', 'ConversationTurnRow', 'WorkoutListOptions', 'ProgramListOptions', 'TopSetListOptions', 'DateWindow', 'Id', 'Cursor', 'Problem']) {
      expect(components, name).toHaveProperty(name);
    }
  });

  it('describes every value: no component holds an empty schema ({}), JSON columns included', () => {
    const found: string[] = [];
    for (const [name, schema] of Object.entries(components)) emptySubschemas(schema, name, found);
    expect(found).toEqual([]);
    // The JSON blobs are typed, not open: a session section's blocks name their keys.
    expect(JSON.stringify(components.SessionPlanInput)).toContain('"repRangeMin"');
    expect(components.CircuitTemplateRow).toMatchObject({ properties: { bucketStress: { type: 'object' } } });
  });

  it('converts every exported zod schema (inputs as input, rows as output) without throwing', () => {
    const failures: string[] = [];
    for (const [name, value] of Object.entries(schemas)) {
      if (!(value instanceof z.ZodType)) continue;
      try {
        toJsonSchema(value, { io: /RowSchema$/.test(name) ? 'output' : 'input' });
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('accepts what the zod schemas accept and refuses a wrong enum value, a missing field and a wrong type', () => {
    const logWorkout = validator('LogWorkoutInput');
    const input = { date: '2026-01-06', visibility: 'public', topSets: [{ movementId: 3, weight: 100, reps: 5, rpe: 8 }] };
    expect(schemas.logWorkoutInputSchema.safeParse(input).success).toBe(true);
    expect(logWorkout(input), JSON.stringify(logWorkout.errors)).toBe(true);
    expect(logWorkout({ ...input, visibility: 'PUBLIC' })).toBe(false);
    expect(logWorkout({ date: '2026-01-06' })).toBe(false);
    expect(logWorkout({ ...input, topSets: [{ movementId: '3', weight: 100, reps: 5 }] })).toBe(false);

    const options = validator('WorkoutListOptions');
    expect(options({ from: '2026-01-01', limit: 20, include: ['topSets'] })).toBe(true);
    expect(options({ include: ['sets'] })).toBe(false);
    expect(options({ limit: 0 })).toBe(false);
  });

  it('describes the wire rows as JSON carries them: timestamps as ISO strings, semantic enum values', () => {
    const row = validator('TopSetLogRow');
    const wire = JSON.parse(
      JSON.stringify({ id: 1, workoutLogId: 1, movementId: 2, weight: 100, reps: 5, rpe: 8, rir: null, avgRestSeconds: null, e1rmValue: 116.66666666666667, e1rmFormula: 'epley', pattern: 'squat', createdAt: new Date('2026-01-06T08:00:00Z') }),
    );
    expect(row(wire), JSON.stringify(row.errors)).toBe(true);
    expect(row({ ...wire, pattern: 'SQUAT' })).toBe(false);
    expect(row({ ...wire, createdAt: 17 })).toBe(false);
    const problem = validator('Problem');
    expect(problem(schemas.toProblem(new schemas.GainslyValidationError([{ path: ['date'], message: 'is required' }], 'SorenessInput')))).toBe(true);
    // A service's own problem (its code not the library's) parses too.
    const own = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in first.', code: 'UNAUTHENTICATED', retryable: false };
    expect(problem(own)).toBe(true);
    expect(schemas.problemSchema.parse(own).code).toBe('UNAUTHENTICATED');
    expect(problem({ ...own, status: '401' })).toBe(false);
  });
});

describe('toWire', () => {
  it('turns every Date of a page into the ISO string JSON carries, leaving the rows untouched, so the wire schemas accept it', () => {
    const createdAt = new Date('2026-01-06T08:00:00.123Z');
    const page = {
      items: [{ id: 1, userId: 1, sessionId: null, date: '2026-01-06', completed: true, notes: null, perceivedDifficulty: null, enjoymentRating: null, feedbackTags: ['fun'], actualDurationMinutes: 50, createdAt, visibility: 'private' as const }],
      nextCursor: null,
    };
    const wire = schemas.toWire(page);
    expect(wire.items[0]!.createdAt).toBe('2026-01-06T08:00:00.123Z');
    expect(page.items[0]!.createdAt).toBe(createdAt);
    expect(wire).toEqual(JSON.parse(JSON.stringify(page)));
    expect(schemas.pageSchema(schemas.workoutLogRowSchema).safeParse(wire).success).toBe(true);
    expect(schemas.pageSchema(schemas.workoutLogRowSchema).safeParse(page).success).toBe(false);
  });
});

describe('fromQueryString', () => {
  it('turns query-string values into what the options schema declares, then validates with its messages', () => {
    const query = schemas.fromQueryString(schemas.workoutListOptionsSchema);
    expect(query.parse({ from: '2026-01-01', to: '2026-01-31', limit: '20', include: 'topSets', after: '123' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      limit: 20,
      include: ['topSets'],
      after: '123',
    });
    expect(query.parse({ include: ['topSets'] })).toEqual({ include: ['topSets'] });
    const bad = query.safeParse({ limit: '1e3', include: 'sets' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['include.0', 'limit']);
    expect(schemas.fromQueryString(schemas.userMovementSearchSchema).parse({ ownOnly: 'true', text: '123', limit: '5' })).toEqual({ ownOnly: true, text: '123', limit: 5 });
    expect(schemas.fromQueryString(schemas.idArgumentSchema).safeParse('7').success).toBe(false);
  });
});
