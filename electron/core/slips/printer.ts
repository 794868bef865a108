import type { Paper } from '../../../shared/slips/paper';
import type { SlipData } from '../../../shared/slips/slip';

export interface SlipPrintRequest {
  slip: SlipData;
  paper: Paper;
  copies: number;
  /** 0 for the original; n marks the copy 补打 n. */
  reprintCount: number;
  /** When and by whom (staff number) this copy is printed; shown under a REPRINT mark. */
  printedAt: string;
  printedBy: string;
  /** The VOID slip that reversed this one since it was issued, printed on every later copy. */
  voidedBy: string | null;
  /** The system printer to use; absent for the system's default. */
  printerName?: string;
  /** Print without the system dialog. */
  silent: boolean;
  /** Where the PDF of this print goes (the core names it in <dataDir>/slips/); written whatever the printer does. */
  pdfPath: string;
}

export type SlipPrintDevice =
  | { status: 'printer' }
  /** No printer behind this transport (the browser bridge): the PDF is the print. */
  | { status: 'pdf_only' }
  /** The printer refused (offline, no paper, dialog cancelled); the PDF was still written. */
  | { status: 'failed'; reason: string };

export interface SlipPrintResult {
  pdfPath: string;
  device: SlipPrintDevice;
}

/**
 * How the core gets a slip onto paper, injected like the HQ status source: Electron
 * prints from a hidden window (electron/main/printing.ts), the browser bridge makes the
 * PDF with Chromium (electron/bridge/printer.ts), tests pass a fake. Throwing means the
 * slip could not even be rendered: a bug or a broken installation, not a printer fault.
 */
export interface SlipPrinter {
  print(request: SlipPrintRequest): Promise<SlipPrintResult>;
  /** The printers the system knows, for the settings screen; empty when it cannot tell. */
  printers?(): Promise<string[]>;
}

/** A core started without a printer (tests of other domains): printing is a wiring bug there. */
export const noPrinter: SlipPrinter = {
  print: () => Promise.reject(new Error('no slip printer was given to createCore')),
};
