// Writes (and removes) the demo's data. Everything belongs to one demo user, found by a fixed
// e-mail address, so the demo can share a database with real data without touching it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import { executeBound } from '../orm/bound-query.js';
import { movementInputSchema } from '../schemas/inputs/movements.js';
import { parseInput } from '../schemas/errors.js';
import { recoverySignalInputSchema, sorenessInputSchema } from '../schemas/inputs/logging.js';
import { User } from '../modules/users/user.entity.js';
import { Program } from '../modules/programs/program.entity.js';
import { Microcycle } from '../modules/programs/microcycle.entity.js';
import { Session } from '../modules/programs/session.entity.js';
import { Movement } from '../modules/movements/movement.entity.js';
import { WorkoutLog } from '../modules/logging/workout-log.entity.js';
import { SorenessLog } from '../modules/logging/soreness-log.entity.js';
import { RecoverySignal } from '../modules/logging/recovery-signal.entity.js';
import { buildDemoPlan, DEMO_PROGRAM_WEEKS, DEMO_START_DATE, type DemoPlan } from './plan.js';
import { STARTER_CATALOG } from '../modules/movements/starter-catalog.js';

/**
 * The demo user's e-mail. `.invalid` is reserved (RFC 2606), so it can never be a real person's
 * address, and it is unique in `users`, so it identifies the demo's rows in a shared database.
 */
export const DEMO_EMAIL = 'demo@gainsly.invalid';

/**
 * The demo program's name, with the version of the demo data in it: a demo database written by an
 * older version of this package is rebuilt instead of reused.
 */
export const DEMO_PROGRAM_NAME = 'Gainsly demo v1: upper/lower strength';

/**
 * The demo's rows in a database, if any.
 * @example
 * ```ts
 * const state = await findDemo(em); // { userId: 3, programId: 5, current: true } or null
 * ```
 */
export interface DemoState {
  userId: number;
  programId: number | null;
  /** The data was written by this version of the demo and is complete (one transaction). */
  current: boolean;
}

/**
 * Finds the demo user and tells whether its data can be reused.
 * @example
 * ```ts
 * if ((await findDemo(em))?.current) console.log('reusing the demo data');
 * ```
 */
export async function findDemo(em: EntityManager): Promise<DemoState | null> {
  const user = await em.getRepository(User).findByEmail(DEMO_EMAIL);
  if (!user) return null;
  const program = await em.findOne(Program, { user: user.id, name: DEMO_PROGRAM_NAME }, { fields: ['id'] });
  return { userId: user.id, programId: program?.id ?? null, current: program !== null };
}

/**
 * Rows the demo wrote, per table.
 * @example
 * ```ts
 * const counts: DemoCounts = { users: 1, programs: 1, microcycles: 8, sessions: 32, movements: 61, workoutLogs: 23, topSetLogs: 94, patternExposures: 94, sorenessLogs: 49, recoverySignals: 41 };
 * ```
 */
export interface DemoCounts {
  users: number;
  programs: number;
  microcycles: number;
  sessions: number;
  /** Movements of the starter catalog the demo uses (found in the catalog or created for the demo user). */
  movements: number;
  workoutLogs: number;
  topSetLogs: number;
  patternExposures: number;
  sorenessLogs: number;
  recoverySignals: number;
}

// Children before parents, following every foreign key that can point at a demo row. Only rows
// reachable from the demo user are touched.
const RESET_STATEMENTS: readonly (readonly [table: keyof DemoCounts | 'other', statement: (user: number) => RawBuilder<unknown>])[] = [
  ['patternExposures', (u) => sql`delete from pattern_exposures where user_id = ${u}`],
  ['topSetLogs', (u) => sql`delete from top_set_logs where workout_log_id in (select id from workout_logs where user_id = ${u})`],
  ['sorenessLogs', (u) => sql`delete from soreness_logs where user_id = ${u}`],
  ['recoverySignals', (u) => sql`delete from recovery_signals where user_id = ${u}`],
  ['workoutLogs', (u) => sql`delete from workout_logs where user_id = ${u}`],
  ['other', (u) => sql`delete from session_exercises where session_id in (select s.id from sessions s join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id where p.user_id = ${u})`],
  ['sessions', (u) => sql`delete from sessions where microcycle_id in (select m.id from microcycles m join programs p on p.id = m.program_id where p.user_id = ${u})`],
  ['microcycles', (u) => sql`delete from microcycles where program_id in (select id from programs where user_id = ${u})`],
  ['programs', (u) => sql`delete from programs where user_id = ${u}`],
  ['other', (u) => sql`delete from conversation_turns where thread_id in (select id from conversation_threads where user_id = ${u})`],
  ['other', (u) => sql`delete from conversation_threads where user_id = ${u}`],
  ['other', (u) => sql`delete from user_movement_rules where user_id = ${u}`],
  ['other', (u) => sql`delete from user_enjoyable_activities where user_id = ${u}`],
  ['other', (u) => sql`delete from user_settings where user_id = ${u}`],
  ['other', (u) => sql`delete from movement_relationships where source_movement_id in (select id from movements where user_id = ${u}) or target_movement_id in (select id from movements where user_id = ${u})`],
  ['movements', (u) => sql`delete from movements where user_id = ${u}`],
  ['users', (u) => sql`delete from users where id = ${u}`],
];

/**
 * Deletes the demo user and everything that belongs to it, children first, in one transaction.
 * Rows of other users and system movements are left alone.
 *
 * @example
 * ```ts
 * const state = await findDemo(em);
 * if (state) await resetDemo(em, state.userId);
 * ```
 */
export async function resetDemo(em: EntityManager, userId: number): Promise<void> {
  await em.transactional(async (tx) => {
    for (const [, statement] of RESET_STATEMENTS) await executeBound(tx, statement(userId));
  });
  em.clear();
}

/**
 * What {@link seedDemo} wrote.
 * @example
 * ```ts
 * const { userId, counts } = await seedDemo(em);
 * ```
 */
export interface SeededDemo {
  userId: number;
  programId: number;
  counts: DemoCounts;
  plan: DemoPlan;
}

/**
 * Writes the demo through the library's own workflows, in one transaction: the demo user
 * (`createUser`), the starter catalog's movements (existing movements with the same name are
 * reused; missing ones are created as the demo user's own, so the shared catalog is not altered),
 * the 8-week program with its microcycles (`createProgram`), its sessions, 6 weeks of workouts
 * (`logWorkout`, which computes each top set's e1RM and pattern exposure) with the program advanced
 * week by week (`advanceMicrocycle`: weeks 1–6 complete, week 7 active, week 8 planned), soreness
 * and recovery.
 *
 * @example
 * ```ts
 * const demo = await seedDemo(orm.em.fork());
 * demo.counts.workoutLogs; // 23
 * ```
 */
export async function seedDemo(em: EntityManager, onProgress?: (done: number, total: number) => void): Promise<SeededDemo> {
  const plan = buildDemoPlan();
  const total = plan.workouts.length + 3;
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  const result = await em.transactional(async (tx) => {
    const user = await tx.getRepository(User).createUser({
      name: 'Demo Athlete',
      email: DEMO_EMAIL,
      experienceLevel: 'intermediate',
      personaTone: 'analytical',
      personaAggression: 3,
      settings: { activeE1rmFormula: 'epley', useMetric: true },
    });
    const movementIds = await ensureCatalog(tx, user);
    tick();

    const program = await tx.getRepository(Program).createProgram(user.id, {
      name: DEMO_PROGRAM_NAME,
      startDate: DEMO_START_DATE,
      durationWeeks: DEMO_PROGRAM_WEEKS,
      daysPerWeek: 4,
      goals: [
        { goal: 'strength', weight: 5 },
        { goal: 'hypertrophy', weight: 3 },
        { goal: 'endurance', weight: 2 },
      ],
      splitTemplate: 'upper_lower',
      progressionStyle: 'double_progression',
    });
    const microcycles = new Map((await tx.find(Microcycle, { program: program.id })).map((m) => [m.sequenceNumber, m]));
    // Through writePlan, as a service would: the JSON sections in the upstream app's shape and the
    // session_exercises rows from one plan.
    const sessionRepository = tx.getRepository(Session);
    const sessions = new Map<string, Session>();
    for (const s of plan.sessions) {
      const section = (role: 'main' | 'accessory') =>
        s.exercises
          .filter((e) => e.role === role)
          .map((e) => ({ movementId: movementIds.get(e.movement)!, sets: e.sets, repRangeMin: e.repRangeMin, repRangeMax: e.repRangeMax, rpe: e.rpe, restSeconds: role === 'main' ? 180 : 90 }));
      const session = await sessionRepository.writePlan(
        {
          microcycleId: microcycles.get(s.week)!.id,
          date: s.date,
          dayNumber: s.dayNumber,
          sessionType: s.sessionType,
          intentTags: s.intentTags,
          sections: { main: section('main'), accessory: section('accessory') },
          estimatedDurationMinutes: 65,
          coachNotes: s.title,
        },
        { userId: user.id },
      );
      sessions.set(`${s.week}/${s.dayNumber}`, session);
    }
    tick();

    const workouts = tx.getRepository(WorkoutLog);
    const programs = tx.getRepository(Program);
    // Statuses as the app leaves them, by its own workflow: createProgram made week 1 active, and
    // each week the athlete moves on completes the week before (past weeks complete, the current
    // one active, later ones planned).
    let currentWeek = 1;
    for (const w of plan.workouts) {
      for (; currentWeek < w.week; currentWeek++) await programs.advanceMicrocycle(program.id, { userId: user.id });
      await workouts.logWorkout(user.id, {
        date: w.date,
        sessionId: sessions.get(`${w.week}/${w.dayNumber}`)!.id,
        perceivedDifficulty: w.perceivedDifficulty,
        enjoymentRating: w.enjoymentRating,
        actualDurationMinutes: w.actualDurationMinutes,
        notes: w.notes,
        feedbackTags: w.feedbackTags,
        topSets: w.topSets.map((t) => ({ movementId: movementIds.get(t.movement)!, weight: t.weight, reps: t.reps, rpe: t.rpe })),
      });
      tick();
    }
    // The last logged week is over too: the week after it is the current one.
    await programs.advanceMicrocycle(program.id, { userId: user.id });

    for (const s of plan.soreness) {
      const data = parseInput(sorenessInputSchema, { date: s.date, bodyPart: s.bodyPart, soreness: s.soreness, inferredCauseSessionId: sessions.get(`${s.week}/${s.dayNumber}`)!.id }, 'SorenessInput');
      tx.create(SorenessLog, {
        user,
        date: data.date,
        bodyPart: data.bodyPart,
        soreness15: data.soreness,
        inferredCauseSession: tx.getReference(Session, data.inferredCauseSessionId!),
      });
    }
    for (const r of plan.recovery) {
      // `dummy` is the source for generated readings (docs/data-model.md, "RecoverySource"), which these are.
      const { sessionId: _none, ...reading } = parseInput(recoverySignalInputSchema, { ...r, source: 'dummy' }, 'RecoverySignalInput');
      tx.create(RecoverySignal, { user, ...reading });
    }
    await tx.flush();
    tick();
    return { userId: user.id, programId: program.id, movements: movementIds.size };
  });
  em.clear();
  return { ...result, counts: await countDemo(em, result.userId), plan };
}

/**
 * Looks up the starter catalog by name and creates what is missing, owned by the demo user.
 * A name taken by another user's private movement gets a `(demo)` suffix: names are unique and
 * `logWorkout` only accepts system movements and the user's own.
 */
async function ensureCatalog(em: EntityManager, user: User): Promise<Map<string, number>> {
  const existing = await em.find(Movement, { name: { $in: STARTER_CATALOG.map((m) => m.name) } }, { fields: ['id', 'name', 'user'] });
  const byName = new Map(existing.map((m) => [m.name, m]));
  const ids = new Map<string, number>();
  const created: [string, Movement][] = [];
  for (const entry of STARTER_CATALOG) {
    const found = byName.get(entry.name);
    const usable = found && (found.user == null || found.user.id === user.id);
    if (found && usable) {
      ids.set(entry.name, found.id);
      continue;
    }
    const data = parseInput(movementInputSchema, { ...entry, name: found ? `${entry.name} (demo)` : entry.name }, 'MovementInput');
    created.push([entry.name, em.create(Movement, { ...data, user })]);
  }
  await em.flush();
  for (const [name, movement] of created) ids.set(name, movement.id);
  return ids;
}

/**
 * Counts the demo user's rows (and the catalog movements it uses), as {@link DemoCounts}.
 * @example
 * ```ts
 * (await countDemo(em, userId)).workoutLogs; // 23
 * ```
 */
export async function countDemo(em: EntityManager, userId: number): Promise<DemoCounts> {
  const names = JSON.stringify(STARTER_CATALOG.map((m) => m.name));
  const [row] = await executeBound<Record<string, unknown>>(
    em,
    sql`select
       (select count(*) from users where id = ${userId})::int as users,
       (select count(*) from programs where user_id = ${userId})::int as programs,
       (select count(*) from microcycles m join programs p on p.id = m.program_id where p.user_id = ${userId})::int as microcycles,
       (select count(*) from sessions s join microcycles m on m.id = s.microcycle_id join programs p on p.id = m.program_id where p.user_id = ${userId})::int as sessions,
       (select count(*) from movements where name in (select json_array_elements_text(${names}::json)) or user_id = ${userId})::int as movements,
       (select count(*) from workout_logs where user_id = ${userId})::int as workout_logs,
       (select count(*) from top_set_logs t join workout_logs w on w.id = t.workout_log_id where w.user_id = ${userId})::int as top_set_logs,
       (select count(*) from pattern_exposures where user_id = ${userId})::int as pattern_exposures,
       (select count(*) from soreness_logs where user_id = ${userId})::int as soreness_logs,
       (select count(*) from recovery_signals where user_id = ${userId})::int as recovery_signals`,
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    users: n('users'),
    programs: n('programs'),
    microcycles: n('microcycles'),
    sessions: n('sessions'),
    movements: n('movements'),
    workoutLogs: n('workout_logs'),
    topSetLogs: n('top_set_logs'),
    patternExposures: n('pattern_exposures'),
    sorenessLogs: n('soreness_logs'),
    recoverySignals: n('recovery_signals'),
  };
}
