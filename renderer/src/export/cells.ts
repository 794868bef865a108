import type { CellKind, CellSource, SheetSpec } from '../../../shared/reports/sheet';
import { SHANGHAI_OFFSET_MS } from '../../../shared/time/shanghai';

export type CellValue = string | number | Date | null;

/** A sheet with its cells already read from the rows: what the workbook writer needs, nothing typed per row. */
export interface PreparedSheet {
  name: string;
  columns: readonly { header: string; width: number; kind: CellKind }[];
  cells: CellValue[][];
}

export const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  yuan: '"¥"#,##0.00',
  count: '0',
};

/**
 * One cell as Excel should hold it. Excel keeps no time zone, so dates are written as
 * the hall's calendar day and instants as its wall clock (Asia/Shanghai). Money stays
 * integer fen everywhere else; only here, at the spreadsheet's edge, is it divided into
 * the yuan a billing clerk sums, exact to the fen at two decimals.
 */
export function cellValue(kind: CellKind, source: CellSource): CellValue {
  if (source === null) return null;
  switch (kind) {
    case 'text':
      return String(source);
    case 'count':
      return typeof source === 'number' ? source : Number(source);
    case 'yuan':
      return typeof source === 'number' ? source / 100 : null;
    case 'date':
      return typeof source === 'string' ? new Date(`${source}T00:00:00.000Z`) : null;
    case 'datetime':
      return typeof source === 'string' ? new Date(Date.parse(source) + SHANGHAI_OFFSET_MS) : null;
  }
}

export function prepareSheet<R>(spec: SheetSpec<R>): PreparedSheet {
  return {
    name: spec.name,
    columns: spec.columns.map(({ header, width, kind }) => ({ header, width, kind })),
    cells: spec.rows.map((row, index) => spec.columns.map((column) => cellValue(column.kind, column.value(row, index)))),
  };
}
