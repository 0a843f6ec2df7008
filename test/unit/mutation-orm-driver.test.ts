// Mutation testing (issue #24, test/README.md): what GainslyPostgreSqlDriver sets up when an ORM is
// made, and how library reads are routed before any replica was read from or written through. Each
// test makes its own ORM (its constructor is what is measured); nothing connects (port 1) and no
// query is sent. The ORMs are configured without gainslyConfig(), which other tests pin.
import { afterAll, describe, expect, it } from 'vitest';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { ENTITIES } from '../../src/modules/entities.js';
import { createGainslyOrm } from '../../src/setup/create-orm.js';
import { GainslyPostgreSqlDriver, PREPARED_STATEMENTS_KEY, preparesStatements, REPLICA_POLICY_KEY } from '../../src/setup/driver.js';
import { gainslyConfig } from '../../src/setup/config.js';
import { GainslyDatabaseError, GainslySchemaError, GainslyConfigError, translateDatabaseError } from '../../src/orm/errors.js';
import { GainslySchemaGenerator } from '../../src/setup/schema-generator.js';
import { insideRoute, onPrimary, replicaStatus, routeRead } from '../../src/orm/replicas.js';
import { GainslyValidationError } from '../../src/schemas/errors.js';

const orms: MikroORM[] = [];
afterAll(async () => {
  for (const orm of orms) await orm.close();
});

function makeOrm(options: Record<string, unknown> = {}): MikroORM {
  const orm = new MikroORM({
    driver: GainslyPostgreSqlDriver,
    entities: [...ENTITIES],
    metadataProvider: ReflectMetadataProvider,
    clientUrl: 'postgres://app:pw@127.0.0.1:1/gainsly',
    ...options,
  } as never);
  orms.push(orm);
  return orm;
}

const TWO_REPLICAS = { replicas: [{ name: 'first', clientUrl: 'postgres://127.0.0.1:1/gainsly' }, { name: 'second', clientUrl: 'postgres://127.0.0.2:1/gainsly' }] };

describe('createGainslyOrm checks `verify` before anything else', () => {
  it.each([
    ['yes', 'verify must be true, false or \'schema\', got "yes"'],
    [1, 'verify must be true, false or \'schema\', got 1'],
    ['', 'verify must be true, false or \'schema\', got ""'],
    [() => true, 'verify must be true, false or \'schema\', got () => true'],
  ])('%o -> %s', async (verify, message) => {
    await expect(createGainslyOrm({ url: 'postgres://127.0.0.1:1/g', verify: verify as never })).rejects.toThrow(new GainslyConfigError(message));
  });

  it.each([[true], [false], ['schema'], [undefined]])('%o is accepted (the next check, the URL, refuses)', async (verify) => {
    await expect(createGainslyOrm({ url: 'mysql://h/g', verify: verify as never })).rejects.toThrow('Unsupported database URL scheme "mysql:"');
  });
});

describe('the driver an ORM is made with', () => {
  it('starts migrations without a session-level `set names`, keeping the foreign-key switch', () => {
    const helper = makeOrm().em.getDriver().getPlatform().getSchemaHelper()!;
    expect(helper.getSchemaBeginning('utf8', false)).toBe('');
    expect(helper.getSchemaBeginning('utf8', true)).toBe("set session_replication_role = 'replica';\n\n");
  });

  it('knows the library\'s tables, the migrations table included', () => {
    const driver = makeOrm({ migrations: { tableName: 'lib_migrations' } }).em.getDriver();
    const missing = (table: string) => driver.convertException(Object.assign(new Error(`relation "${table}" does not exist`), { code: '42P01' }));
    expect(missing('lib_migrations')).toBeInstanceOf(GainslySchemaError);
    expect(missing('users')).toBeInstanceOf(GainslySchemaError);
    expect(missing('orders')).not.toBeInstanceOf(GainslySchemaError);
  });

  it('has the entities\' metadata for building queries', () => {
    const orm = makeOrm();
    const [entity] = ENTITIES;
    expect(orm.em.getDriver().getMetadata().find(entity!)).toBeDefined();
  });

  it('its schema generator is the library\'s, which never creates a database', () => {
    expect(makeOrm({ extensions: [GainslySchemaGenerator] }).schema).toBeInstanceOf(GainslySchemaGenerator);
  });

  it('without replicas: no router, replicaStatus is empty', async () => {
    expect(await replicaStatus(makeOrm())).toEqual([]);
  });

  it('with replicas: a router, whose status names each one, up', async () => {
    expect(await replicaStatus(makeOrm({ ...TWO_REPLICAS, [REPLICA_POLICY_KEY]: { retryAfterMs: 10 } }))).toEqual([
      { name: 'first', up: true },
      { name: 'second', up: true },
    ]);
  });

  it('a replica without a name is named by its URL\'s host and port', async () => {
    const orm = makeOrm({ replicas: [{ clientUrl: 'postgres://replica-a:6543/gainsly' }, { clientUrl: 'postgres://replica-b/gainsly' }] });
    expect((await replicaStatus(orm)).map((r) => r.name)).toEqual(['replica-a:6543', 'replica-b:5432']);
  });

  it('replicaStatus options are checked as ReplicaStatusOptions', async () => {
    const error = await replicaStatus(makeOrm(), { probe: 'yes' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyValidationError);
    expect((error as GainslyValidationError).input).toBe('ReplicaStatusOptions');
  });
});

describe('routing of library reads before any write (no position is required)', () => {
  it('a read goes to a replica, the next one to the other; writes stay on the primary', async () => {
    const orm = makeOrm(TWO_REPLICAS);
    const driver = orm.em.getDriver();
    const em = orm.em.fork();
    const primary = driver.getConnection('write');
    const seen = async () => routeRead(em as never, 7, async () => ({ read: driver.getConnection('read'), write: driver.getConnection('write'), inside: insideRoute() }));
    const first = await seen();
    const second = await seen();
    expect(first.read).not.toBe(primary);
    expect(second.read).not.toBe(primary);
    expect(second.read).not.toBe(first.read);
    expect([first.write, second.write, first.inside]).toEqual([primary, primary, true]);
    expect((await seen()).read).toBe(first.read);
    expect(insideRoute()).toBe(false);
  });

  it('a read nested in another keeps the outer choice, onPrimary included; onPrimary keeps its reads on the primary', async () => {
    const orm = makeOrm(TWO_REPLICAS);
    const driver = orm.em.getDriver();
    const em = orm.em.fork() as never;
    const primary = driver.getConnection('write');
    const nested = await routeRead(em, undefined, async () => {
      const outer = driver.getConnection('read');
      const inner = await routeRead(em, undefined, async () => driver.getConnection('read'));
      return { outer, inner };
    });
    expect(nested.inner).toBe(nested.outer);
    expect(await onPrimary(em, async () => driver.getConnection('read'))).toBe(primary);
    expect(await onPrimary(em, async () => routeRead(em, 7, async () => driver.getConnection('read')))).toBe(primary);
    const inReplicaRead = await routeRead(em, 7, async () => ({ outer: driver.getConnection('read'), inner: await onPrimary(em, async () => driver.getConnection('read')) }));
    expect(inReplicaRead.inner).toBe(inReplicaRead.outer);
    expect(inReplicaRead.outer).not.toBe(primary);
  });

  it('without replicas a read runs as is, on the primary', async () => {
    const orm = makeOrm();
    const driver = orm.em.getDriver();
    expect(await routeRead(orm.em.fork() as never, 7, async () => [driver.getConnection('read'), insideRoute()])).toEqual([driver.getConnection('write'), false]);
    expect(await onPrimary(orm.em.fork() as never, async () => insideRoute())).toBe(false);
  });
});

describe('prepared statements: the option, then the URL parameter, then on', () => {
  const config = (option: boolean | undefined, clientUrl?: string) =>
    ({ get: (key: string) => (key === PREPARED_STATEMENTS_KEY ? option : key === 'clientUrl' ? clientUrl : undefined) }) as never;

  it.each([
    [undefined, undefined, undefined, true],
    [undefined, 'postgres://h/db', undefined, true],
    [undefined, 'postgres://h/db?gainsly_prepared_statements=false', undefined, false],
    [undefined, 'postgres://h/db?gainsly_prepared_statements=OFF', undefined, false],
    [undefined, 'postgres://h/db?gainsly_prepared_statements=0', undefined, false],
    [undefined, 'postgres://h/db?gainsly_prepared_statements=true', undefined, true],
    [true, 'postgres://h/db?gainsly_prepared_statements=false', undefined, true],
    [false, 'postgres://h/db', undefined, false],
    // A replica's own URL is its connection's: its parameter counts, not the primary's.
    [undefined, 'postgres://h/db?gainsly_prepared_statements=false', 'postgres://r/db', true],
    [undefined, 'postgres://h/db', 'postgres://r/db?gainsly_prepared_statements=no', false],
    [undefined, 'not a url', undefined, true],
  ])('option %s, URL %s, connection URL %s: %s', (option, url, own, expected) => {
    expect(preparesStatements(config(option, url), own === undefined ? undefined : { clientUrl: own })).toBe(expected);
  });

  it('gainslyConfig refuses a preparedStatements that is not a boolean, and carries a boolean to the driver', () => {
    expect(() => gainslyConfig({ url: 'postgres://h/db', preparedStatements: 'off' as never })).toThrow(
      expect.objectContaining({ name: 'GainslyConfigError', message: 'preparedStatements must be true or false, got "off"' }),
    );
    expect((gainslyConfig({ url: 'postgres://h/db', preparedStatements: false }) as Record<string, unknown>)[PREPARED_STATEMENTS_KEY]).toBe(false);
    expect(PREPARED_STATEMENTS_KEY in gainslyConfig({ url: 'postgres://h/db' })).toBe(false);
  });
});

describe("a pooler that loses or doubles the library's prepared statements", () => {
  it.each([
    ['26000', 'prepared statement "gainsly_1x2y_3z" does not exist'],
    ['42P05', 'prepared statement "gainsly_1x2y_3z" already exists'],
  ])('SQLSTATE %s names the switch', (code, message) => {
    const error = translateDatabaseError(Object.assign(new Error(message), { code }));
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as GainslyDatabaseError).sqlState).toBe(code);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain('preparedStatements: false');
    expect((error as Error).message).toContain('gainsly_prepared_statements=false');
  });

  it("another statement's name is a plain database error, without the hint", () => {
    const error = translateDatabaseError(Object.assign(new Error('prepared statement "mine" does not exist'), { code: '26000' }));
    expect(error).toBeInstanceOf(GainslyDatabaseError);
    expect((error as Error).message).not.toContain('preparedStatements');
  });
});
