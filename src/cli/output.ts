import { stripVTControlCharacters } from 'node:util';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import picocolors from 'picocolors';
import wrapAnsi from 'wrap-ansi';
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

/** Lines never get narrower than this, however small the terminal says it is. */
const MIN_WIDTH = 40;
/** The width when nothing says otherwise (output piped to a file or another program). */
const DEFAULT_WIDTH = 80;

/**
 * The number of columns every printed line must fit: the terminal's own width when stdout is a
 * terminal, else `COLUMNS` from the environment, else 80; never less than 40.
 *
 * @example
 * ```ts
 * terminalWidth(process.stdout, process.env); // 80 when piped, the window's width in a terminal
 * ```
 */
export function terminalWidth(stream: TextStream, env: NodeJS.ProcessEnv): number {
  const fromTerminal = stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined;
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined;
  return Math.max(MIN_WIDTH, fromTerminal ?? (fromEnv && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH));
}

/**
 * `text` wrapped to `width` columns at word boundaries (ANSI-aware), never inside a `backquoted
 * command`, which stays on one line to be copied whole. A word longer than a line (a URL, a path) is
 * broken only when `hard` (table cells must fit their column); otherwise it gets a line of its own,
 * so it can still be copied. @internal
 */
export function wrapText(text: string, width: number, hard = false): string {
  // wrap-ansi breaks at plain spaces only: a no-break space holds a command together, then goes back.
  const held = text.replace(/`[^`\n]*`/g, (command) => command.replaceAll(' ', '\u00a0'));
  return wrapAnsi(held, Math.max(1, width), { hard, trim: true }).replaceAll('\u00a0', ' ');
}

/**
 * Column widths (content plus cli-table3's one-space padding each side) that fit `available`
 * columns: columns narrower than their fair share keep their width, the others share what is left
 * in proportion to the square root of their natural width (a long message column gets more than a
 * name column, without starving it). @internal
 */
export function fitColumns(natural: readonly number[], available: number): number[] {
  const widths = [...natural];
  if (natural.reduce((a, b) => a + b, 0) <= available) return widths;
  const open = new Set(natural.map((_, i) => i));
  let remaining = available;
  for (let changed = true; changed && open.size > 0; ) {
    changed = false;
    const fair = Math.floor(remaining / open.size);
    for (const i of [...open]) {
      if (natural[i]! <= fair) {
        open.delete(i);
        remaining -= natural[i]!;
        changed = true;
      }
    }
  }
  const weights = [...open].map((i) => Math.sqrt(natural[i]!));
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  [...open].forEach((i, k) => {
    widths[i] = Math.max(4, Math.floor((remaining * weights[k]!) / total));
    given += widths[i]!;
  });
  // Rounding leftovers go to the widest column; what the minimum of 4 added beyond the room is
  // taken back from the widest ones (found by test/unit/cli-layout.test.ts: [14, 5] in 8 gave 9).
  const byWidth = [...open].sort((a, b) => natural[b]! - natural[a]!);
  if (byWidth[0] !== undefined) widths[byWidth[0]] = widths[byWidth[0]]! + Math.max(0, remaining - given);
  let excess = given - remaining;
  for (const i of byWidth) {
    if (excess <= 0) break;
    const cut = Math.min(excess, widths[i]! - 4);
    widths[i] = widths[i]! - cut;
    excess -= cut;
  }
  return widths;
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
  /** Columns every line fits in ({@link terminalWidth}); tables and long lines are wrapped to it. */
  readonly width: number;
  /** Whether stderr may carry colour (notes, warnings, errors, `--debug` SQL log lines). */
  readonly stderrColor: boolean;
  private readonly secrets: string[] = [];
  private readonly interactive: boolean;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.debug = options.debug ?? false;
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.c = picocolors.createColors(useColor({ json: options.json, stream: options.stdout, env: options.env, flag: options.color ?? true }));
    // Each stream decides for itself: `gainsly-db doctor 2>log` keeps colour on the terminal only.
    this.stderrColor = useColor({ json: false, stream: options.stderr, env: options.env, flag: options.color ?? true });
    this.width = terminalWidth(options.stdout, options.env);
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

  /**
   * `text` wrapped at word boundaries to {@link width}, each continuation line indented two more
   * than the line it continues. Lines that fit are unchanged; a word longer than a line (a URL)
   * stays whole on a line of its own.
   */
  fit(text: string): string {
    return text
      .split('\n')
      .map((line) => {
        const visible = stripVTControlCharacters(line);
        if (visible.length <= this.width) return line;
        const indent = /^ */.exec(visible)?.[0].length ?? 0;
        const hang = ' '.repeat(Math.min(indent + 2, Math.floor(this.width / 2)));
        const wrapped = wrapText(line.trimStart(), this.width - hang.length);
        const [first = '', ...rest] = wrapped.split('\n');
        // The first line keeps its own indent and may use the hanging indent's columns too.
        return [first, ...rest].map((l, i) => (i === 0 ? ' '.repeat(Math.min(indent, hang.length)) + l : hang + l)).join('\n');
      })
      .join('\n');
  }

  /** `text` for stderr: without ANSI codes unless stderr takes colour. */
  private forStderr(text: string): string {
    return this.stderrColor ? text : stripVTControlCharacters(text);
  }

  /** A line of human output on stdout, wrapped to the width; nothing in `--json` mode. */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${this.fit(this.scrub(text))}\n`);
  }

  /** A side note for humans (where the database is, what is being done) on stderr; nothing in `--json` mode. */
  note(text: string): void {
    if (!this.json) this.stderr.write(`${this.forStderr(this.fit(this.scrub(text)))}\n`);
  }

  /** A warning on stderr, in both modes (machines read stdout only). */
  warn(text: string): void {
    this.stderr.write(`${this.forStderr(this.fit(`${this.json ? 'warning: ' : this.c.yellow('warning: ')}${this.scrub(text)}`))}\n`);
  }

  /**
   * A log line MikroORM writes with `--debug` (the SQL it runs), on stderr: scrubbed, and without
   * colour when stderr takes none (`--no-color`, `NO_COLOR`, piped). Never wrapped: a statement
   * copied from the log must stay one statement.
   */
  debugLog(text: string): void {
    this.stderr.write(`${this.forStderr(this.scrub(text))}\n`);
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
      this.stderr.write(`${this.forStderr(this.fit(`${this.c.red('error:')} ${message}`))}\n`);
      if (this.debug && error.stack) this.stderr.write(`${this.forStderr(this.c.dim(this.scrub(error.stack)))}\n`);
      else if (exitCode === EXIT.FAILURE && !this.debug) this.stderr.write(this.forStderr(this.c.dim('(run with --debug for details)\n')));
    }
  }

  /**
   * A table rendered with cli-table3 that fits {@link width}: a rule under the header, none
   * between body rows (long tables stay readable and half as tall), and when the cells are too wide
   * the widest columns are narrowed and their cells wrapped at word boundaries (a word longer than
   * its column is broken, never cut off). Headers are bold only when colouring. `align` gives each
   * column's alignment.
   */
  table(head: string[], rows: (string | number)[][], align: ('left' | 'right' | 'center')[] = []): string {
    const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
    const render = (header: string[], body: string[][], colWidths?: number[]) => {
      const table = new Table({
        head: header.map((h) => this.c.bold(h)),
        colAligns: align,
        ...(colWidths ? { colWidths } : {}),
        // cli-table3 colours headers red and borders grey itself; colour is ours to decide.
        // compact: a rule under the header only.
        style: { head: [], border: [], compact: true },
      });
      for (const row of body) table.push(row);
      return { text: table.toString(), widths: (table.options as { colWidths: number[] }).colWidths };
    };
    const natural = render(head, cells);
    // Borders: one column left of each cell and one at the right end.
    const available = this.width - (head.length + 1);
    const widths = fitColumns(natural.widths, available);
    if (widths.every((w, i) => w === natural.widths[i])) return natural.text;
    const wrap = (text: string, i: number) => wrapText(text, widths[i]! - 2, true);
    return render(head.map(wrap), cells.map((row) => row.map(wrap)), widths).text;
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
