import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayCalendar } from '../../../shared/calendar';
import { Campaign, CampaignEvaluation, evaluateCampaign, PlanCatalogue, type CampaignKind, type EnrolmentOptions, type EvaluationContext } from '../../../shared/campaigns';
import type { CustomerSnapshot } from '../../../shared/customers/snapshot';

const root = join(import.meta.dirname, '../../..');
export const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** The demo "today" of tests and demos, and the demo hall. */
export const TODAY = '2026-11-21';
export const HALL = 'ZY-HC-001';

export const calendar = HolidayCalendar.parse(readJson('resources/calendar/holidays.json'));
export const plans = PlanCatalogue.parse(readJson('resources/demo/plans.json')).plans;

export const demoCampaignFiles = readdirSync(join(root, 'resources/demo/campaigns')).filter((f) => f.endsWith('.json'));
export const demoCampaigns = demoCampaignFiles.map((f) => Campaign.parse(readJson(`resources/demo/campaigns/${f}`)));

export function demo(kind: CampaignKind): Campaign {
  const found = demoCampaigns.find((c) => c.kind === kind);
  if (!found) throw new Error(`no demo campaign of kind ${kind}`);
  return found;
}

const base: CustomerSnapshot = {
  phone: '13800001234',
  name: '李明',
  idHash: 'a'.repeat(64),
  idLast4: '123X',
  kind: 'existing',
  brand: 'standard',
  planCode: 'STD-59',
  planTier: 3,
  tenureStart: '2020-05-10',
  arpuFen: 13500,
  monthlyMinutes: 320,
  contract: null,
  broadband: null,
  birthday: null,
  valueSegment: 'valuable',
  retentionBase: false,
  churned: false,
  pointsLots: [],
  snapshotVersion: 7,
  snapshotAt: '2026-11-20T18:00:00+08:00',
};

export function existing(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return { ...base, ...overrides };
}

/** A walk-in joining the network today: no history, on the entry plan until the new one starts. */
export function walkIn(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return { ...base, phone: '13900005678', name: '王芳', kind: 'new', planCode: 'STD-19', planTier: 1, tenureStart: TODAY, arpuFen: 0, monthlyMinutes: 0, ...overrides };
}

export const stock = { 'TV-32': 5, 'TV-43': 3, 'SPK-01': 10, 'STB-ITV': 4, 'MODEM-E8B': 4, 'MODEM-STD': 6 };

export function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return {
    plans,
    referrer: null,
    calendar,
    pastEnrolments: [],
    campaignEnrolmentCount: 0,
    activeCampaignIds: [],
    stockOnHand: { ...stock },
    ...overrides,
  };
}

export interface Scenario {
  customer?: CustomerSnapshot;
  options?: EnrolmentOptions;
  context?: Partial<EvaluationContext>;
  today?: string;
  hallCode?: string;
  campaign?: Campaign;
}

/** Evaluates a demo campaign; every answer must itself match the published result schema. */
export function evaluate(kind: CampaignKind, s: Scenario = {}): CampaignEvaluation {
  return evaluateAndCheck({
    campaign: s.campaign ?? demo(kind),
    customer: s.customer ?? existing(),
    today: s.today ?? TODAY,
    hallCode: s.hallCode ?? HALL,
    options: s.options ?? {},
    context: context(s.context),
  });
}

function evaluateAndCheck(input: Parameters<typeof evaluateCampaign>[0]): CampaignEvaluation {
  const result = evaluateCampaign(input);
  CampaignEvaluation.parse(result);
  return result;
}

/** A copy of a demo campaign with some fields changed, validated like one from HQ. */
export function variant(kind: CampaignKind, changes: Record<string, unknown>): Campaign {
  return Campaign.parse({ ...demo(kind), ...changes });
}

export const codes = (e: CampaignEvaluation): string[] => e.reasons.map((r) => r.code);
export function only<T extends CampaignEvaluation['benefits'][number]['type']>(e: CampaignEvaluation, type: T) {
  return e.benefits.filter((b): b is Extract<CampaignEvaluation['benefits'][number], { type: T }> => b.type === type);
}
