import { UnderscoreNamingStrategy } from '@mikro-orm/core';

/**
 * The kinds of database object MikroORM asks a naming strategy to name.
 * @example
 * ```ts
 * const kind: IndexKind = 'foreign';
 * ```
 */
export type IndexKind = 'primary' | 'foreign' | 'unique' | 'index' | 'sequence' | 'check' | 'default' | 'trigger';

/**
 * Names constraints and indexes the way the upstream Alembic migrations (and PostgreSQL's own
 * defaults) do, so a database made by either side compares equal: `users_pkey`,
 * `users_email_key`, `programs_user_id_fkey`, `ix_programs_user_id`, `users_id_seq`.
 *
 * @example
 * ```ts
 * new GainslyNamingStrategy().indexName('programs', ['user_id'], 'index'); // 'ix_programs_user_id'
 * ```
 */
export class GainslyNamingStrategy extends UnderscoreNamingStrategy {
  /**
   * The upstream name of a constraint, index or sequence.
   * @example
   * ```ts
   * strategy.indexName('users', ['email'], 'unique'); // 'users_email_key'
   * ```
   */
  override indexName(tableName: string, columns: string[], type: IndexKind): string {
    const table = tableName.includes('.') ? tableName.slice(tableName.lastIndexOf('.') + 1) : tableName;
    const cols = columns.join('_');
    switch (type) {
      case 'primary':
        return `${table}_pkey`;
      case 'foreign':
        return `${table}_${cols}_fkey`;
      case 'unique':
        return `${table}_${cols}_key`;
      case 'index':
        return `ix_${table}_${cols}`;
      case 'sequence':
        return `${table}_${cols}_seq`;
      case 'check':
        return `${table}_${cols}_check`;
      default:
        return super.indexName(tableName, columns, type);
    }
  }
}
