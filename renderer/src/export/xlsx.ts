import { NUMBER_FORMATS, type PreparedSheet } from './cells';

export type { PreparedSheet } from './cells';
export { prepareSheet } from './cells';

/**
 * Writes the sheets into one workbook (header row bold and frozen, a filter on it,
 * numbers as numbers, dates as dates) and hands it to the browser as a download named
 * `fileName`. Returns the name, for the note the screen shows.
 */
export async function downloadXlsx(fileName: string, sheets: readonly PreparedSheet[], title: string): Promise<string> {
  // exceljs is large and only an export needs it: it loads on the first export.
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  book.creator = 'HallDesk';
  book.title = title;
  for (const prepared of sheets) {
    const sheet = book.addWorksheet(prepared.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(prepared.columns.map((c) => c.header)).font = { bold: true };
    for (const cells of prepared.cells) sheet.addRow(cells);
    prepared.columns.forEach((column, index) => {
      const target = sheet.getColumn(index + 1);
      target.width = column.width;
      const format = NUMBER_FORMATS[column.kind];
      if (format === undefined) return;
      // On the data cells only: the header stays text.
      for (let row = 2; row <= prepared.cells.length + 1; row++) sheet.getRow(row).getCell(index + 1).numFmt = format;
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, prepared.cells.length + 1), column: prepared.columns.length } };
  }
  const buffer = await book.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The download has started from the link; the blob is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return fileName;
}
