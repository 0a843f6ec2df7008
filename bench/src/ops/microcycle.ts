// Operation 3: load one microcycle with its sessions, their exercises and the exercises' movements,
// for display (the user's current week).
//
// - lib: `MicrocycleRepository.findForDisplay(id, { userId })`, the library's read model: one
//   statement, plain typed data (`MicrocycleView`), enum labels converted to semantic values.
// - raw: one hand-written statement through `pg` returning the same tree (same fields, same order,
//   semantic enum values via lower(label)), checked equal to the library's before timing.
// - extra, no target: the entity way, `em.findOneOrFail(Microcycle, { id, program: { user } },
//   { populate: ['sessions.exercises.movement'] })` (MikroORM's default loading: a query per
//   to-many level) then display order in JS: what `me.sessions.microcycle(id)` does, for when the
//   week will be changed.
import type pg from 'pg';
import { ANCHOR_DATE } from '../generate.js';
import { alternateApart } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, ratioOf, ratioTarget, rawStatement, series, statementTarget, unnamedNote, interleavedNote, type RawMode } from './common.js';

/** The tree as a service would write it by hand: json_build_object per level, enums lower-cased. */
const RAW_MICROCYCLE_SQL = `
select json_build_object(
  'id', m.id, 'programId', m.program_id, 'startDate', m.start_date, 'lengthDays', m.length_days,
  'sequenceNumber', m.sequence_number, 'status', lower(m.status::text), 'isDeload', m.is_deload,
  'sessions', coalesce((
    select json_agg(json_build_object(
      'id', s.id, 'date', s.date, 'dayNumber', s.day_number, 'sessionType', lower(s.session_type::text),
      'intentTags', s.intent_tags, 'warmupJson', s.warmup_json, 'mainJson', s.main_json,
      'accessoryJson', s.accessory_json, 'finisherJson', s.finisher_json, 'cooldownJson', s.cooldown_json,
      'estimatedDurationMinutes', s.estimated_duration_minutes, 'warmupDurationMinutes', s.warmup_duration_minutes,
      'mainDurationMinutes', s.main_duration_minutes, 'accessoryDurationMinutes', s.accessory_duration_minutes,
      'finisherDurationMinutes', s.finisher_duration_minutes, 'cooldownDurationMinutes', s.cooldown_duration_minutes,
      'coachNotes', s.coach_notes, 'mainCircuitId', s.main_circuit_id, 'finisherCircuitId', s.finisher_circuit_id,
      'exercises', coalesce((
        select json_agg(json_build_object(
          'id', e.id, 'role', lower(e.role::text), 'orderInSession', e.order_in_session, 'supersetGroup', e.superset_group,
          'targetSets', e.target_sets, 'targetRepRangeMin', e.target_rep_range_min, 'targetRepRangeMax', e.target_rep_range_max,
          'targetRpe', e.target_rpe, 'targetRir', e.target_rir, 'targetDurationSeconds', e.target_duration_seconds,
          'defaultRestSeconds', e.default_rest_seconds, 'isComplexLift', e.is_complex_lift,
          'substitutionAllowed', e.substitution_allowed, 'notes', e.notes,
          'movement', json_build_object(
            'id', mv.id, 'name', mv.name, 'pattern', mv.pattern, 'primaryMuscle', mv.primary_muscle,
            'primaryRegion', mv.primary_region, 'metricType', mv.metric_type, 'isUnilateral', mv.is_unilateral,
            'equipmentTags', mv.equipment_tags, 'userId', mv.user_id))
          order by e.order_in_session, e.id)
          from session_exercises e join movements mv on mv.id = e.movement_id
         where e.session_id = s.id), '[]'::json))
      order by s.day_number, s.id)
      from sessions s where s.microcycle_id = m.id), '[]'::json)) as view
  from microcycles m join programs p on p.id = m.program_id
 where m.id = $1 and p.user_id = $2`;

interface Tree {
  id: number;
  sessions: { id: number; exercises: { id: number; movement: { id: number; name: string } }[] }[];
}

const RAW_MICROCYCLE_STATEMENT = rawStatement('bench_raw_microcycle', RAW_MICROCYCLE_SQL);

async function rawMicrocycle(raw: pg.Client, id: number, userId: number, mode: RawMode = 'prepared'): Promise<Tree> {
  const { rows } = await RAW_MICROCYCLE_STATEMENT.run<{ view: Tree }>(raw, [id, userId], mode);
  if (!rows[0]) throw new Error(`microcycle ${id} not found`);
  return rows[0].view;
}

/** Session ids, then exercise:movement ids, in display order. */
function shapeOf(tree: Tree): string {
  return tree.sessions.map((s) => `${s.id}[${s.exercises.map((e) => `${e.id}:${e.movement.id}:${e.movement.name}`).join(',')}]`).join(' ');
}

export async function microcycleOp(ctx: OpContext): Promise<OpResult> {
  const { raw, userId } = ctx;
  const { Microcycle } = ctx.L.lib;
  const current = await raw.query<{ id: number }>(
    `select m.id from microcycles m join programs p on p.id = m.program_id
      where p.user_id = $1 and p.is_active and m.start_date <= $2::date and $2::date < m.start_date + m.length_days`,
    [userId, ANCHOR_DATE],
  );
  const id = current.rows[0]!.id;
  // What a request handler calls: a fresh EntityManager per request.
  const lib = () => ctx.orm.em.fork().getRepository(Microcycle).findForDisplay(id, { userId });
  // The entity way (MikroORM's default balanced loading, then display order in JS; a nested
  // `populateOrderBy` makes MikroORM join every exercise into the sessions query: ~30% slower).
  const entities = async () => {
    const microcycle = await ctx.orm.em.fork().findOneOrFail(Microcycle, { id, program: { user: userId } }, { populate: ['sessions.exercises.movement'] });
    const sessions = microcycle.sessions.getItems().sort((a, b) => a.dayNumber - b.dayNumber || a.id - b.id);
    return { microcycle, sessions: sessions.map((s) => ({ session: s, exercises: s.exercises.getItems().sort((a, b) => a.orderInSession - b.orderInSession || a.id - b.id) })) };
  };

  const check = await countStatements(lib);
  const tree = await rawMicrocycle(raw, id, userId);
  const same = JSON.stringify(check.result) === JSON.stringify(tree);
  const viaEntities = await entities();
  const entityShape = viaEntities.sessions
    .map(({ session, exercises }) => `${session.id}[${exercises.map((e) => `${e.id}:${e.movement.id}:${e.movement.name}`).join(',')}]`)
    .join(' ');
  const equivalent = same && entityShape === shapeOf(tree);
  const exercises = tree.sessions.reduce((n, s) => n + s.exercises.length, 0);

  const { pair, all: result } = await alternateApart(
    [
      { name: 'lib', run: lib },
      { name: 'raw', run: () => rawMicrocycle(ctx.raw, id, userId) },
      { name: 'raw-unnamed', run: () => rawMicrocycle(ctx.raw, id, userId, 'unnamed') },
      { name: 'entities', run: entities },
    ],
    ctx,
  );
  const ratio = ratioOf(pair.lib!, pair.raw!);
  const statements = pair.lib!.statements;
  return {
    op: 3,
    key: 'microcycle',
    title: 'microcycle + sessions + exercises + movements',
    size: ctx.dataset.spec.name,
    lib: series('lib: MicrocycleRepository.findForDisplay', pair.lib!),
    raw: series('raw pg, 1 statement (JSON), prepared', pair.raw!),
    extra: [series('raw pg, unnamed (no target)', result['raw-unnamed']!), series('entities: em.findOneOrFail + populate sessions.exercises.movement (no target)', result.entities!)],
    ratio,
    targets: [
      statementTarget('<= 3 statements', `lib ${statements.total}`, statements.total <= 3 && !statements.varies),
      ratioTarget(ctx, ratio, 1.25),
      checkTarget('same tree as raw (every field) and as the entities', equivalent, equivalent ? `${tree.sessions.length} sessions, ${exercises} exercises` : 'DIFFER'),
    ],
    notes: [
      `lib statements: ${check.count.kinds.join(', ')}`,
      `entities (populate, ${result.entities!.statements.total} statements) / raw = ${(result.entities!.summary.median / result.raw!.summary.median).toFixed(2)}`,
      unnamedNote(result.lib!, result['raw-unnamed']!),
      interleavedNote(result),
    ],
  };
}
