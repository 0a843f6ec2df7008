// Program goals: three (goal, weight) slots that mirror programs.goal_1..3 / goal_weight_1..3.
import { Goal } from '../enums/index.js';
import { isPlainObject } from './checks.js';
import { checkIntegerInRange } from './ranges.js';
import type { ValidationProblem } from './problems.js';

/**
 * The rules for a program's goal weights: exactly `slots` entries, each weight an integer >= `minWeight`
 * (DB check `positive_weights`), weights summing to `total` (DB check `goals_sum_to_ten`).
 *
 * @example
 * ```ts
 * const remaining = GOAL_WEIGHT_RULES.total - 7; // 3 points left to give
 * ```
 */
export const GOAL_WEIGHT_RULES = /* @__PURE__ */ Object.freeze({ slots: 3, total: 10, minWeight: 0 } as const);

/**
 * One weighted goal of a program.
 *
 * @example
 * ```ts
 * const entry: GoalWeight = { goal: 'strength', weight: 6 };
 * ```
 */
export interface GoalWeight {
  goal: Goal;
  weight: number;
}

/**
 * What {@link validateGoalWeights} accepts: entries whose fields are not yet trusted, so the same
 * function serves typed code and raw request bodies.
 *
 * @example
 * ```ts
 * const fromRequest = body.goals as GoalWeightInput[];
 * ```
 */
export interface GoalWeightInput {
  readonly goal?: unknown;
  readonly weight?: unknown;
}

const GOALS: readonly string[] = /* @__PURE__ */ Object.values(Goal);

/**
 * Checks a program's three weighted goals and returns every problem at once (empty = valid):
 *
 * - exactly 3 entries (`path: []`);
 * - each `goal` is a `Goal` value (`[i, 'goal']`);
 * - each `weight` is an integer >= 0 (`[i, 'weight']`), as DB check `positive_weights`;
 * - the weights sum to exactly 10 (`path: []`), as DB check `goals_sum_to_ten` — checked whenever every
 *   weight is an integer, so a negative weight can be reported together with a wrong total;
 * - no goal appears twice (`[i, 'goal']` on the later entry), **even with weight 0**. Code reading a
 *   program asks "what is the weight of goal X?"; with a repeated goal the answer depends on which slot
 *   it finds first (a 0-weight duplicate could hide the real weight) and summing the slots double counts.
 *   Every program can be written without repeats: a single-goal program puts 10 on that goal and 0 on
 *   any two other goals.
 *
 * @example
 * ```ts
 * validateGoalWeights([
 *   { goal: 'strength', weight: 6 },
 *   { goal: 'hypertrophy', weight: 3 },
 *   { goal: 'mobility', weight: 1 },
 * ]); // []
 * validateGoalWeights([
 *   { goal: 'strength', weight: 6 },
 *   { goal: 'strength', weight: 3 },
 *   { goal: 'speed', weight: 0 },
 * ]); // [{ path: [], message: 'weights must sum to 10 …' }, { path: [1, 'goal'], … }]
 * ```
 */
export function validateGoalWeights(entries: readonly GoalWeightInput[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { slots, total, minWeight } = GOAL_WEIGHT_RULES;
  if (!Array.isArray(entries)) {
    problems.push({ path: [], message: `must be an array of exactly ${slots} { goal, weight } entries`, received: entries });
    return problems;
  }
  if (entries.length !== slots) {
    problems.push({ path: [], message: `must have exactly ${slots} entries (goal_1 to goal_3), got ${entries.length}`, received: entries.length });
  }

  const firstIndexOfGoal = new Map<string, number>();
  let sum = 0;
  let allWeightsAreIntegers = true;
  entries.forEach((entry: unknown, index) => {
    if (!isPlainObject(entry)) {
      problems.push({ path: [index], message: 'must be an object { goal, weight }', received: entry });
      allWeightsAreIntegers = false;
      return;
    }
    const { goal, weight } = entry;
    if (typeof goal !== 'string' || !GOALS.includes(goal)) {
      problems.push({ path: [index, 'goal'], message: `must be one of ${GOALS.join(', ')}`, received: goal });
    } else {
      const first = firstIndexOfGoal.get(goal);
      if (first === undefined) {
        firstIndexOfGoal.set(goal, index);
      } else {
        problems.push({
          path: [index, 'goal'],
          message: `repeats the goal of entry ${first}; each goal may appear only once (use a different goal with weight 0 for an unused slot)`,
          received: goal,
        });
      }
    }
    if (typeof weight === 'number' && Number.isInteger(weight)) {
      sum += weight;
    } else {
      allWeightsAreIntegers = false;
    }
    checkIntegerInRange(weight, [index, 'weight'], { min: minWeight }, problems);
  });

  if (allWeightsAreIntegers && sum !== total) {
    // Whole-input rules read best before the per-entry details, so insert after the count problem.
    const rootCount = problems.filter((problem) => problem.path.length === 0).length;
    problems.splice(rootCount, 0, { path: [], message: `weights must sum to ${total} (goals_sum_to_ten), got ${sum}`, received: sum });
  }
  return problems;
}
