// Where an ORM keeps the library's tables and its migrations table (doctor, adopt).
import type { MikroORM } from '@mikro-orm/postgresql';
import { MIGRATIONS_TABLE } from '../setup/migrations-table.js';

/** Where an ORM keeps its tables and its migrations table. @internal */
export interface OrmLocation {
  schema: string;
  migrationsTable: string;
}

/** The schema (default `public`) and migrations table name an ORM is configured with. @internal */
export function ormLocation(orm: MikroORM, schema?: string): OrmLocation {
  const config = orm.config;
  const migrations = config.get('migrations') as { tableName?: string; schema?: string } | undefined;
  const configured = config.get('schema') as string | undefined;
  let migrationsTable = migrations?.tableName ?? MIGRATIONS_TABLE;
  // `schema.table` form: the table part only; the schema is the data schema.
  if (migrationsTable.includes('.')) migrationsTable = migrationsTable.split('.').pop()!;
  return { schema: schema ?? configured ?? 'public', migrationsTable };
}
