import type { CatalogConstraint } from '../catalog.js';
import { matchCatalog, type MatchBy } from './match.js';
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
  const match = matchCatalog(expected, actual, CONSTRAINTS);
  const findings: DoctorFinding[] = [];
  for (const { want, have, same } of match.sameKey) {
    if (same) continue;
    findings.push({
      severity: 'error',
      kind: 'constraint_differs',
      table,
      name: want.name,
      message: `Constraint ${table}.${want.name} is ${have.definition}, expected ${want.definition}`,
      expected: want.definition,
      actual: have.definition,
    });
  }
  for (const { want, have: twin } of match.otherKey) {
    if (twin) {
      findings.push({
        severity: 'tolerated',
        kind: 'constraint_renamed',
        table,
        name: want.name,
        message: `Constraint ${table}.${want.name} exists as ${twin.name} (${twin.definition}); the name is left alone`,
        expected: want.name,
        actual: twin.name,
      });
    } else {
      findings.push({
        severity: 'error',
        kind: 'constraint_missing',
        table,
        name: want.name,
        message: `Constraint ${table}.${want.name} (${want.definition}) is missing`,
        expected: want.definition,
      });
    }
  }
  for (const have of match.extra) {
    findings.push({
      severity: 'tolerated',
      kind: 'constraint_extra',
      table,
      name: have.name,
      message: `Constraint ${table}.${have.name} (${have.definition}) is not one of the library's; left alone`,
      actual: have.definition,
    });
  }
  return findings;
}
