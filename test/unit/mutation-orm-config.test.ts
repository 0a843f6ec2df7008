// Mutation testing (issue #24, test/README.md): configuration helpers and column types of src/orm,
// exercised without a database (the PostgreSQL platform object is enough for the column types).
import { resolve } from 'node:path';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { ENUMS, MovementRuleType, PersonaAggression } from '../../src/enums/index.js';
import { StoredEnumStringType, StoredJsonType } from '../../src/orm/columns.js';
import { APP_MIGRATIONS_TABLE, APP_SCHEMA_KEY, appSchemaOf, composeSchema, resolveDatabaseUrl } from '../../src/setup/config.js';
import { globalContextError } from '../../src/orm/context.js';
import { connectionSecrets } from '../../src/setup/driver.js';
import { resolvePgliteDir } from '../../src/setup/embedded.js';
import { GainslyDataError, GainslyConfigError } from '../../src/orm/errors.js';
import { PgEnumType } from '../../src/orm/pg-enum-type.js';
import { STORED_JSON } from '../../src/orm/stored-values.js';
import { thrownBy } from '../support/thrown.js';

const configError = (run: () => unknown) => thrownBy(GainslyConfigError, run).message;

class M1 {}
class M2 {}
class AppEntity {}

describe('resolveDatabaseUrl', () => {
  it('takes url, then GAINSLY_DATABASE_URL, then DATABASE_URL', () => {
    const env = { GAINSLY_DATABASE_URL: 'postgres://g/a', DATABASE_URL: 'postgres://d/b' };
    expect(resolveDatabaseUrl('postgres://u/c', env)).toBe('postgres://u/c');
    expect(resolveDatabaseUrl(undefined, env)).toBe('postgres://g/a');
    expect(resolveDatabaseUrl(undefined, { DATABASE_URL: 'postgres://d/b' })).toBe('postgres://d/b');
  });

  it('with none of them, says how to give one', () => {
    expect(configError(() => resolveDatabaseUrl(undefined, {}))).toBe(
      "No database URL: pass { url }, or set GAINSLY_DATABASE_URL or DATABASE_URL. For an embedded in-process database use url 'pglite:' (in memory) or 'pglite:<dir>'.",
    );
    expect(configError(() => resolveDatabaseUrl('', {}))).toContain('No database URL');
    expect(configError(() => resolveDatabaseUrl(' ', { GAINSLY_DATABASE_URL: '', DATABASE_URL: '\t' }))).toContain('No database URL');
  });

  it('skips a blank value, as the CLI does: an empty GAINSLY_DATABASE_URL does not hide DATABASE_URL', () => {
    expect(resolveDatabaseUrl(undefined, { GAINSLY_DATABASE_URL: '', DATABASE_URL: 'postgres://d/b' })).toBe('postgres://d/b');
    expect(resolveDatabaseUrl('  ', { GAINSLY_DATABASE_URL: 'postgres://g/a' })).toBe('postgres://g/a');
  });
});

describe('composeSchema', () => {
  const base = { entities: ['LibEntity'], migrations: { tableName: 'gainsly_db_migrations', silent: true } } as never;

  it('puts the app entities after the library ones and keeps the library migration options', () => {
    const composed = composeSchema(base, { entities: [AppEntity] });
    expect(composed.entities).toEqual(['LibEntity', AppEntity]);
    expect(composed.migrations).toEqual({ tableName: 'gainsly_db_migrations', silent: true });
    expect(composeSchema({} as never, {}).entities).toEqual([]);
  });

  it('carries the app migrations and their table under the app key, frozen', () => {
    const composed = composeSchema(base, { appMigrations: [{ name: 'm1', class: M1 }, { name: 'm2', class: M2 }] as never });
    const app = (composed.migrations as Record<string, unknown>)[APP_SCHEMA_KEY] as { migrations: unknown[]; tableName: string };
    expect(app.tableName).toBe('app_migrations');
    expect(APP_MIGRATIONS_TABLE).toBe('app_migrations');
    expect(app.migrations.map((m) => (m as { name: string }).name)).toEqual(['m1', 'm2']);
    expect(Object.isFrozen(app) && Object.isFrozen(app.migrations)).toBe(true);
    expect(appSchemaOf({ get: () => composed.migrations })).toBe(app);
    expect(appSchemaOf({ get: () => undefined })).toBeUndefined();
    const tableOnly = composeSchema(base, { appMigrationsTable: 'my_app_migrations' });
    expect((tableOnly.migrations as Record<string, { tableName: string; migrations: unknown[] }>)[APP_SCHEMA_KEY]).toEqual({ migrations: [], tableName: 'my_app_migrations' });
    expect(APP_SCHEMA_KEY in (composeSchema(base, {}).migrations as object)).toBe(false);
  });

  it('lets the caller set other migration options, but never replace the library list', () => {
    expect(composeSchema(base, { migrations: { silent: false } as never }).migrations).toEqual({ tableName: 'gainsly_db_migrations', silent: false });
    for (const key of ['migrationsList', 'path', 'pathTs', 'glob']) {
      expect(configError(() => composeSchema(base, { migrations: { [key]: [] } as never }))).toBe(
        "migrations.migrationsList / path / glob would replace the library's migrations: pass your own as appMigrations: [{ name, class }, ...]; migrate() runs them after the library's.",
      );
    }
  });

  it.each([
    [{ migrations: 'x' }, 'migrations must be an object of MikroORM migration options.'],
    [{ migrations: null }, 'migrations must be an object of MikroORM migration options.'],
    [{ entities: AppEntity }, 'entities must be an array of your entity classes.'],
    [{ appMigrations: M1 }, 'appMigrations must be an array of { name, class } migrations.'],
    [{ appMigrations: [{ name: 'a', class: M1 }, null] }, 'appMigrations[1] must be { name: string, class: MigrationClass }.'],
    [{ appMigrations: [{ name: '', class: M1 }] }, 'appMigrations[0] must be { name: string, class: MigrationClass }.'],
    [{ appMigrations: [{ name: 7, class: M1 }] }, 'appMigrations[0] must be { name: string, class: MigrationClass }.'],
    [{ appMigrations: [{ name: 'a', class: {} }] }, 'appMigrations[0] must be { name: string, class: MigrationClass }.'],
    [{ appMigrations: [{ name: 'a', class: M1 }, { name: 'a', class: M2 }] }, 'appMigrations has two migrations named "a": names are what the migrations table records.'],
    [{ appMigrationsTable: 'App_Migrations' }, 'appMigrationsTable must be a lower-case SQL name, got "App_Migrations".'],
    [{ appMigrationsTable: 'a'.repeat(64) }, `appMigrationsTable must be a lower-case SQL name, got "${'a'.repeat(64)}".`],
    [{ appMigrationsTable: 'x; drop' }, 'appMigrationsTable must be a lower-case SQL name, got "x; drop".'],
    [{ appMigrationsTable: 'gainsly_db_migrations' }, "appMigrationsTable must differ from the library's migrations table (gainsly_db_migrations)."],
    [{ appMigrationsTable: 'mine', migrations: { tableName: 'mine' } }, "appMigrationsTable must differ from the library's migrations table (mine)."],
  ])('%j -> %s', (options, message) => {
    expect(configError(() => composeSchema(base, options as never))).toBe(message);
  });

  it('accepts the longest lower-case SQL name (63 characters) and one starting with _', () => {
    for (const name of ['a'.repeat(63), '_app2']) {
      const composed = composeSchema(base, { appMigrationsTable: name });
      expect((composed.migrations as Record<string, { tableName: string }>)[APP_SCHEMA_KEY]!.tableName).toBe(name);
    }
  });

  it('compares against the library table of the base when the caller sets none', () => {
    expect(configError(() => composeSchema({ migrations: { tableName: 'lib_table' } } as never, { appMigrationsTable: 'lib_table' }))).toBe(
      "appMigrationsTable must differ from the library's migrations table (lib_table).",
    );
    expect(configError(() => composeSchema({} as never, { appMigrationsTable: 'gainsly_db_migrations' }))).toBe(
      "appMigrationsTable must differ from the library's migrations table (gainsly_db_migrations).",
    );
  });
});

describe('connectionSecrets', () => {
  const config = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] }) as never;

  it('collects the password option and the URL password, raw and percent-encoded', () => {
    expect(connectionSecrets(config({ password: 'pw', clientUrl: 'postgres://u:p%40ss@h/db' }))).toEqual(['pw', 'p@ss', 'p%40ss']);
    expect(connectionSecrets(config({}), { password: 'replica', clientUrl: 'postgres://u:r2@h/db' })).toEqual(['replica', 'r2', 'r2']);
  });

  it('ignores empty and non-string values and URLs without a password or that do not parse', () => {
    expect(connectionSecrets(config({ password: '', clientUrl: 'postgres://u@h/db' }))).toEqual([]);
    expect(connectionSecrets(config({ password: 5, clientUrl: 'not a url' }))).toEqual([]);
    expect(connectionSecrets(config({ clientUrl: '' }), { password: null, clientUrl: 7 })).toEqual([]);
  });
});

describe('resolvePgliteDir', () => {
  it('in memory stays undefined; a directory becomes absolute against cwd', () => {
    expect(resolvePgliteDir(undefined, '/work')).toBeUndefined();
    expect(resolvePgliteDir('', '/work')).toBeUndefined();
    expect(resolvePgliteDir('memory://x', '/work')).toBeUndefined();
    expect(resolvePgliteDir('.gainsly/demo', '/work')).toBe('/work/.gainsly/demo');
    expect(resolvePgliteDir('/var/db', '/work')).toBe('/var/db');
    expect(resolvePgliteDir('data')).toBe(resolve(process.cwd(), 'data'));
  });
});

describe('globalContextError', () => {
  it('is a GainslyConfigError that says to fork, with the cause when given', () => {
    const cause = new Error('refused');
    const error = globalContextError(cause);
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect(error.message.startsWith('The global EntityManager was used outside a request context. Outside a request context (a cron job')).toBe(true);
    expect(error.message).toContain('`const em = orm.em.fork()`');
    expect(error.cause).toBe(cause);
    expect('cause' in globalContextError()).toBe(false);
  });
});

describe('column types', () => {
  const platform = new PostgreSqlPlatform();

  it('PgEnumType maps semantic values to labels and back, passes null and undefined through', () => {
    const type = new PgEnumType(ENUMS.MovementRuleType);
    expect(type.convertToDatabaseValue(MovementRuleType.HARD_YES)).toBe('HARD_YES');
    expect(type.convertToJSValue('PREFERRED')).toBe('preferred');
    expect(type.convertToDatabaseValue(null)).toBeNull();
    expect(type.convertToDatabaseValue(undefined)).toBeUndefined();
    expect(type.convertToJSValue(null)).toBeNull();
    expect(type.convertToJSValue(undefined)).toBeUndefined();
    expect(() => type.checkStored(null)).not.toThrow();
    expect(() => type.checkStored('HARD_NO')).not.toThrow();
  });

  it('PgEnumType refuses an unknown stored label as stored data, naming what it knows', () => {
    const type = new PgEnumType(ENUMS.MovementRuleType);
    for (const read of [() => type.convertToJSValue('MAYBE' as never), () => type.checkStored('MAYBE')]) {
      let caught: unknown;
      try {
        read();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GainslyDataError);
      expect((caught as GainslyDataError).message).toBe(
        '?.? holds "MAYBE", which is not a MovementRuleType label this version of the library knows (HARD_NO, HARD_YES, PREFERRED); the library cannot read it (`gainsly-db audit` lists such values: fix the row and retry)',
      );
    }
  });

  it('PgEnumType: the column type is the PostgreSQL enum; values compare as strings; numbers for numeric enums', () => {
    const rule = new PgEnumType(ENUMS.MovementRuleType);
    expect(rule.getColumnType({} as never, platform)).toBe(ENUMS.MovementRuleType.pgType);
    expect(rule.compareAsType()).toBe('string');
    expect(rule.ensureComparable()).toBe(false);
    expect(rule.runtimeType).toBe('string');
    expect(new PgEnumType(ENUMS.PersonaAggression).runtimeType).toBe('number');
    expect(new PgEnumType(ENUMS.PersonaAggression).convertToDatabaseValue(PersonaAggression.BALANCED)).toBe(ENUMS.PersonaAggression.toDb(3));
  });

  it('StoredJsonType returns fitting values and null, and refuses the rest naming table and column', () => {
    // pg hands json columns over already parsed; a value that does not fit is stored data the library cannot read.
    const type = new StoredJsonType(STORED_JSON.stringList);
    Object.assign(type, { prop: { columnTypes: ['json'], fieldNames: ['equipment_tags'] }, meta: { tableName: 'movements' } });
    expect(type.convertToJSValue(['c'], platform)).toEqual(['c']);
    expect(type.convertToJSValue(null, platform)).toBeNull();
    expect(() => type.checkStored(['a'], platform)).not.toThrow();
    expect(() => type.checkStored(null, platform)).not.toThrow();
    expect(() => type.checkStored(undefined, platform)).not.toThrow();
    expect(() => type.convertToJSValue({ a: 1 }, platform)).toThrow('movements.equipment_tags holds {"a":1}, which is not a JSON array of strings (or null)');
    expect(() => type.checkStored([1], platform)).toThrow('movements.equipment_tags holds [1], which is not a JSON array of strings (or null)');
    const unbound = new StoredJsonType(STORED_JSON.object);
    expect(() => unbound.checkStored([], platform)).toThrow('?.? holds [], which is not a JSON object;');
  });

  it('StoredEnumStringType accepts semantic values and null, refuses labels and strangers', () => {
    const type = new StoredEnumStringType(ENUMS.MovementRuleType);
    expect(type.convertToJSValue('hard_no')).toBe('hard_no');
    expect(() => type.checkStored(null)).not.toThrow();
    expect(() => type.checkStored(undefined)).not.toThrow();
    expect(() => type.convertToJSValue('HARD_NO')).toThrow('?.? holds "HARD_NO", which is not a MovementRuleType value (hard_no, hard_yes, preferred)');
  });
});
