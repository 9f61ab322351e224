import { translate, type Locale, type MessageKey } from '../../i18n';

/** What is wrong with each pairing field, in the UI language; an empty object when all are fine. */
export interface PairingFieldErrors {
  address?: string;
  code?: string;
  seatName?: string;
}

/** The seat name's limit, as the host's seatNameSchema (1–32 characters after trimming). */
const SEAT_NAME_MAX = 32;

/**
 * The checks both pairing forms make before asking the host (the desktop first-start page, and a
 * browser's pairing page on the LAN listener), so both say the same thing for the same mistake.
 * A field passed as null is not on that form or step (a browser is already at the host and has
 * no address field; the desktop asks for the address before the code). The address is read as
 * the desktop's main process reads it (host-client's normaliseHostUrl): a bare host, host:port or
 * https://…; the host answers over HTTPS only.
 */
export function pairingFieldErrors(address: string | null, code: string | null, seatName: string | null, locale: Locale): PairingFieldErrors {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const errs: PairingFieldErrors = {};
  if (address !== null) {
    const problem = addressProblem(address.trim());
    if (problem) errs.address = problem === 'required' ? tr('common.required') : tr(problem === 'https' ? 'seatMode.addressHttpsOnly' : 'seatMode.addressFormat');
  }
  if (code !== null) {
    const c = code.trim();
    if (!c) errs.code = tr('common.required');
    else if (!/^\d{6}$/.test(c)) errs.code = tr('seatMode.codeFormat');
  }
  if (seatName !== null) {
    const n = seatName.trim();
    if (!n) errs.seatName = tr('common.required');
    else if (n.length > SEAT_NAME_MAX) errs.seatName = tr('seatMode.seatNameTooLong', { max: SEAT_NAME_MAX });
  }
  return errs;
}

/** Whether any field has an error. */
export function hasPairingFieldErrors(errs: PairingFieldErrors): boolean {
  return Boolean(errs.address || errs.code || errs.seatName);
}

function addressProblem(text: string): 'required' | 'https' | 'format' | null {
  if (!text) return 'required';
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return 'format';
  }
  if (url.protocol !== 'https:') return 'https';
  // A path, a query or spaces mean something else was pasted than the host's address.
  if (!url.hostname || /\s/.test(text) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) return 'format';
  return null;
}
