/**
 * Generators for 居民身份证号码 (GB 11643-1999, 18 digits) and 统一社会信用代码 (GB 32100-2015).
 * The validators in electron/common/customer-ids.ts are written independently of these.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The 18th character of an ID number from its first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/**
 * An ID number: region (6) + birthday YYYYMMDD (8) + sequence (3, the last odd for men, even for
 * women) + check character.
 */
export function makeIdNumber(region: string, birthdayCompact: string, sequence: number): string {
  if (!/^\d{6}$/.test(region)) throw new Error(`bad region code ${region}`);
  if (sequence < 0 || sequence > 999) throw new Error(`sequence out of range: ${sequence}`);
  const seq = sequence < 10 ? `00${sequence}` : sequence < 100 ? `0${sequence}` : String(sequence);
  const first17 = region + birthdayCompact + seq;
  return first17 + idCheckChar(first17);
}

/** The 31 characters of a 统一社会信用代码 (no I, O, Z, S, V). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Organisation code (GB 11714) weights for its own check character. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57 ? c - 48 : c - 55; // A=10 … Z=35 (GB 11714)
}

/**
 * A 统一社会信用代码 for a company registered in `region`: '9' (市场监管) + '1' (企业) + region (6) +
 * organisation code (8 + its check) + check character. `serial` makes the organisation code unique.
 */
export function makeUscc(region: string, serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 8; i++) {
    // Mostly digits, like real organisation codes; the serial keeps them unique.
    body = String(n % 10) + body;
    n = Math.floor(n / 10);
  }
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgCharValue(body[i] as string) * (ORG_WEIGHTS[i] as number);
  const c9 = 11 - (s % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `91${region}${body}${orgCheck}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  const check = (31 - (sum % 31)) % 31;
  return first17 + (USCC_CHARS[check] as string);
}
