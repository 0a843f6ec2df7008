/**
 * A user's export streams (#21): 100,000 top sets written by writeUserExport in a child process
 * whose heap is capped below what the whole document would take in memory.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withRawClient, type TestDatabase } from '../support/database.js';
import { bundleMemoryChild, type MemoryChild } from '../support/memory-child.js';

describe('export of a large history', () => {
  const TOP_SETS = 100_000;
  /** The child's heap limit: the whole document as objects would take well over this. */
  const HEAP_LIMIT_MB = 64;
  /** Node, MikroORM and the pg driver take about 100 MB of resident memory before the first row. */
  const MAX_RSS_MB = 220;
  let db: TestDatabase;
  let child: MemoryChild | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    child = await bundleMemoryChild('user-export-memory-child');
    await withRawClient(db.url, (c) =>
      c.query(`
        insert into users (id, name, email, experience_level, persona_tone, persona_aggression) values (1, 'Heavy', 'heavy@example.com', 'ADVANCED', 'SUPPORTIVE', 'BALANCED');
        insert into movements (id, name, pattern, primary_muscle, primary_region, cns_load, skill_level, metric_type) values (1, 'Back Squat', 'squat', 'quadriceps', 'anterior lower', 'high', 'intermediate', 'reps');
        insert into workout_logs (id, user_id, date, completed, visibility) select g, 1, date '2020-01-01' + g, true, 'PRIVATE' from generate_series(1, 2000) g;
        insert into top_set_logs (workout_log_id, movement_id, weight, reps, rpe, e1rm_value, e1rm_formula, pattern, created_at)
          select 1 + g % 2000, 1, 100 + g % 50, 1 + g % 10, 8, 120.5, 'EPLEY', 'SQUAT', timestamp '2020-01-01' + g * interval '1 minute' from generate_series(1, ${TOP_SETS}) g;
      `),
    );
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    child?.dispose();
  });

  it(`streams ${TOP_SETS.toLocaleString('en')} top sets with flat memory (child process, heap capped at ${HEAP_LIMIT_MB} MB, peak RSS under ${MAX_RSS_MB} MB)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gainsly-user-export-large-'));
    const file = join(dir, 'user.json');
    try {
      const result = await child!.run<{ counts: Record<string, number>; maxRssBytes: number; peakHeapUsed: number }>(HEAP_LIMIT_MB, [db.url, file, '1'], 55_000);
      console.info(`[user export memory] ${TOP_SETS} top sets, ${(statSync(file).size / 1e6).toFixed(1)} MB file: peak RSS ${(result.maxRssBytes / 1048576).toFixed(0)} MiB, peak heap used ${(result.peakHeapUsed / 1048576).toFixed(0)} MiB`);
      expect(result.counts).toMatchObject({ users: 1, workout_logs: 2000, top_set_logs: TOP_SETS });
      expect(result.maxRssBytes / 1048576).toBeLessThan(MAX_RSS_MB);
      // The file is one valid document (parsed here, in the test process, not the capped child).
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { tables: { top_set_logs: unknown[] } };
      expect(doc.tables.top_set_logs).toHaveLength(TOP_SETS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
