import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type SessionType } from '../../enums/index.js';
import type { SessionExerciseBlock, SessionFinisherBlock } from '../../schemas/json-types.js';
import { jsonColumn, NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { STORED_JSON } from '../../orm/stored-values.js';
import { Microcycle } from './microcycle.entity.js';
import { SessionExercise } from './session-exercise.entity.js';
import { CircuitTemplate } from '../circuits/circuit-template.entity.js';
import { WorkoutLog } from '../logging/workout-log.entity.js';
import { SessionRepository } from './session.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * A planned training day (`sessions`): its type, JSON sections as shown to the user (in the
 * upstream app's shape: lists of exercise blocks, one finisher block; write them with
 * `SessionRepository.writePlan`), time estimates and coach notes.
 *
 * @example
 * ```ts
 * em.create(Session, { microcycle, date: '2026-01-05', dayNumber: 1, sessionType: 'upper' });
 * ```
 */
@Entity({ tableName: 'sessions', repository: () => SessionRepository })
export class Session {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: SessionRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Microcycle, index: true, ...NO_ACTION })
  microcycle!: Rel<Microcycle>;

  @Property({ type: 'date', index: true })
  date!: string;

  /** 1–10 within the microcycle. */
  @Property({ type: 'integer' })
  dayNumber!: number;

  @Enum(sqlEnum(ENUMS.SessionType))
  sessionType!: SessionType;

  /** Open set of strings such as `'strength'`, `'hypertrophy'`. */
  @Property(jsonColumn(STORED_JSON.stringList, { nullable: true }))
  intentTags: Opt<string[]> | null = [];

  @Property(jsonColumn(STORED_JSON.exerciseSection, { nullable: true }))
  warmupJson?: SessionExerciseBlock[] | null;

  @Property(jsonColumn(STORED_JSON.exerciseSection, { nullable: true }))
  mainJson?: SessionExerciseBlock[] | null;

  @Property(jsonColumn(STORED_JSON.exerciseSection, { nullable: true }))
  accessoryJson?: SessionExerciseBlock[] | null;

  /** One finisher block object (not a list): the upstream app reads it as one. */
  @Property(jsonColumn(STORED_JSON.finisher, { nullable: true }))
  finisherJson?: SessionFinisherBlock | null;

  @Property(jsonColumn(STORED_JSON.exerciseSection, { nullable: true }))
  cooldownJson?: SessionExerciseBlock[] | null;

  @Property({ type: 'integer', nullable: true })
  estimatedDurationMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  warmupDurationMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  mainDurationMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  accessoryDurationMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  finisherDurationMinutes?: number | null;

  @Property({ type: 'integer', nullable: true })
  cooldownDurationMinutes?: number | null;

  @Property({ type: 'text', nullable: true })
  coachNotes?: string | null;

  /** Indexed by migration 0004 (deleting a circuit template looks its sessions up); so is `finisherCircuit`. */
  @ManyToOne({ entity: () => CircuitTemplate, nullable: true, index: 'gainsly_ix_sessions_main_circuit_id', foreignKeyName: 'fk_sessions_main_circuit_id_circuit_templates', ...NO_ACTION })
  mainCircuit?: Rel<CircuitTemplate> | null;

  @ManyToOne({ entity: () => CircuitTemplate, nullable: true, index: 'gainsly_ix_sessions_finisher_circuit_id', foreignKeyName: 'fk_sessions_finisher_circuit_id_circuit_templates', ...NO_ACTION })
  finisherCircuit?: Rel<CircuitTemplate> | null;

  @OneToMany({ entity: () => SessionExercise, mappedBy: 'session', orphanRemoval: true })
  exercises = new Collection<SessionExercise>(this);

  @OneToMany({ entity: () => WorkoutLog, mappedBy: 'session' })
  workoutLogs = new Collection<WorkoutLog>(this);
}
