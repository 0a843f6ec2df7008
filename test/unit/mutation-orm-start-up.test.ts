// Mutation tests (#24) for the parts of ORM start-up that need no server: createPgliteOrm's
// refusal when its optional peers cannot be loaded (missing vs. failing to load), and
// libraryTables. The database-bound rest is test/integration/orm-start-up.test.ts. Expected
// values by hand.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Configuration } from '@mikro-orm/core';
import { GainslyConfigError } from '../../src/index.js';
import { createPgliteOrm } from '../../src/setup/embedded.js';
import { libraryTables } from '../../src/setup/driver.js';

// The installed core's version, read from its package.json (MikroORM's packages pin one another exactly).
const CORE_VERSION = (createRequire(import.meta.url)('@mikro-orm/core/package.json') as { version: string }).version;
const INSTALL = `npm install @mikro-orm/pglite@${CORE_VERSION} @electric-sql/pglite`;
const MISSING = `The embedded database (pglite: URLs) needs the optional peer dependencies @mikro-orm/pglite and @electric-sql/pglite, which are not installed. Install them with: ${INSTALL}`;
const broken = (reason: string) =>
  `The embedded database (pglite: URLs) could not load its optional peer dependencies @mikro-orm/pglite and @electric-sql/pglite (${reason}). Reinstall them with: ${INSTALL}`;

async function refusal(thrown: unknown): Promise<GainslyConfigError> {
  try {
    await createPgliteOrm(undefined, {}, () => Promise.reject(thrown));
  } catch (error) {
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).cause).toBe(thrown);
    return error as GainslyConfigError;
  }
  throw new Error('expected createPgliteOrm to refuse');
}

describe('createPgliteOrm when @mikro-orm/pglite cannot be loaded', () => {
  it('a missing package (ERR_MODULE_NOT_FOUND, MODULE_NOT_FOUND) names the install command', async () => {
    for (const code of ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']) {
      const error = await refusal(Object.assign(new Error(`Cannot find package '@mikro-orm/pglite'`), { code }));
      expect(error.message, code).toBe(MISSING);
    }
  });

  it('a package that fails to load says why and to reinstall', async () => {
    expect((await refusal(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).message).toBe(broken('EACCES: permission denied'));
    expect((await refusal(new Error('Unexpected token'))).message).toBe(broken('Unexpected token'));
    // A code that is not a string is no "not found".
    expect((await refusal(Object.assign(new Error('odd'), { code: 404 }))).message).toBe(broken('odd'));
    // Not an Error at all.
    expect((await refusal('bad file')).message).toBe(broken('bad file'));
    expect((await refusal(null)).message).toBe(broken('null'));
  });
});

describe('libraryTables', () => {
  const config = (migrations: unknown) => ({ get: (key: string) => (key === 'migrations' ? migrations : undefined) }) as unknown as Configuration;

  it('the entities with a table name, plus the migrations table', () => {
    expect([...libraryTables([{ tableName: 'users' }, {}, { tableName: 'sessions' }], config({ tableName: 'mikro_orm_migrations' }))].sort()).toEqual([
      'mikro_orm_migrations',
      'sessions',
      'users',
    ]);
  });

  it('no migrations table configured adds nothing', () => {
    expect([...libraryTables([{ tableName: 'users' }], config({}))]).toEqual(['users']);
  });
});
