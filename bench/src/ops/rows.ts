// Operations 8 and 9: the rows forms of the list reads (docs/rows.md), against hand-written `pg`
// returning the same JSON.
//
// - 8, a month of workouts with their top sets: `forUser(em, userId).workouts.list({ from, to,
//   include: ['topSets'] })` vs one statement building the same rows (json_build_object,
//   json_agg of the top sets), timestamps formatted as JSON.stringify writes a Date.
// - 9, a program with its microcycles: `forUser(em, userId).programs.get(id, { include:
//   ['microcycles'] })` vs the same by hand.
//
// Both raw statements are prepared (named), as the library's are; checked equal to the library's
// JSON before timing.
import type pg from 'pg';
import { ANCHOR_DATE } from '../generate.js';
import { alternate } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, ratioOf, ratioTarget, rawStatement, series, statementTarget } from './common.js';

/** A timestamp as `JSON.stringify(date)` writes it (milliseconds, UTC). */
const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const RAW_WORKOUTS = rawStatement(
  'bench_raw_rows_workouts',
  `select json_build_object(
  'id', w.id, 'userId', w.user_id, 'sessionId', w.session_id, 'date', w.date, 'completed', w.completed,
  'notes', w.notes, 'perceivedDifficulty', w.perceived_difficulty, 'enjoymentRating', w.enjoyment_rating,
  'feedbackTags', w.feedback_tags, 'actualDurationMinutes', w.actual_duration_minutes,
  'createdAt', ${ISO('w.created_at')}, 'visibility', lower(w.visibility::text),
  'topSets', coalesce((select json_agg(json_build_object(
      'id', t.id, 'workoutLogId', t.workout_log_id, 'movementId', t.movement_id, 'weight', t.weight, 'reps', t.reps,
      'rpe', t.rpe, 'rir', t.rir, 'avgRestSeconds', t.avg_rest_seconds, 'e1rmValue', t.e1rm_value,
      'e1rmFormula', lower(t.e1rm_formula::text), 'pattern', lower(t.pattern::text), 'createdAt', ${ISO('t.created_at')})
    order by t.id) from top_set_logs t where t.workout_log_id = w.id), '[]'::json)) as row
  from workout_logs w
 where w.user_id = $1 and w.date >= $2::date and w.date <= $3::date
 order by w.date, w.id
 limit $4`,
);

const RAW_PROGRAM = rawStatement(
  'bench_raw_rows_program',
  `select json_build_object(
  'id', p.id, 'userId', p.user_id, 'startDate', p.start_date, 'durationWeeks', p.duration_weeks,
  'goal1', lower(p.goal_1::text), 'goal2', lower(p.goal_2::text), 'goal3', lower(p.goal_3::text),
  'goalWeight1', p.goal_weight_1, 'goalWeight2', p.goal_weight_2, 'goalWeight3', p.goal_weight_3,
  'splitTemplate', lower(p.split_template::text), 'daysPerWeek', p.days_per_week,
  'progressionStyle', lower(p.progression_style::text), 'hybridDefinition', p.hybrid_definition,
  'disciplinesJson', p.disciplines_json, 'deloadEveryNMicrocycles', p.deload_every_n_microcycles,
  'personaTone', lower(p.persona_tone::text), 'personaAggression', p.persona_aggression::text,
  'isActive', p.is_active, 'createdAt', ${ISO('p.created_at')}, 'isTemplate', p.is_template,
  'visibility', lower(p.visibility::text), 'name', p.name,
  'microcycles', coalesce((select json_agg(json_build_object(
      'id', m.id, 'programId', m.program_id, 'startDate', m.start_date, 'lengthDays', m.length_days,
      'sequenceNumber', m.sequence_number, 'status', lower(m.status::text), 'isDeload', m.is_deload)
    order by m.sequence_number, m.id) from microcycles m where m.program_id = p.id), '[]'::json)) as row
  from programs p
 where p.id = $1 and p.user_id = $2`,
);

/** PersonaAggression's labels as its semantic values (1..5), which lower() cannot give. */
function aggressionValue(ctx: OpContext, label: unknown): unknown {
  return ctx.L.enums.ENUMS.PersonaAggression.fromDb(label as never);
}

/** The month before the anchor date: the dataset's users log three to five workouts a week. */
const MONTH = { from: '2025-12-06', to: ANCHOR_DATE };
const PAGE = 100;

/** One rows read against its raw twin: checked equal (as JSON), then timed side by side. */
async function rowsRead(
  ctx: OpContext,
  spec: {
    op: number;
    key: string;
    title: string;
    libLabel: string;
    lib: () => Promise<unknown>;
    raw: (client: pg.Client) => Promise<unknown>;
    /** What the equal JSON holds, for the target's line. */
    describe: (raw: unknown) => string;
  },
): Promise<OpResult> {
  const check = await countStatements(spec.lib);
  const rawValue = await spec.raw(ctx.raw);
  const same = JSON.stringify(check.result) === JSON.stringify(rawValue);
  const result = await alternate(
    [
      { name: 'lib', run: spec.lib },
      { name: 'raw', run: () => spec.raw(ctx.raw) },
    ],
    ctx,
  );
  const ratio = ratioOf(result.lib!, result.raw!);
  const statements = result.lib!.statements;
  return {
    op: spec.op,
    key: spec.key,
    title: spec.title,
    size: ctx.dataset.spec.name,
    lib: series(spec.libLabel, result.lib!),
    raw: series('raw pg, 1 statement (JSON), prepared', result.raw!),
    ratio,
    targets: [
      // A page that finds the user's rows needs no existence probe: one statement, whatever it nests.
      statementTarget('1 statement', `lib ${statements.total}`, statements.total === 1 && !statements.varies),
      ratioTarget(ctx, ratio, 1.3),
      checkTarget('same JSON as raw', same, same ? spec.describe(rawValue) : 'DIFFER'),
    ],
    notes: [`lib statements: ${check.count.kinds.join(', ')}`],
  };
}

export function rowsWorkoutsOp(ctx: OpContext): Promise<OpResult> {
  const { userId } = ctx;
  return rowsRead(ctx, {
    op: 8,
    key: 'rows-workouts',
    title: 'rows: a month of workouts with top sets',
    libLabel: "lib: forUser(em, id).workouts.list({ from, to, include: ['topSets'] })",
    lib: async () => (await ctx.L.lib.forUser(ctx.orm.em.fork(), userId).workouts.list({ ...MONTH, include: ['topSets'] })).items,
    raw: async (client) => (await RAW_WORKOUTS.run<{ row: unknown }>(client, [userId, MONTH.from, MONTH.to, PAGE + 1])).rows.map((r) => r.row),
    describe: (rows) => `${(rows as { topSets: unknown[] }[]).length} workouts, ${(rows as { topSets: unknown[] }[]).reduce((n, r) => n + r.topSets.length, 0)} top sets`,
  });
}

export async function rowsProgramOp(ctx: OpContext): Promise<OpResult> {
  const { userId } = ctx;
  const found = await ctx.raw.query<{ id: number }>('select id from programs where user_id = $1 and is_active order by start_date desc, id desc limit 1', [userId]);
  const id = found.rows[0]!.id;
  return rowsRead(ctx, {
    op: 9,
    key: 'rows-program',
    title: 'rows: a program with its microcycles',
    libLabel: "lib: forUser(em, id).programs.get(id, { include: ['microcycles'] })",
    lib: () => ctx.L.lib.forUser(ctx.orm.em.fork(), userId).programs.get(id, { include: ['microcycles'] }),
    raw: async (client) => {
      const row = (await RAW_PROGRAM.run<{ row: Record<string, unknown> }>(client, [id, userId])).rows[0]!.row;
      row.personaAggression = aggressionValue(ctx, row.personaAggression);
      return row;
    },
    describe: (row) => `${(row as { microcycles: unknown[] }).microcycles.length} microcycles`,
  });
}
