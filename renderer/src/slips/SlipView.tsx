import { paperGeometry, type Paper } from '../../../shared/slips/paper';
import { maskFullNumbers } from '../../../shared/privacy/redact';
import type { SlipData } from '../../../shared/slips/slip';
import { slipTime } from './format';
import { SlipBarcode } from './SlipBarcode';
import { Bi, Fact, Label, Section, SlipLines, SlipMarks, SlipPoints, SlipSchedule, SlipVouchers } from './SlipParts';
import './slip.css';

export interface SlipViewProps {
  slip: SlipData;
  paper: Paper;
  /** 0 for the original; n prints 补打 n. */
  reprintCount: number;
  printedAt?: string | undefined;
  printedBy?: string | undefined;
  voidedBy?: string | null | undefined;
  /** A specimen (the settings preview): marked 样张 so it is never taken for a real slip. */
  sample?: boolean;
}

/**
 * The one slip renderer: the same SlipData drawn for a 58 mm or 80 mm roll or an A4
 * sheet. All sizes are in millimetres and points, so the screen preview, the print
 * page and the PDF are one layout.
 */
export function SlipView({ slip, paper, reprintCount, printedAt, printedBy, voidedBy, sample }: SlipViewProps) {
  const geometry = paperGeometry[paper];
  return (
    <article className={`slip slip--p${paper}`} data-testid="slip" data-slip-no={slip.slipNo} data-paper={paper}>
      <SlipMarks
        kind={slip.kind}
        pendingHq={slip.pendingHq}
        reprintCount={reprintCount}
        printedAt={printedAt}
        printedBy={printedBy}
        voidedBy={voidedBy}
        sample={sample}
      />
      <header className="slip__head">
        <div className="slip__hall">{slip.hall.name}</div>
        <h1 className="slip__title">
          <Bi zh={maskFullNumbers(slip.title)} en={slip.titleEn} />
        </h1>
      </header>

      <dl className="slip__facts">
        <Fact label="slipNo" code>
          {slip.slipNo}
        </Fact>
        <Fact label="hall">{slip.hall.code}</Fact>
        <Fact label="counter">
          {slip.counter.name} ({slip.counter.code})
        </Fact>
        <Fact label="clerk">
          {slip.clerk.name} ({slip.clerk.staffNo})
        </Fact>
        <Fact label="time">{slipTime(slip.issuedAt)}</Fact>
        {slip.customer ? (
          <Fact label="customer" testId="slip-customer">
            {maskFullNumbers(slip.customer.nameMasked)} {maskFullNumbers(slip.customer.phoneMasked)}
          </Fact>
        ) : null}
      </dl>

      {slip.voids ? (
        <Section label="voidDetails" testId="slip-voids">
          <dl className="slip__facts">
            <Fact label="voids" code>
              {slip.voids.slipNo}
            </Fact>
            <Fact label="voidReason">{maskFullNumbers(slip.voids.reason)}</Fact>
            <Fact label="approvedBy">{maskFullNumbers(slip.voids.approvedBy)}</Fact>
          </dl>
        </Section>
      ) : null}

      <SlipLines label="given" lines={slip.given} testId="slip-given" />
      <SlipLines label="taken" lines={slip.taken} testId="slip-taken" />
      {slip.points ? <SlipPoints points={slip.points} /> : null}
      {slip.schedule ? <SlipSchedule schedule={slip.schedule} /> : null}
      <SlipVouchers vouchers={slip.vouchers} qrModuleMm={geometry.qr.moduleMm} />

      {slip.terms.length > 0 ? (
        <Section label="terms" testId="slip-terms">
          <ol className="slip__terms">
            {slip.terms.map((term, index) => (
              <li key={index}>{maskFullNumbers(term)}</li>
            ))}
          </ol>
        </Section>
      ) : null}

      <div className="slip__signature">
        <Label name="signature" />
        <span className="slip__signature-line" />
      </div>

      <SlipBarcode value={slip.slipNo} geometry={geometry.barcode} />
      <p className="slip__keep">
        <Label name="keep" />
      </p>
    </article>
  );
}
