#!/usr/bin/env node
// Measures the 19 Gainsly tables of a database: rows (exact count(*)), heap, index and total size,
// and for pattern_exposures and top_set_logs the rows per month and per user. The figures of
// docs/scaling.md come from this script run on the bench's 1,000-user database:
//
//   npm run bench -- --size 1000u --keep        # generate gainsly_bench_1000u and keep it
//   node scripts/measure-table-sizes.mjs        # that database on 127.0.0.1:5432
//   node scripts/measure-table-sizes.mjs postgresql://postgres@127.0.0.1:5432/gainsly_bench_5y --json
//
// Read-only: it runs SELECTs only (count(*) reads every table in full: a minute or so at 1000u).

import { execFileSync } from 'node:child_process';
import pg from 'pg';

const args = process.argv.slice(2);
const json = args.includes('--json');
const url = args.find((a) => !a.startsWith('--')) ?? 'postgresql://postgres@127.0.0.1:5432/gainsly_bench_1000u';

const TABLES = [
  'users', 'user_settings', 'user_movement_rules', 'user_enjoyable_activities', 'programs', 'microcycles', 'sessions',
  'session_exercises', 'movements', 'movement_relationships', 'circuit_templates', 'workout_logs', 'top_set_logs',
  'pattern_exposures', 'soreness_logs', 'recovery_signals', 'heuristic_configs', 'conversation_threads', 'conversation_turns',
];

function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

const client = new pg.Client({ connectionString: url });
await client.connect();
const q = async (sql, params) => (await client.query(sql, params)).rows;

const [server] = await q(`select current_database() as db, version() as version, now() at time zone 'UTC' as measured_at,
                                 current_setting('shared_buffers') as shared_buffers, current_setting('block_size') as block_size`);

const tables = [];
for (const table of TABLES) {
  const [size] = await q(
    `select pg_total_relation_size(c.oid)::bigint as total, pg_relation_size(c.oid)::bigint as heap,
            pg_indexes_size(c.oid)::bigint as indexes,
            (select count(*) from pg_index i where i.indrelid = c.oid)::int as index_count
       from pg_class c where c.oid = $1::regclass`,
    [table],
  );
  const [{ n }] = await q(`select count(*)::bigint as n from ${table}`);
  const rows = Number(n);
  const total = Number(size.total);
  const heap = Number(size.heap);
  const indexes = Number(size.indexes);
  tables.push({ table, rows, heap, indexes, other: total - heap - indexes, total, indexCount: size.index_count, bytesPerRow: rows ? Math.round(total / rows) : null });
}

/** Rows per calendar month of a date expression, with the summary statistics of the monthly counts. */
async function perMonth(from, dateExpr) {
  const months = await q(`select to_char(date_trunc('month', ${dateExpr}), 'YYYY-MM') as month, count(*)::bigint as n ${from} group by 1 order by 1`);
  const [range] = await q(`select to_char(min(${dateExpr}), 'YYYY-MM-DD') as first, to_char(max(${dateExpr}), 'YYYY-MM-DD') as last,
                                  count(*) filter (where ${dateExpr} is null)::bigint as nulls ${from}`);
  const counts = months.map((m) => Number(m.n)).sort((a, b) => a - b);
  const pick = (p) => counts[Math.min(counts.length - 1, Math.floor(p * counts.length))];
  return {
    ...range,
    nulls: Number(range.nulls),
    months: months.length,
    min: counts[0],
    median: pick(0.5),
    max: counts[counts.length - 1],
    byMonth: Object.fromEntries(months.map((m) => [m.month, Number(m.n)])),
  };
}

/** Rows per user: distribution over the users that have any. */
async function perUser(from, userExpr) {
  const [r] = await q(`select count(*)::int as users, min(n)::bigint as min,
                              percentile_disc(0.5) within group (order by n)::bigint as median,
                              percentile_disc(0.95) within group (order by n)::bigint as p95, max(n)::bigint as max
                         from (select ${userExpr} as u, count(*) as n ${from} group by 1) s`);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}

/** Each index of the two time-series tables, by size. */
const indexes = {};
for (const table of ['pattern_exposures', 'top_set_logs']) {
  const rows = await q(
    `select i.indexrelid::regclass::text as name, pg_relation_size(i.indexrelid)::bigint as bytes
       from pg_index i where i.indrelid = $1::regclass order by 2 desc, 1`,
    [table],
  );
  indexes[table] = rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
}

const series = {
  pattern_exposures: {
    byDate: await perMonth('from pattern_exposures', 'date'),
    perUser: await perUser('from pattern_exposures', 'user_id'),
  },
  top_set_logs: {
    // top_set_logs has no date of its own: the workout's date is workout_logs.date.
    byWorkoutDate: await perMonth('from top_set_logs t join workout_logs w on w.id = t.workout_log_id', 'w.date'),
    byCreatedAt: await perMonth('from top_set_logs', 'created_at'),
    perUser: await perUser('from top_set_logs t join workout_logs w on w.id = t.workout_log_id', 'w.user_id'),
  },
};

await client.end();

const result = { database: server.db, server: server.version, shared_buffers: server.shared_buffers, measuredAt: new Date(server.measured_at).toISOString(), commit: commit(), tables, indexes, series };

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  const out = [];
  out.push(`database ${result.database}, measured ${result.measuredAt} at commit ${result.commit}`);
  out.push(`${result.server}; shared_buffers ${result.shared_buffers}`, '');
  out.push('| table | rows | heap MB | indexes MB | toast+fsm+vm MB | total MB | bytes/row (total) |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const t of tables) out.push(`| ${t.table} | ${t.rows.toLocaleString('en-US')} | ${mb(t.heap)} | ${mb(t.indexes)} (${t.indexCount}) | ${mb(t.other)} | ${mb(t.total)} | ${t.bytesPerRow ?? ''} |`);
  const sum = tables.reduce((a, t) => ({ rows: a.rows + t.rows, total: a.total + t.total }), { rows: 0, total: 0 });
  out.push(`| **all 19** | ${sum.rows.toLocaleString('en-US')} | | | | ${mb(sum.total)} | |`, '');
  for (const [table, list] of Object.entries(indexes)) out.push(`${table} indexes (MB): ${list.map((i) => `${i.name} ${mb(i.bytes)}`).join(', ')}`);
  out.push('');
  for (const [table, s] of Object.entries(series)) {
    for (const [name, v] of Object.entries(s)) {
      if ('byMonth' in v) {
        out.push(`${table} ${name}: ${v.first} .. ${v.last}, ${v.months} months, rows per month min ${v.min} / median ${v.median} / max ${v.max}, null dates ${v.nulls}`);
        out.push(`  ${Object.entries(v.byMonth).map(([m, n]) => `${m}:${n}`).join(' ')}`);
      } else {
        out.push(`${table} ${name}: ${v.users} users, rows per user min ${v.min} / median ${v.median} / p95 ${v.p95} / max ${v.max}`);
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
