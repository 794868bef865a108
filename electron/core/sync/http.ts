import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  HEADERS,
  HqErrorBody,
  PULL_PATH,
  PUSH_PATH,
  PushResponse,
  type PushedEvent,
} from '../../../shared/sync/protocol';
import { canonicalRequest } from '../../../shared/sync/signing';
import type { Clock } from '../clock';
import type { Registration } from './state';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<Response>;

/** Why a request to HQ failed: the scheduler backs off on all of them, the sync page tells them apart. */
export class HqRequestError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'refused' | 'server' | 'protocol',
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HqRequestError';
  }
}

export interface HqClientOptions {
  registration: Registration;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs?: number;
}

/**
 * Signed requests to HQ. It measures HQ's clock on every answer and signs with the
 * corrected time, so a counter whose clock is off still syncs (and the sync page says so);
 * HQ still refuses anything outside its 5-minute window.
 */
export class HqClient {
  /** HQ's clock minus ours, from the last answer; null until HQ has answered. */
  driftMs: number | null = null;
  private readonly timeoutMs: number;

  constructor(private readonly o: HqClientOptions) {
    this.timeoutMs = o.timeoutMs ?? 30_000;
  }

  private headers(method: string, pathAndQuery: string, body: string): Record<string, string> {
    const timestamp = String(this.o.clock.now().getTime() + (this.driftMs ?? 0));
    const nonce = randomBytes(18).toString('base64url');
    const bodySha256Hex = createHash('sha256').update(body).digest('hex');
    const signature = createHmac('sha256', this.o.registration.secret)
      .update(canonicalRequest({ method, pathAndQuery, timestamp, nonce, bodySha256Hex }))
      .digest('hex');
    return {
      [HEADERS.device]: this.o.registration.deviceId,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.nonce]: nonce,
      [HEADERS.signature]: signature,
    };
  }

  private async send(method: 'GET' | 'POST', pathAndQuery: string, body?: string): Promise<Response> {
    const payload = body ?? '';
    const sentAt = this.o.clock.now().getTime();
    let response: Response;
    try {
      response = await this.o.fetch(`${this.o.registration.hqUrl.replace(/\/$/, '')}${pathAndQuery}`, {
        method,
        headers: {
          ...this.headers(method, pathAndQuery, payload),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new HqRequestError('unreachable', 'HQ_UNREACHABLE', `总部无法连接：${err instanceof Error ? err.message : String(err)}`);
    }
    const hqTime = Date.parse(response.headers.get(HEADERS.hqTime) ?? '');
    if (!Number.isNaN(hqTime)) {
      // Halfway through the round trip is our best guess of when HQ read its clock.
      this.driftMs = Math.round(hqTime - (sentAt + this.o.clock.now().getTime()) / 2);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let code = `HTTP_${response.status}`;
      let message = `总部返回 ${response.status}`;
      try {
        const parsed = HqErrorBody.safeParse(JSON.parse(text));
        if (parsed.success) {
          code = parsed.data.error.code;
          message = parsed.data.error.message;
        }
      } catch {
        // not JSON: a proxy's error page; keep the status
      }
      throw new HqRequestError(response.status >= 500 ? 'server' : 'refused', code, message, response.status);
    }
    return response;
  }

  /** A refused timestamp is retried once with the clock HQ just told us. */
  private async sendTimed(method: 'GET' | 'POST', pathAndQuery: string, body?: string): Promise<Response> {
    try {
      return await this.send(method, pathAndQuery, body);
    } catch (err) {
      if (err instanceof HqRequestError && err.code === 'TIMESTAMP_SKEW' && this.driftMs !== null) return this.send(method, pathAndQuery, body);
      throw err;
    }
  }

  async push(events: PushedEvent[]): Promise<PushResponse> {
    const response = await this.sendTimed('POST', PUSH_PATH, JSON.stringify({ events }));
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new HqRequestError('protocol', 'BAD_ANSWER', '总部的应答不完整（连接中断）');
    }
    const parsed = PushResponse.safeParse(json);
    if (!parsed.success) throw new HqRequestError('protocol', 'BAD_ANSWER', '总部的应答格式不对');
    return parsed.data;
  }

  /** One page of the feed as the bytes arrive (for the pull worker, which splits and checks them). */
  async *pullChunks(cursor: string, limit: number, count: boolean): AsyncGenerator<Uint8Array> {
    const query = new URLSearchParams({ cursor, limit: String(limit), count: count ? '1' : '0' });
    const response = await this.sendTimed('GET', `${PULL_PATH}?${query.toString()}`);
    if (!response.body) throw new HqRequestError('protocol', 'BAD_ANSWER', '总部的应答为空');
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) yield chunk;
    } catch (err) {
      throw new HqRequestError('unreachable', 'HQ_UNREACHABLE', `下载中断：${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One page of the feed, as raw NDJSON lines; the caller checks the page is complete. */
  pullLines(cursor: string, limit: number, count: boolean): AsyncGenerator<string> {
    return ndjsonLines(this.pullChunks(cursor, limit, count));
  }
}

/** Splits a byte stream into lines. A last line without its newline was cut off: the page check refuses it. */
export async function* ndjsonLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of chunks) {
    buffered += decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      yield buffered.slice(start, nl);
      start = nl + 1;
      nl = buffered.indexOf('\n', start);
    }
    buffered = buffered.slice(start);
  }
  buffered += decoder.decode();
  if (buffered.length > 0) yield buffered;
}
