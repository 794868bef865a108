import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  DEMO_CODE_PATH,
  DemoCodeRequest,
  HEADERS,
  HEALTH_PATH,
  PROTOCOL_VERSION,
  PULL_PATH,
  PUSH_PATH,
  PullQuery,
  PushRequest,
  REGISTER_PATH,
  RegisterRequest,
  hqErrorCodes,
  type HqErrorCode,
} from '../../../shared/sync/protocol';
import type { HqClock } from '../clock';
import { BusyError, type Db } from '../db/pool';
import { createRegistrationCode, registerDevice } from '../devices';
import { applyBatch } from '../events/apply';
import { pullPage } from '../feed/pull';
import { spendNonce, verifySignature } from './auth';
import { HqError, errorBody } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export interface HqServerOptions {
  db: Db;
  clock: HqClock;
  /** A demo HQ lets a demo-hall counter fetch its own registration code. Never in a province. */
  demo?: boolean;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

const BODY_LIMIT = 4 * 1024 * 1024;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HqError('VALIDATION', `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`.slice(0, 300));
  }
  return parsed.data;
}

function fastifyErrorCode(err: { statusCode?: number; code?: string }): HqErrorCode {
  if (err.statusCode === 413) return 'BODY_TOO_LARGE';
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (err.statusCode === 404) return 'NOT_FOUND';
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return 'VALIDATION';
  return 'INTERNAL';
}

/**
 * HQ's HTTP surface. It keeps nothing in memory between requests: devices, nonces and
 * events live in PostgreSQL, so several HQ processes over one database behave as one.
 */
export function buildHqServer(options: HqServerOptions): FastifyInstance {
  const { db, clock } = options;
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, return503OnClosing: true });

  // Signatures cover the exact bytes sent, so keep them before parsing.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      done(new HqError('VALIDATION', 'body is not valid JSON'), undefined);
    }
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header(HEADERS.hqTime, clock.now().toISOString());
  });

  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    let code: HqErrorCode;
    let message: string;
    if (err instanceof HqError) {
      code = err.code;
      message = err.message;
    } else if (err instanceof BusyError) {
      code = 'BUSY';
      message = 'HQ is busy; retry';
    } else {
      const e = err as { statusCode?: number; code?: string; message?: string };
      code = fastifyErrorCode(e);
      message = code === 'INTERNAL' ? 'internal error' : (e.message ?? code);
      if (code === 'INTERNAL') options.log?.('hq.error', { url: req.url, error: String(err instanceof Error ? err.stack : err) });
    }
    void reply.status(hqErrorCodes[code]).send(errorBody(code, message, clock.now()));
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND', 'no such endpoint', clock.now()));
  });

  app.get(HEALTH_PATH, (req, reply) => {
    parse(z.object({}).strict(), req.query ?? {});
    return reply.send({ ok: true, hqTime: clock.now().toISOString(), demo: options.demo === true, protocol: PROTOCOL_VERSION });
  });

  app.post(REGISTER_PATH, async (req) => {
    const body = parse(RegisterRequest, req.body);
    const registered = await registerDevice(db, body, clock);
    options.log?.('hq.device.registered', { deviceId: registered.deviceId, hall: registered.hall.code, counter: registered.counter.code });
    return registered;
  });

  app.post(PUSH_PATH, async (req) => {
    const device = await verifySignature(db.pool, clock, req, req.rawBody ?? Buffer.alloc(0));
    const body = parse(PushRequest, req.body);
    const stranger = body.events.find((e) => e.hallCode !== device.hallCode || e.counterCode !== device.counterCode);
    if (stranger) throw new HqError('DEVICE_MISMATCH', `event ${stranger.eventId} names ${stranger.hallCode}/${stranger.counterCode}, not this device's counter`);
    const results = await db.tx(async (client) => {
      await spendNonce(client, clock, device);
      return applyBatch(client, device, body.events, clock.now());
    });
    return { hqTime: clock.now().toISOString(), results };
  });

  app.get(PULL_PATH, async (req, reply) => {
    const device = await verifySignature(db.pool, clock, req, Buffer.alloc(0));
    const query = parse(PullQuery, req.query);
    await db.tx((client) => spendNonce(client, clock, device, true));
    void reply.type('application/x-ndjson; charset=utf-8');
    return reply.send(Readable.from(pullPage(db, clock, device, query)));
  });

  if (options.demo) {
    app.post(DEMO_CODE_PATH, async (req) => {
      const body = parse(DemoCodeRequest, req.body);
      return createRegistrationCode(db.pool, { hallCode: body.hallCode, counterCode: body.counterCode, ttlHours: 1 }, clock);
    });
  }
  return app;
}
