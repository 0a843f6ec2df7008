// How the library behaves inside an application framework (NestJS and the like): the configuration
// is read when the ORM starts, the EntityManager a framework hands out works in and out of a
// request context, and a user that does not exist is "not found" for reads as for writes.
import { afterEach, describe, expect, it } from 'vitest';
import { Configuration, RequestContext, ValidationError } from '@mikro-orm/core';
import { EntityManager as PgEntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  forUser,
  forViewer,
  gainslyAsyncConfig,
  gainslyConfig,
  GainslyConfigError,
  GainslyError,
  GainslyNotFoundError,
  GainslyPostgreSqlDriver,
  migrate,
  Program,
  User,
} from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { unique } from '../support/factories.js';

const db = useTestOrm();

const ENV_KEYS = ['GAINSLY_DATABASE_URL', 'DATABASE_URL'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

function clearUrlEnv(): void {
  for (const key of ENV_KEYS) delete process.env[key];
}

async function newUser(): Promise<User> {
  const user = await db.orm.em.fork().getRepository(User).createUser({ email: `${unique('fw')}@example.com` });
  return user;
}

describe('gainslyConfig is lazy', () => {
  it('reads the URL when the ORM starts, not when the configuration is built', async () => {
    clearUrlEnv();
    // An application module calls this at import time, before a test's beforeAll sets the URL.
    const config = gainslyConfig();
    process.env.GAINSLY_DATABASE_URL = db.db.url;
    const orm = await MikroORM.init(config);
    try {
      const [row] = await orm.em.getConnection().execute<{ db: string }[]>('select current_database() as db');
      expect(row?.db).toBe(db.db.name);
    } finally {
      await orm.close(true);
    }
  });

  it('with no URL anywhere, starting the ORM is a GainslyConfigError naming the variables', async () => {
    clearUrlEnv();
    const config = gainslyConfig();
    const error = await MikroORM.init(config).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as Error).message).toMatch(/GAINSLY_DATABASE_URL/);
  });

  it('an embedded URL is refused when the ORM starts, as a GainslyConfigError', async () => {
    const config = gainslyConfig({ url: 'pglite:' });
    await expect(MikroORM.init(config)).rejects.toBeInstanceOf(GainslyConfigError);
  });
});

describe('NestJS module set-up', () => {
  it("names a driver that @mikro-orm/nestjs maps to @mikro-orm/postgresql's EntityManager", () => {
    // @mikro-orm/nestjs picks the driver package by `driver.name`, then registers that package's
    // EntityManager and MikroORM as injection tokens.
    const config = gainslyConfig({ url: db.db.url });
    expect(config.driver).toBe(GainslyPostgreSqlDriver);
    expect(GainslyPostgreSqlDriver.name).toBe('PostgreSqlDriver');
    // Its fallback (no driver named): a configuration built without validation, then its driver's EntityManager.
    const em = new Configuration(config, false).getDriver().createEntityManager();
    // @mikro-orm/nestjs 7.1 registers `em.constructor` as the token of the driver's EntityManager.
    expect(em.constructor).toBe(PgEntityManager);
  });

  it('gainslyAsyncConfig names the driver and turns the factory result into a working configuration', async () => {
    const options = gainslyAsyncConfig({
      inject: ['ConfigService'],
      useFactory: (config: { get(key: string): string }) => ({ url: config.get('DATABASE_URL'), pool: { max: 2 } }),
    });
    expect(options.driver).toBe(GainslyPostgreSqlDriver);
    expect(options.inject).toEqual(['ConfigService']);
    const orm = await MikroORM.init(await options.useFactory({ get: () => db.db.url }));
    try {
      expect(orm.em.constructor).toBe(PgEntityManager);
      expect(await migrate(orm)).toEqual({ applied: [] });
    } finally {
      await orm.close(true);
    }
  });

  it('gainslyAsyncConfig without a factory is a GainslyConfigError', () => {
    expect(() => gainslyAsyncConfig({} as never)).toThrow(GainslyConfigError);
  });
});

describe('the global EntityManager outside a request context', () => {
  it('forUser and forViewer fork it, so every read and write works in a job', async () => {
    const user = await newUser();
    const me = forUser(db.orm.em, user.id);
    expect(me.em).not.toBe(db.orm.em);
    expect(me.em.global).toBe(false);
    // A finder (refused on the global EntityManager by MikroORM) and a raw-SQL read.
    expect(await me.programs.list()).toEqual({ items: [], nextCursor: null });
    expect(await me.strength.psiAll()).toHaveLength(17);
    const program = await me.programs.create({
      startDate: '2026-01-05',
      durationWeeks: 8,
      daysPerWeek: 3,
      goals: [
        { goal: 'strength', weight: 5 },
        { goal: 'hypertrophy', weight: 3 },
        { goal: 'mobility', weight: 2 },
      ],
      splitTemplate: 'full_body',
      progressionStyle: 'single_progression',
    });
    expect((await forViewer(db.orm.em, user.id).programsOf(user.id)).items.map((p) => p.id)).toEqual([program.id]);
    expect((await forUser(db.orm.em, user.id).programs.get(program.id)).id).toBe(program.id);
  });

  it('a repository used on it throws a GainslyConfigError that says to fork, never MikroORM’s error', async () => {
    const error = await db.orm.em
      .getRepository(Program)
      .findById(1)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GainslyError);
    expect(error).toBeInstanceOf(GainslyConfigError);
    expect((error as GainslyConfigError).code).toBe('GAINSLY_CONFIG');
    expect((error as Error).message).toMatch(/fork/);
    expect((error as Error).cause).toBeInstanceOf(ValidationError);
    expect(() => db.orm.em.getContext()).toThrow(GainslyConfigError);
  });

  it('inside a request context the scope uses the context’s EntityManager', async () => {
    const user = await newUser();
    await RequestContext.create(db.orm.em, async () => {
      // What NestJS's middleware does for every request.
      const requestEm = RequestContext.getEntityManager();
      expect(requestEm).toBeDefined();
      const me = forUser(db.orm.em, user.id);
      expect(me.em).toBe(requestEm);
      expect(await me.programs.list()).toEqual({ items: [], nextCursor: null });
      expect(forViewer(db.orm.em, user.id).em).toBe(requestEm);
    });
  });

  it('a transaction on the global EntityManager is joined, not forked away', async () => {
    const user = await newUser();
    await db.orm.em.transactional(async (trx) => {
      await trx.execute('update users set name = ? where id = ?', ['In Transaction', user.id]);
      const me = forUser(db.orm.em, user.id);
      expect(me.em).toBe(trx);
      expect((await me.profile.get()).name).toBe('In Transaction');
    });
  });

  it('the embedded database behaves the same: a GainslyConfigError on a repository, a fork in the scopes', async () => {
    const orm = await createGainslyOrm({ url: 'pglite:' });
    try {
      await migrate(orm);
      await expect(orm.em.getRepository(User).findById(1)).rejects.toBeInstanceOf(GainslyConfigError);
      const user = await orm.em.fork().getRepository(User).createUser({ email: 'embedded@example.com' });
      expect(await forUser(orm.em, user.id).programs.list()).toEqual({ items: [], nextCursor: null });
    } finally {
      await orm.close(true);
    }
  });

  it('a value that is not an EntityManager is a GainslyConfigError', () => {
    expect(() => forUser({} as never, 1)).toThrow(GainslyConfigError);
    expect(() => forViewer(null as never, 1)).toThrow(GainslyConfigError);
  });
});

describe('a user that does not exist', () => {
  const MISSING = 2_000_000_000;

  it('is not found for every scoped read, as for a write', async () => {
    const me = forUser(db.em, MISSING);
    const reads: [string, () => Promise<unknown>][] = [
      ['strength.psiAll', () => me.strength.psiAll()],
      ['strength.psi', () => me.strength.psi('squat')],
      ['strength.trendAll', () => me.strength.trendAll()],
      ['strength.deloadSignal', () => me.strength.deloadSignal()],
      ['strength.exposures', () => me.strength.exposures()],
      ['strength.e1rmHistory', () => me.strength.e1rmHistory({ pattern: 'squat' })],
      ['programs.list', () => me.programs.list()],
      ['programs.active', () => me.programs.active()],
      ['programs.microcycleOn', () => me.programs.microcycleOn('2026-01-05')],
      ['workouts.list', () => me.workouts.list()],
      ['workouts.topSets', () => me.workouts.topSets()],
      ['movementRules.list', () => me.movementRules.list()],
      ['enjoyableActivities.list', () => me.enjoyableActivities.list()],
      ['soreness.list', () => me.soreness.list()],
      ['soreness.byBodyPart', () => me.soreness.byBodyPart()],
      ['recovery.list', () => me.recovery.list()],
      ['recovery.averages', () => me.recovery.averages()],
      ['conversations.list', () => me.conversations.list()],
      ['sessions.outOfSync', () => me.sessions.outOfSync()],
      ['movements.search', () => me.movements.search()],
      ['movements.searchRows', () => me.movements.searchRows()],
      ['profile.get', () => me.profile.get()],
      ['recovery.create (a write)', () => me.recovery.create({ date: '2026-01-06', source: 'apple', sleepHours: 7 })],
    ];
    for (const [name, read] of reads) {
      const error = await read().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(GainslyNotFoundError);
      expect((error as GainslyNotFoundError).entity, name).toBe('User');
    }
  });

  it('a bad argument is still a validation error, reported before the existence check', async () => {
    await expect(forUser(db.em, MISSING).workouts.list({ from: 'soon' } as never)).rejects.toMatchObject({ code: 'GAINSLY_VALIDATION' });
  });

  it('the check runs once per scope: a later read of the same scope costs no existence query', async () => {
    const user = await db.em.getRepository(User).createUser({ email: `${unique('once')}@example.com` });
    await db.em.flush();
    const me = forUser(db.em, user.id);
    expect(await me.programs.list()).toEqual({ items: [], nextCursor: null });
    await db.em.execute('delete from user_settings where user_id = ?', [user.id]);
    await db.em.execute('delete from users where id = ?', [user.id]);
    // Remembered on the scope: the deleted user is not looked up again.
    expect(await me.workouts.list()).toEqual({ items: [], nextCursor: null });
    // A new scope looks again.
    await expect(forUser(db.em, user.id).workouts.list()).rejects.toBeInstanceOf(GainslyNotFoundError);
  });

  it('a failed check is not remembered: the user created later in the same unit of work is found', async () => {
    const email = `${unique('later')}@example.com`;
    const [{ next }] = (await db.em.execute<{ next: number }[]>("select nextval(pg_get_serial_sequence('users', 'id'))::int as next")) as [{ next: number }];
    const me = forUser(db.em, next);
    await expect(me.programs.list()).rejects.toBeInstanceOf(GainslyNotFoundError);
    await db.em.execute('insert into users (id, email) values (?, ?)', [next, email]);
    expect(await me.programs.list()).toEqual({ items: [], nextCursor: null });
  });

  it('forViewer: the programs and workouts of an owner who does not exist are not found', async () => {
    const user = await db.em.getRepository(User).createUser({ email: `${unique('viewer')}@example.com` });
    await db.em.flush();
    const viewer = forViewer(db.em, user.id);
    await expect(viewer.programsOf(MISSING)).rejects.toMatchObject({ code: 'GAINSLY_NOT_FOUND', entity: 'User' });
    await expect(viewer.workoutLogsOf(MISSING)).rejects.toMatchObject({ code: 'GAINSLY_NOT_FOUND', entity: 'User' });
    expect(await viewer.programsOf(user.id)).toEqual({ items: [], nextCursor: null });
  });
});
