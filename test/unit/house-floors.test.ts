// The floors of the house (DESIGN.md section 3, drawn in docs/architecture.md): every import in
// src/ points down or sideways, never up. A file that reaches a floor above it makes the lower floor
// depend on everything the upper one imports (the composition root imports every entity and
// migration), which is how circles start; this test names the import so it can be moved.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Lowest first. Two entries on one floor may import each other. */
const FLOORS: readonly (readonly [floor: number, prefix: string])[] = [
  [1, 'enums/'],
  [2, 'domain/'],
  [3, 'schemas/'],
  [4, 'orm/'],
  [5, 'modules/'],
  // The user scope is the top of the modules: a façade over every repository.
  [6, 'modules/scope/'],
  [7, 'setup/'],
  [8, 'admin/'],
  [9, 'demo/'],
  [10, 'cli/'],
  [11, 'index.ts'],
];

function floorOf(file: string): number {
  let found: number | undefined;
  let longest = -1;
  for (const [floor, prefix] of FLOORS) {
    if (file.startsWith(prefix) && prefix.length > longest) {
      found = floor;
      longest = prefix.length;
    }
  }
  if (found === undefined) throw new Error(`src/${file} is on no floor: add its folder to FLOORS and to docs/architecture.md`);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers of a file (static imports, re-exports, `import()` with a literal). */
function relativeImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

const edges = sourceFiles(SRC).flatMap((path) => {
  const from = relative(SRC, path).split('\\').join('/');
  return relativeImports(path).map((specifier) => {
    const to = relative(SRC, resolve(dirname(path), specifier)).split('\\').join('/').replace(/\.js$/, '.ts');
    return { from, to };
  });
});

describe('the floors of src/', () => {
  it('reads the imports of every source file', () => {
    // Guards the test itself: a parser that found nothing would make the next test pass vacuously.
    expect(edges.some((e) => e.from === 'setup/config.ts' && e.to === 'modules/entities.ts')).toBe(true);
    expect(edges.some((e) => e.from.startsWith('modules/') && e.to.startsWith('orm/'))).toBe(true);
  });

  it('has no import that runs from a lower floor up to a higher one', () => {
    const upward = edges
      .filter((e) => !e.to.startsWith('../')) // migrations/ sit beside src/, under the composition root
      .filter((e) => floorOf(e.to) > floorOf(e.from))
      .map((e) => `src/${e.from} imports src/${e.to}`);
    expect(upward).toEqual([]);
  });

  it('lets only the composition root (and what stands above it) reach the migrations', () => {
    const outside = edges
      .filter((e) => e.to.startsWith('../migrations/'))
      .filter((e) => floorOf(e.from) < floorOf('setup/'))
      .map((e) => `src/${e.from} imports ${e.to.slice(3)}`);
    expect(outside).toEqual([]);
  });
});
