// Schemas of the arguments of the library's reads and writes — ids, calendar dates, date ranges,
// windows, limits, search filters, option objects — in one place. The repositories and the user and
// viewer scopes parse every argument with one of these before any SQL, so a bad argument is a
// GainslyValidationError naming it and the allowed values, never a driver error, a TypeError, or
// (worst) an object that MikroORM would read as an operator filter. Services can validate a
// request's query string with the same rules. Pure: zod, the enums and the domain only.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { ENUMS } from '../../enums/index.js';
import { isIsoDate } from '../../domain/index.js';
export { parseArgument, parseOptions } from '../errors.js';
import { JSON_LIMITS } from '../json-blobs.js';
import { COLUMN_LENGTHS, INT4_MAX, RUN_ALWAYS, WITH_MESSAGES, booleanSchema, enumSchema, strictInput, textSchema, varcharSchema } from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';

const ID_MESSAGE = `must be an integer id between 1 and ${INT4_MAX}`;
const DATE_MESSAGE = "must be a real calendar date written 'YYYY-MM-DD' (years 0001 to 9999)";

/**
 * A schema of type `T` accepting exactly the values `check` accepts, with one message for every
 * other value. Built as a refinement (not `z.custom(check)`, whose failure aborts the parse), so the
 * cross-field checks of an enclosing object still run and one error lists every problem.
 */
function argument<T>(check: (value: unknown) => boolean, message: string, json: Record<string, unknown>) {
  // `json`: what the check accepts, in JSON Schema, for z.toJSONSchema (a custom type has none of its own; src/schemas/openapi.ts).
  return z.custom<T>().refine(check, { error: message }).meta(json);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= INT4_MAX;
}


/**
 * An id argument (`programId`, `userId`, ...): an integer from 1 to 2147483647. One message for
 * every wrong value (`0`, `1.5`, `NaN`, `'1'`, `{ $ne: 0 }`), stating what is allowed. An object is
 * refused here on purpose: MikroORM would read it as an operator filter matching other rows.
 *
 * @example
 * ```ts
 * idArgumentSchema.parse(42); // 42
 * idArgumentSchema.safeParse({ $ne: 0 }).success; // false
 * ```
 */
export const idArgumentSchema = argument<number>(isId, ID_MESSAGE, { type: 'integer', minimum: 1, maximum: INT4_MAX });

/**
 * A `'YYYY-MM-DD'` argument naming a real calendar day of years 0001–9999. `'2026-02-30'`,
 * timestamps, `Date` objects (their day depends on a time zone) and PostgreSQL's special date
 * words (`'epoch'`, `'infinity'`, `'today'`, `'now'`) are refused: only a day the caller wrote out
 * reaches the database.
 *
 * @example
 * ```ts
 * calendarDateArgumentSchema.parse('2024-02-29'); // '2024-02-29'
 * calendarDateArgumentSchema.safeParse('today').success; // false
 * ```
 */
export const calendarDateArgumentSchema = argument<string>(isIsoDate, DATE_MESSAGE, { type: 'string', format: 'date' });

/**
 * An integer argument inside an inclusive range, with one message naming the range for every
 * wrong value (fractions, NaN, Infinity, strings such as `'7'`, objects).
 *
 * @example
 * ```ts
 * integerArgumentSchema({ min: 1, max: 100 }).parse(7); // 7
 * ```
 */
export function integerArgumentSchema(range: { readonly min: number; readonly max: number }) {
  return argument<number>(
    (value) => typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max,
    `must be an integer between ${range.min} and ${range.max}`,
    { type: 'integer', minimum: range.min, maximum: range.max },
  );
}

/**
 * A `limit` argument of a list or search: an integer from 1 to 10,000 (`INPUT_LIMITS.listLimit`).
 * Zero is refused rather than read as "no limit" or "no rows", which different layers disagree on.
 *
 * @example
 * ```ts
 * limitArgumentSchema.parse(20);
 * ```
 */
export const limitArgumentSchema = integerArgumentSchema(INPUT_LIMITS.listLimit);

/**
 * An `offset` argument of a list or search: an integer from 0 to 2147483647.
 *
 * @example
 * ```ts
 * offsetArgumentSchema.parse(40);
 * ```
 */
export const offsetArgumentSchema = integerArgumentSchema(INPUT_LIMITS.listOffset);

/**
 * A tag to filter by (`equipmentTag`, `disciplineTag`): trimmed, non-empty, at most 100 characters,
 * no NUL or half surrogate pair. Tag filters match case-insensitively (`'Barbell'` finds `barbell`).
 *
 * @example
 * ```ts
 * tagFilterSchema.parse(' Kettlebell '); // 'Kettlebell'
 * ```
 */
export const tagFilterSchema = varcharSchema(JSON_LIMITS.tagMaxLength);

/**
 * An inclusive range of calendar days, either end open (`undefined` or `null`). Each end is a
 * {@link calendarDateArgumentSchema} date, `from` must not be after `to`, and unknown keys (a typo
 * such as `form`) are refused rather than silently widening the range.
 *
 * @example
 * ```ts
 * dateRangeSchema.parse({ from: '2026-01-01', to: '2026-01-31' });
 * dateRangeSchema.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success; // false
 * ```
 */
export const dateRangeSchema = strictInput({
  from: calendarDateArgumentSchema.nullish(),
  to: calendarDateArgumentSchema.nullish(),
}).superRefine((range, ctx) => {
  // 'YYYY-MM-DD' strings of 4-digit years compare as the days they name.
  if (isIsoDate(range.from) && isIsoDate(range.to) && range.to < range.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${range.from})`, input: range.to, continue: true });
  }
}, RUN_ALWAYS);

/**
 * A page cursor (`after`): a `nextCursor` a list returned, passed back unchanged. Opaque; at most
 * 1,024 characters.
 *
 * @example
 * ```ts
 * cursorArgumentSchema.parse(page.nextCursor);
 * ```
 */
export const cursorArgumentSchema = z.string({ error: 'must be a nextCursor a list returned (a string)' }).min(1, 'must be a nextCursor a list returned (not empty)').max(1024, 'must be a nextCursor a list returned (at most 1024 characters)');

/** `include` of a list's options, when the list can nest anything (one that cannot refuses the key). */
function includeShape<const I extends string>(includes: readonly I[]): { include: ReturnType<ReturnType<typeof includeSchema<I>>['nullish']> } {
  // Typed with the key either way: the options type of a list that nests nothing is `ListOptions<never>`.
  return (includes.length === 0 ? {} : { include: includeSchema(includes).nullish() }) as { include: ReturnType<ReturnType<typeof includeSchema<I>>['nullish']> };
}

/** The `include` of a list: names of related rows to nest, each from `includes`, each at most once. */
function includeSchema<const I extends string>(includes: readonly I[]) {
  const allowed = includes.map((i) => `'${i}'`).join(', ');
  return z.array(z.enum(includes as unknown as [I, ...I[]], { error: `must be one of ${allowed}` })).refine((list) => new Set(list).size === list.length, 'must not name a relation twice');
}

/**
 * The options of a list of rows: `limit` (1 to 10,000; default 100), `after` (a `nextCursor` of
 * the same list) and `include`, the related rows to nest, from `includes`. Unknown keys are refused.
 *
 * @example
 * ```ts
 * const workoutsQuery = listOptionsSchema(['topSets']);
 * workoutsQuery.parse({ limit: 20, include: ['topSets'] });
 * ```
 */
export function listOptionsSchema<const I extends string>(includes: readonly I[]) {
  return strictInput({
    limit: limitArgumentSchema.nullish(),
    after: cursorArgumentSchema.nullish(),
    ...includeShape(includes),
  });
}

/**
 * The options of a list of dated rows (workouts, soreness, recovery, exposures): an inclusive
 * `from`/`to` range of `'YYYY-MM-DD'` days (either end open; `from` not after `to`) and the
 * {@link listOptionsSchema} options.
 *
 * @example
 * ```ts
 * datedListOptionsSchema(['topSets']).parse({ from: '2026-01-01', to: '2026-01-31', include: ['topSets'] });
 * ```
 */
export function datedListOptionsSchema<const I extends string>(includes: readonly I[]) {
  return strictInput({
    from: calendarDateArgumentSchema.nullish(),
    to: calendarDateArgumentSchema.nullish(),
    limit: limitArgumentSchema.nullish(),
    after: cursorArgumentSchema.nullish(),
    ...includeShape(includes),
  }).superRefine((range, ctx) => {
    if (isIsoDate(range.from) && isIsoDate(range.to) && range.to < range.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${range.from})`, input: range.to, continue: true });
    }
  }, RUN_ALWAYS);
}

/**
 * `include` alone: the related rows to nest in one row read (`programs.get(id, { include })`).
 *
 * @example
 * ```ts
 * includeOptionsSchema(['microcycles']).parse({ include: ['microcycles'] });
 * ```
 */
export function includeOptionsSchema<const I extends string>(includes: readonly I[]) {
  return strictInput({ include: includeSchema(includes).nullish() });
}

/**
 * The options of `forUser(…).programs.list`: {@link listOptionsSchema} with `include: ['microcycles']`.
 * @example
 * ```ts
 * programListOptionsSchema.parse({ limit: 10, include: ['microcycles'] });
 * ```
 */
export const programListOptionsSchema = listOptionsSchema(['microcycles']);

/**
 * The options of `forUser(…).programs.get`: `include: ['microcycles']`.
 * @example
 * ```ts
 * programIncludeOptionsSchema.parse({ include: ['microcycles'] });
 * ```
 */
export const programIncludeOptionsSchema = includeOptionsSchema(['microcycles']);

/**
 * The options of `forUser(…).workouts.list` and `forViewer(…).workoutLogsOf`: a date range,
 * paging and `include: ['topSets']`.
 * @example
 * ```ts
 * workoutListOptionsSchema.parse({ from: '2026-01-01', include: ['topSets'], limit: 31 });
 * ```
 */
export const workoutListOptionsSchema = datedListOptionsSchema(['topSets']);

/**
 * The options of the dated lists that nest nothing (soreness, recovery, pattern exposures): a
 * date range and paging.
 * @example
 * ```ts
 * datedRowsOptionsSchema.parse({ from: '2026-01-01', to: '2026-01-31' });
 * ```
 */
export const datedRowsOptionsSchema = datedListOptionsSchema([]);

/**
 * The options of the lists that nest nothing (enjoyable activities): paging only.
 * @example
 * ```ts
 * plainListOptionsSchema.parse({ limit: 20 });
 * ```
 */
export const plainListOptionsSchema = listOptionsSchema([]);

/**
 * The options of `forUser(…).movementRules.list`: paging and `include: ['movement']`.
 * @example
 * ```ts
 * movementRuleListOptionsSchema.parse({ include: ['movement'] });
 * ```
 */
export const movementRuleListOptionsSchema = listOptionsSchema(['movement']);

/**
 * The options of `forUser(…).conversations.list`: paging and `include: ['turns']`.
 * @example
 * ```ts
 * threadListOptionsSchema.parse({ limit: 10, include: ['turns'] });
 * ```
 */
export const threadListOptionsSchema = listOptionsSchema(['turns']);

/**
 * The options of `forUser(…).workouts.topSets`: a pattern or a movement to filter by, and paging.
 * @example
 * ```ts
 * topSetListOptionsSchema.parse({ pattern: 'squat', limit: 50 });
 * ```
 */
export const topSetListOptionsSchema = strictInput({
  pattern: enumSchema(ENUMS.MovementPattern).nullish(),
  movementId: idArgumentSchema.nullish(),
  limit: limitArgumentSchema.nullish(),
  after: cursorArgumentSchema.nullish(),
});

/**
 * A window of days ending on `until` (inclusive; the repositories default it to today in UTC):
 * `days` an integer from 1 to 36,525 (`INPUT_LIMITS.windowDays`, default 7 in the repositories),
 * and a window that starts no earlier than 0001-01-01.
 *
 * @example
 * ```ts
 * dateWindowSchema.parse({ days: 14, until: '2026-02-01' });
 * dateWindowSchema.safeParse({ days: '7' }).success; // false
 * ```
 */
export const dateWindowSchema = strictInput({
  days: integerArgumentSchema(INPUT_LIMITS.windowDays).nullish(),
  until: calendarDateArgumentSchema.nullish(),
}).superRefine((window, ctx) => {
  if (typeof window.days !== 'number' || !Number.isInteger(window.days) || !isIsoDate(window.until)) return;
  if (windowStart(window.until, window.days) === undefined) {
    ctx.addIssue({ code: 'custom', path: ['days'], message: `must not reach before 0001-01-01 (the window ends ${window.until})`, input: window.days, continue: true });
  }
}, RUN_ALWAYS);

/**
 * The first day of a window of `days` days ending on `until` (a valid date), or `undefined` when
 * it would fall before 0001-01-01.
 * @internal
 * @example
 * ```ts
 * windowStart('2026-01-07', 7); // '2026-01-01'
 * ```
 */
export function windowStart(until: string, days: number): string | undefined {
  const end = new Date(`${until}T00:00:00Z`).getTime();
  const start = new Date(end - (days - 1) * 86_400_000);
  const year = start.getUTCFullYear();
  return year < 1 ? undefined : start.toISOString().slice(0, 10);
}

/** The criteria every movement search takes, whoever it is for. */
const movementFilterShape = {
  pattern: enumSchema(ENUMS.MovementPattern).nullish(),
  primaryMuscle: enumSchema(ENUMS.PrimaryMuscle).nullish(),
  primaryRegion: enumSchema(ENUMS.PrimaryRegion).nullish(),
  equipmentTag: tagFilterSchema.nullish(),
  disciplineTag: tagFilterSchema.nullish(),
  substitutionGroup: textSchema(COLUMN_LENGTHS.substitutionGroup).nullish(),
  text: textSchema(COLUMN_LENGTHS.movementName).nullish(),
  limit: limitArgumentSchema.nullish(),
  after: cursorArgumentSchema.nullish(),
};

const SCOPE_MESSAGE = "must be 'system' or { userId, only? }";
const catalogScopeSchema = z.union([z.literal('system'), strictInput({ userId: idArgumentSchema, only: booleanSchema.nullish() })], { error: SCOPE_MESSAGE });

/**
 * The criteria of `MovementRepository.search` / `searchRows`: enum criteria take the semantic values
 * (`pattern: 'squat'`; an unknown value is refused, listing the allowed ones, rather than finding
 * nothing), tags are matched case-insensitively, `text` is a case-insensitive substring of the name
 * (at most 200 characters), `limit` 1–10,000, `after` a `nextCursor` of `searchPage`, `offset` >= 0,
 * `scope` `'system'` (the default) or `{ userId, only? }`. `undefined` or `null` leaves a criterion
 * out; unknown keys are refused.
 *
 * @example
 * ```ts
 * movementSearchSchema.parse({ pattern: 'hinge', equipmentTag: 'Barbell', limit: 20 });
 * movementSearchSchema.safeParse({ pattern: 'bogus' }).success; // false
 * ```
 */
export const movementSearchSchema = strictInput({ ...movementFilterShape, offset: offsetArgumentSchema.nullish(), scope: catalogScopeSchema.nullish() });

/**
 * The catalog search of the user scope (`forUser(...).movements.search`): the criteria of
 * {@link movementSearchSchema} without `scope` (the scope's user decides it) and `offset` (a page
 * continues `after` the previous one's `nextCursor`), plus `ownOnly`.
 *
 * @example
 * ```ts
 * userMovementSearchSchema.parse({ text: 'press', ownOnly: true });
 * ```
 */
export const userMovementSearchSchema = strictInput({ ...movementFilterShape, ownOnly: booleanSchema.nullish() });

/**
 * The catalog search of the viewer scope (`forViewer(...).movements`): the criteria of
 * {@link movementSearchSchema} without `scope` and `offset`.
 *
 * @example
 * ```ts
 * viewerMovementSearchSchema.parse({ primaryRegion: 'posterior lower' });
 * ```
 */
export const viewerMovementSearchSchema = strictInput(movementFilterShape);

/**
 * `{ userId? }`, the owner check of a repository read or write (`findActiveByProgram(id, { userId })`).
 * Unknown keys are refused: a misspelt `userID` must not silently skip the ownership check.
 * @internal
 * @example
 * ```ts
 * ownerOptionsSchema.parse({ userId: 1 });
 * ```
 */
export const ownerOptionsSchema = strictInput({ userId: idArgumentSchema.nullish() });

/**
 * Options of `SessionRepository.writePlan`: the owner to check and the session to replace.
 * @internal
 * @example
 * ```ts
 * writePlanOptionsSchema.parse({ userId: 1, sessionId: 7 });
 * ```
 */
export const writePlanOptionsSchema = strictInput({ userId: idArgumentSchema.nullish(), sessionId: idArgumentSchema.nullish() });

/**
 * The scope of `SessionRepository.findOutOfSync`: a user, a microcycle and/or a list of session ids
 * (at most 10,000; an array, not a comma-separated string).
 * @internal
 * @example
 * ```ts
 * sessionSyncScopeSchema.parse({ sessionIds: [1, 2] });
 * ```
 */
export const sessionSyncScopeSchema = strictInput({
  userId: idArgumentSchema.nullish(),
  microcycleId: idArgumentSchema.nullish(),
  sessionIds: z
    .array(idArgumentSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of ids') })
    .max(INPUT_LIMITS.idListMaxItems, WITH_MESSAGES)
    .nullish(),
});

/**
 * The filter of `TopSetLogRepository.findByUser` (`forUser(...).workouts.topSets`).
 * @internal
 * @example
 * ```ts
 * topSetFilterSchema.parse({ pattern: 'squat' });
 * ```
 */
export const topSetFilterSchema = strictInput({ pattern: enumSchema(ENUMS.MovementPattern).nullish(), movementId: idArgumentSchema.nullish() });

/**
 * The target of `e1rmHistory`: exactly one of `pattern` and `movementId`, and an optional date
 * range (`from` not after `to`).
 * @example
 * ```ts
 * e1rmHistoryTargetSchema.parse({ pattern: 'squat', from: '2026-01-01' });
 * ```
 */
export const e1rmHistoryTargetSchema = strictInput({
  pattern: enumSchema(ENUMS.MovementPattern).nullish(),
  movementId: idArgumentSchema.nullish(),
  from: calendarDateArgumentSchema.nullish(),
  to: calendarDateArgumentSchema.nullish(),
}).superRefine((target, ctx) => {
  const taken = new Set(ctx.issues.map((issue) => issue.path?.[0]));
  if (target.pattern == null && target.movementId == null && !taken.has('pattern') && !taken.has('movementId')) {
    ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is required (or give movementId)', input: undefined, continue: true });
  }
  if (target.pattern != null && target.movementId != null) {
    ctx.addIssue({ code: 'custom', path: ['movementId'], message: 'cannot be combined with pattern; give one of them', input: target.movementId, continue: true });
  }
  if (isIsoDate(target.from) && isIsoDate(target.to) && target.to < target.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${target.from})`, input: target.to, continue: true });
  }
}, RUN_ALWAYS);

/**
 * Options of `forViewer`: `areFriends`, a function `(viewerId, ownerId) => boolean | Promise<boolean>`.
 * @internal
 * @example
 * ```ts
 * viewerOptionsSchema.parse({ areFriends: () => false });
 * ```
 */
export const viewerOptionsSchema = strictInput({
  areFriends: argument<(viewerId: number, ownerId: number) => boolean | Promise<boolean>>(
    (value) => typeof value === 'function',
    'must be a function (viewerId, ownerId) => boolean | Promise<boolean>',
    { description: 'a function (viewerId, ownerId) => boolean | Promise<boolean> (not JSON)' },
  ).nullish(),
  consistency: z.enum(['read-your-writes', 'strong']).nullish(),
});

/**
 * Options of `forUser`: `consistency`, where the scope's reads go on an ORM with read replicas
 * (`'read-your-writes'`, the default: a replica that has the user's writes, else the primary;
 * `'strong'`: always the primary).
 * @example
 * ```ts
 * scopeOptionsSchema.parse({ consistency: 'strong' });
 * ```
 */
export const scopeOptionsSchema = strictInput({ consistency: z.enum(['read-your-writes', 'strong']).nullish() });

/**
 * Options of `replicaStatus`: `probe`, whether to ask every server for its WAL position now.
 * @internal
 * @example
 * ```ts
 * replicaStatusOptionsSchema.parse({ probe: true });
 * ```
 */
export const replicaStatusOptionsSchema = strictInput({ probe: booleanSchema.nullish() });

/**
 * An options object whose keys are checked by name, with the pattern metrics' wording: a non-object
 * is refused as a whole, an unknown key is "not a known option", and every problem is reported at
 * once (the key check runs even when a value is wrong).
 */
function knownOptions<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z
    .looseObject(shape, { error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? `must be an object with the options ${allowed}` : undefined) })
    .superRefine((value, ctx) => {
      for (const [key, received] of Object.entries(value)) {
        if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: 'custom', path: [key], message: `is not a known option (allowed: ${allowed})`, input: received, continue: true });
      }
    }, RUN_ALWAYS);
}

const metricsMethodSchema = argument<'library' | 'upstream'>((value) => value === 'library' || value === 'upstream', 'must be one of library, upstream', { type: 'string', enum: ['library', 'upstream'] });
const microcyclesOptionSchema = integerArgumentSchema({ min: 1, max: INT4_MAX });

/**
 * Options of the pattern-strength queries (`psiAll`, `psi`): `method` `'library'` or `'upstream'`,
 * `lastNMicrocycles` an integer from 1 to 2147483647; `undefined` or `null` means the method's
 * default, which the repository applies.
 * @example
 * ```ts
 * patternStrengthOptionsSchema.parse({ method: 'upstream', lastNMicrocycles: 2 });
 * ```
 */
export const patternStrengthOptionsSchema = knownOptions({
  method: metricsMethodSchema.nullish(),
  lastNMicrocycles: microcyclesOptionSchema.nullish(),
});

/**
 * Options of the trend queries (`trendAll`, `trend`, `deloadSignal`): `method`,
 * `windowMicrocycles` an integer from 1 to 2147483647, `threshold` a finite fraction >= 0.
 * @example
 * ```ts
 * patternTrendOptionsSchema.parse({ windowMicrocycles: 6, threshold: 0.02 });
 * ```
 */
export const patternTrendOptionsSchema = knownOptions({
  method: metricsMethodSchema.nullish(),
  windowMicrocycles: microcyclesOptionSchema.nullish(),
  threshold: argument<number>((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0, 'must be a finite number >= 0 (a fraction: 0.05 = 5 %)', { type: 'number', minimum: 0 }).nullish(),
});


// The enum and version arguments of the repositories' finders, here so that they are built with the
// other schemas on first use rather than when the repositories load (src/orm/validation.ts).
/**
 * `UserMovementRuleRepository.findByType`'s `ruleType`.
 * @example
 * ```ts
 * movementRuleTypeArgumentSchema.parse('hard_no'); // 'hard_no'
 * ```
 * @internal
 */
export const movementRuleTypeArgumentSchema = enumSchema(ENUMS.MovementRuleType);
/**
 * The relationship type filter of `MovementRelationshipRepository`; none means every type.
 * @example
 * ```ts
 * relationshipTypeArgumentSchema.parse(undefined); // undefined: every type
 * ```
 * @internal
 */
export const relationshipTypeArgumentSchema = enumSchema(ENUMS.RelationshipType).nullish();
/**
 * The pattern of the pattern-strength reads.
 * @example
 * ```ts
 * movementPatternArgumentSchema.parse('squat'); // 'squat'
 * ```
 * @internal
 */
export const movementPatternArgumentSchema = enumSchema(ENUMS.MovementPattern);
/**
 * A heuristic config's version.
 * @example
 * ```ts
 * heuristicVersionArgumentSchema.parse(2); // 2; 0 and 1.5 are refused
 * ```
 * @internal
 */
export const heuristicVersionArgumentSchema = integerArgumentSchema({ min: 1, max: INT4_MAX });
/**
 * `CircuitTemplateRepository.findByType`'s `circuitType`.
 * @example
 * ```ts
 * circuitTypeArgumentSchema.parse('amrap'); // 'amrap'
 * ```
 * @internal
 */
export const circuitTypeArgumentSchema = enumSchema(ENUMS.CircuitType);
/**
 * The criterion each single-criterion movement finder requires (`findByPattern(undefined)` is an
 * error, not every movement).
 * @example
 * ```ts
 * movementCriterionArgumentSchemas.tag.parse(' Kettlebell '); // 'Kettlebell'
 * ```
 * @internal
 */
export const movementCriterionArgumentSchemas = {
  pattern: movementPatternArgumentSchema,
  primaryMuscle: enumSchema(ENUMS.PrimaryMuscle),
  primaryRegion: enumSchema(ENUMS.PrimaryRegion),
  tag: tagFilterSchema,
  substitutionGroup: textSchema(COLUMN_LENGTHS.substitutionGroup),
};
