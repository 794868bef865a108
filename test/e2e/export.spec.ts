import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures';
import { contractAs, expectOk, MANAGER } from './support/contract';
import { openStockAs, stockGrid } from './support/stock';
import { shanghaiDateTime } from '../../shared/time/shanghai';

const HEADERS = ['物品名称', '物品编码', '类别', '在库', '借出', '展示', '低库存阈值', '低库存', '最后变动时间'];

test('the stock grid exports what it shows (gifts, emptiest first) to xlsx; read back, every row and number matches stock.list', async ({
  page,
  baseURL,
}, testInfo) => {
  const manager = await contractAs(baseURL, MANAGER);

  await openStockAs(page, MANAGER);
  await page.getByLabel('类别', { exact: true }).selectOption({ label: '礼品' });
  await stockGrid(page).getByRole('button', { name: '在库', exact: true }).click();
  await expect(stockGrid(page).getByRole('columnheader', { name: '在库', exact: true })).toHaveAttribute('aria-sort', 'ascending');

  // What the screen shows, from the contract: gifts in the core's order, then sorted by on hand (a stable sort, as the grid's).
  const { items } = expectOk(await manager.call['stock.list']({}));
  const expected = items.filter((item) => item.category === 'gift').sort((a, b) => a.onHand - b.onHand);
  await expect(page.getByTestId('stock-count')).toHaveText(`显示 ${expected.length} / ${items.length} 项`);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('stock-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('库存_ZY-HC-001_2026-11-21.xlsx');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('export-note')).toHaveText(`已导出 ${expected.length} 行：库存_ZY-HC-001_2026-11-21.xlsx`);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('库存');
  if (!sheet) throw new Error('the export has no sheet 库存');
  const values = (row: number): unknown[] => {
    const cells: unknown[] = [];
    for (let column = 1; column <= HEADERS.length; column++) cells.push(sheet.getRow(row).getCell(column).value);
    return cells;
  };
  expect(values(1)).toEqual(HEADERS);
  expect(sheet.rowCount).toBe(expected.length + 1);
  expected.forEach((item, index) => {
    const [name, sku, category, onHand, lent, display, threshold, low, lastMovement] = values(index + 2);
    expect([name, sku, category, onHand, lent, display, threshold, low]).toEqual([
      item.name,
      item.sku,
      '礼品',
      item.onHand,
      item.lent,
      item.display,
      item.lowThreshold,
      item.low ? '是' : '否',
    ]);
    // Quantities are numbers in the sheet, not text, so they add up in Excel.
    expect(typeof onHand).toBe('number');
    // Times are Excel date-times holding the hall's wall clock.
    if (item.lastMovementAt === null) expect(lastMovement).toBeNull();
    else {
      expect(lastMovement).toBeInstanceOf(Date);
      const wall = lastMovement instanceof Date ? lastMovement.toISOString().slice(0, 16).replace('T', ' ') : '';
      expect(wall).toBe(shanghaiDateTime(new Date(item.lastMovementAt)));
    }
  });
});
