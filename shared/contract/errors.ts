import { z } from 'zod';

/**
 * Stable error codes. The renderer translates them and tests assert them, so a code
 * is never renamed; new situations get new codes.
 */
export const errorCodes = [
  'VALIDATION', // input does not match the method's schema
  'UNAUTHENTICATED', // no session, or it expired
  'FORBIDDEN', // the session's role may not call this method
  'NOT_FOUND', // unknown method, or the thing named does not exist
  'CONFLICT', // the state changed under the caller (duplicate, already voided…)
  'WRONG_PIN', // a PIN did not match; details.attemptsLeft says how many remain
  'ACCOUNT_LOCKED', // too many wrong PINs; details.until says when it reopens
  'ACCOUNT_DISABLED', // the manager disabled this account (staff.setActive); said only to its right PIN
  'SCREEN_LOCKED', // the counter is locked; only unlock or logout are accepted
  'NOT_ELIGIBLE', // a campaign, catalogue or prize rule refuses; details.reasons lists every one (./refusals.ts)
  'INSUFFICIENT_STOCK', // issuing more than is on hand
  'INSUFFICIENT_POINTS', // spending more points than are available
  'LIMIT_EXCEEDED', // a per-customer, per-period, quota or offline limit
  'HQ_UNAVAILABLE', // the operation needs headquarters and it cannot be reached
  'INTERNAL', // a bug: logged with a reference, never shown raw
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Codes any method may answer, whatever it declares. */
export const universalErrors = ['VALIDATION', 'INTERNAL'] as const satisfies readonly ErrorCode[];
/** Codes any method that needs a session may answer. */
export const sessionErrors = ['UNAUTHENTICATED', 'FORBIDDEN', 'SCREEN_LOCKED'] as const satisfies readonly ErrorCode[];

/**
 * Thrown inside the core to abort the current transaction; the dispatcher turns it
 * into an `{ok:false}` value. It never crosses a process boundary as an exception.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
