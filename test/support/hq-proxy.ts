import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy between counters and HQ that misbehaves on purpose: it drops requests
 * and answers, sends requests twice, delays them, delivers a request after the counter
 * gave up on it (reordered behind its own retry), answers 500 (before or after HQ did the
 * work) and cuts answers off half-way. Faults are drawn from a seeded generator, so a
 * failing run can be replayed.
 */
export type Fault =
  | 'pass'
  | 'drop_request'
  | 'drop_answer'
  | 'duplicate'
  | 'delay'
  | 'reorder'
  | 'error_500_before'
  | 'error_500_after'
  | 'cut_answer';

export interface FaultProxy {
  url: string;
  stats: Record<Fault, number>;
  /** Turn faults on or off (off for setup and for a clean final sync). */
  faulty(on: boolean): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => ok(Buffer.concat(chunks)));
    stream.on('error', fail);
  });
}

export async function startFaultProxy(options: {
  /** One or more HQ processes over the same database; requests go round-robin. */
  targets: string[];
  seed: number;
  /** Probability that a request meets a fault. */
  faultRate: number;
}): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const faults: Fault[] = ['drop_request', 'drop_answer', 'duplicate', 'delay', 'reorder', 'error_500_before', 'error_500_after', 'cut_answer'];
  const stats = Object.fromEntries(['pass', ...faults].map((f) => [f, 0])) as Record<Fault, number>;
  let healed = true;
  let next = 0;
  const pending = new Set<Promise<unknown>>();

  function forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    const target = new URL(options.targets[next++ % options.targets.length] ?? '');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !['host', 'connection', 'content-length', 'keep-alive'].includes(k)) headers[k] = v;
    }
    if (body.length > 0) headers['content-length'] = String(body.length);
    return new Promise((ok, fail) => {
      const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
        readAll(res).then(
          (data) => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'content-length' && k !== 'transfer-encoding') h[k] = v;
            ok({ status: res.statusCode ?? 502, headers: h, body: data });
          },
          fail,
        );
      });
      up.on('error', fail);
      up.end(body);
    });
  }

  function reply(res: ServerResponse, up: Upstream): void {
    res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
    res.end(up.body);
  }

  const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const fault: Fault = healed || random() >= options.faultRate ? 'pass' : (faults[Math.floor(random() * faults.length)] ?? 'pass');
    stats[fault]++;
    switch (fault) {
      case 'pass':
        return reply(res, await forward(req, body));
      case 'drop_request':
        res.socket?.destroy();
        return;
      case 'drop_answer':
        // HQ did the work; the counter never hears of it.
        await forward(req, body);
        res.socket?.destroy();
        return;
      case 'duplicate': {
        // The same signed request twice: HQ must refuse the copy as a replay.
        const [first, second] = await Promise.all([forward(req, body), forward(req, body)]);
        return reply(res, random() < 0.5 ? first : second);
      }
      case 'delay':
        await sleep(Math.floor(random() * 300));
        return reply(res, await forward(req, body));
      case 'reorder': {
        // The counter is told to retry now; the original arrives later, behind the retry.
        const late = sleep(20 + Math.floor(random() * 200)).then(() => forward(req, body).catch(() => undefined));
        pending.add(late);
        void late.finally(() => pending.delete(late));
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('proxy: try again');
        return;
      }
      case 'error_500_before':
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('proxy: upstream error');
        return;
      case 'error_500_after':
        await forward(req, body);
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('proxy: upstream error');
        return;
      case 'cut_answer': {
        const up = await forward(req, body);
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        // Give the half a moment to leave, then cut the connection.
        await sleep(5);
        res.socket?.destroy();
        return;
      }
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    faulty: (on) => {
      healed = !on;
    },
    async close() {
      await Promise.all(pending);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
