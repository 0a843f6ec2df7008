import { LockMode } from '@mikro-orm/core';
import { UserOwnedRepository } from '../../orm/base-repository.js';
import { GainslyDataError, GainslyNotFoundError } from '../../orm/errors.js';
import { DomainArgumentError, planMicrocycles } from '../../domain/index.js';
import { planMicrocycleAdvance, type MicrocycleAdvancePlan } from '../../domain/microcycle-plan.js';
import { GainslyValidationError, parseInput } from '../../schemas/errors.js';
import type { CreateProgramData, CreateProgramInput } from '../../schemas/inputs/programs.js';
import { User } from '../users/user.entity.js';
import { Program } from './program.entity.js';
import { Microcycle } from './microcycle.entity.js';
import { toMicrocycleRow } from './microcycle.repository.js';
import type { MicrocycleRow } from '../../schemas/rows/index.js';
import { parseOptions, requireDateRange, requireId } from '../../orm/arguments.js';
import { ownedBy } from '../ownership.js';
import { schemas } from '../../orm/validation.js';

type GoalEntry = CreateProgramData['goals'][number];

/**
 * What {@link ProgramRepository.advanceMicrocycle} changed, as plain data read inside its
 * transaction (JSON-serialisable as is).
 *
 * @example
 * ```ts
 * const { completed, active, created } = await em.getRepository(Program).advanceMicrocycle(programId);
 * console.log(`week ${completed.at(-1)?.sequenceNumber ?? '-'} done, week ${active.sequenceNumber} starts ${active.startDate}${created ? ' (new)' : ''}`);
 * ```
 */
export interface MicrocycleAdvance {
  programId: number;
  /**
   * The microcycles this advance marked `complete`, in sequence order: the one that was active;
   * several when the data held several; none when none was active.
   */
  completed: MicrocycleRow[];
  /** The microcycle that is now the program's only `active` one. */
  active: MicrocycleRow;
  /** `true` when `active` was created by this advance (the program had no next microcycle). */
  created: boolean;
}

/**
 * Repository of {@link Program}.
 *
 * @example
 * ```ts
 * const current = await em.getRepository(Program).findActiveByUser(userId);
 * ```
 */
export class ProgramRepository extends UserOwnedRepository<Program> {
  /**
   * The user's active program (the newest, should upstream data hold several), or `null`.
   * @example
   * ```ts
   * await em.getRepository(Program).findActiveByUser(1);
   * ```
   */
  async findActiveByUser(userId: number): Promise<Program | null> {
    return this.findOne({ ...ownedBy(Program, requireId(userId, 'userId')), isActive: true }, { orderBy: { startDate: 'desc', id: 'desc' } });
  }

  /**
   * The user's programs that start within a date range (inclusive).
   * @example
   * ```ts
   * await em.getRepository(Program).findByUserStartingBetween(1, '2026-01-01', '2026-12-31');
   * ```
   */
  async findByUserStartingBetween(userId: number, from: string, to: string): Promise<Program[]> {
    const user = requireId(userId, 'userId');
    const range = requireDateRange(from, to);
    return this.find({ ...ownedBy(Program, user), startDate: { $gte: range.from, $lte: range.to } }, { orderBy: { startDate: 'asc', id: 'asc' } });
  }

  /**
   * Validates the input, then in one transaction: locks the user's row (so two concurrent calls
   * cannot both leave an active program), deactivates the user's current active program, and
   * stores the new program with its whole microcycle plan (`planMicrocycles`: sequence numbers,
   * start dates, lengths, deload flags). Microcycle 1 is `active` and the rest `planned`, as when
   * the upstream app creates a program (it finds the current week by that status). Persona fields
   * default to the user's. A template (`isTemplate: true`) is stored inactive, leaves the active
   * program alone, and has every microcycle `planned`: nobody trains it, so it has no current week
   * (`advanceMicrocycle` starts it).
   *
   * Throws `GainslyValidationError` (nothing written) or `GainslyNotFoundError` for an unknown user.
   * @example
   * ```ts
   * const program = await em.getRepository(Program).createProgram(user.id, {
   *   startDate: '2026-01-05', durationWeeks: 8, daysPerWeek: 4,
   *   goals: [{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'endurance', weight: 2 }],
   *   splitTemplate: 'upper_lower', progressionStyle: 'double_progression',
   * });
   * program.microcycles.length; // 8
   * ```
   */
  async createProgram(userId: number, input: CreateProgramInput): Promise<Program> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.createProgramInputSchema, input, 'CreateProgramInput');
    let plan: ReturnType<typeof planMicrocycles>;
    try {
      plan = planMicrocycles({
        startDate: data.startDate,
        durationWeeks: data.durationWeeks,
        microcycleLengthDays: data.microcycleLengthDays,
        deloadEveryNMicrocycles: data.deloadEveryNMicrocycles,
      });
    } catch (error) {
      // The input is valid field by field; only its end date can fall past 9999-12-31.
      if (!(error instanceof DomainArgumentError)) throw error;
      throw new GainslyValidationError([{ path: ['startDate'], message: `the program must end by 9999-12-31 (${error.message})`, received: data.startDate }], 'CreateProgramInput');
    }
    const program = await this.getEntityManager().transactional(async (tx) => {
      const user = await tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new GainslyNotFoundError('User', 'users', { id: userId });
      const isActive = !(data.isTemplate ?? false);
      if (isActive) await tx.nativeUpdate(Program, { ...ownedBy(Program, userId), isActive: true }, { isActive: false });
      const [g1, g2, g3] = data.goals as [GoalEntry, GoalEntry, GoalEntry];
      const program = tx.create(Program, {
        user,
        name: data.name ?? null,
        startDate: data.startDate,
        durationWeeks: data.durationWeeks,
        goal1: g1.goal,
        goal2: g2.goal,
        goal3: g3.goal,
        goalWeight1: g1.weight,
        goalWeight2: g2.weight,
        goalWeight3: g3.weight,
        splitTemplate: data.splitTemplate,
        daysPerWeek: data.daysPerWeek,
        progressionStyle: data.progressionStyle,
        hybridDefinition: data.hybridDefinition ?? null,
        disciplinesJson: data.disciplines ?? null,
        deloadEveryNMicrocycles: data.deloadEveryNMicrocycles,
        personaTone: data.personaTone ?? user.personaTone,
        personaAggression: data.personaAggression ?? user.personaAggression,
        isActive,
        isTemplate: data.isTemplate ?? false,
        visibility: data.visibility ?? 'private',
      });
      // Only a program being trained has a current week. A template marked ACTIVE would put a second
      // ACTIVE week among the user's programs, which a reader that looks for "the ACTIVE microcycle"
      // across them (rather than within the active program) would pick up; the audit does not expect
      // one either (it flags active programs without one, and never inactive ones).
      for (const m of plan) {
        const status = isActive && m.sequenceNumber === 1 ? 'active' : 'planned';
        program.microcycles.add(
          tx.create(Microcycle, { program, sequenceNumber: m.sequenceNumber, startDate: m.startDate, lengthDays: m.lengthDays, isDeload: m.isDeload, status }),
        );
      }
      await tx.flush();
      return program;
    });
    return this.written(userId, program);
  }

  /**
   * Moves a program to its next microcycle, as the upstream app's "next microcycle" route does
   * (docs/upstream.md, "Microcycle status"): the `active` microcycle becomes `complete` and the
   * next one (sequence number + 1) becomes `active`. When there is no next one it is created the app's way:
   * sequence number + 1, starting the day the previous one ends (its start + its length), 7 days
   * long, a deload when `sequenceNumber % deloadEveryNMicrocycles === 0`.
   *
   * States the app does not produce itself:
   * - **no active microcycle, some planned** (a program written by an older library version): the
   *   lowest-sequence planned one becomes active and nothing is completed, so the first advance
   *   starts the program;
   * - **no active, none planned** (every week complete, or no microcycle): a new one is created
   *   after the highest sequence (microcycle 1 on the program's start date when it has none);
   * - **several active** (corrupt data; `audit` reports it): all of them become complete and the
   *   one after the highest becomes active.
   *
   * One transaction, with the program row locked (`FOR UPDATE`) before the microcycles are read,
   * so concurrent advances of one program run one after the other: N advances move it N steps and
   * leave exactly one active microcycle. The microcycles are changed as entities of this
   * EntityManager, so ones it already holds are up to date afterwards.
   *
   * Any program can be advanced, active or not: the first advance of a template (all weeks
   * planned) makes its week 1 active. With `userId`, the program must be that user's; otherwise,
   * as when it does not exist, throws {@link GainslyNotFoundError} and changes nothing.
   *
   * @param programId the program's id
   * @param options `userId`: the owner to check
   * @throws {GainslyNotFoundError} no such program (or not the user's)
   * @throws {GainslyValidationError} an argument is not an id, or the microcycle to create would
   * start after 9999-12-31 (path `programId`)
   * @throws {GainslyDataError} a microcycle must be created and the program's
   * `deload_every_n_microcycles` is below 1
   * @example
   * ```ts
   * const program = await em.getRepository(Program).createProgram(userId, input); // week 1 active
   * const { completed, active } = await em.getRepository(Program).advanceMicrocycle(program.id, { userId });
   * completed.map((m) => m.sequenceNumber); // [1]
   * active.sequenceNumber; // 2
   * ```
   */
  async advanceMicrocycle(programId: number, options: { userId?: number } = {}): Promise<MicrocycleAdvance> {
    const id = requireId(programId, 'programId');
    const userId = parseOptions(schemas.ownerOptionsSchema, options, 'OwnerOptions').userId ?? undefined;
    const advance = await this.getEntityManager().transactional(async (tx) => {
      const program = await tx.findOne(Program, userId === undefined ? { id } : { id, ...ownedBy(Program, userId) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!program) throw new GainslyNotFoundError('Program', 'programs', userId === undefined ? { id } : { id, userId });
      // Read after the lock: a concurrent advance that held it has committed, and this read sees it.
      const microcycles = await tx.find(Microcycle, { program: id }, { orderBy: { sequenceNumber: 'asc', id: 'asc' }, refresh: true });
      let plan: MicrocycleAdvancePlan<Microcycle>;
      try {
        plan = planMicrocycleAdvance(microcycles, { programStartDate: program.startDate, deloadEveryNMicrocycles: program.deloadEveryNMicrocycles });
      } catch (error) {
        if (!(error instanceof DomainArgumentError)) throw error;
        if (error.argument === 'deloadEveryNMicrocycles') {
          throw new GainslyDataError(`Program ${id} stores deload_every_n_microcycles ${program.deloadEveryNMicrocycles}: a new microcycle's deload flag cannot be computed`, 'programs', 'deload_every_n_microcycles', program.deloadEveryNMicrocycles);
        }
        throw new GainslyValidationError(error.problems.map((p) => ({ path: ['programId'], message: `cannot advance: ${p.message}`, received: id })));
      }
      for (const m of plan.complete) m.status = 'complete';
      const active = plan.activate ?? tx.create(Microcycle, { program, ...plan.create!, status: 'active' });
      active.status = 'active';
      await tx.flush();
      return { programId: id, completed: plan.complete.map(toMicrocycleRow), active: toMicrocycleRow(active), created: plan.activate === null };
    });
    return this.written(userId, advance);
  }
}
