import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001UpstreamSchema } from './0001-upstream-schema.js';
import { Migration0002OverviewAdditions } from './0002-overview-additions.js';
import { Migration0003PerformanceIndexes } from './0003-performance-indexes.js';
import { Migration0004ForeignKeyIndexes } from './0004-foreign-key-indexes.js';

/**
 * The library's migrations in order. Names are explicit so they survive bundling and minifying;
 * they are what the migrations table records.
 */
export const MIGRATIONS: readonly MigrationObject[] = Object.freeze([
  { name: '0001-upstream-schema', class: Migration0001UpstreamSchema },
  { name: '0002-overview-additions', class: Migration0002OverviewAdditions },
  { name: '0003-performance-indexes', class: Migration0003PerformanceIndexes },
  { name: '0004-foreign-key-indexes', class: Migration0004ForeignKeyIndexes },
]);
