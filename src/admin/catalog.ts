import type { MikroORM } from '@mikro-orm/postgresql';
import { executeBound, questionMarks } from '../orm/bound-query.js';
import type { SqlRunner } from '../orm/sql-helpers.js';


/** A runner over an ORM's connection (outside any entity manager transaction). @internal */
export function ormRunner(orm: MikroORM): SqlRunner {
  // The library's one executor (orm/bound-query.ts) on a fork of the global em, which has no
  // transaction: values bound server-side, logged, errors translated.
  const em = orm.em.fork();
  return async (sql, params = []) => executeBound<Record<string, unknown>>(em, questionMarks(sql, params));
}

/**
 * A column as PostgreSQL's catalog describes it.
 * @example
 * ```ts
 * const c: CatalogColumn = { name: 'email', position: 3, type: 'character varying(255)', nullable: true, default: null };
 * ```
 */
export interface CatalogColumn {
  name: string;
  /** 1-based position among the table's live columns. */
  position: number;
  /** `format_type()` of the column, e.g. `integer`, `character varying(100)`, `movementpattern`. */
  type: string;
  nullable: boolean;
  /** The default expression as PostgreSQL prints it, or `null`. */
  default: string | null;
}

/**
 * A table constraint (primary key, unique, foreign key, check).
 * @example
 * ```ts
 * const k: CatalogConstraint = { name: 'users_email_key', kind: 'unique', definition: 'UNIQUE (email)' };
 * ```
 */
export interface CatalogConstraint {
  name: string;
  kind: 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion' | 'trigger';
  /** `pg_get_constraintdef()`, e.g. `FOREIGN KEY (user_id) REFERENCES users(id)`. */
  definition: string;
}

/**
 * An index that is not backing a constraint.
 * @example
 * ```ts
 * const i: CatalogIndex = { name: 'ix_movements_name', definition: 'CREATE UNIQUE INDEX ix_movements_name ON public.movements USING btree (name)' };
 * ```
 */
export interface CatalogIndex {
  name: string;
  definition: string;
}

/**
 * One table of a schema snapshot.
 * @example
 * ```ts
 * catalog.tables.users?.columns.map((c) => c.name);
 * ```
 */
export interface CatalogTable {
  columns: CatalogColumn[];
  constraints: CatalogConstraint[];
  indexes: CatalogIndex[];
}

/**
 * A snapshot of one schema: tables and enum types. Everything is sorted so two snapshots compare
 * with a deep equality.
 * @example
 * ```ts
 * const catalog = await readCatalog(ormRunner(orm));
 * catalog.enums.progressionstyle; // ['SINGLE_PROGRESSION', ..., 'WAVE_LOADING']
 * ```
 */
export interface Catalog {
  tables: Record<string, CatalogTable>;
  enums: Record<string, string[]>;
}

const CONSTRAINT_KINDS: Record<string, CatalogConstraint['kind']> = {
  p: 'primary',
  u: 'unique',
  f: 'foreign',
  c: 'check',
  x: 'exclusion',
  t: 'trigger',
};

/**
 * Reads tables, columns, constraints, indexes and enum types of a schema from pg_catalog.
 * Read-only: it runs four SELECTs.
 * @internal
 */
export async function readCatalog(run: SqlRunner, schema = 'public'): Promise<Catalog> {
  const [columns, constraints, indexes, enums] = await Promise.all([
    run(
      `select c.relname as table_name, a.attname as column_name,
              row_number() over (partition by c.oid order by a.attnum)::int as position,
              format_type(a.atttypid, a.atttypmod) as data_type, not a.attnotnull as nullable,
              pg_get_expr(d.adbin, d.adrelid) as default_expr
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where n.nspname = ? and c.relkind in ('r', 'p')
        order by c.relname, a.attnum`,
      [schema],
    ),
    run(
      `select c.relname as table_name, k.conname as name, k.contype as kind, pg_get_constraintdef(k.oid) as definition
         from pg_constraint k
         join pg_class c on c.oid = k.conrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind in ('r', 'p')
        order by c.relname, k.conname`,
      [schema],
    ),
    run(
      `select i.tablename as table_name, i.indexname as name, i.indexdef as definition
         from pg_indexes i
        where i.schemaname = ?
          and not exists (select 1 from pg_constraint k
                           join pg_class ic on ic.oid = k.conindid
                           join pg_namespace n on n.oid = ic.relnamespace
                          where ic.relname = i.indexname and n.nspname = i.schemaname)
        order by i.tablename, i.indexname`,
      [schema],
    ),
    run(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t
         join pg_namespace n on n.oid = t.typnamespace
         join pg_enum e on e.enumtypid = t.oid
        where n.nspname = ?
        group by t.typname
        order by t.typname`,
      [schema],
    ),
  ]);

  const tables: Record<string, CatalogTable> = {};
  const table = (name: string): CatalogTable => (tables[name] ??= { columns: [], constraints: [], indexes: [] });
  for (const r of columns) {
    table(String(r.table_name)).columns.push({
      name: String(r.column_name),
      position: Number(r.position),
      type: String(r.data_type),
      nullable: Boolean(r.nullable),
      default: r.default_expr == null ? null : String(r.default_expr),
    });
  }
  for (const r of constraints) {
    table(String(r.table_name)).constraints.push({
      name: String(r.name),
      kind: CONSTRAINT_KINDS[String(r.kind)] ?? 'check',
      definition: String(r.definition),
    });
  }
  for (const r of indexes) {
    table(String(r.table_name)).indexes.push({ name: String(r.name), definition: String(r.definition) });
  }
  const enumMap: Record<string, string[]> = {};
  for (const r of enums) enumMap[String(r.name)] = parsePgArray(r.labels);
  return { tables, enums: enumMap };
}

/** node-postgres parses text[] into arrays, PGlite may too; tolerate the `{a,b}` literal as well. */
function parsePgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value);
  if (!text.startsWith('{')) return [text];
  return text
    .slice(1, -1)
    .split(',')
    .filter((s) => s.length > 0)
    .map((s) => s.replace(/^"(.*)"$/, '$1'));
}
