// Front-end code using the three browser-safe subpaths of the installed @gainsly/db tarball.
// The consumer test type-checks it with DOM types and no Node types, bundles it with esbuild for
// the browser, checks that no MikroORM, pg or Node built-in made it into the bundle, and runs the
// bundle once. It prints one JSON line.
import { ENUMS, MovementPattern, MovementRuleType, type MovementRuleTypeLabel } from '@gainsly/db/enums';
import { estimateOneRepMax, roundToPlate, validateGoalWeights } from '@gainsly/db/domain';
import { GainslyValidationError, logWorkoutInputSchema, parseInput, type LogWorkoutInput } from '@gainsly/db/schemas';

/** What a workout form would submit. */
const form: LogWorkoutInput = { date: '2026-01-06', topSets: [{ movementId: 1, weight: 100, reps: 5, rpe: 8 }] };

const e1rm = estimateOneRepMax(100, 5, 'epley');
const label: MovementRuleTypeLabel = ENUMS.MovementRuleType.toDb(MovementRuleType.HARD_NO);
// @ts-expect-error a label is not a MovementRuleType value
const wrong: MovementRuleType = 'HARD_NO';

let problems: string[] = [];
try {
  parseInput(logWorkoutInputSchema, { date: '06/01/2026', topSets: [{ movementId: 1, weight: -5, reps: 0 }] }, 'LogWorkoutInput');
} catch (error) {
  if (error instanceof GainslyValidationError) problems = error.issues.map((i) => i.path.join('.'));
}

console.log(
  JSON.stringify({
    e1rm,
    plate: roundToPlate(e1rm, { useMetric: true }),
    label,
    patterns: Object.values(MovementPattern).length,
    formOk: logWorkoutInputSchema.safeParse(form).success,
    problems,
    goals: validateGoalWeights([
      { goal: 'strength', weight: 5 },
      { goal: 'hypertrophy', weight: 3 },
      { goal: 'endurance', weight: 2 },
    ]).length,
    unused: typeof wrong,
  }),
);
