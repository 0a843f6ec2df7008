import type { EntityManager as PostgreSqlEntityManager } from '@mikro-orm/postgresql';
import { ValidationError, type EntityManager as CoreEntityManager, type MikroORM as CoreMikroORM } from '@mikro-orm/core';
import { GainslyConfigError } from './errors.js';

/**
 * Any MikroORM EntityManager a framework hands out: `@mikro-orm/core`'s `EntityManager` (what the
 * NestJS documentation injects), `SqlEntityManager`, or `@mikro-orm/postgresql`'s `EntityManager`.
 * The library's entry points take this type; at run time they need the EntityManager of a Gainsly
 * ORM (a PostgreSQL one).
 * @example
 * ```ts
 * import { EntityManager } from '@mikro-orm/core';
 * const em: AnyEntityManager = moduleRef.get(EntityManager);
 * const me = forUser(em, userId);
 * ```
 */
// `any` driver: each package types its EntityManager with its own driver generic, and those are not
// assignable to one another; the run-time check in `requestEntityManager` decides instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEntityManager = CoreEntityManager<any>;

/**
 * Any MikroORM instance a framework hands out: `@mikro-orm/core`'s or `@mikro-orm/postgresql`'s
 * `MikroORM`, whatever its generics (NestJS's `app.get(MikroORM)` has a readonly entity list).
 * @example
 * ```ts
 * const orm: AnyMikroORM = app.get(MikroORM);
 * await migrate(orm);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMikroORM = CoreMikroORM<any, any, any>;

const GLOBAL_CONTEXT_ADVICE =
  'Outside a request context (a cron job, a queue consumer, a start-up hook) fork it first: `const em = orm.em.fork()` (or run the work inside `RequestContext.create(em, ...)` / `@CreateRequestContext()`), then pass that em.';

/**
 * The error MikroORM's "Using global EntityManager…" refusal becomes: a `GainslyConfigError`
 * (code `GAINSLY_CONFIG`) that says to fork. @internal
 */
export function globalContextError(cause?: unknown): GainslyConfigError {
  return new GainslyConfigError(`The global EntityManager was used outside a request context. ${GLOBAL_CONTEXT_ADVICE}`, cause === undefined ? undefined : { cause });
}

/**
 * Makes an EntityManager throw {@link globalContextError} where MikroORM would refuse the global
 * context, by wrapping its `getContext` on the instance. An instance property rather than a
 * subclass: `@mikro-orm/nestjs` registers `em.constructor` as the injection token, which must stay
 * `@mikro-orm/postgresql`'s `EntityManager`; and only the global EntityManager can be refused, so
 * its forks (made from `em.constructor`) need nothing. @internal
 */
export function translateGlobalContextRefusal<T extends { getContext(validate?: boolean): unknown }>(em: T): T {
  const getContext = em.getContext.bind(em);
  Object.defineProperty(em, 'getContext', {
    configurable: true,
    writable: true,
    value: (validate = true) => {
      try {
        return getContext(validate);
      } catch (error) {
        if (error instanceof ValidationError && /global EntityManager/.test(error.message)) throw globalContextError(error);
        throw error;
      }
    },
  });
  return em;
}

/**
 * Makes `em.fork()` skip a re-sync of MikroORM's configuration that it does not need. `fork()`
 * sets `allowGlobalContext` on the shared configuration and back, and `Configuration.set` then
 * re-applies the logger settings and writes `process.env.MIKRO_ORM_COLORS`, twice per fork, though
 * neither reads that key: about a third of a fork's own time (docs/performance.md, "Where psiAll's
 * gap goes"). Only that key is stored without the re-sync; every other `set` is MikroORM's own.
 * Left alone on a MikroORM whose `getAll()` does not hand out its live options.
 * @internal
 */
export function quietContextToggle(config: { set(key: string, value: unknown): void; getAll(): object }): void {
  const options = config.getAll() as Record<string, unknown>;
  if (options !== config.getAll()) return;
  const set = config.set.bind(config);
  config.set = (key: string, value: unknown) => {
    if (key === 'allowGlobalContext') options[key] = value;
    else set(key, value);
  };
}

/**
 * The EntityManager a library entry point works through: the caller's own, the request context's
 * when the caller passed the global one inside a request (NestJS's middleware, `RequestContext`),
 * or, outside any request context, a fresh fork of the global one, so a job outside a request
 * works instead of failing on some calls (MikroORM refuses the global identity map for finds, not
 * for raw SQL). A transaction the caller runs on the global EntityManager is kept: MikroORM's
 * context lookup returns its fork. @internal
 */
export function requestEntityManager(em: AnyEntityManager, entryPoint: string): PostgreSqlEntityManager {
  const candidate = em as unknown as { getContext?: unknown; fork?: unknown; getConnection?: unknown };
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.getContext !== 'function' || typeof candidate.fork !== 'function' || typeof candidate.getConnection !== 'function') {
    throw new GainslyConfigError(`${entryPoint} needs a MikroORM EntityManager of an ORM made by createGainslyOrm() or gainslyConfig(), got ${em === null ? 'null' : typeof em}.`);
  }
  const current = em.getContext(false) as unknown as PostgreSqlEntityManager;
  if (current.global && !current.config.get('allowGlobalContext')) return current.fork() as PostgreSqlEntityManager;
  return current;
}
