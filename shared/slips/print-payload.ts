import { z } from 'zod';
import { Paper } from './paper';
import { SlipData } from './slip';

/**
 * What the print page (renderer/print.html) draws, carried in its URL fragment: no
 * session and no API call, so both printers (Electron's hidden window, the bridge's
 * Chromium) load the same static page with the data in hand.
 */
export const SlipPrintPayload = z.object({
  slip: SlipData,
  paper: Paper,
  /** 0 for the first print; n for the n-th print after it (补打 n). */
  reprintCount: z.number().int().nonnegative(),
  /** When and by whom this copy is printed; a reprint shows it under its REPRINT mark. */
  printedAt: z.string().optional(),
  printedBy: z.string().optional(),
  /** A slip voided since it was issued says so on every later copy. */
  voidedBy: z.string().nullable().optional(),
});
export type SlipPrintPayload = z.infer<typeof SlipPrintPayload>;

// base64url of UTF-8 JSON: URL-safe without percent-encoding, and Chinese survives.
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function encodePrintPayload(payload: SlipPrintPayload): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(SlipPrintPayload.parse(payload))));
}

/** The payload of a print page URL fragment (with or without its '#'); throws on anything malformed. */
export function decodePrintPayload(fragment: string): SlipPrintPayload {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('the print page was opened without slip data');
  return SlipPrintPayload.parse(JSON.parse(new TextDecoder().decode(fromBase64Url(text))));
}

/** The print page's path, relative to the renderer's root; both printers append `#<payload>`. */
export const PRINT_PAGE = 'print.html';

/** The print page sets these on <html> when it is done, for a printer to wait on. */
export const PRINT_READY = {
  state: 'data-slip-state',
  heightMm: 'data-slip-height-mm',
  error: 'data-slip-error',
} as const;
export type PrintPageState = 'ready' | 'error';
