import type { slipMethods } from '../../../shared/slips/contract';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { printSlip } from './print';
import { noPrinter, type SlipPrinter } from './printer';
import { listSlips, printHistory, voidedBySlip } from './queries';
import { readPrintingSettings, writePrintingSettings } from './settings';
import { readSlip } from './slips';

/** `printer` absent: a core that cannot print (tests of other domains); slip.print then fails loudly. */
export function slipHandlers(ctx: CoreContext, deps: { dataDir: string; printer?: SlipPrinter }): PieceHandlers<typeof slipMethods> {
  const printer = deps.printer ?? noPrinter;
  return {
    'slip.get': ({ slipNo }) => {
      const stored = readSlip(ctx, slipNo);
      return {
        slip: stored.data,
        printCount: stored.printCount,
        voidedBySlip: voidedBySlip(ctx, slipNo),
        prints: printHistory(ctx, slipNo),
      };
    },
    'slip.list': (filter) => listSlips(ctx, filter),
    'slip.print': (input, call) =>
      printSlip(ctx, { printer, dataDir: deps.dataDir }, { actor: call.actor, staffNo: call.session.staff.staffNo }, input),
    'settings.get': async () => ({
      printing: readPrintingSettings(ctx),
      // The settings screen offers these names; a printer that cannot list them still prints.
      printers: (await printer.printers?.().catch(() => [])) ?? [],
    }),
    'settings.setPrinting': (next, call) =>
      commitAction(ctx, call.actor, () => {
        const before = readPrintingSettings(ctx);
        writePrintingSettings(ctx, next);
        return { result: { printing: next }, audit: { action: 'settings.printing', subject: 'printing', details: { before, after: next } } };
      }),
  };
}
