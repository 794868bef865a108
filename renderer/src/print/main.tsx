import './print.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { MM_PER_CSS_PX } from '../../../shared/slips/paper';
import { decodePrintPayload, PRINT_READY, type PrintPageState, type SlipPrintPayload } from '../../../shared/slips/print-payload';
import { SlipView } from '../slips/SlipView';

const root = document.getElementById('slip-root');

function mark(state: PrintPageState, details: { heightMm?: number; error?: string }): void {
  const html = document.documentElement;
  if (details.heightMm !== undefined) html.setAttribute(PRINT_READY.heightMm, details.heightMm.toFixed(2));
  if (details.error !== undefined) html.setAttribute(PRINT_READY.error, details.error);
  // Set last: a printer waiting on the state reads the other attributes at once.
  html.setAttribute(PRINT_READY.state, state);
}

/** Calls back once React has committed the slip to the page. */
function Committed({ onCommit }: { onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return null;
}

/**
 * Ready means drawn as it will print: the slip committed, the fonts it uses loaded (a
 * PDF made before would substitute glyphs), the barcode and one QR per voucher in the
 * page. No animation frames: a hidden printing window may never get one.
 */
async function whenDrawn(payload: SlipPrintPayload): Promise<number> {
  await document.fonts.ready;
  const slip = document.querySelector<HTMLElement>('[data-testid="slip"]');
  const barcode = document.querySelector('[data-testid="slip-barcode"] svg path');
  const qrCount = document.querySelectorAll('[data-testid="slip-qr"] path').length;
  if (!slip || !barcode) throw new Error('the slip or its barcode was not drawn');
  if (qrCount !== payload.slip.vouchers.length) throw new Error(`drew ${qrCount} QR codes for ${payload.slip.vouchers.length} vouchers`);
  return slip.getBoundingClientRect().height * MM_PER_CSS_PX;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (root) root.textContent = `小票无法显示 / The slip cannot be shown: ${message}`;
  root?.setAttribute('class', 'print-page__error');
  mark('error', { error: message.slice(0, 500) });
}

try {
  if (!root) throw new Error('print.html has no #slip-root element');
  const payload = decodePrintPayload(window.location.hash);
  document.title = `${payload.slip.slipNo} ${payload.slip.title}`;
  const onCommit = (): void => {
    whenDrawn(payload).then((heightMm) => mark('ready', { heightMm }), fail);
  };
  // A slip that throws while drawing must still answer the printer waiting on it.
  createRoot(root, { onUncaughtError: fail }).render(
    <>
      <SlipView
        slip={payload.slip}
        paper={payload.paper}
        reprintCount={payload.reprintCount}
        printedAt={payload.printedAt}
        printedBy={payload.printedBy}
        voidedBy={payload.voidedBy}
      />
      <Committed onCommit={onCommit} />
    </>,
  );
} catch (error) {
  fail(error);
}
