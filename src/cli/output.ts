import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import picocolors from 'picocolors';
import { scrubSecrets } from './connection.js';
import { EXIT, type ExitCode } from './errors.js';

/** picocolors' colour functions. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * A writable text stream with an optional `isTTY`, i.e. `process.stdout` or a test double.
 * @example
 * ```ts
 * const capture: TextStream = { text: '', write(chunk) { this.text += chunk; return true; } } as TextStream & { text: string };
 * ```
 */
export interface TextStream {
  write(chunk: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/**
 * Where and how a command reports. One per run; every line the CLI prints goes through it, so
 * `--json`, colour and password scrubbing are decided in one place.
 *
 * @example
 * ```ts
 * const out = new Output({ json: false, stdout: process.stdout, stderr: process.stderr, env: process.env });
 * out.line(out.c.green('done'));
 * ```
 */
export interface OutputOptions {
  /** Machine output: one JSON document on stdout, nothing else there; no colour, no progress. */
  json: boolean;
  /** Show stack traces of unexpected errors. */
  debug?: boolean;
  /** `false` when `--no-color` was given. */
  color?: boolean;
  stdout: TextStream;
  stderr: TextStream;
  env: NodeJS.ProcessEnv;
}

/**
 * A progress indicator for a known number of steps; a no-op when there is no terminal to draw on.
 * @example
 * ```ts
 * const bar = out.progress('importing', rows.length);
 * try { for (const [i] of rows.entries()) bar.update(i + 1); } finally { bar.stop(); }
 * ```
 */
export interface Progress {
  /** Sets the number of steps done (and, optionally, a new total). */
  update(done: number, total?: number): void;
  /** Removes the bar (it must not stay mixed into the command's result). */
  stop(): void;
}

/**
 * Decides whether to colour: only for humans on a terminal. `NO_COLOR` (any value, see
 * no-color.org) and `--no-color` switch it off, `TERM=dumb` too; `FORCE_COLOR` (not `0`) forces it
 * on, e.g. for CI logs that render ANSI.
 *
 * @example
 * ```ts
 * useColor({ json: false, stream: process.stdout, env: process.env }); // true in an interactive shell
 * ```
 */
export function useColor({ json, stream, env, flag = true }: { json: boolean; stream: TextStream; env: NodeJS.ProcessEnv; flag?: boolean }): boolean {
  if (json || !flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * The CLI's reporter. Human text goes to stdout (results) and stderr (notes, warnings, errors);
 * with `--json` stdout carries exactly one JSON document, so `gainsly-db … --json | jq` works.
 *
 * @example
 * ```ts
 * out.result({ applied }, () => out.line(`Applied ${applied.length} migration(s).`));
 * ```
 */
export class Output {
  readonly json: boolean;
  readonly debug: boolean;
  /** Colour functions: real ANSI codes on a terminal, identity functions otherwise. */
  readonly c: Colors;
  readonly stdout: TextStream;
  readonly stderr: TextStream;
  private readonly secrets: string[] = [];
  private readonly interactive: boolean;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.debug = options.debug ?? false;
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.c = picocolors.createColors(useColor({ json: options.json, stream: options.stdout, env: options.env, flag: options.color ?? true }));
    // Progress bars redraw in place: only on an interactive stderr, never for machines or in CI logs.
    this.interactive = !options.json && options.stderr.isTTY === true && options.env.TERM !== 'dumb' && !options.env.CI;
  }

  /** Registers strings (passwords) that must be replaced by `***` in everything printed from now on. */
  addSecrets(secrets: readonly string[]): void {
    this.secrets.push(...secrets.filter((s) => s.length > 0));
  }

  /** `text` with every known secret and URL password replaced by `***`. */
  scrub(text: string): string {
    return scrubSecrets(text, this.secrets);
  }

  /** A line of human output on stdout; nothing in `--json` mode. */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${this.scrub(text)}\n`);
  }

  /** A side note for humans (where the database is, what is being done) on stderr; nothing in `--json` mode. */
  note(text: string): void {
    if (!this.json) this.stderr.write(`${this.scrub(text)}\n`);
  }

  /** A warning on stderr, in both modes (machines read stdout only). */
  warn(text: string): void {
    this.stderr.write(`${this.json ? 'warning: ' : this.c.yellow('warning: ')}${this.scrub(text)}\n`);
  }

  /**
   * The command's result: with `--json`, `{ ok, ...data }` on stdout (password-scrubbed);
   * otherwise `human()` prints it. `ok` is `true` exactly when the exit code is 0, so a check
   * that found problems (exit 3) reports `ok: false` with its findings and no `error`.
   */
  result(data: Record<string, unknown>, human: () => void, ok = true): void {
    if (this.json) this.writeJson({ ok, ...data });
    else human();
  }

  /** Writes one JSON document to stdout, every string value scrubbed of secrets. */
  writeJson(value: unknown): void {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? this.scrub(v) : v), 2);
    this.stdout.write(`${text}\n`);
  }

  /**
   * Reports a failure: one line on stderr (the stack only with `--debug`), or
   * `{ ok: false, error: { name, message, exitCode }, ...extra }` on stdout with `--json`.
   */
  failure(error: { name: string; message: string; stack?: string | undefined; code?: string | undefined }, exitCode: ExitCode, extra: Record<string, unknown> = {}): void {
    const message = this.scrub(error.message);
    if (this.json) {
      this.writeJson({ ok: false, error: { name: error.name, ...(error.code ? { code: error.code } : {}), message, exitCode }, ...extra });
    } else {
      this.stderr.write(`${this.c.red('error:')} ${message}\n`);
      if (this.debug && error.stack) this.stderr.write(`${this.c.dim(this.scrub(error.stack))}\n`);
      else if (exitCode === EXIT.FAILURE && !this.debug) this.stderr.write(this.c.dim('(run with --debug for details)\n'));
    }
  }

  /**
   * A table rendered with cli-table3 (plain borders; headers bold only when colouring).
   * `align` gives each column's alignment.
   */
  table(head: string[], rows: (string | number)[][], align: ('left' | 'right' | 'center')[] = []): string {
    const table = new Table({
      head: head.map((h) => this.c.bold(h)),
      colAligns: align,
      // cli-table3 colours headers red and borders grey itself; colour is ours to decide.
      style: { head: [], border: [], compact: false },
      // No rule between body rows: long tables stay readable and half as tall.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of rows) table.push(row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
    return table.toString();
  }

  /**
   * A progress bar on stderr for `total` steps, drawn only on an interactive terminal (never
   * with `--json`, in CI, or when output is piped), so it cannot corrupt what scripts read.
   */
  progress(label: string, total: number): Progress {
    if (!this.interactive || total <= 0) return { update() {}, stop() {} };
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {percentage}%`,
        stream: this.stderr as NodeJS.WritableStream,
        clearOnComplete: true,
        hideCursor: true,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    let stopped = false;
    return {
      update(done, newTotal) {
        if (stopped) return;
        if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
        bar.update(done);
      },
      stop() {
        if (stopped) return;
        stopped = true;
        bar.stop();
      },
    };
  }
}
