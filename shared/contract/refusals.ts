import { z } from 'zod';
import { DomainError } from './errors';

/** A reason code: UPPER_SNAKE and stable, like the error codes (screens and tests key on it). */
const Json = z.json();
type JsonValue = z.infer<typeof Json>;

export const RefusalCode = z.string().regex(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, 'reason codes are UPPER_SNAKE');

/**
 * One reason a NOT_ELIGIBLE answer gives, the same shape in every domain (campaigns, the
 * points mall, the prize desk): a stable code, the Chinese sentence the clerk reads out,
 * and the values it was decided on, so a screen in another language can say it again.
 */
export const RefusalReason = z
  .object({
    code: RefusalCode,
    text: z.string().min(1),
    values: z.record(z.string(), Json).optional(),
  })
  .strict();
export type RefusalReason = z.infer<typeof RefusalReason>;

/** `details` of every NOT_ELIGIBLE answer: at least one reason; a domain may add context beside them (campaignId…). */
export const NotEligibleDetails = z.looseObject({ reasons: z.array(RefusalReason).min(1) });
export type NotEligibleDetails = z.infer<typeof NotEligibleDetails>;

/**
 * The one way the core refuses with NOT_ELIGIBLE. The details are checked here, so a
 * domain cannot send a reason of another shape; `message` is the core's own summary.
 */
export function notEligible(message: string, reasons: readonly RefusalReason[], context: Record<string, JsonValue> = {}): DomainError {
  return new DomainError('NOT_ELIGIBLE', message, NotEligibleDetails.parse({ ...context, reasons }));
}

/** The reasons of a NOT_ELIGIBLE answer's details; none when they are missing or of another shape. */
export function refusalReasons(details: Record<string, unknown> | undefined): RefusalReason[] {
  const parsed = NotEligibleDetails.safeParse(details);
  return parsed.success ? parsed.data.reasons : [];
}
