/**
 * Bridges the harness to the library: loads `createGainslyOrm` / `migrate` from `src/index.ts`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, migrate } from '../../src/index.js';

/** Opens the library's ORM on `url` (`createGainslyOrm({ url })`). */
export async function openOrm(url: string): Promise<MikroORM> {
  return createGainslyOrm({ url });
}

/**
 * Migrates the (empty, freshly created) template database at `url` to the latest schema with
 * `createGainslyOrm({ url })` + `migrate(orm)`, and closes the ORM so the template has no
 * connections left (PostgreSQL refuses to clone a database somebody is connected to).
 * Returns what happened, for the set-up log line.
 */
export async function prepareTemplate(url: string): Promise<{ migrated: boolean; detail: string }> {
  const orm = await createGainslyOrm({ url });
  try {
    const { applied } = await migrate(orm);
    return { migrated: true, detail: `migrated (${applied.length} migration${applied.length === 1 ? '' : 's'} applied)` };
  } finally {
    await orm.close(true);
  }
}
