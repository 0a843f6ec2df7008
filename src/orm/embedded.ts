import type { MikroORM } from '@mikro-orm/postgresql';
import { baseOptions, type GainslyOrmOptions } from './config.js';
import { GainslyConfigError } from './database-url.js';

const PGLITE_PACKAGES = '@mikro-orm/pglite@7.2.1 @electric-sql/pglite';

/**
 * Opens the embedded in-process database (PGlite) with the same entities and migrations.
 * `@mikro-orm/pglite` is an optional peer dependency, loaded only when a `pglite:` URL is used,
 * so services on a real server never pay for it.
 * @internal
 */
export async function createPgliteOrm(dataDir: string | undefined, options: GainslyOrmOptions): Promise<MikroORM> {
  let driver: typeof import('@mikro-orm/pglite');
  try {
    driver = await import('@mikro-orm/pglite');
  } catch (cause) {
    throw new GainslyConfigError(
      `The embedded database (pglite: URLs) needs the optional peer dependencies ${PGLITE_PACKAGES}. Install them with: npm install ${PGLITE_PACKAGES}`,
      { cause },
    );
  }
  const { url: _url, ...rest } = options;
  const base = baseOptions();
  const orm = await driver.MikroORM.init({
    ...(base as object),
    driver: driver.PgliteDriver,
    dbName: dataDir ?? 'memory://',
    ...(rest as object),
    migrations: { ...base.migrations, ...rest.migrations },
  });
  // Same SQL dialect, same entity manager API; the PostgreSQL type is what callers program against.
  return orm as unknown as MikroORM;
}
