import type { MergeField, MergeInput, MergeResult } from '../../../common/api/dedupe';
import { MERGE_FIELDS, isBlankMergeValue } from '../../../common/api/dedupe';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { writeAudit } from '../admin';

type MergeCore = Pick<Core, 'sqlite' | 'db' | 'clock' | 'auth' | 'visibility'>;

/** Each field the user picks, and its column. birthday carries birthday_md with it. */
export const MERGE_COLUMN: Record<MergeField, string> = {
  kind: 'kind',
  name: 'name',
  gender: 'gender',
  idNumber: 'id_number',
  birthday: 'birthday',
  province: 'province',
  city: 'city',
  address: 'address',
  email: 'email',
  wechat: 'wechat',
  source: 'source',
  occupation: 'occupation',
  ownerId: 'owner_id',
};

/** Records that go with their customer by cascade, not by moving: the import trail (an undo must not touch the kept customer) and the scan's own rows. */
const NOT_MOVED = new Set(['import_batch_rows', 'duplicate_members']);

type Row = Record<string, unknown> & { id: number; version: number; owner_id: number | null; name: string };

/**
 * Merges `mergedId` into `keptId` in one transaction: the kept customer takes the picked value of
 * each field (the other's when the kept one is blank and nothing was picked); 免打扰 flags add up
 * (either customer asked: kept); consent follows the customer's last word (a withdrawal stands, else a
 * consent given on either); notes are joined. Every record pointing at the merged customer (phones —
 * a number the kept customer already has is dropped —, vehicles, opportunities, activities, visits,
 * revisits, calls, recordings, SMS, complaints, tasks …, found from the foreign keys, so a table added
 * later moves too) points at the kept one; the merged row is deleted and `customer_merges` keeps its
 * id resolving to the kept customer. Both must be visible to the user; customers of two owners need
 * 'customers.reassign'; a copy older than either record is refused (STALE_RECORD).
 */
export function mergeCustomers(core: MergeCore, s: SessionCtx, input: MergeInput): MergeResult {
  const { keptId, mergedId } = input;
  if (keptId === mergedId) throw new AppError('INVALID_INPUT', { issues: ['kept = merged'] });
  core.visibility.requireVisible(s, keptId);
  core.visibility.requireVisible(s, mergedId);
  const sqlite = core.sqlite;
  const now = core.clock.now();
  const run = sqlite.transaction(() => {
    const get = sqlite.prepare('SELECT * FROM customers WHERE id = ?');
    const kept = get.get(keptId) as Row | undefined;
    const merged = get.get(mergedId) as Row | undefined;
    if (!kept || !merged) throw new AppError('NOT_FOUND');
    if (kept.version !== input.keptVersion) throw new AppError('STALE_RECORD', { entity: 'customer', id: keptId });
    if (merged.version !== input.mergedVersion) throw new AppError('STALE_RECORD', { entity: 'customer', id: mergedId });
    if (kept.owner_id !== merged.owner_id && !core.auth.hasPermission(s, 'customers.reassign')) throw new AppError('FORBIDDEN');

    const set: Record<string, unknown> = {};
    for (const f of MERGE_FIELDS) {
      const col = MERGE_COLUMN[f];
      const choice = input.pick[f] ?? (isBlankMergeValue(kept[col]) && !isBlankMergeValue(merged[col]) ? 'merged' : 'kept');
      if (choice === 'merged' && kept[col] !== merged[col]) {
        set[col] = merged[col];
        if (f === 'birthday') set.birthday_md = merged.birthday_md;
      }
    }
    for (const flag of ['dnd_call', 'dnd_sms', 'dnd_revisit']) if (merged[flag] === 1 && kept[flag] !== 1) set[flag] = 1;
    Object.assign(set, mergedConsent(kept, merged));
    if (!isBlankMergeValue(merged.notes) && merged.notes !== kept.notes) set.notes = isBlankMergeValue(kept.notes) ? merged.notes : `${String(kept.notes)}\n${String(merged.notes)}`;

    const moved: Record<string, number> = {};
    // The kept customer's numbers stay; the merged one's duplicates of them go, the rest move as secondary numbers.
    moved.customer_phones_dropped = sqlite
      .prepare('DELETE FROM customer_phones WHERE customer_id = ? AND normalized IN (SELECT normalized FROM customer_phones WHERE customer_id = ?)')
      .run(mergedId, keptId).changes;
    sqlite.prepare('UPDATE customer_phones SET is_primary = 0 WHERE customer_id = ?').run(mergedId);
    for (const r of references(sqlite)) {
      const n = sqlite.prepare(`UPDATE "${r.table}" SET "${r.column}" = ? WHERE "${r.column}" = ?`).run(keptId, mergedId).changes;
      if (n) moved[r.table] = (moved[r.table] ?? 0) + n;
    }
    const cols = Object.keys(set);
    sqlite
      .prepare(`UPDATE customers SET version = version + 1, updated_at = ?${cols.map((c) => `, "${c}" = ?`).join('')} WHERE id = ?`)
      .run(now, ...cols.map((c) => set[c]), keptId);
    sqlite.prepare('DELETE FROM customers WHERE id = ?').run(mergedId);
    // The merged customer's scan rows went with it; a group left with one customer is no group.
    sqlite.prepare('DELETE FROM duplicate_groups WHERE id IN (SELECT group_id FROM duplicate_members WHERE customer_id = ?) AND (SELECT count(*) FROM duplicate_members m WHERE m.group_id = duplicate_groups.id) < 2').run(keptId);
    const snapshot = JSON.stringify(merged);
    sqlite.prepare('INSERT INTO customer_merges (merged_id, kept_id, merged_at, merged_by, snapshot) VALUES (?, ?, ?, ?, ?)').run(mergedId, keptId, now, s.user.id, snapshot);
    // Merges made earlier into the merged customer now resolve to the kept one (customer_merges references customers: moved above).
    const before = Object.fromEntries(cols.map((c) => [c, kept[c]]));
    writeAudit(core.db, core.clock, { userId: s.user.id, action: 'merge', entity: 'customer', entityId: String(keptId), before, after: { ...set, mergedId, moved } });
    writeAudit(core.db, core.clock, { userId: s.user.id, action: 'merged', entity: 'customer', entityId: String(mergedId), before: merged, after: { keptId } });
    return { keptId, mergedId, moved, changed: cols };
  });
  return run();
}

/** The customer's last word on commercial messages: a withdrawal on either record stands; else a consent given on either. */
function mergedConsent(kept: Row, merged: Row): Record<string, unknown> {
  const fields = ['consent_status', 'consent_date', 'consent_method', 'consent_withdrawn_date', 'consent_file'];
  const take = (r: Row) => Object.fromEntries(fields.map((f) => [f, r[f]]));
  const withdrawn = [kept, merged].filter((r) => r.consent_status === 'withdrawn').sort((a, b) => String(b.consent_withdrawn_date).localeCompare(String(a.consent_withdrawn_date)))[0];
  const chosen = withdrawn ?? (kept.consent_status === 'given' ? kept : merged.consent_status === 'given' ? merged : kept);
  return chosen === kept ? {} : take(chosen);
}

let referencesCache: { table: string; column: string }[] | null = null;
/** Every (table, column) with a foreign key to customers, but the customers table's own and the cascaded ones. */
function references(sqlite: Core['sqlite']): { table: string; column: string }[] {
  referencesCache ??= (
    sqlite
      .prepare(`SELECT m.name AS "table", p."from" AS "column" FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND p."table" = 'customers'`)
      .all() as { table: string; column: string }[]
  ).filter((r) => !NOT_MOVED.has(r.table) && r.table !== 'customers');
  return referencesCache;
}
