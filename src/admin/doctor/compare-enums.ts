import type { Catalog } from '../catalog.js';
import { EXPECTED_ENUMS } from '../expected-schema.js';
import { qualified } from '../../orm/sql-helpers.js';
import { statusOf, type DoctorEnumReport, type DoctorFinding } from './types.js';

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Compares the library's enum types with the live ones: missing types and labels (with the
 * statement that adds each label in its place), extra labels, label order, extra types.
 * @internal
 */
export function compareEnums(expected: Catalog, actual: Catalog, schema: string): DoctorEnumReport[] {
  const reports: DoctorEnumReport[] = [];
  for (const name of Object.keys(EXPECTED_ENUMS).sort()) {
    const want = expected.enums[name]!;
    const have = actual.enums[name];
    const findings: DoctorFinding[] = [];
    if (!have) {
      findings.push({ severity: 'error', kind: 'enum_missing', name, message: `Enum type ${name} is missing`, expected: want.join(', ') });
    } else {
      // Missing labels: add each after its nearest existing predecessor (or before its successor),
      // so the final sort order is the expected one.
      const present = [...have];
      for (let i = 0; i < want.length; i++) {
        const label = want[i]!;
        if (present.includes(label)) continue;
        const after = want.slice(0, i).reverse().find((l) => present.includes(l));
        const before = after === undefined ? want.slice(i + 1).find((l) => present.includes(l)) : undefined;
        const position = after !== undefined ? ` after ${sqlString(after)}` : before !== undefined ? ` before ${sqlString(before)}` : '';
        findings.push({
          severity: 'fixable',
          kind: 'enum_label_missing',
          name,
          label,
          message: `Enum ${name} lacks the label ${label}${name === 'progressionstyle' && label === 'WAVE_LOADING' ? ' (in the overview and upstream\'s model; no upstream migration adds it)' : ''}`,
          expected: want.join(', '),
          actual: have.join(', '),
          fix: `alter type ${qualified(schema, name)} add value if not exists ${sqlString(label)}${position}`,
        });
        if (after !== undefined) present.splice(present.indexOf(after) + 1, 0, label);
        else if (before !== undefined) present.splice(present.indexOf(before), 0, label);
        else present.push(label);
      }
      const extra = have.filter((l) => !want.includes(l));
      for (const label of extra) {
        findings.push({
          severity: 'tolerated',
          kind: 'enum_label_extra',
          name,
          label,
          message: `Enum ${name} has the label ${label}, which the library does not know; rows using it cannot be read through the entities`,
          actual: label,
        });
      }
      const common = want.filter((l) => have.includes(l));
      const haveCommon = have.filter((l) => want.includes(l));
      if (common.join(',') !== haveCommon.join(',')) {
        findings.push({
          severity: 'tolerated',
          kind: 'enum_label_order',
          name,
          message: `Enum ${name} sorts its labels differently (affects ORDER BY only)`,
          expected: common.join(', '),
          actual: haveCommon.join(', '),
        });
      }
    }
    reports.push({ enum: name, expected: true, status: statusOf(findings), findings });
  }
  for (const name of Object.keys(actual.enums).sort()) {
    if (name in EXPECTED_ENUMS) continue;
    const finding: DoctorFinding = {
      severity: 'tolerated',
      kind: 'enum_extra',
      name,
      message: `Enum type ${name} is not one of the library's; left alone`,
      actual: actual.enums[name]!.join(', '),
    };
    reports.push({ enum: name, expected: false, status: 'tolerated', findings: [finding] });
  }
  return reports;
}
