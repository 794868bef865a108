import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { RENDERER_CSP } from '../../shared/contract/csp';
import { APP_HOST, APP_SCHEME } from './origin';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins and relative
 * URL resolution (Vite builds with base './'); `secure` makes it a secure context;
 * `supportFetchAPI` lets the page fetch its own assets. No `bypassCSP`: the CSP applies.
 * No `corsEnabled`: it would let other origins read app:// responses, and the page
 * only loads from its own origin. Electron keeps only the last call's list, so this is
 * the one place that registers schemes.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** What the handler reads of a request; Electron passes a full `Request`. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export type AppHandler = (request: AppRequest) => Promise<Response>;

/**
 * Serves files under `rootDir` (the built renderer) and nothing else. Every response,
 * errors included, carries the renderer CSP.
 */
export function createAppHandler(rootDir: string): AppHandler {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'GET only');
    const file = fileFor(root, request.url);
    if (file === undefined) return plain(404, 'not found');
    const body = await readRegularFile(file);
    if (body === undefined) return plain(404, 'not found');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, type, request.method === 'HEAD' ? null : body);
  };
}

/** Maps a URL to a file strictly under `root`; undefined for other hosts, bad escapes and traversal. */
export function fileFor(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let rel: string;
  try {
    // Decoding can turn `..%2F` into `../`, so the containment check below runs on the decoded path.
    rel = parsed.pathname === '/' ? 'index.html' : decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  const file = resolve(join(root, rel));
  if (file === root || !file.startsWith(root + sep)) return undefined;
  return file;
}

async function readRegularFile(file: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}

function respond(status: number, type: string, body: Buffer | string | null): Response {
  return new Response(body === null || typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}

function plain(status: number, text: string): Response {
  return respond(status, 'text/plain; charset=utf-8', text);
}

/** Installs the handler on the default session; call once, after `app` is ready. */
export function serveApp(rootDir: string): void {
  const handler = createAppHandler(rootDir);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
