import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../orm/errors.js';
import type { DoctorFinding, DoctorReport } from './doctor/types.js';

const MESSAGE_MAX_FINDINGS = 10;

/**
 * `adopt` refused to touch the database: it found differences it cannot fix safely (`error`
 * findings), or the database is not one it adopts (empty). Nothing was changed. `report` is the
 * full doctor report, `problems` the blocking findings.
 *
 * @example
 * ```ts
 * try {
 *   await adopt(orm);
 * } catch (e) {
 *   if (e instanceof GainslyAdoptError) for (const p of e.problems) console.error(p.message);
 * }
 * ```
 */
export class GainslyAdoptError extends GainslyError {
  override readonly name: string = 'GainslyAdoptError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.ADOPT;
  /** The blocking findings (severity `error`). */
  readonly problems: readonly DoctorFinding[];

  /**
   * @param reason - one sentence: why adopt stopped
   * @param report - the doctor report the decision was based on
   * @example
   * ```ts
   * throw new GainslyAdoptError('adopt refused', report);
   * ```
   */
  constructor(
    reason: string,
    readonly report: DoctorReport,
    options?: ErrorOptions,
  ) {
    const problems = [
      ...report.tables.flatMap((t) => t.findings),
      ...report.enums.flatMap((e) => e.findings),
      ...report.migrations.findings,
    ].filter((f) => f.severity === 'error');
    const shown = problems.slice(0, MESSAGE_MAX_FINDINGS).map((p) => p.message);
    const more = problems.length > MESSAGE_MAX_FINDINGS ? `; … and ${problems.length - MESSAGE_MAX_FINDINGS} more (see .report)` : '';
    const notes = report.database.notes.length ? ` ${report.database.notes.join(' ')}` : '';
    super(`${reason}${shown.length ? `: ${shown.join('; ')}${more}` : ''}. Nothing was changed.${notes}`, options);
    this.problems = Object.freeze(problems);
  }
}
