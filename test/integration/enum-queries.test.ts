import { describe, expect, it } from 'vitest';
import { InvalidEnumValueError } from '../../src/enums/index.js';
import { Program, TopSetLog, User, UserMovementRule } from '../../src/index.js';
import { useTestOrm } from '../support/database.js';
import { makeMovement, makeProgram, makeUser, makeWorkoutLog } from '../support/factories.js';

const db = useTestOrm();

async function seedRules() {
  const em = db.em;
  const user = makeUser(em);
  const rules = (['hard_no', 'hard_yes', 'preferred'] as const).map((ruleType) =>
    em.create(UserMovementRule, { user, movement: makeMovement(em), ruleType, cadence: ruleType === 'preferred' ? 'biweekly' : 'weekly' }),
  );
  await em.flush();
  em.clear();
  return { user, rules };
}

describe('semantic enum values in queries', () => {
  it('em.find converts equality and $in conditions to labels', async () => {
    const { user } = await seedRules();
    const hardNo = await db.em.find(UserMovementRule, { user, ruleType: 'hard_no' });
    expect(hardNo.map((r) => r.ruleType)).toEqual(['hard_no']);
    const some = await db.em.find(UserMovementRule, { user, ruleType: { $in: ['hard_yes', 'preferred'] } }, { orderBy: { id: 'asc' } });
    expect(some.map((r) => r.ruleType)).toEqual(['hard_yes', 'preferred']);
    const notNo = await db.em.count(UserMovementRule, { user, ruleType: { $ne: 'hard_no' } });
    expect(notNo).toBe(2);
  });

  it('QueryBuilder where clauses convert too', async () => {
    const { user } = await seedRules();
    const rows = await db.em
      .createQueryBuilder(UserMovementRule, 'r')
      .where({ user: user.id, cadence: 'biweekly' })
      .getResultList();
    expect(rows.map((r) => [r.ruleType, r.cadence])).toEqual([['preferred', 'biweekly']]);
  });

  it('nativeUpdate and entity updates write labels', async () => {
    const { user, rules } = await seedRules();
    const updated = await db.em.nativeUpdate(UserMovementRule, { user, ruleType: 'hard_no' }, { ruleType: 'preferred' });
    expect(updated).toBe(1);
    const rule = await db.em.findOneOrFail(UserMovementRule, { id: rules[1]!.id });
    rule.cadence = 'per_microcycle';
    await db.em.flush();
    const raw = await db.em.execute<{ rule_type: string; cadence: string }[]>('select rule_type::text, cadence::text from user_movement_rules where user_id = ? order by id', [user.id]);
    expect(raw).toEqual([
      { rule_type: 'PREFERRED', cadence: 'WEEKLY' },
      { rule_type: 'HARD_YES', cadence: 'PER_MICROCYCLE' },
      { rule_type: 'PREFERRED', cadence: 'BIWEEKLY' },
    ]);
  });

  it('integer-valued PersonaAggression works in conditions', async () => {
    const em = db.em;
    em.create(User, { email: 'bold@example.com', personaAggression: 5 });
    em.create(User, { email: 'calm@example.com', personaAggression: 1 });
    await em.flush();
    const bold = await em.find(User, { personaAggression: { $gte: 5 } as never, email: { $like: '%@example.com' } });
    // Enum order is label order in PostgreSQL, so >= AGGRESSIVE finds only the aggressive user.
    expect(bold.map((u) => u.email)).toEqual(['bold@example.com']);
    expect(await em.count(User, { personaAggression: { $in: [1, 5] }, email: { $in: ['bold@example.com', 'calm@example.com'] } })).toBe(2);
  });

  it('a label or unknown value in a query is an InvalidEnumValueError before any SQL runs', async () => {
    await expect(db.em.find(UserMovementRule, { ruleType: 'HARD_NO' as never })).rejects.toBeInstanceOf(InvalidEnumValueError);
    await expect(db.em.find(TopSetLog, { pattern: 'Squat' as never })).rejects.toThrow(/MovementPattern/);
  });

  it('an unknown value on an entity fails the flush and stores nothing', async () => {
    const em = db.em;
    const user = makeUser(em);
    await em.flush();
    const before = await em.count(Program, { user });
    makeProgram(em, user, { splitTemplate: 'bro_split' as never });
    await expect(em.flush()).rejects.toThrow(/SplitTemplate.*upper_lower, ppl, full_body, hybrid/s);
    em.clear();
    expect(await em.count(Program, { user: user.id })).toBe(before);
    expect(before).toBe(0);
  });

  it('nullable enum columns accept null (top_set_logs.e1rm_formula)', async () => {
    const em = db.em;
    const user = makeUser(em);
    const log = makeWorkoutLog(em, user);
    const set = em.create(TopSetLog, { workoutLog: log, movement: makeMovement(em), weight: 60, reps: 8, pattern: 'horizontal_push', e1rmFormula: null });
    await em.flush();
    em.clear();
    const found = await em.find(TopSetLog, { e1rmFormula: null, id: set.id });
    expect(found.map((s) => [s.pattern, s.e1rmFormula])).toEqual([['horizontal_push', null]]);
  });
});
