import type { ApiResult } from '../../../../shared/contract/errors';
import { DocumentRef, HallCode, Note, Qty, Serial, Sku, type SerialState, type StockItemView, type StockMoveResult } from '../../../../shared/stock/schemas';
import type { Approval } from '../../../../shared/staff/contract';
import { api } from '../../api/client';
import type { StockField } from '../errors';

/** The stock movements a manager books at the counter (入库, 报损, 退回, 调拨, 上架/撤展). */
export const moveKinds = ['receive', 'damage', 'return', 'transferOut', 'transferIn', 'toDisplay', 'fromDisplay'] as const;
export type MoveKind = (typeof moveKinds)[number];

/** What a clerk may start too: the core then asks for a manager's staff number and PIN. */
export function clerkMayStart(kind: MoveKind): boolean {
  return kind === 'damage' || kind === 'return';
}

/** Everything a movement form can hold, kept as typed so nothing is lost on an error. */
export interface MoveDraft {
  sku: string;
  qty: string;
  serials: string[];
  deliveryRef: string;
  from: 'on_hand' | 'display';
  slipNo: string;
  toHall: string;
  fromHall: string;
  note: string;
}

export function emptyDraft(sku = ''): MoveDraft {
  return { sku, qty: '', serials: [], deliveryRef: '', from: 'on_hand', slipNo: '', toHall: '', fromHall: '', note: '' };
}

export type ExtraField = 'deliveryRef' | 'from' | 'slipNo' | 'toHall' | 'fromHall' | 'note';

/** The fields each movement asks for beyond the item and how many, in form order. */
export const extraFields: Record<MoveKind, readonly ExtraField[]> = {
  receive: ['deliveryRef', 'note'],
  damage: ['from', 'note'],
  return: ['slipNo', 'note'],
  transferOut: ['toHall', 'note'],
  transferIn: ['fromHall', 'note'],
  toDisplay: ['note'],
  fromDisplay: ['note'],
};

/** Where scanned units must be now (shared/stock ledger rules), to suggest the right serials; null: units new to this hall. */
export function serialsComeFrom(kind: MoveKind, draft: MoveDraft): SerialState | null {
  switch (kind) {
    case 'damage':
      return draft.from;
    case 'return':
      return 'issued';
    case 'transferOut':
    case 'toDisplay':
      return 'on_hand';
    case 'fromDisplay':
      return 'display';
    default:
      return null;
  }
}

/** A movement checked on the counter, ready to send. */
export interface CheckedMove {
  sku: string;
  qty: number;
  serials?: string[];
  deliveryRef: string;
  from: 'on_hand' | 'display';
  slipNo?: string;
  toHall: string;
  fromHall: string;
  note?: string;
}

export type MoveIssues = Partial<Record<StockField, string>>;

/**
 * The same rules the core applies (shared/stock schemas), checked before anything is
 * sent so the clerk sees which field is wrong, in the counter's language, and a manager
 * is not asked to approve a form that cannot pass.
 */
export function checkMove(kind: MoveKind, draft: MoveDraft, item: StockItemView | undefined): { move: CheckedMove } | { issues: MoveIssues } {
  const issues: MoveIssues = {};
  const sku = draft.sku.trim().toUpperCase();
  if (sku === '') issues.sku = 'stock.move.need.sku';
  else if (!Sku.safeParse(sku).success || !item) issues.sku = 'stock.move.bad.sku';

  let qty = Number(draft.qty);
  let serials: string[] | undefined;
  if (item?.serialTracked) {
    serials = draft.serials;
    qty = serials.length;
    if (serials.length === 0) issues.serials = 'stock.move.need.serials';
    else if (serials.some((serial) => !Serial.safeParse(serial).success)) issues.serials = 'stock.move.bad.serials';
  } else if (draft.qty.trim() === '') issues.qty = 'stock.move.need.qty';
  else if (!Qty.safeParse(qty).success) issues.qty = 'stock.move.bad.qty';

  const fields = extraFields[kind];
  const note = draft.note.trim();
  const slipNo = draft.slipNo.trim();
  if (fields.includes('deliveryRef') && !DocumentRef.safeParse(draft.deliveryRef.trim()).success) {
    issues.deliveryRef = draft.deliveryRef.trim() === '' ? 'stock.move.need.deliveryRef' : 'stock.move.bad.deliveryRef';
  }
  for (const hall of ['toHall', 'fromHall'] as const) {
    if (fields.includes(hall) && !HallCode.safeParse(draft[hall].trim().toUpperCase()).success) {
      issues[hall] = draft[hall].trim() === '' ? 'stock.move.need.hall' : 'stock.move.bad.hall';
    }
  }
  if (fields.includes('slipNo') && slipNo !== '' && !/^[A-Za-z0-9-]{6,64}$/.test(slipNo)) issues.slipNo = 'stock.move.bad.slipNo';
  // A write-off always says why; a return without its slip must too.
  const noteRequired = kind === 'damage' || (kind === 'return' && slipNo === '');
  if (noteRequired && note === '') issues.note = kind === 'return' ? 'stock.move.need.returnNote' : 'stock.move.need.note';
  else if (note !== '' && !Note.safeParse(note).success) issues.note = 'stock.move.bad.note';

  if (Object.keys(issues).length > 0) return { issues };
  return {
    move: {
      sku,
      qty,
      ...(serials ? { serials } : {}),
      deliveryRef: draft.deliveryRef.trim(),
      from: draft.from,
      ...(slipNo !== '' ? { slipNo } : {}),
      toHall: draft.toHall.trim().toUpperCase(),
      fromHall: draft.fromHall.trim().toUpperCase(),
      ...(note !== '' ? { note } : {}),
    },
  };
}

/** The contract call for one movement; `approval` only where the contract takes one. */
export function sendMove(kind: MoveKind, move: CheckedMove, approval?: Approval): Promise<ApiResult<StockMoveResult>> {
  const { sku, qty, serials, note } = move;
  const base = { sku, qty, ...(serials ? { serials } : {}) };
  const withNote = note !== undefined ? { note } : {};
  switch (kind) {
    case 'receive':
      return api.call['stock.receive']({ ...base, deliveryRef: move.deliveryRef, ...withNote });
    case 'damage':
      return api.call['stock.damage']({ ...base, from: move.from, note: note ?? '', ...(approval ? { approval } : {}) });
    case 'return':
      return api.call['stock.return']({
        ...base,
        ...(move.slipNo !== undefined ? { slipNo: move.slipNo } : {}),
        ...withNote,
        ...(approval ? { approval } : {}),
      });
    case 'transferOut':
      return api.call['stock.transferOut']({ ...base, toHall: move.toHall, ...withNote });
    case 'transferIn':
      return api.call['stock.transferIn']({ ...base, fromHall: move.fromHall, ...withNote });
    case 'toDisplay':
      return api.call['stock.toDisplay']({ ...base, ...withNote });
    case 'fromDisplay':
      return api.call['stock.fromDisplay']({ ...base, ...withNote });
  }
}
