/**
 * THE phone normaliser: every place that stores or compares phone numbers (customer form, showroom
 * walk-ins, imports, caller ID, SMS numbers, grid filters, quick find, the renderer's dial box)
 * goes through this folder, so a number typed one way finds the same number typed another way.
 *
 * Normalised = country code 86 + the national significant number, i.e. without the trunk '0'
 * (this is E.164 without its '+', the form every existing database already holds):
 *   mobile   138 0013 8000          → 8613800138000
 *   landline (0755) 8888 1234        → 8675588881234
 *   landline 010-6552 9988           → 861065529988
 *
 * Accepted: '+86', '0086' or a bare '86' in front; spaces, dashes, dots, slashes and parentheses
 * anywhere; full-width digits and punctuation (０-９ ＋ （ ） －, ideographic space). Landlines need
 * their area code: 010, 02x (3 digits with the 0), 0xxx (4 digits) for the rest, followed by a
 * 7- or 8-digit local number that does not start with 0 or 1. A local number without its area code
 * ("62916000", as local PSTN calls often arrive) is accepted only when the caller passes the
 * dealer's area code (`areaCode`: node's settings.areaCode(), 本地区号 or the city's); otherwise an error says so.
 * Service numbers (400/800, 95xxx/96xxx hotlines) are never a customer's phone. Anything else is an
 * error with a zh-CN / English reason, and the caller keeps what was typed.
 *
 * Why not libphonenumber-js (it cannot complete a local number, its validity changes with its
 * metadata, its errors are codes, not reasons, and it is ~25× slower here): see ./README.md.
 */

export type PhoneKind = 'mobile' | 'landline';
export type NormalizedPhone = { normalized: string; kind: PhoneKind };
export type PhoneError = { error: string };

const MOBILE_RE = /^1[3-9]\d{9}$/;

function err(zh: string, en: string): PhoneError {
  return { error: `${zh} / ${en}` };
}

/** Separators that carry no meaning in a phone number. */
function isSeparator(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || // spaces (incl. ideographic)
    c === 0x2d || c === 0xff0d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212 || // dashes
    c === 0x2e || c === 0xff0e || c === 0x2f || c === 0xff0f || // . /
    c === 0x28 || c === 0x29 || c === 0xff08 || c === 0xff09 // ( ) （ ）
  );
}

export function isPhoneError(r: NormalizedPhone | PhoneError): r is PhoneError {
  return (r as PhoneError).error !== undefined;
}

export interface NormalizeOptions {
  /**
   * The dealer's landline area code with its 0 ('0411'), from settings ('dealer.areaCode'): a 7–8
   * digit local number without an area code is taken as a number in the dealer's own city.
   */
  areaCode?: string | null;
}

/** A valid area code as stored in settings: 010, 02x, or 0 + three digits (not 026, Taiwan's). */
export const AREA_CODE_RE = /^0(10|2[0-57-9]|[3-9]\d\d)$/;

export function normalizePhone(raw: string, options: NormalizeOptions = {}): NormalizedPhone | PhoneError {
  if (typeof raw !== 'string') return err('电话号码必须是文本', 'The phone number must be text');
  let digits = '';
  let plus = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += raw[i];
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xff10 + 0x30);
    else if (c === 0x2b || c === 0xff0b) {
      if (plus || digits.length > 0) return err('“+”只能出现在号码开头', "'+' may only stand at the start of the number");
      plus = true;
    } else if (!isSeparator(c)) {
      return err(`电话号码中有无效字符“${raw[i]}”`, `The phone number contains an invalid character '${raw[i]}'`);
    }
  }
  if (digits.length === 0) return err('电话号码为空', 'The phone number is empty');

  // Country code.
  let nsn: string;
  let hadCountryCode = false;
  if (plus) {
    if (!digits.startsWith('86')) return err('仅支持中国大陆号码(+86)', 'Only mainland China numbers (+86) are supported');
    nsn = digits.slice(2);
    hadCountryCode = true;
  } else if (digits.startsWith('0086')) {
    nsn = digits.slice(4);
    hadCountryCode = true;
  } else if (digits.startsWith('00')) {
    return err('仅支持中国大陆号码(+86)', 'Only mainland China numbers (+86) are supported');
  } else if (digits.startsWith('86') && digits.length > 9) {
    // No national number starts with 86 (mobiles start with 1, landlines with the trunk 0), so a
    // long number that does is the country code without its '+'.
    nsn = digits.slice(2);
    hadCountryCode = true;
  } else {
    nsn = digits;
  }

  // Trunk prefix: written in national form (0755…, 010…), sometimes kept after +86 as well.
  let hadTrunk = false;
  if (nsn.startsWith('0')) {
    nsn = nsn.slice(1);
    hadTrunk = true;
    if (nsn.startsWith('0')) return err('号码前缀有误', 'The number has a malformed prefix');
  }
  if (nsn.length === 0) return err('电话号码不完整', 'The phone number is incomplete');

  if (MOBILE_RE.test(nsn)) return { normalized: `86${nsn}`, kind: 'mobile' };

  const first = nsn.charCodeAt(0) - 48;
  if (first === 1) {
    if (nsn.startsWith('10') && (hadTrunk || hadCountryCode)) return landline(nsn, 2);
    if (nsn.length !== 11) return err('手机号码应为 11 位', 'A mobile number has 11 digits');
    return err('不是有效的手机号码(应以 13–19 开头)', 'Not a valid mobile number (it starts with 13–19)');
  }
  if ((nsn.startsWith('400') || nsn.startsWith('800')) && nsn.length === 10 && !hadTrunk) {
    return err('400/800 服务号码不能作为客户电话', '400/800 service numbers are not accepted as a customer phone');
  }
  if (!hadTrunk && !hadCountryCode && /^9[56]\d{3,4}$/.test(nsn)) {
    return err('95xxx/96xxx 服务热线号码不能作为客户电话', '95xxx/96xxx service hotlines are not accepted as a customer phone');
  }
  if (!hadTrunk && !hadCountryCode) {
    const area = options.areaCode;
    if ((nsn.length === 7 || nsn.length === 8) && area && AREA_CODE_RE.test(area)) {
      return landline(area.slice(1) + nsn, area.length - 1);
    }
    if (nsn.length === 7 || nsn.length === 8) return err('固定电话请加区号,例如 0755-88881234', 'A landline needs its area code, e.g. 0755-88881234');
    return err('无法识别的电话号码', 'Unrecognised phone number');
  }
  if (first === 2) {
    if (nsn[1] === '6') return err('区号 026 不是中国大陆区号', 'Area code 026 is not a mainland China area code');
    return landline(nsn, 2);
  }
  return landline(nsn, 3);
}

/**
 * A number from a gateway or trunk (an SMS reply's sender) as stored and compared: the normalised
 * form for a mainland number however it came ('+8613…', '0086 13…', '13…'), else just its digits
 * ('85291234567', a 106… service sender), '' when it holds none. Never an error: such a number is
 * recorded whatever it is, it just matches no customer.
 */
export function normalizedOrDigits(raw: string, options: NormalizeOptions = {}): string {
  const r = normalizePhone(raw, options);
  return isPhoneError(r) ? raw.normalize('NFKC').replace(/\D/g, '') : r.normalized;
}

/** nsn = area code without trunk (areaLen digits) + local number of 7–8 digits not starting with 0/1. */
function landline(nsn: string, areaLen: number): NormalizedPhone | PhoneError {
  const local = nsn.slice(areaLen);
  if (local.length < 7 || local.length > 8) {
    return err(
      `区号 0${nsn.slice(0, areaLen)} 后的本地号码应为 7–8 位(现为 ${local.length} 位)`,
      `The local number after area code 0${nsn.slice(0, areaLen)} must have 7–8 digits (has ${local.length})`,
    );
  }
  if (local[0] === '0' || local[0] === '1') return err('本地号码不能以 0 或 1 开头', 'A local number cannot start with 0 or 1');
  return { normalized: `86${nsn}`, kind: 'landline' };
}
