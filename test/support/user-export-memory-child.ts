// Run in a child process by user-data-memory.test.ts (bundled with esbuild first): streams one
// user's export to a file with writeUserExport and prints the rows written and the memory the
// process needed at its peak. A process of its own so the figure is the export's, and so that
// `--max-old-space-size` can bound the heap (a whole-document export would not fit).
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { createGainslyOrm } from '../../src/index.js';
import { writeUserExport } from '../../src/modules/user-data.js';

const [url, file, userId] = process.argv.slice(2);
if (!url || !file || !userId) throw new Error('usage: user-export-memory-child <database url> <file> <user id>');
const orm = await createGainslyOrm({ url });
let peakHeapUsed = 0;
let writes = 0;
const out = createWriteStream(file);
// Samples the heap as chunks pass (the heap in use while rows stream through), then forwards them.
const sampler = new Writable({
  write(chunk: Buffer, _encoding, done) {
    if (++writes % 1000 === 0) peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    if (out.write(chunk)) done();
    else out.once('drain', () => done());
  },
});
try {
  const summary = await writeUserExport(orm, Number(userId), sampler);
  await new Promise<void>((resolve) => out.end(resolve));
  process.stdout.write(JSON.stringify({ counts: summary.counts, maxRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapUsed }));
} finally {
  await orm.close(true);
}
