// A fork sets `allowGlobalContext` on the ORM's shared configuration and back. The library's
// drivers store that one key without MikroORM's re-sync of the logger and `process.env`
// (src/orm/context.ts, `quietContextToggle`); every other setting keeps MikroORM's own `set`.
import { afterEach, describe, expect, it } from 'vitest';
import { GainslyConfigError, User } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';

describe('forks and the shared configuration', () => {
  const t = useTestOrm();
  const colorsVariable = process.env.MIKRO_ORM_COLORS;

  afterEach(() => {
    if (colorsVariable === undefined) delete process.env.MIKRO_ORM_COLORS;
    else process.env.MIKRO_ORM_COLORS = colorsVariable;
  });

  it('a fork writes nothing to process.env and leaves the global context setting as it was', async () => {
    const before = t.orm.config.get('allowGlobalContext');
    process.env.MIKRO_ORM_COLORS = 'left-alone';
    const fork = t.orm.em.fork();
    expect(process.env.MIKRO_ORM_COLORS).toBe('left-alone');
    expect(t.orm.config.get('allowGlobalContext')).toBe(before);
    // The fork has its own identity map and queries; the global EntityManager still refuses finds.
    expect(await fork.count(User)).toBeGreaterThanOrEqual(0);
    await expect(t.orm.em.find(User, {})).rejects.toBeInstanceOf(GainslyConfigError);
  });

  it('an explicit setting of the global context takes effect, and forks still restore it', async () => {
    t.orm.config.set('allowGlobalContext', true);
    try {
      expect(t.orm.config.get('allowGlobalContext')).toBe(true);
      t.orm.em.fork();
      expect(t.orm.config.get('allowGlobalContext')).toBe(true);
      expect(await t.orm.em.count(User)).toBeGreaterThanOrEqual(0);
    } finally {
      t.orm.config.set('allowGlobalContext', false);
    }
    await expect(t.orm.em.find(User, {})).rejects.toBeInstanceOf(GainslyConfigError);
  });

  it('every other setting goes through MikroORM’s set, its re-sync included', () => {
    const colors = t.orm.config.get('colors');
    const debug = t.orm.config.get('debug');
    process.env.MIKRO_ORM_COLORS = 'left-alone';
    try {
      t.orm.config.set('colors', colors);
      expect(process.env.MIKRO_ORM_COLORS).toBe(String(colors));
      t.orm.config.set('debug', ['query']);
      expect(t.orm.config.getLogger().isEnabled('query')).toBe(true);
      t.orm.config.set('debug', false);
      expect(t.orm.config.getLogger().isEnabled('query')).toBe(false);
    } finally {
      t.orm.config.set('debug', debug);
    }
  });
});
