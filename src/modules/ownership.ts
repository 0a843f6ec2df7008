// The rule "this row belongs to user U", in one place (DESIGN.md section 3: "each rule (ownership,
// the microcycle covering a date) is defined once"). Each table's rule follows its foreign keys as
// docs/data-model.md, "Tables" describes them (`user_id` → `users`; a microcycle's `program_id` →
// `programs`; a session's `microcycle_id` → `microcycles`; ...), and the set of tables a user owns is
// docs/user-data.md, "What a user owns": `circuit_templates` and `heuristic_configs` are catalog
// data and belong to nobody. Both forms below (a MikroORM filter, an SQL condition) are derived from
// the one table of rules, so a query cannot spell a different chain than another.
//
// No top-level reference to an entity class here: entities import their repositories, which import
// this module, so a class may not be initialised yet when this module is evaluated.
import { sql, type RawBuilder } from 'kysely';
import type { ObjectQuery } from '@mikro-orm/core';
import { GainslyError } from '../orm/errors.js';

/**
 * A table of the data model (docs/data-model.md, "Tables").
 * @example
 * ```ts
 * const table: GainslyTable = 'sessions';
 * ```
 */
export type GainslyTable =
  | 'users'
  | 'user_settings'
  | 'user_movement_rules'
  | 'user_enjoyable_activities'
  | 'programs'
  | 'microcycles'
  | 'sessions'
  | 'session_exercises'
  | 'movements'
  | 'movement_relationships'
  | 'circuit_templates'
  | 'workout_logs'
  | 'top_set_logs'
  | 'pattern_exposures'
  | 'soreness_logs'
  | 'recovery_signals'
  | 'heuristic_configs'
  | 'conversation_threads'
  | 'conversation_turns';

/**
 * How the rows of a table belong to a user:
 * - `self`: the row is the user (`users.id`);
 * - `user`: directly, by the table's `user_id` (property `user`); for `movements` a NULL `user_id`
 *   is a system movement, owned by nobody (see {@link visibleMovementFilter} for "system or theirs");
 * - `parent`: through the row its foreign key `column` (property `property`) points at in `parent`,
 *   which belongs to the user by its own rule (a session through its microcycle, ...);
 * - `movement-ends`: a movement relationship whose one end is the user's movement and whose other
 *   end is theirs or a system movement (docs/user-data.md, "What a user owns");
 * - `catalog`: shared data that belongs to nobody.
 * @example
 * ```ts
 * const rule: OwnershipRule = { kind: 'parent', property: 'program', column: 'program_id', parent: 'programs' };
 * ```
 */
export type OwnershipRule =
  | { readonly kind: 'self' }
  | { readonly kind: 'user' }
  | { readonly kind: 'parent'; readonly property: string; readonly column: string; readonly parent: GainslyTable }
  | { readonly kind: 'movement-ends' }
  | { readonly kind: 'catalog' };

const DIRECT = { kind: 'user' } as const;

/**
 * The ownership rule of every table, the one definition the filters and SQL conditions below are
 * built from (docs/data-model.md, "Tables"; docs/user-data.md, "What a user owns").
 * @example
 * ```ts
 * OWNERSHIP.sessions; // { kind: 'parent', property: 'microcycle', column: 'microcycle_id', parent: 'microcycles' }
 * ```
 */
export const OWNERSHIP: Readonly<Record<GainslyTable, OwnershipRule>> = Object.freeze({
  users: { kind: 'self' },
  user_settings: DIRECT,
  user_movement_rules: DIRECT,
  user_enjoyable_activities: DIRECT,
  programs: DIRECT,
  // docs/data-model.md, "microcycles": `program_id` → `programs`.
  microcycles: { kind: 'parent', property: 'program', column: 'program_id', parent: 'programs' },
  // docs/data-model.md, "sessions": `microcycle_id` → `microcycles`.
  sessions: { kind: 'parent', property: 'microcycle', column: 'microcycle_id', parent: 'microcycles' },
  // docs/data-model.md, "session_exercises": `session_id` → `sessions`.
  session_exercises: { kind: 'parent', property: 'session', column: 'session_id', parent: 'sessions' },
  // docs/data-model.md, "movements": `user_id` is NULL for system movements, set for a user's own.
  movements: DIRECT,
  movement_relationships: { kind: 'movement-ends' },
  circuit_templates: { kind: 'catalog' },
  workout_logs: DIRECT,
  // docs/data-model.md, "top_set_logs": `workout_log_id` → `workout_logs`.
  top_set_logs: { kind: 'parent', property: 'workoutLog', column: 'workout_log_id', parent: 'workout_logs' },
  // Its own `user_id`, not its microcycle's program: an exposure is the user's data (docs/data-model.md, "pattern_exposures").
  pattern_exposures: DIRECT,
  soreness_logs: DIRECT,
  recovery_signals: DIRECT,
  heuristic_configs: { kind: 'catalog' },
  conversation_threads: DIRECT,
  // docs/data-model.md, "conversation_turns": `thread_id` → `conversation_threads`.
  conversation_turns: { kind: 'parent', property: 'thread', column: 'thread_id', parent: 'conversation_threads' },
} satisfies Record<GainslyTable, OwnershipRule>);

/**
 * The table of each entity class, by class name (`ENTITIES`, src/modules/entities.ts): by name,
 * not by class, for the reason given at the top of this file. A test checks it against the
 * entities' metadata.
 */
const TABLE_OF_ENTITY: Readonly<Record<string, GainslyTable>> = Object.freeze({
  User: 'users',
  UserSettings: 'user_settings',
  UserMovementRule: 'user_movement_rules',
  UserEnjoyableActivity: 'user_enjoyable_activities',
  Program: 'programs',
  Microcycle: 'microcycles',
  Session: 'sessions',
  SessionExercise: 'session_exercises',
  Movement: 'movements',
  MovementRelationship: 'movement_relationships',
  CircuitTemplate: 'circuit_templates',
  WorkoutLog: 'workout_logs',
  TopSetLog: 'top_set_logs',
  PatternExposure: 'pattern_exposures',
  SorenessLog: 'soreness_logs',
  RecoverySignal: 'recovery_signals',
  HeuristicConfig: 'heuristic_configs',
  ConversationThread: 'conversation_threads',
  ConversationTurn: 'conversation_turns',
});

/**
 * The table of an entity class of `ENTITIES`; an unknown class is a programming error (a new
 * entity without an ownership rule), thrown as a `GainslyError`.
 * @internal
 */
export function tableOfEntity(entity: { readonly name: string }): GainslyTable {
  const table = TABLE_OF_ENTITY[entity.name];
  if (table === undefined) throw new GainslyError(`ownership: no rule for entity ${entity.name} (add it to src/modules/ownership.ts)`);
  return table;
}

/** Asked who owns a catalog table's rows: a programming error (nobody does). @internal */
export function catalogTableError(table: GainslyTable): GainslyError {
  return new GainslyError(`ownership: ${table} is catalog data and belongs to nobody (docs/user-data.md, "What a user owns")`);
}

/** A user's system-or-own movement, as a filter on a `Movement`. */
function visibleMovement(userId: number): Record<string, unknown> {
  return { $or: [{ user: null }, { user: userId }] };
}

/** The filter of a table's rows owned by `userId`. */
function ownedFilter(table: GainslyTable, userId: number): Record<string, unknown> {
  const rule = OWNERSHIP[table];
  switch (rule.kind) {
    case 'self':
      return { id: userId };
    case 'user':
      return { user: userId };
    case 'parent':
      return { [rule.property]: ownedFilter(rule.parent, userId) };
    case 'movement-ends':
      return {
        $and: [
          { sourceMovement: visibleMovement(userId) },
          { targetMovement: visibleMovement(userId) },
          { $or: [{ sourceMovement: { user: userId } }, { targetMovement: { user: userId } }] },
        ],
      };
    case 'catalog':
      throw catalogTableError(table);
  }
}

/**
 * The MikroORM filter selecting the rows of `entity` that belong to `userId`, by the table's
 * {@link OWNERSHIP} rule: spread it into a `where` next to other conditions. A catalog entity
 * (`CircuitTemplate`, `HeuristicConfig`) has no owner: asking is a programming error (`Error`).
 * `userId` is not validated here: callers pass a validated id.
 * @example
 * ```ts
 * ownedBy(Session, 42); // { microcycle: { program: { user: 42 } } }
 * const session = await em.findOne(Session, { id: 7, ...ownedBy(Session, 42) });
 * ```
 */
export function ownedBy<T extends object>(entity: abstract new (...args: never[]) => T, userId: number): ObjectQuery<T> {
  return ownedFilter(tableOfEntity(entity), userId) as ObjectQuery<T>;
}

/**
 * The MikroORM filter of the movements a user may use: system movements (`user_id` NULL) and their
 * own (docs/data-model.md, "movements").
 * @example
 * ```ts
 * const movement = await em.findOne(Movement, { id: 3, ...visibleMovementFilter(42) });
 * ```
 */
export function visibleMovementFilter(userId: number): Record<string, unknown> {
  return visibleMovement(userId);
}

/** `alias.column` as SQL. */
function column(alias: RawBuilder<unknown>, name: string): RawBuilder<unknown> {
  return sql`${alias}.${sql.ref(name)}`;
}

/** The alias of the `depth`-th parent table an ownership condition joins (unlikely to clash with a statement's own). */
function ownerAlias(depth: number): RawBuilder<unknown> {
  return sql.ref(`gainsly_owner_${depth}`);
}

function ownedCondition(table: GainslyTable, alias: RawBuilder<unknown>, userId: number, depth: number): RawBuilder<boolean> {
  const rule = OWNERSHIP[table];
  switch (rule.kind) {
    case 'self':
      return sql<boolean>`${column(alias, 'id')} = ${userId}`;
    case 'user':
      return sql<boolean>`${column(alias, 'user_id')} = ${userId}`;
    case 'parent': {
      const parent = ownerAlias(depth);
      return sql<boolean>`${column(alias, rule.column)} in (select ${column(parent, 'id')} from ${sql.table(rule.parent)} ${parent} where ${ownedCondition(rule.parent, parent, userId, depth + 1)})`;
    }
    case 'movement-ends': {
      const end = ownerAlias(depth);
      return sql<boolean>`(${column(alias, 'source_movement_id')} in (select ${column(end, 'id')} from movements ${end} where ${column(end, 'user_id')} = ${userId})
        or ${column(alias, 'target_movement_id')} in (select ${column(end, 'id')} from movements ${end} where ${column(end, 'user_id')} = ${userId}))
        and not exists (select 1 from movements ${end} where ${column(end, 'id')} in (${column(alias, 'source_movement_id')}, ${column(alias, 'target_movement_id')})
                          and ${column(end, 'user_id')} is not null and ${column(end, 'user_id')} <> ${userId})`;
    }
    case 'catalog':
      throw catalogTableError(table);
  }
}

/**
 * The SQL condition (a kysely `sql` fragment, the user id a bound value) that a row of `table`,
 * under `alias` in the statement, belongs to `userId`, by the table's {@link OWNERSHIP} rule: a
 * direct owner is `alias.user_id = $n`; an owner through a parent is a subquery on the parent's
 * ids (`alias.microcycle_id in (select ... from microcycles ... where ...)`), its tables aliased
 * `gainsly_owner_<n>`. A catalog table is a programming error (a `GainslyError`). Compile the statement it
 * goes into with kysely and run it through `executeBound` (src/orm/bound-query.ts). Put it in a
 * `WHERE` clause (`exists (select 1 from t where t.id = $n and <this>)` for a yes/no answer): as a
 * select-list value PostgreSQL builds the whole set of the user's parent rows per call
 * (docs/performance.md, "Choices that hold the figures").
 * @example
 * ```ts
 * const owned = sql`select s.id from sessions s where s.date = ${date} and ${ownedSql('sessions', sql.ref('s'), userId)}`;
 * ```
 */
export function ownedSql(table: GainslyTable, alias: RawBuilder<unknown>, userId: number): RawBuilder<boolean> {
  return ownedCondition(table, alias, userId, 1);
}

/**
 * The SQL condition that a movement under `alias` is one a user may use: a system movement or
 * their own (docs/data-model.md, "movements").
 * @example
 * ```ts
 * const usable = sql`select m.id from movements m where ${visibleMovementSql(sql.ref('m'), userId)}`;
 * ```
 */
export function visibleMovementSql(alias: RawBuilder<unknown>, userId: number): RawBuilder<boolean> {
  return sql<boolean>`(${column(alias, 'user_id')} is null or ${column(alias, 'user_id')} = ${userId})`;
}
