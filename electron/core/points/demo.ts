import demoCatalogue from '../../../resources/demo/catalogue.json';
import { CatalogueFile } from '../../../shared/points/catalogue';
import type { CoreContext } from '../context';
import { readDevice } from '../system/device';
import { storeCatalogueEntry, storeVoucherBlock } from './publish';

function stockItemKnown(ctx: CoreContext, sku: string): { serial_tracked: 0 | 1 } | undefined {
  return ctx.store.stmt('SELECT serial_tracked FROM stock_item WHERE sku = ?').get(sku) as { serial_tracked: 0 | 1 } | undefined;
}

/**
 * Seeds the demo points mall (resources/demo/catalogue.json): the items, and the voucher
 * code blocks reserved for this counter only. Runs after the demo stock, which must carry
 * every gift's item. Safe to run again: items keep their version, known codes keep their state.
 */
export function seedDemoCatalogue(ctx: CoreContext): void {
  const file = CatalogueFile.parse(demoCatalogue);
  const counterCode = readDevice(ctx)?.counterCode;
  for (const entry of file.items) {
    if (entry.kind === 'gift') {
      const stock = stockItemKnown(ctx, entry.stockSku);
      if (!stock) throw new Error(`demo catalogue: ${entry.code} points at ${entry.stockSku}, which the demo stock does not carry`);
      // The points mall hands gifts over without scanning serials; a serial-numbered item here is a data error.
      if (stock.serial_tracked === 1) throw new Error(`demo catalogue: ${entry.code} points at serial-tracked stock ${entry.stockSku}`);
    }
    storeCatalogueEntry(ctx, entry);
  }
  for (const block of file.voucherBlocks) if (block.counterCode === counterCode) storeVoucherBlock(ctx, block);
}
