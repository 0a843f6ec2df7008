import { GainslyRepository } from '../../orm/base-repository.js';
import type { Microcycle } from './microcycle.entity.js';

/**
 * Repository of {@link Microcycle}.
 *
 * @example
 * ```ts
 * const blocks = await em.getRepository(Microcycle).findByProgram(programId);
 * ```
 */
export class MicrocycleRepository extends GainslyRepository<Microcycle> {
  /**
   * A program's microcycles in sequence order.
   * @example
   * ```ts
   * await em.getRepository(Microcycle).findByProgram(1);
   * ```
   */
  async findByProgram(programId: number): Promise<Microcycle[]> {
    return this.find({ program: programId }, { orderBy: { sequenceNumber: 'asc' } });
  }

  /**
   * The microcycle of the user's active program whose days include `date`, or `null`.
   * @example
   * ```ts
   * await em.getRepository(Microcycle).findActiveForUserOn(1, '2026-01-08');
   * ```
   */
  async findActiveForUserOn(userId: number, date: string): Promise<Microcycle | null> {
    const rows = await this.getEntityManager().execute<{ id: number }[]>(
      `select m.id from microcycles m join programs p on p.id = m.program_id
        where p.user_id = ? and p.is_active is true
          and m.start_date <= ?::date and ?::date < m.start_date + m.length_days
        order by p.start_date desc, p.id desc, m.sequence_number limit 1`,
      [userId, date, date],
    );
    const id = rows[0]?.id;
    return id === undefined ? null : this.findOne({ id });
  }
}
