import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { method } from '../contract/define';
import { SlipData } from '../slips/slip';
import { Serial } from '../stock/schemas';
import { EnrolmentNo, RecoveryOrderView, TrialStatus, TrialView } from './views';

const Note = z.string().trim().min(1).max(200);

export const TrialChange = z.object({
  enrolmentNo: z.string(),
  from: TrialStatus,
  to: TrialStatus,
  feeWaiverMonth: z.string().nullable(),
});

export const trialMethods = {
  'trial.list': method({
    summary:
      'iTV trials at this counter (the trial register), optionally by status, with their dates, lent equipment by serial and open recovery order; customer phone masked.',
    role: 'clerk',
    input: z.object({ status: TrialStatus.optional(), limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.object({ trials: z.array(TrialView) }),
    errors: [],
    example: { status: 'active', limit: 200 },
  }),
  'trial.confirmInstall': method({
    summary:
      "Record the installer's completion day (竣工): the free period, conversion day and term are recomputed from it (completion month plus the full months after it), the follow-up calls rescheduled, the install task closed, and the customer's old modem, if one comes back, received into stock.",
    role: 'clerk',
    input: z.object({ enrolmentNo: EnrolmentNo, completionOn: IsoDate, oldModemSerial: Serial.optional() }).strict(),
    output: z.object({ trial: TrialView }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { enrolmentNo: 'ZY-HC-001-01-EN20261121-0001', completionOn: '2026-11-23', oldModemSerial: 'MDSTD5521' },
  }),
  'trial.cancel': method({
    summary:
      "The customer cancels the trial (注销): a recovery order for the lent set-top box and e8-b modem opens with a due date and an equipment-recovery follow-up; the pending calls are cancelled; a cancellation slip is printed. The cancellation takes effect when the equipment is back (recovery.complete); one asked for by the last free day that takes effect after it waives the next month's fee.",
    role: 'clerk',
    input: z.object({ enrolmentNo: EnrolmentNo, note: Note.optional() }).strict(),
    output: z.object({ trial: TrialView, recovery: RecoveryOrderView.nullable(), slipNo: z.string(), slip: SlipData }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { enrolmentNo: 'ZY-HC-001-01-EN20261121-0001', note: '客户表示看电视少，不再使用' },
  }),
  'recovery.complete': method({
    summary:
      "The lent units of a recovery order are back: every serial of the order is scanned and returns to stock (recovered), the ordinary modem handed to the customer in exchange is issued, the order is done and the trial's cancellation takes effect (with the fee waiver if it missed the expiry month).",
    role: 'clerk',
    input: z
      .object({
        orderId: z.number().int().positive(),
        serials: z.array(Serial).min(1).max(20),
        ordinaryModemSerial: Serial.optional(),
      })
      .strict(),
    output: z.object({ trial: TrialView, recovery: RecoveryOrderView }),
    errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_STOCK'],
    example: { orderId: 1, serials: ['STB2026000101', 'E8B2026000201'], ordinaryModemSerial: 'STD2026000301' },
  }),
  'trial.advance': method({
    summary:
      "Apply today's date to every trial (also run at start-up and daily): active trials past their free period convert to the paid package, cancellations whose equipment is back close, and a cancellation asked for in time that missed the expiry month gets the next month's fee waived. Each change is its own transaction with an event and an audit entry.",
    role: 'manager',
    input: z.object({}).strict(),
    output: z.object({ today: z.string(), changes: z.array(TrialChange) }),
    errors: [],
    example: {},
  }),
};
