import type { Command } from 'commander';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, resolveConnection, type Connection } from './connection.js';
import { EXIT, type ExitCode } from './errors.js';
import type { Output } from './output.js';

/**
 * What every command needs: the reporter, the environment it runs in, and the exit code it
 * leaves. Passed explicitly (not read from `process`) so the CLI can run in-process in tests.
 *
 * @example
 * ```ts
 * ctx.exitCode = report.ok ? EXIT.OK : EXIT.PROBLEMS;
 * ```
 */
export interface CliContext {
  readonly out: Output;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Set by the command's action; 0 unless it says otherwise. */
  exitCode: ExitCode;
}

/**
 * The options every command accepts (declared once on the program; `--help` of each command
 * lists them under "Global Options").
 *
 * @example
 * ```ts
 * const { url, json } = globalOptions(command);
 * ```
 */
export interface GlobalOptions {
  url?: string | undefined;
  json: boolean;
  debug: boolean;
  color: boolean;
}

/**
 * The global options as seen from a (sub)command's action.
 * @example
 * ```ts
 * .action(async (opts, command: Command) => { if (globalOptions(command).json) ... })
 * ```
 */
export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<Partial<GlobalOptions>>();
  return { url: opts.url, json: opts.json === true, debug: opts.debug === true, color: opts.color !== false };
}

/**
 * Resolves the database, prints where it is (for humans, on stderr, unless the command prints
 * it in its own output: `announce: false`), opens the ORM, runs `fn`
 * and always closes the ORM, so no command can leave a pool or a PGlite instance open (which
 * would keep the process alive or a PGlite directory half-written).
 *
 * @example
 * ```ts
 * await withDatabase(ctx, command, async (orm, conn) => migrate(orm));
 * ```
 */
export async function withDatabase<T>(
  ctx: CliContext,
  command: Command,
  fn: (orm: MikroORM, conn: Connection) => Promise<T>,
  { fallback, announce = true }: { fallback?: string; announce?: boolean } = {},
): Promise<T> {
  const globals = globalOptions(command);
  const conn = resolveConnection({ url: globals.url }, ctx.env, { ...(fallback ? { fallback } : {}), cwd: ctx.cwd });
  ctx.out.addSecrets(conn.secrets);
  if (announce) ctx.out.note(ctx.out.c.dim(`database: ${conn.display}${conn.source === '--url' ? '' : ` (from ${conn.source})`}`));
  const orm = await openDatabase(conn, { debug: globals.debug, color: ctx.out.stderrColor, log: (line) => ctx.out.debugLog(line) });
  try {
    return await fn(orm, conn);
  } finally {
    await orm.close(true);
  }
}

/**
 * The exit code of a check: 3 ("ran and found problems") when `problemCount > 0`, else 0.
 * @example
 * ```ts
 * ctx.exitCode = problemsExitCode(report.summary.errors); // 0 or 3
 * ```
 */
export function problemsExitCode(problemCount: number): ExitCode {
  return problemCount > 0 ? EXIT.PROBLEMS : EXIT.OK;
}

/**
 * A count with its noun in the right number.
 * @example
 * ```ts
 * plural(1, 'migration'); // '1 migration'
 * plural(2, 'entry', 'entries'); // '2 entries'
 * ```
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
