import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../shared/contract/csp';
import { createAppHandler, fileFor, registerAppScheme, serveApp, type AppHandler } from '../../../electron/main/protocol';
import { isAppUrl } from '../../../electron/main/origin';
import { protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let dir: string;
let root: string;
let handler: AppHandler;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'halldesk-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>HallDesk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET outside the renderer');
  // A sibling whose name starts with the root's: a naive startsWith(root) check lets it through.
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'secret.txt'), 'SECRET in a look-alike folder');
  handler = createAppHandler(root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const get = (url: string) => handler({ url, method: 'GET' });

describe('the app:// protocol handler', () => {
  it('serves index.html for the root with the renderer CSP and no-sniff', async () => {
    const res = await get('app://halldesk/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>HallDesk</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const res = await get('app://halldesk/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log("app")');
  });

  it.each([
    'app://halldesk/..%2fsecret.txt',
    'app://halldesk/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://halldesk/assets/..%2f..%2fsecret.txt',
    'app://halldesk/..%2frenderer-evil%2fsecret.txt',
    'app://halldesk/../secret.txt',
    'app://halldesk/%2e%2e/secret.txt',
    'app://halldesk/..%5csecret.txt',
    'app://halldesk/%2fetc%2fpasswd',
  ])('refuses traversal %s with 404, still under the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('SECRET');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a directory', 'app://halldesk/assets'],
    ['a missing file', 'app://halldesk/missing.js'],
    ['a malformed escape', 'app://halldesk/%E0%A4%A'],
    ['a NUL byte', 'app://halldesk/index.html%00.js'],
  ])('answers 404 for %s', async (_what, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler({ url: 'app://halldesk/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler({ url: 'app://halldesk/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('maps URLs to files strictly inside the root', () => {
    expect(fileFor(root, 'app://halldesk/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(fileFor(root, 'app://halldesk/')).toBe(join(root, 'index.html'));
    expect(fileFor(root, 'app://halldesk/..%2fsecret.txt')).toBeUndefined();
    expect(fileFor(root, 'app://halldesk/..%2frenderer-evil%2fsecret.txt')).toBeUndefined();
  });
});

describe('the app:// scheme', () => {
  it('is registered as standard, secure and fetchable, without bypassing the CSP', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is served on the default session by the same handler', async () => {
    serveApp(root);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    const res = await protocol.handlers.get('app')?.({ url: 'app://halldesk/..%2fsecret.txt', method: 'GET' });
    expect(res?.status).toBe(404);
  });

  it("recognises only the app's own origin", () => {
    expect(isAppUrl('app://halldesk/index.html')).toBe(true);
    expect(isAppUrl('app://halldesk')).toBe(true);
    expect(isAppUrl('app://halldesk.evil.example/')).toBe(false);
    expect(isAppUrl('app://halldesk:8080/')).toBe(false);
    expect(isAppUrl('app://x:y@halldesk/')).toBe(false);
    expect(isAppUrl('https://halldesk/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
