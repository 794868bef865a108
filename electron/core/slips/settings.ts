import { PrintingSettings } from '../../../shared/slips/contract';
import { Paper } from '../../../shared/slips/paper';
import type { CoreContext } from '../context';

/** One settings row per field; the keys are fixed here, never built from input. */
const KEYS = {
  printerName: 'printing.printer_name',
  paper: 'printing.paper',
  copies: 'printing.copies',
  autoPrint: 'printing.auto_print',
} as const;

/** An 80 mm roll is what most halls' counter printers take; the slip prints by itself after the business. */
export const DEFAULT_PRINTING: PrintingSettings = { printerName: '', paper: '80', copies: 1, autoPrint: true };

function setting(ctx: CoreContext, key: string): string | undefined {
  return (ctx.store.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** Each field falls back to its default when missing or garbled: a bad row must not stop the counter printing. */
export function readPrintingSettings(ctx: CoreContext): PrintingSettings {
  const paper = Paper.safeParse(setting(ctx, KEYS.paper));
  const copies = Number(setting(ctx, KEYS.copies));
  const autoPrint = setting(ctx, KEYS.autoPrint);
  const printerName = PrintingSettings.shape.printerName.safeParse(setting(ctx, KEYS.printerName));
  return {
    printerName: printerName.success ? printerName.data : DEFAULT_PRINTING.printerName,
    paper: paper.success ? paper.data : DEFAULT_PRINTING.paper,
    copies: Number.isInteger(copies) && copies >= 1 && copies <= 3 ? copies : DEFAULT_PRINTING.copies,
    autoPrint: autoPrint === undefined ? DEFAULT_PRINTING.autoPrint : autoPrint === '1',
  };
}

/** Call inside the action's transaction. */
export function writePrintingSettings(ctx: CoreContext, next: PrintingSettings): void {
  const upsert = ctx.store.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  upsert.run(KEYS.printerName, next.printerName);
  upsert.run(KEYS.paper, next.paper);
  upsert.run(KEYS.copies, String(next.copies));
  upsert.run(KEYS.autoPrint, next.autoPrint ? '1' : '0');
}
