// The schemas the root entry validates with, loaded when first needed rather than at import: zod
// and the schemas it builds were over half of what `import '@gainsly/db'` cost beyond MikroORM
// (issue #23, docs/performance.md "Cold start"). Starting an ORM loads them (createGainslyOrm,
// the driver's connect), so a service pays for them at start-up and never inside a request.
import type * as ValidationSet from '../schemas/validation-set.js';
import { EAGER } from './validation-eager.js';
import { lazyModule } from './lazy-module.js';

type Schemas = typeof ValidationSet;

// Validation before any ORM connected (`new MikroORM(…)` connects on its first query, after the
// arguments are checked) requires the set synchronously (`now`).
const set = lazyModule<Schemas>({
  eager: EAGER,
  load: () => import('../schemas/validation-set.js'),
  file: './internal/validation.js',
  what: 'its validation schemas',
  // Once loaded, `schemas` (a live binding) is the set itself, with no proxy in between.
  settle: (loaded) => (schemas = loaded),
});

/**
 * Loads the validation schemas; resolves at once when they are loaded. @internal
 */
export function loadValidation(): Promise<Schemas> {
  return set.load();
}

/**
 * The validation set. Until it is loaded, a proxy that loads it on first property access; an ES
 * module binding is live, so every importer sees the set itself from then on. @internal
 */
export let schemas: Schemas =
  EAGER ??
  new Proxy({} as Schemas, {
    get: (_target, key) => set.now()[key as keyof Schemas],
  });
