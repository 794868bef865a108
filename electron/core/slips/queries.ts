import type { SlipSummary } from '../../../shared/slips/contract';
import type { SlipKind } from '../../../shared/slips/slip';
import { shanghaiDayStart } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';

/** The VOID slip that reversed a slip (set by recordSlip when the void slip is stored). */
const VOIDED_BY = 's.voided_by_slip';

export function voidedBySlip(ctx: CoreContext, slipNo: string): string | null {
  const row = ctx.store.stmt(`SELECT ${VOIDED_BY} AS voided_by FROM slip s WHERE s.slip_no = ?`).get(slipNo) as
    | { voided_by: string | null }
    | undefined;
  return row?.voided_by ?? null;
}

interface PrintRow {
  copy_no: number;
  reprint: number;
  paper: string;
  staff_no: string;
  printed_at: string;
}

/** One entry per print; its copies are the consecutive rows that follow copy 1. */
export function printHistory(ctx: CoreContext, slipNo: string): { printedAt: string; staffNo: string; reprint: boolean; copies: number; paper: string }[] {
  const rows = ctx.store
    .stmt('SELECT copy_no, reprint, paper, staff_no, printed_at FROM slip_print WHERE slip_no = ? ORDER BY id')
    .all(slipNo) as PrintRow[];
  const prints: ReturnType<typeof printHistory> = [];
  for (const row of rows) {
    const last = prints.at(-1);
    if (row.copy_no === 1 || !last) {
      prints.push({ printedAt: row.printed_at, staffNo: row.staff_no, reprint: row.reprint === 1, copies: 1, paper: row.paper });
    } else {
      last.copies += 1;
    }
  }
  return prints;
}

interface SummaryRow {
  slip_no: string;
  kind: SlipKind;
  title: string | null;
  phone: string | null;
  staff_no: string;
  created_at: string;
  print_count: number;
  voided_by: string | null;
}

/** Newest first. A Shanghai day is the 24 hours from its midnight, compared as ISO instants. */
export function listSlips(
  ctx: CoreContext,
  filter: { kind?: SlipKind; day?: string; limit: number; offset: number },
): { slips: SlipSummary[]; total: number } {
  const from = filter.day ? shanghaiDayStart(filter.day).toISOString() : null;
  const to = filter.day ? new Date(shanghaiDayStart(filter.day).getTime() + 86_400_000).toISOString() : null;
  const where = `(@kind IS NULL OR s.kind = @kind) AND (@from IS NULL OR (s.created_at >= @from AND s.created_at < @to))`;
  const params = { kind: filter.kind ?? null, from, to };
  const total = (ctx.store.stmt(`SELECT count(*) AS n FROM slip s WHERE ${where}`).get(params) as { n: number }).n;
  const rows = ctx.store
    .stmt(
      `SELECT s.slip_no, s.kind, json_extract(s.data, '$.title') AS title, json_extract(s.data, '$.customer.phoneMasked') AS phone,
              s.staff_no, s.created_at, s.print_count, ${VOIDED_BY} AS voided_by
       FROM slip s WHERE ${where}
       ORDER BY s.created_at DESC, s.slip_no DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as SummaryRow[];
  return {
    total,
    slips: rows.map((r) => ({
      slipNo: r.slip_no,
      kind: r.kind,
      title: r.title ?? '',
      issuedAt: r.created_at,
      customerPhoneMasked: r.phone,
      staffNo: r.staff_no,
      printCount: r.print_count,
      voidedBySlip: r.voided_by,
    })),
  };
}
