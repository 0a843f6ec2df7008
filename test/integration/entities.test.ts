import { describe, expect, it } from 'vitest';
import {
  CircuitTemplate,
  ConversationThread,
  ConversationTurn,
  HeuristicConfig,
  Microcycle,
  Movement,
  MovementRelationship,
  PatternExposure,
  Program,
  RecoverySignal,
  Session,
  SessionExercise,
  SorenessLog,
  TopSetLog,
  User,
  UserEnjoyableActivity,
  UserMovementRule,
  UserSettings,
  WorkoutLog,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { makeCircuit, makeMicrocycle, makeMovement, makeProgram, makeSession, makeUser, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();

/** One row of raw SQL, bypassing the ORM's conversions. */
async function rawRow(sql: string, params: unknown[] = []): Promise<Record<string, unknown>> {
  const rows = await db.em.execute<Record<string, unknown>[]>(sql, params);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('users module', () => {
  it('User: defaults on create, semantic values in JS, UPPERCASE labels in the database', async () => {
    const em = db.em;
    const user = em.create(User, { name: 'Grace', email: 'grace@example.com' });
    expect(user.experienceLevel).toBe('intermediate');
    expect(user.personaTone).toBe('supportive');
    expect(user.personaAggression).toBe(3);
    await em.flush();
    em.clear();

    const reloaded = await em.findOneOrFail(User, { email: 'grace@example.com' });
    expect(reloaded === user).toBe(false);
    const { name, experienceLevel, personaTone, personaAggression } = reloaded;
    expect({ name, experienceLevel, personaTone, personaAggression }).toEqual({ name: 'Grace', experienceLevel: 'intermediate', personaTone: 'supportive', personaAggression: 3 });
    const raw = await rawRow('select experience_level::text, persona_tone::text, persona_aggression::text from users where id = ?', [user.id]);
    expect(raw).toEqual({ experience_level: 'INTERMEDIATE', persona_tone: 'SUPPORTIVE', persona_aggression: 'BALANCED' });
  });

  it('User: every PersonaAggression value round-trips as its integer', async () => {
    const em = db.em;
    const users = [1, 2, 3, 4, 5].map((n) => em.create(User, { personaAggression: n as 1 | 2 | 3 | 4 | 5, personaTone: 'drill_sergeant', experienceLevel: 'expert' }));
    await em.flush();
    em.clear();
    const labels = await em.execute<{ id: number; persona_aggression: string }[]>(
      'select id, persona_aggression::text from users where id in (?) order by id',
      [users.map((u) => u.id)],
    );
    expect(labels.map((r) => r.persona_aggression)).toEqual(['CONSERVATIVE', 'MODERATE_CONSERVATIVE', 'BALANCED', 'MODERATE_AGGRESSIVE', 'AGGRESSIVE']);
    const reloaded = await em.find(User, { id: { $in: users.map((u) => u.id) } }, { orderBy: { id: 'asc' } });
    expect(reloaded.map((u) => u.personaAggression)).toEqual([1, 2, 3, 4, 5]);
    expect(reloaded.every((u) => u.personaTone === 'drill_sergeant' && u.experienceLevel === 'expert')).toBe(true);
  });

  it('UserSettings: 1:1 with the user, defaults epley and metric', async () => {
    const em = db.em;
    const user = em.create(User, {});
    em.create(UserSettings, { user });
    await em.flush();
    em.clear();
    const reloaded = await em.findOneOrFail(User, { id: user.id }, { populate: ['settings'] });
    expect(reloaded.settings).toMatchObject({ activeE1rmFormula: 'epley', useMetric: true });
    expect(await rawRow('select active_e1rm_formula::text as f from user_settings where user_id = ?', [user.id])).toEqual({ f: 'EPLEY' });
  });

  it('UserMovementRule and UserEnjoyableActivity: enums, defaults and both sides of the relation', async () => {
    const em = db.em;
    const user = makeUser(em);
    const movement = makeMovement(em);
    em.create(UserMovementRule, { user, movement, ruleType: 'hard_no', notes: 'knee' });
    em.create(UserEnjoyableActivity, { user, activityType: 'martial_arts', customName: 'BJJ' });
    await em.flush();
    em.clear();

    const reloaded = await em.findOneOrFail(User, { id: user.id }, { populate: ['movementRules.movement', 'enjoyableActivities'] });
    const [rule] = reloaded.movementRules.getItems();
    expect(rule).toMatchObject({ ruleType: 'hard_no', cadence: 'per_microcycle', notes: 'knee' });
    expect(rule!.movement.name).toBe(movement.name);
    const [activity] = reloaded.enjoyableActivities.getItems();
    expect(activity).toMatchObject({ activityType: 'martial_arts', customName: 'BJJ', recommendEveryDays: 28, enabled: true });
    expect(await rawRow('select rule_type::text as t, cadence::text as c from user_movement_rules where user_id = ?', [user.id])).toEqual({ t: 'HARD_NO', c: 'PER_MICROCYCLE' });
    expect(await rawRow('select activity_type::text as a from user_enjoyable_activities where user_id = ?', [user.id])).toEqual({ a: 'MARTIAL_ARTS' });
  });
});

describe('programs module', () => {
  it('Program: goals, split, progression, persona, JSON blobs and defaults', async () => {
    const em = db.em;
    const user = makeUser(em);
    const program = makeProgram(em, user, {
      progressionStyle: 'wave_loading',
      hybridDefinition: { days: [{ focus: 'run' }, { focus: 'lift' }] },
      disciplinesJson: [{ discipline: 'powerlifting', weight: 7 }, { discipline: 'running', weight: 3 }],
      name: 'Block A',
    });
    expect(program.deloadEveryNMicrocycles).toBe(4);
    expect(program.visibility).toBe('private');
    await em.flush();
    em.clear();

    const reloaded = await em.findOneOrFail(Program, { id: program.id }, { populate: ['user'] });
    expect(reloaded).toMatchObject({
      startDate: '2026-01-05',
      durationWeeks: 8,
      goal1: 'strength',
      goal2: 'hypertrophy',
      goal3: 'endurance',
      goalWeight1: 5,
      goalWeight2: 3,
      goalWeight3: 2,
      splitTemplate: 'upper_lower',
      progressionStyle: 'wave_loading',
      personaTone: 'analytical',
      personaAggression: 4,
      deloadEveryNMicrocycles: 4,
      isActive: true,
      isTemplate: false,
      visibility: 'private',
      name: 'Block A',
      hybridDefinition: { days: [{ focus: 'run' }, { focus: 'lift' }] },
      disciplinesJson: [{ discipline: 'powerlifting', weight: 7 }, { discipline: 'running', weight: 3 }],
    });
    expect(reloaded.user.id).toBe(user.id);
    expect(reloaded.createdAt).toBeInstanceOf(Date);
    const raw = await rawRow(
      `select goal_1::text as g1, split_template::text as s, progression_style::text as p, persona_tone::text as t,
              persona_aggression::text as a, visibility::text as v, pg_typeof(disciplines_json)::text as json_type
         from programs where id = ?`,
      [program.id],
    );
    expect(raw).toEqual({ g1: 'STRENGTH', s: 'UPPER_LOWER', p: 'WAVE_LOADING', t: 'ANALYTICAL', a: 'MODERATE_AGGRESSIVE', v: 'PRIVATE', json_type: 'json' });
  });

  it('Microcycle, Session and SessionExercise: relations both ways, enums, JSON sections, circuits', async () => {
    const em = db.em;
    const user = makeUser(em);
    const program = makeProgram(em, user);
    const microcycle = makeMicrocycle(em, program);
    const circuit = makeCircuit(em, { circuitType: 'rounds_for_time', bucketStress: { conditioning: 4, cns: 1 } });
    const movement = makeMovement(em);
    const session = makeSession(em, microcycle, {
      sessionType: 'full_body',
      intentTags: ['strength'],
      mainJson: [{ movement: movement.name, sets: 3, rep_range_min: 5, rep_range_max: 8 }],
      mainCircuit: circuit,
      estimatedDurationMinutes: 60,
    });
    em.create(SessionExercise, { session, movement, role: 'main', orderInSession: 1, targetSets: 3, targetRpe: 7.5, targetRepRangeMin: 5, targetRepRangeMax: 8 });
    await em.flush();
    em.clear();

    const reloadedProgram = await em.findOneOrFail(Program, { id: program.id }, { populate: ['microcycles.sessions.exercises.movement', 'microcycles.sessions.mainCircuit'] });
    const [mc] = reloadedProgram.microcycles.getItems();
    expect(mc).toMatchObject({ status: 'planned', isDeload: false, lengthDays: 7, sequenceNumber: 1, startDate: '2026-01-05' });
    const [s] = mc!.sessions.getItems();
    expect(s).toMatchObject({ sessionType: 'full_body', intentTags: ['strength'], date: '2026-01-05', dayNumber: 1, estimatedDurationMinutes: 60 });
    expect(s!.mainJson).toEqual([{ movement: movement.name, sets: 3, rep_range_min: 5, rep_range_max: 8 }]);
    expect(s!.mainCircuit).toMatchObject({ circuitType: 'rounds_for_time', bucketStress: { conditioning: 4, cns: 1 }, difficultyTier: 1, exercisesJson: [], tags: [] });
    const [ex] = s!.exercises.getItems();
    expect(ex).toMatchObject({ role: 'main', targetRpe: 7.5, isComplexLift: false, substitutionAllowed: true });
    expect(ex!.movement.id).toBe(movement.id);
    expect(await rawRow('select status::text as s, is_deload from microcycles where id = ?', [microcycle.id])).toEqual({ s: 'PLANNED', is_deload: false });
    expect(await rawRow('select session_type::text as t from sessions where id = ?', [session.id])).toEqual({ t: 'FULL_BODY' });
    expect(await rawRow('select role::text as r from session_exercises where session_id = ?', [session.id])).toEqual({ r: 'MAIN' });
    expect(await rawRow('select circuit_type::text as c from circuit_templates where id = ?', [circuit.id])).toEqual({ c: 'ROUNDS_FOR_TIME' });
  });
});

describe('movements module', () => {
  it('Movement: enum-backed strings hold semantic values; overview defaults; user-defined owner', async () => {
    const em = db.em;
    const owner = makeUser(em);
    const system = makeMovement(em, { primaryRegion: 'posterior lower', pattern: 'hinge', primaryMuscle: 'hamstrings', secondaryMuscles: ['glutes', 'lower_back'] });
    const own = makeMovement(em, { user: owner, pattern: 'carry', primaryMuscle: 'forearms', primaryRegion: 'full body', tags: ['strongman'] });
    expect(system).toMatchObject({ cnsLoad: 'moderate', skillLevel: 'intermediate', metricType: 'reps', primaryDiscipline: 'All', tags: [], compound: true, isUnilateral: false });
    await em.flush();
    em.clear();

    const [a, b] = await em.find(Movement, { id: { $in: [system.id, own.id] } }, { orderBy: { id: 'asc' }, populate: ['user'] });
    expect(a).toMatchObject({ pattern: 'hinge', primaryRegion: 'posterior lower', secondaryMuscles: ['glutes', 'lower_back'], user: null });
    expect(b).toMatchObject({ pattern: 'carry', primaryRegion: 'full body', tags: ['strongman'] });
    expect(b!.user!.id).toBe(owner.id);
    expect(await rawRow('select pattern, primary_region, cns_load from movements where id = ?', [system.id])).toEqual({ pattern: 'hinge', primary_region: 'posterior lower', cns_load: 'moderate' });
  });

  it('MovementRelationship: outgoing and incoming sides', async () => {
    const em = db.em;
    const goblet = makeMovement(em);
    const back = makeMovement(em);
    em.create(MovementRelationship, { sourceMovement: goblet, targetMovement: back, relationshipType: 'progression' });
    await em.flush();
    em.clear();
    const g = await em.findOneOrFail(Movement, { id: goblet.id }, { populate: ['outgoingRelationships.targetMovement', 'incomingRelationships'] });
    expect(g.outgoingRelationships.getItems().map((r) => [r.relationshipType, r.targetMovement.id])).toEqual([['progression', back.id]]);
    expect(g.incomingRelationships.count()).toBe(0);
    const b = await em.findOneOrFail(Movement, { id: back.id }, { populate: ['incomingRelationships.sourceMovement'] });
    expect(b.incomingRelationships.getItems().map((r) => r.sourceMovement.id)).toEqual([goblet.id]);
  });
});

describe('logging module', () => {
  it('WorkoutLog, TopSetLog and PatternExposure: enums, floats, relations, naive-UTC timestamps', async () => {
    const em = db.em;
    const user = makeUser(em);
    const program = makeProgram(em, user);
    const microcycle = makeMicrocycle(em, program);
    const session = makeSession(em, microcycle);
    const movement = makeMovement(em);
    const log = makeWorkoutLog(em, user, { session, perceivedDifficulty: 8, enjoymentRating: 4, feedbackTags: ['too_hard'], actualDurationMinutes: 55 });
    const createdAt = new Date(Date.UTC(2026, 0, 5, 18, 30, 15));
    const top = em.create(TopSetLog, { workoutLog: log, movement, weight: 102.5, reps: 5, rpe: 8.5, rir: 1, e1rmValue: 119.58, e1rmFormula: 'brzycki', pattern: 'squat', createdAt });
    em.create(PatternExposure, { user, microcycle, date: '2026-01-05', pattern: 'squat', e1rmValue: 119.58, sourceTopSetLog: top });
    expect(log).toMatchObject({ completed: true, visibility: 'private' });
    await em.flush();
    em.clear();

    const reloaded = await em.findOneOrFail(WorkoutLog, { id: log.id }, { populate: ['topSets.movement', 'session', 'user'] });
    expect(reloaded).toMatchObject({ date: '2026-01-05', completed: true, perceivedDifficulty: 8, enjoymentRating: 4, feedbackTags: ['too_hard'], visibility: 'private' });
    const [set] = reloaded.topSets.getItems();
    expect(set).toMatchObject({ weight: 102.5, reps: 5, rpe: 8.5, rir: 1, e1rmValue: 119.58, e1rmFormula: 'brzycki', pattern: 'squat' });
    expect(set!.createdAt!.toISOString()).toBe('2026-01-05T18:30:15.000Z');
    expect(await rawRow("select to_char(created_at, 'YYYY-MM-DD HH24:MI:SS') as t, e1rm_formula::text as f, pattern::text as p from top_set_logs where id = ?", [top.id])).toEqual({
      t: '2026-01-05 18:30:15',
      f: 'BRZYCKI',
      p: 'SQUAT',
    });
    const exposure = await em.findOneOrFail(PatternExposure, { sourceTopSetLog: top.id }, { populate: ['microcycle'] });
    expect(exposure).toMatchObject({ pattern: 'squat', e1rmValue: 119.58, date: '2026-01-05' });
    expect(exposure.microcycle.id).toBe(microcycle.id);
    const mc = await em.findOneOrFail(Microcycle, { id: microcycle.id }, { populate: ['patternExposures'] });
    expect(mc.patternExposures.count()).toBe(1);
  });

  it('SorenessLog and RecoverySignal: spaced RecoverySource values map to their labels', async () => {
    const em = db.em;
    const user = makeUser(em);
    em.create(SorenessLog, { user, date: '2026-01-06', bodyPart: 'quads', soreness15: 4 });
    const aura = em.create(RecoverySignal, { user, date: '2026-01-06', source: 'aura ring', hrv: 61.5, restingHr: 52, sleepHours: 7.25 });
    const whoop = em.create(RecoverySignal, { user, date: '2026-01-07', source: 'whoop band' });
    const dummy = em.create(RecoverySignal, { user, date: '2026-01-08' });
    expect(dummy.source).toBe('dummy');
    await em.flush();
    em.clear();
    const reloaded = await em.findOneOrFail(User, { id: user.id }, { populate: ['sorenessLogs', 'recoverySignals'] });
    expect(reloaded.sorenessLogs.getItems()[0]).toMatchObject({ bodyPart: 'quads', soreness15: 4, date: '2026-01-06' });
    expect(reloaded.recoverySignals.getItems().map((r) => r.source).sort()).toEqual(['aura ring', 'dummy', 'whoop band']);
    const labels = await em.execute<{ source: string }[]>('select source::text from recovery_signals where id in (?) order by id', [[aura.id, whoop.id, dummy.id]]);
    expect(labels.map((r) => r.source)).toEqual(['AURA_RING', 'WHOOP_BAND', 'DUMMY']);
  });
});

describe('coaching module', () => {
  it('HeuristicConfig, ConversationThread and ConversationTurn', async () => {
    const em = db.em;
    const user = makeUser(em);
    em.create(HeuristicConfig, { name: 'deload_rules', version: 1, jsonBlob: { threshold: 0.05, patterns: ['squat'] } });
    const thread = em.create(ConversationThread, { user, contextType: 'daily_adaptation', acceptedPlanJson: { swap: 'front squat' } });
    em.create(ConversationTurn, { thread, turnNumber: 2, role: 'assistant', content: 'Sure.', structuredResponseJson: { action: 'swap' } });
    em.create(ConversationTurn, { thread, turnNumber: 1, role: 'user', content: 'Swap squats?' });
    await em.flush();
    em.clear();
    const config = await em.findOneOrFail(HeuristicConfig, { name: 'deload_rules' });
    expect(config).toMatchObject({ version: 1, active: false, jsonBlob: { threshold: 0.05, patterns: ['squat'] } });
    const t = await em.findOneOrFail(ConversationThread, { id: thread.id }, { populate: ['turns', 'user'] });
    expect(t).toMatchObject({ contextType: 'daily_adaptation', isActive: true, finalPlanAccepted: false, acceptedPlanJson: { swap: 'front squat' } });
    expect(t.turns.getItems().map((x) => [x.turnNumber, x.role])).toEqual([[1, 'user'], [2, 'assistant']]);
    expect(t.updatedAt).toBeInstanceOf(Date);
  });
});
