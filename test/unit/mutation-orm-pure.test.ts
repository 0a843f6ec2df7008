// Mutation testing (issue #24, test/README.md): the building blocks of src/orm that need no
// database: URL masking and parsing, constraint names, the float-mean SQL, argument checks and the
// strict decoding of stored values. Expected strings are written out literally.
import { describe, expect, it } from 'vitest';
import { ENUMS, MovementRuleType } from '../../src/enums/index.js';
import { GainslyValidationError } from '../../src/schemas/errors.js';
import { checkFilter, checkFindOptions, definedOnly, optionalId, requireDateRange, requireString } from '../../src/orm/arguments.js';
import { maskDatabaseUrl, parseDatabaseUrl } from '../../src/setup/database-url.js';
import { GainslyDataError, GainslyConfigError } from '../../src/orm/errors.js';
import { floatMeanSql } from '../../src/orm/float-mean.js';
import { GainslyNamingStrategy } from '../../src/orm/naming-strategy.js';
import {
  checkStored,
  checkStoredRow,
  enumValueShape,
  labelExpectation,
  STORED_JSON,
  storedLabel,
  storedValueError,
  withRowId,
} from '../../src/orm/stored-values.js';
import { thrownValue } from '../support/thrown.js';

const thrown = thrownValue;

describe('maskDatabaseUrl', () => {
  it.each([
    ['postgres://gainsly:secret@db:5432/gainsly', 'postgres://gainsly:***@db:5432/gainsly'],
    ['postgres://gainsly@db/gainsly', 'postgres://gainsly@db/gainsly'],
    ['postgres://db/gainsly?password=secret&sslmode=require', 'postgres://db/gainsly?password=***&sslmode=require'],
    ['postgres://db/gainsly?sslpassword=keypass', 'postgres://db/gainsly?sslpassword=***'],
    ['postgres://db/gainsly?PassWord=x', 'postgres://db/gainsly?PassWord=***'],
    ['postgres://db/gainsly?passwordx=keep', 'postgres://db/gainsly?passwordx=keep'],
    // Not parseable as URLs: masked as text.
    ['gainsly:secret@db:5432/gainsly', 'gainsly:***@db:5432/gainsly'],
    ['postgres://u:pw@[::1', 'postgres://u:***@[::1'],
    ['not a url ?password=hunter2&x=1', 'not a url ?password=***&x=1'],
    ['no secrets here', 'no secrets here'],
  ])('%s -> %s', (url, masked) => {
    expect(maskDatabaseUrl(url)).toBe(masked);
  });
});

describe('parseDatabaseUrl', () => {
  it('pglite: forms', () => {
    expect(parseDatabaseUrl('pglite:')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseUrl('pglite://')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseUrl('pglite:./data')).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(parseDatabaseUrl('pglite:///var/db')).toEqual({ kind: 'pglite', dataDir: '/var/db' });
  });

  it('postgres:// and postgresql:// with a (decoded) database name', () => {
    expect(parseDatabaseUrl('postgres://u@h/app')).toEqual({ kind: 'postgresql', url: 'postgres://u@h/app', dbName: 'app' });
    expect(parseDatabaseUrl('postgresql://h:5432/my%20db')).toEqual({ kind: 'postgresql', url: 'postgresql://h:5432/my%20db', dbName: 'my db' });
  });

  it('refuses other schemes, non-URLs and a missing database name, masking the password', () => {
    const scheme = thrown(() => parseDatabaseUrl('mysql://u:pw@h/app'));
    expect(scheme).toBeInstanceOf(GainslyConfigError);
    expect((scheme as Error).message).toBe('Unsupported database URL scheme "mysql:" in mysql://u:***@h/app. Use postgres://, postgresql://, pglite: or pglite:<dir>.');
    expect((thrown(() => parseDatabaseUrl('post gres://u:pw@h/x')) as Error).message).toBe(
      'Not a database URL: "post gres://u:***@h/x". Use postgres://user:password@host:5432/db, or pglite: for an in-memory database.',
    );
    expect((thrown(() => parseDatabaseUrl('postgres://u:pw@h:5432/')) as Error).message).toBe('The database URL postgres://u:***@h:5432/ names no database (…/dbname).');
    expect((scheme as GainslyConfigError).name).toBe('GainslyConfigError');
  });
});

describe('GainslyNamingStrategy: upstream names', () => {
  const strategy = new GainslyNamingStrategy();
  it.each([
    ['users', ['id'], 'primary', 'users_pkey'],
    ['programs', ['user_id'], 'foreign', 'programs_user_id_fkey'],
    ['users', ['email'], 'unique', 'users_email_key'],
    ['programs', ['user_id'], 'index', 'ix_programs_user_id'],
    ['users', ['id'], 'sequence', 'users_id_seq'],
    ['programs', ['goal_a', 'goal_b'], 'check', 'programs_goal_a_goal_b_check'],
    ['public.programs', ['user_id', 'start_date'], 'index', 'ix_programs_user_id_start_date'],
    ['a.b.users', ['id'], 'primary', 'users_pkey'],
  ] as const)('%s %j %s -> %s', (table, columns, kind, name) => {
    expect(strategy.indexName(table, [...columns], kind)).toBe(name);
  });

  it('leaves other kinds to MikroORM', () => {
    expect(strategy.indexName('programs', ['x'], 'default')).not.toMatch(/^ix_|_pkey$|_fkey$|_key$|_seq$|_check$/);
  });
});

describe('floatMeanSql', () => {
  it('scales by 2^-64 before an ordered sum and back after dividing by the count', () => {
    expect(floatMeanSql('pe.e1rm_value', 'pe.id')).toBe(
      '(sum(pe.e1rm_value * 5.421010862427522e-20::float8 order by pe.id) / count(pe.e1rm_value) * 18446744073709551616::float8)',
    );
    expect(5.421010862427522e-20).toBe(2 ** -64);
    expect(18446744073709551616).toBe(2 ** 64);
  });
});

describe('argument checks', () => {
  function issuesOf(fn: () => unknown) {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(GainslyValidationError);
    return (error as GainslyValidationError).issues.map((issue) => ({ path: issue.path, message: issue.message }));
  }

  it('optionalId passes undefined and null through and checks anything else', () => {
    expect(optionalId(undefined, 'id')).toBeUndefined();
    expect(optionalId(null, 'id')).toBeUndefined();
    expect(optionalId(7, 'id')).toBe(7);
    expect(issuesOf(() => optionalId(0, 'programId'))[0]!.path).toEqual(['programId']);
  });

  it('requireDateRange: from == to is fine, to before from names `to` and the from date', () => {
    expect(requireDateRange('2026-01-05', '2026-01-05')).toEqual({ from: '2026-01-05', to: '2026-01-05' });
    expect(issuesOf(() => requireDateRange('2026-01-05', '2026-01-04'))).toEqual([{ path: ['to'], message: 'must not be before from (2026-01-05)' }]);
    expect(issuesOf(() => requireDateRange('2026-02-30', '2026-03-01'))[0]!.path).toEqual(['from']);
    expect(issuesOf(() => requireDateRange('2026-03-01', 'soon'))[0]!.path).toEqual(['to']);
  });

  it('requireString: max characters pass, max + 1 fail; each maximum is its own rule', () => {
    expect(requireString('abc', 'name', 3)).toBe('abc');
    expect(issuesOf(() => requireString('abcd', 'name', 3))).toEqual([{ path: ['name'], message: 'must be at most 3 characters (got 4)' }]);
    expect(requireString('abcd', 'name', 4)).toBe('abcd');
    expect(issuesOf(() => requireString('abc', 'name', 2))).toEqual([{ path: ['name'], message: 'must be at most 2 characters (got 3)' }]);
  });

  it('checkFindOptions: nothing or a plain object; limit and offset checked at options.limit / options.offset', () => {
    expect(checkFindOptions(undefined)).toBeUndefined();
    expect(checkFindOptions(null)).toBeNull();
    const options = { limit: 10, offset: 0, orderBy: { id: 'asc' } };
    expect(checkFindOptions(options)).toBe(options);
    expect(checkFindOptions(Object.assign(Object.create(null), { limit: 1 }))).toEqual({ limit: 1 });
    expect(issuesOf(() => checkFindOptions([] as unknown))).toEqual([{ path: ['options'], message: 'must be an object of MikroORM find options' }]);
    expect(issuesOf(() => checkFindOptions(new Date() as unknown, 'findOptions'))).toEqual([{ path: ['findOptions'], message: 'must be an object of MikroORM find options' }]);
    expect(issuesOf(() => checkFindOptions({ limit: -1 }))[0]!.path).toEqual(['options', 'limit']);
    expect(issuesOf(() => checkFindOptions({ offset: -1 }))[0]!.path).toEqual(['options', 'offset']);
    expect(checkFindOptions({ limit: null, offset: undefined })).toEqual({ limit: null, offset: undefined });
  });

  it('checkFindOptions: limit is 1..10000, offset 0..2147483647, each with its own rule', () => {
    expect(issuesOf(() => checkFindOptions({ limit: 0 }))).toEqual([{ path: ['options', 'limit'], message: 'must be an integer between 1 and 10000' }]);
    expect(issuesOf(() => checkFindOptions({ limit: 10_001 }))[0]!.message).toBe('must be an integer between 1 and 10000');
    expect(checkFindOptions({ limit: 10_000, offset: 0 })).toEqual({ limit: 10_000, offset: 0 });
    expect(checkFindOptions({ offset: 10_001 })).toEqual({ offset: 10_001 });
    expect(issuesOf(() => checkFindOptions({ offset: 2_147_483_648 }))).toEqual([{ path: ['options', 'offset'], message: 'must be an integer between 0 and 2147483647' }]);
  });

  it('a bad argument is reported as invalid "arguments"', () => {
    const error = thrown(() => requireDateRange('2026-01-05', '2026-01-04')) as GainslyValidationError;
    expect(error.input).toBe('arguments');
    expect(error.message.startsWith('Invalid arguments: ')).toBe(true);
    expect((thrown(() => checkFilter(7)) as GainslyValidationError).input).toBe('arguments');
  });

  it('checkFilter: a plain object only', () => {
    const where = { id: 1 };
    expect(checkFilter(where)).toBe(where);
    expect(issuesOf(() => checkFilter(undefined))).toEqual([{ path: ['where'], message: 'must be an object (a MikroORM filter)' }]);
    expect(checkFilter(Object.create(null) as object)).toEqual({});
    expect(issuesOf(() => checkFilter([{ id: 1 }]))).toEqual([{ path: ['where'], message: 'must be an object (a MikroORM filter)' }]);
    expect(issuesOf(() => checkFilter(null))).toEqual([{ path: ['where'], message: 'must be an object (a MikroORM filter)' }]);
    expect(issuesOf(() => checkFilter('id = 1', 'filter'))).toEqual([{ path: ['filter'], message: 'must be an object (a MikroORM filter)' }]);
  });

  it('definedOnly drops undefined entries and keeps null, 0, false and empty strings', () => {
    expect(definedOnly({ a: undefined, b: null, c: 0, d: false, e: '' })).toEqual({ b: null, c: 0, d: false, e: '' });
    expect(Object.keys(definedOnly({ a: undefined, b: 1 }))).toEqual(['b']);
  });
});

describe('stored values', () => {
  const at = { table: 'movements', column: 'equipment_tags', rowId: 12 };

  it('storedValueError names table, column, row, value and expectation, and carries them', () => {
    const error = storedValueError(at, 'barbell', 'a JSON array of strings (or null)');
    expect(error).toBeInstanceOf(GainslyDataError);
    expect(error.message).toBe(
      'movements.equipment_tags of row 12 holds "barbell", which is not a JSON array of strings (or null); the library cannot read it (`gainsly-db audit` lists such values: fix the row and retry)',
    );
    expect([error.table, error.column, error.value, error.rowId]).toEqual(['movements', 'equipment_tags', 'barbell', 12]);
  });

  it('without a row id the message has no row and rowId is null; row 0 is still named', () => {
    const error = storedValueError({ table: 't', column: 'c' }, 5, 'x');
    expect(error.message.startsWith('t.c holds 5, which is not x;')).toBe(true);
    expect(error.rowId).toBeNull();
    expect(storedValueError({ table: 't', column: 'c', rowId: 0 }, 5, 'x').message.startsWith('t.c of row 0 holds 5')).toBe(true);
  });

  it('previews long values to 80 characters and odd values without throwing', () => {
    const long = storedValueError({ table: 't', column: 'c' }, 'x'.repeat(100), 'y').message;
    expect(long.startsWith(`t.c holds "${'x'.repeat(76)}..., which`)).toBe(true);
    const eighty = 'x'.repeat(78); // JSON.stringify adds 2 quotes: exactly 80 characters, not cut
    expect(storedValueError({ table: 't', column: 'c' }, eighty, 'y').message.startsWith(`t.c holds "${eighty}", which`)).toBe(true);
    expect(storedValueError({ table: 't', column: 'c' }, undefined, 'y').message.startsWith('t.c holds undefined, which')).toBe(true);
    expect(storedValueError({ table: 't', column: 'c' }, 10n, 'y').message.startsWith('t.c holds [object BigInt], which')).toBe(true);
    expect(storedValueError({ table: 't', column: 'c' }, () => 1, 'y').message.startsWith('t.c holds () => 1, which')).toBe(true);
    expect(storedValueError({ table: 't', column: 'c' }, [1, 'a'], 'y').message.startsWith('t.c holds [1,"a"], which')).toBe(true);
  });

  it('withRowId adds the row to an error that lacks it, in place or at the end, and keeps one that has it', () => {
    const plain = storedValueError({ table: 't', column: 'c' }, 1, 'x');
    const added = withRowId(plain, 9);
    expect(added.message.startsWith('t.c of row 9 holds 1, which is not x;')).toBe(true);
    expect(added.rowId).toBe(9);
    expect([added.table, added.column, added.value]).toEqual(['t', 'c', 1]);
    const other = new GainslyDataError('something else', 't', 'c', 1);
    expect(withRowId(other, 4).message).toBe('something else (row 4)');
    const known = storedValueError({ table: 't', column: 'c', rowId: 2 }, 1, 'x');
    expect(withRowId(known, 9)).toBe(known);
  });

  it('checkStored returns a fitting value and throws for one that does not fit', () => {
    expect(checkStored(STORED_JSON.stringList, ['a'], at)).toEqual(['a']);
    const error = thrown(() => checkStored(STORED_JSON.stringList, 'a', at)) as GainslyDataError;
    expect(error.message).toContain('holds "a", which is not a JSON array of strings (or null);');
  });

  it('storedLabel maps a known label and names the known labels otherwise', () => {
    expect(storedLabel(ENUMS.MovementRuleType, 'HARD_NO', at)).toBe(MovementRuleType.HARD_NO);
    for (const label of ['hard_no', 'toString', 7]) {
      const error = thrown(() => storedLabel(ENUMS.MovementRuleType, label, at)) as GainslyDataError;
      expect(error).toBeInstanceOf(GainslyDataError);
      expect(error.message).toContain('which is not a MovementRuleType label this version of the library knows (HARD_NO, HARD_YES, PREFERRED);');
    }
    // Only a string is a label: a list holding one (an enum array column) is not read as that label.
    expect(thrown(() => storedLabel(ENUMS.MovementRuleType, ['HARD_NO'], at))).toBeInstanceOf(GainslyDataError);
    expect(labelExpectation(ENUMS.MovementRuleType)).toBe('a MovementRuleType label this version of the library knows (HARD_NO, HARD_YES, PREFERRED)');
  });

  it('enumValueShape accepts semantic values only', () => {
    const s = enumValueShape(ENUMS.MovementRuleType);
    expect(s.expected).toBe('a MovementRuleType value (hard_no, hard_yes, preferred)');
    expect([s.fits('hard_no'), s.fits('HARD_NO'), s.fits(null)]).toEqual([true, false, false]);
  });

  it.each([
    ['stringList', [null, [], ['a', 'b']], ['a', [1], [null], {}]],
    ['secondaryMuscles', [null, [], ['glutes', 'calves']], ['glutes', ['GLUTES'], ['glutes', 'arms']]],
    ['objectOrNull', [null, {}, { a: 1 }], [[], 'x', 1]],
    ['object', [{}, { a: [] }], [null, [], 'x']],
    ['array', [[], [1, 'a']], [null, {}, 'x']],
    ['disciplines', [null, [], [{ discipline: 'x', weight: 1 }]], [{}, [{ discipline: 1, weight: 1 }], [{ discipline: 'x', weight: '1' }], [null], [{ weight: 1 }]]],
    ['exerciseSection', [null, [], [{}, { a: 1 }]], [{}, [[]], [null], ['x']]],
    ['finisher', [null, {}, [], [{}]], ['x', [1], [[]]]],
    ['bucketStress', [{}, { strength: 1, cns: 0 }], [null, [], { strength: '1' }, { arms: 1 }, { STRENGTH: 1 }]],
  ] as const)('STORED_JSON.%s fits %j and not %j', (name, good, bad) => {
    const s = STORED_JSON[name];
    for (const value of good) expect(s.fits(value), JSON.stringify(value)).toBe(true);
    for (const value of bad) expect(s.fits(value), JSON.stringify(value)).toBe(false);
  });

  it('STORED_JSON expectations name the shape', () => {
    expect(STORED_JSON.objectOrNull.expected).toBe('a JSON object (or null)');
    expect(STORED_JSON.object.expected).toBe('a JSON object');
    expect(STORED_JSON.array.expected).toBe('a JSON array');
    expect(STORED_JSON.finisher.expected).toBe('a finisher block object (or null)');
    expect(STORED_JSON.exerciseSection.expected).toBe('a JSON array of exercise block objects (or null)');
    expect(STORED_JSON.secondaryMuscles.expected).toBe('a JSON array of PrimaryMuscle values (or null)');
    expect(STORED_JSON.disciplines.expected).toBe('a JSON array of { discipline: string, weight: number } (or null)');
    expect(STORED_JSON.bucketStress.expected).toBe('a JSON object of StressBucket values (strength, conditioning, impact_upper, impact_lower, cns) to numbers');
  });

  it('checkStoredRow checks each listed column and names the first that does not fit, with the row id', () => {
    const columns = [
      { key: 'tags', column: 'equipment_tags', shape: STORED_JSON.stringList },
      { key: 'blob', column: 'json_blob', shape: STORED_JSON.object },
    ];
    expect(() => checkStoredRow('movements', { tags: ['a'], blob: {} }, 3, columns)).not.toThrow();
    const error = thrown(() => checkStoredRow('movements', { tags: ['a'], blob: [] }, 3, columns)) as GainslyDataError;
    expect([error.table, error.column, error.rowId, error.value]).toEqual(['movements', 'json_blob', 3, []]);
    expect(error.message.startsWith('movements.json_blob of row 3 holds [], which is not a JSON object;')).toBe(true);
  });
});
