import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BenefitSpec, Campaign, CampaignEvaluation, EnrolmentOptions, Rule, type CampaignKind } from '../../../shared/campaigns';
import { demo, evaluate, existing, walkIn, type Scenario } from './fixtures';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/campaigns.md'), 'utf8');
const blocks = [...doc.matchAll(/```json([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ label: (m[1] ?? '').trim(), text: m[2] ?? '' }));
const schemas: Record<string, z.ZodType> = { campaign: Campaign, evaluation: CampaignEvaluation, options: EnrolmentOptions, rule: Rule, benefit: BenefitSpec };

// The documented evaluations are real engine output for these scenarios.
const documented: Record<string, { kind: CampaignKind; scenario: Scenario }> = {
  'ZY2026-ITV-TRIAL': {
    kind: 'trial',
    scenario: {
      customer: existing({ broadband: { itvCapable: true, hasItv: false, communityUpgraded: false, productKind: 'brand_bundle', planCode: 'e9-99', newInstall: false } }),
      options: { equipmentSerials: { 'STB-ITV': ['STB2026110001'], 'MODEM-E8B': ['E8B2026110007'] }, oldModemSerial: 'MD-STD-5521' },
    },
  },
  'ZY2026-PREPAY-BONUS': { kind: 'prepay_bonus', scenario: { customer: walkIn(), options: { prepayFen: 120000, useBonusForGift: true } } },
  'ZY2026-REBINDING': {
    kind: 'rebinding',
    scenario: {
      customer: existing({ contract: { kind: 'deposit_bonus', start: '2024-12-01', end: '2026-12-31', amountFen: 120000, spentFen: 84000, remainingFen: 36000 } }),
      options: { prepayFen: 50000 },
    },
  },
  'ZY2026-SIGNUP-TV': { kind: 'signup_gift', scenario: { customer: existing(), options: {}, context: { stockOnHand: { 'TV-32': 0 } } } },
};

describe('docs/campaigns.md', () => {
  it('labels every JSON example with the schema it follows', () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(Object.keys(schemas), b.text.slice(0, 80)).toContain(b.label);
  });

  it.each(blocks.map((b, i) => [i, b.label, b.text] as const))('example %i (%s) parses with its schema', (_i, label, text) => {
    const schema = schemas[label];
    if (!schema) throw new Error(`unknown label ${label}`);
    const parsed = schema.safeParse(JSON.parse(text));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('shows each kind once, exactly as its demo file', () => {
    const campaigns = blocks.filter((b) => b.label === 'campaign').map((b) => Campaign.parse(JSON.parse(b.text)));
    expect(campaigns.map((c) => c.kind).sort()).toEqual(
      ['signup_gift', 'prepay_bonus', 'referral', 'upgrade_gift', 'spend_threshold', 'lottery', 'trial', 'rebinding', 'tenure_discount', 'upgrade_points'].sort(),
    );
    for (const c of campaigns) expect(c).toEqual(demo(c.kind));
  });

  it('shows evaluations the engine really gives', () => {
    const evaluations = blocks.filter((b) => b.label === 'evaluation').map((b) => CampaignEvaluation.parse(JSON.parse(b.text)));
    expect(evaluations.length).toBe(Object.keys(documented).length);
    for (const e of evaluations) {
      const source = documented[e.campaignId];
      if (!source) throw new Error(`no scenario for the documented ${e.campaignId}`);
      expect(evaluate(source.kind, source.scenario)).toEqual(e);
    }
  });
});
