import { LockMode, type EntityManager } from '@mikro-orm/core';
import { GainslyRepository } from '../../orm/base-repository.js';
import { storedLabel } from '../../orm/stored-values.js';
import { sql, type RawBuilder } from 'kysely';
import { executeBound } from '../../orm/bound-query.js';
import { GainslyDataError, GainslyNotFoundError } from '../../orm/errors.js';
import { ENUMS, type ExerciseRole } from '../../enums/index.js';
import { parseInput } from '../../schemas/errors.js';
import type { SessionPlanData, SessionPlanInput } from '../../schemas/inputs/programs.js';
import { Session } from './session.entity.js';
import { SessionExercise } from './session-exercise.entity.js';
import { Microcycle } from './microcycle.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { CircuitTemplate } from '../circuits/circuit-template.entity.js';
import { parseOptions, requireDateRange, requireId } from '../../orm/arguments.js';
import { ownedBy, ownedSql, visibleMovementFilter } from '../ownership.js';
import { exerciseBlock, finisherBlock, placeExercises, readExerciseBlock, readFinisherBlock, resolveSupersets, type PlacedExercise } from './session-plan.js';
import { schemas } from '../../orm/validation.js';

/** The five JSON sections of a session, in the order a session runs, with the role of their exercises. */
const SECTIONS = [
  ['warmup', 'warmup', 'warmupJson', 'warmup_json'],
  ['main', 'main', 'mainJson', 'main_json'],
  ['accessory', 'accessory', 'accessoryJson', 'accessory_json'],
  ['finisher', 'finisher', 'finisherJson', 'finisher_json'],
  ['cooldown', 'cooldown', 'cooldownJson', 'cooldown_json'],
] as const satisfies readonly (readonly [keyof SessionPlanData['sections'], ExerciseRole, keyof Session, string])[];

/**
 * One disagreement between a session's JSON sections and its `session_exercises` rows.
 * @example
 * ```ts
 * const p: SessionSyncProblem = { section: 'main', position: 2, json: { movementId: 4, sets: 3 }, table: null };
 * ```
 */
export interface SessionSyncProblem {
  /** Section / exercise role (`'main'`, …, or `'skill'`, which has no JSON section). */
  section: string;
  /** 1-based position within the section. */
  position: number;
  /** What the JSON section says there (`null`: nothing). `movementId` is null when the JSON names an unknown movement. */
  json: { movementId: number | null; sets: number | null } | null;
  /** What `session_exercises` says there (`null`: nothing). */
  table: { movementId: number; sets: number } | null;
}

/**
 * A session whose JSON plan and normalised exercises disagree.
 * @example
 * ```ts
 * const r: SessionSyncReport = { sessionId: 12, problems: [] };
 * ```
 */
export interface SessionSyncReport {
  sessionId: number;
  problems: SessionSyncProblem[];
}

/**
 * Repository of {@link Session}. Writes keep a session's JSON sections (what the user sees) and
 * its `session_exercises` rows (what analytics read) in step: both come from one plan.
 *
 * @example
 * ```ts
 * const session = await em.getRepository(Session).writePlan({ microcycleId, date: '2026-01-06', dayNumber: 2, sessionType: 'upper', sections: { main: [{ movementId: 1, sets: 4 }] } });
 * ```
 */
export class SessionRepository extends GainslyRepository<Session> {
  /**
   * A microcycle's sessions by day.
   * @example
   * ```ts
   * await em.getRepository(Session).findByMicrocycle(1);
   * ```
   */
  async findByMicrocycle(microcycleId: number): Promise<Session[]> {
    return this.find({ microcycle: requireId(microcycleId, 'microcycleId') }, { orderBy: { dayNumber: 'asc', id: 'asc' } });
  }

  /**
   * A user's sessions dated `from` to `to` (inclusive), through their programs.
   * @example
   * ```ts
   * await em.getRepository(Session).findByUserInDateRange(1, '2026-01-05', '2026-01-11');
   * ```
   */
  async findByUserInDateRange(userId: number, from: string, to: string): Promise<Session[]> {
    const user = requireId(userId, 'userId');
    const range = requireDateRange(from, to);
    return this.find(
      { ...ownedBy(Session, user), date: { $gte: range.from, $lte: range.to } },
      { orderBy: { date: 'asc', dayNumber: 'asc', id: 'asc' } },
    );
  }

  /**
   * Creates a session from a plan — or, with `sessionId`, replaces that session's plan — writing
   * the JSON sections and the `session_exercises` rows from the same data in one transaction.
   *
   * The JSON is what the upstream app reads: each exercise block has `movement` (the catalog name),
   * `movement_id`, `sets`, `rep_range_min`/`rep_range_max`, `target_rpe`, `target_rir`,
   * `duration_seconds`, `rest_seconds`, `superset_with` (the partner's name) and `notes`, then the
   * exercise's `extra` keys; `finisher_json` is one finisher block object. Each superset gets one
   * `session_exercises.superset_group` number: the caller's `supersetGroup`, or for exercises linked
   * only by `supersetWith` the lowest number free in the session. Movements are given by
   * id or by exact name; with `userId`, the microcycle (and the session being replaced) must be that
   * user's, and movements must be system movements or the user's own.
   * @example
   * ```ts
   * const plan = await em.getRepository(Session).readPlan(sessionId, { userId });
   * plan.sections.main![0]!.sets = 5; // unknown keys in `extra` are written back as they were
   * await em.getRepository(Session).writePlan(plan, { userId, sessionId });
   * ```
   */
  async writePlan(input: SessionPlanInput, options: { userId?: number; sessionId?: number } = {}): Promise<Session> {
    const parsedOptions = parseOptions(schemas.writePlanOptionsSchema, options, 'WritePlanOptions');
    const userId = parsedOptions.userId ?? undefined;
    const sessionId = parsedOptions.sessionId ?? undefined;
    const data = parseInput(schemas.sessionPlanInputSchema, input, 'SessionPlanInput');
    const placed = placeExercises(data.sections);
    return this.written(userId, await this.getEntityManager().transactional(async (tx) => {
      const owned = userId === undefined ? {} : ownedBy(Microcycle, userId);
      const microcycle = await tx.findOne(Microcycle, { id: data.microcycleId, ...owned });
      if (!microcycle) throw new GainslyNotFoundError('Microcycle', 'microcycles', { id: data.microcycleId, ...(userId === undefined ? {} : { userId }) });
      const movements = await resolveMovements(tx, placed, userId);
      for (const [field, id] of [['mainCircuitId', data.mainCircuitId], ['finisherCircuitId', data.finisherCircuitId]] as const) {
        if (id != null && !(await tx.findOne(CircuitTemplate, { id }))) throw new GainslyNotFoundError('CircuitTemplate', 'circuit_templates', { id, field });
      }
      const resolved = resolveSupersets(
        placed.map((p, i) => ({ ...p, movementId: movements[i]!.id, movementName: movements[i]!.name })),
        'SessionPlanInput',
      );

      let session: Session;
      if (sessionId !== undefined) {
        // Locked, so concurrent rewrites of one session replace its exercises one after another.
        const existing = await tx.findOne(Session, { id: sessionId, ...(userId === undefined ? {} : ownedBy(Session, userId)) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!existing) throw new GainslyNotFoundError('Session', 'sessions', { id: sessionId });
        await tx.nativeDelete(SessionExercise, { session: sessionId });
        session = existing;
        session.microcycle = microcycle;
      } else {
        session = tx.create(Session, { microcycle, date: data.date, dayNumber: data.dayNumber, sessionType: data.sessionType });
      }
      session.date = data.date;
      session.dayNumber = data.dayNumber;
      session.sessionType = data.sessionType;
      session.intentTags = data.intentTags ?? [];
      session.coachNotes = data.coachNotes ?? null;
      session.estimatedDurationMinutes = data.estimatedDurationMinutes ?? null;
      session.mainCircuit = data.mainCircuitId == null ? null : tx.getReference(CircuitTemplate, data.mainCircuitId);
      session.finisherCircuit = data.finisherCircuitId == null ? null : tx.getReference(CircuitTemplate, data.finisherCircuitId);
      session.warmupDurationMinutes = data.durations?.warmup ?? null;
      session.mainDurationMinutes = data.durations?.main ?? null;
      session.accessoryDurationMinutes = data.durations?.accessory ?? null;
      session.finisherDurationMinutes = data.durations?.finisher ?? null;
      session.cooldownDurationMinutes = data.durations?.cooldown ?? null;

      const ofRole = (role: ExerciseRole) => resolved.filter((e) => e.role === role);
      const list = (key: 'warmup' | 'main' | 'accessory' | 'cooldown') => (data.sections[key] === undefined ? null : ofRole(key).map(exerciseBlock));
      session.warmupJson = list('warmup');
      session.mainJson = list('main');
      session.accessoryJson = list('accessory');
      session.finisherJson = data.sections.finisher == null ? null : finisherBlock(data.sections.finisher, ofRole('finisher'));
      session.cooldownJson = list('cooldown');

      resolved.forEach((entry, index) => {
        const e = entry.exercise;
        tx.create(SessionExercise, {
          session,
          movement: movements[index]!,
          role: entry.role,
          orderInSession: index + 1,
          supersetGroup: entry.supersetGroup,
          // The column is NOT NULL; an item without sets (a stretch held for a duration) is done once.
          targetSets: e.sets ?? 1,
          targetRepRangeMin: e.repRangeMin ?? null,
          targetRepRangeMax: e.repRangeMax ?? null,
          targetRpe: e.rpe ?? null,
          targetRir: e.rir ?? null,
          targetDurationSeconds: e.durationSeconds ?? null,
          defaultRestSeconds: e.restSeconds ?? null,
          isComplexLift: e.isComplexLift ?? movements[index]!.isComplexLift ?? false,
          substitutionAllowed: e.substitutionAllowed ?? true,
          notes: e.notes ?? null,
        });
      });
      await tx.flush();
      return session;
    }));
  }

  /**
   * A session's plan as a {@link SessionPlanInput}, ready to change and pass back to
   * {@link writePlan}: the JSON sections read tolerantly (missing optional keys are left out, keys
   * the library does not interpret go to each exercise's or the finisher's `extra`, so nothing is
   * lost on the way back). Blocks written by older versions of the library (`rpe`, `rir`,
   * `superset_group` keys; a finisher stored as a list, read as `{ type: 'circuit', exercises }`) are
   * read as the app's keys, so writing them back repairs them. `isComplexLift` and
   * `substitutionAllowed` come from the `session_exercises` row at the same position when it has the
   * same movement. With `userId`, another user's session is not found. A block that is not an object
   * or lacks both `movement` and `movement_id` is a `GainslyDataError` naming the session, column and
   * position.
   * @example
   * ```ts
   * const plan = await em.getRepository(Session).readPlan(sessionId, { userId });
   * plan.sections.finisher?.type; // 'EMOM'
   * ```
   */
  async readPlan(sessionId: number, options: { userId?: number } = {}): Promise<SessionPlanInput> {
    requireId(sessionId, 'sessionId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const em = this.getEntityManager();
    const { session, rows } = await this.routed(userId, async () => {
      const found = await em.findOne(Session, { id: sessionId, ...(userId === undefined ? {} : ownedBy(Session, userId)) });
      if (!found) throw new GainslyNotFoundError('Session', 'sessions', { id: sessionId, ...(userId === undefined ? {} : { userId }) });
      return { session: found, rows: await em.find(SessionExercise, { session: sessionId }, { orderBy: { orderInSession: 'asc', id: 'asc' } }) };
    });
    const facts = (role: ExerciseRole) =>
      rows.filter((r) => r.role === role).map((r) => ({ movementId: r.movement.id, isComplexLift: r.isComplexLift ?? null, substitutionAllowed: r.substitutionAllowed ?? null }));
    const sections: NonNullable<SessionPlanInput['sections']> = {};
    for (const [key, role, prop, column] of SECTIONS) {
      const value = session[prop] as unknown;
      if (value == null) continue;
      const where = { sessionId, column };
      if (key === 'finisher') {
        sections.finisher = readFinisherBlock(value, where, facts(role));
        continue;
      }
      if (!Array.isArray(value)) throw new GainslyDataError(`sessions.${column} of session ${sessionId} does not fit the app's shape: must be an array of exercise blocks`, 'sessions', column, value);
      const roleFacts = facts(role);
      sections[key] = value.map((block, i) => readExerciseBlock(block, where, [i], roleFacts[i]));
    }
    const durations = {
      warmup: session.warmupDurationMinutes,
      main: session.mainDurationMinutes,
      accessory: session.accessoryDurationMinutes,
      finisher: session.finisherDurationMinutes,
      cooldown: session.cooldownDurationMinutes,
    };
    return {
      microcycleId: session.microcycle.id,
      date: session.date,
      dayNumber: session.dayNumber,
      sessionType: session.sessionType,
      ...(session.intentTags == null ? {} : { intentTags: session.intentTags }),
      ...(session.coachNotes == null ? {} : { coachNotes: session.coachNotes }),
      ...(session.estimatedDurationMinutes == null ? {} : { estimatedDurationMinutes: session.estimatedDurationMinutes }),
      ...(session.mainCircuit == null ? {} : { mainCircuitId: session.mainCircuit.id }),
      ...(session.finisherCircuit == null ? {} : { finisherCircuitId: session.finisherCircuit.id }),
      sections,
      durations: Object.fromEntries(Object.entries(durations).filter(([, v]) => v != null)),
    };
  }

  /**
   * Sessions whose JSON sections and `session_exercises` disagree (movement or sets at a
   * position, or an entry missing on one side), compared section by section in order. JSON
   * entries are matched by `movement_id`, else by `movement` name. One statement; read-only.
   * `scope` narrows the check to a user, a microcycle and/or a list of session ids (an array of at
   * most 10,000 ids); a bad or unknown key is a `GainslyValidationError` naming it.
   * @example
   * ```ts
   * const drift = await em.getRepository(Session).findOutOfSync({ userId });
   * drift.length === 0; // everything the user sees matches what analytics read
   * ```
   */
  async findOutOfSync(scope: { userId?: number; microcycleId?: number; sessionIds?: number[] } = {}): Promise<SessionSyncReport[]> {
    const conditions: RawBuilder<unknown>[] = [];
    const { userId, microcycleId, sessionIds } = parseOptions(schemas.sessionSyncScopeSchema, scope, 'SessionSyncScope');
    if (userId != null) conditions.push(ownedSql('sessions', sql.ref('s'), userId));
    if (microcycleId != null) conditions.push(sql`s.microcycle_id = ${microcycleId}`);
    // Validated integers, bound as one int[] parameter.
    if (sessionIds != null) conditions.push(sql`s.id = any(${sessionIds}::int[])`);
    const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
    const rows = await executeBound<{ session_id: number; role: string; pos: number; json_movement: number | null; json_sets: number | null; json_present: boolean; table_movement: number | null; table_sets: number | null; exercise_id: number | null }>(
      this.getEntityManager(),
      sql`with scoped as (select s.* from sessions s where ${where}),
       plan as (
         select s.id as session_id, sec.role, e.ord::int as pos,
                coalesce(case when (e.item->>'movement_id') ~ '^[0-9]{1,9}$' then (e.item->>'movement_id')::int end, mv.id) as movement_id,
                case when (e.item->>'sets') ~ '^[0-9]{1,9}$' then (e.item->>'sets')::int end as sets
           from scoped s
           cross join lateral (values ('WARMUP', s.warmup_json), ('MAIN', s.main_json), ('ACCESSORY', s.accessory_json),
                                      -- The finisher is one block whose exercises are listed; older versions stored a list.
                                      ('FINISHER', case when json_typeof(s.finisher_json) = 'object' then s.finisher_json->'exercises' else s.finisher_json end),
                                      ('COOLDOWN', s.cooldown_json)) as sec(role, items)
           cross join lateral json_array_elements(case when json_typeof(sec.items) = 'array' then sec.items else '[]'::json end)
                with ordinality as e(item, ord)
           left join movements mv on mv.name = e.item->>'movement' and not coalesce((e.item->>'movement_id') ~ '^[0-9]{1,9}$', false)),
       norm as (
         select se.id, se.session_id, se.role::text as role,
                row_number() over (partition by se.session_id, se.role order by se.order_in_session, se.id)::int as pos,
                se.movement_id, se.target_sets as sets
           from session_exercises se join scoped s on s.id = se.session_id)
       select coalesce(p.session_id, n.session_id) as session_id, coalesce(p.role, n.role) as role, coalesce(p.pos, n.pos) as pos,
              p.movement_id as json_movement, p.sets as json_sets, p.session_id is not null as json_present,
              n.movement_id as table_movement, n.sets as table_sets, n.id as exercise_id
         from plan p full join norm n on n.session_id = p.session_id and n.role = p.role and n.pos = p.pos
        where p.session_id is null or n.session_id is null
           or p.movement_id is distinct from n.movement_id
           or (p.sets is not null and p.sets is distinct from n.sets)
        order by 1, 2, 3`,
    );
    const reports = new Map<number, SessionSyncReport>();
    for (const r of rows) {
      const report = reports.get(r.session_id) ?? { sessionId: r.session_id, problems: [] };
      reports.set(r.session_id, report);
      report.problems.push({
        // The JSON side's roles are the statement's own; an unknown one comes from session_exercises.role.
        section: storedLabel(ENUMS.ExerciseRole, r.role, { table: 'session_exercises', column: 'role', rowId: r.exercise_id }),
        position: r.pos,
        json: r.json_present ? { movementId: r.json_movement, sets: r.json_sets } : null,
        table: r.table_movement == null ? null : { movementId: r.table_movement, sets: Number(r.table_sets) },
      });
    }
    return [...reports.values()];
  }
}

/**
 * The movement of every placed exercise, by id or by exact name (names are unique: upstream's
 * `ix_movements_name`), in one query. With `userId` only system movements and the user's own are
 * visible.
 */
async function resolveMovements(tx: EntityManager, placed: readonly PlacedExercise[], userId: number | undefined): Promise<Movement[]> {
  const ids = [...new Set(placed.flatMap((p) => (p.exercise.movementId === undefined ? [] : [p.exercise.movementId])))];
  const names = [...new Set(placed.flatMap((p) => (p.exercise.movementId === undefined && p.exercise.movement !== undefined ? [p.exercise.movement] : [])))];
  if (ids.length === 0 && names.length === 0) return [];
  const visible = userId === undefined ? {} : visibleMovementFilter(userId);
  const found = await tx.find(Movement, { $and: [{ $or: [{ id: { $in: ids } }, { name: { $in: names } }] }, visible] });
  const byId = new Map(found.map((m) => [m.id, m]));
  const byName = new Map(found.map((m) => [m.name, m]));
  return placed.map(({ exercise }) => {
    const movement = exercise.movementId !== undefined ? byId.get(exercise.movementId) : byName.get(exercise.movement!);
    if (!movement) throw new GainslyNotFoundError('Movement', 'movements', exercise.movementId !== undefined ? { id: exercise.movementId } : { name: exercise.movement });
    return movement;
  });
}
