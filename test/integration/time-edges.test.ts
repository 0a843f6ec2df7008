// Edges of time: a microcycle covers start_date .. start_date + length_days - 1, both ends included.
// Workouts logged on the first and the last day of a microcycle are filed under it (the log's
// microcycleId and its pattern exposures), the next day under the next one; a date covered only by
// an INACTIVE program's microcycle is filed under nothing, and where an inactive program's week
// overlaps the active one's, the active program wins. Fixtures are raw SQL with explicit ids.
import { describe, expect, it } from 'vitest';
import { forUser, Microcycle } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';

const db = useTestOrm();
const sql = (text: string, params: unknown[] = []) => db.em.execute(text, params);

const USER = 8601;
const MOVEMENT = 8501;
// Active program 8701: week 1 2026-01-05..01-11 (7 days), week 2 01-12..01-21 (10 days), week 3 01-22..01-28.
// Inactive program 8700 (older): 2025-12-29..2026-01-04, the week right before the active program.
// Inactive program 8702 (NEWER start, so it would win any tie if activity were ignored): 01-19..01-25,
// overlapping the end of week 2 and the start of week 3; and 8703 (inactive) 2026-02-02..02-08, after everything.
async function fixture() {
  await sql(`insert into users (id, name) values (?, 'time-edges')`, [USER]);
  await sql(`insert into user_settings (user_id) values (?)`, [USER]);
  await sql(`insert into users (id, name) values (8602, 'other')`);
  const program = (id: number, start: string, active: boolean, userId = USER) =>
    sql(
      `insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
         split_template, days_per_week, progression_style, persona_tone, persona_aggression, is_active)
       values (?, ?, ?, 8, 'STRENGTH', 'HYPERTROPHY', 'MOBILITY', 6, 3, 1, 'UPPER_LOWER', 4, 'DOUBLE_PROGRESSION', 'ANALYTICAL', 'BALANCED', ?)`,
      [id, userId, start, active],
    );
  const week = (id: number, programId: number, start: string, length: number, seq: number, status = 'PLANNED') =>
    sql(`insert into microcycles (id, program_id, start_date, length_days, sequence_number, status) values (?, ?, ?, ?, ?, ?::microcyclestatus)`, [id, programId, start, length, seq, status]);
  await program(8700, '2025-12-29', false);
  await program(8701, '2026-01-05', true);
  await program(8702, '2026-01-19', false);
  await program(8703, '2026-02-02', false);
  await program(8704, '2026-01-05', true, 8602); // another user's active program over the same dates
  await week(8100, 8700, '2025-12-29', 7, 1, 'ACTIVE');
  await week(8101, 8701, '2026-01-05', 7, 1, 'ACTIVE');
  await week(8102, 8701, '2026-01-12', 10, 2);
  await week(8103, 8701, '2026-01-22', 7, 3);
  await week(8104, 8702, '2026-01-19', 7, 1, 'ACTIVE');
  await week(8105, 8703, '2026-02-02', 7, 1, 'ACTIVE');
  await week(8106, 8704, '2026-01-05', 7, 1, 'ACTIVE');
  await sql(`insert into movements (id, name, pattern, primary_muscle, primary_region) values (?, 'Edge Squat', 'squat', 'quadriceps', 'anterior lower')`, [MOVEMENT]);
  await sql(`insert into sessions (id, microcycle_id, date, day_number, session_type) values (8201, 8102, '2026-01-12', 1, 'LOWER')`);
}

async function filedUnder(date: string, sessionId?: number) {
  const logged = await forUser(db.em, USER).workouts.log({ date, ...(sessionId ? { sessionId } : {}), topSets: [{ movementId: MOVEMENT, weight: 100, reps: 5 }] });
  const stored = await sql(`select microcycle_id from pattern_exposures where source_top_set_log_id = ?`, [logged.topSets[0]!.id]);
  return { microcycleId: logged.microcycleId, exposures: logged.exposures.map((e) => e.microcycleId), stored: stored.map((r) => r.microcycle_id as number) };
}

const expectations: [string, string, number | null][] = [
  ['the day before the active program (covered only by inactive program 8700)', '2026-01-04', null],
  ['the first day of week 1', '2026-01-05', 8101],
  ['the last day of week 1', '2026-01-11', 8101],
  ['the first day of week 2 (the day after week 1 ends)', '2026-01-12', 8102],
  ['the last day of the 10-day week 2 (start + 9), also covered by inactive 8702', '2026-01-21', 8102],
  ['the first day of week 3, also covered by inactive 8702', '2026-01-22', 8103],
  ['the last day of week 3', '2026-01-28', 8103],
  ['the day after the active program\'s last week', '2026-01-29', null],
  ['a day covered only by inactive program 8703', '2026-02-04', null],
];

describe('logWorkout files a session-less workout under the microcycle covering its date', () => {
  for (const [label, date, expected] of expectations) {
    it(`${label}: ${date} -> ${expected ?? 'no microcycle'}`, async () => {
      await fixture();
      const filed = await filedUnder(date);
      expect(filed.microcycleId).toBe(expected);
      expect(filed.exposures).toEqual(expected === null ? [] : [expected]);
      expect(filed.stored).toEqual(expected === null ? [] : [expected]);
    });
  }

  it('with a session, the session\'s microcycle wins even on the last day of the previous week', async () => {
    await fixture();
    const filed = await filedUnder('2026-01-11', 8201);
    expect(filed).toEqual({ microcycleId: 8102, exposures: [8102], stored: [8102] });
  });
});

describe('the covering-microcycle readers agree on the same edges', () => {
  it('programs.microcycleOn and findActiveForUserOn, date by date', async () => {
    await fixture();
    const me = forUser(db.em, USER);
    const repo = db.em.getRepository(Microcycle);
    for (const [label, date, expected] of expectations) {
      expect((await me.programs.microcycleOn(date))?.id ?? null, label).toBe(expected);
      expect((await repo.findActiveForUserOn(USER, date))?.id ?? null, label).toBe(expected);
    }
    // The other user's active week over the same dates is theirs only.
    expect((await forUser(db.em, 8602).programs.microcycleOn('2026-01-11'))?.id).toBe(8106);
    expect((await forUser(db.em, 8602).programs.microcycleOn('2026-01-12'))?.id ?? null).toBeNull();
  });

  it('after deactivating the active program, none of its dates is covered any more', async () => {
    await fixture();
    await sql(`update programs set is_active = false where id = 8701`);
    const me = forUser(db.em, USER);
    for (const date of ['2026-01-05', '2026-01-11', '2026-01-21', '2026-01-28']) {
      // 01-21 and 01-22.. are now covered by no active program (8702 is inactive too).
      expect((await me.programs.microcycleOn(date))?.id ?? null, date).toBeNull();
    }
    expect((await filedUnder('2026-01-05')).microcycleId).toBeNull();
  });
});

describe('date windows include both ends', () => {
  it('recovery.averages and soreness.byBodyPart over { days: 7, until }: the first and last day count, the days just outside do not', async () => {
    await fixture();
    const reading = (id: number, date: string, sleepHours: number) => sql(`insert into recovery_signals (id, user_id, date, sleep_hours) values (?, ?, ?, ?)`, [id, USER, date, sleepHours]);
    await reading(8001, '2026-03-03', 1); // the day before the window
    await reading(8002, '2026-03-04', 6); // first day: until - 6
    await reading(8003, '2026-03-10', 8); // last day: until
    await reading(8004, '2026-03-11', 20); // the day after
    const averages = await forUser(db.em, USER).recovery.averages({ days: 7, until: '2026-03-10' });
    expect(averages).toMatchObject({ from: '2026-03-04', to: '2026-03-10', readings: 2, sleepHours: 7 });

    const sore = (id: number, date: string, value: number) => sql(`insert into soreness_logs (id, user_id, date, body_part, soreness_1_5) values (?, ?, ?, 'calves', ?)`, [id, USER, date, value]);
    await sore(8011, '2026-03-03', 5);
    await sore(8012, '2026-03-04', 1);
    await sore(8013, '2026-03-10', 3);
    await sore(8014, '2026-03-11', 5);
    expect(await forUser(db.em, USER).soreness.byBodyPart({ days: 7, until: '2026-03-10' })).toEqual([
      { bodyPart: 'calves', average: 2, max: 3, entries: 2, latestDate: '2026-03-10', latest: 3 },
    ]);
  });

  it('a one-day window is that day only', async () => {
    await fixture();
    await sql(`insert into recovery_signals (id, user_id, date, sleep_hours) values (8021, ?, '2026-03-09', 5), (8022, ?, '2026-03-10', 9)`, [USER, USER]);
    expect(await forUser(db.em, USER).recovery.averages({ days: 1, until: '2026-03-10' })).toMatchObject({ from: '2026-03-10', to: '2026-03-10', readings: 1, sleepHours: 9 });
  });
});
