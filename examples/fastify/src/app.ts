// A Fastify 5 service on @gainsly/db: the README's workflows over HTTP, on the library's public API
// only. Request input is validated with the library's zod schemas (src/http.ts), reads return the
// library's plain rows as they are, and every error is an RFC 9457 problem (`toProblem`).
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  forUser,
  forViewer,
  GainslyNotFoundError,
  User,
  type AnyEntityManager,
  type AnyMikroORM,
  type FriendshipResolver,
} from '@gainsly/db';
import {
  appendTurnInputSchema,
  calendarDateArgumentSchema,
  conversationThreadInputSchema,
  conversationThreadDetailRowSchema,
  createProgramInputSchema,
  createUserInputSchema,
  dateWindowSchema,
  datedRowsOptionsSchema,
  logWorkoutInputSchema,
  loggedWorkoutSchema,
  microcycleAdvanceSchema,
  microcycleRowSchema,
  microcycleViewSchema,
  pageSchema,
  patternStrengthOptionsSchema,
  patternStrengthSchema,
  profileRowSchema,
  programIncludeOptionsSchema,
  programListOptionsSchema,
  programRowSchema,
  recoverySignalInputSchema,
  recoverySignalRowSchema,
  sessionDetailRowSchema,
  sessionPlanInputSchema,
  sorenessInputSchema,
  sorenessLogRowSchema,
  topSetLogRowSchema,
  workoutListOptionsSchema,
  workoutLogDetailRowSchema,
  workoutLogRowSchema,
} from '@gainsly/db/schemas';
import { errorHandler, fromQuery, idParam, idParams, toWire, UnauthenticatedError, validatorCompiler } from './http.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's EntityManager: a fork of the ORM's, made when the request arrives. */
    em: AnyEntityManager;
    /** The signed-in user (0 on the routes marked `anonymous`). */
    userId: number;
  }
  interface FastifyContextConfig {
    /** The route needs no signed-in user (sign-up). */
    anonymous?: boolean;
  }
}

export interface AppOptions {
  /** The ORM of `createGainslyOrm`, migrated. The app never closes it. */
  orm: AnyMikroORM;
  /** Whether two users are friends: the social graph is the service's, not the library's. Default: nobody is. */
  areFriends?: FriendshipResolver;
  /** Fastify's logger option (off by default, as in the tests). */
  logger?: FastifyServerOptions['logger'];
}

// Response schemas: the library's wire schemas; a list whose `include` is optional names its nested
// rows as optional (a zod object drops keys it does not name, so a nested list must be named to be sent).
const programWithWeeks = programRowSchema.extend({ microcycles: z.array(microcycleRowSchema).optional() });
const workoutWithSets = workoutLogRowSchema.extend({ topSets: z.array(topSetLogRowSchema).optional() });
const workoutDetail = workoutLogDetailRowSchema;
const profile = profileRowSchema;
const threadDetail = conversationThreadDetailRowSchema;

// Query strings, through the library's option schemas (see fromQuery).
const workoutQuery = fromQuery(workoutListOptionsSchema, { numbers: ['limit'], lists: ['include'] });
const datedQuery = fromQuery(datedRowsOptionsSchema, { numbers: ['limit'] });
const programQuery = fromQuery(programListOptionsSchema, { numbers: ['limit'], lists: ['include'] });
const programGetQuery = fromQuery(programIncludeOptionsSchema, { lists: ['include'] });
const windowQuery = fromQuery(dateWindowSchema, { numbers: ['days'] });
const strengthQuery = fromQuery(patternStrengthOptionsSchema, { numbers: ['lastNMicrocycles'] });
const weekQuery = z.object({ date: calendarDateArgumentSchema });
const ownerParams = z.object({ ownerId: idParam });

/**
 * The user a request acts for, from the `x-user-id` header. A stand-in for real authentication
 * (a session cookie, a verified JWT's subject): never trust a client-sent id in production.
 */
function userIdOf(request: FastifyRequest): number {
  const header = request.headers['x-user-id'];
  if (typeof header !== 'string' || !/^[1-9]\d{0,9}$/.test(header) || Number(header) > 2147483647) {
    throw new UnauthenticatedError('send the acting user id in the x-user-id header (a stand-in for real authentication)');
  }
  return Number(header);
}

/** The signed-in user's scope: every read and write restricted to them (another user's id is "not found"). */
function me(request: FastifyRequest) {
  return forUser(request.em, request.userId);
}

/** The service: `await buildApp({ orm }).ready()`, then `listen` or `inject`. */
export function buildApp({ orm, areFriends = () => false, logger = false }: AppOptions): FastifyInstance {
  const app = Fastify({ logger }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request) => {
    throw new GainslyNotFoundError('Route', 'routes', { method: request.method, url: request.url });
  });
  app.decorateRequest('em', null as unknown as AnyEntityManager);
  app.decorateRequest('userId', 0);
  // Who is asking, before anything else (a bad body from nobody is a 401, not a 400); then one
  // EntityManager per request, so identity maps never mix between requests.
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config.anonymous) request.userId = userIdOf(request);
    request.em = orm.em.fork();
  });

  // --- users ---------------------------------------------------------------------------------

  /** Sign-up: creates a user (and their settings). No x-user-id: the user does not exist yet. */
  app.post('/users', { config: { anonymous: true }, schema: { body: createUserInputSchema, response: { 201: profile } } }, async (request, reply) => {
    const user = await request.em.getRepository(User).createUser(request.body);
    reply.status(201);
    return toWire(await forUser(request.em, user.id).profile.get());
  });

  app.get('/me', { schema: { response: { 200: profile } } }, async (request) => toWire(await me(request).profile.get()));

  // --- programs and the week view ------------------------------------------------------------

  /** Creates a program with its microcycle plan; it becomes the active one. */
  app.post('/me/programs', { schema: { body: createProgramInputSchema, response: { 201: programWithWeeks } } }, async (request, reply) => {
    // The write returns the program with its weeks, as the read does: no second request needed.
    const program = await me(request).programs.create(request.body);
    reply.status(201);
    return toWire(program);
  });

  /** `?limit=10&after=<nextCursor>&include=microcycles`: newest first. */
  app.get('/me/programs', { schema: { querystring: programQuery, response: { 200: pageSchema(programWithWeeks) } } }, async (request) =>
    toWire(await me(request).programs.list(request.query)),
  );

  app.get('/me/programs/:id', { schema: { params: idParams, querystring: programGetQuery, response: { 200: programWithWeeks } } }, async (request) =>
    toWire(await me(request).programs.get(request.params.id, request.query)),
  );

  /** Completes the active week and activates the next ("next microcycle" in the app). */
  app.post('/me/programs/:id/advance', { schema: { params: idParams, response: { 200: microcycleAdvanceSchema } } }, async (request) => me(request).programs.advance(request.params.id));

  /** The week view of the week covering `?date=` in the active program: sessions by day, exercises, movements. */
  app.get('/me/week', { schema: { querystring: weekQuery, response: { 200: microcycleViewSchema } } }, async (request) => {
    const scope = me(request);
    const week = await scope.programs.microcycleOn(request.query.date);
    if (!week) throw new GainslyNotFoundError('Microcycle', 'microcycles', { date: request.query.date });
    return scope.sessions.microcycleView(week.id);
  });

  /** The week view of one microcycle by id. */
  app.get('/me/microcycles/:id', { schema: { params: idParams, response: { 200: microcycleViewSchema } } }, async (request) => me(request).sessions.microcycleView(request.params.id));

  /** Plans a session (its JSON sections and session_exercises), in one of the user's microcycles. */
  app.post('/me/sessions', { schema: { body: sessionPlanInputSchema, response: { 201: sessionDetailRowSchema } } }, async (request, reply) => {
    const session = await me(request).sessions.writePlan(request.body);
    reply.status(201);
    return session;
  });

  // --- workouts and strength -----------------------------------------------------------------

  /** Logs a workout with its top sets: e1RM stored, pattern exposures filed under the covering week. */
  app.post('/me/workouts', { schema: { body: logWorkoutInputSchema, response: { 201: loggedWorkoutSchema } } }, async (request, reply) => {
    const logged = await me(request).workouts.log(request.body);
    reply.status(201);
    return toWire(logged);
  });

  /** `?from=&to=&limit=&after=&include=topSets`: oldest first, one statement per page. */
  app.get('/me/workouts', { schema: { querystring: workoutQuery, response: { 200: pageSchema(workoutWithSets) } } }, async (request) =>
    toWire(await me(request).workouts.list(request.query)),
  );

  app.get('/me/workouts/:id', { schema: { params: idParams, response: { 200: workoutDetail } } }, async (request) =>
    toWire(await me(request).workouts.get(request.params.id)),
  );

  /** Pattern strength index of all 17 patterns; `?method=upstream` for the Python app's numbers. */
  app.get('/me/strength', { schema: { querystring: strengthQuery, response: { 200: z.array(patternStrengthSchema) } } }, async (request) => me(request).strength.psiAll(request.query));

  // --- soreness and recovery -----------------------------------------------------------------

  app.post('/me/soreness', { schema: { body: sorenessInputSchema } }, async (request, reply) => {
    const entry = await me(request).soreness.create(request.body);
    reply.status(201);
    return { id: entry.id };
  });

  app.get('/me/soreness', { schema: { querystring: datedQuery, response: { 200: pageSchema(sorenessLogRowSchema) } } }, async (request) =>
    toWire(await me(request).soreness.list(request.query)),
  );

  /** `?days=7&until=2026-01-31`: soreness per body part over the window. */
  app.get('/me/soreness/by-body-part', { schema: { querystring: windowQuery } }, async (request) => me(request).soreness.byBodyPart(request.query));

  app.post('/me/recovery', { schema: { body: recoverySignalInputSchema } }, async (request, reply) => {
    const reading = await me(request).recovery.create(request.body);
    reply.status(201);
    return { id: reading.id };
  });

  app.get('/me/recovery', { schema: { querystring: datedQuery, response: { 200: pageSchema(recoverySignalRowSchema) } } }, async (request) =>
    toWire(await me(request).recovery.list(request.query)),
  );

  /** `?days=7&until=2026-01-31`: average sleep, readiness, HRV and resting heart rate. */
  app.get('/me/recovery/averages', { schema: { querystring: windowQuery } }, async (request) => me(request).recovery.averages(request.query));

  // --- conversations with the coach ----------------------------------------------------------

  app.post('/me/threads', { schema: { body: conversationThreadInputSchema, response: { 201: threadDetail } } }, async (request, reply) => {
    const thread = await me(request).conversations.create(request.body);
    reply.status(201);
    return toWire({ ...thread, turns: [] });
  });

  /** Appends a turn (numbered without gaps under concurrency); answers with the thread and its turns. */
  app.post('/me/threads/:id/turns', { schema: { params: idParams, body: appendTurnInputSchema, response: { 201: threadDetail } } }, async (request, reply) => {
    const scope = me(request);
    await scope.conversations.appendTurn(request.params.id, request.body);
    reply.status(201);
    return toWire(await scope.conversations.get(request.params.id));
  });

  // --- other users, by visibility ------------------------------------------------------------

  /** A user's workouts as the signed-in user may see them: public ones, and friends-only ones to friends. */
  app.get('/users/:ownerId/workouts', { schema: { params: ownerParams, querystring: workoutQuery, response: { 200: pageSchema(workoutWithSets) } } }, async (request) =>
    toWire(await forViewer(request.em, request.userId, { areFriends }).workoutLogsOf(request.params.ownerId, request.query)),
  );

  /** A user's programs by the same rule. */
  app.get('/users/:ownerId/programs', { schema: { params: ownerParams, querystring: programQuery, response: { 200: pageSchema(programWithWeeks) } } }, async (request) =>
    toWire(await forViewer(request.em, request.userId, { areFriends }).programsOf(request.params.ownerId, request.query)),
  );

  return app;
}
