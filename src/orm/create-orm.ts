import { MikroORM } from '@mikro-orm/postgresql';
import type { MigrationInfo } from '@mikro-orm/core';
import { gainslyConfig, resolveDatabaseUrl, type GainslyOrmOptions } from './config.js';
import { parseDatabaseUrl } from './database-url.js';
import { createPgliteOrm } from './embedded.js';

/**
 * Connects to a Gainsly database and returns a ready MikroORM instance with every entity,
 * repository, enum type and migration registered. It does not migrate: call {@link migrate}.
 *
 * @example
 * ```ts
 * const orm = await createGainslyOrm({ url: 'postgres://gainsly@localhost:5432/gainsly' });
 * await migrate(orm);
 * const users = orm.em.fork().getRepository(User);
 * ```
 */
export async function createGainslyOrm(options: GainslyOrmOptions = {}): Promise<MikroORM> {
  const url = resolveDatabaseUrl(options.url);
  const target = parseDatabaseUrl(url);
  if (target.kind === 'pglite') return createPgliteOrm(target.dataDir, options);
  return MikroORM.init(gainslyConfig({ ...options, url }));
}

/**
 * What {@link migrate} did.
 * @example
 * ```ts
 * const result: MigrationResult = await migrate(orm); // { applied: ['0001-upstream-schema', ...] }
 * ```
 */
export interface MigrationResult {
  /** Names of the migrations applied by this call, in order; empty when the schema was current. */
  applied: string[];
}

/**
 * Applies every pending library migration, in one transaction. Safe to call on every start-up:
 * a second call applies nothing.
 *
 * @example
 * ```ts
 * const { applied } = await migrate(orm);
 * console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema is current');
 * ```
 */
export async function migrate(orm: MikroORM): Promise<MigrationResult> {
  const done: MigrationInfo[] = await orm.migrator.up();
  return { applied: done.map((m) => m.name) };
}
