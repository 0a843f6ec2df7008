import { EntityRepositoryType, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type RelationshipType } from '../../enums/index.js';
import { enumStringColumn, NO_ACTION } from '../../orm/columns.js';
import { Movement } from './movement.entity.js';
import { MovementRelationshipRepository } from './movement-relationship.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A directed link between two movements (`movement_relationships`): progression, regression,
 * variation, antagonist or prep.
 *
 * @example
 * ```ts
 * em.create(MovementRelationship, { sourceMovement: gobletSquat, targetMovement: backSquat, relationshipType: 'progression' });
 * ```
 */
@Entity({ tableName: 'movement_relationships', repository: () => MovementRelationshipRepository })
export class MovementRelationship {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: MovementRelationshipRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Movement, index: true, ...NO_ACTION })
  sourceMovement!: Rel<Movement>;

  @ManyToOne({ entity: () => Movement, index: true, ...NO_ACTION })
  targetMovement!: Rel<Movement>;

  @Property(enumStringColumn(ENUMS.RelationshipType, { length: 50, index: true }))
  relationshipType!: RelationshipType;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
