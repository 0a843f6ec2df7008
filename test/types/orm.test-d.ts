// Type-level tests of the ORM side of the public API (`@gainsly/db`): what a service sees when it
// writes `em.getRepository(X)`, reads an entity's enum property or calls a workflow. Run by
// `npm run test:types` (vitest typecheck) and by `npm run typecheck`; the consumer test checks the
// same things against the packed `.d.ts` files.
import { describe, expectTypeOf, test } from 'vitest';
import type { Opt } from '@mikro-orm/core';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import {
  type AnyEntityManager,
  type LoggedWorkoutLog as WorkoutLogRow,
  type LoggedTopSet as TopSetLogRow,
  type LoggedExposure as PatternExposureRow,
  createGainslyOrm,
  gainslyConfig,
  migrate,
  forUser,
  type GainslyOrmOptions,
  type MigrationResult,
  type LoggedWorkout,
  type LogWorkoutInput,
  type CreateUserInput,
  type CreateProgramInput,
  type PatternStrength,
  type UserScope,
  type ScopeOptions,
  User,
  UserRepository,
  UserSettings,
  UserSettingsRepository,
  UserMovementRule,
  UserMovementRuleRepository,
  UserEnjoyableActivity,
  UserEnjoyableActivityRepository,
  Program,
  ProgramRepository,
  Microcycle,
  MicrocycleRepository,
  Session,
  SessionRepository,
  SessionExercise,
  SessionExerciseRepository,
  Movement,
  MovementRepository,
  MovementRelationship,
  MovementRelationshipRepository,
  CircuitTemplate,
  CircuitTemplateRepository,
  WorkoutLog,
  WorkoutLogRepository,
  TopSetLog,
  TopSetLogRepository,
  PatternExposure,
  PatternExposureRepository,
  SorenessLog,
  SorenessLogRepository,
  RecoverySignal,
  RecoverySignalRepository,
  HeuristicConfig,
  HeuristicConfigRepository,
  ConversationThread,
  ConversationThreadRepository,
  ConversationTurn,
  ConversationTurnRepository,
  GainslyError,
  GainslyDatabaseError,
  GainslyUniqueViolationError,
  GainslyValidationError,
  InvalidEnumValueError,
} from '../../src/index.js';
import type { DeloadSignal, PatternTrend } from '../../src/domain/index.js';
import type { E1RMFormula, ExperienceLevel, MovementPattern, MovementRuleType, PersonaAggression, RuleCadence, Visibility } from '../../src/enums/index.js';

declare const em: EntityManager;

describe('createGainslyOrm / gainslyConfig / migrate', () => {
  test('createGainslyOrm resolves to the PostgreSQL MikroORM, whose em is the SQL EntityManager', () => {
    expectTypeOf(createGainslyOrm).parameter(0).toEqualTypeOf<GainslyOrmOptions | undefined>();
    expectTypeOf(createGainslyOrm).returns.resolves.toEqualTypeOf<MikroORM>();
    expectTypeOf<MikroORM['em']>().toExtend<EntityManager>();
  });

  test('options take a url and pass MikroORM options through; entities and appMigrations add the app schema', () => {
    expectTypeOf<{ url: 'postgres://localhost/gainsly' }>().toExtend<GainslyOrmOptions>();
    expectTypeOf<{ url: 'pglite:' }>().toExtend<GainslyOrmOptions>();
    expectTypeOf<{ debug: true; pool: { max: 5 } }>().toExtend<GainslyOrmOptions>();
    // The app's entities are added to the library's, never replace them.
    expectTypeOf<GainslyOrmOptions>().toHaveProperty('entities');
    expectTypeOf<GainslyOrmOptions>().toHaveProperty('appMigrations');
    expectTypeOf<GainslyOrmOptions>().not.toHaveProperty('entitiesTs');
    expectTypeOf<GainslyOrmOptions>().not.toHaveProperty('clientUrl');
    // @ts-expect-error url is a string
    gainslyConfig({ url: 5432 });
  });

  test('migrate returns the names it applied', () => {
    expectTypeOf(migrate).returns.resolves.toEqualTypeOf<MigrationResult>();
    expectTypeOf<MigrationResult['applied']>().toEqualTypeOf<string[]>();
  });
});

describe('em.getRepository(Entity) is the custom repository, for all 19 entities', () => {
  test('users', () => {
    expectTypeOf(em.getRepository(User)).toEqualTypeOf<UserRepository>();
    expectTypeOf(em.getRepository(UserSettings)).toEqualTypeOf<UserSettingsRepository>();
    expectTypeOf(em.getRepository(UserMovementRule)).toEqualTypeOf<UserMovementRuleRepository>();
    expectTypeOf(em.getRepository(UserEnjoyableActivity)).toEqualTypeOf<UserEnjoyableActivityRepository>();
  });

  test('programs', () => {
    expectTypeOf(em.getRepository(Program)).toEqualTypeOf<ProgramRepository>();
    expectTypeOf(em.getRepository(Microcycle)).toEqualTypeOf<MicrocycleRepository>();
    expectTypeOf(em.getRepository(Session)).toEqualTypeOf<SessionRepository>();
    expectTypeOf(em.getRepository(SessionExercise)).toEqualTypeOf<SessionExerciseRepository>();
  });

  test('movements and circuits', () => {
    expectTypeOf(em.getRepository(Movement)).toEqualTypeOf<MovementRepository>();
    expectTypeOf(em.getRepository(MovementRelationship)).toEqualTypeOf<MovementRelationshipRepository>();
    expectTypeOf(em.getRepository(CircuitTemplate)).toEqualTypeOf<CircuitTemplateRepository>();
  });

  test('logging', () => {
    expectTypeOf(em.getRepository(WorkoutLog)).toEqualTypeOf<WorkoutLogRepository>();
    expectTypeOf(em.getRepository(TopSetLog)).toEqualTypeOf<TopSetLogRepository>();
    expectTypeOf(em.getRepository(PatternExposure)).toEqualTypeOf<PatternExposureRepository>();
    expectTypeOf(em.getRepository(SorenessLog)).toEqualTypeOf<SorenessLogRepository>();
    expectTypeOf(em.getRepository(RecoverySignal)).toEqualTypeOf<RecoverySignalRepository>();
  });

  test('coaching', () => {
    expectTypeOf(em.getRepository(HeuristicConfig)).toEqualTypeOf<HeuristicConfigRepository>();
    expectTypeOf(em.getRepository(ConversationThread)).toEqualTypeOf<ConversationThreadRepository>();
    expectTypeOf(em.getRepository(ConversationTurn)).toEqualTypeOf<ConversationTurnRepository>();
  });
});

describe('entity properties hold semantic enum values, never the database labels', () => {
  test('enum-typed properties', () => {
    expectTypeOf<UserMovementRule['ruleType']>().toEqualTypeOf<MovementRuleType>();
    expectTypeOf<MovementRuleType>().toEqualTypeOf<'hard_no' | 'hard_yes' | 'preferred'>();
    // Properties with a database default are MikroORM `Opt<>` (optional in em.create), same values.
    expectTypeOf<User['personaAggression']>().toEqualTypeOf<Opt<PersonaAggression>>();
    expectTypeOf<User['experienceLevel']>().toEqualTypeOf<Opt<ExperienceLevel>>();
    expectTypeOf<Movement['pattern']>().toEqualTypeOf<MovementPattern>();
    expectTypeOf<TopSetLog['e1rmFormula']>().toExtend<E1RMFormula | null | undefined>();
  });

  test('a label assigned to an enum property is a type error', () => {
    const rule = {} as UserMovementRule;
    // @ts-expect-error 'HARD_NO' is the database label, not a MovementRuleType value
    rule.ruleType = 'HARD_NO';
    rule.ruleType = 'hard_no';
    // @ts-expect-error 'PER_MICROCYCLE' is a label
    rule.cadence = 'PER_MICROCYCLE';
    expectTypeOf(rule.cadence).toEqualTypeOf<Opt<RuleCadence>>();
    const user = {} as User;
    // @ts-expect-error personaAggression is 1-5, not its label
    user.personaAggression = 'BALANCED';
    // @ts-expect-error and not out of range
    user.personaAggression = 6;
    user.personaAggression = 3;
  });

  test('em.create checks enum values too', () => {
    // @ts-expect-error 'SQUAT' is not a MovementPattern value
    em.create(Movement, { name: 'Back Squat', pattern: 'SQUAT', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
    em.create(Movement, { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
  });

  test('queries take semantic values', () => {
    void em.find(UserMovementRule, { ruleType: 'hard_no' });
    void em.find(UserMovementRule, { ruleType: { $in: ['hard_no', 'preferred'] } });
    // @ts-expect-error a label in a query
    void em.find(UserMovementRule, { ruleType: 'HARD_NO' });
    expectTypeOf<Program['visibility']>().toExtend<Visibility | null | undefined>();
  });
});

describe('workflow inputs and outputs', () => {
  test('UserRepository.createUser', () => {
    expectTypeOf<UserRepository['createUser']>().parameter(0).toEqualTypeOf<CreateUserInput>();
    expectTypeOf<UserRepository['createUser']>().returns.resolves.toEqualTypeOf<User>();
    expectTypeOf<{}>().toExtend<CreateUserInput>();
    expectTypeOf<{ personaAggression: 7 }>().not.toExtend<CreateUserInput>();
  });

  test('ProgramRepository.createProgram', () => {
    expectTypeOf<ProgramRepository['createProgram']>().parameters.toEqualTypeOf<[userId: number, input: CreateProgramInput]>();
    expectTypeOf<ProgramRepository['createProgram']>().returns.resolves.toEqualTypeOf<Program>();
    expectTypeOf<CreateProgramInput>().toHaveProperty('goals');
    expectTypeOf<{ startDate: string; durationWeeks: number }>().not.toExtend<CreateProgramInput>();
  });

  test('WorkoutLogRepository.logWorkout takes LogWorkoutInput and returns LoggedWorkout', () => {
    expectTypeOf<WorkoutLogRepository['logWorkout']>().parameters.toEqualTypeOf<[userId: number, input: LogWorkoutInput]>();
    expectTypeOf<WorkoutLogRepository['logWorkout']>().returns.resolves.toEqualTypeOf<LoggedWorkout>();
    expectTypeOf<LoggedWorkout>().toEqualTypeOf<{
      workoutLog: WorkoutLogRow;
      topSets: TopSetLogRow[];
      exposures: PatternExposureRow[];
      microcycleId: number | null;
    }>();
    // Plain data: semantic enum values, relations as ids, nothing of MikroORM's.
    expectTypeOf<TopSetLogRow['pattern']>().toEqualTypeOf<MovementPattern>();
    expectTypeOf<TopSetLogRow['e1rmFormula']>().toEqualTypeOf<E1RMFormula>();
    expectTypeOf<TopSetLogRow['e1rmValue']>().toEqualTypeOf<number | null>();
    // The RPE/RIR-adjusted estimate, returned beside the stored plain value.
    expectTypeOf<TopSetLogRow['e1rmAdjusted']>().toEqualTypeOf<number | null>();
    expectTypeOf<WorkoutLogRow['visibility']>().toEqualTypeOf<Visibility>();
    expectTypeOf<PatternExposureRow>().toHaveProperty('sourceTopSetLogId').toEqualTypeOf<number>();
    expectTypeOf<TopSetLogRow>().not.toHaveProperty('workoutLog');
    expectTypeOf<{ date: '2026-01-06'; topSets: [{ movementId: 1; weight: 100; reps: 5 }] }>().toExtend<LogWorkoutInput>();
    expectTypeOf<{ date: '2026-01-06'; topSets: [{ movementId: 1; weight: 'heavy'; reps: 5 }] }>().not.toExtend<LogWorkoutInput>();
    // `completed` has a default: optional on input.
    expectTypeOf<LogWorkoutInput['completed']>().toEqualTypeOf<boolean | undefined>();
  });

  test('pattern strength', () => {
    expectTypeOf<PatternExposureRepository['psiAll']>().returns.resolves.toEqualTypeOf<PatternStrength[]>();
    expectTypeOf<PatternStrength>().toEqualTypeOf<{ pattern: MovementPattern; psi: number | null; exposures: number }>();
    expectTypeOf<PatternExposureRepository['trendAll']>().returns.resolves.toEqualTypeOf<Record<MovementPattern, PatternTrend>>();
    expectTypeOf<PatternExposureRepository['deloadSignal']>().returns.resolves.toEqualTypeOf<DeloadSignal>();
    // `method` selects the library's metrics or the upstream app's.
    expectTypeOf<{ method: 'upstream'; lastNMicrocycles: 2 }>().toExtend<NonNullable<Parameters<PatternExposureRepository['psiAll']>[1]>>();
    expectTypeOf<{ method: 'python' }>().not.toExtend<NonNullable<Parameters<PatternExposureRepository['trendAll']>[1]>>();
  });

  test('forUser scopes the repositories to one user', () => {
    expectTypeOf(forUser).returns.toEqualTypeOf<UserScope>();
    expectTypeOf(forUser).parameters.toEqualTypeOf<[em: AnyEntityManager, userId: number, options?: ScopeOptions]>();
    expectTypeOf<{ consistency: 'strong' }>().toExtend<ScopeOptions>();
    expectTypeOf<{ consistency: 'eventual' }>().not.toExtend<ScopeOptions>();
    expectTypeOf<UserScope['userId']>().toEqualTypeOf<number>();
  });
});

describe('errors', () => {
  test('the typed errors share one base', () => {
    expectTypeOf<GainslyUniqueViolationError>().toExtend<GainslyDatabaseError>();
    expectTypeOf<GainslyDatabaseError>().toExtend<GainslyError>();
    expectTypeOf<GainslyValidationError>().toExtend<GainslyError>();
    expectTypeOf<InvalidEnumValueError>().toExtend<Error>();
    expectTypeOf<GainslyUniqueViolationError['constraint']>().toExtend<string | null | undefined>();
    expectTypeOf<GainslyValidationError['issues'][number]['path']>().toExtend<readonly PropertyKey[]>();
  });
});
