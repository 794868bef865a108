import { describe, expect, it } from 'vitest';
import { trialDates, trialFeeWaiver, type TrialSpec } from '../../../shared/campaigns';
import type { BroadbandLine } from '../../../shared/customers/snapshot';
import { codes, demo, evaluate, existing, only } from './fixtures';

const line = (overrides: Partial<BroadbandLine> = {}): BroadbandLine => ({
  itvCapable: true,
  hasItv: false,
  communityUpgraded: false,
  productKind: 'brand_bundle',
  planCode: 'e9-99',
  newInstall: false,
  ...overrides,
});
const serials = { equipmentSerials: { 'STB-ITV': ['STB2026110001'], 'MODEM-E8B': ['E8B2026110007'] } };
const terms = demo('trial').benefits.find((b): b is TrialSpec => b.type === 'trial') as TrialSpec;

describe('iTV trial eligibility 体验营销', () => {
  it('takes an existing e9-99 line: lends the box and the e8-b modem, takes the old modem back', () => {
    const e = evaluate('trial', { customer: existing({ broadband: line() }), options: { ...serials, oldModemSerial: 'STD-OLD-1' } });
    expect(e.eligible).toBe(true);
    expect(e.benefits).toEqual([
      {
        type: 'trial',
        packageName: 'iTV全能包',
        completionOn: '2026-11-21',
        freeUntil: '2027-01-31',
        conversionOn: '2027-02-01',
        termEndsOn: '2029-01-31',
        monthlyFeeFen: 3500,
        termMonths: 24,
        lend: [
          { sku: 'STB-ITV', name: 'iTV机顶盒', serial: 'STB2026110001' },
          { sku: 'MODEM-E8B', name: 'e8-b光猫', serial: 'E8B2026110007' },
        ],
        recoverOldModem: true,
        oldModemSerial: 'STD-OLD-1',
        installBy: '2026-11-28',
        followUps: [
          { kind: 'trial_usage_call', dueOn: '2026-12-05' },
          { kind: 'trial_expiry_notice', dueOn: '2027-01-17' },
        ],
      },
    ]);
  });

  it('takes any line in an upgraded community, and new yearly or bundle installs (no modem to recover)', () => {
    expect(evaluate('trial', { customer: existing({ broadband: line({ planCode: 'e8-48', communityUpgraded: true }) }), options: serials }).eligible).toBe(true);
    const fresh = evaluate('trial', { customer: existing({ broadband: line({ planCode: 'e8-48', newInstall: true, productKind: 'yearly' }) }), options: serials });
    expect(fresh.eligible).toBe(true);
    expect(only(fresh, 'trial')[0]).toMatchObject({ recoverOldModem: false, oldModemSerial: null });
  });

  it.each(['e9-139', 'e9-169'])('excludes %s, which already includes iTV, even in an upgraded community', (planCode) => {
    const e = evaluate('trial', { customer: existing({ broadband: line({ planCode, communityUpgraded: true }) }), options: serials });
    expect(codes(e)).toEqual(['BROADBAND_PLAN_EXCLUDED']);
    expect(e.reasons[0]?.text).toContain('套餐已含 iTV');
  });

  it('says why each way in failed for a low plan on a single-product line', () => {
    const e = evaluate('trial', { customer: existing({ broadband: line({ planCode: 'e8-48', productKind: 'single_monthly' }) }), options: serials });
    expect(codes(e)).toEqual(['NONE_OF_ALTERNATIVES']);
    expect(e.reasons[0]?.values.actual).toEqual([['BROADBAND_COMMUNITY_NOT_UPGRADED'], ['BROADBAND_PLAN_TOO_LOW'], ['BROADBAND_INSTALL_MISMATCH', 'BROADBAND_PRODUCT_NOT_ALLOWED']]);
    expect(e.reasons[0]?.alternatives).toHaveLength(3);
  });

  it('refuses a new single-product monthly install', () => {
    const e = evaluate('trial', { customer: existing({ broadband: line({ planCode: 'e8-68', newInstall: true, productKind: 'single_monthly' }) }), options: serials });
    expect(codes(e)).toEqual(['NONE_OF_ALTERNATIVES']);
  });

  it('reports a line that has iTV already and cannot carry it, both', () => {
    const e = evaluate('trial', { customer: existing({ broadband: line({ itvCapable: false, hasItv: true }) }), options: serials });
    expect(codes(e)).toEqual(['BROADBAND_NOT_ITV_CAPABLE', 'BROADBAND_HAS_ITV']);
    expect(e.reasons[0]?.text).toContain('联系装维中心');
  });

  it('says once that there is no broadband line', () => {
    expect(codes(evaluate('trial', { customer: existing(), options: serials }))).toEqual(['NO_BROADBAND']);
  });

  it('refuses a line whose plan is not in the catalogue', () => {
    expect(codes(evaluate('trial', { customer: existing({ broadband: line({ planCode: 'e7-10' }) }), options: serials }))).toContain('BROADBAND_PLAN_UNKNOWN');
  });
});

describe('iTV trial equipment', () => {
  const customer = existing({ broadband: line() });

  it('asks for each serial it lends, by SKU', () => {
    const e = evaluate('trial', { customer, options: {} });
    expect(e.reasons.map((r) => [r.code, r.values.expected])).toEqual([
      ['OPTION_MISSING', 'equipmentSerials.STB-ITV'],
      ['OPTION_MISSING', 'equipmentSerials.MODEM-E8B'],
    ]);
    expect(e.reasons[0]?.text).toBe('请扫描或录入借用设备串号：iTV机顶盒（STB-ITV）。');
  });

  it('refuses two serials for one box, and a repeated serial', () => {
    const two = evaluate('trial', { customer, options: { equipmentSerials: { 'STB-ITV': ['A', 'B'], 'MODEM-E8B': ['C'] } } });
    expect(codes(two)).toEqual(['OPTION_INVALID']);
  });

  it('refuses equipment the hall does not have', () => {
    const e = evaluate('trial', { customer, options: serials, context: { stockOnHand: { 'STB-ITV': 0, 'MODEM-E8B': 2 } } });
    expect(codes(e)).toEqual(['EQUIPMENT_OUT_OF_STOCK']);
    expect(e.reasons[0]?.category).toBe('stock');
  });

  it('refuses a serial that is not on hand when the hall’s serials are known', () => {
    const e = evaluate('trial', { customer, options: serials, context: { serialsOnHand: { 'STB-ITV': ['STB2026110001'], 'MODEM-E8B': ['E8B-OTHER'] } } });
    expect(codes(e)).toEqual(['SERIAL_NOT_ON_HAND']);
    expect(e.reasons[0]?.values.actual).toBe('E8B2026110007');
  });

  it('accepts a planned completion within the 7-day install window only', () => {
    expect(evaluate('trial', { customer, options: { ...serials, completionOn: '2026-11-28' } }).eligible).toBe(true);
    expect(codes(evaluate('trial', { customer, options: { ...serials, completionOn: '2026-11-29' } }))).toEqual(['OPTION_INVALID']);
    expect(codes(evaluate('trial', { customer, options: { ...serials, completionOn: '2026-11-20' } }))).toEqual(['OPTION_INVALID']);
  });

  it('runs only in its two halls and within its quota', () => {
    expect(evaluate('trial', { customer, options: serials, hallCode: 'ZY-HC-002' }).eligible).toBe(true);
    expect(codes(evaluate('trial', { customer, options: serials, hallCode: 'ZY-HC-003' }))).toEqual(['HALL_NOT_TARGETED']);
    expect(codes(evaluate('trial', { customer, options: serials, context: { campaignEnrolmentCount: 300 } }))).toEqual(['QUOTA_EXHAUSTED']);
  });
});

describe('trial dates', () => {
  it.each([
    ['2026-11-01', '2027-01-31', '2027-02-01'],
    ['2026-11-30', '2027-01-31', '2027-02-01'], // last day of November: the completion month counts whole
    ['2026-12-01', '2027-02-28', '2027-03-01'],
    ['2026-12-31', '2027-02-28', '2027-03-01'], // last day of the year
    ['2026-10-31', '2026-12-31', '2027-01-01'], // converts on New Year's Day
    ['2027-12-15', '2028-02-29', '2028-03-01'], // leap February
    ['2027-01-31', '2027-03-31', '2027-04-01'],
  ])('completed %s: free until %s, converts %s', (completionOn, freeUntil, conversionOn) => {
    const d = trialDates(completionOn, terms);
    expect(d).toMatchObject({ completionOn, freeUntil, conversionOn });
  });

  it('runs the 24-month term from conversion and schedules the two calls', () => {
    const d = trialDates('2026-12-31', terms);
    expect(d.termEndsOn).toBe('2029-02-28');
    expect(d.followUps).toEqual([
      { kind: 'trial_usage_call', dueOn: '2027-01-14' },
      { kind: 'trial_expiry_notice', dueOn: '2027-02-14' },
    ]);
  });

  it('completes on the last day of November when enrolled on the 24th', () => {
    const e = evaluate('trial', { today: '2026-11-24', customer: existing({ broadband: line() }), options: { ...serials, completionOn: '2026-11-30' } });
    expect(only(e, 'trial')[0]).toMatchObject({ installBy: '2026-12-01', completionOn: '2026-11-30', freeUntil: '2027-01-31' });
  });

  it('completes on New Year’s Eve when enrolled on 26 December', () => {
    const e = evaluate('trial', { today: '2026-12-26', customer: existing({ broadband: line() }), options: { ...serials, completionOn: '2026-12-31' } });
    expect(only(e, 'trial')[0]).toMatchObject({ installBy: '2027-01-02', freeUntil: '2027-02-28', conversionOn: '2027-03-01', termEndsOn: '2029-02-28' });
  });
});

describe('trial cancellation fee waiver', () => {
  const trial = { freeUntil: '2027-01-31' };

  it('waives the next month when a cancellation asked for in time takes effect after expiry', () => {
    expect(trialFeeWaiver(trial, { requestedOn: '2027-01-25', effectiveOn: '2027-02-03' })).toEqual({ waived: true, waivedMonth: '2027-02' });
    expect(trialFeeWaiver(trial, { requestedOn: '2027-01-31', effectiveOn: '2027-02-01' })).toEqual({ waived: true, waivedMonth: '2027-02' });
  });

  it('waives only that one month however late the cancellation lands', () => {
    expect(trialFeeWaiver(trial, { requestedOn: '2027-01-10', effectiveOn: '2027-03-05' })).toEqual({ waived: true, waivedMonth: '2027-02' });
  });

  it('waives nothing when the cancellation takes effect within the trial', () => {
    expect(trialFeeWaiver(trial, { requestedOn: '2027-01-20', effectiveOn: '2027-01-31' })).toEqual({ waived: false, waivedMonth: null });
  });

  it('waives nothing when the customer asks after the trial has converted', () => {
    expect(trialFeeWaiver(trial, { requestedOn: '2027-02-02', effectiveOn: '2027-02-05' })).toEqual({ waived: false, waivedMonth: null });
  });

  it('waives January after a December expiry (year end)', () => {
    expect(trialFeeWaiver({ freeUntil: '2026-12-31' }, { requestedOn: '2026-12-30', effectiveOn: '2027-01-04' })).toEqual({ waived: true, waivedMonth: '2027-01' });
  });
});
