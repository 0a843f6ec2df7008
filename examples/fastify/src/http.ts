// The HTTP edge of the example: what a Fastify service adds around the library — request input
// parsed with the library's own rules (query strings and path params coerced first), rows turned
// into their wire form for the response schemas, and every error as an RFC 9457 problem.
import * as z from 'zod';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  GainslyError,
  GainslyValidationError,
  PROBLEM_CONTENT_TYPE,
  idArgumentSchema,
  parseInput,
  problemSchema,
  toProblem,
  type GainslyProblem,
  type Wire,
} from '@gainsly/db/schemas';

/** A query-string or path value of digits only, as a number; anything else is left for the schema to refuse (and name). */
function digits(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
}

/**
 * A path parameter that is an id: `/workouts/42` carries the string `'42'`, the library's
 * `idArgumentSchema` accepts numbers only (on purpose: it refuses `'1'` from JSON bodies), so
 * digits are converted first and everything else (`abc`, `0`, `1.5`) is refused with its message.
 */
export const idParam = z.preprocess(digits, idArgumentSchema);

/** `{ id }` path params. */
export const idParams = z.object({ id: idParam });

/**
 * A query string validated by one of the library's option schemas (`workoutListOptionsSchema`,
 * `dateWindowSchema`, …). Query strings carry only strings, and those schemas take the types of
 * a function call (`limit: 20`, `include: ['topSets']`), so the named keys are converted first:
 * `numbers` from digits, `lists` from a repeated key (`include=a&include=b`) or a comma-separated
 * value (`include=a,b`). Everything else goes to the library's schema as it came, so unknown keys
 * (`?form=…`) and bad values are refused with the library's messages.
 */
export function fromQuery<S extends z.ZodType>(schema: S, keys: { numbers?: readonly string[]; lists?: readonly string[] }) {
  return z.preprocess((query) => {
    if (typeof query !== 'object' || query === null) return query;
    const options: Record<string, unknown> = { ...query };
    for (const key of keys.numbers ?? []) if (key in options) options[key] = digits(options[key]);
    for (const key of keys.lists ?? []) {
      const value = options[key];
      if (typeof value === 'string') options[key] = value.split(',').filter((part) => part !== '');
    }
    return options;
  }, schema);
}

/**
 * Fastify's validator compiler on the library's `parseInput`: the body, query string and params are
 * parsed by the same schemas and messages the library applies inside, so a request refused at the
 * edge and one refused by the library produce the same problem (a `GainslyValidationError`, which
 * Fastify passes to the error handler as it is, with status 400).
 */
export function validatorCompiler({ schema, httpPart }: { schema: z.ZodType; httpPart?: string }) {
  return (data: unknown): { value: unknown } | { error: Error } => {
    try {
      return { value: parseInput(schema, data, httpPart ?? 'request') };
    } catch (error) {
      return { error: error as Error };
    }
  };
}

/**
 * A row as JSON carries it: every `Date` (the `timestamp` columns) as its ISO string, recursively.
 * What `JSON.stringify` would do, done before the response schema (the library's wire row
 * schemas, which describe timestamps as strings) checks the body.
 */
export function toWire<T>(value: T): Wire<T> {
  return convert(value) as Wire<T>;
}

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = convert(item);
    return out;
  }
  return value;
}

/**
 * The problems this service sends: the library's `problemSchema` with `code` open to the service's
 * own codes (`UNAUTHENTICATED` here), which the library's closed list of codes refuses. What a
 * client of this service parses error bodies with.
 */
export const serviceProblemSchema = problemSchema.extend({ code: z.string() });
export type ServiceProblem = z.infer<typeof serviceProblemSchema>;

/** No or a malformed `x-user-id` header: 401. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/**
 * Any error as a problem body. The library's errors (and the validation errors of the compiler
 * above) by the library's `toProblem`; the example's own 401; Fastify's client errors (malformed
 * JSON, a body too large, an unsupported media type) as a validation problem of the request with
 * Fastify's status; anything else a 500 that says nothing about it.
 */
export function problemFor(error: unknown, instance: string): GainslyProblem | ServiceProblem {
  if (error instanceof GainslyError) return toProblem(error, { instance });
  if (error instanceof UnauthenticatedError) {
    return { type: 'urn:gainsly-example:problem:unauthenticated', title: 'Unauthenticated', status: 401, detail: error.message, code: 'UNAUTHENTICATED', retryable: false, instance };
  }
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'cannot be read';
    return { ...toProblem(new GainslyValidationError([{ path: [], message }], 'request'), { instance }), status };
  }
  return toProblem(error, { instance });
}

/** Fastify's error handler: every error as `application/problem+json`, 5xx logged. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemFor(error, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
