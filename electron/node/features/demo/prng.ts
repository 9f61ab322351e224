/**
 * Seeded pseudo-random numbers for the demo data: sfc32 (Small Fast Counting, 128-bit state),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Deterministic across
 * platforms and Node versions: only 32-bit integer arithmetic (`Math.imul`, `>>>`).
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const INV_2_32 = 1 / 4294967296;

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(Math.trunc(seed) ^ 0x5eed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 16; i++) this.u32();
  }

  /** A uniform unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() * INV_2_32;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A day number (days since 1970-01-01) in [fromDay, toDay], both inclusive. */
  day(fromDay: number, toDay: number): number {
    return this.int(fromDay, toDay);
  }

  /** An independent generator derived from this one (for a sub-stream that must not shift the main one). */
  fork(salt: number): Prng {
    return new Prng((this.u32() ^ Math.imul(salt | 0, 0x9e3779b1)) | 0);
  }
}

/**
 * Weighted choice with a precomputed cumulative table (binary search): O(log n) per pick and no
 * allocation, for the hot loops of the seeder.
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedPicker needs one weight per item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      const w = weights[i] ?? 0;
      if (!(w >= 0)) throw new Error(`negative weight at ${i}`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('weights sum to zero');
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  index(rng: Prng): number {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < (c[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Prng): T {
    return this.items[this.index(rng)] as T;
  }
}

/**
 * Picks a fixed fraction p of candidates offered one by one, without knowing their number in
 * advance: the candidates are cut into consecutive blocks of about 1/p (block j holds candidates
 * ⌈j/p⌉ … ⌈(j+1)/p⌉ − 1) and exactly one candidate of every block is taken, at a position drawn
 * from the selector's own generator. So n candidates give ⌊n·p⌋ or ⌊n·p⌋ + 1 picks, never clustered
 * and never in a visible stride, and the main random stream is not disturbed.
 */
export class FractionSelector {
  private seen = 0;
  private block = -1;
  private blockEnd = 0;
  private chosen = -1;
  private readonly rng: Prng;
  taken = 0;

  constructor(
    readonly fraction: number,
    seed = 0,
  ) {
    if (!(fraction >= 0 && fraction <= 1)) throw new Error(`fraction out of range: ${fraction}`);
    this.rng = new Prng(seed);
  }

  /** Offers the next candidate; true when it is selected. */
  offer(): boolean {
    if (this.fraction === 0) {
      this.seen++;
      return false;
    }
    const i = this.seen++;
    if (i >= this.blockEnd) {
      this.block++;
      const start = Math.ceil(this.block / this.fraction - 1e-9);
      this.blockEnd = Math.ceil((this.block + 1) / this.fraction - 1e-9);
      this.chosen = this.rng.int(start, this.blockEnd - 1);
    }
    const take = i === this.chosen;
    if (take) this.taken++;
    return take;
  }

  get offered(): number {
    return this.seen;
  }
}
