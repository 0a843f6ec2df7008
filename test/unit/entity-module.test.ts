import { describe, expect, it } from 'vitest';
import { MetadataStorage } from '@mikro-orm/core';

// Each entity class records its own module (src/orm/entity-module.ts) so that MikroORM's legacy
// decorators do not read a stack trace per class at import (issue #23, cold start).
//
// The entities are imported here at the file's top level, not inside the test: code run inside a
// test counts as covered by it, and the mutation run (stryker.config.mjs) would then test every
// module-level mutant of the modules they load with this test instead of ignoring it as static.
const previous = Error.prepareStackTrace;
const lookups: string[] = [];
Error.prepareStackTrace = (error, frames) => {
  const names = frames.map((frame) => frame.getFunctionName());
  if (names.includes('lookupPathFromDecorator')) lookups.push(String(frames.find((f) => f.getFileName()?.includes('.entity.'))?.getFileName()));
  return previous ? previous(error, frames) : `${String(error)}\n${frames.map((frame) => `    at ${String(frame)}`).join('\n')}`;
};
const storage = MetadataStorage.getMetadata();
const before = Object.keys(storage).length;
let imported: typeof import('../../src/modules/entities.js');
try {
  imported = await import('../../src/modules/entities.js');
} finally {
  Error.prepareStackTrace = previous;
}
const decorated = Object.keys(storage).length - before;

describe('entity modules', () => {
  it('importing the entities reads no stack trace, and each entity records the module it is defined in', () => {
    const entities = imported.ENTITIES;
    // The decorators did run in this import (this file's module graph is its own), once per entity.
    expect(decorated).toBe(entities.length);
    expect(lookups).toEqual([]);
    for (const entity of entities) {
      const file = entity.name.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase();
      expect((entity as unknown as Record<symbol, string>)[MetadataStorage.PATH_SYMBOL]).toMatch(new RegExp(`^file://.*/src/modules/\\w+/${file}\\.entity\\.ts$`));
    }
  });
});
