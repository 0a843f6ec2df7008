import { LockMode } from '@mikro-orm/core';
import { UserOwnedRepository } from '../../orm/base-repository.js';
import { GainslyNotFoundError } from '../../orm/errors.js';
import { planMicrocycles } from '../../domain/index.js';
import { GainslyValidationError, createProgramInputSchema, parseInput, type CreateProgramData, type CreateProgramInput } from '../../schemas/index.js';
import { User } from '../users/user.entity.js';
import { Program } from './program.entity.js';
import { Microcycle } from './microcycle.entity.js';
import { requireDate, requireId } from '../../orm/arguments.js';

type GoalEntry = CreateProgramData['goals'][number];

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
    return this.findOne({ user: requireId(userId, 'userId'), isActive: true }, { orderBy: { startDate: 'desc', id: 'desc' } });
  }

  /**
   * The user's programs that start within a date range (inclusive).
   * @example
   * ```ts
   * await em.getRepository(Program).findByUserStartingBetween(1, '2026-01-01', '2026-12-31');
   * ```
   */
  async findByUserStartingBetween(userId: number, from: string, to: string): Promise<Program[]> {
    return this.find({ user: requireId(userId, 'userId'), startDate: { $gte: requireDate(from, 'from'), $lte: requireDate(to, 'to') } }, { orderBy: { startDate: 'asc', id: 'asc' } });
  }

  /**
   * Validates the input, then in one transaction: locks the user's row (so two concurrent calls
   * cannot both leave an active program), deactivates the user's current active program, and
   * stores the new program with its whole microcycle plan (`planMicrocycles`: sequence numbers,
   * start dates, lengths, deload flags). Persona fields default to the user's. A template
   * (`isTemplate: true`) is stored inactive and leaves the active program alone.
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
    const data = parseInput(createProgramInputSchema, input, 'CreateProgramInput');
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
      if (!(error instanceof RangeError)) throw error;
      throw new GainslyValidationError([{ path: ['startDate'], message: `the program must end by 9999-12-31 (${error.message})`, received: data.startDate }], 'CreateProgramInput');
    }
    return this.getEntityManager().transactional(async (tx) => {
      const user = await tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new GainslyNotFoundError('User', 'users', { id: userId });
      const isActive = !(data.isTemplate ?? false);
      if (isActive) await tx.nativeUpdate(Program, { user: userId, isActive: true }, { isActive: false });
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
      for (const m of plan) {
        program.microcycles.add(
          tx.create(Microcycle, { program, sequenceNumber: m.sequenceNumber, startDate: m.startDate, lengthDays: m.lengthDays, isDeload: m.isDeload }),
        );
      }
      await tx.flush();
      return program;
    });
  }
}
