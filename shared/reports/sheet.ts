/**
 * A spreadsheet column as the counter exports it: a Chinese header (the sheet goes to
 * HQ or the billing centre whatever the screen's language), a width in characters, what
 * kind of cell it is, and how to read it from a row. The renderer turns these into an
 * xlsx; tests read the file back against the same rows.
 */
export type CellKind =
  /** Plain text. */
  | 'text'
  /** A whole number (quantities, points, months). */
  | 'count'
  /** A `YYYY-MM-DD` business date, written as an Excel date. */
  | 'date'
  /** Integer fen, written as yuan with two decimals. */
  | 'yuan'
  /** An ISO instant, written as the hall's wall-clock date-time (Asia/Shanghai). */
  | 'datetime';

export type CellSource = string | number | null;

export interface SheetColumn<R> {
  header: string;
  width: number;
  kind: CellKind;
  value: (row: R, index: number) => CellSource;
}

export interface SheetSpec<R> {
  name: string;
  columns: readonly SheetColumn<R>[];
  rows: readonly R[];
}
