import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationCode, registerDevice, revokeDevice } from '../../hq/src/devices';
import { PULL_PATH, PUSH_PATH } from '../../shared/sync/protocol';
import { HALL_A, setupHalls, startTestHq, startTestPostgres, type TestHq, type TestPostgres } from '../support/hq';
import { hqDigest, send, validEvent, type Signed } from '../support/hq-requests';

/** HQ refuses unsigned, forged, stale, replayed and wrong-device requests, each with its code, and writes nothing. */
let pgServer: TestPostgres;
let hq: TestHq;
let a1: { deviceId: string; secret: string };
let a2: { deviceId: string; secret: string };

async function device(counterCode: string): Promise<{ deviceId: string; secret: string }> {
  const { code } = await createRegistrationCode(hq.db.pool, { hallCode: HALL_A, counterCode }, hq.clock);
  const r = await registerDevice(hq.db, { code, appVersion: 'test' }, hq.clock);
  return { deviceId: r.deviceId, secret: r.secret };
}

beforeAll(async () => {
  pgServer = await startTestPostgres();
  hq = await startTestHq(pgServer);
  await setupHalls(hq);
  a1 = await device('01');
  a2 = await device('02');
});
afterAll(async () => {
  await hq?.close();
  await pgServer?.stop();
});

const push = (who: { deviceId: string; secret: string }, extra: Partial<Signed> = {}, events = [validEvent(HALL_A, '01')]): Signed => ({
  method: 'POST',
  path: PUSH_PATH,
  body: JSON.stringify({ events }),
  deviceId: who.deviceId,
  secret: who.secret,
  timestampMs: hq.clock.now().getTime(),
  ...extra,
});

async function refused(request: Signed | { method: 'POST'; path: string; body: string }, status: number, code: string): Promise<void> {
  const before = await hqDigest(hq.db.pool);
  const answer = await send(hq.url, request);
  expect({ status: answer.status, code: answer.code }).toEqual({ status, code });
  expect(await hqDigest(hq.db.pool)).toBe(before);
}

describe('signed requests', () => {
  it('refuses an unsigned request', async () => {
    await refused({ method: 'POST', path: PUSH_PATH, body: JSON.stringify({ events: [validEvent(HALL_A, '01')] }) }, 401, 'SIGNATURE_MISSING');
  });

  it('refuses a forged signature, and a request altered after signing', async () => {
    await refused(push({ ...a1, secret: 'not-the-secret-at-all-not-the-secret-at-al' }), 401, 'SIGNATURE_INVALID');
    await refused(push(a1, { tamper: { body: JSON.stringify({ events: [validEvent(HALL_A, '01', 2)] }) } }), 401, 'SIGNATURE_INVALID');
    const pull: Signed = { method: 'GET', path: `${PULL_PATH}?cursor=0.0`, deviceId: a1.deviceId, secret: a1.secret, timestampMs: hq.clock.now().getTime() };
    await refused({ ...pull, tamper: { path: `${PULL_PATH}?cursor=9.9` } }, 401, 'SIGNATURE_INVALID');
  });

  it('refuses a stale or future timestamp (more than 5 minutes off)', async () => {
    await refused(push(a1, { timestampMs: hq.clock.now().getTime() - 6 * 60_000 }), 401, 'TIMESTAMP_SKEW');
    await refused(push(a1, { timestampMs: hq.clock.now().getTime() + 6 * 60_000 }), 401, 'TIMESTAMP_SKEW');
  });

  it('accepts a request once and refuses its replay', async () => {
    const request = push(a1, { nonce: 'replay-nonce-0000000001' });
    const first = await send(hq.url, request);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ results: [{ status: 'accepted' }] });
    await refused(request, 409, 'NONCE_REPLAYED');
  });

  it('refuses unknown, revoked and wrong devices', async () => {
    await refused(push({ deviceId: '11111111-1111-4111-8111-111111111111', secret: a1.secret }), 401, 'DEVICE_UNKNOWN');
    // Counter 02's id with counter 01's secret: a forgery.
    await refused(push({ deviceId: a2.deviceId, secret: a1.secret }), 401, 'SIGNATURE_INVALID');
    // Counter 02, correctly signed, pushing events in counter 01's name.
    await refused(push(a2, {}, [validEvent(HALL_A, '01', 3)]), 403, 'DEVICE_MISMATCH');
    await revokeDevice(hq.db.pool, a2.deviceId, hq.clock);
    await refused(push(a2, {}, [validEvent(HALL_A, '02', 4)]), 403, 'DEVICE_REVOKED');
  });

  it('a valid pull streams NDJSON with HQ’s clock', async () => {
    const answer = await send(hq.url, { method: 'GET', path: `${PULL_PATH}?cursor=0.0&count=1`, deviceId: a1.deviceId, secret: a1.secret, timestampMs: hq.clock.now().getTime() });
    expect(answer.status).toBe(200);
    const lines = answer.text.trim().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(lines[0]).toMatchObject({ t: 'begin', total: 0 });
    expect(lines.at(-1)).toMatchObject({ t: 'end', more: false, rows: 0 });
  });

  it('a registration code works once', async () => {
    const { code } = await createRegistrationCode(hq.db.pool, { hallCode: HALL_A, counterCode: '01' }, hq.clock);
    const body = JSON.stringify({ code, appVersion: 'test' });
    expect((await send(hq.url, { method: 'POST', path: '/v1/register', body })).status).toBe(200);
    await refused({ method: 'POST', path: '/v1/register', body }, 409, 'REGISTRATION_CODE_USED');
    await refused({ method: 'POST', path: '/v1/register', body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', appVersion: 'test' }) }, 403, 'REGISTRATION_CODE_INVALID');
  });
});
