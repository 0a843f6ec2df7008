/**
 * The fenced code blocks of README.md and docs/*.md, for test/integration/doc-blocks.test.ts, which
 * compiles and runs them. A block may be preceded by one marker comment saying how it is tested
 * (docs/README.md, "Every code block here runs"):
 *
 * - `<!-- doc-test: context=service -->`: a TypeScript block that continues a request: `orm`, `em`,
 *   `user`, `me`, `program` and `squat` are given by a preamble ({@link SERVICE_PREAMBLE});
 * - `<!-- doc-test: typecheck-only: <reason> -->`: compiled, not run;
 * - `<!-- doc-test: excerpt-of=<path> -->`: its code lines appear in that file, in order;
 * - `<!-- doc-test: not-run: <reason> -->`: a shell block that is not run;
 * - `<!-- doc-test: tsconfig -->`: a JSON block whose `compilerOptions` the blocks are compiled with;
 * - `<!-- doc-test: quick-start -->`: a TypeScript block run twice on a new, empty database.
 *
 * Unmarked TypeScript blocks are compiled and run on their own; unmarked shell blocks are run.
 * `text`, `json` and `jsonc` blocks are output or configuration, and are not run.
 *
 * @example
 * ```ts
 * const blocks = extractDocBlocks(readFileSync('README.md', 'utf8'), 'README.md');
 * ```
 */

export type DocMarker =
  | { kind: 'none' }
  | { kind: 'context'; context: 'service' }
  | { kind: 'typecheck-only'; reason: string }
  | { kind: 'excerpt-of'; path: string }
  | { kind: 'not-run'; reason: string }
  | { kind: 'tsconfig' }
  | { kind: 'quick-start' };

export interface DocBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the block's first code line in the file. */
  readonly line: number;
  readonly lang: string;
  /** The code, with the fence's indentation removed. */
  readonly code: string;
  readonly marker: DocMarker;
}

/** Languages of blocks that are compiled or run; the others are {@link EXEMPT_LANGS}. */
export const TS_LANGS = new Set(['ts', 'typescript']);
export const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);
export const EXEMPT_LANGS = new Set(['text', 'json', 'jsonc']);

const FENCE = /^(\s*)(`{3,})(\S*)\s*$/;
const MARKER = /^\s*<!--\s*doc-test:\s*(.*?)\s*-->\s*$/;

/** Where a doc block is, for messages: `docs/service.md:42`. */
export function where(block: Pick<DocBlock, 'file' | 'line'>): string {
  return `${block.file}:${block.line}`;
}

function parseMarker(text: string, at: string): DocMarker {
  const [, key, rest] = /^([a-z-]+)\s*(?:[=:]\s*(.*))?$/.exec(text) ?? [];
  const value = rest?.trim() ?? '';
  switch (key) {
    case 'context':
      if (value !== 'service') throw new Error(`${at}: unknown doc-test context '${value}' (known: service)`);
      return { kind: 'context', context: value };
    case 'typecheck-only':
    case 'not-run':
      if (!value) throw new Error(`${at}: doc-test ${key} needs a reason: <!-- doc-test: ${key}: why -->`);
      return { kind: key, reason: value };
    case 'excerpt-of':
      if (!value) throw new Error(`${at}: doc-test excerpt-of needs a path`);
      return { kind: 'excerpt-of', path: value };
    case 'tsconfig':
    case 'quick-start':
      return { kind: key };
    default:
      throw new Error(`${at}: unknown doc-test marker '${text}'`);
  }
}

/** Every fenced block of `markdown`, with the marker comment on the last non-blank line before it. */
export function extractDocBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let close = i + 1;
    for (; close < lines.length; close++) {
      const m = FENCE.exec(lines[close]!);
      if (m && m[2]!.length >= fence.length && m[3] === '') break;
      body.push(lines[close]!.startsWith(indent) ? lines[close]!.slice(indent.length) : lines[close]!.trimStart());
    }
    if (close >= lines.length) throw new Error(`${file}:${i + 1}: a code fence that is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const markerText = before >= 0 ? MARKER.exec(lines[before]!)?.[1] : undefined;
    const at = `${file}:${i + 2}`;
    blocks.push({
      file,
      line: i + 2,
      lang,
      code: body.join('\n'),
      marker: markerText === undefined ? { kind: 'none' } : parseMarker(markerText, at),
    });
    i = close;
  }
  return blocks;
}

/**
 * What a `context=service` block is given, on one line so that a diagnostic's line number minus one
 * is the block's line. The test puts the values on `globalThis.__gainslyDocTest` before it runs the block.
 */
export const SERVICE_PREAMBLE =
  "import type * as __G from '@gainsly/db'; type __Orm = Awaited<ReturnType<typeof __G.createGainslyOrm>>; " +
  'const { orm, em, user, me, program, squat } = (globalThis as unknown as { __gainslyDocTest: { orm: __Orm; em: ReturnType<__Orm["em"]["fork"]>; ' +
  'user: __G.User; me: __G.UserScope; program: __G.ProgramRow & { microcycles: __G.MicrocycleRow[] }; squat: __G.Movement } }).__gainslyDocTest;\n';

/** The code lines of an excerpt that must appear in its file: not blank, not a comment alone. */
function codeLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('//'));
}

/**
 * The lines of `excerpt` that are missing from `source` when they are looked for in order
 * (whitespace at either end ignored, comment-only lines of the excerpt skipped); `[]` when it is an excerpt.
 */
export function missingExcerptLines(excerpt: string, source: string): string[] {
  const wanted = codeLines(excerpt);
  const have = source.split('\n').map((l) => l.trim());
  const missing: string[] = [];
  let at = 0;
  for (const line of wanted) {
    const found = have.indexOf(line, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}
