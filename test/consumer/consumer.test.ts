/**
 * The package as its users get it: built from a clean copy of the working tree, `npm pack`ed, and
 * installed from the tarball into a fresh project (test/consumer/.project) with the peer
 * dependencies from the registry. Then, in that project:
 *
 * - an ESM TypeScript service type-checks under `strict` (no decorator settings) — including
 *   `// @ts-expect-error` lines that prove labels such as `'HARD_NO'` are type errors — and runs
 *   against a real PostgreSQL: migrate, createUser, createProgram, logWorkout, psiAll;
 * - a CommonJS script `require()`s the package on Node 22 and logs a workout;
 * - a browser bundle (esbuild) of the three pure subpaths builds and holds no MikroORM, `pg`,
 *   `reflect-metadata` or Node built-in;
 * - `node_modules/.bin/gainsly-db` answers `--help` and migrates a database.
 *
 * Run with `npm run test:consumer` (needs the registry for the peer dependencies, and PostgreSQL:
 * the same server the integration tests find, see test/support/pg-server.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePgServer, type PgServer } from '../support/pg-server.js';
import { quoteIdent, withDatabase, withRawClient } from '../support/pg-client.js';
import {
  bin,
  buildAndPack,
  childEnv,
  createConsumerProject,
  lastJsonLine,
  node,
  parseTscOutput,
  readJson,
  run,
  type PackedTarball,
  type RunResult,
  type TscDiagnostic,
} from './harness.js';

const KEEP = ['1', 'true', 'yes'].includes((process.env.GAINSLY_CONSUMER_KEEP ?? '').toLowerCase());
/** Minified size budget of the browser bundle of app.ts (enums + schemas + domain + zod). */
const BROWSER_BUNDLE_BUDGET_BYTES = 200 * 1024;
/** An app that imports only the enums gets only the enums. */
const ENUMS_ONLY_BUDGET_BYTES = 40 * 1024;
const MIGRATIONS = ['0001-upstream-schema', '0002-overview-additions', '0003-performance-indexes', '0004-foreign-key-indexes'];

let root = '';
let tarball: PackedTarball;
let app = '';
let server: PgServer | undefined;
const databases: string[] = [];
const timings: Record<string, number> = {};
const started = Date.now();

function log(line: string): void {
  console.log(`[consumer] ${line}`);
}

/** A fresh, empty database on the test server; dropped in afterAll. Returns its URL. */
async function scratchDatabase(label: string): Promise<string> {
  if (!server) throw new Error('no PostgreSQL server');
  const name = `gainsly_consumer_${label}_${randomBytes(4).toString('hex')}`;
  await withRawClient(server.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  databases.push(name);
  return withDatabase(server.adminUrl, name);
}

/** The password of the test server's URL, if any: no output may contain it. */
function serverPassword(): string | undefined {
  const password = server ? decodeURIComponent(new URL(server.adminUrl).password) : '';
  return password || undefined;
}

function expectNoPassword(result: RunResult): void {
  const password = serverPassword();
  if (password) expect(`${result.stdout}${result.stderr}`).not.toContain(password);
}

function formatDiagnostics(diagnostics: readonly TscDiagnostic[]): string {
  return diagnostics.map((d) => `${d.file}(${d.line}): ${d.code} ${d.message}`).join('\n');
}

beforeAll(async () => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new Error(`The consumer test needs Node >= 22 (running ${process.version}); run it with \`npm run test:consumer\`, which uses the node@22 devDependency.`);
  }
  root = await mkdtemp(join(tmpdir(), 'gainsly-consumer-'));
  log(`temp dir ${root}${KEEP ? ' (kept: GAINSLY_CONSUMER_KEEP=1)' : ''}`);

  const [packed, pg] = await Promise.all([
    buildAndPack(root),
    resolvePgServer(process.env, (line) => log(line)),
  ]);
  tarball = packed;
  server = pg;
  timings.build = packed.buildMs;
  timings.pack = packed.packMs;
  log(`PostgreSQL: ${pg.description}`);
  log(`packed ${packed.name}@${packed.version}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KiB (build ${(packed.buildMs / 1000).toFixed(1)} s)`);

  const project = await createConsumerProject(root, packed.path);
  app = project.dir;
  timings.install = project.installMs;
  log(`installed the tarball and peers in ${(project.installMs / 1000).toFixed(1)} s${project.npmLog ? `\n${project.npmLog}` : ''}`);
}, 900_000);

afterAll(async () => {
  try {
    if (server) {
      const admin = server.adminUrl;
      await withRawClient(admin, async (c) => {
        for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }).catch((error: unknown) => log(`could not drop scratch databases: ${String(error)}`));
      await server.stop();
    }
  } finally {
    if (root && !KEEP) await rm(root, { recursive: true, force: true });
    const parts = Object.entries(timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`);
    log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s (${parts.join(', ')})`);
  }
}, 120_000);

describe('the tarball', () => {
  it('ships the build, the bin, README, LICENSE and CHANGELOG, and no sources or tests', async () => {
    const files = tarball.files.map((f) => f.path);
    const pkg = await readJson<{ exports: Record<string, string | Record<string, string>>; bin: Record<string, string>; main: string; types: string }>(
      join(app, 'node_modules/@gainsly/db/package.json'),
    );
    const targets = new Set<string>([pkg.main, pkg.types, ...Object.values(pkg.bin)]);
    for (const entry of Object.values(pkg.exports)) {
      for (const target of typeof entry === 'string' ? [entry] : Object.values(entry)) targets.add(target);
    }
    for (const target of targets) expect(files, `exports/bin target ${target}`).toContain(target.replace(/^\.\//, ''));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']));

    const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) && !f.startsWith('dist/'));
    expect(unexpected, 'only dist/ and the docs are published').toEqual([]);
    expect(files.filter((f) => /\.(test|spec)\.|(^|\/)test\/|\.tsbuildinfo$/.test(f))).toEqual([]);

    const cli = join(app, 'node_modules/@gainsly/db', pkg.bin['gainsly-db']!);
    expect((await readFile(cli, 'utf8')).startsWith('#!/usr/bin/env node\n'), 'the bin starts with a node shebang').toBe(true);
    expect((await stat(bin(app, 'gainsly-db'))).mode & 0o111, 'node_modules/.bin/gainsly-db is executable').not.toBe(0);
  });

  it('installs no optional peer: PGlite is not needed for a postgres:// URL', async () => {
    await expect(stat(join(app, 'node_modules/@mikro-orm/pglite'))).rejects.toThrow();
    await expect(stat(join(app, 'node_modules/@electric-sql/pglite'))).rejects.toThrow();
  });
});

describe('an ESM TypeScript service', () => {
  it('type-checks under strict, module nodenext, without decorator settings; labels are type errors', async () => {
    const tsconfig = await readFile(join(app, 'service/tsconfig.json'), 'utf8');
    expect(tsconfig).not.toMatch(/"experimentalDecorators"|"emitDecoratorMetadata"/);
    expect(tsconfig).toMatch(/"strict": true/);
    // Each `// @ts-expect-error` in service/src/main.ts must still be an error, or tsc fails (TS2578).
    const source = await readFile(join(app, 'service/src/main.ts'), 'utf8');
    expect(source).toMatch(/@ts-expect-error[^\n]*\n\s*rule\.ruleType = 'HARD_NO';/);

    const tsc = await run(bin(app, 'tsc'), ['-p', 'service', '--pretty', 'false'], { cwd: app, expectCodes: [0, 1, 2] });
    timings['tsc service'] = tsc.ms;
    expect(formatDiagnostics(parseTscOutput(tsc.stdout)), 'tsc -p service').toBe('');
    expect(tsc.code).toBe(0);
  }, 180_000);

  it('runs on Node 22 against PostgreSQL: migrate, createUser, createProgram, logWorkout, psiAll', async () => {
    const url = await scratchDatabase('esm');
    const result = await node(['service/dist/main.js'], { cwd: app, env: childEnv({ DATABASE_URL: url }) });
    timings['run service'] = result.ms;
    expectNoPassword(result);
    const out = lastJsonLine<{
      migrations: { first: string[]; second: string[] };
      doctor: { ok: boolean; kind: string };
      programActive: boolean;
      ruleType: string;
      ruleLabel: string;
      storedLabel: string;
      parsedCompleted: boolean;
      e1rm: number;
      topSets: { pattern: string; e1rm: number; formula: string }[];
      exposures: number;
      microcycleId: number | null;
      psi: { pattern: string; psi: number; exposures: number }[];
      validation: { name: string; paths: string[] } | null;
    }>(result.stdout);

    expect(out.migrations).toEqual({ first: MIGRATIONS, second: [] });
    // doctor, imported from @gainsly/db/admin, finds the freshly migrated schema healthy.
    expect(out.doctor).toEqual({ ok: true, kind: 'library' });
    expect(out.programActive).toBe(true);
    // Semantic value on the entity, UPPERCASE label in the database.
    expect([out.ruleType, out.ruleLabel, out.storedLabel]).toEqual(['hard_no', 'HARD_NO', 'HARD_NO']);
    expect(out.parsedCompleted).toBe(true);
    expect(out.e1rm).toBeCloseTo(116.6667, 3);
    // Stored e1RM: plain Epley of (weight, reps), whatever the effort: 100 x 5 and 80 x 5.
    expect(out.topSets.map((s) => [s.pattern, s.formula])).toEqual([['squat', 'epley'], ['horizontal_push', 'epley']]);
    expect(out.topSets[0]!.e1rm).toBeCloseTo(116.6667, 3);
    expect(out.topSets[1]!.e1rm).toBeCloseTo(93.3333, 3);
    expect(out.exposures).toBe(2);
    expect(out.microcycleId).not.toBeNull();
    // Two squat exposures (100 x 5 = 116.67 and 105 x 5 = 122.5) -> PSI is their mean.
    expect(out.psi).toHaveLength(1);
    expect(out.psi[0]).toMatchObject({ pattern: 'squat', exposures: 2 });
    expect(out.psi[0]!.psi).toBeCloseTo((100 * (1 + 5 / 30) + 105 * (1 + 5 / 30)) / 2, 6);
    expect(out.validation).toEqual({ name: 'GainslyValidationError', paths: ['email', 'personaAggression'] });
  }, 120_000);

  it('import loads neither zod, the schemas, the migrations nor node:fs; they load when the ORM starts, or on first use before it (issue #23)', async () => {
    // Records every file the process loads (module.registerHooks), then: the import alone; a
    // validation failure on an ORM made with `new MikroORM()`, which connects on its first query,
    // after the arguments are checked (the synchronous fallback of src/orm/lazy-module.ts), and
    // that ORM's migrator, which gainslyConfig required synchronously; and createGainslyOrm, which
    // loads them while it connects.
    const url = await scratchDatabase('lazy');
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ load(u, c, next) { loaded.push(u); return next(u, c); } });
      const zod = () => loaded.some((u) => u.includes('/node_modules/zod/'));
      const set = () => loaded.some((u) => u.endsWith('/dist/internal/validation.js'));
      const migrations = () => loaded.some((u) => u.includes('/node_modules/@mikro-orm/migrations/')) || loaded.some((u) => u.endsWith('/dist/internal/migrations.js'));
      const lib = await import('@gainsly/db');
      const { MikroORM } = await import('@mikro-orm/postgresql');
      // Node's fs as an ES module costs about a millisecond per facade (docs/performance.md, "Cold start").
      const fs = () => loaded.some((u) => u === 'node:fs' || u === 'node:fs/promises');
      const out = { afterImport: { zod: zod(), set: set(), migrations: migrations(), fs: fs() } };
      const early = new MikroORM(lib.gainslyConfig({ url: process.env.DATABASE_URL }));
      out.configured = { migrations: migrations() };
      try { await lib.forUser(early.em.fork(), 0).workouts.list(); } catch (e) { out.early = { name: e.name, paths: e.issues?.map((i) => i.path.join('.')), zod: zod() }; }
      out.pending = (await early.migrator.getPending()).map((m) => m.name);
      await early.close(true);
      out.afterEarly = { set: set() };
      const orm = await lib.createGainslyOrm({ url: process.env.DATABASE_URL, verify: false });
      try { await lib.forUser(orm.em.fork(), 1).soreness.create({ date: '2026-01-01', bodyPart: 'x', soreness: 99 }); } catch (e) { out.started = { name: e.name, instance: e instanceof lib.GainslyValidationError }; }
      await orm.close(true);
      console.log(JSON.stringify(out));
    `;
    const result = await node(['--input-type=module', '-e', script], { cwd: join(app, 'service'), env: childEnv({ DATABASE_URL: url }) });
    expectNoPassword(result);
    expect(result.stderr).not.toMatch(/ExperimentalWarning|ERR_REQUIRE/);
    const out = lastJsonLine<{
      afterImport: { zod: boolean; set: boolean; migrations: boolean; fs: boolean };
      configured: { migrations: boolean };
      early: { name: string; paths: string[]; zod: boolean };
      pending: string[];
      afterEarly: { set: boolean };
      started: { name: string; instance: boolean };
    }>(result.stdout);
    expect(out.afterImport).toEqual({ zod: false, set: false, migrations: false, fs: false });
    expect(out.configured).toEqual({ migrations: true });
    expect(out.early).toEqual({ name: 'GainslyValidationError', paths: ['userId'], zod: true });
    expect(out.pending).toEqual(MIGRATIONS);
    expect(out.afterEarly).toEqual({ set: true });
    expect(out.started).toEqual({ name: 'GainslyValidationError', instance: true });
  }, 120_000);

  /** One tsc run with the strictest common settings, shared by the two checks below. */
  let strictest: Promise<TscDiagnostic[]> | undefined;
  function strictestCheck(): Promise<TscDiagnostic[]> {
    strictest ??= run(bin(app, 'tsc'), ['-p', 'service/tsconfig.strictest.json', '--pretty', 'false'], { cwd: app, expectCodes: [0, 1, 2] }).then((r) => {
      timings['tsc strictest'] = r.ms;
      return parseTscOutput(r.stdout);
    });
    return strictest;
  }

  it("the library's own .d.ts files compile under skipLibCheck: false", async () => {
    // MikroORM's and pg's declarations have errors of their own under these settings (that is the
    // reason services set skipLibCheck); only the declarations this package ships are judged here.
    const ours = (await strictestCheck()).filter((d) => d.file.includes('node_modules/@gainsly/db/'));
    expect(formatDiagnostics(ours)).toBe('');
  }, 180_000);

  it('the service also compiles under exactOptionalPropertyTypes', async () => {
    const inService = (await strictestCheck()).filter((d) => d.file.startsWith('service/'));
    expect(formatDiagnostics(inService)).toBe('');
  }, 180_000);
});

describe('a CommonJS script', () => {
  it("type-checks (checkJs) and logs a workout through require('@gainsly/db') on Node 22", async () => {
    const tsc = await run(bin(app, 'tsc'), ['-p', 'script', '--pretty', 'false'], { cwd: app, expectCodes: [0, 1, 2] });
    timings['tsc script'] = tsc.ms;
    expect(formatDiagnostics(parseTscOutput(tsc.stdout)), 'tsc -p script').toBe('');

    const url = await scratchDatabase('cjs');
    const result = await node(['log-workout.js'], { cwd: join(app, 'script'), env: childEnv({ DATABASE_URL: url }) });
    timings['run script'] = result.ms;
    expect(result.stderr).not.toMatch(/ExperimentalWarning|ERR_REQUIRE/);
    expectNoPassword(result);
    const out = lastJsonLine<{
      applied: string[];
      topSets: { pattern: string; e1rm: number; formula: string }[];
      exposures: number;
      hinge: { pattern: string; exposures: number; psi: number | null };
      label: string;
      e1rm: number;
    }>(result.stdout);
    expect(out.applied).toEqual(MIGRATIONS);
    expect(out.topSets).toHaveLength(1);
    expect(out.topSets[0]).toMatchObject({ pattern: 'hinge', formula: 'epley' });
    expect(out.topSets[0]!.e1rm).toBeCloseTo(150 * (1 + 3 / 30), 6); // stored: plain Epley of 150 x 3 (RPE 9 does not enter it)
    expect(out.exposures).toBe(1);
    expect(out.hinge).toEqual({ pattern: 'hinge', exposures: 1, psi: null }); // PSI needs 2 exposures
    expect(out.label).toBe('SINGLE_PROGRESSION');
    expect(out.e1rm).toBeCloseTo(165, 6);
  }, 180_000);
});

describe('a front end', () => {
  interface Metafile {
    inputs: Record<string, { bytes: number; imports: { path: string; kind: string; external?: boolean; original?: string }[] }>;
    outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
  }

  /** Bundles `web/src/<entry>.ts` for the browser with the consumer's esbuild; returns the metafile. */
  async function bundle(entry: string): Promise<{ meta: Metafile; bytes: number; outfile: string }> {
    const outfile = `web/dist/${entry}.js`;
    const metafile = `web/dist/${entry}.meta.json`;
    const result = await run(
      bin(app, 'esbuild'),
      [`web/src/${entry}.ts`, '--bundle', '--platform=browser', '--format=esm', '--minify', `--metafile=${metafile}`, `--outfile=${outfile}`, '--log-level=warning'],
      { cwd: app },
    );
    expect(result.stderr.trim(), `esbuild warnings for ${entry}`).toBe('');
    const meta = await readJson<Metafile>(join(app, metafile));
    const bytes = Object.values(meta.outputs).reduce((sum, o) => sum + o.bytes, 0);
    return { meta, bytes, outfile };
  }

  function forbiddenInputs(meta: Metafile): string[] {
    const problems: string[] = [];
    for (const [path, input] of Object.entries(meta.inputs)) {
      if (/@mikro-orm|node_modules\/(pg|pg-[^/]+|kysely|reflect-metadata|commander|cli-table3|cli-progress|asciichart|picocolors)\/|(^|\/)pg\//.test(path)) problems.push(`bundled ${path}`);
      for (const imported of input.imports) {
        const spec = imported.original ?? imported.path;
        if (spec.startsWith('node:') || imported.external) problems.push(`${path} imports ${spec}${imported.external ? ' (external)' : ''}`);
      }
    }
    return problems;
  }

  it('type-checks with DOM types and no Node types, and reaches neither MikroORM nor @types/node', async () => {
    const tsc = await run(bin(app, 'tsc'), ['-p', 'web', '--pretty', 'false', '--listFiles'], { cwd: app, expectCodes: [0, 1, 2] });
    timings['tsc web'] = tsc.ms;
    expect(formatDiagnostics(parseTscOutput(tsc.stdout)), 'tsc -p web').toBe('');
    expect(tsc.code).toBe(0);
    const files = tsc.stdout.split('\n').filter((l) => l.includes('node_modules/'));
    expect(files.filter((f) => /node_modules\/(@mikro-orm|@types\/node|@types\/pg|pg)\//.test(f))).toEqual([]);
  }, 120_000);

  it('bundles enums, schemas and domain for the browser without MikroORM, pg or Node built-ins, and runs', async () => {
    const { meta, bytes, outfile } = await bundle('app');
    expect(forbiddenInputs(meta)).toEqual([]);
    const packages = [...new Set(Object.keys(meta.inputs).map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? '(app)'))].sort();
    expect(packages).toEqual(['(app)', '@gainsly/db', 'zod']);
    const result = await node([outfile], { cwd: app });
    expect(lastJsonLine(result.stdout)).toEqual({
      e1rm: 100 * (1 + 5 / 30),
      plate: 117.5,
      label: 'HARD_NO',
      patterns: 17,
      formOk: true,
      problems: ['date', 'topSets.0.weight', 'topSets.0.reps'],
      goals: 0,
      unused: 'string',
    });
    const zodBytes = Object.entries(Object.values(meta.outputs)[0]!.inputs)
      .filter(([p]) => p.includes('node_modules/zod/'))
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
    log(`browser bundle (enums + schemas + domain): ${(bytes / 1024).toFixed(1)} KiB minified, of which zod ${(zodBytes / 1024).toFixed(1)} KiB`);
    const locales = Object.keys(meta.inputs).filter((p) => p.includes('node_modules/zod/') && p.includes('/locales/')).length;
    expect(
      bytes,
      `minified browser bundle ${bytes} bytes (zod ${zodBytes}, ${locales} zod locale files), budget ${BROWSER_BUNDLE_BUDGET_BYTES}. ` +
        "A bundle with every zod locale means zod's namespace is imported as a named export (`import { z } from 'zod'`), " +
        "which bundlers cannot tree-shake; zod recommends `import * as z from 'zod'`.",
    ).toBeLessThanOrEqual(BROWSER_BUNDLE_BUDGET_BYTES);
  }, 120_000);

  it('tree-shakes: an app that only needs the enums bundles neither zod nor the domain code', async () => {
    const { meta, bytes, outfile } = await bundle('enums-only');
    expect(forbiddenInputs(meta)).toEqual([]);
    expect(Object.keys(meta.inputs).filter((p) => p.includes('node_modules/zod/'))).toEqual([]);
    log(`browser bundle (enums only): ${(bytes / 1024).toFixed(1)} KiB minified`);
    expect(bytes).toBeLessThanOrEqual(ENUMS_ONLY_BUDGET_BYTES);
    expect(lastJsonLine((await node([outfile], { cwd: app })).stdout)).toEqual({ label: 'BALANCED' });
  }, 60_000);
});

describe('the gainsly-db CLI from node_modules/.bin', () => {
  const cli = () => bin(app, 'gainsly-db');

  it('--help lists the commands and exits 0; --version is the package version', async () => {
    const help = await run(cli(), ['--help'], { cwd: app });
    for (const command of ['migrate', 'doctor', 'adopt', 'audit', 'import', 'demo']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    const migrateHelp = await run(cli(), ['migrate', '--help'], { cwd: app });
    for (const sub of ['up', 'down', 'status']) expect(migrateHelp.stdout).toMatch(new RegExp(`^\\s+${sub}\\b`, 'm'));
    const version = await run(cli(), ['--version'], { cwd: app });
    expect(version.stdout.trim()).toBe(tarball.version);
  }, 60_000);

  it('migrate up applies the migrations once, status reports them, doctor finds the schema healthy', async () => {
    const url = await scratchDatabase('cli');
    const first = await run(cli(), ['migrate', 'up', '--url', url, '--json'], { cwd: app });
    timings['cli migrate'] = first.ms;
    expectNoPassword(first);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, command: 'migrate up', applied: MIGRATIONS, pending: [] });

    // The URL may also come from the environment, as in a deployment.
    const again = await run(cli(), ['migrate', 'up', '--json'], { cwd: app, env: childEnv({ DATABASE_URL: url }) });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, applied: [] });

    const status = await run(cli(), ['migrate', 'status', '--url', url, '--json'], { cwd: app });
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, upToDate: true, applied: MIGRATIONS, pending: [] });

    const doctor = await run(cli(), ['doctor', '--url', url, '--json'], { cwd: app });
    expectNoPassword(doctor);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, healthy: true });
  }, 120_000);

  it('without a database URL it is a usage error (exit 2) naming the options', async () => {
    const result = await run(cli(), ['migrate', 'up'], { cwd: app, expectCodes: [2] });
    expect(`${result.stdout}${result.stderr}`).toMatch(/GAINSLY_DATABASE_URL/);
  }, 60_000);
});
