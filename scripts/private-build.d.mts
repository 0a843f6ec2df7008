// Types of scripts/private-build.mjs, for the tests that import it.
export function requireNode22(what: string): void;
export function inputState(root: string): { newest: number; files: number };
export function isFresh(root: string, outDir: string): boolean;
export function buildLibraryInto(root: string, outDir: string, scratchDir: string): Promise<void>;
