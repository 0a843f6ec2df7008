// The PSI window ("the user's last N microcycles with any exposure, by their first exposure")
// chosen by SQL agrees with the pure domain functions on any history: microcycles whose ids are
// not in date order, microcycles that overlap in time, ties on the first date (the higher id is
// the newer), and another user's microcycles between the user's own ids. The statement finds each
// microcycle's first date by probing the covering index once per microcycle
// (docs/performance.md, "PSI: one probe per microcycle"); a probe that took any other entry than a
// microcycle's earliest, or crossed into another user's rows, gives another window here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MovementPattern, PatternExposure, TopSetLog, User, type PatternStrength } from '../../src/index.js';
import { ENUMS } from '../../src/enums/index.js';
import { patternStrengthIndexAll, patternTrend } from '../../src/domain/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMicrocycle, makeMovement, makeProgram, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();

const PATTERNS = [MovementPattern.SQUAT, MovementPattern.HINGE, MovementPattern.HORIZONTAL_PUSH] as const;
const DAY = 86_400_000;
const dateAfter = (days: number) => new Date(Date.UTC(2026, 0, 5) + days * DAY).toISOString().slice(0, 10);

interface Exposure {
  /** Index into the history's microcycles. */
  microcycle: number;
  day: number;
  pattern: (typeof PATTERNS)[number];
  e1rm: number;
}

/** A history: how many microcycles, whose they are (the user's or the other user's), its exposures. */
const history = fc
  .record({ owners: fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }), window: fc.integer({ min: 1, max: 6 }) })
  .chain(({ owners, window }) =>
    fc.record({
      owners: fc.constant(owners),
      window: fc.constant(window),
      exposures: fc.array(
        fc.record({
          microcycle: fc.integer({ min: 0, max: owners.length - 1 }),
          // A few weeks, so first dates often tie and microcycles overlap.
          day: fc.integer({ min: 0, max: 20 }),
          pattern: fc.constantFrom(...PATTERNS),
          e1rm: fc.integer({ min: 40, max: 240 }),
        }),
        { minLength: 0, maxLength: 40 },
      ),
    }),
  );

/** Two users, one program each; the microcycles created in `owners` order (true: the user's), so ids interleave. */
async function store(em: EntityManager, owners: readonly boolean[], exposures: readonly Exposure[]) {
  const users = [await em.getRepository(User).createUser({}), await em.getRepository(User).createUser({})] as const;
  const movement = makeMovement(em, { pattern: 'squat' });
  const programs = users.map((u) => makeProgram(em, u));
  const topSets = users.map((u) => em.create(TopSetLog, { workoutLog: makeWorkoutLog(em, u), movement, weight: 100, reps: 1, e1rmValue: 100, e1rmFormula: 'epley', pattern: 'squat' }));
  await em.flush();
  const microcycles: { id: number; owner: 0 | 1 }[] = [];
  for (const [i, mine] of owners.entries()) {
    const owner = mine ? 0 : 1;
    const microcycle = makeMicrocycle(em, programs[owner]!, { sequenceNumber: i + 1, startDate: dateAfter(i * 7) });
    await em.flush();
    microcycles.push({ id: microcycle.id, owner });
  }
  for (const e of exposures) {
    const { id, owner } = microcycles[e.microcycle]!;
    await em.execute(
      `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id) values (?, ?, ?, ?, ?, ?)`,
      [users[owner]!.id, id, dateAfter(e.day), ENUMS.MovementPattern.toDb(e.pattern), e.e1rm, topSets[owner]!.id],
    );
  }
  return { user: users[0], microcycles };
}

/** The library method's trend of each pattern, from the window the domain picks, or undefined where the change sits at a threshold (a last-bit difference of the means could flip it). */
function expectedTrends(rows: readonly { pattern: string; microcycleId: number; date: string; e1rmValue: number }[], window: number, threshold: number) {
  const firsts = new Map<number, string>();
  for (const r of rows) if (!firsts.has(r.microcycleId) || r.date < firsts.get(r.microcycleId)!) firsts.set(r.microcycleId, r.date);
  const inWindow = [...firsts].sort(([a, da], [b, db]) => (da < db ? -1 : da > db ? 1 : a - b)).slice(-window);
  return Object.fromEntries(
    PATTERNS.map((p) => {
      const series = inWindow
        .map(([id]) => rows.filter((r) => r.microcycleId === id && r.pattern === p).map((r) => r.e1rmValue))
        .filter((values) => values.length > 0)
        .map((values) => values.reduce((a, b) => a + b, 0) / values.length);
      const half = Math.floor(series.length / 2);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const change = half > 0 ? (mean(series.slice(-half)) - mean(series.slice(0, half))) / Math.abs(mean(series.slice(0, half))) : 0;
      const atThreshold = Math.abs(Math.abs(change) - threshold) < 1e-9;
      return [p, atThreshold ? undefined : patternTrend(series, { threshold })];
    }),
  );
}

describe('the PSI window is the same as the domain functions pick, on any history', () => {
  it('psiAll, psi and trendAll (library method) agree with patternStrengthIndexAll and patternTrend', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ({ owners, window, exposures }) => {
        const em = db.em.fork();
        const { user } = await store(em, owners, exposures);
        const repo = em.getRepository(PatternExposure);
        const rows = (await em.find(PatternExposure, { user: user.id })).map((e) => ({ pattern: e.pattern, date: e.date, e1rmValue: e.e1rmValue, microcycleId: e.microcycle.id }));

        const pure = patternStrengthIndexAll(rows, { lastNMicrocycles: window });
        const all = await repo.psiAll(user.id, { lastNMicrocycles: window });
        const byPattern = new Map<string, PatternStrength>(all.map((r) => [r.pattern, r]));
        for (const p of PATTERNS) {
          const expected = pure[p];
          const [got, single] = [byPattern.get(p)!.psi, await repo.psi(user.id, p, { lastNMicrocycles: window })];
          if (expected === null) expect([got, single]).toEqual([null, null]);
          else {
            expect(got).toBeCloseTo(expected, 9);
            expect(single).toBeCloseTo(expected, 9);
          }
        }

        const threshold = 0.025;
        const trends = await repo.trendAll(user.id, { windowMicrocycles: window, threshold });
        for (const [p, expected] of Object.entries(expectedTrends(rows, window, threshold))) {
          if (expected !== undefined) expect(trends[p as (typeof PATTERNS)[number]]).toBe(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a microcycle counts from its first exposure: one started early and trained late is older than one in between', async () => {
    // Microcycle A (the lower id): days 10 and 11. Microcycle B: days 0 and 20. By first exposure
    // A is the newer, so a window of 1 holds A only; by last exposure, or by id, it would hold B.
    const em = db.em.fork();
    const { user } = await store(em, [true, true], [
      { microcycle: 0, day: 10, pattern: 'squat', e1rm: 200 },
      { microcycle: 0, day: 11, pattern: 'squat', e1rm: 210 },
      { microcycle: 1, day: 0, pattern: 'squat', e1rm: 100 },
      { microcycle: 1, day: 20, pattern: 'squat', e1rm: 110 },
    ]);
    const repo = em.getRepository(PatternExposure);
    expect(await repo.psi(user.id, 'squat', { lastNMicrocycles: 1 })).toBe(205);
    expect(await repo.psi(user.id, 'squat', { lastNMicrocycles: 2 })).toBe(155);
  });

  it('on a tie of first dates the higher id is the newer, and another user between them is not counted', async () => {
    const em = db.em.fork();
    const { user } = await store(em, [true, false, true], [
      { microcycle: 0, day: 3, pattern: 'hinge', e1rm: 100 },
      { microcycle: 0, day: 4, pattern: 'hinge', e1rm: 102 },
      { microcycle: 1, day: 9, pattern: 'hinge', e1rm: 999 },
      { microcycle: 1, day: 9, pattern: 'hinge', e1rm: 999 },
      { microcycle: 2, day: 3, pattern: 'hinge', e1rm: 150 },
      { microcycle: 2, day: 5, pattern: 'hinge', e1rm: 154 },
    ]);
    const repo = em.getRepository(PatternExposure);
    expect(await repo.psi(user.id, 'hinge', { lastNMicrocycles: 1 })).toBe(152);
    expect((await repo.psiAll(user.id, { lastNMicrocycles: 2 })).find((r) => r.pattern === 'hinge')).toEqual({ pattern: 'hinge', psi: 126.5, exposures: 4 });
  });
});

/** Entries of `table` and its indexes this transaction has read so far: heap rows of sequential scans and index entries. */
async function entriesRead(em: EntityManager, table: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    // pg_stat_get_xact_tuples_returned: rows read by sequential scans of a table, entries returned by an index.
    `select (pg_stat_get_xact_tuples_returned(?::regclass)
           + (select coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0) from pg_index where indrelid = ?::regclass))::int as n`,
    [table, table],
  );
  return row?.n ?? 0;
}

describe('psiAll: entries read', () => {
  // Counted by PostgreSQL's statistics of the test's transaction, never timed. Grouping the
  // user's exposures by microcycle read every exposure of the history on every call; the window
  // needs one index entry per microcycle and the exposures of the window.
  it('reads as much for a user whose old microcycles hold 40 exposures each as for one whose hold 2', async () => {
    const read: number[] = [];
    for (const perOldMicrocycle of [2, 40]) {
      const owners = Array.from({ length: 12 }, () => true);
      const exposures = owners.flatMap((_, microcycle) =>
        Array.from({ length: microcycle < 8 ? perOldMicrocycle : 2 }, (_, k) => ({ microcycle, day: microcycle * 7 + (k % 5), pattern: 'squat' as const, e1rm: 100 + k })),
      );
      // The last microcycle is the other user's, with one exposure to copy below.
      const { user, microcycles } = await store(db.em, [...owners, false], [...exposures, { microcycle: owners.length, day: 0, pattern: 'squat', e1rm: 100 }]);
      // Other users' history, 20,000 rows, and statistics as autovacuum keeps them: on a table of
      // a few pages the planner rightly reads it whole, whatever the statement.
      const other = microcycles.at(-1)!;
      await db.em.execute(
        `insert into pattern_exposures (user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id)
         select m.user_id, m.microcycle_id, m.date, m.pattern, m.e1rm_value, m.source_top_set_log_id
           from (select * from pattern_exposures where microcycle_id = ? limit 1) m, generate_series(1, 20000)`,
        [other.id],
      );
      await db.em.execute('analyze pattern_exposures');
      const before = await entriesRead(db.em, 'pattern_exposures');
      const squat = (await db.em.getRepository(PatternExposure).psiAll(user.id, { lastNMicrocycles: 4 })).find((r) => r.pattern === 'squat');
      read.push((await entriesRead(db.em, 'pattern_exposures')) - before);
      expect(squat).toEqual({ pattern: 'squat', psi: 100.5, exposures: 8 });
    }
    expect(read[1]).toBe(read[0]);
    // 12 microcycles' first entries and the window's 8 exposures (an index entry and a row each): far below the 328 exposures of the second history.
    expect(read[1]).toBeLessThan(60);
  });
});
