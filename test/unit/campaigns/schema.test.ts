import { describe, expect, it } from 'vitest';
import {
  Campaign,
  campaignKinds,
  campaignPlanChoices,
  campaignProblems,
  EnrolmentOptions,
  exclusionProblems,
  PlanCatalogue,
  Rule,
} from '../../../shared/campaigns';
import { demo, demoCampaignFiles, demoCampaigns, evaluate, HALL, plans, readJson, TODAY } from './fixtures';

describe('the demo campaigns', () => {
  it('are ten files, one per kind, each named after its kind', () => {
    expect(demoCampaignFiles).toHaveLength(10);
    expect(demoCampaigns.map((c) => c.kind).sort()).toEqual([...campaignKinds].sort());
    for (const [i, file] of demoCampaignFiles.entries()) expect(file).toBe(`${demoCampaigns[i]?.kind}.json`);
    expect(new Set(demoCampaigns.map((c) => c.id)).size).toBe(10);
  });

  it('run on the demo day in the demo hall', () => {
    for (const c of demoCampaigns) {
      expect(c.validFrom <= TODAY && TODAY <= c.validTo).toBe(true);
      expect(c.halls === 'all' || c.halls.includes(HALL)).toBe(true);
    }
  });

  it('declare every option they use, name only catalogued plans and exclude each other symmetrically', () => {
    for (const c of demoCampaigns) expect(campaignProblems(c, plans), c.id).toEqual([]);
    expect(exclusionProblems(demoCampaigns)).toEqual([]);
  });

  it('let the clerk pick from the designated plans', () => {
    expect(campaignPlanChoices(demo('signup_gift'))).toContain('GOTONE-128');
    expect(campaignPlanChoices(demo('tenure_discount'))).toBeNull();
  });
});

describe('the plan catalogue', () => {
  it('has both brands and the broadband plans with family and level', () => {
    expect(new Set(plans.flatMap((p) => (p.category === 'mobile' ? [p.brand] : [])))).toEqual(new Set(['premium', 'standard']));
    const broadband = Object.fromEntries(plans.flatMap((p) => (p.category === 'broadband' ? [[p.code, [p.family, p.level, p.includesItv]]] : [])));
    expect(broadband).toMatchObject({
      'e8-68': ['e8', 68, false],
      'e8-88': ['e8', 88, false],
      'e9-79': ['e9', 79, false],
      'e9-99': ['e9', 99, false],
      'e9-139': ['e9', 139, true],
      'e9-169': ['e9', 169, true],
    });
  });

  it('refuses a plan listed twice', () => {
    const raw = readJson('resources/demo/plans.json') as { version: number; plans: unknown[] };
    expect(PlanCatalogue.safeParse({ ...raw, plans: [...raw.plans, raw.plans[0]] }).success).toBe(false);
  });
});

describe('the campaign schema', () => {
  const base = readJson('resources/demo/campaigns/signup_gift.json') as Record<string, unknown>;
  const refused = (changes: Record<string, unknown>) => Campaign.safeParse({ ...base, ...changes }).success === false;

  it('fills in the optional parts', () => {
    const minimal = { ...base };
    delete minimal.options;
    delete minimal.exclusiveWith;
    delete minimal.slipTerms;
    const parsed = Campaign.parse({ ...minimal, limits: {} });
    expect(parsed).toMatchObject({ options: [], exclusiveWith: [], slipTerms: [], limits: { perCustomer: null, perPeriod: null, totalQuota: null } });
  });

  it('refuses inconsistent campaigns', () => {
    expect(refused({ validFrom: '2027-04-01' })).toBe(true); // ends before it starts
    expect(refused({ exclusiveWith: ['ZY2026-SIGNUP-TV'] })).toBe(true); // excludes itself
    expect(refused({ kind: 'flash_sale' })).toBe(true);
    expect(refused({ halls: [] })).toBe(true);
    expect(refused({ benefits: [] })).toBe(true);
    expect(refused({ options: [{ option: 'prepayFen', required: true }, { option: 'prepayFen', required: false }] })).toBe(true);
    expect(refused({ options: [{ option: 'giftColour', required: true }] })).toBe(true);
    expect(refused({ surprise: true })).toBe(true);
    expect(refused({ benefits: [{ type: 'gift_purchase', sku: 'TV-32', name: 'x', quantity: 1, unitPriceFen: 100, offsetFrom: 'bonus' }] })).toBe(true);
    expect(
      refused({
        benefits: [
          { type: 'spend_deduction', tiers: [{ minSpendFen: 50000, deductionFen: 6000 }, { minSpendFen: 30000, deductionFen: 3000 }] },
        ],
      }),
    ).toBe(true); // tiers out of order
    expect(refused({ benefits: [{ type: 'gift', sku: 'TV-32', name: 'x', quantity: 1, unitValueFen: 12.5 }] })).toBe(true); // fen are whole
  });

  it('parses nested rules and refuses unknown or degenerate ones', () => {
    const nested = { rule: 'all_of', rules: [{ rule: 'any_of', rules: [{ rule: 'brand_in', brands: ['premium'] }, { rule: 'arpu_at_least', fen: 12000 }] }] };
    expect(Rule.safeParse(nested).success).toBe(true);
    expect(Rule.safeParse({ rule: 'any_of', rules: [{ rule: 'not_churned' }] }).success).toBe(false);
    expect(Rule.safeParse({ rule: 'vip_only' }).success).toBe(false);
    expect(Rule.safeParse({ rule: 'tenure', unit: 'weeks', min: 1 }).success).toBe(false);
    expect(Rule.safeParse({ rule: 'not_churned', extra: 1 }).success).toBe(false);
  });

  it('refuses options the counter does not know', () => {
    expect(EnrolmentOptions.safeParse({ chosenPlanCode: 'STD-129', prepayFen: 100 }).success).toBe(true);
    expect(EnrolmentOptions.safeParse({ prepayFen: 1.5 }).success).toBe(false);
    expect(EnrolmentOptions.safeParse({ referrerPhone: '12345' }).success).toBe(false);
    expect(EnrolmentOptions.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

describe('campaign checks beyond the schema', () => {
  it('finds options used but not asked for and plans not in the catalogue', () => {
    const c = Campaign.parse({
      ...demo('signup_gift'),
      options: [],
      eligibility: { rule: 'chosen_plan_in', planCodes: ['STD-999'] },
    });
    expect(campaignProblems(c, plans)).toEqual(['option chosenPlanCode is used but not declared in options', 'plan STD-999 is not in the plan catalogue']);
  });

  it('finds exclusions declared on one side only', () => {
    const one = Campaign.parse({ ...demo('lottery'), exclusiveWith: ['ZY2026-REFERRAL'] });
    expect(exclusionProblems([one, demo('referral')])).toEqual(['ZY2026-LOTTERY excludes ZY2026-REFERRAL but ZY2026-REFERRAL does not exclude ZY2026-LOTTERY']);
  });

  it('keeps behaviour in the data: relabelling the kind changes nothing', () => {
    const relabelled = Campaign.parse({ ...demo('signup_gift'), kind: 'lottery' });
    const a = evaluate('signup_gift', { options: { chosenPlanCode: 'STD-129' } });
    const b = evaluate('signup_gift', { campaign: relabelled, options: { chosenPlanCode: 'STD-129' } });
    expect({ ...b, kind: a.kind }).toEqual(a);
  });
});
