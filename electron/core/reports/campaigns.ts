import { campaignKinds, type CampaignKind } from '../../../shared/campaigns/schema';
import type { CampaignLine } from '../../../shared/reports/summary';
import type { CoreContext } from '../context';
import { currentCampaigns } from '../enrolment/reference';
import { readDevice } from '../system/device';
import type { PeriodBounds } from './range';

interface EnrolledRow {
  campaign_id: string;
  name: string;
  name_en: string | null;
  kind: CampaignKind;
  enrolments: number;
  pays: number;
}

// What the customer paid is the payment benefit stored on the enrolment (shared/campaigns/result).
// The name and kind are the latest version's, so a campaign withdrawn since still reads by name.
const ENROLLED_SQL = `
  SELECT e.campaign_id, c.name, json_extract(c.definition, '$.nameEn') AS name_en, c.kind, COUNT(*) AS enrolments,
         COALESCE(SUM((SELECT json_extract(b.value, '$.customerPaysFen') FROM json_each(e.benefits) b
                        WHERE json_extract(b.value, '$.type') = 'payment')), 0) AS pays
  FROM enrolment e
  JOIN campaign c ON c.id = e.campaign_id AND c.version = (SELECT MAX(v.version) FROM campaign v WHERE v.id = e.campaign_id)
  WHERE e.enrolled_on BETWEEN @from AND @to
  GROUP BY e.campaign_id`;

/**
 * Enrolments by campaign: every campaign this hall offered on some day of the period
 * (with 0 when nobody joined, which is news too), and any other that was enrolled.
 * Busiest first, then in the order of the ten kinds.
 */
export function campaignLines(ctx: CoreContext, period: PeriodBounds): CampaignLine[] {
  const enrolled = new Map(
    (ctx.store.stmt(ENROLLED_SQL).all({ from: period.from, to: period.to }) as EnrolledRow[]).map((r) => [r.campaign_id, r]),
  );
  const hallCode = readDevice(ctx)?.hallCode ?? '';
  const offered = currentCampaigns(ctx).filter(
    (c) => c.validFrom <= period.to && c.validTo >= period.from && (c.halls === 'all' || c.halls.includes(hallCode)),
  );
  const lines = new Map<string, CampaignLine>();
  for (const c of offered) lines.set(c.id, { campaignId: c.id, name: c.name, nameEn: c.nameEn ?? null, kind: c.kind, enrolments: 0, customerPaysFen: 0 });
  for (const r of enrolled.values()) {
    lines.set(r.campaign_id, {
      campaignId: r.campaign_id,
      name: r.name,
      nameEn: r.name_en,
      kind: r.kind,
      enrolments: r.enrolments,
      customerPaysFen: r.pays,
    });
  }
  const rank = (line: CampaignLine) => campaignKinds.indexOf(line.kind);
  return [...lines.values()].sort((a, b) => b.enrolments - a.enrolments || rank(a) - rank(b) || (a.campaignId < b.campaignId ? -1 : 1));
}
