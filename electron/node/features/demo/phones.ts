/**
 * Demo phone numbers: unique by construction (a bijection of a sequence number onto the 8 or 7
 * digits after the prefix) and written down in the assorted ways people type them.
 */
import type { Prng } from './prng';

/** Mobile prefixes of the three operators (and virtual operators' 170/171), weighted by use. */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '170', '171', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '196', '197', '198', '199',
];

/**
 * x ↦ (a·x + b) mod 10^digits is a bijection on [0, 10^digits) when gcd(a, 10) = 1: numbers made
 * from different sequence numbers never collide.
 */
export class NumberSpace {
  private readonly a: number;
  private readonly b: number;
  private readonly mod: number;
  private readonly pad: string;

  constructor(
    seed: number,
    readonly digits: number = 8,
  ) {
    this.mod = 10 ** digits;
    this.pad = '0'.repeat(digits);
    // a < 2^24 and x < 10^8 keep a·x exact in a double.
    let a = 7_654_321 + ((seed >>> 0) % 1_000_000) * 2;
    if (a % 5 === 0) a += 2;
    this.a = a;
    this.b = Math.floor(((seed >>> 0) * 2_654_435_761) % this.mod);
  }

  /** The `digits`-digit tail for sequence number x (0 ≤ x < 10^digits). */
  tail(x: number): string {
    if (x < 0 || x >= this.mod) throw new Error(`sequence number out of range: ${x}`);
    const v = (this.a * x + this.b) % this.mod;
    const s = String(v);
    return s.length === this.digits ? s : this.pad.slice(s.length) + s;
  }
}

/** A mobile number, 11 digits, unique for each `seq` of an 8-digit space. */
export function mobileNumber(rng: Prng, space: NumberSpace, seq: number): string {
  return rng.pick(MOBILE_PREFIXES) + space.tail(seq);
}

/**
 * A local landline number: a first digit 2–8 and the tail of a (digits − 1)-digit space, so it is
 * unique for each `seq`.
 */
export function localNumber(rng: Prng, space: NumberSpace, seq: number): string {
  return String(rng.int(2, 8)) + space.tail(seq);
}

const FULL_WIDTH_ZERO = 0xff10;

function toFullWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(FULL_WIDTH_ZERO + c - 48) : s[i];
  }
  return out;
}

/** A mobile written as people type it: "13800138000", "138 0013 8000", "+86 138-0013-8000", … */
export function formatMobileRaw(rng: Prng, m: string): string {
  const a = m.slice(0, 3);
  const b = m.slice(3, 7);
  const c = m.slice(7);
  const r = rng.next();
  if (r < 0.45) return m;
  if (r < 0.62) return `${a} ${b} ${c}`;
  if (r < 0.72) return `${a}-${b}-${c}`;
  if (r < 0.8) return `+86 ${a} ${b} ${c}`;
  if (r < 0.86) return `+86-${a}-${b}-${c}`;
  if (r < 0.9) return `+86${m}`;
  if (r < 0.93) return `0086 ${m}`;
  if (r < 0.96) return `86${m}`;
  if (r < 0.98) return `(+86) ${a} ${b} ${c}`;
  return toFullWidth(m);
}

/** A landline written as people type it: "0755-88881234", "(0755) 8888 1234", "+86 755 8888 1234", … */
export function formatLandlineRaw(rng: Prng, areaCode: string, local: string): string {
  const half = local.length - 4;
  const l1 = local.slice(0, half);
  const l2 = local.slice(half);
  const r = rng.next();
  if (r < 0.4) return `${areaCode}-${local}`;
  if (r < 0.6) return `(${areaCode}) ${l1} ${l2}`;
  if (r < 0.72) return `${areaCode} ${l1} ${l2}`;
  if (r < 0.82) return `${areaCode}${local}`;
  if (r < 0.9) return `+86 ${areaCode.slice(1)} ${l1} ${l2}`;
  if (r < 0.95) return `${areaCode}-${l1}-${l2}`;
  return `（${areaCode}）${local}`;
}
