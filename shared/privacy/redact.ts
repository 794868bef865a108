/**
 * Mainland mobile numbers (11 digits) and resident ID numbers (18 characters) must never be
 * kept whole outside the one field that needs them: not in logs, not in the audit trail, not on
 * a slip. Free text is where they slip through (a void reason, a note naming the customer), so
 * every such door passes text through here. The boundaries are letters and digits, so codes that
 * merely contain digits (slip numbers, serials, voucher codes) are left alone.
 */
const PHONE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;

export function maskFullNumbers(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(PHONE, '$1****$2');
}

/** Whole mobile numbers and 18-character ID numbers in a text: what must never be kept. */
export function fullNumbersIn(text: string): string[] {
  // matchAll copies the regex, so the shared /g patterns keep no state between calls.
  return [...text.matchAll(ID_NUMBER), ...text.matchAll(PHONE)].map((match) => match[0]);
}
