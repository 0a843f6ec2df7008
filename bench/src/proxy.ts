// A delaying TCP proxy on loopback for the latency mode (`npm run bench -- --rtt …`, bench/README.md
// "Latency mode"): it forwards every connection to the PostgreSQL server and holds each chunk, in
// each direction, for half the requested round trip, in arrival order.
//
// Why a worker thread: the benchmark's own event loop must not carry the proxy's timers (they would
// show up in both sides' client CPU and delay each other's callbacks). Why not plain setTimeout:
// Node's timers fire on a ~1 ms grain, so a 0.25 ms hold would become 1 ms. The worker sleeps on a
// timer while the next release is more than 1.5 ms away and polls with setImmediate (checking
// process.hrtime) for the last stretch; with nothing in flight it is idle. Its cost (a core busy
// while a chunk is within 1.5 ms of release) is in bench/README.md.
//
// The worker runs from source text (`eval`) because the benchmark is bundled into one file by
// bench/bench.mjs: a worker file path would not survive the bundle.
import { Worker } from 'node:worker_threads';
import type pg from 'pg';

/** A running proxy. */
export interface DelayProxy {
  /** Loopback port to connect to instead of the server's. */
  port: number;
  /** One-way hold applied to each chunk, in ms (half the round trip). */
  oneWayMs: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** Stops the proxy and drops its connections. */
  close(): Promise<void>;
}

/**
 * The worker's body, run from its source text: it must not reference anything outside itself.
 * Chunks of every connection share one FIFO: with one fixed hold, arrival order is release order,
 * so the queue is deadline-ordered and each direction keeps its byte order.
 */
function proxyWorker(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const net = require('node:net') as typeof import('node:net');
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { targetHost, targetPort, oneWayMs } = workerData as { targetHost: string; targetPort: number; oneWayMs: number };
  const holdNs = BigInt(Math.round(oneWayMs * 1e6));
  type Item = { due: bigint; to: import('node:net').Socket; chunk: Buffer | null };
  const queue: Item[] = [];
  let head = 0;
  let scheduled = false;
  const sockets = new Set<import('node:net').Socket>();
  const pump = () => {
    scheduled = false;
    const now = process.hrtime.bigint();
    while (head < queue.length && queue[head]!.due <= now) {
      const item = queue[head++]!;
      if (item.to.destroyed) continue;
      if (item.chunk === null) item.to.end();
      else item.to.write(item.chunk);
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      return;
    }
    if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
    schedule(queue[head]!.due - now);
  };
  const schedule = (waitNs: bigint) => {
    if (scheduled) return;
    scheduled = true;
    if (waitNs > 1_500_000n) setTimeout(pump, Number(waitNs / 1_000_000n) - 1);
    else setImmediate(pump);
  };
  const push = (to: import('node:net').Socket, chunk: Buffer | null) => {
    queue.push({ due: process.hrtime.bigint() + holdNs, to, chunk });
    schedule(holdNs);
  };
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = net.connect(targetPort, targetHost);
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) sockets.add(s);
    // A half-close travels like data (after the bytes before it); an error drops both sides.
    client.on('data', (c: Buffer) => push(upstream, c));
    upstream.on('data', (c: Buffer) => push(client, c));
    client.on('end', () => push(upstream, null));
    upstream.on('end', () => push(client, null));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => (upstream.writableEnded ? sockets.delete(client) : undefined));
    upstream.on('close', () => (client.writableEnded ? sockets.delete(upstream) : undefined));
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as import('node:net').AddressInfo;
    parentPort!.postMessage({ port: address.port });
  });
  parentPort!.on('message', () => {
    for (const s of sockets) s.destroy();
    server.close(() => parentPort!.postMessage({ closed: true }));
  });
}

/**
 * Starts a proxy to `targetHost:targetPort` that holds each chunk `oneWayMs` in each direction.
 *
 * @example
 * const proxy = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: 5432, oneWayMs: 0.25 });
 * const client = new pg.Client(proxy.rewrite('postgres://postgres@127.0.0.1:5432/app'));
 * // … 0.5 ms round trip added to every statement …
 * await proxy.close();
 */
export async function startDelayProxy(options: { targetHost: string; targetPort: number; oneWayMs: number }): Promise<DelayProxy> {
  if (!(options.oneWayMs >= 0)) throw new Error(`oneWayMs must be >= 0, got ${options.oneWayMs}`);
  const worker = new Worker(`(${proxyWorker.toString()})()`, { eval: true, workerData: options });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port: number }) => resolve(m.port));
  });
  return {
    port,
    oneWayMs: options.oneWayMs,
    rewrite(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async close() {
      const closed = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage('close');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate();
    },
  };
}

/**
 * The delay a proxy really adds: median `select 1` round trip through it minus direct, the two
 * alternated so that both see the same machine load. In ms.
 *
 * @example
 * const added = await measureAddedDelay(direct, proxied, 200); // ≈ 0.5 for a 0.5 ms proxy
 */
export async function measureAddedDelay(direct: pg.Client, proxied: pg.Client, samples: number): Promise<{ directMs: number; proxiedMs: number; addedMs: number }> {
  const time = async (c: pg.Client) => {
    const t = performance.now();
    await c.query('select 1');
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) {
    await time(direct);
    await time(proxied);
  }
  const d: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < samples; i++) {
    d.push(await time(direct));
    p.push(await time(proxied));
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const directMs = median(d);
  const proxiedMs = median(p);
  return { directMs, proxiedMs, addedMs: proxiedMs - directMs };
}
