// An ESM TypeScript service using the installed @gainsly/db tarball, the way its README shows.
// Compiled with `tsc` (strict, module nodenext, no decorator settings) and then run with Node 22
// against a scratch database. It prints one JSON line that the consumer test checks.
//
// The `// @ts-expect-error` lines are part of the test: tsc fails if one of them stops being an error.
import {
  createGainslyOrm,
  migrate,
  GainslyValidationError,
  Movement,
  PatternExposure,
  Program,
  User,
  UserMovementRule,
  WorkoutLog,
  type CreateProgramInput,
  type CreateUserInput,
  type LoggedWorkout,
  type LogWorkoutInput,
  type MigrationResult,
  type PatternStrength,
  type ProgramRepository,
  type UserRepository,
  type WorkoutLogRepository,
} from '@gainsly/db';
import { ENUMS, MovementRuleType, type MovementPattern, type MovementRuleTypeLabel } from '@gainsly/db/enums';
import { estimateOneRepMax } from '@gainsly/db/domain';
import { logWorkoutInputSchema, type LogWorkoutData } from '@gainsly/db/schemas';
// Operator tools live behind their own entry point, not in the root one.
import { doctor, type DoctorReport } from '@gainsly/db/admin';

const orm = await createGainslyOrm({ url: process.env.DATABASE_URL });
try {
  const first: MigrationResult = await migrate(orm);
  const second: MigrationResult = await migrate(orm);
  const health: DoctorReport = await doctor(orm);

  const em = orm.em.fork();
  // The custom repositories, not a bare EntityRepository<User>.
  const users: UserRepository = em.getRepository(User);
  const programs: ProgramRepository = em.getRepository(Program);
  const workouts: WorkoutLogRepository = em.getRepository(WorkoutLog);

  const newUser: CreateUserInput = { email: 'consumer@example.com', personaTone: 'analytical', personaAggression: 4 };
  // @ts-expect-error personaAggression is 1-5
  const badUser: CreateUserInput = { personaAggression: 7 };
  const user: User = await users.createUser(newUser);

  const programInput: CreateProgramInput = {
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
  const program: Program = await programs.createProgram(user.id, programInput);

  const squat = em.create(Movement, { name: 'Consumer Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
  const bench = em.create(Movement, { name: 'Consumer Bench Press', pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper' });
  // @ts-expect-error 'SQUAT' is the database label style, not a MovementPattern value
  const wrongPattern: MovementPattern = 'SQUAT';

  // Entity enum properties hold the semantic values; the UPPERCASE labels are a type error.
  const rule = em.create(UserMovementRule, { user, movement: bench, ruleType: MovementRuleType.PREFERRED });
  // @ts-expect-error 'HARD_NO' is the database label, not a MovementRuleType value
  rule.ruleType = 'HARD_NO';
  rule.ruleType = 'hard_no';
  const ruleType: MovementRuleType = rule.ruleType;
  const label: MovementRuleTypeLabel = ENUMS.MovementRuleType.toDb(ruleType);
  await em.flush();

  const workout: LogWorkoutInput = {
    date: '2026-01-06',
    perceivedDifficulty: 7,
    topSets: [
      { movementId: squat.id, weight: 100, reps: 5, rpe: 8 },
      { movementId: bench.id, weight: 80, reps: 5, rir: 1 },
    ],
  };
  const parsed: LogWorkoutData = logWorkoutInputSchema.parse(workout);
  // @ts-expect-error weight is a number
  const badWorkout: LogWorkoutInput = { date: '2026-01-06', topSets: [{ movementId: 1, weight: 'heavy', reps: 5 }] };
  const logged: LoggedWorkout = await workouts.logWorkout(user.id, workout);
  await workouts.logWorkout(user.id, { date: '2026-01-08', topSets: [{ movementId: squat.id, weight: 105, reps: 5, rpe: 8 }] });

  const strength: PatternStrength[] = await em.getRepository(PatternExposure).psiAll(user.id);

  // Bad input is refused before any SQL, with every problem listed.
  let validation: { name: string; paths: string[] } | null = null;
  try {
    await users.createUser({ email: 'not-an-email', personaAggression: 9 as never });
  } catch (error) {
    if (error instanceof GainslyValidationError) validation = { name: error.name, paths: error.issues.map((i) => i.path.join('.')) };
  }

  // The database keeps the UPPERCASE label.
  const [stored] = await em.getConnection().execute<{ rule_type: string }[]>('select rule_type::text as rule_type from user_movement_rules where id = ?', [rule.id]);
  em.clear();
  const reloaded = await em.findOneOrFail(UserMovementRule, { ruleType: 'hard_no', user: user.id });

  console.log(
    JSON.stringify({
      migrations: { first: first.applied, second: second.applied },
      doctor: { ok: health.ok, kind: health.database.kind },
      userId: user.id,
      programActive: program.isActive,
      ruleType: reloaded.ruleType,
      ruleLabel: label,
      storedLabel: stored?.rule_type,
      parsedCompleted: parsed.completed,
      e1rm: estimateOneRepMax(100, 5),
      topSets: logged.topSets.map((s) => ({ pattern: s.pattern, e1rm: s.e1rmValue, formula: s.e1rmFormula })),
      exposures: logged.exposures.length,
      microcycleId: logged.microcycleId,
      psi: strength.filter((s) => s.psi !== null),
      validation,
      unused: [badUser, wrongPattern, badWorkout].length,
    }),
  );
} finally {
  await orm.close();
}
