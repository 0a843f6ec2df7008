// The movement catalog of the benchmark data: ~60 core movements covering all 17 movement patterns
// (the ones the generated training histories use), and a deterministic generator of named
// variations of them for the 5,000-movement catalog (operation 4) and the import (operation 5).
import { mulberry32 } from './random.js';

/** Body part a core movement trains; selects movements for upper / lower / full-body slots. */
export type Body = 'upper' | 'lower' | 'full';

/** A core movement: a `movements` row (snake_case, as upstream's seed file) plus generator data. */
export interface CoreMovement {
  name: string;
  pattern: string;
  primary_muscle: string;
  primary_region: string;
  secondary_muscles: string[];
  cns_load: string;
  skill_level: string;
  compound: boolean;
  is_complex_lift: boolean;
  is_unilateral: boolean;
  metric_type: string;
  discipline_tags: string[];
  equipment_tags: string[];
  substitution_group: string;
  /** Typical one-rep max (kg) of an intermediate lifter; the generator scales it per user. */
  base_e1rm: number;
  body: Body;
}

/** A `movements` row as imported (upstream seed-file shape, snake_case keys). */
export type MovementRecord = Omit<CoreMovement, 'base_e1rm' | 'body'> & { description: string | null; coaching_cues: string[]; primary_discipline: string; tags: string[] };

type Row = [
  name: string,
  pattern: string,
  muscle: string,
  region: string,
  secondary: string,
  cns: string,
  equipment: string,
  group: string,
  e1rm: number,
  body: Body,
  flags?: string,
];

// flags: c = complex lift, u = unilateral, i = isolation (not compound), t = time-based, d = distance-based
const CORE: readonly Row[] = [
  ['Back Squat', 'squat', 'quadriceps', 'anterior lower', 'glutes hamstrings core', 'very_high', 'barbell rack', 'squat_bilateral', 140, 'lower'],
  ['Front Squat', 'squat', 'quadriceps', 'anterior lower', 'glutes core upper_back', 'high', 'barbell rack', 'squat_bilateral', 115, 'lower'],
  ['Safety Bar Squat', 'squat', 'quadriceps', 'anterior lower', 'glutes upper_back', 'high', 'safety_bar rack', 'squat_bilateral', 125, 'lower'],
  ['Goblet Squat', 'squat', 'quadriceps', 'anterior lower', 'glutes core', 'moderate', 'dumbbell kettlebell', 'squat_bilateral', 50, 'lower'],
  ['Conventional Deadlift', 'hinge', 'hamstrings', 'posterior lower', 'glutes lower_back forearms', 'very_high', 'barbell', 'hinge_bilateral', 180, 'lower'],
  ['Romanian Deadlift', 'hinge', 'hamstrings', 'posterior lower', 'glutes lower_back', 'high', 'barbell', 'hinge_bilateral', 140, 'lower'],
  ['Trap Bar Deadlift', 'hinge', 'glutes', 'posterior lower', 'quadriceps hamstrings', 'high', 'trap_bar', 'hinge_bilateral', 190, 'lower'],
  ['Hip Thrust', 'hinge', 'glutes', 'posterior lower', 'hamstrings', 'moderate', 'barbell bench', 'hip_extension', 160, 'lower'],
  ['Kettlebell Swing', 'hinge', 'glutes', 'posterior lower', 'hamstrings core', 'moderate', 'kettlebell', 'hip_extension', 48, 'lower'],
  ['Bench Press', 'horizontal_push', 'chest', 'anterior upper', 'triceps front_delts', 'high', 'barbell bench rack', 'press_horizontal', 105, 'upper'],
  ['Incline Bench Press', 'horizontal_push', 'chest', 'anterior upper', 'front_delts triceps', 'high', 'barbell bench rack', 'press_horizontal', 90, 'upper'],
  ['Dumbbell Bench Press', 'horizontal_push', 'chest', 'anterior upper', 'triceps front_delts', 'moderate', 'dumbbell bench', 'press_horizontal', 40, 'upper'],
  ['Weighted Dip', 'horizontal_push', 'chest', 'anterior upper', 'triceps front_delts', 'moderate', 'dip_station', 'press_horizontal', 40, 'upper'],
  ['Push-Up', 'horizontal_push', 'chest', 'anterior upper', 'triceps core', 'low', 'bodyweight', 'press_horizontal', 60, 'upper'],
  ['Overhead Press', 'vertical_push', 'front_delts', 'shoulder', 'triceps upper_back core', 'high', 'barbell rack', 'press_vertical', 65, 'upper'],
  ['Push Press', 'vertical_push', 'front_delts', 'shoulder', 'triceps quadriceps', 'high', 'barbell rack', 'press_vertical', 80, 'upper', 'c'],
  ['Seated Dumbbell Press', 'vertical_push', 'front_delts', 'shoulder', 'triceps', 'moderate', 'dumbbell bench', 'press_vertical', 30, 'upper'],
  ['Landmine Press', 'vertical_push', 'front_delts', 'shoulder', 'chest triceps', 'low', 'barbell landmine', 'press_vertical', 45, 'upper', 'u'],
  ['Barbell Row', 'horizontal_pull', 'upper_back', 'posterior upper', 'lats biceps rear_delts', 'high', 'barbell', 'row_bilateral', 100, 'upper'],
  ['Single-Arm Dumbbell Row', 'horizontal_pull', 'lats', 'posterior upper', 'upper_back biceps', 'moderate', 'dumbbell bench', 'single_arm_row', 45, 'upper', 'u'],
  ['Seated Cable Row', 'horizontal_pull', 'upper_back', 'posterior upper', 'lats biceps', 'low', 'cable machine', 'row_bilateral', 85, 'upper'],
  ['Chest-Supported Row', 'horizontal_pull', 'upper_back', 'posterior upper', 'rear_delts biceps', 'low', 'dumbbell bench', 'row_bilateral', 35, 'upper'],
  ['Pull-Up', 'vertical_pull', 'lats', 'posterior upper', 'biceps upper_back', 'moderate', 'pull_up_bar bodyweight', 'vertical_pull', 100, 'upper'],
  ['Chin-Up', 'vertical_pull', 'lats', 'posterior upper', 'biceps', 'moderate', 'pull_up_bar bodyweight', 'vertical_pull', 105, 'upper'],
  ['Lat Pulldown', 'vertical_pull', 'lats', 'posterior upper', 'biceps rear_delts', 'low', 'cable machine', 'vertical_pull', 85, 'upper'],
  ['Farmer Carry', 'carry', 'forearms', 'full body', 'upper_back core', 'moderate', 'dumbbell', 'carry_bilateral', 70, 'full', 'd'],
  ['Suitcase Carry', 'carry', 'obliques', 'full body', 'forearms core', 'low', 'kettlebell dumbbell', 'carry_unilateral', 40, 'full', 'ud'],
  ['Overhead Carry', 'carry', 'front_delts', 'full body', 'core upper_back', 'moderate', 'kettlebell', 'carry_unilateral', 24, 'full', 'ud'],
  ['Hanging Leg Raise', 'core', 'core', 'full body', 'hip_flexors', 'low', 'pull_up_bar bodyweight', 'core_flexion', 20, 'full'],
  ['Ab Wheel Rollout', 'core', 'core', 'full body', 'lats', 'low', 'ab_wheel', 'core_anti_extension', 25, 'full'],
  ['Cable Crunch', 'core', 'core', 'full body', 'obliques', 'very_low', 'cable', 'core_flexion', 60, 'full', 'i'],
  ['Walking Lunge', 'lunge', 'quadriceps', 'anterior lower', 'glutes hamstrings', 'moderate', 'dumbbell', 'lunge', 30, 'lower', 'u'],
  ['Bulgarian Split Squat', 'lunge', 'quadriceps', 'anterior lower', 'glutes adductors', 'moderate', 'dumbbell bench', 'lunge', 35, 'lower', 'u'],
  ['Reverse Lunge', 'lunge', 'glutes', 'anterior lower', 'quadriceps hamstrings', 'moderate', 'barbell rack', 'lunge', 70, 'lower', 'u'],
  ['Step-Up', 'lunge', 'quadriceps', 'anterior lower', 'glutes', 'low', 'dumbbell plyo_box', 'lunge', 30, 'lower', 'u'],
  ['Cable Woodchop', 'rotation', 'obliques', 'full body', 'core front_delts', 'low', 'cable', 'rotation', 30, 'full'],
  ['Landmine Rotation', 'rotation', 'obliques', 'full body', 'core', 'low', 'barbell landmine', 'rotation', 25, 'full'],
  ['Medicine Ball Rotational Throw', 'rotation', 'obliques', 'full body', 'core glutes', 'moderate', 'medicine_ball wall', 'rotation', 8, 'full'],
  ['Box Jump', 'plyometric', 'quadriceps', 'lower body', 'glutes calves', 'moderate', 'plyo_box bodyweight', 'jump', 80, 'lower'],
  ['Broad Jump', 'plyometric', 'glutes', 'lower body', 'quadriceps hamstrings', 'moderate', 'bodyweight', 'jump', 80, 'lower'],
  ['Medicine Ball Slam', 'plyometric', 'lats', 'full body', 'core', 'moderate', 'medicine_ball', 'throw', 12, 'full'],
  ['Power Clean', 'olympic', 'full_body', 'full body', 'hamstrings glutes upper_back', 'very_high', 'barbell', 'olympic_pull', 95, 'full', 'c'],
  ['Hang Snatch', 'olympic', 'full_body', 'full body', 'upper_back glutes', 'very_high', 'barbell', 'olympic_pull', 70, 'full', 'c'],
  ['Clean and Jerk', 'olympic', 'full_body', 'full body', 'quadriceps front_delts', 'very_high', 'barbell', 'olympic_full', 100, 'full', 'c'],
  ['Dumbbell Snatch', 'olympic', 'full_body', 'full body', 'glutes front_delts', 'high', 'dumbbell', 'olympic_pull', 35, 'full', 'cu'],
  ['Barbell Curl', 'isolation', 'biceps', 'anterior upper', 'forearms', 'very_low', 'barbell', 'elbow_flexion', 50, 'upper', 'i'],
  ['Triceps Pushdown', 'isolation', 'triceps', 'posterior upper', '', 'very_low', 'cable', 'elbow_extension', 55, 'upper', 'i'],
  ['Lateral Raise', 'isolation', 'side_delts', 'shoulder', '', 'very_low', 'dumbbell', 'shoulder_abduction', 15, 'upper', 'i'],
  ['Face Pull', 'isolation', 'rear_delts', 'shoulder', 'upper_back', 'very_low', 'cable band', 'rear_delt', 40, 'upper', 'i'],
  ['Leg Extension', 'isolation', 'quadriceps', 'anterior lower', '', 'very_low', 'machine', 'knee_extension', 90, 'lower', 'i'],
  ['Lying Leg Curl', 'isolation', 'hamstrings', 'posterior lower', 'calves', 'very_low', 'machine', 'knee_flexion', 70, 'lower', 'i'],
  ['Standing Calf Raise', 'isolation', 'calves', 'posterior lower', '', 'very_low', 'machine', 'calf', 120, 'lower', 'i'],
  ['World\'s Greatest Stretch', 'mobility', 'hip_flexors', 'full body', 'hamstrings upper_back', 'very_low', 'bodyweight', 'mobility_hip', 10, 'full', 't'],
  ['Weighted Cossack Squat', 'mobility', 'adductors', 'lower body', 'quadriceps glutes', 'low', 'kettlebell', 'mobility_hip', 24, 'lower', 'u'],
  ['Jefferson Curl', 'mobility', 'hamstrings', 'posterior lower', 'lower_back', 'low', 'kettlebell dumbbell', 'mobility_spine', 20, 'lower'],
  ['Plank', 'isometric', 'core', 'full body', 'front_delts glutes', 'very_low', 'bodyweight', 'core_anti_extension', 20, 'full', 't'],
  ['Copenhagen Plank', 'isometric', 'adductors', 'lower body', 'obliques', 'low', 'bench bodyweight', 'adductor', 10, 'lower', 'tu'],
  ['Wall Sit', 'isometric', 'quadriceps', 'anterior lower', 'glutes', 'low', 'wall bodyweight', 'squat_isometric', 40, 'lower', 't'],
  ['Sled Push', 'conditioning', 'quadriceps', 'lower body', 'glutes calves', 'high', 'sled', 'sled', 200, 'lower', 'd'],
  ['Battle Rope Waves', 'conditioning', 'front_delts', 'upper body', 'core forearms', 'moderate', 'battle_rope', 'rope', 15, 'upper', 't'],
  ['Kettlebell Complex', 'conditioning', 'full_body', 'full body', 'glutes front_delts', 'high', 'kettlebell', 'complex', 32, 'full', 'c'],
  ['Rowing Ergometer', 'cardio', 'full_body', 'full body', 'lats quadriceps', 'low', 'rower', 'cardio_row', 30, 'full', 'd'],
  ['Assault Bike', 'cardio', 'full_body', 'full body', 'quadriceps', 'moderate', 'air_bike', 'cardio_bike', 30, 'full', 't'],
  ['Incline Treadmill Walk', 'cardio', 'calves', 'lower body', 'glutes', 'very_low', 'treadmill', 'cardio_walk', 20, 'lower', 't'],
];

const DISCIPLINES: Record<string, string[]> = {
  squat: ['powerlifting', 'strength'],
  hinge: ['powerlifting', 'strength'],
  horizontal_push: ['powerlifting', 'bodybuilding'],
  vertical_push: ['strength', 'bodybuilding'],
  horizontal_pull: ['bodybuilding', 'strength'],
  vertical_pull: ['bodybuilding', 'calisthenics'],
  carry: ['strongman', 'conditioning'],
  core: ['general'],
  lunge: ['bodybuilding', 'athletic'],
  rotation: ['athletic'],
  plyometric: ['athletic'],
  olympic: ['olympic', 'athletic'],
  isolation: ['bodybuilding'],
  mobility: ['mobility'],
  isometric: ['general'],
  conditioning: ['conditioning'],
  cardio: ['endurance'],
};

function words(s: string): string[] {
  return s.split(' ').filter((w) => w !== '');
}

/** The core movements, in a fixed order (their ids are 1..N in every benchmark database). */
export const CORE_MOVEMENTS: readonly CoreMovement[] = CORE.map(([name, pattern, muscle, region, secondary, cns, equipment, group, e1rm, body, flags = '']) => ({
  name,
  pattern,
  primary_muscle: muscle,
  primary_region: region,
  secondary_muscles: words(secondary),
  cns_load: cns,
  skill_level: flags.includes('c') ? 'advanced' : cns === 'very_high' ? 'intermediate' : 'beginner',
  compound: !flags.includes('i'),
  is_complex_lift: flags.includes('c'),
  is_unilateral: flags.includes('u'),
  metric_type: flags.includes('t') ? 'time' : flags.includes('d') ? 'distance' : 'reps',
  discipline_tags: DISCIPLINES[pattern] ?? ['general'],
  equipment_tags: words(equipment),
  substitution_group: group,
  base_e1rm: e1rm,
  body,
}));

// Variation axes. A variation is "<tempo> <stance> <equipment> <base name>" with empty parts left out;
// its equipment tag replaces the base's first tag when an equipment word is given.
const TEMPOS = ['', 'Paused', 'Tempo', '1.5-Rep', 'Banded', 'Chained', 'Deficit', 'Pin', 'Eccentric-Overload', 'Speed', 'Spoto', 'Isohold'];
const STANCES = ['', 'Close-Grip', 'Wide-Grip', 'Neutral-Grip', 'Single-Arm', 'Seated', 'Standing', 'Kneeling', 'Half-Kneeling', 'Staggered-Stance', 'Narrow-Stance', 'Wide-Stance'];
const EQUIPMENT: readonly (readonly [word: string, tag: string])[] = [
  ['', ''],
  ['Dumbbell', 'dumbbell'],
  ['Kettlebell', 'kettlebell'],
  ['Cable', 'cable'],
  ['Band', 'band'],
  ['Landmine', 'landmine'],
  ['Smith-Machine', 'smith_machine'],
  ['Machine', 'machine'],
  ['Barbell', 'barbell'],
  ['Trap-Bar', 'trap_bar'],
  ['Safety-Bar', 'safety_bar'],
];

const CUES = ['Brace before every rep', 'Control the eccentric', 'Drive through the mid-foot', 'Keep the ribs down', 'Finish each rep fully', 'Breathe out at the top'];

/**
 * `count` movements in a fixed order: the core movements first (when `includeCore`), then
 * variations chosen by a seeded PRNG, every name unique. `suffix` is appended to every name (the
 * import uses it to make each run's names new).
 */
export function generateCatalog(count: number, seed: number, options: { includeCore?: boolean; suffix?: string } = {}): MovementRecord[] {
  const includeCore = options.includeCore ?? true;
  const suffix = options.suffix ?? '';
  const out: MovementRecord[] = [];
  const record = (base: CoreMovement, name: string, equipment: string[], description: string | null, cues: string[]): MovementRecord => {
    const { base_e1rm: _e, body: _b, ...row } = base;
    return { ...row, name: `${name}${suffix}`, equipment_tags: equipment, description, coaching_cues: cues, primary_discipline: 'All', tags: [] };
  };
  if (includeCore) {
    for (const m of CORE_MOVEMENTS) {
      if (out.length >= count) return out;
      out.push(record(m, m.name, m.equipment_tags, `${m.name}: a ${m.pattern.replace(/_/g, ' ')} movement.`, [CUES[out.length % CUES.length]!]));
    }
  }
  const random = mulberry32(seed);
  const seen = new Set(out.map((m) => m.name));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let guard = 0;
  while (out.length < count) {
    if (++guard > count * 50) throw new Error(`could not generate ${count} distinct movement names`);
    const base = pick(CORE_MOVEMENTS);
    const tempo = pick(TEMPOS);
    const stance = pick(STANCES);
    const [equipWord, equipTag] = pick(EQUIPMENT);
    if (!tempo && !stance && !equipWord) continue;
    const name = [tempo, stance, equipWord, base.name].filter((w) => w !== '').join(' ');
    if (seen.has(name) || name.length > 190) continue;
    seen.add(name);
    const equipment = equipTag ? [equipTag, ...base.equipment_tags.slice(1).filter((t) => t !== equipTag)] : [...base.equipment_tags];
    out.push(record(base, name, equipment, random() < 0.5 ? `${name}, a variation of ${base.name}.` : null, random() < 0.5 ? [pick(CUES)] : []));
  }
  return out;
}
