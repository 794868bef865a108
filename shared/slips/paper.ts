import { z } from 'zod';

/** The papers a counter prints slips on: thermal rolls 58 mm and 80 mm wide, or A4 on the office printer. */
export const Paper = z.enum(['58', '80', 'A4']);
export type Paper = z.infer<typeof Paper>;
export const papers = Paper.options;

export interface PaperGeometry {
  /** Width of the sheet the page is laid out on. */
  pageWidthMm: number;
  /** A4 has a fixed height; a thermal roll is cut where the slip ends (null). */
  pageHeightMm: number | null;
  /** Where the print head reaches: a 58 mm roll prints about 48 mm, an 80 mm roll about 72 mm. */
  contentWidthMm: number;
  barcode: {
    /**
     * 'vertical' turns the symbol a quarter turn (bars across the roll, read top to
     * bottom): the only way a full slip number fits a roll with bars a scanner can trust.
     */
    orientation: 'horizontal' | 'vertical';
    /** Narrowest bar or space (X); on thermal paper 2 dots of a 203 dpi head (0.125 mm each). */
    moduleMm: number;
    /** How long each bar is. */
    barLengthMm: number;
    /** Blank before the first and after the last bar: at least 10 X (ISO/IEC 15417). */
    quietMm: number;
  };
  qr: {
    /** One QR module; 4 dots on thermal paper so a phone camera reads it at arm's length. */
    moduleMm: number;
  };
}

/**
 * A CODE128 slip number such as ZY-HC-001-20261121-01-0007 is 288 modules (jsbarcode's
 * shortest B/C mix). Across a roll that leaves 48/308 = 0.156 mm per module on 58 mm and
 * 0.234 mm on 80 mm (with quiet zones): 1.2 and 1.9 dots of a 203 dpi head, so bar edges
 * fall between dots and a space of one dot fills in. Rasterised at 180/203 dpi such bars
 * did not decode. Along the roll there is room for X = 2 dots (72 mm + quiet zones), and
 * bars that are whole dots wide: the thermal papers print the barcode turned, A4 upright.
 */
export const paperGeometry: Record<Paper, PaperGeometry> = {
  '58': {
    pageWidthMm: 58,
    pageHeightMm: null,
    contentWidthMm: 48,
    barcode: { orientation: 'vertical', moduleMm: 0.25, barLengthMm: 24, quietMm: 4 },
    qr: { moduleMm: 0.5 },
  },
  '80': {
    pageWidthMm: 80,
    pageHeightMm: null,
    contentWidthMm: 72,
    barcode: { orientation: 'vertical', moduleMm: 0.25, barLengthMm: 30, quietMm: 4 },
    qr: { moduleMm: 0.5 },
  },
  A4: {
    pageWidthMm: 210,
    pageHeightMm: 297,
    contentWidthMm: 170,
    barcode: { orientation: 'horizontal', moduleMm: 0.254, barLengthMm: 14, quietMm: 6 },
    qr: { moduleMm: 0.6 },
  },
};

/** CSS pixels are 1/96 inch in Chromium's layout and in its PDF output. */
export const MM_PER_CSS_PX = 25.4 / 96;

/**
 * The page a slip is printed on: A4 as it is, a thermal roll as long as the slip plus a
 * little, so rounding never spills a last line onto a second, empty page.
 */
export function pageSizeMm(paper: Paper, slipHeightMm: number): { widthMm: number; heightMm: number } {
  const geometry = paperGeometry[paper];
  if (geometry.pageHeightMm !== null) return { widthMm: geometry.pageWidthMm, heightMm: geometry.pageHeightMm };
  return { widthMm: geometry.pageWidthMm, heightMm: Math.ceil(slipHeightMm) + 2 };
}
