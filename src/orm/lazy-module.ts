// Modules the root entry loads on first use rather than at import (issue #23, cold start;
// docs/performance.md "Cold start"). In the sources such a module is part of the module graph (its
// `*-eager.ts` twin imports it); the build swaps the twin for one exporting `undefined`
// (tsup.config.ts), and the published entry then loads the module with `import()` on an
// asynchronous path, or with `require()` on a synchronous one: Node ≥ 22.12 requires ES modules
// synchronously, sharing the module instances an `import` loads.
import { fileURLToPath } from 'node:url';
import { GainslyConfigError } from './errors.js';

/** A module loaded on first use. @internal */
export interface LazyModule<T> {
  /** Loads the module; resolves at once when it is loaded. */
  load(): Promise<T>;
  /** The module, required synchronously when it is not loaded yet. */
  now(): T;
}

/**
 * A module loaded on first use. `file` is where the build puts it, relative to the chunks at the
 * root of `dist/` (a tsup entry of its own, so that `require` can find it by name). @internal
 */
export function lazyModule<T>(options: {
  eager: T | undefined;
  load: () => Promise<T>;
  file: string;
  /** What the module holds, for the error when it cannot be required. */
  what: string;
  /** Called once with the module when it is loaded. */
  settle?: (loaded: T) => void;
}): LazyModule<T> {
  let loaded = options.eager;
  let loading: Promise<T> | undefined;
  const settle = (set: T): T => {
    loaded = set;
    options.settle?.(set);
    return set;
  };
  return {
    load: () => (loaded ? Promise.resolve(loaded) : (loading ??= options.load().then(settle))),
    now: () => {
      if (loaded) return loaded;
      try {
        // Taken here, not imported: `node:module` as an ES module costs every import of the library
        // a fraction of a millisecond, for a path most processes never take.
        const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
        return settle(require(fileURLToPath(new URL(options.file, import.meta.url))) as T);
      } catch (error) {
        throw new GainslyConfigError(
          `@gainsly/db could not load ${options.what} synchronously (a bundle without dist/${options.file.replace(/^\.\//, '')}?): start the ORM with createGainslyOrm or MikroORM.init before the first call.`,
          { cause: error },
        );
      }
    },
  };
}
