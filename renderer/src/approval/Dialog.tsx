import { useEffect, useRef, useState, type ReactNode } from 'react';
import { closeDialog, openDialog, useDialogDepth, useIsInnermostDialog } from './dialogStack';
import './dialog.css';

export interface DialogProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  /** Escape calls this; the owner decides whether to unmount. */
  onClose: () => void;
  /** 'narrow' for a PIN prompt, 'medium' for a form, 'wide' for an item card. */
  size?: 'narrow' | 'medium' | 'wide';
  /** An alert dialog (the step-up) interrupts; a plain one is a task. */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

function focusableIn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
}

/**
 * A modal box over the counter. It is rendered in place (not in a portal) so the lock
 * screen's `inert` on the counter covers it too. A dialog opened from inside another sits
 * inside it in the DOM, so nothing is made inert here: the innermost one's overlay takes
 * the pointer, it keeps Tab inside itself and answers Escape, and on close the focus goes
 * back where it was when the dialog opened.
 */
export function Dialog({ labelledBy, onClose, size = 'medium', role = 'dialog', testId, children }: DialogProps) {
  const [id] = useState(() => Symbol('dialog'));
  // Taken while rendering, before a child's autoFocus moves the focus into the dialog.
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const box = useRef<HTMLDivElement>(null);
  const innermost = useIsInnermostDialog(id);
  const depth = useDialogDepth(id);
  const close = useRef(onClose);

  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const element = box.current;
    openDialog(id);
    // A child with autoFocus has taken the focus by now; otherwise the box itself takes it.
    if (element && !element.contains(document.activeElement)) element.focus();
    return () => {
      closeDialog(id);
      // Only a focus lost with the dialog goes back: an owner that already put the cursor
      // somewhere (the field a refusal names) keeps it there.
      const focus = document.activeElement;
      const lost = focus === null || focus === document.body || (element?.contains(focus) ?? false);
      if (lost && returnTo?.isConnected) returnTo.focus();
    };
  }, [id, returnTo]);

  useEffect(() => {
    if (!innermost) return;
    // On the window, not the box: the keys must work even when the focus was lost to the page
    // (a button that disappeared); a key meant for the lock screen is left alone.
    const onKey = (event: KeyboardEvent): void => {
      const current = box.current;
      if (!current || event.defaultPrevented) return;
      const focus = document.activeElement;
      if (!current.contains(focus) && focus !== document.body) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = focusableIn(current);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const outside = !current.contains(focus) || focus === current;
      if (event.shiftKey && (outside || focus === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (outside || focus === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [innermost]);

  return (
    <div className={`modal modal--depth-${Math.min(depth, 3)}`}>
      <div
        ref={box}
        className={`modal__box modal__box--${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}
