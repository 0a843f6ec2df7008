import type { FilterQuery } from '@mikro-orm/core';
import type { MovementRow } from '../../schemas/rows/index.js';
import type { Page } from '../../schemas/rows/registry.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../../orm/rows.js';
import { sql, type RawBuilder } from 'kysely';
import { GainslyRepository } from '../../orm/base-repository.js';
import { parseArgument, parseOptions, requireId, requireString } from '../../orm/arguments.js';
import { ENUMS } from '../../enums/index.js';
import { executeBound, namedStatement, type BoundQuery, type NamedStatement } from '../../orm/bound-query.js';
import { checkStoredRow, enumValueShape, STORED_JSON, type StoredColumn } from '../../orm/stored-values.js';
import type { MovementPattern, PrimaryMuscle, PrimaryRegion } from '../../enums/index.js';
import { Movement } from './movement.entity.js';
import { definedOnly } from '../../orm/arguments.js';
import type { MovementInput, UpdateMovementInput } from '../../schemas/inputs/movements.js';
import { parseInput } from '../../schemas/errors.js';
import { findOwned, requireOwner } from '../owned-row.js';
import { ownedSql, visibleMovementSql } from '../ownership.js';
import { schemas } from '../../orm/validation.js';

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
  pattern?: MovementPattern | null | undefined;
  /** A semantic PrimaryMuscle value, e.g. `'quadriceps'`. */
  primaryMuscle?: PrimaryMuscle | null | undefined;
  /** A semantic PrimaryRegion value, e.g. `'anterior lower'`. */
  primaryRegion?: PrimaryRegion | null | undefined;
  /**
   * An element of `equipment_tags`, compared **case-insensitively** after trimming (`'Barbell'`
   * finds `barbell`): the importer lower-cases tags, the upstream app and `movements.create` keep
   * them as written. Case is folded by PostgreSQL's `lower()` on both sides.
   */
  equipmentTag?: string | null | undefined;
  /** An element of `discipline_tags`, compared case-insensitively like `equipmentTag`. */
  disciplineTag?: string | null | undefined;
  /** Exact `substitution_group`. */
  substitutionGroup?: string | null | undefined;
  /** Case-insensitive substring of the name (at most 200 characters; `''` matches every name). */
  text?: string | null | undefined;
  /**
   * Which movements to include: system only (`'system'`), system plus the given user's own
   * (`{ userId }`, the default when a user id is given), or only that user's own (`{ userId, only: true }`).
   */
  scope?: 'system' | { userId: number | null | undefined; only?: boolean };
  /** At most this many movements, 1–10,000 (`searchPage`: default 100). */
  limit?: number | null | undefined;
  /** The movements after this `nextCursor` of a `searchPage` with the same criteria (keyset paging). */
  after?: string | null | undefined;
  /** Skip this many (>= 0), for paging by position; prefer `after`, which a concurrent insert cannot shift. */
  offset?: number | null | undefined;
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
  return parseOptions(schemas.movementSearchSchema, filter, 'MovementSearch');
}

/**
 * Whether a JSON tag array holds the tag, case-insensitively. Elements are
 * compared decoded (`json_array_elements_text`), so a tag the upstream app stored with `\u` escapes
 * compares by its characters; a column that is not an array (upstream data) matches nothing
 * instead of failing the statement. The GIN index on `column::jsonb` cannot serve a
 * case-insensitive match: with another criterion (pattern, text) PostgreSQL filters that one's
 * rows, and a tag-only search reads the catalog (thousands of rows, not millions).
 */
function tagMatch(column: 'equipment_tags' | 'discipline_tags', tag: unknown): RawBuilder<unknown> {
  const c = sql.ref(column);
  return sql`exists (select 1 from json_array_elements_text(case when json_typeof(${c}) = 'array' then ${c} end) as tag(value) where lower(tag.value) = lower(${tag}))`;
}

/**
 * Every column of `movements` under its {@link MovementRow} name (the entity's property), in table
 * order: the one list of the read model's columns, checked against the row type (every key, no other).
 */
const ROW_COLUMNS = {
  id: 'id',
  name: 'name',
  pattern: 'pattern',
  primaryMuscle: 'primary_muscle',
  primaryRegion: 'primary_region',
  secondaryMuscles: 'secondary_muscles',
  cnsLoad: 'cns_load',
  skillLevel: 'skill_level',
  compound: 'compound',
  isComplexLift: 'is_complex_lift',
  isUnilateral: 'is_unilateral',
  metricType: 'metric_type',
  disciplineTags: 'discipline_tags',
  equipmentTags: 'equipment_tags',
  description: 'description',
  coachingCues: 'coaching_cues',
  substitutionGroup: 'substitution_group',
  userId: 'user_id',
  primaryDiscipline: 'primary_discipline',
  tags: 'tags',
} as const satisfies { readonly [K in keyof MovementRow]: string };

/** The select list of {@link ROW_COLUMNS}: `primary_muscle as "primaryMuscle"`, … */
const ROW_SELECT = sql.join(Object.entries(ROW_COLUMNS).map(([key, column]) => sql`${sql.ref(column)} as ${sql.ref(key)}`));

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

/** Which criteria a search gives: the shape of its statement (one compiled statement per shape). */
function searchShape(filter: CheckedSearch): string {
  const scope = filter.scope ?? 'system';
  return [
    filter.pattern != null,
    filter.primaryMuscle != null,
    filter.primaryRegion != null,
    filter.substitutionGroup != null,
    filter.text != null && filter.text !== '',
    filter.equipmentTag != null,
    filter.disciplineTag != null,
    filter.limit != null,
    filter.offset != null,
    filter.after != null,
  ]
    .map((given) => (given ? '1' : '0'))
    .join('') + (scope === 'system' ? 's' : scope.only ? 'o' : 'u');
}

/** A search's values by name, as its statement binds them. */
interface SearchParams extends Record<string, unknown> {
  pattern?: string;
  primaryMuscle?: string;
  primaryRegion?: string;
  substitutionGroup?: string;
  text?: string;
  equipmentTag?: string;
  disciplineTag?: string;
  userId?: number;
  limit?: number;
  offset?: number;
  /** The name of the last movement of the previous page (names are unique: `ix_movements_name`). */
  afterName?: string;
}

/** The values of a checked search, by name. */
function searchParams(filter: CheckedSearch): SearchParams {
  const scope = filter.scope ?? 'system';
  return {
    pattern: filter.pattern ?? undefined,
    primaryMuscle: filter.primaryMuscle ?? undefined,
    primaryRegion: filter.primaryRegion ?? undefined,
    substitutionGroup: filter.substitutionGroup ?? undefined,
    text: filter.text ? likePattern(filter.text) : undefined,
    equipmentTag: filter.equipmentTag ?? undefined,
    disciplineTag: filter.disciplineTag ?? undefined,
    userId: scope === 'system' ? undefined : scope.userId,
    limit: filter.limit ?? undefined,
    offset: filter.offset ?? undefined,
    afterName: filter.after != null ? cursorName(filter.after) : undefined,
  };
}

/** The cursor of a search page: the list's name and the last movement's name. */
const CURSOR_LIST = 'movements';

/** The name a search cursor continues after; a cursor of another list, or not a name, is refused on `after`. */
function cursorName(after: string): string {
  return decodeCursor(CURSOR_LIST, after, 1, { kinds: ['string'], input: 'MovementSearch' })[0] as string;
}

/**
 * The one definition of a search's filter: the WHERE conditions, order (by name: unique) and
 * paging of {@link MovementRepository.search} and {@link MovementRepository.searchRows}, with the
 * given criteria as named parameters.
 */
function searchStatement<R>(select: RawBuilder<unknown>, filter: CheckedSearch): NamedStatement<SearchParams, R> {
  return namedStatement<SearchParams, R>((p) => {
    const where: RawBuilder<unknown>[] = [];
    if (filter.pattern != null) where.push(sql`pattern = ${p.pattern}`);
    if (filter.primaryMuscle != null) where.push(sql`primary_muscle = ${p.primaryMuscle}`);
    if (filter.primaryRegion != null) where.push(sql`primary_region = ${p.primaryRegion}`);
    if (filter.substitutionGroup != null) where.push(sql`substitution_group = ${p.substitutionGroup}`);
    if (filter.text != null && filter.text !== '') where.push(sql`name ilike ${p.text}`);
    if (filter.equipmentTag != null) where.push(tagMatch('equipment_tags', p.equipmentTag));
    if (filter.disciplineTag != null) where.push(tagMatch('discipline_tags', p.disciplineTag));
    const scope = filter.scope ?? 'system';
    if (scope === 'system') where.push(sql`user_id is null`);
    else if (scope.only) where.push(ownedSql('movements', sql.ref('movements'), p.userId!));
    else where.push(visibleMovementSql(sql.ref('movements'), p.userId!));
    if (filter.after != null) where.push(sql`name > ${p.afterName}`);
    return sql`select ${select} from movements where ${sql.join(where, sql` and `)} order by name asc${filter.limit != null ? sql` limit ${p.limit}` : sql``}${
      filter.offset != null ? sql` offset ${p.offset}` : sql``
    }`;
  });
}

/**
 * The compiled search statements by shape: a search compiles its statement the first time its
 * combination of criteria is seen, then only binds (a bounded set: a few hundred shapes at most).
 */
const ROWS_STATEMENTS = new Map<string, NamedStatement<SearchParams, MovementRow>>();
const ID_STATEMENTS = new Map<string, NamedStatement<SearchParams, { id: number }>>();

function cached<R>(cache: Map<string, NamedStatement<SearchParams, R>>, select: RawBuilder<unknown>, filter: CheckedSearch): BoundQuery<R> {
  const shape = searchShape(filter);
  let statement = cache.get(shape);
  if (!statement) cache.set(shape, (statement = searchStatement<R>(select, filter)));
  return statement.bind(searchParams(filter));
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
    // The ids by the one SQL definition of the filter (with searchRows), then the entities.
    const rows = await executeBound(this.getEntityManager(), cached(ID_STATEMENTS, sql`id`, checked));
    if (rows.length === 0) return [];
    return this.find({ id: { $in: rows.map((r) => r.id) } } as FilterQuery<Movement>, { orderBy: { name: 'asc' } });
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
    return this.rowsOf(checkSearch(filter));
  }

  private async rowsOf(checked: CheckedSearch): Promise<MovementRow[]> {
    // The drivers (pg, PGlite) parse `json` columns; each row is checked, not converted: a value the
    // entity would refuse (`pattern: 'Squat '`, `equipmentTags: "barbell"`) is refused here too.
    const reader = checked.scope == null || checked.scope === 'system' ? undefined : checked.scope.userId;
    const rows = await this.routed(reader, () => executeBound(this.getEntityManager(), cached(ROWS_STATEMENTS, ROW_SELECT, checked)));
    for (const row of rows) checkStoredRow('movements', row as unknown as Record<string, unknown>, row.id, MOVEMENT_ROW_COLUMNS);
    return rows;
  }

  /**
   * One page of what {@link MovementRepository.searchRows} finds: at most `limit` rows (default 100)
   * by name, after the page whose `nextCursor` is `after`; `nextCursor` is `null` on the last page.
   * Keyset paging: a movement added meanwhile neither repeats a row nor skips one. One statement.
   * @throws {GainslyValidationError} a criterion is unknown or out of range, or `after` is not a cursor of this search
   * @example
   * ```ts
   * const repo = em.getRepository(Movement);
   * const first = await repo.searchPage({ pattern: 'squat', limit: 20 });
   * const next = first.nextCursor ? await repo.searchPage({ pattern: 'squat', limit: 20, after: first.nextCursor }) : undefined;
   * ```
   */
  async searchPage(filter: MovementSearch = {}): Promise<Page<MovementRow>> {
    const checked = checkSearch(filter);
    const limit = checked.limit ?? DEFAULT_PAGE_SIZE;
    // One row more than the page tells whether another page follows.
    const rows = await this.rowsOf({ ...checked, limit: limit + 1 });
    const items = rows.length > limit ? rows.slice(0, limit) : rows;
    return { items, nextCursor: rows.length > limit ? encodeCursor(CURSOR_LIST, [items[items.length - 1]!.name]) : null };
  }

  /**
   * System movements of a pattern.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPattern('vertical_pull');
   * ```
   */
  async findByPattern(pattern: MovementPattern): Promise<Movement[]> {
    return this.search({ pattern: parseArgument(schemas.movementCriterionArgumentSchemas.pattern, pattern, 'pattern') });
  }

  /**
   * System movements with this primary muscle.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryMuscle('lats');
   * ```
   */
  async findByPrimaryMuscle(primaryMuscle: PrimaryMuscle): Promise<Movement[]> {
    return this.search({ primaryMuscle: parseArgument(schemas.movementCriterionArgumentSchemas.primaryMuscle, primaryMuscle, 'primaryMuscle') });
  }

  /**
   * System movements of a body region.
   * @example
   * ```ts
   * await em.getRepository(Movement).findByPrimaryRegion('posterior lower');
   * ```
   */
  async findByPrimaryRegion(primaryRegion: PrimaryRegion): Promise<Movement[]> {
    return this.search({ primaryRegion: parseArgument(schemas.movementCriterionArgumentSchemas.primaryRegion, primaryRegion, 'primaryRegion') });
  }

  /**
   * System movements carrying an equipment tag (case-insensitive: `'Kettlebell'` finds `kettlebell`).
   * @example
   * ```ts
   * await em.getRepository(Movement).findByEquipmentTag('kettlebell');
   * ```
   */
  async findByEquipmentTag(equipmentTag: string): Promise<Movement[]> {
    return this.search({ equipmentTag: parseArgument(schemas.movementCriterionArgumentSchemas.tag, equipmentTag, 'equipmentTag') });
  }

  /**
   * System movements carrying a discipline tag (case-insensitive).
   * @example
   * ```ts
   * await em.getRepository(Movement).findByDisciplineTag('olympic');
   * ```
   */
  async findByDisciplineTag(disciplineTag: string): Promise<Movement[]> {
    return this.search({ disciplineTag: parseArgument(schemas.movementCriterionArgumentSchemas.tag, disciplineTag, 'disciplineTag') });
  }

  /**
   * System movements interchangeable within a substitution group.
   * @example
   * ```ts
   * await em.getRepository(Movement).findBySubstitutionGroup('single_arm_row');
   * ```
   */
  async findBySubstitutionGroup(substitutionGroup: string): Promise<Movement[]> {
    return this.search({ substitutionGroup: parseArgument(schemas.movementCriterionArgumentSchemas.substitutionGroup, substitutionGroup, 'substitutionGroup') });
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

  /**
   * Defines a movement owned by a user (validated: `movementInputSchema`), flushed at once. An
   * unknown user is `GainslyNotFoundError`; a name already taken is `GainslyUniqueViolationError`
   * (names are unique across the catalog). The write is recorded for the user's read-your-writes
   * reads (orm/replicas.ts). `forUser(em, userId).movements.create` calls it.
   * @example
   * ```ts
   * const own = await em.getRepository(Movement).createOwn(userId, { name: 'Sandbag Carry', pattern: 'carry', primaryMuscle: 'core', primaryRegion: 'full body' });
   * ```
   */
  async createOwn(userId: number, input: MovementInput): Promise<Movement> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.movementInputSchema, input, 'MovementInput');
    const em = this.getEntityManager();
    const user = await requireOwner(em, userId);
    const movement = em.create(Movement, { ...definedOnly(data), user } as never);
    await em.flush();
    return this.written(userId, movement);
  }

  /**
   * Changes one of a user's own movements (validated: `updateMovementInputSchema`), flushed at once;
   * keys given as `undefined` are left as they are. A system movement, another user's or a missing
   * one is `GainslyNotFoundError` (system movements are read-only here).
   * `forUser(em, userId).movements.update` calls it.
   * @example
   * ```ts
   * await em.getRepository(Movement).updateOwn(userId, movementId, { description: 'Bag on the shoulder' });
   * ```
   */
  async updateOwn(userId: number, movementId: number, input: UpdateMovementInput): Promise<Movement> {
    requireId(userId, 'userId');
    const data = parseInput(schemas.updateMovementInputSchema, input, 'UpdateMovementInput');
    const em = this.getEntityManager();
    const movement = await findOwned(em, Movement, movementId, userId);
    // Keys given as undefined mean "leave it"; assigning them would write NULL into NOT NULL columns.
    Object.assign(movement, definedOnly(data));
    await em.flush();
    return this.written(userId, movement);
  }

  /**
   * Deletes one of a user's own movements, flushed at once. A system movement, another user's or a
   * missing one is `GainslyNotFoundError`. `forUser(em, userId).movements.delete` calls it.
   * @example
   * ```ts
   * await em.getRepository(Movement).deleteOwn(userId, movementId);
   * ```
   */
  async deleteOwn(userId: number, movementId: number): Promise<void> {
    requireId(userId, 'userId');
    const em = this.getEntityManager();
    em.remove(await findOwned(em, Movement, movementId, userId));
    await em.flush();
    await this.written(userId, undefined);
  }
}
