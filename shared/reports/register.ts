import { z } from 'zod';
import { IsoDate, IsoMonth } from '../calendar/dates';
import { method } from '../contract/define';
import { TrialStatus } from '../enrolment/views';

/** One lent unit as the register lists it. */
export const RegisterEquipment = z.object({
  sku: z.string(),
  name: z.string(),
  serial: z.string(),
  status: z.enum(['lent', 'recovery_open', 'recovered', 'kept']),
});

/**
 * One line of the weekly trial register (ITV 体验用户登记表, seed 002) as billing needs it.
 * The completion, free-period and conversion dates are null until the installer's
 * completion is confirmed: planned dates are not billing facts.
 */
export const TrialRegisterRow = z.object({
  enrolmentNo: z.string(),
  customerName: z.string(),
  phoneMasked: z.string(),
  /** The broadband plan on the customer's snapshot at enrolment (e8-48, e9-99…). */
  broadbandPlan: z.string().nullable(),
  packageName: z.string(),
  enrolledOn: IsoDate,
  installBy: IsoDate,
  completionOn: IsoDate.nullable(),
  freeUntil: IsoDate.nullable(),
  conversionOn: IsoDate.nullable(),
  monthlyFeeFen: z.number().int().nonnegative(),
  termMonths: z.number().int().positive(),
  equipment: z.array(RegisterEquipment),
  /** The customer's ordinary modem taken back at install (existing lines), if any. */
  oldModemSerial: z.string().nullable(),
  status: TrialStatus,
  /** The status in Chinese: the register goes to billing in Chinese whatever the screen's language. */
  statusLabel: z.string(),
  cancelRequestedOn: IsoDate.nullable(),
  feeWaiverMonth: IsoMonth.nullable(),
  staffNo: z.string(),
  staffName: z.string().nullable(),
  /** Why the trial is on this week's register: enrolled in it, installed in it, or both. */
  enrolledThisWeek: z.boolean(),
  installedThisWeek: z.boolean(),
});
export type TrialRegisterRow = z.infer<typeof TrialRegisterRow>;

export const TrialRegister = z.object({
  hall: z.object({ code: z.string(), name: z.string() }),
  weekStart: IsoDate,
  weekEnd: IsoDate,
  today: IsoDate,
  rows: z.array(TrialRegisterRow),
});
export type TrialRegister = z.infer<typeof TrialRegister>;

export const registerMethods = {
  'report.trialRegister': method({
    summary:
      'The weekly iTV trial register (体验用户登记表) for the billing centre: every trial enrolled at this counter, or whose installation was completed, in the Monday–Sunday week of the given day (default: last week), in enrolment order, with the customer (phone masked), broadband plan, enrolment, completion, free-until and conversion dates, monthly fee, lent serials, status and clerk.',
    role: 'clerk',
    input: z.object({ weekOf: IsoDate.optional() }).strict(),
    output: TrialRegister,
    errors: [],
    example: { weekOf: '2026-11-16' },
  }),
};
