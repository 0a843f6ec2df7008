import type { CatalogColumn, CatalogTable } from '../catalog.js';
import { LIBRARY_ADDED_COLUMNS } from '../expected-schema.js';
import { missingLibraryTable } from '../library-tables.js';
import { qualified, quoteIdent } from '../../orm/sql-helpers.js';
import { compareConstraints } from './compare-constraints.js';
import { compareIndexes } from './compare-indexes.js';
import type { DoctorFinding } from './types.js';

/** The finding for a table that is not one of the library's. @internal */
export function extraTableFinding(name: string, table: CatalogTable): DoctorFinding {
  return {
    severity: 'tolerated',
    kind: 'table_extra',
    table: name,
    message: `${name} is not one of the library's tables (${table.columns.length} columns); left alone`,
  };
}

const columnSpec = (c: Pick<CatalogColumn, 'type' | 'nullable' | 'default'>) =>
  `${c.type} ${c.nullable ? 'null' : 'not null'}${c.default === null ? '' : ` default ${c.default}`}`;

/** `character varying(N)` -> N; unbounded varchar and text -> Infinity; other types -> undefined. */
function textCapacity(type: string): number | undefined {
  const m = /^character varying\((\d+)\)$/.exec(type);
  if (m) return Number(m[1]);
  if (type === 'character varying' || type === 'text') return Number.POSITIVE_INFINITY;
  return undefined;
}

/**
 * Compares one of the library's tables with the live one: its columns by name (type, nullability,
 * default, extra and missing columns, order), then its constraints and indexes.
 * @internal
 */
export function compareTable(name: string, expected: CatalogTable, actual: CatalogTable | undefined, schema: string): DoctorFinding[] {
  if (!actual) {
    // A table the library's own migrations add is adopt's to create (src/admin/library-tables.ts).
    return [missingLibraryTable(name, schema) ?? { severity: 'error', kind: 'table_missing', table: name, message: `Table ${name} is missing` }];
  }
  const findings: DoctorFinding[] = [];
  const actualColumns = new Map(actual.columns.map((c) => [c.name, c]));
  const expectedNames = new Set(expected.columns.map((c) => c.name));

  for (const col of expected.columns) {
    const found = actualColumns.get(col.name);
    const where = `${name}.${col.name}`;
    if (!found) {
      const libraryAdded = LIBRARY_ADDED_COLUMNS.some(([t, c]) => t === name && c === col.name);
      findings.push(
        libraryAdded
          ? {
              severity: 'fixable',
              kind: 'column_missing',
              table: name,
              column: col.name,
              message: `${where} is missing (the overview and upstream's models declare it; no upstream migration creates it)`,
              expected: columnSpec(col),
              fix: `alter table ${qualified(schema, name)} add column if not exists ${quoteIdent(col.name)} ${col.type} ${col.nullable ? 'null' : 'not null'}`,
            }
          : {
              severity: 'error',
              kind: 'column_missing',
              table: name,
              column: col.name,
              message: `${where} is missing`,
              expected: columnSpec(col),
            },
      );
      continue;
    }
    if (found.type !== col.type) {
      const want = textCapacity(col.type);
      const have = textCapacity(found.type);
      const wider = want !== undefined && have !== undefined && have >= want;
      findings.push({
        severity: wider ? 'tolerated' : 'error',
        kind: 'column_type',
        table: name,
        column: col.name,
        message: wider ? `${where} is ${found.type}, wider than the expected ${col.type}` : `${where} has type ${found.type}, expected ${col.type}`,
        expected: col.type,
        actual: found.type,
      });
    }
    if (found.nullable !== col.nullable) {
      findings.push({
        severity: 'error',
        kind: 'column_nullability',
        table: name,
        column: col.name,
        message: col.nullable
          ? `${where} is NOT NULL, expected nullable (library inserts that leave it empty would fail)`
          : `${where} is nullable, expected NOT NULL (rows may hold NULL where the library promises a value)`,
        expected: col.nullable ? 'null' : 'not null',
        actual: found.nullable ? 'null' : 'not null',
      });
    }
    if (col.default !== found.default) {
      if (found.default === null && col.default !== null && !col.default.startsWith('nextval(')) {
        findings.push({
          severity: 'fixable',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} has no server default; the overview documents ${col.default}`,
          expected: col.default,
          actual: '(none)',
          fix: `alter table ${qualified(schema, name)} alter column ${quoteIdent(col.name)} set default ${col.default}`,
        });
      } else if (found.default === null) {
        findings.push({
          severity: 'error',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} has no default, expected ${col.default} (an identity or sequence the library cannot recreate safely)`,
          expected: col.default ?? '(none)',
          actual: '(none)',
        });
      } else {
        findings.push({
          severity: 'tolerated',
          kind: 'column_default',
          table: name,
          column: col.name,
          message: `${where} defaults to ${found.default}, expected ${col.default ?? 'no default'}; left alone (the library always writes the column)`,
          expected: col.default ?? '(none)',
          actual: found.default,
        });
      }
    }
  }

  for (const col of actual.columns) {
    if (expectedNames.has(col.name)) continue;
    const harmless = col.nullable || col.default !== null;
    findings.push({
      severity: harmless ? 'tolerated' : 'error',
      kind: 'column_extra',
      table: name,
      column: col.name,
      message: harmless
        ? `${name}.${col.name} (${columnSpec(col)}) is not a library column; tolerated because library inserts can leave it ${col.nullable ? 'NULL' : 'to its default'}`
        : `${name}.${col.name} is an extra NOT NULL column without a default: every library insert into ${name} would fail`,
      actual: columnSpec(col),
    });
  }

  const expectedOrder = expected.columns.map((c) => c.name).filter((n) => actualColumns.has(n));
  const actualOrder = actual.columns.map((c) => c.name).filter((n) => expectedNames.has(n));
  if (expectedOrder.join(',') !== actualOrder.join(',')) {
    findings.push({
      severity: 'tolerated',
      kind: 'column_order',
      table: name,
      message: `${name}'s columns are in a different order than upstream's migrations create them (matters only for positional INSERT/COPY)`,
      expected: expectedOrder.join(', '),
      actual: actualOrder.join(', '),
    });
  }

  findings.push(...compareConstraints(name, expected.constraints, actual.constraints));
  findings.push(...compareIndexes(name, expected.indexes, actual.indexes));
  return findings;
}
