import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, httpTransport, type ContractClient } from '../../shared/contract/client';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { databaseDigest, demoPin, expectOk, openTestCounter, type TestCounter } from '../support/core';

let counter: TestCounter;
let bridge: Bridge;

beforeAll(async () => {
  counter = openTestCounter();
  const staticDir = join(counter.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>HallDesk</title>');
  writeFileSync(join(counter.dir, 'secret.txt'), 'outside the renderer');
  bridge = await startBridge({ dispatch: counter.core.dispatch, staticDir, port: 0 });
});
afterAll(async () => {
  await bridge.close();
  counter.close();
});

async function httpLogin(staffNo: string): Promise<ContractClient> {
  const client = createClient(httpTransport(bridge.url));
  const login = expectOk(await client.call['session.login']({ staffNo, pin: demoPin(staffNo) }));
  client.setSession(login.token);
  return client;
}

/** A raw request, for what a browser's fetch would not let us send (a forged Host header). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(bridge.url);
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

describe('the browser bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a clerk calling a manager-only method with FORBIDDEN and changes nothing', async () => {
    const clerk = await httpLogin('1001');
    const manager = await httpLogin('8001');
    const staffBefore = expectOk(await manager.call['staff.list']({}));
    const before = databaseDigest(counter.core.dbFile);

    const result = await clerk.call['staff.create']({ staffNo: '1999', name: '冒名', role: 'manager', pin: '999999' });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as string, details: { need: 'manager', have: 'clerk' } } });

    expect(databaseDigest(counter.core.dbFile)).toBe(before);
    expect(expectOk(await manager.call['staff.list']({}))).toEqual(staffBefore);
  });

  it('serves the contract methods and nothing else under /api', async () => {
    const unknown = await raw('/api/staff.dropAll', { method: 'POST', body: '{}', headers: { host: new URL(bridge.url).host } });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const get = await raw('/api/system.info', { headers: { host: new URL(bridge.url).host } });
    expect(get.status).toBe(405);
    const notJson = await raw('/api/system.info', { method: 'POST', body: '{nope', headers: { host: new URL(bridge.url).host } });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses requests addressed to another host name (DNS rebinding) and other origins', async () => {
    const rebound = await raw('/api/system.info', { method: 'POST', body: '{}', headers: { host: 'evil.example:80' } });
    expect(rebound.status).toBe(421);
    const crossOrigin = await raw('/api/system.info', {
      method: 'POST',
      body: '{}',
      headers: { host: new URL(bridge.url).host, origin: 'http://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const host = { host: new URL(bridge.url).host };
    const index = await fetch(`${bridge.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await raw(path, { headers: host });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});
