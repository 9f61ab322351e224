/**
 * Mainland China licence plates (GA 36-2018), as staff type them: '粤b 12345', '粤B·12345',
 * full-width letters. normalizePlate gives the stored form (upper case, no spaces or dots) or null
 * when the text is not a plate.
 *
 * Accepted shapes (P = province character, L = issuing-authority letter):
 *   P L xxxxx        ordinary: 5 of digits and letters (no I / O)
 *   P L xxxxxx       new energy: 6, with D/F (battery / hybrid) first (small car) or last (large)
 *   P L xxxx 警|学|挂|领|港|澳   police, driving school, trailer, consulate, Hong Kong / Macau
 *   使 dddddd | dddddd 使        embassy
 */

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const ALNUM = '[A-HJ-NP-Z0-9]';

const ORDINARY = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z]${ALNUM}{5}$`);
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z][DF]${ALNUM}\\d{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z]\\d{5}[DF]$`);
const SUFFIXED = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z]${ALNUM}{4}[警学挂领港澳]$`);
const EMBASSY = /^(使\d{6}|\d{6}使)$/;

/** Upper case, full-width to half-width, without spaces, middle dots, dots and dashes. */
export function cleanPlate(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += ch;
  }
  return out.replace(/[\s\u3000·•・.\-_]/g, '').toUpperCase();
}

export function normalizePlate(raw: string): string | null {
  const p = cleanPlate(raw);
  return ORDINARY.test(p) || NEW_ENERGY_SMALL.test(p) || NEW_ENERGY_LARGE.test(p) || SUFFIXED.test(p) || EMBASSY.test(p) ? p : null;
}
