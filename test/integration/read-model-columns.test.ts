// Every column a read model returns, mapped to the right value: the fixtures are written with raw
// SQL (not through the entities under test), with explicit ids from separate ranges and a distinct
// value in every column, so swapping two columns, or reading the wrong one, changes the result.
// Each finder's filter is exercised with a non-matching row present, a decoy that matches the
// same value in a *different* column where one exists (filtering on the wrong column then fails).
import { describe, expect, it } from 'vitest';
import {
  CircuitTemplate,
  ConversationThread,
  ConversationTurn,
  forUser,
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
  WorkoutLog,
  type MovementRow,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';

const db = useTestOrm();

const sql = (text: string, params: unknown[] = []) => db.em.execute(text, params);
const json = (value: unknown) => JSON.stringify(value);

// Id ranges: users 96xx, programs 97xx, microcycles 91xx, sessions 92xx, circuits 93xx,
// exercises 94xx, movements 95xx, logs 98xx, top sets 99xx, exposures 90xx.
async function user(id: number, formula = 'EPLEY') {
  await sql(`insert into users (id, name, email) values (?, ?, ?)`, [id, `user-${id}`, `u${id}@example.com`]);
  await sql(`insert into user_settings (user_id, active_e1rm_formula) values (?, ?::e1rmformula)`, [id, formula]);
}
async function program(id: number, userId: number, startDate: string, isActive: boolean) {
  await sql(
    `insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
       split_template, days_per_week, progression_style, persona_tone, persona_aggression, is_active)
     values (?, ?, ?, 8, 'STRENGTH', 'HYPERTROPHY', 'MOBILITY', 6, 3, 1, 'UPPER_LOWER', 4, 'DOUBLE_PROGRESSION', 'ANALYTICAL', 'BALANCED', ?)`,
    [id, userId, startDate, isActive],
  );
}
async function microcycle(id: number, programId: number, startDate: string, lengthDays: number, sequence: number, status: string, isDeload: boolean) {
  await sql(`insert into microcycles (id, program_id, start_date, length_days, sequence_number, status, is_deload) values (?, ?, ?, ?, ?, ?::microcyclestatus, ?)`, [
    id, programId, startDate, lengthDays, sequence, status, isDeload,
  ]);
}
async function movement(id: number, m: Partial<Record<string, unknown>> = {}) {
  const row = {
    name: `movement-${id}`, pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower', secondary_muscles: null, cns_load: 'moderate',
    skill_level: 'intermediate', compound: true, is_complex_lift: false, is_unilateral: false, metric_type: 'reps', discipline_tags: null, equipment_tags: null,
    description: null, coaching_cues: null, substitution_group: null, user_id: null, primary_discipline: 'All', tags: null, ...m,
  } as Record<string, unknown>;
  const jsonCols = new Set(['secondary_muscles', 'discipline_tags', 'equipment_tags', 'coaching_cues', 'tags']);
  const cols = Object.keys(row);
  await sql(
    `insert into movements (id, ${cols.join(', ')}) values (?, ${cols.map((c) => (jsonCols.has(c) ? '?::json' : '?')).join(', ')})`,
    [id, ...cols.map((c) => (jsonCols.has(c) && row[c] !== null ? json(row[c]) : row[c]))],
  );
}

describe('MicrocycleView (sessions.microcycleView / findForDisplay): every column', () => {
  it('maps each microcycle, session, exercise and movement column to its own value; another microcycle\'s session is not in it', async () => {
    await user(9601);
    await program(9701, 9601, '2026-03-02', true);
    await microcycle(9101, 9701, '2026-03-02', 9, 4, 'ACTIVE', true);
    await microcycle(9102, 9701, '2026-03-11', 8, 5, 'PLANNED', false);
    await sql(`insert into circuit_templates (id, name, circuit_type, exercises_json, bucket_stress) values (9301, 'main-circuit', 'AMRAP', '[]', '{}'), (9302, 'finisher-circuit', 'EMOM', '[]', '{}')`);
    await movement(9501, { name: 'View Movement', pattern: 'hinge', primary_muscle: 'hamstrings', primary_region: 'posterior lower', metric_type: 'time', is_unilateral: true, equipment_tags: ['kettlebell'], user_id: 9601 });
    await sql(
      `insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json, cooldown_json,
         estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes, finisher_duration_minutes, cooldown_duration_minutes,
         coach_notes, main_circuit_id, finisher_circuit_id)
       values (9201, 9101, '2026-03-04', 3, 'PULL', ?::json, ?::json, ?::json, ?::json, ?::json, ?::json, 61, 11, 31, 17, 7, 5, 'coach-notes', 9301, 9302)`,
      [json(['intent-a']), json([{ movement: 'W' }]), json([{ movement: 'M' }]), json([{ movement: 'A' }]), json({ type: 'F' }), json([{ movement: 'C' }])],
    );
    // A session of the NEXT microcycle: must not appear in 9101's view.
    await sql(`insert into sessions (id, microcycle_id, date, day_number, session_type) values (9202, 9102, '2026-03-12', 1, 'LOWER')`);
    await sql(
      `insert into session_exercises (id, session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min, target_rep_range_max,
         target_rpe, target_rir, target_duration_seconds, default_rest_seconds, is_complex_lift, substitution_allowed, notes)
       values (9401, 9201, 9501, 'ACCESSORY', 6, 8, 9, 12, 14, 7.5, 2, 45, 95, true, false, 'exercise-notes')`,
    );
    await sql(`insert into session_exercises (id, session_id, movement_id, role, order_in_session, target_sets) values (9402, 9202, 9501, 'MAIN', 1, 3)`);

    const view = await forUser(db.em, 9601).sessions.microcycleView(9101);
    expect(view).toEqual({
      id: 9101,
      programId: 9701,
      startDate: '2026-03-02',
      lengthDays: 9,
      sequenceNumber: 4,
      status: 'active',
      isDeload: true,
      sessions: [
        {
          id: 9201,
          date: '2026-03-04',
          dayNumber: 3,
          sessionType: 'pull',
          intentTags: ['intent-a'],
          warmupJson: [{ movement: 'W' }],
          mainJson: [{ movement: 'M' }],
          accessoryJson: [{ movement: 'A' }],
          finisherJson: { type: 'F' },
          cooldownJson: [{ movement: 'C' }],
          estimatedDurationMinutes: 61,
          warmupDurationMinutes: 11,
          mainDurationMinutes: 31,
          accessoryDurationMinutes: 17,
          finisherDurationMinutes: 7,
          cooldownDurationMinutes: 5,
          coachNotes: 'coach-notes',
          mainCircuitId: 9301,
          finisherCircuitId: 9302,
          exercises: [
            {
              id: 9401,
              role: 'accessory',
              orderInSession: 6,
              supersetGroup: 8,
              targetSets: 9,
              targetRepRangeMin: 12,
              targetRepRangeMax: 14,
              targetRpe: 7.5,
              targetRir: 2,
              targetDurationSeconds: 45,
              defaultRestSeconds: 95,
              isComplexLift: true,
              substitutionAllowed: false,
              notes: 'exercise-notes',
              movement: {
                id: 9501,
                name: 'View Movement',
                pattern: 'hinge',
                primaryMuscle: 'hamstrings',
                primaryRegion: 'posterior lower',
                metricType: 'time',
                isUnilateral: true,
                equipmentTags: ['kettlebell'],
                userId: 9601,
              },
            },
          ],
        },
      ],
    });
  });
});

describe('MicrocycleRow (programs.microcycleOn, programs.activeMicrocycle): every column', () => {
  it('maps each column; the covering week of an inactive program and another user\'s week are not returned', async () => {
    await user(9602);
    await user(9603);
    await program(9702, 9602, '2026-04-06', true);
    await program(9703, 9602, '2026-04-06', false); // inactive, covers the same dates
    await program(9704, 9603, '2026-04-06', true); // another user's
    await microcycle(9103, 9702, '2026-04-13', 10, 2, 'ACTIVE', true);
    await microcycle(9104, 9703, '2026-04-13', 7, 3, 'ACTIVE', false);
    await microcycle(9105, 9704, '2026-04-13', 8, 6, 'ACTIVE', false);
    const me = forUser(db.em, 9602);
    const expected = { id: 9103, programId: 9702, startDate: '2026-04-13', lengthDays: 10, sequenceNumber: 2, status: 'active', isDeload: true };
    expect(await me.programs.microcycleOn('2026-04-15')).toEqual(expected);
    expect(await me.programs.activeMicrocycle(9702)).toEqual(expected);
    expect(await me.programs.microcycleOn('2026-04-12')).toBeNull(); // the day before
    expect(await forUser(db.em, 9603).programs.microcycleOn('2026-04-15')).toEqual({ id: 9105, programId: 9704, startDate: '2026-04-13', lengthDays: 8, sequenceNumber: 6, status: 'active', isDeload: false });
  });
});

describe('MovementRow (movements.searchRows / MovementRepository.searchRows): every column, every filter', () => {
  const target = {
    name: 'Target Zercher Lunge',
    pattern: 'lunge',
    primary_muscle: 'glutes',
    primary_region: 'posterior lower',
    secondary_muscles: ['adductors', 'core'],
    cns_load: 'high',
    skill_level: 'advanced',
    compound: false,
    is_complex_lift: true,
    is_unilateral: true,
    metric_type: 'time',
    discipline_tags: ['disc-target'],
    equipment_tags: ['equip-target'],
    description: 'desc-target',
    coaching_cues: ['cue-target'],
    substitution_group: 'group-target',
    primary_discipline: 'primary-target',
    tags: ['tag-target'],
  };
  // Each decoy holds the target's filter value in ANOTHER column (or is system vs user-owned).
  const decoys: Record<string, Partial<Record<string, unknown>>> = {
    pattern: { name: 'Decoy pattern', tags: ['lunge'], description: 'lunge' },
    primaryMuscle: { name: 'Decoy muscle', secondary_muscles: ['glutes'] },
    primaryRegion: { name: 'Decoy region', description: 'posterior lower' },
    equipmentTag: { name: 'Decoy equipment', discipline_tags: ['equip-target'], tags: ['equip-target'], equipment_tags: ['other'] },
    disciplineTag: { name: 'Decoy discipline', equipment_tags: ['disc-target'], tags: ['disc-target'], discipline_tags: ['other'] },
    substitutionGroup: { name: 'Decoy group', primary_discipline: 'group-target', substitution_group: 'other-group' },
    text: { name: 'Decoy text', description: 'Zercher in the description only' },
  };

  async function catalog() {
    await user(9604);
    await movement(9510, { ...target, user_id: 9604 });
    let id = 9511;
    for (const decoy of Object.values(decoys)) await movement(id++, { ...decoy, user_id: 9604 });
    await user(9605);
    await movement(9520, { ...target, name: 'Other user target', user_id: 9605 }); // another user's copy
  }

  const expectedRow: MovementRow = {
    id: 9510,
    name: 'Target Zercher Lunge',
    pattern: 'lunge',
    primaryMuscle: 'glutes',
    primaryRegion: 'posterior lower',
    secondaryMuscles: ['adductors', 'core'],
    cnsLoad: 'high',
    skillLevel: 'advanced',
    compound: false,
    isComplexLift: true,
    isUnilateral: true,
    metricType: 'time',
    disciplineTags: ['disc-target'],
    equipmentTags: ['equip-target'],
    description: 'desc-target',
    coachingCues: ['cue-target'],
    substitutionGroup: 'group-target',
    userId: 9604,
    primaryDiscipline: 'primary-target',
    tags: ['tag-target'],
  };

  it('every column of the row maps to its own value', async () => {
    await catalog();
    const rows = await forUser(db.em, 9604).movements.searchRows({ ownOnly: true, text: 'Target Zercher' });
    expect(rows).toEqual({ items: [expectedRow], nextCursor: null });
  });

  const filters: [string, Record<string, unknown>][] = [
    ['pattern', { pattern: 'lunge' }],
    ['primaryMuscle', { primaryMuscle: 'glutes' }],
    ['primaryRegion', { primaryRegion: 'posterior lower' }],
    ['equipmentTag', { equipmentTag: 'equip-target' }],
    ['disciplineTag', { disciplineTag: 'disc-target' }],
    ['substitutionGroup', { substitutionGroup: 'group-target' }],
    ['text', { text: 'zercher' }],
  ];
  for (const [name, filter] of filters) {
    it(`filter ${name}: the target only, not its decoy (same value in another column) nor another user's copy`, async () => {
      await catalog();
      const me = forUser(db.em, 9604);
      expect((await me.movements.searchRows({ ...filter, ownOnly: true })).items.map((r) => r.id)).toEqual([9510]);
      expect((await me.movements.search({ ...filter, ownOnly: true })).items.map((r) => r.id)).toEqual([9510]);
      const all = (await me.movements.searchRows(filter)).items.map((r) => r.id);
      expect(all).toContain(9510);
      expect(all).not.toContain(9520);
      expect(all.filter((id) => id >= 9511 && id <= 9517)).toEqual([]);
    });
  }

  it('the single-column finders (findByPattern, findByPrimaryMuscle, …) match their own column only', async () => {
    await movement(9530, { ...target, name: 'System target' });
    await movement(9531, { name: 'System decoy', pattern: 'squat', primary_muscle: 'quadriceps', primary_region: 'anterior lower', secondary_muscles: ['glutes'], discipline_tags: ['equip-sys'], equipment_tags: ['disc-sys'], primary_discipline: 'group-sys', substitution_group: 'x' });
    await movement(9532, { name: 'System target 2', equipment_tags: ['equip-sys'], discipline_tags: ['disc-sys'], substitution_group: 'group-sys' });
    const repo = db.em.getRepository(Movement);
    const ids = (ms: Movement[]) => ms.map((m) => m.id).filter((id) => id >= 9530 && id <= 9532).sort();
    expect(ids(await repo.findByPattern('lunge'))).toEqual([9530]);
    expect(ids(await repo.findByPrimaryMuscle('glutes'))).toEqual([9530]);
    expect(ids(await repo.findByPrimaryRegion('posterior lower'))).toEqual([9530]);
    expect(ids(await repo.findByEquipmentTag('equip-sys'))).toEqual([9532]);
    expect(ids(await repo.findByDisciplineTag('disc-sys'))).toEqual([9532]);
    expect(ids(await repo.findBySubstitutionGroup('group-sys'))).toEqual([9532]);
    expect((await repo.findByName('System target 2'))?.id).toBe(9532);
    expect(await repo.findByName('System target 3')).toBeNull();
  });
});

describe('logWorkout: the returned rows and the stored columns', () => {
  it('each input value lands in its own column (workout_logs, top_set_logs, pattern_exposures), read back over SQL', async () => {
    await user(9606, 'BRZYCKI');
    await program(9706, 9606, '2026-05-04', true);
    await microcycle(9106, 9706, '2026-05-04', 7, 1, 'ACTIVE', false);
    await sql(`insert into sessions (id, microcycle_id, date, day_number, session_type) values (9206, 9106, '2026-05-06', 2, 'UPPER')`);
    await movement(9540, { name: 'Log press', pattern: 'horizontal_push', primary_muscle: 'chest', primary_region: 'anterior upper' });
    const { workoutLog, topSets, exposures, microcycleId } = await forUser(db.em, 9606).workouts.log({
      date: '2026-05-06',
      sessionId: 9206,
      completed: false,
      notes: 'log-notes',
      perceivedDifficulty: 7,
      enjoymentRating: 4,
      feedbackTags: ['tag-a', 'tag-b'],
      actualDurationMinutes: 53,
      visibility: 'friends',
      topSets: [{ movementId: 9540, weight: 90, reps: 6, rpe: 8.5, rir: 0, avgRestSeconds: 143 }],
    });
    // Brzycki: 90 x 36 / (37 - 6) = 104.516…; RIR 0 wins over RPE 8.5, so adjusted = stored.
    const e1rm = (90 * 36) / 31;
    expect(microcycleId).toBe(9106);
    expect(workoutLog).toMatchObject({ userId: 9606, sessionId: 9206, date: '2026-05-06', completed: false, notes: 'log-notes', perceivedDifficulty: 7, enjoymentRating: 4, feedbackTags: ['tag-a', 'tag-b'], actualDurationMinutes: 53, visibility: 'friends' });
    expect(topSets).toHaveLength(1);
    expect(topSets[0]).toMatchObject({ workoutLogId: workoutLog.id, movementId: 9540, weight: 90, reps: 6, rpe: 8.5, rir: 0, avgRestSeconds: 143, e1rmFormula: 'brzycki', pattern: 'horizontal_push' });
    expect(topSets[0]!.e1rmValue).toBeCloseTo(e1rm, 9);
    expect(topSets[0]!.e1rmAdjusted).toBeCloseTo(e1rm, 9);
    expect(exposures).toEqual([expect.objectContaining({ userId: 9606, microcycleId: 9106, date: '2026-05-06', pattern: 'horizontal_push', sourceTopSetLogId: topSets[0]!.id })]);

    const [log] = await sql(`select user_id, session_id, date::text, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes, visibility::text from workout_logs where id = ?`, [workoutLog.id]);
    expect(log).toEqual({ user_id: 9606, session_id: 9206, date: '2026-05-06', completed: false, notes: 'log-notes', perceived_difficulty: 7, enjoyment_rating: 4, feedback_tags: ['tag-a', 'tag-b'], actual_duration_minutes: 53, visibility: 'FRIENDS' });
    const [set] = await sql(`select workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula::text, pattern::text from top_set_logs where id = ?`, [topSets[0]!.id]);
    expect(set).toMatchObject({ workout_log_id: workoutLog.id, movement_id: 9540, weight: 90, reps: 6, rpe: 8.5, rir: 0, avg_rest_seconds: 143, e1rm_formula: 'BRZYCKI', pattern: 'HORIZONTAL_PUSH' });
    expect(set!.e1rm_value).toBeCloseTo(e1rm, 9);
    const [exposure] = await sql(`select user_id, microcycle_id, date::text, pattern::text, e1rm_value, source_top_set_log_id from pattern_exposures where id = ?`, [exposures[0]!.id]);
    expect(exposure).toMatchObject({ user_id: 9606, microcycle_id: 9106, date: '2026-05-06', pattern: 'HORIZONTAL_PUSH', source_top_set_log_id: topSets[0]!.id });
    expect(exposure!.e1rm_value).toBeCloseTo(e1rm, 9);
  });

  it('e1rmAdjusted differs from e1rmValue by the reps in reserve (RIR 2: as 8 reps), RPE alone counts 10 - RPE', async () => {
    await user(9607);
    await movement(9541, { name: 'Adjusted squat' });
    const { topSets } = await forUser(db.em, 9607).workouts.log({
      date: '2026-05-06',
      topSets: [
        { movementId: 9541, weight: 150, reps: 6, rir: 2, rpe: 9 },
        { movementId: 9541, weight: 120, reps: 3, rpe: 7 },
      ],
    });
    const byWeight = Object.fromEntries(topSets.map((t) => [t.weight, t]));
    expect(byWeight[150]!.e1rmValue).toBeCloseTo(180, 9); // 150 x (1 + 6/30)
    expect(byWeight[150]!.e1rmAdjusted).toBeCloseTo(190, 9); // 150 x (1 + 8/30): RIR 2, not RPE 9's 1
    expect(byWeight[120]!.e1rmValue).toBeCloseTo(132, 9); // 120 x (1 + 3/30)
    expect(byWeight[120]!.e1rmAdjusted).toBeCloseTo(144, 9); // 120 x (1 + 6/30)
  });
});

describe('strength, soreness and recovery read models: every field, with rows outside the filter present', () => {
  async function exposureFixture() {
    await user(9608);
    await user(9609);
    await program(9708, 9608, '2026-06-01', true);
    await program(9709, 9609, '2026-06-01', true);
    await microcycle(9108, 9708, '2026-06-01', 7, 1, 'ACTIVE', false);
    await microcycle(9109, 9709, '2026-06-01', 7, 1, 'ACTIVE', false);
    await movement(9550, { name: 'Hinge one', pattern: 'hinge' });
    await movement(9551, { name: 'Hinge two', pattern: 'hinge' });
    await movement(9552, { name: 'Squat one', pattern: 'squat' });
    // 9608: hinge 9550 on 06-02 (200) and 06-04 (210), hinge 9551 on 06-03 (150), squat on 06-03 (170).
    const logs: [number, number, string, number, number, string][] = [
      [9801, 9608, '2026-06-02', 9550, 200, 'HINGE'],
      [9802, 9608, '2026-06-03', 9551, 150, 'HINGE'],
      [9803, 9608, '2026-06-03', 9552, 170, 'SQUAT'],
      [9804, 9608, '2026-06-04', 9550, 210, 'HINGE'],
      [9805, 9609, '2026-06-03', 9550, 999, 'HINGE'], // the other user's
    ];
    for (const [id, userId, date, movementId, e1rm, pattern] of logs) {
      await sql(`insert into workout_logs (id, user_id, date) values (?, ?, ?)`, [id + 100, userId, date]);
      await sql(`insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, e1rm_value, e1rm_formula, pattern) values (?, ?, ?, ?, 1, ?, 'EPLEY', ?::movementpattern)`, [
        id, id + 100, movementId, e1rm, e1rm, pattern,
      ]);
      await sql(`insert into pattern_exposures (id, user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values (?, ?, ?, ?, ?::movementpattern, ?, ?)`, [
        id - 800, userId, userId === 9608 ? 9108 : 9109, date, pattern, e1rm, id,
      ]);
    }
  }

  it('e1rmHistory: date and e1rm of each point; by movementId or pattern, within from/to', async () => {
    await exposureFixture();
    const me = forUser(db.em, 9608);
    const sorted = (points: { date: string; e1rm: number }[]) => [...points].sort((a, b) => a.date.localeCompare(b.date) || a.e1rm - b.e1rm);
    expect(sorted(await me.strength.e1rmHistory({ movementId: 9550 }))).toEqual([{ date: '2026-06-02', e1rm: 200 }, { date: '2026-06-04', e1rm: 210 }]);
    expect(sorted(await me.strength.e1rmHistory({ pattern: 'hinge', from: '2026-06-03', to: '2026-06-04' }))).toEqual([{ date: '2026-06-03', e1rm: 150 }, { date: '2026-06-04', e1rm: 210 }]);
    expect(sorted(await me.strength.e1rmHistory({ pattern: 'squat' }))).toEqual([{ date: '2026-06-03', e1rm: 170 }]);
  });

  it('topSets filter: by movementId and by pattern, the other user\'s set absent', async () => {
    await exposureFixture();
    const me = forUser(db.em, 9608);
    const ids = (sets: { id: number }[]) => sets.map((s) => s.id).sort();
    expect(ids((await me.workouts.topSets({ movementId: 9550 })).items)).toEqual([9801, 9804]);
    expect(ids((await me.workouts.topSets({ pattern: 'hinge' })).items)).toEqual([9801, 9802, 9804]);
    expect(ids((await me.workouts.topSets({ pattern: 'squat' })).items)).toEqual([9803]);
    expect(ids((await me.workouts.topSets()).items)).toEqual([9801, 9802, 9803, 9804]);
    expect(ids(await db.em.getRepository(TopSetLog).findByUserInDateRange(9608, '2026-06-03', '2026-06-03'))).toEqual([9802, 9803]);
  });

  it('workouts.list and strength.exposures: from/to bounds inclusive, other user absent', async () => {
    await exposureFixture();
    const me = forUser(db.em, 9608);
    expect((await me.workouts.list({ from: '2026-06-03', to: '2026-06-03' })).items.map((l) => l.id).sort()).toEqual([9902, 9903]);
    expect((await me.workouts.list({ from: '2026-06-04' })).items.map((l) => l.id)).toEqual([9904]);
    expect((await me.workouts.list({ to: '2026-06-02' })).items.map((l) => l.id)).toEqual([9901]);
    expect((await me.strength.exposures({ from: '2026-06-04', to: '2026-06-04' })).items.map((e) => [e.id, e.e1rmValue, e.pattern])).toEqual([[9004, 210, 'hinge']]);
  });

  it('psiAll: pattern, psi and exposures per pattern (each pattern its own numbers)', async () => {
    await exposureFixture();
    const rows = await forUser(db.em, 9608).strength.psiAll();
    const byPattern = Object.fromEntries(rows.map((r) => [r.pattern, r]));
    expect(rows).toHaveLength(17);
    expect(byPattern.hinge).toEqual({ pattern: 'hinge', psi: expect.any(Number), exposures: 3 });
    expect(byPattern.hinge!.psi).toBeCloseTo((200 + 150 + 210) / 3, 9);
    // One exposure is below the minimum of 2 for a PSI: counted, no index.
    expect(byPattern.squat).toEqual({ pattern: 'squat', psi: null, exposures: 1 });
    expect(byPattern.lunge).toEqual({ pattern: 'lunge', psi: null, exposures: 0 });
  });

  it('recovery.averages: each column averaged from its own column; a reading outside the window and another user\'s are left out', async () => {
    await user(9610);
    await user(9611);
    const reading = (id: number, userId: number, date: string, v: [number, number, number, number, number]) =>
      sql(`insert into recovery_signals (id, user_id, date, sleep_hours, sleep_score, readiness, hrv, resting_hr) values (?, ?, ?, ?, ?, ?, ?, ?)`, [id, userId, date, ...v]);
    await reading(9001, 9610, '2026-07-09', [7, 80, 60, 40, 52]);
    await reading(9002, 9610, '2026-07-10', [8, 90, 70, 50, 56]);
    await reading(9003, 9610, '2026-07-03', [1, 2, 3, 4, 21]); // 7 days before 07-10 is 07-04: outside
    await reading(9004, 9611, '2026-07-10', [20, 20, 20, 20, 200]);
    expect(await forUser(db.em, 9610).recovery.averages({ days: 7, until: '2026-07-10' })).toEqual({
      from: '2026-07-04',
      to: '2026-07-10',
      readings: 2,
      sleepHours: 7.5,
      sleepScore: 85,
      readiness: 65,
      hrv: 45,
      restingHr: 54,
    });
  });

  it('soreness.byBodyPart: body part, average, max, entries, latest date and latest value', async () => {
    await user(9612);
    await user(9613);
    const entry = (id: number, userId: number, date: string, part: string, value: number) =>
      sql(`insert into soreness_logs (id, user_id, date, body_part, soreness_1_5) values (?, ?, ?, ?, ?)`, [id, userId, date, part, value]);
    await entry(9011, 9612, '2026-07-07', 'quads', 1);
    await entry(9012, 9612, '2026-07-08', 'quads', 5);
    await entry(9013, 9612, '2026-07-09', 'quads', 2);
    await entry(9014, 9612, '2026-06-01', 'quads', 4); // outside the window
    await entry(9015, 9613, '2026-07-09', 'quads', 4); // another user's
    const rows = await forUser(db.em, 9612).soreness.byBodyPart({ days: 7, until: '2026-07-10' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({ bodyPart: 'quads', average: expect.any(Number), max: 5, entries: 3, latestDate: '2026-07-09', latest: 2 });
    expect(rows[0]!.average).toBeCloseTo(8 / 3, 9);
  });
});

describe('the other finders: each filter with a non-matching row present', () => {
  it('programs: findActiveByUser, findByUserStartingBetween; sessions: findByMicrocycle, findByUserInDateRange', async () => {
    await user(9614);
    await user(9615);
    await program(9714, 9614, '2026-01-05', false);
    await program(9715, 9614, '2026-03-02', true);
    await program(9716, 9615, '2026-02-02', true);
    const programs = db.em.getRepository(Program);
    expect((await programs.findActiveByUser(9614))?.id).toBe(9715);
    expect((await programs.findByUserStartingBetween(9614, '2026-01-05', '2026-02-28')).map((p) => p.id)).toEqual([9714]);
    expect((await programs.findByUserStartingBetween(9614, '2026-01-06', '2026-03-02')).map((p) => p.id)).toEqual([9715]);
    await microcycle(9114, 9715, '2026-03-02', 7, 1, 'ACTIVE', false);
    await microcycle(9115, 9715, '2026-03-09', 7, 2, 'PLANNED', false);
    await microcycle(9116, 9716, '2026-03-02', 7, 1, 'ACTIVE', false);
    await sql(`insert into sessions (id, microcycle_id, date, day_number, session_type) values (9214, 9114, '2026-03-03', 1, 'UPPER'), (9215, 9115, '2026-03-10', 1, 'LOWER'), (9216, 9116, '2026-03-03', 1, 'PUSH')`);
    const sessions = db.em.getRepository(Session);
    expect((await sessions.findByMicrocycle(9114)).map((s) => s.id)).toEqual([9214]);
    expect((await sessions.findByUserInDateRange(9614, '2026-03-03', '2026-03-09')).map((s) => s.id)).toEqual([9214]);
    expect((await sessions.findByUserInDateRange(9614, '2026-03-04', '2026-03-10')).map((s) => s.id)).toEqual([9215]);
    expect((await db.em.getRepository(Microcycle).findByProgram(9715)).map((m) => m.id)).toEqual([9114, 9115]);
  });

  it('circuits by type and name, heuristics by name, relationships by direction and type', async () => {
    await sql(`insert into circuit_templates (id, name, circuit_type, exercises_json, bucket_stress) values (9310, 'Circuit Alpha', 'AMRAP', '[]', '{}'), (9311, 'Circuit Beta', 'EMOM', '[]', '{}')`);
    const circuits = db.em.getRepository(CircuitTemplate);
    expect((await circuits.findByType('emom')).map((c) => c.id).filter((id) => id >= 9310)).toEqual([9311]);
    expect((await circuits.findByName('Circuit Alpha')).map((c) => c.id)).toEqual([9310]);

    await sql(`insert into heuristic_configs (id, name, version, json_blob, active) values (9320, 'h-one', 1, '{}', false), (9321, 'h-one', 2, '{}', true), (9322, 'h-two', 3, '{}', true)`);
    const heuristics = db.em.getRepository(HeuristicConfig);
    expect((await heuristics.getActive('h-one'))?.id).toBe(9321);
    expect((await heuristics.findVersions('h-one')).map((h) => h.id).sort()).toEqual([9320, 9321]);

    await movement(9560, { name: 'Rel A' });
    await movement(9561, { name: 'Rel B' });
    await movement(9562, { name: 'Rel C' });
    await sql(`insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type) values (9330, 9560, 9561, 'progression'), (9331, 9560, 9562, 'variation'), (9332, 9561, 9560, 'regression')`);
    const relations = db.em.getRepository(MovementRelationship);
    expect((await relations.findFrom(9560)).map((r) => r.id).sort()).toEqual([9330, 9331]);
    expect((await relations.findFrom(9560, 'variation')).map((r) => r.id)).toEqual([9331]);
    expect((await relations.findTo(9560)).map((r) => r.id)).toEqual([9332]);
    expect((await relations.findTo(9561, 'progression')).map((r) => r.id)).toEqual([9330]);
    expect(await relations.findTo(9561, 'regression')).toEqual([]);
  });

  it('user rules by type, enabled activities, active threads', async () => {
    await user(9616);
    await user(9617);
    await movement(9570, { name: 'Rule lift' });
    await sql(`insert into user_movement_rules (id, user_id, movement_id, rule_type) values (9340, 9616, 9570, 'HARD_NO'), (9341, 9616, 9570, 'PREFERRED'), (9342, 9617, 9570, 'HARD_NO')`);
    expect((await db.em.getRepository(UserMovementRule).findByUserAndType(9616, 'hard_no')).map((r) => r.id)).toEqual([9340]);
    await sql(`insert into user_enjoyable_activities (id, user_id, activity_type, enabled) values (9350, 9616, 'YOGA', true), (9351, 9616, 'HIKING', false), (9352, 9617, 'YOGA', true)`);
    expect((await db.em.getRepository(UserEnjoyableActivity).findEnabledByUser(9616)).map((a) => a.id)).toEqual([9350]);
    await sql(`insert into conversation_threads (id, user_id, context_type, is_active) values (9360, 9616, 'a', true), (9361, 9616, 'b', false), (9362, 9617, 'c', true)`);
    expect((await db.em.getRepository(ConversationThread).findActiveByUser(9616)).map((t) => t.id)).toEqual([9360]);
  });
});


describe('entities (what forUser and forViewer return): every column of every table maps to its own property', () => {
  // A raw row per table with a distinct value in every column (ids and references from separate
  // ranges), then each entity loaded by id: a property reading another column (a swapped
  // `fieldName`) shows here, where a write-then-read round trip through the entity would not.
  const ts = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
  async function everyTable() {
    await sql(`insert into users (id, name, email, experience_level, persona_tone, persona_aggression) values (71001, 'Ent User', 'ent@example.com', 'EXPERT', 'MINIMALIST', 'MODERATE_AGGRESSIVE'), (71002, 'Other', null, 'BEGINNER', 'SUPPORTIVE', 'BALANCED')`);
    await sql(`insert into user_settings (id, user_id, active_e1rm_formula, use_metric) values (71101, 71001, 'LOMBARDI', false)`);
    await movement(71201, {
      name: 'Ent Movement', pattern: 'carry', primary_muscle: 'forearms', primary_region: 'full body', secondary_muscles: ['core'], cns_load: 'low', skill_level: 'beginner',
      compound: false, is_complex_lift: true, is_unilateral: true, metric_type: 'distance', discipline_tags: ['strongman'], equipment_tags: ['farmer-handles'],
      description: 'ent-desc', coaching_cues: ['walk tall'], substitution_group: 'loaded-carry', user_id: 71001, primary_discipline: 'Strongman', tags: ['grip'],
    });
    await movement(71202, { name: 'Ent Target' });
    await sql(`insert into movement_relationships (id, source_movement_id, target_movement_id, relationship_type, notes) values (71301, 71201, 71202, 'antagonist', 'rel-notes')`);
    await sql(`insert into circuit_templates (id, name, description, circuit_type, exercises_json, default_rounds, default_duration_seconds, bucket_stress, tags, difficulty_tier)
               values (71401, 'Ent Circuit', 'circ-desc', 'CHIPPER', ?::json, 13, 1260, ?::json, ?::json, 7), (71402, 'Ent Finisher', null, 'TABATA', '[]', null, null, '{}', null, 2)`,
      [json([{ movement: 'Row', calories: 50 }]), json({ conditioning: 4.5 }), json(['benchmark'])]);
    await sql(`insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3, split_template, days_per_week,
                 progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles, persona_tone, persona_aggression, is_active, created_at, is_template, visibility, name)
               values (71501, 71001, '2026-02-02', 11, 'SPEED', 'FAT_LOSS', 'EXPLOSIVENESS', 6, 3, 1, 'PPL', 5, 'WAVE_LOADING', ?::json, ?::json, 9, 'DRILL_SERGEANT', 'CONSERVATIVE', false, '2026-01-30 08:09:10', true, 'FRIENDS', 'Ent Program')`,
      [json({ days: [{ day: 1 }] }), json([{ discipline: 'sprint', weight: 8 }])]);
    await microcycle(71601, 71501, '2026-02-09', 8, 2, 'COMPLETE', true);
    await sql(`insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json, cooldown_json,
                 estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes, finisher_duration_minutes, cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id)
               values (71701, 71601, '2026-02-11', 4, 'SKILL', ?::json, ?::json, ?::json, ?::json, ?::json, ?::json, 71, 12, 33, 19, 6, 4, 'ent-coach', 71401, 71402)`,
      [json(['speed']), json([{ movement: 'w' }]), json([{ movement: 'm' }]), json([{ movement: 'a' }]), json({ type: 'f' }), json([{ movement: 'c' }])]);
    await sql(`insert into session_exercises (id, session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min, target_rep_range_max, target_rpe, target_rir,
                 target_duration_seconds, default_rest_seconds, is_complex_lift, substitution_allowed, notes)
               values (71801, 71701, 71201, 'SKILL', 3, 5, 6, 8, 11, 6.5, 1, 40, 150, true, false, 'ex-notes')`);
    await sql(`insert into workout_logs (id, user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags, actual_duration_minutes, created_at, visibility)
               values (71901, 71001, 71701, '2026-02-11', false, 'log-notes', 9, 2, ?::json, 47, '2026-02-11 18:19:20', 'PUBLIC')`, [json(['too_easy'])]);
    await sql(`insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
               values (72001, 71901, 71201, 82.5, 4, 9.5, 3, 210, 87.25, 'OCONNER', 'CARRY', '2026-02-11 18:20:21')`);
    await sql(`insert into pattern_exposures (id, user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
               values (72101, 71001, 71601, '2026-02-12', 'ROTATION', 91.75, 72001, '2026-02-12 19:20:22')`);
    await sql(`insert into soreness_logs (id, user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at)
               values (72201, 71001, '2026-02-13', 'forearms', 4, 71701, 'sore-notes', '2026-02-13 07:08:09')`);
    await sql(`insert into recovery_signals (id, user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json)
               values (72301, 71001, '2026-02-14', 71701, 'AURA_RING', 61.5, 48, 83.5, 7.25, 72.5, 'rec-notes', '2026-02-14 06:07:08', ?::json)`, [json({ provider: 'oura' })]);
    await sql(`insert into heuristic_configs (id, name, version, json_blob, description, active, created_at) values (72401, 'ent-heuristic', 17, ?::json, 'h-desc', true, '2026-01-02 03:04:05')`, [json({ k: 1 })]);
    await sql(`insert into conversation_threads (id, user_id, context_type, context_date, context_session_id, is_active, final_plan_accepted, accepted_plan_json, created_at, updated_at)
               values (72501, 71001, 'ent-context', '2026-02-15 10:11:12', 71701, false, true, ?::json, '2026-02-15 09:10:11', '2026-02-16 11:12:13')`, [json({ plan: 'p' })]);
    await sql(`insert into conversation_turns (id, thread_id, turn_number, role, content, structured_response_json, created_at) values (72601, 72501, 3, 'assistant', 'turn-content', ?::json, '2026-02-15 09:30:31')`, [json({ swaps: [] })]);
    await sql(`insert into user_movement_rules (id, user_id, movement_id, rule_type, cadence, notes) values (72701, 71001, 71201, 'HARD_YES', 'BIWEEKLY', 'rule-notes')`);
    await sql(`insert into user_enjoyable_activities (id, user_id, activity_type, custom_name, recommend_every_days, enabled, notes) values (72801, 71001, 'MARTIAL_ARTS', 'BJJ', 12, false, 'act-notes')`);
    db.em.clear();
  }

  const ref = (entity: { id: number } | null | undefined) => entity?.id ?? null;

  it('users, settings, rules, activities', async () => {
    await everyTable();
    const user = await db.em.findOneOrFail(User, 71001, { populate: ['settings'] });
    expect({ id: user.id, name: user.name, email: user.email, experienceLevel: user.experienceLevel, personaTone: user.personaTone, personaAggression: user.personaAggression }).toEqual({
      id: 71001, name: 'Ent User', email: 'ent@example.com', experienceLevel: 'expert', personaTone: 'minimalist', personaAggression: 4,
    });
    const settings = user.settings!;
    expect({ id: settings.id, user: ref(settings.user), activeE1rmFormula: settings.activeE1rmFormula, useMetric: settings.useMetric }).toEqual({ id: 71101, user: 71001, activeE1rmFormula: 'lombardi', useMetric: false });
    const rule = await db.em.findOneOrFail(UserMovementRule, 72701);
    expect({ user: ref(rule.user), movement: ref(rule.movement), ruleType: rule.ruleType, cadence: rule.cadence, notes: rule.notes }).toEqual({ user: 71001, movement: 71201, ruleType: 'hard_yes', cadence: 'biweekly', notes: 'rule-notes' });
    const activity = await db.em.findOneOrFail(UserEnjoyableActivity, 72801);
    expect({ user: ref(activity.user), activityType: activity.activityType, customName: activity.customName, recommendEveryDays: activity.recommendEveryDays, enabled: activity.enabled, notes: activity.notes }).toEqual({
      user: 71001, activityType: 'martial_arts', customName: 'BJJ', recommendEveryDays: 12, enabled: false, notes: 'act-notes',
    });
  });

  it('movements, relationships, circuits', async () => {
    await everyTable();
    const m = await db.em.findOneOrFail(Movement, 71201);
    expect({
      name: m.name, pattern: m.pattern, primaryMuscle: m.primaryMuscle, primaryRegion: m.primaryRegion, secondaryMuscles: m.secondaryMuscles, cnsLoad: m.cnsLoad, skillLevel: m.skillLevel,
      compound: m.compound, isComplexLift: m.isComplexLift, isUnilateral: m.isUnilateral, metricType: m.metricType, disciplineTags: m.disciplineTags, equipmentTags: m.equipmentTags,
      description: m.description, coachingCues: m.coachingCues, substitutionGroup: m.substitutionGroup, user: ref(m.user), primaryDiscipline: m.primaryDiscipline, tags: m.tags,
    }).toEqual({
      name: 'Ent Movement', pattern: 'carry', primaryMuscle: 'forearms', primaryRegion: 'full body', secondaryMuscles: ['core'], cnsLoad: 'low', skillLevel: 'beginner',
      compound: false, isComplexLift: true, isUnilateral: true, metricType: 'distance', disciplineTags: ['strongman'], equipmentTags: ['farmer-handles'],
      description: 'ent-desc', coachingCues: ['walk tall'], substitutionGroup: 'loaded-carry', user: 71001, primaryDiscipline: 'Strongman', tags: ['grip'],
    });
    const rel = await db.em.findOneOrFail(MovementRelationship, 71301);
    expect({ source: ref(rel.sourceMovement), target: ref(rel.targetMovement), type: rel.relationshipType, notes: rel.notes }).toEqual({ source: 71201, target: 71202, type: 'antagonist', notes: 'rel-notes' });
    const c = await db.em.findOneOrFail(CircuitTemplate, 71401);
    expect({ name: c.name, description: c.description, circuitType: c.circuitType, exercisesJson: c.exercisesJson, defaultRounds: c.defaultRounds, defaultDurationSeconds: c.defaultDurationSeconds, bucketStress: c.bucketStress, tags: c.tags, difficultyTier: c.difficultyTier }).toEqual({
      name: 'Ent Circuit', description: 'circ-desc', circuitType: 'chipper', exercisesJson: [{ movement: 'Row', calories: 50 }], defaultRounds: 13, defaultDurationSeconds: 1260, bucketStress: { conditioning: 4.5 }, tags: ['benchmark'], difficultyTier: 7,
    });
  });

  it('programs, microcycles, sessions, session exercises', async () => {
    await everyTable();
    const p = await db.em.findOneOrFail(Program, 71501);
    expect({
      user: ref(p.user), startDate: p.startDate, durationWeeks: p.durationWeeks, goal1: p.goal1, goal2: p.goal2, goal3: p.goal3, goalWeight1: p.goalWeight1, goalWeight2: p.goalWeight2, goalWeight3: p.goalWeight3,
      splitTemplate: p.splitTemplate, daysPerWeek: p.daysPerWeek, progressionStyle: p.progressionStyle, hybridDefinition: p.hybridDefinition, disciplinesJson: p.disciplinesJson,
      deloadEveryNMicrocycles: p.deloadEveryNMicrocycles, personaTone: p.personaTone, personaAggression: p.personaAggression, isActive: p.isActive, createdAt: p.createdAt, isTemplate: p.isTemplate, visibility: p.visibility, name: p.name,
    }).toEqual({
      user: 71001, startDate: '2026-02-02', durationWeeks: 11, goal1: 'speed', goal2: 'fat_loss', goal3: 'explosiveness', goalWeight1: 6, goalWeight2: 3, goalWeight3: 1,
      splitTemplate: 'ppl', daysPerWeek: 5, progressionStyle: 'wave_loading', hybridDefinition: { days: [{ day: 1 }] }, disciplinesJson: [{ discipline: 'sprint', weight: 8 }],
      deloadEveryNMicrocycles: 9, personaTone: 'drill_sergeant', personaAggression: 1, isActive: false, createdAt: ts('2026-01-30 08:09:10'), isTemplate: true, visibility: 'friends', name: 'Ent Program',
    });
    const mc = await db.em.findOneOrFail(Microcycle, 71601);
    expect({ program: ref(mc.program), startDate: mc.startDate, lengthDays: mc.lengthDays, sequenceNumber: mc.sequenceNumber, status: mc.status, isDeload: mc.isDeload }).toEqual({
      program: 71501, startDate: '2026-02-09', lengthDays: 8, sequenceNumber: 2, status: 'complete', isDeload: true,
    });
    const s = await db.em.findOneOrFail(Session, 71701);
    expect({
      microcycle: ref(s.microcycle), date: s.date, dayNumber: s.dayNumber, sessionType: s.sessionType, intentTags: s.intentTags, warmupJson: s.warmupJson, mainJson: s.mainJson, accessoryJson: s.accessoryJson,
      finisherJson: s.finisherJson, cooldownJson: s.cooldownJson, estimatedDurationMinutes: s.estimatedDurationMinutes, warmupDurationMinutes: s.warmupDurationMinutes, mainDurationMinutes: s.mainDurationMinutes,
      accessoryDurationMinutes: s.accessoryDurationMinutes, finisherDurationMinutes: s.finisherDurationMinutes, cooldownDurationMinutes: s.cooldownDurationMinutes, coachNotes: s.coachNotes,
      mainCircuit: ref(s.mainCircuit), finisherCircuit: ref(s.finisherCircuit),
    }).toEqual({
      microcycle: 71601, date: '2026-02-11', dayNumber: 4, sessionType: 'skill', intentTags: ['speed'], warmupJson: [{ movement: 'w' }], mainJson: [{ movement: 'm' }], accessoryJson: [{ movement: 'a' }],
      finisherJson: { type: 'f' }, cooldownJson: [{ movement: 'c' }], estimatedDurationMinutes: 71, warmupDurationMinutes: 12, mainDurationMinutes: 33,
      accessoryDurationMinutes: 19, finisherDurationMinutes: 6, cooldownDurationMinutes: 4, coachNotes: 'ent-coach', mainCircuit: 71401, finisherCircuit: 71402,
    });
    const e = await db.em.findOneOrFail(SessionExercise, 71801);
    expect({
      session: ref(e.session), movement: ref(e.movement), role: e.role, orderInSession: e.orderInSession, supersetGroup: e.supersetGroup, targetSets: e.targetSets, targetRepRangeMin: e.targetRepRangeMin,
      targetRepRangeMax: e.targetRepRangeMax, targetRpe: e.targetRpe, targetRir: e.targetRir, targetDurationSeconds: e.targetDurationSeconds, defaultRestSeconds: e.defaultRestSeconds,
      isComplexLift: e.isComplexLift, substitutionAllowed: e.substitutionAllowed, notes: e.notes,
    }).toEqual({
      session: 71701, movement: 71201, role: 'skill', orderInSession: 3, supersetGroup: 5, targetSets: 6, targetRepRangeMin: 8, targetRepRangeMax: 11, targetRpe: 6.5, targetRir: 1,
      targetDurationSeconds: 40, defaultRestSeconds: 150, isComplexLift: true, substitutionAllowed: false, notes: 'ex-notes',
    });
  });

  it('workout logs, top sets, exposures, soreness, recovery', async () => {
    await everyTable();
    const w = await db.em.findOneOrFail(WorkoutLog, 71901);
    expect({
      user: ref(w.user), session: ref(w.session), date: w.date, completed: w.completed, notes: w.notes, perceivedDifficulty: w.perceivedDifficulty, enjoymentRating: w.enjoymentRating,
      feedbackTags: w.feedbackTags, actualDurationMinutes: w.actualDurationMinutes, createdAt: w.createdAt, visibility: w.visibility,
    }).toEqual({
      user: 71001, session: 71701, date: '2026-02-11', completed: false, notes: 'log-notes', perceivedDifficulty: 9, enjoymentRating: 2, feedbackTags: ['too_easy'], actualDurationMinutes: 47,
      createdAt: ts('2026-02-11 18:19:20'), visibility: 'public',
    });
    const t = await db.em.findOneOrFail(TopSetLog, 72001);
    expect({
      workoutLog: ref(t.workoutLog), movement: ref(t.movement), weight: t.weight, reps: t.reps, rpe: t.rpe, rir: t.rir, avgRestSeconds: t.avgRestSeconds, e1rmValue: t.e1rmValue, e1rmFormula: t.e1rmFormula,
      pattern: t.pattern, createdAt: t.createdAt,
    }).toEqual({ workoutLog: 71901, movement: 71201, weight: 82.5, reps: 4, rpe: 9.5, rir: 3, avgRestSeconds: 210, e1rmValue: 87.25, e1rmFormula: 'oconner', pattern: 'carry', createdAt: ts('2026-02-11 18:20:21') });
    const x = await db.em.findOneOrFail(PatternExposure, 72101);
    expect({ user: ref(x.user), microcycle: ref(x.microcycle), date: x.date, pattern: x.pattern, e1rmValue: x.e1rmValue, source: ref(x.sourceTopSetLog), createdAt: x.createdAt }).toEqual({
      user: 71001, microcycle: 71601, date: '2026-02-12', pattern: 'rotation', e1rmValue: 91.75, source: 72001, createdAt: ts('2026-02-12 19:20:22'),
    });
    const so = await db.em.findOneOrFail(SorenessLog, 72201);
    expect({ user: ref(so.user), date: so.date, bodyPart: so.bodyPart, soreness15: so.soreness15, cause: ref(so.inferredCauseSession), notes: so.notes, createdAt: so.createdAt }).toEqual({
      user: 71001, date: '2026-02-13', bodyPart: 'forearms', soreness15: 4, cause: 71701, notes: 'sore-notes', createdAt: ts('2026-02-13 07:08:09'),
    });
    const r = await db.em.findOneOrFail(RecoverySignal, 72301);
    expect({
      user: ref(r.user), date: r.date, session: ref(r.session), source: r.source, hrv: r.hrv, restingHr: r.restingHr, sleepScore: r.sleepScore, sleepHours: r.sleepHours, readiness: r.readiness,
      notes: r.notes, createdAt: r.createdAt, rawPayloadJson: r.rawPayloadJson,
    }).toEqual({
      user: 71001, date: '2026-02-14', session: 71701, source: 'aura ring', hrv: 61.5, restingHr: 48, sleepScore: 83.5, sleepHours: 7.25, readiness: 72.5,
      notes: 'rec-notes', createdAt: ts('2026-02-14 06:07:08'), rawPayloadJson: { provider: 'oura' },
    });
  });

  it('heuristic configs, conversation threads and turns', async () => {
    await everyTable();
    const h = await db.em.findOneOrFail(HeuristicConfig, 72401);
    expect({ name: h.name, version: h.version, jsonBlob: h.jsonBlob, description: h.description, active: h.active, createdAt: h.createdAt }).toEqual({
      name: 'ent-heuristic', version: 17, jsonBlob: { k: 1 }, description: 'h-desc', active: true, createdAt: ts('2026-01-02 03:04:05'),
    });
    const th = await db.em.findOneOrFail(ConversationThread, 72501);
    expect({
      user: ref(th.user), contextType: th.contextType, contextDate: th.contextDate, contextSession: ref(th.contextSession), isActive: th.isActive, finalPlanAccepted: th.finalPlanAccepted,
      acceptedPlanJson: th.acceptedPlanJson, createdAt: th.createdAt, updatedAt: th.updatedAt,
    }).toEqual({
      user: 71001, contextType: 'ent-context', contextDate: ts('2026-02-15 10:11:12'), contextSession: 71701, isActive: false, finalPlanAccepted: true,
      acceptedPlanJson: { plan: 'p' }, createdAt: ts('2026-02-15 09:10:11'), updatedAt: ts('2026-02-16 11:12:13'),
    });
    const tu = await db.em.findOneOrFail(ConversationTurn, 72601);
    expect({ thread: ref(tu.thread), turnNumber: tu.turnNumber, role: tu.role, content: tu.content, structuredResponseJson: tu.structuredResponseJson, createdAt: tu.createdAt }).toEqual({
      thread: 72501, turnNumber: 3, role: 'assistant', content: 'turn-content', structuredResponseJson: { swaps: [] }, createdAt: ts('2026-02-15 09:30:31'),
    });
  });
});

describe('session plans: writePlan stores each field in its own JSON key and column; readPlan reads each back', () => {
  it('a plan with a distinct value in every field', async () => {
    await user(9620);
    await program(9720, 9620, '2026-08-03', true);
    await microcycle(9120, 9720, '2026-08-03', 7, 1, 'ACTIVE', false);
    await movement(9580, { name: 'Plan Lift' });
    await movement(9581, { name: 'Plan Partner' });
    await movement(9582, { name: 'Plan Burpee' });
    await sql(`insert into circuit_templates (id, name, circuit_type, exercises_json, bucket_stress) values (9380, 'plan-main', 'AMRAP', '[]', '{}'), (9381, 'plan-finisher', 'EMOM', '[]', '{}')`);
    const plan = {
      microcycleId: 9120,
      date: '2026-08-05',
      dayNumber: 3,
      sessionType: 'push' as const,
      intentTags: ['plan-intent'],
      coachNotes: 'plan-coach',
      estimatedDurationMinutes: 66,
      mainCircuitId: 9380,
      finisherCircuitId: 9381,
      sections: {
        main: [{ movementId: 9580, sets: 5, repRangeMin: 6, repRangeMax: 9, rpe: 7.5, rir: 2, durationSeconds: 31, restSeconds: 121, supersetWith: 'Plan Partner', notes: 'main-notes', isComplexLift: true, substitutionAllowed: false, extra: { tempo: '3-1-1' } }, { movementId: 9581, sets: 2, supersetWith: 'Plan Lift' }],
        finisher: { type: 'EMOM', durationMinutes: 12, rounds: 4, durationSeconds: 45, restSeconds: 15, notes: 'fin-notes', exercises: [{ movementId: 9582, sets: 8, repRangeMin: 10, repRangeMax: 14 }] },
      },
      durations: { warmup: 7, main: 34, accessory: 11, finisher: 13, cooldown: 3 },
    };
    const session = await forUser(db.em, 9620).sessions.writePlan(plan);
    const [row] = await sql(
      `select microcycle_id, date::text, day_number, session_type::text, intent_tags, main_json, finisher_json, estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes,
              accessory_duration_minutes, finisher_duration_minutes, cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id, warmup_json, accessory_json, cooldown_json
         from sessions where id = ?`,
      [session.id],
    );
    expect(row).toMatchObject({
      microcycle_id: 9120, date: '2026-08-05', day_number: 3, session_type: 'PUSH', intent_tags: ['plan-intent'], estimated_duration_minutes: 66, warmup_duration_minutes: 7,
      main_duration_minutes: 34, accessory_duration_minutes: 11, finisher_duration_minutes: 13, cooldown_duration_minutes: 3, coach_notes: 'plan-coach', main_circuit_id: 9380, finisher_circuit_id: 9381,
    });
    expect(row!.main_json).toEqual([
      { movement_id: 9580, movement: 'Plan Lift', sets: 5, rep_range_min: 6, rep_range_max: 9, target_rpe: 7.5, target_rir: 2, duration_seconds: 31, rest_seconds: 121, superset_with: 'Plan Partner', notes: 'main-notes', tempo: '3-1-1' },
      { movement_id: 9581, movement: 'Plan Partner', sets: 2, superset_with: 'Plan Lift' },
    ]);
    expect(row!.finisher_json).toMatchObject({ type: 'EMOM', duration_minutes: 12, rounds: 4, duration_seconds: 45, rest_seconds: 15, notes: 'fin-notes', exercises: [{ movement_id: 9582, movement: 'Plan Burpee', sets: 8, rep_range_min: 10, rep_range_max: 14 }] });
    const exercises = await sql(
      `select movement_id, role::text, order_in_session, target_sets, target_rep_range_min, target_rep_range_max, target_rpe, target_rir, target_duration_seconds, default_rest_seconds,
              is_complex_lift, substitution_allowed, notes from session_exercises where session_id = ? order by role, order_in_session`,
      [session.id],
    );
    const byRole = Object.fromEntries(exercises.map((e) => [`${e.role as string}${e.order_in_session as number}`, e]));
    expect(byRole.MAIN1).toEqual({
      movement_id: 9580, role: 'MAIN', order_in_session: 1, target_sets: 5, target_rep_range_min: 6, target_rep_range_max: 9, target_rpe: 7.5, target_rir: 2,
      target_duration_seconds: 31, default_rest_seconds: 121, is_complex_lift: true, substitution_allowed: false, notes: 'main-notes',
    });
    expect(exercises.filter((e) => e.role === 'FINISHER')).toHaveLength(1);
    expect(exercises.find((e) => e.role === 'FINISHER')).toMatchObject({ movement_id: 9582, role: 'FINISHER', target_sets: 8, target_rep_range_min: 10, target_rep_range_max: 14 });

    const read = await forUser(db.em, 9620).sessions.readPlan(session.id);
    expect(read).toMatchObject({
      microcycleId: 9120, date: '2026-08-05', dayNumber: 3, sessionType: 'push', intentTags: ['plan-intent'], coachNotes: 'plan-coach', estimatedDurationMinutes: 66,
      mainCircuitId: 9380, finisherCircuitId: 9381, durations: { warmup: 7, main: 34, accessory: 11, finisher: 13, cooldown: 3 },
    });
    expect(read.sections.main).toEqual([
      expect.objectContaining({ movementId: 9580, sets: 5, repRangeMin: 6, repRangeMax: 9, rpe: 7.5, rir: 2, durationSeconds: 31, restSeconds: 121, supersetWith: 'Plan Partner', notes: 'main-notes', isComplexLift: true, substitutionAllowed: false, extra: { tempo: '3-1-1' } }),
      expect.objectContaining({ movementId: 9581, sets: 2, supersetWith: 'Plan Lift' }),
    ]);
    expect(read.sections.finisher).toMatchObject({ type: 'EMOM', durationMinutes: 12, rounds: 4, durationSeconds: 45, restSeconds: 15, notes: 'fin-notes', exercises: [expect.objectContaining({ movementId: 9582, sets: 8, repRangeMin: 10, repRangeMax: 14 })] });
  });
});
