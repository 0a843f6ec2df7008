import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type MovementPattern } from '../../enums/index.js';
import { doubleColumn, NO_ACTION, sqlEnum, createdAtColumn } from '../../orm/columns.js';
import { User } from '../users/user.entity.js';
import { Microcycle } from '../programs/microcycle.entity.js';
import { TopSetLog } from './top-set-log.entity.js';
import { PatternExposureRepository } from './pattern-exposure.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * One exposure of a movement pattern in a microcycle (`pattern_exposures`), derived from a top
 * set; the input of the pattern strength index.
 *
 * @example
 * ```ts
 * em.create(PatternExposure, { user, microcycle, date: '2026-01-05', pattern: 'squat', e1rmValue: 116.7, sourceTopSetLog: topSet });
 * ```
 */
@Entity({ tableName: 'pattern_exposures', repository: () => PatternExposureRepository })
// Migration 0003: the pattern strength queries read a user's exposures by microcycle, index-only.
@Index({ name: 'gainsly_ix_pattern_exposures_user_microcycle', properties: ['user', 'microcycle', 'date'], include: ['pattern', 'e1rmValue'] })
export class PatternExposure {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: PatternExposureRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @ManyToOne({ entity: () => Microcycle, index: true, ...NO_ACTION })
  microcycle!: Rel<Microcycle>;

  @Property({ type: 'date', index: true })
  date!: string;

  @Enum(sqlEnum(ENUMS.MovementPattern, { index: true }))
  pattern!: MovementPattern;

  @Property(doubleColumn({ fieldName: 'e1rm_value' }))
  e1rmValue!: number;

  /** Indexed by migration 0003 (deleting a top set looks its exposures up). */
  @ManyToOne({ entity: () => TopSetLog, index: 'gainsly_ix_pattern_exposures_source_top_set_log_id', ...NO_ACTION })
  sourceTopSetLog!: Rel<TopSetLog>;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();
}
