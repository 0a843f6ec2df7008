import { raw, type FilterQuery } from '@mikro-orm/core';
import { GainslyRepository } from '../../orm/base-repository.js';
import { invalidArgument, requireCount, requireId, requireString } from '../../orm/arguments.js';
import type { MovementPattern, PrimaryMuscle, PrimaryRegion } from '../../enums/index.js';
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
