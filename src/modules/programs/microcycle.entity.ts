import { Collection, EntityRepositoryType, type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ENUMS, type MicrocycleStatus } from '../../enums/index.js';
import { NO_ACTION, sqlEnum } from '../../orm/columns.js';
import { Program } from './program.entity.js';
import { Session } from './session.entity.js';
import { PatternExposure } from '../logging/pattern-exposure.entity.js';
import { MicrocycleRepository } from './microcycle.repository.js';
import { entityModule } from '../../orm/entity-module.js';

/**
 * One block of a program (`microcycles`), 7–10 days long, numbered 1, 2, 3…
 *
 * @example
 * ```ts
 * em.create(Microcycle, { program, startDate: '2026-01-05', lengthDays: 7, sequenceNumber: 1 }).status; // 'planned'
 * ```
 */
@Entity({ tableName: 'microcycles', repository: () => MicrocycleRepository })
@Check({ name: 'valid_length', expression: '(length_days >= 7) AND (length_days <= 10)' })
export class Microcycle {
  static {
    entityModule(this, import.meta.url);
  }

  [EntityRepositoryType]?: MicrocycleRepository;

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => Program, index: true, ...NO_ACTION })
  program!: Rel<Program>;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'integer' })
  lengthDays!: number;

  @Property({ type: 'integer' })
  sequenceNumber!: number;

  @Enum(sqlEnum(ENUMS.MicrocycleStatus))
  status: Opt<MicrocycleStatus> = 'planned';

  @Property({ type: 'boolean', nullable: true })
  isDeload: Opt<boolean> | null = false;

  @OneToMany({ entity: () => Session, mappedBy: 'microcycle', orphanRemoval: true })
  sessions = new Collection<Session>(this);

  @OneToMany({ entity: () => PatternExposure, mappedBy: 'microcycle', orphanRemoval: true })
  patternExposures = new Collection<PatternExposure>(this);
}
