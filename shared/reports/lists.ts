import { z } from 'zod';
import { IsoDate, IsoMonth } from '../calendar/dates';
import { method } from '../contract/define';
import { FollowUpStatus, TrialStatus } from '../enrolment/views';

const Limit = z.number().int().min(1).max(500).default(200);
const MaskedCustomer = z.object({ customerId: z.number().int().positive(), nameMasked: z.string(), phoneMasked: z.string() });

export const TrialCallKind = z.enum(['trial_usage_call', 'trial_expiry_notice']);
export type TrialCallKind = z.infer<typeof TrialCallKind>;

/** One call of the month-1 (usage) or month-3 (expiry) list, with the trial it is about. */
export const TrialCall = z.object({
  followUpId: z.number().int().positive(),
  kind: TrialCallKind,
  dueOn: IsoDate,
  overdue: z.boolean(),
  status: FollowUpStatus,
  outcome: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  customer: MaskedCustomer,
  enrolmentNo: z.string(),
  packageName: z.string(),
  broadbandPlan: z.string().nullable(),
  trialStatus: TrialStatus,
  enrolledOn: IsoDate,
  /** Null until the installer's completion is confirmed. */
  completionOn: IsoDate.nullable(),
  freeUntil: IsoDate.nullable(),
  conversionOn: IsoDate.nullable(),
  monthlyFeeFen: z.number().int().nonnegative(),
  staffNo: z.string(),
});
export type TrialCall = z.infer<typeof TrialCall>;

export const RecoveryUnit = z.object({ sku: z.string(), name: z.string(), serial: z.string(), status: z.enum(['lent', 'recovery_open', 'recovered', 'kept']) });

/** An equipment-recovery order (回收单) with the units it brings back. */
export const RecoveryListLine = z.object({
  orderId: z.number().int().positive(),
  status: z.enum(['open', 'done']),
  enrolmentNo: z.string().nullable(),
  customer: MaskedCustomer,
  openedOn: IsoDate,
  dueOn: IsoDate,
  closedOn: IsoDate.nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int().nonnegative(),
  freeUntil: IsoDate.nullable(),
  /** The month whose fee is waived if the units come back after the last free day (seed 002); null when none would be. */
  waiverMonthIfLate: IsoMonth.nullable(),
  units: z.array(RecoveryUnit),
  returnSerial: z.string().nullable(),
  followUpId: z.number().int().positive().nullable(),
});
export type RecoveryListLine = z.infer<typeof RecoveryListLine>;

export const ReferralCreditStatus = z.enum(['due', 'credited', 'cancelled']);

/** A referral (老带新) credit: the referrer's by its working day, the new customer's with a bill. */
export const ReferralCreditLine = z.object({
  creditId: z.number().int().positive(),
  status: ReferralCreditStatus,
  enrolmentNo: z.string(),
  enrolledOn: IsoDate,
  referrer: MaskedCustomer,
  referee: MaskedCustomer,
  referrerFen: z.number().int().nonnegative(),
  referrerDueBy: IsoDate,
  overdue: z.boolean(),
  refereeFen: z.number().int().nonnegative(),
  refereeBillMonth: IsoMonth,
  /** The task that closes the credit (followup.complete marks it credited); null when the referrer gets nothing. */
  followUp: z
    .object({ id: z.number().int().positive(), status: FollowUpStatus, outcome: z.string().nullable(), doneBy: z.string().nullable(), doneAt: z.string().nullable() })
    .nullable(),
  staffNo: z.string(),
});
export type ReferralCreditLine = z.infer<typeof ReferralCreditLine>;

export const listMethods = {
  'lists.trialCalls': method({
    summary:
      "The iTV trial call list of one kind — month 1 usage calls (trial_usage_call) or month 3 expiry notices (trial_expiry_notice) — open ones first, soonest due first, each with its trial's package, broadband plan, dates, fee and status; customers masked. Close a call with followup.complete.",
    role: 'clerk',
    input: z
      .object({ kind: TrialCallKind, status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'), dueTo: IsoDate.optional(), limit: Limit })
      .strict(),
    output: z.object({ today: IsoDate, calls: z.array(TrialCall) }),
    errors: [],
    example: { kind: 'trial_usage_call', status: 'open', dueTo: '2026-12-31', limit: 200 },
  }),
  'lists.recoveries': method({
    summary:
      'Equipment-recovery orders (设备回收): open ones first, soonest due first, overdue ones flagged with their days overdue, each with the serials to bring back, the trial it ends and the month whose fee is waived if the units come back after the last free day; customers masked. Complete one with recovery.complete.',
    role: 'clerk',
    input: z.object({ status: z.enum(['open', 'done', 'all']).default('open'), limit: Limit }).strict(),
    output: z.object({
      today: IsoDate,
      orders: z.array(RecoveryListLine),
      summary: z.object({ open: z.number().int().nonnegative(), overdue: z.number().int().nonnegative() }),
    }),
    errors: [],
    example: { status: 'open', limit: 200 },
  }),
  'lists.referralCredits': method({
    summary:
      'Referral credits (推荐奖励): what each referrer is owed and by which working day, and the new customer’s bill credit, due ones first, soonest first, overdue flagged, with the task that marks the credit seen on the account; customers masked.',
    role: 'clerk',
    input: z.object({ status: z.enum(['due', 'credited', 'cancelled', 'all']).default('due'), limit: Limit }).strict(),
    output: z.object({
      today: IsoDate,
      credits: z.array(ReferralCreditLine),
      totals: z.object({ due: z.number().int().nonnegative(), dueFen: z.number().int().nonnegative() }),
    }),
    errors: [],
    example: { status: 'due', limit: 200 },
  }),
};
