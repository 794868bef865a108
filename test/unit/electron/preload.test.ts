import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '../../../shared/contract/index';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

let api: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  const [key, exposed] = fake.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('halldesk');
  api = exposed as Record<string, unknown>;
});

describe('the preload', () => {
  it("exposes exactly one key, 'halldesk'", () => {
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it("exposes exactly the contract's methods, as functions, and nothing generic", () => {
    expect(Reflect.ownKeys(api)).toEqual(methodNames);
    for (const name of methodNames) expect(typeof api[name]).toBe('function');
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'call']) expect(api).not.toHaveProperty(generic);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own contract channel with the envelope, and returns the answer', async () => {
    for (const name of methodNames) {
      fake.invoke.mockClear();
      const answer = { ok: true, value: name };
      fake.invoke.mockResolvedValueOnce(answer);
      const envelope = { session: 'tok', input: { probe: name } };
      const call = api[name] as (envelope: unknown, ...rest: unknown[]) => Promise<unknown>;
      // Extra arguments from the page must not reach IPC: the page cannot pick a channel or smuggle data.
      await expect(call(envelope, 'halldesk:staff.create', { smuggled: true })).resolves.toBe(answer);
      expect(fake.invoke).toHaveBeenCalledExactlyOnceWith(channelFor(name), envelope);
    }
  });
});
