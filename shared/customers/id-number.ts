/**
 * Mainland resident ID numbers (GB 11643): 17 digits and a check character computed
 * from them. Checking it catches most typing slips at the counter before anything is stored.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] ?? '';
}

export function isValidIdNumber(idNumber: string): boolean {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}
