import { raw, type FilterQuery } from '@mikro-orm/core';
import { GainslyRepository } from '../../orm/base-repository.js';
import { invalidArgument, requireCount, requireId, requireString } from '../../orm/arguments.js';
import { executeBound } from '../../orm/bound-query.js';
import type { CNSLoad, MetricType, MovementPattern, PrimaryMuscle, PrimaryRegion, SkillLevel } from '../../enums/index.js';
import type { SecondaryMuscles } from '../../schemas/json-types.js';
import type { Movement } from './movement.entity.js';

/**
 * Criteria of {@link MovementRepository.search}; every given criterion must hold.
 *
 * @example
 * ```ts
 * const filter: MovementSearch = { pattern: 'squat', equipmentTag: 'barbell', text: 'front' };
 * ```
 */
export interface MovementSearch {
  pattern?: MovementPattern;
  primaryMuscle?: PrimaryMuscle;
  primaryRegion?: PrimaryRegion;
  /** Exact element of `equipment_tags`, e.g. `'barbell'`. */
  equipmentTag?: string;
  /** Exact element of `discipline_tags`, e.g. `'powerlifting'`. */
  disciplineTag?: string;
  substitutionGroup?: string;
  /** Case-insensitive substring of the name. */
  text?: string;
  /**
   * Which movements to include: system only (`'system'`), system plus the given user's own
   * (`{ userId }`, the default when a user id is given), or only that user's own (`{ userId, only: true }`).
   */
  scope?: 'system' | { userId: number; only?: boolean };
  limit?: number;
  offset?: number;
}

/**
 * Filter values reach SQL as bound values, but MikroORM reads an object as an operator filter:
 * `{ pattern: { $ne: '' } }` from a parsed query string would widen the search. Strings must be
 * strings, counts counts, ids ids.
 */
function checkSearch(filter: MovementSearch): void {
  if (typeof filter !== 'object' || filter === null) throw invalidArgument('filter', 'must be an object', filter);
  for (const key of ['pattern', 'primaryMuscle', 'primaryRegion', 'equipmentTag', 'disciplineTag', 'substitutionGroup', 'text'] as const) {
    if (filter[key] !== undefined) requireString(filter[key], key, 200);
  }
  if (filter.limit !== undefined) requireCount(filter.limit, 'limit');
  if (filter.offset !== undefined) requireCount(filter.offset, 'offset');
  const scope = filter.scope;
  if (scope !== undefined && scope !== 'system') {
    if (typeof scope !== 'object' || scope === null) throw invalidArgument('scope', "must be 'system' or { userId, only? }", scope);
    requireId(scope.userId, 'scope.userId');
    if (scope.only !== undefined && typeof scope.only !== 'boolean') throw invalidArgument('scope.only', 'must be a boolean', scope.only);
  }
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

/**
 * The WHERE clause of a search, with its values as `?` placeholders: the conditions of
 * {@link MovementRepository.search}, written as SQL.
 */
function searchConditions(filter: MovementSearch): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.pattern !== undefined) add('pattern = ?', filter.pattern);
  if (filter.primaryMuscle !== undefined) add('primary_muscle = ?', filter.primaryMuscle);
  if (filter.primaryRegion !== undefined) add('primary_region = ?', filter.primaryRegion);
  if (filter.substitutionGroup !== undefined) add('substitution_group = ?', filter.substitutionGroup);
  if (filter.text !== undefined && filter.text !== '') add('name ilike ?', likePattern(filter.text));
  if (filter.equipmentTag !== undefined) add('equipment_tags::jsonb @> ?::jsonb', JSON.stringify([filter.equipmentTag]));
  if (filter.disciplineTag !== undefined) add('discipline_tags::jsonb @> ?::jsonb', JSON.stringify([filter.disciplineTag]));
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
   * membership (`equipment_tags::jsonb @> '["barbell"]'`). Values are always bound, never spliced.
   * @example
   * ```ts
   * await em.getRepository(Movement).search({ pattern: 'hinge', equipmentTag: 'barbell', scope: { userId: 1 } });
   * ```
   */
  async search(filter: MovementSearch = {}): Promise<Movement[]> {
    checkSearch(filter);
    const where: Record<string, unknown>[] = [];
    if (filter.pattern !== undefined) where.push({ pattern: filter.pattern });
    if (filter.primaryMuscle !== undefined) where.push({ primaryMuscle: filter.primaryMuscle });
    if (filter.primaryRegion !== undefined) where.push({ primaryRegion: filter.primaryRegion });
    if (filter.substitutionGroup !== undefined) where.push({ substitutionGroup: filter.substitutionGroup });
    if (filter.text !== undefined && filter.text !== '') where.push({ name: { $ilike: likePattern(filter.text) } });
    if (filter.equipmentTag !== undefined) where.push(jsonArrayContains('equipment_tags', filter.equipmentTag));
    if (filter.disciplineTag !== undefined) where.push(jsonArrayContains('discipline_tags', filter.disciplineTag));
    const scope = filter.scope ?? 'system';
    if (scope === 'system') where.push({ user: null });
    else if (scope.only) where.push({ user: scope.userId });
    else where.push({ $or: [{ user: null }, { user: scope.userId }] });
    return this.find({ $and: where } as FilterQuery<Movement>, {
      orderBy: { name: 'asc' },
      ...(filter.limit !== undefined ? { limit: filter.limit } : {}),
      ...(filter.offset !== undefined ? { offset: filter.offset } : {}),
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
    checkSearch(filter);
    const where = searchConditions(filter);
    const params = [...where.params];
    let sql = `select ${ROW_COLUMNS} from movements where ${where.sql} order by name asc`;
    if (filter.limit !== undefined) {
      sql += ' limit ?';
      params.push(filter.limit);
    }
    if (filter.offset !== undefined) {
      sql += ' offset ?';
      params.push(filter.offset);
    }
    // The drivers (pg, PGlite) parse `json` columns: the rows are returned as they come.
    return executeBound<MovementRow>(this.getEntityManager(), sql, params);
  }

  /**
   * System movements of a pattern.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPattern('vertical_pull');
   * ```
   */
  async findByPattern(pattern: MovementPattern): Promise<Movement[]> {
    return this.search({ pattern });
  }

  /**
   * System movements with this primary muscle.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryMuscle('lats');
   * ```
   */
  async findByPrimaryMuscle(primaryMuscle: PrimaryMuscle): Promise<Movement[]> {
    return this.search({ primaryMuscle });
  }

  /**
   * System movements of a body region.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryRegion('posterior lower');
   * ```
   */
  async findByPrimaryRegion(primaryRegion: PrimaryRegion): Promise<Movement[]> {
    return this.search({ primaryRegion });
  }

  /**
   * System movements carrying an equipment tag.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByEquipmentTag('kettlebell');
   * ```
   */
  async findByEquipmentTag(equipmentTag: string): Promise<Movement[]> {
    return this.search({ equipmentTag });
  }

  /**
   * System movements carrying a discipline tag.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByDisciplineTag('olympic');
   * ```
   */
  async findByDisciplineTag(disciplineTag: string): Promise<Movement[]> {
    return this.search({ disciplineTag });
  }

  /**
   * System movements interchangeable within a substitution group.
   * @example
   * ```ts
   * await em.getRepository(Movement).findBySubstitutionGroup('single_arm_row');
   * ```
   */
  async findBySubstitutionGroup(substitutionGroup: string): Promise<Movement[]> {
    return this.search({ substitutionGroup });
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
    return this.search({ scope: { userId, only: true } });
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

/** `column::jsonb @> '["value"]'` with the value bound as a parameter. */
function jsonArrayContains(column: string, value: string): Record<string, unknown> {
  return { [raw((alias: string) => `${alias}.${column}::jsonb @> ?::jsonb`, [JSON.stringify([value])])]: [] };
}
