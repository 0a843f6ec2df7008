// The SQL of an import's staging table and its batched upsert, built from the kind's columns.
import { qualified, quoteIdent } from '../../orm/sql-helpers.js';
import type { ImportKind, Prepared, TargetColumn } from './kind.js';

/**
 * A record as staged: short keys (`m` mask of the fields the record has, `c<i>` the i-th column's
 * value, omitted when NULL) keep the batch's JSON small, which matters more than anything else for
 * bulk speed; they are the staging table's column names ({@link stagingColumns}). Its position in
 * the file is the staging row's `ord`.
 */
export function encodeRow(kind: ImportKind, row: Prepared): Record<string, unknown> {
  let mask = 0;
  const out: Record<string, unknown> = {};
  kind.columns.forEach((col, i) => {
    const value = row.values[col.column];
    if (value !== undefined) mask |= 1 << i;
    const stored = value === undefined ? col.default : value;
    if (stored !== null) out[`c${i}`] = stored;
  });
  out.m = mask;
  return out;
}

/** The staging table's record columns: `m` (the mask of fields a record has) and `c<i>` typed as the target's i-th column. */
export function stagingColumns(kind: ImportKind): string {
  return `m integer, ${kind.columns.map((c, n) => `c${n} ${c.type}`).join(', ')}`;
}

/** Whether staged rows `s` and `w` hold the same record (json has no equality operator: compared as jsonb). */
export function sameValues(kind: ImportKind): string {
  const list = (alias: string) => [`${alias}.m`, ...kind.columns.map((c, n) => (c.type === 'json' ? `${alias}.c${n}::jsonb` : `${alias}.c${n}`))].join(', ');
  return `(${list('s')}) is not distinct from (${list('w')})`;
}

/**
 * One statement that upserts the next batch of staged records (the `?`s: the last `ord` written and
 * the batch size): updates the row with each key (the
 * lowest id when the key is not unique) where a field the record has differs, inserts the keys
 * that do not exist, and returns each record's status (`updated`, `inserted`, `owned`; records not
 * returned were unchanged), and a `batch` row: the batch's last `ord` and its size.
 */
export function upsertSql(kind: ImportKind, schema: string, stage: string): string {
  const table = qualified(schema, kind.table);
  const q = quoteIdent;
  const index = new Map(kind.columns.map((c, i) => [c.column, i]));
  const input = (c: TargetColumn) => `i.c${index.get(c.column)}`;
  const keyCols = kind.key.map(q);
  const keyInputs = kind.key.map((k) => `i.c${index.get(k)}`);
  const match = (a: string) => kind.key.map((k, n) => `${a}.${q(k)} = ${keyInputs[n]}`).join(' and ');
  const value = (c: TargetColumn) => (c.enumType ? `${input(c)}::${qualified(schema, c.enumType)}` : input(c));
  const comparable = (expr: string, c: TargetColumn) => (c.type === 'json' ? `${expr}::jsonb` : c.enumType ? `${expr}::text` : expr);
  const has = (c: TargetColumn) => `(i.m & ${1 << index.get(c.column)!}) <> 0`;
  const fields = kind.columns.filter((c) => !kind.key.includes(c.column));
  const owner = kind.ownerColumn;
  return `with input as (
  select s.ord as o, s.name as nm, s.m, ${kind.columns.map((_, n) => `s.c${n}`).join(', ')} from ${stage} s
   where s.ord > ? order by s.ord limit ?
), target as (
  select distinct on (${keyCols.map((k) => `t.${k}`).join(', ')}) t.id, ${keyCols.map((k) => `t.${k}`).join(', ')}${owner ? `, t.${q(owner)} as owner` : ''}
    from ${table} t join input i on ${match('t')}
   order by ${keyCols.map((k) => `t.${k}`).join(', ')}, t.id
), updated as (
  update ${table} t set ${fields.map((c) => `${q(c.column)} = case when ${has(c)} then ${value(c)} else t.${q(c.column)} end`).join(', ')}
    from input i join target g on ${match('g')}
   where t.id = g.id${owner ? ' and g.owner is null' : ''}
     and (${fields.map((c) => `(${has(c)} and ${comparable(`t.${q(c.column)}`, c)} is distinct from ${comparable(input(c), c)})`).join(' or ')})
  returning i.o, t.id
), inserted as (
  insert into ${table} (${[...kind.columns.map((c) => q(c.column)), ...(kind.insertOnly ?? []).map((c) => q(c.column))].join(', ')})
  select ${[...kind.columns.map(value), ...(kind.insertOnly ?? []).map((c) => c.sql)].join(', ')}
    from input i where not exists (select 1 from target g where ${match('g')})
   order by i.o
  returning id, ${keyCols.join(', ')}
)
select 'updated' as status, o as ord, id, null::text as name from updated
union all
select 'inserted', i.o, n.id, null from inserted n join input i on ${match('n')}${
    owner
      ? `
union all
select 'owned', i.o, g.id, i.nm from input i join target g on ${match('g')} where g.owner is not null`
      : ''
  }
union all
select 'batch', max(o), count(*)::int, null from input`;
}
