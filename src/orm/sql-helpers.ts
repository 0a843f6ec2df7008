// SQL helpers for statements over whole tables by name: the admin tools (doctor, adopt, audit,
// import) and a user's data as a whole (modules/user-data.ts). Nothing here builds SQL from input
// values: identifiers come from the library's own tables and lists and are quoted; values are bound
// by the one executor (bound-query.ts).
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AnyEntityManager, AnyMikroORM } from './context.js';
import { executeBound, questionMarks } from './bound-query.js';

/** Runs one SQL statement, each `?` one value (bound server-side, see `questionMarks`), and returns its rows. @internal */
export type SqlRunner = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * A runner inside an entity manager's transaction (or on its connection when it has none).
 * @internal
 */
export function emRunner(em: EntityManager): SqlRunner {
  // Through the library's one executor (orm/bound-query.ts): the values are bound server-side, the
  // statement joins the em's transaction, is logged, and its errors are the library's typed ones.
  return async (sql, params = []) => executeBound<Record<string, unknown>>(em, questionMarks(sql, params));
}

/**
 * The advisory-lock key (for `pg_advisory_xact_lock(hashtext(key))`) that serialises the library's
 * bulk writers of one table: the importer of that table and, for `movements`, `loadStarterCatalog`,
 * so two of them never insert the same natural key side by side. @internal
 */
export function tableWriteLockKey(table: string): string {
  return `gainsly:import:${table}`;
}

/**
 * Quotes an identifier for SQL: `"movements"`, `"a""b"`.
 * @internal
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."table"`. @internal */
export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** A JS value from a bigint / numeric column (node-postgres returns strings for int8). @internal */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** A JS array from an `int[]` column (node-postgres parses it; a text form `{1,2}` is read too). @internal */
export function parseIntArray(value: unknown): number[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.map(toNumber);
  const text = String(value);
  return text.startsWith('{') ? text.slice(1, -1).split(',').filter(Boolean).map(Number) : [];
}

/**
 * An ORM or an entity manager: admin functions that can join a caller's transaction take either.
 *
 * @example
 * ```ts
 * await em.transactional((tx) => importMovements(tx, data)); // inside the caller's transaction
 * await importMovements(orm, data);                          // its own transaction
 * ```
 */
// Any MikroORM / EntityManager a framework hands out (core's, SqlEntityManager, readonly generics).
export type OrmOrEm = AnyMikroORM | AnyEntityManager;

/**
 * The entity manager to work with: a fork of an ORM's global one, or the caller's own (so work joins
 * its transaction, if any).
 * @internal
 */
export function toEm(target: OrmOrEm): EntityManager {
  if ('em' in target && 'config' in target && typeof (target as MikroORM).close === 'function') return (target as unknown as MikroORM).em.fork();
  return target as unknown as EntityManager;
}

/** The schema an ORM or entity manager is configured with, default `public`. @internal */
export function schemaOf(target: OrmOrEm, schema?: string): string {
  if (schema) return schema;
  const configured = (target as { config: { get(key: string): unknown } }).config.get('schema');
  return typeof configured === 'string' && configured ? configured : 'public';
}
