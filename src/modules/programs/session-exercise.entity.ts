import { EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type ExerciseRole } from '../../enums/index.js';
import { doubleColumn, NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { Session } from './session.entity.js';
import { Movement } from '../movements/movement.entity.js';
import { SessionExerciseRepository } from './session-exercise.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A prescribed exercise of a session (`session_exercises`), the normalised twin of the
 * session's JSON sections.
 *
 * @example
 * ```ts
 * em.create(SessionExercise, { session, movement, role: 'main', orderInSession: 1, targetSets: 3 });
 * ```
 */
@Entity({ tableName: 'session_exercises', repository: () => SessionExerciseRepository })
export class SessionExercise {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: SessionExerciseRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Session, index: true, ...NO_ACTION })
  session!: Rel<Session>;

  @ManyToOne({ entity: () => Movement, index: true, ...NO_ACTION })
  movement!: Rel<Movement>;

  @Enum(sqlEnum(ENUMS.ExerciseRole))
  role!: ExerciseRole;

  @Property({ type: 'integer' })
  orderInSession!: number;

  /** Exercises sharing a number are performed as a superset. */
  @Property({ type: 'integer', nullable: true })
  supersetGroup?: number | null;

  @Property({ type: 'integer' })
  targetSets!: number;

  @Property({ type: 'integer', nullable: true })
  targetRepRangeMin?: number | null;

  @Property({ type: 'integer', nullable: true })
  targetRepRangeMax?: number | null;

  @Property(doubleColumn({ nullable: true }))
  targetRpe?: number | null;

  @Property({ type: 'integer', nullable: true })
  targetRir?: number | null;

  @Property({ type: 'integer', nullable: true })
  targetDurationSeconds?: number | null;

  @Property({ type: 'integer', nullable: true })
  defaultRestSeconds?: number | null;

  @Property({ type: 'boolean', nullable: true })
  isComplexLift: Opt<boolean> | null = false;

  @Property({ type: 'boolean', nullable: true })
  substitutionAllowed: Opt<boolean> | null = true;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
