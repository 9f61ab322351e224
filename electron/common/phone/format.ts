import { isPhoneError, normalizePhone } from './normalize';

/**
 * Shows a normalised phone number (see ./normalize.ts: 86 + national number without the trunk 0) the way Chinese staff read numbers aloud and dial them:
 *   8613800138000 → 138 0013 8000        (mobile: 3-4-4)
 *   861065529988  → 010-6552 9988        (landline: area code with its 0, then the local number)
 *   8675588881234 → 0755-8888 1234
 * Lists show this one form whatever the customer's record holds as typed ('+86-138-…', '138 0013…').
 * Anything that is not a normalised mainland number is returned unchanged.
 */
export function formatPhone(normalized: string | null | undefined): string | null {
  if (normalized == null) return null;
  if (!/^86\d{9,12}$/.test(normalized)) return normalized;
  const n = normalized.slice(2);
  if (/^1[3-9]\d{9}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  // Two-digit area codes: 010 (Beijing) and 02x (the large cities); the rest have three after the 0.
  const areaLen = n.startsWith('10') || n.startsWith('2') ? 2 : 3;
  const area = n.slice(0, areaLen);
  const local = n.slice(areaLen);
  if (local.length < 7 || local.length > 8) return normalized;
  return `0${area}-${local.slice(0, local.length - 4)} ${local.slice(-4)}`;
}

/**
 * A stored number in national form, digits only, as people quote it and the quick-find index holds
 * it (customers/search-index.ts PHONE_INDEX_EXPR is the same rule in SQL): a landline with its
 * trunk 0 (8675588881234 → 075588881234), a mobile without the 86 (8613800138000 → 13800138000);
 * a number not stored as 86… unchanged.
 */
export function nationalNumber(normalized: string, kind: string): string {
  return normalized.startsWith('86') ? (kind === 'landline' ? '0' : '') + normalized.slice(2) : normalized;
}

/**
 * A stored number as a seat dials it on a Chinese line (click-to-call): the national form, its
 * kind read from the number (13800138000, 075588881234, 01065529988); anything not stored as a
 * mainland number (an extension, a masked or foreign number) unchanged.
 */
export function dialNumber(stored: string): string {
  if (!/^86\d{9,12}$/.test(stored)) return stored;
  return nationalNumber(stored, /^861[3-9]\d{9}$/.test(stored) ? 'mobile' : 'landline');
}

/**
 * A number as it came (call log, trunk caller ID) in the one readable form when it is a Chinese
 * number, else as it came: extensions ('1002') and 'anonymous' stay what they are.
 */
export function displayPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const r = normalizePhone(raw);
  return isPhoneError(r) ? raw : (formatPhone(r.normalized) ?? raw);
}
