import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Rel } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { User } from '@gainsly/db';

/** The application's own table, next to the library's, referencing its `users`. */
@Entity({ tableName: 'badges' })
export class Badge {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => User })
  user!: Rel<User>;

  @Property({ type: 'string', length: 100 })
  label!: string;
}

class CreateBadges extends Migration {
  override up(): void {
    // The library's migrations always run first: `users` exists here.
    this.addSql('create table badges (id serial primary key, user_id integer not null references users (id) on delete cascade, label varchar(100) not null)');
  }
}

/** The app's migrations, recorded in `app_migrations`, apart from the library's history. */
export const APP_MIGRATIONS = [{ name: '0001-badges', class: CreateBadges }];
