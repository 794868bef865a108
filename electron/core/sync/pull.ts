import { PullLineShape, type PullBegin, type PullEnd, type PullKind } from '../../../shared/sync/pull';
import type { CoreContext } from '../context';
import { campaignRows, catalogueRows, referenceRows, stockItemRows, voucherBlockRows } from './apply-catalogue';
import { conflictRows, customerRows, deliveryRows, hallMovementRows } from './apply-hall';
import { HqRequestError, type HqClient } from './http';
import type { PageScope, RowWrite, RowWriter } from './rows';

export interface Page {
  begin: PullBegin;
  /** Validated rows, in the order they are written. */
  writes: RowWrite[];
  rows: number;
  end: PullEnd;
}

const writers: Record<PullKind, RowWriter> = {
  stock_item: stockItemRows,
  catalogue_item: catalogueRows,
  campaign: campaignRows,
  reference: referenceRows,
  customer: customerRows,
  stock_movement: hallMovementRows,
  stock_delivery: deliveryRows,
  voucher_block: voucherBlockRows,
  conflict: conflictRows,
};
// Within a page, what others point at goes first (a catalogue gift names a stock item).
const ORDER: PullKind[] = ['stock_item', 'catalogue_item', 'campaign', 'reference', 'customer', 'stock_movement', 'stock_delivery', 'voucher_block', 'conflict'];

function isKind(kind: string): kind is PullKind {
  return Object.hasOwn(writers, kind);
}

/** Validating a row costs more than writing it: on the main thread, the counter's own work gets a turn after this many. */
const ROWS_PER_TURN = 200;

const cut = (why: string) => new HqRequestError('protocol', 'PAGE_INCOMPLETE', `下载的数据不完整（${why}），本页未写入，下次同步重试`);

const noTurn = (): Promise<void> => Promise.resolve();

/**
 * Reads one page of NDJSON and checks every row against its kind's schema as it arrives
 * (letting other work run every few hundred rows when `yieldTurn` says how). A page
 * without both its begin and end lines (a cut-off body), or with a row that fails its
 * schema, is refused whole.
 */
export async function readPage(lines: AsyncIterable<string>, log: CoreContext['log'], yieldTurn: () => Promise<void> = noTurn): Promise<Page> {
  let begin: PullBegin | undefined;
  let end: PullEnd | undefined;
  const byKind = new Map<PullKind, RowWrite[]>(ORDER.map((k) => [k, []]));
  let rows = 0;
  for await (const line of lines) {
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw cut('a line is not JSON');
    }
    const parsed = PullLineShape.safeParse(value);
    if (!parsed.success) throw cut('a line has the wrong shape');
    const l = parsed.data;
    if (end) throw cut('lines after the end');
    if (l.t === 'begin') {
      if (begin) throw cut('two beginnings');
      begin = l;
      continue;
    }
    if (l.t === 'end') {
      end = l;
      continue;
    }
    if (!begin) throw cut('rows before the beginning');
    rows++;
    if (!isKind(l.kind)) {
      // A newer HQ may publish kinds this counter does not know yet: skipped, not fatal.
      log.warn('sync.pull.unknown_kind', { kind: l.kind.slice(0, 40) });
      continue;
    }
    try {
      byKind.get(l.kind)?.push(writers[l.kind].prepare(l.doc));
    } catch (err) {
      throw new HqRequestError(
        'protocol',
        'BAD_DOCUMENT',
        `总部下发的 ${l.kind} ${l.key.slice(0, 40)} 格式不对，本页未写入：${err instanceof Error ? err.message.slice(0, 200) : String(err)}`,
      );
    }
    if (rows % ROWS_PER_TURN === 0) await yieldTurn();
  }
  if (!begin || !end) throw cut('the page has no end');
  if (end.rows !== rows) throw cut(`${rows} rows of ${end.rows}`);
  return { begin, writes: ORDER.flatMap((k) => byKind.get(k) ?? []), rows, end };
}

/** One page read and checked on this thread (the bench's "before"; the pull worker does this off the UI's path). */
export function fetchPage(
  client: HqClient,
  cursor: string,
  limit: number,
  count: boolean,
  yieldTurn: () => Promise<void>,
  log: CoreContext['log'],
): Promise<Page> {
  return readPage(client.pullLines(cursor, limit, count), log, yieldTurn);
}

/**
 * Writes a page and moves the cursor in one transaction: a page is all in or not at
 * all, and a retry resumes from the last page written. IMMEDIATE: the write lock is taken
 * before the first read, so the counter's other connection cannot slip a commit in between.
 */
export function applyPage(ctx: CoreContext, reg: PageScope, page: Page): void {
  ctx.store.db
    .transaction(() => {
      for (const write of page.writes) write(ctx, reg);
      ctx.store.stmt('UPDATE sync_state SET cursor = ?, pulled_rows = pulled_rows + ? WHERE id = 1').run(page.end.cursor, page.rows);
    })
    .immediate();
}
