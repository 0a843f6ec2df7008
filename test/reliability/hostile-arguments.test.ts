/**
 * Hostile arguments: every public read and write of the repositories, of `forUser(...)` and of
 * `forViewer(...)` is called with arguments a buggy or malicious caller could pass — wrong types,
 * operator objects (`{ $ne: null }`), NaN and Infinity, negative, zero, fractional and huge ids,
 * out-of-range windows and limits, impossible dates, PostgreSQL's date words, NUL and lone
 * surrogates in strings, unknown enum values and keys, arrays where scalars belong. Each call must
 * be refused with a GainslyError of code GAINSLY_VALIDATION whose message names the argument, with
 * no SQL statement sent and no row written.
 *
 * The calls run on a cloned database outside any test transaction, through a fresh fork of the ORM:
 * a write that slipped through would be committed and show in the row counts, taken on a
 * connection of their own. A spy on `pg.Client#query` counts the statements the library sends.
 *
 * "Every public function" is checked by reflection: the methods of every repository class (up to
 * MikroORM's EntityRepository), the namespaces of UserScope and the methods of ViewerScope are
 * enumerated, and the test fails when one has no row in the table below (or is not listed as
 * private or argument-less), so a new method cannot be added without hostile cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PassThrough } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  CircuitTemplate,
  ConversationThread,
  ConversationTurn,
  createGainslyOrm,
  ENTITIES,
  forUser,
  forViewer,
  GainslyError,
  GainslyNotFoundError,
  GainslyRepository,
  HeuristicConfig,
  Microcycle,
  Movement,
  MovementRelationship,
  PatternExposure,
  Program,
  RecoverySignal,
  Session,
  SessionExercise,
  SorenessLog,
  TopSetLog,
  User,
  UserEnjoyableActivity,
  UserMovementRule,
  UserSettings,
  WorkoutLog,
} from '../../src/index.js';
import { ENUMS } from '../../src/enums/index.js';
import { GAINSLY_ERROR_CODES, INPUT_LIMITS, previewValue, type GainslyErrorCode } from '../../src/schemas/index.js';
import { useClonedDatabase } from '../support/database.js';
import { PROGRAM } from '../support/factories.js';
import { connectRaw, type RawClient } from '../support/pg-client.js';
import { countDelta, tableCounts, type TableCounts } from '../support/reliability-db.js';

const db = useClonedDatabase();

let orm: MikroORM;
let raw: RawClient;
/** Statements sent by the library's connections (not by `raw`). */
let sent = 0;
const originalQuery = pg.Client.prototype.query;

interface Ctx {
  me: number;
  stranger: number;
  /** A well-formed id no user has. */
  missingUser: number;
  programId: number;
  microcycleId: number;
  sessionId: number;
  workoutLogId: number;
  systemMovementId: number;
  ownMovementId: number;
  threadId: number;
  circuitId: number;
  configName: string;
}
let c: Ctx;
let baseline: TableCounts;


beforeAll(async () => {
  // The pool keeps a client's query function from its first use: spy before the ORM connects.
  pg.Client.prototype.query = function spy(this: unknown, ...args: unknown[]) {
    if (this !== raw) sent += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  orm = await createGainslyOrm({ url: db.url });
  raw = await connectRaw(db.url);
  const em = orm.em.fork();
  const me = await em.getRepository(User).createUser({ name: 'Hostile Arguments' });
  const stranger = await em.getRepository(User).createUser({ name: 'Stranger' });
  const program = await em.getRepository(Program).createProgram(me.id, PROGRAM);
  const microcycle = await em.findOneOrFail(Microcycle, { program: program.id, sequenceNumber: 1 });
  const system = em.create(Movement, { name: 'Hostile Squat', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower', equipmentTags: ['barbell'] });
  const circuit = em.create(CircuitTemplate, { name: 'Hostile Cindy', circuitType: 'amrap' });
  em.create(HeuristicConfig, { name: 'hostile-config', version: 1, jsonBlob: {}, active: true });
  await em.flush();
  const scope = forUser(em, me.id);
  const own = await scope.movements.create({ name: 'Hostile Own Hinge', pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower' });
  const session = await scope.sessions.writePlan({ microcycleId: microcycle.id, date: '2026-01-06', dayNumber: 1, sessionType: 'lower', sections: { main: [{ movementId: system.id, sets: 3 }] } });
  const { workoutLog } = await scope.workouts.log({ date: '2026-01-06', sessionId: session.id, topSets: [{ movementId: system.id, weight: 100, reps: 5 }] });
  await scope.movementRules.create({ movementId: own.id, ruleType: 'preferred' });
  await scope.enjoyableActivities.create({ activityType: 'hiking' });
  await scope.soreness.create({ date: '2026-01-07', bodyPart: 'quads', soreness: 3 });
  await scope.recovery.create({ date: '2026-01-07', hrv: 60, sleepHours: 7 });
  const thread = await scope.conversations.create({ contextType: 'daily_adaptation' });
  c = {
    me: me.id,
    stranger: stranger.id,
    missingUser: 2_147_483_000,
    programId: program.id,
    microcycleId: microcycle.id,
    sessionId: session.id,
    workoutLogId: workoutLog.id,
    systemMovementId: system.id,
    ownMovementId: own.id,
    threadId: thread.id,
    circuitId: circuit.id,
    configName: 'hostile-config',
  };
  baseline = await counts();
});

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await orm?.close(true);
  await raw?.end();
});

const counts = () => tableCounts(async (sql) => (await raw.query(sql)).rows);

// ------------------------------------------------------------------------------------------------
// Hostile values, by kind of argument.

const OBJECTS: readonly unknown[] = [
  {},
  { $ne: null },
  { $ne: 0 },
  { $gt: 0 },
  { $in: [1, 2] },
  { $or: [{}] },
  [],
  [1],
  () => 1,
  Symbol('s'),
  10n,
  new Date('2026-01-05T00:00:00Z'),
  Object.create(null) as unknown,
];
const BAD_NUMBERS: readonly unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, -0, 1.5, 2 ** 31, 2 ** 53, 1e308, -1e308];
/** Wrong for an id that may be left out (`undefined` / `null` mean "not given"). */
const BAD_IDS: readonly unknown[] = [...BAD_NUMBERS, '1', '1,2', '1; drop table users', '', true, false, ...OBJECTS];
/** Wrong for a required id. */
const REQUIRED_IDS: readonly unknown[] = [...BAD_IDS, null, undefined];
const BAD_DATES: readonly unknown[] = [
  '2026-02-30',
  '2023-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-01-32',
  '2026-1-5',
  '26-01-05',
  '0000-01-01',
  '10000-01-01',
  '+002026-01-05',
  '2026-01-05T00:00:00Z',
  '2026-01-05 00:00:00',
  ' 2026-01-05',
  '2026-01-05\n',
  '2026-01-05\u0000',
  '\ud800',
  'garbage',
  '',
  'epoch',
  'infinity',
  '-infinity',
  'today',
  'tomorrow',
  'yesterday',
  'now',
  'allballs',
  'J2461046',
  'January 5, 2026',
  '2026-01-05 BC',
  '05/01/2026',
  "2026-01-05'; drop table users; --",
  20260105,
  Number.NaN,
  true,
  ...OBJECTS,
];
const REQUIRED_DATES: readonly unknown[] = [...BAD_DATES, null, undefined];
/** Strings PostgreSQL cannot take, and non-strings. */
const BAD_TEXT: readonly unknown[] = ['a\u0000b', '\u0000', 'half \ud83d pair', '\udc00 half', 42, Number.NaN, true, ...OBJECTS];
const tooLong = (max: number) => 'x'.repeat(max + 1);
const BAD_LIMITS: readonly unknown[] = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, INPUT_LIMITS.listLimit.max + 1, 2 ** 53, 1e308, '10', true, ...OBJECTS];
const BAD_OFFSETS: readonly unknown[] = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1e308, '0', true, ...OBJECTS];
const BAD_DAYS: readonly unknown[] = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, INPUT_LIMITS.windowDays.max + 1, 1e308, '7', true, ...OBJECTS];
/** In place of an options object (`undefined` and `null` mean "no options"). */
const NON_OBJECTS: readonly unknown[] = ['garbage', '', 1, 0, Number.NaN, true, [], [{}], () => ({}), Symbol('s'), 10n];

function badEnum(codec: { values: readonly (string | number)[]; dbValues: readonly string[] }): unknown[] {
  const first = String(codec.values[0]);
  return ['bogus', codec.dbValues[0], first.toUpperCase() === first ? `${first}x` : first.toUpperCase(), ` ${first}`, '', `${first}\u0000`, 1, true, ...OBJECTS];
}
const REQUIRED = (values: readonly unknown[]) => [...values, null, undefined];

// ------------------------------------------------------------------------------------------------
// Cases.

interface Case {
  label: string;
  /** Words the error message must contain: the argument's name (and the input's, for objects). */
  names: readonly string[];
  run: (em: EntityManager) => Promise<unknown>;
  code?: GainslyErrorCode;
}

type Call = (em: EntityManager, value: never) => unknown;

/** What a call threw synchronously instead of returning a rejected promise. */
class ThrownSynchronously {
  constructor(readonly error: unknown) {}
}

/** Runs a call; a synchronous throw is wrapped so the test can tell it from a rejection. */
function invoke(call: Call, em: EntityManager, value: unknown): Promise<unknown> {
  try {
    return Promise.resolve(call(em, value as never));
  } catch (error) {
    return Promise.reject(new ThrownSynchronously(error));
  }
}

/** Functions that are synchronous by nature (they make a scope): they throw rather than reject. */
const SYNCHRONOUS = new Set(['forUser', 'forViewer']);

function each(values: readonly unknown[], names: readonly string[], call: Call): Case[] {
  return values.map((value) => ({
    label: `${names.join(' ')} = ${previewValue(value)}`,
    names,
    run: (em) => invoke(call, em, value),
  }));
}

/** `base` with `value` at `path` (a fresh copy each time). */
function withValue(base: Record<string, unknown>, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

const formatPath = (path: readonly (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** A write input: hostile as a whole, with an unknown key, and in each given field. */
function inputCases(inputName: string, valid: Record<string, unknown>, fields: [path: (string | number)[], values: readonly unknown[]][], call: Call): Case[] {
  return [
    ...each([...NON_OBJECTS, null, undefined], [inputName], call),
    ...each([{ ...valid, $ne: null }], [inputName, '$ne'], call),
    ...fields.flatMap(([path, values]) =>
      values.map((value): Case => ({
        label: `${inputName}.${formatPath(path)} = ${previewValue(value)}`,
        names: [inputName, formatPath(path)],
        run: (em) => invoke(call, em, withValue(valid, path, value)),
      })),
    ),
  ];
}

/** An options object: hostile as a whole, an unknown key, and hostile values of each field. */
function optionCases(inputName: string, fields: Record<string, readonly unknown[]>, call: Call, unknownKey = 'bogusOption'): Case[] {
  return [
    ...each(NON_OBJECTS, [inputName], call),
    ...each([{ [unknownKey]: 1 }], [inputName, unknownKey], call),
    ...Object.entries(fields).flatMap(([field, values]) =>
      values.map((value): Case => ({ label: `${inputName}.${field} = ${previewValue(value)}`, names: [inputName, field], run: (em) => invoke(call, em, { [field]: value }) })),
    ),
  ];
}

const ownerOptions = (call: Call) => optionCases('OwnerOptions', { userId: BAD_IDS }, call, 'userID');

function rangeCases(call: Call): Case[] {
  return [
    ...optionCases('DateRange', { from: BAD_DATES, to: BAD_DATES }, call, 'form'),
    ...each([{ from: '2026-02-01', to: '2026-01-31' }], ['DateRange', 'to'], call),
  ];
}

/** Well-formed, but a cursor of no list: refused when decoded, after the options' schema passed it. */
const FOREIGN_CURSOR = Buffer.from(JSON.stringify(['no-such-list', 1])).toString('base64url');
const BAD_CURSORS: readonly unknown[] = ['', 'x'.repeat(1025), 42, true, FOREIGN_CURSOR, ...OBJECTS];

/** The paging options of a list (`ListOptions`, or `inputName`), and `include` outside `includes`. */
function listCases(call: Call, inputName = 'ListOptions', fields: Record<string, readonly unknown[]> = {}): Case[] {
  return optionCases(inputName, { limit: BAD_LIMITS, after: BAD_CURSORS, include: ['topSets', ['nope'], [1], {}], ...fields }, call, 'limt');
}

/** A dated list's options: its date range and paging. */
function datedListCases(call: Call): Case[] {
  return [
    ...listCases(call, 'DatedListOptions', { from: BAD_DATES, to: BAD_DATES }),
    ...each([{ from: '2026-02-01', to: '2026-01-31' }], ['DatedListOptions', 'to'], call),
  ];
}

/** `(from, to)` as two positional arguments. */
function positionalRange(call: (em: EntityManager, from: unknown, to: unknown) => unknown): Case[] {
  return [
    ...each(REQUIRED_DATES, ['from'], (em, v) => call(em, v, '2026-12-31')),
    ...each(REQUIRED_DATES, ['to'], (em, v) => call(em, '2026-01-01', v)),
    ...each(['2026-01-31'], ['to'], (em, v) => call(em, '2026-02-01', v)),
  ];
}

function windowCases(call: Call): Case[] {
  return [
    ...optionCases('DateWindow', { days: BAD_DAYS, until: BAD_DATES }, call, 'day'),
    ...each([{ days: INPUT_LIMITS.windowDays.max, until: '0050-01-01' }], ['DateWindow', 'days'], call),
  ];
}

function searchCases(call: Call, extra: { scope?: boolean; ownOnly?: boolean }): Case[] {
  const fields: Record<string, readonly unknown[]> = {
    pattern: badEnum(ENUMS.MovementPattern),
    primaryMuscle: badEnum(ENUMS.PrimaryMuscle),
    primaryRegion: badEnum(ENUMS.PrimaryRegion),
    equipmentTag: [...BAD_TEXT, '', '   ', tooLong(100)],
    disciplineTag: [...BAD_TEXT, '', '   ', tooLong(100)],
    substitutionGroup: [...BAD_TEXT, tooLong(100)],
    text: [...BAD_TEXT, tooLong(200)],
    limit: BAD_LIMITS,
    after: BAD_CURSORS,
    offset: BAD_OFFSETS,
    ...(extra.scope ? { scope: ['sys', 'System', 1, [], {}, { userId: 0 }, { userId: '1' }, { userId: { $ne: 0 } }, { userId: 1, only: 'yes' }, { userId: 1, user: 2 }] } : {}),
    ...(extra.ownOnly ? { ownOnly: ['yes', 1, 0, {}, []] } : {}),
  };
  return [
    ...optionCases('MovementSearch', fields, call, 'patern'),
    // A scope is the scope's own business: callers of the user and viewer scopes cannot set one.
    ...(extra.scope ? [] : each([{ scope: 'system' }, { scope: { userId: 1 } }], ['MovementSearch', 'scope'], call)),
  ];
}

const trendOptions = (call: Call) => [
  ...each(NON_OBJECTS.filter((v) => typeof v !== 'object'), ['PatternTrendQueryOptions'], call),
  ...each([{ lookback: 2 }], ['PatternTrendQueryOptions', 'lookback'], call),
  ...BAD_NUMBERS.concat(['4', {}, { $gt: 1 }]).flatMap((v) => each([{ windowMicrocycles: v }], ['PatternTrendQueryOptions', 'windowMicrocycles'], call)),
  ...[-0.01, Number.NaN, Number.POSITIVE_INFINITY, '0.05', {}, []].flatMap((v) => each([{ threshold: v }], ['PatternTrendQueryOptions', 'threshold'], call)),
  ...['app', 'UPSTREAM', 1, {}].flatMap((v) => each([{ method: v }], ['PatternTrendQueryOptions', 'method'], call)),
];
const strengthOptions = (call: Call) => [
  ...each(NON_OBJECTS.filter((v) => typeof v !== 'object'), ['PatternStrengthQueryOptions'], call),
  ...each([{ threshold: 0.05 }], ['PatternStrengthQueryOptions', 'threshold'], call),
  ...BAD_NUMBERS.concat(['4', {}, { $gt: 1 }]).flatMap((v) => each([{ lastNMicrocycles: v }], ['PatternStrengthQueryOptions', 'lastNMicrocycles'], call)),
  ...['app', 'UPSTREAM', 1, {}].flatMap((v) => each([{ method: v }], ['PatternStrengthQueryOptions', 'method'], call)),
];

function e1rmTargetCases(call: Call): Case[] {
  return [
    ...each([...NON_OBJECTS, null, undefined, {}], ['E1rmHistoryTarget'], call),
    ...each([{ pattern: 'squat', movementId: 1 }], ['E1rmHistoryTarget', 'movementId'], call),
    ...each([{ pattern: 'squat', weight: 1 }], ['E1rmHistoryTarget', 'weight'], call),
    ...badEnum(ENUMS.MovementPattern).flatMap((v) => each([{ pattern: v }], ['E1rmHistoryTarget', 'pattern'], call)),
    ...BAD_IDS.flatMap((v) => each([{ movementId: v }], ['E1rmHistoryTarget', 'movementId'], call)),
    ...BAD_DATES.flatMap((v) => each([{ pattern: 'squat', from: v }], ['E1rmHistoryTarget', 'from'], call)),
    ...BAD_DATES.flatMap((v) => each([{ movementId: 1, to: v }], ['E1rmHistoryTarget', 'to'], call)),
    ...each([{ pattern: 'squat', from: '2026-02-01', to: '2026-01-01' }], ['E1rmHistoryTarget', 'to'], call),
  ];
}

const ids = (name: string, call: Call) => each(REQUIRED_IDS, [name], call);

// Valid inputs of the writes, mutated field by field below.
const validThread = () => ({ contextType: 'daily_adaptation' });
const validTurn = () => ({ role: 'user', content: 'hello' });
const validLog = () => ({ date: '2026-01-08', topSets: [{ movementId: c.systemMovementId, weight: 100, reps: 5 }] });
const validPlan = () => ({ microcycleId: c.microcycleId, date: '2026-01-08', dayNumber: 2, sessionType: 'upper', sections: { main: [{ movementId: c.systemMovementId, sets: 3 }] } });
const validMovement = () => ({ name: 'Hostile New Lift', pattern: 'squat', primaryMuscle: 'quadriceps', primaryRegion: 'anterior lower' });
const validSoreness = () => ({ date: '2026-01-08', bodyPart: 'quads', soreness: 2 });
const validRecovery = () => ({ date: '2026-01-08', hrv: 55 });

const TEXT_FIELD = [...BAD_TEXT];
const logFields: [(string | number)[], readonly unknown[]][] = [
  [['date'], REQUIRED_DATES],
  [['notes'], TEXT_FIELD],
  [['visibility'], badEnum(ENUMS.Visibility)],
  [['sessionId'], BAD_IDS],
  [['topSets'], ['x', 1, {}, null]],
  [['topSets', 0, 'weight'], [...BAD_NUMBERS.filter((v) => v !== 0 && v !== 1.5 && !Object.is(v, -0)), '100', null]],
  [['topSets', 0, 'reps'], [...BAD_NUMBERS, '5']],
  [['topSets', 0, 'movementId'], REQUIRED_IDS],
];
const programFields: [(string | number)[], readonly unknown[]][] = [
  [['name'], TEXT_FIELD],
  [['startDate'], REQUIRED_DATES],
  [['durationWeeks'], BAD_NUMBERS],
  [['goals'], ['x', {}, null, [{ goal: 'bogus', weight: 10 }]]],
  [['splitTemplate'], badEnum(ENUMS.SplitTemplate)],
  [['visibility'], badEnum(ENUMS.Visibility)],
];
const planFields: [(string | number)[], readonly unknown[]][] = [
  [['microcycleId'], REQUIRED_IDS],
  [['date'], REQUIRED_DATES],
  [['sessionType'], badEnum(ENUMS.SessionType)],
  [['coachNotes'], TEXT_FIELD],
  [['sections'], ['x', null, []]],
  [['sections', 'main', 0, 'movementId'], BAD_IDS],
  [['sections', 'main', 0, 'rpe'], [Number.NaN, Number.POSITIVE_INFINITY, 1e308, -1, '8']],
];
const movementFields: [(string | number)[], readonly unknown[]][] = [
  [['name'], [...TEXT_FIELD, '', '   ', tooLong(200)]],
  [['pattern'], badEnum(ENUMS.MovementPattern)],
  [['primaryMuscle'], badEnum(ENUMS.PrimaryMuscle)],
  [['description'], TEXT_FIELD],
  [['equipmentTags'], ['barbell', [1], ['a\u0000'], ['\ud800'], {}]],
];
const sorenessFields: [(string | number)[], readonly unknown[]][] = [
  [['date'], REQUIRED_DATES],
  [['bodyPart'], [...TEXT_FIELD, '', tooLong(50)]],
  [['soreness'], [...BAD_NUMBERS, 6, '3']],
  [['notes'], TEXT_FIELD],
  [['inferredCauseSessionId'], BAD_IDS],
];
const recoveryFields: [(string | number)[], readonly unknown[]][] = [
  [['date'], REQUIRED_DATES],
  [['hrv'], [1e308, Number.MAX_VALUE, INPUT_LIMITS.hrv.max + 0.5, -1, Number.NaN, Number.POSITIVE_INFINITY, '55', {}]],
  [['sleepHours'], [1e308, 24.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY]],
  [['sleepScore'], [1e308, 100.5, Number.NaN]],
  [['readiness'], [1e308, 101, Number.NEGATIVE_INFINITY]],
  [['restingHr'], [1e308, 10, 300, 60.5]],
  [['source'], badEnum(ENUMS.RecoverySource)],
  [['notes'], TEXT_FIELD],
  [['sessionId'], BAD_IDS],
];
const userFields: [(string | number)[], readonly unknown[]][] = [
  [['name'], [...TEXT_FIELD, tooLong(100)]],
  [['email'], ['a\u0000@example.com', 'a\ud800@example.com', 'not an email', tooLong(255), 1, {}]],
  [['experienceLevel'], badEnum(ENUMS.ExperienceLevel)],
  [['personaAggression'], [0, 6, 2.5, '3', Number.NaN]],
  [['settings'], ['x', [], 1]],
];

/** One row per public function: its hostile cases. */
function table(): Record<string, Case[]> {
  const repo = <T extends object>(em: EntityManager, entity: new (...args: never[]) => T) => em.getRepository(entity) as never as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const me = (em: EntityManager) => forUser(em, c.me);
  const viewer = (em: EntityManager) => forViewer(em, c.stranger);
  return {
    // GainslyRepository / UserOwnedRepository / DatedUserOwnedRepository (through concrete repositories).
    'GainslyRepository.findById': ids('id', (em, v) => repo(em, Program).findById!(v)),
    'GainslyRepository.getById': ids('id', (em, v) => repo(em, CircuitTemplate).getById!(v)),
    'UserOwnedRepository.findByUser': [
      ...ids('userId', (em, v) => repo(em, Program).findByUser!(v)),
      ...each(NON_OBJECTS, ['options'], (em, v) => repo(em, Program).findByUser!(c.me, v)),
      ...BAD_LIMITS.flatMap((v) => each([{ limit: v }], ['options.limit'], (em, o) => repo(em, Program).findByUser!(c.me, o))),
      ...BAD_OFFSETS.flatMap((v) => each([{ offset: v }], ['options.offset'], (em, o) => repo(em, Program).findByUser!(c.me, o))),
      ...each([...NON_OBJECTS, null], ['where'], (em, v) => repo(em, Program).findByUser!(c.me, {}, v)),
    ],
    'DatedUserOwnedRepository.findByUserInDateRange': [
      ...ids('userId', (em, v) => repo(em, WorkoutLog).findByUserInDateRange!(v, '2026-01-01', '2026-12-31')),
      ...positionalRange((em, from, to) => repo(em, SorenessLog).findByUserInDateRange!(c.me, from, to)),
      ...each(NON_OBJECTS, ['options'], (em, v) => repo(em, RecoverySignal).findByUserInDateRange!(c.me, '2026-01-01', '2026-12-31', v)),
      ...each([{ limit: 0 }, { limit: '5' }], ['options.limit'], (em, v) => repo(em, WorkoutLog).findByUserInDateRange!(c.me, '2026-01-01', '2026-12-31', v)),
    ],

    // users
    'UserRepository.findByEmail': each(REQUIRED([...BAD_TEXT, tooLong(255)]), ['email'], (em, v) => repo(em, User).findByEmail!(v)),
    'UserRepository.createUser': inputCases('CreateUserInput', {}, userFields, (em, v) => repo(em, User).createUser!(v)),
    'UserSettingsRepository.findByUser': ids('userId', (em, v) => repo(em, UserSettings).findByUser!(v)),
    'UserMovementRuleRepository.findByUserAndType': [
      ...ids('userId', (em, v) => repo(em, UserMovementRule).findByUserAndType!(v, 'hard_no')),
      ...each(REQUIRED(badEnum(ENUMS.MovementRuleType)), ['ruleType'], (em, v) => repo(em, UserMovementRule).findByUserAndType!(c.me, v)),
    ],
    'UserEnjoyableActivityRepository.findEnabledByUser': ids('userId', (em, v) => repo(em, UserEnjoyableActivity).findEnabledByUser!(v)),

    // programs
    'ProgramRepository.findActiveByUser': ids('userId', (em, v) => repo(em, Program).findActiveByUser!(v)),
    'ProgramRepository.findByUserStartingBetween': [
      ...ids('userId', (em, v) => repo(em, Program).findByUserStartingBetween!(v, '2026-01-01', '2026-12-31')),
      ...positionalRange((em, from, to) => repo(em, Program).findByUserStartingBetween!(c.me, from, to)),
    ],
    'ProgramRepository.createProgram': [
      ...ids('userId', (em, v) => repo(em, Program).createProgram!(v, structuredClone(PROGRAM))),
      ...inputCases('CreateProgramInput', PROGRAM as never, programFields, (em, v) => repo(em, Program).createProgram!(c.me, v)),
    ],
    'ProgramRepository.advanceMicrocycle': [
      ...ids('programId', (em, v) => repo(em, Program).advanceMicrocycle!(v)),
      ...ownerOptions((em, v) => repo(em, Program).advanceMicrocycle!(c.programId, v)),
    ],
    'MicrocycleRepository.findByProgram': ids('programId', (em, v) => repo(em, Microcycle).findByProgram!(v)),
    'MicrocycleRepository.findActiveForUserOn': [
      ...ids('userId', (em, v) => repo(em, Microcycle).findActiveForUserOn!(v, '2026-01-06')),
      ...each(REQUIRED_DATES, ['date'], (em, v) => repo(em, Microcycle).findActiveForUserOn!(c.me, v)),
    ],
    'MicrocycleRepository.findCoveringForUser': [
      ...ids('userId', (em, v) => repo(em, Microcycle).findCoveringForUser!(v, '2026-01-06')),
      ...each(REQUIRED_DATES, ['date'], (em, v) => repo(em, Microcycle).findCoveringForUser!(c.me, v)),
    ],
    'MicrocycleRepository.findActiveByProgram': [
      ...ids('programId', (em, v) => repo(em, Microcycle).findActiveByProgram!(v)),
      ...ownerOptions((em, v) => repo(em, Microcycle).findActiveByProgram!(c.programId, v)),
    ],
    'MicrocycleRepository.findForDisplay': [
      ...ids('microcycleId', (em, v) => repo(em, Microcycle).findForDisplay!(v)),
      ...ownerOptions((em, v) => repo(em, Microcycle).findForDisplay!(c.microcycleId, v)),
    ],
    'SessionRepository.findByMicrocycle': ids('microcycleId', (em, v) => repo(em, Session).findByMicrocycle!(v)),
    'SessionRepository.findByUserInDateRange': [
      ...ids('userId', (em, v) => repo(em, Session).findByUserInDateRange!(v, '2026-01-01', '2026-12-31')),
      ...positionalRange((em, from, to) => repo(em, Session).findByUserInDateRange!(c.me, from, to)),
    ],
    'SessionRepository.writePlan': [
      ...inputCases('SessionPlanInput', validPlan(), planFields, (em, v) => repo(em, Session).writePlan!(v)),
      ...optionCases('WritePlanOptions', { userId: BAD_IDS, sessionId: BAD_IDS }, (em, v) => repo(em, Session).writePlan!(validPlan(), v), 'userID'),
    ],
    'SessionRepository.readPlan': [
      ...ids('sessionId', (em, v) => repo(em, Session).readPlan!(v)),
      ...ownerOptions((em, v) => repo(em, Session).readPlan!(c.sessionId, v)),
    ],
    'SessionRepository.findOutOfSync': [
      ...optionCases('SessionSyncScope', { userId: BAD_IDS, microcycleId: BAD_IDS }, (em, v) => repo(em, Session).findOutOfSync!(v), 'sessionId'),
      ...each(
        [{ sessionIds: '1,2' }, { sessionIds: 1 }, { sessionIds: { $ne: null } }, { sessionIds: [0] }, { sessionIds: [1.5] }, { sessionIds: ['1'] }, { sessionIds: [{}] }, { sessionIds: [null] }, { sessionIds: Array.from({ length: INPUT_LIMITS.idListMaxItems + 1 }, () => 1) }],
        ['SessionSyncScope', 'sessionIds'],
        (em, v) => repo(em, Session).findOutOfSync!(v),
      ),
    ],
    'SessionExerciseRepository.findBySession': ids('sessionId', (em, v) => repo(em, SessionExercise).findBySession!(v)),

    // movements
    'MovementRepository.search': searchCases((em, v) => repo(em, Movement).search!(v), { scope: true }),
    'MovementRepository.searchRows': searchCases((em, v) => repo(em, Movement).searchRows!(v), { scope: true }),
    'MovementRepository.searchPage': searchCases((em, v) => repo(em, Movement).searchPage!(v), { scope: true }),
    'MovementRepository.findByPattern': each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => repo(em, Movement).findByPattern!(v)),
    'MovementRepository.findByPrimaryMuscle': each(REQUIRED(badEnum(ENUMS.PrimaryMuscle)), ['primaryMuscle'], (em, v) => repo(em, Movement).findByPrimaryMuscle!(v)),
    'MovementRepository.findByPrimaryRegion': each(REQUIRED(badEnum(ENUMS.PrimaryRegion)), ['primaryRegion'], (em, v) => repo(em, Movement).findByPrimaryRegion!(v)),
    'MovementRepository.findByEquipmentTag': each(REQUIRED([...BAD_TEXT, '', '  ', tooLong(100)]), ['equipmentTag'], (em, v) => repo(em, Movement).findByEquipmentTag!(v)),
    'MovementRepository.findByDisciplineTag': each(REQUIRED([...BAD_TEXT, '', '  ', tooLong(100)]), ['disciplineTag'], (em, v) => repo(em, Movement).findByDisciplineTag!(v)),
    'MovementRepository.findBySubstitutionGroup': each(REQUIRED([...BAD_TEXT, tooLong(100)]), ['substitutionGroup'], (em, v) => repo(em, Movement).findBySubstitutionGroup!(v)),
    'MovementRepository.findUserDefined': ids('userId', (em, v) => repo(em, Movement).findUserDefined!(v)),
    'MovementRepository.findByName': each(REQUIRED([...BAD_TEXT, tooLong(200)]), ['name'], (em, v) => repo(em, Movement).findByName!(v)),
    'MovementRelationshipRepository.findFrom': [
      ...ids('movementId', (em, v) => repo(em, MovementRelationship).findFrom!(v)),
      ...each(badEnum(ENUMS.RelationshipType), ['type'], (em, v) => repo(em, MovementRelationship).findFrom!(c.systemMovementId, v)),
    ],
    'MovementRelationshipRepository.findTo': [
      ...ids('movementId', (em, v) => repo(em, MovementRelationship).findTo!(v)),
      ...each(badEnum(ENUMS.RelationshipType), ['type'], (em, v) => repo(em, MovementRelationship).findTo!(c.systemMovementId, v)),
    ],
    'CircuitTemplateRepository.findByType': each(REQUIRED(badEnum(ENUMS.CircuitType)), ['circuitType'], (em, v) => repo(em, CircuitTemplate).findByType!(v)),
    'CircuitTemplateRepository.findByName': each(REQUIRED([...BAD_TEXT, tooLong(200)]), ['name'], (em, v) => repo(em, CircuitTemplate).findByName!(v)),

    // logging
    'WorkoutLogRepository.logWorkout': [
      ...ids('userId', (em, v) => repo(em, WorkoutLog).logWorkout!(v, validLog())),
      ...inputCases('LogWorkoutInput', validLog(), logFields, (em, v) => repo(em, WorkoutLog).logWorkout!(c.me, v)),
    ],
    'TopSetLogRepository.findByUser': [
      ...ids('userId', (em, v) => repo(em, TopSetLog).findByUser!(v)),
      ...optionCases('TopSetFilter', { pattern: badEnum(ENUMS.MovementPattern), movementId: BAD_IDS }, (em, v) => repo(em, TopSetLog).findByUser!(c.me, v)),
    ],
    'TopSetLogRepository.findByUserInDateRange': [
      ...ids('userId', (em, v) => repo(em, TopSetLog).findByUserInDateRange!(v, '2026-01-01', '2026-12-31')),
      ...positionalRange((em, from, to) => repo(em, TopSetLog).findByUserInDateRange!(c.me, from, to)),
    ],
    'PatternExposureRepository.findByUserAndPattern': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).findByUserAndPattern!(v, 'squat')),
      ...each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => repo(em, PatternExposure).findByUserAndPattern!(c.me, v)),
    ],
    'PatternExposureRepository.psiAll': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).psiAll!(v)),
      ...strengthOptions((em, v) => repo(em, PatternExposure).psiAll!(c.me, v)),
    ],
    'PatternExposureRepository.psi': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).psi!(v, 'squat')),
      ...each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => repo(em, PatternExposure).psi!(c.me, v)),
      ...strengthOptions((em, v) => repo(em, PatternExposure).psi!(c.me, 'squat', v)),
    ],
    'PatternExposureRepository.trendAll': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).trendAll!(v)),
      ...trendOptions((em, v) => repo(em, PatternExposure).trendAll!(c.me, v)),
    ],
    'PatternExposureRepository.trend': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).trend!(v, 'squat')),
      ...each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => repo(em, PatternExposure).trend!(c.me, v)),
      ...trendOptions((em, v) => repo(em, PatternExposure).trend!(c.me, 'hinge', v)),
    ],
    'PatternExposureRepository.deloadSignal': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).deloadSignal!(v)),
      ...trendOptions((em, v) => repo(em, PatternExposure).deloadSignal!(c.me, v)),
    ],
    'PatternExposureRepository.e1rmHistory': [
      ...ids('userId', (em, v) => repo(em, PatternExposure).e1rmHistory!(v, { pattern: 'squat' })),
      ...e1rmTargetCases((em, v) => repo(em, PatternExposure).e1rmHistory!(c.me, v)),
    ],
    'SorenessLogRepository.byBodyPart': [
      ...ids('userId', (em, v) => repo(em, SorenessLog).byBodyPart!(v)),
      ...windowCases((em, v) => repo(em, SorenessLog).byBodyPart!(c.me, v)),
    ],
    'RecoverySignalRepository.recentAverages': [
      ...ids('userId', (em, v) => repo(em, RecoverySignal).recentAverages!(v)),
      ...windowCases((em, v) => repo(em, RecoverySignal).recentAverages!(c.me, v)),
    ],

    // coaching
    'HeuristicConfigRepository.getActive': each(REQUIRED([...BAD_TEXT, tooLong(100)]), ['name'], (em, v) => repo(em, HeuristicConfig).getActive!(v)),
    'HeuristicConfigRepository.findVersions': each(REQUIRED([...BAD_TEXT, tooLong(100)]), ['name'], (em, v) => repo(em, HeuristicConfig).findVersions!(v)),
    'HeuristicConfigRepository.activate': [
      ...each(REQUIRED([...BAD_TEXT, tooLong(100)]), ['name'], (em, v) => repo(em, HeuristicConfig).activate!(v, 1)),
      ...each(REQUIRED_IDS, ['version'], (em, v) => repo(em, HeuristicConfig).activate!(c.configName, v)),
    ],
    'ConversationThreadRepository.findActiveByUser': ids('userId', (em, v) => repo(em, ConversationThread).findActiveByUser!(v)),
    'ConversationThreadRepository.createThread': [
      ...ids('userId', (em, v) => repo(em, ConversationThread).createThread!(v, validThread())),
      ...inputCases(
        'ConversationThreadInput',
        validThread(),
        [
          [['contextType'], [...TEXT_FIELD, '', tooLong(50)]],
          [['contextDate'], ['epoch', 'infinity', '2026-02-30', '10000-01-01T00:00:00Z', new Date(Number.NaN), 1, {}]],
          [['contextSessionId'], BAD_IDS],
        ],
        (em, v) => repo(em, ConversationThread).createThread!(c.me, v),
      ),
    ],
    'ConversationThreadRepository.appendTurn': [
      ...ids('threadId', (em, v) => repo(em, ConversationThread).appendTurn!(v, validTurn())),
      ...inputCases('AppendTurnInput', validTurn(), [[['role'], ['bogus', 'USER', 'system', 1, {}]], [['content'], [...TEXT_FIELD, '']]], (em, v) => repo(em, ConversationThread).appendTurn!(c.threadId, v)),
      ...ownerOptions((em, v) => repo(em, ConversationThread).appendTurn!(c.threadId, validTurn(), v)),
    ],
    'ConversationThreadRepository.acceptPlan': [
      ...ids('threadId', (em, v) => repo(em, ConversationThread).acceptPlan!(v, { plan: {} })),
      ...inputCases('AcceptPlanInput', { plan: {} }, [[['plan'], ['x', 1, [], null, { note: 'a\u0000' }, { '\ud800': 1 }, { __proto__x: 1, n: Number.NaN }]]], (em, v) => repo(em, ConversationThread).acceptPlan!(c.threadId, v)),
      ...ownerOptions((em, v) => repo(em, ConversationThread).acceptPlan!(c.threadId, { plan: {} }, v)),
    ],
    'ConversationTurnRepository.findByThread': ids('threadId', (em, v) => repo(em, ConversationTurn).findByThread!(v)),

    // The write workflows the user scope delegates to (#25), called directly: the user id, then the
    // input and ids as the scope's rows above check them.
    'UserRepository.updateProfile': [
      ...ids('userId', (em, v) => repo(em, User).updateProfile!(v, { name: 'Renamed' })),
      ...inputCases('UpdateUserInput', { name: 'Renamed' }, userFields, (em, v) => repo(em, User).updateProfile!(c.me, v)),
    ],
    'UserMovementRuleRepository.createRule': [
      ...ids('userId', (em, v) => repo(em, UserMovementRule).createRule!(v, { movementId: 1, ruleType: 'hard_no' })),
      ...inputCases(
        'MovementRuleInput',
        { movementId: 1, ruleType: 'hard_no' },
        [
          [['movementId'], REQUIRED_IDS],
          [['ruleType'], REQUIRED(badEnum(ENUMS.MovementRuleType))],
          [['cadence'], badEnum(ENUMS.RuleCadence)],
          [['notes'], TEXT_FIELD],
        ],
        (em, v) => repo(em, UserMovementRule).createRule!(c.me, v),
      ),
    ],
    'UserMovementRuleRepository.deleteRule': [
      ...ids('userId', (em, v) => repo(em, UserMovementRule).deleteRule!(v, 1)),
      ...ids('userMovementRuleId', (em, v) => repo(em, UserMovementRule).deleteRule!(c.me, v)),
    ],
    'UserEnjoyableActivityRepository.createActivity': [
      ...ids('userId', (em, v) => repo(em, UserEnjoyableActivity).createActivity!(v, { activityType: 'yoga' })),
      ...inputCases(
        'EnjoyableActivityInput',
        { activityType: 'yoga' },
        [
          [['activityType'], REQUIRED(badEnum(ENUMS.EnjoyableActivity))],
          [['customName'], [...TEXT_FIELD, tooLong(100)]],
          [['recommendEveryDays'], [...BAD_NUMBERS, 366]],
        ],
        (em, v) => repo(em, UserEnjoyableActivity).createActivity!(c.me, v),
      ),
    ],
    'UserEnjoyableActivityRepository.deleteActivity': [
      ...ids('userId', (em, v) => repo(em, UserEnjoyableActivity).deleteActivity!(v, 1)),
      ...ids('userEnjoyableActivityId', (em, v) => repo(em, UserEnjoyableActivity).deleteActivity!(c.me, v)),
    ],
    'MovementRepository.createOwn': [
      ...ids('userId', (em, v) => repo(em, Movement).createOwn!(v, validMovement())),
      ...inputCases('MovementInput', validMovement(), movementFields, (em, v) => repo(em, Movement).createOwn!(c.me, v)),
    ],
    'MovementRepository.updateOwn': [
      ...ids('userId', (em, v) => repo(em, Movement).updateOwn!(v, c.ownMovementId, { description: 'x' })),
      ...ids('movementId', (em, v) => repo(em, Movement).updateOwn!(c.me, v, { description: 'x' })),
      ...inputCases('UpdateMovementInput', { description: 'x' }, movementFields, (em, v) => repo(em, Movement).updateOwn!(c.me, c.ownMovementId, v)),
    ],
    'MovementRepository.deleteOwn': [
      ...ids('userId', (em, v) => repo(em, Movement).deleteOwn!(v, c.ownMovementId)),
      ...ids('movementId', (em, v) => repo(em, Movement).deleteOwn!(c.me, v)),
    ],
    'SorenessLogRepository.recordSoreness': [
      ...ids('userId', (em, v) => repo(em, SorenessLog).recordSoreness!(v, validSoreness())),
      ...inputCases('SorenessInput', validSoreness(), sorenessFields, (em, v) => repo(em, SorenessLog).recordSoreness!(c.me, v)),
    ],
    'RecoverySignalRepository.recordReading': [
      ...ids('userId', (em, v) => repo(em, RecoverySignal).recordReading!(v, validRecovery())),
      ...inputCases('RecoverySignalInput', validRecovery(), recoveryFields, (em, v) => repo(em, RecoverySignal).recordReading!(c.me, v)),
    ],

    // forUser(...) and its namespaces
    forUser: ids('userId', (em, v) => forUser(em, v)),
    'UserScope.profile.update': inputCases('UpdateUserInput', { name: 'Renamed' }, userFields, (em, v) => me(em).profile.update(v)),
    'UserScope.movementRules.create': inputCases(
      'MovementRuleInput',
      { movementId: 1, ruleType: 'hard_no' },
      [
        [['movementId'], REQUIRED_IDS],
        [['ruleType'], REQUIRED(badEnum(ENUMS.MovementRuleType))],
        [['cadence'], badEnum(ENUMS.RuleCadence)],
        [['notes'], TEXT_FIELD],
      ],
      (em, v) => me(em).movementRules.create(v),
    ),
    'UserScope.movementRules.delete': ids('userMovementRuleId', (em, v) => me(em).movementRules.delete(v)),
    'UserScope.enjoyableActivities.create': inputCases(
      'EnjoyableActivityInput',
      { activityType: 'yoga' },
      [
        [['activityType'], REQUIRED(badEnum(ENUMS.EnjoyableActivity))],
        [['customName'], [...TEXT_FIELD, tooLong(100)]],
        [['recommendEveryDays'], [...BAD_NUMBERS, 366]],
      ],
      (em, v) => me(em).enjoyableActivities.create(v),
    ),
    'UserScope.enjoyableActivities.delete': ids('userEnjoyableActivityId', (em, v) => me(em).enjoyableActivities.delete(v)),
    'UserScope.programs.get': ids('programId', (em, v) => me(em).programs.get(v)),
    'UserScope.programs.create': inputCases('CreateProgramInput', PROGRAM as never, programFields, (em, v) => me(em).programs.create(v)),
    'UserScope.programs.microcycles': ids('programId', (em, v) => me(em).programs.microcycles(v)),
    'UserScope.programs.activeMicrocycle': ids('programId', (em, v) => me(em).programs.activeMicrocycle(v)),
    'UserScope.programs.microcycleOn': each(REQUIRED_DATES, ['date'], (em, v) => me(em).programs.microcycleOn(v)),
    'UserScope.programs.advance': ids('programId', (em, v) => me(em).programs.advance(v)),
    'UserScope.sessions.microcycle': ids('microcycleId', (em, v) => me(em).sessions.microcycle(v)),
    'UserScope.sessions.microcycleView': ids('microcycleId', (em, v) => me(em).sessions.microcycleView(v)),
    'UserScope.sessions.get': ids('sessionId', (em, v) => me(em).sessions.get(v)),
    'UserScope.sessions.readPlan': ids('sessionId', (em, v) => me(em).sessions.readPlan(v)),
    'UserScope.sessions.writePlan': [
      ...inputCases('SessionPlanInput', validPlan(), planFields, (em, v) => me(em).sessions.writePlan(v)),
      ...each([...BAD_IDS, null], ['sessionId'], (em, v) => me(em).sessions.writePlan(validPlan() as never, v)),
    ],
    'UserScope.programs.list': listCases((em, v) => me(em).programs.list(v)),
    'UserScope.movementRules.list': listCases((em, v) => me(em).movementRules.list(v)),
    'UserScope.enjoyableActivities.list': listCases((em, v) => me(em).enjoyableActivities.list(v)),
    'UserScope.conversations.list': listCases((em, v) => me(em).conversations.list(v)),
    'UserScope.workouts.list': datedListCases((em, v) => me(em).workouts.list(v)),
    'UserScope.workouts.get': ids('workoutLogId', (em, v) => me(em).workouts.get(v)),
    'UserScope.workouts.log': inputCases('LogWorkoutInput', validLog(), logFields, (em, v) => me(em).workouts.log(v)),
    'UserScope.workouts.topSets': optionCases('TopSetListOptions', { pattern: badEnum(ENUMS.MovementPattern), movementId: BAD_IDS, limit: BAD_LIMITS, after: BAD_CURSORS }, (em, v) => me(em).workouts.topSets(v)),
    'UserScope.strength.exposures': datedListCases((em, v) => me(em).strength.exposures(v)),
    'UserScope.strength.psiAll': strengthOptions((em, v) => me(em).strength.psiAll(v)),
    'UserScope.strength.psi': [
      ...each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => me(em).strength.psi(v)),
      ...strengthOptions((em, v) => me(em).strength.psi('squat', v)),
    ],
    'UserScope.strength.trendAll': trendOptions((em, v) => me(em).strength.trendAll(v)),
    'UserScope.strength.trend': [
      ...each(REQUIRED(badEnum(ENUMS.MovementPattern)), ['pattern'], (em, v) => me(em).strength.trend(v)),
      ...trendOptions((em, v) => me(em).strength.trend('squat', v)),
    ],
    'UserScope.strength.deloadSignal': trendOptions((em, v) => me(em).strength.deloadSignal(v)),
    'UserScope.strength.e1rmHistory': e1rmTargetCases((em, v) => me(em).strength.e1rmHistory(v)),
    'UserScope.soreness.list': datedListCases((em, v) => me(em).soreness.list(v)),
    'UserScope.soreness.create': inputCases('SorenessInput', validSoreness(), sorenessFields, (em, v) => me(em).soreness.create(v)),
    'UserScope.soreness.byBodyPart': windowCases((em, v) => me(em).soreness.byBodyPart(v)),
    'UserScope.recovery.list': datedListCases((em, v) => me(em).recovery.list(v)),
    'UserScope.recovery.create': inputCases('RecoverySignalInput', validRecovery(), recoveryFields, (em, v) => me(em).recovery.create(v)),
    'UserScope.recovery.averages': windowCases((em, v) => me(em).recovery.averages(v)),
    'UserScope.conversations.get': ids('conversationThreadId', (em, v) => me(em).conversations.get(v)),
    'UserScope.conversations.create': inputCases('ConversationThreadInput', validThread(), [[['contextType'], [...TEXT_FIELD, '']], [['contextSessionId'], BAD_IDS]], (em, v) => me(em).conversations.create(v)),
    'UserScope.conversations.appendTurn': [
      ...ids('conversationThreadId', (em, v) => me(em).conversations.appendTurn(v, validTurn() as never)),
      ...inputCases('AppendTurnInput', validTurn(), [[['role'], ['bogus', 1]], [['content'], TEXT_FIELD]], (em, v) => me(em).conversations.appendTurn(c.threadId, v)),
    ],
    'UserScope.conversations.acceptPlan': [
      ...ids('conversationThreadId', (em, v) => me(em).conversations.acceptPlan(v, { plan: {} })),
      ...inputCases('AcceptPlanInput', { plan: {} }, [[['plan'], ['x', null, { a: '\u0000' }]]], (em, v) => me(em).conversations.acceptPlan(c.threadId, v)),
    ],
    'UserScope.movements.search': searchCases((em, v) => me(em).movements.search(v), { ownOnly: true }),
    'UserScope.movements.searchRows': searchCases((em, v) => me(em).movements.searchRows(v), { ownOnly: true }),
    'UserScope.movements.get': ids('movementId', (em, v) => me(em).movements.get(v)),
    'UserScope.movements.create': inputCases('MovementInput', validMovement(), movementFields, (em, v) => me(em).movements.create(v)),
    'UserScope.movements.update': [
      ...ids('movementId', (em, v) => me(em).movements.update(v, { description: 'x' })),
      ...inputCases('UpdateMovementInput', { description: 'x' }, movementFields, (em, v) => me(em).movements.update(c.ownMovementId, v)),
      ...each([{}], ['UpdateMovementInput'], (em, v) => me(em).movements.update(c.ownMovementId, v)),
    ],
    'UserScope.movements.delete': ids('movementId', (em, v) => me(em).movements.delete(v)),
    'UserScope.account.export': each([0, 'x', [], { batchSize: 0 }, { batchSize: 1.5 }, { batchSize: '10' }, { bogus: 1 }, { $ne: null }], ['UserExportOptions'], (em, v) => me(em).account.export(v)),
    'UserScope.account.writeExport': [
      ...each([undefined, null, '', 5, {}, [], 'a\u0000b', { write: 1 }], ['destination'], (em, v) => me(em).account.writeExport(v)),
      ...each([{ batchSize: 0 }, { bogus: 1 }], ['UserExportOptions'], (em, v) => me(em).account.writeExport(new PassThrough(), v)),
    ],
    'UserScope.account.erase': each([0, 'x', [], { dryRun: 'yes' }, { dryRun: 1 }, { bogus: 1 }, { schema: '' }], ['EraseOptions'], (em, v) => me(em).account.erase(v)),

    // forViewer(...) and its methods
    forViewer: [
      ...ids('viewerId', (em, v) => forViewer(em, v)),
      ...optionCases('ViewerOptions', { areFriends: [1, 'yes', true, {}, []] }, (em, v) => forViewer(em, c.stranger, v), 'friends'),
    ],
    'ViewerScope.visibleLevels': ids('ownerId', (em, v) => viewer(em).visibleLevels(v)),
    'ViewerScope.programsOf': [...ids('ownerId', (em, v) => viewer(em).programsOf(v)), ...listCases((em, v) => viewer(em).programsOf(c.me, v))],
    'ViewerScope.workoutLogsOf': [...ids('ownerId', (em, v) => viewer(em).workoutLogsOf(v)), ...datedListCases((em, v) => viewer(em).workoutLogsOf(c.me, v))],
    'ViewerScope.program': ids('programId', (em, v) => viewer(em).program(v)),
    'ViewerScope.workoutLog': ids('workoutLogId', (em, v) => viewer(em).workoutLog(v)),
    'ViewerScope.movements': searchCases((em, v) => viewer(em).movements(v), {}),
    'ViewerScope.movementRows': searchCases((em, v) => viewer(em).movementRows(v), {}),
  };
}

/** Methods reflection finds that are not public API (TypeScript `private` / `protected`). */
const NOT_PUBLIC: Readonly<Record<string, string>> = {
  'GainslyRepository.meta': 'protected helper (table and class names for errors)',
  'PatternExposureRepository.trends': 'private: trendAll / trend under validated options',
  'PatternExposureRepository.upstreamWindow': 'private: the upstream window statement',
  'PatternExposureRepository.upstreamPsiAll': 'private: psiAll under the upstream method, options validated by psiAll',
  'ViewerScope.mayRead': 'private: visibility of a row by id, before decoding it',
  'UserScope.read': 'private: a read, then the cached check that the user exists',
  'ViewerScope.ownerExists': 'private: the cached check that an owner exists',
  'GainslyRepository.routed': 'protected helper: a read model routed to a replica (orm/replicas.ts)',
  'GainslyRepository.written': 'protected helper: records a workflow write for read-your-writes',
  'UserScope.routed': 'private: a read routed to a replica or the primary',
  'UserScope.ownRow': 'private: the ownership-checked row by id',
  'UserScope.list': 'private: a page of a list whose options were validated by its caller',
  'UserScope.dated': 'private: a page of a dated list, validated here with the schema its caller gives',
  'UserScope.write': 'private: a write, then its record for read-your-writes',
  'ViewerScope.routed': 'private: a read routed to a replica or the primary',
  'MovementRepository.rowsOf': 'private: the rows of a search its caller validated',
  'UserScope.writtenRow': 'private: the row a write returned an id of, read back',
};

/** Public functions without arguments: nothing hostile to pass; they are called once to show they work. */
const TAKES_NO_ARGUMENTS: Readonly<Record<string, (em: EntityManager) => Promise<unknown>>> = {
  'MovementRepository.findSystem': (em) => em.getRepository(Movement).findSystem(),
  'UserScope.profile.get': (em) => forUser(em, c.me).profile.get(),
  'UserScope.programs.active': (em) => forUser(em, c.me).programs.active(),
  'UserScope.sessions.outOfSync': (em) => forUser(em, c.me).sessions.outOfSync(),
};

/** Every public read and write, by reflection: `Class.method`, `UserScope.namespace.method`, and the two scope factories. */
function publicFunctions(em: EntityManager): string[] {
  const found = new Set<string>(['forUser', 'forViewer']);
  const collect = (start: object | null, stop: object | null, prefix?: string) => {
    for (let proto = start; proto && proto !== stop; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof Object.getOwnPropertyDescriptor(proto, name)?.value !== 'function') continue;
        found.add(`${prefix ?? (proto.constructor as { name: string }).name}.${name}`);
      }
    }
  };
  // Each repository up to MikroORM's EntityRepository: the library's methods, inherited ones under their defining class.
  const mikroOrmRepository = Object.getPrototypeOf(GainslyRepository.prototype) as object;
  for (const entity of ENTITIES) collect(Object.getPrototypeOf(em.getRepository(entity as never)) as object, mikroOrmRepository);
  const scope = forUser(em, c.me);
  // The namespaces are getters on the prototype (each made on first read).
  const namespaces = Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(scope) as object)).filter(([, d]) => d.get !== undefined);
  expect(namespaces.length).toBeGreaterThan(10);
  for (const [namespace] of namespaces) {
    const value = (scope as unknown as Record<string, unknown>)[namespace];
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) continue;
    for (const [name, fn] of Object.entries(value as object)) if (typeof fn === 'function') found.add(`UserScope.${namespace}.${name}`);
  }
  collect(Object.getPrototypeOf(scope) as object, Object.prototype, 'UserScope');
  collect(Object.getPrototypeOf(forViewer(em, c.me)) as object, Object.prototype, 'ViewerScope');
  return [...found].sort();
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

describe('hostile arguments to every public read and write', () => {
  it('every public function has a row of hostile cases (or is private or takes no arguments)', () => {
    const em = orm.em.fork();
    const functions = publicFunctions(em);
    const rows = table();
    const covered = (name: string) => name in rows || name in NOT_PUBLIC || name in TAKES_NO_ARGUMENTS;
    expect(functions.filter((name) => !covered(name)), 'public functions without hostile cases: add a row').toEqual([]);
    // And the table names only functions that exist, so it cannot rot.
    const known = new Set(functions);
    expect([...Object.keys(rows), ...Object.keys(NOT_PUBLIC), ...Object.keys(TAKES_NO_ARGUMENTS)].filter((name) => !known.has(name))).toEqual([]);
    expect(functions.length).toBeGreaterThan(100);
    for (const [name, cases] of Object.entries(rows)) expect(cases.length, name).toBeGreaterThan(0);
  });

  it('each hostile argument is a GAINSLY_VALIDATION error naming it, sent no SQL and wrote nothing', async () => {
    const rows = table();
    const problems: string[] = [];
    let calls = 0;
    for (const [fn, cases] of Object.entries(rows)) {
      for (const testCase of cases) {
        calls += 1;
        const em = orm.em.fork();
        const before = sent;
        let outcome: unknown = await testCase.run(em).then(
          () => undefined,
          (error: unknown) => error ?? new Error('rejected with nothing'),
        );
        const statements = sent - before;
        const where = `${fn}(${testCase.label})`;
        if (outcome instanceof ThrownSynchronously) {
          // A promise-returning function must reject: a caller's `.catch` would miss a synchronous throw.
          if (!SYNCHRONOUS.has(fn)) problems.push(`${where}: threw synchronously instead of returning a rejected promise`);
          outcome = outcome.error;
        }
        if (outcome === undefined) {
          problems.push(`${where}: succeeded`);
        } else if (!(outcome instanceof GainslyError)) {
          const e = outcome as Error;
          problems.push(`${where}: ${e?.constructor?.name ?? typeof e}: ${firstLine(String(e?.message ?? e))}`);
        } else {
          const code = testCase.code ?? GAINSLY_ERROR_CODES.VALIDATION;
          if (outcome.code !== code) problems.push(`${where}: ${outcome.name} (${outcome.code}), expected ${code}: ${firstLine(outcome.message)}`);
          const missing = testCase.names.filter((name) => !outcome.message.includes(name));
          if (missing.length > 0) problems.push(`${where}: the message does not name ${missing.join(', ')}: ${firstLine(outcome.message)}`);
          if (code === GAINSLY_ERROR_CODES.VALIDATION && statements > 0) problems.push(`${where}: ${statements} statement(s) sent before the validation error`);
        }
        const delta = countDelta(baseline, await counts());
        if (Object.keys(delta).length > 0) {
          problems.push(`${where}: wrote ${JSON.stringify(delta)}`);
          baseline = await counts();
        }
        if (problems.length > 60) break;
      }
    }
    expect(problems.slice(0, 60)).toEqual([]);
    expect(calls).toBeGreaterThan(2_000);
  }, 240_000);

  it('functions without arguments run, and write nothing', async () => {
    for (const [name, call] of Object.entries(TAKES_NO_ARGUMENTS)) {
      const before = sent;
      await expect(call(orm.em.fork()), name).resolves.toBeDefined();
      // The statement spy sees the library's queries: "no statement sent" above means something.
      expect(sent, name).toBeGreaterThan(before);
    }
    expect(countDelta(baseline, await counts())).toEqual({});
  });

  it('a refused argument leaves the caller\'s transaction usable (a NUL used to abort it as a connection error)', async () => {
    await orm.em.fork().transactional(async (tx) => {
      for (const call of [
        () => forUser(tx, c.me).movements.search({ text: 'a\u0000b' }),
        () => tx.getRepository(User).findByEmail('a\u0000@example.com'),
        () => tx.getRepository(Movement).findByName('\u0000'),
        () => forUser(tx, c.me).workouts.list({ from: 'epoch' }),
        () => forUser(tx, c.me).recovery.averages({ days: '7' as never }),
        () => tx.getRepository(Session).findOutOfSync({ sessionIds: '1,2' as never }),
      ]) {
        const error = await call().then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(GainslyError);
        expect((error as GainslyError).code).toBe('GAINSLY_VALIDATION');
      }
      expect(await tx.execute('select 1 as ok')).toEqual([{ ok: 1 }]);
    });
  });
});

describe('a user that does not exist is GainslyNotFoundError for every write that names one', () => {
  const writes: [string, (em: EntityManager) => Promise<unknown>][] = [
    ['forUser().profile.update', (em) => forUser(em, c.missingUser).profile.update({ name: 'Ghost' })],
    ['forUser().movementRules.create', (em) => forUser(em, c.missingUser).movementRules.create({ movementId: c.systemMovementId, ruleType: 'hard_no' })],
    ['forUser().enjoyableActivities.create', (em) => forUser(em, c.missingUser).enjoyableActivities.create({ activityType: 'yoga' })],
    ['forUser().programs.create', (em) => forUser(em, c.missingUser).programs.create(structuredClone(PROGRAM))],
    ['forUser().workouts.log', (em) => forUser(em, c.missingUser).workouts.log({ date: '2026-01-08', topSets: [{ movementId: c.systemMovementId, weight: 80, reps: 5 }] })],
    ['forUser().soreness.create', (em) => forUser(em, c.missingUser).soreness.create(validSoreness())],
    ['forUser().recovery.create', (em) => forUser(em, c.missingUser).recovery.create(validRecovery() as never)],
    ['forUser().conversations.create', (em) => forUser(em, c.missingUser).conversations.create(validThread())],
    ['forUser().movements.create', (em) => forUser(em, c.missingUser).movements.create(validMovement() as never)],
    ['ProgramRepository.createProgram', (em) => em.getRepository(Program).createProgram(c.missingUser, structuredClone(PROGRAM))],
    ['WorkoutLogRepository.logWorkout', (em) => em.getRepository(WorkoutLog).logWorkout(c.missingUser, { date: '2026-01-08', topSets: [] })],
    ['ConversationThreadRepository.createThread', (em) => em.getRepository(ConversationThread).createThread(c.missingUser, validThread())],
  ];

  it.each(writes)('%s: not found, nothing written, the caller\'s transaction still usable', async (_name, write) => {
    await orm.em.fork().transactional(async (tx) => {
      const error = await write(tx).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(GainslyNotFoundError);
      expect((error as GainslyNotFoundError).code).toBe('GAINSLY_NOT_FOUND');
      expect((error as GainslyNotFoundError).table).toBe('users');
      expect(await tx.execute('select 1 as ok')).toEqual([{ ok: 1 }]);
    });
    expect(countDelta(baseline, await counts())).toEqual({});
  });
});

describe('documented semantics of the checked arguments', () => {
  it('tag filters are trimmed and case-insensitive, the same in search, searchRows, the finders and both scopes', async () => {
    const em = orm.em.fork();
    const scope = forUser(em, c.me);
    const mixed = await scope.movements.create({ name: 'Hostile Mixed Case Swing', pattern: 'hinge', primaryMuscle: 'glutes', primaryRegion: 'posterior lower', equipmentTags: ['KettleBell', 'Band'], disciplineTags: ['GPP'] });
    try {
      for (const tag of ['kettlebell', 'KETTLEBELL', ' KettleBell ']) {
        expect((await scope.movements.search({ equipmentTag: tag })).items.map((m) => m.id), tag).toContain(mixed.id);
        expect((await scope.movements.searchRows({ equipmentTag: tag })).items.map((m) => m.id), tag).toContain(mixed.id);
        expect((await forViewer(em, c.me).movementRows({ equipmentTag: tag, pattern: 'hinge' })).items.map((m) => m.id), tag).toEqual([mixed.id]);
      }
      expect((await scope.movements.searchRows({ disciplineTag: 'gpp', ownOnly: true })).items.map((m) => m.id)).toEqual([mixed.id]);
      expect((await em.getRepository(Movement).findByEquipmentTag('BARBELL')).map((m) => m.id)).toContain(c.systemMovementId);
      // A tag is an element, not a substring.
      expect((await scope.movements.search({ equipmentTag: 'kettle' })).items.map((m) => m.id)).not.toContain(mixed.id);
    } finally {
      await scope.movements.delete(mixed.id);
    }
  });

  it("a window may not reach before 0001-01-01, and a date range's ends are inclusive", async () => {
    const em = orm.em.fork();
    const error = await forUser(em, c.me).recovery.averages({ days: 10, until: '0001-01-05' }).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/days: must not reach before 0001-01-01/);
    expect(await forUser(em, c.me).recovery.averages({ days: 5, until: '0001-01-05' })).toMatchObject({ from: '0001-01-01', to: '0001-01-05', readings: 0 });
    expect((await forUser(em, c.me).soreness.list({ from: '2026-01-07', to: '2026-01-07' })).items.map((s) => s.date)).toEqual(['2026-01-07']);
    expect((await forUser(em, c.me).workouts.list({ from: null as never, to: null as never })).items).toHaveLength(1);
  });

  it('readings at the hrv bound average without overflow; beyond it they are refused', async () => {
    const em = orm.em.fork();
    const scope = forUser(em, c.me);
    const max = INPUT_LIMITS.hrv.max;
    const a = await scope.recovery.create({ date: '2026-03-01', hrv: max, sleepHours: 24, readiness: 100, sleepScore: 100 });
    const b = await scope.recovery.create({ date: '2026-03-02', hrv: max, sleepHours: 24, readiness: 100, sleepScore: 100 });
    try {
      expect(await scope.recovery.averages({ days: 2, until: '2026-03-02' })).toMatchObject({ readings: 2, hrv: max, sleepHours: 24 });
      for (const hrv of [max + 1e-9, 1e308, Number.MAX_VALUE]) {
        const error = await scope.recovery.create({ date: '2026-03-03', hrv }).then(() => undefined, (e: unknown) => e);
        expect((error as GainslyError).code, String(hrv)).toBe('GAINSLY_VALIDATION');
        expect((error as Error).message).toContain(`hrv: must be <= ${max}`);
      }
    } finally {
      // The scope returns rows, not entities: delete by id.
      await em.nativeDelete(RecoverySignal, { id: { $in: [a.id, b.id] } });
    }
  });

  it('a friendship resolver counts only an answer of exactly true', async () => {
    const em = orm.em.fork();
    for (const answer of ['yes', 1, {}, 'false']) {
      const viewer = forViewer(em, c.stranger, { areFriends: () => answer as never });
      expect(await viewer.visibleLevels(c.me), String(answer)).toEqual(['public']);
    }
    expect(await forViewer(em, c.stranger, { areFriends: async () => true }).visibleLevels(c.me)).toEqual(['friends', 'public']);
  });
});
