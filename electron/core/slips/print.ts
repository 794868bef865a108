import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../shared/contract/errors';
import type { SlipPrintOutcome } from '../../../shared/slips/contract';
import type { Actor } from '../audit/log';
import { commitAction, type CoreContext } from '../context';
import { pdfFileName, slipsDir } from './files';
import type { SlipPrinter } from './printer';
import { voidedBySlip } from './queries';
import { readPrintingSettings } from './settings';
import { readSlip } from './slips';

export interface PrintingDeps {
  printer: SlipPrinter;
  dataDir: string;
}

// Printing is asynchronous and a transaction is not: two clicks on 打印 for one slip
// would both read print_count 0 and both print an "original". Prints of one slip queue here.
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/**
 * Prints a slip with the counter's settings. The printer runs first; only a print that
 * reached the printer (or, on the bridge, its PDF) is counted: the slip_print rows, the
 * print_count bump and the audit entry commit together. A print the printer refused is
 * audited too, and the next try is still the original.
 */
export function printSlip(
  ctx: CoreContext,
  deps: PrintingDeps,
  staff: { actor: Actor; staffNo: string },
  input: { slipNo: string; auto: boolean },
): Promise<SlipPrintOutcome> {
  return oneAtATime(input.slipNo, async () => {
    const stored = readSlip(ctx, input.slipNo);
    if (input.auto && stored.printCount > 0) {
      throw new DomainError('CONFLICT', `小票 ${input.slipNo} 已打印过；需要再打一份请按"补打"`, { slipNo: input.slipNo, printCount: stored.printCount });
    }
    const settings = readPrintingSettings(ctx);
    const reprintCount = stored.printCount;
    const dir = slipsDir(deps.dataDir);
    mkdirSync(dir, { recursive: true });
    const pdfFile = pdfFileName(input.slipNo, reprintCount);
    const result = await deps.printer.print({
      slip: stored.data,
      paper: settings.paper,
      copies: settings.copies,
      reprintCount,
      printedAt: ctx.clock.now().toISOString(),
      printedBy: staff.staffNo,
      voidedBy: voidedBySlip(ctx, input.slipNo),
      ...(settings.printerName ? { printerName: settings.printerName } : {}),
      // A named printer is the counter's own slip printer: no dialog. Without one the clerk picks in the system dialog.
      silent: settings.printerName !== '',
      pdfPath: join(dir, pdfFile),
    });
    const base = { slipNo: input.slipNo, reprintCount, paper: settings.paper, copies: settings.copies, pdfPath: result.pdfPath, pdfFile };
    const details = { reprintCount, paper: settings.paper, copies: settings.copies, printer: settings.printerName, pdf: pdfFile };

    if (result.device.status === 'failed') {
      const reason = result.device.reason;
      commitAction(ctx, staff.actor, () => ({ result: null, audit: { action: 'slip.print_failed', subject: input.slipNo, details: { ...details, reason } } }));
      return { ...base, printed: false, device: 'failed', failure: reason, printCount: stored.printCount };
    }
    const device = result.device.status;
    return commitAction(ctx, staff.actor, () => {
      const bumped = ctx.store
        .stmt('UPDATE slip SET print_count = print_count + 1 WHERE slip_no = ? AND print_count = ? RETURNING print_count')
        .get(input.slipNo, reprintCount) as { print_count: number } | undefined;
      if (!bumped) throw new DomainError('CONFLICT', `小票 ${input.slipNo} 同时在别处打印，请刷新后再试`, { slipNo: input.slipNo });
      const insert = ctx.store.stmt(
        'INSERT INTO slip_print (slip_no, copy_no, reprint, paper, staff_no, printed_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const at = ctx.clock.now().toISOString();
      for (let copy = 1; copy <= settings.copies; copy++) {
        insert.run(input.slipNo, copy, reprintCount > 0 ? 1 : 0, settings.paper, staff.staffNo, at);
      }
      return {
        result: { ...base, printed: true, device, failure: null, printCount: bumped.print_count },
        audit: { action: reprintCount > 0 ? 'slip.reprint' : 'slip.print', subject: input.slipNo, details: { ...details, device } },
      };
    });
  });
}
