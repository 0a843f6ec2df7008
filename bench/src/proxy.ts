// A delaying TCP proxy on loopback for the latency mode (`npm run bench -- --rtt …`, bench/README.md
// "Latency mode"): it forwards every connection to the PostgreSQL server and holds each chunk, in
// each direction, for half the requested round trip, in arrival order.
//
// Why a child process: the benchmark's own event loop must not carry the proxy's timers (they would
// delay both sides' callbacks), and its CPU must not count in the bench's client CPU per call
// (process.cpuUsage covers worker threads too; a first version in a worker thread doubled it). Why not plain setTimeout:
// Node's timers fire on a ~1 ms grain, so a 0.25 ms hold would become 1 ms. The proxy sleeps on a
// timer while the next release is more than 1.5 ms away and polls with setImmediate (checking
// process.hrtime) for the last stretch; with nothing in flight it is idle. Its cost (a core busy
// while a chunk is within 1.5 ms of release) is in bench/README.md.
//
// The child runs from source text (`node -e`) because the benchmark is bundled into one file by
// bench/bench.mjs: a separate file path would not survive the bundle.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type pg from 'pg';

/** A running proxy. */
export interface DelayProxy {
  /** Loopback port to connect to instead of the server's. */
  port: number;
  /** One-way hold applied to each chunk, in ms (half the round trip). */
  oneWayMs: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** Stops the proxy and drops its connections; resolves to the proxy process's CPU time and lifetime. */
  close(): Promise<{ cpuMs: number; wallMs: number }>;
}

/**
 * The proxy process's body, run from its source text: it must not reference anything outside itself.
 * Chunks of every connection share one FIFO: with one fixed hold, arrival order is release order,
 * so the queue is deadline-ordered and each direction keeps its byte order.
 */
function proxyMain(): void {
  // getBuiltinModule, not require: the bundler rewrites `require` to a helper the child lacks.
  const net = process.getBuiltinModule('node:net');
  const { targetHost, targetPort, oneWayMs } = JSON.parse(process.argv[1]!) as { targetHost: string; targetPort: number; oneWayMs: number };
  const born = performance.now();
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
    process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  });
  // Any line on stdin (or its end, when the parent dies) stops the proxy.
  const stop = () => {
    for (const s of sockets) s.destroy();
    const cpu = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - born })}\n`);
    server.close();
    process.exit(0);
  };
  process.stdin.on('data', stop);
  process.stdin.on('end', stop);
}

/**
 * Starts a proxy process to `targetHost:targetPort` that holds each chunk `oneWayMs` in each direction.
 *
 * @example
 * const proxy = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: 5432, oneWayMs: 0.25 });
 * const client = new pg.Client(proxy.rewrite('postgres://postgres@127.0.0.1:5432/app'));
 * // … 0.5 ms round trip added to every statement …
 * await proxy.close();
 */
export async function startDelayProxy(options: { targetHost: string; targetPort: number; oneWayMs: number }): Promise<DelayProxy> {
  if (!(options.oneWayMs >= 0)) throw new Error(`oneWayMs must be >= 0, got ${options.oneWayMs}`);
  const child = spawn(process.execPath, ['-e', `(${proxyMain.toString()})()`, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const r = await lines.next();
    if (r.done) throw new Error('the delay proxy exited');
    return JSON.parse(r.value) as Record<string, number>;
  };
  const port = (await next()).port!;
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
      child.stdin!.end('stop\n');
      const usage = await next();
      return { cpuMs: usage.cpuMs!, wallMs: usage.wallMs! };
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
