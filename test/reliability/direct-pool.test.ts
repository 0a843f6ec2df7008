/**
 * The executor's direct path (src/orm/bound-query.ts, `registerDirectPool`): outside a transaction,
 * on an ORM without per-connection hooks, the library's statements run straight on the `pg` pool
 * instead of through Kysely's executor. What a user must not be able to tell apart: a connection
 * killed under a read is the typed error and is given back to the pool (the next read works on a
 * pool of one), and an ORM with `onReserveConnection` still has its hook run before every library
 * read (those reads keep Kysely's path).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, forUser, GainslyConnectionError, User } from '../../src/index.js';
import { useClonedDatabase } from '../support/database.js';
import { connectRaw } from '../support/pg-client.js';
import { holdLocks, terminate, waitUntilBlocked, withDeadline } from '../support/reliability-db.js';
import { errorTexts, findSecrets, passwordOf, withPassword } from '../support/reliability-secrets.js';

const VICTIM = 'gainsly-direct-pool-victim';

describe('library reads outside a transaction, on an ORM without connection hooks', () => {
  const db = useClonedDatabase();
  let orm: MikroORM;
  let userId: number;

  beforeAll(async () => {
    // One connection: "the next read works" then proves the killed one was given back and replaced.
    orm = await createGainslyOrm({ url: withPassword(db.url), pool: { min: 0, max: 1 }, driverOptions: { application_name: VICTIM } });
    userId = (await orm.em.fork().getRepository(User).createUser({ email: `direct-${randomBytes(3).toString('hex')}@example.com` })).id;
  });
  afterAll(async () => {
    await withDeadline(orm.close(true), 5_000, 'orm.close()').catch(() => undefined);
  });

  it('a connection killed while a read waits is a GainslyConnectionError without the password; the next read works', async () => {
    expect((await forUser(orm.em.fork(), userId).profile.get()).id).toBe(userId);
    const lock = await holdLocks(db.url, 'lock table users in access exclusive mode');
    const admin = await connectRaw(db.url);
    try {
      const outcome = forUser(orm.em.fork(), userId)
        .profile.get()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      const blocked = await waitUntilBlocked(admin, VICTIM);
      expect(await terminate(admin, blocked.pid)).toBe(true);
      const error = await withDeadline(outcome, 20_000, 'the killed read');
      expect(error, String(error)).toBeInstanceOf(GainslyConnectionError);
      expect(findSecrets(errorTexts(error), [passwordOf(withPassword(db.url))!])).toEqual([]);
    } finally {
      await lock.release();
      await admin.end();
    }
    const next = await withDeadline(forUser(orm.em.fork(), userId).profile.get(), 20_000, 'the read after the kill');
    expect(next.id).toBe(userId);
  });
});

describe('an ORM with onReserveConnection', () => {
  const db = useClonedDatabase();
  let orm: MikroORM;
  let reserved = 0;
  let userId: number;

  beforeAll(async () => {
    orm = await createGainslyOrm({
      url: db.url,
      onReserveConnection: async () => {
        reserved++;
      },
    });
    userId = (await orm.em.fork().getRepository(User).createUser({ email: `hooked-${randomBytes(3).toString('hex')}@example.com` })).id;
  });
  afterAll(async () => {
    await orm.close(true);
  });

  it('runs the hook before each library read outside a transaction, as before every other statement', async () => {
    for (let i = 0; i < 3; i++) {
      const before = reserved;
      const row = await forUser(orm.em.fork(), userId).profile.get();
      expect(row.id).toBe(userId);
      expect(reserved, `read ${i + 1}`).toBe(before + 1);
    }
  });
});
