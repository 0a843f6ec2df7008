// The generated schema facts agree with each other and with the hand-kept lists they feed (issue
// #25). Freshness (the generated files equal what the migrations and entities give now) is
// test/integration/schema-facts.test.ts; this file needs no database.
import { describe, expect, it } from 'vitest';
import { ENUMS, ENUM_COLUMNS, type AnyEnumCodec } from '../../src/enums/index.js';
import { ENUM_COLUMN_FACTS } from '../../src/enums/columns-generated.js';
import { COLUMN_LENGTHS } from '../../src/schemas/primitives.js';
import { VARCHAR_LENGTHS } from '../../src/schemas/column-lengths-generated.js';
import {
  EXPECTED_ENUMS,
  EXPECTED_TABLES,
  LIBRARY_ADDED_COLUMNS,
  LIBRARY_ADDED_CONSTRAINTS,
  LIBRARY_ADDED_INDEXES,
  LIBRARY_ADDED_TABLE_DDL,
  LIBRARY_ADDED_TABLES,
} from '../../src/admin/expected-schema.js';
import { planAdoption } from '../../src/admin/adopt.js';
import { missingLibraryTable, plannedTables } from '../../src/admin/library-tables.js';
import type { DoctorFinding, DoctorReport } from '../../src/admin/doctor/types.js';

const codecs = Object.values(ENUMS as Record<string, AnyEnumCodec>);

describe('expected enums', () => {
  it('EXPECTED_ENUMS (from the migrations) are exactly the labels of ENUMS, in order', () => {
    const fromEnums = Object.fromEntries(codecs.filter((c) => c.pgType !== null).map((c) => [c.pgType!, [...c.dbValues]]));
    expect({ ...EXPECTED_ENUMS }).toEqual(fromEnums);
  });
});

describe('enum columns', () => {
  it('ENUM_COLUMNS names exactly the enum-backed columns of the entities (ENUM_COLUMN_FACTS), once each', () => {
    const listed = ENUM_COLUMNS.map((c) => `${c.table}.${c.column}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(ENUM_COLUMN_FACTS).sort());
    for (const c of ENUM_COLUMNS) expect({ enum: c.enum, storage: c.storage }).toEqual(ENUM_COLUMN_FACTS[`${c.table}.${c.column}`]);
  });

  it('every column of a SQL enum type in the migrated schema is an sql_enum entity column of that enum, and back', () => {
    const fromCatalog: Record<string, string> = {};
    for (const [table, t] of Object.entries(EXPECTED_TABLES)) {
      for (const [column, type] of t.columns) if (type in EXPECTED_ENUMS) fromCatalog[`${table}.${column}`] = type;
    }
    const fromEntities = Object.fromEntries(
      Object.entries(ENUM_COLUMN_FACTS)
        .filter(([, f]) => f.storage === 'sql_enum')
        .map(([key, f]) => [key, ENUMS[f.enum].pgType]),
    );
    expect(fromEntities).toEqual(fromCatalog);
  });
});

describe('varchar lengths', () => {
  it('VARCHAR_LENGTHS (from the entities) has every varchar column of the migrated schema, with its length', () => {
    const fromCatalog: Record<string, number> = {};
    for (const [table, t] of Object.entries(EXPECTED_TABLES)) {
      for (const [column, type] of t.columns) {
        const m = /^character varying\((\d+)\)$/.exec(type);
        if (m) fromCatalog[`${table}.${column}`] = Number(m[1]);
      }
    }
    expect({ ...VARCHAR_LENGTHS }).toEqual(fromCatalog);
  });

  it('every COLUMN_LENGTHS entry is the length of a varchar column', () => {
    for (const [name, length] of Object.entries(COLUMN_LENGTHS)) {
      expect(Number.isInteger(length), name).toBe(true);
      expect(Object.values(VARCHAR_LENGTHS as Record<string, number>)).toContain(length);
    }
    // The enum-string columns all share the length `enumString` gives them.
    for (const [key, f] of Object.entries(ENUM_COLUMN_FACTS)) {
      if (f.storage === 'string') expect((VARCHAR_LENGTHS as Record<string, number>)[key], key).toBe(COLUMN_LENGTHS.enumString);
    }
  });
});

describe('what the library adds', () => {
  it('names tables, columns, constraints and indexes of the expected schema', () => {
    for (const table of LIBRARY_ADDED_TABLES) {
      expect(EXPECTED_TABLES[table], table).toBeDefined();
      expect(LIBRARY_ADDED_TABLE_DDL[table]?.length, table).toBeGreaterThan(0);
    }
    expect(Object.keys(LIBRARY_ADDED_TABLE_DDL).sort()).toEqual([...LIBRARY_ADDED_TABLES].sort());
    for (const [table, column] of LIBRARY_ADDED_COLUMNS) expect(EXPECTED_TABLES[table]?.columns.map(([c]) => c)).toContain(column);
    for (const [table, name] of LIBRARY_ADDED_CONSTRAINTS) expect(EXPECTED_TABLES[table]?.constraints.map(([c]) => c)).toContain(name);
    const indexes = Object.values(EXPECTED_TABLES).flatMap((t) => t.indexes.map(([name]) => name));
    for (const name of LIBRARY_ADDED_INDEXES) expect(indexes).toContain(name);
    // Today's additions (migrations 0002 to 0004): no table, one column, nine indexes.
    expect(LIBRARY_ADDED_TABLES).toEqual([]);
    expect(LIBRARY_ADDED_COLUMNS).toEqual([['movements', 'tags']]);
    expect(LIBRARY_ADDED_INDEXES.every((name) => name.startsWith('gainsly_ix_'))).toBe(true);
  });
});

// No product table is library-added, so these treat one as if it were: `widgets`, with the
// statements a migration 0005 would hold.
const WIDGETS_DDL = {
  widgets: ['create table "widgets" ("id" serial primary key, "user_id" integer not null references "users" ("id"))', 'create index "gainsly_ix_widgets_user_id" on "widgets" ("user_id")'],
};

function reportWith(findings: DoctorFinding[]): DoctorReport {
  return {
    ok: false,
    schema: 'public',
    database: { kind: 'upstream', alembicVersion: '9c1a2b3c4d5e', serverVersion: '15', notes: [] },
    migrations: { table: 'gainsly_db_migrations', tableExists: false, applied: [], pending: ['0001-upstream-schema'], unknown: [], findings: [] },
    tables: [
      { table: 'movements', expected: true, status: 'fixable', findings: findings.filter((f) => f.table === 'movements') },
      { table: 'widgets', expected: true, status: 'fixable', findings: findings.filter((f) => f.table === 'widgets') },
    ],
    enums: [],
    summary: { errors: 0, fixable: findings.length, tolerated: 0 },
  } as unknown as DoctorReport;
}

describe('a missing library-added table', () => {
  it('is fixable with its migration statements; a missing upstream table is not', () => {
    const finding = missingLibraryTable('widgets', 'app', WIDGETS_DDL);
    expect(finding).toMatchObject({ severity: 'fixable', kind: 'table_missing', table: 'widgets' });
    expect(finding!.fix).toBe(['set local search_path to "app"', ...WIDGETS_DDL.widgets].join(';\n'));
    expect(missingLibraryTable('users', 'public', WIDGETS_DDL)).toBeUndefined();
    expect(missingLibraryTable('users', 'public')).toBeUndefined();
  });

  it('adopt plans the table first, then the other fixes, then the migrations', () => {
    const tags: DoctorFinding = {
      severity: 'fixable',
      kind: 'column_missing',
      table: 'movements',
      column: 'tags',
      message: 'movements.tags is missing',
      expected: 'json null',
      fix: 'alter table "public"."movements" add column if not exists "tags" json null',
    };
    const report = reportWith([missingLibraryTable('widgets', 'public', WIDGETS_DDL)!, tags]);
    expect(plannedTables(report, WIDGETS_DDL).map((t) => t.table)).toEqual(['widgets']);
    expect(planAdoption(report, WIDGETS_DDL)).toEqual({
      changes: ["created table widgets (the library's migrations add it)", 'added column movements.tags (json null)', 'recorded migration 0001-upstream-schema in gainsly_db_migrations'],
      statements: [...WIDGETS_DDL.widgets, tags.fix],
    });
    // With the product's facts (no library-added table) nothing creates widgets.
    expect(plannedTables(report)).toEqual([]);
  });

  it('an error table_missing (an upstream table) is never planned', () => {
    const report = reportWith([{ severity: 'error', kind: 'table_missing', table: 'widgets', message: 'Table widgets is missing' }]);
    expect(planAdoption(report, WIDGETS_DDL).statements).toEqual([]);
  });
});
