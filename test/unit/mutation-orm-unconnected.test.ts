// Mutation testing (issue #24, test/README.md): what a Gainsly MikroORM instance does before it ever
// connects. `new MikroORM(gainslyConfig(...))` discovers the entities and builds the driver, its
// connections and the replica router without opening a socket (the URLs point at port 1, where no
// server listens, and nothing here sends a query): the EntityManager a library entry point picks,
// the global-context refusal, the driver's error translation and routing, and replicaStatus().
import { afterAll, describe, expect, it } from 'vitest';
import { RequestContext, ValidationError } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { gainslyConfig } from '../../src/setup/config.js';
import { requestEntityManager, translateGlobalContextRefusal } from '../../src/orm/context.js';
import { GainslyError } from '../../src/enums/index.js';
import { GainslySchemaError, GainslyUniqueViolationError, GainslyConfigError } from '../../src/orm/errors.js';
import { replicaStatus } from '../../src/orm/replicas.js';
import { thrownValue } from '../support/thrown.js';

const orms: MikroORM[] = [];
function orm(options: Parameters<typeof gainslyConfig>[0] = {}): MikroORM {
  const made = new MikroORM(gainslyConfig({ url: 'postgres://app:s3cr%40t@127.0.0.1:1/gainsly', ...options }));
  orms.push(made);
  return made;
}
/** Built inside the tests that use it (per-test coverage attributes collection-time code to no test). */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
afterAll(async () => {
  for (const made of orms) await made.close();
});

const thrown = thrownValue;

const FORK_ADVICE =
  'The global EntityManager was used outside a request context. Outside a request context (a cron job, a queue consumer, a start-up hook) fork it first: `const em = orm.em.fork()` (or run the work inside `RequestContext.create(em, ...)` / `@CreateRequestContext()`), then pass that em.';

const method = (): number => 1;

describe('requestEntityManager: the EntityManager a library call works through', () => {
  const shared = lazy(() => orm());

  it('the global one outside a request: a fresh fork, not the global', () => {
    const o = shared();
    const em = requestEntityManager(o.em, 'forUser');
    expect(em).not.toBe(o.em);
    expect(em.global).toBe(false);
    expect(requestEntityManager(o.em, 'forUser')).not.toBe(em);
  });

  it('a fork: that fork; the global one inside a request context: the context\'s', async () => {
    const o = shared();
    const fork = o.em.fork();
    expect(requestEntityManager(fork, 'forUser')).toBe(fork);
    await RequestContext.create(o.em, async () => {
      const context = RequestContext.getEntityManager();
      expect(context).toBeDefined();
      expect(context).not.toBe(o.em);
      expect(requestEntityManager(o.em, 'forUser')).toBe(context);
    });
  });

  it('with allowGlobalContext, the global one itself', () => {
    const open = orm({ allowGlobalContext: true });
    expect(requestEntityManager(open.em, 'forUser')).toBe(open.em);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['em', 'string'],
    [{}, 'object'],
    [{ getContext: method, fork: method }, 'object'],
    [{ getContext: method, getConnection: method }, 'object'],
    [{ fork: method, getConnection: method }, 'object'],
  ])('%o is refused, naming the entry point and what it got', (em, got) => {
    const error = thrown(() => requestEntityManager(em as never, 'forUser'));
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toBe(`forUser needs a MikroORM EntityManager of an ORM made by createGainslyOrm() or gainslyConfig(), got ${got}.`);
  });
});

describe('the global-context refusal is a GainslyConfigError that says to fork', () => {
  it('on the ORM\'s global EntityManager, with MikroORM\'s error as cause', () => {
    const o = orm();
    const error = thrown(() => o.em.getContext());
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toBe(FORK_ADVICE);
    expect((error as Error).cause).toBeInstanceOf(ValidationError);
    expect(o.em.getContext(false)).toBe(o.em);
  });

  it('other errors pass unchanged; the wrapper can itself be replaced', () => {
    const other = new ValidationError('something else');
    const plain = new Error('Using global EntityManager instance methods');
    let next: Error = other;
    const seen: unknown[] = [];
    const em = translateGlobalContextRefusal({
      getContext(validate?: boolean): unknown {
        seen.push(validate);
        throw next;
      },
    });
    expect(thrown(() => em.getContext())).toBe(other);
    next = plain;
    expect(thrown(() => em.getContext(false))).toBe(plain);
    expect(seen).toEqual([true, false]);
    next = new ValidationError('Using global EntityManager instance methods for context specific actions is disallowed.');
    expect((thrown(() => em.getContext()) as Error).message).toBe(FORK_ADVICE);
    em.getContext = () => 'replaced';
    expect(em.getContext()).toBe('replaced');
    Object.defineProperty(em, 'getContext', { value: () => 'redefined' });
    expect(em.getContext()).toBe('redefined');
    const own = { getContext: (): string => 'prototype' };
    const wrapped = translateGlobalContextRefusal(Object.create(own) as typeof own);
    expect(delete (wrapped as Partial<typeof own>).getContext).toBe(true);
    expect(wrapped.getContext()).toBe('prototype');
  });
});

describe('the driver before it connects', () => {
  const shared = lazy(() => orm());
  const driver = () => shared().em.getDriver();

  it('translates driver errors with the library\'s tables and the URL password scrubbed, raw and encoded', () => {
    const unique = driver().convertException(Object.assign(new Error('dup s3cr@t and s3cr%40t'), { code: '23505' }));
    expect(unique).toBeInstanceOf(GainslyUniqueViolationError);
    expect(unique.message).toBe('Unique violation: dup *** and ***');
    const missing = driver().convertException(Object.assign(new Error('relation "gainsly_db_migrations" does not exist'), { code: '42P01' }));
    expect(missing).toBeInstanceOf(GainslySchemaError);
    expect(driver().convertException(Object.assign(new Error('relation "users" does not exist'), { code: '42P01' }))).toBeInstanceOf(GainslySchemaError);
    const typed = new GainslyError('already typed');
    expect(driver().convertException(typed)).toBe(typed);
  });

  it('migrations start without a session-level `set names` (PgBouncer keeps it on the server connection)', () => {
    const helper = driver().getPlatform().getSchemaHelper()!;
    expect(helper.getSchemaBeginning('utf8', false)).toBe('');
    expect(helper.getSchemaBeginning('utf8', true)).toBe("set session_replication_role = 'replica';\n\n");
  });

  it('without replicas every connection type is the primary, and replicaStatus is empty', async () => {
    expect(driver().getConnection('read')).toBe(driver().getConnection('write'));
    expect(driver().getConnection()).toBe(driver().getConnection('write'));
    expect(await replicaStatus(shared())).toEqual([]);
  });
});

describe('with replicas, before any read', () => {
  const shared = lazy(() => orm({ replicas: ['postgres://r:pw@127.0.0.1:1/gainsly', { url: 'postgres://127.0.0.2:1/gainsly', name: 'second' }] }));
  const driver = () => shared().em.getDriver();

  it('a read connection outside the library\'s routing takes the replicas in turn; writes the primary', () => {
    const primary = driver().getConnection('write');
    const first = driver().getConnection('read');
    const second = driver().getConnection('read');
    expect([first, second].includes(primary)).toBe(false);
    expect(second).not.toBe(first);
    expect(driver().getConnection('read')).toBe(first);
    expect(driver().getConnection('write')).toBe(primary);
  });

  it('replicaStatus names each replica, up, with nothing read from it yet', async () => {
    expect(await replicaStatus(shared())).toEqual([
      { name: '127.0.0.1:1', up: true },
      { name: 'second', up: true },
    ]);
    expect(await replicaStatus(shared(), {})).toHaveLength(2);
  });

  it('replicaStatus of something that is not an ORM says what it needs', async () => {
    for (const notOrm of [null, {}, { em: {} }, { em: { getDriver: 'x' } }]) {
      await expect(replicaStatus(notOrm as never)).rejects.toThrow(new GainslyConfigError('replicaStatus() needs the MikroORM instance createGainslyOrm() returned.'));
    }
  });
});
