// The schemas the root entry validates with, loaded when first needed rather than at import: zod
// and the schemas it builds were over half of what `import '@gainsly/db'` cost beyond MikroORM
// (issue #23, docs/performance.md "Cold start"). Starting an ORM loads them (createGainslyOrm,
// the driver's connect), so a service pays for them at start-up and never inside a request.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as ValidationSet from '../schemas/validation-set.js';
import { EAGER } from './validation-eager.js';
import { GainslyConfigError } from './errors.js';

type Schemas = typeof ValidationSet;

// In the sources the set is imported with the module graph (validation-eager.ts); the build
// replaces that module with one exporting `undefined` (tsup.config.ts).
let loaded: Schemas | undefined = EAGER;
let loading: Promise<Schemas> | undefined;

/** Records the loaded set; `schemas` (a live binding) then is the set itself, with no proxy in between. */
function settle(set: Schemas): Schemas {
  loaded = set;
  schemas = set;
  return set;
}

/**
 * Loads the validation schemas; resolves at once when they are loaded. @internal
 */
export function loadValidation(): Promise<Schemas> {
  if (loaded) return Promise.resolve(loaded);
  return (loading ??= import('../schemas/validation-set.js').then(settle));
}

/**
 * Validation before any ORM connected (`new MikroORM(…)` connects on its first query, after the
 * arguments are checked): the set is required synchronously, which Node ≥ 22.12 does for ES
 * modules and which shares the module instances an `import` would load. The build puts the set at
 * `dist/internal/validation.js`, next to the chunk holding this code.
 */
function loadNow(): Schemas {
  try {
    const require = createRequire(import.meta.url);
    return settle(require(fileURLToPath(new URL('./internal/validation.js', import.meta.url))) as Schemas);
  } catch (error) {
    throw new GainslyConfigError(
      "@gainsly/db could not load its validation schemas synchronously (a bundle without dist/internal/validation.js?): start the ORM with createGainslyOrm or MikroORM.init before the first call.",
      { cause: error },
    );
  }
}

/**
 * The validation set. Until it is loaded, a proxy that loads it on first property access; an ES
 * module binding is live, so every importer sees the set itself from then on. @internal
 */
export let schemas: Schemas =
  loaded ??
  new Proxy({} as Schemas, {
    get: (_target, key) => (loaded ?? loadNow())[key as keyof Schemas],
  });
