import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type Visibility } from '../../enums/index.js';
import { jsonColumn, NO_ACTION, sqlEnum, createdAtColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { User } from '../users/user.entity.js';
import { Session } from '../programs/session.entity.js';
import { TopSetLog } from './top-set-log.entity.js';
import { WorkoutLogRepository } from './workout-log.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A completed (or skipped) workout (`workout_logs`) with the user's feedback.
 *
 * @example
 * ```ts
 * em.create(WorkoutLog, { user, date: '2026-01-05', perceivedDifficulty: 7 });
 * ```
 */
@Entity({ tableName: 'workout_logs', repository: () => WorkoutLogRepository })
export class WorkoutLog {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: WorkoutLogRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @ManyToOne({ entity: () => Session, nullable: true, index: true, ...NO_ACTION })
  session?: Rel<Session> | null;

  @Property({ type: 'date', index: true })
  date!: string;

  @Property({ type: 'boolean' })
  completed: Opt<boolean> = true;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** 1–10 (not enforced by the database). */
  @Property({ type: 'integer', nullable: true })
  perceivedDifficulty?: number | null;

  /** 1–5 (not enforced by the database). */
  @Property({ type: 'integer', nullable: true })
  enjoymentRating?: number | null;

  /** Open set, e.g. `'too_hard'`, `'boring'`. */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  feedbackTags: Opt<string[]> | null = [];

  @Property({ type: 'integer', nullable: true })
  actualDurationMinutes?: number | null;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();

  @Enum(sqlEnum(ENUMS.Visibility, { default: 'private' }))
  visibility: Opt<Visibility> = 'private';

  @OneToMany({ entity: () => TopSetLog, mappedBy: 'workoutLog', orphanRemoval: true })
  topSets = new Collection<TopSetLog>(this);
}
