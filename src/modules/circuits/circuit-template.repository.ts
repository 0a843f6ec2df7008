import { GainslyRepository } from '../../orm/base-repository.js';
import type { CircuitType } from '../../enums/index.js';
import type { CircuitTemplate } from './circuit-template.entity.js';
import { parseArgument, requireString } from '../../orm/arguments.js';
import { schemas } from '../../orm/validation.js';


/**
 * Repository of {@link CircuitTemplate}.
 *
 * @example
 * ```ts
 * const amraps = await em.getRepository(CircuitTemplate).findByType('amrap');
 * ```
 */
export class CircuitTemplateRepository extends GainslyRepository<CircuitTemplate> {
  /**
   * Circuits of one type, by name. `circuitType` is a semantic value (`'amrap'`); anything else is a
   * `GainslyValidationError` listing the allowed values.
   * @example
   * ```ts
   * await em.getRepository(CircuitTemplate).findByType('emom');
   * ```
   */
  async findByType(circuitType: CircuitType): Promise<CircuitTemplate[]> {
    return this.find({ circuitType: parseArgument(schemas.circuitTypeArgumentSchema, circuitType, 'circuitType') }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  /**
   * Circuits with this exact name (names are not unique upstream).
   * @example
   * ```ts
   * await em.getRepository(CircuitTemplate).findByName('Cindy');
   * ```
   */
  async findByName(name: string): Promise<CircuitTemplate[]> {
    return this.find({ name: requireString(name, 'name', 200) }, { orderBy: { id: 'asc' } });
  }
}
