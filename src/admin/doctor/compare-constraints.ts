import type { CatalogConstraint } from '../catalog.js';
import { matchCatalog, reportMatch, type MatchBy } from './match.js';
import type { DoctorFinding } from './types.js';

/** A constraint definition with any schema qualification of the referenced table removed. */
function normaliseConstraint(definition: string): string {
  return definition.replace(/REFERENCES (?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.(?=\S)/, 'REFERENCES ');
}

/** Constraints are the same when kind and (schema-free) definition agree, whatever their names. */
const CONSTRAINTS: MatchBy<CatalogConstraint> = {
  key: (c) => c.name,
  shape: (c) => JSON.stringify([c.kind, normaliseConstraint(c.definition)]),
};

/**
 * Compares a table's constraints: a differing definition under the library's name is an error, the
 * same constraint under another name (e.g. SQLAlchemy create_all's default FK names) is tolerated,
 * a missing one is an error, and an extra one is left alone.
 * @internal
 */
export function compareConstraints(table: string, expected: readonly CatalogConstraint[], allActual: readonly CatalogConstraint[]): DoctorFinding[] {
  // PostgreSQL 18 (and PGlite on it) lists each NOT NULL as a constraint (contype 'n'); nullability
  // is already compared per column, so these are not constraints in the sense of this check.
  const actual = allActual.filter((c) => !/^NOT NULL /.test(c.definition));
  const about = (severity: DoctorFinding['severity'], kind: DoctorFinding['kind'], c: CatalogConstraint, message: string) => ({ severity, kind, table, name: c.name, message });
  return reportMatch<CatalogConstraint, DoctorFinding>(matchCatalog(expected, actual, CONSTRAINTS), {
    differs: (want, have) => ({
      ...about('error', 'constraint_differs', want, `Constraint ${table}.${want.name} is ${have.definition}, expected ${want.definition}`),
      expected: want.definition,
      actual: have.definition,
    }),
    renamed: (want, twin) => ({
      ...about('tolerated', 'constraint_renamed', want, `Constraint ${table}.${want.name} exists as ${twin.name} (${twin.definition}); the name is left alone`),
      expected: want.name,
      actual: twin.name,
    }),
    missing: (want) => ({ ...about('error', 'constraint_missing', want, `Constraint ${table}.${want.name} (${want.definition}) is missing`), expected: want.definition }),
    extra: (have) => ({ ...about('tolerated', 'constraint_extra', have, `Constraint ${table}.${have.name} (${have.definition}) is not one of the library's; left alone`), actual: have.definition }),
  });
}
