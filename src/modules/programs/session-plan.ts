// The session plan in two forms: the caller's input (camelCase, movements by id or name, supersets
// by group or partner) and the JSON sections the upstream app reads (snake_case exercise blocks,
// one finisher object; docs/upstream.md, "Session plans"). writePlan goes one way,
// readPlan the other, and a plan read and written back keeps every key it did not interpret.
import type { ExerciseRole } from '../../enums/index.js';
import { GainslyDataError } from '../../orm/errors.js';
import { GainslyValidationError, type ValidationIssue } from '../../schemas/errors.js';
import { formatIssuePath } from '../../schemas/messages.js';
import type { SessionPlanData, SessionPlanExerciseData, SessionPlanExerciseInput, SessionFinisherInput } from '../../schemas/inputs/programs.js';
import type { JsonObject, JsonValue, SessionExerciseBlock, SessionFinisherBlock } from '../../schemas/json-types.js';
import { schemas } from '../../orm/validation.js';

type ListSection = 'warmup' | 'main' | 'accessory' | 'cooldown';

/** One planned exercise with where it sits: the unit both the JSON and `session_exercises` are built from. */
export interface PlacedExercise {
  /** Input path, for error messages: `['sections', 'main', 2]` or `['sections', 'finisher', 'exercises', 0]`. */
  path: (string | number)[];
  role: ExerciseRole;
  exercise: SessionPlanExerciseData;
}

/** The session's exercises in the order a session runs (warm-up, main, accessory, finisher, cool-down). */
export function placeExercises(sections: SessionPlanData['sections']): PlacedExercise[] {
  const placed: PlacedExercise[] = [];
  const list = (key: ListSection) => (sections[key] ?? []).forEach((exercise, index) => placed.push({ path: ['sections', key, index], role: key, exercise }));
  list('warmup');
  list('main');
  list('accessory');
  (sections.finisher?.exercises ?? []).forEach((exercise, index) => placed.push({ path: ['sections', 'finisher', 'exercises', index], role: 'finisher', exercise }));
  list('cooldown');
  return placed;
}

/** What the JSON and the table need to know about each placed exercise once movements are resolved. */
export interface ResolvedExercise extends PlacedExercise {
  movementId: number;
  /** The catalog's name: what `movement` and other blocks' `superset_with` hold. */
  movementName: string;
  /** `session_exercises.superset_group`: one number per superset (see {@link resolveSupersets}). */
  supersetGroup: number | null;
  /** The block's `superset_with`. */
  supersetWith: string | null;
}

/**
 * Works out the supersets of a session. Exercises sharing a `supersetGroup`, or linked by
 * `supersetWith` (a movement name), form one superset; each superset gets one `superset_group`
 * number: the caller's (the lowest, should names link two groups), else the lowest number no
 * other superset of the session uses. An exercise given by `supersetGroup` names the next member of its superset (the last names
 * the first), so a pair names each other as the app's generator writes it; a given `supersetWith`
 * is stored as given. Throws a `GainslyValidationError` for a `supersetWith` naming no other exercise
 * of the session.
 */
export function resolveSupersets(exercises: readonly (PlacedExercise & { movementId: number; movementName: string })[], inputName: string): ResolvedExercise[] {
  const parent = exercises.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const problems: ValidationIssue[] = [];
  const byGroup = new Map<number, number>();
  exercises.forEach(({ exercise, path, movementName }, index) => {
    if (exercise.supersetGroup != null) {
      const first = byGroup.get(exercise.supersetGroup);
      if (first === undefined) byGroup.set(exercise.supersetGroup, index);
      else union(first, index);
    }
    if (exercise.supersetWith != null) {
      const partner = exercises.findIndex((other, j) => j !== index && other.movementName === exercise.supersetWith);
      if (partner >= 0) union(index, partner);
      else {
        const names = [...new Set(exercises.filter((_, j) => j !== index).map((e) => e.movementName))];
        const message = exercise.supersetWith === movementName && !names.includes(movementName)
          ? 'names this exercise itself; a superset needs another exercise of the session'
          : `names no other exercise of this session (its movements: ${names.map((n) => JSON.stringify(n)).join(', ') || 'none'})`;
        problems.push({ path: [...path, 'supersetWith'], message, received: exercise.supersetWith });
      }
    }
  });
  if (problems.length > 0) throw new GainslyValidationError(problems, inputName);

  const members = new Map<number, number[]>();
  exercises.forEach((_, index) => members.set(find(index), [...(members.get(find(index)) ?? []), index]));
  // A caller's group numbers are kept; a superset linked only by names gets the lowest free number.
  const taken = new Set(exercises.flatMap((e) => (e.exercise.supersetGroup == null ? [] : [e.exercise.supersetGroup])));
  const numbers = new Map<number, number>();
  let free = 1;
  for (const [root, list] of members) {
    const given = list.flatMap((i) => (exercises[i]!.exercise.supersetGroup == null ? [] : [exercises[i]!.exercise.supersetGroup!]));
    if (given.length > 0) numbers.set(root, Math.min(...given));
    else if (list.length > 1) {
      while (taken.has(free)) free += 1;
      taken.add(free);
      numbers.set(root, free);
    }
  }
  return exercises.map((entry, index) => {
    const group = members.get(find(index))!;
    const next = group[(group.indexOf(index) + 1) % group.length]!;
    const supersetWith = entry.exercise.supersetWith ?? (entry.exercise.supersetGroup != null && group.length > 1 ? exercises[next]!.movementName : null);
    return { ...entry, supersetGroup: numbers.get(find(index)) ?? null, supersetWith };
  });
}

/** Drops undefined and null values so a block is as small as what the generator writes. */
function compact<T extends JsonObject>(entry: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The stored exercise block: the app's keys in the app's order, then the caller's `extra` keys. */
export function exerciseBlock(entry: ResolvedExercise): SessionExerciseBlock {
  const e = entry.exercise;
  return compact<SessionExerciseBlock>({
    movement: entry.movementName,
    movement_id: entry.movementId,
    sets: e.sets,
    rep_range_min: e.repRangeMin,
    rep_range_max: e.repRangeMax,
    target_rpe: e.rpe,
    target_rir: e.rir,
    duration_seconds: e.durationSeconds,
    rest_seconds: e.restSeconds,
    superset_with: entry.supersetWith,
    notes: e.notes,
    ...e.extra,
  });
}

/** The stored finisher block, one object; its exercises are the finisher's resolved entries. */
export function finisherBlock(finisher: NonNullable<SessionPlanData['sections']['finisher']>, exercises: ResolvedExercise[]): SessionFinisherBlock {
  return compact<SessionFinisherBlock>({
    type: finisher.type,
    duration_minutes: finisher.durationMinutes,
    rounds: finisher.rounds,
    duration_seconds: finisher.durationSeconds,
    rest_seconds: finisher.restSeconds,
    exercises: finisher.exercises === undefined ? undefined : exercises.map(exerciseBlock),
    notes: finisher.notes,
    ...finisher.extra,
  });
}

/**
 * The `session_exercises` facts readPlan can carry over for an exercise (they are not in the JSON):
 * used when the row at the same role and position has the same movement.
 */
export interface ExerciseRowFacts {
  movementId: number;
  isComplexLift: boolean | null;
  substitutionAllowed: boolean | null;
}

type Where = { sessionId: number; column: string };

function dataError(where: Where, path: (string | number)[], message: string, value: unknown): GainslyDataError {
  return new GainslyDataError(`sessions.${formatIssuePath([where.column, ...path])} of session ${where.sessionId} ${message}`, 'sessions', where.column, value);
}

/** Reports the first problem of a stored block as a GainslyDataError naming session, column and key. */
function checkBlock(schema: typeof schemas.sessionExerciseBlockSchema | typeof schemas.sessionFinisherBlockSchema, value: unknown, where: Where, path: (string | number)[]): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  throw dataError(where, [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], `does not fit the app's shape: ${issue.message}`, value);
}

/** Reads one stored exercise block back into a plan exercise; unknown keys go to `extra`. */
export function readExerciseBlock(block: unknown, where: Where, path: (string | number)[], row: ExerciseRowFacts | undefined): SessionPlanExerciseInput {
  // Blocks written by older versions of this library carry `movement_id` but may lack nothing else the
  // app requires except their legacy keys, which are translated below.
  const legacy = typeof block === 'object' && block !== null && !Array.isArray(block) && !('movement' in block) && typeof (block as { movement_id?: unknown }).movement_id === 'number';
  const candidate = legacy ? { movement: '', ...(block as object) } : block;
  checkBlock(schemas.sessionExerciseBlockSchema, candidate, where, path);
  const b = candidate as SessionExerciseBlock;
  // Older versions of this library wrote `rpe`, `rir` and `superset_group` instead of the app's keys:
  // read them as the app's keys (where the app's own key is absent), so writing back repairs the block.
  const out: SessionPlanExerciseInput = {};
  if (b.movement_id != null) out.movementId = b.movement_id;
  if (b.movement !== '') out.movement = b.movement;
  const translated = new Set<string>();
  const legacyNumber = (key: string, when: boolean) => {
    if (!when || typeof b[key] !== 'number') return undefined;
    translated.add(key);
    return b[key] as number;
  };
  const rpe = b.target_rpe ?? legacyNumber('rpe', true);
  const rir = b.target_rir ?? legacyNumber('rir', true);
  const group = legacyNumber('superset_group', b.superset_with == null);
  if (b.sets != null) out.sets = b.sets;
  if (b.rep_range_min != null) out.repRangeMin = b.rep_range_min;
  if (b.rep_range_max != null) out.repRangeMax = b.rep_range_max;
  if (rpe != null) out.rpe = rpe;
  if (rir != null) out.rir = rir;
  if (b.duration_seconds != null) out.durationSeconds = b.duration_seconds;
  if (b.rest_seconds != null) out.restSeconds = b.rest_seconds;
  if (b.superset_with != null) out.supersetWith = b.superset_with;
  if (group != null) out.supersetGroup = group;
  if (b.notes != null) out.notes = b.notes;
  if (row && row.movementId === b.movement_id) {
    if (row.isComplexLift != null) out.isComplexLift = row.isComplexLift;
    if (row.substitutionAllowed != null) out.substitutionAllowed = row.substitutionAllowed;
  }
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(b)) {
    // A legacy key is dropped only when it was translated; one that could not be is kept as is.
    if (knownKeys().exercise.has(key) || translated.has(key)) continue;
    extra[key] = value as JsonValue;
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}

/** The type older versions of this library imply by writing a finisher as a plain list of exercises. */
export const LEGACY_FINISHER_TYPE = 'circuit';

// The keys the app reads; any other key of a stored block goes to `extra`.
// Built on first use, with the schemas they come from (src/orm/validation.ts).
let blockKeys: { exercise: ReadonlySet<string>; finisher: ReadonlySet<string> } | undefined;
function knownKeys(): { exercise: ReadonlySet<string>; finisher: ReadonlySet<string> } {
  return (blockKeys ??= { exercise: new Set(schemas.SESSION_EXERCISE_BLOCK_KEYS), finisher: new Set(schemas.SESSION_FINISHER_BLOCK_KEYS) });
}

/** Reads `finisher_json` back into a plan finisher; a list written by older versions becomes `{ type: 'circuit', exercises }`. */
export function readFinisherBlock(value: unknown, where: Where, rows: (ExerciseRowFacts | undefined)[]): SessionFinisherInput {
  if (Array.isArray(value)) {
    return { type: LEGACY_FINISHER_TYPE, exercises: value.map((block, i) => readExerciseBlock(block, where, [i], rows[i])) };
  }
  const withoutExercises = typeof value === 'object' && value !== null ? { ...(value as object), exercises: null } : value;
  checkBlock(schemas.sessionFinisherBlockSchema, withoutExercises, where, []);
  const f = value as SessionFinisherBlock;
  const out: SessionFinisherInput = { type: f.type };
  if (f.duration_minutes != null) out.durationMinutes = f.duration_minutes;
  if (f.rounds != null) out.rounds = f.rounds;
  if (f.duration_seconds != null) out.durationSeconds = f.duration_seconds;
  if (f.rest_seconds != null) out.restSeconds = f.rest_seconds;
  if (f.exercises != null) {
    if (!Array.isArray(f.exercises)) throw dataError(where, ['exercises'], 'does not fit the app\'s shape: must be an array of exercise blocks', f.exercises);
    out.exercises = f.exercises.map((block, i) => readExerciseBlock(block, where, ['exercises', i], rows[i]));
  }
  if (f.notes != null) out.notes = f.notes;
  const extra: JsonObject = {};
  for (const [key, v] of Object.entries(f)) if (!knownKeys().finisher.has(key)) extra[key] = v as JsonValue;
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}
