import type { ApiResult } from '../../../shared/contract/errors';
import type { CustomerCard } from '../../../shared/customers/contract';
import { api } from '../api/client';

/** How the clerk looks a customer up: a full number (typed or scanned), its last 4 digits, or ID last 4 with the name. */
export type LookupMode = 'phone' | 'last4' | 'id';
export const lookupModes: readonly LookupMode[] = ['phone', 'last4', 'id'];

export interface LookupDraft {
  mode: LookupMode;
  phone: string;
  last4: string;
  idLast4: string;
  name: string;
}

export const emptyLookup: LookupDraft = { mode: 'phone', phone: '', last4: '', idLast4: '', name: '' };

/** What was searched, kept for the "not found" sentence and the walk-in form's phone. */
export type Lookup = { by: 'phone'; phone: string } | { by: 'phoneLast4'; last4: string } | { by: 'idLast4'; idLast4: string; name: string };

export type LookupField = 'phone' | 'last4' | 'idLast4' | 'name';
export type LookupCheck = { ok: true; lookup: Lookup } | { ok: false; field: LookupField; problem: string };

const PHONE = /^1[3-9]\d{9}$/;

/**
 * Checks what was typed before asking the core. In the phone field 4 digits are taken as
 * the last 4 (the quickest way at the counter); a scanner's 11 digits are the full number.
 */
export function checkLookup(draft: LookupDraft): LookupCheck {
  if (draft.mode === 'phone') {
    const phone = draft.phone.replace(/[\s-]/g, '');
    if (/^\d{4}$/.test(phone)) return { ok: true, lookup: { by: 'phoneLast4', last4: phone } };
    if (phone === '') return { ok: false, field: 'phone', problem: 'customer.check.needPhone' };
    if (!PHONE.test(phone)) return { ok: false, field: 'phone', problem: 'customer.check.badPhone' };
    return { ok: true, lookup: { by: 'phone', phone } };
  }
  if (draft.mode === 'last4') {
    const last4 = draft.last4.trim();
    return /^\d{4}$/.test(last4) ? { ok: true, lookup: { by: 'phoneLast4', last4 } } : { ok: false, field: 'last4', problem: 'customer.check.badLast4' };
  }
  const idLast4 = draft.idLast4.trim().toUpperCase();
  if (!/^\d{3}[\dX]$/.test(idLast4)) return { ok: false, field: 'idLast4', problem: 'customer.check.badIdLast4' };
  const name = draft.name.trim();
  if (name === '') return { ok: false, field: 'name', problem: 'customer.check.needName' };
  return { ok: true, lookup: { by: 'idLast4', idLast4, name } };
}

export function findCustomers(lookup: Lookup): Promise<ApiResult<{ customers: CustomerCard[] }>> {
  return api.call['customer.find'](lookup);
}
