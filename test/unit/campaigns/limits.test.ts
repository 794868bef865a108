import { describe, expect, it } from 'vitest';
import { CampaignEvaluation, evaluateCampaign, reasonCategories, reasonCodes } from '../../../shared/campaigns';
import { codes, context, demo, demoCampaigns, evaluate, existing, HALL, TODAY, walkIn } from './fixtures';

const signup = { customer: walkIn(), options: { chosenPlanCode: 'STD-129' } };

describe('validity window and halls', () => {
  it('opens on validFrom and closes after validTo, both days included', () => {
    expect(evaluate('signup_gift', { ...signup, today: '2026-10-01' }).eligible).toBe(true);
    expect(evaluate('signup_gift', { ...signup, today: '2027-03-31' }).eligible).toBe(true);
    const early = evaluate('signup_gift', { ...signup, today: '2026-09-30' });
    expect(codes(early)).toEqual(['CAMPAIGN_NOT_STARTED']);
    expect(early.reasons[0]?.values).toEqual({ expected: '2026-10-01', actual: '2026-09-30' });
    expect(codes(evaluate('signup_gift', { ...signup, today: '2027-04-01' }))).toEqual(['CAMPAIGN_ENDED']);
  });

  it('accepts any hall when the campaign targets all', () => {
    expect(evaluate('signup_gift', { ...signup, hallCode: 'GY-YY-009' }).eligible).toBe(true);
  });
});

describe('limits', () => {
  it('counts this campaign’s enrolments of the customer, not other campaigns’', () => {
    const other = { pastEnrolments: [{ campaignId: 'ZY2026-LOTTERY', enrolledOn: '2026-11-01' }] };
    expect(evaluate('signup_gift', { ...signup, context: other }).eligible).toBe(true);
    const same = { pastEnrolments: [{ campaignId: 'ZY2026-SIGNUP-TV', enrolledOn: '2026-10-12' }] };
    const e = evaluate('signup_gift', { ...signup, context: same });
    expect(codes(e)).toEqual(['PER_CUSTOMER_LIMIT_REACHED']);
    expect(e.reasons[0]).toMatchObject({ category: 'limit', values: { expected: 1, actual: 1 } });
  });

  it('closes when the quota is used up, not one before', () => {
    expect(evaluate('signup_gift', { ...signup, context: { campaignEnrolmentCount: 199 } }).eligible).toBe(true);
    const e = evaluate('signup_gift', { ...signup, context: { campaignEnrolmentCount: 200 } });
    expect(codes(e)).toEqual(['QUOTA_EXHAUSTED']);
    expect(e.reasons[0]?.text).toBe('活动名额已满（共200名）。');
  });

  it('refuses exclusive campaigns in both directions', () => {
    expect(codes(evaluate('signup_gift', { ...signup, context: { activeCampaignIds: ['ZY2026-PREPAY-BONUS', 'ZY2026-LOTTERY'] } }))).toEqual([
      'EXCLUSIVE_CAMPAIGN_ACTIVE',
    ]);
    const e = evaluate('prepay_bonus', { customer: walkIn(), options: { prepayFen: 60000 }, context: { activeCampaignIds: ['ZY2026-SIGNUP-TV'] } });
    expect(codes(e)).toEqual(['EXCLUSIVE_CAMPAIGN_ACTIVE']);
    expect(e.reasons[0]?.values.actual).toBe('ZY2026-SIGNUP-TV');
  });
});

describe('every refusal is reported, with its reason', () => {
  it('lists all failures at once and gives no benefit', () => {
    const e = evaluate('signup_gift', {
      customer: existing({ churned: true }),
      today: '2027-04-02',
      hallCode: 'ZY-HC-009',
      options: {},
      context: {
        campaignEnrolmentCount: 200,
        pastEnrolments: [{ campaignId: 'ZY2026-SIGNUP-TV', enrolledOn: '2026-12-01' }],
        activeCampaignIds: ['ZY2026-PREPAY-BONUS'],
        stockOnHand: { 'TV-32': 0 },
      },
    });
    expect(e.eligible).toBe(false);
    expect(e.benefits).toEqual([]);
    expect(codes(e)).toEqual([
      'CAMPAIGN_ENDED',
      'PER_CUSTOMER_LIMIT_REACHED',
      'QUOTA_EXHAUSTED',
      'EXCLUSIVE_CAMPAIGN_ACTIVE',
      'OPTION_MISSING',
      'CUSTOMER_KIND_MISMATCH',
      'GIFT_OUT_OF_STOCK',
    ]);
    // The signup campaign targets every hall, so the hall is fine; another that names halls says so too.
    const upgrade = evaluate('upgrade_gift', { customer: walkIn(), hallCode: 'ZY-HC-009', today: '2026-09-01', options: { chosenPlanCode: 'STD-19' } });
    expect(codes(upgrade)).toEqual([
      'CAMPAIGN_NOT_STARTED',
      'HALL_NOT_TARGETED',
      'CUSTOMER_KIND_MISMATCH',
      'TENURE_TOO_SHORT',
      'CHOSEN_PLAN_NOT_ALLOWED',
      'CHOSEN_PLAN_NOT_HIGHER',
    ]);
  });

  it('gives every reason a known code, its category, Chinese text and values', () => {
    const results = demoCampaigns.flatMap((campaign) =>
      [existing({ churned: true, kind: 'new' }), walkIn({ brand: 'premium' })].map((customer) =>
        evaluateCampaign({ campaign, customer, today: '2027-06-01', hallCode: 'XX-00', options: {}, context: context({ stockOnHand: {} }) }),
      ),
    );
    for (const e of results) {
      expect(e.eligible).toBe(false);
      expect(e.reasons.length).toBeGreaterThan(1);
      for (const r of e.reasons) {
        expect(reasonCodes).toContain(r.code);
        expect(r.code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
        expect(r.category).toBe(reasonCategories[r.code]);
        expect(r.text).toMatch(/[\u4e00-\u9fff]/);
        expect(r.values).toHaveProperty('expected');
        expect(r.values).toHaveProperty('actual');
      }
      expect(CampaignEvaluation.safeParse(e).success).toBe(true);
    }
  });
});

describe('purity', () => {
  it('answers the same for the same input and changes nothing it was given', () => {
    const input = {
      campaign: demo('rebinding'),
      customer: existing({ contract: { kind: 'deposit_bonus' as const, start: '2024-12-01', end: '2026-11-30', amountFen: 120000, spentFen: 84000, remainingFen: 36000 } }),
      today: TODAY,
      hallCode: HALL,
      options: { prepayFen: 50000 },
      context: context(),
    };
    const before = structuredClone(input);
    const first = evaluateCampaign(input);
    expect(evaluateCampaign(input)).toEqual(first);
    expect(input).toEqual(before);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});
