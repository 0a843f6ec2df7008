// A starter catalog of common movements, written for this package (not taken from upstream's seed
// data): enough to program a general strength block, with every one of the 17 movement patterns
// represented so a pattern-strength table has something in every row.
import { sql } from 'kysely';
import type { CNSLoad, MetricType, MovementPattern, PrimaryMuscle, PrimaryRegion, SkillLevel } from '../../enums/index.js';
import { executeBound } from '../../orm/bound-query.js';
import { tableWriteLockKey } from '../../orm/sql-helpers.js';
import { requestEntityManager, type AnyEntityManager } from '../../orm/context.js';
import { parseInput } from '../../schemas/errors.js';
import { Movement } from './movement.entity.js';
import { schemas } from '../../orm/validation.js';

/**
 * One movement of the {@link STARTER_CATALOG}, in the shape of a movement input (camelCase,
 * semantic enum values), ready for `movementInputSchema` and `em.create(Movement, ...)`.
 *
 * @example
 * ```ts
 * const plank: StarterMovement = {
 *   name: 'Front Plank', pattern: 'isometric', primaryMuscle: 'core', primaryRegion: 'full body',
 *   secondaryMuscles: ['glutes'], cnsLoad: 'very_low', skillLevel: 'beginner', compound: false,
 *   isUnilateral: false, metricType: 'time', disciplineTags: ['general'], equipmentTags: ['bodyweight'],
 *   substitutionGroup: 'anti_extension',
 * };
 * ```
 */
export interface StarterMovement {
  name: string;
  pattern: MovementPattern;
  primaryMuscle: PrimaryMuscle;
  primaryRegion: PrimaryRegion;
  secondaryMuscles: PrimaryMuscle[];
  cnsLoad: CNSLoad;
  skillLevel: SkillLevel;
  compound: boolean;
  isUnilateral: boolean;
  metricType: MetricType;
  disciplineTags: string[];
  equipmentTags: string[];
  substitutionGroup: string;
  /** One sentence on what the movement is for. */
  description?: string;
  coachingCues?: string[];
}

type Row = [
  name: string,
  pattern: MovementPattern,
  primaryMuscle: PrimaryMuscle,
  primaryRegion: PrimaryRegion,
  secondaryMuscles: PrimaryMuscle[],
  cnsLoad: CNSLoad,
  skillLevel: SkillLevel,
  compound: boolean,
  isUnilateral: boolean,
  metricType: MetricType,
  disciplineTags: string[],
  equipmentTags: string[],
  substitutionGroup: string,
];

// One row per movement keeps the catalog reviewable at a glance; `movement()` names the fields.
const ROWS: readonly Row[] = [
  // squat
  ['Back Squat', 'squat', 'quadriceps', 'anterior lower', ['glutes', 'adductors', 'lower_back'], 'very_high', 'intermediate', true, false, 'reps', ['powerlifting', 'strength'], ['barbell', 'rack'], 'bilateral_squat'],
  ['Front Squat', 'squat', 'quadriceps', 'anterior lower', ['glutes', 'upper_back', 'core'], 'high', 'advanced', true, false, 'reps', ['weightlifting', 'strength'], ['barbell', 'rack'], 'bilateral_squat'],
  ['Goblet Squat', 'squat', 'quadriceps', 'anterior lower', ['glutes', 'core'], 'low', 'beginner', true, false, 'reps', ['general', 'hypertrophy'], ['kettlebell', 'dumbbell'], 'bilateral_squat'],
  ['Leg Press', 'squat', 'quadriceps', 'anterior lower', ['glutes', 'adductors'], 'moderate', 'beginner', true, false, 'reps', ['hypertrophy', 'bodybuilding'], ['machine'], 'machine_squat'],
  // hinge
  ['Conventional Deadlift', 'hinge', 'hamstrings', 'posterior lower', ['glutes', 'lower_back', 'upper_back', 'forearms'], 'very_high', 'intermediate', true, false, 'reps', ['powerlifting', 'strength'], ['barbell'], 'floor_pull'],
  ['Romanian Deadlift', 'hinge', 'hamstrings', 'posterior lower', ['glutes', 'lower_back'], 'high', 'intermediate', true, false, 'reps', ['strength', 'hypertrophy'], ['barbell', 'dumbbell'], 'hip_hinge_accessory'],
  ['Trap Bar Deadlift', 'hinge', 'glutes', 'posterior lower', ['quadriceps', 'hamstrings', 'upper_back'], 'high', 'beginner', true, false, 'reps', ['strength', 'athletic'], ['trap_bar'], 'floor_pull'],
  ['Barbell Hip Thrust', 'hinge', 'glutes', 'posterior lower', ['hamstrings', 'adductors'], 'moderate', 'beginner', true, false, 'reps', ['hypertrophy', 'athletic'], ['barbell', 'bench'], 'glute_bridge'],
  // horizontal push
  ['Bench Press', 'horizontal_push', 'chest', 'anterior upper', ['triceps', 'front_delts'], 'high', 'intermediate', true, false, 'reps', ['powerlifting', 'strength'], ['barbell', 'bench', 'rack'], 'flat_press'],
  ['Incline Dumbbell Press', 'horizontal_push', 'chest', 'anterior upper', ['front_delts', 'triceps'], 'moderate', 'beginner', true, false, 'reps', ['hypertrophy', 'bodybuilding'], ['dumbbell', 'bench'], 'incline_press'],
  ['Push-Up', 'horizontal_push', 'chest', 'anterior upper', ['triceps', 'front_delts', 'core'], 'low', 'beginner', true, false, 'reps', ['calisthenics', 'general'], ['bodyweight'], 'flat_press'],
  ['Parallel Bar Dip', 'horizontal_push', 'triceps', 'anterior upper', ['chest', 'front_delts'], 'moderate', 'intermediate', true, false, 'reps', ['calisthenics', 'strength'], ['dip_station', 'bodyweight'], 'dip'],
  // vertical push
  ['Overhead Press', 'vertical_push', 'front_delts', 'shoulder', ['triceps', 'side_delts', 'upper_back', 'core'], 'high', 'intermediate', true, false, 'reps', ['strength', 'weightlifting'], ['barbell', 'rack'], 'standing_press'],
  ['Seated Dumbbell Shoulder Press', 'vertical_push', 'front_delts', 'shoulder', ['triceps', 'side_delts'], 'moderate', 'beginner', true, false, 'reps', ['hypertrophy', 'bodybuilding'], ['dumbbell', 'bench'], 'seated_press'],
  ['Half-Kneeling Landmine Press', 'vertical_push', 'front_delts', 'shoulder', ['chest', 'triceps', 'obliques'], 'low', 'beginner', true, true, 'reps', ['athletic', 'general'], ['barbell', 'landmine'], 'angled_press'],
  // horizontal pull
  ['Barbell Row', 'horizontal_pull', 'upper_back', 'posterior upper', ['lats', 'rear_delts', 'biceps', 'lower_back'], 'high', 'intermediate', true, false, 'reps', ['strength', 'powerlifting'], ['barbell'], 'bent_row'],
  ['Chest-Supported Dumbbell Row', 'horizontal_pull', 'upper_back', 'posterior upper', ['lats', 'rear_delts', 'biceps'], 'low', 'beginner', true, false, 'reps', ['hypertrophy', 'general'], ['dumbbell', 'bench'], 'supported_row'],
  ['Seated Cable Row', 'horizontal_pull', 'lats', 'posterior upper', ['upper_back', 'biceps'], 'low', 'beginner', true, false, 'reps', ['hypertrophy', 'bodybuilding'], ['cable'], 'supported_row'],
  ['Inverted Row', 'horizontal_pull', 'upper_back', 'posterior upper', ['lats', 'biceps', 'core'], 'low', 'beginner', true, false, 'reps', ['calisthenics', 'general'], ['bodyweight', 'rack'], 'bodyweight_row'],
  // vertical pull
  ['Pull-Up', 'vertical_pull', 'lats', 'posterior upper', ['biceps', 'upper_back', 'forearms'], 'moderate', 'intermediate', true, false, 'reps', ['calisthenics', 'strength'], ['pull_up_bar', 'bodyweight'], 'vertical_pull_bodyweight'],
  ['Chin-Up', 'vertical_pull', 'lats', 'posterior upper', ['biceps', 'upper_back'], 'moderate', 'intermediate', true, false, 'reps', ['calisthenics', 'strength'], ['pull_up_bar', 'bodyweight'], 'vertical_pull_bodyweight'],
  ['Lat Pulldown', 'vertical_pull', 'lats', 'posterior upper', ['biceps', 'rear_delts'], 'low', 'beginner', true, false, 'reps', ['hypertrophy', 'bodybuilding'], ['cable', 'machine'], 'vertical_pull_machine'],
  // carry
  ["Farmer's Carry", 'carry', 'forearms', 'full body', ['upper_back', 'core', 'glutes'], 'moderate', 'beginner', true, false, 'distance', ['strongman', 'general'], ['dumbbell', 'kettlebell'], 'bilateral_carry'],
  ['Suitcase Carry', 'carry', 'obliques', 'full body', ['forearms', 'core', 'glutes'], 'low', 'beginner', true, true, 'distance', ['general', 'athletic'], ['kettlebell', 'dumbbell'], 'offset_carry'],
  ['Front-Rack Kettlebell Carry', 'carry', 'core', 'full body', ['upper_back', 'front_delts', 'forearms'], 'moderate', 'intermediate', true, false, 'distance', ['strongman', 'functional'], ['kettlebell'], 'bilateral_carry'],
  // core
  ['Dead Bug', 'core', 'core', 'full body', ['hip_flexors'], 'very_low', 'beginner', false, false, 'reps', ['general', 'rehab'], ['bodyweight'], 'anti_extension'],
  ['Hanging Knee Raise', 'core', 'core', 'full body', ['hip_flexors', 'forearms'], 'low', 'beginner', false, false, 'reps', ['calisthenics', 'general'], ['pull_up_bar'], 'hanging_flexion'],
  ['Ab Wheel Rollout', 'core', 'core', 'full body', ['lats', 'hip_flexors'], 'low', 'intermediate', false, false, 'reps', ['strength', 'general'], ['ab_wheel'], 'anti_extension'],
  // lunge
  ['Walking Lunge', 'lunge', 'quadriceps', 'anterior lower', ['glutes', 'adductors', 'core'], 'moderate', 'beginner', true, true, 'reps', ['general', 'hypertrophy'], ['dumbbell', 'bodyweight'], 'lunge'],
  ['Bulgarian Split Squat', 'lunge', 'quadriceps', 'anterior lower', ['glutes', 'adductors'], 'moderate', 'intermediate', true, true, 'reps', ['strength', 'hypertrophy', 'athletic'], ['dumbbell', 'bench'], 'split_squat'],
  ['Reverse Lunge', 'lunge', 'glutes', 'anterior lower', ['quadriceps', 'hamstrings'], 'low', 'beginner', true, true, 'reps', ['general', 'athletic'], ['dumbbell', 'bodyweight'], 'lunge'],
  ['Step-Up', 'lunge', 'quadriceps', 'anterior lower', ['glutes', 'calves'], 'low', 'beginner', true, true, 'reps', ['general', 'athletic'], ['dumbbell', 'box'], 'step_up'],
  // rotation
  ['Cable Woodchop', 'rotation', 'obliques', 'full body', ['core', 'front_delts'], 'low', 'beginner', false, true, 'reps', ['athletic', 'general'], ['cable'], 'loaded_rotation'],
  ['Landmine Rotation', 'rotation', 'obliques', 'full body', ['core', 'front_delts', 'glutes'], 'moderate', 'intermediate', true, false, 'reps', ['athletic', 'strength'], ['barbell', 'landmine'], 'loaded_rotation'],
  ['Medicine Ball Rotational Throw', 'rotation', 'obliques', 'full body', ['core', 'glutes', 'front_delts'], 'moderate', 'intermediate', true, true, 'reps', ['athletic', 'power'], ['medicine_ball', 'wall'], 'rotational_power'],
  // plyometric
  ['Box Jump', 'plyometric', 'quadriceps', 'lower body', ['glutes', 'calves'], 'moderate', 'beginner', true, false, 'reps', ['athletic', 'power'], ['box'], 'vertical_jump'],
  ['Broad Jump', 'plyometric', 'glutes', 'lower body', ['quadriceps', 'hamstrings', 'calves'], 'high', 'intermediate', true, false, 'reps', ['athletic', 'power'], ['bodyweight'], 'horizontal_jump'],
  ['Lateral Bound', 'plyometric', 'glutes', 'lower body', ['adductors', 'calves', 'quadriceps'], 'moderate', 'intermediate', true, true, 'reps', ['athletic', 'power'], ['bodyweight'], 'lateral_jump'],
  // olympic
  ['Power Clean', 'olympic', 'full_body', 'full body', ['hamstrings', 'glutes', 'upper_back', 'quadriceps'], 'very_high', 'advanced', true, false, 'reps', ['weightlifting', 'athletic'], ['barbell', 'platform'], 'clean'],
  ['Hang Power Snatch', 'olympic', 'full_body', 'full body', ['upper_back', 'side_delts', 'hamstrings', 'glutes'], 'very_high', 'expert', true, false, 'reps', ['weightlifting', 'athletic'], ['barbell', 'platform'], 'snatch'],
  ['Push Press', 'olympic', 'front_delts', 'full body', ['triceps', 'quadriceps', 'glutes', 'core'], 'high', 'intermediate', true, false, 'reps', ['weightlifting', 'strength'], ['barbell', 'rack'], 'jerk_drive'],
  // isolation
  ['Barbell Curl', 'isolation', 'biceps', 'upper body', ['forearms'], 'very_low', 'beginner', false, false, 'reps', ['bodybuilding', 'hypertrophy'], ['barbell'], 'elbow_flexion'],
  ['Cable Triceps Pushdown', 'isolation', 'triceps', 'upper body', [], 'very_low', 'beginner', false, false, 'reps', ['bodybuilding', 'hypertrophy'], ['cable'], 'elbow_extension'],
  ['Dumbbell Lateral Raise', 'isolation', 'side_delts', 'shoulder', ['upper_back'], 'very_low', 'beginner', false, false, 'reps', ['bodybuilding', 'hypertrophy'], ['dumbbell'], 'shoulder_abduction'],
  ['Face Pull', 'isolation', 'rear_delts', 'shoulder', ['upper_back'], 'very_low', 'beginner', false, false, 'reps', ['general', 'rehab'], ['cable', 'band'], 'rear_delt'],
  ['Lying Leg Curl', 'isolation', 'hamstrings', 'posterior lower', ['calves'], 'very_low', 'beginner', false, false, 'reps', ['bodybuilding', 'hypertrophy'], ['machine'], 'knee_flexion'],
  ['Standing Calf Raise', 'isolation', 'calves', 'lower body', [], 'very_low', 'beginner', false, false, 'reps', ['bodybuilding', 'general'], ['machine', 'dumbbell'], 'ankle_plantarflexion'],
  // mobility
  ["World's Greatest Stretch", 'mobility', 'hip_flexors', 'full body', ['adductors', 'hamstrings', 'upper_back'], 'very_low', 'beginner', false, true, 'reps', ['mobility', 'general'], ['bodyweight'], 'hip_opener'],
  ['90/90 Hip Switch', 'mobility', 'glutes', 'lower body', ['hip_flexors', 'adductors'], 'very_low', 'beginner', false, false, 'reps', ['mobility', 'rehab'], ['bodyweight'], 'hip_rotation'],
  ['Thoracic Open Book', 'mobility', 'upper_back', 'upper body', ['obliques', 'chest'], 'very_low', 'beginner', false, true, 'reps', ['mobility', 'rehab'], ['bodyweight'], 'thoracic_rotation'],
  // isometric
  ['Front Plank', 'isometric', 'core', 'full body', ['glutes', 'front_delts'], 'very_low', 'beginner', false, false, 'time', ['general', 'calisthenics'], ['bodyweight'], 'anti_extension_hold'],
  ['Side Plank', 'isometric', 'obliques', 'full body', ['core', 'glutes'], 'very_low', 'beginner', false, true, 'time', ['general', 'rehab'], ['bodyweight'], 'anti_lateral_flexion_hold'],
  ['Copenhagen Plank', 'isometric', 'adductors', 'lower body', ['obliques', 'core'], 'low', 'intermediate', false, true, 'time', ['athletic', 'rehab'], ['bench', 'bodyweight'], 'adductor_hold'],
  ['Wall Sit', 'isometric', 'quadriceps', 'anterior lower', ['glutes'], 'low', 'beginner', false, false, 'time', ['general'], ['bodyweight', 'wall'], 'quad_hold'],
  // conditioning
  ['Kettlebell Swing', 'conditioning', 'glutes', 'posterior lower', ['hamstrings', 'core', 'forearms'], 'moderate', 'intermediate', true, false, 'reps', ['conditioning', 'functional'], ['kettlebell'], 'ballistic_hinge'],
  ['Burpee', 'conditioning', 'full_body', 'full body', ['chest', 'quadriceps', 'core'], 'moderate', 'beginner', true, false, 'reps', ['conditioning', 'functional'], ['bodyweight'], 'full_body_conditioning'],
  ['Sled Push', 'conditioning', 'quadriceps', 'lower body', ['glutes', 'calves', 'core'], 'moderate', 'beginner', true, false, 'distance', ['conditioning', 'athletic', 'strongman'], ['sled'], 'sled'],
  ['Battle Rope Waves', 'conditioning', 'front_delts', 'upper body', ['core', 'forearms'], 'low', 'beginner', false, false, 'time', ['conditioning', 'functional'], ['battle_rope'], 'upper_body_conditioning'],
  // cardio
  ['Rowing Ergometer', 'cardio', 'full_body', 'full body', ['lats', 'quadriceps', 'upper_back'], 'low', 'beginner', true, false, 'distance', ['endurance', 'conditioning'], ['rower'], 'erg'],
  ['Air Bike', 'cardio', 'quadriceps', 'full body', ['glutes', 'front_delts'], 'low', 'beginner', true, false, 'time', ['endurance', 'conditioning'], ['air_bike'], 'erg'],
  ['Easy Run', 'cardio', 'calves', 'lower body', ['quadriceps', 'hamstrings', 'glutes'], 'low', 'beginner', true, false, 'distance', ['endurance', 'general'], [], 'run'],
];

// The lifts the demo charts (src/demo/main-lifts.ts): what they are and how to perform them, in our own words.
const DETAILS: Readonly<Record<string, Pick<StarterMovement, 'description' | 'coachingCues'>>> = {
  'Back Squat': {
    description: 'Bar on the upper back, squat to at least parallel and stand back up; the main lower-body strength lift.',
    coachingCues: ['Brace before you descend', 'Knees track over the toes', 'Drive the floor away'],
  },
  'Bench Press': {
    description: 'Lying on a flat bench, lower the bar to the lower chest and press it back to straight arms.',
    coachingCues: ['Shoulder blades pinned back', 'Feet planted', 'Touch, then press up and slightly back'],
  },
  'Conventional Deadlift': {
    description: 'Lift the bar from the floor to standing with the hands outside the knees; the heaviest pull most lifters do.',
    coachingCues: ['Bar over mid-foot', 'Take the slack out first', 'Push the floor, keep the bar close'],
  },
  'Overhead Press': {
    description: 'Standing, press the bar from the front of the shoulders to locked arms overhead.',
    coachingCues: ['Squeeze glutes and brace', 'Move the head back, then through', 'Finish with the bar over mid-foot'],
  },
};

function movement(row: Row): StarterMovement {
  const [name, pattern, primaryMuscle, primaryRegion, secondaryMuscles, cnsLoad, skillLevel, compound, isUnilateral, metricType, disciplineTags, equipmentTags, substitutionGroup] = row;
  return Object.freeze({
    name,
    pattern,
    primaryMuscle,
    primaryRegion,
    secondaryMuscles,
    cnsLoad,
    skillLevel,
    compound,
    isUnilateral,
    metricType,
    disciplineTags,
    equipmentTags,
    substitutionGroup,
    ...DETAILS[name],
  });
}

/**
 * A starter catalog of 61 common movements covering all 17 movement patterns (barbell lifts,
 * dumbbell and machine accessories, bodyweight, carries, jumps, Olympic lifts, mobility,
 * isometrics, conditioning and cardio), with realistic muscles, regions, equipment and
 * discipline tags. Written for this package (not upstream's seed data); {@link loadStarterCatalog} and
 * `gainsly-db catalog load` insert it, `gainsly-db demo` uses it.
 *
 * @example
 * ```ts
 * STARTER_CATALOG.filter((m) => m.pattern === 'hinge').map((m) => m.name);
 * // ['Conventional Deadlift', 'Romanian Deadlift', 'Trap Bar Deadlift', 'Barbell Hip Thrust']
 * ```
 */
export const STARTER_CATALOG: readonly StarterMovement[] = Object.freeze(ROWS.map(movement));

/**
 * What {@link loadStarterCatalog} did. `inserted + unchanged + skipped.length === total`.
 *
 * @example
 * ```ts
 * const report: StarterCatalogReport = { total: 61, inserted: 61, unchanged: 0, skipped: [] };
 * ```
 */
export interface StarterCatalogReport {
  /** Movements in the starter catalog ({@link STARTER_CATALOG}). */
  total: number;
  /** Movements inserted as system movements (no owner). */
  inserted: number;
  /** Movements a system movement of the same name already stood for: left as they are, never overwritten. */
  unchanged: number;
  /**
   * Names a user's own movement already holds (movement names are unique), so the catalog's
   * movement was not inserted. Usually empty.
   */
  skipped: string[];
}

/**
 * Inserts the starter catalog ({@link STARTER_CATALOG}: 61 common movements covering all 17
 * movement patterns) as system movements, so a fresh database has movements to program and log
 * with. Idempotent: a movement is matched by name (the natural key); one already present is left
 * as it is and counted `unchanged`, so running it twice, or after `gainsly-db import movements`,
 * inserts nothing new and overwrites nothing. One transaction (all or nothing), serialised with
 * concurrent loads and movement imports by an advisory lock. The CLI equivalent is
 * `gainsly-db catalog load`.
 *
 * Throws `GainslySchemaError` when the database is not migrated, `GainslyConfigError` when `em`
 * is not a MikroORM EntityManager.
 *
 * @param em - an EntityManager of an ORM made by `createGainslyOrm()` (the global one is forked)
 * @returns how many movements were inserted and how many were already there
 * @example
 * ```ts
 * const orm = await createGainslyOrm({ url: process.env.DATABASE_URL });
 * await migrate(orm);
 * const { inserted, unchanged } = await loadStarterCatalog(orm.em.fork());
 * console.log(`${inserted} inserted, ${unchanged} already there`); // '61 inserted, 0 already there', then '0 inserted, 61 already there'
 * ```
 */
export async function loadStarterCatalog(em: AnyEntityManager): Promise<StarterCatalogReport> {
  const target = requestEntityManager(em, 'loadStarterCatalog()');
  // Parsed like any movement input before any SQL: the catalog is data, and the schema is the contract.
  const inputs = STARTER_CATALOG.map((entry) => parseInput(schemas.movementInputSchema, entry, 'MovementInput'));
  const names = JSON.stringify(inputs.map((m) => m.name));
  return target.transactional(async (tx) => {
    // The lock `importMovements` takes: one writer of system movements at a time.
    await executeBound(tx, sql`select pg_advisory_xact_lock(hashtext(${tableWriteLockKey('movements')}))`);
    const present = await executeBound<{ name: string; owned: boolean }>(
      tx,
      sql`select name, user_id is not null as owned from movements where name in (select json_array_elements_text(${names}::json))`,
    );
    const byName = new Map(present.map((r) => [r.name, r.owned]));
    const skipped: string[] = [];
    let unchanged = 0;
    let inserted = 0;
    for (const input of inputs) {
      const owned = byName.get(input.name);
      if (owned === undefined) {
        tx.create(Movement, input);
        inserted++;
      } else if (owned) skipped.push(input.name);
      else unchanged++;
    }
    await tx.flush();
    return { total: inputs.length, inserted, unchanged, skipped };
  });
}
