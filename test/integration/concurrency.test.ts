import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConversationThread, createGainslyOrm, HeuristicConfig, Program, User } from '../../src/index.js';
import { useClonedDatabase } from '../support/database.js';

const db = useClonedDatabase();
let orm: MikroORM;
const CONCURRENCY = 50;

beforeAll(async () => {
  // One connection per concurrent call: the pool is as large as the burst.
  orm = await createGainslyOrm({ url: db.url, pool: { min: 0, max: CONCURRENCY } });
});
afterAll(async () => {
  await orm?.close(true);
});

describe(`${CONCURRENCY} concurrent calls on separate connections`, () => {
  it('appendTurn numbers turns 1..N with no gap and no duplicate', async () => {
    const user = await orm.em.fork().getRepository(User).createUser({});
    const thread = await orm.em.fork().getRepository(ConversationThread).createThread(user.id, { contextType: 'daily_adaptation' });
    const turns = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        orm.em.fork().getRepository(ConversationThread).appendTurn(thread.id, { role: i % 2 ? 'assistant' : 'user', content: `message ${i}` }),
      ),
    );
    expect(turns.map((t) => t.turnNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: CONCURRENCY }, (_, i) => i + 1));
    const stored = await orm.em.getConnection().execute<{ turn_number: number; content: string }[]>(
      'select turn_number, content from conversation_turns where thread_id = ? order by turn_number',
      [thread.id],
    );
    expect(stored.map((r) => r.turn_number)).toEqual(Array.from({ length: CONCURRENCY }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.content)).size).toBe(CONCURRENCY);
  });

  it('activate leaves exactly one active version, and getActive returns it', async () => {
    const em = orm.em.fork();
    for (let version = 1; version <= CONCURRENCY; version++) em.create(HeuristicConfig, { name: 'deload_rules', version, jsonBlob: { version } });
    em.create(HeuristicConfig, { name: 'other', version: 1, jsonBlob: {}, active: true });
    await em.flush();
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) => orm.em.fork().getRepository(HeuristicConfig).activate('deload_rules', i + 1)),
    );
    expect(results.every((r) => r.active === true)).toBe(true);
    const active = await orm.em.getConnection().execute<{ version: number }[]>("select version from heuristic_configs where name = 'deload_rules' and active");
    expect(active).toHaveLength(1);
    const got = await orm.em.fork().getRepository(HeuristicConfig).getActive('deload_rules');
    expect(got?.version).toBe(active[0]!.version);
    // Another name is untouched.
    expect((await orm.em.fork().getRepository(HeuristicConfig).getActive('other'))?.version).toBe(1);
  });

  it('activating a version that does not exist changes nothing', async () => {
    const before = await orm.em.getConnection().execute("select id, active from heuristic_configs order by id");
    await expect(orm.em.fork().getRepository(HeuristicConfig).activate('deload_rules', 999)).rejects.toThrow(/HeuristicConfig.*not found/);
    expect(await orm.em.getConnection().execute("select id, active from heuristic_configs order by id")).toEqual(before);
  });

  it('concurrent createProgram for one user leaves exactly one active program', async () => {
    const user = await orm.em.fork().getRepository(User).createUser({});
    const input = {
      startDate: '2026-01-05',
      durationWeeks: 8,
      daysPerWeek: 3,
      goals: [{ goal: 'strength' as const, weight: 10 }, { goal: 'speed' as const, weight: 0 }, { goal: 'mobility' as const, weight: 0 }],
      splitTemplate: 'ppl' as const,
      progressionStyle: 'build_to_drop' as const,
    };
    await Promise.all(Array.from({ length: 10 }, () => orm.em.fork().getRepository(Program).createProgram(user.id, input)));
    const programs = await orm.em.fork().find(Program, { user: user.id });
    expect(programs).toHaveLength(10);
    expect(programs.filter((p) => p.isActive)).toHaveLength(1);
  });
});
