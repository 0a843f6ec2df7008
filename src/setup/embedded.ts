import { resolve } from 'node:path';
import { Utils, type MikroORM } from '@mikro-orm/postgresql';
import { baseOptions, composeSchema, type GainslyOrmOptions } from './config.js';
import { GainslyError, translateDatabaseError, GainslyConfigError } from '../orm/errors.js';
import { libraryTables } from './driver.js';
import { quietContextToggle, translateGlobalContextRefusal } from '../orm/context.js';

/**
 * The optional peer dependencies a `pglite:` URL needs, as `npm install` arguments: the pglite
 * driver at the version of the installed `@mikro-orm/core`, since MikroORM's packages require one
 * another at exactly one version (docs/service.md; the peer range is `^7.2.0`). @internal
 */
export const PGLITE_PACKAGES = `@mikro-orm/pglite@${Utils.getORMVersion()} @electric-sql/pglite`;

/** The part of `@mikro-orm/pglite` this module uses. @internal */
export type PgliteDriverModule = Pick<typeof import('@mikro-orm/pglite'), 'MikroORM' | 'PgliteDriver'>;

/**
 * Loads `@mikro-orm/pglite`. A parameter of {@link createPgliteOrm} (not a hard-wired import) so
 * tests can simulate a machine where the optional peers are missing, since they are installed here.
 * @internal
 */
export type PgliteImporter = () => Promise<PgliteDriverModule>;

const importPglite: PgliteImporter = () => import('@mikro-orm/pglite');

/** Node's codes for "no such package / file", as opposed to a package that exists but fails to load. */
const NOT_FOUND_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * The directory a `pglite:<dir>` URL names, made absolute against the working directory so the
 * same database is found whatever the process later `chdir`s to, and so it can be shown in full.
 * `undefined` (in memory) stays `undefined`.
 *
 * @example
 * ```ts
 * resolvePgliteDir('.gainsly/demo'); // '/home/ada/project/.gainsly/demo'
 * ```
 * @internal
 */
export function resolvePgliteDir(dataDir: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (dataDir === undefined || dataDir === '' || dataDir.startsWith('memory:')) return undefined;
  return resolve(cwd, dataDir);
}

/**
 * Opens the embedded in-process database (PGlite) with the same entities, naming strategy, enum
 * types and migrations as a PostgreSQL server. `@mikro-orm/pglite` (and through it
 * `@electric-sql/pglite`) is an optional peer dependency, loaded only when a `pglite:` URL is
 * used, so services on a real server never pay for it; when it is missing the error names both
 * packages and the install command.
 *
 * `dataDir` undefined means in memory: the data lives until `orm.close()`. A directory is created
 * on first use and reopened afterwards with its data.
 *
 * @throws {GainslyConfigError} when the optional peers cannot be loaded
 * @example
 * ```ts
 * const orm = await createPgliteOrm('.gainsly/demo', {});
 * await migrate(orm);
 * ```
 * @internal
 */
export async function createPgliteOrm(
  dataDir: string | undefined,
  options: GainslyOrmOptions,
  importDriver: PgliteImporter = importPglite,
): Promise<MikroORM> {
  let driver: PgliteDriverModule;
  try {
    driver = await importDriver();
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const missing = typeof code === 'string' && NOT_FOUND_CODES.has(code);
    throw new GainslyConfigError(
      missing
        ? `The embedded database (pglite: URLs) needs the optional peer dependencies @mikro-orm/pglite and @electric-sql/pglite, which are not installed. Install them with: npm install ${PGLITE_PACKAGES}`
        : `The embedded database (pglite: URLs) could not load its optional peer dependencies @mikro-orm/pglite and @electric-sql/pglite (${(cause as Error)?.message ?? String(cause)}). Reinstall them with: npm install ${PGLITE_PACKAGES}`,
      { cause },
    );
  }

  // Same typed errors (unique / foreign key / check violations ...) as on a server. PGlite has no
  // password, so there is nothing to scrub from messages.
  class GainslyPgliteDriver extends driver.PgliteDriver {
    #tables: ReadonlySet<string> = new Set();

    // As on a server: the global-context refusal is a GainslyConfigError saying to fork, and
    // forks skip a needless configuration re-sync.
    override createEntityManager(useContext?: boolean) {
      quietContextToggle(this.config);
      const em = super.createEntityManager(useContext);
      translateGlobalContextRefusal(em as { getContext(validate?: boolean): unknown });
      return em;
    }

    override setMetadata(metadata: Parameters<InstanceType<PgliteDriverModule['PgliteDriver']>['setMetadata']>[0]): void {
      super.setMetadata(metadata);
      this.#tables = libraryTables(metadata, this.config);
    }

    override convertException(exception: Error) {
      type Converted = ReturnType<InstanceType<PgliteDriverModule['PgliteDriver']>['convertException']>;
      if (exception instanceof GainslyError) return exception as unknown as Converted;
      return translateDatabaseError(super.convertException(exception), [], { libraryTables: this.#tables }) as Converted;
    }
  }

  const dir = resolvePgliteDir(dataDir);
  // PGlite creates the data directory itself but not its parents (`.gainsly/demo`).
  // Node's `fs/promises` taken here, not imported: as an ES module it costs every import of the
  // library about a millisecond (docs/performance.md, "Cold start").
  if (dir !== undefined) await process.getBuiltinModule('node:fs/promises').mkdir(dir, { recursive: true });
  // Pool and start-up options of a server mean nothing in-process.
  const { url: _url, acquireTimeoutMs: _acquire, verify: _verify, entities, appMigrations, appMigrationsTable, replicas, replicaPolicy: _policy, preparedStatements: _prepared, ...rest } = options;
  if (replicas !== undefined && (!Array.isArray(replicas) || replicas.length > 0)) {
    throw new GainslyConfigError('An embedded database (pglite:) has no read replicas: remove `replicas`, or use a PostgreSQL server URL.');
  }
  const base = baseOptions();
  const schema = composeSchema(base, { entities, appMigrations, appMigrationsTable, migrations: rest.migrations });
  const orm = await driver.MikroORM.init({
    ...(base as object),
    driver: GainslyPgliteDriver,
    // Without driverOptions.dataDir, @mikro-orm/pglite treats dbName as the cluster location.
    dbName: dir ?? 'memory://',
    ...(rest as object),
    ...schema,
  });
  // Same SQL dialect, same entity manager API; the PostgreSQL type is what callers program against.
  return orm as unknown as MikroORM;
}
