/**
 * Phone fragments a user types into a search box or a grid filter ('138 0013', '0755-8888',
 * '+86 138') compared with stored normalised numbers (86 + national number, no trunk 0; see
 * ./normalize.ts). One set of rules for the grid's quick find and column filters and for the
 * customer search, so the same fragment finds the same customers everywhere.
 */

import { AREA_CODE_RE } from './normalize';

/** True when the text is written with a '+' in front of its first digit ('+86 …', '(+86) …'). */
const PLUS_FIRST = /^[^\d]*\+/;

/** The digits of a typed fragment (full-width ones included), nothing else; null when it holds none. */
export function phoneDigits(text: string): string | null {
  return text.normalize('NFKC').replace(/\D/g, '') || null;
}

/**
 * The fragment's digits in national form (a trunk 0 kept, the country code taken off), or null when
 * it holds no digits. Full-width digits count. `anchored` (the fragment is the start of a number):
 * '0086' / '86' in front are the country code; otherwise only in front of a long number ('0086' or
 * '8613' alone are more likely the last digits of a phone).
 */
export function nationalDigits(text: string, anchored: boolean): string | null {
  const t = text.normalize('NFKC');
  let d = t.replace(/\D/g, '');
  if (PLUS_FIRST.test(t)) {
    if (d.startsWith('86')) d = d.slice(2);
  } else if (d.startsWith('0086') && (anchored || d.length > 9)) d = d.slice(4);
  else if (d.startsWith('86') && (anchored || d.length > 9)) d = d.slice(2);
  return d || null;
}

/** National digits → the start of the stored form: 86, then the digits without their trunk 0. */
export function normalizedPrefix(national: string): string {
  return `86${national.startsWith('0') ? national.slice(1) : national}`;
}

/** A fragment that starts a number ('starts with', 'equals', quick find) as the stored form's prefix. */
export function phonePrefix(text: string): string | null {
  const d = nationalDigits(text, true);
  return d === null ? null : normalizedPrefix(d);
}

/**
 * Stored-form prefixes a fragment that starts a number may stand for: phonePrefix's, and — when it
 * could be a local landline typed without its area code (no '+', no trunk 0, first digit 2–9, at
 * most 8 digits: '62916000', '6291') and the dealer's area code is known — the same digits in the
 * dealer's area, as the customer form and caller ID store and match them. Null without digits.
 */
export function phonePrefixes(text: string, areaCode?: string | null): string[] | null {
  const prefix = phonePrefix(text);
  if (prefix === null) return null;
  const local = localPrefix(text, areaCode);
  return local === null || local === prefix ? [prefix] : [prefix, local];
}

function localPrefix(text: string, areaCode: string | null | undefined): string | null {
  if (!areaCode || !AREA_CODE_RE.test(areaCode)) return null;
  const t = text.normalize('NFKC');
  if (PLUS_FIRST.test(t)) return null;
  const d = t.replace(/\D/g, '');
  return /^[2-9]\d{0,7}$/.test(d) ? `86${areaCode.slice(1)}${d}` : null;
}

/**
 * What a 'contains' filter looks for in stored numbers: the digits, and for a fragment starting
 * with a trunk 0 ('0755') also the area code right after the 86, where stored numbers hold it
 * without its 0. Null when the text holds no digits.
 */
export function phoneContainsPatterns(text: string): string[] | null {
  const d = nationalDigits(text, false);
  if (d === null) return null;
  return /^0[1-9]/.test(d) ? [d, normalizedPrefix(d)] : [d];
}
