// The one definition of "this row belongs to user U" (src/modules/ownership.ts, issue #25): each
// table's rule pinned by hand from docs/data-model.md, "Tables" (the foreign keys) and
// docs/user-data.md, "What a user owns" (which tables a user owns, which are catalog data); the
// filters and SQL conditions built from it; and a completeness check against the entities'
// metadata, so an entity added to ENTITIES without a rule, or with a rule its foreign keys
// contradict, fails here. Nothing connects (port 1): the metadata comes from an unconnected ORM.
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { compileQuery } from '../../src/orm/bound-query.js';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { MikroORM, ReferenceKind } from '@mikro-orm/postgresql';
import { ENTITIES } from '../../src/modules/entities.js';
import { OWNERSHIP, ownedBy, ownedSql, tableOfEntity, visibleMovementFilter, visibleMovementSql, type GainslyTable } from '../../src/modules/ownership.js';
import { GainslyPostgreSqlDriver } from '../../src/setup/driver.js';
import { USER_DATA_TABLES } from '../../src/modules/user-data.js';
import { User } from '../../src/modules/users/user.entity.js';
import { UserSettings } from '../../src/modules/users/user-settings.entity.js';
import { UserMovementRule } from '../../src/modules/users/user-movement-rule.entity.js';
import { UserEnjoyableActivity } from '../../src/modules/users/user-enjoyable-activity.entity.js';
import { Program } from '../../src/modules/programs/program.entity.js';
import { Microcycle } from '../../src/modules/programs/microcycle.entity.js';
import { Session } from '../../src/modules/programs/session.entity.js';
import { SessionExercise } from '../../src/modules/programs/session-exercise.entity.js';
import { Movement } from '../../src/modules/movements/movement.entity.js';
import { MovementRelationship } from '../../src/modules/movements/movement-relationship.entity.js';
import { CircuitTemplate } from '../../src/modules/circuits/circuit-template.entity.js';
import { WorkoutLog } from '../../src/modules/logging/workout-log.entity.js';
import { TopSetLog } from '../../src/modules/logging/top-set-log.entity.js';
import { PatternExposure } from '../../src/modules/logging/pattern-exposure.entity.js';
import { SorenessLog } from '../../src/modules/logging/soreness-log.entity.js';
import { RecoverySignal } from '../../src/modules/logging/recovery-signal.entity.js';
import { HeuristicConfig } from '../../src/modules/coaching/heuristic-config.entity.js';
import { ConversationThread } from '../../src/modules/coaching/conversation-thread.entity.js';
import { ConversationTurn } from '../../src/modules/coaching/conversation-turn.entity.js';

function compiled(fragment: RawBuilder<unknown>): { sql: string; parameters: readonly unknown[] } {
  // The library's own connection-less compiler (orm/bound-query.ts), as every statement uses it.
  const { sql: text, parameters } = compileQuery(sql`select 1 from t where ${fragment}`);
  return { sql: text.replace(/^select 1 from t where /, '').replace(/\s+/g, ' '), parameters };
}

describe('each table\'s ownership rule (docs/data-model.md, "Tables"; docs/user-data.md, "What a user owns")', () => {
  it('pins every table', () => {
    expect(OWNERSHIP).toEqual({
      users: { kind: 'self' },
      user_settings: { kind: 'user' },
      user_movement_rules: { kind: 'user' },
      user_enjoyable_activities: { kind: 'user' },
      programs: { kind: 'user' },
      microcycles: { kind: 'parent', property: 'program', column: 'program_id', parent: 'programs' },
      sessions: { kind: 'parent', property: 'microcycle', column: 'microcycle_id', parent: 'microcycles' },
      session_exercises: { kind: 'parent', property: 'session', column: 'session_id', parent: 'sessions' },
      movements: { kind: 'user' },
      movement_relationships: { kind: 'movement-ends' },
      circuit_templates: { kind: 'catalog' },
      workout_logs: { kind: 'user' },
      top_set_logs: { kind: 'parent', property: 'workoutLog', column: 'workout_log_id', parent: 'workout_logs' },
      pattern_exposures: { kind: 'user' },
      soreness_logs: { kind: 'user' },
      recovery_signals: { kind: 'user' },
      heuristic_configs: { kind: 'catalog' },
      conversation_threads: { kind: 'user' },
      conversation_turns: { kind: 'parent', property: 'thread', column: 'thread_id', parent: 'conversation_threads' },
    });
    expect(Object.isFrozen(OWNERSHIP)).toBe(true);
  });

  it('the tables a user owns are docs/user-data.md\'s seventeen; circuit templates and heuristic configs are nobody\'s', () => {
    const owned = Object.entries(OWNERSHIP).filter(([, rule]) => rule.kind !== 'catalog').map(([table]) => table);
    expect(owned.sort()).toEqual(
      [
        'users', 'user_settings', 'user_enjoyable_activities', 'movements', 'movement_relationships', 'user_movement_rules', 'programs', 'microcycles',
        'sessions', 'session_exercises', 'workout_logs', 'top_set_logs', 'pattern_exposures', 'recovery_signals', 'soreness_logs', 'conversation_threads',
        'conversation_turns',
      ].sort(),
    );
  });

  it('export, erase and import (src/modules/user-data.ts) cover exactly the tables a user owns', () => {
    const owned = Object.entries(OWNERSHIP).filter(([, rule]) => rule.kind !== 'catalog').map(([table]) => table);
    expect([...USER_DATA_TABLES].sort()).toEqual(owned.sort());
  });
});

describe('ownedBy: the MikroORM filter', () => {
  it.each([
    [User, { id: 7 }],
    [UserSettings, { user: 7 }],
    [UserMovementRule, { user: 7 }],
    [UserEnjoyableActivity, { user: 7 }],
    [Program, { user: 7 }],
    [Microcycle, { program: { user: 7 } }],
    [Session, { microcycle: { program: { user: 7 } } }],
    [SessionExercise, { session: { microcycle: { program: { user: 7 } } } }],
    [Movement, { user: 7 }],
    [WorkoutLog, { user: 7 }],
    [TopSetLog, { workoutLog: { user: 7 } }],
    [PatternExposure, { user: 7 }],
    [SorenessLog, { user: 7 }],
    [RecoverySignal, { user: 7 }],
    [ConversationThread, { user: 7 }],
    [ConversationTurn, { thread: { user: 7 } }],
  ] as const)('%o', (entity, filter) => {
    expect(ownedBy(entity as never, 7)).toEqual(filter);
  });

  it('a movement relationship: both ends theirs or system movements, one end theirs', () => {
    const visible = { $or: [{ user: null }, { user: 7 }] };
    expect(ownedBy(MovementRelationship, 7)).toEqual({
      $and: [{ sourceMovement: visible }, { targetMovement: visible }, { $or: [{ sourceMovement: { user: 7 } }, { targetMovement: { user: 7 } }] }],
    });
  });

  it('catalog entities belong to nobody: asking is a programming error', () => {
    expect(() => ownedBy(CircuitTemplate, 7)).toThrow('circuit_templates is catalog data and belongs to nobody');
    expect(() => ownedBy(HeuristicConfig, 7)).toThrow('heuristic_configs is catalog data and belongs to nobody');
  });

  it('an entity the library does not know has no rule', () => {
    class Order {}
    expect(() => ownedBy(Order, 7)).toThrow('ownership: no rule for entity Order');
  });

  it('the movements a user may use: system movements and their own', () => {
    expect(visibleMovementFilter(7)).toEqual({ $or: [{ user: null }, { user: 7 }] });
  });
});

describe('ownedSql: the SQL condition, the user id a bound value', () => {
  it.each([
    ['users', '"x"."id" = $1', 1],
    ['user_settings', '"x"."user_id" = $1', 1],
    ['programs', '"x"."user_id" = $1', 1],
    ['pattern_exposures', '"x"."user_id" = $1', 1],
    ['microcycles', '"x"."program_id" in (select "gainsly_owner_1"."id" from "programs" "gainsly_owner_1" where "gainsly_owner_1"."user_id" = $1)', 1],
    [
      'sessions',
      '"x"."microcycle_id" in (select "gainsly_owner_1"."id" from "microcycles" "gainsly_owner_1" where "gainsly_owner_1"."program_id" in (select "gainsly_owner_2"."id" from "programs" "gainsly_owner_2" where "gainsly_owner_2"."user_id" = $1))',
      1,
    ],
    [
      'session_exercises',
      '"x"."session_id" in (select "gainsly_owner_1"."id" from "sessions" "gainsly_owner_1" where "gainsly_owner_1"."microcycle_id" in (select "gainsly_owner_2"."id" from "microcycles" "gainsly_owner_2" where "gainsly_owner_2"."program_id" in (select "gainsly_owner_3"."id" from "programs" "gainsly_owner_3" where "gainsly_owner_3"."user_id" = $1)))',
      1,
    ],
    ['top_set_logs', '"x"."workout_log_id" in (select "gainsly_owner_1"."id" from "workout_logs" "gainsly_owner_1" where "gainsly_owner_1"."user_id" = $1)', 1],
    ['conversation_turns', '"x"."thread_id" in (select "gainsly_owner_1"."id" from "conversation_threads" "gainsly_owner_1" where "gainsly_owner_1"."user_id" = $1)', 1],
    ['movement_relationships', expect.stringContaining('not exists (select 1 from movements "gainsly_owner_1"'), 3],
  ] as const)('%s', (table, text, values) => {
    const { sql: condition, parameters } = compiled(ownedSql(table as GainslyTable, sql.ref('x'), 7));
    expect(condition).toEqual(text);
    expect(parameters).toEqual(Array(values).fill(7));
  });

  it('catalog tables belong to nobody', () => {
    expect(() => ownedSql('circuit_templates', sql.ref('x'), 7)).toThrow('belongs to nobody');
    expect(() => ownedSql('heuristic_configs', sql.ref('x'), 7)).toThrow('belongs to nobody');
  });

  it('the movements a user may use', () => {
    expect(compiled(visibleMovementSql(sql.ref('mv'), 7))).toEqual({ sql: '("mv"."user_id" is null or "mv"."user_id" = $1)', parameters: [7] });
  });
});

describe('every entity has a rule its foreign keys agree with (a new table without one fails here)', () => {
  const orm = new MikroORM({
    driver: GainslyPostgreSqlDriver,
    entities: [...ENTITIES],
    metadataProvider: ReflectMetadataProvider,
    clientUrl: 'postgres://app:pw@127.0.0.1:1/gainsly',
  } as never);
  afterAll(() => orm.close());
  const metadata = orm.getMetadata();
  const TO_ONE = [ReferenceKind.MANY_TO_ONE, ReferenceKind.ONE_TO_ONE];

  /** The owning to-one relations of an entity: `[property, referenced table, join column]`. */
  const tableOf = (entity: (typeof ENTITIES)[number]): string => metadata.get(entity as never).tableName;
  function references(entity: (typeof ENTITIES)[number]): [string, string, string][] {
    const meta = metadata.get(entity as never);
    return Object.values(meta.properties)
      .filter((p) => TO_ONE.includes(p.kind) && (p.kind === ReferenceKind.MANY_TO_ONE || p.owner))
      .map((p) => [p.name, p.targetMeta!.tableName, p.fieldNames[0]!]);
  }

  it.each(ENTITIES.map((entity) => [entity.name, entity] as const))('%s', (_name, entity) => {
    const table = tableOfEntity(entity);
    expect(table).toBe(tableOf(entity));
    const rule = OWNERSHIP[table];
    const refs = references(entity);
    const owned = (t: string) => OWNERSHIP[t as GainslyTable]?.kind !== 'catalog';
    switch (rule.kind) {
      case 'self':
        expect(table).toBe('users');
        break;
      case 'user':
        expect(refs).toContainEqual(['user', 'users', 'user_id']);
        break;
      case 'parent':
        expect(refs).toContainEqual([rule.property, rule.parent, rule.column]);
        expect(owned(rule.parent)).toBe(true);
        break;
      case 'movement-ends':
        expect(refs).toEqual(expect.arrayContaining([['sourceMovement', 'movements', 'source_movement_id'], ['targetMovement', 'movements', 'target_movement_id']]));
        break;
      case 'catalog':
        // Nobody's data refers to nobody's owner: a catalog table with a key to a user, or to rows a
        // user owns through it (not a movement: a catalog row may name a system movement), needs a rule.
        expect(refs.filter(([, target]) => target !== 'movements' && owned(target))).toEqual([]);
        break;
    }
    // A table with a key to `users` is owned (directly, or it is the users table itself).
    if (refs.some(([, target]) => target === 'users')) expect(['user', 'self']).toContain(rule.kind);
  });

  it('ENTITIES and the rules cover the same tables', () => {
    expect(ENTITIES.map(tableOf).sort()).toEqual(Object.keys(OWNERSHIP).sort());
  });
});
