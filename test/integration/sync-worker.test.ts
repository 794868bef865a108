import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';
import type { FetchLike } from '../../electron/core/sync/http';
import { SyncService } from '../../electron/core/sync/service';
import { DEMO_NOW } from '../support/core';
import { manualTimers } from '../support/hq';

/**
 * The pull worker (electron/core/sync/pull-worker.ts) checks and writes pulled pages on its own
 * connection: a page is written whole with its cursor, or not at all; and the worker never keeps
 * the process alive.
 */
const item = (sku: string) => ({ sku, name: sku, nameEn: null, category: 'gift', unitValueFen: 100, serialTracked: false, lowThreshold: 1, active: true });
const lines = (...values: unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join('');
const begin = { t: 'begin', hqTime: '2026-11-21T01:30:00.000Z', total: 2 };

/** An HQ that answers every pull with `body` (split in two chunks, as a network would). */
function serving(body: string): FetchLike {
  return () => {
    const bytes = new TextEncoder().encode(body);
    const half = Math.floor(bytes.length / 2);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, half));
        c.enqueue(bytes.slice(half));
        c.close();
      },
    });
    return Promise.resolve(new Response(stream, { headers: { 'x-halldesk-hq-time': '2026-11-21T01:30:00.000Z' } }));
  };
}

const REGISTER = `INSERT INTO sync_registration (id, hq_url, device_id, secret, hall_code, counter_code, registered_at)
  VALUES (1, 'http://hq.test', '00000000-0000-4000-8000-000000000001', 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2Vj', 'ZY-HC-002', '01', '2026-11-21T01:00:00.000Z')`;

let dir: string;
let core: Core;
let log: ReturnType<typeof memoryLogger>;
let sync: SyncService | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'halldesk-worker-'));
  log = memoryLogger();
  core = createCore({ dataDir: dir, clock: manualClock(DEMO_NOW), appVersion: 'test', log });
  core.ctx.store.stmt(REGISTER).run();
});
afterEach(() => {
  sync?.stop();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const cursor = () => (core.ctx.store.stmt('SELECT cursor FROM sync_state').get() as { cursor: string }).cursor;
const skus = () => core.ctx.store.stmt("SELECT sku FROM stock_item WHERE sku LIKE 'W-%' ORDER BY sku").all();

describe('the pull worker', () => {
  it('writes a page with its cursor, off the main thread', async () => {
    const body = lines(begin, { t: 'row', kind: 'stock_item', key: 'W-1', doc: item('W-1') }, { t: 'row', kind: 'stock_item', key: 'W-2', doc: item('W-2') }, { t: 'end', cursor: '5.7', more: false, rows: 2 });
    sync = new SyncService(core.ctx, { timers: manualTimers, fetch: serving(body) });
    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ ok: true, pulledRows: 2, pages: 1 });
    expect(cursor()).toBe('5.7');
    expect(skus()).toEqual([{ sku: 'W-1' }, { sku: 'W-2' }]);
    expect(log.lines.some((l) => l.includes('"event":"sync.worker.started"'))).toBe(true);
  });

  it('refuses a page whole when one document is bad, or when it is cut off: nothing written, the cursor stays', async () => {
    const bad = lines(begin, { t: 'row', kind: 'stock_item', key: 'W-1', doc: item('W-1') }, { t: 'row', kind: 'stock_item', key: 'W-2', doc: { sku: 'W-2' } }, { t: 'end', cursor: '5.7', more: false, rows: 2 });
    sync = new SyncService(core.ctx, { timers: manualTimers, fetch: serving(bad) });
    expect((await sync.syncNow())?.error).toMatchObject({ kind: 'protocol', code: 'BAD_DOCUMENT' });
    sync.stop();
    const cut = lines(begin, { t: 'row', kind: 'stock_item', key: 'W-1', doc: item('W-1') }).slice(0, -10);
    sync = new SyncService(core.ctx, { timers: manualTimers, fetch: serving(cut) });
    expect((await sync.syncNow())?.error).toMatchObject({ kind: 'protocol', code: 'PAGE_INCOMPLETE' });
    expect(cursor()).toBe('0.0');
    expect(skus()).toEqual([]);
  });

  it('never keeps the process alive: a counter that pulled and was not stopped still exits', async () => {
    const script = join(dir, 'child.mts');
    const repo = process.cwd();
    writeFileSync(
      script,
      `import { createCore } from '${repo}/electron/core/core';
       import { manualClock } from '${repo}/electron/core/clock';
       import { memoryLogger } from '${repo}/electron/core/log';
       import { SyncService } from '${repo}/electron/core/sync/service';
       const core = createCore({ dataDir: ${JSON.stringify(join(dir, 'child'))}, clock: manualClock('${DEMO_NOW}'), appVersion: 'test', log: memoryLogger() });
       core.ctx.store.stmt(${JSON.stringify(REGISTER)}).run();
       const body = ${JSON.stringify(lines(begin, { t: 'end', cursor: '1.1', more: false, rows: 0 }))};
       const sync = new SyncService(core.ctx, { timers: { setTimeout: () => 0, clearTimeout: () => undefined }, fetch: () => Promise.resolve(new Response(body)) });
       const outcome = await sync.syncNow();
       console.log(outcome?.ok ? 'pulled' : JSON.stringify(outcome?.error));
       // Neither the service nor the core is closed: the worker must not hold the process.
       `,
    );
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: repo, timeout: 60_000 }).catch(
      (err: { stdout?: string; stderr?: string; signal?: string }) => ({ stdout: `failed (${err.signal ?? 'exit'}): ${err.stderr ?? ''}`, stderr: '' }),
    );
    expect(run.stdout.trim()).toBe('pulled');
  }, 90_000);
});
