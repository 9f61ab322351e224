/**
 * SMS-SUBMIT PDUs for a GSM modem in PDU mode (3GPP TS 23.040), and the reverse for the modem
 * simulator and for inbound SMS-DELIVER. No SMSC address in the PDU ("00": the SIM's SMSC is used),
 * so the length given to AT+CMGS is the TPDU's octets, without that leading "00".
 */
import { encodingOf, splitParts, type SmsEncoding } from './encoding';

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXT: Record<string, number> = { '\f': 0x0a, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2f, '[': 0x3c, '~': 0x3d, ']': 0x3e, '|': 0x40, '€': 0x65 };
const EXT_REV = Object.fromEntries(Object.entries(EXT).map(([k, v]) => [v, k]));

/** GSM 7-bit septet values of a text (extension characters as ESC + code). */
export function toSeptets(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const i = BASIC.indexOf(ch);
    if (i >= 0 && ch !== '\x1b') out.push(i);
    else if (ch in EXT) out.push(0x1b, EXT[ch]!);
    else out.push(BASIC.indexOf('?'));
  }
  return out;
}

export function fromSeptets(septets: number[]): string {
  let s = '';
  for (let i = 0; i < septets.length; i++) {
    const v = septets[i]!;
    if (v === 0x1b && i + 1 < septets.length) s += EXT_REV[septets[++i]!] ?? ' ';
    else s += BASIC[v] ?? '?';
  }
  return s;
}

/** Packs septets into octets, after `fillBits` zero bits (to align after a UDH). */
export function pack(septets: number[], fillBits = 0): Buffer {
  const bits: number[] = new Array<number>(fillBits).fill(0);
  for (const s of septets) for (let b = 0; b < 7; b++) bits.push((s >> b) & 1);
  const out = Buffer.alloc(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => {
    if (bit) out[i >> 3]! |= 1 << (i & 7);
  });
  return out;
}

export function unpack(buf: Buffer, count: number, fillBits = 0): number[] {
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    let v = 0;
    for (let b = 0; b < 7; b++) {
      const i = fillBits + n * 7 + b;
      if ((buf[i >> 3]! >> (i & 7)) & 1) v |= 1 << b;
    }
    out.push(v);
  }
  return out;
}

function semiOctets(digits: string): Buffer {
  const d = digits.length % 2 ? `${digits}F` : digits;
  const out = Buffer.alloc(d.length / 2);
  for (let i = 0; i < d.length; i += 2) out[i / 2] = parseInt(`${d[i + 1]}${d[i]}`, 16);
  return out;
}

function fromSemiOctets(buf: Buffer, digits: number): string {
  let s = '';
  for (const b of buf) s += `${(b & 0x0f).toString(16)}${(b >> 4).toString(16)}`;
  return s.slice(0, digits).toUpperCase();
}

export interface SubmitPdu {
  /** Hex of "00" (no SMSC) + TPDU: what is written after the '> ' prompt. */
  hex: string;
  /** TPDU octets: the number for AT+CMGS=<n>. */
  length: number;
}

/**
 * The PDUs of a message: one, or one per part with a concatenation UDH (8-bit reference).
 * Status reports are requested (TP-SRR) so a modem that supports them reports delivery.
 */
export function submitPdus(number: string, text: string, ref: number): SubmitPdu[] {
  const encoding: SmsEncoding = encodingOf(text);
  const parts = splitParts(text, encoding);
  const digits = number.replace(/\D/g, '');
  return parts.map((part, i) => {
    const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, ref & 0xff, parts.length, i + 1]) : null;
    let ud: Buffer;
    let udl: number;
    if (encoding === 'ucs2') {
      const body = Buffer.alloc(part.length * 2);
      for (let k = 0; k < part.length; k++) body.writeUInt16BE(part.charCodeAt(k), k * 2);
      ud = udh ? Buffer.concat([udh, body]) : body;
      udl = ud.length;
    } else {
      const septets = toSeptets(part);
      if (udh) {
        // The UDH takes 6 octets = 48 bits; one fill bit aligns the text to a septet boundary.
        ud = Buffer.concat([udh, pack(septets, 1)]);
        udl = 7 + septets.length;
      } else {
        ud = pack(septets);
        udl = septets.length;
      }
    }
    const first = 0x01 | 0x10 | 0x20 | (udh ? 0x40 : 0); // SUBMIT, VP relative, status report, UDHI
    const tpdu = Buffer.concat([
      Buffer.from([first, 0x00, digits.length, 0x91]),
      semiOctets(digits),
      Buffer.from([0x00, encoding === 'ucs2' ? 0x08 : 0x00, 0xaa, udl]), // PID, DCS, VP = 4 days, UDL
      ud,
    ]);
    return { hex: `00${tpdu.toString('hex').toUpperCase()}`, length: tpdu.length };
  });
}

export interface DecodedSubmit {
  number: string;
  text: string;
  encoding: SmsEncoding;
  concat: { ref: number; total: number; seq: number } | null;
}

/** Reads back an SMS-SUBMIT (hex with the SMSC part first) — the modem simulator's side. */
export function decodeSubmit(hex: string): DecodedSubmit {
  const b = Buffer.from(hex, 'hex');
  let p = 1 + b[0]!; // SMSC info
  const first = b[p++]!;
  p++; // MR
  const nd = b[p++]!;
  const toa = b[p++]!;
  const number = (toa === 0x91 ? '' : '') + fromSemiOctets(b.subarray(p, p + Math.ceil(nd / 2)), nd);
  p += Math.ceil(nd / 2);
  p++; // PID
  const dcs = b[p++]!;
  const vpf = (first >> 3) & 0x03;
  if (vpf === 2) p += 1;
  else if (vpf === 1 || vpf === 3) p += 7;
  const udl = b[p++]!;
  const ud = b.subarray(p);
  const udhi = (first & 0x40) !== 0;
  let concat: DecodedSubmit['concat'] = null;
  let udhLen = 0;
  if (udhi) {
    udhLen = ud[0]! + 1;
    if (ud[1] === 0x00) concat = { ref: ud[3]!, total: ud[4]!, seq: ud[5]! };
  }
  const encoding: SmsEncoding = (dcs & 0x0c) === 0x08 ? 'ucs2' : 'gsm7';
  let text = '';
  if (encoding === 'ucs2') {
    const body = ud.subarray(udhLen, udl);
    for (let i = 0; i + 1 < body.length; i += 2) text += String.fromCharCode(body.readUInt16BE(i));
  } else {
    const udhSeptets = udhi ? Math.ceil((udhLen * 8) / 7) : 0;
    const fill = udhi ? udhSeptets * 7 - udhLen * 8 : 0;
    text = fromSeptets(unpack(ud.subarray(udhLen), udl - udhSeptets, fill));
  }
  return { number, text, encoding, concat };
}

function address(b: Buffer, p: number): { number: string; next: number } {
  const nd = b[p]!;
  const toa = b[p + 1]!;
  const octets = Math.ceil(nd / 2);
  const raw = b.subarray(p + 2, p + 2 + octets);
  // Alphanumeric senders (TOA 0xD0) are GSM 7-bit text, e.g. a carrier's name.
  const number = (toa & 0x70) === 0x50 ? fromSeptets(unpack(raw, Math.floor((nd * 4) / 7))) : fromSemiOctets(raw, nd);
  return { number, next: p + 2 + octets };
}

export type ModemReport =
  | { kind: 'deliver'; number: string; text: string; concat: DecodedSubmit['concat'] }
  | { kind: 'status'; mr: number; number: string; delivered: boolean; final: boolean; status: number };

/** An SMS-DELIVER (+CMT, an inbound message) or SMS-STATUS-REPORT (+CDS), hex with the SMSC part. */
export function decodeIncoming(hex: string): ModemReport | null {
  const b = Buffer.from(hex, 'hex');
  let p = 1 + b[0]!;
  const first = b[p++]!;
  const mti = first & 0x03;
  if (mti === 0x02) {
    const mr = b[p++]!;
    const ra = address(b, p);
    p = ra.next + 14; // SCTS + discharge time
    const st = b[p] ?? 0xff;
    return { kind: 'status', mr, number: ra.number, delivered: st < 0x20, final: st < 0x20 || st >= 0x40, status: st };
  }
  if (mti !== 0x00) return null;
  const oa = address(b, p);
  p = oa.next;
  p++; // PID
  const dcs = b[p++]!;
  p += 7; // SCTS
  const udl = b[p++]!;
  const ud = b.subarray(p);
  const udhi = (first & 0x40) !== 0;
  let udhLen = 0;
  let concat: DecodedSubmit['concat'] = null;
  if (udhi) {
    udhLen = ud[0]! + 1;
    if (ud[1] === 0x00) concat = { ref: ud[3]!, total: ud[4]!, seq: ud[5]! };
  }
  let text = '';
  if ((dcs & 0x0c) === 0x08) {
    const body = ud.subarray(udhLen, udl);
    for (let i = 0; i + 1 < body.length; i += 2) text += String.fromCharCode(body.readUInt16BE(i));
  } else {
    const udhSeptets = udhi ? Math.ceil((udhLen * 8) / 7) : 0;
    text = fromSeptets(unpack(ud.subarray(udhLen), udl - udhSeptets, udhi ? udhSeptets * 7 - udhLen * 8 : 0));
  }
  return { kind: 'deliver', number: oa.number, text, concat };
}

const SCTS = Buffer.from([0x62, 0x11, 0x03, 0x21, 0x00, 0x00, 0x23]); // 2026-11-30 12:00:00 +08

/** A single-part SMS-DELIVER as a modem reports it (the simulator's side). */
export function deliverPdu(from: string, text: string): { hex: string; length: number } {
  const ucs = encodingOf(text) === 'ucs2';
  const digits = from.replace(/\D/g, '');
  const ud = ucs ? Buffer.from(text.split('').flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])) : pack(toSeptets(text));
  const udl = ucs ? ud.length : toSeptets(text).length;
  const tpdu = Buffer.concat([Buffer.from([0x04, digits.length, 0x91]), semiOctets(digits), Buffer.from([0x00, ucs ? 0x08 : 0x00]), SCTS, Buffer.from([udl]), ud]);
  return { hex: `00${tpdu.toString('hex').toUpperCase()}`, length: tpdu.length };
}

/** An SMS-STATUS-REPORT for message reference `mr` (status 0 = delivered). */
export function statusReportPdu(mr: number, number: string, status: number): { hex: string; length: number } {
  const digits = number.replace(/\D/g, '');
  const tpdu = Buffer.concat([Buffer.from([0x06, mr & 0xff, digits.length, 0x91]), semiOctets(digits), SCTS, SCTS, Buffer.from([status])]);
  return { hex: `00${tpdu.toString('hex').toUpperCase()}`, length: tpdu.length };
}
