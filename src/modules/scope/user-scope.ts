import type { EntityManager } from '@mikro-orm/postgresql';
import { GainslyNotFoundError } from '../../orm/errors.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { requestEntityManager, type AnyEntityManager } from '../../orm/context.js';
import { afterRecordedWrite, onPrimary, routeRead } from '../../orm/replicas.js';
import { definedOnly, parseOptions, requireId } from '../../orm/arguments.js';
import type {
  ConversationThreadRow,
  ConversationTurnRow,
  MicrocycleRow,
  MovementRow,
  PatternExposureRow,
  ProgramRow,
  RecoverySignalRow,
  SorenessLogRow,
  TopSetLogRow,
  UserEnjoyableActivityRow,
  UserMovementRuleRow,
  WorkoutLogRow,
  Page,
} from '../../schemas/rows/index.js';
import type { RowInclude, RowList } from '../../orm/rows.js';
import type { EntityName } from '@mikro-orm/core';
import {
  LISTS,
  includes,
  page,
  rangeOf,
  rowById,
  topSetList,
  type ConversationThreadDetailRow,
  type ConversationThreadIncludes,
  type DatedListOptions,
  type IncludeOptions,
  type ListOptions,
  type ProfileRow,
  type ProgramIncludes,
  type SessionDetailRow,
  type TopSetListOptions,
  type UserMovementRuleIncludes,
  type UserParams,
  type WithIncludes,
  type WorkoutLogDetailRow,
  type WorkoutLogIncludes,
} from './row-reads.js';
import { ENUMS, type MovementPattern } from '../../enums/index.js';
import type { AcceptPlanInput, AppendTurnInput, ConversationThreadInput } from '../../schemas/inputs/coaching.js';
import type { CreateProgramInput, SessionPlanInput } from '../../schemas/inputs/programs.js';
import type { EnjoyableActivityInput, MovementRuleInput, UpdateUserInput } from '../../schemas/inputs/users.js';
import type { LogWorkoutInput, RecoverySignalInput, SorenessInput } from '../../schemas/inputs/logging.js';
import type { MovementInput, UpdateMovementInput } from '../../schemas/inputs/movements.js';
import { User } from '../users/user.entity.js';
import { UserMovementRule } from '../users/user-movement-rule.entity.js';
import { UserEnjoyableActivity } from '../users/user-enjoyable-activity.entity.js';
import { Program } from '../programs/program.entity.js';
import { Microcycle } from '../programs/microcycle.entity.js';
import { Session } from '../programs/session.entity.js';
import { Movement } from '../movements/movement.entity.js';
import type { MovementSearch } from '../movements/movement.repository.js';
import type { MicrocycleView } from '../programs/microcycle.repository.js';
import type { MicrocycleAdvance } from '../programs/program.repository.js';
import { WorkoutLog } from '../logging/workout-log.entity.js';
import { PatternExposure } from '../logging/pattern-exposure.entity.js';
import { SorenessLog } from '../logging/soreness-log.entity.js';
import { RecoverySignal } from '../logging/recovery-signal.entity.js';
import type { DateWindow } from '../logging/recovery-signal.repository.js';
import type { PatternExposureRepository, PatternStrengthQueryOptions, PatternTrendQueryOptions } from '../logging/pattern-exposure.repository.js';
import { ConversationThread } from '../coaching/conversation-thread.entity.js';
import { ConversationTurn } from '../coaching/conversation-turn.entity.js';
import { visibleMovementSql } from '../ownership.js';
import { findOwnedRow } from '../owned-row.js';
import type { Writable } from 'node:stream';
import {
  eraseUserData,
  exportUserData,
  writeUserExport,
  type EraseOptions,
  type EraseReport,
  type UserExportDocument,
  type UserExportOptions,
  type UserExportSummary,
} from '../user-data.js';
import { schemas } from '../../orm/validation.js';

/**
 * An inclusive `'YYYY-MM-DD'` range; either end may be left open (`undefined` or `null`). Each end
 * must be a real calendar date of years 0001–9999 (not `'2026-02-30'`, a timestamp, or a
 * PostgreSQL word such as `'today'` or `'infinity'`), and `from` must not be after `to`; anything
 * else, unknown keys included, is a `GainslyValidationError` naming the key (schema:
 * `dateRangeSchema` of `@gainsly/db/schemas`).
 * @example
 * ```ts
 * const january: DateRange = { from: '2026-01-01', to: '2026-01-31' };
 * ```
 */
export interface DateRange {
  from?: string | null | undefined;
  to?: string | null | undefined;
}

/**
 * Where a scope's reads go on an ORM with read replicas: `'read-your-writes'` (the default) to a
 * replica that has replayed the user's writes through this ORM, else the primary; `'strong'`
 * always to the primary. Without replicas both read the primary.
 * @example
 * ```ts
 * const consistency: Consistency = 'strong';
 * ```
 */
export type Consistency = 'read-your-writes' | 'strong';

/**
 * Options of {@link forUser}.
 * @example
 * ```ts
 * const checkout = forUser(em, userId, { consistency: 'strong' } satisfies ScopeOptions);
 * ```
 */
export interface ScopeOptions {
  /** Where the scope's reads go; see {@link Consistency}. Default `'read-your-writes'`. */
  consistency?: Consistency | undefined;
}

/**
 * A catalog search on behalf of a user: system movements and theirs, or (`ownOnly`) only theirs.
 * Validated here (a `scope` key is refused: the scope's user decides it), then by the repository.
 */
function catalogSearch(userId: number, filter: unknown): MovementSearch {
  const { ownOnly, ...rest } = parseOptions(schemas.userMovementSearchSchema, filter, 'MovementSearch');
  return { ...(definedOnly(rest) as MovementSearch), scope: { userId, only: ownOnly ?? false } };
}

function checkId(id: number, what: string): number {
  return requireId(id, `${what.charAt(0).toLowerCase()}${what.slice(1)}Id`);
}

/** Whether a user exists: an index probe that decodes nothing of the row. */
const USER_EXISTS_SQL = namedStatement<{ id: number }, { one: number }>((p) => sql`select 1 as one from users where id = ${p.id}`);

/**
 * Rejects with `GainslyNotFoundError` (User, users) when the user does not exist. Shared by both
 * scopes. @internal
 */
export async function requireUserExists(em: EntityManager, userId: number, key: 'userId' | 'ownerId'): Promise<void> {
  const rows = await executeBound(em, USER_EXISTS_SQL.bind({ id: userId }));
  if (rows.length === 0) throw new GainslyNotFoundError('User', 'users', { [key === 'userId' ? 'id' : key]: userId });
}

/**
 * Sets a namespace of {@link UserScope} as the instance's own read-only property on first read, so
 * later reads find it at once: a scope made for one call (a request's `forUser(em, id)`) builds
 * only the namespace it uses, not all of them (docs/performance.md, "The rows reads").
 */
function defineNamespace<T extends object>(scope: UserScope, key: string, value: T): T {
  Object.defineProperty(scope, key, { value, enumerable: true });
  return value;
}

/**
 * A view of the repositories on behalf of one user: every query is filtered by the owner and
 * every write is attached to the owner or checked against them, so a service can pass ids from
 * a request straight in. Another user's row is reported as not found (`GainslyNotFoundError`),
 * whether it exists or not. Inputs are validated with the `@gainsly/db/schemas` schemas.
 *
 * A user that does not exist is "not found" for reads as for writes: the first call of a scope
 * checks that the user exists (one index probe, `select 1 from users where id = ?`) and remembers
 * the answer for the scope's life, so a list, a strength figure or an average for user 999999 is
 * `GainslyNotFoundError` (entity `User`), never an empty list or all-null figures. A scope is made
 * per request, so the cost is one query per request at most; a failed check is not remembered.
 *
 * Create one per request: `forUser(em, userId)`. Any
 * EntityManager a framework hands out is accepted (see {@link AnyEntityManager}); the global one
 * is replaced by the request context's, or outside a request context by a fork (so a cron job
 * works), and `scope.em` is the one the scope works through.
 *
 * @example
 * ```ts
 * const me = forUser(orm.em.fork(), session.userId);
 * const { topSets } = await me.workouts.log({ date: '2026-01-06', topSets: [{ movementId: 3, weight: 100, reps: 5 }] });
 * const psi = await me.strength.psiAll();
 * ```
 */
export class UserScope {
  // Every namespace function returns a promise and reports a bad argument by rejecting it, never by
  // throwing synchronously: those that validate before delegating are `async` for that reason.
  /** The EntityManager the scope works through (a fork when it was given the global one outside a request). */
  readonly em: EntityManager;
  /** The user-exists check, once it succeeded (see the class comment). */
  private userChecked: Promise<void> | undefined;

  /** `'strong'`: every read on the primary (see {@link ScopeOptions}). */
  readonly consistency: Consistency;

  constructor(
    em: AnyEntityManager,
    /** The owner every query and write is restricted to. */
    readonly userId: number,
    options?: ScopeOptions,
  ) {
    checkId(userId, 'User');
    this.consistency = parseOptions(schemas.scopeOptionsSchema, options, 'ScopeOptions').consistency ?? 'read-your-writes';
    this.em = requestEntityManager(em, 'forUser()');
  }

  /**
   * Runs a read where it may go (a replica that has this user's writes, see replicas.ts; the
   * primary with `consistency: 'strong'`), then the (cached) check that the scope's user exists.
   * The read goes first so that its own argument validation still rejects before any SQL is sent;
   * for a missing user its (empty) result is discarded.
   */
  private read<T>(run: () => Promise<T>, found?: (result: T) => boolean): Promise<T> {
    return this.routed(async () => {
      const result = await run();
      // A row the user owns proves the user exists: no probe (a list page costs one statement).
      if (found?.(result)) {
        this.userChecked ??= Promise.resolve();
        return result;
      }
      this.userChecked ??= requireUserExists(this.em, this.userId, 'userId').catch((error: unknown) => {
        // Not remembered: the user may be created later in the same unit of work.
        this.userChecked = undefined;
        throw error;
      });
      await this.userChecked;
      return result;
    });
  }

  /** A read routed as {@link UserScope.read} routes it, without the user check (a missing row already says "not found"). */
  private routed<T>(run: () => Promise<T>): Promise<T> {
    return this.consistency === 'strong' ? onPrimary(this.em, run) : routeRead(this.em, this.userId, run);
  }

  /** Runs a write, then records it so this user's next reads see it (on an ORM with replicas). */
  private async write<T>(run: () => Promise<T>): Promise<T> {
    return afterRecordedWrite(this.em, this.userId, await run());
  }

  /**
   * The row a write made or changed, read back by id in the form the reads return (one statement,
   * on the write's connection and transaction), so a service can send what it wrote as it sends
   * what it reads.
   */
  private async writtenRow<R>(entity: EntityName<object>, written: Promise<{ id: number }>, include: readonly RowInclude[] = []): Promise<R> {
    const { id } = await written;
    const row = await rowById<R>(this.em, entity, id, include);
    // The write flushed this row on the same EntityManager a moment ago: missing means someone deleted it since.
    if (row === undefined) {
      const meta = this.em.getMetadata().get(entity);
      throw new GainslyNotFoundError(meta.className, meta.tableName, { id });
    }
    return row;
  }

  /** One of the user's rows by id as a plain row, with `include` nested; else `GainslyNotFoundError`. */
  private ownRow<R>(entity: abstract new (...args: never[]) => object, id: number, include: readonly RowInclude[] = []): Promise<R> {
    return this.routed(() => findOwnedRow<R>(this.em, entity, id, this.userId, include));
  }

  /** A page of one of the user's lists (see row-reads.ts), validated before any SQL. */
  private async list<R>(list: RowList<UserParams>, options: ListOptions<string>, params: Partial<UserParams> = {}, input?: string): Promise<Page<R>> {
    return this.read(
      () => page<R>(this.em, list, { user: this.userId, ...params }, options, input),
      (result) => result.items.length > 0,
    );
  }

  /** A page of one of the user's dated lists: `from`/`to` pick the statement's shape. */
  private dated<R>(schema: typeof schemas.datedRowsOptionsSchema | typeof schemas.workoutListOptionsSchema, options: unknown, make: (shape: { from: boolean; to: boolean }) => RowList<UserParams>): Promise<Page<R>> {
    const checked = parseOptions(schema, options, 'DatedListOptions');
    const range = rangeOf(checked);
    return this.list<R>(make(range), checked, range.values, 'DatedListOptions');
  }

  /** The user's own row and settings. */
  get profile() {
    return defineNamespace(this, 'profile', {
      /** The user's row with its settings row (`null` when it has none). */
      get: (): Promise<ProfileRow> => this.ownRow<ProfileRow>(User, this.userId, [{ relation: 'settings' }]),
      /** Updates name, e-mail, experience, persona and settings (validated: `updateUserInputSchema`); returns the profile as `get` does. */
      update: (input: UpdateUserInput): Promise<ProfileRow> => this.writtenRow(User, this.em.getRepository(User).updateProfile(this.userId, input), [{ relation: 'settings' }]),
    });
  }

  /** The user's movement rules (hard no / hard yes / preferred). */
  get movementRules() {
    return defineNamespace(this, 'movementRules', {
      /** The user's rules in the order they were made; `include: ['movement']` nests each rule's movement. */
      list: async <const I extends keyof UserMovementRuleIncludes = never>(options?: ListOptions<I>): Promise<Page<WithIncludes<UserMovementRuleRow, UserMovementRuleIncludes, I>>> =>
        this.list(LISTS.movementRules(), parseOptions(schemas.movementRuleListOptionsSchema, options, 'ListOptions')),
      /** Adds a rule about a movement the user can see (see `UserMovementRuleRepository.createRule`). */
      create: (input: MovementRuleInput): Promise<UserMovementRuleRow> => this.writtenRow(UserMovementRule, this.em.getRepository(UserMovementRule).createRule(this.userId, input)),
      /** Removes one of the user's rules (see `UserMovementRuleRepository.deleteRule`). */
      delete: (id: number): Promise<void> => this.em.getRepository(UserMovementRule).deleteRule(this.userId, id),
    });
  }

  /** The user's enjoyable activities. */
  get enjoyableActivities() {
    return defineNamespace(this, 'enjoyableActivities', {
      /** The user's activities in the order they were added. */
      list: async (options?: ListOptions): Promise<Page<UserEnjoyableActivityRow>> => this.list(LISTS.enjoyableActivities(), parseOptions(schemas.plainListOptionsSchema, options, 'ListOptions')),
      /** Adds an activity (see `UserEnjoyableActivityRepository.createActivity`). */
      create: (input: EnjoyableActivityInput): Promise<UserEnjoyableActivityRow> => this.writtenRow(UserEnjoyableActivity, this.em.getRepository(UserEnjoyableActivity).createActivity(this.userId, input)),
      /** Removes one of the user's activities (see `UserEnjoyableActivityRepository.deleteActivity`). */
      delete: (id: number): Promise<void> => this.em.getRepository(UserEnjoyableActivity).deleteActivity(this.userId, id),
    });
  }

  /** The user's programs, their microcycles and sessions. */
  get programs() {
    return defineNamespace(this, 'programs', {
      /** The user's programs, newest first (by start date, then id); `include: ['microcycles']` nests their weeks in order. */
      list: async <const I extends keyof ProgramIncludes = never>(options?: ListOptions<I>): Promise<Page<WithIncludes<ProgramRow, ProgramIncludes, I>>> =>
        this.list(LISTS.programs(false), parseOptions(schemas.programListOptionsSchema, options, 'ListOptions')),
      /** One of the user's programs; `include: ['microcycles']` nests its weeks in order. */
      get: async <const I extends keyof ProgramIncludes = never>(id: number, options?: IncludeOptions<I>): Promise<WithIncludes<ProgramRow, ProgramIncludes, I>> =>
        this.ownRow(Program, id, includes(parseOptions(schemas.programIncludeOptionsSchema, options, 'IncludeOptions').include)),
      /** The user's active program (the newest when several are), or `null`. */
      active: (): Promise<ProgramRow | null> => this.read(async () => (await page<ProgramRow>(this.em, LISTS.activePrograms(), { user: this.userId }, { limit: 1 })).items[0] ?? null),
      /** Creates a program with its microcycle plan and makes it the active one (see `ProgramRepository.createProgram`); returns it with its microcycles. */
      create: (input: CreateProgramInput): Promise<WithIncludes<ProgramRow, ProgramIncludes, 'microcycles'>> =>
        this.writtenRow(Program, this.em.getRepository(Program).createProgram(this.userId, input), [{ relation: 'microcycles' }]),
      /** The microcycles of one of the user's programs, in sequence order (one statement). */
      microcycles: async (programId: number): Promise<MicrocycleRow[]> =>
        (await this.ownRow<ProgramRow & ProgramIncludes>(Program, programId, [{ relation: 'microcycles' }])).microcycles,
      /**
       * The program's current week: its `active` microcycle as plain data, or `null` when none is
       * active (see `MicrocycleRepository.findActiveByProgram`).
       */
      activeMicrocycle: (programId: number): Promise<MicrocycleRow | null> =>
        this.routed(() => this.em.getRepository(Microcycle).findActiveByProgram(programId, { userId: this.userId })),
      /**
       * The microcycle of the user's active program whose days include `date`, as plain data, or
       * `null` (see `MicrocycleRepository.findCoveringForUser`).
       */
      microcycleOn: (date: string): Promise<MicrocycleRow | null> => this.read(() => this.em.getRepository(Microcycle).findCoveringForUser(this.userId, date)),
      /**
       * Completes the program's active microcycle and activates the next, creating it past the
       * planned ones, in one transaction with the program locked (see `ProgramRepository.advanceMicrocycle`).
       */
      advance: (programId: number): Promise<MicrocycleAdvance> =>
        this.em.getRepository(Program).advanceMicrocycle(programId, { userId: this.userId }),
    });
  }

  /** Microcycles and sessions of the user's programs. */
  get sessions() {
    return defineNamespace(this, 'sessions', {
      /** The same as {@link UserScope.sessions}`.microcycleView`: one microcycle with its sessions, exercises and movements, as plain data. */
      microcycle: async (microcycleId: number): Promise<MicrocycleView> => {
        const id = checkId(microcycleId, 'Microcycle');
        return this.routed(() => this.em.getRepository(Microcycle).findForDisplay(id, { userId: this.userId }));
      },
      /**
       * The same tree as plain data for display, in one statement (`MicrocycleRepository.findForDisplay`):
       * sessions by day, exercises by order, semantic enum values; nothing managed.
       */
      microcycleView: async (microcycleId: number): Promise<MicrocycleView> => {
        const id = checkId(microcycleId, 'Microcycle');
        return this.routed(() => this.em.getRepository(Microcycle).findForDisplay(id, { userId: this.userId }));
      },
      /** One of the user's sessions with its exercises (by `orderInSession`), each with its movement. */
      get: (sessionId: number): Promise<SessionDetailRow> => this.ownRow<SessionDetailRow>(Session, sessionId, [{ relation: 'exercises', include: [{ relation: 'movement' }] }]),
      /**
       * One of the user's sessions as a plan to change and write back with `writePlan` (see
       * `SessionRepository.readPlan`): keys the library does not interpret are kept in `extra`.
       */
      readPlan: async (sessionId: number): Promise<SessionPlanInput> => {
        const id = requireId(sessionId, 'sessionId');
        return this.routed(() => this.em.getRepository(Session).readPlan(id, { userId: this.userId }));
      },
      /** Writes a session from a plan (JSON sections and session_exercises together), in the upstream app's JSON shape. */
      writePlan: async (input: SessionPlanInput, sessionId?: number): Promise<SessionDetailRow> =>
        this.writtenRow(
          Session,
          this.em.getRepository(Session).writePlan(input, { userId: this.userId, ...(sessionId === undefined ? {} : { sessionId: requireId(sessionId, 'sessionId') }) }),
          [{ relation: 'exercises', include: [{ relation: 'movement' }] }],
        ),
      /** The user's sessions whose JSON plan and exercises disagree. */
      outOfSync: () => this.read(() => this.em.getRepository(Session).findOutOfSync({ userId: this.userId })),
    });
  }

  /** The user's workouts. */
  get workouts() {
    return defineNamespace(this, 'workouts', {
      /** The user's workouts, optionally in a date range, oldest first (by date, then id); `include: ['topSets']` nests their top sets. */
      list: async <const I extends keyof WorkoutLogIncludes = never>(options?: DatedListOptions<I>): Promise<Page<WithIncludes<WorkoutLogRow, WorkoutLogIncludes, I>>> =>
        this.dated(schemas.workoutListOptionsSchema, options, (shape) => LISTS.workouts(shape, false)),
      /** One of the user's workouts with its top sets, each with its movement. */
      get: (id: number): Promise<WorkoutLogDetailRow> => this.ownRow<WorkoutLogDetailRow>(WorkoutLog, id, [{ relation: 'topSets', include: [{ relation: 'movement' }] }]),
      /** Logs a workout (see `WorkoutLogRepository.logWorkout`). */
      log: (input: LogWorkoutInput) => this.em.getRepository(WorkoutLog).logWorkout(this.userId, input),
      /** The user's top sets, optionally of one pattern or movement, by workout date then id. */
      topSets: async (options?: TopSetListOptions): Promise<Page<TopSetLogRow>> => {
        const checked = parseOptions(schemas.topSetListOptionsSchema, options, 'TopSetListOptions');
        const list = topSetList({ pattern: checked.pattern != null, movement: checked.movementId != null });
        const pattern = checked.pattern == null ? {} : { pattern: ENUMS.MovementPattern.toDb(checked.pattern) };
        return this.list(list as RowList<UserParams>, checked, { ...pattern, ...(checked.movementId == null ? {} : { movementId: checked.movementId }) }, 'TopSetListOptions');
      },
    });
  }

  /** Pattern strength, trends and e1RM history. */
  get strength() {
    return defineNamespace(this, 'strength', {
      /** The user's pattern exposures, optionally in a date range, by date then id. */
      exposures: async (options?: DatedListOptions): Promise<Page<PatternExposureRow>> => this.dated(schemas.datedRowsOptionsSchema, options, LISTS.exposures),
      /**
       * Pattern strength index of all 17 patterns (one statement; see `PatternExposureRepository.psiAll`).
       * `{ method: 'upstream' }` gives the upstream app's numbers (lookback 2, planned weeks count).
       */
      psiAll: (options?: PatternStrengthQueryOptions) => this.read(() => this.em.getRepository(PatternExposure).psiAll(this.userId, options)),
      /** Pattern strength index of one pattern; same options as `psiAll`. */
      psi: (pattern: MovementPattern, options?: PatternStrengthQueryOptions) => this.read(() => this.em.getRepository(PatternExposure).psi(this.userId, pattern, options)),
      /**
       * Trend of every pattern over the window (see `PatternExposureRepository.trendAll`);
       * `{ method: 'upstream' }` gives the upstream app's trend.
       */
      trendAll: (options?: PatternTrendQueryOptions) => this.read(() => this.em.getRepository(PatternExposure).trendAll(this.userId, options)),
      /** Trend of one pattern; same options as `trendAll`. */
      trend: (pattern: MovementPattern, options?: PatternTrendQueryOptions) => this.read(() => this.em.getRepository(PatternExposure).trend(this.userId, pattern, options)),
      /** Whether two or more patterns are declining by `trendAll` with the same options (`method: 'upstream'`: the app's deload signal). */
      deloadSignal: (options?: PatternTrendQueryOptions) => this.read(() => this.em.getRepository(PatternExposure).deloadSignal(this.userId, options)),
      /** e1RM over time of a pattern or a movement, for plotting. */
      e1rmHistory: (target: Parameters<PatternExposureRepository['e1rmHistory']>[1]) => this.read(() => this.em.getRepository(PatternExposure).e1rmHistory(this.userId, target)),
    });
  }

  /** Soreness entries. */
  get soreness() {
    return defineNamespace(this, 'soreness', {
      /** The user's soreness entries, optionally in a date range, by date then id. */
      list: async (options?: DatedListOptions): Promise<Page<SorenessLogRow>> => this.dated(schemas.datedRowsOptionsSchema, options, LISTS.soreness),
      /** Records soreness; a cause session must be the user's (see `SorenessLogRepository.recordSoreness`). */
      create: (input: SorenessInput): Promise<SorenessLogRow> => this.writtenRow(SorenessLog, this.em.getRepository(SorenessLog).recordSoreness(this.userId, input)),
      /** Soreness per body part over a window. */
      byBodyPart: (window?: DateWindow) => this.read(() => this.em.getRepository(SorenessLog).byBodyPart(this.userId, window)),
    });
  }

  /** Recovery readings. */
  get recovery() {
    return defineNamespace(this, 'recovery', {
      /** The user's recovery readings, optionally in a date range, by date then id. */
      list: async (options?: DatedListOptions): Promise<Page<RecoverySignalRow>> => this.dated(schemas.datedRowsOptionsSchema, options, LISTS.recovery),
      /** Records a recovery reading; a session must be the user's (see `RecoverySignalRepository.recordReading`). */
      create: (input: RecoverySignalInput): Promise<RecoverySignalRow> => this.writtenRow(RecoverySignal, this.em.getRepository(RecoverySignal).recordReading(this.userId, input)),
      /** Average sleep, readiness, HRV and resting heart rate over a window. */
      averages: (window?: DateWindow) => this.read(() => this.em.getRepository(RecoverySignal).recentAverages(this.userId, window)),
    });
  }

  /** Conversations with the coach. */
  get conversations() {
    return defineNamespace(this, 'conversations', {
      /** The user's conversation threads, newest first (by `createdAt`, then id); `include: ['turns']` nests their turns in order. */
      list: async <const I extends keyof ConversationThreadIncludes = never>(options?: ListOptions<I>): Promise<Page<WithIncludes<ConversationThreadRow, ConversationThreadIncludes, I>>> =>
        this.list(LISTS.conversations(), parseOptions(schemas.threadListOptionsSchema, options, 'ListOptions')),
      /** One of the user's threads with its turns in order. */
      get: (threadId: number): Promise<ConversationThreadDetailRow> => this.ownRow<ConversationThreadDetailRow>(ConversationThread, threadId, [{ relation: 'turns' }]),
      /** Opens a thread; a context session must be the user's. */
      create: (input: ConversationThreadInput): Promise<ConversationThreadRow> => this.writtenRow(ConversationThread, this.em.getRepository(ConversationThread).createThread(this.userId, input)),
      /** Appends a turn to one of the user's threads (gap-free numbering under concurrency). */
      appendTurn: async (threadId: number, input: AppendTurnInput): Promise<ConversationTurnRow> =>
        this.writtenRow(ConversationTurn, this.em.getRepository(ConversationThread).appendTurn(checkId(threadId, 'ConversationThread'), input, { userId: this.userId })),
      /** Records the plan the user accepted in one of their threads. */
      acceptPlan: async (threadId: number, input: AcceptPlanInput): Promise<void> =>
        this.em.getRepository(ConversationThread).acceptPlan(checkId(threadId, 'ConversationThread'), input, { userId: this.userId }),
    });
  }

  /** The catalog as this user sees it: system movements plus their own. */
  get movements() {
    return defineNamespace(this, 'movements', {
      /**
       * Searches system movements and the user's own (`ownOnly` for just their own): the criteria of
       * `MovementRepository.search` without `scope`, validated the same way (tags case-insensitive).
       * One page by name (default 100 rows); pass `nextCursor` back as `after` for the next.
       */
      search: async (filter: Omit<MovementSearch, 'scope' | 'offset'> & { ownOnly?: boolean | null | undefined } = {}): Promise<Page<MovementRow>> => {
        const search = catalogSearch(this.userId, filter);
        return this.read(() => this.em.getRepository(Movement).searchPage(search));
      },
      /** The same as `search` (kept from the versions whose `search` returned entities). */
      searchRows: (filter: Omit<MovementSearch, 'scope' | 'offset'> & { ownOnly?: boolean | null | undefined } = {}): Promise<Page<MovementRow>> => this.movements.search(filter),
      /** A system movement or one of the user's own, as a row. */
      get: (id: number): Promise<MovementRow> => this.routed(() => findOwnedRow<MovementRow>(this.em, Movement, id, this.userId, [], (t, user) => visibleMovementSql(t, user))),
      /** Defines a movement owned by this user (see `MovementRepository.createOwn`). */
      create: (input: MovementInput): Promise<MovementRow> => this.writtenRow(Movement, this.em.getRepository(Movement).createOwn(this.userId, input)),
      /** Changes one of the user's own movements; system movements are read-only here (see `MovementRepository.updateOwn`). */
      update: (id: number, input: UpdateMovementInput): Promise<MovementRow> => this.writtenRow(Movement, this.em.getRepository(Movement).updateOwn(this.userId, id, input)),
      /** Deletes one of the user's own movements (see `MovementRepository.deleteOwn`). */
      delete: (id: number): Promise<void> => this.em.getRepository(Movement).deleteOwn(this.userId, id),
    });
  }

  /**
   * The user's data as a whole (GDPR access, portability and erasure): {@link exportUserData},
   * {@link writeUserExport} and {@link eraseUserData} for this user, through the scope's
   * EntityManager (joining its transaction, if any). After `erase`, entities of the user this
   * EntityManager holds are stale: use a fresh one.
   */
  get account() {
    return defineNamespace(this, 'account', {
      /** Everything the user owns, as a `gainsly-user-export` document (one REPEATABLE READ snapshot). */
      export: (options?: UserExportOptions): Promise<UserExportDocument> => exportUserData(this.em, this.userId, options),
      /** The same document streamed to a file path or a writable stream (memory stays flat). */
      writeExport: (destination: string | Writable, options?: UserExportOptions): Promise<UserExportSummary> =>
        writeUserExport(this.em, this.userId, destination, options),
      /** Deletes everything the user owns, applying the erase policy (`dryRun` to preview). */
      erase: (options?: EraseOptions): Promise<EraseReport> => this.write(() => eraseUserData(this.em, this.userId, options)),
    });
  }
}

/**
 * The repositories on behalf of one user (see {@link UserScope}). `em` may be any EntityManager a
 * framework hands out (`@mikro-orm/core`'s, `SqlEntityManager`, `@mikro-orm/postgresql`'s), the
 * global one included: inside a request context the scope uses the context's, outside one a fork.
 * @throws {GainslyValidationError} `userId` is not an id
 * @throws {GainslyConfigError} `em` is not a MikroORM EntityManager
 * @example
 * ```ts
 * const me = forUser(em, userId); // NestJS: the injected EntityManager, in a request or a @Cron job
 * await me.programs.list(); // GainslyNotFoundError when user `userId` does not exist
 * ```
 */
export function forUser(em: AnyEntityManager, userId: number, options?: ScopeOptions): UserScope {
  return new UserScope(em, userId, options);
}
