// A table the library's own migrations add is created by `adopt` on a database that lacks it
// (issue #25). The product adds no table (LIBRARY_ADDED_TABLES is empty), so this file mocks the
// generated facts with one, `widgets`, as a migration 0005 would make it, and runs doctor and
// adopt against a real database that lacks it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, MIGRATIONS_TABLE } from '../../src/index.js';
import { ormRunner, readCatalog } from '../../src/admin/catalog.js';
import { adopt } from '../../src/admin/adopt.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const WIDGETS_DDL = vi.hoisted(() => [
  'create table "widgets" ("id" serial not null, "user_id" integer not null, constraint "widgets_pkey" primary key ("id"), constraint "widgets_user_id_fkey" foreign key ("user_id") references "users" ("id"))',
  'create index "gainsly_ix_widgets_user_id" on "widgets" ("user_id")',
]);

vi.mock('../../src/admin/expected-schema.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/admin/expected-schema.js')>();
  return {
    ...real,
    LIBRARY_ADDED_TABLES: ['widgets'],
    LIBRARY_ADDED_TABLE_DDL: { widgets: WIDGETS_DDL },
    LIBRARY_ADDED_INDEXES: [...real.LIBRARY_ADDED_INDEXES, 'gainsly_ix_widgets_user_id'],
    expectedCatalog(schema = 'public') {
      const catalog = real.expectedCatalog(schema);
      catalog.tables.widgets = {
        columns: [
          { name: 'id', position: 1, type: 'integer', nullable: false, default: "nextval('widgets_id_seq'::regclass)" },
          { name: 'user_id', position: 2, type: 'integer', nullable: false, default: null },
        ],
        constraints: [
          { name: 'widgets_pkey', kind: 'primary', definition: 'PRIMARY KEY (id)' },
          { name: 'widgets_user_id_fkey', kind: 'foreign', definition: 'FOREIGN KEY (user_id) REFERENCES users(id)' },
        ],
        indexes: [{ name: 'gainsly_ix_widgets_user_id', definition: `CREATE INDEX gainsly_ix_widgets_user_id ON ${schema}.widgets USING btree (user_id)` }],
      };
      return catalog;
    },
  };
});

describe('adopt and a missing library-added table', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await createGainslyOrm({ url: db.url, verify: false });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('doctor reports it fixable, with its migration statements as the fix', async () => {
    const report = await doctor(orm);
    const widgets = report.tables.find((t) => t.table === 'widgets')!;
    expect(widgets.status).toBe('fixable');
    expect(widgets.findings).toEqual([
      expect.objectContaining({ severity: 'fixable', kind: 'table_missing', table: 'widgets', fix: ['set local search_path to "public"', ...WIDGETS_DDL].join(';\n') }),
    ]);
    expect(report.summary).toEqual({ errors: 0, fixable: 1, tolerated: 0 });
  });

  it('adopt creates it in its transaction, then doctor is clean and a second adopt changes nothing', async () => {
    const planned = await adopt(orm, { dryRun: true });
    expect(planned.changed).toEqual(["created table widgets (the library's migrations add it)"]);
    expect(planned.statements).toEqual(WIDGETS_DDL);

    const result = await adopt(orm);
    expect(result.changed).toEqual(["created table widgets (the library's migrations add it)"]);
    expect(result.report.ok).toBe(true);
    const catalog = await readCatalog(ormRunner(orm));
    delete catalog.tables[MIGRATIONS_TABLE];
    expect(catalog.tables.widgets?.columns.map((c) => c.name)).toEqual(['id', 'user_id']);

    const again = await adopt(orm);
    expect(again.alreadyAdopted).toBe(true);
  });
});
