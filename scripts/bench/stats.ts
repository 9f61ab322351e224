export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The same work done with raw better-sqlite3 in the same run, where there is one. */
  baseline: number | null;
  goal?: string;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

/** Deterministic sample of ids so every run measures the same requests. */
export function sampleIds(max: number, n: number, seed = 42): number[] {
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(1 + (x % max));
  }
  return out;
}

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
