import type { EntityManager } from '@mikro-orm/postgresql';
import { GainslyNotFoundError } from '../../orm/errors.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { onPrimary, routeRead } from '../../orm/replicas.js';
import { ENUMS, type VisibilityLabel } from '../../enums/index.js';
import { parseOptions, requireId } from '../../orm/arguments.js';
import type { Page, ProgramRow, WorkoutLogRow } from '../../schemas/rows/index.js';
import {
  LISTS,
  includes,
  page,
  rangeOf,
  requireCursorOf,
  rowById,
  type DatedListOptions,
  type IncludeOptions,
  type ListOptions,
  type ProgramIncludes,
  type WithIncludes,
  type WorkoutLogDetailRow,
  type WorkoutLogIncludes,
} from './row-reads.js';
import { Program } from '../programs/program.entity.js';
import { WorkoutLog } from '../logging/workout-log.entity.js';
import { Movement } from '../movements/movement.entity.js';
import type { MovementSearch } from '../movements/movement.repository.js';
import type { MovementRow } from '../../schemas/rows/index.js';
import { requireUserExists, type Consistency } from './user-scope.js';
import { requestEntityManager, type AnyEntityManager } from '../../orm/context.js';
import { schemas } from '../../orm/validation.js';

/** A row's owner and visibility label, read without decoding anything else of it. */
const VISIBILITY_SQL = {
  programs: namedStatement<{ id: number }, { user_id: number; visibility: string }>((p) => sql`select user_id, visibility::text as visibility from programs where id = ${p.id}`),
  workout_logs: namedStatement<{ id: number }, { user_id: number; visibility: string }>((p) => sql`select user_id, visibility::text as visibility from workout_logs where id = ${p.id}`),
} as const;

/**
 * Tells whether two users are friends. Gainsly's database has no friendship table, so the
 * service supplies the answer (from its social graph, a cache, …).
 * @example
 * ```ts
 * const areFriends: FriendshipResolver = (viewerId, ownerId) => social.areFriends(viewerId, ownerId);
 * ```
 */
export type FriendshipResolver = (viewerId: number, ownerId: number) => boolean | Promise<boolean>;

/**
 * Options of {@link forViewer}. Validated when the scope is made: an unknown key, or an
 * `areFriends` that is not a function, is a `GainslyValidationError`.
 * @example
 * ```ts
 * const options: ViewerOptions = { areFriends: async (a, b) => friends.has(`${a}:${b}`) };
 * ```
 */
export interface ViewerOptions {
  /**
   * Without it, nobody is anyone's friend: `friends` rows are visible to their owner only. Only a
   * result of exactly `true` counts as friends (a truthy `'no'` or `1` does not).
   */
  areFriends?: FriendshipResolver | undefined;
  /** Where the scope's reads go on an ORM with read replicas (see `Consistency`); default `'read-your-writes'` (the viewer's writes). */
  consistency?: Consistency | undefined;
}

/**
 * Reads of other users' programs and workouts on behalf of a viewer, honouring `visibility`:
 * the owner sees everything, anyone sees `public` rows, and `friends` rows are visible when the
 * friendship resolver says so; `private` rows are never shown to others. Rows the viewer may
 * not see are reported as not found. System movements are visible to all, a user-defined
 * movement only to its owner.
 *
 * An owner that does not exist is "not found" (`GainslyNotFoundError`, entity `User`) for
 * `programsOf` and `workoutLogsOf`, as in {@link UserScope}: one index probe per owner, remembered
 * for the scope's life once it succeeded. Any EntityManager a framework hands out is accepted; the
 * global one is replaced by the request context's, or outside a request context by a fork.
 *
 * @example
 * ```ts
 * const viewer = forViewer(orm.em.fork(), viewerId, { areFriends });
 * const theirPrograms = await viewer.programsOf(ownerId);
 * ```
 */
export class ViewerScope {
  private readonly options: ViewerOptions;
  /** The EntityManager the scope works through (a fork when it was given the global one outside a request). */
  readonly em: EntityManager;
  /** Owners whose existence was checked (see the class comment). */
  private readonly ownersChecked = new Map<number, Promise<void>>();
  /** `consistency: 'strong'`: every read on the primary. */
  private readonly strong: boolean;

  constructor(
    em: AnyEntityManager,
    readonly viewerId: number,
    options: ViewerOptions = {},
  ) {
    requireId(viewerId, 'viewerId');
    const { areFriends, consistency } = parseOptions(schemas.viewerOptionsSchema, options, 'ViewerOptions');
    this.options = areFriends == null ? {} : { areFriends };
    this.strong = consistency === 'strong';
    this.em = requestEntityManager(em, 'forViewer()');
  }

  /**
   * Runs the database part of a read on a replica that has the viewer's own writes, else on the
   * primary (see replicas.ts); the friendship resolver runs before it, outside the routing.
   */
  private routed<T>(run: () => Promise<T>): Promise<T> {
    return this.strong ? onPrimary(this.em, run) : routeRead(this.em, this.viewerId, run);
  }

  /** Rejects with `GainslyNotFoundError` when the owner does not exist; a success is remembered. */
  private ownerExists(ownerId: number): Promise<void> {
    let checked = this.ownersChecked.get(ownerId);
    if (!checked) {
      checked = requireUserExists(this.em, ownerId, 'ownerId').catch((error: unknown) => {
        this.ownersChecked.delete(ownerId);
        throw error;
      });
      this.ownersChecked.set(ownerId, checked);
    }
    return checked;
  }

  /**
   * The visibility levels of `ownerId`'s rows this viewer may read.
   * @example
   * ```ts
   * await forViewer(em, viewerId, { areFriends }).visibleLevels(ownerId); // ['friends', 'public']
   * ```
   */
  async visibleLevels(ownerId: number): Promise<('private' | 'friends' | 'public')[]> {
    requireId(ownerId, 'ownerId');
    if (ownerId === this.viewerId) return ['private', 'friends', 'public'];
    // Strictly true: a resolver answering 'no' or 1 must not open friends-only rows.
    const friends = this.options.areFriends ? (await this.options.areFriends(this.viewerId, ownerId)) === true : false;
    return friends ? ['friends', 'public'] : ['public'];
  }

  /**
   * The owner's programs this viewer may see, newest first.
   * @example
   * ```ts
   * await forViewer(em, viewerId).programsOf(ownerId);
   * ```
   */
  async programsOf<const I extends keyof ProgramIncludes = never>(ownerId: number, options?: ListOptions<I>): Promise<Page<WithIncludes<ProgramRow, ProgramIncludes, I>>> {
    requireId(ownerId, 'ownerId');
    const checked = parseOptions(schemas.programListOptionsSchema, options, 'ListOptions');
    const list = LISTS.programs(true);
    requireCursorOf(list, checked);
    const levels = await this.visibleLevels(ownerId);
    return this.routed(async () => {
      await this.ownerExists(ownerId);
      return page(this.em, list, { user: ownerId, levels: visibilityLabels(levels) }, checked);
    });
  }

  /**
   * The owner's workouts this viewer may see, optionally in a date range, oldest first.
   * @example
   * ```ts
   * await forViewer(em, viewerId, { areFriends }).workoutLogsOf(ownerId, { from: '2026-01-01' });
   * ```
   */
  async workoutLogsOf<const I extends keyof WorkoutLogIncludes = never>(ownerId: number, options?: DatedListOptions<I>): Promise<Page<WithIncludes<WorkoutLogRow, WorkoutLogIncludes, I>>> {
    requireId(ownerId, 'ownerId');
    // Validated before the resolver runs: a bad range must not cost the service a friendship lookup.
    const input = 'DatedListOptions';
    const checked = parseOptions(schemas.workoutListOptionsSchema, options, input);
    const range = rangeOf(checked);
    const list = LISTS.workouts(range, true);
    requireCursorOf(list, checked, input);
    const levels = await this.visibleLevels(ownerId);
    return this.routed(async () => {
      await this.ownerExists(ownerId);
      return page(this.em, list, { user: ownerId, levels: visibilityLabels(levels), ...range.values }, checked, input);
    });
  }

  /**
   * One program by id, if this viewer may see it.
   * @example
   * ```ts
   * await forViewer(em, viewerId).program(programId);
   * ```
   */
  async program<const I extends keyof ProgramIncludes = never>(id: number, options?: IncludeOptions<I>): Promise<WithIncludes<ProgramRow, ProgramIncludes, I>> {
    requireId(id, 'programId');
    const { include } = parseOptions(schemas.programIncludeOptionsSchema, options, 'IncludeOptions');
    if (!(await this.mayRead('programs', id))) throw new GainslyNotFoundError('Program', 'programs', { id, viewerId: this.viewerId });
    const program = await this.routed(() => rowById<WithIncludes<ProgramRow, ProgramIncludes, I>>(this.em, Program, id, includes(include)));
    if (!program) throw new GainslyNotFoundError('Program', 'programs', { id, viewerId: this.viewerId });
    return program;
  }

  /**
   * One workout by id (with its top sets), if this viewer may see it.
   * @example
   * ```ts
   * await forViewer(em, viewerId).workoutLog(logId);
   * ```
   */
  async workoutLog(id: number): Promise<WorkoutLogDetailRow> {
    requireId(id, 'workoutLogId');
    if (!(await this.mayRead('workout_logs', id))) throw new GainslyNotFoundError('WorkoutLog', 'workout_logs', { id, viewerId: this.viewerId });
    const log = await this.routed(() => rowById<WorkoutLogDetailRow>(this.em, WorkoutLog, id, [{ relation: 'topSets', include: [{ relation: 'movement' }] }]));
    if (!log) throw new GainslyNotFoundError('WorkoutLog', 'workout_logs', { id, viewerId: this.viewerId });
    return log;
  }

  /**
   * Whether the row exists and this viewer may read it, decided from its owner and its visibility
   * label alone, before any of its values is decoded: a stranger gets "not found" for a private row
   * whatever it holds (a value this version cannot read included), so its existence does not leak.
   * A label this version does not know is visible to the owner only (who then gets the
   * GainslyDataError when the row is read).
   */
  private async mayRead(table: 'programs' | 'workout_logs', id: number): Promise<boolean> {
    const [row] = await this.routed(() => executeBound(this.em, VISIBILITY_SQL[table].bind({ id })));
    if (!row) return false;
    if (row.user_id === this.viewerId) return true;
    const levels: readonly string[] = await this.visibleLevels(row.user_id);
    const visibility = Object.hasOwn(ENUMS.Visibility.dbToSemantic, row.visibility) ? ENUMS.Visibility.dbToSemantic[row.visibility as VisibilityLabel] : undefined;
    return visibility !== undefined && levels.includes(visibility);
  }

  /**
   * The catalog as the viewer sees it: system movements plus the viewer's own, one page by name
   * (default 100 rows); pass `nextCursor` back as `after` for the next.
   * @example
   * ```ts
   * const { items, nextCursor } = await forViewer(em, viewerId).movements({ pattern: 'squat', limit: 20 });
   * ```
   */
  async movements(filter: Omit<MovementSearch, 'scope' | 'offset'> = {}): Promise<Page<MovementRow>> {
    const search: MovementSearch = { ...viewerSearch(filter), scope: { userId: this.viewerId } };
    return this.routed(() => this.em.getRepository(Movement).searchPage(search));
  }

  /**
   * The same as {@link ViewerScope.movements} (kept from the versions whose `movements` returned entities).
   * @example
   * ```ts
   * await forViewer(em, viewerId).movementRows({ equipmentTag: 'kettlebell', limit: 20 });
   * ```
   */
  movementRows(filter: Omit<MovementSearch, 'scope' | 'offset'> = {}): Promise<Page<MovementRow>> {
    return this.movements(filter);
  }
}

/** Visibility values as the labels the `visibility` column stores. */
function visibilityLabels(levels: readonly ('private' | 'friends' | 'public')[]): string[] {
  return levels.map((level) => ENUMS.Visibility.toDb(level));
}

/** The viewer's catalog criteria, validated (a `scope` key is refused: the viewer decides it). */
function viewerSearch(filter: unknown): Omit<MovementSearch, 'scope'> {
  return parseOptions(schemas.viewerMovementSearchSchema, filter, 'MovementSearch') as Omit<MovementSearch, 'scope'>;
}

/**
 * Reads on behalf of a viewer (see {@link ViewerScope}). `em` may be any EntityManager a framework
 * hands out, the global one included (the request context's or a fork is used).
 * @throws {GainslyValidationError} `viewerId` is not an id, or `options` has an unknown key or an
 * `areFriends` that is not a function
 * @throws {GainslyConfigError} `em` is not a MikroORM EntityManager
 * @example
 * ```ts
 * const viewer = forViewer(em, viewerId, { areFriends: (a, b) => graph.friends(a, b) });
 * ```
 */
export function forViewer(em: AnyEntityManager, viewerId: number, options: ViewerOptions = {}): ViewerScope {
  return new ViewerScope(em, viewerId, options);
}
