import { heuristicConfigInputSchema } from '../../schemas/inputs/coaching.js';
import type { ImportKind } from './kind.js';
import { camelRecord, nameOf, ok, validate } from './records.js';

export const HEURISTIC_CONFIGS: ImportKind = {
  label: 'heuristic configs',
  table: 'heuristic_configs',
  wrapper: 'configs',
  key: ['name', 'version'],
  columns: [
    { column: 'name', type: 'text', default: null },
    { column: 'version', type: 'integer', default: null },
    { column: 'json_blob', type: 'json', default: null },
    { column: 'description', type: 'text', default: null },
    { column: 'active', type: 'boolean', default: false },
  ],
  insertOnly: [{ column: 'created_at', sql: "timezone('utc'::text, now())" }],
  prepare(record) {
    const input = camelRecord(record);
    if (!input) return { kind: 'invalid', issues: [{ path: [], message: 'must be an object', received: record }] };
    const parsed = validate(heuristicConfigInputSchema, input.data, input.origin);
    if (!parsed.ok) return { kind: 'invalid', ...nameOf(input.data), issues: parsed.issues };
    const h = parsed.value;
    return ok([h.name, h.version], `${h.name} v${h.version}`, {
      name: h.name,
      version: h.version,
      json_blob: h.jsonBlob,
      description: h.description,
      active: h.active,
    });
  },
};
