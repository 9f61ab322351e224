import type { Core } from '../../core';
import { oneDigitApart, similarityKeys } from './similar';

export type DuplicateRule = 'phone' | 'idNumber' | 'nameSimilarPhone';
export interface FoundGroup {
  rule: DuplicateRule;
  key: string;
  members: number[];
}

type ScanCore = Pick<Core, 'reads' | 'sqlite' | 'clock'>;

/**
 * Finds every duplicate group in the customer base: customers sharing a normalised phone, sharing an
 * ID number, or with the same name and mobile numbers one digit apart. Reads run on the read pool
 * (seconds at 1M: every phone is read); groups someone marked 不是重复 with the same members are
 * left out. VINs are unique per vehicle (vehicles_vin_uq): a second customer with the same car
 * cannot be entered, so there is no VIN rule to scan.
 */
export async function findDuplicates(core: ScanCore): Promise<FoundGroup[]> {
  const groups: FoundGroup[] = [];
  const byPhone = await core.reads.all<{ key: string; ids: string }>(
    'SELECT normalized AS key, group_concat(DISTINCT customer_id) AS ids FROM customer_phones GROUP BY normalized HAVING count(DISTINCT customer_id) > 1',
  );
  for (const r of byPhone) groups.push({ rule: 'phone', key: r.key, members: ids(r.ids) });
  const byIdNumber = await core.reads.all<{ key: string; ids: string }>(
    "SELECT id_number AS key, group_concat(id) AS ids FROM customers WHERE id_number IS NOT NULL AND id_number <> '' GROUP BY id_number HAVING count(*) > 1",
  );
  for (const r of byIdNumber) groups.push({ rule: 'idNumber', key: r.key, members: ids(r.ids) });
  groups.push(...(await similarPhonesByName(core)));
  const dismissed = new Set(
    (core.sqlite.prepare('SELECT rule, key, members FROM duplicate_dismissals').all() as { rule: string; key: string; members: string }[]).map((d) => `${d.rule}|${d.key}|${d.members}`),
  );
  return groups.filter((g) => !dismissed.has(`${g.rule}|${g.key}|${g.members.join(',')}`));
}

/** Same name, mobiles one digit apart: the name's customers bucketed by similarityKeys, pairs compared within a bucket. */
async function similarPhonesByName(core: ScanCore): Promise<FoundGroup[]> {
  const rows = await core.reads.all<{ name: string; id: number; phone: string }>(
    `SELECT c.name AS name, c.id AS id, p.normalized AS phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id
      WHERE p.kind = 'mobile' AND c.name IN (SELECT name FROM customers GROUP BY name HAVING count(*) > 1) ORDER BY c.name`,
  );
  const out: FoundGroup[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]!.name === rows[i]!.name) j++;
    const members = linkedCustomers(rows.slice(i, j));
    for (const m of members) out.push({ rule: 'nameSimilarPhone', key: rows[i]!.name, members: m });
    i = j;
  }
  return out;
}

/** The customers of one name joined by a one-digit-apart pair of mobiles (union-find), as groups of two or more. */
function linkedCustomers(rows: { id: number; phone: string }[]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const buckets = new Map<string, { id: number; phone: string }[]>();
  for (const r of rows) {
    parent.set(r.id, r.id);
    for (const k of similarityKeys(r.phone.slice(-11))) {
      const b = buckets.get(k);
      if (b) b.push(r);
      else buckets.set(k, [r]);
    }
  }
  let linked = false;
  for (const b of buckets.values()) {
    if (b.length < 2) continue;
    for (let x = 0; x < b.length; x++)
      for (let y = x + 1; y < b.length; y++) {
        const p = b[x]!;
        const q = b[y]!;
        if (p.id !== q.id && oneDigitApart(p.phone, q.phone)) {
          parent.set(find(p.id), find(q.id));
          linked = true;
        }
      }
  }
  if (!linked) return [];
  const groups = new Map<number, Set<number>>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root) ?? new Set<number>();
    g.add(id);
    groups.set(root, g);
  }
  return [...groups.values()].filter((g) => g.size > 1).map((g) => [...g].sort((a, b) => a - b));
}

const ids = (s: string) =>
  s
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);

/** Replaces the stored scan with `groups` in one transaction (the screen never sees half a scan). */
export function storeDuplicates(sqlite: Core['sqlite'], groups: FoundGroup[], now: number): void {
  const insertGroup = sqlite.prepare('INSERT INTO duplicate_groups (rule, key, size, found_at) VALUES (?, ?, ?, ?)');
  // A customer deleted (or merged away) while the scan ran is left out, not a foreign-key failure.
  const insertMember = sqlite.prepare('INSERT INTO duplicate_members (group_id, customer_id) SELECT ?, id FROM customers WHERE id = ?');
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM duplicate_members').run();
    sqlite.prepare('DELETE FROM duplicate_groups').run();
    for (const g of groups) {
      const id = Number(insertGroup.run(g.rule, g.key, g.members.length, now).lastInsertRowid);
      for (const m of g.members) insertMember.run(id, m);
    }
    sqlite.prepare('DELETE FROM duplicate_groups WHERE (SELECT count(*) FROM duplicate_members m WHERE m.group_id = duplicate_groups.id) < 2').run();
  })();
}
