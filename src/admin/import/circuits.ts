import { ENUMS } from '../../enums/index.js';
import { circuitTemplateInputSchema } from '../../schemas/inputs/circuits.js';
import { circuitTypeFromText, normaliseTags } from '../values.js';
import type { ImportKind } from './kind.js';
import { camelRecord, nameOf, ok, pathOf, validate, type Origin } from './records.js';

/** Keys of upstream's scraped circuit records. */
const SCRAPED_KEYS = new Set(['name', 'circuit_type', 'description', 'exercises', 'metadata', 'raw_workout', 'date_header', 'tags', 'bucket_stress', 'difficulty_tier']);

export const CIRCUITS: ImportKind = {
  label: 'circuits',
  table: 'circuit_templates',
  wrapper: 'circuits',
  key: ['name'],
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'description', type: 'text', default: null },
    { column: 'circuit_type', type: 'text', enumType: 'circuittype', default: null },
    { column: 'exercises_json', type: 'json', default: [] },
    { column: 'default_rounds', type: 'integer', default: null },
    { column: 'default_duration_seconds', type: 'integer', default: null },
    { column: 'bucket_stress', type: 'json', default: {} },
    { column: 'tags', type: 'json', default: [] },
    { column: 'difficulty_tier', type: 'integer', default: 1 },
  ],
  prepare(record) {
    const input = isScraped(record) ? scrapedCircuitInput(record) : camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const { data, origin } = input;
    const name = nameOf(data);
    if ('circuitType' in data) {
      const type = circuitTypeFromText(data.circuitType);
      if (type === undefined && typeof data.circuitType === 'string') {
        return { kind: 'skip', ...name, reason: `unknown circuit type ${JSON.stringify(data.circuitType)} (expected one of ${ENUMS.CircuitType.values.join(', ')}, or For Time / Rounds For Time / EMOM / AMRAP / ladder)`, path: pathOf(origin, 'circuitType') };
      }
      if (type !== undefined) data.circuitType = type;
    }
    if (Array.isArray(data.exercisesJson) && data.exercisesJson.length === 0) {
      return { kind: 'skip', ...name, reason: 'no exercises (a rest day or an article, not a workout)', path: pathOf(origin, 'exercisesJson') };
    }
    if ('tags' in data) data.tags = normaliseTags(data.tags);
    const parsed = validate(circuitTemplateInputSchema, data, origin);
    if (!parsed.ok) return { kind: 'invalid', ...name, issues: parsed.issues };
    const c = parsed.value;
    return ok([c.name], c.name, {
      name: c.name,
      description: c.description,
      circuit_type: ENUMS.CircuitType.toDb(c.circuitType),
      exercises_json: c.exercisesJson,
      default_rounds: c.defaultRounds,
      default_duration_seconds: c.defaultDurationSeconds,
      bucket_stress: c.bucketStress,
      tags: c.tags,
      difficulty_tier: c.difficultyTier,
    });
  },
};

function isScraped(record: unknown): record is Record<string, unknown> {
  return typeof record === 'object' && record !== null && !Array.isArray(record) && ('exercises' in record || 'raw_workout' in record || 'metadata' in record);
}

/** Upstream's scraped workout -> a CircuitTemplateInput-shaped object. */
function scrapedCircuitInput(record: Record<string, unknown>): { data: Record<string, unknown>; origin: Origin } {
  const data: Record<string, unknown> = {};
  const origin: Origin = new Map();
  const set = (field: string, value: unknown, from: (string | number)[]) => {
    if (value === undefined) return;
    data[field] = value;
    origin.set(field, from);
  };
  for (const key of Object.keys(record)) {
    if (!SCRAPED_KEYS.has(key)) set(key, record[key], [key]); // unknown key: the strict schema reports it
  }
  const metadata = typeof record.metadata === 'object' && record.metadata !== null ? (record.metadata as Record<string, unknown>) : {};
  set('name', record.name, ['name']);
  set('circuitType', record.circuit_type, ['circuit_type']);
  set('exercisesJson', record.exercises, ['exercises']);
  const description = [cleanDescription(record.description), typeof metadata.interval_notes === 'string' ? metadata.interval_notes.trim() : '']
    .filter((part) => part !== '')
    .join('\n\n');
  if (description !== '') set('description', description, ['description']);
  else if (record.description != null && typeof record.description !== 'string') set('description', record.description, ['description']); // reported by the schema
  else if ('description' in record) set('description', null, ['description']);
  if (metadata.rounds != null) set('defaultRounds', metadata.rounds, ['metadata', 'rounds']);
  const duration = parseDurationSeconds(metadata.time_cap);
  if (duration !== undefined) set('defaultDurationSeconds', duration, ['metadata', 'time_cap']);
  const name = typeof record.name === 'string' ? record.name : '';
  set('tags', record.tags ?? ['scraped', ...(/crossfit/i.test(name) ? ['crossfit'] : [])], ['tags']);
  set('bucketStress', record.bucket_stress, ['bucket_stress']);
  set('difficultyTier', record.difficulty_tier, ['difficulty_tier']);
  return { data, origin };
}

/** Scraped descriptions start with the ":" that followed a heading; trim it and surrounding blank lines. */
function cleanDescription(value: unknown): string {
  return typeof value === 'string' ? value.replace(/^[\s:]+/, '').trim() : '';
}

/** `"20 min"`, `"90 sec"`, `"1 hour"`, `"12:30"` -> seconds; anything else -> undefined. */
function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.startsWith('h') ? 3600 : m[2]!.startsWith('m') ? 60 : 1;
  const seconds = Math.round(n * unit);
  return seconds > 0 ? seconds : undefined;
}
