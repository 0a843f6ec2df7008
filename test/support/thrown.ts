// What a call throws, for tests that assert on the error itself (its class, message, problems or
// issues) rather than only that something was thrown.
import { expect } from 'vitest';

/** What `run` throws, checked to be a `type`; fails the test when `run` returns. */
export function thrownBy<E>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}, nothing was thrown`);
}

/** Whatever `run` throws, unchecked; fails the test when `run` returns. */
export function thrownValue(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, nothing was thrown');
}

/** A validation error's issues without zod's `code`, for rules whose code is zod's own. */
export function issuesWithoutCode(error: { issues: readonly { code?: unknown }[] }): Record<string, unknown>[] {
  return error.issues.map(({ code: _code, ...rest }) => rest);
}

/**
 * The allowed movement patterns as the library's messages list them, written out by hand so the
 * tests do not take it from the code they check.
 */
export const PATTERN_LIST =
  'squat, hinge, horizontal_push, vertical_push, horizontal_pull, vertical_pull, carry, core, lunge, rotation, plyometric, olympic, isolation, mobility, isometric, conditioning, cardio';
