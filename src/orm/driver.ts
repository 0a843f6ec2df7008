import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import { translateDatabaseError } from './errors.js';

/** The password of the configured connection, so error messages can be scrubbed of it. @internal */
export function connectionSecrets(config: Configuration): string[] {
  const secrets: string[] = [];
  const password = config.get('password');
  if (typeof password === 'string' && password) secrets.push(password);
  const url = config.get('clientUrl');
  if (url) {
    try {
      const p = decodeURIComponent(new URL(url).password);
      if (p) secrets.push(p, encodeURIComponent(p));
    } catch {
      /* not a URL: nothing to scrub */
    }
  }
  return secrets;
}

/**
 * MikroORM's PostgreSQL driver, raising the library's typed errors (unique, foreign key, check,
 * not-null, connection, timeout) instead of driver exceptions, for every query the ORM runs —
 * flushes, finds, raw `em.execute` — so callers never have to translate errors themselves.
 * @internal
 */
export class GainslyPostgreSqlDriver extends PostgreSqlDriver {
  override convertException(exception: Error) {
    return translateDatabaseError(super.convertException(exception), connectionSecrets(this.config)) as ReturnType<PostgreSqlDriver['convertException']>;
  }
}
