// Plain rows of any table, built by PostgreSQL from the entity metadata: the rows form of every
// read (docs/rows.md). One statement per read whatever is included: each included relation is a
// `json_agg` (one-to-many) or `json_build_object` (many-to-one) subquery of the row's JSON, so a page
// of 50 workouts with their top sets is one round trip, not 51. The keys are the entity's property
// names (relations as `<name>Id`), so the row types in src/schemas/rows, which a test checks against
// this metadata, describe exactly what is returned.
import { sql, type RawBuilder } from 'kysely';
import type { EntityMetadata, EntityName, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GainslyValidationError } from '../schemas/errors.js';
import { executeBound, namedStatement, type NamedStatement } from './bound-query.js';
import { PgEnumType } from './pg-enum-type.js';
import { StoredEnumStringType, StoredJsonType } from './columns.js';
import { parsedJson, storedLabel, storedValueError } from './stored-values.js';
import { GainslyError } from './errors.js';

/** How one key of a row is decoded from the JSON PostgreSQL built. */
type Decode = (row: Record<string, unknown>, table: string) => void;

/** What the engine knows of one entity: its row's keys and columns, and the keys that need decoding. */
interface RowPlan {
  readonly meta: EntityMetadata;
  readonly table: string;
  /** Row key → column, in property order. */
  readonly columns: readonly (readonly [key: string, column: string])[];
  readonly decoders: readonly Decode[];
}

const PLANS = new WeakMap<EntityMetadata, RowPlan>();

/** The row key of a property: its name, or `<name>Id` for a relation that owns its foreign key. */
function rowKey(prop: EntityProperty): string | undefined {
  if (prop.kind === 'scalar') return prop.name;
  if ((prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner)) && prop.fieldNames?.length === 1) return `${prop.name}Id`;
  return undefined;
}

function decoderOf(prop: EntityProperty, key: string, column: string): Decode | undefined {
  const type = prop.customType;
  if (type instanceof PgEnumType) {
    const codec = type.codec;
    return (row, table) => {
      const label = row[key];
      if (label != null) row[key] = storedLabel(codec, label, { table, column, rowId: row.id as number });
    };
  }
  if (type instanceof StoredEnumStringType) {
    const codec = type.codec;
    return (row, table) => {
      const value = row[key];
      if (value != null && !codec.is(value)) throw storedValueError({ table, column, rowId: row.id as number }, value, `a ${codec.name} value (${codec.values.join(', ')})`);
    };
  }
  if (type instanceof StoredJsonType) {
    const shape = type.shape;
    return (row, table) => {
      const value = row[key] ?? null;
      if (!shape.fits(value)) throw storedValueError({ table, column, rowId: row.id as number }, value, shape.expected);
      row[key] = value;
    };
  }
  if (prop.runtimeType === 'Date') {
    // PostgreSQL writes a naive timestamp as `2026-01-06T10:00:00.123456`: UTC, as the database stores
    // them (docs/upstream.md); a BC or infinite one is not a Date.
    return (row, table) => {
      const value = row[key];
      if (value == null) return;
      // `infinity` and `… BC` make an Invalid Date, refused below.
      const date = typeof value === 'string' ? new Date(`${value}Z`) : undefined;
      if (date === undefined || Number.isNaN(date.getTime())) throw storedValueError({ table, column, rowId: row.id as number }, value, 'a timestamp of the years 1 to 9999');
      row[key] = date;
    };
  }
  return undefined;
}

/** The row plan of an entity, made once from its metadata. */
export function rowPlan(meta: EntityMetadata): RowPlan {
  let plan = PLANS.get(meta);
  if (plan) return plan;
  const columns: (readonly [string, string])[] = [];
  const decoders: Decode[] = [];
  for (const prop of meta.props) {
    const key = rowKey(prop);
    if (key === undefined || prop.persist === false) continue;
    const column = prop.fieldNames[0]!;
    columns.push([key, column]);
    const decode = decoderOf(prop, key, column);
    if (decode) decoders.push(decode);
  }
  plan = Object.freeze({ meta, table: meta.tableName, columns: Object.freeze(columns), decoders: Object.freeze(decoders) });
  PLANS.set(meta, plan);
  return plan;
}

/** The row keys of an entity, in property order (what its row schema must list). */
export function rowKeys(meta: EntityMetadata): string[] {
  return rowPlan(meta).columns.map(([key]) => key);
}

/**
 * The `order by` of an included one-to-many relation: its `orderBy` in the entity metadata, then
 * `id`, so nested lists come in a fixed order.
 */
function childOrder(prop: EntityProperty, target: EntityMetadata, alias: string): RawBuilder<unknown> {
  const orderBy = (Array.isArray(prop.orderBy) ? prop.orderBy : prop.orderBy ? [prop.orderBy] : []) as Record<string, string>[];
  const terms: RawBuilder<unknown>[] = [];
  for (const entry of orderBy) {
    for (const [name, direction] of Object.entries(entry)) {
      const column = target.properties[name as never]?.fieldNames?.[0] as string | undefined;
      if (column === undefined || column === 'id') continue;
      terms.push(sql`${sql.ref(`${alias}.${column}`)} ${sql.raw(String(direction).toLowerCase().startsWith('desc') ? 'desc' : 'asc')}`);
    }
  }
  terms.push(sql`${sql.ref(`${alias}.id`)}`);
  return sql.join(terms);
}

/** One included relation: its property and, for its own rows, what they include in turn. */
export interface RowInclude {
  readonly relation: string;
  readonly include?: readonly RowInclude[];
}

/**
 * The JSON of one row of `meta` under `alias`, with the included relations nested under their
 * property names (a list for one-to-many, a row or `null` for many-to-one). `depth` names the
 * subqueries' aliases apart.
 */
export function rowJson(meta: EntityMetadata, alias: string, include: readonly RowInclude[] = [], depth = 0): RawBuilder<unknown> {
  const plan = rowPlan(meta);
  const entries: RawBuilder<unknown>[] = plan.columns.map(([key, column]) => sql`${sql.lit(key)}, ${sql.ref(`${alias}.${column}`)}`);
  include.forEach((inc, i) => {
    const prop = meta.properties[inc.relation as never] as EntityProperty | undefined;
    if (!prop) throw new GainslyError(`rows: ${meta.className} has no relation ${inc.relation}`);
    const target = prop.targetMeta!;
    const child = `r${depth}_${i}`;
    const childJson = rowJson(target, child, inc.include, depth + 1);
    const from = sql`${sql.table(target.tableName)} as ${sql.table(child)}`;
    if (prop.kind === '1:m') {
      const fk = target.properties[prop.mappedBy as never]!.fieldNames[0]!;
      entries.push(
        sql`${sql.lit(inc.relation)}, coalesce((select json_agg(${childJson} order by ${childOrder(prop, target, child)}) from ${from} where ${sql.ref(`${child}.${fk}`)} = ${sql.ref(`${alias}.id`)}), '[]'::json)`,
      );
    } else if (prop.kind === '1:1' && !prop.owner) {
      // The other table holds the key (`user_settings.user_id`).
      const fk = target.properties[prop.mappedBy as never]!.fieldNames[0]!;
      entries.push(sql`${sql.lit(inc.relation)}, (select ${childJson} from ${from} where ${sql.ref(`${child}.${fk}`)} = ${sql.ref(`${alias}.id`)} order by ${sql.ref(`${child}.id`)} limit 1)`);
    } else {
      const fk = prop.fieldNames[0]!;
      entries.push(sql`${sql.lit(inc.relation)}, (select ${childJson} from ${from} where ${sql.ref(`${child}.id`)} = ${sql.ref(`${alias}.${fk}`)})`);
    }
  });
  return sql`json_build_object(${sql.join(entries)})`;
}

/** Decodes one row (and its included rows) in place: enum labels to values, stored shapes checked, timestamps to `Date`. */
export function decodeRow(meta: EntityMetadata, row: Record<string, unknown>, include: readonly RowInclude[] = []): void {
  const plan = rowPlan(meta);
  for (const decode of plan.decoders) decode(row, plan.table);
  for (const inc of include) {
    const prop = meta.properties[inc.relation as never] as EntityProperty;
    const target = prop.targetMeta!;
    const nested = row[inc.relation];
    if (Array.isArray(nested)) for (const child of nested) decodeRow(target, child as Record<string, unknown>, inc.include);
    else if (nested != null) decodeRow(target, nested as Record<string, unknown>, inc.include);
  }
}

/** One term of a list's order: a row key, its SQL expression over the row's alias `t`, and the type its cursor value is cast to. */
export interface OrderTerm {
  readonly sql: RawBuilder<unknown>;
  readonly cast: 'date' | 'int4' | 'timestamp';
}

/** A list of rows: which entity, where (conditions over alias `t`, with named parameters), in which order. */
export interface RowList<P extends Record<string, unknown>> {
  /** Names the list in its cursors, so a cursor of another list is refused. */
  readonly name: string;
  /** Tells the statements of one list apart (which optional conditions it has). */
  readonly shape?: string;
  readonly entity: EntityName<object>;
  readonly where: (p: { readonly [K in keyof P]: P[K] }) => RawBuilder<unknown>[];
  /** Every term in one direction (a row comparison); the last one unique (`t.id`). */
  readonly order: readonly OrderTerm[];
  readonly direction: 'asc' | 'desc';
}

interface CursorParams {
  limit: number;
  c0?: unknown;
  c1?: unknown;
  c2?: unknown;
}

const STATEMENTS = new Map<string, NamedStatement<Record<string, unknown>, { row: Record<string, unknown>; cursor: unknown[] }>>();

function listStatement<P extends Record<string, unknown>>(meta: EntityMetadata, list: RowList<P>, include: readonly RowInclude[], paged: boolean, key: string) {
  let statement = STATEMENTS.get(key);
  if (statement) return statement;
  statement = namedStatement<Record<string, unknown>, { row: Record<string, unknown>; cursor: unknown[] }>((p) => {
    const where = [...list.where(p as never)];
    if (paged) {
      const names = ['c0', 'c1', 'c2'] as const;
      const values = list.order.map((term, i) => sql`${p[names[i]!]}::${sql.raw(term.cast)}`);
      where.push(sql`(${sql.join(list.order.map((term) => term.sql))}) ${sql.raw(list.direction === 'asc' ? '>' : '<')} (${sql.join(values)})`);
    }
    const direction = sql.raw(list.direction);
    return sql`select ${rowJson(meta, 't', include)} as row, json_build_array(${sql.join(list.order.map((term) => term.sql))}) as cursor
  from ${sql.table(meta.tableName)} as t
 where ${sql.join(where, sql` and `)}
 order by ${sql.join(list.order.map((term) => sql`${term.sql} ${direction}`))}
 limit ${p.limit}`;
  });
  STATEMENTS.set(key, statement as never);
  return statement;
}

/** The page size of a list called without `limit`. */
export const DEFAULT_PAGE_SIZE = 100;

/** Encodes a page's last sort values, with the list's name, as an opaque URL-safe cursor. */
export function encodeCursor(name: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([name, ...values]), 'utf8').toString('base64url');
}

/**
 * The sort values of a cursor {@link encodeCursor} made for the list `name` (`terms` of them, each
 * of its kind when `kinds` is given); anything else, a cursor of another list included, is a
 * `GainslyValidationError` on `after` of the input `input` (the name its other options are checked
 * under; `ListOptions` when not given).
 */
export function decodeCursor(
  name: string,
  cursor: string,
  terms: number,
  { kinds, input = 'ListOptions' }: { readonly kinds?: readonly ('string' | 'number')[]; readonly input?: string | undefined } = {},
): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed[0] !== name || parsed.length !== terms + 1 || !parsed.slice(1).every((v, i) => (kinds ? typeof v === kinds[i] : typeof v === 'string' || typeof v === 'number'))) {
    throw new GainslyValidationError([{ path: ['after'], message: `must be a nextCursor this list (${name}) returned`, received: cursor }], input);
  }
  return parsed.slice(1);
}

/**
 * One page of a list's rows: at most `limit`, after the row `after` (a `nextCursor` the same list
 * returned) in the list's order; `nextCursor` is `null` on the last page. One statement; `limit + 1`
 * rows are read to tell whether another page follows.
 */
export async function pageOfRows<R, P extends Record<string, unknown>>(
  em: EntityManager,
  list: RowList<P>,
  params: P,
  options: { readonly limit: number; readonly after?: string | undefined; readonly include?: readonly RowInclude[]; readonly input?: string },
): Promise<{ items: R[]; nextCursor: string | null }> {
  const include = options.include ?? [];
  const paged = options.after !== undefined;
  const meta = em.getMetadata().get(list.entity);
  const key = `${meta.className}|${list.name}|${list.shape ?? ''}|${JSON.stringify(include)}|${paged}`;
  const statement = listStatement(meta, list, include, paged, key);
  const values: Record<string, unknown> & CursorParams = { ...params, limit: options.limit + 1 };
  if (paged) decodeCursor(list.name, options.after!, list.order.length, { input: options.input }).forEach((value, i) => (values[`c${i}`] = value));
  const rows = await executeBound(em, statement.bind(values));
  const more = rows.length > options.limit;
  const page = more ? rows.slice(0, options.limit) : rows;
  const items = page.map(({ row }) => {
    const parsed = parsedJson(row) as Record<string, unknown>;
    decodeRow(meta, parsed, include);
    return parsed as R;
  });
  const last = page[page.length - 1];
  const cursor = last ? (parsedJson(last.cursor) as unknown[]) : [];
  return { items, nextCursor: more ? encodeCursor(list.name, cursor) : null };
}

/** A single row by a statement's conditions (over alias `t`), or `undefined`. */
const SINGLE = new Map<string, NamedStatement<Record<string, unknown>, { row: Record<string, unknown> }>>();

/**
 * The first row of `entity` matching `where` (conditions over alias `t`), with its included
 * relations, decoded; `undefined` when none matches. `key` names the statement's shape.
 */
export async function oneRow<R, P extends Record<string, unknown>>(
  em: EntityManager,
  entity: EntityName<object>,
  key: string,
  where: (p: { readonly [K in keyof P]: P[K] }) => RawBuilder<unknown>[],
  params: P,
  include: readonly RowInclude[] = [],
): Promise<R | undefined> {
  const meta = em.getMetadata().get(entity);
  const full = `${meta.className}|${key}|${JSON.stringify(include)}`;
  let statement = SINGLE.get(full);
  if (!statement) {
    statement = namedStatement<Record<string, unknown>, { row: Record<string, unknown> }>(
      (p) => sql`select ${rowJson(meta, 't', include)} as row from ${sql.table(meta.tableName)} as t where ${sql.join(where(p as never), sql` and `)} limit 1`,
    );
    SINGLE.set(full, statement);
  }
  const rows = await executeBound(em, statement.bind(params));
  const row = rows[0]?.row;
  if (row == null) return undefined;
  const parsed = parsedJson(row) as Record<string, unknown>;
  decodeRow(meta, parsed, include);
  return parsed as R;
}
