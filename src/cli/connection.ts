import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm } from '../setup/create-orm.js';
import { GainslyConfigError } from '../orm/errors.js';
import { maskDatabaseUrl, parseDatabaseUrl, type DatabaseTarget } from '../setup/database-url.js';
import { resolvePgliteDir } from '../setup/embedded.js';
import { CliError, EXIT, UsageError } from './errors.js';

/** Where the CLI found its database URL. */
export type UrlSource = '--url' | 'GAINSLY_DATABASE_URL' | 'DATABASE_URL' | 'demo default';

/**
 * The database a command works on, decided once from the command line and the environment.
 *
 * @example
 * ```ts
 * const conn = resolveConnection({ url: '--url value' }, process.env);
 * out.note(`database: ${conn.display}`);
 * ```
 */
export interface Connection {
  /** The URL to connect with. Contains the password: never print it, print `display`. */
  readonly url: string;
  /** The URL with its password replaced by `***`; embedded URLs shown with an absolute directory. */
  readonly display: string;
  readonly source: UrlSource;
  /** PGlite in-process (in memory or in a directory) rather than a PostgreSQL server. */
  readonly embedded: boolean;
  /** For `pglite:<dir>`, the absolute directory; `null` otherwise (server, or in memory). */
  readonly dataDir: string | null;
  /** Strings that must never be printed (the password, raw and URL-encoded). */
  readonly secrets: readonly string[];
}

/**
 * The embedded database `demo` uses when no URL is given: `pglite:<cwd>/.gainsly/demo`, so a
 * newcomer's first run needs no server and leaves its data in one ignorable folder.
 *
 * @example
 * ```ts
 * demoDatabaseUrl('/home/ada/project'); // 'pglite:/home/ada/project/.gainsly/demo'
 * ```
 */
export function demoDatabaseUrl(cwd: string = process.cwd()): string {
  return `pglite:${join(cwd, '.gainsly', 'demo')}`;
}

/**
 * Picks the database URL: `--url`, else `GAINSLY_DATABASE_URL`, else `DATABASE_URL`, else
 * `fallback` (only `demo` has one). Nothing found, or a URL that is not a database URL, is a
 * usage error (exit 2) whose message never contains the password.
 *
 * @example
 * ```ts
 * resolveConnection({}, { DATABASE_URL: 'postgres://u:pw@db/app' }).display; // 'postgres://u:***@db/app'
 * resolveConnection({}, {}, { fallback: demoDatabaseUrl() }).source;         // 'demo default'
 * ```
 */
export function resolveConnection(
  options: { url?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
  { fallback, cwd = process.cwd() }: { fallback?: string; cwd?: string } = {},
): Connection {
  const candidates: [UrlSource, string | undefined][] = [
    ['--url', options.url],
    ['GAINSLY_DATABASE_URL', env.GAINSLY_DATABASE_URL],
    ['DATABASE_URL', env.DATABASE_URL],
    ['demo default', fallback],
  ];
  const found = candidates.find(([, value]) => value !== undefined && value.trim() !== '');
  if (!found) {
    throw new UsageError(
      'No database: pass --url <url>, or set GAINSLY_DATABASE_URL or DATABASE_URL. ' +
        "For an embedded database use --url pglite:<dir> (or 'pglite:' in memory).",
    );
  }
  const [source, raw] = found as [UrlSource, string];
  const url = raw.trim();
  const secrets = passwordsOf(url);
  let target: DatabaseTarget;
  try {
    target = parseDatabaseUrl(url);
  } catch (error) {
    if (error instanceof GainslyConfigError) throw new UsageError(`${scrubSecrets(error.message, secrets)} (from ${source})`);
    throw error;
  }
  if (target.kind === 'pglite') {
    const dataDir = resolvePgliteDir(target.dataDir, cwd) ?? null;
    return { url: dataDir ? `pglite:${dataDir}` : 'pglite:', display: dataDir ? `pglite:${dataDir}` : 'pglite: (in memory)', source, embedded: true, dataDir, secrets };
  }
  return { url, display: maskDatabaseUrl(url), source, embedded: false, dataDir: null, secrets };
}

/**
 * The password of a URL (also as `--url=<url>`), raw, decoded and encoded, so every spelling can
 * be scrubbed; empty for anything else.
 *
 * @example
 * ```ts
 * urlSecrets('postgres://app:p%40ss@db/app'); // ['p%40ss', 'p@ss']
 * ```
 */
export function urlSecrets(value: string): string[] {
  const eq = value.startsWith('--') ? value.indexOf('=') : -1;
  return passwordsOf(eq >= 0 ? value.slice(eq + 1) : value);
}

function passwordsOf(url: string): string[] {
  const found = new Set<string>();
  if (!url.includes('://')) return [];
  try {
    const password = new URL(url).password;
    if (password) {
      found.add(password);
      try {
        const decoded = decodeURIComponent(password);
        found.add(decoded);
        found.add(encodeURIComponent(decoded));
      } catch {
        /* a malformed escape: the raw form is already there */
      }
    }
  } catch {
    // Not parseable by WHATWG URL: fall back to the "scheme://user:password@" shape.
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@]*)@/i.exec(url);
    if (match?.[1]) found.add(match[1]);
  }
  return [...found].filter((s) => s.length > 0);
}

/** Secrets shorter than this are only scrubbed as whole tokens. */
const SHORT_SECRET = 6;

/**
 * Removes passwords from text before it is printed: every `secret` becomes `***`, and so does
 * the password part of anything shaped like `scheme://user:password@host` (driver messages
 * sometimes echo a connection string).
 *
 * @example
 * ```ts
 * scrubSecrets('connect to postgres://app:hunter2@db failed', ['hunter2']); // 'connect to postgres://app:***@db failed'
 * ```
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@');
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (!secret) continue;
    if (secret.length >= SHORT_SECRET) {
      result = result.split(secret).join('***');
    } else {
      // A short password ('pw', 'b') would otherwise be cut out of ordinary words ("data***ase");
      // as a whole token (quoted, after a colon, ...) it is still removed.
      const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      result = result.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), '***');
    }
  }
  return result;
}

/**
 * Opens the ORM for a command and proves the connection with one query (`createGainslyOrm`'s
 * default check), so a wrong host, password or database name fails here with a clear one-line
 * message (exit 1) instead of deep inside a command. MikroORM is kept quiet unless `debug` (then
 * its SQL log goes to `log`, by default stderr, scrubbed; coloured only when `color`). A missing database is reported, never
 * created (the library never creates one).
 *
 * @example
 * ```ts
 * const orm = await openDatabase(conn, { debug: false });
 * try { ... } finally { await orm.close(true); }
 * ```
 */
export async function openDatabase(
  conn: Connection,
  { debug = false, color = false, log = (line: string) => process.stderr.write(`${scrubSecrets(line, conn.secrets)}\n`) }: { debug?: boolean; color?: boolean; log?: (line: string) => void } = {},
): Promise<MikroORM> {
  try {
    return await createGainslyOrm({
      url: conn.url,
      debug,
      // MikroORM colours its log lines unless told otherwise (it only looks at NO_COLOR=1/true and
      // FORCE_COLOR, not at whether the stream is a terminal): the CLI decides, as for every line.
      colors: color,
      // MikroORM logs with console.log, i.e. on stdout, where it would corrupt --json output:
      // its lines go to stderr with --debug, nowhere otherwise.
      logger: debug ? log : () => undefined,
      // A host that silently drops packets fails after the library's default acquire timeout (10 s)
      // instead of hanging the command for minutes.
    });
  } catch (error) {
    if (error instanceof GainslyConfigError) throw new CliError(scrubSecrets(error.message, conn.secrets), EXIT.FAILURE, { cause: error });
    const reason = scrubSecrets(firstLine(error), conn.secrets);
    // The name stays `ConnectionError` for scripts that match it; `code` says which failure it was.
    throw new CliError(`Cannot connect to ${conn.display}: ${reason}`, EXIT.FAILURE, { cause: error, name: 'ConnectionError' });
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const aggregate = error instanceof AggregateError && error.errors.length > 0 ? (error.errors[0] as Error)?.message : undefined;
  return (message || aggregate || 'unknown error').split('\n')[0] ?? '';
}
