import { z } from 'zod';
import { method } from '../contract/define';

export const StaffNo = z.string().regex(/^[A-Za-z0-9]{1,16}$/, '工号为1-16位字母或数字');
export const Pin = z.string().regex(/^\d{6}$/, 'PIN 为6位数字');
export const StaffRole = z.enum(['clerk', 'manager']);

export const StaffView = z.object({
  id: z.number().int().positive(),
  staffNo: StaffNo,
  name: z.string(),
  role: StaffRole,
});
export type StaffView = z.infer<typeof StaffView>;

export const StaffAccount = StaffView.extend({
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
});

/** A manager's staff number and PIN, typed at the counter to approve a clerk's void or correction. */
export const Approval = z.object({ staffNo: StaffNo, pin: Pin }).strict();
export type Approval = z.infer<typeof Approval>;

const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

export const sessionMethods = {
  'session.login': method({
    summary:
      'Log in at this counter with a staff number and PIN. Five wrong PINs lock the account for five minutes. A disabled account answers ACCOUNT_DISABLED only to its right PIN; otherwise it answers like an unknown staff number.',
    role: 'none',
    input: z.object({ staffNo: StaffNo, pin: Pin }).strict(),
    output: z.object({ token: z.string(), staff: StaffView, expiresAt: z.string() }),
    errors: ['WRONG_PIN', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED'],
    example: { staffNo: '1001', pin: '111111' },
  }),
  'session.logout': method({
    summary: 'End this session.',
    role: 'clerk',
    whileLocked: true,
    input: Empty,
    output: Done,
    errors: [],
    example: {},
  }),
  'session.current': method({
    summary: 'Who is logged in here, and whether the screen is locked.',
    role: 'clerk',
    whileLocked: true,
    input: Empty,
    output: z.object({ staff: StaffView, locked: z.boolean(), expiresAt: z.string() }),
    errors: [],
    example: {},
  }),
  'session.lock': method({
    summary: 'Lock the counter screen; only the same staff PIN (or logout) reopens it.',
    role: 'clerk',
    input: Empty,
    output: Done,
    errors: [],
    example: {},
  }),
  'session.unlock': method({
    summary: "Unlock the screen with the logged-in staff member's PIN. Wrong PINs count towards the account lock.",
    role: 'clerk',
    whileLocked: true,
    input: z.object({ pin: Pin }).strict(),
    output: z.object({ staff: StaffView }),
    errors: ['WRONG_PIN', 'ACCOUNT_LOCKED'],
    example: { pin: '111111' },
  }),
};

export const staffMethods = {
  'staff.list': method({
    summary: "The hall's staff accounts with their lock state.",
    role: 'manager',
    input: Empty,
    output: z.object({ staff: z.array(StaffAccount) }),
    errors: [],
    example: {},
  }),
  'staff.create': method({
    summary: 'Create a clerk or manager account with an initial PIN.',
    role: 'manager',
    input: z.object({ staffNo: StaffNo, name: z.string().trim().min(1).max(32), role: StaffRole, pin: Pin }).strict(),
    output: z.object({ staff: StaffView }),
    errors: ['CONFLICT'],
    example: { staffNo: '1003', name: '李娜', role: 'clerk', pin: '333333' },
  }),
  'staff.resetPin': method({
    summary: "Set a new PIN for an account and lift its lock (the manager's answer to a forgotten PIN).",
    role: 'manager',
    input: z.object({ staffNo: StaffNo, pin: Pin }).strict(),
    output: Done,
    errors: ['NOT_FOUND'],
    example: { staffNo: '1001', pin: '123456' },
  }),
  'staff.setActive': method({
    summary:
      "Disable or re-enable an account. Disabling ends the account's sessions at this counter and refuses its logins. A manager cannot disable themself, and the hall's last active manager cannot be disabled (CONFLICT, details.reason 'self' or 'last_manager'). Setting the state it already has changes nothing.",
    role: 'manager',
    input: z.object({ staffNo: StaffNo, active: z.boolean() }).strict(),
    output: z.object({ staff: StaffAccount }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { staffNo: '1002', active: false },
  }),
};
