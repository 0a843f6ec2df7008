// Rules shared by several input schemas.
import type * as z from 'zod';

/**
 * A refinement for update inputs: at least one key must be given (an empty update is almost always a
 * bug in the caller, e.g. a form that lost its fields). Keys set to `undefined` do not count; `null`
 * counts (it clears a nullable column).
 *
 * @example
 * ```ts
 * strictInput(shape).superRefine(requireSomeKey(Object.keys(shape)));
 * ```
 */
export function requireSomeKey(allowed: readonly string[]) {
  return (value: object, ctx: z.core.$RefinementCtx<object>): void => {
    if (Object.values(value).every((field) => field === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: `must set at least one field (allowed keys: ${allowed.join(', ')})`, input: value });
    }
  };
}
