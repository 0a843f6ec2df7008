import { EntityRepositoryType, type Opt } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type CircuitType } from '../../enums/index.js';
import type { BucketStress, JsonValue } from '../../schemas/json-types.js';
import { jsonColumn, sqlEnum } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { CircuitTemplateRepository } from './circuit-template.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A reusable conditioning circuit (`circuit_templates`): AMRAP, EMOM, rounds for time, …
 *
 * @example
 * ```ts
 * em.create(CircuitTemplate, { name: 'Cindy', circuitType: 'amrap', defaultDurationSeconds: 1200, bucketStress: { conditioning: 4 } });
 * ```
 */
@Entity({ tableName: 'circuit_templates', repository: () => CircuitTemplateRepository })
export class CircuitTemplate {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: CircuitTemplateRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 200, index: true })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Enum(sqlEnum(ENUMS.CircuitType))
  circuitType!: CircuitType;

  /** The circuit's structure: rounds, reps, movements. */
  @Property(jsonColumn(STORED_JSON.array))
  exercisesJson: Opt<JsonValue[]> = [];

  @Property({ type: 'integer', nullable: true })
  defaultRounds?: number | null;

  @Property({ type: 'integer', nullable: true })
  defaultDurationSeconds?: number | null;

  @Property(jsonColumn(STORED_JSON.bucketStress))
  bucketStress: Opt<BucketStress> = {};

  /** Open set, e.g. `'crossfit'`, `'hyrox'`, `'hero_wod'`. */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  tags: Opt<string[]> | null = [];

  @Property({ type: 'integer', nullable: true })
  difficultyTier: Opt<number> | null = 1;
}
