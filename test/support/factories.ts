/**
 * Builders of valid rows for integration tests: each persists (without flushing) one entity with
 * sensible values, overridable per test.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CircuitTemplate,
  Microcycle,
  Movement,
  Program,
  Session,
  User,
  UserSettings,
  WorkoutLog,
} from '../../src/index.js';
import type { CreateProgramInput } from '../../src/schemas/index.js';

/** The 8-week, 4-day upper/lower program most tests create with `createProgram`, starting Monday 2026-01-05. */
export const PROGRAM: CreateProgramInput = {
  startDate: '2026-01-05',
  durationWeeks: 8,
  daysPerWeek: 4,
  goals: [
    { goal: 'strength', weight: 5 },
    { goal: 'hypertrophy', weight: 3 },
    { goal: 'endurance', weight: 2 },
  ],
  splitTemplate: 'upper_lower',
  progressionStyle: 'double_progression',
};

/** A three-day full-body program (the scope tests' program). */
export const FULL_BODY_PROGRAM = {
  startDate: '2026-01-05',
  durationWeeks: 8,
  daysPerWeek: 3,
  goals: [
    { goal: 'strength', weight: 4 },
    { goal: 'hypertrophy', weight: 4 },
    { goal: 'mobility', weight: 2 },
  ],
  splitTemplate: 'full_body',
  progressionStyle: 'single_progression',
} as const satisfies CreateProgramInput;

let counter = 0;
/** A value unique within the test run, for unique columns. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export function makeUser(em: EntityManager, data: Partial<User> = {}): User {
  const user = em.create(User, { name: 'Ada', email: `${unique('ada')}@example.com`, ...data });
  em.create(UserSettings, { user });
  return user;
}

export function makeMovement(em: EntityManager, data: Partial<Movement> = {}): Movement {
  return em.create(Movement, {
    name: unique('Back Squat'),
    pattern: 'squat',
    primaryMuscle: 'quadriceps',
    primaryRegion: 'anterior lower',
    equipmentTags: ['barbell'],
    ...data,
  });
}

export function makeProgram(em: EntityManager, user: User, data: Partial<Program> = {}): Program {
  return em.create(Program, {
    user,
    startDate: '2026-01-05',
    durationWeeks: 8,
    goal1: 'strength',
    goal2: 'hypertrophy',
    goal3: 'endurance',
    goalWeight1: 5,
    goalWeight2: 3,
    goalWeight3: 2,
    splitTemplate: 'upper_lower',
    daysPerWeek: 4,
    progressionStyle: 'double_progression',
    personaTone: 'analytical',
    personaAggression: 4,
    ...data,
  });
}

export function makeMicrocycle(em: EntityManager, program: Program, data: Partial<Microcycle> = {}): Microcycle {
  return em.create(Microcycle, { program, startDate: program.startDate, lengthDays: 7, sequenceNumber: 1, ...data });
}

export function makeSession(em: EntityManager, microcycle: Microcycle, data: Partial<Session> = {}): Session {
  return em.create(Session, { microcycle, date: microcycle.startDate, dayNumber: 1, sessionType: 'lower', ...data });
}

export function makeCircuit(em: EntityManager, data: Partial<CircuitTemplate> = {}): CircuitTemplate {
  return em.create(CircuitTemplate, { name: unique('Cindy'), circuitType: 'amrap', ...data });
}

export function makeWorkoutLog(em: EntityManager, user: User, data: Partial<WorkoutLog> = {}): WorkoutLog {
  return em.create(WorkoutLog, { user, date: '2026-01-05', ...data });
}
