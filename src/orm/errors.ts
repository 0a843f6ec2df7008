/**
 * Base class of every error the library throws on purpose.
 *
 * @example
 * ```ts
 * try { await repo.getById(1); } catch (e) { if (e instanceof GainslyError) reply(404, e.message); }
 * ```
 */
export class GainslyError extends Error {
  override readonly name: string = 'GainslyError';
}

/**
 * A row that a call needed does not exist (or is not visible to the caller).
 *
 * @example
 * ```ts
 * await em.getRepository(Program).getById(999); // GainslyNotFoundError: Program (programs) not found: id=999
 * ```
 */
export class GainslyNotFoundError extends GainslyError {
  override readonly name = 'GainslyNotFoundError';
  constructor(
    readonly entity: string,
    readonly table: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`${entity} (${table}) not found: ${Object.entries(key).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  }
}
