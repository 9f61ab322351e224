import { daysInMonth, isDate } from './dates';

/**
 * Check-digit validators for identifiers on a customer card. Written independently of the demo
 * data's generators so that tests of one catch mistakes in the other. In common (not node) so the
 * customer form shows the server's ID-number message under the field before the round trip.
 */

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits + check character (0-9 or X, ISO 7064 MOD 11-2), a
 * plausible region (first digit 1–8), and a real birthday not before 1900 (and, when `today` is
 * given as 'YYYY-MM-DD', not after it).
 */
export function isValidIdNumber(id: string, today?: string): boolean {
  if (typeof id !== 'string' || !/^[1-8]\d{16}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > daysInMonth(y, m)) return false;
  if (today !== undefined && `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return false;
  // Weight of position i (1-based from the left) is 2^(18-i) mod 11.
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const weight = 2 ** (17 - i) % 11;
    sum += Number(id[i]) * weight;
  }
  const check = (12 - (sum % 11)) % 11;
  const expected = check === 10 ? 'X' : String(check);
  return id[17]!.toUpperCase() === expected;
}

/** The gender an ID number encodes: its 17th digit is odd for men, even for women. */
export function genderOfIdNumber(id: string): 'male' | 'female' | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Birthday 'YYYY-MM-DD' from an 18-digit ID number (no validation). */
export function birthdayOfIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * VIN (ISO 3779; GB 16735 in China): 17 characters from 0-9 and A-Z without I, O, Q, and the check
 * digit at position 9 (North-American scheme: transliterate, weight, sum mod 11, 10 = 'X').
 */
export function isValidVin(vin: string): boolean {
  if (typeof vin !== 'string' || !/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const v = ch >= '0' && ch <= '9' ? Number(ch) : values[letters.indexOf(ch)]!;
    sum += v * weights[i]!;
  }
  const r = sum % 11;
  return vin[8] === (r === 10 ? 'X' : String(r));
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, Z, S, V; the last is
 * a check character (weights 3^i mod 31, check = 31 − sum mod 31).
 */
export function isValidUscc(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (typeof code !== 'string' || code.length !== 18) return false;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(code[i]!);
    if (v < 0) return false;
    sum += v * weight;
    weight = (weight * 3) % 31;
  }
  const check = (31 - (sum % 31)) % 31;
  return code[17] === alphabet[check];
}

/**
 * Why an ID number is not valid, most basic problem first, so the message tells the user what to
 * fix: the shape, the date of birth inside it, or the check digit (a typo). Null when valid.
 */
export function idNumberProblem(id: string, today?: string): null | { key: 'idNumber.format' | 'idNumber.birthday' | 'idNumber.future' | 'idNumber.check'; date?: string } {
  if (!/^[1-8]\d{16}[\dXx]$/.test(id)) return { key: 'idNumber.format' };
  const date = birthdayOfIdNumber(id);
  if (!isDate(date) || date < '1900-01-01') return { key: 'idNumber.birthday', date };
  if (today !== undefined && date > today) return { key: 'idNumber.future', date };
  return isValidIdNumber(id) ? null : { key: 'idNumber.check' };
}

/**
 * A deliberately plain e-mail check: one '@', no spaces, a dot in the domain. Anything stricter
 * rejects real addresses; a user only needs to be told about obvious typos.
 */
export function isPlausibleEmail(s: string): boolean {
  return s.length <= 100 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s);
}
