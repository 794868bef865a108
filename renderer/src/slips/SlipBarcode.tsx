import { useMemo } from 'react';
import type { PaperGeometry } from '../../../shared/slips/paper';
import { barRuns, code128Modules } from './symbols';

/**
 * The slip number as CODE128, drawn in module units and scaled to the paper's module
 * width in millimetres. The quiet zones are part of the drawing, so nothing can crowd
 * them. On a roll the symbol is turned a quarter (see paperGeometry): the bars run
 * across the paper and the code reads from top to bottom.
 */
export function SlipBarcode({ value, geometry }: { value: string; geometry: PaperGeometry['barcode'] }) {
  const modules = useMemo(() => code128Modules(value), [value]);
  const quiet = Math.max(10, Math.ceil(geometry.quietMm / geometry.moduleMm));
  const total = modules.length + 2 * quiet;
  const alongMm = `${(total * geometry.moduleMm).toFixed(4)}mm`;
  const acrossMm = `${geometry.barLengthMm}mm`;
  const vertical = geometry.orientation === 'vertical';
  const path = barRuns(modules)
    .map(([start, width]) => (vertical ? `M0 ${start + quiet}h1v${width}h-1z` : `M${start + quiet} 0h${width}v1h-${width}z`))
    .join('');
  return (
    <div className={`slip__barcode slip__barcode--${geometry.orientation}`} data-testid="slip-barcode">
      <svg
        role="img"
        aria-label={value}
        width={vertical ? acrossMm : alongMm}
        height={vertical ? alongMm : acrossMm}
        viewBox={vertical ? `0 0 1 ${total}` : `0 0 ${total} 1`}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
        data-modules={modules.length}
      >
        <rect width={vertical ? 1 : total} height={vertical ? total : 1} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <div className="slip__barcode-text">{value}</div>
    </div>
  );
}
