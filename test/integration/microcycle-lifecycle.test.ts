/**
 * The microcycle status lifecycle as the upstream app keeps it (docs/upstream.md, "Microcycle status"):
 * createProgram starts week 1, advanceMicrocycle completes the current week and activates (or
 * creates) the next, the readers find the current week, and concurrent advances serialise.
 * Expected dates and deload flags are worked out by hand in each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  createGainslyOrm,
  forUser,
  GainslyNotFoundError,
  GainslyValidationError,
  Microcycle,
  Program,
  User,
  type MicrocycleRow,
} from '../../src/index.js';
import type { MicrocycleStatus } from '../../src/enums/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { useClonedDatabase, useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeProgram, makeUser, PROGRAM } from '../support/factories.js';


type Shape = [sequence: number, startDate: string, lengthDays: number, status: MicrocycleStatus, isDeload: boolean | null];

/** The program's microcycles as stored, in sequence order. */
async function stored(em: EntityManager, programId: number): Promise<Shape[]> {
  const rows = await em.execute<{ sequence_number: number; start_date: string; length_days: number; status: string; is_deload: boolean | null }[]>(
    `select sequence_number, to_char(start_date, 'YYYY-MM-DD') as start_date, length_days, status::text as status, is_deload
       from microcycles where program_id = ? order by sequence_number, id`,
    [programId],
  );
  return rows.map((r) => [r.sequence_number, r.start_date, r.length_days, r.status.toLowerCase() as MicrocycleStatus, r.is_deload]);
}

const seqs = (rows: readonly MicrocycleRow[]) => rows.map((r) => r.sequenceNumber);

describe('microcycle lifecycle (one connection)', () => {
  const db = useTestOrm();

  /** A program the way a script or an older library version left it: rows written directly. */
  async function craftedProgram(weeks: [startDate: string, lengthDays: number, status: MicrocycleStatus][], data: Partial<Program> = {}) {
    const user = makeUser(db.em);
    const program = makeProgram(db.em, user, data);
    weeks.forEach(([startDate, lengthDays, status], i) => makeMicrocycle(db.em, program, { sequenceNumber: i + 1, startDate, lengthDays, status }));
    await db.em.flush();
    return { user, program };
  }

  it('createProgram makes microcycle 1 active and the rest planned; a template has every week planned', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const programs = db.em.getRepository(Program);
    const program = await programs.createProgram(user.id, PROGRAM);
    const template = await programs.createProgram(user.id, { ...PROGRAM, isTemplate: true });
    expect((await stored(db.em, program.id)).map(([seq, , , status]) => [seq, status])).toEqual([
      [1, 'active'],
      [2, 'planned'],
      [3, 'planned'],
      [4, 'planned'],
      [5, 'planned'],
      [6, 'planned'],
      [7, 'planned'],
      [8, 'planned'],
    ]);
    expect((await stored(db.em, template.id)).map(([, , , status]) => status)).toEqual(Array(8).fill('planned'));
  });

  it('advances through the planned weeks, then creates the next week the app\'s way (deload every 3rd)', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const programs = db.em.getRepository(Program);
    // 8 weeks of 9-day microcycles = 56 days: 9, 9, 9, 9, 10, 10 from 2026-01-05.
    const program = await programs.createProgram(user.id, { ...PROGRAM, microcycleLengthDays: 9, deloadEveryNMicrocycles: 3 });
    expect(await stored(db.em, program.id)).toEqual([
      [1, '2026-01-05', 9, 'active', false],
      [2, '2026-01-14', 9, 'planned', false],
      [3, '2026-01-23', 9, 'planned', true],
      [4, '2026-02-01', 9, 'planned', false],
      [5, '2026-02-10', 10, 'planned', false],
      [6, '2026-02-20', 10, 'planned', true],
    ]);

    for (let week = 1; week <= 5; week++) {
      const step = await programs.advanceMicrocycle(program.id);
      expect([seqs(step.completed), step.active.sequenceNumber, step.created]).toEqual([[week], week + 1, false]);
      expect(step.completed[0]!.status).toBe('complete');
      expect(step.active.status).toBe('active');
    }

    // Past the plan: week 7 starts when week 6 ends (2026-02-20 + 10 days), 7 days long; 7 % 3 ≠ 0.
    const seventh = await programs.advanceMicrocycle(program.id);
    expect(seventh.created).toBe(true);
    expect(seqs(seventh.completed)).toEqual([6]);
    expect(seventh.active).toEqual({ id: expect.any(Number), programId: program.id, startDate: '2026-03-02', lengthDays: 7, sequenceNumber: 7, status: 'active', isDeload: false });
    await programs.advanceMicrocycle(program.id); // creates 8: 2026-03-09, 8 % 3 ≠ 0
    const ninth = await programs.advanceMicrocycle(program.id); // creates 9: 2026-03-16, 9 % 3 = 0
    expect(ninth.active).toMatchObject({ sequenceNumber: 9, startDate: '2026-03-16', lengthDays: 7, isDeload: true });

    expect(await stored(db.em, program.id)).toEqual([
      [1, '2026-01-05', 9, 'complete', false],
      [2, '2026-01-14', 9, 'complete', false],
      [3, '2026-01-23', 9, 'complete', true],
      [4, '2026-02-01', 9, 'complete', false],
      [5, '2026-02-10', 10, 'complete', false],
      [6, '2026-02-20', 10, 'complete', true],
      [7, '2026-03-02', 7, 'complete', false],
      [8, '2026-03-09', 7, 'complete', false],
      [9, '2026-03-16', 7, 'active', true],
    ]);
  });

  it('with no active week (a program of an older library version), the first advance activates the lowest planned one', async () => {
    const { program } = await craftedProgram([
      ['2026-01-05', 7, 'planned'],
      ['2026-01-12', 7, 'planned'],
      ['2026-01-19', 7, 'planned'],
    ]);
    const repo = db.em.getRepository(Program);
    const first = await repo.advanceMicrocycle(program.id);
    expect([seqs(first.completed), first.active.sequenceNumber, first.created]).toEqual([[], 1, false]);
    const second = await repo.advanceMicrocycle(program.id);
    expect([seqs(second.completed), second.active.sequenceNumber]).toEqual([[1], 2]);
    expect((await stored(db.em, program.id)).map(([, , , status]) => status)).toEqual(['complete', 'active', 'planned']);
  });

  it('with no active and no planned week, creates the week after the highest (deload every 4th); an empty program gets week 1 on its start date', async () => {
    // Weeks of 7, 10 and 8 days: week 4 starts 2026-01-22 + 8 = 2026-01-30, and 4 % 4 = 0.
    const { program } = await craftedProgram(
      [
        ['2026-01-05', 7, 'complete'],
        ['2026-01-12', 10, 'complete'],
        ['2026-01-22', 8, 'complete'],
      ],
      { deloadEveryNMicrocycles: 4 },
    );
    const repo = db.em.getRepository(Program);
    const step = await repo.advanceMicrocycle(program.id);
    expect(step.completed).toEqual([]);
    expect(step).toMatchObject({ created: true, active: { sequenceNumber: 4, startDate: '2026-01-30', lengthDays: 7, status: 'active', isDeload: true } });

    const { program: empty } = await craftedProgram([], { startDate: '2026-02-02', deloadEveryNMicrocycles: 4 });
    const started = await repo.advanceMicrocycle(empty.id);
    expect(started).toMatchObject({ created: true, completed: [], active: { sequenceNumber: 1, startDate: '2026-02-02', lengthDays: 7, isDeload: false } });
  });

  it('with several active weeks (corrupt data), completes all of them and activates the one after the highest', async () => {
    const { program } = await craftedProgram([
      ['2026-01-05', 7, 'complete'],
      ['2026-01-12', 7, 'active'],
      ['2026-01-19', 7, 'active'],
      ['2026-01-26', 7, 'planned'],
      ['2026-02-02', 7, 'planned'],
    ]);
    const step = await db.em.getRepository(Program).advanceMicrocycle(program.id);
    expect([seqs(step.completed), step.active.sequenceNumber, step.created]).toEqual([[2, 3], 4, false]);
    expect((await stored(db.em, program.id)).map(([, , , status]) => status)).toEqual(['complete', 'complete', 'complete', 'active', 'planned']);

    // Several active and nothing after them: the new week follows the highest (2026-01-12 + 9 days).
    const { program: tail } = await craftedProgram([
      ['2026-01-05', 7, 'active'],
      ['2026-01-12', 9, 'active'],
    ]);
    const created = await db.em.getRepository(Program).advanceMicrocycle(tail.id);
    expect(seqs(created.completed)).toEqual([1, 2]);
    expect(created.active).toMatchObject({ sequenceNumber: 3, startDate: '2026-01-21', lengthDays: 7 });
  });

  it('a week that would start after 9999-12-31 is a GainslyValidationError naming programId, and changes nothing', async () => {
    const { program } = await craftedProgram([['9999-12-24', 7, 'active']]);
    const repo = db.em.getRepository(Program);
    // 9999-12-24 + 7 days = 9999-12-31: the last date there is.
    expect((await repo.advanceMicrocycle(program.id)).active).toMatchObject({ sequenceNumber: 2, startDate: '9999-12-31' });
    const before = await stored(db.em, program.id);
    const error = await db.em.transactional((tx) => tx.getRepository(Program).advanceMicrocycle(program.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GainslyValidationError);
    expect((error as GainslyValidationError).issues.map((i) => i.path.join('.'))).toEqual(['programId']);
    expect(await stored(db.em, program.id)).toEqual(before);
  });

  it('rejects bad arguments and unknown programs with typed errors', async () => {
    const repo = db.em.getRepository(Program);
    await expect(repo.advanceMicrocycle(0)).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(repo.advanceMicrocycle(1, { userId: 'x' as never })).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(repo.advanceMicrocycle(987654)).rejects.toBeInstanceOf(GainslyNotFoundError);
    await expect(db.em.getRepository(Microcycle).findActiveByProgram(987654)).rejects.toBeInstanceOf(GainslyNotFoundError);
    await expect(db.em.getRepository(Microcycle).findCoveringForUser(1, '2026-02-30')).rejects.toBeInstanceOf(GainslyValidationError);
    await expect(db.em.getRepository(Microcycle).findActiveForUserOn(1, 'yesterday')).rejects.toBeInstanceOf(GainslyValidationError);
  });

  it('updates microcycles this EntityManager already holds', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const program = await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
    const [first, second] = await db.em.find(Microcycle, { program: program.id, sequenceNumber: { $lte: 2 } }, { orderBy: { sequenceNumber: 'asc' } });
    await db.em.getRepository(Program).advanceMicrocycle(program.id);
    expect([first!.status, second!.status]).toEqual(['complete', 'active']);
  });

  it('readers: the active week of a program, and the week covering a date for a user', async () => {
    const user = await db.em.getRepository(User).createUser({});
    const program = await db.em.getRepository(Program).createProgram(user.id, PROGRAM);
    const template = await db.em.getRepository(Program).createProgram(user.id, { ...PROGRAM, isTemplate: true });
    const microcycles = db.em.getRepository(Microcycle);

    const week1 = await microcycles.findActiveByProgram(program.id);
    expect(week1).toEqual({ id: expect.any(Number), programId: program.id, startDate: '2026-01-05', lengthDays: 7, sequenceNumber: 1, status: 'active', isDeload: false });
    expect(await microcycles.findActiveByProgram(template.id)).toBeNull();
    await db.em.getRepository(Program).advanceMicrocycle(program.id);
    expect(await microcycles.findActiveByProgram(program.id)).toMatchObject({ sequenceNumber: 2, startDate: '2026-01-12' });

    // By date within the user's active program (the template is inactive): 2026-01-18 is the last
    // day of week 2 (2026-01-12 + 7 days excluded), 2026-01-19 the first of week 3.
    expect(await microcycles.findCoveringForUser(user.id, '2026-01-18')).toMatchObject({ sequenceNumber: 2, programId: program.id, status: 'active' });
    expect(await microcycles.findCoveringForUser(user.id, '2026-01-19')).toMatchObject({ sequenceNumber: 3, status: 'planned' });
    expect(await microcycles.findCoveringForUser(user.id, '2026-01-04')).toBeNull();
    // The entity form finds the same row.
    const covering = await microcycles.findCoveringForUser(user.id, '2026-01-19');
    expect((await microcycles.findActiveForUserOn(user.id, '2026-01-19'))?.id).toBe(covering!.id);
  });

  it('the demo leaves the statuses the app would: logged weeks 1–6 complete, week 7 active, week 8 planned', async () => {
    const { programId } = await seedDemo(db.em);
    expect((await stored(db.em, programId)).map(([seq, , , status]) => [seq, status])).toEqual([
      [1, 'complete'],
      [2, 'complete'],
      [3, 'complete'],
      [4, 'complete'],
      [5, 'complete'],
      [6, 'complete'],
      [7, 'active'],
      [8, 'planned'],
    ]);
  });

  it("the user scope advances and reads the user's own programs; another user's program is not found and stays unchanged", async () => {
    const users = db.em.getRepository(User);
    const owner = await users.createUser({});
    const other = await users.createUser({});
    const program = await db.em.getRepository(Program).createProgram(owner.id, PROGRAM);

    const me = forUser(db.em, owner.id);
    expect(await me.programs.activeMicrocycle(program.id)).toMatchObject({ sequenceNumber: 1 });
    const step = await me.programs.advance(program.id);
    expect([seqs(step.completed), step.active.sequenceNumber]).toEqual([[1], 2]);
    expect(await me.programs.activeMicrocycle(program.id)).toMatchObject({ sequenceNumber: 2 });
    expect(await me.programs.microcycleOn('2026-01-13')).toMatchObject({ sequenceNumber: 2, programId: program.id });

    const stranger = forUser(db.em, other.id);
    const before = await stored(db.em, program.id);
    await expect(db.em.transactional((tx) => forUser(tx, other.id).programs.advance(program.id))).rejects.toBeInstanceOf(GainslyNotFoundError);
    await expect(stranger.programs.activeMicrocycle(program.id)).rejects.toBeInstanceOf(GainslyNotFoundError);
    expect(await stranger.programs.microcycleOn('2026-01-13')).toBeNull();
    await expect(db.em.getRepository(Program).advanceMicrocycle(program.id, { userId: other.id })).rejects.toBeInstanceOf(GainslyNotFoundError);
    expect(await stored(db.em, program.id)).toEqual(before);
    await expect(me.programs.advance(-1)).rejects.toBeInstanceOf(GainslyValidationError);
  });
});

describe('concurrent advances on separate connections', () => {
  const db = useClonedDatabase();
  const ADVANCES = 20;
  let orm: MikroORM;

  beforeAll(async () => {
    // One connection per concurrent call, plus one for the reader.
    orm = await createGainslyOrm({ url: db.url, pool: { min: 0, max: ADVANCES + 2 } });
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it(`${ADVANCES} advances of one program at once: one step each, exactly one active week at every moment`, async () => {
    const user = await orm.em.fork().getRepository(User).createUser({});
    const program = await orm.em.fork().getRepository(Program).createProgram(user.id, PROGRAM); // 8 weeks of 7 days, deload every 4th

    // A reader on its own connection: each committed state it sees has exactly one ACTIVE week.
    let running = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (running) {
        const [row] = await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from microcycles where program_id = ? and status = 'ACTIVE'`, [program.id]);
        seen.push(row!.n);
      }
    })();
    const results = await Promise.all(Array.from({ length: ADVANCES }, () => orm.em.fork().getRepository(Program).advanceMicrocycle(program.id)));
    running = false;
    await reader;

    // Serialised: each call took a different step.
    expect(results.map((r) => r.active.sequenceNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: ADVANCES }, (_, i) => i + 2));
    expect(results.map((r) => seqs(r.completed)).sort((a, b) => a[0]! - b[0]!)).toEqual(Array.from({ length: ADVANCES }, (_, i) => [i + 1]));
    expect(results.filter((r) => r.created)).toHaveLength(ADVANCES + 1 - 8);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 1)).toBe(true);

    // Weeks 1–20 complete, 21 active. Weeks 9–21 were created 7 days apart from 2026-03-02 (the day
    // week 8, 2026-02-23 + 7, ends); deloads are 4, 8, 12, 16, 20.
    const week = (n: number) => new Date(Date.UTC(2026, 0, 5 + 7 * (n - 1))).toISOString().slice(0, 10);
    const expected: Shape[] = Array.from({ length: ADVANCES + 1 }, (_, i) => [i + 1, week(i + 1), 7, i + 1 <= ADVANCES ? 'complete' : 'active', (i + 1) % 4 === 0]);
    expect(expected[8]).toEqual([9, '2026-03-02', 7, 'complete', false]);
    expect(expected[20]).toEqual([21, '2026-05-25', 7, 'active', false]);
    expect(await stored(orm.em.fork(), program.id)).toEqual(expected);
  });
});
