// Operation 3: load one microcycle with its sessions, their exercises and the exercises' movements,
// for display (the user's current week).
//
// - lib: `em.findOneOrFail(Microcycle, { id, program: { user } }, { populate: ['sessions.exercises.movement'] })`,
//   MikroORM's default (balanced) loading: to-many relations by a further query each, to-one joined;
//   sessions and exercises then sorted for display. No repository method exists for this yet.
// - raw: one statement that returns the whole tree as JSON (every column of the four tables).
import type pg from 'pg';
import { ANCHOR_DATE } from '../generate.js';
import { alternate } from '../measure.js';
import { countStatements } from '../counter.js';
import type { OpContext, OpResult } from '../types.js';
import { checkTarget, ratioOf, ratioTarget, series, statementTarget, toQuestionMarks } from './common.js';

const RAW_MICROCYCLE_SQL = `
select to_json(m) as microcycle,
       coalesce((select json_agg(json_build_object(
                  'session', to_json(s),
                  'exercises', coalesce((select json_agg(json_build_object('exercise', to_json(e), 'movement', to_json(mv)) order by e.order_in_session, e.id)
                                           from session_exercises e join movements mv on mv.id = e.movement_id
                                          where e.session_id = s.id), '[]'::json))
                  order by s.day_number, s.id)
           from sessions s where s.microcycle_id = m.id), '[]'::json) as sessions
  from microcycles m join programs p on p.id = m.program_id
 where m.id = $1 and p.user_id = $2`;

interface RawTree {
  microcycle: { id: number };
  sessions: { session: { id: number }; exercises: { exercise: { id: number }; movement: { id: number; name: string } }[] }[];
}

async function rawMicrocycle(raw: pg.Client, id: number, userId: number): Promise<RawTree> {
  const { rows } = await raw.query<RawTree>(RAW_MICROCYCLE_SQL, [id, userId]);
  if (!rows[0]) throw new Error(`microcycle ${id} not found`);
  return rows[0];
}

/** Session ids, then exercise:movement ids, in display order: to compare the two sides. */
function shapeOfRaw(tree: RawTree): string {
  return tree.sessions.map((s) => `${s.session.id}[${s.exercises.map((e) => `${e.exercise.id}:${e.movement.id}:${e.movement.name}`).join(',')}]`).join(' ');
}

export async function microcycleOp(ctx: OpContext): Promise<OpResult> {
  const { orm, raw, userId } = ctx;
  const { Microcycle } = ctx.L.lib;
  const current = await raw.query<{ id: number }>(
    `select m.id from microcycles m join programs p on p.id = m.program_id
      where p.user_id = $1 and p.is_active and m.start_date <= $2::date and $2::date < m.start_date + m.length_days`,
    [userId, ANCHOR_DATE],
  );
  const id = current.rows[0]!.id;
  // The cheapest correct library call: MikroORM's default (balanced) loading, then display order in
  // JS. (`populateOrderBy` with a nested key, e.g. `{ sessions: { dayNumber, exercises: { orderInSession } } }`,
  // makes MikroORM join every exercise into the sessions query: ~30% slower.)
  const lib = async () => {
    const microcycle = await orm.em.fork().findOneOrFail(Microcycle, { id, program: { user: userId } }, { populate: ['sessions.exercises.movement'] });
    const sessions = microcycle.sessions.getItems().sort((a, b) => a.dayNumber - b.dayNumber || a.id - b.id);
    return { microcycle, sessions: sessions.map((s) => ({ session: s, exercises: s.exercises.getItems().sort((a, b) => a.orderInSession - b.orderInSession || a.id - b.id) })) };
  };
  const check = await countStatements(lib);
  const tree = await rawMicrocycle(raw, id, userId);
  const libShape = check.result.sessions
    .map(({ session, exercises }) => `${session.id}[${exercises.map((e) => `${e.id}:${e.movement.id}:${e.movement.name}`).join(',')}]`)
    .join(' ');
  const equivalent = libShape === shapeOfRaw(tree);
  const exercises = tree.sessions.reduce((n, s) => n + s.exercises.length, 0);

  // A read-model method (proposal, not the library): the raw side's one JSON statement through the
  // library's connection.
  const proposalSql = toQuestionMarks(RAW_MICROCYCLE_SQL, [id, userId]);
  const proposal = () => orm.em.fork().execute<RawTree[]>(proposalSql.sql, proposalSql.params);
  const result = await alternate(
    [
      { name: 'lib', run: lib },
      { name: 'raw', run: () => rawMicrocycle(raw, id, userId) },
      { name: 'proposal', run: proposal },
    ],
    ctx,
  );
  const ratio = ratioOf(result.lib!, result.raw!);
  const statements = result.lib!.statements;
  return {
    op: 3,
    key: 'microcycle',
    title: 'microcycle + sessions + exercises + movements',
    size: ctx.dataset.spec.name,
    lib: series('lib', result.lib!),
    raw: series('raw pg, 1 statement (JSON)', result.raw!),
    extra: [series('proposal: the 1-statement JSON read model via em.execute', result.proposal!)],
    ratio,
    targets: [
      statementTarget('<= 3 statements', `lib ${statements.total}`, statements.total <= 3 && !statements.varies),
      ratioTarget(ctx, ratio, 1.5),
      checkTarget('same tree as raw', equivalent, equivalent ? `${tree.sessions.length} sessions, ${exercises} exercises` : 'DIFFER'),
    ],
    notes: [
      `lib statements: ${check.count.kinds.join(', ')}`,
      `proposal (one JSON statement through the library's connection) / raw = ${(result.proposal!.summary.median / result.raw!.summary.median).toFixed(2)}`,
    ],
  };
}
