import { MetadataStorage } from '@mikro-orm/core';

/**
 * Records the module an entity class is defined in (`import.meta.url`), where MikroORM's legacy
 * decorators look for it (`MetadataStorage.PATH_SYMBOL`, the override mikro-orm/mikro-orm#5545
 * provides). Without it the first decorator of each class reads a stack trace to find the file, at
 * import (issue #23, cold start), and in the bundle finds the chunk of esbuild's decorator helper
 * rather than the entity's. Called from a static block, which runs before the decorators. @internal
 */
export function entityModule(cls: object, url: string): void {
  Object.defineProperty(cls, MetadataStorage.PATH_SYMBOL, { value: url, writable: true });
}
