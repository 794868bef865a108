import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../shared/contract/csp';
import { SESSION_HEADER } from '../../shared/contract/client';
import type { Dispatch } from '../core/dispatch';
import { isSlipPdfName } from '../core/slips/files';

const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface BridgeOptions {
  dispatch: Dispatch;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  /** Where the core keeps printed slips' PDFs, served at `/slips/<file>.pdf`; absent, none are served. */
  slipsDir?: string;
  port: number;
}

export interface Bridge {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * The core over HTTP for a browser, so the real UI runs in Chromium against the real
 * core and a real SQLite file. It listens on 127.0.0.1 only, answers only requests
 * addressed to itself (a DNS-rebinding page cannot reach it) and serves `POST /api/<method>`
 * for exactly the contract's methods.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const root = resolve(options.staticDir);
  let origin = '';
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
      console.error(err);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'misdirected request');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const from = req.headers.origin;
      if (from !== undefined && !allowedHosts.has(from.replace(/^http:\/\//, ''))) {
        return send(res, 403, 'text/plain', 'cross-origin call refused');
      }
      const body = await readBody(req);
      if (body === undefined) return send(res, 413, 'text/plain', 'body too large');
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, { ok: false, error: { code: 'VALIDATION', message: '请求不是合法的 JSON' } });
      }
      const session = req.headers[SESSION_HEADER];
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await options.dispatch(method, {
        ...(typeof session === 'string' ? { session } : {}),
        input,
      });
      return sendJson(res, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    if (url.pathname.startsWith('/slips/')) return serveSlipPdf(res, url.pathname.slice('/slips/'.length));
    return serveStatic(res, url.pathname);
  }

  /** A printed slip's PDF, for the browser's "open PDF" link: names the core writes, from its folder only. */
  async function serveSlipPdf(res: ServerResponse, name: string): Promise<void> {
    if (!options.slipsDir || !isSlipPdfName(name)) return send(res, 404, 'text/plain', 'not found');
    const dir = resolve(options.slipsDir);
    const file = resolve(join(dir, name));
    if (!file.startsWith(dir + sep)) return send(res, 404, 'text/plain', 'not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return send(res, 404, 'text/plain', 'not found');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `inline; filename="${name}"`);
    // Not the renderer's CSP: its object-src 'none' would stop Chromium's PDF viewer from showing the file.
    res.writeHead(200, { 'Content-Type': 'application/pdf' });
    res.end(await readFile(file));
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = resolve(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'text/plain', 'not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return send(res, 404, 'text/plain', 'not found');
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    return send(res, 200, type, await readFile(file));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    server,
    url: origin,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', RENDERER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => ok(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
