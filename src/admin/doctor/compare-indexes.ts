import type { CatalogIndex } from '../catalog.js';
import { LIBRARY_ADDED_INDEXES } from '../expected-schema.js';
import { matchCatalog, type MatchBy } from './match.js';
import type { DoctorFinding } from './types.js';

/** An index definition without its own name and schema, for comparing indexes under different names. */
function indexShape(definition: string): string {
  return definition
    .replace(/^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|\S+) ON /, 'CREATE $1INDEX ? ON ')
    .replace(/ ON (ONLY )?(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.(?=\S)/, ' ON $1');
}

/** Indexes are the same when their definitions agree but for the index's name and schema. */
const INDEXES: MatchBy<CatalogIndex> = { key: (i) => i.name, shape: (i) => indexShape(i.definition) };

/**
 * The statement that creates an expected index (its catalog definition, qualified with the
 * schema), made idempotent: `CREATE INDEX IF NOT EXISTS name ON schema.table …`.
 */
function createIndexStatement(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ');
}

/**
 * Compares a table's indexes: a differing definition under the library's name is an error, the same
 * index under another name is tolerated, a missing performance index the library adds is fixable
 * (any other missing one an error), and an extra one is left alone.
 * @internal
 */
export function compareIndexes(table: string, expected: readonly CatalogIndex[], actual: readonly CatalogIndex[]): DoctorFinding[] {
  const match = matchCatalog(expected, actual, INDEXES);
  const findings: DoctorFinding[] = [];
  for (const { want, have, same } of match.sameKey) {
    if (same) continue;
    findings.push({
      severity: 'error',
      kind: 'index_differs',
      table,
      name: want.name,
      message: `Index ${want.name} is "${have.definition}", expected "${want.definition}"`,
      expected: want.definition,
      actual: have.definition,
    });
  }
  for (const { want, have: twin } of match.otherKey) {
    if (twin) {
      findings.push({
        severity: 'tolerated',
        kind: 'index_renamed',
        table,
        name: want.name,
        message: `Index ${want.name} exists as ${twin.name}; the name is left alone`,
        expected: want.name,
        actual: twin.name,
      });
    } else if (LIBRARY_ADDED_INDEXES.includes(want.name)) {
      findings.push({
        severity: 'fixable',
        kind: 'index_missing',
        table,
        name: want.name,
        message: `Index ${want.name} on ${table} is missing (a performance index the library adds; upstream does not create it)`,
        expected: want.definition,
        fix: createIndexStatement(want.definition),
      });
    } else {
      findings.push({
        severity: 'error',
        kind: 'index_missing',
        table,
        name: want.name,
        message: `Index ${want.name} on ${table} is missing (${want.definition})`,
        expected: want.definition,
      });
    }
  }
  for (const have of match.extra) {
    // Upstream may one day index a column the library already indexes (under its own name: the
    // library's are `gainsly_ix_…`). Both then serve the same lookups and both slow every write.
    const shape = INDEXES.shape(have);
    const twin = match.sameKey.find(({ want }) => LIBRARY_ADDED_INDEXES.includes(want.name) && INDEXES.shape(want) === shape)?.want;
    findings.push({
      severity: 'tolerated',
      kind: 'index_extra',
      table,
      name: have.name,
      message: twin
        ? `Index ${have.name} on ${table} has the same definition as the library's ${twin.name}; one of them is redundant (drop the library's: doctor then accepts ${have.name} in its place)`
        : `Index ${have.name} on ${table} is not one of the library's; left alone`,
      actual: have.definition,
    });
  }
  return findings;
}
