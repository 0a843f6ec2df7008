import { ENUMS } from '../../enums/index.js';
import { movementInputSchema } from '../../schemas/inputs/movements.js';
import { normaliseEnumValue, normaliseTags } from '../values.js';
import type { ImportKind } from './kind.js';
import { camelRecord, nameOf, ok, validate } from './records.js';

const MOVEMENT_ENUM_FIELDS = {
  pattern: ENUMS.MovementPattern,
  primaryMuscle: ENUMS.PrimaryMuscle,
  primaryRegion: ENUMS.PrimaryRegion,
  cnsLoad: ENUMS.CNSLoad,
  skillLevel: ENUMS.SkillLevel,
  metricType: ENUMS.MetricType,
} as const;
const MOVEMENT_TAG_FIELDS = ['disciplineTags', 'equipmentTags', 'tags'] as const;

export const MOVEMENTS: ImportKind = {
  label: 'movements',
  table: 'movements',
  wrapper: 'movements',
  key: ['name'],
  ownerColumn: 'user_id',
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'pattern', type: 'text', default: null },
    { column: 'primary_muscle', type: 'text', default: null },
    { column: 'primary_region', type: 'text', default: null },
    { column: 'secondary_muscles', type: 'json', default: [] },
    { column: 'cns_load', type: 'text', default: 'moderate' },
    { column: 'skill_level', type: 'text', default: 'intermediate' },
    { column: 'compound', type: 'boolean', default: true },
    { column: 'is_complex_lift', type: 'boolean', default: false },
    { column: 'is_unilateral', type: 'boolean', default: false },
    { column: 'metric_type', type: 'text', default: 'reps' },
    { column: 'discipline_tags', type: 'json', default: [] },
    { column: 'equipment_tags', type: 'json', default: [] },
    { column: 'description', type: 'text', default: null },
    { column: 'coaching_cues', type: 'json', default: [] },
    { column: 'substitution_group', type: 'text', default: null },
    { column: 'primary_discipline', type: 'text', default: 'All' },
    { column: 'tags', type: 'json', default: [] },
  ],
  prepare(record) {
    const input = camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const { data, origin } = input;
    for (const [field, codec] of Object.entries(MOVEMENT_ENUM_FIELDS)) if (field in data) data[field] = normaliseEnumValue(codec, data[field]);
    if (Array.isArray(data.secondaryMuscles)) data.secondaryMuscles = data.secondaryMuscles.map((m) => normaliseEnumValue(ENUMS.PrimaryMuscle, m));
    for (const field of MOVEMENT_TAG_FIELDS) if (field in data) data[field] = normaliseTags(data[field]);
    const parsed = validate(movementInputSchema, data, origin);
    if (!parsed.ok) return { kind: 'invalid', ...nameOf(data), issues: parsed.issues };
    const m = parsed.value;
    return ok([m.name], m.name, {
      name: m.name,
      pattern: m.pattern,
      primary_muscle: m.primaryMuscle,
      primary_region: m.primaryRegion,
      secondary_muscles: m.secondaryMuscles,
      cns_load: m.cnsLoad,
      skill_level: m.skillLevel,
      compound: m.compound,
      is_complex_lift: m.isComplexLift,
      is_unilateral: m.isUnilateral,
      metric_type: m.metricType,
      discipline_tags: m.disciplineTags,
      equipment_tags: m.equipmentTags,
      description: m.description,
      coaching_cues: m.coachingCues,
      substitution_group: m.substitutionGroup,
      primary_discipline: m.primaryDiscipline,
      tags: m.tags,
    });
  },
};
