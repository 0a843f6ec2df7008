import { GainslyRepository } from '../../orm/base-repository.js';
import type { RelationshipType } from '../../enums/index.js';
import type { MovementRelationship } from './movement-relationship.entity.js';
import { requireId } from '../../orm/arguments.js';

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
    return this.find(
      { sourceMovement: requireId(movementId, 'movementId'), ...(type ? { relationshipType: type } : {}) },
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
    return this.find(
      { targetMovement: requireId(movementId, 'movementId'), ...(type ? { relationshipType: type } : {}) },
      { populate: ['sourceMovement'], orderBy: { id: 'asc' } },
    );
  }
}
