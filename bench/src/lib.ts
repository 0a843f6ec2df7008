// The library under test, loaded from the benchmark's own build of it (bench/.build/lib, made by
// bench/bench.mjs with the package's tsup config): what users get, isolated from concurrent
// `npm run build`s. Types come from the sources.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Lib from '../../src/index.js';
import type * as Enums from '../../src/enums/index.js';
import type * as Domain from '../../src/domain/index.js';
import type * as Schemas from '../../src/schemas/index.js';
import type { importMovements as ImportMovementsFn } from '../../src/admin/import.js';

export type LibModule = typeof Lib;
export type ImportMovements = typeof ImportMovementsFn;

export interface LoadedLibrary {
  dir: string;
  lib: LibModule;
  enums: typeof Enums;
  domain: typeof Domain;
  schemas: typeof Schemas;
  /** `importMovements`, from the public barrel when it exports it, else from the admin module; undefined when neither exists. */
  importMovements: ImportMovements | undefined;
  /** Where importMovements came from. */
  importMovementsFrom: string | undefined;
}

export function libFile(dir: string, relative: string): string {
  return pathToFileURL(join(dir, relative)).href;
}

export async function loadLibrary(dir: string): Promise<LoadedLibrary> {
  const lib = (await import(libFile(dir, 'index.js'))) as LibModule;
  const enums = (await import(libFile(dir, 'enums/index.js'))) as typeof Enums;
  const domain = (await import(libFile(dir, 'domain/index.js'))) as typeof Domain;
  const schemas = (await import(libFile(dir, 'schemas/index.js'))) as typeof Schemas;
  let importMovements: ImportMovements | undefined;
  let importMovementsFrom: string | undefined;
  const fromBarrel = (lib as unknown as { importMovements?: ImportMovements }).importMovements;
  if (typeof fromBarrel === 'function') {
    importMovements = fromBarrel;
    importMovementsFrom = '@gainsly/db';
  } else if (existsSync(join(dir, 'bench-internal/admin-import.js'))) {
    const mod = (await import(libFile(dir, 'bench-internal/admin-import.js'))) as { importMovements?: ImportMovements };
    importMovements = mod.importMovements;
    importMovementsFrom = 'src/admin/import.ts (not in the public barrel)';
  }
  return { dir, lib, enums, domain, schemas, importMovements, importMovementsFrom };
}
