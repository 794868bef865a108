import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';
import { createClient, type ContractClient } from '../../shared/contract/client';
import type { SlipData } from '../../shared/slips/slip';
import { manualClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/log';
import type { SlipPrinter, SlipPrintDevice, SlipPrintRequest, SlipPrintResult } from '../../electron/core/slips/printer';
import { recordSlip } from '../../electron/core/slips/slips';
import { DEMO_NOW } from './core';

/** The slip number of the scan-back tests, in the real hall–date–counter–sequence format. */
export const REDEMPTION_SLIP_NO = 'ZY-HC-001-20261121-01-0007';
export const VOID_SLIP_NO = 'ZY-HC-001-20261121-01-0009';
export const VOUCHER_CODE = 'AE12090101';

/**
 * A redemption as the points mall writes it: a physical gift and a 12580 e-voucher,
 * points before and after, the customer masked. The full phone and ID numbers of the
 * customer appear nowhere in it; `withLeaks` puts them where careless code might.
 */
export function redemptionSlip(overrides: Partial<SlipData> = {}): SlipData {
  return {
    slipNo: REDEMPTION_SLIP_NO,
    kind: 'redemption',
    title: '积分兑换单',
    titleEn: 'Points redemption',
    hall: { code: 'ZY-HC-001', name: '遵义汇川营业厅' },
    counter: { code: '01', name: '1号柜台' },
    clerk: { staffNo: '1001', name: '张敏' },
    issuedAt: '2026-11-21T01:30:00.000Z',
    customer: { phoneMasked: '138****5678', nameMasked: '李*华' },
    given: [
      { label: '不锈钢保温杯', labelEn: 'Thermos flask', quantity: 1, points: 1800 },
      { label: '12580电子礼品券A档', labelEn: '12580 e-voucher A', quantity: 1, points: 5000, valueFen: 10000 },
    ],
    taken: [{ label: '积分', labelEn: 'Points', points: 6800 }],
    points: { before: 12_850, after: 6_050 },
    terms: [
      '兑换单号 ZY-HC-001-01-RD20261121-0003',
      '积分按到期日先后扣减，先到期的先用',
      '礼品请当面点清，非质量问题恕不退换',
      '12580电子礼品券凭串码或二维码到联盟商户验证使用，一次有效，过期作废；可拨打12580查询商户',
    ],
    vouchers: [
      { name: '12580电子礼品券A档', code: VOUCHER_CODE, qrPayload: `12580GV|${VOUCHER_CODE}|A|10000|20270331`, validUntil: '2027-03-31' },
    ],
    pendingHq: false,
    ...overrides,
  };
}

/** An enrolment slip with an instalment schedule and a lent device: the terms-heavy kind. */
export function enrolmentSlip(overrides: Partial<SlipData> = {}): SlipData {
  return {
    ...redemptionSlip(),
    slipNo: 'ZY-HC-001-20261121-01-0008',
    kind: 'enrolment',
    title: '预存赠费受理单',
    titleEn: 'Prepay bonus enrolment',
    given: [
      { label: '32英寸彩色电视机', labelEn: '32" colour TV', quantity: 1, serial: 'TV2026110012345', valueFen: 129_900 },
      { label: '赠送话费', labelEn: 'Bonus credit', valueFen: 60_000 },
    ],
    taken: [{ label: '预存话费', labelEn: 'Prepayment', valueFen: 120_000 }],
    points: null,
    schedule: [
      { month: '2026-12', amountFen: 5_000 },
      { month: '2027-01', amountFen: 5_000 },
      { month: '2027-02', amountFen: 5_000 },
      { month: '2027-03', amountFen: 5_000 },
    ],
    terms: ['赠费自次月起分12个月返还，每月50.00元', '合约期内不得办理降档或销户'],
    vouchers: [],
    ...overrides,
  };
}

/** The VOID of the redemption above, approved by the manager. */
export function voidSlip(overrides: Partial<SlipData> = {}): SlipData {
  return {
    ...redemptionSlip(),
    slipNo: VOID_SLIP_NO,
    kind: 'void',
    title: '积分兑换作废单',
    titleEn: 'Redemption VOID',
    issuedAt: '2026-11-21T02:10:00.000Z',
    given: [{ label: '退还积分', labelEn: 'Points returned', points: 6800 }],
    taken: [
      { label: '不锈钢保温杯（退回）', labelEn: 'Thermos flask', quantity: 1 },
      { label: '12580电子礼品券A档（券码作废）', labelEn: '12580 e-voucher A', quantity: 1 },
    ],
    points: { before: 6_050, after: 12_850 },
    terms: [`作废兑换单 ZY-HC-001-01-RD20261121-0003（原小票 ${REDEMPTION_SLIP_NO}）`, `已作废券码：${VOUCHER_CODE}`],
    vouchers: [],
    voids: { slipNo: REDEMPTION_SLIP_NO, reason: '客户改选其他礼品', approvedBy: '王建国（8001）' },
    ...overrides,
  };
}

/** The customer's full numbers, which must never reach paper. */
export const FULL_PHONE = '13812345678';
export const FULL_ID = '520302199001011234';

/** A redemption slip where careless code put the full numbers into free text. */
export function slipWithLeaks(): SlipData {
  return redemptionSlip({
    customer: { phoneMasked: FULL_PHONE, nameMasked: '李*华' },
    terms: [`客户 ${FULL_PHONE} 身份证 ${FULL_ID} 已核验`],
    voids: { slipNo: REDEMPTION_SLIP_NO, reason: `客户电话${FULL_PHONE}要求作废`, approvedBy: '王建国' },
  });
}

/** A PNG's pixels as grey levels, transparent areas taken as paper white. */
function luminance(pngBytes: Buffer): { lum: Uint8ClampedArray; width: number; height: number } {
  const png = PNG.sync.read(pngBytes);
  const lum = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < lum.length; i++) {
    const [r = 255, g = 255, b = 255, a = 255] = png.data.subarray(i * 4, i * 4 + 4);
    const grey = (r * 299 + g * 587 + b * 114) / 1000;
    lum[i] = Math.round((grey * a + 255 * (255 - a)) / 255);
  }
  return { lum, width: png.width, height: png.height };
}

/** The image turned a quarter clockwise: what an omnidirectional counter scanner does for a turned barcode. */
function turned(image: { lum: Uint8ClampedArray; width: number; height: number }): typeof image {
  const { lum, width, height } = image;
  const out = new Uint8ClampedArray(lum.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + (height - 1 - y)] = lum[y * width + x] ?? 255;
  return { lum: out, width: height, height: width };
}

function decodeOnce(image: { lum: Uint8ClampedArray; width: number; height: number }, format: BarcodeFormat): string | null {
  const reader = new MultiFormatReader();
  // TRY_HARDER scans every few rows of a tall slip, not only its middle band.
  reader.setHints(new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
  ]));
  try {
    // decode() would reset the hints; decodeWithState keeps them.
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.lum, image.width, image.height)))).getText();
  } catch (err) {
    if (err instanceof NotFoundException || (err instanceof Error && /NotFound|Checksum|Format/.test(err.name))) return null;
    throw err;
  }
}

type Gray = { lum: Uint8ClampedArray; width: number; height: number };

function crop(image: Gray, box: { x: number; y: number; width: number; height: number }): Gray {
  const out = new Uint8ClampedArray(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(image.lum.subarray((box.y + y) * image.width + box.x, (box.y + y) * image.width + box.x + box.width), y * box.width);
  return { lum: out, width: box.width, height: box.height };
}

/**
 * Where a barcode turned along the roll is: the largest band of rows crossed by one long
 * dark run (a bar), which text never has and a rule has for a row or two. What a clerk
 * does by aiming the scanner; ZXing scans whole rows and would otherwise start reading in
 * the text beside the symbol.
 */
function aimAtTurnedBarcode(image: Gray): Gray | null {
  const minRun = Math.round(image.width * 0.25);
  const runs: ({ from: number; to: number } | null)[] = [];
  for (let y = 0; y < image.height; y++) {
    let best: { from: number; to: number } | null = null;
    let start = -1;
    for (let x = 0; x <= image.width; x++) {
      const dark = x < image.width && (image.lum[y * image.width + x] ?? 255) < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minRun && (!best || x - start > best.to - best.from)) best = { from: start, to: x };
        start = -1;
      }
    }
    runs.push(best);
  }
  // Spaces between bars are up to 4 modules: a band survives short gaps of barless rows.
  const maxGap = Math.round(image.height * 0.01) + 12;
  type Band = { first: number; last: number; rows: number };
  let bestBand: Band | null = null;
  let band: Band | null = null;
  for (let y = 0; y < runs.length; y++) {
    if (!runs[y]) continue;
    const next: Band = band !== null && y - band.last <= maxGap ? { first: band.first, last: y, rows: band.rows + 1 } : { first: y, last: y, rows: 1 };
    band = next;
    if (bestBand === null || next.rows > bestBand.rows) bestBand = next;
  }
  if (!bestBand || bestBand.rows < 20) return null;
  const inBand = runs.slice(bestBand.first, bestBand.last + 1).filter((r) => r !== null);
  const pad = Math.round((bestBand.last - bestBand.first) * 0.06);
  const x = Math.max(0, Math.min(...inBand.map((r) => r.from)) - pad);
  const y = Math.max(0, bestBand.first - pad);
  return crop(image, {
    x,
    y,
    width: Math.min(image.width, Math.max(...inBand.map((r) => r.to)) + pad) - x,
    height: Math.min(image.height, bestBand.last + 1 + pad) - y,
  });
}

/**
 * Decodes the one symbol of `format` in a whole slip image, or returns null. A CODE128
 * is tried upright, then, as the thermal slips print it, turned along the roll.
 */
export function decodeSymbol(pngBytes: Buffer, format: 'CODE_128' | 'QR_CODE'): string | null {
  const image = luminance(pngBytes);
  if (format === 'QR_CODE') return decodeOnce(image, BarcodeFormat.QR_CODE);
  const upright = decodeOnce(image, BarcodeFormat.CODE_128);
  if (upright !== null) return upright;
  const aimed = aimAtTurnedBarcode(image);
  return aimed ? decodeOnce(turned(aimed), BarcodeFormat.CODE_128) : null;
}

export const PDFTOPPM = '/usr/bin/pdftoppm';
export const PDFTOTEXT = '/usr/bin/pdftotext';

/**
 * The first page of a PDF as a PNG at `dpi`, as a printer driver would raster it.
 * `sharp` turns anti-aliasing off: a thermal head prints a dot or no dot, no grey.
 */
export function pdfToPng(pdfPath: string, outDir: string, dpi: number, sharp = false): Buffer {
  const stem = join(outDir, `page-${dpi}${sharp ? '-sharp' : ''}`);
  const aa = sharp ? ['-aa', 'no', '-aaVector', 'no'] : [];
  execFileSync(PDFTOPPM, ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', ...aa, pdfPath, stem]);
  return readFileSync(`${stem}.png`);
}

export function pdfText(pdfPath: string): string {
  return execFileSync(PDFTOTEXT, ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

export function pdfPageCount(pdfPath: string): number {
  return (readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

export function hasPoppler(): boolean {
  return existsSync(PDFTOPPM) && existsSync(PDFTOTEXT);
}

/**
 * A printer that writes a stand-in PDF where the core asks and remembers every request.
 * `device` decides what the "printer" answers; `gate` holds a print until released, so a
 * test can have two prints of one slip in flight at once.
 */
export class FakeSlipPrinter implements SlipPrinter {
  readonly requests: SlipPrintRequest[] = [];
  device: SlipPrintDevice = { status: 'printer' };
  gate: Promise<void> | undefined;

  async print(request: SlipPrintRequest): Promise<SlipPrintResult> {
    this.requests.push(request);
    await this.gate;
    writeFileSync(request.pdfPath, `%PDF-1.4 fake slip ${request.slip.slipNo} reprint ${request.reprintCount}\n`);
    return { pdfPath: request.pdfPath, device: this.device };
  }

  printers(): Promise<string[]> {
    return Promise.resolve(['XP-80C', 'Microsoft Print to PDF']);
  }
}

export interface SlipCounter {
  core: Core;
  dir: string;
  client(): ContractClient;
  /** Stores a slip as a business transaction would (redemption, void…). */
  record(data: SlipData, ref?: { type: string; id: string }): void;
  close(): void;
}

/** A demo counter on a real SQLite file whose slips go to `printer`. */
export function openSlipCounter(printer: SlipPrinter): SlipCounter {
  const dir = mkdtempSync(join(tmpdir(), 'halldesk-slips-'));
  const core = createCore({ dataDir: dir, clock: manualClock(DEMO_NOW), appVersion: 'test', log: memoryLogger(), demo: {}, printer });
  return {
    core,
    dir,
    client: () => createClient((method, envelope) => core.dispatch(method, envelope)),
    record(data, ref = { type: data.kind, id: data.slipNo }) {
      core.ctx.store.tx(() => recordSlip(core.ctx, { data, kind: data.kind, ref, customerId: null, staffNo: data.clerk.staffNo }));
    },
    close() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
