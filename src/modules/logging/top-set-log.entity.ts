import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type E1RMFormula, type MovementPattern } from '../../enums/index.js';
import { doubleColumn, NO_ACTION, sqlEnum, createdAtColumn } from '../../orm/columns.js';
import { WorkoutLog } from './workout-log.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { TopSetLogRepository } from './top-set-log.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * The heaviest set of a movement in a workout (`top_set_logs`), with its estimated 1RM and the
 * movement's pattern copied in for fast pattern queries.
 *
 * @example
 * ```ts
 * em.create(TopSetLog, { workoutLog, movement, weight: 100, reps: 5, pattern: 'squat' });
 * ```
 */
@Entity({ tableName: 'top_set_logs', repository: () => TopSetLogRepository })
export class TopSetLog {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: TopSetLogRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => WorkoutLog, index: true, ...NO_ACTION })
  workoutLog!: Rel<WorkoutLog>;

  @ManyToOne({ entity: () => Movement, index: true, ...NO_ACTION })
  movement!: Rel<Movement>;

  @Property(doubleColumn())
  weight!: number;

  @Property({ type: 'integer' })
  reps!: number;

  @Property(doubleColumn({ nullable: true }))
  rpe?: number | null;

  @Property({ type: 'integer', nullable: true })
  rir?: number | null;

  @Property({ type: 'integer', nullable: true })
  avgRestSeconds?: number | null;

  @Property(doubleColumn({ nullable: true, fieldName: 'e1rm_value' }))
  e1rmValue?: number | null;

  @Enum(sqlEnum(ENUMS.E1RMFormula, { nullable: true, fieldName: 'e1rm_formula' }))
  e1rmFormula?: E1RMFormula | null;

  /** Copy of the movement's pattern at logging time. */
  @Enum(sqlEnum(ENUMS.MovementPattern, { index: true }))
  pattern!: MovementPattern;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();
}
