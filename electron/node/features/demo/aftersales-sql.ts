/**
 * SQL building blocks of the after-sales history (aftersales*.ts), which is written set-based with
 * INSERT … SELECT over the seeded tables: a seeded integer hash registered as an SQL function (the
 * randomness of each row, from its id: nothing is drawn from the seed's main stream, so every other
 * generated value stays as it was), and the Asia/Shanghai day / time arithmetic as SQL text.
 */
import type { Sqlite } from '../../../../db/client';
import type { FractionSelector } from './prng';

/** The SQL function name: demo_h(id, salt) → an unsigned 32-bit integer. */
export const HASH_FN = 'demo_h';

/**
 * Registers demo_h for this seed: splitmix32's finaliser over (id, salt, seed), only 32-bit integer
 * arithmetic (deterministic on every platform). Integer division and % of its value give the
 * independent-enough draws of one row (see the callers' bit ranges).
 */
export function registerHash(sqlite: Sqlite, seed: number): void {
  const s = Math.imul(seed | 0, 0x27d4eb2f);
  sqlite.function(HASH_FN, { deterministic: true }, (id: unknown, salt: unknown) => {
    let z = (Math.imul(Number(id) | 0, 0x9e3779b1) ^ Math.imul(Number(salt) | 0, 0x85ebca6b) ^ s) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  });
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export const dateOf = (day: string) => `date((${day}) * 86400, 'unixepoch')`;
/** The day number of a 'YYYY-MM-DD' text. */
export const dayOf = (date: string) => `(CAST(strftime('%s', ${date}) AS INTEGER) / 86400)`;
/** Epoch ms of a local (UTC+8) minute of a day number. */
export const localMs = (day: string, minute: string) => `((${day}) * 86400000 - 28800000 + (${minute}) * 60000)`;
/** The local day number of an epoch-ms instant. */
export const dayOfMs = (ms: string) => `(((${ms}) + 28800000) / 86400000)`;
/** A minute of the call centre's working hours, 08:30 … 18:29, from a hash. */
export const workMinute = (h: string) => `(510 + (${h}) % 600)`;

/** One of `values` (numbers or SQL literals) chosen by a non-negative integer expression. */
export function pick(expr: string, values: readonly (string | number)[]): string {
  const lit = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
  return `(CASE (${expr}) % ${values.length} ${values.map((v, i) => `WHEN ${i} THEN ${lit(v)}`).join(' ')} END)`;
}

/** A weighted choice among `values` by `expr` % 100 (weights in per cent, summing to 100). */
export function weighted(expr: string, values: readonly (readonly [string, number])[]): string {
  let acc = 0;
  const whens = values.map(([v, w]) => {
    acc += w;
    return `WHEN (${expr}) % 100 < ${acc} THEN '${v}'`;
  });
  return `(CASE ${whens.join(' ')} ELSE '${values[values.length - 1]![0]}' END)`;
}

/**
 * Offers the candidates (ids ascending) to the problem's selector and records the chosen ones in
 * temp.demo_planted under `code`: the problems are planted with the seed's own FractionSelector, so
 * they keep its contract (⌊n × fraction⌋ or one more, one per block).
 */
export function plant(sqlite: Sqlite, code: string, candidates: readonly number[], sel: FractionSelector): number[] {
  const chosen = candidates.filter(() => sel.offer());
  const ins = sqlite.prepare('INSERT INTO temp.demo_planted (code, id) VALUES (?, ?)');
  for (const id of chosen) ins.run(code, id);
  return chosen;
}
