#!/usr/bin/env node
// Checks the public API of @gainsly/db: what each entry point of package.json "exports" exports,
// against the reviewed snapshot in test/consumer/public-api.json.
//
//   npm run check:exports                 # after `npm run build`
//   npm run check:exports -- --update     # rewrite the snapshot from src/ (review the diff!)
//   npm run check:exports -- --source-only  # src/ only, no build needed (skips the dist checks)
//
// It fails when:
//   snapshot   a name was added to or removed from an entry point, or changed kind (class,
//              function, const, type, interface, const+type), compared with the snapshot;
//   internal   an exported name starts with `_`, is tagged `@internal`, or is declared in src/cli/
//              (the CLI is not an API) or outside src/ and migrations/;
//   barrel     something public is missing: a type or class that a public declaration uses
//              (parameter, return, property, base class) is declared in this package but exported
//              from no entry point; an entity class, its repository, or an enum (with its `...Label`
//              type) is not exported;
//   dist       (after a build) dist/<entry>.d.ts does not export exactly the names and kinds of
//              src/<entry>.ts, or the runtime module dist/<entry>.js does not export exactly the
//              value names.
//
// Documentation completeness (TSDoc with an example on every export) is checked by `npm run docs`
// (TypeDoc, notDocumented) and by the `docs` group here: every public export must have a doc
// comment with an `@example`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SNAPSHOT = join(ROOT, 'test/consumer/public-api.json');
const args = new Set(process.argv.slice(2));
const UPDATE = args.has('--update');
const SOURCE_ONLY = args.has('--source-only');
for (const arg of args) {
  if (!['--update', '--source-only'].includes(arg)) {
    console.error(`check-exports: unknown argument ${arg} (use --update or --source-only)`);
    process.exit(2);
  }
}

const rel = (file) => relative(ROOT, file).split('\\').join('/');

// ------------------------------------------------------------------------------------------------
// Entry points, from package.json "exports": ./dist/X.js <- ./src/X.ts

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const entries = [];
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (subpath === './package.json') continue;
  const js = typeof target === 'string' ? target : target.default ?? target.import;
  const dts = typeof target === 'string' ? undefined : target.types;
  const src = js.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
  entries.push({ subpath, js: join(ROOT, js), dts: dts && join(ROOT, dts), src: join(ROOT, src) });
}

/** @type {Map<string, string[]>} group -> problems */
const problems = new Map();
function problem(group, message) {
  if (!problems.has(group)) problems.set(group, []);
  problems.get(group).push(message);
}

// ------------------------------------------------------------------------------------------------
// Reading the exports of a set of entry files with the TypeScript checker

const COMPILER_OPTIONS = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  experimentalDecorators: true,
  types: ['node'],
};

function createProgram(files) {
  const program = ts.createProgram(files, COMPILER_OPTIONS);
  return { program, checker: program.getTypeChecker() };
}

function resolveAlias(checker, symbol) {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** class | function | const | enum | interface | type | const+type | ... */
function kindOf(symbol) {
  const f = symbol.flags;
  const value = [];
  if (f & ts.SymbolFlags.Class) value.push('class');
  else if (f & ts.SymbolFlags.Function) value.push('function');
  else if (f & ts.SymbolFlags.Enum) value.push('enum');
  else if (f & ts.SymbolFlags.Variable) value.push('const');
  else if (f & ts.SymbolFlags.ValueModule) value.push('namespace');
  const type = [];
  if (!(f & ts.SymbolFlags.Class) && !(f & ts.SymbolFlags.Enum)) {
    if (f & ts.SymbolFlags.Interface) type.push(value.length ? 'type' : 'interface');
    else if (f & ts.SymbolFlags.TypeAlias) type.push('type');
  }
  return [...value, ...type].join('+') || 'unknown';
}

function isValueKind(kind) {
  return /^(class|function|enum|const|namespace)/.test(kind);
}

/**
 * The exports of each entry file: name -> { kind, symbol (resolved), declarations }.
 * @returns {{ program: ts.Program, checker: ts.TypeChecker, byEntry: Map<string, Map<string, {kind: string, symbol: ts.Symbol}>> }}
 */
function readExports(files) {
  const { program, checker } = createProgram(files);
  const byEntry = new Map();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`cannot read ${rel(file)}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const map = new Map();
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const symbol = resolveAlias(checker, exported);
      map.set(exported.getName(), { kind: kindOf(symbol), symbol });
    }
    byEntry.set(file, map);
  }
  return { program, checker, byEntry };
}

function snapshotOf(byEntry, fileOf) {
  const snapshot = {};
  for (const entry of entries) {
    const map = byEntry.get(fileOf(entry));
    snapshot[entry.subpath] = Object.fromEntries([...map].map(([name, { kind }]) => [name, kind]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return snapshot;
}

function diffSnapshots(expected, actual, what) {
  const lines = [];
  for (const subpath of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[subpath] ?? {};
    const got = actual[subpath] ?? {};
    if (!(subpath in expected)) lines.push(`${subpath}: entry point not in the snapshot`);
    if (!(subpath in actual)) lines.push(`${subpath}: entry point missing from ${what}`);
    for (const name of Object.keys(want)) {
      if (!(name in got)) lines.push(`- ${subpath} ${name} (${want[name]}): missing from ${what}`);
      else if (got[name] !== want[name]) lines.push(`~ ${subpath} ${name}: ${want[name]} -> ${got[name]} in ${what}`);
    }
    for (const name of Object.keys(got)) {
      if (!(name in want)) lines.push(`+ ${subpath} ${name} (${got[name]}): exported by ${what} but not in the snapshot`);
    }
  }
  return lines;
}

// ------------------------------------------------------------------------------------------------
// 1. src/: snapshot, internal names, documentation

const source = readExports(entries.map((e) => e.src));
const actual = snapshotOf(source.byEntry, (e) => e.src);

/** Every public symbol (resolved), across entry points, with where it is exported. */
const publicSymbols = new Map();
for (const entry of entries) {
  for (const [name, { symbol, kind }] of source.byEntry.get(entry.src)) {
    if (!publicSymbols.has(symbol)) publicSymbols.set(symbol, { name, kind, subpaths: [] });
    publicSymbols.get(symbol).subpaths.push(entry.subpath);
  }
}

function declarationFiles(symbol) {
  return (symbol.declarations ?? []).map((d) => rel(d.getSourceFile().fileName));
}

function hasTag(declaration, tagName) {
  return ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === tagName);
}

/** The JSDoc nodes of a declaration (for a variable: of its statement). */
function jsDocsOf(declaration) {
  let node = declaration;
  if (ts.isVariableDeclaration(node)) node = node.parent?.parent ?? node;
  return (node.jsDoc ?? []).filter(Boolean);
}

for (const [symbol, { name, subpaths }] of publicSymbols) {
  const where = `${name} (${subpaths.join(', ')})`;
  if (name.startsWith('_')) problem('internal', `${where}: names starting with "_" are internal`);
  for (const declaration of symbol.declarations ?? []) {
    const file = rel(declaration.getSourceFile().fileName);
    if (hasTag(declaration, 'internal')) problem('internal', `${where}: tagged @internal in ${file}`);
    if (file.startsWith('src/cli/')) problem('internal', `${where}: declared in ${file}; the CLI is not an API`);
    else if (!file.startsWith('src/') && !file.startsWith('migrations/')) {
      problem('internal', `${where}: declared in ${file}, outside this package's sources (re-exporting a dependency's API ties ours to it)`);
    }
  }
  // Documentation: a doc comment with an @example on one of the declarations.
  const ownDeclarations = (symbol.declarations ?? []).filter((d) => rel(d.getSourceFile().fileName).startsWith('src/'));
  if (ownDeclarations.length > 0) {
    const docs = ownDeclarations.flatMap(jsDocsOf);
    const file = rel(ownDeclarations[0].getSourceFile().fileName);
    if (docs.length === 0) problem('docs', `${file}: ${name} has no doc comment`);
    else if (!ownDeclarations.some((d) => hasTag(d, 'example') || jsDocsOf(d).some((doc) => (doc.tags ?? []).some((t) => t.tagName.text === 'example')))) {
      problem('docs', `${file}: ${name} has no @example`);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// 2. "Public by construction": entities with their repositories, enums with their label types

const main = source.byEntry.get(entries.find((e) => e.subpath === '.').src);
const enumsEntry = entries.find((e) => e.subpath === './enums');
const enumsExports = enumsEntry ? source.byEntry.get(enumsEntry.src) : new Map();

function namesInObjectLiteral(exportName, exportsMap) {
  const found = exportsMap.get(exportName);
  const declaration = found?.symbol.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const names = [];
  const visit = (node) => {
    if (ts.isArrayLiteralExpression(node)) {
      for (const el of node.elements) if (ts.isIdentifier(el)) names.push(el.text);
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.push(p.name.text);
    } else ts.forEachChild(node, visit);
  };
  visit(declaration.initializer);
  return names;
}

const entityNames = namesInObjectLiteral('ENTITIES', main);
if (!entityNames) problem('barrel', '. ENTITIES: not exported, or not an array literal of the entity classes');
for (const entity of entityNames ?? []) {
  if (main.get(entity)?.kind !== 'class') problem('barrel', `. ${entity}: an entity (in ENTITIES) that the barrel does not export as a class`);
  if (main.get(`${entity}Repository`)?.kind !== 'class') problem('barrel', `. ${entity}Repository: the repository of entity ${entity} is not exported`);
}
const enumNames = namesInObjectLiteral('ENUMS', enumsExports);
if (!enumNames) problem('barrel', './enums ENUMS: not exported, or not an object literal of the enum codecs');
for (const name of enumNames ?? []) {
  if (enumsExports.get(name)?.kind !== 'const+type') problem('barrel', `./enums ${name}: an enum of ENUMS not exported as a const map and value type`);
  if (!['type', 'interface'].includes(enumsExports.get(`${name}Label`)?.kind)) problem('barrel', `./enums ${name}Label: the label type of enum ${name} is not exported`);
}

// ------------------------------------------------------------------------------------------------
// 3. Types used by the public API but exported from no entry point (walks the src declarations)

/** Type-level references inside a declaration, skipping private class members and bodies. */
function referencedSymbols(checker, declaration) {
  const found = new Set();
  const visit = (node) => {
    if (ts.isBlock(node) || (ts.isClassElement(node) && (node.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword))) return;
    if (ts.isClassElement(node) && node.name && ts.isPrivateIdentifier(node.name)) return;
    if (ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node)) {
      // Only the declared type matters, not the initializer (unless there is no annotation:
      // then the inferred type is what the .d.ts shows; the dist walk below covers that).
      if (node.type) visit(node.type);
      if (ts.isParameter(node) || ts.isPropertyDeclaration(node)) return;
      return;
    }
    let target;
    if (ts.isTypeReferenceNode(node)) target = node.typeName;
    else if (ts.isExpressionWithTypeArguments(node)) target = node.expression;
    else if (ts.isTypeQueryNode(node)) target = node.exprName;
    if (target) {
      const symbol = checker.getSymbolAtLocation(ts.isQualifiedName(target) ? target.right : ts.isPropertyAccessExpression(target) ? target.name : target);
      if (symbol) found.add(resolveAlias(checker, symbol));
    }
    ts.forEachChild(node, visit);
  };
  if (ts.isVariableDeclaration(declaration)) {
    if (declaration.type) visit(declaration.type);
  } else if (ts.isFunctionDeclaration(declaration)) {
    for (const p of declaration.parameters) if (p.type) visit(p.type);
    if (declaration.type) visit(declaration.type);
    for (const tp of declaration.typeParameters ?? []) visit(tp);
  } else ts.forEachChild(declaration, visit);
  return found;
}

/** `used|publicName` pairs already reported (the src and the dist walks find many of the same). */
const reportedUses = new Set();
function missingFromBarrel({ checker, publicSet, isOurs, label }) {
  const reported = reportedUses;
  for (const [symbol, info] of publicSet) {
    for (const declaration of symbol.declarations ?? []) {
      if (!isOurs(declaration.getSourceFile().fileName)) continue;
      for (const used of referencedSymbols(checker, declaration)) {
        if (publicSet.has(used) || used.flags & ts.SymbolFlags.TypeParameter) continue;
        const files = (used.declarations ?? []).map((d) => d.getSourceFile().fileName);
        if (files.length === 0 || !files.every(isOurs)) continue;
        const key = `${used.getName()}|${info.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problem('barrel', `${used.getName()} (${files.map(rel).join(', ')}) is used by public ${info.name} but exported from no entry point${label}`);
      }
    }
  }
}

missingFromBarrel({
  checker: source.checker,
  publicSet: publicSymbols,
  isOurs: (file) => /^(src|migrations)\//.test(rel(file)),
  label: '',
});

// ------------------------------------------------------------------------------------------------
// 4. dist/: the published declarations and the runtime modules

async function checkDist() {
  const missing = entries.filter((e) => !existsSync(e.js) || (e.dts && !existsSync(e.dts)));
  if (missing.length > 0) {
    problem('dist', `no build (${missing.map((e) => rel(e.dts && !existsSync(e.dts) ? e.dts : e.js)).join(', ')} missing): run \`npm run build\` first, or pass --source-only`);
    return;
  }
  const dist = readExports(entries.map((e) => e.dts));
  const published = snapshotOf(dist.byEntry, (e) => e.dts);
  for (const line of diffSnapshots(actual, published, 'dist/*.d.ts')) problem('dist', `${line} (src/ and the build differ: stale dist/?)`);

  const distPublic = new Map();
  for (const entry of entries) {
    for (const [name, { symbol, kind }] of dist.byEntry.get(entry.dts)) if (!distPublic.has(symbol)) distPublic.set(symbol, { name, kind });
  }
  const distDir = join(ROOT, 'dist') + '/';
  missingFromBarrel({ checker: dist.checker, publicSet: distPublic, isOurs: (file) => file.startsWith(distDir), label: ' (in the published .d.ts)' });

  for (const entry of entries) {
    const module = await import(pathToFileURL(entry.js).href);
    const runtime = new Set(Object.keys(module));
    const values = new Set(Object.entries(actual[entry.subpath]).filter(([, kind]) => isValueKind(kind)).map(([name]) => name));
    for (const name of values) if (!runtime.has(name)) problem('dist', `${entry.subpath} ${name}: declared as a value but missing from ${rel(entry.js)} at run time`);
    for (const name of runtime) if (!values.has(name)) problem('dist', `${entry.subpath} ${name}: exported by ${rel(entry.js)} at run time but not a declared value export`);
    // The build keeps no names (tsup.config.ts): a class the bundler renamed on a clash would give
    // MikroORM another entity name, or an error another name.
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'function' || !/^class\b/.test(Function.prototype.toString.call(value))) continue;
      const expected = name === 'GainslyPostgreSqlDriver' ? 'PostgreSqlDriver' : name;
      if (value.name !== expected) problem('dist', `${entry.subpath} ${name}: the class is named ${value.name} at run time, not ${expected} (renamed by the bundler on a name clash)`);
    }
  }
}

if (!SOURCE_ONLY) await checkDist();

// ------------------------------------------------------------------------------------------------
// 5. The snapshot

let expected;
try {
  expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  delete expected.$comment;
} catch (error) {
  if (!UPDATE) problem('snapshot', `cannot read ${rel(SNAPSHOT)} (${error.code ?? error.message}); create it with --update`);
}

if (UPDATE) {
  const before = expected ? diffSnapshots(expected, actual, 'src/') : [];
  const body = {
    $comment:
      'The reviewed public API of @gainsly/db: every name each entry point exports, with its kind. ' +
      'scripts/check-exports.mjs (npm run check:exports) fails when src/ or dist/ differ; after an intended ' +
      'API change run `npm run check:exports -- --update` and review this diff.',
    ...actual,
  };
  writeFileSync(SNAPSHOT, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`check-exports: wrote ${rel(SNAPSHOT)}${before.length ? ` (${before.length} change(s)):\n  ${before.join('\n  ')}` : ' (no changes)'}`);
} else if (expected) {
  for (const line of diffSnapshots(expected, actual, 'src/')) problem('snapshot', line);
}

// ------------------------------------------------------------------------------------------------
// Report

const counts = entries.map((e) => `${e.subpath} ${Object.keys(actual[e.subpath]).length}`).join(', ');
const GROUPS = {
  snapshot: 'public API differs from test/consumer/public-api.json (intended? `npm run check:exports -- --update`, then review the diff)',
  internal: 'internal names in the public API',
  barrel: 'public things missing from the entry points',
  dist: 'the build does not match the sources',
  docs: 'public exports without TSDoc or without an @example',
};
let failed = 0;
for (const [group, title] of Object.entries(GROUPS)) {
  const list = problems.get(group) ?? [];
  if (list.length === 0) continue;
  failed += list.length;
  console.error(`\n${group}: ${title} (${list.length})`);
  for (const line of list.sort()) console.error(`  ${line}`);
}
if (failed > 0) {
  console.error(`\ncheck-exports: ${failed} problem(s). Exports: ${counts}.`);
  process.exit(1);
}
console.log(`check-exports: ok (${counts}${SOURCE_ONLY ? '; dist not checked' : '; dist matches'}).`);
