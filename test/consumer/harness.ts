/**
 * Helpers of the consumer test (consumer.test.ts): build the package from a clean copy of the
 * working tree, `npm pack` it, and install the tarball into a throw-away consumer project.
 *
 * Nothing here writes to the repository: the build runs in a copy (so `dist/` of the checkout,
 * which other tools may be using, is never cleaned or replaced), and every file goes to one temp
 * directory that is removed at the end unless `GAINSLY_CONSUMER_KEEP=1`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The consumer project's sources, copied as-is (a dot-folder so the repository's tsc skips them). */
export const PROJECT_TEMPLATE = join(REPO_ROOT, 'test/consumer/.project');

/** Peer dependencies and tools the consumer installs next to the tarball, pinned like the README says. */
export const CONSUMER_DEPENDENCIES = [
  '@mikro-orm/core@7.2.1',
  '@mikro-orm/postgresql@7.2.1',
  '@mikro-orm/migrations@7.2.1',
  '@mikro-orm/decorators@7.2.1',
  'typescript@5.9.3',
  'esbuild@0.28.2',
  '@types/node@22',
];

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success (default `[0]`); anything else throws with the output. */
  expectCodes?: readonly number[];
  timeoutMs?: number;
}

/**
 * The environment for child processes: Node 22 (the one running this test) first on PATH, so
 * `#!/usr/bin/env node` scripts such as `node_modules/.bin/gainsly-db` and npm itself use it, and
 * without the `npm_*` variables of the outer `npm run` (they would point npm at this repository).
 * No database URL is inherited: each command is given its own.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) continue;
    if (key === 'GAINSLY_DATABASE_URL' || key === 'DATABASE_URL' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  env.PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  return { ...env, ...extra };
}

/** Runs a command without a shell; throws (with its output) when the exit code is not expected. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const expected = options.expectCodes ?? [0];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr, ms: Date.now() - started };
      if (code !== null && expected.includes(code)) resolvePromise(result);
      else {
        const shown = `$ ${command} ${args.join(' ')}  (in ${options.cwd})`;
        reject(new Error(`${shown}\nexited with ${code ?? 'a signal (timeout?)'}, expected ${expected.join(' or ')}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
      }
    });
  });
}

/** Node 22, the runtime the package requires (`engines`), as the test process runs on it. */
export function node(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return run(process.execPath, args, options);
}

/** A binary of the consumer project (`node_modules/.bin/<name>`). */
export function bin(appDir: string, name: string): string {
  return join(appDir, 'node_modules', '.bin', name);
}

/**
 * The files a fresh clone of the working tree would have: tracked plus untracked-but-not-ignored
 * (so a file someone forgot to `git add` still builds here, and nothing gitignored, such as an old
 * `dist/`, leaks into the build).
 */
function workingTreeFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && existsSync(join(REPO_ROOT, f)));
}

export interface PackedTarball {
  /** Absolute path of the `.tgz`. */
  path: string;
  /** Paths inside the package, as `npm pack --json` lists them. */
  files: { path: string; mode: number; size: number }[];
  name: string;
  version: string;
  /** Compressed size in bytes. */
  size: number;
  buildMs: number;
  packMs: number;
}

/**
 * Copies the working tree to `<root>/package`, links the repository's node_modules (the build
 * tools), runs `npm run build` there and `npm pack`s the result into `root`. When
 * `GAINSLY_CONSUMER_TARBALL` names an existing tarball, that one is used instead (CI that already
 * packed).
 */
export async function buildAndPack(root: string): Promise<PackedTarball> {
  const given = process.env.GAINSLY_CONSUMER_TARBALL;
  const stage = join(root, 'package');
  await mkdir(stage, { recursive: true });
  let buildMs = 0;
  if (!given) {
    for (const file of workingTreeFiles()) {
      if (file.startsWith('test/') || file.startsWith('bench/')) continue;
      await mkdir(dirname(join(stage, file)), { recursive: true });
      await cp(join(REPO_ROOT, file), join(stage, file), { force: true });
    }
    await symlink(join(REPO_ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
    buildMs = (await run('npm', ['run', 'build'], { cwd: stage })).ms;
  }
  const packed = given
    ? await run('npm', ['pack', '--json', '--dry-run', resolve(given)], { cwd: stage })
    : await run('npm', ['pack', '--json', '--pack-destination', root], { cwd: stage });
  const [info] = JSON.parse(packed.stdout) as { filename: string; name: string; version: string; size: number; files: PackedTarball['files'] }[];
  if (!info) throw new Error(`npm pack printed no package:\n${packed.stdout}`);
  return {
    path: given ? resolve(given) : join(root, info.filename),
    files: info.files,
    name: info.name,
    version: info.version,
    size: info.size,
    buildMs,
    packMs: packed.ms,
  };
}

/**
 * Creates `<root>/app` from test/consumer/.project, writes its package.json and installs the
 * tarball with the peer dependencies and tools, once, for every check.
 */
export async function createConsumerProject(root: string, tarball: string): Promise<{ dir: string; installMs: number; npmLog: string }> {
  const dir = join(root, 'app');
  await cp(PROJECT_TEMPLATE, dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'gainsly-consumer-app',
        version: '1.0.0',
        private: true,
        type: 'module',
        // npm 11 asks before running install scripts; esbuild's only checks its binary.
        allowScripts: { esbuild: true },
      },
      null,
      2,
    )}\n`,
  );
  const install = await run('npm', ['install', tarball, ...CONSUMER_DEPENDENCIES, '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: dir, timeoutMs: 600_000 });
  return { dir, installMs: install.ms, npmLog: `${install.stdout}${install.stderr}`.trim() };
}

/** Reads a JSON file. */
export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** The last line of `stdout` that parses as a JSON object (the consumer programs print one). */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{')) return JSON.parse(trimmed) as T;
  }
  throw new Error(`no JSON line in the output:\n${stdout}`);
}

/** A tsc diagnostic line: `file(line,col): error TSxxxx: message`. */
export interface TscDiagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** Parses `tsc --pretty false` output into diagnostics (continuation lines are appended). */
export function parseTscOutput(output: string): TscDiagnostic[] {
  const diagnostics: TscDiagnostic[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) diagnostics.push({ file: match[1]!, line: Number(match[2]), code: match[3]!, message: match[4]! });
    else if (diagnostics.length > 0 && line.startsWith(' ')) diagnostics.at(-1)!.message += `\n${line}`;
  }
  return diagnostics;
}
