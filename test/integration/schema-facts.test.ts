// The generated schema facts are fresh: running the generator (scripts/schema-facts.ts) on a new
// empty database gives exactly the committed *.generated / *-generated files (issue #25). Adding a
// column or a table is entity + migration + `npm run generate:schema-facts`; forgetting the last
// step fails here. `npm run check:schema-facts` is the same check outside the test suite.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGainslyOrm } from '../../src/index.js';
import { collectSchemaFacts, entityFacts, libraryAdditions, renderSchemaFacts, type SchemaFacts } from '../../scripts/schema-facts.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';

const ROOT = new URL('../../', import.meta.url);

describe('the generated schema facts', () => {
  let db: TestDatabase;
  let facts: SchemaFacts;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    facts = await collectSchemaFacts(db.url);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('equal what the migrations and entities give now (else: run npm run generate:schema-facts)', () => {
    for (const [path, text] of Object.entries(renderSchemaFacts(facts))) {
      let committed: string | null = null;
      try {
        committed = readFileSync(new URL(path, ROOT), 'utf8');
      } catch {
        // missing: reported as stale below
      }
      expect(committed === text, `${path} is stale: run npm run generate:schema-facts`).toBe(true);
    }
  });

  it('compute what the library adds as the difference between migration 0001 and the whole chain', () => {
    const added = libraryAdditions(facts);
    expect(added.tables).toEqual([]);
    expect(added.columns).toEqual([['movements', 'tags']]);
    expect(added.constraints).toEqual([]);
    expect(added.indexes).toHaveLength(9);
    // A table only the later migrations create counts whole: its constraints and indexes with it.
    const upstream = structuredClone(facts.upstream);
    delete upstream.tables.users;
    const withTable = libraryAdditions({ expected: facts.expected, upstream });
    expect(withTable.tables).toEqual(['users']);
    expect(withTable.constraints).toEqual([
      ['users', 'users_email_key'],
      ['users', 'users_pkey'],
    ]);
    expect(withTable.columns).toEqual([['movements', 'tags']]);
  });

  it('refuse an entity whose varchar length differs from its migration', async () => {
    const orm = await createGainslyOrm({ url: db.url, verify: false });
    try {
      const catalog = structuredClone(facts.expected);
      const name = catalog.tables.movements!.columns.find((c) => c.name === 'name')!;
      name.type = 'character varying(150)';
      expect(() => entityFacts(orm, catalog)).toThrow(
        'The entities and the migrations disagree:\nmovements.name: the migrations make it character varying(150), the entity says length 200',
      );
      expect(entityFacts(orm, facts.expected).varcharLengths['movements.name']).toBe(200);
    } finally {
      await orm.close(true);
    }
  });
});
