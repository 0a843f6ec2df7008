// doctor reports an index whose DEFINITION differs from the library's under the same name (not only
// a missing or renamed one): another column, unique or not, another access method, a partial index,
// another column order, a lost INCLUDE, a descending key, another operator class, an expression, a
// collation. Each is an `error` finding `index_differs` naming the table and index, with both
// definitions; the report is not ok; adopt refuses it; and once the index is put back, doctor is
// clean again. The expected definitions are written out as PostgreSQL prints them (pg_get_indexdef).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm } from '../../src/index.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import type { DoctorFinding, DoctorReport } from '../../src/admin/doctor/types.js';
import { adopt, GainslyAdoptError } from '../../src/admin/index.js';
import { useClonedDatabase, withRawClient } from '../support/database.js';

const db = useClonedDatabase();
let orm: MikroORM;

beforeAll(async () => {
  orm = (await createGainslyOrm({ url: db.url })) as MikroORM;
});
afterAll(async () => {
  await orm?.close(true);
});

const findingsOf = (report: DoctorReport): DoctorFinding[] => [
  ...report.tables.flatMap((t) => t.findings),
  ...report.enums.flatMap((e) => e.findings),
  ...report.migrations.findings,
];

const sql = (text: string) => withRawClient(db.url, (client) => client.query(text));

/** [what differs, table, index, the library's definition, the definition planted instead]. */
const CASES: [string, string, string, string, string][] = [
  ['another column', 'movements', 'ix_movements_pattern', 'CREATE INDEX ix_movements_pattern ON public.movements USING btree (pattern)', 'CREATE INDEX ix_movements_pattern ON public.movements USING btree (primary_muscle)'],
  ['unique no more', 'movements', 'ix_movements_name', 'CREATE UNIQUE INDEX ix_movements_name ON public.movements USING btree (name)', 'CREATE INDEX ix_movements_name ON public.movements USING btree (name)'],
  ['unique where it was not', 'programs', 'ix_programs_user_id', 'CREATE INDEX ix_programs_user_id ON public.programs USING btree (user_id)', 'CREATE UNIQUE INDEX ix_programs_user_id ON public.programs USING btree (user_id)'],
  ['another access method', 'sessions', 'ix_sessions_date', 'CREATE INDEX ix_sessions_date ON public.sessions USING btree (date)', 'CREATE INDEX ix_sessions_date ON public.sessions USING hash (date)'],
  ['a partial index', 'workout_logs', 'ix_workout_logs_date', 'CREATE INDEX ix_workout_logs_date ON public.workout_logs USING btree (date)', 'CREATE INDEX ix_workout_logs_date ON public.workout_logs USING btree (date) WHERE completed'],
  [
    'another column order',
    'pattern_exposures',
    'gainsly_ix_pattern_exposures_user_microcycle',
    'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON public.pattern_exposures USING btree (user_id, microcycle_id, date) INCLUDE (pattern, e1rm_value)',
    'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON public.pattern_exposures USING btree (microcycle_id, user_id, date) INCLUDE (pattern, e1rm_value)',
  ],
  [
    'INCLUDE columns lost',
    'pattern_exposures',
    'gainsly_ix_pattern_exposures_user_microcycle',
    'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON public.pattern_exposures USING btree (user_id, microcycle_id, date) INCLUDE (pattern, e1rm_value)',
    'CREATE INDEX gainsly_ix_pattern_exposures_user_microcycle ON public.pattern_exposures USING btree (user_id, microcycle_id, date)',
  ],
  ['a descending key', 'recovery_signals', 'ix_recovery_signals_date', 'CREATE INDEX ix_recovery_signals_date ON public.recovery_signals USING btree (date)', 'CREATE INDEX ix_recovery_signals_date ON public.recovery_signals USING btree (date DESC)'],
  [
    'another operator class',
    'movements',
    'gainsly_ix_movements_equipment_tags',
    'CREATE INDEX gainsly_ix_movements_equipment_tags ON public.movements USING gin (((equipment_tags)::jsonb) jsonb_path_ops)',
    'CREATE INDEX gainsly_ix_movements_equipment_tags ON public.movements USING gin (((equipment_tags)::jsonb))',
  ],
  [
    'an expression instead of the column',
    'movements',
    'ix_movements_substitution_group',
    'CREATE INDEX ix_movements_substitution_group ON public.movements USING btree (substitution_group)',
    'CREATE INDEX ix_movements_substitution_group ON public.movements USING btree (lower((substitution_group)::text))',
  ],
  ['another collation', 'circuit_templates', 'ix_circuit_templates_name', 'CREATE INDEX ix_circuit_templates_name ON public.circuit_templates USING btree (name)', 'CREATE INDEX ix_circuit_templates_name ON public.circuit_templates USING btree (name COLLATE "C")'],
  ['an extra key column', 'top_set_logs', 'ix_top_set_logs_pattern', 'CREATE INDEX ix_top_set_logs_pattern ON public.top_set_logs USING btree (pattern)', 'CREATE INDEX ix_top_set_logs_pattern ON public.top_set_logs USING btree (pattern, movement_id)'],
];

describe('doctor: an index whose definition differs under the library\'s name', () => {
  it('the freshly migrated database is clean (the baseline every case returns to)', async () => {
    const report = await doctor(orm);
    expect(findingsOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  for (const [what, table, index, library, planted] of CASES) {
    it(`${what}: ${table}.${index} is an error with both definitions; put back, doctor is clean`, async () => {
      // The library's definition is what the migrated clone holds.
      const [before] = (await withRawClient(db.url, (c) => c.query<{ def: string }>(`select pg_get_indexdef(indexrelid) as def from pg_index join pg_class i on i.oid = indexrelid where i.relname = '${index}'`))).rows;
      expect(before!.def).toBe(library);
      await sql(`drop index public.${index}`);
      await sql(planted);
      try {
        const report = await doctor(orm);
        const findings = findingsOf(report);
        expect(findings).toEqual([
          {
            severity: 'error',
            kind: 'index_differs',
            table,
            name: index,
            message: `Index ${index} is "${planted}", expected "${library}"`,
            expected: library,
            actual: planted,
          },
        ]);
        expect(report.ok).toBe(false);
        expect(report.summary).toEqual({ errors: 1, fixable: 0, tolerated: 0 });
      } finally {
        await sql(`drop index public.${index}`);
        await sql(library);
      }
      const after = await doctor(orm);
      expect(findingsOf(after)).toEqual([]);
    });
  }

  it('adopt refuses a database with a differing index and changes nothing', async () => {
    const [, table, index, library, planted] = CASES[0]!;
    await sql(`drop index public.${index}`);
    await sql(planted);
    try {
      const outcome = await adopt(orm).then(
        () => 'adopted',
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(GainslyAdoptError);
      const { rows } = await withRawClient(db.url, (c) => c.query<{ def: string }>(`select indexdef as def from pg_indexes where tablename = '${table}' and indexname = '${index}'`));
      expect(rows.map((r) => r.def)).toEqual([planted]);
    } finally {
      await sql(`drop index public.${index}`);
      await sql(library);
    }
  });

  it('the same definition recreated under the same name is not a difference', async () => {
    const [, , index, library] = CASES[3]!;
    await sql(`drop index public.${index}`);
    await sql(library.replace(' USING btree', ''));
    expect(findingsOf(await doctor(orm))).toEqual([]);
  });
});
