/**
 * How an SMS text is encoded and into how many parts it is cut.
 *
 * GSM 03.38 7-bit: 160 septets in one message, 153 per part when concatenated (the 6-byte UDH
 * takes 7 septets). Characters of the extension table (^ { } \ [ ~ ] | €) cost two septets.
 * Anything outside the GSM alphabet (every Chinese character) → UCS-2: 70 characters in one
 * message, 67 per part when concatenated. Characters outside the BMP (emoji) take two UCS-2 code
 * units, and a part never splits such a pair.
 */

export type SmsEncoding = 'gsm7' | 'ucs2';

export const MAX_PARTS = 10;

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SmsSize {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  chars: number;
  /** Septets (GSM) or UCS-2 code units — what the limits are counted in. */
  units: number;
  parts: number;
  /** Units per part at this length (160/153 or 70/67). */
  perPart: number;
}

export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return 'ucs2';
  return 'gsm7';
}

function septets(text: string): number {
  let n = 0;
  for (const ch of text) n += EXTENDED.has(ch) ? 2 : 1;
  return n;
}

export function measure(text: string): SmsSize {
  const encoding = encodingOf(text);
  const chars = [...text].length;
  const units = encoding === 'gsm7' ? septets(text) : text.length;
  const single = encoding === 'gsm7' ? 160 : 70;
  const multi = encoding === 'gsm7' ? 153 : 67;
  if (units <= single) return { encoding, chars, units, parts: units === 0 ? 0 : 1, perPart: single };
  return { encoding, chars, units, parts: splitParts(text, encoding).length, perPart: multi };
}

/**
 * The text of each part for a concatenated message. Cut by units, never inside an extension
 * character's escape (GSM) or a surrogate pair (UCS-2), so a part may hold one unit less.
 */
export function splitParts(text: string, encoding: SmsEncoding = encodingOf(text)): string[] {
  const single = encoding === 'gsm7' ? 160 : 70;
  const multi = encoding === 'gsm7' ? 153 : 67;
  const cost = (ch: string) => (encoding === 'gsm7' ? (EXTENDED.has(ch) ? 2 : 1) : ch.length);
  let total = 0;
  for (const ch of text) total += cost(ch);
  if (total <= single) return text.length ? [text] : [];
  const parts: string[] = [];
  let cur = '';
  let used = 0;
  for (const ch of text) {
    const c = cost(ch);
    if (used + c > multi) {
      parts.push(cur);
      cur = '';
      used = 0;
    }
    cur += ch;
    used += c;
  }
  if (cur) parts.push(cur);
  return parts;
}

/** UCS-2 big-endian bytes of a text (what data_coding 8 carries). */
export function ucs2(text: string): Buffer {
  const b = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) b.writeUInt16BE(text.charCodeAt(i), i * 2);
  return b;
}

export function fromUcs2(buf: Buffer): string {
  let s = '';
  for (let i = 0; i + 1 < buf.length; i += 2) s += String.fromCharCode(buf.readUInt16BE(i));
  return s;
}

/** A message that cannot be sent as it is, with a reason a person can read (zh-CN / en). */
export function textProblem(text: string): string | null {
  if (text.trim().length === 0) return '短信内容为空 / The message is empty';
  const m = measure(text);
  if (m.parts > MAX_PARTS) {
    return `短信过长:${m.chars} 个字,需 ${m.parts} 条,最多 ${MAX_PARTS} 条 / The message is too long: ${m.chars} characters need ${m.parts} parts, at most ${MAX_PARTS}`;
  }
  return null;
}
