// Compiled under exactOptionalPropertyTypes (tsconfig.strictest.json, consumer.test.ts): every read
// option accepts `undefined` for an optional key, as a service gets it from a query string.
import { forUser, forViewer, type AnyEntityManager as EntityManager } from '@gainsly/db';

declare const em: EntityManager;
declare const query: { from?: string; to?: string; limit?: number; after?: string; days?: number; until?: string; pattern?: 'squat'; text?: string; method?: 'upstream' };

export async function reads(): Promise<void> {
  const me = forUser(em, 1, { consistency: undefined });
  await me.workouts.list({ from: query.from, to: query.to, limit: query.limit, after: query.after, include: ['topSets'] });
  await me.programs.list({ limit: query.limit, after: query.after, include: undefined });
  await me.programs.get(1, { include: undefined });
  await me.soreness.list({ from: query.from, to: query.to, limit: query.limit, after: query.after });
  await me.recovery.list({ from: query.from, to: undefined });
  await me.strength.exposures({ from: query.from, to: query.to });
  await me.workouts.topSets({ pattern: query.pattern, movementId: undefined, limit: query.limit, after: query.after });
  await me.conversations.list({ limit: query.limit, after: query.after });
  await me.movementRules.list({ include: ['movement'], limit: undefined });
  await me.enjoyableActivities.list({ after: query.after });
  await me.soreness.byBodyPart({ days: query.days, until: query.until });
  await me.recovery.averages({ days: query.days, until: query.until });
  await me.strength.psiAll({ method: query.method, lastNMicrocycles: undefined });
  await me.strength.trendAll({ method: query.method, windowMicrocycles: undefined, threshold: undefined });
  await me.movements.search({ pattern: query.pattern, text: query.text, limit: query.limit, after: query.after, ownOnly: undefined });
  const viewer = forViewer(em, 2, { areFriends: undefined, consistency: undefined });
  await viewer.workoutLogsOf(1, { from: query.from, to: query.to, limit: query.limit, after: query.after, include: ['topSets'] });
  await viewer.programsOf(1, { limit: query.limit, after: query.after });
  await viewer.movements({ text: query.text, limit: query.limit, after: query.after });
}

export async function history(): Promise<void> {
  const me = forUser(em, 1);
  await me.strength.e1rmHistory({ pattern: 'squat', from: query.from, to: query.to });
}
