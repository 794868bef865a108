import JsBarcode from 'jsbarcode';
import { create } from 'qrcode';

/** What jsbarcode's object renderer leaves on the object it is given: one encoding per symbol. */
interface ObjectRendering {
  encodings?: { data?: unknown }[];
}

/**
 * The CODE128 bars of a text as modules, '1' a bar and '0' a space, start to stop.
 * jsbarcode chooses the shortest mix of code sets B and C; drawing the modules ourselves
 * keeps every bar an exact multiple of the module width (see shared/slips/paper.ts).
 */
export function code128Modules(text: string): string {
  const rendering: ObjectRendering = {};
  JsBarcode(rendering, text, { format: 'CODE128' });
  const data = rendering.encodings?.map((encoding) => encoding.data).join('') ?? '';
  if (!/^1[01]+1$/.test(data)) throw new Error(`CODE128 encoding failed for ${JSON.stringify(text)}`);
  return data;
}

/** Runs of bars as [startModule, width] pairs: one SVG path segment each. */
export function barRuns(modules: string): [number, number][] {
  const runs: [number, number][] = [];
  for (const match of modules.matchAll(/1+/g)) runs.push([match.index, match[0].length]);
  return runs;
}

/** A QR symbol's dark modules, row by row; level M survives a smudge on thermal paper. */
export function qrModules(payload: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}
