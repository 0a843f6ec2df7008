/**
 * The library's migrations, oldest first, as the migrations table records them: written out here
 * (not read from `migrations/index.ts`) so that a migration added, renamed or reordered by mistake
 * fails the tests that list what `migrate` applied.
 */
export const ALL_MIGRATIONS = ['0001-upstream-schema', '0002-overview-additions', '0003-performance-indexes', '0004-foreign-key-indexes'] as const;
