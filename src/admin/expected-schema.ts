// The schema the library's migrations produce, as PostgreSQL's catalog prints it, and what they
// add on top of upstream's schema (migration 0001). The facts come from
// expected-schema.generated.ts, which `npm run generate:schema-facts` derives from the migrations
// (scripts/schema-facts.ts) and test/integration/schema-facts.test.ts keeps fresh: adding a table,
// column or index is entity + migration + that script, nothing written here by hand (DESIGN.md
// section 3, "schema facts that doctor needs are generated from the migrations, not copied by
// hand"). Held as data rather than derived at run time so `doctor` needs no scratch schema and
// behaves the same on PostgreSQL and PGlite. Only the upstream Alembic chain below is written by
// hand: it is a fact about upstream, not about our migrations.
import type { Catalog, CatalogConstraint } from './catalog.js';
import {
  GENERATED_ADDED_COLUMNS,
  GENERATED_ADDED_CONSTRAINTS,
  GENERATED_ADDED_INDEXES,
  GENERATED_ADDED_TABLE_DDL,
  GENERATED_ADDED_TABLES,
  GENERATED_ENUMS,
  GENERATED_TABLES,
} from './expected-schema.generated.js';

/** `[name, format_type(), nullable, default expression or null]`, in column order. @internal */
export type ExpectedColumn = readonly [name: string, type: string, nullable: boolean, defaultExpr: string | null];
/** `[name, kind, pg_get_constraintdef()]`. @internal */
export type ExpectedConstraint = readonly [name: string, kind: CatalogConstraint['kind'], definition: string];
/** `[name, CREATE INDEX statement without the schema]`. @internal */
export type ExpectedIndex = readonly [name: string, definition: string];

/** One table the library expects. @internal */
export interface ExpectedTable {
  readonly columns: readonly ExpectedColumn[];
  readonly constraints: readonly ExpectedConstraint[];
  readonly indexes: readonly ExpectedIndex[];
}

/**
 * Every table the migrations create, by name (generated: `GENERATED_TABLES`).
 *
 * @example
 * ```ts
 * EXPECTED_TABLES.movements?.columns.at(-1)?.[0]; // 'tags'
 * ```
 * @internal
 */
export const EXPECTED_TABLES: Readonly<Record<string, ExpectedTable>> = GENERATED_TABLES;

/**
 * Every enum type the migrations create, with its labels in sort order (generated:
 * `GENERATED_ENUMS`; test/integration/schema-facts.test.ts checks they are the labels of `ENUMS`).
 *
 * @example
 * ```ts
 * EXPECTED_ENUMS.progressionstyle?.at(-1); // 'WAVE_LOADING'
 * ```
 * @internal
 */
export const EXPECTED_ENUMS: Readonly<Record<string, readonly string[]>> = GENERATED_ENUMS;

/**
 * The tables the library's migrations create and upstream's migration 0001 does not: `adopt` may
 * create them on an upstream database (from their migration's statements,
 * {@link LIBRARY_ADDED_TABLE_DDL}), as upstream's Alembic chain will never create them. Computed by
 * the generator as the difference between the two catalogs, not listed by hand.
 * @internal
 */
export const LIBRARY_ADDED_TABLES: readonly string[] = GENERATED_ADDED_TABLES;

/**
 * For each of {@link LIBRARY_ADDED_TABLES}: the statements of the migration that creates it (the
 * `create table`, its indexes, later `alter table`s), with unqualified names; `adopt` runs them
 * with the search path set to the target schema.
 * @internal
 */
export const LIBRARY_ADDED_TABLE_DDL: Readonly<Record<string, readonly string[]>> = GENERATED_ADDED_TABLE_DDL;

/**
 * What the library adds to upstream's tables (today migration 0002) and `adopt` may therefore
 * create on an upstream database: columns upstream's Alembic chain will never add itself. Any
 * other missing column is an error, because adding it could collide with a later upstream
 * revision. Computed by the generator (the difference between migration 0001 alone and the whole
 * chain), not listed by hand.
 * @internal
 */
export const LIBRARY_ADDED_COLUMNS: readonly (readonly [table: string, column: string])[] = GENERATED_ADDED_COLUMNS;

/**
 * The indexes the library adds to upstream's schema (today migrations 0003 and 0004), by name:
 * `adopt` may create them on an upstream database (they change no row, and upstream's schema has
 * no index of that name). Any other missing index is an error. Computed by the generator, not
 * listed by hand.
 * @internal
 */
export const LIBRARY_ADDED_INDEXES: readonly string[] = GENERATED_ADDED_INDEXES;

/**
 * The constraints the library adds (none today): kept so a migration adding one shows up in the
 * generated diff, and doctor can learn to create it.
 * @internal
 */
export const LIBRARY_ADDED_CONSTRAINTS: readonly (readonly [table: string, constraint: string])[] = GENERATED_ADDED_CONSTRAINTS;

/**
 * The upstream Alembic chain (docs/upstream.md, "Upstream's schema"), oldest first. The 19
 * tables reach the shape the library expects at `9c1a2b3c4d5e`; later revisions only add tables
 * and `programs.macro_cycle_id`.
 * @internal
 */
export const UPSTREAM_REVISIONS: readonly string[] = [
  '95e6d757f1a4',
  '6180f4706b14',
  'b2c3d4e5f6a7',
  'c1c2d3e4f5a6',
  'f7b2ea3f26c9',
  '87ec9db39e1e',
  '9c1a2b3c4d5e',
  'ae12bc34de56',
  'bc7890ab12cd',
  'cd3456ef7890',
  'def012345678',
  'ef3456789abc',
  '1a2b3c4d5e6f',
  '4fdc46c38149',
];

/** The first upstream revision whose 19 tables the library can adopt. @internal */
export const MIN_UPSTREAM_REVISION = '9c1a2b3c4d5e';

/** Writes an index definition with `ON <schema>.` so it reads like `pg_indexes.indexdef`. */
function qualifyIndex(definition: string, schema: string): string {
  return definition.replace(/ ON (ONLY )?/, (m) => `${m}${quoteIdentIfNeeded(schema)}.`);
}

/** PostgreSQL's own quoting rule for identifiers in printed definitions (simplified). @internal */
export function quoteIdentIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * The expected schema as a {@link Catalog}, in the same shape and order `readCatalog` returns, so
 * a test can compare it with a freshly migrated database using deep equality. The library's
 * migrations table is not part of it.
 *
 * @example
 * ```ts
 * expectedCatalog().tables.movements?.columns.at(-1)?.name; // 'tags'
 * ```
 * @internal
 */
export function expectedCatalog(schema = 'public'): Catalog {
  const tables: Catalog['tables'] = {};
  for (const [name, table] of Object.entries(EXPECTED_TABLES)) {
    tables[name] = {
      columns: table.columns.map(([column, type, nullable, def], i) => ({ name: column, position: i + 1, type, nullable, default: def })),
      constraints: table.constraints.map(([constraint, kind, definition]) => ({ name: constraint, kind, definition })),
      indexes: table.indexes.map(([index, definition]) => ({ name: index, definition: qualifyIndex(definition, schema) })),
    };
  }
  const enums: Catalog['enums'] = {};
  for (const [name, labels] of Object.entries(EXPECTED_ENUMS)) enums[name] = [...labels];
  return { tables, enums };
}
