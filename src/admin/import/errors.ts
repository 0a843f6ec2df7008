import { GAINSLY_ERROR_CODES, GainslyError, type GainslyErrorCode } from '../../orm/errors.js';

/**
 * The import could not start: the file cannot be read, or the database lacks a column the import
 * writes (an upstream database not yet adopted). Invalid records raise `GainslyValidationError`.
 *
 * @example
 * ```ts
 * try { await importMovements(orm, 'missing.json'); } catch (e) { if (e instanceof GainslyImportError) console.error(e.message); }
 * ```
 */
export class GainslyImportError extends GainslyError {
  override readonly name: string = 'GainslyImportError';
  override readonly code: GainslyErrorCode = GAINSLY_ERROR_CODES.IMPORT;
}
