import { z } from 'zod';
import { StaffNo } from '../staff/contract';
import { MAX_STOCK_MOVES, OutboxEvent } from './events';

/**
 * The wire protocol between a counter and HQ, declared once: HQ validates every request
 * against these schemas and the counter validates every answer. hq/README.md documents it.
 */
export const PROTOCOL_VERSION = 1;

export const HEADERS = {
  device: 'x-halldesk-device',
  timestamp: 'x-halldesk-timestamp',
  nonce: 'x-halldesk-nonce',
  signature: 'x-halldesk-signature',
  /** On every HQ answer, signed or not: HQ's clock, so a counter can tell its drift. */
  hqTime: 'x-halldesk-hq-time',
} as const;

/** A request further than this from HQ's clock is stale and refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** A nonce is remembered a little longer than the window in which its request could be accepted. */
export const NONCE_TTL_MS = 2 * MAX_CLOCK_SKEW_MS + 60_000;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 10_000;
/** Rows per pulled page; the counter writes a page in one transaction, so this bounds how long it blocks. */
export const DEFAULT_PULL_LIMIT = 1_000;

export const hqErrorCodes = {
  VALIDATION: 400, // body, query or header malformed
  SIGNATURE_MISSING: 401, // no device id, timestamp, nonce or signature header
  SIGNATURE_INVALID: 401, // the HMAC does not match: forged or altered on the way
  TIMESTAMP_SKEW: 401, // more than 5 minutes from HQ's clock: stale, or the counter's clock is wrong
  DEVICE_UNKNOWN: 401, // no such device id
  DEVICE_REVOKED: 403, // the device was replaced or withdrawn by HQ
  DEVICE_MISMATCH: 403, // an event in the batch names another hall or counter than the signing device
  NONCE_REPLAYED: 409, // this nonce was already used by this device
  REGISTRATION_CODE_INVALID: 403, // no such one-time code
  REGISTRATION_CODE_USED: 409, // the code was already exchanged
  REGISTRATION_CODE_EXPIRED: 410,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUSY: 503, // a transient database conflict; retry
  INTERNAL: 500,
} as const;
export type HqErrorCode = keyof typeof hqErrorCodes;
export const HqErrorCode = z.enum(Object.keys(hqErrorCodes) as [HqErrorCode, ...HqErrorCode[]]);

export const HqErrorBody = z.object({
  error: z.object({ code: HqErrorCode, message: z.string(), hqTime: z.string().optional() }),
});
export type HqErrorBody = z.infer<typeof HqErrorBody>;

const Iso = z.iso.datetime({ offset: true });
export const DeviceId = z.uuid();
export const Nonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const Timestamp = z.string().regex(/^\d{13}$/);
export const Signature = z.string().regex(/^[0-9a-f]{64}$/);
export const HallCodeWire = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/);
export const CounterCodeWire = z.string().regex(/^[0-9A-Za-z]{1,8}$/);

// ── registration (unsigned: the one-time code is the credential) ──
export const RegisterRequest = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2,5}$/),
    appVersion: z.string().min(1).max(40),
  })
  .strict();
export type RegisterRequest = z.infer<typeof RegisterRequest>;

/**
 * How a staff PIN is hashed wherever it is kept, at HQ as at the counter
 * (electron/core/staff/pin.ts): scrypt, so a stolen file makes guessing a 6-digit PIN slow.
 */
export const PIN_SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/**
 * The hall manager HQ provisions on a counter with its registration code, so that a blank
 * counter has someone who can log in (and then create the clerks). The PIN travels only as
 * its scrypt salt and hash (base64); HQ erases its copy once the code is used.
 */
export const ProvisionedStaff = z
  .object({
    staffNo: StaffNo,
    name: z.string().trim().min(1).max(32),
    role: z.literal('manager'),
    pinScrypt: z
      .object({
        salt: z.base64().length(24), // 16 bytes
        hash: z.base64().length(44), // 32 bytes
      })
      .strict(),
  })
  .strict();
export type ProvisionedStaff = z.infer<typeof ProvisionedStaff>;

export const RegisterResponse = z.object({
  deviceId: DeviceId,
  /** 32 random bytes, base64url. Kept in the counter's database only; never logged. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  hall: z.object({ code: HallCodeWire, name: z.string(), region: z.string() }),
  counter: z.object({ code: CounterCodeWire, name: z.string() }),
  /** The region's ID-number salt, so identity hashes agree between HQ and every counter. */
  idSalt: z.string().min(16),
  hqTime: Iso,
  /** Staff the code provisions (its hall manager); absent or empty from a code that names nobody. */
  staff: z.array(ProvisionedStaff).max(1).default([]),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** Demo HQs only: a counter of the demo hall asks for its own one-time code. */
export const DemoCodeRequest = z.object({ hallCode: HallCodeWire, counterCode: CounterCodeWire }).strict();
export const DemoCodeResponse = z.object({ code: z.string() });

export const HealthResponse = z.object({ ok: z.literal(true), hqTime: Iso, demo: z.boolean(), protocol: z.number().int() });

// ── push ──
/**
 * The envelope as pushed: an unknown type, a bad payload or bad stock rows are per-event
 * rejections (HQ checks them event by event), not a malformed request.
 */
export const PushedEvent = OutboxEvent.extend({
  type: z.string().min(1).max(64),
  hallCode: HallCodeWire,
  counterCode: CounterCodeWire,
  createdAt: Iso,
  stockMoves: z.array(z.unknown()).max(MAX_STOCK_MOVES).optional(),
}).strict();
export type PushedEvent = z.infer<typeof PushedEvent>;

export const PushRequest = z.object({ events: z.array(PushedEvent).min(1).max(MAX_PUSH_EVENTS) }).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const rejectCodes = ['UNKNOWN_EVENT_TYPE', 'INVALID_PAYLOAD', 'EVENT_ID_TAKEN'] as const;
export const RejectCode = z.enum(rejectCodes);

export const PushResult = z.discriminatedUnion('status', [
  z.object({ eventId: z.uuid(), status: z.literal('accepted') }),
  z.object({ eventId: z.uuid(), status: z.literal('duplicate') }),
  z.object({ eventId: z.uuid(), status: z.literal('rejected'), code: z.string(), reason: z.string() }),
]);
export type PushResult = z.infer<typeof PushResult>;
export const PushResponse = z.object({ hqTime: Iso, results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// ── pull ──
/** `<xid>.<id>` over HQ's change feed; '0.0' is the beginning. Opaque to the counter. */
export const Cursor = z.string().regex(/^\d{1,20}\.\d{1,20}$/);
export const PullQuery = z
  .object({
    cursor: Cursor.default('0.0'),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
    /** Ask for the number of rows still to come (a progress bar's total); costs HQ a count. */
    count: z.enum(['0', '1']).default('0'),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuery>;

export const PULL_PATH = '/v1/pull';
export const PUSH_PATH = '/v1/push';
export const REGISTER_PATH = '/v1/register';
export const HEALTH_PATH = '/v1/health';
export const DEMO_CODE_PATH = '/v1/demo/code';
/** Where the demo hall's HQ listens: every demo counter on this machine shares it. */
export const DEMO_HQ_PORT = 7300;
