/**
 * The embedded default: `createGainslyOrm({ url: 'pglite:' })` (in memory) and `'pglite:<dir>'`
 * (persistent) run the library's entities and migrations on PGlite in-process.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createGainslyOrm, GainslyConfigError, type CreateProgramInput, GainslyUniqueViolationError, Microcycle, migrate, Movement, Program, Session, SessionExercise, User, WorkoutLog } from '../../src/index.js';
import { createPgliteOrm, resolvePgliteDir } from '../../src/setup/embedded.js';
import { doctor } from '../../src/admin/doctor/doctor.js';
import { ALL_MIGRATIONS } from '../support/migrations.js';
import { useTempDir } from '../support/temp-dir.js';

/** An 8-week, 3-day full-body program with the given progression style. */
const threeDayProgram = (progressionStyle: CreateProgramInput['progressionStyle']): CreateProgramInput => ({
  startDate: '2026-01-05',
  durationWeeks: 8,
  daysPerWeek: 3,
  goals: [
    { goal: 'strength', weight: 6 },
    { goal: 'speed', weight: 2 },
    { goal: 'endurance', weight: 2 },
  ],
  splitTemplate: 'full_body',
  progressionStyle,
});

describe("createGainslyOrm({ url: 'pglite:' }) — in memory", () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await createGainslyOrm({ url: 'pglite:' });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('applies every migration (enum types, json columns, ALTER TYPE ... ADD VALUE in the same transaction, GIN and covering indexes), then nothing', async () => {
    expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
    expect(await migrate(orm)).toEqual({ applied: [] });
  });

  it('gives a schema that doctor finds identical to a server database made by migrate', async () => {
    const report = await doctor(orm);
    expect(report.ok).toBe(true);
    expect(report.database.kind).toBe('library');
    expect(report.summary.errors + report.summary.fixable).toBe(0);
  });

  it('runs the workflows: enum labels (including WAVE_LOADING from 0002), json columns, e1RM and pattern exposures', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({ email: 'pglite@example.com', personaTone: 'analytical' });
    const program = await em.getRepository(Program).createProgram(user.id, threeDayProgram('wave_loading'));
    const [squat] = await em.execute<{ id: number }[]>(
      `insert into movements (name, pattern, primary_muscle, primary_region, tags) values ('PGlite Squat', 'squat', 'quadriceps', 'anterior lower', '["x"]') returning id`,
    );
    const { topSets, exposures } = await em.getRepository(WorkoutLog).logWorkout(user.id, {
      date: '2026-01-06',
      feedbackTags: ['felt_good'],
      topSets: [{ movementId: squat!.id, weight: 100, reps: 5, rpe: 8 }],
    });

    // Stored: plain Epley of 100 x 5 = 100 * (1 + 5/30); the RPE 8 estimate 100 * (1 + 7/30) is only returned.
    expect(topSets[0]?.e1rmValue).toBeCloseTo(116.67, 2);
    expect(topSets[0]?.e1rmAdjusted).toBeCloseTo(123.33, 2);
    expect(exposures).toHaveLength(1);
    const rows = await em.execute<{ progression_style: string; tone: string; tags: unknown }[]>(
      `select p.progression_style::text, p.persona_tone::text as tone, w.feedback_tags as tags
         from programs p join workout_logs w on w.user_id = p.user_id where p.id = ?`,
      [program.id],
    );
    expect(rows).toEqual([{ progression_style: 'WAVE_LOADING', tone: 'ANALYTICAL', tags: ['felt_good'] }]);
    const reloaded = await orm.em.fork().findOneOrFail(Program, { progressionStyle: { $in: ['wave_loading', 'build_to_drop'] } });
    expect(reloaded.progressionStyle).toBe('wave_loading');
  });

  it('runs the read models: findForDisplay and searchRows (JSON parsed, semantic values)', async () => {
    const em = orm.em.fork();
    const user = await em.getRepository(User).createUser({ email: 'reader@example.com' });
    const program = await em.getRepository(Program).createProgram(user.id, threeDayProgram('single_progression'));
    const [microcycle] = await em.getRepository(Microcycle).findByProgram(program.id);
    const movement = em.create(Movement, { name: 'PGlite Press', pattern: 'vertical_push', primaryMuscle: 'front_delts', primaryRegion: 'shoulder', equipmentTags: ['barbell'] });
    const session = em.create(Session, { microcycle: microcycle!, date: '2026-01-05', dayNumber: 1, sessionType: 'full_body', mainJson: [{ movement_id: 1, sets: 3 }] });
    em.create(SessionExercise, { session, movement, role: 'main', orderInSession: 1, targetSets: 3 });
    await em.flush();
    const view = await orm.em.fork().getRepository(Microcycle).findForDisplay(microcycle!.id, { userId: user.id });
    expect(view).toMatchObject({ id: microcycle!.id, status: 'active', startDate: '2026-01-05' });
    expect(view.sessions).toHaveLength(1);
    expect(view.sessions[0]).toMatchObject({ sessionType: 'full_body', mainJson: [{ movement_id: 1, sets: 3 }] });
    expect(view.sessions[0]!.exercises[0]).toMatchObject({ role: 'main', movement: { name: 'PGlite Press', pattern: 'vertical_push', equipmentTags: ['barbell'] } });
    const rows = await orm.em.fork().getRepository(Movement).searchRows({ pattern: 'vertical_push', equipmentTag: 'barbell', text: 'pglite' });
    expect(rows).toEqual([expect.objectContaining({ id: movement.id, equipmentTags: ['barbell'], secondaryMuscles: [], userId: null })]);
  });

  it('raises the same typed database errors as on a server', async () => {
    const em = orm.em.fork();
    await em.getRepository(User).createUser({ email: 'twice@example.com' });
    await expect(orm.em.fork().getRepository(User).createUser({ email: 'twice@example.com' })).rejects.toBeInstanceOf(GainslyUniqueViolationError);
  });

  it('forks as on a server: no write to process.env, the global context setting restored', () => {
    // As test/integration/fork-config.test.ts checks on a server (src/orm/context.ts, quietContextToggle).
    const saved = process.env.MIKRO_ORM_COLORS;
    process.env.MIKRO_ORM_COLORS = 'left-alone';
    try {
      orm.em.fork();
      expect(process.env.MIKRO_ORM_COLORS).toBe('left-alone');
      expect(orm.config.get('allowGlobalContext')).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.MIKRO_ORM_COLORS;
      else process.env.MIKRO_ORM_COLORS = saved;
    }
  });
});

describe('migrations on PGlite', () => {
  it('go all the way down (dropping the enum label 0002 added) and up again', async () => {
    const orm = await createGainslyOrm({ url: 'pglite:' });
    try {
      await migrate(orm);
      await orm.migrator.down({ to: 0 });
      const tables = await orm.em.getConnection().execute<{ n: number }[]>(
        `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name <> 'gainsly_db_migrations'`,
      );
      expect(tables[0]?.n).toBe(0);
      expect(await migrate(orm)).toEqual({ applied: [...ALL_MIGRATIONS] });
    } finally {
      await orm.close(true);
    }
  });
});

describe("createGainslyOrm({ url: 'pglite:<dir>' }) — persistent", () => {
  const tmp = useTempDir('gainsly-pglite-');

  it('creates missing parent directories, and finds the data again after closing and reopening', async () => {
    const url = `pglite:${join(tmp.path, 'nested', 'data')}`;
    const first = await createGainslyOrm({ url });
    try {
      await migrate(first);
      await first.em.fork().getRepository(User).createUser({ email: 'kept@example.com', name: 'Kept' });
    } finally {
      await first.close(true);
    }

    const second = await createGainslyOrm({ url });
    try {
      expect(await migrate(second)).toEqual({ applied: [] });
      const user = await second.em.fork().getRepository(User).findByEmail('kept@example.com');
      expect(user?.name).toBe('Kept');
    } finally {
      await second.close(true);
    }
  });

  it('resolves a relative directory against the working directory', () => {
    expect(resolvePgliteDir('.gainsly/demo', '/home/ada/project')).toBe('/home/ada/project/.gainsly/demo');
    expect(resolvePgliteDir(undefined)).toBeUndefined();
    expect(resolvePgliteDir('memory://')).toBeUndefined();
  });
});

describe('without the optional peer dependencies', () => {
  it('throws a GainslyConfigError naming both packages and the install command', async () => {
    const notInstalled = () =>
      Promise.reject(Object.assign(new Error("Cannot find package '@mikro-orm/pglite' imported from /app/node_modules/@gainsly/db/dist/index.js"), { code: 'ERR_MODULE_NOT_FOUND' }));
    const error = await createPgliteOrm(undefined, {}, notInstalled).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GainslyConfigError);
    const message = (error as Error).message;
    expect(message).toContain('@mikro-orm/pglite');
    expect(message).toContain('@electric-sql/pglite');
    expect(message).toMatch(/npm install @mikro-orm\/pglite@\S+ @electric-sql\/pglite/);
    expect(message).toContain('not installed');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('says "could not load" (not "not installed") when the package is there but fails to load', async () => {
    const broken = () => Promise.reject(new SyntaxError('Unexpected token'));
    await expect(createPgliteOrm(undefined, {}, broken)).rejects.toThrow(/could not load .*@mikro-orm\/pglite.*@electric-sql\/pglite.*Unexpected token/);
  });
});
