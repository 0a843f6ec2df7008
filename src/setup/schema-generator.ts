import type { MikroORM } from '@mikro-orm/core';
import { SqlSchemaGenerator } from '@mikro-orm/postgresql';

/**
 * MikroORM's schema generator, minus one side effect: it never creates a database.
 *
 * MikroORM's `ensureDatabase()` creates a missing database (connecting to `postgres` to run
 * `create database`), and its migrator calls it on every run whatever the `ensureDatabase`
 * option says, so `migrate(orm)` on a URL with a typo in the database name used to create that
 * database and migrate it. Here it only proves the database is there: the query fails with a
 * `GainslyNoSuchDatabaseError` (translated where the pool connects) when it is not.
 * `createDatabase()` stays available for code that asks for it explicitly.
 * @internal
 */
export class GainslySchemaGenerator extends SqlSchemaGenerator {
  /** Registers this generator in place of MikroORM's (an ORM extension, see `gainslyConfig`). */
  static override register(orm: MikroORM): void {
    orm.config.registerExtension('@mikro-orm/schema-generator', () => new GainslySchemaGenerator(orm.em as ConstructorParameters<typeof SqlSchemaGenerator>[0]));
  }

  /** Returns `false` (nothing was created) or throws the typed connection error; never creates. */
  override async ensureDatabase(): Promise<boolean> {
    // MikroORM's hook runs before any entity manager is in use; a statement with no values, so
    // the executor's binding has nothing to add (docs/architecture.md, "One query layer").
    await this.connection.execute('select 1');
    return false;
  }
}
