import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type Goal, type PersonaAggression, type PersonaTone, type ProgressionStyle, type SplitTemplate, type Visibility } from '../../enums/index.js';
import type { DisciplineWeight, JsonObject } from '../../schemas/json-types.js';
import { jsonColumn, NO_ACTION, sqlEnum, createdAtColumn } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { User } from '../users/user.entity.js';
import { Microcycle } from './microcycle.entity.js';
import { ProgramRepository } from './program.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A training program (`programs`): 8–12 weeks, three weighted goals summing to 10, a split, a
 * progression style and a persona snapshot.
 *
 * @example
 * ```ts
 * em.create(Program, {
 *   user, startDate: '2026-01-05', durationWeeks: 8,
 *   goal1: 'strength', goal2: 'hypertrophy', goal3: 'endurance', goalWeight1: 5, goalWeight2: 3, goalWeight3: 2,
 *   splitTemplate: 'upper_lower', daysPerWeek: 4, progressionStyle: 'double_progression',
 *   personaTone: 'supportive', personaAggression: 3,
 * });
 * ```
 */
@Entity({ tableName: 'programs', repository: () => ProgramRepository })
@Check({ name: 'valid_duration', expression: '(duration_weeks >= 8) AND (duration_weeks <= 12)' })
@Check({ name: 'goals_sum_to_ten', expression: '((goal_weight_1 + goal_weight_2) + goal_weight_3) = 10' })
@Check({ name: 'positive_weights', expression: '(goal_weight_1 >= 0) AND (goal_weight_2 >= 0) AND (goal_weight_3 >= 0)' })
export class Program {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: ProgramRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, index: true, ...NO_ACTION })
  user!: Rel<User>;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'integer' })
  durationWeeks!: number;

  @Enum(sqlEnum(ENUMS.Goal, { fieldName: 'goal_1' }))
  goal1!: Goal;

  @Enum(sqlEnum(ENUMS.Goal, { fieldName: 'goal_2' }))
  goal2!: Goal;

  @Enum(sqlEnum(ENUMS.Goal, { fieldName: 'goal_3' }))
  goal3!: Goal;

  @Property({ type: 'integer', fieldName: 'goal_weight_1' })
  goalWeight1!: number;

  @Property({ type: 'integer', fieldName: 'goal_weight_2' })
  goalWeight2!: number;

  @Property({ type: 'integer', fieldName: 'goal_weight_3' })
  goalWeight3!: number;

  @Enum(sqlEnum(ENUMS.SplitTemplate))
  splitTemplate!: SplitTemplate;

  /** Expected 2–7 (not enforced by the database). */
  @Property({ type: 'integer' })
  daysPerWeek!: number;

  @Enum(sqlEnum(ENUMS.ProgressionStyle))
  progressionStyle!: ProgressionStyle;

  /** Arbitrary structure describing a custom (hybrid) split. */
  @Property(jsonColumn(STORED_JSON.objectOrNull, { nullable: true }))
  hybridDefinition?: JsonObject | null;

  @Property(jsonColumn(STORED_JSON.disciplines, { nullable: true }))
  disciplinesJson?: DisciplineWeight[] | null;

  @Property({ type: 'integer', fieldName: 'deload_every_n_microcycles' })
  deloadEveryNMicrocycles: Opt<number> = 4;

  @Enum(sqlEnum(ENUMS.PersonaTone))
  personaTone!: PersonaTone;

  @Enum(sqlEnum(ENUMS.PersonaAggression))
  personaAggression!: PersonaAggression;

  @Property({ type: 'boolean', nullable: true })
  isActive: Opt<boolean> | null = true;

  @Property(createdAtColumn())
  createdAt: Opt<Date> | null = new Date();

  @Property({ type: 'boolean', nullable: true, default: false })
  isTemplate: Opt<boolean> | null = false;

  @Enum(sqlEnum(ENUMS.Visibility, { default: 'private' }))
  visibility: Opt<Visibility> = 'private';

  /** Label for historic programs and templates. */
  @Property({ type: 'string', length: 100, nullable: true })
  name?: string | null;

  /** Deleting a program through the ORM deletes its microcycles (the database FK is NO ACTION). */
  @OneToMany({ entity: () => Microcycle, mappedBy: 'program', orphanRemoval: true })
  microcycles = new Collection<Microcycle>(this);
}
