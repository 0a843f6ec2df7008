// The migration set as part of the module graph, for the sources (tests, tsx, typecheck). The build
// swaps this module for one exporting `undefined`, so the published root entry loads the set when
// an ORM is configured instead (src/orm/lazy-module.ts, tsup.config.ts).
import * as set from './migration-set.js';

/** @internal */
export const EAGER: typeof set | undefined = set;
