// Row schemas of the coaching module: heuristic_configs, conversation_threads, conversation_turns
// (docs/data-model.md, "Tables").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { wireInt, wireJsonObject, wireTimestamp, type WithDates } from './wire.js';

/**
 * A `heuristic_configs` row (a versioned tuning blob of the coach).
 * @example
 * ```ts
 * const config = heuristicConfigRowSchema.parse(body);
 * config.jsonBlob.deload_threshold;
 * ```
 */
export const heuristicConfigRowSchema = z.object({
  id: wireInt,
  name: z.string(),
  version: wireInt,
  jsonBlob: wireJsonObject,
  description: z.string().nullable(),
  active: z.boolean().nullable(),
  createdAt: wireTimestamp.nullable(),
});

/**
 * A `heuristic_configs` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const config: HeuristicConfigRow = heuristicConfigRowSchema.parse(body);
 * ```
 */
export type HeuristicConfigRow = WithDates<z.infer<typeof heuristicConfigRowSchema>, 'createdAt'>;

/**
 * A `conversation_threads` row (a conversation with the coach).
 * @example
 * ```ts
 * const thread = conversationThreadRowSchema.parse(body);
 * thread.contextType; // 'session'
 * ```
 */
export const conversationThreadRowSchema = z.object({
  id: wireInt,
  userId: wireInt,
  contextType: z.string(),
  contextDate: wireTimestamp.nullable(),
  contextSessionId: wireInt.nullable(),
  isActive: z.boolean().nullable(),
  finalPlanAccepted: z.boolean().nullable(),
  acceptedPlanJson: wireJsonObject.nullable(),
  createdAt: wireTimestamp.nullable(),
  updatedAt: wireTimestamp.nullable(),
});

/**
 * A `conversation_threads` row, its timestamps as `Date`.
 * @example
 * ```ts
 * const threads: ConversationThreadRow[] = (await me.conversations.list()).items;
 * ```
 */
export type ConversationThreadRow = WithDates<z.infer<typeof conversationThreadRowSchema>, 'contextDate' | 'createdAt' | 'updatedAt'>;

/**
 * A `conversation_turns` row (one message of a thread, numbered from 1).
 * @example
 * ```ts
 * const turn = conversationTurnRowSchema.parse(body);
 * `${turn.turnNumber} ${turn.role}: ${turn.content}`;
 * ```
 */
export const conversationTurnRowSchema = z.object({
  id: wireInt,
  threadId: wireInt,
  turnNumber: wireInt,
  role: z.string(),
  content: z.string(),
  structuredResponseJson: wireJsonObject.nullable(),
  createdAt: wireTimestamp.nullable(),
});

/**
 * A `conversation_turns` row, `createdAt` a `Date`.
 * @example
 * ```ts
 * const turns: ConversationTurnRow[] = (await me.conversations.get(threadId)).turns;
 * ```
 */
export type ConversationTurnRow = WithDates<z.infer<typeof conversationTurnRowSchema>, 'createdAt'>;
