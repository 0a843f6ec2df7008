// Inputs of the coaching module: heuristic configs and conversations.
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { acceptedPlanJsonSchema, heuristicJsonBlobSchema, structuredResponseJsonSchema } from '../json-blobs.js';
import { listAllowed } from '../messages.js';
import { COLUMN_LENGTHS, booleanSchema, idSchema, intSchema, strictInput, textSchema, timestampSchema, varcharSchema } from '../primitives.js';
import { INPUT_LIMITS } from './limits.js';

/**
 * A versioned heuristic config (`heuristic_configs`): `name` <= 100, `version` integer >= 1,
 * `jsonBlob` any JSON object, `active` flag (default false in the database).
 *
 * @example
 * ```ts
 * heuristicConfigInputSchema.parse({ name: 'deload_policy', version: 2, jsonBlob: { every_n_microcycles: 4 }, active: true });
 * ```
 */
export const heuristicConfigInputSchema = strictInput({
  name: varcharSchema(COLUMN_LENGTHS.heuristicName),
  version: intSchema(INPUT_LIMITS.heuristicVersion),
  jsonBlob: heuristicJsonBlobSchema,
  description: textSchema().nullish(),
  active: booleanSchema.optional(),
});
/**
 * What a caller may pass to store a heuristic config.
 * @example
 * ```ts
 * const input: HeuristicConfigInput = { name: 'psi_calculation', version: 1, jsonBlob: {} };
 * ```
 */
export type HeuristicConfigInput = z.input<typeof heuristicConfigInputSchema>;
/**
 * A parsed heuristic config.
 * @example
 * ```ts
 * const data: HeuristicConfigData = heuristicConfigInputSchema.parse(input);
 * ```
 */
export type HeuristicConfigData = z.output<typeof heuristicConfigInputSchema>;

/**
 * Opens a conversation thread: `contextType` an open category (<= 50 chars; upstream uses
 * `'daily_adaptation'` and `'program_setup'`), `contextDate` a Date or ISO string (parsed to a Date,
 * offset-less strings read as UTC), optionally the session it is about.
 *
 * @example
 * ```ts
 * conversationThreadInputSchema.parse({ contextType: 'daily_adaptation', contextDate: '2026-01-06T07:30:00Z', contextSessionId: 31 });
 * ```
 */
export const conversationThreadInputSchema = strictInput({
  contextType: varcharSchema(COLUMN_LENGTHS.contextType),
  contextDate: timestampSchema.nullish(),
  contextSessionId: idSchema.nullish(),
});
/**
 * What a caller may pass to open a thread.
 * @example
 * ```ts
 * const input: ConversationThreadInput = { contextType: 'program_setup' };
 * ```
 */
export type ConversationThreadInput = z.input<typeof conversationThreadInputSchema>;
/**
 * A parsed thread input (`contextDate` is a `Date`).
 * @example
 * ```ts
 * const data: ConversationThreadData = conversationThreadInputSchema.parse({ contextType: 'program_setup', contextDate: '2026-01-06' });
 * data.contextDate; // Date 2026-01-06T00:00:00.000Z
 * ```
 */
export type ConversationThreadData = z.output<typeof conversationThreadInputSchema>;

/**
 * The speakers of a conversation (`conversation_turns.role`, varchar(20)).
 *
 * @example
 * ```ts
 * CONVERSATION_ROLES.includes('assistant'); // true
 * ```
 */
export const CONVERSATION_ROLES = Object.freeze(['user', 'assistant'] as const);

/**
 * Appends a turn to a thread: `role` `'user'` or `'assistant'`, `content` 1–100 000 characters (kept
 * verbatim), and the assistant's structured payload as a JSON object. The turn number is assigned by
 * the repository.
 *
 * @example
 * ```ts
 * appendTurnInputSchema.parse({ role: 'assistant', content: 'Swap squats for leg press today.', structuredResponseJson: { swaps: [[1, 14]] } });
 * ```
 */
export const appendTurnInputSchema = strictInput({
  role: z.literal(CONVERSATION_ROLES, { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${listAllowed(CONVERSATION_ROLES)}`) }),
  content: textSchema(INPUT_LIMITS.conversationContentMaxLength).refine((content) => content.length > 0, 'must not be empty'),
  structuredResponseJson: structuredResponseJsonSchema.nullish(),
});
/**
 * What a caller may pass to append a turn.
 * @example
 * ```ts
 * const input: AppendTurnInput = { role: 'user', content: 'My knee hurts.' };
 * ```
 */
export type AppendTurnInput = z.input<typeof appendTurnInputSchema>;
/**
 * A parsed turn.
 * @example
 * ```ts
 * const data: AppendTurnData = appendTurnInputSchema.parse({ role: 'user', content: 'Ready.' });
 * ```
 */
export type AppendTurnData = z.output<typeof appendTurnInputSchema>;

/**
 * Accepts a plan in a thread: the plan snapshot stored in `accepted_plan_json` (any JSON object).
 *
 * @example
 * ```ts
 * acceptPlanInputSchema.parse({ plan: { sessions: [{ day: 1, main: [{ movement_id: 1, sets: 4 }] }] } });
 * ```
 */
export const acceptPlanInputSchema = strictInput({
  plan: acceptedPlanJsonSchema,
});
/**
 * What a caller may pass to accept a plan.
 * @example
 * ```ts
 * const input: AcceptPlanInput = { plan: { note: 'as discussed' } };
 * ```
 */
export type AcceptPlanInput = z.input<typeof acceptPlanInputSchema>;
/**
 * A parsed plan acceptance.
 * @example
 * ```ts
 * const data: AcceptPlanData = acceptPlanInputSchema.parse({ plan: {} });
 * ```
 */
export type AcceptPlanData = z.output<typeof acceptPlanInputSchema>;
