// The one catalog matcher doctor runs for constraints and indexes (src/admin/doctor/match.ts): its
// three passes (same name, then same shape under another name, then what is left on either side),
// how ties are settled, and what a caller of doctor sees through it: a renamed constraint found by
// its definition, a missing or extra index, a redundant twin of a library index. Pure functions: no
// database.
import { describe, expect, it } from 'vitest';
import type { CatalogConstraint, CatalogIndex } from '../../src/admin/catalog.js';
import { compareConstraints } from '../../src/admin/doctor/compare-constraints.js';
import { compareIndexes } from '../../src/admin/doctor/compare-indexes.js';
import { matchCatalog, type MatchBy } from '../../src/admin/doctor/match.js';
import { LIBRARY_ADDED_INDEXES } from '../../src/admin/expected-schema.js';

interface Item {
  name: string;
  shape: string;
}
const item = (name: string, shape: string): Item => ({ name, shape });
const BY: MatchBy<Item> = { key: (i) => i.name, shape: (i) => i.shape };
const names = (items: readonly (Item | undefined)[]) => items.map((i) => i?.name);

describe('matchCatalog: the three passes', () => {
  it('pass 1 pairs items by key and says whether their shapes agree', () => {
    const m = matchCatalog([item('a', 'X'), item('b', 'Y')], [item('b', 'Z'), item('a', 'X')], BY);
    expect(m.sameKey.map(({ want, have, same }) => [want.name, have.name, same])).toEqual([
      ['a', 'a', true],
      ['b', 'b', false],
    ]);
    expect(m.otherKey).toEqual([]);
    expect(m.extra).toEqual([]);
  });

  it('pass 2 finds an expected item under another key by its shape; without a twin it is missing', () => {
    const m = matchCatalog([item('a', 'X'), item('b', 'Y')], [item('renamed_a', 'X')], BY);
    expect(m.sameKey).toEqual([]);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([
      ['a', 'renamed_a'],
      ['b', undefined],
    ]);
    expect(m.extra).toEqual([]);
  });

  it('pass 2 never takes an item pass 1 paired, even one of the same shape', () => {
    const m = matchCatalog([item('a', 'X'), item('b', 'X')], [item('a', 'X')], BY);
    expect(m.sameKey.map(({ want }) => want.name)).toEqual(['a']);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([['b', undefined]]);
  });

  it('a same-key pair whose shape differs is not searched again by shape; the twin stays extra', () => {
    const m = matchCatalog([item('a', 'X')], [item('a', 'Y'), item('other', 'X')], BY);
    expect(m.sameKey.map(({ want, have, same }) => [want.name, have.name, same])).toEqual([['a', 'a', false]]);
    expect(m.otherKey).toEqual([]);
    expect(names(m.extra)).toEqual(['other']);
  });

  it('pass 3 leaves the unclaimed actual items, in actual order, beside the missing expected ones', () => {
    const m = matchCatalog([item('a', 'X'), item('gone', 'G')], [item('z', 'Q'), item('a', 'X'), item('m', 'R')], BY);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([['gone', undefined]]);
    expect(names(m.extra)).toEqual(['z', 'm']);
  });

  it('ties: one twin for two expected items goes to the first expected; the second is missing', () => {
    const m = matchCatalog([item('a', 'X'), item('b', 'X')], [item('t', 'X')], BY);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([
      ['a', 't'],
      ['b', undefined],
    ]);
    expect(m.extra).toEqual([]);
  });

  it('ties: of two twins the first in actual order is taken, once; the other is extra', () => {
    const m = matchCatalog([item('a', 'X')], [item('t2', 'X'), item('t1', 'X')], BY);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([['a', 't2']]);
    expect(names(m.extra)).toEqual(['t1']);
  });

  it('two expected items of one shape and two twins: each twin is claimed once, in order', () => {
    const m = matchCatalog([item('a', 'X'), item('b', 'X')], [item('t1', 'X'), item('t2', 'X')], BY);
    expect(m.otherKey.map(({ want, have }) => [want.name, have?.name])).toEqual([
      ['a', 't1'],
      ['b', 't2'],
    ]);
    expect(m.extra).toEqual([]);
  });

  it('nothing on either side: nothing found', () => {
    expect(matchCatalog([], [], BY)).toEqual({ sameKey: [], otherKey: [], extra: [] });
    const onlyExpected = matchCatalog([item('a', 'X')], [], BY);
    expect(onlyExpected.otherKey.map(({ have }) => have)).toEqual([undefined]);
    const onlyActual = matchCatalog([], [item('a', 'X')], BY);
    expect(names(onlyActual.extra)).toEqual(['a']);
  });

  it('every expected item and every actual item lands in exactly one place', () => {
    const expected = [item('a', 'X'), item('b', 'Y'), item('c', 'Z'), item('d', 'X')];
    const actual = [item('b', 'Y'), item('x', 'Z'), item('a', 'W'), item('y', 'X'), item('q', 'Q')];
    const m = matchCatalog(expected, actual, BY);
    const claimedActual = [...m.sameKey.map((p) => p.have), ...m.otherKey.flatMap((p) => (p.have ? [p.have] : [])), ...m.extra];
    expect(names([...m.sameKey.map((p) => p.want), ...m.otherKey.map((p) => p.want)]).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(names(claimedActual).sort()).toEqual(['a', 'b', 'q', 'x', 'y']);
  });
});

describe('constraints through the matcher', () => {
  const fk = (name: string, definition = 'FOREIGN KEY (user_id) REFERENCES users(id)'): CatalogConstraint => ({ name, kind: 'foreign', definition });

  it('a constraint under another name is found by its definition (schema-qualified REFERENCES too) and tolerated', () => {
    const findings = compareConstraints('programs', [fk('programs_user_id_fkey')], [fk('fk_programs_user', 'FOREIGN KEY (user_id) REFERENCES public.users(id)')]);
    expect(findings).toEqual([
      {
        severity: 'tolerated',
        kind: 'constraint_renamed',
        table: 'programs',
        name: 'programs_user_id_fkey',
        message: 'Constraint programs.programs_user_id_fkey exists as fk_programs_user (FOREIGN KEY (user_id) REFERENCES public.users(id)); the name is left alone',
        expected: 'programs_user_id_fkey',
        actual: 'fk_programs_user',
      },
    ]);
  });

  it('the same definition of another kind is not a twin: missing, and the other one extra', () => {
    const findings = compareConstraints('t', [{ name: 'k', kind: 'unique', definition: 'UNIQUE (a)' }], [{ name: 'k2', kind: 'exclusion', definition: 'UNIQUE (a)' }]);
    expect(findings.map((f) => [f.severity, f.kind, f.name])).toEqual([
      ['error', 'constraint_missing', 'k'],
      ['tolerated', 'constraint_extra', 'k2'],
    ]);
  });

  it('a differing definition under the same name is an error, reported before renamed, missing and extra ones', () => {
    const findings = compareConstraints(
      't',
      [fk('gone', 'FOREIGN KEY (x) REFERENCES x(id)'), { name: 't_pkey', kind: 'primary', definition: 'PRIMARY KEY (id)' }, fk('renamed')],
      [{ name: 'extra_check', kind: 'check', definition: 'CHECK ((a > 0))' }, { name: 't_pkey', kind: 'primary', definition: 'PRIMARY KEY (id, other)' }, fk('other_name')],
    );
    expect(findings.map((f) => [f.severity, f.kind, f.name])).toEqual([
      ['error', 'constraint_differs', 't_pkey'],
      ['error', 'constraint_missing', 'gone'],
      ['tolerated', 'constraint_renamed', 'renamed'],
      ['tolerated', 'constraint_extra', 'extra_check'],
    ]);
    expect(findings[0]).toMatchObject({ expected: 'PRIMARY KEY (id)', actual: 'PRIMARY KEY (id, other)' });
  });

  it("PostgreSQL 18's NOT NULL constraints are not compared (nullability is checked per column)", () => {
    expect(compareConstraints('t', [], [{ name: 't_a_not_null', kind: 'check', definition: 'NOT NULL a' }])).toEqual([]);
  });
});

describe('indexes through the matcher', () => {
  const index = (name: string, rest = 'ON public.t USING btree (a)', unique = false): CatalogIndex => ({ name, definition: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name} ${rest}` });
  const libraryIndex = LIBRARY_ADDED_INDEXES[0]!;

  it('an extra index is reported and left alone', () => {
    expect(compareIndexes('t', [], [index('ix_upstream_only')])).toEqual([
      {
        severity: 'tolerated',
        kind: 'index_extra',
        table: 't',
        name: 'ix_upstream_only',
        message: 'Index ix_upstream_only on t is not one of the library\'s; left alone',
        actual: 'CREATE INDEX ix_upstream_only ON public.t USING btree (a)',
      },
    ]);
  });

  it('an index under another name (and schema) is found by its definition and tolerated', () => {
    const findings = compareIndexes('t', [index('ix_t_a')], [index('t_a_idx', 'ON other.t USING btree (a)')]);
    expect(findings.map((f) => [f.severity, f.kind, f.name, f.actual])).toEqual([['tolerated', 'index_renamed', 'ix_t_a', 't_a_idx']]);
  });

  it('uniqueness is part of the shape: a unique twin is no twin', () => {
    const findings = compareIndexes('t', [index('ix_t_a')], [index('t_a_key', undefined, true)]);
    expect(findings.map((f) => [f.severity, f.kind, f.name])).toEqual([
      ['error', 'index_missing', 'ix_t_a'],
      ['tolerated', 'index_extra', 't_a_key'],
    ]);
  });

  it('a missing library-added index is fixable with an idempotent CREATE INDEX; any other missing index is an error', () => {
    const findings = compareIndexes('t', [index(libraryIndex, 'ON public.t USING btree (b)'), index('ix_t_a')], []);
    expect(findings.map((f) => [f.severity, f.kind, f.name, f.fix])).toEqual([
      ['fixable', 'index_missing', libraryIndex, `CREATE INDEX IF NOT EXISTS ${libraryIndex} ON public.t USING btree (b)`],
      ['error', 'index_missing', 'ix_t_a', undefined],
    ]);
  });

  it('a differing definition under the same name is an error', () => {
    const findings = compareIndexes('t', [index('ix_t_a')], [index('ix_t_a', 'ON public.t USING btree (a DESC)')]);
    expect(findings.map((f) => [f.severity, f.kind, f.name])).toEqual([['error', 'index_differs', 'ix_t_a']]);
  });

  it("an extra index with the definition of a library index that is present is called redundant", () => {
    const findings = compareIndexes('t', [index(libraryIndex)], [index(libraryIndex), index('ix_upstream_twin')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'tolerated', kind: 'index_extra', name: 'ix_upstream_twin' });
    expect(findings[0]!.message).toBe(
      `Index ix_upstream_twin on t has the same definition as the library's ${libraryIndex}; one of them is redundant (drop the library's: doctor then accepts ix_upstream_twin in its place)`,
    );
  });

  it('without the library index present, its twin under another name stands in for it (renamed, not redundant)', () => {
    const findings = compareIndexes('t', [index(libraryIndex)], [index('ix_upstream_twin')]);
    expect(findings.map((f) => [f.severity, f.kind, f.name, f.actual])).toEqual([['tolerated', 'index_renamed', libraryIndex, 'ix_upstream_twin']]);
  });
});
