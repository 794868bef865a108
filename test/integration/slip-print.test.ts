import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, loginAs } from '../support/core';
import { FakeSlipPrinter, openSlipCounter, REDEMPTION_SLIP_NO, redemptionSlip, type SlipCounter, VOID_SLIP_NO, voidSlip } from '../support/slips';

let printer: FakeSlipPrinter;
let counter: SlipCounter;

beforeEach(() => {
  printer = new FakeSlipPrinter();
  counter = openSlipCounter(printer);
  counter.record(redemptionSlip());
});
afterEach(() => counter.close());

function auditOf(subject: string): { action: string; actor: string; details: Record<string, unknown> }[] {
  const rows = counter.core.ctx.store.db
    .prepare('SELECT action, actor, details FROM audit_log WHERE subject = ? ORDER BY seq')
    .all(subject) as { action: string; actor: string; details: string }[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

function printRows(slipNo: string): { copy_no: number; reprint: number; paper: string; staff_no: string }[] {
  return counter.core.ctx.store.db
    .prepare('SELECT copy_no, reprint, paper, staff_no FROM slip_print WHERE slip_no = ? ORDER BY id')
    .all(slipNo) as { copy_no: number; reprint: number; paper: string; staff_no: string }[];
}

describe('slip.print', () => {
  it('prints the original, then a reprint counted 1; each is recorded, audited and kept as its own PDF', async () => {
    const clerk = await loginAs(counter.client(), '1001');

    const first = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(first).toMatchObject({ printed: true, device: 'printer', reprintCount: 0, printCount: 1, paper: '80', copies: 1 });
    expect(first.pdfFile).toBe(`${REDEMPTION_SLIP_NO}.pdf`);
    expect(first.pdfPath).toBe(join(counter.dir, 'slips', first.pdfFile));
    expect(readFileSync(first.pdfPath, 'utf8')).toContain('reprint 0');
    expect(printer.requests[0]).toMatchObject({ reprintCount: 0, paper: '80', copies: 1, silent: false, printedBy: '1001', voidedBy: null });
    expect(printer.requests[0]?.slip).toEqual(redemptionSlip());
    expect(printRows(REDEMPTION_SLIP_NO)).toEqual([{ copy_no: 1, reprint: 0, paper: '80', staff_no: '1001' }]);

    const second = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(second).toMatchObject({ printed: true, reprintCount: 1, printCount: 2, pdfFile: `${REDEMPTION_SLIP_NO}-reprint-1.pdf` });
    expect(printer.requests[1]?.reprintCount).toBe(1);
    expect(existsSync(first.pdfPath) && existsSync(second.pdfPath)).toBe(true);
    expect(printRows(REDEMPTION_SLIP_NO).map((r) => r.reprint)).toEqual([0, 1]);

    expect(auditOf(REDEMPTION_SLIP_NO)).toMatchObject([
      { action: 'slip.print', actor: 'staff:1001', details: { reprintCount: 0, pdf: first.pdfFile } },
      { action: 'slip.reprint', actor: 'staff:1001', details: { reprintCount: 1, pdf: second.pdfFile } },
    ]);

    const got = expectOk(await clerk.call['slip.get']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(got.printCount).toBe(2);
    expect(got.prints.map((p) => p.reprint)).toEqual([false, true]);
    expect(got.slip).toEqual(redemptionSlip());
  });

  it('never prints two originals: two prints of one slip at once become the original and reprint 1', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    let release = (): void => undefined;
    printer.gate = new Promise((resolve) => {
      release = resolve;
    });
    const both = Promise.all([clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }), clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO })]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const [a, b] = (await both).map(expectOk);
    expect([a?.reprintCount, b?.reprintCount]).toEqual([0, 1]);
    expect(printer.requests.map((r) => r.reprintCount)).toEqual([0, 1]);
  });

  it('refuses an automatic print of a slip already printed, so auto-print can never make a reprint', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO, auto: true }));
    const again = await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO, auto: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(printer.requests).toHaveLength(1);
    expect(expectOk(await clerk.call['slip.get']({ slipNo: REDEMPTION_SLIP_NO })).printCount).toBe(1);
  });

  it('does not count a print the printer refused, audits it, keeps its PDF, and the next try is still the original', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    printer.device = { status: 'failed', reason: 'Printer is out of paper' };
    const refused = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(refused).toMatchObject({ printed: false, device: 'failed', failure: 'Printer is out of paper', printCount: 0, reprintCount: 0 });
    expect(existsSync(refused.pdfPath)).toBe(true);
    expect(printRows(REDEMPTION_SLIP_NO)).toEqual([]);
    expect(auditOf(REDEMPTION_SLIP_NO).map((a) => a.action)).toEqual(['slip.print_failed']);

    printer.device = { status: 'printer' };
    const retry = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(retry).toMatchObject({ printed: true, reprintCount: 0, printCount: 1 });
  });

  it('answers NOT_FOUND for an unknown slip and VALIDATION for a slip number that could be a path', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    expect(await clerk.call['slip.get']({ slipNo: 'ZY-HC-001-20261121-01-9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clerk.call['slip.print']({ slipNo: 'ZY-HC-001-20261121-01-9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clerk.call['slip.print']({ slipNo: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(printer.requests).toEqual([]);
  });

  it('prints the VOIDED mark on a later copy of a slip a void reversed', async () => {
    counter.record(voidSlip());
    const clerk = await loginAs(counter.client(), '1001');
    expect(expectOk(await clerk.call['slip.get']({ slipNo: REDEMPTION_SLIP_NO })).voidedBySlip).toBe(VOID_SLIP_NO);
    expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(printer.requests[0]?.voidedBy).toBe(VOID_SLIP_NO);
  });
});

describe('printing settings', () => {
  const valid = { printerName: 'XP-80C', paper: '58', copies: 2, autoPrint: false } as const;

  it('are read by a clerk, changed only by a manager, validated, and audited', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    expect(expectOk(await clerk.call['settings.get']({}))).toEqual({
      printing: { printerName: '', paper: '80', copies: 1, autoPrint: true },
      printers: ['XP-80C', 'Microsoft Print to PDF'],
    });
    expect(await clerk.call['settings.setPrinting'](valid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const manager = await loginAs(counter.client(), '8001');
    for (const bad of [
      { ...valid, copies: 4 },
      { ...valid, copies: 0 },
      { ...valid, paper: '76' },
      { ...valid, printerName: 'XP\u0007' },
      { ...valid, printerName: 'x'.repeat(129) },
      { ...valid, autoPrint: 'yes' },
    ]) {
      const refused = await manager.call['settings.setPrinting'](bad as unknown as typeof valid);
      expect(refused, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(expectOk(await clerk.call['settings.get']({})).printing.paper).toBe('80');

    expect(expectOk(await manager.call['settings.setPrinting'](valid))).toEqual({ printing: valid });
    expect(expectOk(await clerk.call['settings.get']({})).printing).toEqual(valid);
    expect(auditOf('printing')).toMatchObject([{ action: 'settings.printing', actor: 'staff:8001', details: { after: valid } }]);
  });

  it('are what the next print uses: paper, copies, the named printer, silently', async () => {
    const manager = await loginAs(counter.client(), '8001');
    expectOk(await manager.call['settings.setPrinting'](valid));
    const clerk = await loginAs(counter.client(), '1001');
    expect(expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }))).toMatchObject({ paper: '58', copies: 2 });
    expect(printer.requests[0]).toMatchObject({ paper: '58', copies: 2, printerName: 'XP-80C', silent: true });
    expect(printRows(REDEMPTION_SLIP_NO).map((r) => [r.copy_no, r.paper])).toEqual([
      [1, '58'],
      [2, '58'],
    ]);
    expect(expectOk(await clerk.call['slip.get']({ slipNo: REDEMPTION_SLIP_NO })).prints).toMatchObject([
      { copies: 2, reprint: false, paper: '58', staffNo: '1001' },
    ]);
  });
});

describe('slip.list', () => {
  it('pages through the counter’s slips newest first, by kind and by Shanghai day, with print counts and voids', async () => {
    counter.record(voidSlip());
    counter.record(redemptionSlip({ slipNo: 'ZY-HC-001-20261120-01-0001', issuedAt: '2026-11-20T15:59:00.000Z' }));
    const clerk = await loginAs(counter.client(), '1001');
    expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));

    const all = expectOk(await clerk.call['slip.list']({}));
    // After the demo hall's own two: its iTV trial's enrolment and cancellation slips (docs/demo.md).
    const demoSlips = ['ZY-HC-001-20261112-01-0001', 'ZY-HC-001-20261021-01-0001'];
    expect(all.total).toBe(5);
    expect(all.slips.map((s) => s.slipNo)).toEqual([VOID_SLIP_NO, REDEMPTION_SLIP_NO, 'ZY-HC-001-20261120-01-0001', ...demoSlips]);
    expect(all.slips[1]).toMatchObject({ kind: 'redemption', title: '积分兑换单', printCount: 1, voidedBySlip: VOID_SLIP_NO, customerPhoneMasked: '138****5678' });

    // 2026-11-20T15:59Z is 23:59 on the 20th in Shanghai.
    const day = expectOk(await clerk.call['slip.list']({ day: '2026-11-21' }));
    expect(day.slips.map((s) => s.slipNo)).toEqual([VOID_SLIP_NO, REDEMPTION_SLIP_NO]);
    expect(expectOk(await clerk.call['slip.list']({ kind: 'void' })).slips.map((s) => s.slipNo)).toEqual([VOID_SLIP_NO]);

    const page2 = expectOk(await clerk.call['slip.list']({ limit: 2, offset: 2 }));
    expect(page2).toMatchObject({
      total: 5,
      slips: [expect.objectContaining({ slipNo: 'ZY-HC-001-20261120-01-0001' }), expect.objectContaining({ slipNo: demoSlips[0] })],
    });
    expect(await clerk.call['slip.list']({ day: '2026-13-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
