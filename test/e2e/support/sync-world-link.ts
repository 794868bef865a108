import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowLink {
  url: string;
  /** Each pulled page waits this long before it goes to HQ: a hall's slow line, so a pull lasts long enough to watch. */
  setPullDelay(ms: number): void;
  close(): Promise<void>;
}

/** A plain HTTP relay to HQ that can make pulls slow; everything else passes untouched. */
export async function startSlowLink(target: string): Promise<SlowLink> {
  let pullDelayMs = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const delay = path.startsWith('/v1/pull') ? pullDelayMs : 0;
    setTimeout(() => {
      const upstream = request(new URL(path, target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    }, delay);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setPullDelay: (ms) => {
      pullDelayMs = ms;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
