// The schema of a problem body, for clients that read one. Apart from toProblem (problem.ts) so that
// the root entry exports the mapping without loading zod (docs/performance.md, "Cold start").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { GAINSLY_ERROR_CODES, type GainslyErrorCode } from '../enums/index.js';

/**
 * The {@link GainslyProblem} body as a zod schema: for a client that parses the errors a service
 * built on the library sends, and for the `Problem` OpenAPI component.
 * @example
 * ```ts
 * const problem = problemSchema.parse(await response.json());
 * for (const e of problem.errors ?? []) form.setError(e.pointer, e.detail);
 * ```
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  // The library's codes, or a service's own for the problems it makes itself (an auth failure).
  code: z.union([z.enum([...Object.values(GAINSLY_ERROR_CODES), 'INTERNAL'] as unknown as [GainslyErrorCode | 'INTERNAL', ...(GainslyErrorCode | 'INTERNAL')[]]), z.string()]),
  retryable: z.boolean(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string(), allowed: z.array(z.union([z.string(), z.number()])).optional() })).optional(),
  instance: z.string().optional(),
});
