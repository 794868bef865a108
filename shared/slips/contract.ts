import { z } from 'zod';
import { method } from '../contract/define';
import { Paper } from './paper';
import { SlipData, SlipKind } from './slip';

/** hall–date–counter–sequence, e.g. ZY-HC-001-20261121-01-0007; also a safe file name for its PDF. */
export const SlipNo = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, '小票号只含字母、数字和短横线');

/** How this counter prints slips. An empty printer name means the system's default printer. */
export const PrintingSettings = z.object({
  printerName: z
    .string()
    .trim()
    .max(128, '打印机名称最多128个字符')
    .regex(/^[^\p{Cc}]*$/u, '打印机名称不能含控制字符'),
  paper: Paper,
  copies: z.number().int().min(1, '份数为1到3').max(3, '份数为1到3'),
  autoPrint: z.boolean(),
});
export type PrintingSettings = z.infer<typeof PrintingSettings>;

export const SlipPrintRecord = z.object({
  printedAt: z.string(),
  staffNo: z.string(),
  reprint: z.boolean(),
  copies: z.number().int().positive(),
  paper: z.string(),
});

export const SlipSummary = z.object({
  slipNo: z.string(),
  kind: SlipKind,
  title: z.string(),
  issuedAt: z.string(),
  customerPhoneMasked: z.string().nullable(),
  staffNo: z.string(),
  printCount: z.number().int().nonnegative(),
  voidedBySlip: z.string().nullable(),
});
export type SlipSummary = z.infer<typeof SlipSummary>;

/** What happened at the printer: sent to it, a PDF only (the browser bridge has no printer), or refused with its reason. */
export const PrintDevice = z.enum(['printer', 'pdf_only', 'failed']);

export const SlipPrintOutcome = z.object({
  slipNo: z.string(),
  /** False when the printer refused: nothing was counted and the next try is still the original. */
  printed: z.boolean(),
  device: PrintDevice,
  failure: z.string().nullable(),
  /** 0 for the original; n for the n-th reprint (补打 n). */
  reprintCount: z.number().int().nonnegative(),
  printCount: z.number().int().nonnegative(),
  paper: Paper,
  copies: z.number().int().positive(),
  /** The PDF kept in the data folder, and its file name (the bridge serves it at /slips/<file>). */
  pdfPath: z.string(),
  pdfFile: z.string(),
});
export type SlipPrintOutcome = z.infer<typeof SlipPrintOutcome>;

const ShanghaiDay = z.iso.date('日期格式为 YYYY-MM-DD');

export const slipMethods = {
  'slip.get': method({
    summary: 'One slip as it was frozen at commit, how many times it has been printed, each print, and the VOID slip that reversed it, if any.',
    role: 'clerk',
    input: z.object({ slipNo: SlipNo }).strict(),
    output: z.object({
      slip: SlipData,
      printCount: z.number().int().nonnegative(),
      voidedBySlip: z.string().nullable(),
      prints: z.array(SlipPrintRecord),
    }),
    errors: ['NOT_FOUND'],
    example: { slipNo: 'ZY-HC-001-20261121-01-0007' },
  }),
  'slip.list': method({
    summary: "This counter's slips, newest first, a page at a time; optionally one kind and one Shanghai day.",
    role: 'clerk',
    input: z
      .object({
        kind: SlipKind.optional(),
        day: ShanghaiDay.optional(),
        limit: z.number().int().min(1).max(100).default(20),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
    output: z.object({ slips: z.array(SlipSummary), total: z.number().int().nonnegative() }),
    errors: [],
    example: { kind: 'redemption', day: '2026-11-21', limit: 20, offset: 0 },
  }),
  'slip.print': method({
    summary:
      'Print a slip with this counter’s printing settings and keep its PDF in the data folder. Every print after the first is a reprint, marked 补打 with its count; the print is recorded and audited. `auto` is the print that follows the business by itself: it is refused once the slip has been printed, so it can never produce a reprint.',
    role: 'clerk',
    input: z.object({ slipNo: SlipNo, auto: z.boolean().default(false) }).strict(),
    output: SlipPrintOutcome,
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { slipNo: 'ZY-HC-001-20261121-01-0007', auto: false },
  }),
  'settings.get': method({
    summary: "This counter's settings: slip printing (printer, paper, copies, print automatically) and the printers the system knows.",
    role: 'clerk',
    input: z.object({}).strict(),
    output: z.object({ printing: PrintingSettings, printers: z.array(z.string()) }),
    errors: [],
    example: {},
  }),
  'settings.setPrinting': method({
    summary: 'Change how this counter prints slips: printer name (empty for the system default; a named printer prints without a dialog), paper 58/80/A4, 1–3 copies, print automatically after the business or not.',
    role: 'manager',
    input: PrintingSettings.strict(),
    output: z.object({ printing: PrintingSettings }),
    errors: [],
    example: { printerName: 'XP-80C', paper: '80', copies: 1, autoPrint: true },
  }),
};
