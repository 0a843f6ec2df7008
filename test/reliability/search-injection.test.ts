/**
 * SQL injection through the read APIs: every text filter of the search APIs, and the exact-name
 * lookups, get SQL fragments, LIKE wildcards, JSON-breaking strings and placeholders. Each call
 * must succeed and return exactly the rows an independent, in-test implementation of the filter's
 * documented semantics returns: no extra row, no missing row, no error. The catalog holds
 * movements whose names and tags ARE those strings, so an exact match has something to find.
 * Enum filters (pattern, primaryMuscle, primaryRegion) take only their enum's values: an injection
 * string there is a GainslyValidationError naming the filter, before any SQL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CircuitTemplate,
  forUser,
  forViewer,
  GainslyError,
  HeuristicConfig,
  Movement,
  User,
  type MovementSearch,
} from '../../src/index.js';
import { GainslyValidationError } from '../../src/schemas/index.js';
import { useTestOrm } from '../support/database.js';
import { makeCircuit, makeMovement } from '../support/factories.js';
import { describeValue, SQL_FRAGMENTS } from '../support/reliability-hostile.js';

const ROLLBACK = new Error('roll back');

const db = useTestOrm();

/** Strings aimed at LIKE patterns, JSON containment, placeholders and quoting. */
const INJECTIONS: readonly string[] = [
  ...SQL_FRAGMENTS,
  '%%',
  '_%',
  '\\%',
  '\\\\',
  '[a-z]',
  '.*',
  '"]',
  '", "barbell',
  '"barbell"',
  'barbell"]::jsonb or true --',
  '["barbell"]',
  '{"a":1}',
  '\\u0000',
  "'",
  "''",
  '"',
  '`',
  ';',
  'BARBELL',
  ' barbell',
  'barbell ',
];

interface Row {
  id: number;
  name: string;
  pattern: string;
  equipment: string[];
  disciplines: string[];
  group: string | null;
  owner: number | null;
}

let catalog: Row[];
let me: number;
let stranger: number;

beforeEach(async () => {
  const em = db.em;
  me = (await em.getRepository(User).createUser({ name: 'Searcher' })).id;
  stranger = (await em.getRepository(User).createUser({ name: 'Other' })).id;
  const specs: { name: string; equipment: string[]; disciplines: string[]; group: string | null; owner: number | null; pattern: string }[] = [
    { name: 'Back Squat', equipment: ['barbell', 'rack'], disciplines: ['powerlifting'], group: 'squat_bilateral', owner: null, pattern: 'squat' },
    { name: 'Front Squat', equipment: ['barbell'], disciplines: ['weightlifting'], group: 'squat_bilateral', owner: null, pattern: 'squat' },
    { name: 'Goblet Squat', equipment: ['kettlebell'], disciplines: [], group: null, owner: null, pattern: 'squat' },
    { name: 'Plate 100% Push', equipment: ['plate'], disciplines: ['strongman'], group: 'push_%', owner: null, pattern: 'horizontal_push' },
    { name: 'Under_score Row', equipment: ['dumbbell'], disciplines: [], group: 'row_x', owner: null, pattern: 'horizontal_pull' },
    { name: 'Back\\slash Hinge', equipment: ['barbell'], disciplines: [], group: null, owner: null, pattern: 'hinge' },
    { name: 'My Private Lunge', equipment: ['barbell'], disciplines: ['crossfit'], group: 'lunge', owner: me, pattern: 'lunge' },
    { name: "Stranger's Secret Squat", equipment: ['barbell'], disciplines: ['powerlifting'], group: 'squat_bilateral', owner: stranger, pattern: 'squat' },
    // Names, tags and groups that ARE injection strings, so exact matches can find them.
    ...INJECTIONS.slice(0, 12).map((s, i) => ({ name: `Inj ${i} ${s}`, equipment: [s, 'barbell'], disciplines: [s], group: s, owner: i % 3 === 0 ? me : null, pattern: 'carry' })),
  ];
  catalog = [];
  const created = specs.map((s) =>
    makeMovement(em, {
      name: s.name,
      pattern: s.pattern as Movement['pattern'],
      equipmentTags: s.equipment,
      disciplineTags: s.disciplines,
      substitutionGroup: s.group,
      ...(s.owner === null ? {} : { user: em.getReference(User, s.owner) }),
    }),
  );
  await em.flush();
  created.forEach((m, i) => catalog.push({ id: m.id, name: specs[i]!.name, pattern: specs[i]!.pattern, equipment: specs[i]!.equipment, disciplines: specs[i]!.disciplines, group: specs[i]!.group, owner: specs[i]!.owner }));
  em.clear();
});

/** Tag filters are trimmed and compared case-insensitively (documented on MovementSearch). */
const sameTag = (stored: string, wanted: string) => stored.toLowerCase() === wanted.trim().toLowerCase();

/** The documented semantics of MovementRepository.search, implemented independently. */
function expected(filter: MovementSearch): string[] {
  const scope = filter.scope ?? 'system';
  return catalog
    .filter((m) => (scope === 'system' ? m.owner === null : scope.only ? m.owner === scope.userId : m.owner === null || m.owner === scope.userId))
    .filter((m) => filter.text == null || filter.text === '' || m.name.toLowerCase().includes(filter.text.toLowerCase()))
    .filter((m) => filter.equipmentTag === undefined || m.equipment.some((t) => sameTag(t, filter.equipmentTag!)))
    .filter((m) => filter.disciplineTag === undefined || m.disciplines.some((t) => sameTag(t, filter.disciplineTag!)))
    .filter((m) => filter.substitutionGroup === undefined || m.group === filter.substitutionGroup)
    .filter((m) => filter.pattern === undefined || m.pattern === filter.pattern)
    .map((m) => m.name)
    .sort();
}

const names = (found: { name: string }[] | { items: { name: string }[] }) => ('items' in found ? found.items : found).map((m) => m.name).sort();

type Filter = 'text' | 'equipmentTag' | 'disciplineTag' | 'substitutionGroup' | 'pattern' | 'primaryMuscle' | 'primaryRegion';
const FILTERS: readonly Filter[] = ['text', 'equipmentTag', 'disciplineTag', 'substitutionGroup', 'pattern', 'primaryMuscle', 'primaryRegion'];

describe('MovementRepository.search and forUser().movements.search with injection strings in every text filter', () => {
  it(`${FILTERS.length} filters x ${INJECTIONS.length} strings x 3 scopes: exactly the rows the filter means (enum filters: a validation error)`, async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const filter of FILTERS) {
      for (const value of INJECTIONS) {
        const scopes: { label: string; run: () => Promise<{ id: number; name: string }[]>; scope: MovementSearch['scope'] }[] = [
          { label: 'system', scope: 'system', run: () => db.em.getRepository(Movement).search({ [filter]: value } as MovementSearch) },
          { label: 'user', scope: { userId: me }, run: async () => (await forUser(db.em, me).movements.search({ [filter]: value } as MovementSearch)).items },
          { label: 'own only', scope: { userId: me, only: true }, run: async () => (await forUser(db.em, me).movements.search({ [filter]: value, ownOnly: true } as MovementSearch)).items },
        ];
        for (const { label, run, scope } of scopes) {
          calls++;
          // None of the injection strings is a value of an enum: those filters must refuse them.
          const refused = filter === 'pattern' || filter === 'primaryMuscle' || filter === 'primaryRegion';
          try {
            const got = names(await run());
            if (refused) {
              problems.push(`${filter}=${JSON.stringify(value)} (${label}): accepted, found ${got.length}`);
              continue;
            }
            const want = expected({ [filter]: value, scope } as MovementSearch);
            if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${filter}=${JSON.stringify(value)} (${label}): got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
            if (got.includes("Stranger's Secret Squat")) problems.push(`${filter}=${JSON.stringify(value)} (${label}): another user's movement leaked`);
          } catch (error) {
            const named = error instanceof GainslyValidationError && error.issues.some((issue) => issue.path[0] === filter);
            if (!refused || !named) problems.push(`${filter}=${JSON.stringify(value)} (${label}): threw ${String(error)}`);
          }
        }
      }
    }
    expect(calls).toBe(FILTERS.length * INJECTIONS.length * 3);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('the injection strings did nothing to the database: every table and row is still there', async () => {
    for (const value of INJECTIONS) await forUser(db.em, me).movements.search({ text: value, equipmentTag: value, disciplineTag: value, substitutionGroup: value });
    const [row] = await db.em.execute<{ movements: number; users: number }[]>('select (select count(*)::int from movements) as movements, (select count(*)::int from users) as users');
    expect(row).toEqual({ movements: catalog.length, users: 2 });
  });

  it('LIKE wildcards in text match literally: "%" finds only names containing "%", "_" only names containing "_"', async () => {
    expect(names(await db.em.getRepository(Movement).search({ text: '%' }))).toEqual(['Plate 100% Push', ...expected({ text: '%' }).filter((n) => n !== 'Plate 100% Push')].sort());
    expect(names(await db.em.getRepository(Movement).search({ text: '_' }))).toEqual(expected({ text: '_' }));
    expect(names(await db.em.getRepository(Movement).search({ text: '\\' }))).toEqual(expected({ text: '\\' }));
    expect(expected({ text: '_' })).toContain('Under_score Row');
    expect(expected({ text: '_' })).not.toContain('Back Squat');
  });

  it('every filter combined with injection strings in all of them at once', async () => {
    for (const value of INJECTIONS) {
      const filter = { text: value, equipmentTag: value, disciplineTag: value, substitutionGroup: value };
      expect(names(await forUser(db.em, me).movements.search(filter))).toEqual(expected({ ...filter, scope: { userId: me } }));
    }
  });

  it('forViewer().movements passes injection strings through as data too', async () => {
    for (const value of INJECTIONS) {
      expect(names(await forViewer(db.em, me).movements({ equipmentTag: value }))).toEqual(expected({ equipmentTag: value, scope: { userId: me } }));
    }
  });
});

describe('exact-name lookups with injection strings', () => {
  it('findByName, findByEmail, HeuristicConfig getActive / findVersions and CircuitTemplate.findByName match exactly, never more', async () => {
    const email = "o'reilly+x@example.com";
    await db.em.getRepository(User).createUser({ name: 'Quote', email });
    const circuit = makeCircuit(db.em, { name: "'; drop table circuit_templates; --" });
    db.em.create(HeuristicConfig, { name: "' or '1'='1", version: 1, jsonBlob: {}, active: true });
    db.em.create(HeuristicConfig, { name: 'deload', version: 1, jsonBlob: {}, active: true });
    await db.em.flush();
    const problems: string[] = [];
    for (const value of [...INJECTIONS, email, circuit.name]) {
      try {
        const byName = await db.em.getRepository(Movement).findByName(value);
        const want = catalog.find((m) => m.name === value);
        if ((byName?.name ?? null) !== (want?.name ?? null)) problems.push(`Movement.findByName(${JSON.stringify(value)}) = ${byName?.name}`);
        const user = await db.em.getRepository(User).findByEmail(value);
        if (user && user.email !== value) problems.push(`findByEmail(${JSON.stringify(value)}) = ${user.email}`);
        if (value === email && !user) problems.push('findByEmail did not find the quoted address');
        const circuits = await db.em.getRepository(CircuitTemplate).findByName(value);
        if (circuits.some((c) => c.name !== value) || (value === circuit.name) !== (circuits.length === 1)) problems.push(`CircuitTemplate.findByName(${JSON.stringify(value)}) = ${circuits.map((c) => c.name)}`);
        const active = await db.em.getRepository(HeuristicConfig).getActive(value);
        if (active && active.name !== value) problems.push(`getActive(${JSON.stringify(value)}) = ${active.name}`);
        const versions = await db.em.getRepository(HeuristicConfig).findVersions(value);
        if (versions.some((v) => v.name !== value)) problems.push(`findVersions(${JSON.stringify(value)}) = ${versions.map((v) => v.name)}`);
      } catch (error) {
        problems.push(`${JSON.stringify(value)}: threw ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('search options that are not strings', () => {
  it('hostile limit / offset / after values are refused with a library error or ignored, never a driver error', async () => {
    const problems: string[] = [];
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 2 ** 53, '1; drop table movements', '1 union select * from users', null, {}, []]) {
      for (const key of ['limit', 'offset', 'after'] as const) {
        // Each call in its own savepoint: a driver error must not abort the test's transaction.
        await db.em
          .transactional(async (tx) => {
            try {
              const got = await tx.getRepository(Movement).search({ [key]: value } as MovementSearch);
              if (got.length > catalog.length) problems.push(`${key}=${describeValue(value)}: ${got.length} rows`);
            } catch (error) {
              if (!(error instanceof GainslyError)) problems.push(`${key}=${describeValue(value)}: ${(error as Error).constructor.name}: ${(error as Error).message.split('\n')[0]}`);
            }
            throw ROLLBACK;
          })
          .catch((e: unknown) => {
            if (e !== ROLLBACK) throw e;
          });
      }
    }
    expect(problems).toEqual([]);
  });

  it('an operator object instead of a filter string (e.g. from a parsed JSON query) does not widen the search', async () => {
    const problems: string[] = [];
    const operators: unknown[] = [{ $ne: null }, { $ne: 'x' }, { $like: '%' }, { $in: ['squat_bilateral', 'lunge'] }, { $gt: '' }, ['squat_bilateral', 'lunge']];
    for (const filter of ['substitutionGroup', 'pattern', 'text', 'equipmentTag'] as const) {
      for (const op of operators) {
        await db.em
          .transactional(async (tx) => {
            try {
              const got = names(await forUser(tx, me).movements.search({ [filter]: op } as never));
              if (got.length > 0) problems.push(`${filter}=${JSON.stringify(op)}: matched ${got.length} movements (${got.slice(0, 3).join(', ')}…)`);
            } catch (error) {
              if (!(error instanceof GainslyError)) problems.push(`${filter}=${JSON.stringify(op)}: ${(error as Error).constructor.name}: ${(error as Error).message.split('\n')[0]}`);
            }
            throw ROLLBACK;
          })
          .catch((e: unknown) => {
            if (e !== ROLLBACK) throw e;
          });
      }
    }
    try {
      const leaked = names(await db.em.getRepository(Movement).search({ scope: { userId: { $ne: 0 } as never, only: true } }));
      if (leaked.length > 0) problems.push(`scope.userId={"$ne":0}: matched other users' movements: ${leaked.join(', ')}`);
    } catch (error) {
      if (!(error instanceof GainslyError)) problems.push(`scope.userId operator: ${String(error)}`);
    }
    expect(problems).toEqual([]);
  });
});
