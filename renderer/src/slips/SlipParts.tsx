import type { ReactNode } from 'react';
import { formatYuan } from '../../../shared/money/fen';
import { maskFullNumbers } from '../../../shared/privacy/redact';
import type { SlipData, SlipLine } from '../../../shared/slips/slip';
import { formatPoints, lineFigures, slipTime } from './format';
import { slipLabels, slipMarks, type SlipLabel } from './labels';
import { SlipQr } from './SlipQr';

/** Chinese, then the English smaller: the order of every label on a slip. */
export function Bi({ zh, en }: { zh: string; en?: string | undefined }) {
  return (
    <>
      {zh}
      {en ? <span className="slip__en"> {en}</span> : null}
    </>
  );
}

export function Label({ name }: { name: SlipLabel }) {
  const [zh, en] = slipLabels[name];
  return <Bi zh={zh} en={en} />;
}

/** One labelled fact; a value too long for the line moves under its label rather than squeezing it. */
export function Fact({ label, children, code, testId }: { label: SlipLabel; children: ReactNode; code?: boolean; testId?: string }) {
  return (
    <div className="slip__fact" data-testid={testId}>
      <dt>
        <Label name={label} />
      </dt>
      <dd className={code ? 'slip__code' : undefined}>{children}</dd>
    </div>
  );
}

export function Section({ label, children, testId }: { label: SlipLabel; children: ReactNode; testId?: string }) {
  return (
    <section className="slip__section" data-testid={testId}>
      <h2 className="slip__section-title">
        <Label name={label} />
      </h2>
      {children}
    </section>
  );
}

export interface SlipMarkInput {
  kind: SlipData['kind'];
  pendingHq: boolean;
  reprintCount: number;
  printedAt?: string | undefined;
  printedBy?: string | undefined;
  voidedBy?: string | null | undefined;
  sample?: boolean | undefined;
}

/** The marks that change what the paper means, at the top where nobody can miss them. */
export function SlipMarks(input: SlipMarkInput) {
  const marks: { key: string; zh: string; en: string; detail?: string }[] = [];
  if (input.sample) marks.push({ key: 'sample', zh: slipMarks.sample[0], en: slipMarks.sample[1] });
  if (input.kind === 'void') marks.push({ key: 'void', zh: slipMarks.void[0], en: slipMarks.void[1] });
  if (input.voidedBy) {
    marks.push({ key: 'voided', zh: slipMarks.voided[0], en: slipMarks.voided[1], detail: `作废单 Void slip ${input.voidedBy}` });
  }
  if (input.reprintCount > 0) {
    const when = [input.printedAt ? slipTime(input.printedAt) : '', input.printedBy ? `营业员 Clerk ${input.printedBy}` : '']
      .filter(Boolean)
      .join(' · ');
    marks.push({
      key: 'reprint',
      zh: `${slipMarks.reprint[0]} 第${input.reprintCount}次`,
      en: `${slipMarks.reprint[1]} #${input.reprintCount}`,
      ...(when ? { detail: when } : {}),
    });
  }
  if (input.pendingHq) marks.push({ key: 'pending-hq', zh: slipMarks.pendingHq[0], en: slipMarks.pendingHq[1] });
  if (marks.length === 0) return null;
  return (
    <div className="slip__marks">
      {marks.map((mark) => (
        <div key={mark.key} className={`slip__mark slip__mark--${mark.key}`} data-testid={`slip-mark-${mark.key}`}>
          <div className="slip__mark-text">
            {mark.zh} <span className="slip__mark-en">{mark.en}</span>
          </div>
          {mark.detail ? <div className="slip__mark-detail">{mark.detail}</div> : null}
        </div>
      ))}
    </div>
  );
}

export function SlipLines({ label, lines, testId }: { label: SlipLabel; lines: readonly SlipLine[]; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <Section label={label} testId={testId}>
      <ul className="slip__lines">
        {lines.map((line, index) => (
          <li key={index} className="slip__line">
            <span className="slip__line-label">
              <Bi zh={maskFullNumbers(line.label)} en={line.labelEn ? maskFullNumbers(line.labelEn) : undefined} />
              {line.serial ? (
                <span className="slip__line-serial">
                  {slipLabels.serial[0]} {slipLabels.serial[1]}: {line.serial}
                </span>
              ) : null}
            </span>
            <span className="slip__line-figures">{lineFigures(line).join(' ')}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function SlipPoints({ points }: { points: NonNullable<SlipData['points']> }) {
  return (
    <Section label="points" testId="slip-points">
      <dl className="slip__facts slip__facts--points">
        <Fact label="pointsBefore">{formatPoints(points.before)}</Fact>
        <Fact label="pointsAfter">
          <strong>{formatPoints(points.after)}</strong>
        </Fact>
      </dl>
    </Section>
  );
}

export function SlipSchedule({ schedule }: { schedule: NonNullable<SlipData['schedule']> }) {
  if (schedule.length === 0) return null;
  const total = schedule.reduce((sum, row) => sum + row.amountFen, 0);
  return (
    <Section label="schedule" testId="slip-schedule">
      <table className="slip__table">
        <thead>
          <tr>
            <th>
              <Label name="month" />
            </th>
            <th className="slip__num">
              <Label name="amount" />
            </th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((row) => (
            <tr key={row.month}>
              <td>{row.month}</td>
              <td className="slip__num">{formatYuan(row.amountFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>合计 Total</td>
            <td className="slip__num">{formatYuan(total)}</td>
          </tr>
        </tfoot>
      </table>
    </Section>
  );
}

export function SlipVouchers({ vouchers, qrModuleMm }: { vouchers: SlipData['vouchers']; qrModuleMm: number }) {
  if (vouchers.length === 0) return null;
  return (
    <Section label="vouchers" testId="slip-vouchers">
      {vouchers.map((voucher) => (
        <div key={voucher.code} className="slip__voucher" data-testid="slip-voucher">
          <SlipQr payload={voucher.qrPayload} moduleMm={qrModuleMm} label={`${voucher.name} ${voucher.code}`} />
          <div className="slip__voucher-text">
            <div className="slip__voucher-name">{maskFullNumbers(voucher.name)}</div>
            <div>
              <Label name="voucherCode" />
            </div>
            <div className="slip__code">{voucher.code}</div>
            <div>
              <Label name="validUntil" /> {voucher.validUntil}
            </div>
          </div>
        </div>
      ))}
    </Section>
  );
}
