import type { EnumName } from './registry.js';
import { ENUM_COLUMN_FACTS } from './columns-generated.js';

/**
 * How an enum-backed column holds its value:
 * - `sql_enum`: a PostgreSQL enum type; the column holds the UPPERCASE **label**;
 * - `string`: a varchar; the column holds the **semantic value**;
 * - `json_array`: a `json` array of **semantic values**.
 *
 * @example
 * ```ts
 * const storage: EnumColumnStorage = 'sql_enum';
 * ```
 */
export type EnumColumnStorage = 'sql_enum' | 'string' | 'json_array';

/**
 * A column whose values come from one of the 24 enums (docs/data-model.md, "SQL enum columns" and
 * "Enum-backed string columns").
 *
 * @example
 * ```ts
 * const col: EnumColumn = { table: 'users', column: 'persona_tone', enum: 'PersonaTone', storage: 'sql_enum' };
 * ```
 */
export interface EnumColumn {
  readonly table: string;
  readonly column: string;
  readonly enum: EnumName;
  readonly storage: EnumColumnStorage;
}

/**
 * Every enum-backed column: the 24 SQL enum columns (docs/data-model.md, "SQL enum columns";
 * `programs.goal_1`, `goal_2` and `goal_3` are separate entries), then the 8 string/JSON columns
 * ("Enum-backed string columns"), in that document's order. Audits and schema checks iterate this
 * instead of hard-coding column lists.
 *
 * Not listed, because the upstream spec's column summary does not list them: the keys of the
 * `circuit_templates.bucket_stress` JSON object (StressBucket values).
 *
 * @example
 * ```ts
 * const sqlEnumColumns = ENUM_COLUMNS.filter((c) => c.storage === 'sql_enum');
 * for (const { table, column, enum: name } of sqlEnumColumns) {
 *   console.log(`${table}.${column}`, ENUMS[name].pgType);
 * }
 * ```
 */
export const ENUM_COLUMNS: readonly EnumColumn[] = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ [
    // SQL enum columns (docs/data-model.md)
    'users.experience_level',
    'users.persona_tone',
    'users.persona_aggression',
    'user_settings.active_e1rm_formula',
    'user_movement_rules.rule_type',
    'user_movement_rules.cadence',
    'user_enjoyable_activities.activity_type',
    'programs.goal_1',
    'programs.goal_2',
    'programs.goal_3',
    'programs.split_template',
    'programs.progression_style',
    'programs.persona_tone',
    'programs.persona_aggression',
    'programs.visibility',
    'microcycles.status',
    'sessions.session_type',
    'session_exercises.role',
    'workout_logs.visibility',
    'top_set_logs.e1rm_formula',
    'top_set_logs.pattern',
    'pattern_exposures.pattern',
    'recovery_signals.source',
    'circuit_templates.circuit_type',
    // Enum-backed string columns (the upstream spec writes `movement.secondary_muscles`; the table is `movements`)
    'movements.pattern',
    'movements.primary_muscle',
    'movements.primary_region',
    'movements.cns_load',
    'movements.skill_level',
    'movements.metric_type',
    'movement_relationships.relationship_type',
    'movements.secondary_muscles',
  ].flatMap(enumColumn),
);

// Which enum a column holds and how is read from the entities (ENUM_COLUMN_FACTS, generated from
// their metadata by `npm run generate:schema-facts`), so the entity decorator is the one place it
// is written; the list above only gives the document's order, and
// test/unit/schema-facts.test.ts fails when it and the generated facts name different columns
// (docs/architecture.md, "Schema facts are generated"). The facts are generated rather than read by the entities
// from here because `src/enums` must stay free of MikroORM (browser bundles) while the entity is
// where a column is declared.
function enumColumn(key: string): EnumColumn[] {
  const facts = ENUM_COLUMN_FACTS[key];
  // A column the entities no longer have is left out rather than thrown on at import; the unit
  // test names it.
  if (!facts) return [];
  const [table, column] = key.split('.') as [string, string];
  return [{ table, column, enum: facts.enum, storage: facts.storage }];
}

/**
 * A column that is categorical in practice but not bounded by any enum (docs/data-model.md, "Open
 * categorical columns"). `examples` are the values the upstream spec mentions; the real set is
 * whatever the data holds.
 *
 * @example
 * ```ts
 * const col: OpenCategoricalColumn = {
 *   table: 'conversation_turns', column: 'role', storage: 'string', examples: ['user', 'assistant'],
 * };
 * ```
 */
export interface OpenCategoricalColumn {
  readonly table: string;
  readonly column: string;
  readonly storage: 'string' | 'json_array';
  readonly examples: readonly string[];
}

/**
 * The open categorical / free-text columns (docs/data-model.md, "Open categorical columns"), with
 * the example values the upstream spec gives for each. Audits use it to report distinct values
 * without flagging them invalid.
 *
 * @example
 * ```ts
 * for (const { table, column, storage } of OPEN_CATEGORICAL_COLUMNS) {
 *   console.log(`${table}.${column} (${storage})`);
 * }
 * ```
 */
export const OPEN_CATEGORICAL_COLUMNS = /* @__PURE__ */ deepFreeze([
  { table: 'movements', column: 'primary_discipline', storage: 'string', examples: ['All', 'powerlifting', 'crossfit'] },
  {
    table: 'movements',
    column: 'discipline_tags',
    storage: 'json_array',
    examples: ['powerlifting', 'olympic', 'calisthenics', 'crossfit'],
  },
  {
    table: 'movements',
    column: 'equipment_tags',
    storage: 'json_array',
    examples: ['barbell', 'dumbbell', 'bodyweight', 'kettlebell'],
  },
  { table: 'movements', column: 'tags', storage: 'json_array', examples: ['crossfit', 'athletic', 'mobility'] },
  { table: 'sessions', column: 'intent_tags', storage: 'json_array', examples: ['strength', 'hypertrophy'] },
  {
    table: 'workout_logs',
    column: 'feedback_tags',
    storage: 'json_array',
    examples: ['too_hard', 'boring', 'too_much_cardio'],
  },
  { table: 'soreness_logs', column: 'body_part', storage: 'string', examples: ['quads', 'hamstrings', 'lower_back'] },
  {
    table: 'conversation_threads',
    column: 'context_type',
    storage: 'string',
    examples: ['daily_adaptation', 'program_setup'],
  },
  { table: 'conversation_turns', column: 'role', storage: 'string', examples: ['user', 'assistant'] },
] as const satisfies readonly OpenCategoricalColumn[]);

/**
 * The enum-backed columns of one table, in {@link ENUM_COLUMNS} order (empty for unknown tables).
 *
 * @example
 * ```ts
 * enumColumnsOf('programs').map((c) => c.column);
 * // ['goal_1', 'goal_2', 'goal_3', 'split_template', 'progression_style', 'persona_tone', ...]
 * ```
 */
export function enumColumnsOf(table: string): readonly EnumColumn[] {
  return ENUM_COLUMNS.filter((column) => column.table === table);
}

/**
 * The columns that hold values of one enum, whatever their storage.
 *
 * @example
 * ```ts
 * columnsUsingEnum('MovementPattern').map((c) => `${c.table}.${c.column}:${c.storage}`);
 * // ['top_set_logs.pattern:sql_enum', 'pattern_exposures.pattern:sql_enum', 'movements.pattern:string']
 * ```
 */
export function columnsUsingEnum(name: EnumName): readonly EnumColumn[] {
  return ENUM_COLUMNS.filter((column) => column.enum === name);
}

// Freezes the array and each entry (and nested arrays) so a consumer cannot edit the shared table.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
