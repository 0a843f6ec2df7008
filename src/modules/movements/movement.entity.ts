import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ENUMS, type CNSLoad, type MetricType, type MovementPattern, type PrimaryMuscle, type PrimaryRegion, type SkillLevel } from '../../enums/index.js';
import type { SecondaryMuscles } from '../../schemas/json-types.js';
import { enumStringColumn, jsonColumn, NO_ACTION } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { User } from '../users/user.entity.js';
import { UserMovementRule } from '../users/user-movement-rule.entity.js';
import { SessionExercise } from '../programs/session-exercise.entity.js';
import { TopSetLog } from '../logging/top-set-log.entity.js';
import { MovementRelationship } from './movement-relationship.entity.js';
import { MovementRepository } from './movement.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * An exercise in the catalog (`movements`). System movements have no user; a user-defined
 * movement belongs to its creator. The classification columns are plain strings in the database
 * holding semantic enum values (`'squat'`, `'anterior lower'`).
 *
 * @example
 * ```ts
 * em.create(Movement, { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
 * ```
 */
@Entity({ tableName: 'movements', repository: () => MovementRepository })
@Unique({ name: 'ix_movements_name', properties: ['name'] })
// Migration 0003: tag search (`equipment_tags::jsonb @> '["barbell"]'`) by GIN index; the columns stay json.
@Index({ name: 'gainsly_ix_movements_equipment_tags', expression: 'create index "gainsly_ix_movements_equipment_tags" on "movements" using gin ((equipment_tags::jsonb) jsonb_path_ops)' })
@Index({ name: 'gainsly_ix_movements_discipline_tags', expression: 'create index "gainsly_ix_movements_discipline_tags" on "movements" using gin ((discipline_tags::jsonb) jsonb_path_ops)' })
export class Movement {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: MovementRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property(enumStringColumn(ENUMS.MovementPattern, { length: 50, index: true }))
  pattern!: MovementPattern;

  @Property(enumStringColumn(ENUMS.PrimaryMuscle, { length: 50, index: true }))
  primaryMuscle!: PrimaryMuscle;

  @Property(enumStringColumn(ENUMS.PrimaryRegion, { length: 50, index: true }))
  primaryRegion!: PrimaryRegion;

  @Property(jsonColumn(STORED_JSON.secondaryMuscles, { nullable: true }))
  secondaryMuscles: Opt<SecondaryMuscles> | null = [];

  @Property(enumStringColumn(ENUMS.CNSLoad, { length: 50 }))
  cnsLoad: Opt<CNSLoad> = 'moderate';

  @Property(enumStringColumn(ENUMS.SkillLevel, { length: 50 }))
  skillLevel: Opt<SkillLevel> = 'intermediate';

  @Property({ type: 'boolean', nullable: true })
  compound: Opt<boolean> | null = true;

  @Property({ type: 'boolean', nullable: true })
  isComplexLift: Opt<boolean> | null = false;

  @Property({ type: 'boolean', nullable: true })
  isUnilateral: Opt<boolean> | null = false;

  @Property(enumStringColumn(ENUMS.MetricType, { length: 50 }))
  metricType: Opt<MetricType> = 'reps';

  /** Open set, e.g. `'powerlifting'`, `'olympic'`, `'calisthenics'`. */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  disciplineTags: Opt<string[]> | null = [];

  /** Open set, e.g. `'barbell'`, `'dumbbell'`, `'bodyweight'`. */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  equipmentTags: Opt<string[]> | null = [];

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  coachingCues: Opt<string[]> | null = [];

  /** Groups interchangeable movements, e.g. `'single_arm_row'`. */
  @Property({ type: 'string', length: 100, nullable: true, index: true })
  substitutionGroup?: string | null;

  /** `null` for a system movement; the owner for a user-defined one. */
  @ManyToOne({ entity: () => User, nullable: true, index: true, foreignKeyName: 'fk_movements_user_id_users', ...NO_ACTION })
  user?: Rel<User> | null;

  /** Open set; `'All'` by default. */
  @Property({ type: 'string', length: 50, default: 'All' })
  primaryDiscipline: Opt<string> = 'All';

  /** General tags such as `'crossfit'`, `'athletic'`. Added by this library (upstream's model declares it, no upstream migration creates it). */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  tags: Opt<string[]> | null = [];

  @OneToMany({ entity: () => UserMovementRule, mappedBy: 'movement' })
  userRules = new Collection<UserMovementRule>(this);

  @OneToMany({ entity: () => SessionExercise, mappedBy: 'movement' })
  sessionExercises = new Collection<SessionExercise>(this);

  @OneToMany({ entity: () => TopSetLog, mappedBy: 'movement' })
  topSetLogs = new Collection<TopSetLog>(this);

  @OneToMany({ entity: () => MovementRelationship, mappedBy: 'sourceMovement', orphanRemoval: true })
  outgoingRelationships = new Collection<MovementRelationship>(this);

  @OneToMany({ entity: () => MovementRelationship, mappedBy: 'targetMovement', orphanRemoval: true })
  incomingRelationships = new Collection<MovementRelationship>(this);
}
