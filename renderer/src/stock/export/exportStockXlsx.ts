import type { StockItemView } from '../../../../shared/stock/schemas';
import { STOCK_SHEET_HEADERS, stockFileName, stockSheetRow } from './stockSheet';

const COLUMN_WIDTHS = [26, 18, 8, 8, 8, 8, 12, 8, 18];

/** Builds the workbook of the rows on screen (filtered and sorted as shown) and hands it to the browser as a download. */
export async function exportStockXlsx(rows: readonly StockItemView[], hall: { code: string; name: string }, date: string): Promise<string> {
  // exceljs is large and only a manager's export needs it: it loads on the first export.
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  book.creator = 'HallDesk';
  const sheet = book.addWorksheet('库存', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...STOCK_SHEET_HEADERS]);
  for (const item of rows) sheet.addRow(stockSheetRow(item)).getCell(9).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getRow(1).font = { bold: true };
  COLUMN_WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: STOCK_SHEET_HEADERS.length } };
  book.title = `${hall.name} 库存 ${date}`;

  const buffer = await book.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const name = stockFileName(hall.code, date);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // The download has started from the link; the blob is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return name;
}
