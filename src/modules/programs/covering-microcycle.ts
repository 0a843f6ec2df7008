import { sql, type RawBuilder } from 'kysely';
import { ownedSql } from '../ownership.js';

// The rule "which microcycle covers a date for a user", in one place: the microcycle of the user's
// active program whose days include the date (start_date <= date < start_date + length_days). Should
// the user hold several active programs (upstream data), the newest program wins; should two of its
// microcycles overlap, the lower sequence number. logWorkout files session-less exposures by the
// same rule (its statement in workout-log.repository.ts embeds this text).

/**
 * The id of the microcycle covering a date for a user, as a scalar subquery of kysely's `sql` tag;
 * `user` and `date` are values (or a named statement's placeholders, or `sql` expressions).
 * It yields NULL when no microcycle covers the date.
 * @internal
 */
export function coveringMicrocycleId(user: unknown, date: unknown): RawBuilder<number | null> {
  return sql`(select m.id from microcycles m join programs p on p.id = m.program_id
           where ${ownedSql('programs', sql.ref('p'), user as number)} and p.is_active is true
             and m.start_date <= ${date}::date and ${date}::date < m.start_date + m.length_days
           order by p.start_date desc, p.id desc, m.sequence_number limit 1)`;
}
