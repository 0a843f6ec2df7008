// The validation set as part of the module graph, for the sources (tests, tsx, typecheck). The build
// swaps this module for one exporting `undefined`, so the published root entry loads the set on
// first use instead (src/orm/validation.ts, tsup.config.ts).
import * as set from '../schemas/validation-set.js';

/** @internal */
export const EAGER: typeof set | undefined = set;
