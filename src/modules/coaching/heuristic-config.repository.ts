import { GainslyRepository } from '../../orm/base-repository.js';
import { GainslyNotFoundError } from '../../orm/errors.js';
import { HeuristicConfig } from './heuristic-config.entity.js';
import { parseArgument, requireString } from '../../orm/arguments.js';
import { sql } from 'kysely';
import { executeBound } from '../../orm/bound-query.js';
import { schemas } from '../../orm/validation.js';


/**
 * Repository of {@link HeuristicConfig}: versions of a named config, exactly one of them active.
 *
 * @example
 * ```ts
 * await em.getRepository(HeuristicConfig).activate('deload_rules', 3);
 * const config = await em.getRepository(HeuristicConfig).getActive('deload_rules');
 * ```
 */
export class HeuristicConfigRepository extends GainslyRepository<HeuristicConfig> {
  /**
   * The active version of a config name, or `null` when none is active.
   * @example
   * ```ts
   * (await em.getRepository(HeuristicConfig).getActive('deload_rules'))?.jsonBlob;
   * ```
   */
  async getActive(name: string): Promise<HeuristicConfig | null> {
    return this.findOne({ name: requireString(name, 'name', 100), active: true }, { orderBy: { version: 'desc', id: 'desc' } });
  }

  /**
   * Every version of a config name, newest first.
   * @example
   * ```ts
   * await em.getRepository(HeuristicConfig).findVersions('deload_rules');
   * ```
   */
  async findVersions(name: string): Promise<HeuristicConfig[]> {
    return this.find({ name: requireString(name, 'name', 100) }, { orderBy: { version: 'desc', id: 'desc' } });
  }

  /**
   * Makes `version` the only active version of `name`, in one transaction. A transaction-scoped
   * advisory lock on the name serialises concurrent calls, so whatever their number and order
   * exactly one version ends up active. Throws `GainslyNotFoundError` (changing nothing) when
   * that version does not exist.
   * @example
   * ```ts
   * const active = await em.getRepository(HeuristicConfig).activate('deload_rules', 2);
   * active.version; // 2
   * ```
   */
  async activate(name: string, version: number): Promise<HeuristicConfig> {
    requireString(name, 'name', 100);
    parseArgument(schemas.heuristicVersionArgumentSchema, version, 'version');
    return this.written(undefined, await this.getEntityManager().transactional(async (tx) => {
      await executeBound(tx, sql`select pg_advisory_xact_lock(hashtext('gainsly:heuristic_configs:' || ${name}::text))`);
      const rows = await executeBound<{ id: number }>(
        tx,
        sql`update heuristic_configs set active = (version = ${version} and id = (select min(id) from heuristic_configs where name = ${name} and version = ${version}))
          where name = ${name} returning case when active then id end as id`,
      );
      const id = rows.map((r) => r.id).find((v) => v != null);
      if (id == null) throw new GainslyNotFoundError('HeuristicConfig', 'heuristic_configs', { name, version });
      // Read inside the transaction: the row as this activation committed it.
      return tx.findOneOrFail(HeuristicConfig, { id }, { refresh: true });
    }));
  }
}
