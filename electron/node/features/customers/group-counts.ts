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
 * owner and values once, in a tree of arrays indexed by owner and then by each value's small
 * number (a few array steps per customer, as cheap as counting the columns alone), and sums the
 * single columns and the pairs from the combinations at the end: counting 36 pairs per customer
 * would cost the seeder seconds at 1M.
 */
export class GroupCountsTally {
  // Per column: value -> small number, and back.
  private ids = GROUP_COUNT_DIMS.map(() => new Map<Value, number>());
  private values = GROUP_COUNT_DIMS.map(() => [] as Value[]);
  // owner -> id of column 0 -> ... -> id of the last column -> customers.
  private tree: unknown[] = [];

  /** One customer: its owner and its values in GROUP_COUNT_DIMS order. */
  add(ownerId: number | null, values: readonly Value[]): void {
    const owner = ownerId ?? 0;
    let node = (this.tree[owner] ??= []) as unknown[];
    const last = values.length - 1;
    for (let d = 0; d < last; d++) node = (node[this.idOf(d, values[d] as Value)] ??= []) as unknown[];
    const id = this.idOf(last, values[last] as Value);
    node[id] = ((node[id] as number | undefined) ?? 0) + 1;
  }

  private idOf(d: number, v: Value): number {
    const ids = this.ids[d]!;
    let id = ids.get(v);
    if (id === undefined) {
      ids.set(v, (id = ids.size));
      this.values[d]!.push(v);
    }
    return id;
  }

  /** Every combination: its owner, the value numbers in GROUP_COUNT_DIMS order, its customers. */
  private *combinations(): Generator<[number, number[], number]> {
    const path: number[] = [];
    const last = GROUP_COUNT_DIMS.length - 1;
    function* walk(node: unknown[], d: number): Generator<[number[], number]> {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (child === undefined) continue;
        path[d] = i;
        if (d === last) yield [path, child as number];
        else yield* walk(child as unknown[], d + 1);
      }
    }
    for (let owner = 0; owner < this.tree.length; owner++) {
      const node = this.tree[owner] as unknown[] | undefined;
      if (node) for (const [ids, n] of walk(node, 0)) yield [owner, ids, n];
    }
  }

  /** Adds the tally to both tables (rows already there are added to, not replaced). */
  write(sqlite: Sqlite): void {
    // Sums keyed by number: (id, owner) for a column, (id1, id2, owner) for a pair. Value numbers
    // stay far below 2^16 (they count distinct values of one column) and owner ids below 2^20.
    const singles = GROUP_COUNT_DIMS.map(() => new Map<number, number>());
    const pairAt = GROUP_PAIRS.map(([a, b]) => [GROUP_COUNT_DIMS.indexOf(a), GROUP_COUNT_DIMS.indexOf(b)] as const);
    const pairs = pairAt.map(() => new Map<number, number>());
    const OWNERS = 2 ** 20;
    const IDS = 2 ** 16;
    for (const [owner, ids, n] of this.combinations()) {
      for (let d = 0; d < ids.length; d++) {
        const k = ids[d]! * OWNERS + owner;
        singles[d]!.set(k, (singles[d]!.get(k) ?? 0) + n);
      }
      for (let p = 0; p < pairAt.length; p++) {
        const k = (ids[pairAt[p]![0]]! * IDS + ids[pairAt[p]![1]]!) * OWNERS + owner;
        pairs[p]!.set(k, (pairs[p]!.get(k) ?? 0) + n);
      }
    }
    const value = (d: number, id: number) => stored(this.values[d]![id] as Value);
    const one = sqlite.prepare(
      'INSERT INTO customer_group_counts (dim, owner_id, value, n) VALUES (?, ?, ?, ?) ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + excluded.n',
    );
    const two = sqlite.prepare(
      'INSERT INTO customer_group_pair_counts (d1, d2, v1, v2, owner_id, n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (d1, d2, v1, v2, owner_id) DO UPDATE SET n = n + excluded.n',
    );
    sqlite.transaction(() => {
      singles.forEach((m, d) => {
        for (const [k, n] of m) one.run(GROUP_COUNT_DIMS[d], k % OWNERS, value(d, Math.floor(k / OWNERS)), n);
      });
      pairs.forEach((m, p) => {
        const [a, b] = pairAt[p]!;
        for (const [k, n] of m) {
          const ab = Math.floor(k / OWNERS);
          two.run(GROUP_COUNT_DIMS[a], GROUP_COUNT_DIMS[b], value(a, Math.floor(ab / IDS)), value(b, ab % IDS), k % OWNERS, n);
        }
      });
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

const adjusters = new WeakMap<Sqlite, { add: (json: string, sign: number) => void; triggers: { name: string; sql: string }[] }>();

function adjusterOf(sqlite: Sqlite) {
  let a = adjusters.get(sqlite);
  if (!a) {
    const ids = 'SELECT value FROM json_each(?)';
    const singles = GROUP_COUNT_DIMS.map((d) =>
      sqlite.prepare(
        `INSERT INTO customer_group_counts (dim, owner_id, value, n) SELECT '${d}', coalesce(owner_id, 0), coalesce(${d}, x'00'), ? * count(*) FROM customers WHERE id IN (${ids}) GROUP BY 2, 3 ON CONFLICT (dim, owner_id, value) DO UPDATE SET n = n + excluded.n`,
      ),
    );
    const pairs = GROUP_PAIRS.map(([x, y]) =>
      sqlite.prepare(
        `INSERT INTO customer_group_pair_counts (d1, d2, v1, v2, owner_id, n) SELECT '${x}', '${y}', coalesce(${x}, x'00'), coalesce(${y}, x'00'), coalesce(owner_id, 0), ? * count(*) FROM customers WHERE id IN (${ids}) GROUP BY 3, 4, 5 ON CONFLICT (d1, d2, v1, v2, owner_id) DO UPDATE SET n = n + excluded.n`,
      ),
    );
    const triggers = sqlite
      .prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ORDER BY name")
      .all(`${GROUP_COUNTS_TRIGGER_PREFIX}%`);
    a = {
      add: (json, sign) => {
        for (const s of singles) s.run(sign, json);
        for (const s of pairs) s.run(sign, json);
      },
      triggers,
    };
    adjusters.set(sqlite, a);
  }
  return a;
}

/**
 * For a bulk write of customers inside the caller's transaction (an import's batch): the counting
 * triggers are dropped for its length and the counts of the customers it wrote are added in one
 * statement per column and pair afterwards — 36 pair upserts per customer cost more than the
 * insert itself. `uncount(ids)` takes customers out before the write changes them, `count(ids)`
 * puts the written ones in; `done()` restores the triggers (in the same transaction, so no other
 * writer ever runs without them).
 */
export function pauseGroupCounts(sqlite: Sqlite): { uncount: (ids: readonly number[]) => void; count: (ids: readonly number[]) => void; done: () => void } {
  if (!sqlite.inTransaction) throw new Error('pauseGroupCounts needs the caller’s transaction');
  const a = adjusterOf(sqlite);
  for (const t of a.triggers) sqlite.exec(`DROP TRIGGER IF EXISTS "${t.name}"`);
  return {
    uncount: (ids) => ids.length && a.add(JSON.stringify(ids), -1),
    count: (ids) => ids.length && a.add(JSON.stringify(ids), 1),
    done: () => {
      for (const t of a.triggers) sqlite.exec(t.sql);
    },
  };
}
