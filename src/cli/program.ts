import { Command, CommanderError, Option } from 'commander';
import { GainslyError, GainslyConfigError } from '../orm/errors.js';
import { urlSecrets } from './connection.js';
import type { CliContext } from './context.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { Output, type TextStream } from './output.js';
import { migrateCommand } from './commands/migrate.js';
import { doctorCommand } from './commands/doctor.js';
import { adoptCommand } from './commands/adopt.js';
import { auditCommand } from './commands/audit.js';
import { importCommand } from './commands/import.js';
import { demoCommand } from './commands/demo.js';
import { userCommand } from './commands/user.js';
import { catalogCommand } from './commands/catalog.js';

/**
 * The process the CLI talks to; `process` itself in production, doubles in tests.
 * @example
 * ```ts
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
 * ```
 */
export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const HELP_FOOTER = `
Database:
  --url, else GAINSLY_DATABASE_URL, else DATABASE_URL:
  postgres://user:password@host:5432/db, pglite:<dir> (embedded, in a
  directory) or pglite: (embedded, in memory). Only \`demo\` falls back to an
  embedded database, pglite:<cwd>/.gainsly/demo. Passwords are printed as ***.

Output:
  Human-readable by default, fitted to the terminal's width (80 columns when
  piped, or COLUMNS). Colour only on a terminal; NO_COLOR or --no-color turn
  it off, --debug SQL log lines included.
  --json prints exactly one JSON document on stdout: { "ok": true, ... } or
  { "ok": false, "error": { "name", "code", "message", "exitCode" } }
  (code: the library's error code, when it has one).

Exit codes:
  0  success
  1  failure (connection, migration, import or data error)
  2  usage error (bad command line, no database URL, unknown migration,
     missing --yes)
  3  check found problems (doctor: schema drift; audit: values outside
     their enum)
`;

/**
 * Builds the `gainsly-db` command tree. Every command gets `--help`; the global options
 * (`--url`, `--json`, `--debug`, `--no-color`) are accepted before or after the command name.
 *
 * @example
 * ```ts
 * const program = createProgram(ctx);
 * await program.parseAsync(['node', 'gainsly-db', 'migrate', 'status']);
 * ```
 */
export function createProgram(ctx: CliContext, version: string): Command {
  const program = new Command('gainsly-db')
    .description('Manage a Gainsly database: migrations, health checks, the starter catalog, imports and a demo.')
    .version(version, '-V, --version', 'print the version')
    .addOption(new Option('--url <url>', 'database URL (default: env GAINSLY_DATABASE_URL, then DATABASE_URL)'))
    .option('--json', 'print one JSON document for machines instead of human output')
    .option('--debug', 'show stack traces and the SQL MikroORM runs')
    .option('--no-color', 'never colour the output')
    .helpOption('-h, --help', 'show help for the command')
    .helpCommand('help [command]', 'show help for a command')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText('after', HELP_FOOTER)
    // Exit codes are ours to decide (usage errors are 2, not commander's 1): throw, don't exit.
    .exitOverride()
    .configureOutput({
      // Help text added by commands is wrapped to the width like every other line.
      writeOut: (text) => ctx.out.stdout.write(ctx.out.fit(text)),
      writeErr: (text) => ctx.out.stderr.write(ctx.out.fit(text)),
      // Help wraps to the same width as everything else (80 when piped, COLUMNS, the terminal's).
      getOutHelpWidth: () => ctx.out.width,
      getErrHelpWidth: () => ctx.out.width,
      // In --json mode the usage error becomes the JSON document instead (see runCli).
      outputError: (text, write) => {
        if (!ctx.out.json) write(ctx.out.scrub(text));
      },
    });

  program.addCommand(migrateCommand(ctx));
  program.addCommand(doctorCommand(ctx));
  program.addCommand(adoptCommand(ctx));
  program.addCommand(auditCommand(ctx));
  program.addCommand(catalogCommand(ctx));
  program.addCommand(importCommand(ctx));
  program.addCommand(demoCommand(ctx));
  program.addCommand(userCommand(ctx));
  return program;
}

const EXIT_CODES_LINE = '\nExit codes: 0 ok, 1 failure, 2 usage error, 3 problems found (doctor, audit);\nsee gainsly-db --help.';

/**
 * Commands added with `addCommand` do not inherit settings; copy them down the tree, and give
 * every command's help the exit-code line.
 */
function inheritSettings(command: Command, parent: Command): void {
  for (const sub of command.commands) {
    sub.copyInheritedSettings(parent);
    sub.addHelpText('after', EXIT_CODES_LINE);
    inheritSettings(sub, parent);
  }
}

/** Looks for a flag before parsing, so errors during parsing are already reported the right way. */
function hasFlag(argv: readonly string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(flag);
}

/**
 * Runs `gainsly-db` with `argv` (user arguments only, without `node` and the script) and returns
 * the exit code instead of exiting, so it can be tested in-process and the caller decides how to
 * end. Never throws.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, '1.0.0');
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<ExitCode> {
  const out = new Output({
    json: hasFlag(argv, '--json'),
    debug: hasFlag(argv, '--debug'),
    color: !hasFlag(argv, '--no-color'),
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
  });
  // Before anything can be printed: passwords in the arguments or the environment.
  out.addSecrets([...argv, io.env.GAINSLY_DATABASE_URL ?? '', io.env.DATABASE_URL ?? ''].flatMap(urlSecrets));
  const ctx: CliContext = { out, env: io.env, cwd: io.cwd, exitCode: EXIT.OK };
  const program = createProgram(ctx, version);
  inheritSettings(program, program);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, out);
    const exitCode: ExitCode = error instanceof CliError ? error.exitCode : error instanceof GainslyConfigError ? EXIT.USAGE : EXIT.FAILURE;
    const e = error instanceof Error ? error : new Error(String(error));
    out.failure({ name: e.name, code: gainslyCode(error), message: (e.message.split('\n')[0] ?? '') || e.name, stack: e.stack }, exitCode, error instanceof CliError ? error.details : {});
    return exitCode;
  }
}

/** The library's error code of `error` or of the error it wraps (a CliError re-raising one). */
function gainslyCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof GainslyError) return current.code;
  }
  return undefined;
}

/** Help and version are successes; everything else commander rejects is a usage error. */
function commanderExit(error: CommanderError, out: Output): ExitCode {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.OK;
  if (out.json) {
    const message = error.code === 'commander.help' ? 'a command is required (see --help)' : error.message.replace(/^error:\s*/, '');
    out.failure({ name: 'UsageError', message }, EXIT.USAGE);
  }
  return EXIT.USAGE;
}
