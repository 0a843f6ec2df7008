/**
 * Exit codes of `gainsly-db`, part of its contract with scripts (documented in `--help`).
 *
 * - `OK` (0): the command did what was asked.
 * - `FAILURE` (1): it could not: connection refused, a migration or import failed, bad file content.
 * - `USAGE` (2): the command line was wrong: unknown command or option, missing argument, no
 *   database URL, an unknown migration name, a destructive step without `--yes`.
 * - `PROBLEMS` (3): a check ran fine and found problems (`doctor`: schema drift; `audit`: values
 *   outside their enum), so `gainsly-db doctor && deploy` stops on drift.
 *
 * @example
 * ```ts
 * process.exitCode = report.ok ? EXIT.OK : EXIT.PROBLEMS;
 * ```
 */
export const EXIT = Object.freeze({ OK: 0, FAILURE: 1, USAGE: 2, PROBLEMS: 3 } as const);

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error the CLI raises on purpose, carrying the exit code to end with. Its message is shown
 * as is (one line, no stack trace).
 *
 * @example
 * ```ts
 * throw new CliError('Import file not found: movements.json', EXIT.FAILURE);
 * ```
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  /** Extra fields for the `--json` error document (e.g. the report a refusal was based on). */
  details: Record<string, unknown> = {};
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILURE,
    options?: ErrorOptions & { name?: string; details?: Record<string, unknown> },
  ) {
    super(message, options);
    // Keep the library's error name (GainslyAdoptError, ...) when re-raising one, so scripts can match it.
    if (options?.name) this.name = options.name;
    if (options?.details) this.details = options.details;
  }
}

/**
 * The command line itself is wrong (exit code 2): what a script author must fix, as opposed to
 * a failure of the database or the data.
 *
 * @example
 * ```ts
 * throw new UsageError('Unknown migration "0009-nope"; run `gainsly-db migrate status` to list them.');
 * ```
 */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.USAGE, options);
  }
}
