// What a framework hands out must be accepted as is: NestJS documents `@mikro-orm/core`'s
// EntityManager and MikroORM, `app.get(MikroORM)` has readonly generics, SQL code uses
// SqlEntityManager. A cast at every call site would hide a real mismatch.
import { describe, expectTypeOf, test } from 'vitest';
import type { EntityManager as CoreEntityManager, MikroORM as CoreMikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { EntityManager as PgEntityManager, MikroORM as PgMikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  forUser,
  forViewer,
  migrate,
  gainslyConfig,
  gainslyAsyncConfig,
  GainslyPostgreSqlDriver,
  User,
  type UserScope,
  type ViewerScope,
  type MigrationResult,
} from '../../src/index.js';
import {
  doctor,
  adopt,
  audit,
  importMovements,
  type DoctorReport,
  type AdoptResult,
  type AuditReport,
  type ImportReport,
} from '../../src/admin/index.js';

declare const coreEm: CoreEntityManager;
declare const sqlEm: SqlEntityManager;
declare const pgEm: PgEntityManager;
declare const coreOrm: CoreMikroORM;
declare const pgOrm: PgMikroORM;
// NestJS's `app.get(MikroORM)`: a readonly entity list in the third generic.
declare const readonlyOrm: CoreMikroORM<PostgreSqlDriver, PgEntityManager, readonly (typeof User)[]>;
declare const mutableOrm: PgMikroORM<PgEntityManager, (typeof User)[]>;

describe('framework-provided EntityManagers', () => {
  test('forUser accepts every EntityManager type', () => {
    expectTypeOf(forUser(coreEm, 1)).toEqualTypeOf<UserScope>();
    expectTypeOf(forUser(sqlEm, 1)).toEqualTypeOf<UserScope>();
    expectTypeOf(forUser(pgEm, 1)).toEqualTypeOf<UserScope>();
    expectTypeOf(forUser(coreEm.fork(), 1)).toEqualTypeOf<UserScope>();
  });

  test('forViewer accepts every EntityManager type', () => {
    expectTypeOf(forViewer(coreEm, 1)).toEqualTypeOf<ViewerScope>();
    expectTypeOf(forViewer(sqlEm, 1, { areFriends: () => true })).toEqualTypeOf<ViewerScope>();
    expectTypeOf(forViewer(pgEm, 1)).toEqualTypeOf<ViewerScope>();
  });

  test('a scope still exposes the PostgreSQL EntityManager it works through', () => {
    expectTypeOf<UserScope['em']>().toEqualTypeOf<PgEntityManager>();
    expectTypeOf<ViewerScope['em']>().toEqualTypeOf<PgEntityManager>();
  });

  test('anything else is refused', () => {
    // @ts-expect-error not an EntityManager
    forUser({}, 1);
    // @ts-expect-error not an EntityManager
    forViewer('em', 1);
  });
});

describe('framework-provided MikroORM instances', () => {
  test('migrate accepts core, driver, readonly and mutable generics', () => {
    expectTypeOf(migrate(coreOrm)).resolves.toEqualTypeOf<MigrationResult>();
    expectTypeOf(migrate(pgOrm)).resolves.toEqualTypeOf<MigrationResult>();
    expectTypeOf(migrate(readonlyOrm)).resolves.toEqualTypeOf<MigrationResult>();
    expectTypeOf(migrate(mutableOrm)).resolves.toEqualTypeOf<MigrationResult>();
    // @ts-expect-error not an ORM
    void migrate(coreEm);
  });

  test('the admin functions accept them too', () => {
    expectTypeOf(doctor(readonlyOrm)).resolves.toEqualTypeOf<DoctorReport>();
    expectTypeOf(doctor(coreOrm)).resolves.toEqualTypeOf<DoctorReport>();
    expectTypeOf(adopt(readonlyOrm)).resolves.toEqualTypeOf<AdoptResult>();
    expectTypeOf(audit(readonlyOrm)).resolves.toEqualTypeOf<AuditReport>();
    expectTypeOf(audit(coreEm)).resolves.toEqualTypeOf<AuditReport>();
    expectTypeOf(importMovements(sqlEm, [])).resolves.toEqualTypeOf<ImportReport>();
  });
});

describe('NestJS module options', () => {
  test('gainslyConfig is a MikroORM configuration naming the library driver', () => {
    expectTypeOf(GainslyPostgreSqlDriver).toExtend<new (...args: never[]) => PostgreSqlDriver>();
  });

  test('gainslyAsyncConfig types the factory arguments and returns forRootAsync options', () => {
    class ConfigService {
      getOrThrow(key: string): string {
        return key;
      }
    }
    const options = gainslyAsyncConfig({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ url: config.getOrThrow('DATABASE_URL'), pool: { max: 5 } }),
    });
    expectTypeOf(options.driver).toEqualTypeOf<typeof GainslyPostgreSqlDriver>();
    expectTypeOf(options.useFactory).parameters.toEqualTypeOf<[config: ConfigService]>();
    expectTypeOf(options.useFactory).returns.resolves.toEqualTypeOf<ReturnType<typeof gainslyConfig>>();
    // @ts-expect-error the factory returns gainslyConfig options: `url`, not `clientUrl`
    gainslyAsyncConfig({ useFactory: () => ({ clientUrl: 'postgres://x/y' }) });
  });
});
