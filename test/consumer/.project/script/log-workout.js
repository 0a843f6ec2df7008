// @ts-check
// A CommonJS script (this folder's package.json says "type": "commonjs") using the installed
// @gainsly/db tarball through require(): Node 22 loads the ES module synchronously. It logs a
// workout on the database in DATABASE_URL and prints one JSON line that the consumer test checks.
'use strict';

const { createGainslyOrm, migrate, Movement, PatternExposure, Program, User, WorkoutLog } = require('@gainsly/db');
const { ENUMS } = require('@gainsly/db/enums');
const { estimateOneRepMax } = require('@gainsly/db/domain');
const { logWorkoutInputSchema } = require('@gainsly/db/schemas');

async function main() {
  const orm = await createGainslyOrm({ url: process.env.DATABASE_URL });
  try {
    const { applied } = await migrate(orm);
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({ email: 'script@example.com' });
    await em.getRepository(Program).createProgram(user.id, {
      startDate: '2026-01-05',
      durationWeeks: 8,
      daysPerWeek: 3,
      goals: [
        { goal: 'strength', weight: 6 },
        { goal: 'hypertrophy', weight: 2 },
        { goal: 'endurance', weight: 2 },
      ],
      splitTemplate: 'full_body',
      progressionStyle: 'single_progression',
    });
    const deadlift = em.create(Movement, { name: 'Script Deadlift', pattern: 'hinge', primaryMuscle: 'hamstrings', primaryRegion: 'posterior lower' });
    await em.flush();

    const input = logWorkoutInputSchema.parse({ date: '2026-01-07', topSets: [{ movementId: deadlift.id, weight: 150, reps: 3, rpe: 9 }] });
    const { workoutLog, topSets, exposures } = await em.getRepository(WorkoutLog).logWorkout(user.id, input);
    const psi = await em.getRepository(PatternExposure).psiAll(user.id);

    console.log(
      JSON.stringify({
        applied,
        userId: user.id,
        workoutLogId: workoutLog.id,
        topSets: topSets.map((s) => ({ pattern: s.pattern, e1rm: s.e1rmValue, formula: s.e1rmFormula })),
        exposures: exposures.length,
        hinge: psi.find((p) => p.pattern === 'hinge'),
        label: ENUMS.ProgressionStyle.toDb('single_progression'),
        e1rm: estimateOneRepMax(150, 3),
      }),
    );
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
