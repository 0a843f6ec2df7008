// The lists and single-row reads of the user and viewer scopes as plain rows (src/orm/rows.ts):
// each one statement, ownership by the one rule of modules/ownership.ts, keyset pagination in a
// fixed order whose last term is the unique id (docs/rows.md).
import { sql, type RawBuilder } from 'kysely';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ConversationThreadRow,
  ConversationTurnRow,
  MicrocycleRow,
  MovementRow,
  ProgramRow,
  SessionExerciseRow,
  SessionRow,
  TopSetLogRow,
  UserMovementRuleRow,
  UserRow,
  UserSettingsRow,
  WorkoutLogRow,
} from '../../schemas/rows/index.js';
import type { Page } from '../../schemas/rows/registry.js';
import type { MovementPattern } from '../../enums/index.js';
import type { DateRange } from './user-scope.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, oneRow, pageOfRows, type OrderTerm, type RowInclude, type RowList } from '../../orm/rows.js';
import { ownedSql, type GainslyTable } from '../ownership.js';
import type { EntityName } from '@mikro-orm/core';
import { Program } from '../programs/program.entity.js';
import { WorkoutLog } from '../logging/workout-log.entity.js';
import { PatternExposure } from '../logging/pattern-exposure.entity.js';
import { SorenessLog } from '../logging/soreness-log.entity.js';
import { RecoverySignal } from '../logging/recovery-signal.entity.js';
import { TopSetLog } from '../logging/top-set-log.entity.js';
import { UserMovementRule } from '../users/user-movement-rule.entity.js';
import { UserEnjoyableActivity } from '../users/user-enjoyable-activity.entity.js';
import { ConversationThread } from '../coaching/conversation-thread.entity.js';


/**
 * Options of a list: page size, the cursor to continue after, and the related rows to nest.
 * @example
 * ```ts
 * const options: ListOptions<'microcycles'> = { limit: 20, include: ['microcycles'] };
 * ```
 */
export interface ListOptions<I extends string = never> {
  /** At most this many rows (1 to 10,000); default 100. */
  limit?: number | null | undefined;
  /** The `nextCursor` of the previous page of the same list. */
  after?: string | null | undefined;
  /** Related rows to nest in each row (see each list). */
  include?: readonly I[] | null | undefined;
}

/**
 * Options of a single-row read: the related rows to nest.
 * @example
 * ```ts
 * const options: IncludeOptions<'microcycles'> = { include: ['microcycles'] };
 * ```
 */
export interface IncludeOptions<I extends string = never> {
  include?: readonly I[] | null | undefined;
}

/**
 * Options of `workouts.topSets`: a pattern or movement to filter by, and paging.
 * @example
 * ```ts
 * const options: TopSetListOptions = { pattern: 'squat', limit: 50 };
 * ```
 */
export interface TopSetListOptions extends ListOptions {
  pattern?: MovementPattern | null | undefined;
  movementId?: number | null | undefined;
}

/**
 * Options of a list of dated rows: an inclusive range of `'YYYY-MM-DD'` days, either end open, and the {@link ListOptions}.
 * @example
 * ```ts
 * const january: DatedListOptions<'topSets'> = { from: '2026-01-01', to: '2026-01-31', include: ['topSets'] };
 * ```
 */
export interface DatedListOptions<I extends string = never> extends ListOptions<I>, DateRange {}

/**
 * What `include: ['microcycles']` nests in a {@link ProgramRow}.
 * @example
 * ```ts
 * const { items } = await me.programs.list({ include: ['microcycles'] });
 * items[0]?.microcycles.map((m) => m.status);
 * ```
 */
export interface ProgramIncludes {
  microcycles: MicrocycleRow[];
}
/**
 * What `include: ['topSets']` nests in a {@link WorkoutLogRow}.
 * @example
 * ```ts
 * const { items } = await me.workouts.list({ include: ['topSets'] });
 * items[0]?.topSets.length;
 * ```
 */
export interface WorkoutLogIncludes {
  topSets: TopSetLogRow[];
}
/**
 * What `include: ['turns']` nests in a {@link ConversationThreadRow}.
 * @example
 * ```ts
 * const page = await me.conversations.list({ include: ['turns'] });
 * page.items[0]?.turns.length;
 * ```
 */
export interface ConversationThreadIncludes {
  turns: ConversationTurnRow[];
}
/**
 * What `include: ['movement']` nests in a {@link UserMovementRuleRow}.
 * @example
 * ```ts
 * const { items } = await me.movementRules.list({ include: ['movement'] });
 * items.map((rule) => `${rule.ruleType}: ${rule.movement.name}`);
 * ```
 */
export interface UserMovementRuleIncludes {
  movement: MovementRow;
}

/**
 * A row with the relations `I` of `Includes` nested.
 * @example
 * ```ts
 * type ProgramWithWeeks = WithIncludes<ProgramRow, ProgramIncludes, 'microcycles'>;
 * ```
 */
export type WithIncludes<Row, Includes, I extends keyof Includes> = Row & { [K in I]: Includes[K] };

/**
 * The user's profile: the `users` row and its settings row (`null` when it has none).
 * @example
 * ```ts
 * const profile: ProfileRow = await me.profile.get();
 * profile.settings?.activeE1rmFormula; // 'epley'
 * ```
 */
export type ProfileRow = UserRow & { settings: UserSettingsRow | null };
/**
 * A session with its exercises (by `orderInSession`), each with its movement.
 * @example
 * ```ts
 * const session: SessionDetailRow = await me.sessions.get(sessionId);
 * session.exercises.map((e) => e.movement.name);
 * ```
 */
export type SessionDetailRow = SessionRow & { exercises: (SessionExerciseRow & { movement: MovementRow })[] };
/**
 * A workout with its top sets (in logged order), each with its movement.
 * @example
 * ```ts
 * const workout: WorkoutLogDetailRow = await me.workouts.get(workoutId);
 * workout.topSets.map((t) => `${t.movement.name} ${t.weight} × ${t.reps}`);
 * ```
 */
export type WorkoutLogDetailRow = WorkoutLogRow & { topSets: (TopSetLogRow & { movement: MovementRow })[] };
/**
 * A conversation thread with its turns in order.
 * @example
 * ```ts
 * const thread: ConversationThreadDetailRow = await me.conversations.get(threadId);
 * thread.turns.map((t) => t.content);
 * ```
 */
export type ConversationThreadDetailRow = ConversationThreadRow & { turns: ConversationTurnRow[] };

/** The include names of a list as engine includes. */
export function includes(names: readonly string[] | null | undefined): RowInclude[] {
  return (names ?? []).map((relation) => ({ relation }));
}

const ID_ASC: OrderTerm = { sql: sql`t.id`, cast: 'int4' };
const DATE: OrderTerm = { sql: sql`t.date`, cast: 'date' };

/** The named parameters of a user's list statement. */
export interface UserParams extends Record<string, unknown> {
  user: number;
  from?: string;
  to?: string;
  levels?: string[];
}

/** Conditions of a list of one user's rows of `table`: owned, in a date range, of visible levels. */
function userWhere(table: GainslyTable, shape: { from: boolean; to: boolean; levels?: boolean }) {
  return (p: { readonly [K in keyof UserParams]: UserParams[K] }): RawBuilder<unknown>[] => {
    const where: RawBuilder<unknown>[] = [ownedSql(table, sql.ref('t'), p.user)];
    if (shape.from) where.push(sql`t.date >= ${p.from}::date`);
    if (shape.to) where.push(sql`t.date <= ${p.to}::date`);
    if (shape.levels) where.push(sql`t.visibility::text = any(${p.levels}::text[])`);
    return where;
  };
}

/** A list of one user's rows, by its name, entity and order; one statement per shape of filter. */
function userList(name: string, entity: EntityName<object>, table: GainslyTable, order: readonly OrderTerm[], direction: 'asc' | 'desc', shape = { from: false, to: false, levels: false }): RowList<UserParams> {
  return { name, shape: `${+shape.from}${+shape.to}${+shape.levels}`, entity, where: userWhere(table, shape), order, direction };
}

/** Parameters and statement shape of a dated list's range. */
export function rangeOf(options: { from?: string | null | undefined; to?: string | null | undefined }) {
  return { from: options.from != null, to: options.to != null, values: { ...(options.from != null ? { from: options.from } : {}), ...(options.to != null ? { to: options.to } : {}) } };
}

/**
 * The lists of rows a user owns. `levels` restricts `visibility` (a viewer's read of another user's
 * programs and workouts).
 */
export const LISTS = {
  activePrograms: () => ({ ...userList('activePrograms', Program, 'programs', [{ sql: sql`t.start_date`, cast: 'date' }, ID_ASC], 'desc'), where: (p: { readonly user: number }) => [ownedSql('programs', sql.ref('t'), p.user), sql`t.is_active`] }) as RowList<UserParams>,
  programs: (levels: boolean) => userList('programs', Program, 'programs', [{ sql: sql`t.start_date`, cast: 'date' }, ID_ASC], 'desc', { from: false, to: false, levels }),
  workouts: (shape: { from: boolean; to: boolean }, levels: boolean) => userList('workouts', WorkoutLog, 'workout_logs', [DATE, ID_ASC], 'asc', { ...shape, levels }),
  exposures: (shape: { from: boolean; to: boolean }) => userList('exposures', PatternExposure, 'pattern_exposures', [DATE, ID_ASC], 'asc', { ...shape, levels: false }),
  soreness: (shape: { from: boolean; to: boolean }) => userList('soreness', SorenessLog, 'soreness_logs', [DATE, ID_ASC], 'asc', { ...shape, levels: false }),
  recovery: (shape: { from: boolean; to: boolean }) => userList('recovery', RecoverySignal, 'recovery_signals', [DATE, ID_ASC], 'asc', { ...shape, levels: false }),
  movementRules: () => userList('movementRules', UserMovementRule, 'user_movement_rules', [ID_ASC], 'asc'),
  enjoyableActivities: () => userList('enjoyableActivities', UserEnjoyableActivity, 'user_enjoyable_activities', [ID_ASC], 'asc'),
  // Newest first; a thread without created_at (an upstream row) sorts last.
  conversations: () => userList('conversations', ConversationThread, 'conversation_threads', [{ sql: sql`coalesce(t.created_at, '-infinity'::timestamp)`, cast: 'timestamp' }, ID_ASC], 'desc'),
} as const;

/** The user's top sets, optionally of one pattern or movement, by workout date then id. */
export function topSetList(shape: { pattern: boolean; movement: boolean }): RowList<UserParams & { pattern?: string; movementId?: number }> {
  return {
    name: 'topSets',
    shape: `${+shape.pattern}${+shape.movement}`,
    entity: TopSetLog,
    where: (p) => [
      ownedSql('top_set_logs', sql.ref('t'), p.user),
      ...(shape.pattern ? [sql`t.pattern::text = ${p.pattern}`] : []),
      ...(shape.movement ? [sql`t.movement_id = ${p.movementId}`] : []),
    ],
    order: [{ sql: sql`(select w.date from workout_logs w where w.id = t.workout_log_id)`, cast: 'date' }, ID_ASC],
    direction: 'asc',
  };
}

/**
 * One page of a list (see `pageOfRows`), with the list options' defaults applied. `input` names the
 * options in a validation error (`after` a cursor of another list), as their schema named them.
 */
export function page<R>(em: EntityManager, list: RowList<UserParams>, params: UserParams, options: ListOptions<string>, input?: string): Promise<Page<R>> {
  return pageOfRows<R, UserParams>(em, list, params, {
    limit: options.limit ?? DEFAULT_PAGE_SIZE,
    ...(options.after != null ? { after: options.after } : {}),
    include: includes(options.include),
    input,
  });
}

/**
 * Refuses `after` when it is not a cursor of `list`, before any statement: for a read that sends
 * others first (a viewer's friendship and owner checks), so bad input sends no SQL (docs/reliability.md).
 */
export function requireCursorOf(list: RowList<UserParams>, options: ListOptions<string>, input?: string): void {
  if (options.after != null) decodeCursor(list.name, options.after, list.order.length, { input });
}

/** One row of `entity` by id, with `include` nested (visibility decided by the caller); `undefined` when none. */
export function rowById<R>(em: EntityManager, entity: EntityName<object>, id: number, include: readonly RowInclude[] = []): Promise<R | undefined> {
  return oneRow<R, { id: number }>(em, entity, 'id', (p) => [sql`t.id = ${p.id}`], { id }, include);
}
