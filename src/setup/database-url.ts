import { GainslyConfigError } from '../orm/errors.js';

/**
 * Replaces the password of a connection URL with `***` so the URL can be printed or logged.
 * Strings that are not URLs are returned with anything after `:` and before `@` masked.
 *
 * @example
 * ```ts
 * maskDatabaseUrl('postgres://gainsly:secret@db:5432/gainsly'); // 'postgres://gainsly:***@db:5432/gainsly'
 * ```
 */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // `user:password@host/db` (no `//`) parses as scheme `user:` with an opaque path: mask it as text.
    if (!parsed.host && url.includes('@')) return maskUrlText(url);
    if (parsed.password) parsed.password = '***';
    // libpq also takes secrets as query parameters.
    for (const key of [...parsed.searchParams.keys()]) if (SECRET_PARAMETER.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return maskUrlText(url);
  }
}

/**
 * libpq's connection parameters whose value is a secret: `password`, `sslpassword` (the client key's
 * passphrase) and `oauth_client_secret` (PostgreSQL 18).
 */
const SECRET_PARAMETER = /^(?:password|sslpassword|oauth_client_secret)$/i;

/**
 * Masks `//user:password@`, a `user:password@` without the `//`, secret query parameters and, in libpq's
 * keyword/value form (`host=db password=…`), secret keywords' values (plain or single-quoted), in a
 * string that is not a parseable URL.
 */
function maskUrlText(text: string): string {
  return text
    // Up to the LAST '@': a password may hold '@' (and '/'), a host never does; masking a little
    // too much of a string that did not parse is the safe side.
    .replace(/(\/\/[^:/@]*:).*@/, '$1***@')
    // Not anchored at the start: `new URL` ignores leading blanks, so ' user:pw@db/x' parses (as the
    // scheme `user:`) and its message would show the password.
    .replace(/([^:/@\s]+:)(?!\/\/).*@/, '$1***@')
    .replace(/([?&](?:password|sslpassword|oauth_client_secret)=)[^&#]*/gi, '$1***')
    .replace(/(^|\s)(password|sslpassword|oauth_client_secret)(\s*=\s*)(?:'(?:[^'\\]|\\.)*'?|\S*)/gi, '$1$2$3***');
}

/** Where a Gainsly database lives, decoded from a connection URL. @internal */
export type DatabaseTarget =
  | { kind: 'postgresql'; url: string; dbName: string }
  | { kind: 'pglite'; dataDir: string | undefined };

/** @internal */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url === 'pglite:' || url === 'pglite://' || url === 'pglite:memory') return { kind: 'pglite', dataDir: undefined };
  if (url.startsWith('pglite:')) return { kind: 'pglite', dataDir: url.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GainslyConfigError(`Not a database URL: "${maskDatabaseUrl(url)}". Use postgres://user:password@host:5432/db, or pglite: for an in-memory database.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new GainslyConfigError(`Unsupported database URL scheme "${parsed.protocol}" in ${maskDatabaseUrl(url)}. Use postgres://, postgresql://, pglite: or pglite:<dir>.`);
  }
  const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!dbName) throw new GainslyConfigError(`The database URL ${maskDatabaseUrl(url)} names no database (…/dbname).`);
  return { kind: 'postgresql', url, dbName };
}

