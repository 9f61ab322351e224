import type { Sqlite } from '../../../../db/client';

/**
 * customer_group_counts (migration 0020): customers per owner and value of each column a grid
 * may group customers by, kept by triggers whose names start with this prefix. A bulk load that
 * turns them off (the demo seeder) counts with GroupCountsTally and writes the table itself.
 */
export const GROUP_COUNTS_TRIGGER_PREFIX = 'customers_group_counts_';

/** The counted customers columns, in the migration's order. */
export const GROUP_COUNT_DIMS = ['kind', 'gender', 'province', 'city', 'source', 'owner_id', 'dnd_call', 'dnd_sms', 'dnd_revisit', 'primary_model'] as const;
export type GroupCountDim = (typeof GROUP_COUNT_DIMS)[number];

/** How the table stores NULL (a primary key never matches NULL; the triggers' upsert must). */
export const NULL_VALUE = Buffer.from([0]);

type Value = string | number | null;

/** Counts customers as a bulk load writes them, in memory: ~576 rows at 1M demo customers. */
export class GroupCountsTally {
  // Per dimension: value -> counts indexed by owner id (0 = no owner). Owner ids are small.
  private byDim = GROUP_COUNT_DIMS.map(() => new Map<Value, number[]>());

  /** One customer: its owner and its values in GROUP_COUNT_DIMS order. */
  add(ownerId: number | null, values: readonly Value[]): void {
    const owner = ownerId ?? 0;
    for (let d = 0; d < values.length; d++) {
      const m = this.byDim[d]!;
      const v = values[d] as Value;
      let counts = m.get(v);
      if (!counts) m.set(v, (counts = []));
      counts[owner] = (counts[owner] ?? 0) + 1;
    }
  }

  /** Adds the tally to the table (rows already there are added to, not replaced). */
  write(sqlite: Sqlite): void {
    const ins = sqlite.prepare(
      'INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES (?, ?, ?, ?) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + excluded.n',
    );
    sqlite.transaction(() => {
      this.byDim.forEach((m, d) => {
        for (const [v, counts] of m) {
          // A JS number binds as REAL, and a column without affinity would keep 0.0 where the
          // triggers store the customer's integer 0: integers go in as BigInt.
          const value = v === null ? NULL_VALUE : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v;
          counts.forEach((n, owner) => n && ins.run(GROUP_COUNT_DIMS[d], owner, value, n));
        }
      });
    })();
  }
}

/** Recounts the whole table from customers (one GROUP BY per column: ~1 s each at 1M). */
export function rebuildGroupCounts(sqlite: Sqlite): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM customer_group_counts');
    for (const d of GROUP_COUNT_DIMS) {
      sqlite.exec(`INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT '${d}', coalesce(owner_id, 0), coalesce(${d}, x'00'), count(*) FROM customers GROUP BY 2, 3`);
    }
  })();
}
