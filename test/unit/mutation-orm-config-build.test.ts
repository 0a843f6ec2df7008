// Mutation testing (issue #24, test/README.md): the MikroORM configuration gainslyConfig() and
// gainslyAsyncConfig() build, their option checks (each error names the option, what it got and what
// is allowed), and PostgreSQL's LSN text. Nothing here connects: gainslyConfig() only builds options.
import { describe, expect, it, vi } from 'vitest';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { DEFAULT_ACQUIRE_TIMEOUT_MS, gainslyAsyncConfig, gainslyConfig, MIGRATIONS_TABLE, type GainslyOrmOptions } from '../../src/setup/config.js';
import { GainslyPostgreSqlDriver, REPLICA_POLICY_KEY } from '../../src/setup/driver.js';
import { GainslyDatabaseError, GainslyConfigError } from '../../src/orm/errors.js';
import { GainslyNamingStrategy } from '../../src/orm/naming-strategy.js';
import { formatLsn, parseLsn } from '../../src/orm/replicas.js';
import { GainslySchemaGenerator } from '../../src/setup/schema-generator.js';
import { StrictHydrator } from '../../src/setup/strict-hydrator.js';
import { ENTITIES } from '../../src/modules/entities.js';
import { thrownBy } from '../support/thrown.js';

const URL_ = 'postgres://app:pw@db.internal:5432/gainsly';

const configError = (run: () => unknown) => thrownBy(GainslyConfigError, run).message;

function build(options: GainslyOrmOptions): Record<string, unknown> {
  return gainslyConfig({ url: URL_, ...options }) as unknown as Record<string, unknown>;
}

describe('gainslyConfig: what every Gainsly ORM is configured with', () => {
  it('the library driver, naming, hydrator, UTC, its migrations, and no database creation', () => {
    const config = build({});
    expect(config.driver).toBe(GainslyPostgreSqlDriver);
    expect(config.namingStrategy).toBe(GainslyNamingStrategy);
    expect(config.hydrator).toBe(StrictHydrator);
    expect(config.metadataProvider).toBe(ReflectMetadataProvider);
    expect(config.forceUtcTimezone).toBe(true);
    expect(config.ensureDatabase).toBe(false);
    expect(config.extensions).toEqual([Migrator, GainslySchemaGenerator]);
    expect(config.discovery).toEqual({ warnWhenNoEntities: true });
    expect(config.entities).toEqual([...ENTITIES]);
    const { migrationsList, ...migrations } = config.migrations as Record<string, unknown>;
    expect(migrations).toEqual({
      tableName: 'gainsly_db_migrations',
      snapshot: false,
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      silent: true,
    });
    expect(MIGRATIONS_TABLE).toBe('gainsly_db_migrations');
    expect((migrationsList as { name: string }[]).map((m) => m.name).slice(0, 2)).toEqual(['0001-upstream-schema', '0002-overview-additions']);
  });

  it('drops its own options (url, verify, acquireTimeoutMs, replicas, app schema) and keeps MikroORM ones', () => {
    const config = build({ verify: 'schema', acquireTimeoutMs: 5, debug: true, pool: { max: 3 } });
    for (const key of ['url', 'verify', 'acquireTimeoutMs', 'appMigrations', 'appMigrationsTable', 'replicaPolicy']) expect(key in config, key).toBe(false);
    expect(config.debug).toBe(true);
    expect(config.pool).toEqual({ max: 3 });
  });

  it('app entities come after the library ones', () => {
    class AppThing {}
    expect(build({ entities: [AppThing] }).entities).toEqual([...ENTITIES, AppThing]);
  });

  it('a caller may turn preferReadReplicas on; it is off by default', () => {
    expect(build({}).preferReadReplicas).toBe(false);
    expect(build({ preferReadReplicas: true }).preferReadReplicas).toBe(true);
  });
});

describe('gainslyConfig: the URL is read when the ORM starts', () => {
  it('clientUrl is the given URL, an enumerable property', () => {
    const config = build({});
    expect(config.clientUrl).toBe(URL_);
    expect(Object.keys(config)).toContain('clientUrl');
  });

  it('without url, the environment at the time clientUrl is read', () => {
    vi.stubEnv('GAINSLY_DATABASE_URL', undefined);
    vi.stubEnv('DATABASE_URL', 'postgres://early/db');
    try {
      const config = gainslyConfig() as unknown as { clientUrl: string };
      vi.stubEnv('DATABASE_URL', 'postgres://late/db');
      expect(config.clientUrl).toBe('postgres://late/db');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('clientUrl can be replaced by a framework that sets its own', () => {
    const config = build({});
    expect(delete config.clientUrl).toBe(true);
    expect('clientUrl' in config).toBe(false);
  });

  it('an embedded URL is refused when read, password masked', () => {
    const config = gainslyConfig({ url: 'pglite:./data' }) as unknown as { clientUrl: string };
    expect(configError(() => config.clientUrl)).toBe('gainslyConfig() builds a PostgreSQL configuration; pglite:./data is an embedded URL, use createGainslyOrm() for it.');
    const bad = gainslyConfig({ url: 'mysql://u:hunter2@h/db' }) as unknown as { clientUrl: string };
    expect(configError(() => bad.clientUrl)).not.toContain('hunter2');
  });
});

describe('gainslyConfig: acquireTimeoutMs becomes pg\'s connectionTimeoutMillis', () => {
  it('10 s by default, the given value otherwise', () => {
    expect(DEFAULT_ACQUIRE_TIMEOUT_MS).toBe(10_000);
    expect(build({}).driverOptions).toEqual({ connectionTimeoutMillis: 10_000 });
    expect(build({ acquireTimeoutMs: 1 }).driverOptions).toEqual({ connectionTimeoutMillis: 1 });
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['100']])('%s is refused, naming the option and the value', (value) => {
    expect(configError(() => build({ acquireTimeoutMs: value as number }))).toBe(`acquireTimeoutMs must be a positive integer number of milliseconds, got ${String(value)}`);
  });

  it('added to driverOptions the caller gives; an explicit connectionTimeoutMillis wins', () => {
    expect(build({ acquireTimeoutMs: 500, driverOptions: { ssl: true } as never }).driverOptions).toEqual({ ssl: true, connectionTimeoutMillis: 500 });
    expect(build({ acquireTimeoutMs: 500, driverOptions: { connectionTimeoutMillis: 7 } as never }).driverOptions).toEqual({ connectionTimeoutMillis: 7 });
    expect(build({ driverOptions: { connectionTimeoutMillis: 0 } as never }).driverOptions).toEqual({ connectionTimeoutMillis: 0 });
  });

  it('a Kysely dialect or instance given as driverOptions owns its pool and is left alone', () => {
    const dialect = { createDriver: () => undefined };
    const kysely = { executeQuery: () => undefined };
    expect(build({ driverOptions: dialect as never }).driverOptions).toBe(dialect);
    expect(build({ driverOptions: kysely as never }).driverOptions).toBe(kysely);
    expect(build({ driverOptions: null as never }).driverOptions).toBeNull();
    const factory = (): undefined => undefined;
    expect(build({ driverOptions: factory as never }).driverOptions).toBe(factory);
  });
});

describe('gainslyConfig: replicaPolicy', () => {
  it('defaults, and each option given on its own', () => {
    expect(build({})[REPLICA_POLICY_KEY]).toEqual({ retryAfterMs: 5_000, connectTimeoutMs: 2_000 });
    expect(REPLICA_POLICY_KEY).toBe('gainslyReplicaPolicy');
    expect(build({ replicaPolicy: { retryAfterMs: 100 } })[REPLICA_POLICY_KEY]).toEqual({ retryAfterMs: 100, connectTimeoutMs: 2_000 });
    expect(build({ replicaPolicy: { connectTimeoutMs: 1, retryAfterMs: undefined } })[REPLICA_POLICY_KEY]).toEqual({ retryAfterMs: 5_000, connectTimeoutMs: 1 });
  });

  it.each([
    ['x', 'replicaPolicy must be an object: { retryAfterMs?, connectTimeoutMs? }.'],
    [null, 'replicaPolicy must be an object: { retryAfterMs?, connectTimeoutMs? }.'],
    [{ retryAfter: 5 }, 'replicaPolicy has no option "retryAfter"; allowed: retryAfterMs, connectTimeoutMs.'],
    [{ retryAfterMs: 0 }, 'replicaPolicy.retryAfterMs must be a positive integer number of milliseconds, got 0'],
    [{ retryAfterMs: 2.5 }, 'replicaPolicy.retryAfterMs must be a positive integer number of milliseconds, got 2.5'],
    [{ connectTimeoutMs: -1 }, 'replicaPolicy.connectTimeoutMs must be a positive integer number of milliseconds, got -1'],
    [{ connectTimeoutMs: '100' }, 'replicaPolicy.connectTimeoutMs must be a positive integer number of milliseconds, got 100'],
    [{ connectTimeoutMs: null }, 'replicaPolicy.connectTimeoutMs must be a positive integer number of milliseconds, got null'],
  ])('%j -> %s', (policy, message) => {
    expect(configError(() => build({ replicaPolicy: policy as never }))).toBe(message);
  });
});

describe('gainslyConfig: replicas', () => {
  it('none: an empty list', () => {
    expect(build({}).replicas).toEqual([]);
  });

  it('each its own URL and name (default host:port), connecting within connectTimeoutMs', () => {
    const config = build({
      replicas: ['postgres://r:pw@replica-1:6543/gainsly', 'postgres://replica-2/gainsly', { url: 'postgresql://replica-3/gainsly', name: 'three' }, { url: 'postgres://[::1]/g', name: undefined }],
      replicaPolicy: { connectTimeoutMs: 750 },
    });
    expect(config.replicas).toEqual([
      { name: 'replica-1:6543', clientUrl: 'postgres://r:pw@replica-1:6543/gainsly', driverOptions: { connectionTimeoutMillis: 750 } },
      { name: 'replica-2:5432', clientUrl: 'postgres://replica-2/gainsly', driverOptions: { connectionTimeoutMillis: 750 } },
      { name: 'three', clientUrl: 'postgresql://replica-3/gainsly', driverOptions: { connectionTimeoutMillis: 750 } },
      { name: '[::1]:5432', clientUrl: 'postgres://[::1]/g', driverOptions: { connectionTimeoutMillis: 750 } },
    ]);
  });

  it('replicas keep the caller\'s driver options, with their own connect timeout unless one is given', () => {
    expect((build({ replicas: ['postgres://r/g'], driverOptions: { ssl: true } as never }).replicas as { driverOptions: unknown }[])[0]!.driverOptions).toEqual({ ssl: true, connectionTimeoutMillis: 2_000 });
    expect((build({ replicas: ['postgres://r/g'], driverOptions: { connectionTimeoutMillis: 9 } as never }).replicas as { driverOptions: unknown }[])[0]!.driverOptions).toEqual({ connectionTimeoutMillis: 9 });
  });

  it.each([
    ['postgres://r/g', 'replicas must be an array of replica URLs (or { url, name } objects).'],
    [[5], 'replicas[0] must be a postgres:// URL or { url, name }.'],
    [['postgres://r/g', null], 'replicas[1] must be a postgres:// URL or { url, name }.'],
    [[{ name: 'x' }], 'replicas[0] must be a postgres:// URL or { url, name }.'],
    [[{ url: 5 }], 'replicas[0] must be a postgres:// URL or { url, name }.'],
    [[Object.assign(function replica() {}, { url: 'postgres://r/g' })], 'replicas[0] must be a postgres:// URL or { url, name }.'],
    [['pglite:'], 'replicas[0] (pglite:) must be a PostgreSQL server URL.'],
    [[{ url: 'postgres://r/g', name: '' }], 'replicas[0].name must be a non-empty string.'],
    [[{ url: 'postgres://r/g', name: 7 }], 'replicas[0].name must be a non-empty string.'],
    [['mysql://u:hunter2@r/g'], 'Unsupported database URL scheme "mysql:" in mysql://u:***@r/g. Use postgres://, postgresql://, pglite: or pglite:<dir>.'],
  ])('%j -> %s', (replicas, message) => {
    expect(configError(() => build({ replicas: replicas as never }))).toBe(message);
  });
});

describe('gainslyAsyncConfig', () => {
  it('keeps the caller\'s options, names the driver, and wraps the factory in gainslyConfig', async () => {
    const seen: unknown[][] = [];
    const imports = [class ConfigModule {}];
    const inject = ['ConfigService'];
    const options = gainslyAsyncConfig({
      imports,
      inject,
      contextName: 'main',
      useFactory: async (...args: never[]) => {
        seen.push(args);
        return { url: URL_, acquireTimeoutMs: 42 };
      },
    });
    expect(options.driver).toBe(GainslyPostgreSqlDriver);
    expect(options.imports).toBe(imports);
    expect(options.inject).toBe(inject);
    expect(options.contextName).toBe('main');
    const config = (await options.useFactory(...(['a', 'b'] as never[]))) as unknown as Record<string, unknown>;
    expect(seen).toEqual([['a', 'b']]);
    expect(config.driverOptions).toEqual({ connectionTimeoutMillis: 42 });
    expect(config.clientUrl).toBe(URL_);
  });

  it('a factory whose options are wrong fails as gainslyConfig does', async () => {
    const options = gainslyAsyncConfig({ useFactory: () => ({ acquireTimeoutMs: -5 }) });
    await expect(options.useFactory()).rejects.toThrow('acquireTimeoutMs must be a positive integer number of milliseconds, got -5');
  });

  it.each([[undefined], [null], ['x'], [{}], [{ useFactory: 'not a function' }]])('%j is refused', (options) => {
    expect(configError(() => gainslyAsyncConfig(options as never))).toBe('gainslyAsyncConfig() needs { useFactory } returning the gainslyConfig() options.');
  });
});

describe('gainslyConfig: appMigrations and appMigrationsTable reach composeSchema', () => {
  class M1 {}
  it.each([
    [{ appMigrations: [Object.assign(function m1() {}, { class: M1 })] }, 'appMigrations[0] must be { name: string, class: MigrationClass }.'],
    [{ appMigrationsTable: ['app_migrations'] }, 'appMigrationsTable must be a lower-case SQL name, got ["app_migrations"].'],
    [{ appMigrationsTable: 5 }, 'appMigrationsTable must be a lower-case SQL name, got 5.'],
  ])('%o -> %s', (options, message) => {
    expect(configError(() => build(options as never))).toBe(message);
  });

  it('the app schema is carried in the migrations options', () => {
    const migrations = build({ appMigrations: [{ name: 'one', class: M1 }] as never }).migrations as Record<string, unknown>;
    expect(migrations.gainslyApp).toEqual({ migrations: [{ name: 'one', class: M1 }], tableName: 'app_migrations' });
  });
});

describe('LSNs: PostgreSQL\'s X/Y text', () => {
  it.each([
    ['0/3000148', 0x3000148n],
    ['16/B374D848', (0x16n << 32n) + 0xb374d848n],
    ['16/b374d848', (0x16n << 32n) + 0xb374d848n],
    ['  1/0 ', 1n << 32n],
    ['FFFFFFFF/FFFFFFFF', 2n ** 64n - 1n],
  ])('parseLsn(%j) = %s', (text, lsn) => {
    expect(parseLsn(text)).toBe(lsn);
  });

  it.each(['', '0/', '/1', '0/1/2', '123456789/0', '0/123456789', '0/G', '0-1', 'x0/1', '0/1x', '-1/0'])('parseLsn(%j) is a database error quoting the text', (text) => {
    let caught: unknown;
    try {
      parseLsn(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GainslyDatabaseError);
    expect((caught as Error).message).toBe(`The server returned ${JSON.stringify(text)} where a WAL position (LSN) was expected.`);
  });

  it.each([
    [0n, '0/0'],
    [0x3000148n, '0/3000148'],
    [(0x16n << 32n) + 0xb374d848n, '16/B374D848'],
    [2n ** 64n - 1n, 'FFFFFFFF/FFFFFFFF'],
  ])('formatLsn(%s) = %s', (lsn, text) => {
    expect(formatLsn(lsn)).toBe(text);
  });
});
