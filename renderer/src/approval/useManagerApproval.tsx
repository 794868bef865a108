import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiResult } from '../../../shared/contract/errors';
import type { Approval } from '../../../shared/staff/contract';
import type { ApiError } from '../api/types';
import { ManagerApprovalDialog } from './ManagerApprovalDialog';
import { needsManagerApproval, refusesApproval } from './refusals';

/** The caller's contract call, made once without `approval` and again with the manager's. */
export type ApprovableCall<T> = (approval?: Approval) => Promise<ApiResult<T>>;

/** The call's last answer, or 'cancelled' when the clerk closed the prompt without an approval. */
export type ApprovalOutcome<T> = ApiResult<T> | 'cancelled';

export interface ManagerApproval {
  /**
   * Runs `call` as the logged-in staff member. When the core answers FORBIDDEN with
   * `details.needApproval === 'manager'` (a clerk doing a void or a stock correction), the
   * prompt opens, and each staff number + PIN typed there retries the same call with
   * `approval`. Wrong PINs, a locked account or a non-manager keep the prompt open with the
   * reason; any other answer closes it and is returned, so the form behind shows its own
   * errors with everything the clerk typed still in place. A manager's own session never
   * sees the prompt: the core approves the call directly.
   *
   * @param purpose what is being approved, shown in the prompt ("报损：保温杯 × 1").
   */
  withApproval: <T>(call: ApprovableCall<T>, purpose: string) => Promise<ApprovalOutcome<T>>;
  /** The prompt while it is open, else null. Render it once in the calling component's tree. */
  dialog: ReactNode;
  /** Whether the prompt is open (a form can show that it is waiting for the manager). */
  asking: boolean;
}

interface PendingApproval {
  purpose: string;
  submit: (approval: Approval) => Promise<ApiError | null>;
  cancel: () => void;
}

/**
 * The manager step-up at the counter, for any screen that calls a method declared with
 * `approval: 'manager'` in the contract.
 *
 * @example
 * const approval = useManagerApproval();
 * const outcome = await approval.withApproval(
 *   (grant) => api.call['stock.damage']({ ...input, approval: grant }),
 *   t('stock.move.purpose', { … }),
 * );
 * if (outcome === 'cancelled') return;            // nothing happened; the form keeps its input
 * if (!outcome.ok) return showError(outcome.error); // e.g. INSUFFICIENT_STOCK, shown on the form
 * …success…
 * return <form>…{approval.dialog}</form>;
 */
export function useManagerApproval(): ManagerApproval {
  const [pending, setPending] = useState<PendingApproval | null>(null);
  const pendingRef = useRef<PendingApproval | null>(null);

  const ask = useCallback((next: PendingApproval | null) => {
    pendingRef.current = next;
    setPending(next);
  }, []);

  // A screen closed while the prompt was open: the caller's await ends as a cancellation.
  useEffect(() => () => pendingRef.current?.cancel(), []);

  const withApproval = useCallback(
    async <T,>(call: ApprovableCall<T>, purpose: string): Promise<ApprovalOutcome<T>> => {
      const first = await call();
      if (first.ok || !needsManagerApproval(first.error)) return first;
      return new Promise<ApprovalOutcome<T>>((resolve) => {
        const request: PendingApproval = {
          purpose,
          submit: async (grant) => {
            const result = await call(grant);
            if (!result.ok && refusesApproval(result.error)) return result.error;
            ask(null);
            resolve(result);
            return null;
          },
          cancel: () => {
            ask(null);
            resolve('cancelled');
          },
        };
        ask(request);
      });
    },
    [ask],
  );

  const dialog = pending ? <ManagerApprovalDialog purpose={pending.purpose} onSubmit={pending.submit} onCancel={pending.cancel} /> : null;
  return { withApproval, dialog, asking: pending !== null };
}
