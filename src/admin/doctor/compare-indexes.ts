import type { CatalogIndex } from '../catalog.js';
import { LIBRARY_ADDED_INDEXES } from '../expected-schema.js';
import { matchCatalog, reportMatch, type MatchBy } from './match.js';
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
  const about = (severity: DoctorFinding['severity'], kind: DoctorFinding['kind'], i: CatalogIndex, message: string) => ({ severity, kind, table, name: i.name, message });
  return reportMatch<CatalogIndex, DoctorFinding>(match, {
    differs: (want, have) => ({
      ...about('error', 'index_differs', want, `Index ${want.name} is "${have.definition}", expected "${want.definition}"`),
      expected: want.definition,
      actual: have.definition,
    }),
    renamed: (want, twin) => ({ ...about('tolerated', 'index_renamed', want, `Index ${want.name} exists as ${twin.name}; the name is left alone`), expected: want.name, actual: twin.name }),
    missing: (want) =>
      LIBRARY_ADDED_INDEXES.includes(want.name)
        ? {
            ...about('fixable', 'index_missing', want, `Index ${want.name} on ${table} is missing (a performance index the library adds; upstream does not create it)`),
            expected: want.definition,
            fix: createIndexStatement(want.definition),
          }
        : { ...about('error', 'index_missing', want, `Index ${want.name} on ${table} is missing (${want.definition})`), expected: want.definition },
    extra: (have) => {
      // Upstream may one day index a column the library already indexes (under its own name: the
      // library's are `gainsly_ix_…`). Both then serve the same lookups and both slow every write.
      const shape = INDEXES.shape(have);
      const twin = match.sameKey.find(({ want }) => LIBRARY_ADDED_INDEXES.includes(want.name) && INDEXES.shape(want) === shape)?.want;
      const message = twin
        ? `Index ${have.name} on ${table} has the same definition as the library's ${twin.name}; one of them is redundant (drop the library's: doctor then accepts ${have.name} in its place)`
        : `Index ${have.name} on ${table} is not one of the library's; left alone`;
      return { ...about('tolerated', 'index_extra', have, message), actual: have.definition };
    },
  });
}
