import { EntityRepositoryType, type Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { JsonObject } from '../../schemas/json-types.js';
import { jsonColumn, createdAtColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { HeuristicConfigRepository } from './heuristic-config.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A versioned tuning blob for the coach's heuristics (`heuristic_configs`); one version of a
 * name is active.
 *
 * @example
 * ```ts
 * em.create(HeuristicConfig, { name: 'deload_rules', version: 2, jsonBlob: { threshold: 0.05 } });
 * ```
 */
@Entity({ tableName: 'heuristic_configs', repository: () => HeuristicConfigRepository })
export class HeuristicConfig {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: HeuristicConfigRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 100, index: true })
  name!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property(jsonColumn(STORED_JSON.object))
  jsonBlob!: JsonObject;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'boolean', nullable: true, index: true })
  active: Opt<boolean> | null = false;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();
}
