// The service's workflows over HTTP injection (no socket), against a real PostgreSQL database.
// DATABASE_URL names an empty database: the test migrates it and loads a three-movement catalog.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createGainslyOrm, migrate, Movement, type AnyMikroORM } from '@gainsly/db';
import { importMovements } from '@gainsly/db/admin';
import { PROBLEM_CONTENT_TYPE, pageSchema, workoutLogRowSchema } from '@gainsly/db/schemas';
import { buildApp } from '../src/app.js';
import { serviceProblemSchema, type ServiceProblem } from '../src/http.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required (an empty PostgreSQL database)');

let orm: AnyMikroORM;
let app: FastifyInstance;
/** Friendships, as the service's social graph would answer them (`a:b`, both directions). */
const friendships = new Set<string>();
const movements: Record<'squat' | 'bench' | 'row', number> = { squat: 0, bench: 0, row: 0 };

// Shared across the workflows below, which run in order.
const users = { ada: 0, bob: 0, cy: 0 };
let programId = 0;
let firstWeekId = 0;
let sessionId = 0;
let threadId = 0;
const workoutIds: number[] = [];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, checked by the assertions

async function call(method: 'GET' | 'POST', path: string, options: { as?: number; body?: unknown; payload?: string } = {}) {
  const response = await app.inject({
    method,
    url: path,
    headers: {
      ...(options.as === undefined ? {} : { 'x-user-id': String(options.as) }),
      ...(options.body === undefined && options.payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
  const body: Json = response.body === '' ? undefined : JSON.parse(response.body);
  return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body, text: response.body };
}

/** Asserts an RFC 9457 problem with this status (and code), parsed as a client would (the library's schema, codes open). */
function assertProblem(response: { status: number; type: string; body: Json }, status: number, code?: string): ServiceProblem {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.ok(response.type.startsWith(PROBLEM_CONTENT_TYPE), response.type);
  const problem = serviceProblemSchema.parse(response.body);
  assert.equal(problem.status, status);
  if (code) assert.equal(problem.code, code);
  return problem;
}

before(async () => {
  orm = await createGainslyOrm({ url });
  await migrate(orm);
  // A small system catalog, through the library's seed-data import (upstream's movements.json shape).
  await importMovements(orm, {
    movements: [
      { name: 'Back Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' },
      { name: 'Bench Press', pattern: 'horizontal_push', primaryMuscle: 'chest', primaryRegion: 'anterior upper' },
      { name: 'Barbell Row', pattern: 'horizontal_pull', primaryMuscle: 'upper_back', primaryRegion: 'posterior upper' },
    ],
  });
  for (const movement of await orm.em.fork().find(Movement, {}, { fields: ['id', 'name'] })) {
    if (movement.name === 'Back Squat') movements.squat = movement.id;
    if (movement.name === 'Bench Press') movements.bench = movement.id;
    if (movement.name === 'Barbell Row') movements.row = movement.id;
  }
  app = buildApp({ orm, areFriends: (a, b) => friendships.has(`${a}:${b}`) || friendships.has(`${b}:${a}`) });
  await app.ready();
});

after(async () => {
  await app?.close();
  await orm?.close();
});

describe('users', () => {
  it('signs users up and reads the profile of the signed-in one', async () => {
    for (const name of ['ada', 'bob', 'cy'] as const) {
      const created = await call('POST', '/users', { body: { name, email: `${name}@example.com`, settings: { activeE1rmFormula: 'epley' } } });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.email, `${name}@example.com`);
      assert.equal(created.body.settings.activeE1rmFormula, 'epley');
      users[name] = created.body.id;
    }
    const profile = await call('GET', '/me', { as: users.ada });
    assert.equal(profile.status, 200);
    assert.equal(profile.body.name, 'ada');
  });

  it('answers problems: 401 without x-user-id, 404 for a user that does not exist, 409 for a taken e-mail', async () => {
    const anonymous = assertProblem(await call('GET', '/me'), 401, 'UNAUTHENTICATED');
    assert.equal(anonymous.instance, '/me');
    assertProblem(await call('POST', '/me/workouts', { body: { date: 'nope' } }), 401, 'UNAUTHENTICATED'); // who asks comes first
    assertProblem(await call('GET', '/me', { as: 0 }), 401, 'UNAUTHENTICATED');
    assertProblem(await call('GET', '/me', { as: 999_999 }), 404, 'GAINSLY_NOT_FOUND');
    assertProblem(await call('GET', '/me/workouts', { as: 999_999 }), 404, 'GAINSLY_NOT_FOUND');
    const taken = assertProblem(await call('POST', '/users', { body: { email: 'ada@example.com' } }), 409, 'GAINSLY_UNIQUE_VIOLATION');
    assert.doesNotMatch(taken.detail, /ix_|users|constraint/i); // nothing about the schema
    assertProblem(await call('GET', '/nowhere', { as: users.ada }), 404, 'GAINSLY_NOT_FOUND');
  });
});

describe('programs and the week view', () => {
  it('creates a program with its weeks and lists it, paged', async () => {
    const created = await call('POST', '/me/programs', {
      as: users.ada,
      body: {
        name: 'Winter block', startDate: '2026-01-05', durationWeeks: 8, daysPerWeek: 4, splitTemplate: 'upper_lower', progressionStyle: 'double_progression',
        goals: [{ goal: 'strength', weight: 5 }, { goal: 'hypertrophy', weight: 3 }, { goal: 'endurance', weight: 2 }],
      },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.microcycles.length, 8);
    assert.deepEqual(created.body.microcycles.map((m: Json) => m.status).slice(0, 2), ['active', 'planned']);
    programId = created.body.id;
    firstWeekId = created.body.microcycles[0].id;

    const page = await call('GET', '/me/programs?limit=1&include=microcycles', { as: users.ada });
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.items.length, 1);
    assert.equal(page.body.items[0].id, programId);
    assert.equal(page.body.items[0].microcycles.length, 8);
    assert.equal(page.body.nextCursor, null);

    const one = await call('GET', `/me/programs/${programId}`, { as: users.ada });
    assert.equal(one.status, 200);
    assert.equal(one.body.name, 'Winter block');
    assert.equal('microcycles' in one.body, false); // nested only when included
  });

  it('plans a session and shows it in the week view of a date', async () => {
    const planned = await call('POST', '/me/sessions', {
      as: users.ada,
      body: {
        microcycleId: firstWeekId, date: '2026-01-06', dayNumber: 2, sessionType: 'upper',
        sections: { main: [{ movementId: movements.bench, sets: 4, repRangeMin: 4, repRangeMax: 6, rpe: 8 }] },
      },
    });
    assert.equal(planned.status, 201, planned.text);
    sessionId = planned.body.id;
    const week = await call('GET', '/me/week?date=2026-01-07', { as: users.ada });
    assert.equal(week.status, 200, week.text);
    assert.equal(week.body.id, firstWeekId);
    assert.equal(week.body.sessions.length, 1);
    assert.equal(week.body.sessions[0].exercises[0].movement.name, 'Bench Press');
    assert.deepEqual((await call('GET', `/me/microcycles/${firstWeekId}`, { as: users.ada })).body, week.body);
    assertProblem(await call('GET', '/me/week?date=2030-01-01', { as: users.ada }), 404, 'GAINSLY_NOT_FOUND');
  });
});

describe('workouts and strength', () => {
  it('logs workouts: stored e1RM, the effort-adjusted one, exposures in the covering week', async () => {
    const logs = [
      { date: '2026-01-06', visibility: 'public', notes: 'ada public squat', topSets: [{ movementId: movements.squat, weight: 100, reps: 5, rpe: 8 }] },
      { date: '2026-01-08', visibility: 'private', notes: 'ada private squat', topSets: [{ movementId: movements.squat, weight: 105, reps: 5 }] },
      { date: '2026-01-09', visibility: 'friends', notes: 'ada friends bench', topSets: [{ movementId: movements.bench, weight: 80, reps: 5 }, { movementId: movements.row, weight: 70, reps: 8 }] },
    ];
    for (const log of logs) {
      const logged = await call('POST', '/me/workouts', { as: users.ada, body: log });
      assert.equal(logged.status, 201, logged.text);
      assert.equal(logged.body.microcycleId, firstWeekId);
      assert.equal(logged.body.exposures.length, log.topSets.length);
      workoutIds.push(logged.body.workoutLog.id);
    }
    const first = (await call('GET', `/me/workouts/${workoutIds[0]}`, { as: users.ada })).body;
    assert.ok(Math.abs(first.topSets[0].e1rmValue - 116.6667) < 1e-3);
    assert.equal(first.topSets[0].movement.name, 'Back Squat');
    assert.equal(first.topSets[0].pattern, 'squat');
    assert.match(first.createdAt, /^\d{4}-\d\d-\d\dT.*Z$/); // a timestamp on the wire: ISO 8601
  });

  it('lists workouts with their top sets a page at a time (limit 1, then after=nextCursor)', async () => {
    const seen: number[] = [];
    let path = '/me/workouts?limit=1&include=topSets';
    for (;;) {
      const page = await call('GET', path, { as: users.ada });
      assert.equal(page.status, 200, page.text);
      const parsed = pageSchema(workoutLogRowSchema).parse(page.body); // the wire contract a front end parses
      assert.equal(parsed.items.length, 1);
      assert.equal(page.body.items[0].topSets.length >= 1, true);
      seen.push(parsed.items[0]!.id);
      if (!parsed.nextCursor) break;
      path = `/me/workouts?limit=1&include=topSets&after=${encodeURIComponent(parsed.nextCursor)}`;
    }
    assert.deepEqual(seen, workoutIds); // oldest first, each once
    const range = await call('GET', '/me/workouts?from=2026-01-07&to=2026-01-08', { as: users.ada });
    assert.deepEqual(range.body.items.map((w: Json) => w.date), ['2026-01-08']);
    assert.equal('topSets' in range.body.items[0], false);
  });

  it('computes pattern strength and advances the program', async () => {
    const strength = await call('GET', '/me/strength', { as: users.ada });
    assert.equal(strength.status, 200);
    assert.equal(strength.body.length, 17);
    const squat = strength.body.find((row: Json) => row.pattern === 'squat');
    assert.equal(squat.exposures, 2);
    assert.ok(Math.abs(squat.psi - (100 * (1 + 5 / 30) + 105 * (1 + 5 / 30)) / 2) < 1e-6);
    assert.equal(strength.body.find((row: Json) => row.pattern === 'horizontal_push').psi, null); // one exposure: too few
    assert.equal((await call('GET', '/me/strength?method=upstream', { as: users.ada })).status, 200);

    const advanced = await call('POST', `/me/programs/${programId}/advance`, { as: users.ada });
    assert.equal(advanced.status, 200, advanced.text);
    assert.equal(advanced.body.completed[0].id, firstWeekId);
    assert.equal(advanced.body.active.sequenceNumber, 2);
  });
});

describe('soreness and recovery', () => {
  it('records soreness and sums it per body part', async () => {
    const created = await call('POST', '/me/soreness', { as: users.ada, body: { date: '2026-01-07', bodyPart: 'quads', soreness: 3, inferredCauseSessionId: sessionId } });
    assert.equal(created.status, 201, created.text);
    const list = await call('GET', '/me/soreness?from=2026-01-01', { as: users.ada });
    assert.deepEqual(list.body.items.map((s: Json) => [s.bodyPart, s.soreness15]), [['quads', 3]]);
    const byPart = await call('GET', '/me/soreness/by-body-part?days=7&until=2026-01-08', { as: users.ada });
    assert.equal(byPart.status, 200, byPart.text);
    assert.match(JSON.stringify(byPart.body), /quads/);
  });

  it('records recovery readings and averages them', async () => {
    for (const [date, readiness] of [['2026-01-06', 70], ['2026-01-07', 80]] as const) {
      const created = await call('POST', '/me/recovery', { as: users.ada, body: { date, readiness, sleepHours: 7.5, restingHr: 52 } });
      assert.equal(created.status, 201, created.text);
    }
    const list = await call('GET', '/me/recovery?limit=10', { as: users.ada });
    assert.equal(list.body.items.length, 2);
    const averages = await call('GET', '/me/recovery/averages?days=7&until=2026-01-08', { as: users.ada });
    assert.equal(averages.status, 200, averages.text);
    assert.match(JSON.stringify(averages.body), /75/);
  });
});

describe('conversations with the coach', () => {
  it('opens a thread and appends a turn', async () => {
    const opened = await call('POST', '/me/threads', { as: users.ada, body: { contextType: 'program_setup' } });
    assert.equal(opened.status, 201, opened.text);
    assert.deepEqual(opened.body.turns, []);
    threadId = opened.body.id;
    const turn = await call('POST', `/me/threads/${threadId}/turns`, { as: users.ada, body: { role: 'user', content: 'My knee hurts after squats.' } });
    assert.equal(turn.status, 201, turn.text);
    assert.deepEqual(turn.body.turns.map((t: Json) => [t.turnNumber, t.role]), [[1, 'user']]);
  });
});

describe("a friend's feed", () => {
  it('shows public workouts to anyone, friends-only ones to friends, private ones to nobody', async () => {
    friendships.add(`${users.ada}:${users.bob}`);
    const asStranger = await call('GET', `/users/${users.ada}/workouts?include=topSets`, { as: users.cy });
    assert.equal(asStranger.status, 200, asStranger.text);
    assert.deepEqual(asStranger.body.items.map((w: Json) => w.notes), ['ada public squat']);
    const asFriend = await call('GET', `/users/${users.ada}/workouts?include=topSets`, { as: users.bob });
    assert.deepEqual(asFriend.body.items.map((w: Json) => w.notes), ['ada public squat', 'ada friends bench']);
    assert.equal(asFriend.body.items[1].topSets.length, 2);
    assert.doesNotMatch(asFriend.text, /private squat/);
    const programs = await call('GET', `/users/${users.ada}/programs`, { as: users.cy });
    assert.equal(programs.status, 200, programs.text);
    assert.equal(programs.body.items.length, 0); // programs are private unless made visible
    assertProblem(await call('GET', '/users/999999/workouts', { as: users.cy }), 404, 'GAINSLY_NOT_FOUND');
  });
});

describe('bad input', () => {
  it('refuses a bad body with a 400 problem naming every field, and writes nothing', async () => {
    const before = (await call('GET', '/me/workouts', { as: users.ada })).body.items.length;
    const problem = assertProblem(
      await call('POST', '/me/workouts', { as: users.ada, body: { date: '2026-02-30', topSets: [{ movementId: movements.squat, weight: 100, reps: 0 }], colour: 'red' } }),
      400,
      'GAINSLY_VALIDATION',
    );
    const pointers = (problem.errors ?? []).map((e) => e.pointer).sort();
    assert.deepEqual(pointers, ['/colour', '/date', '/topSets/0/reps']);
    assert.equal((await call('GET', '/me/workouts', { as: users.ada })).body.items.length, before);

    const enumProblem = assertProblem(await call('POST', '/me/recovery', { as: users.ada, body: { date: '2026-01-09', source: 'fitbit' } }), 400, 'GAINSLY_VALIDATION');
    assert.deepEqual(enumProblem.errors?.map((e) => e.pointer), ['/source']);
    assert.equal((await call('GET', '/me/recovery', { as: users.ada })).body.items.length, 2);

    assertProblem(await call('POST', '/me/workouts', { as: users.ada, payload: '{"date": ' }), 400, 'GAINSLY_VALIDATION'); // malformed JSON
  });

  it('refuses a bad query string or path id with a 400 problem naming it', async () => {
    const cases: [string, string][] = [
      ['/me/workouts?limit=0', '/limit'],
      ['/me/workouts?limit=ten', '/limit'],
      ['/me/workouts?include=sets', '/include/0'],
      ['/me/workouts?from=2026-02-01&to=2026-01-01', '/to'],
      ['/me/workouts?form=2026-01-01', '/form'],
      ['/me/workouts/abc', '/id'],
      ['/me/workouts/0', '/id'],
      ['/me/recovery/averages?days=-1', '/days'],
      ['/me/week?date=today', '/date'],
    ];
    for (const [path, pointer] of cases) {
      const problem = assertProblem(await call('GET', path, { as: users.ada }), 400, 'GAINSLY_VALIDATION');
      assert.deepEqual(problem.errors?.map((e) => e.pointer), [pointer], path);
    }
    // A cursor of another list is refused by the library itself (not the edge), with the same problem shape.
    const recoveryCursor = (await call('GET', '/me/recovery?limit=1', { as: users.ada })).body.nextCursor as string;
    assert.ok(recoveryCursor);
    for (const cursor of [recoveryCursor, 'made-up']) {
      const foreign = assertProblem(await call('GET', `/me/workouts?after=${encodeURIComponent(cursor)}`, { as: users.ada }), 400, 'GAINSLY_VALIDATION');
      assert.deepEqual(foreign.errors?.map((e) => e.pointer), ['/after']);
    }
  });
});

describe("another user's ids", () => {
  it('are "not found" (404), never their data, and change nothing', async () => {
    const reads = [`/me/workouts/${workoutIds[0]}`, `/me/programs/${programId}`, `/me/microcycles/${firstWeekId}`];
    for (const path of reads) {
      const response = await call('GET', path, { as: users.cy });
      assertProblem(response, 404, 'GAINSLY_NOT_FOUND');
      assert.doesNotMatch(response.text, /ada|Winter block|squat/i, path);
    }
    const writes: [string, unknown][] = [
      [`/me/programs/${programId}/advance`, undefined],
      [`/me/threads/${threadId}/turns`, { role: 'user', content: 'not my thread' }],
      ['/me/workouts', { date: '2026-01-10', sessionId, topSets: [] }],
      ['/me/soreness', { date: '2026-01-10', bodyPart: 'back', soreness: 2, inferredCauseSessionId: sessionId }],
      ['/me/sessions', { microcycleId: firstWeekId, date: '2026-01-10', dayNumber: 5, sessionType: 'lower', sections: {} }],
    ];
    for (const [path, body] of writes) {
      const response = await call('POST', path, body === undefined ? { as: users.cy } : { as: users.cy, body });
      assertProblem(response, 404, 'GAINSLY_NOT_FOUND');
    }
    // Ada's data is as it was: week 2 active, one turn, no workout or soreness of Bob's attached to her session.
    const week = await call('GET', '/me/week?date=2026-01-13', { as: users.ada });
    assert.equal(week.body.sequenceNumber, 2);
    assert.equal(week.body.status, 'active');
    const thread = await call('POST', `/me/threads/${threadId}/turns`, { as: users.ada, body: { role: 'assistant', content: 'Let us look at your squat depth.' } });
    assert.deepEqual(thread.body.turns.map((t: Json) => t.turnNumber), [1, 2]);
    assert.equal((await call('GET', '/me/workouts', { as: users.cy })).body.items.length, 0);
  });
});
