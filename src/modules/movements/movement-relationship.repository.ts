import { GainslyRepository } from '../../orm/base-repository.js';
import type { RelationshipType } from '../../enums/index.js';
import type { MovementRelationship } from './movement-relationship.entity.js';
import { parseArgument, requireId } from '../../orm/arguments.js';
import { schemas } from '../../orm/validation.js';

/** An optional relationship type argument: a semantic value, or `undefined`/`null` for every type. */

/**
 * Repository of {@link MovementRelationship}.
 *
 * @example
 * ```ts
 * const next = await em.getRepository(MovementRelationship).findFrom(movementId, 'progression');
 * ```
 */
export class MovementRelationshipRepository extends GainslyRepository<MovementRelationship> {
  /**
   * Relationships leaving a movement, optionally of one type, with the target movements loaded.
   * @example
   * ```ts
   * await em.getRepository(MovementRelationship).findFrom(1);
   * ```
   */
  async findFrom(movementId: number, type?: RelationshipType): Promise<MovementRelationship[]> {
    const source = requireId(movementId, 'movementId');
    const relationshipType = parseArgument(schemas.relationshipTypeArgumentSchema, type, 'type');
    return this.find(
      { sourceMovement: source, ...(relationshipType == null ? {} : { relationshipType }) },
      { populate: ['targetMovement'], orderBy: { id: 'asc' } },
    );
  }

  /**
   * Relationships arriving at a movement, optionally of one type, with the source movements loaded.
   * @example
   * ```ts
   * await em.getRepository(MovementRelationship).findTo(1, 'regression');
   * ```
   */
  async findTo(movementId: number, type?: RelationshipType): Promise<MovementRelationship[]> {
    const target = requireId(movementId, 'movementId');
    const relationshipType = parseArgument(schemas.relationshipTypeArgumentSchema, type, 'type');
    return this.find(
      { targetMovement: target, ...(relationshipType == null ? {} : { relationshipType }) },
      { populate: ['sourceMovement'], orderBy: { id: 'asc' } },
    );
  }
}
