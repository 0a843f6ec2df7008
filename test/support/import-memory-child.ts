// Run in a child process by admin-import.test.ts (bundled with esbuild first): imports one file
// with importMovements and prints what it did and how much memory the process needed at its peak.
// A process of its own, so the figure is the import's and not the test runner's, and so that
// `--max-old-space-size` can bound the heap.
import { createGainslyOrm } from '../../src/index.js';
import { importMovements } from '../../src/admin/import/import.js';

const [url, file] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: import-memory-child <database url> <file>');
const orm = await createGainslyOrm({ url });
let peakHeapUsed = 0;
try {
  const report = await importMovements(orm, file, {
    // Sampled at every batch: the heap in use while records stream through, not after a collection.
    onProgress: () => {
      peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    },
  });
  process.stdout.write(
    JSON.stringify({
      total: report.total,
      inserted: report.inserted,
      skipped: report.skipped.length,
      statements: report.statements,
      // KiB on Linux: the largest resident set the process ever had.
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      peakHeapUsed,
    }),
  );
} finally {
  await orm.close(true);
}
