import { z } from 'zod';
import { reasonCategories, type Reason, type ReasonCategory } from '../campaigns/reasons';
import { RefusalReason } from '../contract/refusals';

/**
 * A campaign rule's reason in the shape every NOT_ELIGIBLE answer shares. Nothing is lost:
 * the category follows from the code (`categoryOf`), and the alternatives a
 * NONE_OF_ALTERNATIVES or NO_BONUS_BRANCH reason carries travel in `values.alternatives`.
 */
export function toRefusalReason(reason: Reason): RefusalReason {
  const alternatives = reason.alternatives?.map((alternative) => alternative.map(toRefusalReason));
  return {
    code: reason.code,
    text: reason.text,
    values: { expected: reason.values.expected, actual: reason.values.actual, ...(alternatives ? { alternatives } : {}) },
  };
}

/** Where the fix lies for a campaign reason code; null for a code that is not a campaign rule's. */
export function categoryOf(code: string): ReasonCategory | null {
  return Object.hasOwn(reasonCategories, code) ? reasonCategories[code as keyof typeof reasonCategories] : null;
}

const Alternatives = z.array(z.array(RefusalReason));

/** The alternatives of a reason (each one a list of why it failed), read back from its values. */
export function alternativesOf(reason: RefusalReason): RefusalReason[][] {
  const parsed = Alternatives.safeParse(reason.values?.alternatives);
  return parsed.success ? parsed.data : [];
}
