// Mutation testing (issue #24, test/README.md): the column option builders of src/orm/columns.ts,
// which decide the SQL type, nullability and defaults of the entity columns (upstream's schema),
// and the table/column a strict column type names when a stored value does not fit.
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { ENUMS } from '../../src/enums/index.js';
import {
  createdAtColumn,
  doubleColumn,
  enumStringColumn,
  jsonColumn,
  NO_ACTION,
  sqlEnum,
  StoredEnumStringType,
  StoredJsonType,
  timestampColumn,
  UTC_NOW,
} from '../../src/orm/columns.js';
import { GainslyNamingStrategy } from '../../src/orm/naming-strategy.js';
import { PgEnumType } from '../../src/orm/pg-enum-type.js';
import { STORED_JSON } from '../../src/orm/stored-values.js';

describe('column option builders', () => {
  it('sqlEnum: the PostgreSQL enum type, its labels as items, extra options on top', () => {
    const options = sqlEnum(ENUMS.MovementRuleType);
    expect(options.type).toBeInstanceOf(PgEnumType);
    expect((options.type as PgEnumType<string, string>).codec).toBe(ENUMS.MovementRuleType);
    expect(options.nativeEnumName).toBe('movementruletype');
    expect(options.items).toEqual(['HARD_NO', 'HARD_YES', 'PREFERRED']);
    const goal = sqlEnum(ENUMS.Goal, { fieldName: 'goal_1', nullable: true });
    expect([goal.nativeEnumName, goal.fieldName, goal.nullable]).toEqual(['goal', 'goal_1', true]);
  });

  it('sqlEnum of an enum stored as a string is a programming error naming the enum', () => {
    expect(() => sqlEnum(ENUMS.PrimaryMuscle as never)).toThrow(new TypeError('PrimaryMuscle is stored as a string, not a PostgreSQL enum'));
  });

  it('jsonColumn: json (not jsonb), strict to its shape', () => {
    const options = jsonColumn(STORED_JSON.stringList, { nullable: true });
    expect(options.type).toBeInstanceOf(StoredJsonType);
    expect((options.type as StoredJsonType).shape).toBe(STORED_JSON.stringList);
    expect([options.columnType, options.nullable]).toEqual(['json', true]);
    expect(Object.keys(jsonColumn(STORED_JSON.object)).sort()).toEqual(['columnType', 'type']);
  });

  it('enumStringColumn: a strict string type for the codec', () => {
    const options = enumStringColumn(ENUMS.PrimaryMuscle, { length: 50 });
    expect(options.type).toBeInstanceOf(StoredEnumStringType);
    expect((options.type as StoredEnumStringType).codec).toBe(ENUMS.PrimaryMuscle);
    expect(options.length).toBe(50);
  });

  it('timestamps are naive UTC, nullable; created_at defaults to now in UTC', () => {
    expect(timestampColumn()).toEqual({ type: 'datetime', columnType: 'timestamp', nullable: true });
    expect(timestampColumn({ nullable: false })).toEqual({ type: 'datetime', columnType: 'timestamp', nullable: false });
    expect(UTC_NOW).toBe("timezone('utc'::text, now())");
    expect(createdAtColumn()).toEqual({ type: 'datetime', columnType: 'timestamp', nullable: true, defaultRaw: "timezone('utc'::text, now())" });
    expect(createdAtColumn({ defaultRaw: 'now()', fieldName: 'made_at' })).toEqual({ type: 'datetime', columnType: 'timestamp', nullable: true, defaultRaw: 'now()', fieldName: 'made_at' });
  });

  it('doubleColumn: double precision read as a number', () => {
    expect(doubleColumn()).toEqual({ type: 'float', columnType: 'double precision' });
    expect(doubleColumn({ nullable: true })).toEqual({ type: 'float', columnType: 'double precision', nullable: true });
  });

  it('foreign keys are NO ACTION both ways, as upstream', () => {
    expect(NO_ACTION).toEqual({ deleteRule: 'no action', updateRule: 'no action' });
  });
});

describe('strict column types name where the value is', () => {
  const platform = new PostgreSqlPlatform();

  it('StoredJsonType: a json column\'s string is a JSON string; JSON handed over as text is parsed first', () => {
    // pg parses json columns itself, so a string there is a stored JSON string, never JSON text.
    const json = new StoredJsonType(STORED_JSON.stringList);
    Object.assign(json, { prop: { columnTypes: ['json'], fieldNames: ['equipment_tags'] }, meta: { tableName: 'movements' } });
    expect(() => json.checkStored('barbell', platform)).toThrow('movements.equipment_tags holds "barbell", which is not a JSON array of strings (or null);');
    const text = new StoredJsonType(STORED_JSON.stringList);
    Object.assign(text, { prop: { columnTypes: ['text'], fieldNames: ['equipment_tags'] }, meta: { tableName: 'movements' } });
    expect(() => text.checkStored('["a"]', platform)).not.toThrow();
    expect(() => text.checkStored('null', platform)).not.toThrow();
    expect(() => text.checkStored('"barbell"', platform)).toThrow('movements.equipment_tags holds "barbell", which is not a JSON array of strings (or null);');
  });

  it('a type bound to a table but no column (or no field names) names the column "?"', () => {
    const json = new StoredJsonType(STORED_JSON.object);
    Object.assign(json, { meta: { tableName: 'sessions' } });
    expect(() => json.checkStored([], platform)).toThrow('sessions.? holds [], which is not a JSON object;');
    Object.assign(json, { prop: { fieldNames: [] } });
    expect(() => json.checkStored([], platform)).toThrow('sessions.? holds [], which is not a JSON object;');
    const text = new StoredEnumStringType(ENUMS.PrimaryMuscle);
    Object.assign(text, { prop: { fieldNames: ['primary_muscle'] }, meta: { tableName: 'movements' } });
    expect(() => text.checkStored('GLUTES')).toThrow(/^movements\.primary_muscle holds "GLUTES", which is not a PrimaryMuscle value \(/);
    expect(() => text.checkStored('glutes')).not.toThrow();
  });

  it('a column with no field names is named "?" by each strict type', () => {
    const json = new StoredJsonType(STORED_JSON.object);
    Object.assign(json, { prop: {}, meta: { tableName: 't' } });
    expect(() => json.checkStored([], platform)).toThrow('t.? holds [], which is not a JSON object;');
    const text = new StoredEnumStringType(ENUMS.MovementRuleType);
    Object.assign(text, { prop: {}, meta: { tableName: 't' } });
    expect(() => text.checkStored('HARD_NO')).toThrow('t.? holds "HARD_NO", which is not a MovementRuleType value');
    const pg = new PgEnumType(ENUMS.MovementRuleType);
    Object.assign(pg, { prop: {}, meta: { tableName: 't' } });
    expect(() => pg.checkStored('MAYBE')).toThrow('t.? holds "MAYBE", which is not a MovementRuleType label');
  });

  it('PgEnumType of a codec without a PostgreSQL type declares text', () => {
    expect(new PgEnumType(ENUMS.PrimaryMuscle as never).getColumnType({} as never, platform)).toBe('text');
  });

  it('PgEnumType names table and column of an unknown label', () => {
    const type = new PgEnumType(ENUMS.MovementRuleType);
    Object.assign(type, { prop: { fieldNames: ['rule_type'] }, meta: { tableName: 'movement_rules' } });
    expect(() => type.convertToJSValue('MAYBE' as never)).toThrow(/^movement_rules\.rule_type holds "MAYBE", which is not a MovementRuleType label/);
    expect(() => type.checkStored(undefined)).not.toThrow();
  });
});

describe('GainslyNamingStrategy: the table is the last part of a qualified name, for every kind', () => {
  // MikroORM's own naming keeps everything after the FIRST dot; upstream's names use the bare table.
  const strategy = new GainslyNamingStrategy();
  it.each([
    ['sequence', 'users_id_seq'],
    ['check', 'users_id_check'],
    ['foreign', 'users_id_fkey'],
    ['unique', 'users_id_key'],
    ['index', 'ix_users_id'],
  ] as const)('a.b.users %s -> %s', (kind, name) => {
    expect(strategy.indexName('a.b.users', ['id'], kind)).toBe(name);
  });
});
