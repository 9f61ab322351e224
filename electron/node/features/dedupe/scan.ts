import type { Core } from '../../core';
import { oneDigitApart } from './similar';

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

/**
 * Same name, mobiles one digit apart. The pairing runs in SQL on the read pool: the mobiles of names
 * two customers share, joined with the same name's mobiles that share the first six or the last five
 * digits (two one-digit-apart numbers always do: a difference or a swap in the first half leaves the
 * last five equal, one in the second half the first six). At 1M that is 821k mobiles but a
 * few hundred pairs, so the host's thread only checks those pairs (oneDigitApart) and joins them per name.
 */
async function similarPhonesByName(core: ScanCore): Promise<FoundGroup[]> {
  const pairs = await core.reads.all<{ name: string; a: number; an: string; b: number; bn: string }>(
    `WITH m AS MATERIALIZED (
       SELECT c.name AS name, c.id AS id, substr(p.normalized, -11) AS n FROM customers c JOIN customer_phones p ON p.customer_id = c.id
        WHERE p.kind = 'mobile' AND c.name IN (SELECT name FROM customers GROUP BY name HAVING count(*) > 1))
     SELECT a.name AS name, a.id AS a, a.n AS an, b.id AS b, b.n AS bn FROM m a JOIN m b
         ON b.name = a.name AND b.id > a.id AND b.n <> a.n AND (substr(b.n, 1, 6) = substr(a.n, 1, 6) OR substr(b.n, -5) = substr(a.n, -5))`,
  );
  const byName = new Map<string, [number, number][]>();
  for (const p of pairs) {
    if (!oneDigitApart(p.an, p.bn)) continue;
    const list = byName.get(p.name) ?? [];
    list.push([p.a, p.b]);
    byName.set(p.name, list);
  }
  const out: FoundGroup[] = [];
  for (const [name, links] of byName) for (const members of joined(links)) out.push({ rule: 'nameSimilarPhone', key: name, members });
  return out;
}

/** Customers linked by pairs, as groups (union-find), each sorted. */
function joined(links: [number, number][]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of links) parent.set(find(a), find(b));
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].map((g) => g.sort((x, y) => x - y));
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
