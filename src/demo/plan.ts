// The demo's training history, computed without a database: which sessions the program plans,
// which of them were done, with which top sets, how sore the athlete was and how they slept.
// Pure and seeded, so every run of `gainsly-db demo` writes (and prints) the same thing.
import { addDaysToIsoDate } from '../domain/index.js';
import type { SessionType } from '../enums/index.js';
import { seededRandom, type SeededRandom } from './random.js';
import { MAIN_LIFTS } from './main-lifts.js';

/** Seed of the demo's generator: change it and every number of the demo changes. */
export const DEMO_SEED = 20_260_105;
/** First day of the demo program, a Monday. Fixed (not "today") so the output is reproducible. */
export const DEMO_START_DATE = '2026-01-05';
/** Length of the demo program in weeks (one 7-day microcycle per week; every 4th is a deload). */
export const DEMO_PROGRAM_WEEKS = 8;
/** Weeks of the program that have been trained and logged. */
export const DEMO_LOGGED_WEEKS = 6;
const DELOAD_EVERY = 4;

/**
 * How a lift's estimated max moves over the logged weeks, as multipliers of its week-1 e1RM,
 * chosen so the PSI table shows every trend: most patterns climb, horizontal pulls hold steady
 * and the overhead press regresses after week 3 (the athlete's shoulder, per the workout notes).
 */
const PROFILES = {
  progress: [1.0, 1.03, 1.06, 1.07, 1.1, 1.13],
  steady: [1.0, 1.02, 1.03, 1.03, 1.04, 1.035],
  regress: [1.0, 1.03, 1.05, 1.04, 1.0, 0.98],
} as const satisfies Record<string, readonly number[]>;

interface Prescription {
  movement: string;
  /** e1RM in week 1, kg. */
  e1rm: number;
  reps: number;
  rpe: number;
  /** Loads are rounded to this (2.5 kg plates on a bar, 2 kg dumbbell steps). */
  step: number;
  profile: keyof typeof PROFILES;
  /** The session's main lift (charted for the four main lifts). */
  main?: boolean;
}

interface SessionTemplate {
  /** Days after the microcycle's first day (Monday). */
  offset: number;
  dayNumber: number;
  sessionType: SessionType;
  title: string;
  intentTags: string[];
  lifts: Prescription[];
  /** Body parts that get sore the next day. */
  soreParts: string[];
}

// Each movement pattern is trained on one weekday only (squat and hinge on both lower days), so
// a pattern's per-microcycle mean compares like with like from week to week and the trends in the
// PSI table reflect the profiles above rather than which accessories happened to be done.
const SESSIONS: readonly SessionTemplate[] = [
  {
    offset: 0,
    dayNumber: 1,
    sessionType: 'lower',
    title: 'Lower A: squat',
    intentTags: ['strength', 'hypertrophy'],
    soreParts: ['quads', 'glutes'],
    lifts: [
      { movement: MAIN_LIFTS.squat, e1rm: 140, reps: 5, rpe: 8, step: 2.5, profile: 'progress', main: true },
      { movement: 'Romanian Deadlift', e1rm: 130, reps: 8, rpe: 7, step: 2.5, profile: 'progress' },
      { movement: 'Bulgarian Split Squat', e1rm: 34, reps: 8, rpe: 8, step: 2, profile: 'progress' },
      { movement: 'Standing Calf Raise', e1rm: 100, reps: 12, rpe: 8, step: 5, profile: 'steady' },
    ],
  },
  {
    offset: 1,
    dayNumber: 2,
    sessionType: 'upper',
    title: 'Upper A: bench',
    intentTags: ['strength', 'hypertrophy'],
    soreParts: ['chest', 'upper_back'],
    lifts: [
      { movement: MAIN_LIFTS.bench, e1rm: 100, reps: 5, rpe: 8, step: 2.5, profile: 'progress', main: true },
      { movement: 'Barbell Row', e1rm: 92, reps: 6, rpe: 8, step: 2.5, profile: 'steady' },
      { movement: 'Lat Pulldown', e1rm: 80, reps: 8, rpe: 8, step: 2.5, profile: 'progress' },
      { movement: 'Incline Dumbbell Press', e1rm: 44, reps: 8, rpe: 8, step: 2, profile: 'progress' },
      { movement: 'Barbell Curl', e1rm: 46, reps: 8, rpe: 8, step: 2.5, profile: 'steady' },
    ],
  },
  {
    offset: 3,
    dayNumber: 4,
    sessionType: 'lower',
    title: 'Lower B: deadlift',
    intentTags: ['strength'],
    soreParts: ['hamstrings', 'lower_back'],
    lifts: [
      { movement: MAIN_LIFTS.deadlift, e1rm: 180, reps: 3, rpe: 8, step: 2.5, profile: 'progress', main: true },
      { movement: 'Front Squat', e1rm: 112, reps: 4, rpe: 7.5, step: 2.5, profile: 'progress' },
      { movement: 'Walking Lunge', e1rm: 30, reps: 10, rpe: 7, step: 2, profile: 'progress' },
      { movement: 'Kettlebell Swing', e1rm: 52, reps: 15, rpe: 7, step: 4, profile: 'steady' },
    ],
  },
  {
    offset: 4,
    dayNumber: 5,
    sessionType: 'upper',
    title: 'Upper B: press',
    intentTags: ['strength', 'power'],
    soreParts: ['shoulders', 'lats'],
    lifts: [
      { movement: MAIN_LIFTS.overheadPress, e1rm: 66, reps: 5, rpe: 8, step: 2.5, profile: 'regress', main: true },
      { movement: 'Seated Dumbbell Shoulder Press', e1rm: 40, reps: 8, rpe: 8, step: 2, profile: 'regress' },
      { movement: 'Power Clean', e1rm: 96, reps: 3, rpe: 7, step: 2.5, profile: 'progress' },
      { movement: 'Landmine Rotation', e1rm: 36, reps: 8, rpe: 7, step: 2.5, profile: 'steady' },
    ],
  },
];

/**
 * A session of the demo program (all 8 weeks are planned; the first 6 are logged).
 * @example
 * ```ts
 * const s: PlannedSession = { week: 1, dayNumber: 1, date: '2026-01-05', sessionType: 'lower', title: 'Lower A: squat', intentTags: ['strength'], movements: ['Back Squat'],
 *   exercises: [{ movement: 'Back Squat', role: 'main', sets: 4, repRangeMin: 5, repRangeMax: 7, rpe: 8 }] };
 * ```
 */
export interface PlannedSession {
  /** Microcycle sequence number, 1–8. */
  week: number;
  dayNumber: number;
  date: string;
  sessionType: SessionType;
  title: string;
  intentTags: string[];
  /** Movement names, main lift first. */
  movements: string[];
  /** The prescription of each movement, in the same order: the session's main lift, then accessories. */
  exercises: PlannedExercise[];
}

/** One prescribed exercise of a demo session, by movement name. */
export interface PlannedExercise {
  movement: string;
  role: 'main' | 'accessory';
  sets: number;
  repRangeMin: number;
  repRangeMax: number;
  rpe: number;
}

/** A top set of a demo workout, by movement name. */
export interface PlannedTopSet {
  movement: string;
  weight: number;
  reps: number;
  rpe: number;
}

/** A logged demo workout. */
export interface PlannedWorkout {
  week: number;
  dayNumber: number;
  date: string;
  perceivedDifficulty: number;
  enjoymentRating: number;
  actualDurationMinutes: number;
  notes: string | null;
  feedbackTags: string[];
  topSets: PlannedTopSet[];
}

/** A soreness entry, blamed on the session of `week`/`dayNumber`. */
export interface PlannedSoreness {
  date: string;
  bodyPart: string;
  soreness: number;
  week: number;
  dayNumber: number;
}

/** A daily recovery reading. */
export interface PlannedRecovery {
  date: string;
  hrv: number;
  restingHr: number;
  sleepHours: number;
  sleepScore: number;
  readiness: number;
}

/**
 * Everything the demo writes, computed up front.
 * @example
 * ```ts
 * const plan = buildDemoPlan();
 * plan.workouts.length; // 23
 * ```
 */
export interface DemoPlan {
  sessions: PlannedSession[];
  workouts: PlannedWorkout[];
  soreness: PlannedSoreness[];
  recovery: PlannedRecovery[];
  /** Date of the last logged workout. */
  lastWorkoutDate: string;
}

const round = (value: number, step: number) => Math.round(value / step) * step;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;
/**
 * The demo athlete's strength model: a set at RPE r leaves 10 − r reps in reserve (Epley on
 * reps + 10 − RPE, what `logWorkout` returns as `e1rmAdjusted`). The stored e1RM is the plain formula.
 */
const epleyFactor = (reps: number, rpe: number) => 1 + (reps + (10 - rpe)) / 30;

function topSet(lift: Prescription, week: number, deload: boolean, random: SeededRandom): PlannedTopSet {
  // Deloads cut volume, not intensity: the same top sets feel a point easier.
  const rpe = deload ? lift.rpe - 1 : lift.rpe;
  const target = lift.e1rm * (PROFILES[lift.profile][week - 1] ?? 1) * random.around(1, 0.006);
  return { movement: lift.movement, weight: round(target / epleyFactor(lift.reps, rpe), lift.step), reps: lift.reps, rpe };
}

/**
 * Builds the demo's plan: 8 weeks × 4 sessions (upper/lower), 6 weeks logged with 3–4 workouts a
 * week (the week-4 deload skips one) and 4–5 top sets each, soreness the day after each workout,
 * and a recovery reading every day. Deterministic: the same plan on every call.
 *
 * @example
 * ```ts
 * const { workouts } = buildDemoPlan();
 * workouts[0]; // { week: 1, dayNumber: 1, date: '2026-01-05', topSets: [{ movement: 'Back Squat', weight: 112.5, reps: 5, rpe: 8 }, ...], ... }
 * ```
 */
export function buildDemoPlan(): DemoPlan {
  const random = seededRandom(DEMO_SEED);
  const sessions: PlannedSession[] = [];
  const workouts: PlannedWorkout[] = [];
  const soreness: PlannedSoreness[] = [];

  for (let week = 1; week <= DEMO_PROGRAM_WEEKS; week++) {
    const weekStart = addDaysToIsoDate(DEMO_START_DATE, 7 * (week - 1));
    const deload = week % DELOAD_EVERY === 0;
    for (const template of SESSIONS) {
      const date = addDaysToIsoDate(weekStart, template.offset);
      sessions.push({
        week,
        dayNumber: template.dayNumber,
        date,
        sessionType: template.sessionType,
        title: template.title,
        intentTags: template.intentTags,
        movements: template.lifts.map((l) => l.movement),
        // Double progression: reps climb from the prescription to two more before the load goes up.
        exercises: template.lifts.map((l) => ({ movement: l.movement, role: l.main ? 'main' : 'accessory', sets: l.main ? 4 : 3, repRangeMin: l.reps, repRangeMax: l.reps + 2, rpe: l.rpe })),
      });
      if (week > DEMO_LOGGED_WEEKS) continue;
      // The deload week is a lighter week: the second upper day is skipped (3 workouts, not 4).
      if (deload && template.dayNumber === 5) continue;

      const sets = template.lifts.map((lift) => topSet(lift, week, deload, random));
      const pressing = template.dayNumber === 5 && week >= 5;
      workouts.push({
        week,
        dayNumber: template.dayNumber,
        date,
        perceivedDifficulty: deload ? random.int(4, 5) : random.int(6, 8) + (pressing ? 1 : 0),
        enjoymentRating: pressing ? 3 : random.int(3, 5),
        actualDurationMinutes: deload ? random.int(40, 50) : random.int(55, 75),
        notes: pressing ? 'Right shoulder felt cranky on the overhead press; kept the load down.' : deload ? 'Deload: top sets only.' : null,
        feedbackTags: pressing ? ['shoulder_discomfort'] : deload ? ['felt_easy'] : [],
        topSets: sets,
      });
      const next = addDaysToIsoDate(date, 1);
      for (const bodyPart of template.soreParts) {
        soreness.push({ date: next, bodyPart, soreness: deload ? random.int(1, 2) : random.int(2, 4), week, dayNumber: template.dayNumber });
      }
      if (pressing) soreness.push({ date: next, bodyPart: 'right_shoulder', soreness: 3, week, dayNumber: template.dayNumber });
    }
  }

  const lastWorkoutDate = workouts[workouts.length - 1]!.date;
  const recovery: PlannedRecovery[] = [];
  const heavyDays = new Set(workouts.filter((w) => w.dayNumber === 1 || w.dayNumber === 4).map((w) => addDaysToIsoDate(w.date, 1)));
  for (let day = 0; ; day++) {
    const date = addDaysToIsoDate(DEMO_START_DATE, day);
    if (date > addDaysToIsoDate(lastWorkoutDate, 1)) break;
    // HRV dips and resting heart rate rises the morning after a heavy lower-body day.
    const strain = heavyDays.has(date) ? 1 : 0;
    const sleepHours = oneDecimal(random.around(7.3, 0.8));
    recovery.push({
      date,
      hrv: oneDecimal(random.around(64, 6) - strain * 7),
      restingHr: Math.round(random.around(52, 3) + strain * 3),
      sleepHours,
      sleepScore: Math.round(Math.min(100, 55 + sleepHours * 3.5 + random.around(0, 5))),
      readiness: Math.round(Math.min(100, random.around(76, 8) - strain * 10)),
    });
  }
  return { sessions, workouts, soreness, recovery, lastWorkoutDate };
}
