// Message wording shared by every schema: one voice for zod's built-in checks, the domain validators
// and the GainslyValidationError message. Messages are phrased to follow a path
// (`topSets[0].reps: must be >= 1`), like the domain's ValidationProblem messages.
import type * as z from 'zod';

/** Longest rendering of a received value inside a message; longer ones end with `…`. */
const PREVIEW_MAX_CHARS = 80;
/** Longest object key shown in a path; attacker-controlled keys must not blow up a log line. */
const PATH_KEY_MAX_CHARS = 40;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders an issue path the way a TypeScript reader would write it: `topSets[0].reps`,
 * `bucketStress["aura ring"]`; the empty path is `(root)`. Long keys are shortened.
 *
 * @example
 * ```ts
 * formatIssuePath(['topSets', 0, 'reps']); // 'topSets[0].reps'
 * formatIssuePath([]);                     // '(root)'
 * ```
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else {
      const key = truncate(typeof segment === 'symbol' ? String(segment.description ?? 'symbol') : segment, PATH_KEY_MAX_CHARS);
      out += IDENTIFIER.test(key) ? `${out === '' ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * A short, single-line rendering of any value for error messages: strings quoted and cut at ~80
 * characters, arrays and plain objects shown shallowly, everything else by kind. It never throws and
 * never runs user code: getters are not invoked, proxies and exotic objects fall back to their kind.
 *
 * @example
 * ```ts
 * previewValue(0);                     // '0'
 * previewValue('x'.repeat(500));       // '"xxxx…" (500 chars)'
 * previewValue({ reps: 0, rpe: NaN }); // '{ reps: 0, rpe: NaN }'
 * ```
 */
export function previewValue(value: unknown): string {
  try {
    return render(value, 0);
  } catch {
    // A revoked proxy or a hostile object: say what we can without touching it again.
    return 'an unprintable value';
  }
}

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return value.length > PREVIEW_MAX_CHARS
        ? `"${JSON.stringify(value.slice(0, PREVIEW_MAX_CHARS)).slice(1, -1)}…" (${value.length} chars)`
        : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.name ? `function ${value.name}` : 'a function';
  }
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date ${value.toISOString()}`;
  if (Array.isArray(value)) {
    if (depth > 0) return `array(${value.length})`;
    return truncate(`[${shallowItems(value.slice(0, 10).map((item) => render(item, depth + 1)), value.length > 10)}]`, PREVIEW_MAX_CHARS);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const ctor = (proto as { constructor?: { name?: unknown } }).constructor;
    return `a ${typeof ctor?.name === 'string' && ctor.name ? ctor.name : 'non-plain'} object`;
  }
  if (depth > 0) return 'object';
  const keys = Object.keys(value as object);
  const parts = keys.slice(0, 10).map((key) => {
    // Descriptor, not value[key]: reading a getter would run caller code inside error formatting.
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    const shown = descriptor && 'value' in descriptor ? render(descriptor.value, depth + 1) : '[getter]';
    return `${IDENTIFIER.test(key) ? key : JSON.stringify(truncate(key, PATH_KEY_MAX_CHARS))}: ${shown}`;
  });
  return truncate(parts.length === 0 ? '{}' : `{ ${shallowItems(parts, keys.length > 10)} }`, PREVIEW_MAX_CHARS);
}

function shallowItems(items: string[], more: boolean): string {
  return more ? `${items.join(', ')}, …` : items.join(', ');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Renders a list of allowed values for "must be one of …" messages: strings quoted, numbers bare.
 *
 * @example
 * ```ts
 * listAllowed(['hard_no', 'hard_yes']); // "'hard_no', 'hard_yes'"
 * ```
 */
export function listAllowed(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  date: 'a valid Date',
  bigint: 'a bigint',
};

/**
 * The error map every schema in `@gainsly/db/schemas` uses for zod's built-in issues (wrong type,
 * too small, too big, bad format, unknown key, invalid option). It is attached to each schema and
 * also passed by {@link parseInput}, so messages read the same whether you call `schema.parse`
 * directly or go through `parseInput`. It never touches zod's global config, which belongs to the
 * application.
 *
 * @example
 * ```ts
 * mySchema.safeParse(value, { error: gainslyErrorMap });
 * ```
 */
export const gainslyErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'number' || issue.expected === 'int') {
        if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
          return `must be ${TYPE_NAMES[issue.expected]} (NaN and Infinity are not allowed)`;
        }
      }
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be an integer';
      if (issue.expected === 'date' && issue.input instanceof Date) return 'must be a valid Date (got Invalid Date)';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'an array' : typeof issue.input;
      return `must be ${expected} (got ${got})`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${min} item${issue.minimum === 1 ? '' : 's'}`;
      return issue.inclusive === false ? `must be > ${min}` : `must be >= ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} character${issue.maximum === 1 ? '' : 's'}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${max} item${issue.maximum === 1 ? '' : 's'}`;
      return issue.inclusive === false ? `must be < ${max}` : `must be <= ${max}`;
    }
    case 'invalid_value':
      return `must be one of ${listAllowed(issue.values)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'must be a valid email address';
      if (issue.format === 'datetime') return 'must be an ISO 8601 date-time, e.g. 2026-01-05T10:00:00Z';
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${listAllowed(issue.keys)}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return undefined;
  }
};
