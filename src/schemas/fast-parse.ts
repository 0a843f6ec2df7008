// A plain-JavaScript pass over a zod schema for the input that is valid, beside zod's own parse
// for the input that is not. A hot call with many fields (logging a workout with its top sets)
// spent a large share of its client time in zod (docs/performance.md, "Input validation"): zod
// builds a payload, a context and wrapper results per field. This pass walks the same schema
// instances, runs the same checks (every refinement and `superRefine` of the library's schemas,
// with zod's own check functions), and builds the same output; at the first doubt it gives up and
// zod parses the input from scratch, so every error still comes from zod, worded by the library's
// error map. It supports the node types the library's input schemas use and refuses to compile
// any other (a transform, a union, a pipe): those schemas always go through zod. Objects, arrays
// and checks are written out as code per schema, as zod's own parse does for objects (`byCode`),
// with plain loops where the runtime forbids that.
//
// Zod-free at run time (it reads zod 4's core internals of each instance: `_zod.def`,
// `_zod.check`), so the root entry can use it without loading zod. test/unit/fast-parse.test.ts
// checks it, both ways, against zod's parse on generated inputs for every schema the library
// validates with.
import type * as z from 'zod';

/**
 * What {@link fastParse} returns when zod must decide.
 * @example
 * ```ts
 * fastParse(idSchema, 0) === UNDECIDED; // true: zod reports "must be >= 1"
 * ```
 * @internal
 */
export const UNDECIDED: unique symbol = Symbol('undecided');

type Fast = (value: unknown) => unknown;
type Internals = z.core.$ZodType['_zod'];
type Check = { _zod: { def: { when?: (payload: z.core.ParsePayload) => boolean }; check: (payload: z.core.ParsePayload) => unknown } };

const compiled = new WeakMap<object, Fast | null>();
const compiledByLoop = new WeakMap<object, Fast | null>();

/** Whether objects, arrays and checks may be written out as code (see byCode): set by {@link parseCompiled} while it compiles. */
let generateCode = true;

/**
 * The output zod's `parse` would give for `value`, when `value` passes every rule of `schema`;
 * {@link UNDECIDED} when it may not (or when the schema has a part this pass does not support).
 * @example
 * ```ts
 * const data = fastParse(logWorkoutInputSchema, input);
 * if (data === UNDECIDED) logWorkoutInputSchema.parse(input); // zod decides, and words the errors
 * ```
 * @internal
 */
export function fastParse(schema: z.ZodType, value: unknown): unknown {
  return parseCompiled(compiled, true, schema, value);
}

/**
 * {@link fastParse} with objects, arrays and checks parsed by the loops that run where code cannot
 * be generated, so the tests check that path against zod too.
 * @example
 * ```ts
 * fastParseByLoop(logWorkoutInputSchema, input); // the same output as fastParse
 * ```
 * @internal
 */
export function fastParseByLoop(schema: z.ZodType, value: unknown): unknown {
  return parseCompiled(compiledByLoop, false, schema, value);
}

/** Parses with `schema`'s pass from `cache`, compiled on first use with or without generated code. */
function parseCompiled(cache: WeakMap<object, Fast | null>, code: boolean, schema: z.ZodType, value: unknown): unknown {
  let fast = cache.get(schema);
  if (fast === undefined) {
    generateCode = code;
    try {
      fast = compile(schema);
    } finally {
      generateCode = true;
    }
    cache.set(schema, fast);
  }
  return fast === null ? UNDECIDED : fast(value);
}

/** `typeof`, as zod's `isObject` tests it: an object, not null, not an array. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compile(schema: z.ZodType): Fast | null {
  const zod = (schema as unknown as { _zod?: Internals })._zod;
  if (!zod) return null;
  const base = compileBase(zod);
  if (base === null) return null;
  // A schema that is a check itself (a string format such as z.iso.date(), z.int()) runs first, as
  // zod's $ZodType.init puts it first.
  const checks = [...(zod.traits.has('$ZodCheck') ? [schema] : []), ...(zod.def.checks ?? [])] as unknown as Check[];
  if (checks.length === 0) return base;
  return checksByCode(base, checks) ?? checksByLoop(base, checks);
}

/** The schema's checks after its base, as zod's runChecks on a payload without issues, in one loop. */
function checksByLoop(base: Fast, checks: readonly Check[]): Fast {
  return (value) => {
    const parsed = base(value);
    if (parsed === UNDECIDED) return UNDECIDED;
    // Every check runs unless its `when` says no; a check may replace the value (an overwrite
    // such as trim).
    const payload: z.core.ParsePayload = { value: parsed, issues: [] };
    for (const check of checks) {
      const { when } = check._zod.def;
      if (when && !when(payload)) continue;
      const result = check._zod.check(payload);
      if (result instanceof Promise) return UNDECIDED;
      if (payload.issues.length !== 0) return UNDECIDED;
    }
    return payload.value;
  };
}

/** {@link checksByLoop} written out for these checks (see {@link byCode}). */
function checksByCode(base: Fast, checks: readonly Check[]): Fast | undefined {
  const steps = checks.map(
    (check, i) => `${check._zod.def.when ? `if (w${i}(payload)) ` : ''}{ result = c${i}.call(z${i}, payload); if (result instanceof Promise || payload.issues.length !== 0) return U; }`,
  );
  return byCode(
    { base, ...Object.fromEntries(checks.flatMap((check, i) => [[`w${i}`, check._zod.def.when], [`c${i}`, check._zod.check], [`z${i}`, check._zod]])) },
    `function parseChecked(value) {
  const parsed = base(value);
  if (parsed === U) return U;
  const payload = { value: parsed, issues: [] };
  let result;
  ${steps.join('\n  ')}
  return payload.value;
}`,
  );
}

/**
 * A parser written out as code for one schema, from `source` (a function expression) and the
 * values it names (`U` is {@link UNDECIDED}): each key is read and written by name and each part's
 * parser is called from a place of its own. Closures shared by every schema call dozens of
 * parsers from one place and read keys of many shapes there, which V8 cannot optimize: on
 * logWorkout that was the largest item of the library's client time (docs/performance.md,
 * "Input validation"). `undefined`, and the loops run, where the runtime forbids code from strings
 * (a Content Security Policy, `--disallow-code-generation-from-strings`) or zod is told not to
 * generate code either (`z.config({ jitless: true })`: a strict CSP reports a refused
 * `new Function` even when it is caught), and inside {@link fastParseByLoop}.
 */
function byCode(values: Record<string, unknown>, source: string): Fast | undefined {
  // zod keeps its settings here (zod/v4/core's globalConfig): read without loading zod.
  if (!generateCode || (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless === true) return undefined;
  const names = Object.keys(values);
  try {
    const make = new Function('U', ...names, `"use strict";\nreturn ${source};`) as (...args: unknown[]) => Fast;
    return make(UNDECIDED, ...names.map((name) => values[name]));
  } catch {
    return undefined;
  }
}

function compileBase(zod: Internals): Fast | null {
  const def = zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if ((def as { coerce?: boolean }).coerce) return null;
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : UNDECIDED);
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : UNDECIDED);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : UNDECIDED);
    case 'custom':
      // z.custom(): the value as given; its predicate is the schema's own check (see compile).
      return (value) => value;
    case 'null':
      return (value) => (value === null ? null : UNDECIDED);
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (!values) return null;
      return (value) => (values.has(value as never) ? value : UNDECIDED);
    }
    case 'nullable': {
      const inner = compile(def.innerType as z.ZodType);
      if (inner === null) return null;
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      const innerType = def.innerType as z.ZodType;
      // `.exactOptional()` refuses undefined; an optional default substitutes its value: neither is used here.
      if (zod.traits.has('$ZodExactOptional') || innerType._zod.optin === 'defaulted') return null;
      const inner = compile(innerType);
      if (inner === null) return null;
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'default': {
      const inner = compile(def.innerType as z.ZodType);
      if (inner === null) return null;
      // `defaultValue` is a getter that returns a fresh copy, as zod hands it out.
      return (value) => (value === undefined ? (def as unknown as z.core.$ZodDefaultDef).defaultValue : inner(value));
    }
    case 'array': {
      const element = compile(def.element as z.ZodType);
      if (element === null) return null;
      return arrayByCode(element) ?? arrayByLoop(element);
    }
    case 'object':
      return compileObject(def as unknown as z.core.$ZodObjectDef);
    default:
      return null;
  }
}

/** An array whose every element `element` parses, in a closure shared by every array schema. */
function arrayByLoop(element: Fast): Fast {
  return (value) => {
    if (!Array.isArray(value)) return UNDECIDED;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === UNDECIDED) return UNDECIDED;
      out[i] = item;
    }
    return out;
  };
}

/** {@link arrayByLoop} written out for this element's parser (see {@link byCode}). */
function arrayByCode(element: Fast): Fast | undefined {
  return byCode(
    { element },
    `function parseArray(value) {
  if (!Array.isArray(value)) return U;
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = element(value[i]);
    if (item === U) return U;
    out[i] = item;
  }
  return out;
}`,
  );
}

/** One key of an object schema: how its value is parsed and when the output gets the key. */
interface Field {
  key: string;
  parse: Fast;
  /** `undefined`: required; `'optional'`, `'defaulted'`: zod's `optin`. */
  optin: 'optional' | 'defaulted' | undefined;
  optionalOut: boolean;
}

function compileObject(def: z.core.$ZodObjectDef): Fast | null {
  const shape = def.shape as Record<string, z.ZodType>;
  if (Object.getOwnPropertySymbols(shape).length !== 0) return null;
  // No catchall: unknown keys are dropped. `z.never()` (a strict object): any unknown key fails.
  // `z.unknown()` (a loose object): unknown keys are copied as they are.
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== undefined && catchall !== 'never' && catchall !== 'unknown') return null;
  const fields: Field[] = [];
  for (const key of Object.keys(shape)) {
    // zod never copies a declared `__proto__` into its output.
    if (key === '__proto__') return null;
    const schema = shape[key]!;
    const parse = compile(schema);
    if (parse === null) return null;
    const optin = schema._zod.optin;
    fields.push({ key, parse, optin, optionalOut: schema._zod.optout === 'optional' });
  }
  const keys = new Set(fields.map((f) => f.key));
  // zod walks `for...in` (inherited enumerable keys too): a strict object reports any key outside
  // the shape, a loose one copies it, except `__proto__` (its handleCatchall).
  const rest =
    catchall === undefined
      ? undefined
      : (value: Record<string, unknown>, out: Record<string, unknown>): unknown => {
          for (const key in value) {
            if (keys.has(key)) continue;
            if (catchall === 'never') return UNDECIDED;
            if (key !== '__proto__') out[key] = value[key];
          }
          return out;
        };
  return objectByCode(fields, rest) ?? objectByLoop(fields, rest);
}

type Rest = ((value: Record<string, unknown>, out: Record<string, unknown>) => unknown) | undefined;

/**
 * What zod's object parse does for each key of the shape, on values that pass (its
 * handlePropertyResult), as one loop over the fields: where code cannot be generated.
 */
function objectByLoop(fields: readonly Field[], rest: Rest): Fast {
  return (value) => {
    if (!isObject(value)) return UNDECIDED;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      // `in` sees inherited keys, as zod's does. A key whose value is not undefined is there, so
      // `in` is asked only of the others.
      const item = value[field.key];
      const present = item !== undefined || field.key in value;
      if (!present && field.optin === 'optional' && field.optionalOut) continue;
      if (!present && field.optin === undefined) return UNDECIDED;
      const parsed = field.parse(item);
      if (parsed === UNDECIDED) return UNDECIDED;
      if (parsed !== undefined || present || (field.optin === 'defaulted' && !field.optionalOut)) out[field.key] = parsed;
    }
    return rest === undefined ? out : rest(value, out);
  };
}

/** {@link objectByLoop} written out for this shape (see {@link byCode}). */
function objectByCode(fields: readonly Field[], rest: Rest): Fast | undefined {
  const lines = fields.map((field, i) => {
    const key = JSON.stringify(field.key);
    // The key is absent: skipped, refused, or its parser decides (a default, an optional inner).
    const absent =
      field.optin === 'optional' && field.optionalOut
        ? ''
        : field.optin === undefined
          ? 'return U;'
          : `parsed = p${i}(undefined); if (parsed === U) return U; ${field.optin === 'defaulted' && !field.optionalOut ? '' : 'if (parsed !== undefined) '}out[${key}] = parsed;`;
    return `item = value[${key}];
  if (item !== undefined || ${key} in value) { parsed = p${i}(item); if (parsed === U) return U; out[${key}] = parsed; } else { ${absent} }`;
  });
  return byCode(
    { rest, ...Object.fromEntries(fields.map((field, i) => [`p${i}`, field.parse])) },
    `function parseObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return U;
  const out = {};
  let item, parsed;
  ${lines.join('\n  ')}
  return rest === undefined ? out : rest(value, out);
}`,
  );
}
