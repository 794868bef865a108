import { useMemo } from 'react';
import { qrModules } from './symbols';

/** Four modules of quiet zone, as the QR standard asks. */
const QUIET = 4;

/** A voucher's QR code as one SVG path, each module a square of the paper's QR module size. */
export function SlipQr({ payload, moduleMm, label }: { payload: string; moduleMm: number; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = qrModules(payload);
    let d = '';
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) if (qr.dark(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
    return { size: qr.size + 2 * QUIET, path: d };
  }, [payload]);
  return (
    <svg
      className="slip__qr"
      role="img"
      aria-label={label}
      width={`${(size * moduleMm).toFixed(3)}mm`}
      height={`${(size * moduleMm).toFixed(3)}mm`}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      data-testid="slip-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
