// The benchmark data: a seeded, deterministic, set-based SQL generator of realistic training
// histories. Every user trains in back-to-back 8–12-week programs of weekly microcycles (every 4th a
// deload), 4–6 sessions a week of 9–10 exercises; each logged working set is a `top_set_logs` row
// with an e1RM (the user's formula, from weight, reps and RPE) and a pattern exposure in the
// session's microcycle. Strength rises with diminishing returns and day-to-day noise; deload weeks
// are lighter. Soreness follows some workouts; recovery signals are daily.
//
// Randomness is `hashint8extended` of natural keys (user, program, week, day, slot, set) and the
// seed, so user 1's history is the same in every database that has it (the 1-year database and the
// 1,000-user one) and the same seed always gives the same rows (see `checksum`).
import type pg from 'pg';
import { CORE_MOVEMENTS, generateCatalog, type CoreMovement } from './catalog.js';

/** "Today" in every benchmark database: histories end the day before; it is a Monday. */
export const ANCHOR_DATE = '2026-01-05';
/**
 * Bump when the generated data changes, so `--reuse` regenerates; also when an unreleased
 * migration changes in place (6: the library's indexes renamed `gainsly_ix_…`), which `migrate`
 * on a kept database would not apply again; 7: session JSON sections in the upstream app's shape;
 * 8: programs.disciplines_json as the overview's list of { discipline, weight } (was a list of strings).
 */
export const GENERATOR_VERSION = 8;

export interface DatasetSpec {
  /** `smoke`, `1y`, `5y`, `1000u`, `smoke-multi`. */
  name: string;
  users: number;
  /** Weeks of history of user 1 (the user every operation measures). */
  mainWeeks: number;
  /** Weeks of history of users 2..N, drawn per user. */
  otherWeeks: readonly [min: number, max: number];
  /** Movements in the catalog (the core movements plus generated variations). */
  catalogSize: number;
  seed: number;
}

export interface DatasetStats {
  users: number;
  programs: number;
  microcycles: number;
  sessions: number;
  sessionExercises: number;
  workoutLogs: number;
  topSets: number;
  patternExposures: number;
  sorenessLogs: number;
  recoverySignals: number;
  movements: number;
  /** Top sets / exposures of user 1. */
  mainUserTopSets: number;
  mainUserExposures: number;
}

type SlotRole = 'MAIN' | 'ACCESSORY' | 'SKILL' | 'FINISHER' | 'COOLDOWN';
type Slot = readonly [role: SlotRole, patterns: string, body: 'upper' | 'lower' | 'any', reps: readonly [number, number], sets: readonly [number, number]];

const MAIN = [3, 6] as const;
const HEAVY_SETS = [5, 7] as const;
const ACC_REPS = [8, 12] as const;
const ACC_SETS = [3, 6] as const;

/** Ten slots per session type; a session uses the first 9–10. Patterns separated by `|`. */
const SESSION_PLANS: Record<string, readonly Slot[]> = {
  UPPER: [
    ['MAIN', 'horizontal_push', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'vertical_pull', 'any', [4, 8], HEAVY_SETS],
    ['ACCESSORY', 'vertical_push', 'any', [6, 10], ACC_SETS],
    ['ACCESSORY', 'horizontal_pull', 'any', ACC_REPS, ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'core|rotation', 'any', [8, 15], [3, 4]],
    ['FINISHER', 'carry|conditioning', 'any', [1, 3], [2, 4]],
    ['ACCESSORY', 'isometric', 'any', [1, 2], [2, 3]],
    ['COOLDOWN', 'mobility|cardio', 'any', [1, 2], [1, 2]],
  ],
  LOWER: [
    ['MAIN', 'squat', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'hinge', 'any', MAIN, HEAVY_SETS],
    ['ACCESSORY', 'lunge', 'any', [6, 10], ACC_SETS],
    ['SKILL', 'plyometric|olympic', 'any', [2, 5], [3, 5]],
    ['ACCESSORY', 'isolation', 'lower', [10, 15], ACC_SETS],
    ['ACCESSORY', 'isolation', 'lower', [10, 15], ACC_SETS],
    ['ACCESSORY', 'core', 'any', [8, 15], [3, 4]],
    ['FINISHER', 'conditioning|carry', 'any', [1, 3], [2, 4]],
    ['ACCESSORY', 'isometric', 'any', [1, 2], [2, 3]],
    ['COOLDOWN', 'mobility|cardio', 'any', [1, 2], [1, 2]],
  ],
  PUSH: [
    ['MAIN', 'horizontal_push', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'vertical_push', 'any', [4, 8], HEAVY_SETS],
    ['ACCESSORY', 'horizontal_push', 'any', ACC_REPS, ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'core', 'any', [8, 15], [3, 4]],
    ['ACCESSORY', 'rotation', 'any', [8, 12], [2, 3]],
    ['FINISHER', 'conditioning', 'any', [1, 3], [2, 4]],
    ['ACCESSORY', 'isometric', 'any', [1, 2], [2, 3]],
    ['COOLDOWN', 'mobility|cardio', 'any', [1, 2], [1, 2]],
  ],
  PULL: [
    ['MAIN', 'vertical_pull', 'any', [4, 8], HEAVY_SETS],
    ['MAIN', 'horizontal_pull', 'any', MAIN, HEAVY_SETS],
    ['ACCESSORY', 'horizontal_pull', 'any', ACC_REPS, ACC_SETS],
    ['ACCESSORY', 'hinge', 'any', [6, 10], ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'isolation', 'upper', [10, 15], ACC_SETS],
    ['ACCESSORY', 'carry', 'any', [1, 3], [2, 4]],
    ['FINISHER', 'rotation|conditioning', 'any', [8, 12], [2, 3]],
    ['ACCESSORY', 'core', 'any', [8, 15], [2, 3]],
    ['COOLDOWN', 'cardio|mobility', 'any', [1, 2], [1, 2]],
  ],
  LEGS: [
    ['MAIN', 'squat', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'hinge', 'any', [4, 8], HEAVY_SETS],
    ['ACCESSORY', 'lunge', 'any', [6, 10], ACC_SETS],
    ['SKILL', 'olympic|plyometric', 'any', [2, 5], [3, 5]],
    ['ACCESSORY', 'isolation', 'lower', [10, 15], ACC_SETS],
    ['ACCESSORY', 'isolation', 'lower', [10, 15], ACC_SETS],
    ['ACCESSORY', 'core|isometric', 'any', [8, 15], [3, 4]],
    ['FINISHER', 'conditioning|carry', 'any', [1, 3], [2, 4]],
    ['ACCESSORY', 'rotation', 'any', [8, 12], [2, 3]],
    ['COOLDOWN', 'mobility|cardio', 'any', [1, 2], [1, 2]],
  ],
  FULL_BODY: [
    ['MAIN', 'squat|hinge', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'horizontal_push|vertical_push', 'any', MAIN, HEAVY_SETS],
    ['MAIN', 'horizontal_pull|vertical_pull', 'any', [4, 8], HEAVY_SETS],
    ['SKILL', 'olympic', 'any', [2, 4], [3, 5]],
    ['ACCESSORY', 'lunge', 'any', [6, 10], ACC_SETS],
    ['ACCESSORY', 'isolation', 'any', [10, 15], ACC_SETS],
    ['ACCESSORY', 'core|rotation', 'any', [8, 15], [3, 4]],
    ['FINISHER', 'carry|conditioning', 'any', [1, 3], [2, 4]],
    ['ACCESSORY', 'plyometric|isometric', 'any', [2, 5], [2, 3]],
    ['COOLDOWN', 'mobility|cardio', 'any', [1, 2], [1, 2]],
  ],
};

function slotRows(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [sessionType, slots] of Object.entries(SESSION_PLANS)) {
    slots.forEach(([role, patterns, body, reps, sets], i) => {
      const wanted = patterns.split('|');
      const ids = CORE_MOVEMENTS.map((m, index) => ({ m, id: index + 1 }))
        .filter(({ m }) => wanted.includes(m.pattern) && (body === 'any' || m.body === body || m.body === 'full'))
        .map(({ id }) => id);
      if (ids.length === 0) throw new Error(`no core movement for ${sessionType} slot ${i + 1} (${patterns}, ${body})`);
      rows.push({ session_type: sessionType, slot: i + 1, role, movement_ids: ids, rep_lo: reps[0], rep_hi: reps[1], sets_lo: sets[0], sets_hi: sets[1] });
    });
  }
  return rows;
}

function int(value: number, name: string): string {
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got ${value}`);
  return String(value);
}

/** The statements, in order. `$1`-style parameters only where listed. */
function generatorSql(spec: DatasetSpec): { sql: string; params?: unknown[]; label: string }[] {
  const seed = int(spec.seed, 'seed');
  const users = int(spec.users, 'users');
  const mainWeeks = int(spec.mainWeeks, 'mainWeeks');
  const [minW, maxW] = [int(spec.otherWeeks[0], 'otherWeeks'), int(spec.otherWeeks[1], 'otherWeeks')];
  const anchor = `date '${ANCHOR_DATE}'`;
  // r(a, b, salt) in [0, 1): a = user, b = a composite natural key below 2^40.
  const r = (a: string, b: string, salt: number) => `pg_temp.r(${a}, ${b}, ${salt})`;
  const pick = (array: string, rnd: string) => `(${array})[1 + floor(${rnd} * cardinality(${array}))::int]`;
  // An exercise block as the app reads it, from a row of gex; json_strip_nulls drops the partner of a non-superset.
  const block = (e: string, rest: string) =>
    `json_strip_nulls(json_build_object('movement', ${e}.name, 'movement_id', ${e}.movement_id, 'sets', ${e}.sets, 'rep_range_min', ${e}.rep_lo, ` +
    `'rep_range_max', ${e}.rep_hi, 'target_rpe', ${e}.rpe, 'rest_seconds', ${rest}, 'superset_with', ${e}.partner))`;

  return [
    {
      label: 'functions',
      sql: `
create function pg_temp.r(a bigint, b bigint, salt int) returns float8 language sql immutable parallel safe as
  $$ select (hashint8extended(a * 1099511627776 + b, ${seed}::bigint * 1000 + salt) & 2147483647)::float8 / 2147483648::float8 $$;
create function pg_temp.e1rm(weight float8, reps int, rpe float8, formula text) returns float8 language sql immutable parallel safe as $$
  select case when eff = 1 then weight
              when formula = 'EPLEY' then weight * (1 + eff / 30::float8)
              when formula = 'BRZYCKI' then case when eff >= 37 then null else weight * (36 / (37 - eff)) end
              when formula = 'LOMBARDI' then weight * power(eff, 0.1::float8)
              else weight * (1 + eff / 40::float8) end
    from (select reps + case when rpe is null then 0 else 10 - rpe end as eff) e $$;`,
    },
    {
      label: 'movements',
      sql: `
insert into movements (id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound, is_complex_lift,
                       is_unilateral, metric_type, discipline_tags, equipment_tags, description, coaching_cues, substitution_group, user_id, primary_discipline, tags)
select id, name, pattern, primary_muscle, primary_region, secondary_muscles, cns_load, skill_level, compound, is_complex_lift,
       is_unilateral, metric_type, discipline_tags, equipment_tags, description, coaching_cues, substitution_group, null, primary_discipline, tags
  from json_to_recordset($1::json) as m(id int, name text, pattern text, primary_muscle text, primary_region text, secondary_muscles json,
       cns_load text, skill_level text, compound boolean, is_complex_lift boolean, is_unilateral boolean, metric_type text, discipline_tags json,
       equipment_tags json, description text, coaching_cues json, substitution_group text, primary_discipline text, tags json)
 order by id`,
      params: [JSON.stringify(generateCatalog(spec.catalogSize, spec.seed).map((m, i) => ({ id: i + 1, ...m })))],
    },
    {
      label: 'core movement strengths',
      sql: `create temp table gmv as select id, base_e1rm from json_to_recordset($1::json) as m(id int, base_e1rm float8)`,
      params: [JSON.stringify(CORE_MOVEMENTS.map((m: CoreMovement, i) => ({ id: i + 1, base_e1rm: m.base_e1rm })))],
    },
    {
      label: 'session plans',
      sql: `create temp table gslot as select * from json_to_recordset($1::json) as s(session_type text, slot int, role text, movement_ids int[], rep_lo int, rep_hi int, sets_lo int, sets_hi int)`,
      params: [JSON.stringify(slotRows())],
    },
    {
      label: 'users',
      sql: `
create temp table gu as
select u, weeks, ${anchor} - 7 * weeks as start_date,
       0.75 + 0.5 * ${r('u', '0', 2)} as strength,
       0.10 + 0.30 * ${r('u', '0', 3)} as gain,
       0.92 + 0.06 * ${r('u', '0', 4)} as adherence,
       case when u = 1 then 'EPLEY' else ${pick(`array['EPLEY','EPLEY','EPLEY','EPLEY','EPLEY','EPLEY','EPLEY','EPLEY','BRZYCKI','LOMBARDI','OCONNER']`, r('u', '0', 5))} end as formula
  from (select u, case when u = 1 then ${mainWeeks} else ${minW} + floor(${r('u', '0', 1)} * (${maxW} - ${minW} + 1))::int end as weeks
          from generate_series(1, ${users}) u) s;
insert into users (id, name, email, experience_level, persona_tone, persona_aggression)
select u, 'Bench User ' || u, 'bench-user-' || u || '@example.invalid',
       ${pick(`array['BEGINNER','INTERMEDIATE','INTERMEDIATE','ADVANCED','EXPERT']`, r('u', '0', 6))}::experiencelevel,
       ${pick(`array['DRILL_SERGEANT','SUPPORTIVE','ANALYTICAL','MOTIVATIONAL','MINIMALIST']`, r('u', '0', 7))}::personatone,
       ${pick(`array['CONSERVATIVE','MODERATE_CONSERVATIVE','BALANCED','MODERATE_AGGRESSIVE','AGGRESSIVE']`, r('u', '0', 8))}::personaaggression
  from gu order by u;
insert into user_settings (id, user_id, active_e1rm_formula, use_metric)
select u, u, formula::e1rmformula, ${r('u', '0', 9)} < 0.8 from gu order by u;`,
    },
    {
      label: 'programs',
      sql: `
create temp table gp as
with k as (
  select gu.u, k, 8 + floor(${r('gu.u', 'k', 10)} * 5)::int as dur from gu, generate_series(1, gu.weeks / 8 + 2) k
), c as (
  select u, k, dur, coalesce(sum(dur) over (partition by u order by k rows between unbounded preceding and 1 preceding), 0) as offs from k
)
select row_number() over (order by gu.start_date + 7 * c.offs::int, c.u) as id, c.u, c.k, c.dur,
       gu.start_date + 7 * c.offs::int as start_date,
       ${pick('array[4,5,5,5,6,6]', r('c.u', 'c.k', 11))} as dpw,
       ${r('c.u', 'c.k', 12)} as split_r,
       floor(${r('c.u', 'c.k', 13)} * 4)::int + 1 as goal_set,
       gu.start_date + 7 * (c.offs + c.dur)::int > ${anchor} as is_active
  from c join gu using (u)
 where gu.start_date + 7 * c.offs::int <= ${anchor};
alter table gp add column split text;
update gp set split = case when dpw = 6 then 'PPL' when dpw = 5 then (case when split_r < 0.5 then 'PPL' else 'UPPER_LOWER' end)
                           else (case when split_r < 0.25 then 'FULL_BODY' else 'UPPER_LOWER' end) end;
insert into programs (id, user_id, start_date, duration_weeks, goal_1, goal_2, goal_3, goal_weight_1, goal_weight_2, goal_weight_3,
                      split_template, days_per_week, progression_style, hybrid_definition, disciplines_json, deload_every_n_microcycles,
                      persona_tone, persona_aggression, is_active, created_at, is_template, visibility, name)
select p.id, p.u, p.start_date, p.dur,
       (array['STRENGTH','HYPERTROPHY','STRENGTH','ENDURANCE'])[goal_set]::goal,
       (array['HYPERTROPHY','STRENGTH','EXPLOSIVENESS','FAT_LOSS'])[goal_set]::goal,
       (array['ENDURANCE','FAT_LOSS','MOBILITY','STRENGTH'])[goal_set]::goal,
       (array[5,5,6,4])[goal_set], (array[3,3,3,4])[goal_set], (array[2,2,1,2])[goal_set],
       p.split::splittemplate, p.dpw,
       ${pick(`array['SINGLE_PROGRESSION','DOUBLE_PROGRESSION','DOUBLE_PROGRESSION','PAUSED_VARIATIONS','BUILD_TO_DROP']`, r('p.u', 'p.k', 14))}::progressionstyle,
       null, json_build_array(json_build_object('discipline', 'strength', 'weight', 6), json_build_object('discipline', 'hypertrophy', 'weight', 4)), 4, u.persona_tone, u.persona_aggression, p.is_active,
       (p.start_date - 2) + time '20:15', false, 'PRIVATE', 'Block ' || p.k
  from gp p join users u on u.id = p.u order by p.id;`,
    },
    {
      label: 'microcycles',
      // Statuses as the app leaves them (docs/upstream.md, "Microcycle status"): past weeks
      // COMPLETE, the week holding the anchor ACTIVE (only in a user's active program), later weeks PLANNED.
      // checkMicrocycleStatuses verifies it after loading.
      sql: `
create temp table gm as
select row_number() over (order by p.start_date + 7 * (s - 1), p.u) as id, p.id as program_id, p.u, p.k, s as seq,
       p.start_date + 7 * (s - 1) as start_date, p.dpw, p.split, s % 4 = 0 as is_deload
  from gp p, generate_series(1, p.dur) s;
insert into microcycles (id, program_id, start_date, length_days, sequence_number, status, is_deload)
select id, program_id, start_date, 7, seq,
       (case when start_date + 7 <= ${anchor} then 'COMPLETE' when start_date <= ${anchor} then 'ACTIVE' else 'PLANNED' end)::microcyclestatus,
       is_deload
  from gm order by id;`,
    },
    {
      label: 'sessions',
      sql: `
create temp table gs as
select row_number() over (order by m.start_date + o.off, m.u, o.day) as id, m.id as microcycle_id, m.u, m.k, m.seq, o.day,
       m.start_date + o.off as date, m.is_deload,
       case m.split when 'UPPER_LOWER' then (case when o.day % 2 = 1 then 'UPPER' else 'LOWER' end)
                    when 'PPL' then (array['PUSH','PULL','LEGS'])[1 + (o.day - 1) % 3]
                    else 'FULL_BODY' end as session_type
  from gm m cross join lateral (
    select day, (case m.dpw when 4 then array[0,1,3,4] when 5 then array[0,1,2,4,5] else array[0,1,2,3,4,5] end)[day] as off
      from generate_series(1, m.dpw) day) o;
create temp table ge as
select row_number() over (order by s.id, sl.slot) as id, s.id as session_id, s.u, s.k, s.seq, s.day, sl.slot, sl.role,
       ${pick('sl.movement_ids', r('s.u', '(s.k * 16 + s.day) * 16 + sl.slot', 20))} as movement_id,
       sl.sets_lo + floor(${r('s.u', '(s.k * 16 + s.day) * 16 + sl.slot', 21)} * (sl.sets_hi - sl.sets_lo + 1))::int as sets,
       sl.rep_lo + floor(${r('s.u', '(s.k * 16 + s.day) * 16 + sl.slot', 23)} * (sl.rep_hi - sl.rep_lo + 1))::int as reps,
       sl.rep_lo, sl.rep_hi
  from gs s join gslot sl on sl.session_type = s.session_type
 where sl.slot <= 9 + floor(${r('s.u', 's.k * 16 + s.day', 22)} * 2)::int;
create index on ge (session_id);
create temp table gex as
select e.*, mv.name, case e.role when 'MAIN' then 8 else 8.5 end as rpe,
       (select p.name from ge o join movements p on p.id = o.movement_id
         where o.session_id = e.session_id and o.slot = case e.slot when 5 then 6 else 5 end and e.slot in (5, 6)) as partner
  from ge e join movements mv on mv.id = e.movement_id;
create index on gex (session_id);
insert into sessions (id, microcycle_id, date, day_number, session_type, intent_tags, warmup_json, main_json, accessory_json, finisher_json, cooldown_json,
                      estimated_duration_minutes, warmup_duration_minutes, main_duration_minutes, accessory_duration_minutes,
                      finisher_duration_minutes, cooldown_duration_minutes, coach_notes, main_circuit_id, finisher_circuit_id)
select s.id, s.microcycle_id, s.date, s.day, s.session_type::sessiontype,
       case when s.is_deload then json_build_array('deload', 'recovery') else json_build_array('strength', 'hypertrophy') end,
       -- The JSON sections in the upstream app's shape (docs/upstream.md, "Session plans"),
       -- mirroring the session_exercises rows below: the same targets, and slots 5 and 6 (superset
       -- group 1) name each other in superset_with. The warm-up is a generic item the catalog lacks.
       json_build_array(json_build_object('movement', 'General warm-up', 'duration_seconds', 480)),
       (select json_agg(${block('e', 'case e.role when \'MAIN\' then 180 else 150 end')} order by e.slot)
          from gex e where e.session_id = s.id and e.role in ('MAIN', 'SKILL')),
       (select json_agg(${block('e', '90')} order by e.slot)
          from gex e where e.session_id = s.id and e.role = 'ACCESSORY'),
       (select json_build_object('type', 'circuit', 'rounds', 3, 'exercises', json_agg(${block('e', '90')} order by e.slot))
          from gex e where e.session_id = s.id and e.role = 'FINISHER' having count(*) > 0),
       (select json_agg(json_build_object('movement', e.name, 'movement_id', e.movement_id, 'sets', e.sets) order by e.slot)
          from gex e where e.session_id = s.id and e.role = 'COOLDOWN'),
       70, 8, 30, 20, 7, 5,
       case when ${r('s.u', '(s.k * 16 + s.seq) * 16 + s.day', 24)} < 0.2 then 'Keep the rest periods honest today.' end,
       null, null
  from gs s order by s.id;
insert into session_exercises (id, session_id, movement_id, role, order_in_session, superset_group, target_sets, target_rep_range_min,
                               target_rep_range_max, target_rpe, target_rir, target_duration_seconds, default_rest_seconds,
                               is_complex_lift, substitution_allowed, notes)
select e.id, e.session_id, e.movement_id, e.role::exerciserole, e.slot, case when e.slot in (5, 6) then 1 end, e.sets, e.rep_lo, e.rep_hi,
       case when e.role = 'MAIN' then 8 else 8.5 end, null, null,
       case e.role when 'MAIN' then 180 when 'SKILL' then 150 else 90 end, mv.is_complex_lift, true, null
  from ge e join movements mv on mv.id = e.movement_id order by e.id;`,
    },
    {
      label: 'workout logs',
      sql: `
create temp table gw as
select row_number() over (order by s.date, s.u, s.day) as id, s.id as session_id, s.microcycle_id, s.u, s.k, s.seq, s.day, s.date, s.is_deload,
       (s.date - gu.start_date) as day_index, gu.strength, gu.gain, gu.formula
  from gs s join gu using (u)
 where s.date < ${anchor} and ${r('s.u', '(s.k * 16 + s.seq) * 16 + s.day', 30)} < gu.adherence;
insert into workout_logs (id, user_id, session_id, date, completed, notes, perceived_difficulty, enjoyment_rating, feedback_tags,
                          actual_duration_minutes, created_at, visibility)
select w.id, w.u, w.session_id, w.date, true,
       case when ${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 31)} < 0.1 then 'Felt strong.' end,
       5 + floor(${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 32)} * 5)::int,
       3 + floor(${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 33)} * 3)::int,
       case when ${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 34)} < 0.15 then json_build_array('too_hard') else json_build_array() end,
       55 + floor(${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 35)} * 40)::int,
       w.date + time '18:30', 'PRIVATE'
  from gw w order by w.id;`,
    },
    {
      label: 'top sets',
      sql: `
insert into top_set_logs (id, workout_log_id, movement_id, weight, reps, rpe, rir, avg_rest_seconds, e1rm_value, e1rm_formula, pattern, created_at)
select row_number() over (order by x.workout_log_id, x.slot, x.set_no), x.workout_log_id, x.movement_id, x.weight, x.reps, x.rpe, null,
       x.rest, pg_temp.e1rm(x.weight, x.reps, x.rpe, x.formula), x.formula::e1rmformula, upper(x.pattern)::movementpattern,
       x.date + time '18:30' + make_interval(mins => x.slot * 6 + x.set_no)
  from (
    select w.id as workout_log_id, e.slot, n.set_no, e.movement_id, mv.pattern, w.formula, w.date,
           case when n.set_no = 1 then e.reps else e.reps + 1 + floor(${r('w.u', '((w.k * 16 + w.seq) * 16 + w.day) * 16 + e.slot', 41)} * 2)::int end as reps,
           case when n.set_no = 1 then t.rpe else greatest(6, t.rpe - 1) end as rpe,
           greatest(2.5, round(t.target * (case when n.set_no = 1 then 1 else 0.9 end) / (1 + (e.reps + 10 - t.rpe) / 30::float8) / 2.5) * 2.5) as weight,
           case e.role when 'MAIN' then 180 when 'SKILL' then 150 else 90 end + floor(${r('w.u', '((w.k * 16 + w.seq) * 16 + w.day) * 16 + e.slot', 42)} * 30)::int as rest
      from gw w
      join ge e on e.session_id = w.session_id
      join movements mv on mv.id = e.movement_id
      join gmv b on b.id = e.movement_id
      cross join lateral (
        select ${pick('array[7.5,8,8,8.5,8.5,9,9,9.5,10]::float8[]', r('w.u', '((w.k * 16 + w.seq) * 16 + w.day) * 16 + e.slot', 43))} as rpe,
               b.base_e1rm * w.strength * (1 + w.gain * (1 - exp(-w.day_index / 300::float8)))
                 * (case when w.is_deload then 0.85 else 1 end)
                 * (0.96 + 0.08 * ${r('w.u', '((w.k * 16 + w.seq) * 16 + w.day) * 16 + e.slot', 44)}) as target) t
      cross join generate_series(1, greatest(1, e.sets - (case when ${r('w.u', '((w.k * 16 + w.seq) * 16 + w.day) * 16 + e.slot', 45)} < 0.1 then 1 else 0 end))) n(set_no)
  ) x
 order by 1;`,
    },
    {
      label: 'pattern exposures',
      sql: `
insert into pattern_exposures (id, user_id, microcycle_id, date, pattern, e1rm_value, source_top_set_log_id, created_at)
select row_number() over (order by t.id), w.u, w.microcycle_id, w.date, t.pattern, t.e1rm_value, t.id, t.created_at
  from top_set_logs t join gw w on w.id = t.workout_log_id
 where t.e1rm_value is not null
 order by 1;`,
    },
    {
      label: 'soreness and recovery',
      sql: `
insert into soreness_logs (id, user_id, date, body_part, soreness_1_5, inferred_cause_session_id, notes, created_at)
select row_number() over (order by w.date + 1, w.u, w.day), w.u, w.date + 1,
       ${pick(`case s.session_type when 'UPPER' then array['chest','lats','shoulders'] when 'PUSH' then array['chest','triceps','shoulders']
                 when 'PULL' then array['lats','biceps','upper_back'] when 'FULL_BODY' then array['quads','chest','lats']
                 else array['quads','hamstrings','glutes'] end`, r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 51))},
       1 + floor(${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 52)} * 5)::int, w.session_id, null, (w.date + 1) + time '07:30'
  from gw w join gs s on s.id = w.session_id
 where ${r('w.u', '(w.k * 16 + w.seq) * 16 + w.day', 50)} < 0.3
 order by 1;
insert into recovery_signals (id, user_id, date, session_id, source, hrv, resting_hr, sleep_score, sleep_hours, readiness, notes, created_at, raw_payload_json)
select row_number() over (order by d.day, gu.u), gu.u, d.day::date, null,
       ${pick(`array['GARMIN','APPLE','WHOOP_BAND','AURA_RING','MANUAL']`, r('gu.u', '0', 60))}::recoverysource,
       round((45 + 40 * ${r('gu.u', "(d.day::date - date '2000-01-01')", 61)})::numeric, 1)::float8,
       50 + floor(${r('gu.u', "(d.day::date - date '2000-01-01')", 62)} * 15)::int,
       round((60 + 35 * ${r('gu.u', "(d.day::date - date '2000-01-01')", 63)})::numeric, 0)::float8,
       round((5.5 + 3 * ${r('gu.u', "(d.day::date - date '2000-01-01')", 64)})::numeric, 1)::float8,
       round((40 + 55 * ${r('gu.u', "(d.day::date - date '2000-01-01')", 65)})::numeric, 0)::float8,
       null, d.day::date + time '07:00', null
  from gu cross join lateral generate_series(gu.start_date::timestamp, (${anchor} - 1)::timestamp, interval '1 day') d(day)
 order by 1;`,
    },
    {
      label: 'sequences',
      sql: ['users', 'user_settings', 'movements', 'programs', 'microcycles', 'sessions', 'session_exercises', 'workout_logs', 'top_set_logs', 'pattern_exposures', 'soreness_logs', 'recovery_signals']
        .map((t) => `select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false);`)
        .join('\n'),
    },
  ];
}

/**
 * Fills an empty, migrated database. Returns the row counts. `log` gets one line per step.
 * Uses `session_replication_role = replica` (no FK trigger per row) when allowed, then checks
 * the foreign keys it skipped with set-based anti-joins.
 */
export async function generateDataset(client: pg.Client, spec: DatasetSpec, log: (line: string) => void): Promise<DatasetStats> {
  await client.query(`set work_mem = '256MB'`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set synchronous_commit = off`);
  let replica = false;
  try {
    await client.query(`set session_replication_role = replica`);
    replica = true;
  } catch {
    // not a superuser: the FK triggers run (slower, same data)
  }
  for (const step of generatorSql(spec)) {
    const started = performance.now();
    await client.query(step.sql, step.params);
    log(`${step.label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (replica) {
    await client.query(`set session_replication_role = origin`);
    const started = performance.now();
    await checkForeignKeys(client);
    log(`foreign keys checked (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await checkMicrocycleStatuses(client);
  for (const table of ['drop table gu, gp, gm, gs, ge, gw, gmv, gslot']) await client.query(table);
  const started = performance.now();
  await client.query('vacuum (analyze)');
  log(`vacuum analyze (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return datasetStats(client);
}

/** Every foreign key of the generated tables holds (they were loaded without FK triggers). */
async function checkForeignKeys(client: pg.Client): Promise<void> {
  const checks: [string, string][] = [
    ['user_settings.user_id', 'select count(*) from user_settings c where not exists (select 1 from users p where p.id = c.user_id)'],
    ['programs.user_id', 'select count(*) from programs c where not exists (select 1 from users p where p.id = c.user_id)'],
    ['microcycles.program_id', 'select count(*) from microcycles c where not exists (select 1 from programs p where p.id = c.program_id)'],
    ['sessions.microcycle_id', 'select count(*) from sessions c where not exists (select 1 from microcycles p where p.id = c.microcycle_id)'],
    ['session_exercises.session_id', 'select count(*) from session_exercises c where not exists (select 1 from sessions p where p.id = c.session_id)'],
    ['session_exercises.movement_id', 'select count(*) from session_exercises c where not exists (select 1 from movements p where p.id = c.movement_id)'],
    ['workout_logs.session_id', 'select count(*) from workout_logs c where not exists (select 1 from sessions p where p.id = c.session_id)'],
    ['top_set_logs.workout_log_id', 'select count(*) from top_set_logs c where not exists (select 1 from workout_logs p where p.id = c.workout_log_id)'],
    ['top_set_logs.movement_id', 'select count(*) from top_set_logs c where not exists (select 1 from movements p where p.id = c.movement_id)'],
    ['pattern_exposures.source_top_set_log_id', 'select count(*) from pattern_exposures c where not exists (select 1 from top_set_logs p where p.id = c.source_top_set_log_id)'],
    ['pattern_exposures.microcycle_id', 'select count(*) from pattern_exposures c where not exists (select 1 from microcycles p where p.id = c.microcycle_id)'],
    ['soreness_logs.inferred_cause_session_id', 'select count(*) from soreness_logs c where not exists (select 1 from sessions p where p.id = c.inferred_cause_session_id)'],
    ['recovery_signals.user_id', 'select count(*) from recovery_signals c where not exists (select 1 from users p where p.id = c.user_id)'],
  ];
  const sql = `select ${checks.map(([, q], i) => `(${q}) as c${i}`).join(', ')}`;
  const { rows } = await client.query<Record<string, string>>(sql);
  const broken = checks.filter((_, i) => Number(rows[0]![`c${i}`]) !== 0).map(([name]) => name);
  if (broken.length > 0) throw new Error(`generated data breaks foreign keys: ${broken.join(', ')}`);
}

/**
 * The app finds a program's current week by `status = ACTIVE` (one per program at most): every
 * active program has exactly one ACTIVE microcycle and no other program has any.
 */
async function checkMicrocycleStatuses(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ broken: string }>(`
    select count(*) as broken
      from programs p left join (select program_id, count(*) as n from microcycles where status = 'ACTIVE' group by program_id) a on a.program_id = p.id
     where coalesce(a.n, 0) <> case when p.is_active then 1 else 0 end`);
  const broken = Number(rows[0]!.broken);
  if (broken !== 0) throw new Error(`generated data breaks the microcycle lifecycle: ${broken} programs without exactly one ACTIVE microcycle when active, or with one when not`);
}

export async function datasetStats(client: pg.Client): Promise<DatasetStats> {
  const { rows } = await client.query<Record<string, string>>(`select
    (select count(*) from users) as users, (select count(*) from programs) as programs, (select count(*) from microcycles) as microcycles,
    (select count(*) from sessions) as sessions, (select count(*) from session_exercises) as session_exercises,
    (select count(*) from workout_logs) as workout_logs, (select count(*) from top_set_logs) as top_sets,
    (select count(*) from pattern_exposures) as pattern_exposures, (select count(*) from soreness_logs) as soreness_logs,
    (select count(*) from recovery_signals) as recovery_signals, (select count(*) from movements) as movements,
    (select count(*) from top_set_logs t join workout_logs w on w.id = t.workout_log_id where w.user_id = 1) as main_top_sets,
    (select count(*) from pattern_exposures where user_id = 1) as main_exposures`);
  const r = rows[0]!;
  return {
    users: Number(r.users),
    programs: Number(r.programs),
    microcycles: Number(r.microcycles),
    sessions: Number(r.sessions),
    sessionExercises: Number(r.session_exercises),
    workoutLogs: Number(r.workout_logs),
    topSets: Number(r.top_sets),
    patternExposures: Number(r.pattern_exposures),
    sorenessLogs: Number(r.soreness_logs),
    recoverySignals: Number(r.recovery_signals),
    movements: Number(r.movements),
    mainUserTopSets: Number(r.main_top_sets),
    mainUserExposures: Number(r.main_exposures),
  };
}

/**
 * A checksum of the generated rows (order-independent sum of per-row hashes per table, combined):
 * the same seed and spec always give the same value. `created_at` defaults are never used, so rows
 * hold no wall-clock time.
 */
export async function checksum(client: pg.Client): Promise<string> {
  const tables = ['users', 'user_settings', 'movements', 'programs', 'microcycles', 'sessions', 'session_exercises', 'workout_logs', 'top_set_logs', 'pattern_exposures', 'soreness_logs', 'recovery_signals'];
  const sql = `select md5(concat_ws(':', ${tables.map((t) => `(select coalesce(sum(hashtext(x::text)::bigint), 0) from ${t} x)`).join(', ')})) as checksum`;
  const { rows } = await client.query<{ checksum: string }>(sql);
  return rows[0]!.checksum;
}
