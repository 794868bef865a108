/**
 * Slip data is masked when the business commits, but free text reaches a slip too (a
 * void reason a manager typed, a term copied from a campaign). Every human-written text
 * on a slip passes through this last guard. Codes that must stay whole — slip number,
 * voucher codes, equipment serials — do not: masking them would break them.
 */
const PHONE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;

export function redactForSlip(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(PHONE, '$1****$2');
}

/** Whole mobile numbers and 18-character ID numbers in a text: what a slip must never show. */
export function fullNumbersIn(text: string): string[] {
  // matchAll copies the regex, so the shared /g patterns keep no state between calls.
  return [...text.matchAll(ID_NUMBER), ...text.matchAll(PHONE)].map((match) => match[0]);
}
