// The library under test, loaded from the benchmark's own build of it (bench/.build/lib, made by
// bench/bench.mjs with the package's tsup config): what users get, isolated from concurrent
// `npm run build`s. Types come from the sources.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Lib from '../../src/index.js';
import type * as Enums from '../../src/enums/index.js';
import type * as Domain from '../../src/domain/index.js';
import type * as Schemas from '../../src/schemas/index.js';
import type * as Admin from '../../src/admin/index.js';

export type LibModule = typeof Lib;
export type ImportMovements = typeof Admin.importMovements;

export interface LoadedLibrary {
  dir: string;
  lib: LibModule;
  enums: typeof Enums;
  domain: typeof Domain;
  schemas: typeof Schemas;
  admin: typeof Admin;
  /** `importMovements`, from `@gainsly/db/admin`. */
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
  const admin = (await import(libFile(dir, 'admin/index.js'))) as typeof Admin;
  return { dir, lib, enums, domain, schemas, admin, importMovements: admin.importMovements, importMovementsFrom: '@gainsly/db/admin' };
}
