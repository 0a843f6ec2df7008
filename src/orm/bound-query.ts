import { CompiledQuery } from 'kysely';
import type { EntityManager } from '@mikro-orm/core';
import { currentRoute } from './replicas.js';

/** The parts of MikroORM's SQL connection this module uses (`executeQuery` is protected: it logs). */
interface SqlConnection {
  ensureConnection(): Promise<void>;
  getClient(): { executeQuery<R>(query: CompiledQuery): Promise<{ rows: R[] }> };
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: Record<string, unknown>): Promise<T>;
}

/**
 * A statement written with `?` placeholders, numbered for the server (`$1`, `$2`, …) once: each
 * `?` is one parameter, in order. The text must not use `?` for anything else (no jsonb `?`
 * operator, no `?` in a string literal): the statements passed here are the library's own.
 * @internal
 */
export interface BoundStatement {
  /** The statement as logged (with `?`). */
  readonly sql: string;
  /** The statement as sent (with `$n`). */
  readonly text: string;
  /** How many values it takes. */
  readonly parameters: number;
}

/** Numbers the `?` placeholders of `sql` (see {@link BoundStatement}). @internal */
export function boundStatement(sql: string): BoundStatement {
  let parameters = 0;
  const text = sql.replace(/\?/g, () => `$${++parameters}`);
  return { sql, text, parameters };
}

/**
 * Runs one statement with its values bound as server-side parameters (the extended protocol),
 * through the EntityManager: in its transaction when it has one, logged like every ORM query, and
 * with database errors translated as `em.execute` translates them (typed, password scrubbed).
 *
 * Why not `em.execute`: MikroORM inlines the values into the SQL text on the client (escaped), so
 * the server gets a plain simple-protocol query. On the read models' JSON-building statements that
 * measured 1.0–1.4 ms slower per call than the same statement with bound parameters, as much as
 * the statement itself; and values that travel as parameters never become SQL text at all.
 * @internal
 */
export async function executeBound<T>(em: EntityManager, statement: BoundStatement | string, params: readonly unknown[]): Promise<T[]> {
  const bound = typeof statement === 'string' ? boundStatement(statement) : statement;
  if (params.length !== bound.parameters) {
    throw new Error(`executeBound: the statement takes ${bound.parameters} values, ${params.length} given`);
  }
  const context = em.getContext(false);
  const driver = context.getDriver();
  const transaction = context.getTransactionContext<ReturnType<SqlConnection['getClient']>>();
  // Outside a transaction, a library read routed to a replica runs there (replicas.ts).
  const connection = ((transaction ? undefined : currentRoute()) ?? driver.getConnection('write')) as unknown as SqlConnection;
  const values = [...params];
  // Logged as MikroORM logs its own queries: with the values written in when `debug` includes
  // 'query-params' (formatted only then: it costs a pass over the text).
  const logger = context.config.getLogger();
  const logged = logger.isEnabled('query') && logger.isEnabled('query-params') ? driver.getPlatform().formatQuery(bound.sql, values) : bound.sql;
  try {
    await connection.ensureConnection();
    return await connection.executeQuery(
      logged,
      async () => (await (transaction ?? connection.getClient()).executeQuery<T>(CompiledQuery.raw(bound.text, values))).rows,
      { query: logged, params: values },
    );
  } catch (error) {
    throw driver.convertException(error as Error);
  }
}
