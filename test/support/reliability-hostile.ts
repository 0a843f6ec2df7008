/**
 * fast-check arbitraries for hostile input: values a buggy or malicious caller could put in any
 * field of a write input (wrong types, NaN/Infinity, out-of-range numbers, huge strings, NUL,
 * lone surrogates, enum values in every case and spelling, SQL fragments, prototype-pollution
 * keys), and "mutants" of a valid input built from them.
 */
import fc from 'fast-check';

/** A field's kind: which kind-specific hostile values make sense for it. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'varchar'; max: number }
  | { kind: 'email' }
  | { kind: 'int' }
  | { kind: 'id' }
  | { kind: 'number' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly (string | number)[]; labels: readonly string[] }
  | { kind: 'date' }
  | { kind: 'timestamp' }
  | { kind: 'json' }
  | { kind: 'list' }
  | { kind: 'object' };

/** Marker: remove the key instead of setting it. */
export const DELETE = Symbol('delete the key');

export const SQL_FRAGMENTS: readonly string[] = [
  "'; drop table users; --",
  "' or '1'='1",
  '1; delete from movements',
  "Robert'); DROP TABLE workout_logs;--",
  '"; drop table "users',
  "' || (select string_agg(rolname, ',') from pg_roles) || '",
  '$1',
  '$$ language plpgsql $$',
  '?',
  '??',
  '? or 1=1',
  ':name',
  '%',
  '_',
  '%_%\\',
  '\\',
  "\\'",
  "e'\\x00'",
  '/* comment',
  '*/',
  '-- comment',
  '`rm -rf /`',
  '${process.env.PGPASSWORD}',
  "'::int",
  'null',
  'NULL',
  'undefined',
  'true',
  '0',
  'select pg_sleep(10)',
  "'; select pg_terminate_backend(pg_backend_pid()); --",
  ')::jsonb @> \'[]\' or (\'1\'=\'1',
];

/** Strings PostgreSQL or the JS<->UTF-8 boundary may treat specially. */
export const TRICKY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '  padded  ',
  'a\u0000b',
  '\u0000',
  'emoji 🏋️‍♀️ 💪🏽',
  'RTL \u202eevil\u202c',
  'zero\u200bwidth',
  'e\u0301 (combining)',
  'ＨＡＲＤ＿ＮＯ',
  'Ω≈ç√∫˜µ≤≥÷',
  '"quoted" and \'single\'',
  '{"json": "in a string"}',
  '<script>alert(1)</script>',
  'line1\nline2',
  'lone high \ud83d surrogate',
  'lone low \udc00 surrogate',
  '\ufeffBOM',
  '\uffff',
];

/** Non-string, non-number values a JS caller can pass. */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  1,
  '',
  '1',
  'true',
  [],
  [1],
  {},
  { a: 1 },
  10n,
  Symbol('s'),
  () => 1,
  new Date(Number.NaN),
  new Date('2026-01-05T00:00:00Z'),
  new Map([['a', 1]]),
  new Set([1]),
  Object.create(null) as unknown,
  new Number(3),
  new String('squat'),
  /regex/,
  Buffer.from('bytes'),
];

export const BAD_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  0,
  0.5,
  1.5,
  -1e308,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  1e21,
];

export const DATE_STRINGS: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '20260105',
  ' 2026-01-05',
  '2026-01-05 ',
  '2026-01-05T00:00:00Z',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-2026-01-05',
  '+002026-01-05',
  '2024-02-29',
  '2023-02-29',
  '1970-01-01',
  'today',
  'infinity',
  '-infinity',
  'epoch',
  'allballs',
];

export const TIMESTAMP_VALUES: readonly unknown[] = [
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(0),
  new Date(Number.NaN),
  new Date(-62_135_596_800_000), // 0001-01-01
  new Date(-62_198_755_200_000), // year 0
  '2026-01-05',
  '2026-01-05T10:00:00',
  '2026-01-05T10:00:00+14:00',
  '2026-01-05T10:00:00-12:00',
  '2026-01-05T10:00:00.123456789Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30T00:00:00Z',
  'infinity',
  'now',
  '1e10',
];

/** A nested array `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** JSON-ish values: prototype-pollution keys, deep nesting, numbers JSON cannot hold, and plain valid JSON. */
export function jsonHostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      JSON.parse('{"__proto__": {"polluted": "yes"}}'),
      JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}}'),
      JSON.parse('[{"__proto__": {"polluted": "yes"}}]'),
      { constructor: { prototype: { polluted: 'yes' } } },
      { prototype: { polluted: 'yes' } },
      JSON.parse('{"toString": "not a function", "valueOf": 1, "hasOwnProperty": null}'),
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: undefined },
      { a: 10n },
      { a: () => 1 },
      { a: new Date(0) },
      { a: 'nul \u0000 inside' },
      { 'key \u0000': 1 },
      { a: 'lone \ud800 surrogate' },
      { 'lone \udfff key': 1 },
      nested(63),
      nested(64),
      nested(65),
      nested(500),
      [1, 2, , 4], // a sparse array
      { big: 1e308, tiny: Number.MIN_VALUE, negZero: -0 },
      { "'; drop table users; --": "'; drop table users; --" },
      Object.create(null) as unknown,
      Object.assign(Object.create(null) as object, { a: 1 }),
      Object.defineProperty({}, 'secret', {
        get() {
          throw new Error('getter ran');
        },
        enumerable: true,
      }),
    ),
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'b'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  );
}

/** A very long string (100 000 to 1 000 000 characters), sometimes with a NUL or a surrogate at the end. */
export function hugeString(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(100_000, 100_001, 250_000, 1_000_000), fc.constantFrom('', '\u0000', '\ud800', "'; drop table users; --"))
    .map(([n, tail]) => 'x'.repeat(n - tail.length) + tail);
}

function cases(value: string): string[] {
  const spaced = value.replace(/_/g, ' ');
  return [
    value.toUpperCase(),
    value[0]!.toUpperCase() + value.slice(1),
    ` ${value}`,
    `${value} `,
    spaced,
    value.replace(/ /g, '_'),
    value.replace(/[_ ]/g, '-'),
    value.replace(/[_ ]/g, ''),
    `${value}\u0000`,
    `${value}s`,
    value.normalize('NFD').split('').map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0 * Number(/[a-z_]/.test(c)))).join(''),
  ];
}

/** Enum values in other cases, spellings and types, the database labels, unknown values, and valid ones. */
export function enumHostile(values: readonly (string | number)[], labels: readonly string[]): fc.Arbitrary<unknown> {
  const variants = new Set<unknown>(labels);
  for (const label of labels) variants.add(label.toLowerCase().replace(/_/g, '-'));
  for (const v of values) {
    if (typeof v === 'string') for (const c of cases(v)) variants.add(c);
    else for (const n of [String(v), v + 0.5, -v, v * 100, `${v} `]) variants.add(n);
  }
  for (const extra of ['unknown_value', 'other ', '', 'HARD_NO', 'hard_no', 'null', 0, 6, -1, Number.NaN]) variants.add(extra);
  for (const v of values) variants.delete(v); // valid values come from the second arbitrary
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...variants) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(...values) });
}

/** Any hostile value, regardless of the field. */
export function anyHostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...BAD_NUMBERS) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...SQL_FRAGMENTS) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...TRICKY_STRINGS) },
    { weight: 1, arbitrary: hugeString() },
    { weight: 2, arbitrary: jsonHostile() },
    { weight: 1, arbitrary: fc.constant<unknown>(DELETE) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  );
}

/** Hostile values that target one kind of field (plus, always, the generic ones). */
export function hostileFor(field: FieldKind): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<unknown> = (() => {
    switch (field.kind) {
      case 'text':
        return fc.oneof(fc.constantFrom<unknown>(...SQL_FRAGMENTS, ...TRICKY_STRINGS), hugeString(), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(10_000, 10_001).map((n) => 'y'.repeat(n)));
      case 'varchar':
        return fc.oneof(
          fc.constantFrom<unknown>(...SQL_FRAGMENTS, ...TRICKY_STRINGS),
          fc.constantFrom(field.max, field.max + 1).map((n) => 'v'.repeat(n)),
          fc.constantFrom(field.max, field.max + 1).map((n) => '💪'.repeat(n)),
          fc.constantFrom(field.max).map((n) => ` ${'p'.repeat(n)} `),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        );
      case 'email':
        return fc.constantFrom<unknown>(
          'a@b.co',
          ' spaced@example.com ',
          "o'reilly@example.com",
          'x@y',
          '@example.com',
          'plain',
          `${'l'.repeat(250)}@example.com`,
          "'; drop table users; --@example.com",
          'nul\u0000@example.com',
          'ÜNÏCÖDÉ@example.com',
        );
      case 'int':
      case 'id':
        return fc.oneof(fc.constantFrom<unknown>(...BAD_NUMBERS), fc.integer(), fc.constantFrom<unknown>('1', '01', 1n, 2147483647, 2147483648, 999_999));
      case 'number':
        return fc.oneof(fc.constantFrom<unknown>(...BAD_NUMBERS), fc.double(), fc.constantFrom<unknown>('1.5', '1e3'));
      case 'bool':
        return fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes', null, 'TRUE', new Boolean(false));
      case 'enum':
        return enumHostile(field.values, field.labels);
      case 'date':
        return fc.oneof(fc.constantFrom<unknown>(...DATE_STRINGS), fc.date({ noInvalidDate: false }));
      case 'timestamp':
        return fc.oneof(fc.constantFrom<unknown>(...TIMESTAMP_VALUES), fc.date({ noInvalidDate: false }));
      case 'json':
        return jsonHostile();
      case 'list':
        return fc.oneof(
          fc.constantFrom<unknown>([null], [''], ['  '], ['a\u0000'], ['x'.repeat(101)], Array.from({ length: 101 }, (_, i) => `t${i}`), ['DUP', 'dup'], [1, 2], [[]], [{}], "['a']", '[]'),
          jsonHostile(),
          fc.array(fc.constantFrom<unknown>(...SQL_FRAGMENTS, ...TRICKY_STRINGS), { maxLength: 4 }),
        );
      case 'object':
        return fc.oneof(jsonHostile(), fc.constantFrom<unknown>([], 'object', { unknownKey: 1 }));
    }
  })();
  return fc.oneof({ weight: 3, arbitrary: specific }, { weight: 2, arbitrary: anyHostile() });
}

export type Path = readonly (string | number)[];

/** One change to a valid input. */
export type Mutation =
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'addKey'; path: Path; key: string; value: unknown }
  | { op: 'replaceWhole'; value: unknown };

/** Keys that are not in any input: typos, prototype keys, SQL, empty. */
export const EXTRA_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'userId', 'id', 'user_id', 'notse', '', ' ', "'; drop table users; --", 'toString', 'hasOwnProperty', 'e1rmValue'];

/**
 * Mutants of an input: one to three field mutations (each field gets values that target its
 * kind), an extra key at the root or in a nested object, or a hostile value instead of the whole
 * input.
 */
export function mutations(fields: readonly { path: Path; kind: FieldKind }[], objectPaths: readonly Path[] = [[]]): fc.Arbitrary<Mutation[]> {
  const setOne = fc.constantFrom(...fields).chain((f) => hostileFor(f.kind).map((value): Mutation => ({ op: 'set', path: f.path, value })));
  const addKey = fc
    .tuple(fc.constantFrom(...objectPaths), fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 })), anyHostile())
    .map(([path, key, value]): Mutation => ({ op: 'addKey', path, key, value }));
  const whole = fc
    .oneof(fc.constantFrom<unknown>(...WRONG_TYPES), jsonHostile(), fc.constantFrom<unknown>(...SQL_FRAGMENTS))
    .map((value): Mutation => ({ op: 'replaceWhole', value }));
  return fc.oneof(
    { weight: 10, arbitrary: setOne.map((m) => [m]) },
    { weight: 3, arbitrary: fc.array(setOne, { minLength: 2, maxLength: 3 }) },
    { weight: 2, arbitrary: addKey.map((m) => [m]) },
    { weight: 1, arbitrary: whole.map((m) => [m]) },
  );
}

function container(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>) : undefined;
}

/** Applies mutations to a deep copy of `base` (hostile values themselves are not copied). */
export function applyMutations(base: unknown, list: readonly Mutation[]): unknown {
  let input: unknown = structuredClone(base);
  for (const m of list) {
    if (m.op === 'replaceWhole') {
      input = m.value;
      continue;
    }
    if (m.op === 'addKey') {
      const target = container(input, m.path);
      // defineProperty: a plain `target['__proto__'] = v` would set the prototype, not add an own key.
      if (target) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const target = container(input, m.path.slice(0, -1));
    const key = m.path[m.path.length - 1]!;
    if (!target) continue;
    // Reflect: a mutation into a place that cannot take it (an index of a boxed String set by an
    // earlier mutation, a frozen value) changes nothing instead of throwing in the test itself.
    if (m.value === DELETE) Reflect.deleteProperty(target, key);
    else Reflect.set(target, key, m.value);
  }
  return input;
}

/** Short, printable description of a value (huge strings cut, never throws). */
export function describeValue(value: unknown): string {
  try {
    if (value === DELETE) return '<deleted>';
    if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} chars)` : JSON.stringify(value);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol' || typeof value === 'function') return String(value);
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
    if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
    const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (json === undefined) return String(value);
    return json.length > 80 ? `${json.slice(0, 80)}…` : json;
  } catch {
    return '<unprintable>';
  }
}

export function describeMutations(list: readonly Mutation[]): string {
  return list
    .map((m) => (m.op === 'set' ? `${m.path.join('.')} = ${describeValue(m.value)}` : m.op === 'addKey' ? `+${[...m.path, m.key].join('.')} = ${describeValue(m.value)}` : `whole input = ${describeValue(m.value)}`))
    .join('; ');
}

/** A snapshot of the built-in prototypes' own keys, to detect pollution. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join('|');
}
