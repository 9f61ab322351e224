import type { Sqlite } from '../../../../db/client';

/**
 * customer_group_counts (migration 0020): customers per owner and value of each column a grid
 * may group customers by; customer_group_pair_counts (0021): per owner and pair of values of two
 * such columns, for a grid's second level. Both are kept by triggers whose names start with this
 * prefix. A bulk load that turns them off (the demo seeder) counts with GroupCountsTally and
 * writes the tables itself.
 */
export const GROUP_COUNTS_TRIGGER_PREFIX = 'customers_group_counts_';

/** The counted customers columns, in the migration's order. */
export const GROUP_COUNT_DIMS = ['kind', 'gender', 'province', 'city', 'source', 'owner_id', 'dnd_call', 'dnd_sms', 'dnd_revisit', 'primary_model'] as const;
export type GroupCountDim = (typeof GROUP_COUNT_DIMS)[number];

/**
 * The columns paired in customer_group_pair_counts: every counted column but the owner, which
 * every row of both tables carries anyway. A pair is stored once, the smaller name first (d1 < d2),
 * so the grid finds a pair by comparing the two names.
 */
export const GROUP_PAIR_DIMS = GROUP_COUNT_DIMS.filter((d) => d !== 'owner_id');
export const GROUP_PAIRS: readonly (readonly [GroupCountDim, GroupCountDim])[] = GROUP_PAIR_DIMS.flatMap((a, i) =>
  GROUP_PAIR_DIMS.slice(i + 1).map((b) => (a < b ? ([a, b] as const) : ([b, a] as const))),
);

/** How the table stores NULL (a primary key never matches NULL; the triggers' upsert must). */
export const NULL_VALUE = Buffer.from([0]);

type Value = string | number | null;

/** A value as the tables store it: NULL as x'00', integers as BigInt (see write()). */
function stored(v: Value): Value | Buffer | bigint {
  // A JS number binds as REAL, and a column without affinity would keep 0.0 where the triggers
  // store the customer's integer 0: integers go in as BigInt.
  return v === null ? NULL_VALUE : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v;
}

/**
 * Counts customers as a bulk load writes them, in memory. It keeps each distinct combination of
 * owner and values once (a few thousand at 1M demo customers) and sums the single columns and the
 * pairs from those at the end: 36 pair counts per customer would cost the seeder seconds.
 */
export class GroupCountsTally {
  // Per column: value -> small index, and back.
  private ids = GROUP_COUNT_DIMS.map(() => new Map<Value, number>());
  private values = GROUP_COUNT_DIMS.map(() => [] as Value[]);
  private combos = new Map<string, number>();

  /** One customer: its owner and its values in GROUP_COUNT_DIMS order. */
  add(ownerId: number | null, values: readonly Value[]): void {
    let key = String(ownerId ?? 0);
    for (let d = 0; d < values.length; d++) {
      const v = values[d] as Value;
      const ids = this.ids[d]!;
      let id = ids.get(v);
      if (id === undefined) {
        ids.set(v, (id = ids.size));
        this.values[d]!.push(v);
      }
      key += `,${id}`;
    }
    this.combos.set(key, (this.combos.get(key) ?? 0) + 1);
  }

  /** Adds the tally to both tables (rows already there are added to, not replaced). */
  write(sqlite: Sqlite): void {
    const singles = new Map<string, number>();
    const pairs = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
    const pairAt = GROUP_PAIRS.map(([a, b]) => [GROUP_COUNT_DIMS.indexOf(a), GROUP_COUNT_DIMS.indexOf(b)] as const);
    for (const [key, n] of this.combos) {
      const [owner, ...ids] = key.split(',');
      ids.forEach((id, d) => bump(singles, `${d},${owner},${id}`, n));
      for (let p = 0; p < pairAt.length; p++) bump(pairs, `${p},${owner},${ids[pairAt[p]![0]]},${ids[pairAt[p]![1]]}`, n);
    }
    const value = (d: number, id: string) => stored(this.values[d]![Number(id)] as Value);
    const one = sqlite.prepare(
      'INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES (?, ?, ?, ?) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + excluded.n',
    );
    const two = sqlite.prepare(
      'INSERT INTO customer_group_pair_counts (d1, d2, v1, v2, owner_id, n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (d1, d2, v1, v2, owner_id) DO UPDATE SET n = n + excluded.n',
    );
    sqlite.transaction(() => {
      for (const [k, n] of singles) {
        const [d, owner, id] = k.split(',') as [string, string, string];
        one.run(GROUP_COUNT_DIMS[Number(d)], Number(owner), value(Number(d), id), n);
      }
      for (const [k, n] of pairs) {
        const [p, owner, id1, id2] = k.split(',') as [string, string, string, string];
        const [a, b] = pairAt[Number(p)]!;
        two.run(GROUP_COUNT_DIMS[a], GROUP_COUNT_DIMS[b], value(a, id1), value(b, id2), Number(owner), n);
      }
    })();
  }
}

/** Recounts both tables from customers (one GROUP BY per column: ~1 s each at 1M; the pairs from one count of every combination, as migration 0021 does). */
export function rebuildGroupCounts(sqlite: Sqlite): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM customer_group_counts; DELETE FROM customer_group_pair_counts');
    for (const d of GROUP_COUNT_DIMS) {
      sqlite.exec(`INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT '${d}', coalesce(owner_id, 0), coalesce(${d}, x'00'), count(*) FROM customers GROUP BY 2, 3`);
    }
    const cols = GROUP_PAIR_DIMS.map((d) => `coalesce(${d}, x'00') AS ${d}`).join(', ');
    sqlite.exec(`CREATE TEMP TABLE group_pair_rebuild AS SELECT coalesce(owner_id, 0) AS owner_id, ${cols}, count(*) AS n FROM customers GROUP BY ${GROUP_COUNT_DIMS.map((_, i) => i + 1).join(', ')}`);
    for (const [a, b] of GROUP_PAIRS) {
      sqlite.exec(`INSERT INTO customer_group_pair_counts (d1, d2, v1, v2, owner_id, n) SELECT '${a}', '${b}', ${a}, ${b}, owner_id, sum(n) FROM group_pair_rebuild GROUP BY ${a}, ${b}, owner_id`);
    }
    sqlite.exec('DROP TABLE temp.group_pair_rebuild');
  })();
}
