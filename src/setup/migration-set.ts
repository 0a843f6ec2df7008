// The library's migrations and MikroORM's migrator, which an ORM's configuration needs and an
// import does not: loaded when an ORM is configured (src/orm/lazy-module.ts; issue #23, cold start).
export { Migrator } from '@mikro-orm/migrations';
export { MIGRATIONS } from '../../migrations/index.js';
