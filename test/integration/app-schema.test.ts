// An application's own tables next to the library's: its entities and migrations are added, never
// replace the library's; the library's migrations run first; each side keeps its own history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  APP_MIGRATIONS_TABLE,
  createGainslyOrm,
  forUser,
  gainslyConfig,
  GainslyConfigError,
  MIGRATIONS_TABLE,
  migrate,
  User,
} from '../../src/index.js';
import {
  adopt,
  doctor,
} from '../../src/admin/index.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';
import { unique } from '../support/factories.js';

/** An app-owned table that references the library's `users`. */
@Entity({ tableName: 'app_badges' })
class Badge {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User, type: 'User' })
  user!: Rel<User>;

  @Property({ type: 'string', length: 100 })
  label!: string;
}

class CreateBadges extends Migration {
  override up(): void {
    // `users` exists: the library's migrations always ran before.
    this.addSql('create table app_badges (id serial primary key, user_id integer not null references users (id) on delete cascade, label varchar(100) not null)');
  }
}

class AddBadgeIndex extends Migration {
  override up(): void {
    this.addSql('create index app_badges_user_id_idx on app_badges (user_id)');
  }
}

// Named like the library's first migration on purpose: separate histories, so neither shadows the other.
const APP_MIGRATIONS = [
  { name: '0001-upstream-schema', class: CreateBadges },
  { name: '0002-badge-index', class: AddBadgeIndex },
];

const LIBRARY_NAMES = MIGRATIONS.map((m) => m.name);

let db: TestDatabase;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function names(orm: MikroORM, table: string): Promise<string[]> {
  const rows = await orm.em.getConnection().execute<{ name: string }[]>(`select name from "${table}" order by id`);
  return rows.map((r) => r.name);
}

describe('composable schema', () => {
  it('on a new database: the library migrates first, then the app, each recorded in its own table', async () => {
    // First start: the app had no migrations of its own yet.
    const plain = await createGainslyOrm({ url: db.url });
    try {
      expect(await migrate(plain)).toEqual({ applied: LIBRARY_NAMES });
    } finally {
      await plain.close(true);
    }
    // Then the app adds its table: only its migrations are pending, despite the same first name.
    const orm = await MikroORM.init(gainslyConfig({ url: db.url, entities: [Badge], appMigrations: APP_MIGRATIONS }));
    try {
      expect(await migrate(orm)).toEqual({ applied: [], app: ['0001-upstream-schema', '0002-badge-index'] });
      expect(await names(orm, MIGRATIONS_TABLE)).toEqual(LIBRARY_NAMES);
      expect(await names(orm, APP_MIGRATIONS_TABLE)).toEqual(['0001-upstream-schema', '0002-badge-index']);
      expect(await migrate(orm)).toEqual({ applied: [], app: [] });

      // The app's entity works beside the library's, and its rows reference the library's users.
      const em = orm.em.fork();
      const user = await em.getRepository(User).createUser({ email: `${unique('badge')}@example.com` });
      em.create(Badge, { user, label: 'First PR' });
      await em.flush();
      const [badge] = await orm.em.fork().find(Badge, { user: user.id }, { populate: ['user'] });
      expect(badge?.label).toBe('First PR');
      expect(badge?.user.email).toBe(user.email);
      // The library's scopes are unaffected.
      expect(await forUser(orm.em, user.id).programs.list()).toEqual({ items: [], nextCursor: null });

      // doctor and adopt tolerate the app's tables and its bookkeeping.
      const report = await doctor(orm);
      expect(report.summary.errors).toBe(0);
      expect(report.ok).toBe(true);
      const appTables = report.tables.filter((t) => !t.expected).map((t) => [t.table, t.status]);
      expect(appTables).toEqual(expect.arrayContaining([['app_badges', 'tolerated'], [APP_MIGRATIONS_TABLE, 'tolerated']]));
      const adopted = await adopt(orm);
      expect(adopted.alreadyAdopted).toBe(true);
      expect(await names(orm, APP_MIGRATIONS_TABLE)).toEqual(['0001-upstream-schema', '0002-badge-index']);
    } finally {
      await orm.close(true);
    }
  });

  it('on a fresh database in one call, the library goes first whatever the app lists', async () => {
    const fresh = await createEmptyDatabase();
    try {
      const orm = await createGainslyOrm({ url: fresh.url, entities: [Badge], appMigrations: APP_MIGRATIONS, appMigrationsTable: 'my_app_migrations' });
      try {
        expect(await migrate(orm)).toEqual({ applied: LIBRARY_NAMES, app: ['0001-upstream-schema', '0002-badge-index'] });
        expect(await names(orm, 'my_app_migrations')).toEqual(['0001-upstream-schema', '0002-badge-index']);
      } finally {
        await orm.close(true);
      }
    } finally {
      await fresh.drop();
    }
  });

  it("refuses options that would replace the library's migrations, and malformed app migrations", () => {
    const refused: [string, () => unknown][] = [
      ['migrationsList', () => gainslyConfig({ url: db.url, migrations: { migrationsList: APP_MIGRATIONS } })],
      ['path', () => gainslyConfig({ url: db.url, migrations: { path: './migrations' } })],
      ['duplicate names', () => gainslyConfig({ url: db.url, appMigrations: [APP_MIGRATIONS[0]!, APP_MIGRATIONS[0]!] })],
      ['not a migration', () => gainslyConfig({ url: db.url, appMigrations: [{ name: 'x' } as never] })],
      ['same table as the library', () => gainslyConfig({ url: db.url, appMigrations: APP_MIGRATIONS, appMigrationsTable: MIGRATIONS_TABLE })],
      ['table name', () => gainslyConfig({ url: db.url, appMigrations: APP_MIGRATIONS, appMigrationsTable: 'x; drop table users' })],
      ['entities not an array', () => gainslyConfig({ url: db.url, entities: Badge as never })],
    ];
    for (const [what, build] of refused) expect(build, what).toThrow(GainslyConfigError);
    expect(() => gainslyConfig({ url: db.url, migrations: { migrationsList: [] } })).toThrow(/appMigrations/);
  });

  it("the app's entities are added to the library's, never replace them", () => {
    const config = gainslyConfig({ url: db.url, entities: [Badge] });
    expect(config.entities).toContain(Badge);
    expect(config.entities).toContain(User);
  });
});
