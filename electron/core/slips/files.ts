import { join } from 'node:path';

/** Every printed slip's PDF is kept here, one file per print, for as long as the data folder lives. */
export function slipsDir(dataDir: string): string {
  return join(dataDir, 'slips');
}

const SAFE_SLIP_NO = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** `<slipNo>.pdf` for the original, `<slipNo>-reprint-<n>.pdf` for the n-th reprint. */
export function pdfFileName(slipNo: string, reprintCount: number): string {
  // The name becomes a path: a slip number from an older or foreign row must not smuggle in a separator.
  if (!SAFE_SLIP_NO.test(slipNo)) throw new Error(`slip number unfit for a file name: ${JSON.stringify(slipNo)}`);
  return reprintCount === 0 ? `${slipNo}.pdf` : `${slipNo}-reprint-${reprintCount}.pdf`;
}

/** What the bridge may serve from the slips folder: names pdfFileName can produce, nothing else. */
export function isSlipPdfName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{0,63}(?:-reprint-\d{1,6})?\.pdf$/.test(name);
}
