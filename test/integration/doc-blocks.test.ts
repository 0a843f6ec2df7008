// Every code block of README.md and docs/*.md is compiled and run (issue #19). The markers a block
// may carry, and what each means, are in test/support/doc-blocks.ts and docs/README.md.
//
// - TypeScript blocks: one strict program for all of them, with the compiler options of README's
//   tsconfig block and `@gainsly/db` resolved to src/; then each runs against a database of this
//   file (the quick start twice, on a new empty database).
// - Shell blocks: run with bash, `npx gainsly-db` being the run's CLI bundle, against the same database.
// - excerpt-of blocks: their code lines appear, in order, in the file that the consumer tests compile and run.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createGainslyOrm, forUser, loadStarterCatalog, Movement, User } from '../../src/index.js';
import { createTestDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { cleanEnv, useCliBundle } from '../support/cli.js';
import { quoteIdent, withDatabase } from '../support/pg-client.js';
import { newCloneName } from '../support/names.js';
import {
  EXEMPT_LANGS,
  extractDocBlocks,
  missingExcerptLines,
  SERVICE_PREAMBLE,
  SHELL_LANGS,
  TS_LANGS,
  where,
  type DocBlock,
} from '../support/doc-blocks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** npm's own range check (semver ships with the tooling; it has no types here). */
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

async function markdownFiles(): Promise<string[]> {
  const docs = (await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

const blocks: DocBlock[] = [];
for (const file of await markdownFiles()) blocks.push(...extractDocBlocks(await readFile(join(ROOT, file), 'utf8'), file));

const tsBlocks = blocks.filter((b) => TS_LANGS.has(b.lang) && b.marker.kind !== 'excerpt-of');
const runnable = tsBlocks.filter((b) => b.marker.kind !== 'typecheck-only');
const shellBlocks = blocks.filter((b) => SHELL_LANGS.has(b.lang) && b.marker.kind !== 'not-run');
const tsconfigBlock = blocks.find((b) => b.marker.kind === 'tsconfig');

/** The generated file of a block: the block's own name, so a stack trace says where it came from. */
function blockFileName(block: DocBlock, suffix = ''): string {
  return `${block.file.replace(/[/.]/g, '_')}_${block.line}${suffix}.mts`;
}

function sourceOf(block: DocBlock): string {
  return (block.marker.kind === 'context' ? SERVICE_PREAMBLE : '') + block.code + '\n';
}

const ENTRY = /(['"])@gainsly\/db(?:\/(enums|domain|schemas|admin))?\1/g;

/** The block as the run imports it: `@gainsly/db` and its subpaths are the source files. */
function runnableSource(block: DocBlock): string {
  return sourceOf(block).replace(ENTRY, (_m, quote: string, sub?: string) => `${quote}${join(ROOT, 'src', sub ?? '', 'index.ts')}${quote}`);
}

describe('code blocks of README.md and docs/', () => {
  let dir = '';
  let db: TestDatabase;
  let empty: { url: string; drop(): Promise<void> };
  const cliBundle = useCliBundle();
  const cwd = process.cwd();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gainsly-doc-blocks-'));
    db = await createTestDatabase();
    // The quick start's database: new and empty, not a clone of the migrated template.
    const adminUrl = inject('gainslyAdminUrl');
    const name = newCloneName(inject('gainslyTemplateDb')); // the run's prefix: the global teardown drops a straggler
    await withRawClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
    empty = {
      url: withDatabase(adminUrl, name),
      drop: () => withRawClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => undefined),
    };
  });

  afterAll(async () => {
    process.chdir(cwd);
    await empty?.drop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds blocks, each in a language it knows, and the tsconfig block', () => {
    expect(tsBlocks.length).toBeGreaterThan(10);
    expect(shellBlocks.length).toBeGreaterThan(1);
    expect(blocks.filter((b) => b.marker.kind === 'quick-start')).toHaveLength(1);
    expect(tsconfigBlock, 'README.md has a block marked <!-- doc-test: tsconfig -->').toBeDefined();
    const unknown = blocks.filter((b) => !TS_LANGS.has(b.lang) && !SHELL_LANGS.has(b.lang) && !EXEMPT_LANGS.has(b.lang)).map((b) => `${where(b)} '${b.lang}'`);
    expect(unknown, 'blocks in a language this test neither runs nor exempts (name one: ts, sh, text, json)').toEqual([]);
    const misplaced = blocks
      .filter((b) => (b.marker.kind === 'not-run' && !SHELL_LANGS.has(b.lang)) || (['context', 'typecheck-only', 'quick-start', 'excerpt-of'].includes(b.marker.kind) && !TS_LANGS.has(b.lang)))
      .map(where);
    expect(misplaced, 'markers on blocks of the wrong language').toEqual([]);
  });

  it('compiles every TypeScript block in one strict program with the README tsconfig', async () => {
    const { options: readmeOptions, errors } = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfigBlock!.code).compilerOptions, ROOT);
    expect(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n'))).toEqual([]);
    expect(readmeOptions.strict).toBe(true);
    const files = new Map<string, DocBlock>();
    for (const block of tsBlocks) {
      const file = join(dir, 'check', blockFileName(block));
      files.set(file, block);
    }
    const options: ts.CompilerOptions = {
      ...readmeOptions,
      noEmit: true,
      baseUrl: ROOT,
      // @gainsly/db as a consumer imports it, from the sources (no build needed).
      paths: { '@gainsly/db': ['src/index.ts'], '@gainsly/db/*': ['src/*/index.ts'] },
    };
    const host = ts.createCompilerHost(options);
    const readFileOnDisk = host.readFile.bind(host);
    const fileExistsOnDisk = host.fileExists.bind(host);
    host.readFile = (f) => (files.has(f) ? sourceOf(files.get(f)!) : readFileOnDisk(f));
    host.fileExists = (f) => files.has(f) || fileExistsOnDisk(f);
    const program = ts.createProgram([...files.keys()], options, host);
    const problems: string[] = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const block = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
      // Only the blocks are judged: src/ is compiled by its own tsconfig (decorators and all).
      if (!block && diagnostic.file) continue;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!block || diagnostic.start === undefined) {
        problems.push(message);
        continue;
      }
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
      const preamble = block.marker.kind === 'context' ? 1 : 0;
      problems.push(`${block.file}:${block.line + line - preamble}: ${message}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  /** Runs a block's module once; what it logs is returned, not printed. */
  async function runBlock(block: DocBlock, suffix = ''): Promise<string[]> {
    const file = join(dir, blockFileName(block, suffix));
    await writeFile(file, runnableSource(block));
    const logged: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
    const table = vi.spyOn(console, 'table').mockImplementation(() => undefined);
    process.chdir(dir); // a block that writes a file writes it here
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
    } catch (error) {
      throw new Error(`${where(block)} threw: ${(error as Error).stack ?? String(error)}`, { cause: error });
    } finally {
      process.chdir(cwd);
      log.mockRestore();
      table.mockRestore();
    }
    return logged;
  }

  it('runs the quick start twice on a new, empty database', async () => {
    const quickStart = blocks.find((b) => b.marker.kind === 'quick-start')!;
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = empty.url;
    try {
      const first = await runBlock(quickStart, '_run1');
      const second = await runBlock(quickStart, '_run2');
      expect(first[0]).toMatch(/^movements: \d+ inserted, 0 unchanged$/);
      const inserted = Number(/(\d+) inserted/.exec(first[0]!)![1]);
      expect(inserted).toBeGreaterThan(0);
      expect(second[0]).toBe(`movements: 0 inserted, ${inserted} unchanged`);
      // The comment in the block says what the call returns.
      expect(first[1]).toBe('116.66666666666667');
      expect(quickStart.code).toContain('// 116.66666666666667');
      // The output README shows is the first run's, as console.log prints it.
      const shown = blocks.find((b) => b.file === 'README.md' && b.lang === 'text' && b.line > quickStart.line);
      expect(shown?.code.trim()).toBe(first.join('\n'));
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
  }, 120_000);

  describe('runs every other TypeScript block', () => {
    let orm: Awaited<ReturnType<typeof createGainslyOrm>>;
    let before: string | undefined;

    beforeAll(async () => {
      before = process.env.DATABASE_URL;
      process.env.DATABASE_URL = db.url;
      orm = await createGainslyOrm({ url: db.url });
      await loadStarterCatalog(orm.em.fork());
    });

    afterAll(async () => {
      await orm?.close(true);
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
      delete (globalThis as { __gainslyDocTest?: unknown }).__gainslyDocTest;
    });

    /** A new request for each block: a fork, a user with an 8-week program, the Back Squat. */
    async function serviceContext(): Promise<Record<string, unknown>> {
      const em = orm.em.fork();
      const user = await em.getRepository(User).createUser({ name: 'Ada' });
      const me = forUser(em, user.id);
      const program = await me.programs.create({
        startDate: '2026-01-05', durationWeeks: 8, daysPerWeek: 4,
        goals: [{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'endurance', weight: 2 }],
        splitTemplate: 'upper_lower', progressionStyle: 'double_progression',
      });
      const squat = await em.getRepository(Movement).findByName('Back Squat');
      return { orm, em, user, me, program, squat };
    }

    for (const block of runnable.filter((b) => b.marker.kind !== 'quick-start')) {
      it(where(block), async () => {
        if (block.marker.kind === 'context') (globalThis as { __gainslyDocTest?: unknown }).__gainslyDocTest = await serviceContext();
        await runBlock(block);
      }, 60_000);
    }
  });

  describe('runs every shell block', () => {
    for (const block of shellBlocks) {
      it(where(block), async () => {
        // `npx gainsly-db` is the run's CLI bundle; any other npx is refused, so a block cannot reach a registry.
        const functions = [
          `npx() { if [ "$1" = gainsly-db ]; then shift; "$DOC_NODE" "$DOC_CLI" "$@"; else echo "doc-blocks: npx $1 is not run by this test" >&2; return 127; fi; }`,
          'gainsly-db() { "$DOC_NODE" "$DOC_CLI" "$@"; }',
        ].join('\n');
        const env = cleanEnv({ DATABASE_URL: db.url, DOC_NODE: process.execPath, DOC_CLI: cliBundle.cli, NO_COLOR: '1' });
        const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile('bash', ['-e', '-o', 'pipefail', '-c', `${functions}\n${block.code}`], { cwd: dir, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
          );
        });
        expect(result.code, `${where(block)} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`).toBe(0);
      }, 180_000);
    }
  });

  it('excerpts are lines of the files they name', async () => {
    const excerpts = blocks.filter((b) => b.marker.kind === 'excerpt-of');
    expect(excerpts.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const block of excerpts) {
      const path = (block.marker as { path: string }).path;
      const source = await readFile(join(ROOT, path), 'utf8').catch(() => undefined);
      if (source === undefined) problems.push(`${where(block)}: ${path} does not exist`);
      else for (const line of missingExcerptLines(block.code, source)) problems.push(`${where(block)}: not in ${path} (in this order): ${line}`);
    }
    expect(problems).toEqual([]);
  });

  it('README installs the peer dependencies package.json names, at versions it accepts', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
    const install = blocks.filter((b) => b.file === 'README.md' && SHELL_LANGS.has(b.lang) && /npm install/.test(b.code)).map((b) => b.code).join('\n');
    const named = new Map<string, string>();
    for (const [, name, version] of install.matchAll(/(@mikro-orm\/[a-z-]+|@electric-sql\/[a-z-]+)(?:@(\S+))?/g)) named.set(name!, version ?? '');
    expect([...named.keys()].sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
    for (const [name, version] of named) {
      if (version) expect(semver.satisfies(version, pkg.peerDependencies[name]!), `${name}@${version} against ${pkg.peerDependencies[name]}`).toBe(true);
    }
  });
});
