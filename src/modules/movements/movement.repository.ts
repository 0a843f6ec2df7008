import { raw, type FilterQuery } from '@mikro-orm/core';
import { GainslyRepository } from '../../orm/base-repository.js';
import { parseArgument, parseOptions, requireId, requireString } from '../../orm/arguments.js';
import { movementSearchSchema, tagFilterSchema } from '../../schemas/inputs/arguments.js';
import { COLUMN_LENGTHS, enumSchema, textSchema } from '../../schemas/primitives.js';
import { ENUMS } from '../../enums/index.js';
import { executeBound } from '../../orm/bound-query.js';
import { checkStoredRow, enumValueShape, STORED_JSON, type StoredColumn } from '../../orm/stored-values.js';
import type { CNSLoad, MetricType, MovementPattern, PrimaryMuscle, PrimaryRegion, SkillLevel } from '../../enums/index.js';
import type { SecondaryMuscles } from '../../schemas/json-types.js';
import type { Movement } from './movement.entity.js';

/**
 * Required criteria of the single-criterion finders (`findByPattern(undefined)` must be an error,
 * not every system movement).
 */
const REQUIRED = {
  pattern: enumSchema(ENUMS.MovementPattern),
  primaryMuscle: enumSchema(ENUMS.PrimaryMuscle),
  primaryRegion: enumSchema(ENUMS.PrimaryRegion),
  tag: tagFilterSchema,
  substitutionGroup: textSchema(COLUMN_LENGTHS.substitutionGroup),
};

/**
 * Criteria of {@link MovementRepository.search}; every given criterion must hold. Every criterion
 * is validated before any SQL (schema: `movementSearchSchema` of `@gainsly/db/schemas`): an unknown
 * key, a value outside its enum (`pattern: 'bogus'`), a tag or text with NUL or half a surrogate
 * pair, a `limit` outside 1–10,000 or a negative `offset` is a `GainslyValidationError` naming it,
 * never an empty result. `undefined` or `null` leaves a criterion out.
 *
 * @example
 * ```ts
 * const filter: MovementSearch = { pattern: 'squat', equipmentTag: 'barbell', text: 'front' };
 * ```
 */
export interface MovementSearch {
  /** A semantic MovementPattern value, e.g. `'squat'`. */
  pattern?: MovementPattern;
  /** A semantic PrimaryMuscle value, e.g. `'quadriceps'`. */
  primaryMuscle?: PrimaryMuscle;
  /** A semantic PrimaryRegion value, e.g. `'anterior lower'`. */
  primaryRegion?: PrimaryRegion;
  /**
   * An element of `equipment_tags`, compared **case-insensitively** after trimming (`'Barbell'`
   * finds `barbell`): the importer lower-cases tags, the upstream app and `movements.create` keep
   * them as written. Case is folded by PostgreSQL's `lower()` on both sides.
   */
  equipmentTag?: string;
  /** An element of `discipline_tags`, compared case-insensitively like `equipmentTag`. */
  disciplineTag?: string;
  /** Exact `substitution_group`. */
  substitutionGroup?: string;
  /** Case-insensitive substring of the name (at most 200 characters; `''` matches every name). */
  text?: string;
  /**
   * Which movements to include: system only (`'system'`), system plus the given user's own
   * (`{ userId }`, the default when a user id is given), or only that user's own (`{ userId, only: true }`).
   */
  scope?: 'system' | { userId: number; only?: boolean };
  /** At most this many movements, 1–10,000. */
  limit?: number;
  /** Skip this many (>= 0), for paging. */
  offset?: number;
}

/** A search whose every criterion was validated: what the SQL is built from. */
type CheckedSearch = ReturnType<typeof checkSearch>;

/**
 * Filter values reach SQL as bound values, but MikroORM reads an object as an operator filter:
 * `{ pattern: { $ne: '' } }` from a parsed query string would widen the search; an unknown enum
 * value would quietly find nothing, and a NUL would break the connection. Parsed with the schema
 * before any SQL.
 */
function checkSearch(filter: unknown) {
  return parseOptions(movementSearchSchema, filter, 'MovementSearch');
}

/**
 * Whether a JSON tag array holds the tag, case-insensitively (`?` is the tag). Elements are
 * compared decoded (`json_array_elements_text`), so a tag the upstream app stored with `\u` escapes
 * compares by its characters; a column that is not an array (upstream data) matches nothing
 * instead of failing the statement. The GIN index on `column::jsonb` cannot serve a
 * case-insensitive match: with another criterion (pattern, text) PostgreSQL filters that one's
 * rows, and a tag-only search reads the catalog (thousands of rows, not millions).
 */
function tagMatchSql(column: string): string {
  return `exists (select 1 from json_array_elements_text(case when json_typeof(${column}) = 'array' then ${column} end) as tag(value) where lower(tag.value) = lower(?))`;
}

/**
 * A movement as plain data: every `movements` column under its camelCase name, as
 * {@link MovementRepository.searchRows} returns it. Classification columns hold semantic values
 * (`'squat'`, `'anterior lower'`, as stored); JSON columns are parsed arrays; `userId` is `null`
 * for a system movement. JSON-serialisable as is.
 *
 * @example
 * ```ts
 * const rows: MovementRow[] = await em.getRepository(Movement).searchRows({ pattern: 'squat' });
 * rows.map((m) => `${m.name} (${m.equipmentTags?.join(', ')})`);
 * ```
 */
export interface MovementRow {
  id: number;
  name: string;
  pattern: MovementPattern;
  primaryMuscle: PrimaryMuscle;
  primaryRegion: PrimaryRegion;
  secondaryMuscles: SecondaryMuscles | null;
  cnsLoad: CNSLoad;
  skillLevel: SkillLevel;
  compound: boolean | null;
  isComplexLift: boolean | null;
  isUnilateral: boolean | null;
  metricType: MetricType;
  disciplineTags: string[] | null;
  equipmentTags: string[] | null;
  description: string | null;
  coachingCues: string[] | null;
  substitutionGroup: string | null;
  /** `null` for a system movement; the owner of a user-defined one. */
  userId: number | null;
  primaryDiscipline: string;
  tags: string[] | null;
}

/** Every column of `movements` under the {@link MovementRow} name, in table order. */
const ROW_COLUMNS = [
  'id',
  'name',
  'pattern',
  'primary_muscle as "primaryMuscle"',
  'primary_region as "primaryRegion"',
  'secondary_muscles as "secondaryMuscles"',
  'cns_load as "cnsLoad"',
  'skill_level as "skillLevel"',
  'compound',
  'is_complex_lift as "isComplexLift"',
  'is_unilateral as "isUnilateral"',
  'metric_type as "metricType"',
  'discipline_tags as "disciplineTags"',
  'equipment_tags as "equipmentTags"',
  'description',
  'coaching_cues as "coachingCues"',
  'substitution_group as "substitutionGroup"',
  'user_id as "userId"',
  'primary_discipline as "primaryDiscipline"',
  'tags',
].join(', ');

/** The columns of a {@link MovementRow} that hold something narrower than their SQL type. */
const MOVEMENT_ROW_COLUMNS: readonly StoredColumn[] = [
  { key: 'pattern', column: 'pattern', shape: enumValueShape(ENUMS.MovementPattern) },
  { key: 'primaryMuscle', column: 'primary_muscle', shape: enumValueShape(ENUMS.PrimaryMuscle) },
  { key: 'primaryRegion', column: 'primary_region', shape: enumValueShape(ENUMS.PrimaryRegion) },
  { key: 'secondaryMuscles', column: 'secondary_muscles', shape: STORED_JSON.secondaryMuscles },
  { key: 'cnsLoad', column: 'cns_load', shape: enumValueShape(ENUMS.CNSLoad) },
  { key: 'skillLevel', column: 'skill_level', shape: enumValueShape(ENUMS.SkillLevel) },
  { key: 'metricType', column: 'metric_type', shape: enumValueShape(ENUMS.MetricType) },
  { key: 'disciplineTags', column: 'discipline_tags', shape: STORED_JSON.stringList },
  { key: 'equipmentTags', column: 'equipment_tags', shape: STORED_JSON.stringList },
  { key: 'coachingCues', column: 'coaching_cues', shape: STORED_JSON.stringList },
  { key: 'tags', column: 'tags', shape: STORED_JSON.stringList },
];

/**
 * The WHERE clause of a search, with its values as `?` placeholders: the conditions of
 * {@link MovementRepository.search}, written as SQL.
 */
function searchConditions(filter: CheckedSearch): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.pattern != null) add('pattern = ?', filter.pattern);
  if (filter.primaryMuscle != null) add('primary_muscle = ?', filter.primaryMuscle);
  if (filter.primaryRegion != null) add('primary_region = ?', filter.primaryRegion);
  if (filter.substitutionGroup != null) add('substitution_group = ?', filter.substitutionGroup);
  if (filter.text != null && filter.text !== '') add('name ilike ?', likePattern(filter.text));
  if (filter.equipmentTag != null) add(tagMatchSql('equipment_tags'), filter.equipmentTag);
  if (filter.disciplineTag != null) add(tagMatchSql('discipline_tags'), filter.disciplineTag);
  const scope = filter.scope ?? 'system';
  if (scope === 'system') where.push('user_id is null');
  else if (scope.only) add('user_id = ?', scope.userId);
  else add('(user_id is null or user_id = ?)', scope.userId);
  return { sql: where.join(' and '), params };
}

/** Escapes LIKE wildcards so user text matches literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Repository of {@link Movement}: the catalog, searchable by classification and tags.
 *
 * @example
 * ```ts
 * const squats = await em.getRepository(Movement).findByPattern('squat');
 * ```
 */
export class MovementRepository extends GainslyRepository<Movement> {
  /**
   * Movements matching every given criterion, ordered by name. Tag criteria test JSON array
   * membership case-insensitively (`'Barbell'` finds a movement tagged `barbell`). Values are
   * always bound, never spliced. Every criterion is validated first (see {@link MovementSearch}).
   * @throws {GainslyValidationError} a criterion is unknown or out of range; nothing was queried
   * @example
   * ```ts
   * await em.getRepository(Movement).search({ pattern: 'hinge', equipmentTag: 'barbell', scope: { userId: 1 } });
   * ```
   */
  async search(filter: MovementSearch = {}): Promise<Movement[]> {
    const checked = checkSearch(filter);
    const where: Record<string, unknown>[] = [];
    if (checked.pattern != null) where.push({ pattern: checked.pattern });
    if (checked.primaryMuscle != null) where.push({ primaryMuscle: checked.primaryMuscle });
    if (checked.primaryRegion != null) where.push({ primaryRegion: checked.primaryRegion });
    if (checked.substitutionGroup != null) where.push({ substitutionGroup: checked.substitutionGroup });
    if (checked.text != null && checked.text !== '') where.push({ name: { $ilike: likePattern(checked.text) } });
    if (checked.equipmentTag != null) where.push(jsonArrayContains('equipment_tags', checked.equipmentTag));
    if (checked.disciplineTag != null) where.push(jsonArrayContains('discipline_tags', checked.disciplineTag));
    const scope = checked.scope ?? 'system';
    if (scope === 'system') where.push({ user: null });
    else if (scope.only) where.push({ user: scope.userId });
    else where.push({ $or: [{ user: null }, { user: scope.userId }] });
    return this.find({ $and: where } as FilterQuery<Movement>, {
      orderBy: { name: 'asc' },
      ...(checked.limit != null ? { limit: checked.limit } : {}),
      ...(checked.offset != null ? { offset: checked.offset } : {}),
    });
  }

  /**
   * The movements {@link MovementRepository.search} finds, with the same filter, conditions and order (by name), as
   * plain typed rows ({@link MovementRow}) instead of managed entities: one statement, values
   * bound as parameters, nothing added to the EntityManager. Cheaper than `search` (no entity
   * hydration, no identity map) for a list screen or an autocomplete; use `search` when you will
   * change the movements.
   * @example
   * ```ts
   * const rows = await em.getRepository(Movement).searchRows({ pattern: 'horizontal_push', equipmentTag: 'dumbbell', text: 'press', limit: 20 });
   * rows[0]?.equipmentTags; // ['dumbbell', 'bench']
   * ```
   */
  async searchRows(filter: MovementSearch = {}): Promise<MovementRow[]> {
    const checked = checkSearch(filter);
    const where = searchConditions(checked);
    const params = [...where.params];
    let sql = `select ${ROW_COLUMNS} from movements where ${where.sql} order by name asc`;
    if (checked.limit != null) {
      sql += ' limit ?';
      params.push(checked.limit);
    }
    if (checked.offset != null) {
      sql += ' offset ?';
      params.push(checked.offset);
    }
    // The drivers (pg, PGlite) parse `json` columns; each row is checked, not converted: a value the
    // entity would refuse (`pattern: 'Squat '`, `equipmentTags: "barbell"`) is refused here too.
    const reader = checked.scope == null || checked.scope === 'system' ? undefined : checked.scope.userId;
    const rows = await this.routed(reader, () => executeBound<MovementRow>(this.getEntityManager(), sql, params));
    for (const row of rows) checkStoredRow('movements', row as unknown as Record<string, unknown>, row.id, MOVEMENT_ROW_COLUMNS);
    return rows;
  }

  /**
   * System movements of a pattern.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPattern('vertical_pull');
   * ```
   */
  async findByPattern(pattern: MovementPattern): Promise<Movement[]> {
    return this.search({ pattern: parseArgument(REQUIRED.pattern, pattern, 'pattern') });
  }

  /**
   * System movements with this primary muscle.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryMuscle('lats');
   * ```
   */
  async findByPrimaryMuscle(primaryMuscle: PrimaryMuscle): Promise<Movement[]> {
    return this.search({ primaryMuscle: parseArgument(REQUIRED.primaryMuscle, primaryMuscle, 'primaryMuscle') });
  }

  /**
   * System movements of a body region.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryRegion('posterior lower');
   * ```
   */
  async findByPrimaryRegion(primaryRegion: PrimaryRegion): Promise<Movement[]> {
    return this.search({ primaryRegion: parseArgument(REQUIRED.primaryRegion, primaryRegion, 'primaryRegion') });
  }

  /**
   * System movements carrying an equipment tag (case-insensitive: `'Kettlebell'` finds `kettlebell`).
   * @example
   * ```ts
   * await em.getRepository(Movement).findByEquipmentTag('kettlebell');
   * ```
   */
  async findByEquipmentTag(equipmentTag: string): Promise<Movement[]> {
    return this.search({ equipmentTag: parseArgument(REQUIRED.tag, equipmentTag, 'equipmentTag') });
  }

  /**
   * System movements carrying a discipline tag (case-insensitive).
   * @example
   * ```ts
   * await em.getRepository(Movement).findByDisciplineTag('olympic');
   * ```
   */
  async findByDisciplineTag(disciplineTag: string): Promise<Movement[]> {
    return this.search({ disciplineTag: parseArgument(REQUIRED.tag, disciplineTag, 'disciplineTag') });
  }

  /**
   * System movements interchangeable within a substitution group.
   * @example
   * ```ts
   * await em.getRepository(Movement).findBySubstitutionGroup('single_arm_row');
   * ```
   */
  async findBySubstitutionGroup(substitutionGroup: string): Promise<Movement[]> {
    return this.search({ substitutionGroup: parseArgument(REQUIRED.substitutionGroup, substitutionGroup, 'substitutionGroup') });
  }

  /**
   * The global catalog: movements with no owner.
   * @example
   * ```ts
   * await em.getRepository(Movement).findSystem();
   * ```
   */
  async findSystem(): Promise<Movement[]> {
    return this.search({ scope: 'system' });
  }

  /**
   * Movements a user defined for themselves.
   * @example
   * ```ts
   * await em.getRepository(Movement).findUserDefined(1);
   * ```
   */
  async findUserDefined(userId: number): Promise<Movement[]> {
    return this.search({ scope: { userId: requireId(userId, 'userId'), only: true } });
  }

  /**
   * A movement by its unique name, or `null`.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByName('Back Squat');
   * ```
   */
  async findByName(name: string): Promise<Movement | null> {
    return this.findOne({ name: requireString(name, 'name', 200) });
  }
}

/** {@link tagMatchSql} for a MikroORM filter, on the query's alias, with the tag bound as a parameter. */
function jsonArrayContains(column: string, value: string): Record<string, unknown> {
  return { [raw((alias: string) => tagMatchSql(`${alias}.${column}`), [value])]: [] };
}
