import { GainslyRepository } from '../../orm/base-repository.js';
import type { HeuristicConfig } from './heuristic-config.entity.js';

/**
 * Repository of {@link HeuristicConfig}.
 *
 * @example
 * ```ts
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
    return this.findOne({ name, active: true }, { orderBy: { version: 'desc' } });
  }

  /**
   * Every version of a config name, newest first.
   * @example
   * ```ts
   * await em.getRepository(HeuristicConfig).findVersions('deload_rules');
   * ```
   */
  async findVersions(name: string): Promise<HeuristicConfig[]> {
    return this.find({ name }, { orderBy: { version: 'desc', id: 'desc' } });
  }
}
