// A leaf module: the admin helpers need the table name without importing the ORM configuration,
// which imports every entity; through the user scope that made an import cycle in which the
// bundle built ENTITIES before User and UserSettings were defined.

/**
 * Name of the table in which the library records its applied migrations (beside upstream's `alembic_version`).
 * @example
 * ```ts
 * await orm.em.getConnection().execute(`select name from ${MIGRATIONS_TABLE} order by id`);
 * ```
 */
export const MIGRATIONS_TABLE = 'gainsly_db_migrations';
