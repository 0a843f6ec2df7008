import { GainslyRepository } from '../../orm/base-repository.js';
import { parseOptions, requireDate, requireId } from '../../orm/arguments.js';
import type { MicrocycleRow, SessionRow } from '../../schemas/rows/index.js';
import { sql } from 'kysely';
import { executeBound, namedStatement } from '../../orm/bound-query.js';
import { checkStoredRow, enumValueShape, parsedJson, storedLabel, STORED_JSON, type StoredColumn } from '../../orm/stored-values.js';
import { GainslyNotFoundError } from '../../orm/errors.js';
import { ENUMS, type ExerciseRoleLabel, type MicrocycleStatusLabel, type SessionTypeLabel } from '../../enums/index.js';
import type { Microcycle } from './microcycle.entity.js';
import { coveringMicrocycleId } from './covering-microcycle.js';
import { ownedSql } from '../ownership.js';
import { jsonObject, keysOf, type EntityRow } from '../../orm/row-types.js';
import type { SessionExercise } from './session-exercise.entity.js';
import type { Movement } from '../movements/movement.entity.js';
import { schemas } from '../../orm/validation.js';


/**
 * The keys of a {@link MicrocycleRow} (the Microcycle entity's properties; `programId` its
 * program), checked against the row type: its JSON (`jsonObject`) is made from this list.
 */
const MICROCYCLE_KEYS = keysOf<MicrocycleRow>()(['id', 'programId', 'startDate', 'lengthDays', 'sequenceNumber', 'status', 'isDeload']);

/** A managed microcycle as a {@link MicrocycleRow}. @internal */
export function toMicrocycleRow(m: Microcycle): MicrocycleRow {
  return {
    id: m.id,
    programId: m.program.id,
    startDate: m.startDate,
    lengthDays: m.lengthDays,
    sequenceNumber: m.sequenceNumber,
    status: m.status,
    isDeload: m.isDeload ?? null,
  };
}

/** One microcycle row as JSON built by PostgreSQL: JSON writes dates as ISO whatever the DateStyle. */
const ROW_JSON = jsonObject('m', MICROCYCLE_KEYS);

type RawMicrocycleRow = Omit<MicrocycleRow, 'status'> & { status: MicrocycleStatusLabel };

/**
 * The program (so that a missing or foreign one is told apart from one without an active week) and
 * its ACTIVE microcycle. Corrupt data with several ACTIVE: the highest sequence, the one an advance
 * continues from.
 */
const ACTIVE_SQL = (ownerCheck: boolean) =>
  namedStatement<{ id: number; userId?: number }, { id: number; microcycle: RawMicrocycleRow | string | null }>(
    (p) => sql`
select p.id,
       (select ${ROW_JSON} from microcycles m
         where m.program_id = p.id and m.status = 'ACTIVE'
         order by m.sequence_number desc, m.id desc limit 1) as microcycle
  from programs p
 where p.id = ${p.id}${ownerCheck ? sql` and ${ownedSql('programs', sql.ref('p'), p.userId!)}` : sql``}`,
  );
const ACTIVE_SQL_ANY = ACTIVE_SQL(false);
const ACTIVE_SQL_OWNED = ACTIVE_SQL(true);

const COVERING_ID_SQL = namedStatement<{ user: number; date: string }, { id: number | null }>((p) => sql`select ${coveringMicrocycleId(p.user, p.date)} as id`);
const COVERING_ROW_SQL = namedStatement<{ user: number; date: string }, { microcycle: RawMicrocycleRow | string | null }>(
  (p) => sql`select ${ROW_JSON} as microcycle from microcycles m where m.id = ${coveringMicrocycleId(p.user, p.date)}`,
);

function parseRow(raw: RawMicrocycleRow | string | null | undefined): MicrocycleRow | null {
  if (raw == null) return null;
  const row = parsedJson(raw) as RawMicrocycleRow;
  return { ...row, status: storedLabel(ENUMS.MicrocycleStatus, row.status, { table: 'microcycles', column: 'status', rowId: row.id }) };
}

/**
 * The movement of a {@link MicrocycleExerciseView}: what a plan screen shows about it. The
 * classification columns hold semantic values (`'squat'`, `'anterior lower'`), as in the entity.
 *
 * @example
 * ```ts
 * const m: MovementSummary = {
 *   id: 1, name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower',
 *   metricType: 'reps', isUnilateral: false, equipmentTags: ['barbell'], userId: null,
 * };
 * ```
 */
export interface MovementSummary extends EntityRow<Movement, 'id' | 'name' | 'pattern' | 'primaryMuscle' | 'primaryRegion' | 'metricType' | 'isUnilateral' | 'equipmentTags'> {
  /** `null` for a system movement; the owner of a user-defined one. */
  userId: number | null;
}

/** The keys of a {@link MovementSummary} (the Movement entity's properties; `userId` its owner). */
const MOVEMENT_SUMMARY_KEYS = keysOf<MovementSummary>()(['id', 'name', 'pattern', 'primaryMuscle', 'primaryRegion', 'metricType', 'isUnilateral', 'equipmentTags', 'userId']);

/**
 * One prescribed exercise of a {@link MicrocycleSessionView} (a `session_exercises` row) with its
 * movement. `role` is the semantic value (`'main'`), not the database label.
 *
 * @example
 * ```ts
 * const sets = view.sessions[0]!.exercises.map((e) => `${e.movement.name}: ${e.targetSets} x ${e.targetRepRangeMin}-${e.targetRepRangeMax}`);
 * ```
 */
export interface MicrocycleExerciseView
  extends EntityRow<
    SessionExercise,
    | 'id'
    | 'role'
    | 'orderInSession'
    | 'supersetGroup'
    | 'targetSets'
    | 'targetRepRangeMin'
    | 'targetRepRangeMax'
    | 'targetRpe'
    | 'targetRir'
    | 'targetDurationSeconds'
    | 'defaultRestSeconds'
    | 'isComplexLift'
    | 'substitutionAllowed'
    | 'notes'
  > {
  movement: MovementSummary;
}

/** The keys of a {@link MicrocycleExerciseView} (the SessionExercise entity's properties). */
const EXERCISE_KEYS = keysOf<Omit<MicrocycleExerciseView, 'movement'>>()([
  'id',
  'role',
  'orderInSession',
  'supersetGroup',
  'targetSets',
  'targetRepRangeMin',
  'targetRepRangeMax',
  'targetRpe',
  'targetRir',
  'targetDurationSeconds',
  'defaultRestSeconds',
  'isComplexLift',
  'substitutionAllowed',
  'notes',
]);

/**
 * One session of a {@link MicrocycleView}: every `sessions` column (the JSON sections as stored)
 * and its exercises in `orderInSession` order. `sessionType` is the semantic value (`'upper'`);
 * `date` is `'YYYY-MM-DD'`.
 *
 * @example
 * ```ts
 * const days = view.sessions.map((s) => `${s.date} ${s.sessionType}: ${s.exercises.length} exercises`);
 * ```
 */
export interface MicrocycleSessionView extends Omit<SessionRow, 'microcycleId'> {
  exercises: MicrocycleExerciseView[];
}

/** The keys of a {@link MicrocycleSessionView} (the Session entity's properties; the circuits as ids). */
const SESSION_KEYS = keysOf<Omit<MicrocycleSessionView, 'exercises'>>()([
  'id',
  'date',
  'dayNumber',
  'sessionType',
  'intentTags',
  'warmupJson',
  'mainJson',
  'accessoryJson',
  'finisherJson',
  'cooldownJson',
  'estimatedDurationMinutes',
  'warmupDurationMinutes',
  'mainDurationMinutes',
  'accessoryDurationMinutes',
  'finisherDurationMinutes',
  'cooldownDurationMinutes',
  'coachNotes',
  'mainCircuitId',
  'finisherCircuitId',
]);

/**
 * A microcycle for display, as plain data (no entities, nothing managed): its columns, its
 * sessions by `dayNumber` (then id), each with its exercises by `orderInSession` (then id) and
 * each exercise's movement. Enum columns hold semantic values (`status: 'active'`), dates are
 * `'YYYY-MM-DD'` strings. Returned by {@link MicrocycleRepository.findForDisplay}; JSON-serialisable
 * as is.
 *
 * @example
 * ```ts
 * const view: MicrocycleView = await em.getRepository(Microcycle).findForDisplay(microcycleId, { userId });
 * res.json(view);
 * ```
 */
export interface MicrocycleView extends MicrocycleRow {
  sessions: MicrocycleSessionView[];
}

/** The view as the statement returns it: the same shape, enum columns still database labels. */
type RawMicrocycleView = Omit<MicrocycleView, 'status' | 'sessions'> & {
  status: MicrocycleStatusLabel;
  sessions: (Omit<MicrocycleSessionView, 'sessionType' | 'exercises'> & {
    sessionType: SessionTypeLabel;
    exercises: (Omit<MicrocycleExerciseView, 'role'> & { role: ExerciseRoleLabel })[];
  })[];
};

/**
 * The whole tree as one JSON value, built by PostgreSQL: one statement, one round trip, no
 * per-row mapping in JS beyond the three enum columns. `json_build_object` (not `to_json(row)`)
 * so the keys are the view's camelCase names and only these columns travel.
 */
const VIEW_SQL = (ownerCheck: boolean) =>
  namedStatement<{ id: number; userId?: number }, { view: RawMicrocycleView | string }>(
    (p) => sql`
select ${jsonObject('m', MICROCYCLE_KEYS, {
  sessions: sql`coalesce((
    select json_agg(${jsonObject('s', SESSION_KEYS, {
      exercises: sql`coalesce((
        select json_agg(${jsonObject('e', EXERCISE_KEYS, { movement: jsonObject('mv', MOVEMENT_SUMMARY_KEYS) })}
          order by e.order_in_session, e.id)
          from session_exercises e join movements mv on mv.id = e.movement_id
         where e.session_id = s.id), '[]'::json)`,
    })}
      order by s.day_number, s.id)
      from sessions s
     where s.microcycle_id = m.id), '[]'::json)`,
})} as view
  from microcycles m
 where m.id = ${p.id}${ownerCheck ? sql` and ${ownedSql('microcycles', sql.ref('m'), p.userId!)}` : sql``}`,
  );

const VIEW_SQL_ANY = VIEW_SQL(false);
const VIEW_SQL_OWNED = VIEW_SQL(true);

/**
 * Repository of {@link Microcycle}.
 *
 * @example
 * ```ts
 * const blocks = await em.getRepository(Microcycle).findByProgram(programId);
 * ```
 */
export class MicrocycleRepository extends GainslyRepository<Microcycle> {
  /**
   * A program's microcycles in sequence order.
   * @example
   * ```ts
   * await em.getRepository(Microcycle).findByProgram(1);
   * ```
   */
  async findByProgram(programId: number): Promise<Microcycle[]> {
    return this.find({ program: requireId(programId, 'programId') }, { orderBy: { sequenceNumber: 'asc' } });
  }

  /**
   * The microcycle of the user's active program whose days include `date` (`start_date <= date <
   * start_date + length_days`), or `null`: the rule `logWorkout` files session-less exposures by.
   * By date, not by status; {@link findActiveByProgram} gives the week the lifecycle (and the
   * upstream app) calls current. {@link findCoveringForUser} returns the same microcycle as plain data.
   *
   * @throws {GainslyValidationError} `userId` not an id, `date` not a `'YYYY-MM-DD'` date
   * @example
   * ```ts
   * await em.getRepository(Microcycle).findActiveForUserOn(1, '2026-01-08');
   * ```
   */
  async findActiveForUserOn(userId: number, date: string): Promise<Microcycle | null> {
    const rows = await executeBound(this.getEntityManager(), COVERING_ID_SQL.bind({ user: requireId(userId, 'userId'), date: requireDate(date, 'date') }));
    const id = rows[0]?.id;
    return id == null ? null : this.findOne({ id });
  }

  /**
   * The microcycle covering `date` for a user, as plain data ({@link MicrocycleRow}), or `null`:
   * the microcycle of the user's active program whose days include the date (the rule `logWorkout`
   * uses). One statement; nothing is loaded into the EntityManager.
   *
   * @throws {GainslyValidationError} `userId` not an id, `date` not a `'YYYY-MM-DD'` date
   * @example
   * ```ts
   * const week = await em.getRepository(Microcycle).findCoveringForUser(userId, '2026-01-08');
   * week?.sequenceNumber; // 1
   * ```
   */
  async findCoveringForUser(userId: number, date: string): Promise<MicrocycleRow | null> {
    const user = requireId(userId, 'userId');
    const day = requireDate(date, 'date');
    const rows = await this.routed(user, () => executeBound(this.getEntityManager(), COVERING_ROW_SQL.bind({ user, date: day })));
    return parseRow(rows[0]?.microcycle);
  }

  /**
   * The program's ACTIVE microcycle (its current week, as the upstream app finds it) as plain data,
   * or `null` when none is active (a program written by an older library version, or a template).
   * Should the data hold several (see `audit`), the one with the highest sequence number. One
   * statement.
   *
   * With `userId`, the program must be that user's; otherwise, as when it does not exist, throws
   * {@link GainslyNotFoundError}.
   *
   * @throws {GainslyNotFoundError} no such program (or not the user's)
   * @throws {GainslyValidationError} an argument is not an id
   * @example
   * ```ts
   * const current = await em.getRepository(Microcycle).findActiveByProgram(programId, { userId });
   * if (current) console.log(`week ${current.sequenceNumber} from ${current.startDate}`);
   * ```
   */
  async findActiveByProgram(programId: number, options: { userId?: number } = {}): Promise<MicrocycleRow | null> {
    const id = requireId(programId, 'programId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const rows = await this.routed(userId, () =>
      executeBound(this.getEntityManager(), (userId === undefined ? ACTIVE_SQL_ANY : ACTIVE_SQL_OWNED).bind({ id, userId })),
    );
    if (rows.length === 0) throw new GainslyNotFoundError('Program', 'programs', userId === undefined ? { id } : { id, userId });
    return parseRow(rows[0]!.microcycle);
  }

  /**
   * A microcycle with its sessions, their exercises and each exercise's movement, for display,
   * as a plain, typed read model ({@link MicrocycleView}) in **one SQL statement** whatever the
   * number of sessions and exercises: PostgreSQL builds the tree as JSON. Sessions come in
   * `dayNumber` order, exercises in `orderInSession` order (ties by id); enum columns hold
   * semantic values, dates are `'YYYY-MM-DD'`.
   *
   * Nothing is loaded into the EntityManager: use it to show a week, and the entities
   * (`em.findOne(Microcycle, id, { populate: ['sessions.exercises.movement'] })`) to change one.
   *
   * With `userId`, the microcycle must belong to one of that user's programs; otherwise, as when
   * it does not exist, throws {@link GainslyNotFoundError} (another user's row is reported as
   * absent).
   *
   * @param microcycleId the microcycle's id
   * @param options `userId`: the owner to check
   * @throws {GainslyNotFoundError} no such microcycle (or not the user's)
   * @example
   * ```ts
   * const week = await em.getRepository(Microcycle).findForDisplay(microcycleId, { userId });
   * for (const session of week.sessions) {
   *   console.log(session.date, session.sessionType, session.exercises.map((e) => e.movement.name).join(', '));
   * }
   * ```
   */
  async findForDisplay(microcycleId: number, options: { userId?: number } = {}): Promise<MicrocycleView> {
    const id = requireId(microcycleId, 'microcycleId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const rows = await this.routed(userId, () =>
      executeBound(this.getEntityManager(), (userId === undefined ? VIEW_SQL_ANY : VIEW_SQL_OWNED).bind({ id, userId })),
    );
    const found = rows[0]?.view;
    if (found == null) throw new GainslyNotFoundError('Microcycle', 'microcycles', userId === undefined ? { id } : { id, userId });
    return toView(parsedJson(found) as RawMicrocycleView);
  }
}

/** The session columns of the view that hold something narrower than their SQL type. */
const SESSION_VIEW_COLUMNS: readonly StoredColumn[] = [
  { key: 'intentTags', column: 'intent_tags', shape: STORED_JSON.stringList },
  { key: 'warmupJson', column: 'warmup_json', shape: STORED_JSON.exerciseSection },
  { key: 'mainJson', column: 'main_json', shape: STORED_JSON.exerciseSection },
  { key: 'accessoryJson', column: 'accessory_json', shape: STORED_JSON.exerciseSection },
  { key: 'finisherJson', column: 'finisher_json', shape: STORED_JSON.finisher },
  { key: 'cooldownJson', column: 'cooldown_json', shape: STORED_JSON.exerciseSection },
];

/** The movement columns of the view's {@link MovementSummary}, checked as `searchRows` checks them. */
const MOVEMENT_SUMMARY_COLUMNS: readonly StoredColumn[] = [
  { key: 'pattern', column: 'pattern', shape: enumValueShape(ENUMS.MovementPattern) },
  { key: 'primaryMuscle', column: 'primary_muscle', shape: enumValueShape(ENUMS.PrimaryMuscle) },
  { key: 'primaryRegion', column: 'primary_region', shape: enumValueShape(ENUMS.PrimaryRegion) },
  { key: 'metricType', column: 'metric_type', shape: enumValueShape(ENUMS.MetricType) },
  { key: 'equipmentTags', column: 'equipment_tags', shape: STORED_JSON.stringList },
];

/**
 * Converts the three enum columns from database labels to semantic values, in place, and checks the
 * other narrow columns: a stored value that does not fit is a GainslyDataError naming its row, as
 * when the entities are loaded. Ownership was decided by the statement, before any value is read.
 */
function toView(raw: RawMicrocycleView): MicrocycleView {
  const view = raw as unknown as MicrocycleView;
  view.status = storedLabel(ENUMS.MicrocycleStatus, raw.status, { table: 'microcycles', column: 'status', rowId: raw.id });
  for (const session of raw.sessions) {
    (session as unknown as MicrocycleSessionView).sessionType = storedLabel(ENUMS.SessionType, session.sessionType, { table: 'sessions', column: 'session_type', rowId: session.id });
    checkStoredRow('sessions', session as unknown as Record<string, unknown>, session.id, SESSION_VIEW_COLUMNS);
    for (const exercise of session.exercises) {
      (exercise as unknown as MicrocycleExerciseView).role = storedLabel(ENUMS.ExerciseRole, exercise.role, { table: 'session_exercises', column: 'role', rowId: exercise.id });
      checkStoredRow('movements', exercise.movement as unknown as Record<string, unknown>, exercise.movement.id, MOVEMENT_SUMMARY_COLUMNS);
    }
  }
  return view;
}
