import { methodNames, type MethodInput, type MethodName, type MethodOutput } from './index';
import type { ApiResult } from './errors';

/** The bridge carries the session token in this header. */
export const SESSION_HEADER = 'x-halldesk-session';

/** What crosses every transport: the session token (if any) and the method's input. */
export interface Envelope {
  session?: string;
  input: unknown;
}

export type Transport = (method: MethodName, envelope: Envelope) => Promise<ApiResult<unknown>>;

/** What the preload exposes on `window.halldesk`: one function per contract method, nothing else. */
export type PreloadApi = { readonly [M in MethodName]: (envelope: Envelope) => Promise<ApiResult<unknown>> };

export type ContractCalls = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
};

export interface ContractClient {
  readonly call: ContractCalls;
  setSession(token: string | undefined): void;
  readonly session: string | undefined;
}

/** A typed client over any transport; the renderer, the e2e tests and scripts all use it. */
export function createClient(transport: Transport): ContractClient {
  let session: string | undefined;
  const call = Object.fromEntries(
    methodNames.map((name) => [
      name,
      (input: unknown) => transport(name, session === undefined ? { input } : { session, input }),
    ]),
  ) as unknown as ContractCalls;
  return {
    call,
    setSession(token) {
      session = token;
    },
    get session() {
      return session;
    },
  };
}

/** The browser bridge's transport: `POST /api/<method>` on the page's own origin. */
export function httpTransport(baseUrl = '', fetchImpl: typeof fetch = fetch): Transport {
  return async (method, envelope) => {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(envelope.session ? { [SESSION_HEADER]: envelope.session } : {}),
        },
        body: JSON.stringify(envelope.input),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务，请重启 HallDesk' } };
    }
    if (!response.ok) {
      return { ok: false, error: { code: 'INTERNAL', message: `桥接服务错误 HTTP ${response.status}` } };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}
