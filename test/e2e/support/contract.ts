import demoHall from '../../../resources/demo/hall.json' with { type: 'json' };
import { createClient, httpTransport, type ContractClient } from '../../../shared/contract/client';
import type { ApiResult } from '../../../shared/contract/errors';

/** The bridge's frozen time (HALLDESK_NOW in playwright.config.ts), in UTC. */
export const E2E_NOW = '2026-11-21T01:30:00.000Z';

export const MANAGER = '8001';

export function demoPin(staffNo: string): string {
  const member = demoHall.staff.find((s) => s.staffNo === staffNo);
  if (!member) throw new Error(`no demo staff ${staffNo}`);
  return member.pin;
}

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function bridgeUrl(baseURL: string | undefined): string {
  if (!baseURL) throw new Error('playwright.config.ts sets use.baseURL to the bridge');
  return baseURL;
}

/** A contract client over the same bridge the page uses, logged in as `staffNo`. */
export async function contractAs(baseURL: string | undefined, staffNo: string): Promise<ContractClient> {
  const client = createClient(httpTransport(bridgeUrl(baseURL)));
  const login = expectOk(await client.call['session.login']({ staffNo, pin: demoPin(staffNo) }));
  client.setSession(login.token);
  return client;
}

/** The newest audit sequence number, so a test can read only what it caused. */
export async function lastAuditSeq(manager: ContractClient): Promise<number> {
  const { entries } = expectOk(await manager.call['audit.list']({ limit: 1 }));
  return entries[0]?.seq ?? 0;
}
